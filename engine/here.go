package engine

import (
	"errors"
	"slices"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// Here is what applies at one place on one day: what a patrol officer's
// screen shows. It is the caller's own: nothing in it is shared with the
// engine.
type Here struct {
	Date calendar.Date `json:"date"`
	// At is the minute asked about, when the query gave one.
	At *calendar.DateTime `json:"at,omitempty"`
	// Place is the division the query named or its point lies in.
	Place *PlaceUse `json:"place,omitempty"`
	// Facts are the place facts used (given, derived, or from layers).
	Facts []FactValue `json:"facts"`
	// Published says, with an engine bound to a conditions feed, what the
	// feed publishes for the place and day — the day's fire-danger level,
	// a spell of high days, the place's class, an order in force — each
	// with who published it and when, or why the feed has no value (stale,
	// the place missing): the headline of an officer's screen.
	Published []Note `json:"published,omitempty"`
	// Notices lists, per notice in force, the activities it forbids here
	// now (or may forbid, depending on facts not known), the windows in
	// force and the duties it gives officials.
	Notices []NoticeHere `json:"notices"`
	Receipt Receipt      `json:"receipt"`
}

// NoticeHere is one notice's part of Here.
type NoticeHere struct {
	Notice     string          `json:"notice"`
	Title      string          `json:"title"`
	Windows    []WindowUse     `json:"windows"`
	Restricted []Restriction   `json:"restricted"`
	Duties     []DutyUse       `json:"duties,omitempty"`
	Contacts   []rules.Contact `json:"contacts,omitempty"`
}

// Restriction is an activity and its verdict here.
type Restriction struct {
	Activity     ActivityRef `json:"activity"`
	Verdict      Verdict     `json:"verdict"`
	Articles     []string    `json:"articles"`
	UnknownFacts []string    `json:"unknown_facts,omitempty"`
	// Hours, for a day asked about under a window with times of day, are
	// the parts of the day the restriction holds in ("22:00" to "24:00"):
	// a nightly ban is listed for the day, with its hours.
	Hours []DayPart `json:"hours,omitempty"`
}

// DutyUse is a duty that applies (or may apply) to officials here now.
type DutyUse struct {
	ID              string                 `json:"id"`
	Article         string                 `json:"article"`
	Who             string                 `json:"who"`
	Text            string                 `json:"text"`
	Value           string                 `json:"value"` // "true" or "unknown"
	Interpretations []rules.Interpretation `json:"interpretations,omitempty"`
	// UnknownFacts are, when Value is unknown, the facts the duty reads
	// that the query did not give (nor its place, nor the feed).
	UnknownFacts []string `json:"unknown_facts,omitempty"`
}

// Here decides every activity some rule governs for q's place and day
// (q.Activity is ignored) and groups what is restricted by notice. An
// activity is listed under its most specific forbidding rule's notice; a
// general activity whose verdict comes only from a rule on it (野外用火) is
// listed too, so nothing restricted is left out.
func (e *Engine) Here(q Query) (*Here, error) {
	if err := e.check(&q); err != nil {
		return nil, err
	}
	at, clock := q.moment()
	day := at.Date()
	h := &Here{Date: day, Receipt: e.receipt, Notices: []NoticeHere{}}
	if clock {
		h.At = &at
	}
	// A window is in force at the minute asked about, or on some part of
	// the day asked about.
	find := func(cw *calendar.Window) (calendar.Interval, bool) {
		if clock {
			return cw.FindTime(at)
		}
		return cw.Find(day)
	}
	sc := e.scratch.Get().(*scratch)
	defer e.scratch.Put(sc)
	if err := e.pointFacts(q, sc); err != nil {
		return nil, err
	}
	if err := e.where(q, sc); err != nil {
		return nil, err
	}
	// The notices of every part of the place the query may be in.
	here := map[*rules.Notice]bool{}
	governs := map[*rules.Activity]bool{}
	for _, k := range sc.where.sets {
		for _, n := range e.sets[k].notices {
			here[n] = true
		}
		for a, p := range e.sets[k].all() {
			governs[a] = governs[a] || len(p.rules) > 0
		}
	}
	if sc.where.use.Code != "" {
		use := sc.where.use
		h.Place = &use
	}
	byNotice := map[string]*NoticeHere{}
	for _, n := range e.set.Notices {
		if !e.inForce(n, day) || !here[n] {
			continue
		}
		nh := &NoticeHere{Notice: n.Name(), Title: n.Title, Windows: []WindowUse{}, Restricted: []Restriction{}, Contacts: cloneContacts(n.Contacts)}
		for _, w := range n.Windows {
			if iv, ok := find(e.window(w)); ok {
				nh.Windows = append(nh.Windows, windowUse(w, iv))
			}
		}
		byNotice[n.Key()] = nh
	}
	first := true
	for _, a := range e.set.Activities {
		if !governs[a] {
			continue
		}
		q.Activity = a.ID
		d, err := e.Decide(q)
		var fe *FactError
		if errors.As(err, &fe) && (fe.Activity != "" || fe.Contradiction && len(a.Implies) > 0) {
			// the act, as its words say, cannot be done here — what it
			// implies, or what that implies in turn (炼山 is on forest
			// land, which is no 30 m from it), contradicts the place
			continue
		}
		if err != nil {
			return nil, err
		}
		if first && len(a.Implies) == 0 {
			// The place's facts, without those an activity implies.
			h.Facts, first = d.Facts(), false
		}
		var hours []DayPart
		if d.Verdict != Forbidden && d.Verdict != Conditional {
			for _, p := range d.DayParts {
				if p.Verdict == Forbidden || p.Verdict == Conditional {
					hours = append(hours, p)
				}
			}
			if len(hours) == 0 {
				continue
			}
			// Restricted in some hours of the day: the reasons are those
			// of the first of them.
			hq := q
			hq.SetMoment(calendar.TimeMoment(day.Start().Add(clockMinute(hours[0].From))))
			if d, err = e.Decide(hq); err != nil {
				return nil, err
			}
		}
		var notice string
		var articles []string
		for _, rs := range d.reasons {
			r := d.p.rules[rs.rule]
			if r.Effect != rules.Forbid || rs.status.defeated() {
				continue
			}
			if notice == "" {
				notice = r.Notice.Key()
			}
			if r.Notice.Key() == notice {
				articles = append(articles, r.Article)
			}
		}
		nh := byNotice[notice]
		if nh == nil {
			continue
		}
		nh.Restricted = append(nh.Restricted, Restriction{Activity: d.Activity(), Verdict: d.Verdict, Articles: articles, UnknownFacts: d.UnknownFacts(), Hours: hours})
	}
	// Decide has used the scratch since: work out the point's facts and
	// place again.
	if err := e.pointFacts(q, sc); err != nil {
		return nil, err
	}
	if err := e.where(q, sc); err != nil {
		return nil, err
	}
	st := e.set.NewState()
	sc.feed.plan = nil // every published fact: the duties read them
	if err := e.loadFacts(st, q, &given{}, sc); err != nil {
		return nil, err
	}
	if err := e.set.Derive(st); err != nil {
		return nil, err
	}
	h.Published = e.publishedNotes(day, sc)
	for _, n := range e.set.Notices {
		nh := byNotice[n.Key()]
		if nh == nil {
			continue
		}
		for _, w := range n.Windows {
			_, ok := find(e.window(w))
			st.Bool[w.Var.Slot] = cond.TriOf(ok)
		}
		for _, du := range n.Duties {
			if v := du.Program.Eval(st); v != cond.False {
				use := DutyUse{ID: du.ID, Article: du.Article, Who: du.Who, Text: du.Text, Value: v.String(), Interpretations: values(du.Interpretations)}
				if v == cond.Unknown {
					use.UnknownFacts = unknownVars(du.Program, st)
				}
				nh.Duties = append(nh.Duties, use)
			}
		}
		h.Notices = append(h.Notices, *nh)
	}
	return h, nil
}

// unknownVars names the facts p reads whose values st does not hold.
func unknownVars(p *cond.Program, st *cond.State) []string {
	var out []string
	for _, v := range p.Vars {
		if v.Window {
			continue
		}
		switch {
		case v.Kind == cond.Number && !st.Num[v.Slot].Known,
			v.Kind == cond.Bool && st.Bool[v.Slot] == cond.Unknown,
			v.Kind == cond.Enum && st.Str[v.Slot] == "":
			out = append(out, v.Name)
		}
	}
	return out
}

// cloneContacts copies contacts, phone lists included.
func cloneContacts(cs []rules.Contact) []rules.Contact {
	if cs == nil {
		return nil
	}
	out := make([]rules.Contact, len(cs))
	for i, c := range cs {
		c.Phones = slices.Clone(c.Phones)
		out[i] = c
	}
	return out
}

// values copies what ps point to.
func values[T any](ps []*T) []T {
	if len(ps) == 0 {
		return nil
	}
	out := make([]T, len(ps))
	for i, p := range ps {
		out[i] = *p
	}
	return out
}

// clockMinute is the minute of the day of a DayPart's "HH:MM".
func clockMinute(hhmm string) int {
	if len(hhmm) != 5 {
		return 0
	}
	return (int(hhmm[0]-'0')*10+int(hhmm[1]-'0'))*60 + int(hhmm[3]-'0')*10 + int(hhmm[4]-'0')
}
