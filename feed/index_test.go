package feed_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/feed"
	"github.com/tonggao/tonggao/rules"
	"github.com/tonggao/tonggao/rules/cond"
)

func embedded(t testing.TB) *rules.Set {
	t.Helper()
	set, err := rules.Load(rules.EmbeddedFS())
	require.NoError(t, err)
	return set
}

func bind(t testing.TB, set *rules.Set, files ...string) (*feed.Index, error) {
	t.Helper()
	var fs []feed.File
	for i, f := range files {
		fs = append(fs, feed.File{Name: string(rune('a'+i)) + ".csv", Data: []byte(f)})
	}
	f, err := feed.New("test", feed.Limits{}, fs...)
	require.NoError(t, err)
	return feed.Bind(f, set)
}

func TestBindErrors(t *testing.T) {
	set := embedded(t)
	row := func(s string) string { return header + s + "\n" }
	for _, tc := range []struct{ name, data, want string }{
		{"unknown fact", row("2025-07-15,431181,fire_level,4,2025-07-15T08:00+08:00,s"), `a.csv:2: fact "fire_level" is not in facts.yaml`},
		{"a fact no feed publishes", row("2025-07-15,431181,distance_to_forest_m,40,2025-07-15T08:00+08:00,s"), "a.csv:2: fact distance_to_forest_m is not published"},
		{"a counted fact given", row("2025-07-15,431181,high_danger_days,3,2025-07-15T08:00+08:00,s"), "a.csv:2: fact high_danger_days is counted from the feed (fire_danger_level >= 4)"},
		{"not a number", row("2025-07-15,431181,fire_danger_level,high,2025-07-15T08:00+08:00,s"), `a.csv:2: fire_danger_level: "high" is not a number`},
		{"below the minimum", row("2025-07-15,431181,fire_danger_level,0,2025-07-15T08:00+08:00,s"), "a.csv:2: fire_danger_level: 0 is below the minimum 1"},
		{"not whole", row("2025-07-15,431181,fire_danger_level,3.5,2025-07-15T08:00+08:00,s"), "a.csv:2: fire_danger_level: want a whole number, got 3.5"},
		{"not a value of the enum", row("2024-09-01,431181,fire_zone,重点,2024-08-31T09:00+08:00,s"), `a.csv:2: fire_zone: "重点" is not one of key, general`},
		{"a mistyped township", row("2025-07-15,431181199,fire_danger_level,4,2025-07-15T08:00+08:00,s"), "a.csv:2: division 431181199 is not in the divisions table, which lists 祁阳市（431181）"},
		{"an order fact without an order", row("2025-07-15,431181,declared_special_period,true,2025-07-15T08:00+08:00,s"), "a.csv:2: fact declared_special_period is published by orders"},
		{"an order for a daily fact", "date,until,division,fact,value,issued_at,source,order,text\n2025-07-15,2025-07-16,431181,fire_danger_level,4,2025-07-15T08:00+08:00,s,X1,t\n", "a.csv:2: fact fire_danger_level is published daily, not by orders"},
		{"an order's value", "date,until,division,fact,value,issued_at,source,order,text\n2025-07-15,2025-07-16,431181,declared_special_period,false,2025-07-15T08:00+08:00,s,X1,t\n", `a.csv:2: an order opens declared_special_period: its value is true, not "false"`},
		{"a century between rows", header + "1925-07-15,431181,fire_danger_level,4,1925-07-15T08:00+08:00,s\n2025-07-15,431181,fire_danger_level,3,2025-07-15T08:00+08:00,s\n", "a.csv:3: fire_danger_level: rows from 1925-07-15 (a.csv:2) to 2025-07-15 span 36525 days; at most 3660"},
		{"two values issued at once", header + "2025-07-15,431181,fire_danger_level,4,2025-07-15T08:00+08:00,s\n2025-07-15,431181,fire_danger_level,3,2025-07-15T08:00+08:00,s\n", "a.csv:3: fire_danger_level 431181 on 2025-07-15: 3 here, 4 at a.csv:2, issued at the same time"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := bind(t, set, tc.data)
			require.ErrorContains(t, err, tc.want)
		})
	}
	// Rows for divisions the rule set does not name are kept, unused.
	x, err := bind(t, set, row("2025-07-15,110105,fire_danger_level,4,2025-07-15T08:00+08:00,s"))
	require.NoError(t, err)
	require.Equal(t, 1, x.Outside())
}

func value(t testing.TB, x *feed.Index, code, fact string, day calendar.Date) (*feed.Cell, feed.Status) {
	t.Helper()
	f, ok := x.Rules().Fact(fact)
	require.True(t, ok)
	p, exact := x.Place(division.MustParse(code))
	require.NotNil(t, p, code)
	c, _, st := x.Value(p, exact, x.Pos(f), day)
	return c, st
}

func TestResolve(t *testing.T) {
	set := embedded(t)
	levels := header + `2025-07-10,431181,fire_danger_level,4,2025-07-10T08:00+08:00,s
2025-07-11,431181,fire_danger_level,4,2025-07-11T08:00+08:00,s
2025-07-12,431181,fire_danger_level,4,2025-07-11T08:00+08:00,s
2025-07-12,431181,fire_danger_level,2,2025-07-12T08:00+08:00,s
2025-07-13,431181,fire_danger_level,4,2025-07-13T08:00+08:00,s
2025-07-12,431181107,fire_danger_level,5,2025-07-12T08:00+08:00,s
2025-07-15,431181,fire_danger_level,4,2025-07-13T08:00+08:00,s
`
	zones := header + `2024-09-01,431181,fire_zone,general,2024-08-31T09:00+08:00,s
2024-09-01,431181107,fire_zone,key,2024-08-31T09:00+08:00,s
2025-07-01,431181,fire_zone,key,2025-06-30T09:00+08:00,s
`
	x, err := bind(t, set, levels, zones)
	require.NoError(t, err)
	d := calendar.MustDate
	// The 12th was issued twice: the newer issue wins; 白水镇's own row
	// overrides it there, and makes the county's value vary.
	c, st := value(t, x, "431181102", "fire_danger_level", d(2025, 7, 12))
	require.Equal(t, feed.OK, st)
	require.Equal(t, 2.0, c.Lo)
	c, st = value(t, x, "431181107", "fire_danger_level", d(2025, 7, 12))
	require.Equal(t, feed.OK, st)
	require.Equal(t, 5.0, c.Lo)
	c, st = value(t, x, "431181", "fire_danger_level", d(2025, 7, 12))
	require.Equal(t, feed.Varies, st)
	require.Equal(t, "431181107", c.Other.Division.String())
	// A gap and the days past the feed have no value.
	_, st = value(t, x, "431181102", "fire_danger_level", d(2025, 7, 14))
	require.Equal(t, feed.NoDay, st)
	_, st = value(t, x, "431181102", "fire_danger_level", d(2025, 7, 16))
	require.Equal(t, feed.NoDay, st)
	last, _, ok := x.Last(mustPlace(t, x, "431181102"), x.Pos(fact(t, set, "fire_danger_level")))
	require.True(t, ok)
	require.Equal(t, "2025-07-15", last.String())
	// Counts: the 10th starts the feed (at least 1), the 11th at least 2,
	// the 12th breaks it in 茅竹镇 (0) but not in 白水镇 (at least 3), the
	// 13th starts again (exactly 1), the 15th follows a gap (at least 1).
	for _, tc := range []struct {
		code   string
		day    calendar.Date
		lo, hi float64
		since  string
	}{
		{"431181102", d(2025, 7, 10), 1, math.Inf(1), ""},
		{"431181102", d(2025, 7, 11), 2, math.Inf(1), ""},
		{"431181102", d(2025, 7, 12), 0, 0, ""},
		{"431181107", d(2025, 7, 12), 3, math.Inf(1), ""},
		{"431181102", d(2025, 7, 13), 1, 1, "2025-07-13"},
		{"431181102", d(2025, 7, 15), 1, math.Inf(1), ""},
	} {
		c, st := value(t, x, tc.code, "high_danger_days", tc.day)
		require.Equal(t, feed.OK, st, "%s %s", tc.code, tc.day)
		require.Equal(t, tc.lo, c.Lo, "%s %s", tc.code, tc.day)
		require.Equal(t, tc.hi, c.Hi, "%s %s", tc.code, tc.day)
		if tc.since != "" {
			require.Equal(t, tc.since, c.Since.String())
		}
	}
	_, st = value(t, x, "431181102", "high_danger_days", d(2025, 7, 14))
	require.Equal(t, feed.NoDay, st, "a day without a level has no count")
	// Standing: a class holds until replaced, the township's over the
	// county's, and after the last row too.
	for _, tc := range []struct {
		code string
		day  calendar.Date
		want string
		st   feed.Status
	}{
		{"431181102", d(2024, 8, 31), "", feed.NoDay},
		{"431181102", d(2025, 1, 1), "general", feed.OK},
		{"431181107", d(2025, 1, 1), "key", feed.OK},
		{"431181", d(2025, 1, 1), "general", feed.Varies},
		{"431181102", d(2025, 7, 2), "key", feed.OK},
		{"431181", d(2030, 1, 1), "key", feed.OK},
	} {
		c, st := value(t, x, tc.code, "fire_zone", tc.day)
		require.Equal(t, tc.st, st, "%s %s", tc.code, tc.day)
		if st == feed.OK {
			require.Equal(t, tc.want, c.Str)
		}
	}
	// A division the index does not list takes its nearest covering one's.
	p, exact := x.Place(division.MustParse("431181102001"))
	require.False(t, exact)
	require.Equal(t, "431181102", p.Code.String())
	require.Nil(t, func() *feed.Place { p, _ := x.Place(division.MustParse("110105")); return p }())
}

func mustPlace(t testing.TB, x *feed.Index, code string) *feed.Place {
	p, exact := x.Place(division.MustParse(code))
	require.True(t, exact)
	return p
}

func fact(t testing.TB, set *rules.Set, name string) *rules.Fact {
	f, ok := set.Fact(name)
	require.True(t, ok)
	return f
}

func TestOrders(t *testing.T) {
	set := embedded(t)
	orders := "date,until,division,fact,value,issued_at,source,order,text\n" +
		"2025-07-18T08:00+08:00,2025-07-20,431181120,declared_special_period,true,2025-07-17T17:00+08:00,s,X1,t\n" +
		// The same order published again: lifted a day early.
		"2025-07-18T08:00+08:00,2025-07-19,431181120,declared_special_period,true,2025-07-18T17:00+08:00,s,X1,t2\n"
	x, err := bind(t, set, orders)
	require.NoError(t, err)
	j := x.Pos(fact(t, set, "declared_special_period"))
	d := calendar.MustDate
	jin := mustPlace(t, x, "431181120")
	for _, tc := range []struct {
		day  calendar.Date
		at   string
		want cond.Tri
	}{
		{d(2025, 7, 17), "", cond.False},
		{d(2025, 7, 18), "", cond.Unknown}, // from 08:00: depends on the hour
		{d(2025, 7, 18), "07:59", cond.False},
		{d(2025, 7, 18), "08:00", cond.True},
		{d(2025, 7, 19), "", cond.True},
		{d(2025, 7, 20), "", cond.False}, // the later issue ends it on the 19th
	} {
		var at time.Time
		if tc.at != "" {
			var err error
			at, err = time.ParseInLocation("2006-01-02 15:04", tc.day.String()+" "+tc.at, calendar.China)
			require.NoError(t, err)
		}
		v, r, _ := x.Order(jin, true, j, tc.day, at, tc.at != "")
		require.Equal(t, tc.want, v, "%s %s", tc.day, tc.at)
		if v == cond.True {
			require.Equal(t, "t2", r.Text)
		}
	}
	end, ok := x.OrdersEnd(jin, j)
	require.True(t, ok)
	require.Equal(t, "2025-07-19", end.String())
	// The county as a whole: the order holds in one township only.
	v, r, st := x.Order(mustPlace(t, x, "431181"), true, j, d(2025, 7, 19), time.Time{}, false)
	require.Equal(t, cond.Unknown, v)
	require.Equal(t, feed.Varies, st)
	require.Equal(t, "X1", r.Order)
	// Another township: no order.
	v, _, _ = x.Order(mustPlace(t, x, "431181107"), true, j, d(2025, 7, 19), time.Time{}, false)
	require.Equal(t, cond.False, v)
}

func TestConditionForecast(t *testing.T) {
	set := embedded(t)
	levels := header + `2025-07-14,431181,fire_danger_level,3,2025-07-14T08:00+08:00,s
2025-07-15,431181,fire_danger_level,4,2025-07-15T08:00+08:00,s
2025-07-16,431181,fire_danger_level,4,2025-07-15T08:00+08:00,s
2025-07-17,431181,fire_danger_level,5,2025-07-15T08:00+08:00,s
2025-07-18,431181,fire_danger_level,2,2025-07-15T08:00+08:00,s
`
	x, err := bind(t, set, levels)
	require.NoError(t, err)
	k := -1
	for i, c := range x.Conditions() {
		if c.ID == "high_fire_danger_spell" {
			k = i
		}
	}
	require.GreaterOrEqual(t, k, 0, "the fire ban's 连续高火险 condition is decided by the feed alone")
	p := mustPlace(t, x, "431181107")
	now, next, then, changes := x.ConditionAt(p, k, calendar.MustDate(2025, 7, 14))
	require.Equal(t, cond.False, now)
	require.True(t, changes)
	require.Equal(t, "2025-07-16", next.String(), "two days at 4 or more: the spell begins on the 16th")
	require.Equal(t, cond.True, then)
	now, next, then, changes = x.ConditionAt(p, k, calendar.MustDate(2025, 7, 16))
	require.Equal(t, cond.True, now)
	require.True(t, changes)
	require.Equal(t, "2025-07-18", next.String())
	require.Equal(t, cond.False, then)
	_, _, _, changes = x.ConditionAt(p, k, calendar.MustDate(2025, 7, 18))
	require.False(t, changes)

	// Change numbers what ConditionAt says: every day before a change names
	// the same one, and Changes holds its day and values.
	for day := calendar.MustDate(2025, 7, 10); day.Before(calendar.MustDate(2025, 7, 20)); day = day.AddDays(1) {
		now, next, then, changes := x.ConditionAt(p, k, day)
		id, ok := x.Change(p, k, day)
		require.Equal(t, changes, ok, "%s", day)
		if !ok {
			continue
		}
		c := x.Changes()[id]
		require.Equal(t, feed.Change{Place: p, Cond: k, Day: next, Now: now, Then: then}, c, "%s", day)
	}
	a, _ := x.Change(p, k, calendar.MustDate(2025, 7, 14))
	b, _ := x.Change(p, k, calendar.MustDate(2025, 7, 15))
	c, _ := x.Change(p, k, calendar.MustDate(2025, 7, 16))
	require.Equal(t, a, b, "the 14th and 15th wait for the same change")
	require.NotEqual(t, a, c)
}

func TestStale(t *testing.T) {
	set := embedded(t)
	x, err := bind(t, set, header+"2025-07-15,431181,fire_danger_level,4,2025-07-15T08:00+08:00,s\n2024-09-01,431181,fire_zone,general,2024-08-31T09:00+08:00,s\n")
	require.NoError(t, err)
	issued := time.Date(2025, 7, 15, 0, 0, 0, 0, time.UTC)
	require.True(t, x.DailyIssued().Equal(issued), "the class of place is not a daily row")
	require.False(t, x.Stale(issued.Add(feed.Period)))
	require.True(t, x.Stale(issued.Add(feed.Period+time.Minute)))
	// A feed of standing facts only is never stale.
	x, err = bind(t, set, header+"2024-09-01,431181,fire_zone,general,2024-08-31T09:00+08:00,s\n")
	require.NoError(t, err)
	require.False(t, x.Stale(time.Now()))
	require.True(t, strings.HasPrefix(x.Feed().Digest(), "sha256:"))
}
