package rules

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/rules/cond"
)

// MaxFacts bounds the fact schema, so that a query's given facts fit one
// 64-bit set.
const MaxFacts = 64

// FactsFile and NoticesDir name the parts of a rule directory.
const (
	FactsFile  = "facts.yaml"
	NoticesDir = "notices"
	casesExt   = ".cases.yaml"
)

// Error is one problem in a rule file.
type Error struct {
	File string
	Pos  Pos
	Msg  string
}

func (e *Error) Error() string {
	switch {
	case e.Pos.Line == 0:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	case e.Pos.Col == 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Pos.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

// ErrorList is every problem found in a load, sorted by file and position.
type ErrorList []*Error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

func (l ErrorList) sorted() ErrorList {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].File != l[j].File {
			return l[i].File < l[j].File
		}
		if l[i].Pos.Line != l[j].Pos.Line {
			return l[i].Pos.Line < l[j].Pos.Line
		}
		return l[i].Pos.Col < l[j].Pos.Col
	})
	return l
}

// Load reads facts.yaml and notices/*.yaml (not *.cases.yaml) from fsys,
// validates everything and compiles every condition. All problems are
// reported at once as an ErrorList.
func Load(fsys fs.FS) (*Set, error) {
	l := &loader{set: &Set{factByName: map[string]*Fact{}, activityBy: map[string]*Activity{}, noticeBy: map[string]*Notice{}}}
	h := sha256.New()
	factsData, err := fs.ReadFile(fsys, FactsFile)
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	fmt.Fprintf(h, "%s\x00%d\x00", FactsFile, len(factsData))
	h.Write(factsData)
	divData, divs, err := readDivisions(fsys)
	if err != nil {
		return nil, err
	}
	if divData != nil {
		fmt.Fprintf(h, "%s\x00%d\x00", DivisionsFile, len(divData))
		h.Write(divData)
	}
	l.set.Divisions = divs
	names, err := NoticeFiles(fsys)
	if err != nil {
		return nil, err
	}
	files := make([][]byte, len(names))
	for i, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("rules: %w", err)
		}
		files[i] = data
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(data))
		h.Write(data)
	}
	l.set.Digest = "sha256:" + hex.EncodeToString(h.Sum(nil))

	l.loadFacts(FactsFile, factsData)
	specs := make([]*FileSpec, len(names))
	for i, name := range names {
		specs[i] = l.parseNotice(name, files[i])
	}
	if len(l.errs) > 0 {
		// Structural errors make later checks noisy; report them first.
		return nil, l.errs.sorted()
	}
	for i, spec := range specs {
		l.declareActivities(names[i], spec)
	}
	l.linkActivities(names, specs)
	for i, spec := range specs {
		l.buildNotice(names[i], spec)
	}
	l.linkOverrides(names, specs)
	l.checkAppliesIn()
	if len(l.errs) == 0 {
		l.checkConflicts()
		l.checkImplies()
	}
	if len(l.errs) > 0 {
		return nil, l.errs.sorted()
	}
	return l.set, nil
}

// NoticeFiles lists the notice files of a rule directory, sorted.
func NoticeFiles(fsys fs.FS) ([]string, error) {
	entries, err := fs.ReadDir(fsys, NoticesDir)
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	var out []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, casesExt) {
			continue
		}
		out = append(out, path.Join(NoticesDir, n))
	}
	return out, nil
}

type loader struct {
	set  *Set
	errs ErrorList
	// placed counts the notices that give applies_in (see checkAppliesIn).
	placed int
}

func (l *loader) errorf(file string, p Pos, format string, args ...any) {
	l.errs = append(l.errs, &Error{File: file, Pos: p, Msg: fmt.Sprintf(format, args...)})
}

// yamlErr turns a decoder error into positioned errors.
func (l *loader) yamlErr(file string, err error) {
	var ne *nestingError
	if errors.As(err, &ne) {
		l.errorf(file, ne.pos, "collections nested more than %d deep", MaxNesting)
		return
	}
	var ye yaml.Error
	if errors.As(err, &ye) {
		p := Pos{}
		if tok := ye.GetToken(); tok != nil && tok.Position != nil {
			p = Pos{Line: tok.Position.Line, Col: tok.Position.Column}
		}
		l.errorf(file, p, "%s", strings.TrimSpace(ye.GetMessage()))
		return
	}
	l.errorf(file, Pos{}, "%v", err)
}

func decodeFile(data []byte, v any) error {
	if err := checkNesting(data); err != nil {
		return err
	}
	return yaml.UnmarshalWithOptions(data, v, yaml.DisallowUnknownField())
}

func (l *loader) loadFacts(file string, data []byte) {
	var spec FactsFileSpec
	if err := decodeFile(data, &spec); err != nil {
		l.yamlErr(file, err)
		return
	}
	env := cond.NewEnv()
	for _, fs := range spec.Facts {
		name := fs.Name.Value
		if !isIdent(name) {
			l.errorf(file, fs.Pos, "fact name %q: use lower_snake_case letters, digits and _", name)
			continue
		}
		if _, dup := l.set.factByName[name]; dup {
			l.errorf(file, fs.Name.Pos, "fact %q is declared twice", name)
			continue
		}
		f := &Fact{Name: name, Min: fs.Min, Integer: fs.Integer, Unit: fs.Unit.Value, ZH: fs.ZH.Value, EN: fs.EN.Value, Doc: fs.Doc.Value, Labels: fs.Labels}
		v := &cond.Var{Name: name}
		switch fs.Type.Value {
		case "number":
			f.Kind, v.Kind, v.Slot = cond.Number, cond.Number, l.set.NumSlots
			l.set.NumSlots++
		case "bool":
			f.Kind, v.Kind, v.Slot = cond.Bool, cond.Bool, l.set.BoolSlots
			l.set.BoolSlots++
		case "enum":
			f.Kind, v.Kind, v.Slot = cond.Enum, cond.Enum, l.set.StrSlots
			l.set.StrSlots++
			values := fs.Values
			if fs.Divisions.Value != "" {
				values = l.divisionValues(file, fs, f)
			} else if len(values) == 0 {
				l.errorf(file, fs.Pos, "enum fact %q has no values", name)
			}
			for _, val := range values {
				if val.Value == "" {
					l.errorf(file, val.Pos, "fact %q: empty value", name)
				}
				f.Values = append(f.Values, val.Value)
			}
			v.Values = f.Values
		default:
			l.errorf(file, fs.Type.Pos, "fact %q: type %q is not number, bool or enum", name, fs.Type.Value)
			continue
		}
		if fs.Divisions.Value != "" && f.Kind != cond.Enum {
			l.errorf(file, fs.Divisions.Pos, "fact %q: only an enum fact takes its values from divisions", name)
		}
		if f.Doc == "" {
			l.errorf(file, fs.Pos, "fact %q has no doc", name)
		}
		f.Var, f.Index = v, len(l.set.Facts)
		f.Boxed = make(map[string]any, len(f.Values))
		for _, val := range f.Values {
			f.Boxed[val] = val
		}
		l.set.Facts = append(l.set.Facts, f)
		l.set.factByName[name] = f
		if err := env.Declare(v); err != nil {
			l.errorf(file, fs.Pos, "%v", err)
		}
	}
	if len(l.set.Facts) > MaxFacts {
		l.errorf(file, Pos{}, "%d facts declared; at most %d are supported", len(l.set.Facts), MaxFacts)
	}
	for _, is := range spec.Implications {
		prog, err := cond.Compile(is.If.Value, env)
		if err != nil {
			l.condErr(file, is.If, err)
			continue
		}
		imp, err := l.assignment(is.Then.Value)
		if err != nil {
			l.errorf(file, is.Then.Pos, "then: %v", err)
			continue
		}
		imp.If, imp.Text, imp.File, imp.Pos = prog, is.If.Value+" ⇒ "+is.Then.Value, file, is.Pos
		l.set.Implications = append(l.set.Implications, imp)
	}
}

// assignment parses "fact == value", "fact" or "!fact".
func (l *loader) assignment(s string) (*Implication, error) {
	s = strings.TrimSpace(s)
	if name, ok := strings.CutPrefix(s, "!"); ok {
		f, found := l.set.factByName[strings.TrimSpace(name)]
		if !found || f.Kind != cond.Bool {
			return nil, fmt.Errorf("%q is not a bool fact", name)
		}
		return &Implication{Fact: f, Bool: false}, nil
	}
	name, val, hasVal := strings.Cut(s, "==")
	name, val = strings.TrimSpace(name), strings.TrimSpace(val)
	f, found := l.set.factByName[name]
	if !found {
		return nil, fmt.Errorf("unknown fact %q", name)
	}
	imp := &Implication{Fact: f}
	switch {
	case !hasVal && f.Kind == cond.Bool:
		imp.Bool = true
	case hasVal && f.Kind == cond.Number:
		x, err := strconv.ParseFloat(val, 64)
		if err != nil {
			return nil, fmt.Errorf("%s: %q is not a number", name, val)
		}
		imp.Number = x
	case hasVal && f.Kind == cond.Bool && (val == "true" || val == "false"):
		imp.Bool = val == "true"
	case hasVal && f.Kind == cond.Enum:
		imp.Enum = strings.Trim(val, `"`)
	default:
		return nil, fmt.Errorf("write fact == value, fact or !fact")
	}
	return imp, nil
}

func (l *loader) condErr(file string, s Str, err error) {
	var ce *cond.Error
	p := s.Pos
	if errors.As(err, &ce) {
		p.Col += ce.Column - 1
		if s.Quoted {
			p.Col++
		}
		l.errorf(file, p, "%s", ce.Msg)
		return
	}
	l.errorf(file, p, "%v", err)
}

func (l *loader) parseNotice(file string, data []byte) *FileSpec {
	var spec FileSpec
	if err := decodeFile(data, &spec); err != nil {
		l.yamlErr(file, err)
		return nil
	}
	return &spec
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		ok := r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (i > 0 && r >= '0' && r <= '9')
		if !ok {
			return false
		}
	}
	return true
}

// isID accepts rule and interpretation ids: letters, digits, - and _.
func isID(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		ok := r == '_' || r == '-' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
		if !ok {
			return false
		}
	}
	return true
}

func (l *loader) declareActivities(file string, spec *FileSpec) {
	for _, as := range spec.Activities {
		id := as.ID.Value
		if !isIdent(id) {
			l.errorf(file, as.ID.Pos, "activity id %q: use letters, digits and _", id)
			continue
		}
		if strings.TrimSpace(as.Name.Value) == "" {
			l.errorf(file, as.Pos, "activity %q has no name", id)
		}
		a := &Activity{ID: id, Name: as.Name.Value, EN: as.EN.Value, File: file, Pos: as.Pos}
		if a.EN == "" {
			l.errorf(file, as.Pos, "activity %q has no English name (en)", id)
		}
		a.Implies = l.implies(file, id, as.Implies)
		keys := []Str{as.ID}
		if as.Name.Value != "" {
			keys = append(keys, as.Name)
		}
		for _, syn := range as.Synonyms {
			if strings.TrimSpace(syn.Value) == "" {
				l.errorf(file, syn.Pos, "activity %q: empty synonym", id)
				continue
			}
			a.Synonyms = append(a.Synonyms, syn.Value)
			keys = append(keys, syn)
		}
		for _, k := range keys {
			if prev, dup := l.set.activityBy[k.Value]; dup && prev != a {
				l.errorf(file, k.Pos, "%q already names activity %q (%s:%d)", k.Value, prev.ID, prev.File, prev.Pos.Line)
				continue
			}
			l.set.activityBy[k.Value] = a
		}
		l.set.Activities = append(l.set.Activities, a)
	}
}

// implies checks an activity's implied facts: each names a declared fact
// once, with a value of its type (an enum value or its label).
func (l *loader) implies(file, id string, spec FactValuesSpec) []Assignment {
	var out []Assignment
	for i, k := range spec.Names {
		v := spec.Values[i]
		f, ok := l.set.factByName[k.Value]
		if !ok {
			l.errorf(file, k.Pos, "activity %q implies unknown fact %q%s", id, k.Value, suggestFor(k.Value, keys(l.set.factByName)))
			continue
		}
		if slices.ContainsFunc(out, func(a Assignment) bool { return a.Fact == f }) {
			l.errorf(file, k.Pos, "activity %q implies %s twice", id, f.Name)
			continue
		}
		a := Assignment{Fact: f}
		switch f.Kind {
		case cond.Number:
			x, err := strconv.ParseFloat(v.Value, 64)
			if err != nil || (f.Min != nil && x < *f.Min) || (f.Integer && x != math.Trunc(x)) {
				l.errorf(file, v.Pos, "activity %q implies %s = %q: want a number%s", id, f.Name, v.Value, minText(f))
				continue
			}
			a.Number = x
		case cond.Bool:
			if v.Value != "true" && v.Value != "false" {
				l.errorf(file, v.Pos, "activity %q implies %s = %q: want true or false", id, f.Name, v.Value)
				continue
			}
			a.Bool = v.Value == "true"
		case cond.Enum:
			if a.Enum = f.Canonical(v.Value); a.Enum == "" {
				l.errorf(file, v.Pos, "activity %q implies %s = %q: want one of %s", id, f.Name, v.Value, strings.Join(f.Values, ", "))
				continue
			}
		}
		out = append(out, a)
	}
	return out
}

// checkImplies reports an activity whose implied facts contradict each
// other through the implications of facts.yaml.
func (l *loader) checkImplies() {
	for _, a := range l.set.Activities {
		if len(a.Implies) == 0 {
			continue
		}
		st := l.set.NewState()
		for _, x := range a.Implies {
			x.Store(st)
		}
		if err := l.set.Derive(st); err != nil {
			l.errorf(a.File, a.Pos, "activity %q: the facts it implies contradict each other: %v", a.ID, err)
		}
	}
}

func minText(f *Fact) string {
	switch {
	case f.Integer && f.Min != nil:
		return fmt.Sprintf(", a whole number ≥ %v", *f.Min)
	case f.Integer:
		return ", a whole number"
	case f.Min != nil:
		return fmt.Sprintf(" ≥ %v", *f.Min)
	}
	return ""
}

func (l *loader) linkActivities(files []string, specs []*FileSpec) {
	byID := map[string]*Activity{}
	for _, a := range l.set.Activities {
		byID[a.ID] = a
	}
	for i, spec := range specs {
		for _, as := range spec.Activities {
			if as.Parent.Value == "" {
				continue
			}
			a, p := byID[as.ID.Value], byID[as.Parent.Value]
			if a == nil {
				continue
			}
			if p == nil {
				l.errorf(files[i], as.Parent.Pos, "activity %q: unknown parent %q%s", a.ID, as.Parent.Value, suggestFor(as.Parent.Value, keys(byID)))
				continue
			}
			a.Parent = p
		}
	}
	for _, a := range l.set.Activities {
		seen := map[*Activity]bool{}
		for x := a; x != nil; x = x.Parent {
			if seen[x] {
				l.errorf(a.File, a.Pos, "activity %q: its parents form a cycle", a.ID)
				a.Parent = nil
				break
			}
			seen[x] = true
		}
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (l *loader) date(file string, s Str, what string) calendar.Date {
	if s.Value == "" {
		l.errorf(file, s.Pos, "%s is missing", what)
		return calendar.Date{}
	}
	d, err := calendar.ParseDate(s.Value)
	if err != nil {
		l.errorf(file, s.Pos, "%s: %v", what, err)
	}
	return d
}

func (l *loader) buildNotice(file string, spec *FileSpec) {
	ns := spec.Notice
	n := &Notice{
		Number: ns.Number.Value, Registration: ns.Registration.Value, Title: ns.Title.Value, Issuer: ns.Issuer.Value,
		ValidityArticle: ns.ValidityArticle.Value, ValidityText: ns.ValidityText.Value, Source: ns.Source.Value,
		TitleOnly: ns.TitleOnly, TitleOnlyNote: ns.TitleOnlyNote.Value, File: file, Pos: ns.Number.Pos,
	}
	n.AppliesIn = l.appliesIn(file, ns.AppliesIn)
	for _, dn := range spec.DataNotes {
		n.DataNotes = append(n.DataNotes, dn.Value)
	}
	if n.Number == "" {
		l.errorf(file, Pos{Line: 1}, "notice.number is missing")
	} else if prev, dup := l.set.noticeBy[n.Number]; dup {
		l.errorf(file, ns.Number.Pos, "notice %s is also encoded in %s", n.Number, prev.File)
	}
	if n.Title == "" {
		l.errorf(file, ns.Title.Pos, "notice.title is missing")
	}
	if n.TitleOnly && n.TitleOnlyNote == "" {
		l.errorf(file, ns.Number.Pos, "a title_only notice needs title_only_note saying what is and is not known")
	}
	if ns.Issued.Value != "" {
		n.Issued = l.date(file, ns.Issued, "notice.issued")
	}
	n.Effective = l.date(file, ns.Effective, "notice.effective")
	n.ValidUntil = l.date(file, ns.ValidUntil, "notice.valid_until")
	if n.ValidUntil.Before(n.Effective) {
		l.errorf(file, ns.ValidUntil.Pos, "notice.valid_until %s is before effective %s", n.ValidUntil, n.Effective)
	}
	for _, c := range ns.Contacts {
		ct := Contact{Name: c.Name.Value, Article: c.Article.Value, Text: c.Text.Value}
		for _, p := range c.Phones {
			ct.Phones = append(ct.Phones, p.Value)
		}
		if ct.Name == "" || len(ct.Phones) == 0 {
			l.errorf(file, c.Pos, "a contact needs a name and phones")
		}
		n.Contacts = append(n.Contacts, ct)
	}
	for _, p := range ns.Penalties {
		if p.Article.Value == "" || p.Text.Value == "" {
			l.errorf(file, p.Pos, "a penalty needs article and text")
		}
		n.Penalties = append(n.Penalties, Penalty{Article: p.Article.Value, Text: p.Text.Value})
	}
	l.set.noticeBy[n.Number] = n
	l.set.Notices = append(l.set.Notices, n)

	interp := map[string]*Interpretation{}
	interpPos := map[string]Pos{}
	badRef := false
	used := map[string]bool{}
	for _, is := range spec.Interpretations {
		id := is.ID.Value
		switch {
		case !isID(id):
			l.errorf(file, is.ID.Pos, "interpretation id %q: use letters, digits, - and _", id)
			continue
		case interp[id] != nil:
			l.errorf(file, is.ID.Pos, "interpretation %q is declared twice", id)
			continue
		case is.Words.Value == "" || is.Reading.Value == "" || is.Alternative.Value == "" || is.Why.Value == "":
			l.errorf(file, is.Pos, "interpretation %q needs words, reading, alternative and why", id)
		}
		it := &Interpretation{ID: id, Words: is.Words.Value, Reading: is.Reading.Value, Alternative: is.Alternative.Value, Why: is.Why.Value}
		interp[id], interpPos[id] = it, is.Pos
		n.Interpretations = append(n.Interpretations, it)
	}
	interps := func(refs []Str) []*Interpretation {
		var out []*Interpretation
		for _, r := range refs {
			it, ok := interp[r.Value]
			if !ok {
				badRef = true
				l.errorf(file, r.Pos, "unknown interpretation %q%s", r.Value, suggestFor(r.Value, keys(interp)))
				continue
			}
			used[r.Value] = true
			out = append(out, it)
		}
		return out
	}
	for _, a := range spec.Activities {
		if act, ok := l.set.activityBy[a.ID.Value]; ok && act.File == file {
			act.Notice = n
			n.Activities = append(n.Activities, act)
		}
	}

	// Each notice has its own name space: the facts, then its windows and
	// named conditions in the order written.
	env := cond.NewEnv()
	for _, f := range l.set.Facts {
		_ = env.Declare(f.Var)
	}
	declare := func(id Str, v *cond.Var) bool {
		if !isIdent(id.Value) {
			l.errorf(file, id.Pos, "id %q: use letters, digits and _ (it is used as a name in conditions)", id.Value)
			return false
		}
		if err := env.Declare(v); err != nil {
			l.errorf(file, id.Pos, "%q is already a fact, window or condition", id.Value)
			return false
		}
		return true
	}
	// A window or condition that fails still declares its name, so that the
	// rules using it do not report a second, misleading error.
	placeholder := func(id Str) { declare(id, &cond.Var{Name: id.Value, Kind: cond.Bool, Window: true}) }
	for _, ws := range spec.Windows {
		spec, err := calendar.ParseWindow(ws.When.Value)
		if err != nil {
			placeholder(ws.ID)
			interps(ws.Interpretations)
			p := ws.When.Pos
			var we *calendar.WindowError
			if errors.As(err, &we) && we.Column > 0 {
				p.Col += we.Column - 1
				if ws.When.Quoted {
					p.Col++
				}
			}
			l.errorf(file, p, "window %q: %v", ws.ID.Value, err)
			continue
		}
		w := &Window{ID: ws.ID.Value, Name: ws.Name.Value, Spec: spec, Article: ws.Article.Value, Text: ws.Text.Value,
			Interpretations: interps(ws.Interpretations), Notice: n, Pos: ws.Pos}
		if w.Name == "" || w.Article == "" {
			l.errorf(file, ws.Pos, "window %q needs a name and the article it encodes", w.ID)
		}
		w.Var = &cond.Var{Name: w.ID, Kind: cond.Bool, Slot: l.set.BoolSlots, Window: true}
		if declare(ws.ID, w.Var) {
			l.set.BoolSlots++
			n.Windows = append(n.Windows, w)
		}
	}
	for _, cs := range spec.Conditions {
		prog, err := cond.Compile(cs.If.Value, env)
		if err != nil {
			placeholder(cs.ID)
			interps(cs.Interpretations)
			l.condErr(file, cs.If, err)
			continue
		}
		c := &Condition{ID: cs.ID.Value, Name: cs.Name.Value, Program: prog, Article: cs.Article.Value, Text: cs.Text.Value,
			Interpretations: interps(cs.Interpretations), Notice: n, Pos: cs.Pos}
		if c.Name == "" || c.Article == "" {
			l.errorf(file, cs.Pos, "condition %q needs a name and the article it encodes", c.ID)
		}
		c.Var = &cond.Var{Name: c.ID, Kind: cond.Bool, Macro: prog}
		if declare(cs.ID, c.Var) {
			n.Conditions = append(n.Conditions, c)
		}
	}
	ruleIDs := map[string]bool{}
	for _, rs := range spec.Rules {
		r := &Rule{ID: rs.ID.Value, Article: rs.Article.Value, Text: rs.Text.Value, Effect: Effect(rs.Effect.Value),
			Residual: rs.Residual, TitleLevel: rs.TitleLevel || n.TitleOnly, Interpretations: interps(rs.Interpretations), Notice: n, Pos: rs.Pos}
		switch {
		case !isID(r.ID):
			l.errorf(file, rs.ID.Pos, "rule id %q: use letters, digits, - and _", r.ID)
		case ruleIDs[r.ID]:
			l.errorf(file, rs.ID.Pos, "rule %q is declared twice", r.ID)
		}
		ruleIDs[r.ID] = true
		if r.Article == "" || r.Text == "" {
			l.errorf(file, rs.Pos, "rule %q must cite its article and quote its text", r.ID)
		}
		if r.Effect != Forbid && r.Effect != Allow {
			l.errorf(file, rs.Effect.Pos, "rule %q: effect %q is not forbid or allow", r.ID, rs.Effect.Value)
		}
		if len(rs.Activities) == 0 {
			l.errorf(file, rs.Pos, "rule %q governs no activities", r.ID)
		}
		for _, ar := range rs.Activities {
			a, ok := l.set.activityBy[ar.Value]
			if !ok || a.ID != ar.Value {
				l.errorf(file, ar.Pos, "rule %q: unknown activity id %q%s", r.ID, ar.Value, suggestFor(ar.Value, activityIDs(l.set.Activities)))
				continue
			}
			r.Activities = append(r.Activities, a)
		}
		src := rs.If
		if src.Value == "" {
			l.errorf(file, rs.Pos, "rule %q: if is missing (write `if: true` for a rule with no condition)", r.ID)
			continue
		}
		prog, err := cond.Compile(src.Value, env)
		if err != nil {
			l.condErr(file, src, err)
			continue
		}
		r.Program = prog
		for _, ts := range rs.Terms {
			if ts.Name.Value == "" {
				l.errorf(file, ts.Pos, "rule %q: a term needs a name", r.ID)
			}
			r.Terms = append(r.Terms, Term{Name: ts.Name.Value, Value: ts.Value.Value, Text: ts.Text.Value})
		}
		n.Rules = append(n.Rules, r)
	}
	for _, ds := range spec.Duties {
		d := &Duty{ID: ds.ID.Value, Article: ds.Article.Value, Who: ds.Who.Value, Text: ds.Text.Value,
			Interpretations: interps(ds.Interpretations), Notice: n, Pos: ds.Pos}
		if d.Article == "" || d.Text == "" || d.Who == "" {
			l.errorf(file, ds.Pos, "duty %q needs article, who and text", d.ID)
		}
		src := ds.If
		if src.Value == "" {
			src.Value = "true"
		}
		prog, err := cond.Compile(src.Value, env)
		if err != nil {
			l.condErr(file, ds.If, err)
			continue
		}
		d.Program = prog
		n.Duties = append(n.Duties, d)
	}
	for id := range interp {
		if !used[id] && !badRef {
			l.errorf(file, interpPos[id], "interpretation %q is not referenced by any window, condition, rule or duty", id)
		}
	}
}

func activityIDs(as []*Activity) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

func (l *loader) linkOverrides(files []string, specs []*FileSpec) {
	byKey := map[string]*Rule{}
	for _, n := range l.set.Notices {
		for _, r := range n.Rules {
			byKey[r.Key()] = r
		}
	}
	for i, spec := range specs {
		n, ok := l.set.noticeBy[spec.Notice.Number.Value]
		if !ok || n.File != files[i] {
			continue
		}
		for _, rs := range spec.Rules {
			r := byKey[n.Number+"#"+rs.ID.Value]
			if r == nil {
				continue
			}
			for _, o := range rs.Overrides {
				key := o.Value
				if !strings.Contains(key, "#") {
					key = n.Number + "#" + key
				}
				target, ok := byKey[key]
				if !ok {
					l.errorf(files[i], o.Pos, "rule %q overrides unknown rule %q%s", r.ID, o.Value, suggestFor(key, keys(byKey)))
					continue
				}
				if target.Effect == r.Effect {
					l.errorf(files[i], o.Pos, "rule %q overrides %q, which has the same effect", r.ID, o.Value)
				}
				r.Overrides = append(r.Overrides, target)
			}
		}
	}
}

func overrides(a, b *Rule) bool {
	for _, o := range a.Overrides {
		if o == b {
			return true
		}
	}
	return false
}

// checkConflicts reports a forbid rule and an allow rule that govern the
// same activity, can be in force on the same day and can both hold for some
// facts and windows, when neither overrides the other.
func (l *loader) checkConflicts() {
	var rules []*Rule
	for _, n := range l.set.Notices {
		rules = append(rules, n.Rules...)
	}
	for _, a := range rules {
		if a.Effect != Forbid {
			continue
		}
		for _, b := range rules {
			if b.Effect != Allow || overrides(a, b) || overrides(b, a) || !sharesActivity(a, b) {
				continue
			}
			if a.Notice.ValidUntil.Before(b.Notice.Effective) || b.Notice.ValidUntil.Before(a.Notice.Effective) {
				continue
			}
			if !overlap(a.Notice, b.Notice) {
				continue
			}
			if l.set.Satisfiable(a.Program, b.Program) {
				l.errorf(b.Notice.File, b.Pos, "rule %q (allow) and rule %q (forbid, %s:%d) can both apply to the same activity with no stated precedence: add overrides to one of them",
					b.ID, a.ID, a.Notice.File, a.Pos.Line)
			}
		}
	}
}

func sharesActivity(a, b *Rule) bool {
	for _, x := range a.Activities {
		for _, y := range b.Activities {
			if x.IsA(y) || y.IsA(x) {
				return true
			}
		}
	}
	return false
}
