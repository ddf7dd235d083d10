// Package clause holds the notices' own texts and finds the clause a caller's
// words point at. A rule set's texts live beside its rules, one file per
// notice in texts/<notice file stem>.yaml, split into the articles and
// items the rule files cite (第十六条（三）, 二（四）, 五). A notice without a
// text file has no lookup.
//
// The index is built once, at load: every clause (a sentence or an item)
// is kept with its characters and character pairs, weighted by how few
// clauses hold them, so that a call is matched with a few map look-ups.
package clause

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml"

	"github.com/tonggao/tonggao/hotline/vocab"
	"github.com/tonggao/tonggao/internal/fsread"
	"github.com/tonggao/tonggao/rules"
)

// Dir is the directory of a rule root that holds the notices' texts.
const Dir = "texts"

// Article is one article (or item) of a notice's text, as its file gives it.
type Article struct {
	// Label is the article as the rule files cite it: 五, 第十六条（三）, 二（四）.
	Label string
	// Text is the article's text as printed, its number first; paragraphs
	// are separated by a line break.
	Text string
	// Line is where it is written in its file.
	Line int
}

// Text is one notice's text.
type Text struct {
	Notice   *rules.Notice
	File     string
	Articles []Article
}

// Article returns the text of the article labelled label: the article
// itself and, for an article cited whole (第十六条), its items after it;
// an item (第十六条（三）) comes after its article's words that lead to it
// (施工单位应当按照下列要求…：), which the rule files quote with it.
func (t *Text) Article(label string) string {
	lead := ""
	if i := strings.Index(label, "（"); i > 0 {
		lead = label[:i]
	}
	var b strings.Builder
	for _, a := range t.Articles {
		if a.Label == label || a.Label == lead || strings.HasPrefix(a.Label, label+"（") {
			b.WriteString(a.Text)
		}
	}
	return b.String()
}

// Clause is one sentence or item of an article: what a question is matched
// against.
type Clause struct {
	Notice *rules.Notice
	// Article is its article's label.
	Article string
	// Text is the sentence, without the article's number.
	Text string
	// Full is the whole article (or item) it stands in, without its number.
	Full string
}

// Index is the rule set's texts and their clauses, indexed by the
// characters and character pairs they hold.
type Index struct {
	Texts   []*Text
	clauses []Clause
	// weight of each character pair (and, at half weight, character):
	// the log of how rare it is among the clauses.
	weight map[string]float64
	// posts lists, for each pair and character, the clauses holding it.
	posts map[string][]int32
}

type fileSpec struct {
	Notice   rules.Str `yaml:"notice"`
	Articles []struct {
		Article rules.Str `yaml:"article"`
		Text    rules.Str `yaml:"text"`
	} `yaml:"articles"`
}

// Load reads texts/*.yaml of every root and checks each against set: the
// file is named as a notice file of the set, names that notice's number,
// and gives each article once, with a text that starts with its number.
// A root without a texts directory adds nothing.
func Load(ctx context.Context, set *rules.Set, roots ...vocab.Root) (*Index, error) {
	byStem := map[string]*rules.Notice{}
	for _, n := range set.Notices {
		byStem[strings.TrimSuffix(path.Base(n.File), ".yaml")] = n
	}
	x := &Index{}
	var errs rules.ErrorList
	for _, root := range roots {
		entries, err := fs.ReadDir(root.FS, Dir)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("texts: %w", err)
		}
		r := fsread.New(ctx, root.FS, root.Name, fsread.Limits{})
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".yaml") {
				continue
			}
			name := path.Join(Dir, e.Name())
			data, err := r.ReadFile(name)
			if err != nil {
				return nil, fmt.Errorf("texts: %w", err)
			}
			t, fe := parse(r.Path(name), data, byStem[strings.TrimSuffix(e.Name(), ".yaml")])
			errs = append(errs, fe...)
			if t != nil {
				x.Texts = append(x.Texts, t)
			}
		}
	}
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool {
			a, b := errs[i], errs[j]
			if a.File != b.File {
				return a.File < b.File
			}
			return a.Pos.Line < b.Pos.Line || a.Pos.Line == b.Pos.Line && a.Pos.Col < b.Pos.Col
		})
		return nil, errs
	}
	x.build()
	return x, nil
}

// decodeFile decodes a text file: from the snapshot when it was made from
// these bytes (snapshot.go), else by the YAML decoder.
func decodeFile(data []byte) (fileSpec, error) {
	if spec := fromSnapshot(data); spec != nil {
		return *spec, nil
	}
	return decodeYAML(data)
}

// decodeYAML decodes a text file by the YAML decoder.
func decodeYAML(data []byte) (fileSpec, error) {
	var spec fileSpec
	err := yaml.UnmarshalWithOptions(data, &spec, yaml.DisallowUnknownField(), yaml.Strict())
	return spec, err
}

func parse(file string, data []byte, n *rules.Notice) (*Text, rules.ErrorList) {
	var errs rules.ErrorList
	errorf := func(p rules.Pos, format string, args ...any) {
		errs = append(errs, &rules.Error{File: file, Pos: p, Msg: fmt.Sprintf(format, args...)})
	}
	spec, err := decodeFile(data)
	if err != nil {
		e := rules.YAMLError(file, err)
		msg, _, _ := strings.Cut(e.Msg, "\n")
		errorf(e.Pos, "%s", msg)
		return nil, errs
	}
	if n == nil {
		errorf(rules.Pos{}, "no notice file %s.yaml: a text file is named as its notice's file", strings.TrimSuffix(path.Base(file), ".yaml"))
		return nil, errs
	}
	if spec.Notice.Value != n.Number && spec.Notice.Value != n.ID {
		errorf(spec.Notice.Pos, "notice %q: its notice file is %s", spec.Notice.Value, n.Number)
	}
	if len(spec.Articles) == 0 {
		errorf(spec.Notice.Pos, "no articles")
	}
	t := &Text{Notice: n, File: file}
	seen := map[string]bool{}
	for _, a := range spec.Articles {
		label, text := a.Article.Value, strings.TrimSpace(a.Text.Value)
		switch {
		case label == "":
			errorf(a.Article.Pos, "an article with no label")
		case seen[label]:
			errorf(a.Article.Pos, "article %s given twice", label)
		case text == "":
			errorf(a.Article.Pos, "article %s has no text", label)
		case !numbered(label, text):
			errorf(a.Text.Pos, "article %s: its text starts %q, not with its number", label, firstRunes(text, 8))
		}
		seen[label] = true
		t.Articles = append(t.Articles, Article{Label: label, Text: text, Line: a.Article.Pos.Line})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return t, nil
}

// numbered reports whether text starts with the number of the article
// labelled label, as printed: 五、 for 五, 第十六条 for 第十六条, （三） or (三)
// for 第十六条（三）. A label of another form (前言) is not checked.
func numbered(label, text string) bool {
	if i := strings.Index(label, "（"); i > 0 {
		item := strings.TrimSuffix(label[i+len("（"):], "）")
		return strings.HasPrefix(text, "（"+item+"）") || strings.HasPrefix(text, "("+item+")")
	}
	if strings.HasPrefix(label, "第") {
		return strings.HasPrefix(text, label)
	}
	if strings.Trim(label, "一二三四五六七八九十") == "" {
		return strings.HasPrefix(text, label+"、")
	}
	return true
}

func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// unnumbered is an article's text without its number.
func unnumbered(label, text string) string {
	switch {
	case strings.HasPrefix(text, label+"、"):
		// before the label alone: 二、禁火区域 is 禁火区域, not 、禁火区域
		return text[len(label+"、"):]
	case strings.HasPrefix(text, label):
		return text[len(label):]
	}
	if r, size := utf8.DecodeRuneInString(text); r == '（' || r == '(' {
		if i := strings.IndexAny(text[size:], "）)"); i >= 0 {
			_, close := utf8.DecodeRuneInString(text[size+i:])
			return text[size+i+close:]
		}
	}
	if i := strings.Index(text, "、"); i > 0 && strings.Trim(text[:i], "一二三四五六七八九十") == "" {
		return text[i+len("、"):]
	}
	return text
}

// keyWeight is how many times more than the rest of a call its key words
// (the detail asked) weigh in choosing a clause: the act asked about is
// already answered, the detail is what the clause must hold.
const keyWeight = 3

// common is the share (1/common) of clauses above which a character or
// pair weighs nothing.
const common = 12

// build splits the articles into clauses and indexes them.
func (x *Index) build() {
	for _, t := range x.Texts {
		for _, a := range t.Articles {
			full := strings.ReplaceAll(unnumbered(a.Label, a.Text), "\n", "")
			for _, s := range sentences(unnumbered(a.Label, a.Text)) {
				x.clauses = append(x.clauses, Clause{Notice: t.Notice, Article: a.Label, Text: s, Full: full})
			}
		}
	}
	df := map[string]int{}
	x.posts = map[string][]int32{}
	for i, c := range x.clauses {
		for _, k := range keys(c.Text) {
			df[k]++
			x.posts[k] = append(x.posts[k], int32(i))
		}
	}
	x.weight = make(map[string]float64, len(df))
	n := float64(len(x.clauses))
	for k, d := range df {
		if d*common > len(x.clauses) {
			// in so many clauses it tells none apart (的, 要, 建筑):
			// left out, which keeps a call's look-ups short
			delete(x.posts, k)
			continue
		}
		w := math.Log(n / float64(d))
		if utf8.RuneCountInString(k) == 1 {
			w /= 2
		}
		x.weight[k] = w
	}
}

// sentences splits an article's text at its full stops, semicolons and
// paragraphs; a sentence keeps its stop.
func sentences(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		if strings.ContainsRune("。；;！？\n", r) {
			if s := strings.TrimSpace(text[start : i+utf8.RuneLen(r)]); utf8.RuneCountInString(s) > 1 {
				out = append(out, strings.TrimSuffix(s, "\n"))
			}
			start = i + utf8.RuneLen(r)
		}
	}
	if s := strings.TrimSpace(text[start:]); utf8.RuneCountInString(s) > 1 {
		out = append(out, s)
	}
	return out
}

// numerals are no key: a day or a count said (十一月, 二十米) names no
// clause, and the texts' own (九月二十一) would match any.
const numerals = "〇零一二三四五六七八九十百千万两"

// keys are the distinct Chinese characters of s and the pairs of them
// that stand together: what clauses and calls are compared by.
func keys(s string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(k string) {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	prev := -1
	for i, r := range s {
		if !unicode.Is(unicode.Han, r) || strings.ContainsRune(numerals, r) {
			prev = -1
			continue
		}
		add(s[i : i+utf8.RuneLen(r)])
		if prev >= 0 {
			add(s[prev : i+utf8.RuneLen(r)])
		}
		prev = i
	}
	return out
}

// Match is a clause found for a call, with how strongly the call's words
// point at it.
type Match struct {
	Clause
	// Score is the summed weight of the call's characters and pairs the
	// clause holds; Key that of those said in the words that must count
	// (Find's key).
	Score, Key float64
	// Cover is the share of the weight of all the call's words that the
	// clause holds: a call about the clause is mostly its words, a long
	// ramble or noise shares a little with every clause.
	Cover float64
	// Matched are the pairs of characters said that the clause holds, and
	// KeyMatched those of them in the key.
	Matched, KeyMatched []string
}

// Query is what a call is matched with: the caller's words, the notices'
// words for them (which weigh half: a clause that holds only what the
// caller was taken to mean is a weaker match), and the key — the part of
// the call that must count (the words the answer left unused, with theirs).
type Query struct {
	Said, Also, Key string
	// Holds, when given, are the words of which a clause must hold one to
	// be found: the kind of detail asked (米 for how far, 日内 for within
	// how many days).
	Holds []string
}

// holds reports whether a clause holds one of q's Holds, or q asks none.
func (q *Query) holds(text string) bool {
	if len(q.Holds) == 0 {
		return true
	}
	for _, h := range q.Holds {
		if strings.Contains(text, h) {
			return true
		}
	}
	return false
}

// Find returns the clause the words of q point at most strongly, among the
// notices in (all when in is empty), and whether there is one. The key's
// weight counts keyWeight times in choosing; with no key, all of q counts
// as key. Ties go to the first clause in the texts.
func (x *Index) Find(q Query, in ...*rules.Notice) (Match, bool) {
	if x == nil || len(x.clauses) == 0 {
		return Match{}, false
	}
	score := make([]float64, 2*len(x.clauses))
	keyScore := score[len(x.clauses):]
	var mine map[string]bool
	if q.Key != "" {
		mine = map[string]bool{}
		for _, k := range keys(q.Key) {
			mine[k] = true
		}
	}
	own := keys(q.Said)
	seen := make(map[string]bool, len(own))
	total := 0.0
	add := func(k string, w float64) {
		if seen[k] {
			return
		}
		seen[k] = true
		total += w
		for _, i := range x.posts[k] {
			score[i] += w
			if q.Key == "" || mine[k] {
				keyScore[i] += w
			}
		}
	}
	for _, k := range own {
		add(k, x.weight[k])
	}
	for _, k := range keys(q.Also) {
		add(k, x.weight[k]/2)
	}
	for _, k := range keys(q.Key) {
		add(k, x.weight[k]/2)
	}
	best := -1
	for i, c := range x.clauses {
		// the words that must count count keyWeight times more
		if score[i] > 0 && (best < 0 || score[i]+keyWeight*keyScore[i] > score[best]+keyWeight*keyScore[best]) && (len(in) == 0 || containsNotice(in, c.Notice)) && q.holds(c.Text) {
			best = i
		}
	}
	if best < 0 {
		return Match{}, false
	}
	m := Match{Clause: x.clauses[best], Score: score[best], Key: keyScore[best], Cover: score[best] / total}
	for _, k := range keys(q.Said + "\x00" + q.Also + "\x00" + q.Key) {
		if len(k) > utf8.RuneLen('一') && strings.Contains(m.Text, k) {
			m.Matched = append(m.Matched, k)
			if mine[k] {
				m.KeyMatched = append(m.KeyMatched, k)
			}
		}
	}
	return m, true
}

func containsNotice(ns []*rules.Notice, n *rules.Notice) bool {
	for _, m := range ns {
		if m == n {
			return true
		}
	}
	return false
}

// Text returns the text of the notice n, or nil when the set brought none.
func (x *Index) Text(n *rules.Notice) *Text {
	if x == nil {
		return nil
	}
	for _, t := range x.Texts {
		if t.Notice == n {
			return t
		}
	}
	return nil
}
