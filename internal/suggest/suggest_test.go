package suggest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestClosest(t *testing.T) {
	for _, tc := range []struct {
		got   string
		known []string
		want  []string
	}{
		{"清民", []string{"清明", "寒露", "霜降"}, []string{"清明"}},
		{"烧田梗", []string{"烧田埂", "烧田埂草", "野炊"}, []string{"烧田埂"}},
		{"烧田", []string{"烧田埂", "烧田埂草", "野炊"}, []string{"烧田埂", "烧田埂草"}},
		{"distanc", []string{"distance_to_forest_m", "fire_zone"}, []string{"distance_to_forest_m"}},
		{"QINGMING", []string{"Qingming", "Hanlu"}, []string{"Qingming"}},
		{"完全不同的词", []string{"烧田埂"}, []string{}},
		{"", []string{"烧田埂"}, nil},
		{strings.Repeat("烧", 100000), []string{"烧田埂"}, nil},
	} {
		got := Closest(tc.got, tc.known, 3)
		if tc.want == nil {
			require.Nil(t, got, tc.got)
			continue
		}
		require.Equal(t, tc.want, got, tc.got)
	}
	require.Equal(t, " (did you mean 清明?)", DidYouMean("清民", []string{"清明", "寒露"}, 1))
	require.Equal(t, "", DidYouMean("xyzzy", []string{"清明"}, 1))
}
