package hotline

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

//go:embed lexicon.yaml
var lexiconYAML []byte

// lexicon is the everyday glue vocabulary (lexicon.yaml).
type lexicon struct {
	Days   map[string]int `yaml:"days"`
	Months map[string]int `yaml:"months"`
	Week   struct {
		This     []string       `yaml:"this"`
		Next     []string       `yaml:"next"`
		Day      []string       `yaml:"day"`
		Weekdays map[string]int `yaml:"weekdays"`
	} `yaml:"week"`
	Lunar    []string `yaml:"lunar"`
	Distance struct {
		Prefixes []string           `yaml:"prefixes"`
		Nouns    []string           `yaml:"nouns"`
		Units    map[string]float64 `yaml:"units"`
		Within   []string           `yaml:"within"`
		Beyond   []string           `yaml:"beyond"`
	} `yaml:"distance"`
	DaysSince struct {
		Prefixes []string `yaml:"prefixes"`
		Units    []string `yaml:"units"`
	} `yaml:"days_since"`
	Phrases []struct {
		Fact   string    `yaml:"fact"`
		Value  any       `yaml:"value"`
		Range  []float64 `yaml:"range"`
		Note   string    `yaml:"note"`
		NoteEN string    `yaml:"note_en"`
		Words  []string  `yaml:"words"`
	} `yaml:"phrases"`
	FestivalAliases map[string]string `yaml:"festival_aliases"`
	Infix           []string          `yaml:"infix"`
	Filler          []string          `yaml:"filler"`
}

// Span is a number known only within [Min, Max], such as "山边" read as
// within 100 m of forest land.
type Span struct {
	Min float64 `json:"min"`
	Max float64 `json:"max"`
}

// Understood is one piece of the question and what it was taken to mean.
type Understood struct {
	Words string `json:"words"`
	// Kind is activity, date, place or fact.
	Kind    string `json:"kind"`
	Meaning string `json:"meaning"`
	Fact    string `json:"fact,omitempty"`
	Value   any    `json:"value,omitempty"`
	// Note says how an imprecise phrase was read.
	Note string `json:"note,omitempty"`
}

// Query is a question turned into what the engine needs, with an account
// of every word: what was understood and what was not.
type Query struct {
	Question string `json:"question"`
	// Activity is the activity's id ("" when none was recognised);
	// ActivityName its Chinese name as printed in the notice.
	Activity     string `json:"activity"`
	ActivityName string `json:"activity_name"`
	ActivityEN   string `json:"activity_en,omitempty"`
	// Date is the day asked about; DateWords the words it came from ("" when
	// no date was said and today was used).
	Date      calendar.Date `json:"date"`
	DateWords string        `json:"date_words,omitempty"`
	// Facts are the facts the question states, by name: float64, bool,
	// string or Span.
	Facts map[string]any `json:"facts"`
	// OtherActivities are further activities mentioned and not answered.
	OtherActivities []string     `json:"other_activities,omitempty"`
	Understood      []Understood `json:"understood"`
	// NotUnderstood lists the fragments that meant nothing to the parser;
	// they were not used, never guessed at.
	NotUnderstood []string `json:"not_understood"`
}

// EngineFacts converts the query's facts for the engine.
func (q *Query) EngineFacts() engine.Facts {
	out := engine.Facts{}
	for k, v := range q.Facts {
		if s, ok := v.(Span); ok {
			out[k] = engine.Range{Lo: s.Min, Hi: s.Max, Source: "question"}
			continue
		}
		out[k] = v
	}
	return out
}

// entry is one word the parser knows.
type entry struct {
	word     string
	kind     string // activity, town, value, fact
	activity *rules.Activity
	fact     string
	value    any
	note     string
	noteEN   string
}

// parser turns questions into queries. It is built once from the rule set,
// the calendar and the lexicon and is safe for concurrent use.
type parser struct {
	set      *rules.Set
	cal      *calendar.Calendar
	lex      *lexicon
	words    []entry // sorted longest first
	filler   []string
	reYMD    *regexp.Regexp
	reMD     *regexp.Regexp
	reLunar  *regexp.Regexp
	reLunar2 *regexp.Regexp
	reDist   *regexp.Regexp
	reDays   *regexp.Regexp
	reDOM    *regexp.Regexp
	reWeek   *regexp.Regexp
}

// farMetres stands for "farther than that" in a distance range.
const farMetres = 100000

const cnNum = `[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+`

func alt(words []string) string {
	ws := append([]string(nil), words...)
	sort.Slice(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	for i, w := range ws {
		ws[i] = regexp.QuoteMeta(w)
	}
	return "(?:" + strings.Join(ws, "|") + ")"
}

func newParser(set *rules.Set, cal *calendar.Calendar, lexYAML []byte) (*parser, error) {
	var lex lexicon
	if err := yaml.UnmarshalWithOptions(lexYAML, &lex, yaml.Strict()); err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	p := &parser{set: set, cal: cal, lex: &lex}
	for _, a := range set.Activities {
		for _, w := range append([]string{a.Name}, a.Synonyms...) {
			if utf8.RuneCountInString(w) >= 2 {
				p.words = append(p.words, entry{word: w, kind: "activity", activity: a})
			}
		}
	}
	for _, f := range set.Facts {
		if f.Kind != cond.Enum {
			continue
		}
		for _, v := range f.Values {
			if !hasHan(v) {
				continue
			}
			p.words = append(p.words, entry{word: v, kind: "value", fact: f.Name, value: v})
			if f.Name == "town" {
				// Callers drop the suffix: 白水 for 白水镇, 龙山 for 龙山街道.
				for _, suf := range []string{"瑶族乡", "街道", "镇", "乡"} {
					if stem, ok := strings.CutSuffix(v, suf); ok && utf8.RuneCountInString(stem) >= 2 {
						p.words = append(p.words, entry{word: stem, kind: "value", fact: f.Name, value: v})
						break
					}
				}
			}
		}
		for v, label := range f.Labels {
			if hasHan(label) && utf8.RuneCountInString(label) <= 12 {
				p.words = append(p.words, entry{word: label, kind: "value", fact: f.Name, value: v})
			}
		}
	}
	for _, ph := range lex.Phrases {
		f, ok := set.Fact(ph.Fact)
		if !ok {
			return nil, fmt.Errorf("lexicon: phrase fact %q is not in facts.yaml", ph.Fact)
		}
		var val any
		switch {
		case len(ph.Range) == 2 && f.Kind == cond.Number:
			val = Span{Min: ph.Range[0], Max: ph.Range[1]}
		case f.Kind == cond.Bool:
			b, ok := ph.Value.(bool)
			if !ok {
				return nil, fmt.Errorf("lexicon: phrase for %s: want true or false", ph.Fact)
			}
			val = b
		case f.Kind == cond.Enum:
			s := fmt.Sprint(ph.Value)
			if f.Canonical(s) == "" {
				return nil, fmt.Errorf("lexicon: phrase for %s: %q is not one of its values", ph.Fact, s)
			}
			val = f.Canonical(s)
		default:
			return nil, fmt.Errorf("lexicon: phrase for %s: unsupported value", ph.Fact)
		}
		for _, w := range ph.Words {
			p.words = append(p.words, entry{word: w, kind: "fact", fact: ph.Fact, value: val, note: ph.Note, noteEN: ph.NoteEN})
		}
	}
	sort.SliceStable(p.words, func(i, j int) bool { return len(p.words[i].word) > len(p.words[j].word) })
	p.filler = append([]string(nil), lex.Filler...)
	for w := range lex.Days {
		p.filler = append(p.filler, w) // a second day word is not "not understood"
	}
	sort.Slice(p.filler, func(i, j int) bool { return len(p.filler[i]) > len(p.filler[j]) })

	p.reYMD = regexp.MustCompile(`([0-9]{4}|[零〇一二三四五六七八九]{4})\s*[年\-/.]\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[月\-/.]\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]?`)
	// A day of the month alone: 10号, 15日, 十号.
	p.reDOM = regexp.MustCompile(`([0-9]{1,2})\s*[号日]|([一二三四五六七八九十]{1,3})号`)
	p.reMD = regexp.MustCompile(`(` + cnNum + `)\s*月\s*(` + cnNum + `)\s*[日号]`)
	lday := `(?:初[一二三四五六七八九十]|廿[一二三四五六七八九]?|二十[一二三四五六七八九]?|三十|十[一二三四五六七八九]?|[一二三四五六七八九])`
	p.reLunar = regexp.MustCompile(alt(lex.Lunar) + `\s*(?:([0-9]{4})年)?\s*(闰?[正一二三四五六七八九十冬腊0-9]{1,2}月` + lday + `)[日号]?`)
	// Without 农历, only a date no Gregorian date could be: 腊月二十三,
	// 正月十五, 九月初六.
	p.reLunar2 = regexp.MustCompile(`()((?:[正冬腊]月` + lday + `)|(?:闰?[一二三四五六七八九十]{1,2}月(?:初[一二三四五六七八九十]|廿[一二三四五六七八九]?)))`)
	units := make([]string, 0, len(lex.Distance.Units))
	for u := range lex.Distance.Units {
		units = append(units, u)
	}
	p.reDist = regexp.MustCompile(alt(lex.Distance.Prefixes) + `\s*(?:那片|那个|这片)?` + alt(lex.Distance.Nouns) +
		`[^0-9零〇一二两三四五六七八九十百千]{0,5}?(` + cnNum + `)\s*(?:来|几)?\s*(` + alt(units) + `)\s*(` + alt(lex.Distance.Within) + `|` + alt(lex.Distance.Beyond) + `)?`)
	p.reDays = regexp.MustCompile(alt(lex.DaysSince.Prefixes) + `\s*(` + cnNum + `)\s*` + alt(lex.DaysSince.Units))
	wd := make([]string, 0, len(lex.Week.Weekdays))
	for w := range lex.Week.Weekdays {
		wd = append(wd, w)
	}
	p.reWeek = regexp.MustCompile(`(` + alt(append(append([]string{}, lex.Week.This...), lex.Week.Next...)) + `)?` +
		alt(lex.Week.Day) + `(` + alt(wd) + `)`)
	return p, nil
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// normalize turns full-width digits, letters and spaces into ASCII so the
// patterns see one form.
func normalize(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ', r == '．', r == '－', r == '／':
			return r - 0xFEE0
		case r == '\u3000':
			return ' '
		}
		return r
	}, strings.TrimSpace(s))
}

// state is one parse in progress: which bytes of the question are used.
type state struct {
	s       string
	covered []bool
	q       *Query
	dateSet bool
}

func (st *state) free(i, j int) bool {
	for k := i; k < j; k++ {
		if st.covered[k] {
			return false
		}
	}
	return true
}

func (st *state) mark(i, j int) {
	for k := i; k < j; k++ {
		st.covered[k] = true
	}
}

// parse reads question as asked on day today (China).
func (p *parser) parse(question string, today calendar.Date) *Query {
	s := normalize(question)
	st := &state{s: s, covered: make([]bool, len(s)), q: &Query{Question: question, Facts: map[string]any{},
		Understood: []Understood{}, NotUnderstood: []string{}}}
	p.dates(st, today)
	p.distance(st)
	p.vocabulary(st)
	if st.q.Activity == "" {
		p.activityWithInfixes(st)
	}
	p.festivals(st, today)
	p.relative(st, today)
	p.dayOfMonth(st, today)
	if !st.dateSet {
		st.q.Date = today
	}
	st.q.NotUnderstood = p.residue(st)
	return st.q
}

func (st *state) setDate(words string, d calendar.Date, meaning string) {
	if st.dateSet {
		if d != st.q.Date {
			st.q.NotUnderstood = append(st.q.NotUnderstood, words)
		}
		return
	}
	st.dateSet = true
	st.q.Date = d
	st.q.DateWords = words
	st.q.Understood = append(st.q.Understood, Understood{Words: words, Kind: "date", Meaning: meaning, Value: d.String()})
}

// upcoming picks, among a date's occurrences, the first that is not more
// than grace days past: a caller asking "清明能上坟吗" in November means
// next April.
func upcoming(cands []calendar.Date, today calendar.Date, grace int) (calendar.Date, bool) {
	sort.Slice(cands, func(i, j int) bool { return cands[i].Before(cands[j]) })
	for _, d := range cands {
		if !d.Before(today.AddDays(-grace)) {
			return d, true
		}
	}
	return calendar.Date{}, false
}

func (p *parser) dates(st *state, today calendar.Date) {
	s := st.s
	for _, m := range p.reYMD.FindAllStringSubmatchIndex(s, -1) {
		y, ok1 := digits(s[m[2]:m[3]])
		mo, ok2 := number(s[m[4]:m[5]])
		d, ok3 := number(s[m[6]:m[7]])
		st.mark(m[0], m[1])
		if day, err := calendar.NewDate(y, int(mo), int(d)); err == nil && ok1 && ok2 && ok3 {
			st.setDate(s[m[0]:m[1]], day, day.String())
		} else {
			st.q.NotUnderstood = append(st.q.NotUnderstood, s[m[0]:m[1]])
		}
	}
	lunar := append(p.reLunar.FindAllStringSubmatchIndex(s, -1), p.reLunar2.FindAllStringSubmatchIndex(s, -1)...)
	for _, m := range lunar {
		if !st.free(m[0], m[1]) {
			continue
		}
		st.mark(m[0], m[1])
		words := s[m[0]:m[1]]
		l, err := calendar.ParseLunarDate(s[m[4]:m[5]])
		var cands []calendar.Date
		if err == nil {
			if m[2] >= 0 && m[3] > m[2] {
				l.Year, _ = strconv.Atoi(s[m[2]:m[3]])
				if d, err := p.cal.FromLunar(l); err == nil {
					cands = append(cands, d)
				}
			} else {
				for y := today.Year() - 1; y <= today.Year()+1; y++ {
					ds, _ := p.cal.LunarInYear(l, y)
					cands = append(cands, ds...)
				}
			}
		}
		if d, ok := upcoming(cands, today, 0); ok {
			st.setDate(words, d, d.String())
		} else {
			st.q.NotUnderstood = append(st.q.NotUnderstood, words)
		}
	}
	for _, m := range p.reMD.FindAllStringSubmatchIndex(s, -1) {
		if !st.free(m[0], m[1]) {
			continue
		}
		mo, ok1 := number(s[m[2]:m[3]])
		d, ok2 := number(s[m[4]:m[5]])
		st.mark(m[0], m[1])
		var cands []calendar.Date
		if ok1 && ok2 {
			for y := today.Year() - 1; y <= today.Year()+1; y++ {
				if day, err := calendar.NewDate(y, int(mo), int(d)); err == nil {
					cands = append(cands, day)
				}
			}
		}
		if day, ok := upcoming(cands, today, 0); ok {
			st.setDate(s[m[0]:m[1]], day, day.String())
		} else {
			st.q.NotUnderstood = append(st.q.NotUnderstood, s[m[0]:m[1]])
		}
	}
}

// dayOfMonth reads 10号 alone: the next such day, this month or the next.
func (p *parser) dayOfMonth(st *state, today calendar.Date) {
	s := st.s
	for _, m := range p.reDOM.FindAllStringSubmatchIndex(s, -1) {
		if !st.free(m[0], m[1]) {
			continue
		}
		st.mark(m[0], m[1])
		g := 2
		if m[2] < 0 {
			g = 4
		}
		n, _ := number(s[m[g]:m[g+1]])
		y, mo, _ := today.Date()
		var cands []calendar.Date
		for k := 0; k < 3; k++ {
			if d, err := calendar.NewDate(y, mo, int(n)); err == nil {
				cands = append(cands, d)
			}
			if mo++; mo > 12 {
				y, mo = y+1, 1
			}
		}
		if d, ok := upcoming(cands, today, 0); ok {
			st.setDate(s[m[0]:m[1]], d, d.String())
		} else {
			st.q.NotUnderstood = append(st.q.NotUnderstood, s[m[0]:m[1]])
		}
	}
}

// digits reads a year written digit by digit: 2024 or 二零二四.
func digits(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	n := 0
	for _, r := range s {
		d := strings.IndexRune("零一二三四五六七八九", r)
		if r == '〇' {
			d = 0
		}
		if d < 0 {
			return 0, false
		}
		n = n*10 + d/len("零") // IndexRune counts bytes; each numeral is 3
	}
	return n, true
}

// number reads an Arabic or Chinese numeral: 50, 一百, 两百五, 一百五十.
func number(s string) (float64, bool) {
	if x, err := strconv.ParseFloat(s, 64); err == nil {
		return x, true
	}
	digit := map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	unit := map[rune]int{'十': 10, '百': 100, '千': 1000}
	total, cur, lastUnit := 0, -1, 0
	rs := []rune(s)
	if len(rs) == 0 {
		return 0, false
	}
	for _, r := range rs {
		if d, ok := digit[r]; ok {
			cur = d
			continue
		}
		u, ok := unit[r]
		if !ok {
			return 0, false
		}
		if cur < 0 {
			cur = 1 // 十五 = 15
		}
		total += cur * u
		cur, lastUnit = -1, u
	}
	if cur >= 0 {
		if lastUnit >= 100 && len(rs) >= 2 && unit[rs[len(rs)-2]] == lastUnit {
			cur *= lastUnit / 10 // 两百五 = 250
		}
		total += cur
	}
	return float64(total), true
}

func (p *parser) distance(st *state) {
	s := st.s
	for _, m := range p.reDist.FindAllStringSubmatchIndex(s, -1) {
		if !st.free(m[0], m[1]) {
			continue
		}
		n, ok := number(s[m[2]:m[3]])
		st.mark(m[0], m[1])
		words := s[m[0]:m[1]]
		if !ok {
			st.q.NotUnderstood = append(st.q.NotUnderstood, words)
			continue
		}
		var v any = n * p.lex.Distance.Units[s[m[4]:m[5]]]
		if m[6] >= 0 {
			// A bound, not a value: 100米以内 is 0..100; 100米外 is 100 or
			// more, up to a far 100 km, which the engine reads as "at least".
			if contains(p.lex.Distance.Within, s[m[6]:m[7]]) {
				v = Span{Min: 0, Max: v.(float64)}
			} else {
				v = Span{Min: v.(float64), Max: farMetres}
			}
		}
		if _, dup := st.q.Facts["distance_to_forest_m"]; dup {
			st.q.NotUnderstood = append(st.q.NotUnderstood, words)
			continue
		}
		st.q.Facts["distance_to_forest_m"] = v
		st.q.Understood = append(st.q.Understood, Understood{Words: words, Kind: "fact", Fact: "distance_to_forest_m",
			Value: v, Meaning: p.factMeaning("distance_to_forest_m", v)})
	}
	for _, m := range p.reDays.FindAllStringSubmatchIndex(s, -1) {
		if !st.free(m[0], m[1]) {
			continue
		}
		n, ok := number(s[m[2]:m[3]])
		st.mark(m[0], m[1])
		if !ok {
			st.q.NotUnderstood = append(st.q.NotUnderstood, s[m[0]:m[1]])
			continue
		}
		st.q.Facts["days_since_generated"] = n
		st.q.Understood = append(st.q.Understood, Understood{Words: s[m[0]:m[1]], Kind: "fact", Fact: "days_since_generated",
			Value: n, Meaning: p.factMeaning("days_since_generated", n)})
	}
}

func (p *parser) factMeaning(fact string, v any) string {
	f, ok := p.set.Fact(fact)
	if !ok {
		return fact
	}
	switch x := v.(type) {
	case Span:
		return fmt.Sprintf("%s %g–%g", f.ZH, x.Min, x.Max)
	case string:
		if l := f.Labels[x]; l != "" {
			return f.ZH + "：" + l
		}
		return f.ZH + "：" + x
	case bool:
		if x {
			return f.ZH
		}
		return "不" + f.ZH
	case float64:
		return fmt.Sprintf("%s：%g", f.ZH, x)
	}
	return f.ZH
}

// vocabulary matches the rule files' words (activities, towns, enum values)
// and the lexicon's fact phrases, longest first, so 烧田埂草 beats 烧田埂
// and 上坟烧纸 beats 烧纸.
func (p *parser) vocabulary(st *state) {
	s := st.s
	type hit struct {
		i, j int
		e    entry
	}
	var hits []hit
	for _, e := range p.words {
		for off := 0; off < len(s); {
			k := strings.Index(s[off:], e.word)
			if k < 0 {
				break
			}
			i, j := off+k, off+k+len(e.word)
			if st.free(i, j) {
				st.mark(i, j)
				hits = append(hits, hit{i, j, e})
			}
			off = j
		}
	}
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].i < hits[b].i })
	q := st.q
	seen := map[string]bool{}
	for _, h := range hits {
		words := s[h.i:h.j]
		switch h.e.kind {
		case "activity":
			a := h.e.activity
			if q.Activity == "" {
				q.Activity, q.ActivityName, q.ActivityEN = a.ID, a.Name, a.EN
				q.Understood = append(q.Understood, Understood{Words: words, Kind: "activity", Meaning: a.Name, Value: a.ID})
			} else if a.ID != q.Activity && !seen[a.ID] {
				q.OtherActivities = append(q.OtherActivities, a.Name)
			}
			seen[a.ID] = true
		default:
			kind := "fact"
			if h.e.fact == "town" {
				kind = "place"
			}
			if old, dup := q.Facts[h.e.fact]; dup {
				if !sameValue(old, h.e.value) {
					q.NotUnderstood = append(q.NotUnderstood, words)
				}
				continue
			}
			q.Facts[h.e.fact] = h.e.value
			q.Understood = append(q.Understood, Understood{Words: words, Kind: kind, Fact: h.e.fact, Value: h.e.value,
				Meaning: p.factMeaning(h.e.fact, h.e.value), Note: h.e.note})
		}
	}
}

// activityWithInfixes looks for an activity in the uncovered text with the
// lexicon's infix words left out: 烧点田基草 is 烧田基草.
func (p *parser) activityWithInfixes(st *state) {
	s := st.s
	var compact strings.Builder
	var origin []int // byte of compact → byte of s
	for i := 0; i < len(s); {
		if st.covered[i] {
			compact.WriteByte(0) // a gap no word spans
			origin = append(origin, i)
			i++
			continue
		}
		skipped := false
		for _, w := range p.lex.Infix {
			if strings.HasPrefix(s[i:], w) {
				i += len(w)
				skipped = true
				break
			}
		}
		if skipped {
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		compact.WriteString(s[i : i+size])
		for k := 0; k < size; k++ {
			origin = append(origin, i+k)
		}
		i += size
	}
	c := compact.String()
	for _, e := range p.words {
		if e.kind != "activity" {
			continue
		}
		k := strings.Index(c, e.word)
		if k < 0 {
			continue
		}
		i, j := origin[k], origin[k+len(e.word)-1]+1
		if !st.free(i, j) {
			continue
		}
		st.mark(i, j)
		a := e.activity
		st.q.Activity, st.q.ActivityName, st.q.ActivityEN = a.ID, a.Name, a.EN
		st.q.Understood = append(st.q.Understood, Understood{Words: s[i:j], Kind: "activity", Meaning: a.Name, Value: a.ID})
		return
	}
}

func sameValue(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// festivals finds festival names the calendar knows (清明, 春节, 国庆, 除夕,
// 元宵 and their variants) in what is left of the question.
func (p *parser) festivals(st *state, today calendar.Date) {
	s := st.s
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:])
		found := false
		for n := 4; n >= 2 && !found; n-- {
			j := i
			for k := 0; k < n && j < len(s); k++ {
				_, sz := utf8.DecodeRuneInString(s[j:])
				j += sz
			}
			if utf8.RuneCountInString(s[i:j]) != n || !st.free(i, j) {
				continue
			}
			words := s[i:j]
			name := words
			if alias, ok := p.lex.FestivalAliases[words]; ok {
				name = alias
			}
			if d, ok := p.festivalDay(name, today); ok {
				st.mark(i, j)
				st.setDate(words, d, d.String())
				found = true
				i = j
			}
		}
		if !found {
			i += size
		}
	}
}

// festivalDay resolves a festival or holiday name: today when today is in
// its holiday block (a caller asking "春节期间" on 初三, or "国庆" on
// 10-05, means now), else its next day on or after today.
func (p *parser) festivalDay(name string, today calendar.Date) (calendar.Date, bool) {
	_, ferr := p.cal.Festival(name, today.Year())
	_, herr := p.cal.HolidayPeriod(name, today.Year())
	if ferr != nil && herr != nil {
		return calendar.Date{}, false
	}
	var cands []calendar.Date
	for y := today.Year() - 1; y <= today.Year()+1; y++ {
		if b, err := p.cal.HolidayPeriod(name, y); err == nil && !today.Before(b.From) && !today.After(b.To) {
			return today, true
		}
		if d, err := p.cal.Festival(name, y); err == nil {
			cands = append(cands, d)
		} else if b, err := p.cal.HolidayPeriod(name, y); err == nil {
			cands = append(cands, b.From)
		}
	}
	return upcoming(cands, today, 0)
}

// relative reads 今天/明天/后天/昨天, 这周六/下周三 and 下个月.
func (p *parser) relative(st *state, today calendar.Date) {
	s := st.s
	for _, m := range p.reWeek.FindAllStringSubmatchIndex(s, -1) {
		if !st.free(m[0], m[1]) {
			continue
		}
		st.mark(m[0], m[1])
		want := p.lex.Week.Weekdays[s[m[4]:m[5]]]
		w := int(today.Weekday())
		if w == 0 {
			w = 7
		}
		var d calendar.Date
		switch {
		case m[2] >= 0 && contains(p.lex.Week.Next, s[m[2]:m[3]]):
			d = today.AddDays(want - w + 7)
		case m[2] >= 0:
			d = today.AddDays(want - w)
		default: // bare 周六: the next one, today included
			d = today.AddDays((want - w + 7) % 7)
		}
		st.setDate(s[m[0]:m[1]], d, d.String())
	}
	type kw struct {
		w string
		n int
		m bool
	}
	var kws []kw
	for w, n := range p.lex.Days {
		kws = append(kws, kw{w, n, false})
	}
	for w, n := range p.lex.Months {
		kws = append(kws, kw{w, n, true})
	}
	sort.Slice(kws, func(i, j int) bool {
		if len(kws[i].w) != len(kws[j].w) {
			return len(kws[i].w) > len(kws[j].w)
		}
		return kws[i].w < kws[j].w
	})
	type found struct {
		i  int
		kw kw
	}
	var fs []found
	for _, k := range kws {
		for off := 0; off < len(s); {
			x := strings.Index(s[off:], k.w)
			if x < 0 {
				break
			}
			i, j := off+x, off+x+len(k.w)
			if st.free(i, j) {
				st.mark(i, j)
				fs = append(fs, found{i, k})
			}
			off = j
		}
	}
	sort.Slice(fs, func(a, b int) bool { return fs[a].i < fs[b].i })
	for _, f := range fs {
		if f.kw.m {
			y, mo, _ := today.Date()
			d := today
			if f.kw.n != 0 {
				mo += f.kw.n
				for mo > 12 {
					y, mo = y+1, mo-12
				}
				d = calendar.MustDate(y, mo, 1)
			}
			st.setDate(f.kw.w, d, d.String()+"（该月第一天）")
			continue
		}
		d := today.AddDays(f.kw.n)
		st.setDate(f.kw.w, d, d.String())
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// residue returns the uncovered fragments that are not filler: the words
// the parser did not understand.
func (p *parser) residue(st *state) []string {
	out := append([]string{}, st.q.NotUnderstood...)
	s := st.s
	var frag strings.Builder
	flush := func() {
		if f := strings.TrimSpace(frag.String()); f != "" {
			out = append(out, f)
		}
		frag.Reset()
	}
	for i := 0; i < len(s); {
		if st.covered[i] {
			flush()
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r) {
			flush()
			i += size
			continue
		}
		matched := false
		for _, f := range p.filler {
			if strings.HasPrefix(s[i:], f) && st.free(i, i+len(f)) {
				flush()
				i += len(f)
				matched = true
				break
			}
		}
		if !matched {
			frag.WriteRune(r)
			i += size
		}
	}
	flush()
	return dedupe(out)
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func sortStrings(xs []string) { sort.Strings(xs) }
