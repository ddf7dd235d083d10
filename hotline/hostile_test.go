package hotline

import (
	"io/fs"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/internal/corpus"
	"github.com/tonggao/tonggao/rules"
)

// The hostile rule corpus: testdata/hostile/rules.txt holds adversarial
// rule files with the exact error rules.Load must give (the format is
// package corpus's; HOSTILE_UPDATE=1 go test -run Hostile rewrites the
// expected lines from what the code does now — for review in the diff,
// never blindly). The HTTP corpus is the server's.

// hostileNotice is the notice each rules.txt case edits: a minimal valid
// notice (one window, one condition, one rule).
const hostileNotice = `notice:
  number: 测试〔2024〕1号
  title: 测试通告
  effective: 2024-09-01
  valid_until: 2025-08-31
activities:
  - id: test_fire
    name: 测试用火
    en: test fire
windows:
  - id: season
    name: 季节
    when: annual 09-01..04-30
    article: 一
conditions:
  - id: near
    name: 附近
    if: distance_to_forest_m <= 100
    article: 二
rules:
  - id: ban
    article: 三
    text: 严禁测试用火。
    effect: forbid
    activities: [test_fire]
    if: season && near
`

// TestHostileRules loads every adversarial rule file of
// testdata/hostile/rules.txt through rules.Load and requires its exact
// error (or "ok" for the few that are harmless, with a comment saying
// why). A case edits the notice above with "sub: OLD => NEW" lines, or
// gives the whole file as "file:" (Go-quoted). Each load must also finish
// well within a generous ceiling.
func TestHostileRules(t *testing.T) {
	const path = "testdata/hostile/rules.txt"
	file, err := corpus.Read(path)
	require.NoError(t, err)
	cases := file.Cases
	require.GreaterOrEqual(t, len(cases), 20)
	facts, err := fs.ReadFile(rules.EmbeddedFS(), "facts.yaml")
	require.NoError(t, err)
	divisions, err := fs.ReadFile(rules.EmbeddedFS(), rules.DivisionsFile) // the town fact's values
	require.NoError(t, err)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			notice := hostileNotice
			if f := c.Get("file"); f != "" {
				notice = value(t, f)
			}
			for _, sub := range c.All("sub") {
				old, new, ok := strings.Cut(sub, " => ")
				require.True(t, ok, "sub: OLD => NEW")
				old, new = value(t, old), value(t, new)
				require.Contains(t, notice, old)
				notice = strings.Replace(notice, old, new, 1)
			}
			_, err := rules.Load(fstest.MapFS{
				"facts.yaml":        {Data: facts},
				rules.DivisionsFile: {Data: divisions},
				"notices/test.yaml": {Data: []byte(notice)},
			})
			got := "ok"
			if err != nil {
				got = err.Error()
			}
			if len(got) > 2000 {
				got = got[:2000] + "…"
			}
			if corpus.Update() {
				c.Set("want", strconv.Quote(got))
			} else {
				require.Equal(t, c.Get("want"), strconv.Quote(got))
			}
			// A ceiling, not a speed test (the 10 MB expression takes ~7 s
			// under -race on a busy 2-core machine): it catches a load whose
			// cost runs away with its input, like YAML nested 100 000 deep
			// (38 s, not in the corpus).
		})
	}
	if corpus.Update() {
		require.NoError(t, file.Write())
	}
}

func value(t *testing.T, s string) string {
	t.Helper()
	v, err := corpus.Value(s)
	require.NoError(t, err)
	return v
}
