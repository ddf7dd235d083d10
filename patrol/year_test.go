package patrol

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/require"
)

var stamp = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)

func TestYear(t *testing.T) {
	b := testBundle(t)
	y, err := b.Year(2025)
	require.NoError(t, err)
	var numbers []string
	for _, n := range y.Notices {
		numbers = append(numbers, n.Number)
		require.NotEmpty(t, n.Days, "%s: only notices with something dated in 2025", n.Number)
	}
	require.Contains(t, numbers, "祁政通〔2024〕7号")

	only, err := b.Year(2025, "祁政通(2024)7号")
	require.NoError(t, err)
	require.Len(t, only.Notices, 1)
	fire := only.Notices[0]
	type span struct{ name, from, to, lunar string }
	var got []span
	for _, d := range fire.Days {
		got = append(got, span{d.Name, d.From.String(), d.To.String(), d.FromLunar})
	}
	// The spring-festival window is a union (statutory block | 除夕..元宵);
	// its parts are merged into the days it covers.
	require.Equal(t, []span{
		{"禁火期（一般森林防火区）", "2024-09-01", "2025-04-30", "七月廿九"},
		{"特别防护期：春节期间", "2025-01-28", "2025-02-12", "腊月廿九"},
		{"特别防护期：清明节前后5天", "2025-03-30", "2025-04-11", "三月初二"},
		{"禁火期（一般森林防火区）", "2025-09-01", "2026-04-30", "七月初十"},
		{"特别防护期：国庆假期", "2025-10-01", "2025-10-08", "八月初十"},
	}, got)
	require.NotEmpty(t, fire.Forbidden)
	require.NotEmpty(t, fire.Where)
	require.NotEmpty(t, fire.Duties)

	// Without layers the embedded bundle reads its rules' layer manifest
	// on first use: the same conditions are on where.
	bare, err := EmbeddedBundle(nil)
	require.NoError(t, err)
	bareFire, err := bare.Year(2025, "祁政通(2024)7号")
	require.NoError(t, err)
	require.Equal(t, fire.Where, bareFire.Notices[0].Where)

	// The oil-tea notice of 2024 ends on 2025-09-07, before 2025's picking
	// season: only its last day is dated in 2025; in 2024 its start days are.
	oil, err := b.Year(2024, "祁政通〔2024〕8号")
	require.NoError(t, err)
	var oilDays []string
	for _, d := range oil.Notices[0].Days {
		oilDays = append(oilDays, d.From.String())
	}
	require.Contains(t, oilDays, "2024-10-08") // 寒露: picking of 寒露籽 starts
	require.Contains(t, oilDays, "2024-10-23") // 霜降

	for _, bad := range []string{"祁政通〔2024〕99号", "not a number"} {
		_, err := b.Year(2025, bad)
		require.Error(t, err, bad)
	}
	_, err = b.Year(0)
	require.Error(t, err)
}

func TestWriteICS(t *testing.T) {
	b := testBundle(t)
	y, err := b.Year(2025)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, WriteICS(&buf, y, stamp))
	raw := buf.String()

	for i, line := range strings.Split(strings.TrimSuffix(raw, "\r\n"), "\r\n") {
		require.LessOrEqual(t, len(line), 75, "line %d is not folded: %q", i+1, line)
		require.NotContains(t, line, "\n")
	}
	cal, err := ics.ParseCalendar(strings.NewReader(raw))
	require.NoError(t, err)
	events := cal.Events()
	total := 0
	for _, n := range y.Notices {
		total += len(n.Days)
	}
	require.Len(t, events, total)

	uids := map[string]bool{}
	var national *ics.VEvent
	for _, ev := range events {
		uid := ev.Id()
		require.False(t, uids[uid], "duplicate UID %s", uid)
		uids[uid] = true
		desc := ev.GetProperty(ics.ComponentPropertyDescription)
		require.NotNil(t, desc)
		require.True(t, slices.ContainsFunc(y.Notices, func(n YearNotice) bool { return strings.HasPrefix(desc.Value, n.Number+"《") }),
			"descriptions start with the document number: %s", desc.Value)
		if p := ev.GetProperty(ics.ComponentPropertySummary); strings.Contains(p.Value, "国庆") {
			national = ev
		}
	}
	require.NotNil(t, national)
	start, err := national.GetAllDayStartAt()
	require.NoError(t, err)
	end, err := national.GetAllDayEndAt()
	require.NoError(t, err)
	require.Equal(t, "2025-10-01", start.Format(time.DateOnly))
	require.Equal(t, "2025-10-09", end.Format(time.DateOnly), "DTEND is the day after the last day")
	require.Contains(t, national.GetProperty(ics.ComponentPropertyDescription).Value, "八月初十")

	// Same data, same file: UIDs are stable across runs.
	var again bytes.Buffer
	require.NoError(t, WriteICS(&again, y, stamp))
	require.Equal(t, raw, again.String())
}

func TestEscapeAndFold(t *testing.T) {
	require.Equal(t, `a\,b\;c\\d\ne`, escapeText("a,b;c\\d\ne"))
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	writeFolded(w, "DESCRIPTION:"+strings.Repeat("禁火", 40))
	require.NoError(t, w.Flush())
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\r\n"), "\r\n")
	require.Greater(t, len(lines), 2)
	joined := lines[0]
	for _, l := range lines[1:] {
		require.True(t, strings.HasPrefix(l, " "))
		joined += l[1:]
	}
	require.Equal(t, "DESCRIPTION:"+strings.Repeat("禁火", 40), joined, "folding never splits a character")
}

// requireWellFormed checks that the page's tags nest: the template's HTML
// is written to be XML-clean apart from the doctype and void <br>/<meta>.
func requireWellFormed(t *testing.T, page []byte) {
	t.Helper()
	s := strings.NewReplacer("<!DOCTYPE html>", "", "<br>", "<br/>", `<meta charset="utf-8">`, `<meta charset="utf-8"/>`).Replace(string(page))
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		require.NoError(t, err)
	}
}
