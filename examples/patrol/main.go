// Command patrol reads a GPS track (GPX) and prints an alert for every
// stretch that entered the fire-ban zone during a ban window, as the
// engine's rules define it: where the activity named by -activity is
// forbidden on the day of each fix.
//
//	go run ./examples/patrol examples/patrol/testdata/walk.gpx
//	go run ./examples/patrol -bundle bundle.zip -accuracy 10 track.gpx
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/patrol"
	"github.com/tonggao/tonggao/place"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("patrol", flag.ContinueOnError)
	fs.SetOutput(stderr)
	layersDir := fs.String("layers", "place/testdata/synthetic", "directory of GeoJSON place layers")
	bundleZip := fs.String("bundle", "", "a zipped offline bundle (rules, holidays, layers) instead of the embedded rules and -layers")
	activity := fs.String("activity", "携带火种及易燃易爆物品进入林区", "the activity whose ban defines the zone")
	accuracy := fs.Float64("accuracy", 5, "GPS accuracy in metres")
	crsName := fs.String("crs", "wgs84", "coordinate system of the track (GPX is WGS-84; some apps export gcj02)")
	highDanger := fs.Int("high-danger-days", -1, "consecutive days of fire-danger level 4–5 up to each fix's day, if known")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: patrol [-layers DIR | -bundle FILE.zip] [-activity NAME] [-accuracy M] TRACK.gpx")
		return 2
	}
	crs, err := place.ParseCRS(*crsName)
	if err != nil {
		fmt.Fprintln(stderr, "patrol:", err)
		return 2
	}
	var b *patrol.Bundle
	if *bundleZip != "" {
		b, err = patrol.OpenBundleFile(*bundleZip, "")
	} else {
		var layers *place.Layers
		if layers, err = place.LoadDir(*layersDir); err == nil {
			b, err = patrol.EmbeddedBundle(layers)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "patrol:", err)
		return 2
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "patrol:", err)
		return 2
	}
	defer f.Close()
	opts := patrol.TrackOptions{Activity: *activity, AccuracyM: *accuracy}
	if *highDanger >= 0 {
		opts.Facts = engine.Facts{"high_danger_days": *highDanger}
	}
	start := time.Now()
	segs, stats, err := b.CheckTrack(f, crs, opts)
	if err != nil {
		fmt.Fprintln(stderr, "patrol:", err)
		return 2
	}
	china := time.FixedZone("UTC+8", 8*3600)
	for _, s := range segs {
		word := "警报：进入禁火区域"
		if s.Verdict == engine.Conditional {
			word = "注意：可能进入禁火区域（取决于 " + strings.Join(s.UnknownFacts, "、") + "）"
		}
		fmt.Fprintf(stdout, "%s %s—%s\n", word, s.Entry.Time.In(china).Format("2006-01-02 15:04:05"), s.Exit.Time.In(china).Format("15:04:05"))
		var arts []string
		for _, a := range s.Articles {
			arts = append(arts, patrol.ArticleName(a))
		}
		fmt.Fprintf(stdout, "  依据：%s %s；时段：%s\n", s.Notice, strings.Join(arts, "、"), strings.Join(s.Windows, "、"))
		exit := "出点"
		if s.Ended {
			exit = "轨迹结束于区内"
		}
		fmt.Fprintf(stdout, "  入点 #%d %s；%s #%d %s；区内 %.0f 米，%d 个点\n", s.Entry.Index, s.Entry.Point, exit, s.Exit.Index, s.Exit.Point, s.DistanceM, s.Points)
	}
	if len(segs) == 0 {
		fmt.Fprintln(stdout, "轨迹未进入禁火区域。")
	}
	fmt.Fprintf(stdout, "共 %d 个点，引擎判定 %d 次，用时 %s；数据 %s\n", stats.Points, stats.Decisions, time.Since(start).Round(time.Millisecond), b.Version)
	return 0
}
