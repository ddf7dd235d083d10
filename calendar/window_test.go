package calendar

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseWindowCanonical(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"annual 09-01..04-30", "annual 09-01..04-30"},
		{"annual   09-01 .. 04-30", "annual 09-01..04-30"},
		{"date 2024-10-16..2025-01-15", "date 2024-10-16..2025-01-15"},
		{"date 2024-10-16", "date 2024-10-16"},
		{"solar-term 清明 -5d..+5d", "solar-term 清明 -5d..+5d"},
		{"solar-term Qingming -05d .. +5d", "solar-term 清明 -5d..+5d"},
		{"solar-term 清明..+5d", "solar-term 清明..+5d"},
		{"solar-term 清明 +0d", "solar-term 清明 +0d"},
		{"holiday 国庆", "holiday 国庆节"},
		{"holiday 国庆假期", "holiday 国庆节"},
		{"holiday 五一", "holiday 劳动节"},
		{"holiday 春节 | festival 除夕 .. festival 元宵", "holiday 春节 | festival 除夕 .. festival 元宵"},
		{"holiday 春节｜festival 除夕..festival 元宵节", "holiday 春节 | festival 除夕 .. festival 元宵"},
		{"annual 01-01 .. solar-term 寒露 -1d", "annual 01-01 .. solar-term 寒露 -1d"},
		{"lunar 九月初六", "lunar 九月初六"},
		{"lunar 09-06", "lunar 九月初六"},
		{"lunar L04-01", "lunar 闰四月初一"},
		{"lunar 九月二十一", "lunar 九月廿一"},
		{"lunar 除夕", "lunar 除夕"},
		{"solar-term 寒露 .. annual 12-31", "solar-term 寒露 .. annual 12-31"},
		{"solar-term 驚蟄", "solar-term 惊蛰"},
		{"festival 春節", "festival 春节"},
		{"annual 02-29", "annual 02-29"},
	} {
		spec, err := ParseWindow(tc.in)
		require.NoError(t, err, tc.in)
		require.Equal(t, tc.want, spec.String(), tc.in)
		again, err := ParseWindow(spec.String())
		require.NoError(t, err)
		require.Equal(t, spec, again, "canonical text reads back to the same spec")
		var u WindowSpec
		require.NoError(t, u.UnmarshalText([]byte(tc.in)))
		b, err := u.MarshalText()
		require.NoError(t, err)
		require.Equal(t, tc.want, string(b))
	}
}

func TestParseWindowErrors(t *testing.T) {
	for _, tc := range []struct {
		in     string
		col    int
		token  string
		substr string
	}{
		{"solar-term 清民", 12, "清民", `window "solar-term 清民": column 12: unknown solar term "清民" (did you mean 清明?)`},
		{"", 1, "", "empty window"},
		{"   ", 1, "", "empty window"},
		{"anual 09-01", 1, "anual", `unknown keyword "anual": want one of date, annual, solar-term, lunar, festival, holiday, daily, weekly (did you mean annual?)`},
		{"09-01..04-30", 1, "09-01", "did you mean annual 09-01?"},
		{"清明 -5d..+5d", 1, "清明", "did you mean solar-term 清明?"},
		{"annual 9-1", 8, "9-1", `bad month-day "9-1": want MM-DD`},
		{"annual 13-01", 8, "13-01", "month 13 must be 01..12"},
		{"annual 04-31", 8, "04-31", "month 04 has at most 30 days"},
		{"annual 09-01..04-31", 15, "04-31", "month 04 has at most 30 days"},
		{"annual", 1, "annual", `missing month-day (MM-DD) after "annual"`},
		{"annual | date 2024-01-01", 1, "annual", "missing month-day"},
		{"festival 中球节", 10, "中球节", `unknown festival "中球节"`},
		{"holiday 国疫", 9, "国疫", `unknown holiday "国疫" (did you mean 国庆?)`},
		{"holiday 国庆节、中秋节", 9, "国庆节、中秋节", `holiday "国庆节、中秋节" names more than one festival (国庆节、中秋节): name one`},
		{"lunar 九月三十一", 7, "九月三十一", `bad lunar date "九月三十一"`},
		{"lunar 九月末日", 7, "九月末日", `bad lunar date`},
		{"solar-term 清明 -5..+5d", 15, "-5", `bad offset "-5": want +Nd or -Nd`},
		{"solar-term 清明 -5d..+5", 20, "+5", `bad offset "+5"`},
		{"solar-term 清明 +5d..-5d", 20, "-5d", "end offset -5d is before the start offset +5d"},
		{"solar-term 清明 -400d", 15, "-400d", "too large"},
		{"solar-term 清明 -d", 15, "-d", "bad offset"},
		{"solar-term 清明 --5d", 15, "--5d", "bad offset"},
		{"annual 09-01..", 13, "..", `dangling ".."`},
		{"annual 09-01 .. | annual 10-01", 14, "..", `dangling ".."`},
		{"annual 09-01 .. bogus", 17, "bogus", `unknown keyword "bogus"`},
		{"annual 09-01 .. date 2025-01-01", 17, "date", `"date" cannot end a recurring range`},
		{"annual 09-01 |", 14, "|", "empty union member"},
		{"| annual 09-01", 1, "|", "empty union member"},
		{"annual 09-01 | | annual 10-01", 16, "|", "empty union member"},
		{"annual 09-01 annual 10-01", 14, "annual", `unexpected "annual" after a complete term`},
		{"solar-term 清明 -5d..+5d garbage", 24, "garbage", `unexpected "garbage"`},
		{"annual 09-01...04-30", 15, ".04-30", `unknown keyword ".04-30"`},
		{"date 2024-13-01", 6, "2024-13-01", "bad date \"2024-13-01\": month 13"},
		{"date 2024-1-1", 6, "2024-1-1", "want YYYY-MM-DD"},
		{"date 2025-01-15..2024-10-16", 18, "2024-10-16", "end date 2024-10-16 is before the start date 2025-01-15"},
		{"date 2024-10-16..", 16, "..", "dangling"},
		{"date", 1, "date", "missing date"},
		{"date 2024-10-16 +1d", 17, "+1d", "unexpected"},
		{"\xff", 1, "", "not valid UTF-8"},
		{strings.Repeat("annual 01-01 | ", 400), 1, "", "limit"},
	} {
		_, err := ParseWindow(tc.in)
		require.Error(t, err, tc.in)
		var we *WindowError
		require.True(t, errors.As(err, &we), tc.in)
		require.Equal(t, tc.col, we.Column, "%q: %v", tc.in, err)
		require.Equal(t, tc.token, we.Token, tc.in)
		require.Equal(t, tc.in, we.Text)
		require.Contains(t, err.Error(), tc.substr, tc.in)
		if tc.token != "" {
			// The column points at the token.
			require.True(t, strings.HasPrefix(string([]rune(tc.in)[tc.col-1:]), tc.token), tc.in)
		}
	}
}

type span struct{ from, to string }

func spans(w *Window) []span {
	var out []span
	for _, iv := range w.Intervals() {
		out = append(out, span{iv.From.String(), iv.To.String()})
	}
	return out
}

func TestPrepareExamples(t *testing.T) {
	c := newCal(t)
	for _, tc := range []struct {
		text     string
		from, to string
		want     []span
		labels   []string
	}{
		{"annual 09-01..04-30", "2024-01-01", "2025-12-31",
			[]span{{"2023-09-01", "2024-04-30"}, {"2024-09-01", "2025-04-30"}, {"2025-09-01", "2026-04-30"}},
			[]string{"09-01..04-30 (2023)", "09-01..04-30 (2024)", "09-01..04-30 (2025)"}},
		{"date 2024-10-16..2025-01-15", "2024-01-01", "2026-12-31",
			[]span{{"2024-10-16", "2025-01-15"}}, []string{"2024-10-16..2025-01-15"}},
		{"date 2024-10-16..2025-01-15", "2025-01-16", "2026-12-31", nil, nil},
		{"solar-term 清明 -5d..+5d", "2026-01-01", "2026-12-31",
			[]span{{"2026-03-31", "2026-04-10"}}, []string{"清明 2026 -5d..+5d"}},
		{"holiday 国庆", "2024-01-01", "2024-12-31",
			[]span{{"2024-10-01", "2024-10-07"}}, []string{"国庆节 2024"}},
		{"holiday 国庆节", "2025-01-01", "2025-12-31",
			[]span{{"2025-10-01", "2025-10-08"}}, []string{"国庆节、中秋节 2025"}},
		{"holiday 春节 | festival 除夕 .. festival 元宵", "2025-01-01", "2025-12-31",
			[]span{{"2025-01-28", "2025-02-04"}, {"2025-01-28", "2025-02-12"}},
			[]string{"春节 2025", "除夕..元宵 (2025)"}},
		{"annual 01-01 .. solar-term 寒露 -1d", "2024-01-01", "2024-12-31",
			[]span{{"2024-01-01", "2024-10-07"}}, []string{"01-01..寒露 -1d (2024)"}},
		{"lunar 九月初六", "2024-01-01", "2025-12-31",
			[]span{{"2024-10-08", "2024-10-08"}, {"2025-10-26", "2025-10-26"}}, []string{"九月初六 2024", "九月初六 2025"}},
		{"solar-term 寒露 .. annual 12-31", "2024-01-01", "2024-12-31",
			[]span{{"2024-10-08", "2024-12-31"}}, []string{"寒露..12-31 (2024)"}},
		{"annual 02-29", "2023-01-01", "2025-12-31",
			[]span{{"2024-02-29", "2024-02-29"}}, []string{"02-29 (2024)"}},
		{"annual 12-01..02-29", "2023-01-01", "2025-12-31", // ends on 02-29 only when the next year has one
			[]span{{"2023-12-01", "2024-02-29"}}, nil},
		{"holiday 元旦 -1d..+1d", "2024-01-01", "2024-12-31",
			[]span{{"2023-12-29", "2024-01-02"}, {"2024-12-31", "2025-01-02"}}, []string{"元旦 2024 -1d..+1d", "元旦 2025 -1d..+1d"}},
		{"solar-term 清明 +3d", "2026-01-01", "2026-12-31",
			[]span{{"2026-04-08", "2026-04-08"}}, []string{"清明 2026 +3d"}},
		{"festival 除夕 | lunar 除夕 | lunar 腊月三十", "2025-01-01", "2025-12-31",
			[]span{{"2025-01-28", "2025-01-28"}}, []string{"除夕 2025"}}, // 腊月 of lunar 2024 has no 30th
		{"annual 10-01 | annual 10-01", "2024-01-01", "2024-12-31", // a duplicate counts once
			[]span{{"2024-10-01", "2024-10-01"}}, nil},
		{"annual 01-01", "0001-01-01", "0001-12-31", []span{{"0001-01-01", "0001-01-01"}}, nil},
		{"annual 12-31 -366d..+0d", "9999-01-01", "9999-12-31", []span{{"9998-12-30", "9999-12-31"}}, nil},
		// Cycle 0002 would start before 0001-01-01 and is dropped; cycle
		// 0003 reaches back into 0001.
		{"annual 01-01 -366d", "0001-01-01", "0001-12-31", []span{{"0001-12-31", "0001-12-31"}}, nil},
	} {
		spec, err := ParseWindow(tc.text)
		require.NoError(t, err, tc.text)
		w, err := c.Prepare(spec, day(tc.from), day(tc.to))
		require.NoError(t, err, tc.text)
		require.Equal(t, tc.want, spans(w), tc.text)
		require.Equal(t, spec, w.Spec())
		if tc.labels != nil {
			var ls []string
			for _, iv := range w.Intervals() {
				ls = append(ls, iv.Label)
			}
			require.Equal(t, tc.labels, ls, tc.text)
		}
	}
}
