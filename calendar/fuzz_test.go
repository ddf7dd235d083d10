package calendar

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-10-08", "2024-08-31T17:00:00Z", "0001-01-01", "9999-12-31", "0000-01-01", "2024-02-30", "2024-10-08T23:59:59.999999999-12:00", "+024-10-08", "10000-01-01T00:00:00Z", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if !d.Valid() {
			t.Fatalf("ParseDate(%q) = %v, outside the supported range", s, d)
		}
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %s does not read back: %v, %v", s, d, back, err)
		}
	})
}

func FuzzParseLunarDate(f *testing.F) {
	for _, s := range []string{"九月初六", "九月二十一", "闰四月初一", "腊月三十", "除夕", "09-06", "L04-01", "十一月十一", "冬月", "廿", "L"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := ParseLunarDate(s)
		if err != nil {
			return
		}
		back, err := ParseLunarDate(l.String())
		if err != nil || back != l {
			t.Fatalf("ParseLunarDate(%q) = %+v (%s) does not read back: %+v, %v", s, l, l, back, err)
		}
	})
}

func FuzzParseWindow(f *testing.F) {
	for _, s := range []string{
		"annual 09-01..04-30",
		"date 2024-10-16..2025-01-15",
		"solar-term 清明 -5d..+5d",
		"holiday 国庆",
		"holiday 春节 | festival 除夕 .. festival 元宵",
		"annual 01-01 .. solar-term 寒露 -1d",
		"lunar 九月初六",
		"solar-term 寒露 .. annual 12-31",
		"lunar L04-01 +366d",
		"annual 09-01 .. | |",
		"solar-term 清民",
		"festival 除夕 12:00 .. lunar 正月初三 12:00",
		"annual 03-01 00:00 .. 06-30 24:00",
		"date 2026-07-03..2026-07-23 & daily 22:00..06:00 | weekly 周五 18:00..周一 08:00",
		"holiday 国庆 08:00..18:00 & weekly 周六",
		"daily 08:00..00:00 & annual 12-31 20:00..01-01 02:00",
	} {
		f.Add(s)
	}
	c, err := New()
	if err != nil {
		f.Fatal(err)
	}
	from, to := MustDate(2024, 1, 1), MustDate(2025, 12, 31)
	f.Fuzz(func(t *testing.T, s string) {
		spec, err := ParseWindow(s)
		if err != nil {
			var we *WindowError
			if !errors.As(err, &we) {
				t.Fatalf("ParseWindow(%q): error %v is not a *WindowError", s, err)
			}
			if n := utf8.RuneCountInString(s); we.Column < 1 || (utf8.ValidString(s) && we.Column > n+1) {
				t.Fatalf("ParseWindow(%q): column %d outside 1..%d", s, we.Column, n+1)
			}
			if we.Token != "" && utf8.ValidString(s) && !strings.HasPrefix(string([]rune(s)[we.Column-1:]), we.Token) {
				t.Fatalf("ParseWindow(%q): token %q is not at column %d", s, we.Token, we.Column)
			}
			return
		}
		again, err := ParseWindow(spec.String())
		if err != nil || again != spec {
			t.Fatalf("ParseWindow(%q) = %q does not read back: %q, %v", s, spec, again, err)
		}
		w, err := c.Prepare(spec, from, to)
		if err != nil {
			t.Fatalf("Prepare(%q): %v", spec, err)
		}
		ivs := w.Intervals()
		for i, iv := range ivs {
			if iv.To.Before(iv.From) || (i > 0 && iv.From.Before(ivs[i-1].From)) {
				t.Fatalf("Prepare(%q): bad intervals %v", spec, ivs)
			}
			if got, ok := w.Find(iv.From); !ok || got.From.After(iv.From) {
				t.Fatalf("Prepare(%q): Find(%s) = %v, %t", spec, iv.From, got, ok)
			}
			if !iv.End().After(iv.Start()) || iv.Start().Date() != iv.From || iv.End().Add(-1).Date() != iv.To {
				t.Fatalf("Prepare(%q): bad minutes %s..%s for %s..%s", spec, iv.Start(), iv.End(), iv.From, iv.To)
			}
			if got, ok := w.FindTime(iv.Start()); !ok || got.Start().After(iv.Start()) {
				t.Fatalf("Prepare(%q): FindTime(%s) = %v, %t", spec, iv.Start(), got, ok)
			}
		}
	})
}

func FuzzParseMoment(f *testing.F) {
	for _, s := range []string{"2026-06-07", "2026-06-07 23:00", "2026-06-07T23:00+08:00", "2026-06-07T15:00:00.5Z", "2026-06-07T20:15+05:45", "2026-06-07 24:00", "9999-12-31T23:59+08:00", "0001-01-01T00:00+08:00", "2026-06-07T23:00-23:59", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoment(s)
		if err != nil {
			return
		}
		if !m.Day().Valid() {
			t.Fatalf("ParseMoment(%q) = %v, outside the supported range", s, m)
		}
		back, err := ParseMoment(m.String())
		if err != nil || back != m {
			t.Fatalf("ParseMoment(%q) = %s does not read back: %v, %v", s, m, back, err)
		}
		if dt, ok := m.DateTime(); ok && LocalTime(dt.Time()) != dt {
			t.Fatalf("ParseMoment(%q) = %s: Time round trip gives %s", s, dt, LocalTime(dt.Time()))
		}
	})
}
