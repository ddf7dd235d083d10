package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/rules"
)

// hereCmd is "tonggao here": every activity the rules restrict at a
// place on a day, grouped by notice: what a patrol officer's screen shows.
func (a *app) hereCmd() *cobra.Command {
	var (
		asJSON bool
		qf     *queryFlags
	)
	cmd := &cobra.Command{
		Use:     "here (--lat N --lon E --crs CRS --layers DIR | --fact name=value ...) [flags]",
		GroupID: groupDecide,
		Short:   "List what the rules restrict at a place on a day",
		Long: `List every activity the rules restrict at a place on a day, grouped by
notice, with the duties that apply there: what a patrol officer's screen
shows. The place is a point with place layers, or facts about it.`,
		Example: `  tonggao here --lat 26.3534 --lon 111.7616 --crs wgs84 --layers DIR --at 2025-07-10
  tonggao here --fact in_forest_land=true --json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			eng, q, err := qf.build(a.now)
			if err != nil {
				return err
			}
			h, err := eng.Here(q)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.stdout, h, true)
			}
			writeHere(a.stdout, h, eng.Rules())
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	qf = addQueryFlags(cmd.Flags())
	a.registerRuleCompletions(cmd, qf.rules)
	return cmd
}

func writeHere(w io.Writer, h *engine.Here, set *rules.Set) {
	if h.At != nil {
		fmt.Fprintf(w, "%s 此地\n", minuteText(*h.At))
	} else {
		fmt.Fprintf(w, "%s 此地\n", h.Date)
	}
	// What the conditions feed publishes for the place and day (the day's
	// fire-danger level first) heads the screen.
	for _, n := range h.Published {
		fmt.Fprintf(w, "  %s\n", noteText(hotline.ZH, n))
	}
	labels := func(names []string) string {
		out := make([]string, len(names))
		for i, name := range names {
			out[i] = factLabel(set, hotline.ZH, name)
		}
		return strings.Join(out, "、")
	}
	for _, f := range h.Facts {
		src := ""
		if f.Source != "" {
			src = "（" + f.Source + "）"
		}
		fmt.Fprintf(w, "  %s = %v%s\n", f.Name, f.Value, src)
	}
	for _, n := range h.Notices {
		fmt.Fprintf(w, "\n%s《%s》\n", n.Notice, n.Title)
		for _, win := range n.Windows {
			if !win.Start.IsZero() {
				fmt.Fprintf(w, "  时段：%s %s—%s\n", win.Name, minuteText(win.Start), minuteText(win.End))
				continue
			}
			fmt.Fprintf(w, "  时段：%s %s—%s\n", win.Name, win.From, win.To)
		}
		if len(n.Restricted) == 0 {
			fmt.Fprintln(w, "  此地此日无禁止事项")
		}
		for _, r := range n.Restricted {
			var arts []string
			for _, a := range r.Articles {
				arts = append(arts, articleName(a))
			}
			extra := ""
			if len(r.UnknownFacts) > 0 {
				extra = "（取决于：" + labels(r.UnknownFacts) + "）"
			}
			if len(r.Hours) > 0 {
				var hours []string
				for _, p := range r.Hours {
					hours = append(hours, p.From+"—"+p.To)
				}
				extra += "（当天" + strings.Join(hours, "、") + "）"
			}
			fmt.Fprintf(w, "  %s %s：%s%s\n", verdictWord(r.Verdict), r.Activity.Name, strings.Join(arts, "、"), extra)
		}
		for _, d := range n.Duties {
			cond := ""
			if d.Value == "unknown" {
				cond = "（是否适用取决于：" + labels(d.UnknownFacts) + "）"
			}
			fmt.Fprintf(w, "  职责 %s（%s）：%s%s\n", articleName(d.Article), d.Who, d.Text, cond)
		}
		for _, c := range n.Contacts {
			fmt.Fprintf(w, "  联系：%s %s\n", c.Name, c.Dial(" 或 "))
		}
	}
}
