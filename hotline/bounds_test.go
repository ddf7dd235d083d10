package hotline

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
)

// TestAnswersPerCall: a call asking more than MaxAnswers things gets the
// first MaxAnswers answered, in the order said, exactly as a call asking
// only those would; the answer says how many more were not answered, in
// its spoken text (kept before anything else is cut for room) and in
// Unanswered. A call repeating 白水镇呢 made a decision for each (in
// MaxRead characters, 28) until the same question came to be asked once.
func TestAnswersPerCall(t *testing.T) {
	h := newTestHotline(t)
	today := calendar.MustDate(2024, 10, 2)
	cases := []struct {
		name  string
		parts []string // the questions asked, joined by ？
		asked int      // the answers the call would get without a bound
		acts  []string // the activities of the answers given, in order
	}{
		{name: "an act, then its facts asked again and again",
			parts: []string{"寒露籽什么时候能摘", "霜降籽呢", "白水镇呢", "茅竹镇呢", "八宝镇呢", "肖家镇呢", "梅溪镇呢", "潘市镇呢", "金洞镇呢"},
			asked: 9, acts: repeat("pick_oil_tea", MaxAnswers)},
		// (the same question asked again is answered once: 26 times 白水镇呢
		// made 26 answers alike before session 30)
		{name: "an act, then one of its facts asked over and over",
			parts: append([]string{"寒露籽什么时候能摘", "霜降籽呢"}, repeat("白水镇呢", 26)...), asked: 3, // 145 characters
			acts: repeat("pick_oil_tea", 3)},
		{name: "distinct acts",
			parts: []string{"上坟能点蜡烛吗", "能烧香吗", "能烧纸吗", "能放鞭炮吗", "能放孔明灯吗", "能烧稻草吗", "能烧田埂吗"}, asked: 7,
			acts: []string{"ritual_candles", "ritual_incense", "ritual_paper_money", "fireworks", "sky_lantern"}},
		{name: "one act asked after another, again and again",
			parts: append([]string{"在山上抽烟可以不"}, repeat("野炊呢", 40)...), asked: 2,
			acts: []string{"smoking", "outdoor_cooking"}},
	}
	for _, c := range cases {
		for _, lang := range []Lang{ZH, EN} {
			t.Run(c.name+"/"+string(lang), func(t *testing.T) {
				a, _, err := h.Ask(Request{Question: strings.Join(c.parts, "？"), Today: today, Lang: lang})
				require.NoError(t, err)
				var acts []string
				for _, x := range a.Answers {
					acts = append(acts, x.Query.Activity)
				}
				require.Equal(t, c.acts, acts)
				unanswered := max(c.asked-MaxAnswers, 0)
				require.Equal(t, unanswered, a.Unanswered)
				said := h.cat.T(lang, "several.unanswered", "n", strconv.Itoa(unanswered), "max", strconv.Itoa(MaxAnswers))
				if unanswered == 0 {
					require.NotContains(t, a.Answer, said)
					return
				}
				require.Contains(t, a.Answer, said)
				// the questions answered, asked alone, get the same answers
				alone, _, err := h.Ask(Request{Question: strings.Join(c.parts[:MaxAnswers], "？"), Today: today, Lang: lang})
				require.NoError(t, err)
				require.Zero(t, alone.Unanswered)
				require.Len(t, alone.Answers, MaxAnswers)
				for k := range alone.Answers {
					require.Equal(t, alone.Answers[k].Answer, a.Answers[k].Answer, "answer %d", k+1)
				}
			})
		}
	}
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// TestReadBound: a call longer than MaxRead is read up to its last clause
// break in its first MaxRead characters, exactly as if it had ended there;
// it says how much was not read, and it is never answered 可以 (what was
// not read may have changed it) — a forbidden or conditional answer on
// what was read stands.
func TestReadBound(t *testing.T) {
	h := newTestHotline(t)
	today := calendar.MustDate(2024, 10, 2)
	// the words beyond the bound would change the answer if read
	tail := strings.Repeat("嗯，", MaxRead) + "我说的是在山上烧纸"
	cases := []struct {
		name, q, verdict, cut string
	}{
		{name: "allowed on what was read", q: "我想问一下交医保可以吗，" + tail, verdict: string(NotUnderstood)},
		{name: "forbidden on what was read", q: "我想问一下在山上放鞭炮可以吗，" + tail, verdict: "forbidden"},
		{name: "conditional on what was read", q: "我想问一下明天能烧田埂吗，" + tail, verdict: "conditional"},
		{name: "no clause break", q: strings.Repeat("啊", MaxRead) + "我在山上烧纸", verdict: string(NotUnderstood)},
	}
	for _, c := range cases {
		for _, lang := range []Lang{ZH, EN} {
			t.Run(c.name+"/"+string(lang), func(t *testing.T) {
				read, unread := readable(c.q)
				require.Positive(t, unread)
				require.Equal(t, utf8.RuneCountInString(c.q), utf8.RuneCountInString(read)+unread)
				require.LessOrEqual(t, utf8.RuneCountInString(read), MaxRead)
				if strings.Contains(c.q, "，") {
					require.True(t, strings.HasSuffix(read, "，"), "cut at a clause break: %q", read)
				}
				a, q, err := h.Ask(Request{Question: c.q, Today: today, Lang: lang})
				require.NoError(t, err)
				require.Equal(t, c.verdict, string(a.Verdict))
				require.Equal(t, unread, q.Unread)
				require.Contains(t, a.Answer, h.cat.T(lang, "unread", "n", strconv.Itoa(MaxRead), "rest", strconv.Itoa(unread)))
				// read exactly as the part read, asked alone
				alone, aq, err := h.Ask(Request{Question: read, Today: today, Lang: lang})
				require.NoError(t, err)
				require.Zero(t, aq.Unread)
				require.Equal(t, aq.Understood, q.Understood)
				require.Equal(t, aq.Facts, q.Facts)
				require.Equal(t, aq.Activity, q.Activity)
				if c.verdict == string(NotUnderstood) && aq.Activity != "" {
					require.Equal(t, "allowed", string(alone.Verdict), "the part read alone is allowed")
					require.Equal(t, h.cat.T(lang, "head.unread"), a.Headline)
				} else {
					require.Equal(t, alone.Verdict, a.Verdict)
					require.Equal(t, alone.Headline, a.Headline)
				}
			})
		}
	}
	// No hostile question is read whole, and none is answered 可以.
	for _, hq := range hostileQuestions(h) {
		a, q, err := h.Ask(Request{Question: hq.q, Today: today})
		require.NoError(t, err)
		require.Positive(t, q.Unread, hq.name)
		require.NotEqual(t, "allowed", string(a.Verdict), hq.name)
	}
}

// TestFill: fill puts each value in place of its {name} as a
// strings.Replacer of the pairs did — left to right, the first pair
// naming a placeholder, never inside a value put in, other braces kept.
func TestFill(t *testing.T) {
	cases := []struct {
		s  string
		kv []string
	}{
		{"", nil},
		{"no braces", []string{"a", "1"}},
		{"{a}{b}{a}", []string{"a", "1", "b", "2"}},
		{"x{a}y{c}z", []string{"a", "{c}", "c", "3"}},
		{"{a}{a}", []string{"a", "1", "a", "2"}},
		{"{ {a} }{", []string{"a", "1"}},
		{"{}", []string{"", "empty"}},
		{"{ab}{a}", []string{"a", "1", "ab", "2"}},
		{"要是{if}，{yes}；不是的话，{no}。", []string{"if", "在山上", "yes", "不可以", "no", "要看情况"}},
		{"{a}", []string{"a"}},
	}
	for _, c := range cases {
		var pairs []string
		for i := 0; i+1 < len(c.kv); i += 2 {
			pairs = append(pairs, "{"+c.kv[i]+"}", c.kv[i+1])
		}
		want := c.s
		if len(pairs) > 0 {
			want = strings.NewReplacer(pairs...).Replace(c.s)
		}
		require.Equal(t, want, fill(c.s, c.kv...), "%q %q", c.s, c.kv)
	}
}
