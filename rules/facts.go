package rules

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/tonggao/tonggao/rules/cond"
)

// implicationSource is an implication as written, with its file.
type implicationSource struct {
	file string
	spec ImplicationSpec
}

// loadFacts declares the facts of one facts.yaml and returns its
// implications, compiled once every root's facts are declared. A fact
// another root declared already must be declared the same.
func (l *loader) loadFacts(src source) []implicationSource {
	file := src.path
	var spec FactsFileSpec
	if f, ok := l.decoded(src); !ok {
		return nil
	} else if f != nil && f.facts != nil {
		spec = *f.facts
	} else if err := l.decode(src.data, &spec); err != nil {
		l.yamlErr(file, err)
		return nil
	}
	for _, fs := range spec.Facts {
		name := fs.Name.Value
		if !isIdent(name) {
			l.errorf(file, fs.Pos, "fact name %q: use lower_snake_case letters, digits and _", name)
			continue
		}
		f := &Fact{Name: name, Min: fs.Min, Integer: fs.Integer, Unit: fs.Unit.Value, ZH: fs.ZH.Value, EN: fs.EN.Value,
			Doc: fs.Doc.Value, Labels: fs.Labels, File: file, Pos: fs.Pos}
		switch fs.Type.Value {
		case "number":
			f.Kind = cond.Number
		case "bool":
			f.Kind = cond.Bool
		case "enum":
			f.Kind = cond.Enum
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
		default:
			l.errorf(file, fs.Type.Pos, "fact %q: type %q is not number, bool or enum", name, fs.Type.Value)
			continue
		}
		if fs.Divisions.Value != "" && f.Kind != cond.Enum {
			l.errorf(file, fs.Divisions.Pos, "fact %q: only an enum fact takes its values from divisions", name)
		}
		l.publication(file, fs, f)
		if f.Doc == "" {
			l.errorf(file, fs.Pos, "fact %q has no doc", name)
		}
		if prev, dup := l.set.factByName[name]; dup {
			switch diff := prev.differs(f); {
			case l.factRoot[prev] == src.root:
				l.errorf(file, fs.Name.Pos, "fact %q is declared twice", name)
			case diff != "":
				l.errorf(file, fs.Name.Pos, "fact %q is declared differently in %s:%d (%s): declare it the same in both, or in one directory only",
					name, prev.File, prev.Pos.Line, diff)
			}
			// The same declaration in another directory: one fact.
			continue
		}
		v := &cond.Var{Name: name, Kind: f.Kind}
		switch f.Kind {
		case cond.Number:
			v.Slot = l.set.NumSlots
			l.set.NumSlots++
		case cond.Bool:
			v.Slot = l.set.BoolSlots
			l.set.BoolSlots++
		case cond.Enum:
			v.Slot, v.Values = l.set.StrSlots, f.Values
			l.set.StrSlots++
		}
		f.Var, f.Index = v, len(l.set.Facts)
		f.Boxed = make(map[string]any, len(f.Values))
		for _, val := range f.Values {
			f.Boxed[val] = val
		}
		l.set.Facts = append(l.set.Facts, f)
		l.set.factByName[name] = f
		l.factRoot[f] = src.root
	}
	out := make([]implicationSource, len(spec.Implications))
	for i, is := range spec.Implications {
		out[i] = implicationSource{file: file, spec: is}
	}
	return out
}

// differs names the first thing two declarations of a fact disagree on,
// or "" when they say the same.
func (f *Fact) differs(g *Fact) string {
	switch {
	case f.Kind != g.Kind:
		return fmt.Sprintf("type %s here, %s there", g.Kind, f.Kind)
	case (f.Min == nil) != (g.Min == nil) || f.Min != nil && *f.Min != *g.Min:
		return "min"
	case f.Integer != g.Integer:
		return "integer"
	case f.Unit != g.Unit:
		return "unit"
	case f.Divisions != g.Divisions:
		return "divisions"
	case !slices.Equal(f.Values, g.Values):
		return "values"
	case !maps.Equal(f.Labels, g.Labels):
		return "labels"
	case f.ZH != g.ZH:
		return "zh"
	case f.EN != g.EN:
		return "en"
	case f.Doc != g.Doc:
		return "doc"
	case f.Published != g.Published:
		return "published"
	case f.consecutive != g.consecutive:
		return "consecutive"
	}
	return ""
}

// publication reads how a feed publishes fact f (published:, and
// consecutive: compiled later by loadConsecutive, once every fact is
// declared).
func (l *loader) publication(file string, fs FactSpec, f *Fact) {
	switch p := Publication(fs.Published.Value); p {
	case "":
	case Daily, Standing:
		f.Published = p
	case Orders:
		f.Published = p
		if f.Kind != cond.Bool {
			l.errorf(file, fs.Published.Pos, "fact %q: only a bool fact is published by orders (true while one is in force)", f.Name)
		}
	default:
		l.errorf(file, fs.Published.Pos, "fact %q: published %q is not daily, standing or orders", f.Name, fs.Published.Value)
	}
	if fs.Consecutive.Value == "" {
		return
	}
	f.consecutive, f.consecutivePos = fs.Consecutive.Value, fs.Consecutive
	if f.Published != Daily || f.Kind != cond.Number || !f.Integer {
		l.errorf(file, fs.Consecutive.Pos, "fact %q: consecutive: counts days, so the fact must be a whole number published daily (type: number, integer: true, published: daily)", f.Name)
	}
}

// loadConsecutive compiles the consecutive: conditions of the facts
// declared with one. Such a condition reads only facts a feed publishes
// daily and gives itself (not facts derived the same way): the engine
// evaluates it on each day of a feed, with nothing else known.
func (l *loader) loadConsecutive() {
	env := cond.NewEnv()
	for _, f := range l.set.Facts {
		if err := env.Declare(f.Var); err != nil {
			return // loadImplications reports it
		}
	}
	for _, f := range l.set.Facts {
		if f.consecutive == "" {
			continue
		}
		prog, err := l.compile(f.consecutive, env)
		if err != nil {
			l.condErr(f.File, f.consecutivePos, err)
			continue
		}
		ok := true
		for _, v := range prog.Vars {
			g := l.set.factByName[v.Name]
			if g == nil || g.Published != Daily || g.consecutive != "" {
				l.errorf(f.File, f.consecutivePos.Pos, "fact %q: consecutive: reads %s, which is not a fact a feed publishes daily by itself", f.Name, v.Name)
				ok = false
			}
		}
		if ok {
			f.Consecutive = prog
		}
	}
}

// loadImplications compiles every root's implications against every fact.
// The same implication written in two directories counts once.
func (l *loader) loadImplications(imps []implicationSource) {
	env := cond.NewEnv()
	for _, f := range l.set.Facts {
		if err := env.Declare(f.Var); err != nil {
			l.errorf(f.File, f.Pos, "%v", err)
		}
	}
	seen := map[string]bool{}
	for _, is := range imps {
		file, spec := is.file, is.spec
		prog, err := l.compile(spec.If.Value, env)
		if err != nil {
			l.condErr(file, spec.If, err)
			continue
		}
		imp, err := l.assignment(spec.Then.Value)
		if err != nil {
			l.errorf(file, spec.Then.Pos, "then: %v", err)
			continue
		}
		text := strings.TrimSpace(spec.If.Value) + " ⇒ " + strings.TrimSpace(spec.Then.Value)
		if seen[text] {
			continue
		}
		seen[text] = true
		imp.If, imp.Text, imp.File, imp.Pos = prog, spec.If.Value+" ⇒ "+spec.Then.Value, file, spec.Pos
		l.set.Implications = append(l.set.Implications, imp)
	}
	l.set.readers = implicationReaders(l.set.Implications)
}

// implicationReaders is Set.readers for imps: nil for more than 64.
func implicationReaders(imps []*Implication) []uint64 {
	if len(imps) > 64 {
		return nil
	}
	readers := make([]uint64, len(imps))
	for i, imp := range imps {
		for j, o := range imps {
			if slices.Contains(o.If.Vars, imp.Fact.Var) {
				readers[i] |= 1 << j
			}
		}
	}
	return readers
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
