package suggest

import (
	"math/rand/v2"
	"sort"
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

// TestClosestIsPlain: Closest, which skips names too long or short to be
// within reach and shares its buffers, answers as the plain search
// (every name's edit distance) on random names from a small alphabet
// (so that many are near), and on the engine's kind of names.
func TestClosestIsPlain(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("烧田埂草野炊aAbB_")
	word := func() string {
		r := make([]rune, rng.IntN(7))
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(r)
	}
	for range 2000 {
		known := make([]string, rng.IntN(30))
		for i := range known {
			known[i] = word()
		}
		got := word()
		for _, n := range []int{1, 3, 100} {
			want := plainClosest(got, known, n)
			require.Equal(t, want, Closest(got, known, n), "%q in %q", got, known)
			require.Equal(t, want, NewIndex(known).Closest(got, n), "index: %q in %q", got, known)
		}
	}
}

// plainClosest is Closest as first written: every name compared in full.
func plainClosest(got string, known []string, n int) []string {
	if got == "" || len(got) > maxBytes {
		return nil
	}
	type scored struct {
		s string
		d int
	}
	lower := strings.ToLower(got)
	g := []rune(lower)
	var cands []scored
	for _, k := range known {
		kl := strings.ToLower(k)
		kr := []rune(kl)
		var rows []int
		d := editDistance(g, kr, &rows)
		if strings.Contains(kl, lower) || strings.Contains(lower, kl) {
			d = min(d, 1)
		}
		if d <= max(1, min(len(g), len(kr))/2) {
			cands = append(cands, scored{k, d})
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].d != cands[j].d {
			return cands[i].d < cands[j].d
		}
		return cands[i].s < cands[j].s
	})
	out := make([]string, 0, min(n, len(cands)))
	for _, c := range cands {
		if len(out) == n {
			break
		}
		out = append(out, c.s)
	}
	return out
}
