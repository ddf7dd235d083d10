package calendar

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func window(t testing.TB, c *Calendar, text, from, to string) *Window {
	t.Helper()
	spec, err := ParseWindow(text)
	require.NoError(t, err)
	w, err := c.Prepare(spec, day(from), day(to))
	require.NoError(t, err)
	return w
}

func TestFindNextStartNextEnd(t *testing.T) {
	c := newCal(t)
	// Intervals 2025: 春节 01-28..02-04, 除夕..元宵 01-28..02-12,
	// 清明 ±5 03-30..04-09, and 04-10 alone, touching it.
	w := window(t, c, "holiday 春节 | festival 除夕 .. festival 元宵 | solar-term 清明 -5d..+5d | annual 04-10", "2025-01-01", "2025-12-31")
	type want struct {
		in                 bool
		label              string
		nextStart, nextEnd string
	}
	for _, tc := range []struct {
		d string
		want
	}{
		{"2025-01-01", want{false, "", "2025-01-28", "2025-02-12"}},
		{"2025-01-27", want{false, "", "2025-01-28", "2025-02-12"}},
		{"2025-01-28", want{true, "春节 2025", "2025-03-30", "2025-02-12"}},
		{"2025-02-05", want{true, "除夕..元宵 (2025)", "2025-03-30", "2025-02-12"}},
		{"2025-02-12", want{true, "除夕..元宵 (2025)", "2025-03-30", "2025-02-12"}},
		{"2025-02-13", want{false, "", "2025-03-30", "2025-04-10"}},
		{"2025-04-09", want{true, "清明 2025 -5d..+5d", "", "2025-04-10"}},
		{"2025-04-10", want{true, "04-10 (2025)", "", "2025-04-10"}},
		{"2025-04-11", want{false, "", "", ""}},
	} {
		iv, ok := w.Find(day(tc.d))
		require.Equal(t, tc.in, ok, tc.d)
		require.Equal(t, tc.label, iv.Label, tc.d)
		require.Equal(t, ok, w.Contains(day(tc.d)))
		if ok {
			require.True(t, iv.Contains(day(tc.d)))
		}
		ns, ok := w.NextStart(day(tc.d))
		require.Equal(t, tc.nextStart != "", ok, tc.d)
		if ok {
			require.Equal(t, tc.nextStart, ns.String(), "NextStart(%s)", tc.d)
		}
		ne, ok := w.NextEnd(day(tc.d))
		require.Equal(t, tc.nextEnd != "", ok, tc.d)
		if ok {
			require.Equal(t, tc.nextEnd, ne.String(), "NextEnd(%s)", tc.d)
		}
	}
	require.Equal(t, 8, w.Intervals()[0].Days())

	// An early long interval contains a day that later, shorter ones do
	// not: Find must still see it.
	w = window(t, c, "date 2024-01-01..2024-12-31 | date 2024-03-01 | date 2024-05-01", "2024-01-01", "2024-12-31")
	iv, ok := w.Find(day("2024-06-01"))
	require.True(t, ok)
	require.Equal(t, "2024-01-01..2024-12-31", iv.Label)

	empty := window(t, c, "date 2020-01-01", "2024-01-01", "2024-12-31")
	require.Empty(t, empty.Intervals())
	_, ok = empty.Find(day("2020-01-01"))
	require.False(t, ok)
	_, ok = empty.NextStart(day("2019-01-01"))
	require.False(t, ok)
	_, ok = empty.NextEnd(day("2019-01-01"))
	require.False(t, ok)
}

// TestFindMatchesScan compares Find with a linear scan over every day of
// several years for a union with overlaps.
func TestFindMatchesScan(t *testing.T) {
	c := newCal(t)
	w := window(t, c, "annual 09-01..04-30 | holiday 国庆 -3d..+3d | solar-term 清明 -5d..+5d | lunar 九月初六 | holiday 春节 | festival 除夕 .. festival 元宵", "2020-01-01", "2027-12-31")
	for d := day("2019-06-01"); d.Before(day("2028-06-01")); d = d.AddDays(1) {
		var want Interval
		found := false
		for _, iv := range w.Intervals() {
			if iv.Contains(d) {
				want, found = iv, true
				break
			}
		}
		got, ok := w.Find(d)
		require.Equal(t, found, ok, d.String())
		require.Equal(t, want, got, d.String())
	}
}

func TestFindDoesNotAllocate(t *testing.T) {
	c := newCal(t)
	w := window(t, c, "annual 09-01..04-30 | solar-term 清明 -5d..+5d | holiday 国庆", "2020-01-01", "2030-12-31")
	d := day("2024-10-03")
	allocs := testing.AllocsPerRun(1000, func() {
		if _, ok := w.Find(d); !ok {
			panic("not found")
		}
	})
	require.Zero(t, allocs)
}

func TestPrepareErrors(t *testing.T) {
	c := newCal(t)
	spec, err := ParseWindow("solar-term 清明")
	require.NoError(t, err)
	for _, tc := range []struct {
		spec     WindowSpec
		from, to Date
		want     string
	}{
		{WindowSpec{}, day("2024-01-01"), day("2024-12-31"), "empty window spec"},
		{spec, day("2024-12-31"), day("2024-01-01"), "ends before it starts"},
		{spec, day("1800-01-01"), day("1800-12-31"), "1901..2100"},
		{spec, day("2024-01-01"), day("2200-12-31"), "1901..2100"},
		{spec, FromOrdinal(-1), day("2024-01-01"), "0001-01-01..9999-12-31"},
		{WindowSpec{text: "bogus"}, day("2024-01-01"), day("2024-12-31"), "unknown keyword"},
	} {
		_, err := c.Prepare(tc.spec, tc.from, tc.to)
		require.ErrorContains(t, err, tc.want)
	}
	// Fixed and annual windows work for any year.
	w := window(t, c, "annual 09-01..04-30 | date 1600-01-01", "1500-01-01", "1700-12-31")
	require.Len(t, w.Intervals(), 203) // cycles 1499..1700 and the date
	// 1901 and 2100 are both usable, edges included.
	w = window(t, c, "solar-term 小寒 | holiday 元旦 | lunar 冬月初一", "1901-01-01", "2100-12-31")
	require.NotEmpty(t, w.Intervals())
}
