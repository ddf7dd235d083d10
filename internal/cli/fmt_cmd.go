package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/rules/rulefmt"
	"github.com/tonggao/tonggao/schema"
)

// fmtCmd is "tonggao fmt": rule-directory YAML files in canonical form.
func (a *app) fmtCmd() *cobra.Command {
	var check bool
	cmd := &cobra.Command{
		Use:     "fmt PATH... [flags]",
		GroupID: groupData,
		Short:   "Put rule-directory YAML files in canonical form",
		Long: `Put the YAML files of rule directories (or the files named) in canonical
form, computed over the YAML tree: keys in the order of the file's schema
(its modeline's, else its path's), two-space indentation, text quoted only
where it must be, lists of short scalars and maps of names in flow style,
objects and anything holding a collection or a comment in block style, flow
lists and folded text wrapped at 120 columns, one blank line between
top-level entries, comments kept with the entries they annotate. Formatting
twice gives the same file, and a file whose canonical form the loader would
read differently is reported, not rewritten.

The hotline's own word list (hotline/mandarin.yaml), which no schema checks,
is formatted by the shape of the Go type it is read into.

Exit status 0 when every file is canonical (or was rewritten), 1 when --check
finds files to rewrite or a file cannot be formatted, 2 on bad usage.`,
		Example: `  tonggao fmt examples/notices/qiantang
  tonggao fmt --check rules register examples/notices`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf("want at least one file or directory")
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error {
			var files []string
			for _, arg := range args {
				st, err := os.Stat(arg)
				if err != nil {
					return badInput("bad_input", err)
				}
				if !st.IsDir() {
					files = append(files, arg)
					continue
				}
				err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
					if err != nil {
						return err
					}
					if d.IsDir() && d.Name() == "testdata" {
						return filepath.SkipDir
					}
					if !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
						files = append(files, p)
					}
					return nil
				})
				if err != nil {
					return badInput("bad_input", err)
				}
			}
			bad := 0
			for _, f := range files {
				data, err := os.ReadFile(f)
				if err != nil {
					return badInput("bad_input", err)
				}
				out, err := formatFile(f, data)
				if err != nil {
					fmt.Fprintln(a.stdout, err)
					bad++
					continue
				}
				if bytes.Equal(out, data) {
					continue
				}
				if check {
					fmt.Fprintf(a.stdout, "%s: not in canonical form (run tonggao fmt %s)\n", f, f)
					bad++
					continue
				}
				if err := os.WriteFile(f, out, 0o644); err != nil {
					return failed("output", err)
				}
				fmt.Fprintln(a.stdout, f)
			}
			if bad > 0 {
				return exitStatus(exitFailed)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&check, "check", false, "report files not in canonical form instead of rewriting them")
	return cmd
}

// formatFile is rulefmt.Format, but for the hotline's mandarin.yaml (its
// shape is the Go type the hotline reads it into).
func formatFile(f string, data []byte) ([]byte, error) {
	p := filepath.ToSlash(f)
	if path.Base(p) == "mandarin.yaml" && path.Base(path.Dir(p)) == "hotline" {
		return rulefmt.FormatShape(f, data, schema.ShapeOfType(hotline.GrammarType()))
	}
	return rulefmt.Format(f, data)
}
