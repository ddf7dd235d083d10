package patrol_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
	"time"

	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/patrol"
	"github.com/tonggao/tonggao/place"
	"github.com/tonggao/tonggao/rules"
)

// The patrol screen at a vertex of a key-zone forest (synthetic layers) on
// a summer day: the forest fire ban applies all year in key zones, and the
// notice gives village patrols their duty.
func ExampleBundle_Here() {
	layers, err := place.LoadDir("../place/testdata/synthetic")
	if err != nil {
		panic(err)
	}
	b, err := patrol.EmbeddedBundle(layers)
	if err != nil {
		panic(err)
	}
	h, err := b.Here(engine.Query{
		Day:   calendar.MustDate(2025, 7, 10),
		Point: &place.Point{Lat: 26.3534128, Lon: 111.7616375, CRS: place.WGS84},
	})
	if err != nil {
		panic(err)
	}
	for _, n := range h.Notices {
		if n.Notice != "祁政通〔2024〕7号" {
			continue
		}
		fmt.Println(n.Notice, "forbids", n.Restricted[0].Activity.Name, "and its kinds:", n.Restricted[0].Verdict)
		for _, d := range n.Duties {
			fmt.Println("duty:", d.Who)
		}
		for _, c := range n.Contacts {
			fmt.Println(c.Name, strings.Join(c.Phones, " "))
		}
	}
	// Output:
	// 祁政通〔2024〕7号 forbids 野外用火 and its kinds: forbidden
	// duty: 市林业主管部门或本辖区（镇）人民政府（街道办事处）
	// duty: 各镇（街道）、林场
	// duty: 各村（社区）
	// 森林火警电话 119 0746—3213950
}

// "When may I next light a fire here?" 50 m from a general-zone forest.
func ExampleBundle_Timeline() {
	b, err := patrol.EmbeddedBundle(nil)
	if err != nil {
		panic(err)
	}
	q := engine.Query{Facts: engine.Facts{"distance_to_forest_m": 50, "fire_zone": "general"}}
	tls, err := b.Timeline(q, []string{"野外用火"}, calendar.MustDate(2025, 1, 1), calendar.MustDate(2025, 12, 31))
	if err != nil {
		panic(err)
	}
	for _, iv := range tls[0].Intervals {
		fmt.Println(iv.From, iv.To, iv.Verdict, iv.UnknownFacts)
	}
	day, iv, _ := tls[0].NextNotForbidden(calendar.MustDate(2025, 3, 1))
	fmt.Println("next not forbidden:", day, iv.Verdict)
	// Output:
	// 2025-01-01 2025-04-30 forbidden []
	// 2025-05-01 2025-08-31 no_rule []
	// 2025-09-01 2025-12-31 forbidden []
	// next not forbidden: 2025-05-01 no_rule
}

// A patrol's GPS track through a key-zone forest on National Day.
func ExampleBundle_CheckTrack() {
	layers, err := place.LoadDir("../place/testdata/synthetic")
	if err != nil {
		panic(err)
	}
	b, err := patrol.EmbeddedBundle(layers)
	if err != nil {
		panic(err)
	}
	var gpx bytes.Buffer
	gpx.WriteString(`<gpx version="1.1"><trk><trkseg>`)
	start := time.Date(2025, 10, 3, 8, 0, 0, 0, time.UTC)
	for i := range 600 {
		f := float64(i) / 599
		fmt.Fprintf(&gpx, `<trkpt lat="%.7f" lon="%.7f"><time>%s</time></trkpt>`,
			26.3434128+0.02*f, 111.7516375+0.02*f, start.Add(time.Duration(i)*5*time.Second).Format(time.RFC3339))
	}
	gpx.WriteString(`</trkseg></trk></gpx>`)
	segs, stats, err := b.CheckTrack(&gpx, place.WGS84, patrol.TrackOptions{Activity: "携带火种及易燃易爆物品进入林区", AccuracyM: 5})
	if err != nil {
		panic(err)
	}
	for _, s := range segs {
		fmt.Printf("%s %s %s %v: points %d–%d, %.0f m inside\n", s.Day, s.Verdict, s.Notice, s.Articles, s.Entry.Index, s.Exit.Index, s.DistanceM)
	}
	fmt.Println(stats.Points, "points,", stats.Decisions, "decisions")
	// Output:
	// 2025-10-03 forbidden 祁政通〔2024〕7号 [三]: points 103–333, 1142 m inside
	// 600 points, 6 decisions
}

// The fire ban's windows in 2025 as an iCalendar file.
func ExampleWriteICS() {
	b, err := patrol.EmbeddedBundle(nil)
	if err != nil {
		panic(err)
	}
	y, err := b.Year(2025, "祁政通〔2024〕7号")
	if err != nil {
		panic(err)
	}
	var buf bytes.Buffer
	if err := patrol.WriteICS(&buf, y, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		panic(err)
	}
	for _, line := range strings.Split(buf.String(), "\r\n") {
		if strings.HasPrefix(line, "DTSTART") || strings.HasPrefix(line, "SUMMARY") {
			fmt.Println(line)
		}
	}
	// Output:
	// DTSTART;VALUE=DATE:20240901
	// SUMMARY:禁火期（一般森林防火区）（祁政通〔2024〕7号）
	// DTSTART;VALUE=DATE:20250128
	// SUMMARY:特别防护期：春节期间（祁政通〔2024〕7号）
	// DTSTART;VALUE=DATE:20250330
	// SUMMARY:特别防护期：清明节前后5天（祁政通〔2024〕7号）
	// DTSTART;VALUE=DATE:20250901
	// SUMMARY:禁火期（一般森林防火区）（祁政通〔2024〕7号）
	// DTSTART;VALUE=DATE:20251001
	// SUMMARY:特别防护期：国庆假期（祁政通〔2024〕7号）
}

// An app's bundle update: build a zip from a directory of data (here the
// embedded rules), install it, and open whatever is installed, falling back
// to the previous bundle if the current one is damaged.
func ExampleInstall() {
	src := fstest.MapFS{}
	err := fs.WalkDir(rules.EmbeddedFS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(rules.EmbeddedFS(), p)
		src[patrol.RulesDir+"/"+p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		panic(err)
	}
	dir, err := os.MkdirTemp("", "bundles")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	zipPath := filepath.Join(dir, "download.zip")
	f, err := os.Create(zipPath)
	if err != nil {
		panic(err)
	}
	if err := patrol.WriteBundleZip(f, src, "2025-07-01.1"); err != nil {
		panic(err)
	}
	f.Close()

	if _, err := patrol.Install(dir, zipPath, ""); err != nil {
		panic(err)
	}
	b, fellBack, err := patrol.OpenInstalled(dir)
	if err != nil {
		panic(err)
	}
	fmt.Println(b.Version, fellBack)

	// A truncated download is refused; the installed bundle stays.
	data, _ := os.ReadFile(zipPath)
	os.WriteFile(zipPath, data[:len(data)/2], 0o644)
	_, err = patrol.Install(dir, zipPath, "")
	fmt.Println(err != nil)
	// Output:
	// 2025-07-01.1 false
	// true
}
