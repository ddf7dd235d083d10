package cli

import (
	"errors"

	"github.com/spf13/cobra"
	"github.com/tonggao/tonggao/patrol"
)

// posterCmd is "tonggao poster": a one-page Chinese schedule of the year to
// print and pin up.
func (a *app) posterCmd() *cobra.Command {
	var (
		format, detail string
		yf             *yearFlags
	)
	cmd := &cobra.Command{
		Use:     "poster [flags]",
		GroupID: groupCalendar,
		Short:   "Write a one-page Chinese schedule of a year to print (HTML for A4, or Markdown)",
		Example: `  tonggao poster --year 2025 -o poster.html
  tonggao poster --format md --detail brief`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != patrol.PosterHTML && format != patrol.PosterMarkdown {
				return usageErrorf("--format %q: want html or md", format)
			}
			if detail != "auto" && detail != "brief" && detail != "full" {
				return usageErrorf("--detail %q: want auto, brief or full", detail)
			}
			y, err := yf.load(a.now)
			if err != nil {
				return err
			}
			w, closeOut, err := openOutput(yf.out, a.stdout)
			if err != nil {
				return failed("output", err)
			}
			opts := patrol.PosterOptions{Format: format, Brief: detail == "brief" || (detail == "auto" && len(y.Notices) > 1)}
			if err := errors.Join(patrol.WritePoster(w, y, opts), closeOut()); err != nil {
				return failed("output", err)
			}
			return nil
		},
	}
	yf = addYearFlags(cmd.Flags())
	cmd.Flags().StringVar(&format, "format", patrol.PosterHTML, "`format`: html (prints on A4) or md")
	cmd.Flags().StringVar(&detail, "detail", "auto", "`detail`: full (every prohibition and duty in full), brief (names only, so several notices fit one A4 page) or auto (full for one notice, brief for several)")
	return cmd
}
