package hotline

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestTextScans: the scans built at load find what a look-up of each word
// of texts.yaml finds (the code they replaced), for every tuned question,
// for texts that are no calls and for bytes that are no UTF-8.
func TestTextScans(t *testing.T) {
	w, err := loadTextWords()
	require.NoError(t, err)
	contains := func(s string, l []string) bool {
		for _, x := range l {
			if strings.Contains(s, x) {
				return true
			}
		}
		return false
	}
	wanted := func(s string) *wantKind {
		var best *wantKind
		n := 0
		for i := range w.Wants {
			for _, a := range w.Wants[i].Asks {
				if len(a) > n && strings.Contains(s, a) {
					best, n = &w.Wants[i], len(a)
				}
			}
		}
		return best
	}
	said := func(s string) string {
		var b strings.Builder
		for _, k := range w.keys {
			if strings.Contains(s, k) {
				b.WriteString(w.Said[k] + "\x00")
			}
		}
		return b.String()
	}
	qs := []string{"", "\xff\xfe几\xe5天之内", "菜市场门口几天之内要拉走不", "好远好大范围有多大哪个批谁批", "哪里缴手机上", strings.Repeat("几号以后", 40)}
	for _, c := range loadCorpus(t, "testdata/callers/*.yaml") {
		qs = append(qs, c.Q)
	}
	for _, q := range qs {
		require.Equal(t, contains(q, w.May), w.asksMay(q), q)
		require.Equal(t, contains(q, w.Asks), w.asksScan.any(q), q)
		require.Same(t, wanted(q), w.wanted(q), q)
		_, also := w.inTextWords(q)
		require.Equal(t, said(q), also, q)
	}
	_, err = newWordScan([]string{"要得", ""})
	require.Error(t, err)
}

// BenchmarkTextWords: the texts.yaml look-ups an answer pays for.
func BenchmarkTextWords(b *testing.B) {
	w, err := loadTextWords()
	require.NoError(b, err)
	q := "我在白水镇，10月3日能在山边烧田埂草吗"
	b.ReportAllocs()
	for b.Loop() {
		w.asksMay(q)
		w.asksDetail(q)
		w.wanted(q)
		w.inTextWords(q)
	}
}
