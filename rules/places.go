package rules

import (
	"strings"

	"github.com/tonggao/tonggao/division"
)

// DivisionsFile names a rule directory's divisions table: the divisions its
// notices apply in (applies_in) and the townships a caller may name, with
// their GB/T 2260 codes. It is optional; see division.ReadTable.
const DivisionsFile = "divisions.csv"

// appliesIn reads a notice's applies_in: division codes, or names the
// divisions table resolves to exactly one division. When the directory has
// a table, a code must be in it too, so that a mistyped code cannot make a
// notice apply nowhere anyone asks about, and every answer can name the
// place.
func (l *loader) appliesIn(file string, refs []Str) []division.Code {
	if len(refs) > 0 {
		l.placed++
	}
	var out []division.Code
	tab := l.set.Divisions
	for _, r := range refs {
		v := strings.TrimSpace(r.Value)
		var c division.Code
		if v != "" && strings.Trim(v, "0123456789") == "" {
			code, err := division.Parse(v)
			if err != nil {
				l.errorf(file, r.Pos, "applies_in: %v", err)
				continue
			}
			if _, ok := tab.Get(code); !ok && tab.Len() > 0 {
				l.errorf(file, r.Pos, "applies_in: division %s is not in %s%s", code, DivisionsFile, suggestFor(code.String(), divisionCodes(tab)))
				continue
			}
			c = code
		} else {
			switch cs := tab.Lookup(v); len(cs) {
			case 0:
				l.errorf(file, r.Pos, "applies_in: %q is neither a division code nor a division named in %s%s", v, DivisionsFile, suggestFor(v, divisionNames(tab)))
				continue
			case 1:
				c = cs[0]
			default:
				labels := make([]string, len(cs))
				for i, c := range cs {
					labels[i] = tab.Label(c)
				}
				l.errorf(file, r.Pos, "applies_in: %q names %d divisions (%s): write the code", v, len(cs), strings.Join(labels, ", "))
				continue
			}
		}
		for _, prev := range out {
			if prev.Covers(c) || c.Covers(prev) {
				l.errorf(file, r.Pos, "applies_in: %s overlaps %s, listed before it", tab.Label(c), tab.Label(prev))
			}
		}
		out = append(out, c)
	}
	return out
}

// checkAppliesIn refuses a rule set in which some notices say where they
// apply and others do not: once notices of several places are loaded
// together, a notice without a place would apply in all of them.
func (l *loader) checkAppliesIn() {
	var with, without *Notice
	for _, n := range l.set.Notices {
		if len(n.AppliesIn) > 0 {
			if with == nil {
				with = n
			}
		} else if without == nil {
			without = n
		}
	}
	// A notice whose applies_in failed has its error already.
	if l.placed > 0 && without != nil && with == nil {
		return
	}
	if with != nil && without != nil {
		l.errorf(without.File, without.Pos, "notice %s does not say where it applies (applies_in), but %s (%s) does: with notices of several places loaded, every notice must name its divisions",
			without.Name(), with.Name(), with.File)
	}
}

// divisionValues gives the values of an enum fact declared with
// `divisions: LEVEL`: the names of the divisions at that level in the
// divisions table. Such a fact names the query's place (see Fact.Divisions).
func (l *loader) divisionValues(file string, fs FactSpec, f *Fact) []Str {
	lv, err := division.ParseLevel(fs.Divisions.Value)
	if err != nil {
		l.errorf(file, fs.Divisions.Pos, "fact %q: %v", f.Name, err)
		return nil
	}
	f.Divisions = lv
	if len(fs.Values) > 0 {
		l.errorf(file, fs.Divisions.Pos, "fact %q: give values or divisions, not both (divisions takes the values from %s)", f.Name, DivisionsFile)
		return nil
	}
	names := l.set.Divisions.Names(lv)
	if len(names) == 0 {
		l.errorf(file, fs.Divisions.Pos, "fact %q: %s lists no %s divisions to take its values from", f.Name, DivisionsFile, lv)
		return nil
	}
	out := make([]Str, len(names))
	for i, n := range names {
		out[i] = Str{Value: n, Pos: fs.Divisions.Pos}
	}
	return out
}

func divisionCodes(t *division.Table) []string {
	var out []string
	for _, d := range t.All() {
		out = append(out, d.Code.String())
	}
	return out
}

func divisionNames(t *division.Table) []string {
	var out []string
	for _, d := range t.All() {
		out = append(out, d.Name)
	}
	return out
}

// overlap reports whether notices a and b apply somewhere in common: two
// notices of different places never meet, whatever their rules say.
func overlap(a, b *Notice) bool {
	if len(a.AppliesIn) == 0 || len(b.AppliesIn) == 0 {
		return true
	}
	for _, x := range a.AppliesIn {
		for _, y := range b.AppliesIn {
			if x.Covers(y) || y.Covers(x) {
				return true
			}
		}
	}
	return false
}
