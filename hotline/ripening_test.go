package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
)

// TestRipeningVariety: a variety told by the term it ripens at is that
// variety, and the term is no day asked; a term said without 熟 stays a day.
func TestRipeningVariety(t *testing.T) {
	h := newTestHotline(t)
	day, err := calendar.ParseDate("2024-10-16")
	require.NoError(t, err)
	for _, c := range []struct {
		q, variety string
		termDay    bool // the term is still read as a day
	}{
		{"我屋里是霜降那时候才熟的那种，10月22号去摘", "霜降籽", false},
		{"他屋里是霜降那几天才熟的，10月20号去摘", "霜降籽", false},
		{"我们那里的茶子是寒露前后就熟透的那种，10月9号去打", "寒露籽", false},
		{"寒露那天去自家山上摘茶籽", "", true},
	} {
		rd := h.p.read(c.q, day)
		got := ""
		for _, f := range rd.facts {
			for _, v := range f.w.facts {
				if v.Fact == "oil_tea_variety" {
					got, _ = v.V.(string)
				}
			}
		}
		require.Equal(t, c.variety, got, c.q)
		term := false
		for _, m := range rd.dates {
			if m.Words == "寒露" || m.Words == "霜降" || m.Words == "寒露那天" {
				term = true
			}
		}
		require.Equal(t, c.termDay, term, c.q)
	}
}
