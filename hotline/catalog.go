package hotline

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/goccy/go-yaml"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline/zh"
)

// Lang is an answer language: "zh" (the default) or "en".
type Lang string

// The answer languages.
const (
	ZH Lang = "zh"
	EN Lang = "en"
)

// ParseLang reads a language name; empty means Chinese.
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "zh", "zh-cn", "cn", "chinese":
		return ZH, nil
	case "en", "english":
		return EN, nil
	}
	return "", fmt.Errorf("unknown language %q (want zh or en)", s)
}

// text is one catalogue entry in both languages.
type text struct {
	ZH string `yaml:"zh" json:"zh"`
	EN string `yaml:"en" json:"en"`
}

func (t text) in(l Lang) string {
	if l == EN {
		return t.EN
	}
	return t.ZH
}

// factText is what the catalogue says about one fact.
type factText struct {
	Question text            `yaml:"question"`
	Subject  text            `yaml:"subject"`
	Values   map[string]text `yaml:"values"`
}

// Catalog holds every sentence the hotline says, in Chinese and English.
// It is immutable once loaded.
type Catalog struct {
	Messages map[string]text     `yaml:"messages"`
	Facts    map[string]factText `yaml:"facts"`
}

// placeholder is compiled on first use: every command of the binary runs the
// package initialisers of all (docs/speed.md).
var placeholder = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{[a-z_]+\}`) })

// LoadCatalog parses a catalogue and checks that every entry has both
// languages and that both use the same placeholders.
func LoadCatalog(b []byte) (*Catalog, error) {
	var c Catalog
	if err := yaml.UnmarshalWithOptions(b, &c, yaml.Strict()); err != nil {
		return nil, fmt.Errorf("catalogue: %w", err)
	}
	var problems []string
	check := func(key string, t text) {
		if t.ZH == "" || t.EN == "" {
			problems = append(problems, key+": needs zh and en")
			return
		}
		if strings.HasPrefix(key, "head.") || key == "when" || key == "where.town" || key == "date" {
			return // the two languages write dates and place when/where differently
		}
		if a, b := placeholders(t.ZH), placeholders(t.EN); a != b {
			problems = append(problems, fmt.Sprintf("%s: zh uses %s, en uses %s", key, a, b))
		}
	}
	for k, t := range c.Messages {
		check(k, t)
	}
	for f, ft := range c.Facts {
		check("facts."+f+".question", ft.Question)
		check("facts."+f+".subject", ft.Subject)
		for v, t := range ft.Values {
			check("facts."+f+".values."+v, t)
		}
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("catalogue: %s", strings.Join(problems, "; "))
	}
	return &c, nil
}

func placeholders(s string) string {
	m := placeholder().FindAllString(s, -1)
	seen := map[string]bool{}
	var out []string
	for _, p := range m {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	sortStrings(out)
	return strings.Join(out, "")
}

// EmbeddedCatalog returns the catalogue shipped with the package. It is
// parsed once; each call returns a copy the caller may add follow-up
// questions to.
func EmbeddedCatalog() (*Catalog, error) {
	c, err := embeddedCatalog()
	if err != nil {
		return nil, err
	}
	out := &Catalog{Messages: c.Messages, Facts: map[string]factText{}}
	for k, v := range c.Facts {
		out.Facts[k] = v
	}
	return out, nil
}

// embeddedCatalog parses the embedded catalogue once (or takes it from
// the snapshot, catalog_snapshot.go): it never changes,
// and every Hotline (one per reload) shares its messages.
var embeddedCatalog = sync.OnceValues(func() (*Catalog, error) {
	if c, ok := catalogFromSnapshot(catalogYAML); ok {
		return c, nil
	}
	return LoadCatalog(catalogYAML)
})

// T renders message key in language l, filling {name} placeholders from
// kv (name, value, name, value …). An unknown key renders as the key in
// brackets, so a missing entry is visible rather than silent.
func (c *Catalog) T(l Lang, key string, kv ...string) string {
	t, ok := c.Messages[key]
	if !ok {
		return "[" + key + "]"
	}
	return fill(t.in(l), kv...)
}

// fill replaces each {name} of s by the value after name in kv (the first
// pair naming it), left to right, never inside a value put in; a {…}
// naming none is kept. (A strings.Replacer built per call cost a tenth of
// an answer.)
func fill(s string, kv ...string) string {
	if len(kv) < 2 || strings.IndexByte(s, '{') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		n := 1 // not a placeholder: the brace is kept
		for k := 0; k+1 < len(kv); k += 2 {
			if name := kv[k]; len(s) > len(name)+1 && s[len(name)+1] == '}' && s[1:len(name)+1] == name {
				b.WriteString(kv[k+1])
				n = len(name) + 2
				break
			}
		}
		if n == 1 {
			b.WriteByte('{')
		}
		s = s[n:]
	}
}

// Verdict is the short spoken word for a verdict.
func (c *Catalog) Verdict(l Lang, v string) string { return c.T(l, "verdict."+v) }

// Question is the follow-up question for fact, or "" if the catalogue has
// none.
func (c *Catalog) Question(l Lang, fact string, kv ...string) string {
	ft, ok := c.Facts[fact]
	if !ok {
		return ""
	}
	return fill(ft.Question.in(l), kv...)
}

// Subject names what a fact is about ("离山林多远"), for "要看…".
func (c *Catalog) Subject(l Lang, fact, fallback string) string {
	if ft, ok := c.Facts[fact]; ok {
		return ft.Subject.in(l)
	}
	return fallback
}

// Value is the label of an enum value, or "" if the catalogue has none.
func (c *Catalog) Value(l Lang, fact, value string) string {
	if ft, ok := c.Facts[fact]; ok {
		if t, ok := ft.Values[value]; ok {
			return t.in(l)
		}
	}
	return ""
}

// Article renders an article reference: 三 → 第三条 / article 3; 标题 →
// title; a reference already written out is kept in Chinese (第十九条（二）)
// and its numbers read in English (article 19(2)).
func (c *Catalog) Article(l Lang, a string) string {
	switch {
	case a == "":
		return ""
	case a == "标题":
		return c.T(l, "article.title")
	}
	if l == EN {
		if n, ok := articleNumbers(a); ok {
			return c.T(l, "article.numbered", "a", n)
		}
		return c.T(l, "article.other", "a", a)
	}
	for _, r := range a {
		if !strings.ContainsRune("一二三四五六七八九十百零", r) {
			return c.T(l, "article.other", "a", a)
		}
	}
	return c.T(l, "article.numbered", "a", a)
}

// reArticle is an article reference: 三, 第三条, 第十九条（二）, 二（四）.
var reArticle = regexp.MustCompile(`^(?:第)?([零〇一二两三四五六七八九十百]+)(?:条)?(?:[（(]([零〇一二两三四五六七八九十百]+)[）)])?$`)

// articleNumbers reads an article reference's numbers: 第十九条（二） →
// "19(2)".
func articleNumbers(a string) (string, bool) {
	m := reArticle.FindStringSubmatch(a)
	if m == nil {
		return "", false
	}
	n, ok := zh.Number(m[1])
	if !ok {
		return "", false
	}
	out := strconv.Itoa(int(n))
	if m[2] != "" {
		item, ok := zh.Number(m[2])
		if !ok {
			return "", false
		}
		out += "(" + strconv.Itoa(int(item)) + ")"
	}
	return out, true
}

// Places says a place answer (engine.FactCondition.Places) in l: its parts
// joined by "or", a division less others as "白水镇（431181107）除外".
func (c *Catalog) Places(l Lang, parts []engine.PlacePart) string {
	sep := c.T(l, "list.sep")
	out := make([]string, len(parts))
	for i, p := range parts {
		except := strings.Join(p.Except, sep)
		switch {
		case len(p.Except) == 0:
			out[i] = p.Label
		case p.Label == "":
			out[i] = c.T(l, "place.elsewhere", "except", except)
		default:
			out[i] = c.T(l, "place.except", "place", p.Label, "except", except)
		}
	}
	return strings.Join(out, c.T(l, "list.or"))
}
