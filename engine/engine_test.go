package engine_test

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/register"
	"github.com/tonggao/tonggao/rules"
)

var (
	once      sync.Once
	shared    *engine.Engine
	sharedErr error
)

func testEngine(t testing.TB) *engine.Engine {
	// Building the engine takes tens of milliseconds; it is immutable, so
	// the tests share one.
	once.Do(func() { shared, sharedErr = engine.Embedded() })
	require.NoError(t, sharedErr)
	return shared
}

func day(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestDecideSmoke(t *testing.T) {
	e := testEngine(t)
	d, err := e.Decide(engine.Query{Activity: "烧田埂", Day: day("2024-10-03"), Facts: engine.Facts{"distance_to_forest_m": 50}})
	require.NoError(t, err)
	b, _ := json.MarshalIndent(d, "", "  ")
	t.Log(string(b))
	require.Equal(t, engine.Forbidden, d.Verdict)
}

func TestRegisterKnowsEncodedNotices(t *testing.T) {
	e := testEngine(t)
	reg := e.Register()
	require.NotNil(t, reg)
	for _, n := range e.Rules().Notices {
		// A document exists from its date, even where the period it governs
		// (and the rule base's answers) began earlier.
		first := n.Effective
		if n.Issued.Valid() && n.Issued.After(first) {
			first = n.Issued
		}
		st, err := reg.Lookup(n.Number, first)
		require.NoError(t, err)
		require.Equal(t, register.InForce, st.Status, "%s on its first day", n.Number)
		st, err = reg.Lookup(n.Number, n.ValidUntil.AddDays(1))
		require.NoError(t, err)
		require.NotEqual(t, register.InForce, st.Status, "%s the day after its validity", n.Number)
	}
}

func TestRegisterDisagreementIsALoadError(t *testing.T) {
	set, err := rules.Embedded()
	require.NoError(t, err)
	cal, err := calendar.New()
	require.NoError(t, err)
	num, err := register.ParseNumber("祁政通〔2024〕7号")
	require.NoError(t, err)
	until := day("2030-01-01")
	from := day("2024-09-01")
	reg, err := register.New(register.Entry{Number: num, Title: "祁阳市人民政府关于发布森林防火禁火令的通告", ValidFrom: &from, ValidUntil: &until})
	require.NoError(t, err)
	_, err = engine.New(set, cal, engine.WithRegister(reg))
	require.ErrorContains(t, err, "disagree")
}

func TestChangeDays(t *testing.T) {
	e := testEngine(t)
	days, err := e.ChangeDays("烧田埂", day("2024-09-01"), day("2024-12-31"))
	require.NoError(t, err)
	var s []string
	for _, d := range days {
		s = append(s, d.String())
	}
	// National Day 2024 window: 10-01 … 10-07.
	require.Equal(t, []string{"2024-10-01", "2024-10-08"}, s)
}

func TestEmbeddedRulesLintClean(t *testing.T) {
	for _, issue := range testEngine(t).Lint() {
		t.Error(issue)
	}
}

// engineFor builds an engine from the embedded facts and one notice file,
// notices/t.yaml, requiring the rules to load.
func engineFor(t *testing.T, notice string, opts ...engine.Option) (*engine.Engine, error) {
	t.Helper()
	facts, err := fs.ReadFile(rules.EmbeddedFS(), "facts.yaml")
	require.NoError(t, err)
	divisions, err := fs.ReadFile(rules.EmbeddedFS(), rules.DivisionsFile) // the town fact's values
	require.NoError(t, err)
	set, err := rules.Load(fstest.MapFS{"facts.yaml": {Data: facts}, rules.DivisionsFile: {Data: divisions}, "notices/t.yaml": {Data: []byte(notice)}})
	require.NoError(t, err)
	cal, err := calendar.New()
	require.NoError(t, err)
	return engine.New(set, cal, opts...)
}

func TestLintFindsRulesThatCannotFire(t *testing.T) {
	notice := `notice:
  number: 测试〔2024〕1号
  title: 测试
  effective: 2024-09-01
  valid_until: 2024-12-31
activities:
  - id: lint_fire
    name: 测试用火
    en: test fire
windows:
  - id: september
    name: 九月
    when: annual 09-01..09-30
    article: 一
  - id: november
    name: 十一月
    when: annual 11-01..11-30
    article: 一
rules:
  - id: never-in-force
    article: 一
    text: 春季严禁。
    effect: forbid
    activities: [lint_fire]
    if: september && november
  - id: contradiction
    article: 二
    text: 严禁。
    effect: forbid
    activities: [lint_fire]
    if: distance_to_forest_m < 10 && distance_to_forest_m > 20 || distance_to_forest_m > 60 && distance_to_forest_m < 55
  - id: same-words
    article: 二
    text: 严禁。
    effect: forbid
    activities: [lint_fire]
    if: distance_to_forest_m > 30
  - id: opposite
    article: 二
    text: 严禁。
    effect: allow
    activities: [lint_fire]
    if: distance_to_forest_m > 50
    overrides: [contradiction, never-in-force, same-words]
`
	e, err := engineFor(t, notice)
	require.NoError(t, err)
	var msgs []string
	for _, i := range e.Lint() {
		msgs = append(msgs, i.String())
	}
	require.Len(t, msgs, 3, "%v", msgs)
	require.Contains(t, msgs[0], `rule "never-in-force" can never fire: its windows`)
	require.Contains(t, msgs[1], `rule "contradiction" can never fire: its conditions contradict`)
	require.Contains(t, msgs[2], `notices/t.yaml:38: rule "opposite" quotes article 二 with the same words`)
}

// TestConcurrentDecisions runs the same queries from many goroutines and
// requires the answers sequential runs give (run with -race in CI).
func TestConcurrentDecisions(t *testing.T) {
	e := testEngine(t)
	queries := []engine.Query{
		{Activity: "烧田埂", Day: day("2024-10-03"), Facts: engine.Facts{"distance_to_forest_m": 50.0}},
		{Activity: "野炊", Day: day("2025-07-15"), Facts: engine.Facts{"distance_to_forest_m": 50.0}},
		{Activity: "烧秸秆", Day: day("2026-11-28")},
		{Activity: "摘茶籽", Day: day("2024-10-07"), Facts: engine.Facts{"oil_tea_variety": "寒露籽", "own_land": true}},
		{Activity: "放鞭炮", Day: day("2025-02-01"), Facts: engine.Facts{"distance_to_forest_m": "x"}},
	}
	want := make([]string, len(queries))
	for i, q := range queries {
		d, err := e.Decide(q)
		want[i] = summarize(d, err)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(queries)*50)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				i := (g + k) % len(queries)
				d, err := e.Decide(queries[i])
				if got := summarize(d, err); got != want[i] {
					errs <- got + " != " + want[i]
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func summarize(d *engine.Decision, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	b, _ := json.Marshal(d)
	return string(b)
}

func TestWindowOutsideValidityIsALoadError(t *testing.T) {
	notice := `notice:
  number: 测试〔2024〕2号
  title: 测试
  effective: 2024-09-01
  valid_until: 2024-12-31
windows:
  - id: campaign
    name: 专项行动
    when: date 2025-03-01..2025-03-31
    article: 一
`
	_, err := engineFor(t, notice)
	require.ErrorContains(t, err, `notices/t.yaml:7: window "campaign" never falls within the notice's validity 2024-09-01—2024-12-31`)
	_, err = engineFor(t, notice, engine.PlanOnDemand())
	require.ErrorContains(t, err, `notices/t.yaml:7: window "campaign" never falls within the notice's validity 2024-09-01—2024-12-31`, "planning on demand checks the windows of any rule set but the embedded one")
}

func TestReceiptNamesTheBundle(t *testing.T) {
	set, err := rules.Embedded()
	require.NoError(t, err)
	cal, err := calendar.New()
	require.NoError(t, err)
	e, err := engine.New(set, cal, engine.WithBundle("2025-07-01.1"))
	require.NoError(t, err)
	d, err := e.Decide(engine.Query{Activity: "野炊", Day: day("2024-10-03")})
	require.NoError(t, err)
	require.Equal(t, "2025-07-01.1", d.Receipt().Bundle)
	require.Equal(t, set.Digest, d.Receipt().RuleSet)
}

// TestReasonQuotesTheIntervalOfTheDay: the Spring Festival window is a union
// of the statutory holiday (2025-01-28…02-04) and 除夕…元宵 (…02-12); on
// 02-08 only the second holds, and the reason must say so.
func TestReasonQuotesTheIntervalOfTheDay(t *testing.T) {
	e := testEngine(t)
	for _, tc := range []struct{ day, want string }{
		{"2025-01-30", "2025-01-28"},
		{"2025-02-08", "特别防护期：春节期间 2025-01-28—2025-02-12"},
	} {
		d, err := e.Decide(engine.Query{Activity: "点蜡烛", Day: day(tc.day), Facts: engine.Facts{"distance_to_forest_m": 10.0, "fire_zone": "general", "indoors": false}})
		require.NoError(t, err)
		require.Equal(t, engine.Forbidden, d.Verdict)
		require.Contains(t, d.Reasons()[0].Window, tc.want, tc.day)
		for _, w := range d.Reasons()[0].Windows {
			require.True(t, !day(tc.day).Before(w.From) && !day(tc.day).After(w.To), "%s: window %s %s—%s does not contain the day", tc.day, w.ID, w.From, w.To)
		}
	}
}

// TestFactErrorDeterministic: of several wrong facts, the error names the
// first by name, every time (a map's order is random).
func TestFactErrorDeterministic(t *testing.T) {
	e := testEngine(t)
	q := engine.Query{Activity: "烧田埂", Day: day("2024-10-03"), Facts: engine.Facts{
		"fire_zone": "nowhere", "distance_to_forest_m": "far", "no_such_fact": 1.0, "high_danger_days": -3.0,
	}}
	for range 50 {
		_, err := e.Decide(q)
		var fe *engine.FactError
		require.ErrorAs(t, err, &fe)
		require.Equal(t, "distance_to_forest_m", fe.Fact)
	}
}

// TestTooManyConditions: a rule naming more conditions than a mask word
// holds is refused at load, at its line — and so is an activity governed
// by more windows and notices than a mask word holds, by an engine that
// plans on demand as by one that plans every activity in New (on demand,
// plans wait for their first query only where none can outgrow them).
func TestTooManyConditions(t *testing.T) {
	var windows, reads, conds, names []string
	for i := range 64 {
		windows = append(windows, fmt.Sprintf("  - {id: w%d, name: 时段%d, article: 一, when: annual 09-%02d..09-%02d}", i, i, i%28+1, i%28+1))
		reads = append(reads, fmt.Sprintf("w%d", i))
	}
	for i := range 65 {
		conds = append(conds, fmt.Sprintf("  - {id: c%d, name: 条件%d, article: 一, text: 距离。, if: distance_to_forest_m > %d}", i, i, i))
		names = append(names, fmt.Sprintf("c%d", i))
	}
	for _, opts := range [][]engine.Option{nil, {engine.PlanOnDemand()}} {
		_, err := engineFor(t, oneRuleNotice("4", "wide", "宽", "windows", windows, reads), opts...)
		require.ErrorContains(t, err, `engine: activity "wide": 64 windows and 1 notices exceed 64`, "on demand: %v", opts != nil)
		_, err = engineFor(t, oneRuleNotice("3", "many", "多", "conditions", conds, names), opts...)
		require.ErrorContains(t, err, `notices/t.yaml:75: rule "many" names 65 conditions, more than 64`, "on demand: %v", opts != nil)
	}
}

// oneRuleNotice is notice 测试〔2024〕N号 with one activity and one rule
// forbidding it where any of names holds, declared as section's items.
func oneRuleNotice(n, id, name, section string, items, names []string) string {
	return `notice:
  number: 测试〔2024〕` + n + `号
  title: 测试
  effective: 2024-09-01
  valid_until: 2024-12-31
activities:
  - {id: ` + id + `, name: ` + name + `, en: ` + id + `}
` + section + `:
` + strings.Join(items, "\n") + `
rules:
  - id: ` + id + `
    article: 一
    text: 严禁` + name + `。
    effect: forbid
    activities: [` + id + `]
    if: ` + strings.Join(names, " || ") + "\n"
}

// The library refuses what it would otherwise make up (issue 16): a query
// without a date is not decided for 0001-01-01 or for today, and a point
// is not silently ignored by an engine without place layers — by Decide
// and by Here alike.
func TestRefusedQueries(t *testing.T) {
	e := testEngine(t)
	pt := &place.Point{Lat: 26.3534128, Lon: 111.7616375, CRS: place.WGS84}
	for _, tc := range []struct {
		name  string
		q     engine.Query
		field string
		want  error
	}{
		{"no date", engine.Query{Activity: "烧田埂"}, "At", engine.ErrNoDate},
		{"the zero day", engine.Query{Activity: "烧田埂", Day: calendar.Date{}, Facts: engine.Facts{"distance_to_forest_m": 50}}, "At", engine.ErrNoDate},
		{"a point without layers", engine.Query{Activity: "烧田埂", Day: day("2024-10-03"), Point: pt}, "Point", engine.ErrNoLayers},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := e.Decide(tc.q)
			require.Nil(t, d)
			require.ErrorIs(t, err, tc.want)
			var qe *engine.QueryError
			require.ErrorAs(t, err, &qe)
			require.Equal(t, tc.field, qe.Field)
			h, err := e.Here(tc.q)
			require.Nil(t, h)
			require.ErrorIs(t, err, tc.want)
		})
	}
	// The same queries with what they lacked are decided.
	_, err := e.Decide(engine.Query{Activity: "烧田埂", Day: day("2024-10-03")})
	require.NoError(t, err)
}

// TestDecideIntoAllocatesNothing: a decision with known facts (or a
// conditional one whose answer is kept) into a reused Decision allocates
// nothing in 100 decisions — Decide allocates a block of decisions every
// few. (testing.AllocsPerRun would round a block every eight down to 0.)
// The engine's scratch is per processor, so a goroutine moved to another
// one may make a scratch once: of three tries, one must allocate nothing.
func TestDecideIntoAllocatesNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are meaningless under the race detector")
	}
	e := testEngine(t)
	for _, bc := range decideCases[:3] {
		var d engine.Decision
		var allocs []uint64
		for try := 0; try < 3 && !slices.Contains(allocs, 0); try++ {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for range 100 {
				if err := e.DecideInto(&d, bc.q); err != nil {
					t.Fatal(err)
				}
			}
			runtime.ReadMemStats(&after)
			allocs = append(allocs, after.Mallocs-before.Mallocs)
		}
		require.Contains(t, allocs, uint64(0), "%s: allocations in each of three tries of 100", bc.name)
	}
}
