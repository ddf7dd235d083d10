package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
)

// TestOptionAndWayEnded: a choice whose option the call ends on is another
// verb of no act (choiceEndsOff) is asked as that option, no rule's; a way
// told done and then ended in a clause naming no one (wayEnded) is no way
// held when its act is asked after; 一直 inside a phrase (inner_fillers)
// keeps the phrase — each beside a neighbour that stays as it was.
func TestOptionAndWayEnded(t *testing.T) {
	h := newTestHotline(t)
	day := calendar.MustDate(2025, 6, 10)
	for _, c := range []struct {
		q, activity, act string
	}{
		{"落叶是在院子里烧还是扫到垃圾桶里", "", "扫到垃圾桶里"},
		{"落叶是在院子里烧还是在田里烧", "open_burning_leaves", ""},
		{"在外省上班交了职工医保，哦，已经辞职了，断了半年了，交居民医保要得不", "enrol_resident_medical_insurance", ""},
		{"在外省上班交了职工医保，还冇断，交居民医保要得不", "dual_medical_enrolment", ""},
		// (the ending said of someone else: the caller's plan still held)
		{"我在厂里交了职工医保，我老婆辞职了，我交居民医保要得不", "dual_medical_enrolment", ""},
		{"城区跑的渣土车号牌一直看不清，泥巴糊住了", "cw_truck_unclean", ""},
	} {
		u := h.p.understand(c.q, day)
		require.NotEmpty(t, u.queries, c.q)
		require.Equal(t, c.activity, u.queries[0].Activity, c.q)
		require.Equal(t, c.act, u.queries[0].Act, c.q)
	}
}
