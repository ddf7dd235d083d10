package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPutOffAndHaulHours: part of a household put off to another year is
// left out of the year's enrolment (二（六）), and the hours asked of a haul
// said before them are the haul's set times (第十九条（二）), never 可以 on
// the permit alone (session 37, set 62).
func TestPutOffAndHaulHours(t *testing.T) {
	h := newTestHotline(t)
	for _, c := range []struct{ at, q, act, verdict string }{
		{"2024-11-08", "今年只给两个伢子交，我们两口子明年再交，要得不", "selective_enrolment", "forbidden"},
		{"2024-11-08", "老人今年交，年轻人明年再交，要得不", "selective_enrolment", "forbidden"},
		{"2024-11-08", "我明年再交医保要得不", "enrol_resident_medical_insurance", "allowed"},
		{"2025-06-03", "城里运渣土，核准办了的，晚上拉白天拉都一样吧", "cw_transport_at_hours", "conditional"},
	} {
		r := askCorpus(h, corpusCase{Q: c.q, At: c.at})
		require.Equal(t, c.act, r.act, c.q)
		require.Equal(t, c.verdict, r.verdict, c.q)
	}
}
