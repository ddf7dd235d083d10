package rules

import (
	"math/rand/v2"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/rules/cond"
)

// TestDeriveDirtyIsPasses requires derive's dirty-set loop to give what
// trying every implication on every pass gives — the same facts and the
// same contradiction — on random states, for the embedded implications
// and for a chain written backwards (each step needs a pass of its own)
// with numbers, enums and contradictions.
func TestDeriveDirtyIsPasses(t *testing.T) {
	embedded, err := Embedded()
	require.NoError(t, err)
	chain, err := Load(fstest.MapFS{"facts.yaml": {Data: []byte(`facts:
  - {name: a, type: bool, zh: a, en: a, doc: a}
  - {name: b, type: bool, zh: b, en: b, doc: b}
  - {name: c, type: bool, zh: c, en: c, doc: c}
  - {name: d, type: bool, zh: d, en: d, doc: d}
  - {name: n, type: number, min: 0, zh: n, en: n, doc: n}
  - {name: z, type: enum, values: [x, y, w], zh: z, en: z, doc: z}
implications:
  - {if: "z == \"y\"", then: "!a"}
  - {if: "n > 5", then: "z == \"y\""}
  - {if: d, then: "n == 10"}
  - {if: c, then: d}
  - {if: b, then: c}
  - {if: a, then: b}
  - {if: "n < 3", then: "z == \"x\""}
  - {if: "!d", then: "n == 1"}
`)}})
	require.NoError(t, err)
	for _, set := range []*Set{embedded, chain} {
		require.Len(t, set.readers, len(set.Implications))
		r := rand.New(rand.NewPCG(7, 8))
		for range 20000 {
			st := set.NewState()
			for _, f := range set.Facts {
				if r.IntN(3) == 0 {
					continue
				}
				switch f.Kind {
				case cond.Number:
					v := float64(r.IntN(12))
					hi := v
					if r.IntN(3) == 0 {
						hi += float64(r.IntN(12))
					}
					st.Num[f.Var.Slot] = cond.Num{Lo: v, Hi: hi, Known: true}
				case cond.Bool:
					st.Bool[f.Var.Slot] = cond.TriOf(r.IntN(2) == 0)
				case cond.Enum:
					st.Str[f.Var.Slot] = f.Values[r.IntN(len(f.Values))]
				}
			}
			want := &cond.State{Num: append([]cond.Num(nil), st.Num...), Bool: append([]cond.Tri(nil), st.Bool...), Str: append([]string(nil), st.Str...)}
			wantImp, wantOK := set.derivePasses(want)
			gotImp, gotOK := set.deriveDirty(st)
			require.Equal(t, wantOK, gotOK)
			require.Same(t, wantImp, gotImp)
			require.Equal(t, want, st)
		}
	}
}
