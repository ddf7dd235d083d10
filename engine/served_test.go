package engine

import (
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
)

// FirstApplyingNotice agrees with the reasons it does not copy.
func TestFirstApplyingNotice(t *testing.T) {
	e, err := Embedded()
	require.NoError(t, err)
	for _, q := range []Query{
		{Activity: "烧田埂", Day: calendar.MustDate(2024, 10, 3), Facts: Facts{"distance_to_forest_m": 50.0}},
		{Activity: "烧田埂", Day: calendar.MustDate(2024, 10, 3)},
		{Activity: "烧垃圾", Day: calendar.MustDate(2024, 12, 1)},
		{Activity: "烧田埂", Day: calendar.MustDate(2024, 7, 3), Facts: Facts{"distance_to_forest_m": 500.0}},
	} {
		d, err := e.Decide(q)
		require.NoError(t, err)
		want := ""
		for _, r := range d.Reasons() {
			if r.Status == "applies" {
				want = r.Notice
				break
			}
		}
		require.Equal(t, want, d.FirstApplyingNotice(), "%s %s", q.Activity, q.Day)
	}
}
