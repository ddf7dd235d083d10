package feed_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/division"
	"github.com/tonggao/tonggao/feed"
)

const header = "date,division,fact,value,issued_at,source\n"

func TestParseRows(t *testing.T) {
	csv := "\ufeff# a note on where this comes from\n" + header +
		"2025-07-15,431181107,fire_danger_level,4,2025-07-15T08:00+08:00,永州市气象台\n" +
		"\n" +
		"2025-07-16,431181,fire_danger_level,3,2025-07-15T08:00:00Z,\"气象台, 永州\"\n"
	rows, err := feed.Parse("levels.csv", []byte(csv), feed.Limits{})
	require.NoError(t, err)
	require.Len(t, rows, 2)
	r := rows[0]
	require.Equal(t, calendar.MustDate(2025, 7, 15), r.Date)
	require.Equal(t, division.MustParse("431181107"), r.Division)
	require.Equal(t, "fire_danger_level", r.Fact)
	require.Equal(t, "4", r.Value)
	require.True(t, r.Issued.Equal(time.Date(2025, 7, 15, 0, 0, 0, 0, time.UTC)))
	require.Equal(t, "永州市气象台", r.Source)
	require.Equal(t, 3, r.Line)
	require.False(t, r.Forecast())
	require.True(t, rows[1].Forecast(), "a value for the 16th issued on the 15th is a forecast")
	require.Equal(t, "气象台, 永州", rows[1].Source)
	require.Equal(t, 5, rows[1].Line)

	jsonl := `{"date":"2025-07-15","division":"431181107","fact":"fire_danger_level","value":4,"issued_at":"2025-07-15T08:00+08:00","source":"永州市气象台"}

{"date":"2025-07-18T08:00","until":"2025-07-31T24:00","division":"431181120","fact":"declared_special_period","value":true,"issued_at":"2025-07-17T17:00+08:00","source":"防指","order":"X〔2025〕1号","text":"严禁一切野外用火。"}
`
	rows, err = feed.Parse("f.jsonl", []byte(jsonl), feed.Limits{})
	require.NoError(t, err)
	require.Len(t, rows, 2)
	require.Equal(t, "4", rows[0].Value)
	o := rows[1]
	require.True(t, o.IsOrder())
	require.Equal(t, 3, o.Line)
	require.Equal(t, "true", o.Value)
	require.True(t, o.From.Equal(time.Date(2025, 7, 18, 0, 0, 0, 0, time.UTC)), "08:00 China time with no zone")
	require.True(t, o.Until.Equal(time.Date(2025, 7, 31, 16, 0, 0, 0, time.UTC)), "24:00 is the midnight ending the day")
	require.Equal(t, calendar.MustDate(2025, 7, 18), o.Date)
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"no header column", "date,division,fact,value,issued_at\n", `f.csv:1: no "source" column`},
		{"unknown column", "date,division,fact,value,issued_at,source,level\n", `f.csv:1: unknown column "level"`},
		{"column twice", "date,division,fact,value,issued_at,source,fact\n", `f.csv:1: column "fact" twice`},
		{"short row", header + "2025-07-15,431181,fire_danger_level,4\n", "f.csv:2: 4 fields; the header has 6"},
		{"bad date", header + "2025-7-15,431181,fire_danger_level,4,2025-07-15T08:00+08:00,s\n", `f.csv:2: date: "2025-7-15": want YYYY-MM-DD`},
		{"no such day", header + "2025-02-30,431181,fire_danger_level,4,2025-07-15T08:00+08:00,s\n", "f.csv:2: date:"},
		{"bad division", header + "2025-07-15,43118,fire_danger_level,4,2025-07-15T08:00+08:00,s\n", `f.csv:2: division code "43118"`},
		{"bad fact name", header + "2025-07-15,431181,Fire-Level,4,2025-07-15T08:00+08:00,s\n", `f.csv:2: fact "Fire-Level"`},
		{"empty value", header + "2025-07-15,431181,fire_danger_level,,2025-07-15T08:00+08:00,s\n", "f.csv:2: no value"},
		{"the year 1", header + "0001-01-01,431181,fire_danger_level,4,2025-01-01T08:00,s\n", `f.csv:2: date: "0001-01-01": a feed's dates lie in 1900–2199`},
		{"issued in the year 1", header + "2025-07-15,431181,fire_danger_level,4,0001-01-01 8:00,s\n", "f.csv:2: issued_at: \"0001-01-01T8:00\": a feed's dates lie in 1900–2199"},
		{"bad issued", header + "2025-07-15,431181,fire_danger_level,4,yesterday,s\n", "f.csv:2: issued_at:"},
		{"order without until", "date,division,fact,value,issued_at,source,order,text\n2025-07-15,431181,declared_special_period,true,2025-07-15T08:00+08:00,s,X1,t\n", "f.csv:2: an order row (order, article, text) needs until"},
		{"order ends before it starts", "date,until,division,fact,value,issued_at,source,order,text\n2025-07-15,2025-07-14,431181,declared_special_period,true,2025-07-15T08:00+08:00,s,X1,t\n", "f.csv:2: until 2025-07-14 is not after date 2025-07-15"},
		{"order without its words", "date,until,division,fact,value,issued_at,source,order\n2025-07-15,2025-07-16,431181,declared_special_period,true,2025-07-15T08:00+08:00,s,X1\n", "f.csv:2: an order row needs its number (order) and its words (text)"},
		{"bad quote", header + "2025-07-15,431181,fire_danger_level,4,2025-07-15T08:00+08:00,\"s\n", "f.csv:2:"},
		{"not UTF-8", header + "2025-07-15,431181,fire_danger_level,4,2025-07-15T08:00+08:00,\xff\n", "f.csv:2: not UTF-8 text"},
		{"JSON unknown key", `{"date":"2025-07-15","level":4}`, `f.csv:1: unknown key "level"`},
		{"JSON key twice", `{"date":"2025-07-15","date":"2025-07-16"}`, `f.csv:1: key "date" twice`},
		{"JSON case", `{"Date":"2025-07-15"}`, `f.csv:1: unknown key "Date"`},
		{"JSON null", `{"date":null}`, "f.csv:1: date: null"},
		{"JSON number for a string", `{"date":20250715}`, "f.csv:1: date: want a string, got the number 20250715"},
		{"JSON missing key", `{"date":"2025-07-15","division":"431181","fact":"f","value":"1","issued_at":"2025-07-15"}`, "f.csv:1: no source"},
		{"JSON trailing", `{"date":"2025-07-15"} {}`, "f.csv:1: one JSON object per line"},
		{"JSON not an object", "{\n[1]\n", "f.csv:1: bad JSON"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := feed.Parse("f.csv", []byte(tc.data), feed.Limits{})
			require.ErrorContains(t, err, tc.want)
		})
	}
}

func TestParseLimits(t *testing.T) {
	data := header
	for i := 0; i < 5; i++ {
		data += "2025-07-15,431181,fire_danger_level,4,2025-07-15T08:00+08:00,s\n"
	}
	_, err := feed.Parse("f.csv", []byte(data), feed.Limits{MaxRows: 3})
	require.ErrorContains(t, err, "f.csv:5: more than 3 rows")
	long := make([]byte, 300)
	for i := range long {
		long[i] = 'x'
	}
	_, err = feed.Parse("f.csv", []byte(header+"2025-07-15,431181,fire_danger_level,4,2025-07-15T08:00+08:00,"+string(long)+"\n"), feed.Limits{})
	require.ErrorContains(t, err, "f.csv:2: source is 300 bytes long; at most 256")
	// Many bad rows: every one reported, the message bounded.
	bad := header
	for i := 0; i < 200; i++ {
		bad += "x,431181,fire_danger_level,4,2025-07-15T08:00+08:00,s\n"
	}
	_, err = feed.Parse("f.csv", []byte(bad), feed.Limits{})
	var es feed.Errors
	require.ErrorAs(t, err, &es)
	require.Greater(t, len(es), 50)
	require.Contains(t, err.Error(), "more problems")
}

func TestNewDigest(t *testing.T) {
	a := feed.File{Name: "a.csv", Data: []byte(header + "2025-07-15,431181,fire_danger_level,4,2025-07-15T08:00+08:00,s\n")}
	b := feed.File{Name: "b.csv", Data: []byte(header + "2025-07-16,431181,fire_danger_level,3,2025-07-16T08:00+08:00,s\n")}
	f1, err := feed.New("x", feed.Limits{}, a, b)
	require.NoError(t, err)
	f2, err := feed.New("y", feed.Limits{}, b, a)
	require.NoError(t, err)
	require.Equal(t, f1.Digest(), f2.Digest(), "the files' order does not matter")
	require.Equal(t, 2, f1.Len())
	require.True(t, f1.Issued().Equal(time.Date(2025, 7, 16, 0, 0, 0, 0, time.UTC)))
	first, last := f1.Span()
	require.Equal(t, "2025-07-15", first.String())
	require.Equal(t, "2025-07-16", last.String())
	b.Data = append(b.Data, "2025-07-17,431181,fire_danger_level,3,2025-07-16T08:00+08:00,s\n"...)
	f3, err := feed.New("x", feed.Limits{}, a, b)
	require.NoError(t, err)
	require.NotEqual(t, f1.Digest(), f3.Digest())
	_, err = feed.New("x", feed.Limits{}, a, a)
	require.ErrorContains(t, err, "a.csv: given twice")
}

// The digest is the feed's content: the same files read from directories
// of other names, or given by other paths, name the same feed (a bundle
// reads it from conditions/, an operator from wherever it was copied).
func TestDigestIsContentOnly(t *testing.T) {
	ctx := context.Background()
	src, err := feed.ReadDir(ctx, "../examples/conditions", feed.Limits{})
	require.NoError(t, err)
	var copies []*feed.Feed
	for _, name := range []string{"conditions", "another name", "x/y"} {
		dir := filepath.Join(t.TempDir(), name)
		require.NoError(t, os.MkdirAll(dir, 0o755))
		for _, f := range []string{"levels.csv", "orders.csv", "places.csv"} {
			data, err := os.ReadFile(filepath.Join("../examples/conditions", f))
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(filepath.Join(dir, f), data, 0o644))
		}
		f, err := feed.ReadDir(ctx, dir, feed.Limits{})
		require.NoError(t, err)
		require.Equal(t, dir, f.Source(), "the source still says where it was read")
		copies = append(copies, f)
	}
	for _, f := range copies {
		require.Equal(t, src.Digest(), f.Digest(), f.Source())
	}
	a := feed.File{Name: "levels.csv", Data: []byte(header + "2025-07-15,431181,fire_danger_level,4,2025-07-15T08:00+08:00,s\n")}
	one, err := feed.New("a", feed.Limits{}, a)
	require.NoError(t, err)
	a.Name = "/srv/feeds/today/levels.csv"
	two, err := feed.New("b", feed.Limits{}, a)
	require.NoError(t, err)
	require.Equal(t, one.Digest(), two.Digest(), "a file's directory is not its content")
	a.Name = "levels-2.csv"
	three, err := feed.New("a", feed.Limits{}, a)
	require.NoError(t, err)
	require.NotEqual(t, one.Digest(), three.Digest(), "a file's own name is part of the feed (errors and rows cite it)")
	_, err = feed.New("x", feed.Limits{}, feed.File{Name: "d1/levels.csv", Data: a.Data}, feed.File{Name: "d2/levels.csv", Data: a.Data})
	require.ErrorContains(t, err, "d2/levels.csv: given twice")
}
