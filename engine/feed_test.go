package engine

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"strings"
	"sync"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/feed"
	"github.com/tonggao/tonggao/register"
	"github.com/tonggao/tonggao/rules"
)

// feedNoteCodes are the notes only a decision with published facts makes:
// TestFeedDecisionsCannotBeCorrupted meets them all.
var feedNoteCodes = []string{"published", "published_none", "published_missing", "published_stale", "published_varies", "published_horizon", "declared_order", "forecast_begins", "forecast_ends"}

// weatherBan is a synthetic county's notice whose rules read what a feed
// publishes: a ban on outdoor fire at fire-danger level 4 or more (a
// weather trigger, as some counties write it), a fireworks ban in a spell
// of three high days, and a ban while a declared special period is in
// force. The code 360502 is a real division; the notice and the two
// townships are made up and say so.
const weatherBan = `notice:
  number: 合成丙〔2025〕3号
  title: 丙区高火险天气禁火的通告（合成测试通告）
  issuer: 丙区人民政府（合成）
  applies_in: [360502]
  effective: 2025-01-01
  valid_until: 2027-12-31
conditions:
  - id: high_level
    name: 森林火险等级四级以上
    if: fire_danger_level >= 4
    article: 一
  - id: high_spell
    name: 特别防护期：连续三天高火险
    if: high_danger_days >= 3
    article: 二
rules:
  - id: no-fire-high-level
    article: 一
    text: 森林火险等级四级以上时，严禁野外用火。
    effect: forbid
    activities: [outdoor_fire]
    if: high_level
  - id: no-fireworks-spell
    article: 二
    text: 连续三天高火险时，严禁燃放烟花爆竹。
    effect: forbid
    activities: [fireworks]
    if: high_spell
  - id: no-fire-declared
    article: 三
    text: 政府宣布森林防火特别防护期期间，严禁一切野外用火。
    effect: forbid
    activities: [outdoor_fire]
    if: declared_special_period
`

const weatherDivisions = "360502,渝水区\n360502901,合成甲镇\n360502902,合成乙镇\n"

// weatherFeed gives 渝水区 a fortnight of levels (合成乙镇 higher on some
// days; the 13th issued twice, the later issue wins), a forecast to the
// 18th, 祁阳's class of place, and an order for 合成甲镇.
const weatherFeed = `date,division,fact,value,issued_at,source
2025-07-08,360502,fire_danger_level,4,2025-07-08T08:00+08:00,合成气象台
2025-07-09,360502,fire_danger_level,3,2025-07-09T08:00+08:00,合成气象台
2025-07-10,360502,fire_danger_level,4,2025-07-10T08:00+08:00,合成气象台
2025-07-11,360502,fire_danger_level,4,2025-07-11T08:00+08:00,合成气象台
2025-07-12,360502,fire_danger_level,5,2025-07-12T08:00+08:00,合成气象台
2025-07-13,360502,fire_danger_level,2,2025-07-12T08:00+08:00,合成气象台
2025-07-13,360502,fire_danger_level,3,2025-07-13T08:00+08:00,合成气象台
2025-07-14,360502,fire_danger_level,3,2025-07-14T08:00+08:00,合成气象台
2025-07-15,360502,fire_danger_level,3,2025-07-15T08:00+08:00,合成气象台
2025-07-16,360502,fire_danger_level,3,2025-07-15T08:00+08:00,合成气象台
2025-07-17,360502,fire_danger_level,4,2025-07-15T08:00+08:00,合成气象台
2025-07-18,360502,fire_danger_level,4,2025-07-15T08:00+08:00,合成气象台
2025-07-13,360502902,fire_danger_level,4,2025-07-13T08:00+08:00,合成气象台
2025-07-14,360502902,fire_danger_level,4,2025-07-14T08:00+08:00,合成气象台
2025-07-15,360502902,fire_danger_level,4,2025-07-15T08:00+08:00,合成气象台
2024-09-01,431181,fire_zone,general,2024-08-31T09:00+08:00,合成林业局
2024-09-01,431181107,fire_zone,key,2024-08-31T09:00+08:00,合成林业局
`

const weatherOrders = `{"date":"2025-07-14T12:00+08:00","until":"2025-07-16","division":"360502901","fact":"declared_special_period","value":true,"issued_at":"2025-07-14T10:00+08:00","source":"合成防指","order":"合成防指〔2025〕1号","article":"一","text":"合成甲镇自7月14日12时至16日24时为森林防火特别防护期。"}
`

// weatherEngine is the embedded rule base with weatherBan beside it, and
// the same engine fed weatherFeed.
func weatherEngine(t testing.TB) (base, fed *Engine, f *feed.Feed) {
	t.Helper()
	m := fstest.MapFS{}
	emb := rules.EmbeddedFS()
	require.NoError(t, fs.WalkDir(emb, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(emb, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	}))
	m[rules.DivisionsFile].Data = append(m[rules.DivisionsFile].Data, weatherDivisions...)
	m["notices/synthetic-weather.yaml"] = &fstest.MapFile{Data: []byte(weatherBan)}
	set, err := rules.Load(m)
	require.NoError(t, err)
	cal, err := calendar.New()
	require.NoError(t, err)
	reg, err := register.Embedded()
	require.NoError(t, err)
	base, err = New(set, cal, WithRegister(reg))
	require.NoError(t, err)
	f, err = feed.New("test", feed.Limits{}, feed.File{Name: "levels.csv", Data: []byte(weatherFeed)}, feed.File{Name: "orders.jsonl", Data: []byte(weatherOrders)})
	require.NoError(t, err)
	fed, err = base.Refeed(f)
	require.NoError(t, err)
	return base, fed, f
}

func noteCodes(d *Decision) []string {
	var out []string
	for _, n := range d.Notes() {
		out = append(out, n.Code)
	}
	return out
}

func factOf(d *Decision, name string) (FactValue, bool) {
	for _, f := range d.Facts() {
		if f.Name == name {
			return f, true
		}
	}
	return FactValue{}, false
}

func TestFeedDecides(t *testing.T) {
	base, fed, f := weatherEngine(t)
	require.Equal(t, f.Digest(), fed.Receipt().Feed)
	require.Empty(t, base.Receipt().Feed, "Refeed leaves the engine it came from as it was")
	require.Equal(t, base.Receipt().RuleSet, fed.Receipt().RuleSet)
	for _, tc := range []struct {
		name     string
		q        Query
		want     Verdict
		notes    []string // codes the decision must have
		fact     string   // a fact and its value from the feed
		value    any
		change   string // next_change date, "" for none
		noChange bool
	}{
		{name: "level 4 today: forbidden, by the feed; from the 13th it depends on the township", q: Query{Activity: "野外用火", Day: calendar.MustDate(2025, 7, 11), Place: "渝水区"},
			want: Forbidden, notes: []string{"published"}, fact: "fire_danger_level", value: 4.0, change: "2025-07-13"},
		{name: "the 13th was issued twice: the later issue (3) wins; the forecast's level 4 comes on the 17th", q: Query{Activity: "野外用火", Day: calendar.MustDate(2025, 7, 13), Place: "360502901"},
			want: NoRule, fact: "fire_danger_level", value: 3.0, change: "2025-07-14"},
		{name: "a township's own row overrides its county's", q: Query{Activity: "野外用火", Day: calendar.MustDate(2025, 7, 13), Place: "合成乙镇"},
			want: Forbidden, fact: "fire_danger_level", value: 4.0, change: "2025-07-16"},
		{name: "the county as a whole, where a township differs: conditional, say which township", q: Query{Activity: "野外用火", Day: calendar.MustDate(2025, 7, 13), Place: "渝水区"},
			want: Conditional, notes: []string{"published_varies"}},
		{name: "a day past the feed: never extrapolated, conditional, stale note", q: Query{Activity: "野外用火", Day: calendar.MustDate(2025, 7, 20), Place: "合成甲镇"},
			want: Conditional, notes: []string{"published_stale"}},
		{name: "the feed's last day: no change is known beyond it", q: Query{Activity: "野外用火", Day: calendar.MustDate(2025, 7, 18), Place: "合成甲镇"},
			want: Forbidden, notes: []string{"published", "published_horizon"}, noChange: true},
		{name: "a query's own fact wins over the feed", q: Query{Activity: "野外用火", Day: calendar.MustDate(2025, 7, 11), Place: "渝水区", Facts: Facts{"fire_danger_level": 2}},
			want: NoRule, fact: "fire_danger_level", value: 2.0},
		{name: "a spell counted through a township's own rows and its county's", q: Query{Activity: "燃放烟花爆竹", Day: calendar.MustDate(2025, 7, 15), Place: "合成乙镇"},
			want: Forbidden, fact: "high_danger_days", value: 6.0, notes: []string{"published"}},
		{name: "a run reaching back past the feed's first row: at least what it shows, so the spell may hold", q: Query{Activity: "燃放烟花爆竹", Day: calendar.MustDate(2025, 7, 8), Place: "渝水区", Facts: Facts{"fire_danger_level": 3}},
			want: Conditional, fact: "high_danger_days", value: map[string]float64{"min": 1}},
		{name: "an order in force all day: forbidden, the order cited", q: Query{Activity: "野外用火", Day: calendar.MustDate(2025, 7, 15), Place: "合成甲镇"},
			want: Forbidden, notes: []string{"declared_order"}, fact: "declared_special_period", value: true},
		{name: "an order from noon, asked about the day: conditional on the hour", q: Query{Activity: "野外用火", Day: calendar.MustDate(2025, 7, 14), Place: "合成甲镇"},
			want: Conditional, notes: []string{"declared_order"}},
		{name: "the same order at 13:00: in force", q: Query{Activity: "野外用火", At: calendar.MustDate(2025, 7, 14).Midnight().Add(13 * time.Hour), Place: "合成甲镇"},
			want: Forbidden, fact: "declared_special_period", value: true},
		{name: "a forecast sees a period begin", q: Query{Activity: "燃放烟花爆竹", Day: calendar.MustDate(2025, 7, 13), Place: "合成甲镇"},
			want: NoRule, notes: []string{"forecast_begins"}, change: "2025-07-14"},
		{name: "祁阳's class of place from the feed: 白水镇 is key, so banned in summer", q: Query{Activity: "烧田埂", Day: calendar.MustDate(2025, 7, 15), Place: "白水镇", Facts: Facts{"distance_to_forest_m": 50}},
			want: Forbidden, fact: "fire_zone", value: "key", notes: []string{"published_missing"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := fed.Decide(tc.q)
			require.NoError(t, err)
			require.Equal(t, tc.want, d.Verdict, "%s", d.AppendJSON(nil))
			for _, c := range tc.notes {
				require.Contains(t, noteCodes(d), c)
			}
			if tc.fact != "" {
				fv, ok := factOf(d, tc.fact)
				require.True(t, ok, "no fact %s", tc.fact)
				require.Equal(t, tc.value, fv.Value)
			}
			if tc.change != "" {
				require.NotNil(t, d.NextChange)
				require.Equal(t, tc.change, d.NextChange.Date.String())
			}
			if tc.noChange {
				require.Nil(t, d.NextChange)
			}
			require.Equal(t, f.Digest(), d.Receipt().Feed)
		})
	}
	// Without the feed, the same published facts are unknown, and a note
	// says they are the operator's to look up, not the caller's.
	d, err := base.Decide(Query{Activity: "野外用火", Day: calendar.MustDate(2025, 7, 11), Place: "渝水区"})
	require.NoError(t, err)
	require.Equal(t, Conditional, d.Verdict)
	require.Contains(t, noteCodes(d), "published_none")
}

// TestFeedDecisionsCannotBeCorrupted is TestDecisionsCannotBeCorrupted
// for decisions with published facts: every feed note, shared or not,
// survives whatever a caller does to the decisions, and AppendJSON is
// what encoding/json makes of them.
func TestFeedDecisionsCannotBeCorrupted(t *testing.T) {
	base, fed, _ := weatherEngine(t)
	type eq struct {
		e *Engine
		q Query
	}
	var qs []eq
	for _, act := range []string{"野外用火", "燃放烟花爆竹", "烧田埂", "野炊"} {
		for d := calendar.MustDate(2025, 7, 7); !d.After(calendar.MustDate(2025, 7, 21)); d = d.AddDays(1) {
			for _, pl := range []string{"360502", "360502901", "360502902", "431181107", "431181"} {
				qs = append(qs, eq{fed, Query{Activity: act, Day: d, Place: pl}}, eq{base, Query{Activity: act, Day: d, Place: pl}})
			}
		}
	}
	var kinds kindSet = map[string]bool{}
	var want [][]byte
	for _, x := range qs {
		d, err := x.e.Decide(x.q)
		require.NoError(t, err)
		b := d.AppendJSON(nil)
		ref, err := json.Marshal(d.plain())
		require.NoError(t, err)
		require.JSONEq(t, string(ref), string(b))
		want = append(want, b)
		kinds.add(d)
	}
	var missing []string
	for _, c := range feedNoteCodes {
		if !kinds["note "+c] {
			missing = append(missing, c)
		}
	}
	require.Empty(t, missing, "feed notes the queries do not meet")
	for _, x := range qs {
		d, err := x.e.Decide(x.q)
		require.NoError(t, err)
		corruptDecision(d)
	}
	for i, x := range qs {
		d, err := x.e.Decide(x.q)
		require.NoError(t, err)
		require.Equal(t, string(want[i]), string(d.AppendJSON(nil)))
	}
}

// TestFeedSwapsNeverMix decides concurrently while the feed is swapped
// (Current): every decision's facts come from the feed its receipt names.
func TestFeedSwapsNeverMix(t *testing.T) {
	base, _, _ := weatherEngine(t)
	var feeds []*feed.Feed
	for level := 1; level <= 5; level++ {
		f, err := feed.New("test", feed.Limits{}, feed.File{Name: "f.csv", Data: []byte(fmt.Sprintf(
			"date,division,fact,value,issued_at,source\n2025-07-11,360502,fire_danger_level,%d,2025-07-11T08:00+08:00,合成气象台\n", level))})
		require.NoError(t, err)
		feeds = append(feeds, f)
	}
	levelOf := map[string]float64{}
	for i, f := range feeds {
		levelOf[f.Digest()] = float64(i + 1)
	}
	first, err := base.Refeed(feeds[0])
	require.NoError(t, err)
	cur := NewCurrent(first)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	errs := make(chan string, 8)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				d, err := cur.Engine().Decide(Query{Activity: "野外用火", Day: calendar.MustDate(2025, 7, 11), Place: "渝水区"})
				if err != nil {
					errs <- err.Error()
					return
				}
				fv, _ := factOf(d, "fire_danger_level")
				if want := levelOf[d.Receipt().Feed]; fv.Value != want {
					errs <- fmt.Sprintf("feed %s says level %v, the decision used %v", d.Receipt().Feed, want, fv.Value)
					return
				}
			}
		}()
	}
	for i := 0; i < 200; i++ {
		_, err := cur.Reload(func() (*Engine, error) { return base.Refeed(feeds[i%len(feeds)]) })
		require.NoError(t, err)
	}
	close(stop)
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
}

// TestFeedRefusedKeepsEngine: a feed that does not fit the rules is
// refused with its file and line, and the engine it was offered to is
// unchanged.
// TestFeedNotesBuiltAtBind: binding a feed makes the notes decisions
// look up — each cell's value note, for the cell's own place and day, and
// each forecast change's — so two decisions share one note, and a note
// made for one place or day is never shown for another: a division the
// feed resolves only through the one covering it (360502903) gets its
// own; a standing class names the day it holds from, not the first day
// someone asked about.
func TestFeedNotesBuiltAtBind(t *testing.T) {
	_, fed, _ := weatherEngine(t)
	fs := fed.feed
	built := 0
	for i := range fs.notes {
		if fs.notes[i].Load() != nil {
			built++
		}
	}
	require.Positive(t, built, "value notes are made when the feed is bound")
	for i := range fs.forecast {
		require.NotNil(t, fs.forecast[i].Load(), "forecast note %d made at bind", i)
	}

	published := func(d *Decision, fact string) *note {
		t.Helper()
		for _, n := range d.noteList() {
			if n.Code == "published" && n.Args["fact"] == fact {
				return n
			}
		}
		t.Fatalf("no published note on %s in %v", fact, noteCodes(d))
		return nil
	}
	decide := func(q Query) *Decision {
		t.Helper()
		d, err := fed.Decide(q)
		require.NoError(t, err)
		return d
	}
	day := calendar.MustDate(2025, 7, 10)
	inner := decide(Query{Activity: "野外用火", Day: day, Place: "360502903"})
	require.True(t, strings.HasPrefix(published(inner, "fire_danger_level").Text, "360502903 2025-07-10 "), published(inner, "fire_danger_level").Text)
	county := decide(Query{Activity: "野外用火", Day: day, Place: "渝水区"})
	require.True(t, strings.HasPrefix(published(county, "fire_danger_level").Text, "渝水区 2025-07-10 "), "the county's note names the county, not the division asked before: %s", published(county, "fire_danger_level").Text)
	again := decide(Query{Activity: "野外用火", Day: day, Place: "360502"})
	require.Same(t, published(county, "fire_danger_level"), published(again, "fire_danger_level"), "one cell, one note")

	for _, day := range []calendar.Date{calendar.MustDate(2025, 7, 10), calendar.MustDate(2025, 7, 20)} {
		d := decide(Query{Activity: "烧田埂", Day: day, Place: "431181107"})
		n := published(d, "fire_zone")
		require.NotContains(t, n.Text, "2025-07-1", "a standing class is not said of a day asked before")
		require.Contains(t, n.Text, "2024-09-01 起")
		require.Equal(t, "2024-09-01", n.Args["date"])
	}
}

func TestFeedRefusedKeepsEngine(t *testing.T) {
	_, fed, f := weatherEngine(t)
	bad, err := feed.New("test", feed.Limits{}, feed.File{Name: "bad.csv", Data: []byte("date,division,fact,value,issued_at,source\n2025-07-11,360502,fire_danger_level,high,2025-07-11T08:00+08:00,x\n")})
	require.NoError(t, err)
	_, err = fed.Refeed(bad)
	require.ErrorContains(t, err, "bad.csv:2: fire_danger_level: \"high\" is not a number")
	require.Equal(t, f.Digest(), fed.Receipt().Feed)
	d, err := fed.Decide(Query{Activity: "野外用火", Day: calendar.MustDate(2025, 7, 11), Place: "渝水区"})
	require.NoError(t, err)
	require.Equal(t, Forbidden, d.Verdict)
}

// TestOpenRangeJSON: a count known only from below is {"min": n}, not an
// infinite max that JSON cannot hold.
func TestOpenRangeJSON(t *testing.T) {
	f := &rules.Fact{Name: "n", Kind: 1}
	x := fact{lo: 3}
	require.Equal(t, `{"name":"n","value":{"min":3}}`, string(x.appendJSON(nil, f, "", math.Inf(1))))
	require.True(t, strings.Contains(fmt.Sprint(x.value(f, "", math.Inf(1)).Value), "min:3"))
}

// BenchmarkDecideFeed decides with facts a feed publishes: the level of
// the day (a township's own row over its county's) and a spell of high
// days counted through both, looked up in the index built at Refeed; and,
// for scale, the first query without the feed (the facts unknown).
func BenchmarkDecideFeed(b *testing.B) {
	base, fed, _ := weatherEngine(b)
	for _, bc := range []struct {
		name string
		e    *Engine
		q    Query
	}{
		{"level", fed, Query{Activity: "野外用火", Day: calendar.MustDate(2025, 7, 13), Place: "合成乙镇"}},
		{"spell", fed, Query{Activity: "燃放烟花爆竹", Day: calendar.MustDate(2025, 7, 15), Place: "合成乙镇"}},
		{"level-no-feed", base, Query{Activity: "野外用火", Day: calendar.MustDate(2025, 7, 13), Place: "合成乙镇"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			_, err := bc.e.Decide(bc.q)
			require.NoError(b, err)
			b.ReportAllocs()
			start := processCPU()
			for b.Loop() {
				if _, err := bc.e.Decide(bc.q); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(processCPU()-start)/float64(b.N), "cpu-ns/op")
		})
	}
}

// processCPU is the process's user+system CPU time (as engine_test's
// cpuTime): on a shared machine it swings less than wall time.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
