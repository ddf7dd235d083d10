package engine

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// mergeByRescan is mergeCells as it was: after each merge, scan again
// from the first pair.
func mergeByRescan(numeric []bool, cells []cell, bounds []int) {
	w := len(numeric)
	lo := func(c int) []int { return bounds[2*w*c : 2*w*c+w] }
	hi := func(c int) []int { return bounds[2*w*c+w : 2*w*(c+1)] }
	for merged := true; merged; {
		merged = false
		for a := 0; a < len(cells) && !merged; a++ {
			for b := 0; b < len(cells) && !merged; b++ {
				x, y := &cells[a], &cells[b]
				if a == b || !x.alive || !y.alive || x.verdict != y.verdict {
					continue
				}
				for k, num := range numeric {
					if !num || hi(a)[k]+1 != lo(b)[k] || !sameElsewhere(lo(a), hi(a), lo(b), hi(b), k) {
						continue
					}
					hi(a)[k] = hi(b)[k]
					y.alive = false
					merged = true
					break
				}
			}
		}
	}
}

// mergeCells merges exactly as the rescan did, over random grids of
// verdicts (numbers and booleans mixed, some points without a verdict).
func TestMergeCellsAsRescan(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 7))
	for range 3000 {
		w := 1 + r.IntN(4)
		numeric := make([]bool, w)
		sizes := make([]int, w)
		total := 1
		for k := range w {
			numeric[k] = r.IntN(3) > 0
			sizes[k] = 2
			if numeric[k] {
				sizes[k] = 1 + r.IntN(5)
			}
			total *= sizes[k]
		}
		verdicts := 1 + r.IntN(3)
		var cells []cell
		var bounds []int
		for m := range total {
			v := verdictCode(r.IntN(verdicts + 1))
			if v == 0 {
				continue
			}
			at := make([]int, w)
			for k, q := 0, m; k < w; k++ {
				at[k], q = q%sizes[k], q/sizes[k]
			}
			bounds = append(append(bounds, at...), at...)
			cells = append(cells, cell{verdict: v, alive: true})
		}
		c1, b1 := slices.Clone(cells), slices.Clone(bounds)
		mergeCells(numeric, cells, bounds)
		mergeByRescan(numeric, c1, b1)
		require.Equal(t, c1, cells)
		require.Equal(t, b1, bounds)
	}
}
