package patrol

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
)

func fmtString(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// WriteICS writes y as an iCalendar file (RFC 5545): one all-day event per
// window interval and key day, with the notice's number, title, article and
// text in the description. stamp is the DTSTAMP (when the file was made);
// everything else depends only on y, and each event's UID on its notice,
// kind, window and dates, so a calendar app that re-imports next month's
// file updates events instead of duplicating them.
func WriteICS(w io.Writer, y *Year, stamp time.Time) error {
	bw := bufio.NewWriter(w)
	line := func(name, value string) { writeFolded(bw, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", "-//tonggao//patrol//ZH")
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	line("X-WR-CALNAME", escapeText(fmt.Sprintf(texts.calName, y.Year)))
	line("X-WR-TIMEZONE", "Asia/Shanghai")
	dtstamp := stamp.UTC().Format("20060102T150405Z")
	for _, n := range y.Notices {
		name := n.Number
		if n.Notice != nil {
			name = n.Notice.Name() // issuer, date and title when it has no number
		}
		for _, d := range n.Days {
			var summary string
			switch d.Kind {
			case "effective":
				summary = fmt.Sprintf(texts.effectiveSummary, name)
			case "valid_until":
				summary = fmt.Sprintf(texts.validUntilSummary, name)
			default:
				summary = d.Name + "（" + name + "）"
			}
			var desc strings.Builder
			if n.Number != "" {
				fmt.Fprintf(&desc, "%s《%s》", n.Number, n.Title)
			} else {
				desc.WriteString(name)
			}
			if d.Article != "" {
				desc.WriteString(ArticleName(d.Article) + "：")
			}
			desc.WriteString(d.Text)
			if d.Label != "" {
				desc.WriteString("\n" + d.Label)
			}
			if r := d.RepeatText(); r != "" {
				desc.WriteString("\n" + r)
			}
			if d.Projected {
				desc.WriteString(texts.projected)
			}
			if d.FromLunar != "" {
				desc.WriteString("\n农历 " + d.FromLunar)
				if d.To != d.From {
					desc.WriteString("—" + d.ToLunar)
				}
			}
			desc.WriteString("\n" + fmt.Sprintf(texts.dataLine, y.Bundle, y.RuleSet, y.HolidayData))
			id := d.Kind
			if d.Window != nil {
				id += "/" + d.Window.ID
			}
			uid := sha256.Sum256([]byte(name + "|" + id + "|" + d.From.String() + "|" + d.To.String()))
			line("BEGIN", "VEVENT")
			line("UID", hex.EncodeToString(uid[:12])+"@tonggao")
			line("DTSTAMP", dtstamp)
			if d.Start.IsZero() {
				line("DTSTART;VALUE=DATE", compact(d.From.String()))
				// DTEND of an all-day event is exclusive: the day after the last.
				line("DTEND;VALUE=DATE", compact(d.To.AddDays(1).String()))
			} else {
				// Times of day, in UTC: China keeps no daylight time, so
				// the offset never moves and no VTIMEZONE is needed.
				line("DTSTART", utc(d.Start))
				line("DTEND", utc(d.End))
				switch d.Repeat {
				case "daily":
					line("RRULE", "FREQ=DAILY;UNTIL="+utc(d.Last))
				case "weekly":
					line("RRULE", "FREQ=WEEKLY;UNTIL="+utc(d.Last))
				}
			}
			line("SUMMARY", escapeText(summary))
			line("DESCRIPTION", escapeText(desc.String()))
			line("CATEGORIES", escapeText(name))
			line("TRANSP", "TRANSPARENT")
			line("END", "VEVENT")
		}
	}
	line("END", "VCALENDAR")
	return bw.Flush()
}

func compact(isoDate string) string { return strings.ReplaceAll(isoDate, "-", "") }

// utc writes a minute as an iCalendar UTC date-time, 20260216T040000Z.
func utc(t calendar.DateTime) string { return t.Time().UTC().Format("20060102T150405Z") }

// escapeText escapes a TEXT value (RFC 5545 3.3.11).
func escapeText(s string) string {
	r := strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`)
	return r.Replace(s)
}

// writeFolded writes a content line folded at 75 octets (RFC 5545 3.1),
// never inside a UTF-8 sequence, with CRLF endings.
func writeFolded(w *bufio.Writer, s string) {
	const limit = 75
	n := 0
	for len(s) > 0 {
		_, size := utf8.DecodeRuneInString(s)
		if n+size > limit {
			w.WriteString("\r\n ")
			n = 1 // the leading space counts
		}
		w.WriteString(s[:size])
		n += size
		s = s[size:]
	}
	w.WriteString("\r\n")
}
