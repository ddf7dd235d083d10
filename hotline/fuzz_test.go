package hotline

import (
	"testing"
	"unicode/utf8"

	"github.com/tonggao/tonggao/calendar"
)

// FuzzAsk: any text, parsed and answered, gives a valid day and an answer
// of at most 150 characters — never an error, never a panic.
func FuzzAsk(f *testing.F) {
	for _, c := range callerCases() {
		f.Add(c.question)
	}
	for _, s := range []string{"", "农历闰四月初一", "离山99999999999公里外", "2024年2月30日", "三十号", "下下周三", "\xff\xfe烧田埂", "十一十一十一", "离山一千零五十米以内烧烧烧"} {
		f.Add(s)
	}
	h := newTestHotline(f)
	today := calendar.MustDate(2024, 9, 20)
	f.Fuzz(func(t *testing.T, question string) {
		q := h.Parse(question, today)
		if !q.Date.Valid() {
			t.Fatalf("%q: invalid date", question)
		}
		for _, w := range q.NotUnderstood {
			if !utf8.ValidString(question) {
				break
			}
			if w == "" {
				t.Fatalf("%q: empty not-understood fragment", question)
			}
		}
		// Every question gets an answer, read aloud within the limit.
		ans, _, err := h.Ask(Request{Question: question, Today: today})
		if err != nil {
			t.Fatalf("%q: %v", question, err)
		}
		if ans.Answer == "" || utf8.RuneCountInString(ans.Answer) > 150 {
			t.Fatalf("%q: spoken answer %q", question, ans.Answer)
		}
	})
}
