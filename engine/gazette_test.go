package engine_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
)

// TestOilTeaStartDaysMatchThePrintedDates checks the oil-tea notice's
// encoding — start days as the solar terms 寒露 and 霜降 of the harvest
// year — against what 祁政通〔2024〕8号 prints: 2024年10月8日（农历九月初六）
// and 2024年10月23日（农历九月二十一）.
func TestOilTeaStartDaysMatchThePrintedDates(t *testing.T) {
	e := testEngine(t)
	n, ok := e.Rules().Notice("祁政通〔2024〕8号")
	require.True(t, ok)
	for _, tc := range []struct {
		window, printed, lunar string
	}{
		{"hanlu_picking", "2024-10-08", "九月初六"},
		{"shuangjiang_picking", "2024-10-23", "九月二十一"},
	} {
		t.Run(tc.window, func(t *testing.T) {
			var found bool
			for _, w := range n.Windows {
				if w.ID != tc.window {
					continue
				}
				found = true
				var starts []string
				for _, iv := range e.Window(w).Intervals() {
					if iv.From.Year() == 2024 {
						starts = append(starts, iv.From.String())
						want, err := calendar.ParseLunarDate(tc.lunar)
						require.NoError(t, err)
						got, err := e.Calendar().Lunar(iv.From)
						require.NoError(t, err)
						require.Equal(t, [3]int{want.Month, want.Day, 2024}, [3]int{got.Month, got.Day, got.Year}, "lunar date of %s", iv.From)
						require.False(t, got.Leap)
					}
				}
				require.Equal(t, []string{tc.printed}, starts)
			}
			require.True(t, found, "window %s not in the oil-tea notice", tc.window)
		})
	}
}
