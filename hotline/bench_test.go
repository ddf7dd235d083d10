//go:build unix

package hotline

import (
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
)

// processCPU is the process's user + system CPU time so far: on a shared,
// loaded machine ns/op counts the time waiting for a core too, cpu-ns/op
// does not.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func benchAsk(b *testing.B, question string) {
	h := newTestHotline(b)
	today := calendar.MustDate(2024, 9, 20)
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		if _, _, err := h.Ask(Request{Question: question, Today: today}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N), "cpu-ns/op")
}

// A recognised question: an act, a town, a day and a distance phrase,
// read, decided (with the follow-up's replies) and rendered.
func BenchmarkAsk(b *testing.B) {
	benchAsk(b, "我在白水镇，10月3日能在山边烧田埂草吗")
}

// A definite answer: nothing to ask.
func BenchmarkAskForbidden(b *testing.B) { benchAsk(b, "明天在山上烧纸可以吗") }

// 500 characters the parser does not recognise (issue 17.5: it cost 12–24
// recognised questions; it must cost at most two).
func BenchmarkAskUnrecognised500(b *testing.B) {
	benchAsk(b, strings.Repeat("今天天气怎么样我们家的狗跑丢了谁看见了告诉我一声谢谢大家帮忙啊", 500/30+1)[:1500])
}

// Several questions in one call.
func BenchmarkAskSeveral(b *testing.B) {
	benchAsk(b, "明天能烧田埂吗？还有放鞭炮行不行")
}

func BenchmarkParse(b *testing.B) {
	h := newTestHotline(b)
	today := calendar.MustDate(2024, 9, 20)
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		h.Parse("我在白水镇，10月3日能在山边烧田埂草吗", today)
	}
	b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N), "cpu-ns/op")
}

// New: the vocabulary, the segmenter's dictionary, the pinyin and script
// tables, the date reader — built once per engine.
func BenchmarkNew(b *testing.B) {
	eng, err := engine.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		if _, err := New(eng); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N), "cpu-ns/op")
}

// BenchmarkUnrecognisedRatio: issue 17.5's bound, measured on one machine
// at one time — for each hostile question, blocks of a recognised question
// (BenchmarkAsk's) and of the hostile one alternate, so that the load on a
// shared machine falls on both alike; "ratio" is the CPU of the hostile
// question over the recognised one (the goal: at most 2).
func BenchmarkUnrecognisedRatio(b *testing.B) {
	h := newTestHotline(b)
	today := calendar.MustDate(2024, 9, 20)
	known := "我在白水镇，10月3日能在山边烧田埂草吗"
	for _, hq := range hostileQuestions(h) {
		b.Run(hq.name, func(b *testing.B) {
			const block = 20
			var cpuKnown, cpuUnknown time.Duration
			for b.Loop() {
				t0 := processCPU()
				for range block {
					if _, _, err := h.Ask(Request{Question: known, Today: today}); err != nil {
						b.Fatal(err)
					}
				}
				t1 := processCPU()
				for range block {
					if _, _, err := h.Ask(Request{Question: hq.q, Today: today}); err != nil {
						b.Fatal(err)
					}
				}
				t2 := processCPU()
				cpuKnown += t1 - t0
				cpuUnknown += t2 - t1
			}
			b.ReportMetric(float64(cpuKnown)/float64(b.N*block), "known-cpu-ns")
			b.ReportMetric(float64(cpuUnknown)/float64(b.N*block), "unknown-cpu-ns")
			b.ReportMetric(float64(cpuUnknown)/float64(cpuKnown), "ratio")
		})
	}
}

// BenchmarkAskHostile asks each hostile question alone (for profiles; the
// bound itself is BenchmarkUnrecognisedRatio's).
func BenchmarkAskHostile(b *testing.B) {
	for _, hq := range hostileQuestions(newTestHotline(b)) {
		b.Run(hq.name, func(b *testing.B) { benchAsk(b, hq.q) })
	}
}

// A no_rule the caller's facts brought about (a distance beyond the zone):
// decided again without them to say what took the act out of the rules
// (ruledOut), which only a no_rule answer pays for.
func BenchmarkAskNoRuleRuledOut(b *testing.B) {
	benchAsk(b, "明天在田里烧荒草 离山两百来米 要得不")
}

// BenchmarkNewBuilt is BenchmarkNew with the known words, the segmenter
// and the homophone index built from the words, as for a rule directory
// other than the embedded one (tries_snapshot.go): BenchmarkNew makes
// them from the snapshot.
func BenchmarkNewBuilt(b *testing.B) {
	on := triesSnapshotOn
	triesSnapshotOn = false
	defer func() { triesSnapshotOn = on }()
	BenchmarkNew(b)
}
