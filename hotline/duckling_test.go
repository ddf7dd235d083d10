package hotline

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/hotline/zh"
)

// sharedFile finds the workspace's reference data (shared/data, written by
// no one on this project). Missing data skips the test on a developer's
// machine and fails it in CI (CI=true).
func sharedFile(t *testing.T, rel string) string {
	t.Helper()
	dirs := []string{"../../shared/data", "../../../shared/data"}
	if d := os.Getenv("TONGGAO_SHARED"); d != "" {
		dirs = append([]string{filepath.Join(d, "data")}, dirs...)
	}
	for _, dir := range dirs {
		p := filepath.Join(dir, rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("reference data shared/data/%s is missing: CI needs it", rel)
	}
	t.Skipf("reference data shared/data/%s is absent; CI has it", rel)
	return ""
}

type ducklingDay struct {
	Text      string `json:"text"`
	Reference string `json:"reference"`
	Date      string `json:"date"`
	From      string `json:"from"`
	To        string `json:"to"`
	Source    string `json:"source"`
}

// ducklingRead is what the hotline reads a phrase as: the first day it
// names, as said on the reference day.
func ducklingRead(h *Hotline, text string, ref calendar.Date) (calendar.Date, bool) {
	ms := h.p.dates.Read(h.p.script.Fold(text), ref)
	for _, m := range ms {
		if !m.Bad && !m.Weak {
			return m.Date, true
		}
	}
	for _, m := range ms {
		if !m.Bad {
			return m.Date, true
		}
	}
	return calendar.Date{}, false
}

// ducklingNotRead are the corpus's holiday names the reader does not read,
// with the reason: whole kinds by the words that mark them, and single
// names by their text.
var ducklingNotRead = []struct {
	words, texts []string
	reason       string
}{
	{texts: []string{"圣母节"}, reason: "圣母节 to a caller in China is a Catholic feast of Mary (圣母升天节, 圣母无染原罪节 …), " +
		"not Durga's Dussehra: read by 十胜节, 凯旋节"},
	{texts: []string{"篝火节"}, reason: "篝火节 alone is any bonfire festival (a scenic spot's, 火把节): only 犹太教篝火节 is Lag BaOmer, " +
		"and a fire-ban hotline must not answer a local bonfire event with a Jewish date"},
	{texts: []string{"转经节", "轉經節"}, reason: "转经节 in China is the Tibetan circumambulation festival; Simchat Torah is read by " +
		"its other names (西赫托拉节, 律法节, 诵经节)"},
	{texts: []string{"禁食日"}, reason: "禁食日 is any fast day (Yom Kippur, Ramadan's days, Tisha B'Av): read only as 圣殿被毁日"},
}

// ducklingDifferences are the phrases the hotline deliberately reads
// otherwise than Duckling, with the reason.
var ducklingDifferences = map[string]string{
	"下周三":  "下周X is the X of next week (Monday first): on a Tuesday, 下周三 is eight days on, not tomorrow",
	"下礼拜三": "as 下周三", "下週三": "as 下周三", "下禮拜三": "as 下周三", "下星期三": "as 下周三",
	"这周一":  "这周X is the X of this week (Monday first): on a Tuesday, 这周一 was yesterday, not next Monday",
	"这礼拜一": "as 这周一", "這週一": "as 这周一", "這禮拜一": "as 这周一",
	"今個星期一": "as 这周一 (Cantonese 今个 is 这个)", "今個礼拜一": "as 这周一", "今個禮拜一": "as 这周一",
	"春节":   "a festival means today while its holiday lasts (2013-02-12 is 正月初三, inside the 春节 holiday): a caller asking then means now, not next year",
	"农历新年": "as 春节", "新春": "as 春节 (the new-year season)",
	"正月正时": "as 春节: 正月正时 is the new-year season (the festive first month), not one day — unlike 正月朔日, which is 正月初一 and read as Duckling reads it",
	"正月正時": "as 正月正时",
	"2018年四旬节": "四旬节 (四旬期) is the Catholic name of Lent, Ash Wednesday to Holy Saturday (2018-02-14..03-31, as 大斋期); " +
		"Duckling reads it as the Orthodox Great Lent, from Clean Monday (02-19)",
	"2018年四旬節": "as 2018年四旬节",
	"克哈特普迦节": "Chhath is read from its main day, Kartika's bright sixth (2013-11-08: the evening offering), through the " +
		"next morning's, as the Government of India's 2013 list (Pratihar Sashthi or Surya Sashthi, 8 November: " +
		"shirdikesaibabaji.blogspot.com, List of holidays 2013; healthcarepanel.asia, India's Holidays 2013); Duckling " +
		"gives only the morning offering's day (11-09)",
	"欧南节": "Onam is Thiruvonam of Chingam; 2013's Chingam had two and Kerala kept the later, 2013-09-16, as the " +
		"Government of India's 2013 list (Onam, 16 September: shirdikesaibabaji.blogspot.com, List of holidays 2013); " +
		"Duckling's 08-20 is the earlier",
	"欧南節": "as 欧南节",
}

// ducklingCantonese marks the corpus's Cantonese entries: read (寻日, 听日,
// 今个 are Cantonese words of mandarin.yaml) and counted apart.
var ducklingCantonese = []string{"尋日", "聽日", "今個"}

// TestDucklingDays reads Duckling's own Chinese day corpus (written
// outside this project) with the hotline's date reader. Every entry is
// counted: each must be read as Duckling reads it, or be a listed
// deliberate difference, or a listed holiday not read; the figures are
// over all entries and over the Mandarin ones.
func TestDucklingDays(t *testing.T) {
	h := newTestHotline(t)
	f, err := os.Open(sharedFile(t, "duckling-zh/time-days.jsonl"))
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	var total, agree, differ, notRead, cantonese, cantoneseAgree int
	used := map[string]bool{}
	var misses []string
	for sc.Scan() {
		var d ducklingDay
		require.NoError(t, json.Unmarshal(sc.Bytes(), &d))
		total++
		ref, err := time.Parse("2006-01-02T15:04:05", d.Reference)
		require.NoError(t, err)
		today := calendar.MustDate(ref.Year(), int(ref.Month()), ref.Day())
		got, ok := ducklingRead(h, d.Text, today)
		same := ok && (d.Date != "" && got.String() == d.Date || d.From != "" && got.String() >= d.From && got.String() <= d.To)
		isCantonese := false
		for _, w := range ducklingCantonese {
			isCantonese = isCantonese || strings.Contains(d.Text, w)
		}
		if isCantonese {
			cantonese++
		}
		reason := ""
		for _, n := range ducklingNotRead {
			for _, w := range n.words {
				if strings.Contains(d.Text, w) {
					reason = n.reason
				}
			}
			for _, w := range n.texts {
				if d.Text == w {
					reason = n.reason
				}
			}
		}
		switch _, listed := ducklingDifferences[d.Text]; {
		case same:
			require.Empty(t, reason, "%s is read as Duckling reads it now: drop it from the unread", d.Text)
			require.False(t, listed, "%s agrees now: drop it from the differences", d.Text)
			agree++
			if isCantonese {
				cantoneseAgree++
			}
		case reason != "":
			notRead++
			used[reason] = true
		case listed:
			differ++
			used[d.Text] = true
		default:
			want := d.Date
			if want == "" {
				want = d.From + ".." + d.To
			}
			misses = append(misses, fmt.Sprintf("%s: want %s, read %s (ok %v)", d.Text, want, got, ok))
		}
	}
	require.NoError(t, sc.Err())
	require.Equal(t, 385, total, "the corpus changed")
	require.Empty(t, misses, "read otherwise than Duckling, and neither a listed difference nor a listed holiday not read")
	for text := range ducklingDifferences {
		require.True(t, used[text], "difference %q is not in the corpus any more", text)
	}
	for _, n := range ducklingNotRead {
		require.True(t, used[n.reason], "nothing in the corpus is left unread for %q", n.reason)
	}
	rate := float64(agree) / float64(total)
	mandarin := float64(agree-cantoneseAgree) / float64(total-cantonese)
	t.Logf("Duckling day corpus: %d entries; %d agree (%.1f %%), %d differ deliberately, %d holidays not read; "+
		"of the %d Mandarin entries %d agree (%.1f %%); the %d Cantonese ones are read too, %d agree",
		total, agree, 100*rate, differ, notRead, total-cantonese, agree-cantoneseAgree, 100*mandarin, cantonese, cantoneseAgree)
	// The goal is 95 %; it stands at 93.0 % of every entry (358 of 385),
	// 93.5 % of the Mandarin ones (347 of 371). Every holiday a published
	// rule fixes is read by its rule (Easter's computus, the Hebrew
	// calendar, Umm al-Qura, the modern Hindu calendar, Singapore's Vesak
	// on 四月十五), Raksha Bandhan by the almanacs' six-ghatika rule (the
	// Government of India's 2013 list: 08-20), and 全球青年服务日 by the
	// days its organisers published (feasts.yaml's published years; other
	// years are not known). What is left: 22 deliberate differences,
	// readings a caller means (下周三 is next week's, 这周一 this week's, 春节
	// asked during the holiday is now, 四旬节 is Lent) or days the published
	// lists put elsewhere (Onam 2013 on 09-16 and Chhath's evening offering
	// on 11-08, as the Government of India's 2013 list), and 5 names that
	// mean something else to a caller in China. 95 % of the Mandarin
	// entries (353) would need 6 more: giving up readings a caller needs.
	// Session 12 looked at all 24 Mandarin entries that do not agree again
	// (reference 2013-02-12, a Tuesday, 正月初三): Duckling's 下周三 is the
	// next day and its 这周一 six days on — a caller's 下周 is next
	// calendar week and 这周 this one; its 春节, 农历新年, 新春 and 正月正时 are
	// 2014's, said on the third day of 2013's — a caller then asks about
	// the festival he is in; its 2018年四旬节 starts on the Orthodox Clean
	// Monday (02-19), while 四旬节 is the Catholic name and Lent starts on
	// Ash Wednesday (02-14); its Onam and Chhath are the days the
	// Government of India's 2013 list does not keep. The five names not
	// read (圣母节, 篝火节, 转经节/轉經節, 禁食日) each name something else first
	// to a caller in China, and no published rule settles them (each is a
	// holiday of several traditions). None is a reading to give up, so
	// the goal stays out of reach: 347 of 371.
	require.GreaterOrEqual(t, agree, 358)
	require.GreaterOrEqual(t, agree-cantoneseAgree, 347)
}

// TestDucklingNumbers: the numerals and distances of Duckling's corpus
// that a caller says (Arabic and Chinese numerals, 个, distances in 米 and
// 公里) read as Duckling reads them.
func TestDucklingNumbers(t *testing.T) {
	h := newTestHotline(t)
	f, err := os.Open(sharedFile(t, "duckling-zh/numbers.jsonl"))
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	var n, agree int
	var misses []string
	for sc.Scan() {
		var d struct {
			Text   string   `json:"text"`
			Value  *float64 `json:"value"`
			Metres *float64 `json:"metres"`
			Kind   string   `json:"kind"`
		}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &d))
		want := d.Value
		if d.Metres != nil {
			want = d.Metres
		}
		if want == nil {
			continue
		}
		n++
		got, ok := ducklingNumber(h, d.Text, d.Metres != nil)
		if ok && math.Abs(got-*want) < 1e-9 {
			agree++
			continue
		}
		misses = append(misses, fmt.Sprintf("%s: want %g, read %g (ok %v)", d.Text, *want, got, ok))
	}
	require.NoError(t, sc.Err())
	t.Logf("Duckling numbers: %d of %d agree (%.1f %%); the others: %v", agree, n, 100*float64(agree)/float64(n), misses)
	require.ElementsMatch(t, ducklingNumberDifferences, misses, "numbers read otherwise than Duckling")
	require.GreaterOrEqual(t, float64(agree)/float64(n), 0.9)
}

// ducklingNumberDifferences are the numerals the hotline does not read as
// Duckling does, with why: none is a way a caller says a distance.
var ducklingNumberDifferences = []string{
	// fractions: 分之 and the Cantonese 份 and 又 forms are not distances a caller gives
	"十份十一: want 1.1, read 0 (ok false)", "一又十分一: want 1.1, read 0 (ok false)",
	"二分之一: want 0.5, read 0 (ok false)", "二份一: want 0.5, read 0 (ok false)",
}

// ducklingNumber reads a numeral (with a measure word: 个, 对 pairs, 打
// dozens, 半 halves; K/M/G) or a distance in one of the vocabulary's units
// (米, 公里, 千米, 公分 …; m, km, cm), as the hotline's distance reader does.
func ducklingNumber(h *Hotline, text string, distance bool) (float64, bool) {
	s := strings.TrimSpace(h.p.script.Fold(text))
	s = strings.TrimSuffix(s, "左右")
	if distance {
		// 米九, 三米九: metres and tenths
		if i := strings.Index(s, "米"); i >= 0 && i+len("米") < len(s) {
			whole := 1.0
			if i > 0 {
				w, ok := zh.Number(s[:i])
				if !ok {
					return 0, false
				}
				whole = w
			}
			tenth, ok := zh.Number(s[i+len("米"):])
			if !ok || tenth > 9 {
				return 0, false
			}
			return whole + tenth/10, true
		}
		units := h.voc.Distance.Units
		best := ""
		for u := range units {
			if strings.HasSuffix(s, u) && len(u) > len(best) {
				best = u
			}
		}
		if best == "" {
			return 0, false
		}
		x, ok := ducklingNumber(h, strings.TrimSpace(strings.TrimSuffix(s, best)), false)
		return x * units[best], ok
	}
	switch s {
	case "一半", "一半半", "1半", "半个", "半":
		return 0.5, true
	}
	k := 1.0
	for _, m := range []struct {
		suffix string
		k      float64
	}{{"个", 1}, {"对", 2}, {"双", 2}, {"打", 12}, {"K", 1e3}, {"k", 1e3}, {"M", 1e6}, {"G", 1e9}} {
		if strings.HasSuffix(s, m.suffix) {
			s, k = strings.TrimSuffix(s, m.suffix), m.k
			break
		}
	}
	a, n, ok := zh.ReadAmount(s)
	if !ok || n != len(s) || !a.Exact() {
		return 0, false
	}
	return a.Lo * k, true
}
