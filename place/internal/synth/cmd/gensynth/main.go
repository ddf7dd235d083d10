// Command gensynth writes the synthetic place layers used by the place
// package's tests and examples. It is run by go generate in package place:
//
//	go run ./internal/synth/cmd/gensynth -towns ../../shared/data/divisions/qiyang-towns.csv \
//		-exclude 金洞镇,凤凰乡,石鼓源乡,晒北滩瑶族乡,原种场,畜牧场 -out testdata/synthetic
//
// The output depends only on the flags; rerunning it must leave the files
// unchanged.
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/tonggao/tonggao/place/internal/synth"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gensynth:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("gensynth", flag.ContinueOnError)
	cfg := synth.Default()
	out := fs.String("out", "testdata/synthetic", "output directory")
	towns := fs.String("towns", "", "CSV of towns (code,name,...) as in qiyang-towns.csv")
	exclude := fs.String("exclude", "", "comma-separated town names to leave out")
	fs.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed")
	fs.IntVar(&cfg.Forests, "forests", cfg.Forests, "number of forest features")
	fs.IntVar(&cfg.Vertices, "vertices", cfg.Vertices, "mean vertices per forest ring")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *towns != "" {
		t, err := readTowns(*towns, strings.Split(*exclude, ","))
		if err != nil {
			return err
		}
		cfg.Towns = t
	}
	layers, err := synth.Generate(cfg)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	names := make([]string, 0, len(layers))
	for name := range layers {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(*out, name), layers[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// readTowns reads code and name columns; codes 0xx are 街道 (subdistricts).
func readTowns(path string, exclude []string) ([]synth.Town, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	skip := map[string]bool{}
	for _, e := range exclude {
		skip[strings.TrimSpace(e)] = true
	}
	var out []synth.Town
	for i, r := range rows {
		if i == 0 || len(r) < 2 || skip[r[1]] {
			continue
		}
		if len(r[0]) != 9 {
			return nil, fmt.Errorf("%s: row %d: code %q is not 9 digits", path, i+1, r[0])
		}
		out = append(out, synth.Town{Code: r[0], Name: r[1], Subdistrict: r[0][6] == '0'})
	}
	return out, nil
}
