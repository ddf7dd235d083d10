package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
)

// TestNumeralBeforeUnit holds the cheap test that spares the distance
// regexp its scan to what the regexp needs: on every corpus question
// and on crafted ones, reDist matches only where numeralBeforeUnit says
// it may.
func TestNumeralBeforeUnit(t *testing.T) {
	p := newTestHotline(t).p
	units := p.distUnits
	for _, c := range []struct {
		text string
		want bool
	}{
		{"离山50米", true},
		{"离林子两百多米", true},
		{"离山三百来米", true},
		{"离山 一百  多 米", true},
		{"离山一里路", true},
		{"离山2km", true},
		{"好多米", true},
		{"离山很远", false},
		{"米饭烧好了", false},
		{"离山有米", false},
		{"多米", false},
	} {
		require.Equal(t, c.want, numeralBeforeUnit(c.text, units), c.text)
	}
	n := 0
	for _, c := range loadCorpus(t, allCorpora...) {
		text := p.read(c.Q, calendar.MustDate(2024, 10, 3)).text
		if p.reDist.MatchString(text) {
			n++
			require.True(t, numeralBeforeUnit(text, units), "reDist matches %q", text)
		}
	}
	require.Greater(t, n, 50, "the corpora say distances")
}
