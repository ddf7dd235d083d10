package hotline

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// seasonTerms says what the notice's own season set, when the call asks
// an amount or a deadline on a day after it: 医保今年交好多钱 asked in
// March is answered for paying now (期外: 400元 + 财政补助), and the
// caller — a 低保户 — also hears what the collection period set for them
// (2025年度集中参保缴费期（2024年9月1日至12月31日）：资助50%，个人缴纳200元),
// which year's it was, and, when no notice holds a later one, that the
// rule base has none. It returns the sentences, or nil, and whether they
// must be said: the season's rules read a fact the caller gave (低保户),
// so its terms are the caller's own; otherwise they are said if there is
// room after the day's.
func (h *Hotline) seasonTerms(l Lang, q *Query, d *engine.Decision) (_ []string, must bool) {
	// (a day or a period the caller named — 后天交, 过了缴费期再交 — is
	// the one answered, unless the deadline is asked: 元旦过后再交 截止是
	// 哪天; so is a case of its own, 新生儿, whose rule reads no window)
	if d.Verdict != engine.Allowed || !q.asks.money && !q.asks.deadline || q.afterPeriod > 0 || len(q.inPeriods) > 0 ||
		q.DateWords != "" && !q.dayWeak && !q.yearSaid() && !q.asks.deadline {
		return nil, false
	}
	r, ok := decidingReason(d)
	if !ok {
		return nil, false
	}
	n := h.noticeOf(r.Notice)
	if n == nil {
		return nil, false
	}
	// the notice's first window wholly past: its own season, which the
	// windows after it (期外) follow
	var season *rules.Window
	var iv calendar.Interval
	for _, w := range n.Windows {
		cw := h.eng.Window(w)
		if cw == nil || cw.Recurring() {
			continue
		}
		ivs := cw.Intervals()
		if len(ivs) == 0 || !ivs[len(ivs)-1].To.Before(d.Date) {
			continue
		}
		if season == nil || ivs[0].From.Before(iv.From) {
			season, iv = w, ivs[0]
		}
	}
	if season == nil || !slices.ContainsFunc(n.Rules, func(r *rules.Rule) bool { return ruleUses(r, season) }) {
		return nil, false
	}
	if !slices.ContainsFunc(n.Rules, func(nr *rules.Rule) bool {
		return nr.ID == r.Rule && slices.ContainsFunc(n.Windows, func(w *rules.Window) bool { return w != season && ruleUses(nr, w) })
	}) {
		return nil, false // the day's answer is no later window's (期外)
	}
	eq := q.EngineQuery()
	eq.At, eq.Day = time.Time{}, iv.From // the season's first day, whatever the clock said
	sd, err := h.eng.Decide(eq)
	if err != nil || sd.Verdict != engine.Allowed {
		return nil, false
	}
	must = q.asks.deadline && !q.asks.money // the season's end is the day asked
	facts := q.EngineFacts()
	for _, sr := range sd.Reasons() {
		if sr.Status != "applies" {
			continue
		}
		for _, nr := range n.Rules {
			if nr.ID == sr.Rule && nr.Program != nil && slices.ContainsFunc(nr.Program.Vars, func(v *cond.Var) bool { _, ok := facts[v.Name]; return ok && !v.Window }) {
				must = true
			}
		}
	}
	var said []string
	for _, t := range h.termsOf(l, q, sd) {
		if t.name != untilTerm {
			said = append(said, t.text)
		}
	}
	from, to := h.span(l, iv.From, iv.To, nil)
	var out []string
	switch {
	case q.asks.deadline && !q.asks.money:
		// 几号截止: the season's days are the answer, its amounts are not
		out = append(out, h.cat.T(l, "season.days", "window", season.Name, "from", from, "to", to))
	case len(said) == 0:
		return nil, false
	default:
		out = append(out, h.cat.T(l, "season.terms", "window", season.Name, "from", from, "to", to, "terms", strings.Join(said, "")))
	}
	// (no later season is news only once this one is over on the call's day)
	if next := h.nextSeasonName(season.Name); next != "" && q.called.After(iv.To) && !h.laterNotice(n, d) {
		// one sentence with the season's: said, or cut, together
		out[0] += h.cat.T(l, "season.none_later", "season", next)
	}
	return out, must
}

// ruleUses reports whether rule r's condition reads window w.
func ruleUses(r *rules.Rule, w *rules.Window) bool {
	if r.Program == nil || w.Var == nil {
		return false
	}
	return slices.Contains(r.Program.Vars, w.Var)
}

// noticeOf is the loaded notice of key, nil for none.
func (h *Hotline) noticeOf(key string) *rules.Notice {
	for _, n := range h.eng.Rules().Notices {
		if n.Key() == key {
			return n
		}
	}
	return nil
}

// laterNotice reports whether another notice governs one of n's
// activities after n ends.
func (h *Hotline) laterNotice(n *rules.Notice, d *engine.Decision) bool {
	for _, o := range h.eng.Rules().Notices {
		if o == n || !o.Effective.After(n.Effective) {
			continue
		}
		for _, a := range n.Activities {
			if slices.ContainsFunc(o.Rules, func(r *rules.Rule) bool { return r.Covers(a) }) {
				return true
			}
		}
	}
	return false
}

// yearRun finds a four-digit year.
var yearRun = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`([0-9]{4})`) })

// nextSeasonName is the season after the one a window's name says by its
// year and a year term of the grammar (2025年度 → 2026年度), "" when the
// name says none.
func (h *Hotline) nextSeasonName(name string) string {
	for _, t := range h.p.g.YearTerms {
		for _, m := range yearRun().FindAllStringIndex(name, -1) {
			if strings.HasPrefix(name[m[1]:], t) {
				y, _ := strconv.Atoi(name[m[0]:m[1]])
				return strconv.Itoa(y+1) + t
			}
		}
	}
	return ""
}

// yearSaid reports whether the day words said are a year alone (今年,
// 2025年): the call asks of the year, not of a day in it.
func (q *Query) yearSaid() bool {
	return strings.HasSuffix(q.DateWords, "年") && q.Date.Month() == 1 && q.Date.Day() == 1 || q.DateWords == "今年"
}

// pastSeason answers a question of when an act may start (茶籽今年几时开摘)
// when the only notice that sets its days gave them for a past season: the
// days it gave, with their year, and that the rule base holds none for the
// call's year — never a past season's day as if it were this year's. ""
// when a season of the call's year is in the rule base (changes says it),
// or the call names another day.
func (h *Hotline) pastSeason(l Lang, q *Query, d *engine.Decision) string {
	if !q.asks.when || q.Activity == "" || q.DateWords != "" && !q.dayWeak && !q.yearSaid() {
		return ""
	}
	a, ok := h.eng.Rules().Activity(q.Activity)
	if !ok {
		return ""
	}
	year := todayYear(q)
	jan1, err := calendar.NewDate(year, 1, 1)
	if err != nil {
		return ""
	}
	var notice *rules.Notice
	var days []string
	last := calendar.Date{}
	for _, n := range h.eng.Rules().Notices {
		for _, r := range n.Rules {
			if r.Effect != rules.Allow || !r.Covers(a) {
				continue
			}
			for _, w := range n.Windows {
				cw := h.eng.Window(w)
				if cw == nil || cw.Recurring() || !ruleUses(r, w) {
					continue
				}
				var past *calendar.Interval
				for _, iv := range cw.Intervals() {
					if iv.From.Before(n.Effective) || n.ValidUntil != (calendar.Date{}) && iv.From.After(n.ValidUntil) {
						continue
					}
					if !iv.From.Before(jan1) {
						return "" // this year's season is in the rule base
					}
					past = &iv
				}
				if past == nil || !h.startsFor(q, r, past.From) {
					continue
				}
				name := h.windowName(l, w.Name)
				if l == EN {
					name = "" // (windows are named in Chinese only)
				}
				s := strings.TrimSpace(h.cat.T(l, "when.past_season.day", "window", name, "from", h.day(l, past.From, nil)))
				if !slices.Contains(days, s) {
					notice, days = n, append(days, s)
				}
				if past.From.After(last) {
					last = past.From
				}
			}
		}
	}
	if notice == nil {
		return ""
	}
	return h.cat.T(l, "when.past_season", "notice", notice.Key(), "year", strconv.Itoa(last.Year()),
		"days", strings.Join(days, h.cat.T(l, "when.past_season.sep")), "this_year", strconv.Itoa(year))
}

// startsFor reports whether rule r holds, or may hold, for the caller's
// facts on day: the season of the variety said (寒露籽), not another's.
func (h *Hotline) startsFor(q *Query, r *rules.Rule, day calendar.Date) bool {
	eq := q.EngineQuery()
	eq.At, eq.Day = time.Time{}, day
	x, err := h.eng.Decide(eq)
	if err != nil {
		return false
	}
	for _, xr := range x.Reasons() {
		if xr.Rule == r.ID && xr.Notice == r.Notice.Key() && (xr.Status == "applies" || xr.Status == "may_apply") {
			return true
		}
	}
	return false
}
