package engine

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestNoteTexts: notes.txt parses, holds a text for every note code, and
// each text takes exactly the parts its callers fill (a part renamed in
// the file, or a text lost, fails here rather than leaving a gap in an
// answer).
func TestNoteTexts(t *testing.T) {
	ts, err := parseTexts(notesTxt)
	require.NoError(t, err)
	for _, code := range NoteCodes() {
		if code == "published" {
			for _, k := range []string{"note.published", "note.published.standing", "note.published.counted"} {
				require.Contains(t, ts, k)
			}
			continue
		}
		require.Contains(t, ts, "note."+code, "notes.txt has no text for the note code %s", code)
	}
	want := map[string][]string{
		"note.title_level":        {"notice", "title", "note"},
		"note.not_in_force":       {"notice", "title", "article", "from", "to", "day"},
		"note.no_current_notice":  {"year", "notice", "to"},
		"note.window_this_year":   {"notice", "window", "from", "to", "year"},
		"note.kinds_governed":     {"activity", "kinds"},
		"note.verify_on_ground":   {"fact", "source"},
		"note.projected_holiday":  {"window", "label"},
		"note.until_repealed":     {"notice"},
		"note.outside_places":     {"place", "places"},
		"note.referred":           {"notice", "article", "text", "who", "where"},
		"note.referred_otherwise": {"notice", "article", "text", "who", "where"},
		"note.published":          {"place", "date", "label", "value", "source", "issued", "kind"},
		"note.published.standing": {"place", "label", "value", "source", "issued", "kind"},
		"note.published.counted":  {"place", "date", "label", "value", "since", "source", "issued", "counted"},
		"note.published_none":     {"label"},
		"note.published_missing":  {"feed", "place", "label"},
		"note.published_stale":    {"feed", "place", "date", "label", "last", "source", "issued"},
		"note.published_varies":   {"place", "label", "inner"},
		"note.declared_order":     {"order", "text", "from", "until", "place"},
		"note.forecast_begins":    {"source", "issued", "what", "date", "name"},
		"note.forecast_ends":      {"source", "issued", "what", "date", "name"},
		"note.published_horizon":  {"last", "label"},
		"where":                   {"town"},
		"since.unrecorded":        nil,
		"since.not_today":         {"condition"},
		"since.from":              {"date"},
		"kind.standing":           {"date"},
		"kind.forecast":           nil,
		"feed.source":             nil,
		"feed.what":               nil,
		"feed.forecast":           {"label"},
		"place.asked":             nil,
		"place.inner":             nil,
		"list.sep":                nil,
	}
	for key, args := range want {
		require.Contains(t, ts, key)
		require.ElementsMatch(t, args, ts.argsOf(key), key)
	}
	for key := range ts {
		require.Contains(t, want, key, "notes.txt has %s, which no note uses", key)
	}
}

func TestParseTextsErrors(t *testing.T) {
	for _, tc := range []struct{ src, err string }{
		{"a: x\nb x", "notes.txt:2: want \"key: text\""},
		{"# c\na: x\na: y", "notes.txt:3: a given twice"},
		{"a: {x", "notes.txt:1: a: { without }"},
		{"a b: x", "notes.txt:1: want"},
	} {
		_, err := parseTexts(tc.src)
		require.ErrorContains(t, err, tc.err, tc.src)
	}
}

func TestText(t *testing.T) {
	require.Equal(t, "（所在地：白水镇）", text("where", "town", "白水镇"))
	require.Equal(t, "据A 08:00 发布的B，2025-07-10 起C。", text("note.forecast_begins", "source", "A", "issued", "08:00", "what", "B", "date", "2025-07-10", "name", "C"))
	require.Panics(t, func() { text("no.such.key") })
}
