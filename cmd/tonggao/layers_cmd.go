package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tonggao/tonggao/place"
)

const layersUsage = `usage: tonggao layers check [--json] [--divisions FILE.csv] DIR
       tonggao layers describe DIR

check     validate the GeoJSON place layers in DIR (forest.geojson, towns.geojson,
          urban.geojson, planning.geojson, fireworks.geojson): invalid or unclosed
          rings, self-intersections, wrong winding, swapped or GCJ-02/BD-09-shifted
          coordinates, bad properties. --divisions compares the towns' codes and names
          with a division list (code,name,... as ../shared/data/divisions/qiyang-towns.csv).
          Exit 0 when clean, 1 when problems are found, 2 on bad usage.
describe  load DIR as the engine does and list its layers.
`

// runLayers implements "tonggao layers". Exit codes: 0 clean, 1 problems
// found (or layers that fail to load), 2 bad usage.
func runLayers(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, layersUsage)
		return 2
	}
	switch args[0] {
	case "-h", "--help", "help":
		fmt.Fprint(stdout, layersUsage)
		return 0
	case "check":
		return runLayersCheck(args[1:], stdout, stderr)
	case "describe":
		return runLayersDescribe(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "tonggao layers: unknown subcommand %q\n%s", args[0], layersUsage)
	return 2
}

// layersDir parses flags and the single DIR argument.
func layersDir(fs *flag.FlagSet, args []string, stderr io.Writer) (string, int, bool) {
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, layersUsage) }
	// Allow flags after DIR too: "layers check DIR --json".
	var words, flags []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if len(a) < 2 || a[0] != '-' {
			words = append(words, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if f := fs.Lookup(name); f != nil && !isBoolFlag(f) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	if err := fs.Parse(flags); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return "", 0, false
		}
		return "", 2, false
	}
	if len(words) != 1 {
		fmt.Fprintf(stderr, "tonggao layers %s: want one directory, got %d arguments\n%s", fs.Name(), len(words), layersUsage)
		return "", 2, false
	}
	dir := words[0]
	st, err := os.Stat(dir)
	if err != nil {
		fmt.Fprintf(stderr, "tonggao layers %s: %v\n", fs.Name(), err)
		return "", 2, false
	}
	if !st.IsDir() {
		fmt.Fprintf(stderr, "tonggao layers %s: %s is not a directory\n", fs.Name(), dir)
		return "", 2, false
	}
	return dir, 0, true
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

func runLayersCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print problems as a JSON array")
	divisionsFile := fs.String("divisions", "", "CSV division list (code,name,...) to compare the towns layer with")
	dir, code, ok := layersDir(fs, args, stderr)
	if !ok {
		return code
	}
	probs := place.Check(dir)
	if *divisionsFile != "" {
		divisions, err := readDivisions(*divisionsFile)
		if err != nil {
			fmt.Fprintf(stderr, "tonggao layers check: %v\n", err)
			return 2
		}
		probs = append(probs, place.CheckDivisions(dir, divisions)...)
	}
	if *asJSON {
		type jsonProblem struct {
			File    string `json:"file"`
			Feature string `json:"feature,omitempty"`
			Kind    string `json:"kind"`
			Message string `json:"message"`
		}
		out := make([]jsonProblem, len(probs))
		for i, p := range probs {
			out[i] = jsonProblem{p.File, p.Feature, p.Kind, p.Message}
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(stderr, "tonggao layers check: %v\n", err)
			return 2
		}
	} else {
		for _, p := range probs {
			fmt.Fprintln(stdout, p)
		}
	}
	if len(probs) > 0 {
		fmt.Fprintf(stderr, "tonggao layers check: %d problems in %s\n", len(probs), dir)
		return 1
	}
	// Check is stricter than loading, but load too, so that "clean" means
	// the engine will accept the directory.
	l, err := place.LoadDir(dir)
	if err != nil {
		fmt.Fprintf(stdout, "%v\n", err)
		return 1
	}
	if !*asJSON {
		fmt.Fprintf(stdout, "%s: no problems\n%s", dir, l.Describe())
	}
	return 0
}

// readDivisions reads a division list with a header naming "code" and
// "name" columns, as ../shared/data/divisions/qiyang-towns.csv.
func readDivisions(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: empty division list", path)
	}
	codeCol, nameCol := -1, -1
	for i, h := range rows[0] {
		switch strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")) {
		case "code":
			codeCol = i
		case "name":
			nameCol = i
		}
	}
	if codeCol < 0 || nameCol < 0 {
		return nil, fmt.Errorf("%s: want a header with code and name columns, got %q", path, rows[0])
	}
	out := map[string]string{}
	for _, r := range rows[1:] {
		if len(r) > codeCol && len(r) > nameCol {
			out[r[codeCol]] = r[nameCol]
		}
	}
	return out, nil
}

func runLayersDescribe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("describe", flag.ContinueOnError)
	dir, code, ok := layersDir(fs, args, stderr)
	if !ok {
		return code
	}
	l, err := place.LoadDir(dir)
	if err != nil {
		fmt.Fprintf(stderr, "tonggao layers describe: %v\n", err)
		return 1
	}
	fmt.Fprint(stdout, l.Describe())
	return 0
}
