package calendar

import "testing"

// The hot path: "is day D in window W?" on a prepared window.
func BenchmarkFind(b *testing.B) {
	c := newCal(b)
	w := window(b, c, "annual 09-01..04-30 | solar-term 清明 -5d..+5d | holiday 国庆 | holiday 春节 | festival 除夕 .. festival 元宵", "2020-01-01", "2030-12-31")
	days := []Date{day("2024-10-03"), day("2024-06-15"), day("2026-04-01"), day("2029-02-10")}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		w.Find(days[i&3])
	}
}

func BenchmarkNextEnd(b *testing.B) {
	c := newCal(b)
	w := window(b, c, "annual 09-01..04-30 | solar-term 清明 -5d..+5d | holiday 国庆", "2020-01-01", "2030-12-31")
	d := day("2024-10-03")
	b.ReportAllocs()
	for b.Loop() {
		w.NextEnd(d)
	}
}

// Prepare over six years once the year tables exist, as when the engine
// loads many rules.
func BenchmarkPrepareWarm(b *testing.B) {
	c := newCal(b)
	spec, err := ParseWindow("solar-term 清明 -5d..+5d | holiday 国庆 | lunar 九月初六 | annual 09-01..04-30")
	if err != nil {
		b.Fatal(err)
	}
	from, to := day("2023-01-01"), day("2028-12-31")
	if _, err := c.Prepare(spec, from, to); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Prepare(spec, from, to); err != nil {
			b.Fatal(err)
		}
	}
}

// The first Prepare on a new Calendar decodes each year's table once: what
// a process pays at start-up. scripts/bench.sh guards its allocations.
func BenchmarkPrepareCold(b *testing.B) {
	spec, err := ParseWindow("solar-term 清明 -5d..+5d | holiday 国庆 | lunar 九月初六")
	if err != nil {
		b.Fatal(err)
	}
	from, to := day("2023-01-01"), day("2028-12-31")
	b.ReportAllocs()
	for b.Loop() {
		c, err := New()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.Prepare(spec, from, to); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLunar(b *testing.B) {
	c := newCal(b)
	d := day("2024-10-08")
	if _, err := c.Lunar(d); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Lunar(d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHoliday(b *testing.B) {
	c := newCal(b)
	d := day("2024-10-03")
	c.Holiday(d)
	b.ReportAllocs()
	for b.Loop() {
		c.Holiday(d)
	}
}

func BenchmarkParseWindow(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseWindow("holiday 春节 | festival 除夕 .. festival 元宵"); err != nil {
			b.Fatal(err)
		}
	}
}

// New alone: the embedded holiday table is compiled in.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestColdPrepareAllocs guards the cold start: calendar.New and the first
// Prepare of BenchmarkPrepareCold's window allocated 793 times once, 3,810
// after the embedded holidays came to be parsed on every New, and 185 since
// the tables are generated. Allocation counts do not depend on the
// machine's load, so this is a test, not a timing.
func TestColdPrepareAllocs(t *testing.T) {
	spec, err := ParseWindow("solar-term 清明 -5d..+5d | holiday 国庆 | lunar 九月初六")
	if err != nil {
		t.Fatal(err)
	}
	from, to := day("2023-01-01"), day("2028-12-31")
	n := testing.AllocsPerRun(20, func() {
		c, err := New()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Prepare(spec, from, to); err != nil {
			t.Fatal(err)
		}
	})
	if n > coldPrepareAllocLimit {
		t.Fatalf("calendar.New + first Prepare: %.0f allocations, limit %d", n, coldPrepareAllocLimit)
	}
}

// coldPrepareAllocLimit leaves room for small changes, not for a return of
// per-start parsing or astronomy (thousands).
const coldPrepareAllocLimit = 300

// Is minute T in a window with times of day? The nights of three weeks a
// year and a noon-to-noon festival span, prepared over eleven years.
func BenchmarkFindTime(b *testing.B) {
	c := newCal(b)
	w := window(b, c, "annual 07-03..07-23 & daily 22:00..06:00 | festival 除夕 12:00 .. lunar 正月初三 12:00", "2020-01-01", "2030-12-31")
	ts := []DateTime{minute("2024-07-05 23:00"), minute("2024-07-05 12:00"), minute("2026-02-17 08:00"), minute("2029-02-10 13:00")}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		w.FindTime(ts[i&3])
	}
}

// A daily window over a notice's span as the engine prepares it (a year
// before it takes effect to five after it ends: seven years here).
func BenchmarkPrepareDaily(b *testing.B) {
	c := newCal(b)
	spec, err := ParseWindow("daily 22:00..06:00")
	if err != nil {
		b.Fatal(err)
	}
	from, to := day("2025-01-01"), day("2031-12-31")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Prepare(spec, from, to); err != nil {
			b.Fatal(err)
		}
	}
}
