package engine

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// notes adds to d the notes that go with it. Those that depend only on
// the rule set (a title-level rule, a projected holiday, a window's dates
// in a year) were made at load and are shared; the rest are made here.
func (e *Engine) notes(d *Decision, p *plan, seg int, day calendar.Date, relevant []*rules.Dimension, sc *scratch) {
	g := &sc.given
	// The reasons are the rules whose value is not false, in order.
	for i, v := range sc.vals {
		if v != cond.False && p.info[i].titleNote != nil {
			addNote(d, p.info[i].titleNote)
		}
		if v != cond.False && p.info[i].repealNote != nil {
			addNote(d, p.info[i].repealNote)
		}
	}
	for i, v := range sc.vals {
		if v != cond.False {
			for _, n := range p.segRule(seg, i).notes {
				addNote(d, n)
			}
		}
	}
	for _, dim := range relevant {
		if dim.Fact != nil && g.has(dim.Fact) {
			addNote(d, &note{Note: Note{Code: "verify_on_ground", Text: text("note.verify_on_ground", "fact", dim.Var.Name, "source", g.src[dim.Fact.Index]),
				Args: map[string]string{"fact": dim.Var.Name, "source": g.src[dim.Fact.Index]}}})
		}
	}
	if d.Verdict == Conditional && d.an != nil && slices.ContainsFunc(d.an.outcomes, func(o Outcome) bool { return o.Verdict == NoRule }) {
		// Where the facts not given decide between a rule and none, the
		// duty that says who decides where the rules stop is said too, for
		// the outcomes no rule decides (referred_otherwise).
		e.referNotes(d, p, day, sc.st, true)
	}
	if d.Verdict != NoRule {
		return
	}
	e.referNotes(d, p, day, sc.st, false)
	year := day.Year()
	for i, r := range p.rules {
		n := r.Notice
		if e.inForce(n, day) {
			continue
		}
		addNote(d, p.info[i].notInForce)
		if day.After(n.ValidUntil) {
			addNote(d, &note{Note: Note{Code: "no_current_notice", Notice: n.Name(), Text: text("note.no_current_notice", "year", strconv.Itoa(year), "notice", n.Ref(), "to", n.ValidUntil.String()),
				Args: map[string]string{"year": strconv.Itoa(year), "notice": n.Ref(), "to": n.ValidUntil.String()}}})
		}
		for _, pw := range p.windows {
			if pw.w.Notice != n || !reads(r.Program, pw.w.Var) {
				continue
			}
			for _, yn := range pw.yearNotes {
				if yn.year == year {
					addNote(d, yn.get())
				}
			}
		}
	}
	var names []string
	for _, k := range p.kinds {
		if e.governedOn(p.scope, k, day) {
			names = append(names, k.Name)
		}
	}
	if len(names) > 0 && len(d.reasons) == 0 {
		addNote(d, &note{Note: Note{Code: "kinds_governed", Text: text("note.kinds_governed", "activity", p.act.Name, "kinds", strings.Join(names, text("list.sep"))),
			Args: map[string]string{"activity": p.act.Name, "kinds": strings.Join(names, text("list.sep"))}}})
	}
}

// addNote adds n to d's notes unless an equal note is there.
func addNote(d *Decision, n *note) {
	for _, x := range d.noteList() {
		if x.Code == n.Code && x.Notice == n.Notice && x.Text == n.Text {
			return
		}
	}
	x := d.ext(nil)
	if x.notes == nil {
		x.notes = x.buf[:0]
	}
	x.notes = append(x.notes, n)
}

// titleNote is the note for a rule of a notice the rule base has only the
// title of.
func titleNote(n *rules.Notice) *note {
	return shared(Note{Code: "title_level", Notice: n.Name(), Text: text("note.title_level", "notice", n.Ref(), "title", n.Title, "note", n.TitleOnlyNote),
		Args: map[string]string{"notice": n.Ref(), "title": n.Title}})
}

// untilRepealedNote is the note for a rule of a notice that gives no end
// date: it is in force until repealed.
func untilRepealedNote(n *rules.Notice) *note {
	return shared(Note{Code: "until_repealed", Notice: n.Name(), Text: text("note.until_repealed", "notice", n.Name()),
		Args: map[string]string{"notice": n.Name()}})
}

// projectedNote is the note for a window whose statutory holidays are
// projected.
func projectedNote(notice string, w WindowUse) *note {
	return shared(Note{Code: "projected_holiday", Notice: notice, Text: text("note.projected_holiday", "window", w.Name, "label", w.Label),
		Args: map[string]string{"window": w.Name, "label": w.Label}})
}

// yearNote is the note giving an interval of a window in its year, made
// when a decision first needs it: a window is resolved for a dozen years
// and more, and a decision reads the note of its own year only (a cold
// `tonggao check` spent an eighth of its work formatting and encoding the
// others, docs/speed.md).
type yearNote struct {
	year int
	lazy *lazyYearNote
}

// lazyYearNote is what a year note is made from, and the note once made.
type lazyYearNote struct {
	notice *rules.Notice
	window *rules.Window
	iv     calendar.Interval
	once   sync.Once
	n      *note
}

// get returns the note, making it on first use; safe for concurrent use.
func (yn yearNote) get() *note {
	l := yn.lazy
	l.once.Do(func() {
		from, to := l.iv.From.String(), l.iv.To.String()
		if l.iv.Clocked() {
			from, to = minuteText(l.iv.Start()), minuteText(l.iv.End())
		}
		n, w, y := l.notice, l.window, strconv.Itoa(yn.year)
		l.n = shared(Note{Code: "window_this_year", Notice: n.Name(), Text: text("note.window_this_year", "notice", n.Name(), "window", w.Name, "year", y, "from", from, "to", to),
			Args: map[string]string{"notice": n.Name(), "window": w.Name, "year": y, "from": from, "to": to}})
	})
	return l.n
}

// yearNotes are the notes for each interval of a window, each made on
// first use (get).
func yearNotes(n *rules.Notice, w *rules.Window, cw *calendar.Window) []yearNote {
	if cw.Recurring() {
		// Every night or weekend of a year is no note: the window's text
		// says it.
		return nil
	}
	ivs := cw.Intervals()
	out := make([]yearNote, len(ivs))
	lazy := make([]lazyYearNote, len(ivs))
	for i, iv := range ivs {
		lazy[i] = lazyYearNote{notice: n, window: w, iv: iv}
		out[i] = yearNote{year: iv.From.Year(), lazy: &lazy[i]}
	}
	return out
}

// governedOn reports whether a rule of a notice of ps in force on day
// names a.
func (e *Engine) governedOn(ps *planSet, a *rules.Activity, day calendar.Date) bool {
	for _, n := range ps.naming[a] {
		if e.inForce(n, day) {
			return true
		}
	}
	return false
}

// NoteCodes lists every Note.Code the engine produces, so that a catalogue
// rendering notes in other languages can be checked for completeness.
func NoteCodes() []string {
	return []string{"title_level", "projected_holiday", "verify_on_ground", "not_in_force", "window_this_year", "kinds_governed", "outside_places", "until_repealed", "referred", "referred_otherwise", "no_current_notice",
		"published", "published_none", "published_missing", "published_stale", "published_varies", "published_horizon", "declared_order", "forecast_begins", "forecast_ends"}
}

// shared makes a note the engine shares between decisions, encoding its
// JSON once.
func shared(n Note) *note {
	b, err := json.Marshal(n)
	if err != nil {
		panic(err) // strings and a map of strings always encode
	}
	return &note{Note: n, json: b}
}

// notInForceNote is the note for a rule of a notice not in force on the
// decision's day, made once: the day is filled in when the note is read
// or encoded (see note.on), so that the note costs a decision nothing.
func notInForceNote(r *rules.Rule) *note {
	n := r.Notice
	const mark = "\x00" // where the day goes
	words := text("note.not_in_force", "notice", n.Ref(), "title", n.Title, "article", r.Article,
		"from", n.Effective.String(), "to", n.ValidUntil.String(), "day", mark)
	before, after, _ := strings.Cut(words, mark)
	x := &note{Note: Note{Code: "not_in_force", Notice: n.Name(), Text: before,
		Args: map[string]string{"notice": n.Ref(), "title": n.Title, "article": r.Article, "from": n.Effective.String(), "to": n.ValidUntil.String()}},
		day: &dayNote{after: after}}
	// The JSON around the day, twice (the text, then args.day, the second
	// of the args in name order).
	full := x.on(calendar.Date{})
	b, err := json.Marshal(full)
	if err != nil {
		panic(err)
	}
	zero := `"` + calendar.Date{}.String() + `"`
	_, restText, _ := strings.Cut(string(b), calendar.Date{}.String()) // the day in the text
	head := string(b)[:len(b)-len(restText)-len(calendar.Date{}.String())]
	mid, tail, _ := strings.Cut(restText, zero)
	x.day.head, x.day.mid, x.day.tail = []byte(head), []byte(mid+`"`), []byte(`"`+tail)
	return x
}

// dayNote is the part of a note that names the decision's day.
type dayNote struct {
	after string // the text after the day
	// head, mid and tail are the note's JSON before, between and after
	// the day's two appearances.
	head, mid, tail []byte
}

// on returns the note as a decision on day shows it: a fresh copy.
func (n *note) on(day calendar.Date) Note {
	out := n.Note
	out.Args = maps.Clone(n.Args)
	if n.day != nil {
		out.Text += day.String() + n.day.after
		out.Args["day"] = day.String()
	}
	return out
}
