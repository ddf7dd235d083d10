package clause_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/hotline/clause"
	"github.com/tonggao/tonggao/hotline/vocab"
	"github.com/tonggao/tonggao/rules"
)

func embedded(t testing.TB) (*rules.Set, *clause.Index) {
	t.Helper()
	set, err := rules.Embedded()
	require.NoError(t, err)
	x, err := clause.Load(context.Background(), set, vocab.Root{FS: rules.EmbeddedFS(), Name: "embedded"})
	require.NoError(t, err)
	return set, x
}

// bare drops white space: the texts keep paragraphs, quotes do not.
func bare(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// TestQuotesStandInTheirArticles checks every quote of a rule file against
// its own article's text (not merely somewhere in the gazette): a rule
// citing the wrong article, or a text file cut at the wrong place, fails.
func TestQuotesStandInTheirArticles(t *testing.T) {
	set, x := embedded(t)
	require.Len(t, x.Texts, 5, "the gazette's five notices bring their texts")
	checked := 0
	for _, n := range set.Notices {
		txt := x.Text(n)
		if txt == nil {
			continue
		}
		check := func(what, article, text string) {
			t.Helper()
			art := bare(txt.Article(article))
			require.NotEmpty(t, art, "%s %s: article %s is not in %s", n.File, what, article, txt.File)
			for _, part := range strings.Split(bare(text), "……") {
				if !strings.Contains(art, part) {
					t.Errorf("%s %s: %q is not in article %s of %s", n.File, what, part, article, txt.File)
				}
			}
			checked++
		}
		for _, r := range n.Rules {
			check("rule "+r.ID, r.Article, r.Text)
		}
		for _, d := range n.Duties {
			check("duty "+d.ID, d.Article, d.Text)
		}
		for _, p := range n.Penalties {
			check("penalty", p.Article, p.Text)
		}
	}
	require.Greater(t, checked, 100)
}

func TestLoadErrors(t *testing.T) {
	set, err := rules.Embedded()
	require.NoError(t, err)
	for _, tc := range []struct {
		name, file, data, want string
	}{
		{"no notice file", "texts/nothing.yaml", "notice: x\narticles:\n  - {article: 一, text: 一、x}\n",
			"r/texts/nothing.yaml: no notice file nothing.yaml"},
		{"wrong number", "texts/qzt-2024-08-oil-tea.yaml", "notice: 祁政通〔2024〕7号\narticles:\n  - {article: 一, text: 一、x}\n",
			"r/texts/qzt-2024-08-oil-tea.yaml:1:9: notice \"祁政通〔2024〕7号\""},
		{"twice", "texts/qzt-2024-08-oil-tea.yaml", "notice: 祁政通〔2024〕8号\narticles:\n  - {article: 一, text: 一、x}\n  - {article: 一, text: 一、y}\n",
			"r/texts/qzt-2024-08-oil-tea.yaml:4:15: article 一 given twice"},
		{"unnumbered", "texts/qzt-2024-08-oil-tea.yaml", "notice: 祁政通〔2024〕8号\narticles:\n  - article: 第三条（二）\n    text: 三、x\n",
			"r/texts/qzt-2024-08-oil-tea.yaml:4:11: article 第三条（二）: its text starts"},
		{"unknown key", "texts/qzt-2024-08-oil-tea.yaml", "notice: 祁政通〔2024〕8号\nartikles: []\n",
			"r/texts/qzt-2024-08-oil-tea.yaml:2:1:"},
		{"no text", "texts/qzt-2024-08-oil-tea.yaml", "notice: 祁政通〔2024〕8号\narticles:\n  - {article: 一}\n",
			"article 一 has no text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{tc.file: {Data: []byte(tc.data)}}
			_, err := clause.Load(context.Background(), set, vocab.Root{FS: fsys, Name: "r"})
			require.Error(t, err)
			require.Contains(t, err.Error(), tc.want)
		})
	}
	// a root without texts adds nothing, and is no error
	x, err := clause.Load(context.Background(), set, vocab.Root{FS: fstest.MapFS{}, Name: "r"})
	require.NoError(t, err)
	_, ok := x.Find(clause.Query{Said: "工地要装喷淋不"})
	require.False(t, ok)
}

func TestFind(t *testing.T) {
	_, x := embedded(t)
	for _, tc := range []struct{ said, article, has string }{
		{"工地要装喷淋不", "第十六条（三）", "喷淋"},
		{"工地出口要洗车槽不", "第十六条（四）", "洗车槽"},
		{"物业几天内要清走装修垃圾", "第十一条", "2日内"},
		{"党员偷摘茶籽哪个处分", "五", "党纪政纪处分"},
	} {
		t.Run(tc.said, func(t *testing.T) {
			m, ok := x.Find(clause.Query{Said: tc.said})
			require.True(t, ok)
			require.Equal(t, tc.article, m.Article, m.Text)
			require.Contains(t, m.Text, tc.has)
		})
	}
}

func BenchmarkFind(b *testing.B) {
	_, x := embedded(b)
	for b.Loop() {
		x.Find(clause.Query{Said: "工地出口要洗车槽不", Key: "洗车槽"})
	}
}
