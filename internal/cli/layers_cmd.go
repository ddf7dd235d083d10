package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/tonggao/tonggao/division"
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
		Long:    "Validate and describe a directory of GeoJSON place layers: the files a layer manifest (layers.yaml) lists.",
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
		rf            *ruleFlags
	)
	cmd := &cobra.Command{
		Use:   "check DIR",
		Short: "Validate the GeoJSON place layers in DIR",
		Long: `Validate the GeoJSON place layers in DIR, listed by DIR/layers.yaml or
else by the rules' layers.yaml, with the loader's own checks — positions
that are not two or three finite numbers, invalid, unclosed, flat or
self-intersecting rings, holes outside their exterior, swapped or
out-of-range coordinates, a non-WGS-84 crs, property values the manifest
does not allow — and warnings besides: wrong winding, duplicate ids, files
the manifest does not name, GCJ-02/BD-09-shifted coordinates. A layer
with no errors loads; one with an error does not. The divisions of a
layer that gives them are compared with the rules' divisions.csv, or with
--divisions FILE (code,name,... as ../shared/data/divisions/qiyang-towns.csv).

Exit status 0 when clean, 1 when problems are found, 2 on bad usage.`,
		Example: "  tonggao layers check DIR --divisions ../shared/data/divisions/qiyang-towns.csv",
		Args:    oneDir,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			m, err := rf.manifest()
			if err != nil {
				return err
			}
			probs := place.Check(dir, place.WithDefaultManifest(m))
			table, err := rf.divisions()
			if err != nil {
				return err
			}
			if divisionsFile != "" {
				f, err := os.Open(divisionsFile)
				if err != nil {
					return badInput("bad_divisions", err)
				}
				table, err = division.ReadTable(f, divisionsFile)
				f.Close()
				if err != nil {
					return badInput("bad_divisions", err)
				}
			}
			if table.Len() > 0 {
				probs = append(probs, place.CheckDivisions(dir, table, place.WithDefaultManifest(m))...)
			}
			if asJSON {
				if probs == nil {
					probs = []place.Problem{}
				}
				if err := writeJSON(a.stdout, probs, false); err != nil {
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
			// The check runs the loader's checks; load too, so that
			// "clean" means the engine will accept the directory.
			l, err := place.LoadDir(dir, place.WithDefaultManifest(m))
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
	cmd.Flags().StringVar(&divisionsFile, "divisions", "", "CSV division list (code,name,...) to compare the layers' divisions with, instead of the rules' divisions.csv (`FILE`)")
	rf = addRuleFlags(cmd.Flags())
	return cmd
}

func (a *app) layersDescribeCmd() *cobra.Command {
	var rf *ruleFlags
	cmd := &cobra.Command{
		Use:   "describe DIR",
		Short: "Load DIR as the engine does and list its layers and the facts each gives",
		Args:  oneDir,
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := rf.loadLayers(args[0])
			if err != nil {
				return failed("bad_layers", err)
			}
			fmt.Fprint(a.stdout, l.Describe())
			return nil
		},
	}
	rf = addRuleFlags(cmd.Flags())
	return cmd
}
