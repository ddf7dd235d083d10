package hotline

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/rules"
)

// TestReadingIgnoresUnrelatedWords: a word added to the vocabulary changes
// the reading of no call that does not say it. The segmenter's distances
// once hung on the dictionary's total, so that adding 土砖 to the rubble
// words turned set 15's 稻草…一把火烧掉 into 野外用火 and a shopkeeper's
// 货堆到门外 into 货堆 (session 41). The embedded vocabulary is read again
// with a few rubble words more, and every tuned and held-out call that
// says none of them is read as before: its intent and each query's act,
// day and facts.
func TestReadingIgnoresUnrelatedWords(t *testing.T) {
	if testing.Short() {
		t.Skip("reads every corpus call twice")
	}
	h := newTestHotline(t)
	added := []string{"土砖", "泥砖", "碎土砖"}
	more := withWords(t, rules.EmbeddedFS(), "vocabulary/nouns.yaml", "瓦片, 烂瓦片,", "瓦片, "+strings.Join(added, ", ")+", 烂瓦片,")
	h2, err := New(h.eng, Root{FS: more, Name: "embedded+rubble"})
	require.NoError(t, err)
	require.True(t, h2.p.seg.isWord("土砖"), "the added words are not read")
	read := func(h *Hotline, q string, today calendar.Date) string {
		u := h.p.understandCall(q, today)
		out := fmt.Sprint(u.intent)
		for _, qu := range u.queries {
			out += fmt.Sprintf(" | %s %s %s %v", qu.Activity, qu.Act, qu.Date, qu.Facts)
		}
		return out
	}
	cases := []struct{ q, at string }{
		{"我跟你讲 我屋里今年种了两季稻 收完了稻草堆在田里 冇得人要 牛也卖了 就想一把火烧掉算了 田在大忠桥镇 离山好远 烧得不", "2024-11-20"},
		{"专项整治到么子时候结束 我店里的货堆到门外人行道上了 城区", "2024-12-01"},
	}
	for _, c := range loadCorpus(t, allCorpora...) {
		cases = append(cases, struct{ q, at string }{c.Q, c.At})
	}
	changed := 0
	for _, c := range cases {
		if containsAny(h.p.script.Fold(c.q), added) {
			continue
		}
		today, err := calendar.ParseDate(c.at)
		require.NoError(t, err, c.q)
		if a, b := read(h, c.q, today), read(h2, c.q, today); a != b {
			changed++
			t.Errorf("%q (at %s): read %s, with %s added %s", c.q, c.at, a, strings.Join(added, ","), b)
		}
	}
	require.Zero(t, changed)
}

// withWords is a copy of fsys whose file name has old replaced by new
// (once, and it must be there).
func withWords(t *testing.T, fsys fs.FS, name, old, new string) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	require.NoError(t, fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		out[path] = &fstest.MapFile{Data: b}
		return nil
	}))
	f, ok := out[name]
	require.True(t, ok, name)
	require.Equal(t, 1, strings.Count(string(f.Data), old), "%s: %q", name, old)
	f.Data = []byte(strings.Replace(string(f.Data), old, new, 1))
	return out
}

// containsAny reports whether s holds any of ws.
func containsAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
