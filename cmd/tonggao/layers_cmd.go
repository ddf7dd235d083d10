package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/tonggao/tonggao/place"
)

// layersCmd is "tonggao layers": check and describe place layers. Exit
// statuses: 0 clean, 1 problems found (or layers that fail to load), 2 bad
// usage.
func (a *app) layersCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "layers",
		GroupID: groupData,
		Short:   "Validate a directory of GeoJSON place layers",
		Long:    "Validate and describe a directory of GeoJSON place layers (forest.geojson, towns.geojson, urban.geojson, planning.geojson, fireworks.geojson).",
		Args:    subcommandArgs,
		RunE:    a.runParent,
	}
	cmd.AddCommand(a.layersCheckCmd(), a.layersDescribeCmd())
	return cmd
}

// oneDir is the Args of a command that takes one directory.
func oneDir(_ *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usageErrorf("want one directory, got %d arguments", len(args))
	}
	st, err := os.Stat(args[0])
	if err != nil {
		return badInput("bad_layers", err)
	}
	if !st.IsDir() {
		return badInput("bad_layers", fmt.Errorf("%s is not a directory", args[0]))
	}
	return nil
}

func (a *app) layersCheckCmd() *cobra.Command {
	var (
		asJSON        bool
		divisionsFile string
	)
	cmd := &cobra.Command{
		Use:   "check DIR",
		Short: "Validate the GeoJSON place layers in DIR",
		Long: `Validate the GeoJSON place layers in DIR: invalid or unclosed rings,
self-intersections, wrong winding, swapped or GCJ-02/BD-09-shifted
coordinates, bad properties; then load DIR as the engine does. --divisions
compares the towns' codes and names with a division list (code,name,... as
../shared/data/divisions/qiyang-towns.csv).

Exit status 0 when clean, 1 when problems are found, 2 on bad usage.`,
		Example: "  tonggao layers check DIR --divisions ../shared/data/divisions/qiyang-towns.csv",
		Args:    oneDir,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			probs := place.Check(dir)
			if divisionsFile != "" {
				divisions, err := readDivisions(divisionsFile)
				if err != nil {
					return badInput("bad_divisions", err)
				}
				probs = append(probs, place.CheckDivisions(dir, divisions)...)
			}
			if asJSON {
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
				if err := writeJSON(a.stdout, out, false); err != nil {
					return err
				}
			} else {
				for _, p := range probs {
					fmt.Fprintln(a.stdout, p)
				}
			}
			if len(probs) > 0 {
				fmt.Fprintf(a.stderr, "%s: %d problems in %s\n", cmd.CommandPath(), len(probs), dir)
				return exitStatus(exitFailed)
			}
			// Check is stricter than loading, but load too, so that "clean"
			// means the engine will accept the directory.
			l, err := place.LoadDir(dir)
			if err != nil {
				fmt.Fprintf(a.stdout, "%v\n", err)
				return exitStatus(exitFailed)
			}
			if !asJSON {
				fmt.Fprintf(a.stdout, "%s: no problems\n%s", dir, l.Describe())
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print problems as a JSON array")
	cmd.Flags().StringVar(&divisionsFile, "divisions", "", "CSV division list (code,name,...) to compare the towns layer with (`FILE`)")
	return cmd
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

func (a *app) layersDescribeCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "describe DIR",
		Short: "Load DIR as the engine does and list its layers",
		Args:  oneDir,
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := place.LoadDir(args[0])
			if err != nil {
				return failed("bad_layers", err)
			}
			fmt.Fprint(a.stdout, l.Describe())
			return nil
		},
	}
}
