package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/rules"
)

// kindQueries decides queries of every kind a decision can be — every
// verdict, reasons that apply, may apply and are overridden, outcomes,
// terms, every note, facts given, derived, as ranges and from a point's
// layers, expired notices — and returns them with their queries. Per
// distinct plan: the first day of its segments in 2024–2026, its last
// segment and a day in 2031, under a sample of its facts' combinations.
func kindQueries(t testing.TB) (*Engine, []Query) {
	layers, err := place.LoadDir("../place/testdata/synthetic")
	require.NoError(t, err)
	// Beside the embedded set, a notice with no number, no end date and an
	// exception: the reasons and notes only such a notice gives.
	extra := fstest.MapFS{"notices/synthetic.yaml": {Data: []byte(openEndedNotice)}}
	e, err := LoadRoots(context.Background(), []rules.Root{{FS: rules.EmbeddedFS()}, {Name: "synthetic", FS: extra}}, rules.Limits{}, WithLayers(layers))
	require.NoError(t, err)
	var qs []Query
	seen := map[*table]bool{}
	for _, a := range e.set.Activities {
		p := e.plans[a]
		var days []calendar.Date
		for i, s := range p.segments {
			if y := s.from.Date().Year(); (y >= 2024 && y <= 2026 || i == len(p.segments)-1) && s.from != (calendar.DateTime{}) {
				days = append(days, s.from.Date())
			}
		}
		days = append(days, calendar.MustDate(2027, 10, 3), calendar.MustDate(2031, 4, 5))
		var choices [][]any
		if p.table != nil {
			for _, d := range p.table.dims {
				choices = append(choices, factChoices(d))
			}
		}
		total := 1
		for _, c := range choices {
			total *= len(c)
		}
		if p.table == nil || seen[p.table] {
			total = min(total, 3) // an activity sharing a plan: its own name and notes
		}
		seen[p.table] = true
		for n := 0; n < total; n += max(1, total/40) {
			facts := Facts{}
			r := n
			for i, c := range choices {
				if v := c[r%len(c)]; v != nil {
					facts[p.table.dims[i].Var.Name] = v
				}
				r /= len(c)
			}
			for _, day := range days {
				qs = append(qs, Query{Activity: a.ID, Day: day, Facts: facts})
			}
		}
	}
	// Places: in the county, a township, outside every notice's place, and
	// spanning places with different rules (a decision merged from one per
	// part).
	for _, pl := range []string{"431181", "431181107", "110105", "430000"} {
		for _, act := range []string{"野炊", "燃放烟花爆竹", "dump_construction_waste", "synthetic_act"} {
			for _, facts := range []Facts{{}, {"distance_to_forest_m": 80.0}} {
				qs = append(qs, Query{Activity: act, Day: calendar.MustDate(2024, 10, 3), Facts: facts, Place: pl},
					Query{Activity: act, Day: calendar.MustDate(2025, 7, 1), Facts: facts, Place: pl})
			}
		}
	}
	// An exception that holds: its rule is excepted.
	qs = append(qs, Query{Activity: "synthetic_act", Day: calendar.MustDate(2030, 1, 1), Facts: Facts{"has_permit": true}, Place: "431181107"})
	// Place facts from the synthetic layers: a forest vertex, and near it.
	for _, lat := range []float64{26.3534128, 26.3535, 26.3538, 26.36} {
		pt := &place.Point{Lat: lat, Lon: 111.7616375, CRS: place.WGS84}
		for _, acc := range []float64{0, 30} {
			qs = append(qs, Query{Activity: "野炊", Day: calendar.MustDate(2024, 10, 3), Point: pt, AccuracyM: acc},
				Query{Activity: "燃放烟花爆竹", Day: calendar.MustDate(2025, 1, 28), Point: pt, AccuracyM: acc})
		}
	}
	return e, qs
}

// openEndedNotice is a synthetic notice of 白水镇 without a number or an
// end date, whose ban has an exception.
const openEndedNotice = `notice:
  id: synthetic-open-ended
  title: 合成测试通告（无文号、无截止日期、有除外）
  issuer: 合成机关
  issued: 2024-01-01
  effective: 2024-01-01
  applies_in: [431181107]
activities:
  - id: synthetic_act
    name: 合成行为
    en: a synthetic act
rules:
  - id: ban
    article: 一
    text: 本镇禁止合成行为，经批准的除外。
    effect: forbid
    activities: [synthetic_act]
    if: "true"
    except:
      - id: permitted
        text: 经批准的除外
        if: has_permit
`

// TestDecisionsCannotBeCorrupted decides queries of every kind, then
// changes everything a caller can reach from each decision — every
// settable field, slice element and map entry of its fields and of what
// its methods return, through pointers and interfaces — and decides them
// all again: every decision's JSON must be what it was.
func TestDecisionsCannotBeCorrupted(t *testing.T) {
	e, all := kindQueries(t)
	var qs []Query
	var want [][]byte
	var kinds kindSet
	for _, q := range all {
		d, err := e.Decide(q)
		if err != nil {
			continue // contradictory facts
		}
		b, err := json.Marshal(d)
		require.NoError(t, err)
		qs, want = append(qs, q), append(want, b)
		kinds.add(d)
	}
	kinds.require(t)

	changed := 0
	for _, q := range qs {
		d, err := e.Decide(q)
		require.NoError(t, err)
		changed += corruptDecision(d)
	}
	t.Logf("%d decisions; %d values changed", len(qs), changed)
	require.Greater(t, changed, 100*len(qs))
	for i, q := range qs {
		d, err := e.Decide(q)
		require.NoError(t, err)
		got, err := json.Marshal(d)
		require.NoError(t, err)
		require.Equal(t, string(want[i]), string(got), "%s %s %v", q.Activity, q.Day, q.Facts)
	}
}

// TestCitedIsReason checks Cited(k) against Reason(k) for decisions of
// every kind (merged ones included): the same citation and status.
func TestCitedIsReason(t *testing.T) {
	e, all := kindQueries(t)
	n := 0
	for _, q := range all {
		d, err := e.Decide(q)
		if err != nil {
			continue
		}
		for k := range d.NumReasons() {
			r := d.Reason(k)
			require.Equal(t, Cited{Rule: r.Rule, Notice: r.Notice, NoticeTitle: r.NoticeTitle, Article: r.Article, Text: r.Text,
				Status: r.Status, OverriddenBy: r.OverriddenBy, OverriddenByText: r.OverriddenByText}, d.Cited(k))
			n++
		}
	}
	require.Positive(t, n)
}

// TestCorruptReachesShared checks the test above can fail: corrupt
// changes what a struct's pointer, slice and map share with others.
func TestCorruptReachesShared(t *testing.T) {
	note := &Note{Text: "x", Args: map[string]string{"a": "b"}}
	uses := []WindowUse{{Name: "w"}}
	holder := struct {
		N *Note
		U []WindowUse
		A any
	}{note, uses, map[string]float64{"min": 1}}
	m := holder.A.(map[string]float64)
	require.Positive(t, corrupt(reflect.ValueOf(holder), 0))
	require.NotEqual(t, "x", note.Text)
	require.NotEqual(t, "b", note.Args["a"])
	require.NotEqual(t, "w", uses[0].Name)
	require.NotEqual(t, 1.0, m["min"])
}

// corruptDecision changes everything reachable from d's exported fields
// and the results of its exported methods that take nothing or an index.
func corruptDecision(d *Decision) int {
	n := 0
	v := reflect.ValueOf(d)
	for i := range v.NumMethod() {
		m, name := v.Method(i), v.Type().Method(i).Name
		switch mt := m.Type(); {
		case mt.NumIn() == 0:
			for _, r := range m.Call(nil) {
				n += corrupt(r, 0)
			}
		case mt.NumIn() == 1 && mt.In(0).Kind() == reflect.Int:
			for k := range d.NumReasons() {
				for _, r := range m.Call([]reflect.Value{reflect.ValueOf(k)}) {
					n += corrupt(r, 0)
				}
			}
		case name == "AppendJSON":
			n += corrupt(m.Call([]reflect.Value{reflect.ValueOf([]byte(nil))})[0], 0)
		default:
			panic("corruptDecision does not know how to call Decision." + name)
		}
	}
	return n + corrupt(v, 0)
}

// corrupt changes every value reachable from v that can be changed: v
// itself when settable, the elements of slices, the entries of maps, and
// what pointers and interfaces hold. It returns how many it changed.
func corrupt(v reflect.Value, depth int) int {
	if depth > 20 {
		panic("corrupt: too deep")
	}
	n := 0
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			n += corrupt(v.Elem(), depth+1)
		}
	case reflect.Interface:
		if v.IsNil() {
			break
		}
		if e := v.Elem(); e.Kind() == reflect.Map || e.Kind() == reflect.Slice || e.Kind() == reflect.Pointer {
			n += corrupt(e, depth+1)
		}
	case reflect.Struct:
		if !v.CanAddr() { // a method's result: reach what it shares
			c := reflect.New(v.Type()).Elem()
			c.Set(v)
			v = c
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				n += corrupt(v.Field(i), depth+1)
			}
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 && v.Len() > 0 { // JSON: one byte will do
			v.Index(0).SetUint(v.Index(0).Uint() + 1)
			return n + 1
		}
		for i := range v.Len() {
			n += corrupt(v.Index(i), depth+1)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			x := reflect.New(v.Type().Elem()).Elem()
			x.Set(v.MapIndex(k))
			n += corrupt(x, depth+1)
			v.SetMapIndex(k, x)
			n++
		}
	}
	if !v.CanSet() {
		return n
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + "·corrupted")
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(v.Int() + 7)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(v.Uint() + 7)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(v.Float() + 7)
	case reflect.Slice, reflect.Map, reflect.Pointer, reflect.Interface:
		return n + 1 // its contents were changed above
	case reflect.Struct:
		if _, ok := v.Interface().(calendar.Date); ok {
			v.Set(reflect.ValueOf(v.Interface().(calendar.Date).AddDays(3)))
		}
	default:
		return n
	}
	return n + 1
}

// kindSet records which kinds of decision a test met.
type kindSet map[string]bool

func (k *kindSet) add(d *Decision) {
	if *k == nil {
		*k = kindSet{}
	}
	m := *k
	m["verdict "+string(d.Verdict)] = true
	for _, r := range d.Reasons() {
		m["status "+r.Status] = true
		m["terms"] = m["terms"] || len(r.Terms) > 0
		m["conditions"] = m["conditions"] || len(r.Conditions) > 0
		m["interpretations"] = m["interpretations"] || len(r.Interpretations) > 0
		m["depends_on"] = m["depends_on"] || len(r.DependsOn) > 0
		m["windows"] = m["windows"] || len(r.Windows) > 0
		m["title_level"] = m["title_level"] || r.TitleLevel
	}
	m["outcomes"] = m["outcomes"] || len(d.Outcomes()) > 0
	m["unknown_facts"] = m["unknown_facts"] || len(d.UnknownFacts()) > 0
	m["penalties"] = m["penalties"] || len(d.Penalties()) > 0
	m["contacts"] = m["contacts"] || len(d.Contacts()) > 0
	m["next_change"] = m["next_change"] || d.NextChange != nil
	m["place"] = m["place"] || d.Place != nil
	m["merged"] = m["merged"] || d.mergedParts() != nil
	for _, n := range d.Notes() {
		m["note "+n.Code] = true
	}
	for _, f := range d.Facts() {
		m["fact derived"] = m["fact derived"] || f.Derived
		m["fact source"] = m["fact source"] || f.Source != ""
		m[fmt.Sprintf("fact %T", f.Value)] = true
		m["fact from layers"] = m["fact from layers"] || strings.Contains(f.Source, "synthetic")
	}
}

func (k kindSet) require(t testing.TB) {
	t.Helper()
	want := []string{"verdict forbidden", "verdict allowed", "verdict conditional", "verdict no_rule",
		"status applies", "status may_apply", "status overridden", "status excepted", "terms", "conditions", "interpretations",
		"depends_on", "windows", "title_level", "outcomes", "unknown_facts", "penalties", "contacts", "next_change", "place", "merged",
		"fact derived", "fact source", "fact from layers", "fact float64", "fact bool", "fact string", "fact map[string]float64"}
	for _, c := range NoteCodes() {
		if !slices.Contains(feedNoteCodes, c) { // TestFeedDecisionsCannotBeCorrupted meets those
			want = append(want, "note "+c)
		}
	}
	var missing []string
	for _, w := range want {
		if !k[w] {
			missing = append(missing, w)
		}
	}
	slices.Sort(missing)
	require.Empty(t, missing, "kinds of decision the queries do not meet")
}

// TestPointDoesNotOutliveItsQuery: a query without a point, decided after
// one with a point on the same scratch, has no place (the point's
// township once leaked into the next query).
func TestPointDoesNotOutliveItsQuery(t *testing.T) {
	layers, err := place.LoadDir("../place/testdata/synthetic")
	require.NoError(t, err)
	// Beside the embedded set, a notice with no number, no end date and an
	// exception: the reasons and notes only such a notice gives.
	extra := fstest.MapFS{"notices/synthetic.yaml": {Data: []byte(openEndedNotice)}}
	e, err := LoadRoots(context.Background(), []rules.Root{{FS: rules.EmbeddedFS()}, {Name: "synthetic", FS: extra}}, rules.Limits{}, WithLayers(layers))
	require.NoError(t, err)
	pt := &place.Point{Lat: 26.3534128, Lon: 111.7616375, CRS: place.WGS84}
	day := calendar.MustDate(2024, 10, 3)
	d, err := e.Decide(Query{Activity: "野炊", Day: day, Point: pt})
	require.NoError(t, err)
	require.NotNil(t, d.Place, "the point lies in a township of the layers")
	d, err = e.Decide(Query{Activity: "野炊", Day: day})
	require.NoError(t, err)
	require.Nil(t, d.Place)
}

// TestDecideInto decides queries of every kind into one reused decision,
// in order and some again in reverse (so that each overwrites a decision
// of another kind), corrupting it now and then: every answer must be Decide's,
// byte for byte, and a failing query must fail alike and leave no answer.
func TestDecideInto(t *testing.T) {
	e, qs := kindQueries(t)
	qs = append(qs, Query{Activity: "no such act", Day: calendar.MustDate(2024, 10, 3)},
		Query{Activity: "烧田埂", Day: calendar.MustDate(2024, 10, 3), Facts: Facts{"no_such_fact": 1.0}})
	var dst Decision
	var kinds kindSet
	decided := 0
	// Then every fifth in reverse (each after a decision of another kind).
	both := slices.Clone(qs)
	for i := len(qs) - 1; i >= 0; i -= 5 {
		both = append(both, qs[i])
	}
	for i, q := range both {
		want, werr := e.Decide(q)
		err := e.DecideInto(&dst, q)
		if werr != nil {
			require.EqualError(t, err, werr.Error())
			require.Zero(t, dst.Verdict)
			continue
		}
		require.NoError(t, err)
		if wb, gb := want.AppendJSON(nil), dst.AppendJSON(nil); !bytes.Equal(wb, gb) {
			require.Equal(t, string(wb), string(gb), "%s %s %v %q", q.Activity, q.Day, q.Facts, q.Place)
		}
		kinds.add(&dst)
		decided++
		if i%64 == 0 { // every one would take the test a minute
			corruptDecision(&dst)
		}
	}
	kinds.require(t)
	t.Logf("%d decisions into one", decided)
}
