package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
)

// TestOnlyForSome: the premium paid 只给 one of more than one person
// counted before is paid for part of the household (选择性参保); said
// with 就给 (then, for them) it is the plain act.
func TestOnlyForSome(t *testing.T) {
	h := newTestHotline(t)
	day, err := calendar.ParseDate("2024-09-12")
	require.NoError(t, err)
	cases := []struct{ q, act string }{
		{"屋里两个老人，一个身体好一个身体差，只给身体差的那个交医保", "selective_enrolment"},
		{"屋里三个人，光给伢子交医保要得不", "selective_enrolment"},
		{"屋里两个老人，就给他们交医保", "enrol_resident_medical_insurance"},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			u := h.p.understandCall(c.q, day)
			require.NotEmpty(t, u.queries)
			require.Equal(t, c.act, u.queries[0].Activity)
		})
	}
}
