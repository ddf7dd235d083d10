package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
)

// TestNoHouseholdPartLeftOut: 二（六）'s 选择性参保 forbids enrolling part of
// a household, so an only said of a household of one (householdOfOne), or a
// pronoun naming someone a clause between tells of after the caller's own
// employee plan (pronounOfBetween), leaves no one out and enrols no one
// twice — while one left out of a household of more stays the forbidden
// part.
func TestNoHouseholdPartLeftOut(t *testing.T) {
	h := newTestHotline(t)
	day := calendar.MustDate(2024, 11, 20)
	for _, c := range []struct {
		q, act string
	}{
		{"我一个人住，只给我自己交医保", "enrol_resident_medical_insurance"},
		{"屋里就我一个人，只给我自己交医保可以吧", "enrol_resident_medical_insurance"},
		{"我自己有职工医保，我老婆冇工作，给她交居民医保要得不", "enrol_resident_medical_insurance"},
		// (others named: part of a household)
		{"医保只给我自己交，不给老婆交，行不行", "selective_enrolment"},
		{"就我一个人，只给我自己交，其他都不交", "selective_enrolment"},
		{"就我一个人冇交医保，其他都交了", "selective_enrolment"},
		// (the holder told of in the pronoun's own clause: 他 is the holder)
		{"我邻居在广东厂里有社保，他老婆还要在家里给他交居民医保，这样可以吗", "dual_medical_enrolment"},
	} {
		u := h.p.understand(c.q, day)
		require.NotEmpty(t, u.queries, c.q)
		require.Equal(t, c.act, u.queries[0].Activity, c.q)
	}
}
