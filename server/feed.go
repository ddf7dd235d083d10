package server

import (
	"math"
	"net/http"
	"time"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/feed"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

// FeedHealth is the conditions feed serving, in /healthz and /readyz: its
// digest (every answer's receipt names it), where it comes from, when its
// newest daily row was issued and how old that is. Stale is true when that
// is more than a day: answers then say the day's values are missing
// rather than guess, and the operator should look at the publisher.
type FeedHealth struct {
	Digest     string `json:"digest"`
	Source     string `json:"source"`
	Rows       int    `json:"rows"`
	Issued     string `json:"issued,omitempty"`
	AgeSeconds int64  `json:"age_seconds,omitempty"`
	Stale      bool   `json:"stale"`
	LastError  string `json:"last_error,omitempty"`
}

func (s *Server) feedHealth(e *engine.Engine) *FeedHealth {
	x := e.Feed()
	if x == nil {
		return nil
	}
	f := x.Feed()
	fh := &FeedHealth{Digest: f.Digest(), Source: f.Source(), Rows: f.Len()}
	now := s.now()
	if t := x.DailyIssued(); !t.IsZero() {
		fh.Issued = t.Format(time.RFC3339)
		fh.AgeSeconds = int64(now.Sub(t) / time.Second)
		fh.Stale = x.Stale(now)
	}
	if s.feedError != nil {
		fh.LastError = bounded(s.feedError(), maxReloadMessage)
	}
	return fh
}

// Conditions is what the conditions feed publishes for one China local
// day (GET /v1/conditions/{date}): per division the feed resolves, the
// facts it gives that day, with who issued each and when. Feed is null and
// Places empty when no feed is configured.
type Conditions struct {
	Date   string            `json:"date"`
	Feed   *FeedHealth       `json:"feed"`
	Places []PlaceConditions `json:"places"`
}

// PlaceConditions are the published facts of one division on the day.
type PlaceConditions struct {
	Division string          `json:"division"`
	Name     string          `json:"name,omitempty"`
	Facts    []PublishedFact `json:"facts"`
}

// PublishedFact is one published fact's value at a division on the day:
// Value as the feed types it (an enum's value, a number; AtLeast when a
// count's run starts before the feed's first day), Label the fact's
// Chinese name, Text the value as the answers say it. For a fact published
// by orders, Value is "true" while an order is in force on the day, From
// and Until bound it (Partly when they cut the day), and Order, Article and
// Text are the order's number, article and words.
type PublishedFact struct {
	Fact    string `json:"fact"`
	Label   string `json:"label,omitempty"`
	Value   string `json:"value"`
	AtLeast bool   `json:"at_least,omitempty"`
	Text    string `json:"text,omitempty"`
	Since   string `json:"since,omitempty"`
	From    string `json:"from,omitempty"`
	Until   string `json:"until,omitempty"`
	Partly  bool   `json:"partly,omitempty"`
	Order   string `json:"order,omitempty"`
	Article string `json:"article,omitempty"`
	Source  string `json:"source"`
	Issued  string `json:"issued"`
}

func (s *Server) conditions(w http.ResponseWriter, r *http.Request) {
	day, err := calendar.LocalDay(s.now()), error(nil)
	if at := r.PathValue("date"); at != "today" {
		day, err = calendar.ParseDate(at)
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_date", err.Error())
		return
	}
	e := s.snapshot(w).Engine()
	out := Conditions{Date: day.String(), Feed: s.feedHealth(e), Places: []PlaceConditions{}}
	if x := e.Feed(); x != nil {
		out.Places = publishedOn(x, e.Rules(), day)
	}
	writeJSON(w, http.StatusOK, out)
}

// publishedOn lists, per division x resolves (in code order), the facts
// published daily, then the standing ones it gives on day, then the orders
// in force on it.
func publishedOn(x *feed.Index, set *rules.Set, day calendar.Date) []PlaceConditions {
	facts := x.Facts()
	var order []int
	for _, pub := range []rules.Publication{rules.Daily, rules.Standing, rules.Orders} {
		for j, f := range facts {
			if f.Published == pub {
				order = append(order, j)
			}
		}
	}
	out := []PlaceConditions{}
	for _, p := range x.Places() {
		pc := PlaceConditions{Division: p.Code.String()}
		if set.Divisions != nil {
			pc.Name = set.Divisions.Name(p.Code)
		}
		for _, j := range order {
			if facts[j].Published == rules.Orders {
				if pf, ok := orderOn(x, p, j, day); ok {
					pc.Facts = append(pc.Facts, pf)
				}
				continue
			}
			c, _, st := x.Value(p, true, j, day)
			if st != feed.OK || c == nil || c.Row == nil {
				continue
			}
			f := facts[j]
			pf := PublishedFact{Fact: f.Name, Label: f.ZH, Source: c.Row.Source, Issued: c.Row.Issued.Format(time.RFC3339)}
			switch {
			case f.Kind == cond.Enum:
				pf.Value, pf.Text = c.Str, f.Labels[c.Str]
			default:
				pf.Value = cond.FormatNumber(c.Lo)
				pf.AtLeast = math.IsInf(c.Hi, 1)
			}
			if c.Since != (calendar.Date{}) {
				pf.Since = c.Since.String()
			}
			pc.Facts = append(pc.Facts, pf)
		}
		if len(pc.Facts) > 0 {
			out = append(out, pc)
		}
	}
	return out
}

// orderOn is the order of Facts()[j] in force at p on day (for all of it or,
// Partly, for some of it), if there is one.
func orderOn(x *feed.Index, p *feed.Place, j int, day calendar.Date) (PublishedFact, bool) {
	v, r, _ := x.Order(p, false, j, day, time.Time{}, false)
	if v == cond.False || r == nil {
		return PublishedFact{}, false
	}
	f := x.Facts()[j]
	return PublishedFact{
		Fact: f.Name, Label: f.ZH, Value: "true", Partly: v == cond.Unknown,
		From: r.From.In(calendar.China).Format(time.RFC3339), Until: r.Until.In(calendar.China).Format(time.RFC3339),
		Order: r.Order, Article: r.Article, Text: r.Text,
		Source: r.Source, Issued: r.Issued.Format(time.RFC3339),
	}, true
}
