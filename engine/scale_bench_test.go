package engine_test

import (
	"fmt"
	"io/fs"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/rules"
)

// syntheticNotice is a notice of its own matter (one activity, a window, two
// rules), numbered k, like the city's other seasonal notices.
func syntheticNotice(k int) string {
	return fmt.Sprintf(`notice:
  number: 测试〔2024〕%[1]d号
  title: 合成测试通告%[1]d
  effective: 2024-09-01
  valid_until: 2029-08-31
  applies_in: [431181]
activities:
  - id: synthetic_act_%[1]d
    name: 合成行为%[1]d
    en: synthetic act %[1]d
windows:
  - id: season
    name: 合成季节
    when: annual %02[2]d-01..%02[3]d-28
    article: 一
rules:
  - id: ban
    article: 二
    text: 严禁合成行为%[1]d。
    effect: forbid
    activities: [synthetic_act_%[1]d]
    if: season && distance_to_forest_m <= %[1]d
  - id: permit
    article: 三
    text: 经核准的可以。
    effect: allow
    activities: [synthetic_act_%[1]d]
    if: has_permit
    overrides: [ban]
`, k, 1+k%12, 1+(k+5)%12)
}

// scaleFS is the embedded rule base plus n synthetic notices.
func scaleFS(b *testing.B, n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	if err := fs.WalkDir(rules.EmbeddedFS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(rules.EmbeddedFS(), p)
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	}); err != nil {
		b.Fatal(err)
	}
	for k := 1; k <= n; k++ {
		fsys[fmt.Sprintf("notices/synthetic-%04d.yaml", k)] = &fstest.MapFile{Data: []byte(syntheticNotice(k))}
	}
	return fsys
}

// BenchmarkLoadNotices measures loading (rules, calendar, register,
// engine) the embedded seven notices plus 0 to 3,000 synthetic ones:
// cpu-ns/op should grow linearly with the notices.
func BenchmarkLoadNotices(b *testing.B) {
	for _, n := range []int{0, 30, 100, 300, 1000, 3000} {
		fsys := scaleFS(b, n)
		b.Run(fmt.Sprintf("notices=%d", 7+n), func(b *testing.B) {
			b.ReportAllocs()
			start := cpuTime()
			for b.Loop() {
				if _, err := engine.Load(fsys); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, start)
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/float64(7+n), "cpu-ns/notice")
		})
	}
}

// BenchmarkScaleNotices shows how load time and a decision's cost grow with
// the number of notices in the rule base: the embedded seven plus N
// synthetic ones. A decision only reads the plan of its activity, so its
// cost stays flat; loading grows linearly.
func BenchmarkScaleNotices(b *testing.B) {
	base := fstest.MapFS{}
	require := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	require(fs.WalkDir(rules.EmbeddedFS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(rules.EmbeddedFS(), p)
		base[p] = &fstest.MapFile{Data: data}
		return err
	}))
	for _, n := range []int{1, 10, 100, 1000} {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		for k := 1; k <= n; k++ {
			fsys[fmt.Sprintf("notices/synthetic-%04d.yaml", k)] = &fstest.MapFile{Data: []byte(syntheticNotice(k))}
		}
		start := time.Now()
		e, err := engine.Load(fsys)
		require(err)
		loadMS := float64(time.Since(start).Microseconds()) / 1000
		b.Run(fmt.Sprintf("notices=%d", 7+n), func(b *testing.B) {
			b.ReportAllocs()
			q := engine.Query{Activity: "烧田埂", Day: day("2024-10-03"), Facts: engine.Facts{"distance_to_forest_m": 50.0, "fire_zone": "general", "high_danger_days": 0.0}}
			for b.Loop() {
				if _, err := e.Decide(q); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(loadMS, "load-ms")
		})
	}
}
