package hotline

import (
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
)

// TestFeastsFile: the embedded file loads, and each kind of mistake is
// reported at its line and column.
func TestFeastsFile(t *testing.T) {
	fs, orthodox, err := parseFeasts("feasts.yaml", feastsYAML)
	require.NoError(t, err)
	require.Contains(t, orthodox, "东正教")
	require.Greater(t, len(fs), 150)
	easter := fs["复活节"].Rule.In(2026)
	require.Len(t, easter, 1)
	require.Equal(t, "2026-04-05", easter[0].Day.String())

	for _, c := range []struct{ yaml, err string }{
		{"feasts:\n  - names: [复活节]\n    day: pascha\n", "feasts.yaml:3:10: day: "},
		{"feasts:\n  - names: [a]\n    day: easter\n    moves: {caturday: 1}\n", "feasts.yaml:4:23: moves: \"caturday\" is not a weekday"},
		{"feasts:\n  - names: [a]\n    day: easter\n    moves: {sat: x}\n", "feasts.yaml:4:18: moves: sat: want a number of days"},
		{"feasts:\n  - names: [a]\n    day: easter\n  - names: [b, a]\n    day: easter+1\n", "feasts.yaml:4:16: name \"a\" is empty or given twice"},
		{"feasts:\n  - day: easter\n", "feasts.yaml:2:10: easter: no names"},
		{"feasts:\n  - names: [a]\n    date: easter\n", "feasts.yaml: "},
		{"feasts:\n  - names: [a]\n    day: hindu 6 karthika\n", "feasts.yaml:3:10: day: "},
		{"feasts:\n  - names: [a]\n    day: sankranti makara\n    lead: -1\n", "feasts.yaml:3:10: lead: -1"},
		{"feasts:\n  - names: [a]\n    lunar: 四月三十五\n", "feasts.yaml:3:12: lunar: "},
		{"feasts:\n  - names: [a]\n    lunar: 四月十五\n    eve: true\n", "feasts.yaml:3:12: lunar: a day of the Chinese calendar takes no"},
		{"feasts:\n  - names: [a]\n    published: {2013: 04-31..05-01}\n", "published: 2013: want MM-DD..MM-DD, not \"04-31..05-01\""},
		{"feasts:\n  - names: [a]\n    published: {2013: 04-28..04-26}\n", "published: 2013: want MM-DD..MM-DD"},
		{"feasts:\n  - names: [a]\n    day: easter\n    published: {2013: 04-26..04-28}\n", "feasts.yaml:3:10: published: a holiday by its published days takes no day"},
	} {
		_, _, err := parseFeasts("feasts.yaml", []byte(c.yaml))
		require.ErrorContains(t, err, c.err, c.yaml)
	}
}

// TestFeastPublished: a holiday read by the days its organisers published
// (全球青年服务日) is those days in a year they were published for; in
// another it names no known day, and the day is asked for, not guessed.
func TestFeastPublished(t *testing.T) {
	h := newTestHotline(t)
	for _, c := range []struct {
		q, today, date, end string
	}{
		{"2024年全球青年服务日能烧纸吗", "2026-03-01", "2024-04-26", "2024-04-28"},
		{"全球青年服务日那天能放鞭炮吗", "2013-02-12", "2013-04-26", "2013-04-28"},
		{"全球青年服務日能放鞭炮嗎", "2019-04-13", "2019-04-13", "2019-04-14"}, // while it lasts: now
		{"全球青年服务日能烧纸吗", "2013-05-01", "", ""},                      // 2014's were not published
	} {
		today, err := calendar.ParseDate(c.today)
		require.NoError(t, err)
		q := h.Parse(c.q, today)
		if c.date == "" {
			require.True(t, q.badDay && q.unknownDay, c.q)
			require.Equal(t, []string{"全球青年服务日"}, q.badWords, c.q)
			a, _, err := h.Ask(Request{Question: c.q, Today: today})
			require.NoError(t, err)
			require.Equal(t, NotUnderstood, a.Verdict, c.q)
			require.Contains(t, a.Headline, "不知道是哪一天", c.q)
			continue
		}
		require.Equal(t, c.date, q.Date.String(), c.q)
		require.NotNil(t, q.DateEnd, c.q)
		require.Equal(t, c.end, q.DateEnd.String(), c.q)
		require.Empty(t, q.NotUnderstood, c.q)
	}
}

// TestFeastInQuestion: a holiday of another calendar named in a question
// is its day (or span), and the rest of the question is understood as
// without it.
func TestFeastInQuestion(t *testing.T) {
	h := newTestHotline(t)
	today := calendar.MustDate(2026, 3, 1)
	for _, c := range []struct {
		q, activity, date, end string
	}{
		{"复活节那天能烧纸不", "ritual_paper_money", "2026-04-05", ""},
		{"復活節那天能燒紙不", "ritual_paper_money", "2026-04-05", ""},
		{"东正教复活节能不能放鞭炮", "fireworks", "2026-04-12", ""},
		{"清明节烧纸可以吗", "ritual_paper_money", "2026-04-05", ""},
		{"开斋节那天在山上烧烤行不行", "", "2026-03-20", ""},
		{"赎罪日能烧纸吗", "ritual_paper_money", "2026-09-20", "2026-09-21"},
		{"逾越节期间烧纸行不行", "ritual_paper_money", "2026-04-01", "2026-04-09"},
		// Hindu holidays: the name never takes the act's place
		{"排灯节那天能放鞭炮不", "fireworks", "2026-11-08", ""},
		// the full moon's evening and the next day (the Bhadra rule, not
		// read, keeps Holika Dahan off the full moon's first half: 03-03)
		{"侯丽节能不能放鞭炮", "fireworks", "2026-03-02", "2026-03-03"},
		{"庞格尔节第三天能烧纸吗", "ritual_paper_money", "2027-01-16", ""},
		{"庞格尔节烧纸行不行", "ritual_paper_money", "2027-01-15", "2027-01-17"},
		{"卫塞节能不能烧香", "", "2026-05-31", ""},
		{"衛塞節那天能放鞭炮嗎", "fireworks", "2026-05-31", ""},
		// 周日节 after a year or 犹太 is Shavuot; alone it is 周日 and 节
		{"2027年周日节能烧纸吗", "ritual_paper_money", "2027-06-10", "2027-06-12"},
		{"犹太周日节那天能放鞭炮吗", "fireworks", "2026-05-21", "2026-05-23"},
		{"这周日节日里能烧纸吗", "ritual_paper_money", "2026-03-01", ""},
		{"下周日节日期间能放鞭炮吗", "fireworks", "2026-03-08", ""},
	} {
		q := h.Parse(c.q, today)
		if c.activity != "" {
			require.Equal(t, c.activity, q.Activity, c.q)
		}
		require.Equal(t, c.date, q.Date.String(), c.q)
		if c.end == "" {
			require.Nil(t, q.DateEnd, c.q)
		} else {
			require.NotNil(t, q.DateEnd, c.q)
			require.Equal(t, c.end, q.DateEnd.String(), c.q)
		}
		require.Empty(t, q.NotUnderstood, c.q)
	}
}
