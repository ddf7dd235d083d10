package hotline

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
)

// TestKnownWordsNotHeard: a word the parser knows — the vocabulary's and
// the grammar's, the period words among them — is never rewritten as
// another by its sound, said alone or asked about (防火期什么时候结束 was
// heard as 防火机 before the period words were known).
func TestKnownWordsNotHeard(t *testing.T) {
	h := newTestHotline(t)
	today := calendar.MustDate(2024, 12, 10)
	words := h.p.known.allWords()
	for w := range h.p.periodOf {
		words = append(words, w)
	}
	require.Contains(t, words, "防火期")
	for _, w := range words {
		if utf8.RuneCountInString(w) < 2 {
			continue
		}
		for _, q := range []string{w, w + "什么时候结束"} {
			rd := h.p.read(q, today)
			for _, u := range rd.q.Understood {
				require.NotEqual(t, "heard", u.Kind, "%s: %s heard as %s", q, u.Words, u.Meaning)
			}
		}
	}
}

// TestWhenAnswers: a question about a period is answered from its
// windows, with the days around the day asked, the conditions that
// extend it and the notice; a question asking when of an act says the
// days its answer changes on — in both languages, within the spoken
// limits.
func TestWhenAnswers(t *testing.T) {
	h := newTestHotline(t)
	for _, tc := range []struct {
		q, at  string
		intent Intent
		say    []string
		en     []string
	}{
		{"禁火期什么时候结束", "2024-12-10", IntentWhen, []string{"禁火期是2024年9月1日到2025年4月30日，每年都有", "重点森林防火区全年防火", "祁政通〔2024〕7号第一条"}, []string{"30 April 2025", "every year"}},
		{"防火期到几号", "2025-06-01", IntentWhen, []string{"禁火期是2025年9月1日到2026年4月30日"}, []string{"1 September 2025"}},
		{"专项整治什么时候结束", "2025-03-01", IntentWhen, []string{"2024年10月16日到2025年1月15日"}, []string{"15 January 2025"}},
		{"禁火令还有效吗", "2024-12-10", IntentDocument, nil, nil},
		{"几号可以收新茶籽", "2024-12-10", IntentDecision, []string{"收购新茶籽榨油：从10月8日起本规则库没有相关规定"}, []string{"from 8 October: The rule base has no rule"}},
		{"哪天开始可以上山烧纸", "2024-12-10", IntentDecision, []string{"到2025年4月30日不可以，从2025年5月1日起要看"}, []string{"1 May 2025"}},
		{"山上烧稻草什么时候可以", "2024-11-01", IntentDecision, []string{"从2029年5月1日起要看是不是重点森林防火区"}, []string{"1 May 2029"}},
	} {
		today, err := calendar.ParseDate(tc.at)
		require.NoError(t, err)
		for _, l := range []Lang{ZH, EN} {
			a, _, err := h.Ask(Request{Question: tc.q, Today: today, Lang: l})
			require.NoError(t, err, tc.q)
			require.Equal(t, tc.intent, a.Intent, "%s: %s", tc.q, a.Answer)
			want := tc.say
			if l == EN {
				want = tc.en
			}
			for _, s := range want {
				require.Contains(t, a.Answer, s, "%s (%s)", tc.q, l)
			}
			require.LessOrEqual(t, utf8.RuneCountInString(a.Headline), maxHeadline(l), tc.q)
			require.LessOrEqual(t, utf8.RuneCountInString(a.Answer), maxSpoken(l), tc.q)
		}
	}
}

// TestPeriodSaidPast: a period said past (过了缴费期, 缴费期过了) is the day
// after it ends, asked of the act — not today, and not the period's dates;
// said of a period already over, or not past, the day is the one said (or
// today). A later day said as a start (9月1号起) asks when the answer
// changes: the answer says that day.
func TestPeriodSaidPast(t *testing.T) {
	h := newTestHotline(t)
	for _, tc := range []struct {
		q, at, date string
		say         []string
	}{
		{q: "过了缴费期再交医保 是不是要多交钱", at: "2024-12-20", date: "2025-01-01", say: []string{"财政补助"}},
		{q: "缴费期过了还能交医保不", at: "2024-11-02", date: "2025-01-01"},
		{q: "过了集中缴费期再去参保 要等多久才能报销", at: "2024-12-20", date: "2025-01-01", say: []string{"90天"}},
		// the period is over already: today is asked about
		{q: "过了缴费期再交医保 是不是要多交钱", at: "2025-02-10", date: "2025-02-10"},
		// the period not said past: today
		{q: "缴费期内交医保要多少钱", at: "2024-12-20", date: "2024-12-20", say: []string{"400元"}},
		// a day said wins
		{q: "过了缴费期 1月5号去交医保行不行", at: "2024-12-20", date: "2025-01-05"},
		{q: "八月底在离山五十米的地里烧火土灰 9月1号起是不是又不准了", at: "2025-08-20", date: "2025-08-31", say: []string{"从9月1日起不可以"}},
	} {
		t.Run(tc.q+" "+tc.at, func(t *testing.T) {
			today, err := calendar.ParseDate(tc.at)
			require.NoError(t, err)
			a, _, err := h.Ask(Request{Question: tc.q, Today: today})
			require.NoError(t, err)
			require.Equal(t, IntentDecision, a.Intent, a.Answer)
			require.Equal(t, tc.date, a.Query.Date.String(), a.Answer)
			for _, s := range tc.say {
				require.Contains(t, a.Answer, s)
			}
		})
	}
}
