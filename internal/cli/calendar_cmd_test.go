package cli

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func calRun(t *testing.T, f func(args []string, stdout, stderr *bytes.Buffer) int, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := f(args, &out, &errb)
	return code, out.String(), errb.String()
}

// calAt runs a command with the clock at 2024-10-01 in China.
func calAt(name string) func([]string, *bytes.Buffer, *bytes.Buffer) int {
	now := func() time.Time { return time.Date(2024, 9, 30, 17, 0, 0, 0, time.UTC) } // 2024-10-01 in China
	return func(args []string, o, e *bytes.Buffer) int { return runAt(now, append([]string{name}, args...), o, e) }
}

var (
	cmdDate = calAt("date")
	cmdWin  = calAt("window")
	cmdTerm = calAt("terms")
)

func TestDateCommand(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		out  string
		err  string
	}{
		{[]string{"2024-10-08", "--json"}, 0,
			`{"date":"2024-10-08","lunar":{"year":2024,"month":9,"day":6,"leap":false,"text":"九月初六"},"solar_term":"寒露","festivals":[],"holiday":null}` + "\n", ""},
		{[]string{"--json", "2024-10-03"}, 0,
			`{"date":"2024-10-03","lunar":{"year":2024,"month":9,"day":1,"leap":false,"text":"九月初一"},"solar_term":null,"festivals":[],"holiday":{"name":"国庆节","off":true,"projected":false}}` + "\n", ""},
		{[]string{"2025-01-28", "--json"}, 0,
			`{"date":"2025-01-28","lunar":{"year":2024,"month":12,"day":29,"leap":false,"text":"腊月廿九"},"solar_term":null,"festivals":["除夕"],"holiday":{"name":"春节","off":true,"projected":false}}` + "\n", ""},
		{[]string{"2027-10-01", "--json"}, 0,
			`{"date":"2027-10-01","lunar":{"year":2027,"month":9,"day":2,"leap":false,"text":"九月初二"},"solar_term":null,"festivals":["国庆"],"holiday":{"name":"国庆节","off":true,"projected":true}}` + "\n", ""},
		{[]string{"2024-10-08"}, 0, "2024-10-08 星期二\n农历 九月初六（2024年）\n节气 寒露 Hanlu\n", ""},
		{[]string{"2024-10-12"}, 0, "2024-10-12 星期六\n农历 九月初十（2024年）\n假日 国庆节 调休上班\n", ""},
		{[]string{"2027-10-01"}, 0, "2027-10-01 星期五\n农历 九月初二（2027年）\n节日 国庆\n假日 国庆节 放假（projected; the official arrangement is not yet published）\n", ""},
		{nil, 0, "2024-10-01 星期二\n农历 八月廿九（2024年）\n节日 国庆\n假日 国庆节 放假\n", ""},
		{[]string{"2024-08-31T17:00:00Z", "--json"}, 0, `{"date":"2024-09-01"`, ""},
		{[]string{"2024-02-30"}, 2, "", "day 30: 2024-02 has 29 days"},
		{[]string{"1800-01-01"}, 2, "", "supported for 1901..2100"},
		{[]string{"0000-01-01"}, 2, "", "0001-01-01..9999-12-31"},
		{[]string{"yesterday"}, 2, "", "want YYYY-MM-DD, YYYY-MM-DD HH:MM (China time) or RFC 3339"},
		{[]string{"2024-10-08", "2024-10-09"}, 2, "", "want one day"},
		{[]string{"--bogus"}, 2, "", "unknown flag: --bogus"},
		{[]string{"--jsn"}, 2, "", "unknown flag: --jsn (did you mean --json?)"},
		{[]string{"-h"}, 0, "Usage:\n  tonggao date [YYYY-MM-DD | RFC 3339 time]", ""},
		{[]string{"--holidays", "/nonexistent", "2024-10-08"}, 2, "", "no published arrangement"},
	} {
		code, out, errs := calRun(t, cmdDate, tc.args...)
		require.Equal(t, tc.code, code, "%v: %s", tc.args, errs)
		if tc.code == 0 {
			require.Contains(t, out, tc.out, tc.args)
			if len(tc.out) > 0 && tc.out[len(tc.out)-1] == '\n' {
				require.Equal(t, tc.out, out, tc.args)
			}
		}
		require.Contains(t, errs, tc.err, tc.args)
	}
}

func TestTermsCommand(t *testing.T) {
	code, out, errs := calRun(t, cmdTerm, "2026", "--json")
	require.Equal(t, 0, code, errs)
	var got struct {
		Year  int `json:"year"`
		Terms []struct {
			Name, Pinyin, Date string
		} `json:"terms"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Equal(t, 2026, got.Year)
	require.Len(t, got.Terms, 24)
	require.Equal(t, "小寒", got.Terms[0].Name)
	require.Equal(t, "Xiaohan", got.Terms[0].Pinyin)
	require.Equal(t, "2026-01-05", got.Terms[0].Date)
	require.Contains(t, out, `{"name":"清明","pinyin":"Qingming","date":"2026-04-05"}`)

	code, out, _ = calRun(t, cmdTerm, "2024")
	require.Equal(t, 0, code)
	require.Contains(t, out, "2024-10-08  寒露 Hanlu\n2024-10-23  霜降 Shuangjiang\n")

	for _, tc := range []struct {
		args []string
		err  string
	}{
		{nil, "want one year"},
		{[]string{"20x6"}, `bad year "20x6"`},
		{[]string{"1800"}, "1901..2100"},
		{[]string{"2024", "2025"}, "want one year"},
	} {
		code, _, errs := calRun(t, cmdTerm, tc.args...)
		require.Equal(t, 2, code, tc.args)
		require.Contains(t, errs, tc.err, tc.args)
	}
}

func TestWindowCommand(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		out  string
		err  string
	}{
		{[]string{"solar-term 清明 -5d..+5d", "--year", "2026", "--json"}, 0,
			`{"window":"solar-term 清明 -5d..+5d","intervals":[{"from":"2026-03-31","to":"2026-04-10","label":"清明 2026 -5d..+5d","projected":false}]}` + "\n", ""},
		// Unquoted, with the offsets as separate words.
		{[]string{"--json", "solar-term", "清明", "-5d..+5d", "--year=2026"}, 0,
			`"intervals":[{"from":"2026-03-31","to":"2026-04-10"`, ""},
		{[]string{"holiday 国庆", "--year", "2027"}, 0,
			"holiday 国庆节  (2027-01-01..2027-12-31)\n  2027-10-01..2027-10-07  国庆节 2027  (projected; the official arrangement is not yet published)\n", ""},
		{[]string{"annual 09-01..04-30", "--at", "2024-10-03"}, 0,
			"2024-10-03 is inside 09-01..04-30 (2024)\n  in force until 2025-04-30\n  next starts 2025-09-01\n", ""},
		{[]string{"annual 09-01..04-30", "--at", "2024-10-03", "--json"}, 0,
			`"at":{"date":"2024-10-03","inside":true,"interval":{"from":"2024-09-01","to":"2025-04-30","label":"09-01..04-30 (2024)","projected":false},"next_start":"2025-09-01","next_end":"2025-04-30"}`, ""},
		{[]string{"date 2024-10-16..2025-01-15", "--from", "2024-01-01", "--to", "2024-12-31", "--json"}, 0,
			`"intervals":[{"from":"2024-10-16","to":"2025-01-15"`, ""},
		{[]string{"date 2020-01-01", "--json"}, 0, `"intervals":[]`, ""},
		// Times of day: a minute in any zone, or China time, is inside or
		// not; a day alone is inside in some hours, and says which.
		{[]string{"daily 22:00..06:00", "--at", "2026-06-07T23:00+08:00", "--json"}, 0,
			`"at":{"date":"2026-06-07","time":"2026-06-07T23:00+08:00","inside":true,`, ""},
		{[]string{"daily 22:00..06:00", "--at", "2026-06-07T15:00Z"}, 0,
			"2026-06-07 23:00 is inside 22:00..06:00\n  in force until 2026-06-08 06:00\n  next starts 2026-06-08 22:00\n", ""},
		{[]string{"daily 22:00..06:00", "--at", "2026-06-07 20:00"}, 0,
			"2026-06-07 20:00 is outside the window\n  next starts 2026-06-07 22:00\n  next ends 2026-06-08 06:00\n", ""},
		{[]string{"daily 22:00..06:00", "--at", "2026-06-07"}, 0,
			"2026-06-07 is inside 22:00..06:00 from 00:00..06:00 and 22:00..24:00\n  next starts 2026-06-08\n", ""},
		{[]string{"daily 22:00..06:00", "--at", "2026-06-07", "--json"}, 0,
			`"hours":[{"from":"00:00","to":"06:00"},{"from":"22:00","to":"24:00"}]`, ""},
		{[]string{"festival 除夕 12:00 .. lunar 正月初三 12:00", "--at", "2026-02-17"}, 0,
			"2026-02-17 is inside 除夕 12:00..正月初三 12:00 (2026)\n  in force until 2026-02-19 12:00\n", ""},
		{[]string{"daily 22:00..06:00", "--at", "2026-06-07 25:00"}, 2, "", "--at: date \"2026-06-07 25:00\": the time must be 00:00..23:59"},
		{[]string{"holiday 国庆"}, 0, "2024-10-01..2024-10-07  国庆节 2024", ""}, // this year
		{[]string{"solar-term 清民"}, 2, "", `window "solar-term 清民": column 12: unknown solar term "清民" (did you mean 清明?)`},
		{nil, 2, "", "missing window text"},
		{[]string{"annual 01-01", "--from", "2024-01-01"}, 2, "", "--from and --to go together"},
		{[]string{"annual 01-01", "--from", "2024-01-01", "--to", "2024-02-01", "--year", "2024"}, 2, "", "not both"},
		{[]string{"annual 01-01", "--from", "x", "--to", "2024-02-01"}, 2, "", "--from"},
		{[]string{"annual 01-01", "--year", "10000"}, 2, "", "--year"},
		{[]string{"solar-term 清明", "--year", "2300"}, 2, "", "1901..2100"},
		{[]string{"annual 01-01", "--at", "soon"}, 2, "", "--at"},
		{[]string{"annual 01-01", "--from", "2024-12-01", "--to", "2024-01-01"}, 2, "", "ends before it starts"},
	} {
		code, out, errs := calRun(t, cmdWin, tc.args...)
		require.Equal(t, tc.code, code, "%v: %s", tc.args, errs)
		if tc.code == 0 {
			require.Contains(t, out, tc.out, tc.args)
		}
		require.Contains(t, errs, tc.err, tc.args)
	}
}

func TestCalendarCommandsDispatch(t *testing.T) {
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"terms", "2026", "--json"}, &out, &errb), errb.String())
	require.Contains(t, out.String(), `"year":2026`)
}
