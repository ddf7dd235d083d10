package cli

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestHereWithConditions: with a conditions feed, the day's fire-danger
// level heads the screen (who published it, when), or, past the feed's
// last day, a line saying the feed has none; a duty that may apply names
// the facts it turns on — by their labels, never a made-up example.
func TestHereWithConditions(t *testing.T) {
	for _, tc := range []struct {
		name, at string
		first    string // the line after the date
		not      []string
	}{
		{"fresh", "2025-07-14", "  白水镇 2025-07-14 森林火险气象等级：4（据示例气象台（非官方） 2025-07-14 08:00 发布）。", nil},
		{"stale", "2025-10-02", "  条件数据（sha256:", []string{"森林火险气象等级：4"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCmd("here", "--conditions", "../../examples/conditions", "--town", "白水镇", "--at", tc.at)
			require.Equal(t, 0, code, errOut)
			lines := strings.Split(out, "\n")
			require.Equal(t, tc.at+" 此地", lines[0])
			require.True(t, strings.HasPrefix(lines[1], tc.first), "headline: %q", lines[1])
			if tc.name == "stale" {
				require.Contains(t, lines[1], "没有白水镇 "+tc.at+" 的森林火险气象等级（最近一次为 2025-07-18")
			}
			for _, s := range tc.not {
				require.NotContains(t, out, s)
			}
			// 祁政办发〔2024〕8号's duties turn on whether the place is in the
			// city's planning area; nothing there reads the fire level.
			var duty string
			for _, l := range lines {
				if strings.Contains(l, "职责 第三十三条") {
					duty = l
				}
			}
			require.NotEmpty(t, duty, out)
			require.True(t, strings.HasSuffix(duty, "（是否适用取决于：在城市规划区）"), duty)
			require.NotContains(t, out, "如火险等级")
			require.NotContains(t, out, "planning_area", "facts by their labels")
		})
	}
	// Without a feed nothing is said of published facts.
	code, out, errOut := runCmd("here", "--town", "白水镇", "--at", "2025-07-14")
	require.Equal(t, 0, code, errOut)
	require.NotContains(t, out, "森林火险气象等级：")
}
