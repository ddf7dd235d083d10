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
		}
	})
}
