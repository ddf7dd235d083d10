package engine

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
)

// jsonDecisions decides the queries of kindQueries and, per activity, 40
// random ones (any day 2023–2032, each fact its rules read unknown, at a
// threshold, anywhere or within a range), skipping refused ones.
func jsonDecisions(t testing.TB) []*Decision {
	e, qs := kindQueries(t)
	rnd := rand.New(rand.NewPCG(7, 8))
	start := calendar.MustDate(2023, 1, 1)
	for _, a := range e.set.Activities {
		p := e.plans[a]
		for range 40 {
			facts := Facts{}
			for _, d := range p.space.Dimensions(e.set.NewState(), func(int) bool { return true }, nil) {
				if v := randomFact(rnd, d); v != nil {
					facts[d.Var.Name] = v
				}
			}
			qs = append(qs, Query{Activity: a.Name, Day: start.AddDays(rnd.IntN(3650)), Facts: facts})
		}
	}
	var out []*Decision
	for _, q := range qs {
		if d, err := e.Decide(q); err == nil {
			out = append(out, d)
		}
	}
	// Windows with times of day (testdata/clock): a minute of every segment
	// in 2026 and the days they start on (some with day parts), each fact
	// unknown or random.
	ce, err := Load(os.DirFS("testdata/clock"))
	require.NoError(t, err)
	for _, a := range ce.set.Activities {
		p := ce.plans[a]
		for _, s := range p.segments {
			if s.from.Date().Year() != 2026 {
				continue
			}
			facts := Facts{}
			for _, d := range p.space.Dimensions(ce.set.NewState(), func(int) bool { return true }, nil) {
				if v := randomFact(rnd, d); v != nil {
					facts[d.Var.Name] = v
				}
			}
			for _, m := range []calendar.Moment{calendar.TimeMoment(s.from.Add(1)), calendar.DayMoment(s.from.Date())} {
				q := Query{Activity: a.ID, Facts: facts}
				q.SetMoment(m)
				if d, err := ce.Decide(q); err == nil {
					out = append(out, d)
				}
			}
		}
	}
	return out
}

// TestAppendJSONIsEncodingJSON requires AppendJSON to write, byte for
// byte, what encoding/json makes of the decision's parts as a plain
// struct, over decisions of every plan and kind.
func TestAppendJSONIsEncodingJSON(t *testing.T) {
	ds := jsonDecisions(t)
	buf := []byte("prefix")
	for _, d := range ds {
		want, err := json.Marshal(d.plain())
		require.NoError(t, err)
		buf = d.AppendJSON(buf[:6])
		if string(buf[6:]) != string(want) {
			require.Equal(t, string(want), string(buf[6:]), "%s %s", d.Activity().ID, d.Date)
		}
		got, err := json.Marshal(d)
		require.NoError(t, err)
		require.Equal(t, string(want), string(got))
		for _, n := range d.Notes() {
			if day, ok := n.Args["day"]; ok {
				require.Equal(t, d.Date.String(), day, "a note names the day decided")
				require.Contains(t, n.Text, day)
			}
		}
	}
	t.Logf("%d decisions", len(ds))
}

// TestJSONCoversDecision fails when an output field is added to Decision
// but not to its JSON: every exported field and accessor of Decision must
// be a field of decisionJSON (which AppendJSON must match), and every
// field of decisionJSON must be filled in some decision.
func TestJSONCoversDecision(t *testing.T) {
	plainType := reflect.TypeFor[decisionJSON]()
	notOutput := map[string]bool{"AppendJSON": true, "MarshalJSON": true, "NumReasons": true, "Reason": true, "Cited": true, "FirstApplyingNotice": true}
	dt := reflect.TypeFor[Decision]()
	for i := range dt.NumField() {
		if f := dt.Field(i); f.IsExported() {
			_, ok := plainType.FieldByName(f.Name)
			require.True(t, ok, "Decision.%s is not in decisionJSON (json.go): add it there and to AppendJSON", f.Name)
		}
	}
	pt := reflect.TypeFor[*Decision]()
	for i := range pt.NumMethod() {
		m := pt.Method(i)
		if notOutput[m.Name] {
			continue
		}
		require.Equal(t, 1, m.Type.NumIn(), "Decision.%s: an accessor takes nothing (or add it to notOutput)", m.Name)
		_, ok := plainType.FieldByName(m.Name)
		require.True(t, ok, "Decision.%s() is not in decisionJSON (json.go): add it there and to AppendJSON", m.Name)
	}
	filled := map[string]bool{}
	for _, d := range jsonDecisions(t) {
		v := reflect.ValueOf(d.plain())
		for i := range v.NumField() {
			if !v.Field(i).IsZero() && (v.Field(i).Kind() != reflect.Slice || v.Field(i).Len() > 0) {
				filled[plainType.Field(i).Name] = true
			}
		}
	}
	for i := range plainType.NumField() {
		require.True(t, filled[plainType.Field(i).Name], "decisionJSON.%s is never filled: set it in plain()", plainType.Field(i).Name)
	}
}

// TestAppendStringAndFloat compares the hand-written string and number
// encoders with encoding/json on the characters and magnitudes where
// encoders differ.
func TestAppendStringAndFloat(t *testing.T) {
	strs := []string{"", "plain", "中文“引号”（括号）", `quote " backslash \ slash /`, "<b>&amp;</b>", "\x00\x01\b\f\n\r\t\x1f\x7f",
		"line\u2028para\u2029", "bad \xff utf-8 \xe4\xb8", "emoji 🔥", strings.Repeat("祁阳", 100)}
	rnd := rand.New(rand.NewPCG(1, 1))
	for range 2000 {
		b := make([]byte, rnd.IntN(12))
		for i := range b {
			b[i] = byte(rnd.IntN(256))
		}
		strs = append(strs, string(b))
	}
	for _, s := range strs {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		require.Equal(t, string(want), string(appendString(nil, s)), "%q", s)
	}
	floats := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 100, 99.5, 1e-6, 9.99e-7, 1e-7, 1.5e-300, 1e20, 1e21, 123456789012345678901234.0,
		math.MaxFloat64, math.SmallestNonzeroFloat64, 5e-324, 1.0 / 3}
	for range 2000 {
		floats = append(floats, math.Float64frombits(rnd.Uint64()))
	}
	for _, f := range floats {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		want, err := json.Marshal(f)
		require.NoError(t, err)
		require.Equal(t, string(want), string(appendFloat(nil, f)), "%v", f)
	}
}

// BenchmarkDecisionJSON encodes a decision: AppendJSON into a reused
// buffer, and encoding/json of the same parts as a plain struct (what a
// decision cost to encode before AppendJSON).
func BenchmarkDecisionJSON(b *testing.B) {
	e, err := Embedded()
	require.NoError(b, err)
	for _, bc := range []struct {
		name string
		q    Query
	}{
		{"known", Query{Activity: "烧田埂", Day: calendar.MustDate(2024, 10, 3), Facts: Facts{"distance_to_forest_m": 50.0, "fire_zone": "general", "high_danger_days": 0.0}}},
		{"conditional", Query{Activity: "烧田埂", Day: calendar.MustDate(2024, 10, 3), Facts: Facts{"fire_zone": "general"}}},
		{"no-rule-expired", Query{Activity: "烧田埂", Day: calendar.MustDate(2030, 10, 3), Facts: Facts{"distance_to_forest_m": 50.0}}},
	} {
		d, err := e.Decide(bc.q)
		require.NoError(b, err)
		b.Run(bc.name+"/AppendJSON", func(b *testing.B) {
			b.ReportAllocs()
			var buf []byte
			for b.Loop() {
				buf = d.AppendJSON(buf[:0])
			}
			b.SetBytes(int64(len(buf)))
		})
		b.Run(bc.name+"/encoding-json", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := json.Marshal(d.plain()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestReceiptJSON: a receipt written by hand is what encoding/json makes
// of it, with and without its optional fields and with characters
// encoding/json escapes.
func TestReceiptJSON(t *testing.T) {
	for _, r := range []Receipt{
		{RuleSet: "sha256:0c1d", HolidayData: "holiday-cn 2007–2026; 2027+ projected"},
		{RuleSet: "sha256:0c1d", HolidayData: "h", Bundle: "2025.1"},
		{RuleSet: "sha256:0c1d", HolidayData: "h", Feed: "sha256:ab"},
		{RuleSet: `<a href="x">&</a>`, HolidayData: "\u2028\x01\xff", Bundle: "b", Feed: "f"},
		{},
	} {
		want, err := json.Marshal(r)
		require.NoError(t, err)
		require.Equal(t, string(want), string(r.appendJSON(nil)))
	}
}
