package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/register"
)

// docCmd is "tonggao doc NUMBER": the status of a document in the
// register on a day.
func (a *app) docCmd() *cobra.Command {
	var (
		at     string
		asJSON bool
		rf     *ruleFlags
	)
	cmd := &cobra.Command{
		Use:     "doc NUMBER [flags]",
		GroupID: groupData,
		Short:   "Look up a document in the register of documents in force",
		Long: `Show whether a document is in force on a day, from the register of
documents the rules carry (the list of normative documents in force, and
every encoded notice). NUMBER may use any brackets: 祁政发〔2019〕23号,
祁政发(2019)23号, 祁政发【2019】23 …

A well-formed number the register cannot place has the status unknown,
with the reason in its notes (exit status 0); a malformed number is bad
input (exit status 2).`,
		Example: `  tonggao doc 祁政发〔2019〕23号 --at 2024-10-01
  tonggao doc 祁政通〔2024〕7号 --json`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf("missing document number, e.g. tonggao doc 祁政发〔2019〕23号")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			// Spaces are insignificant in a number, so an unquoted
			// 祁政发 〔2019〕 23号 arriving as three arguments is one number.
			n, err := register.ParseNumber(strings.Join(args, " "))
			if err != nil {
				return badInput("bad_number", err)
			}
			day := calendar.LocalDay(a.now())
			if at != "" {
				m, err := calendar.ParseMoment(at)
				if err != nil {
					return badInput("bad_date", fmt.Errorf("--at: %w", err))
				}
				day = m.Day()
			}
			// The engine's register holds the decision's list and every
			// encoded notice, checked against each other.
			eng, err := rf.load()
			if err != nil {
				return err
			}
			// A number the register cannot place is an answer (unknown,
			// and why), not an error: the question was well formed.
			st := eng.Register().Status(n, day)
			if asJSON {
				return writeJSON(a.stdout, st, false)
			}
			writeDocText(a.stdout, st, day)
			return nil
		},
	}
	cmd.Flags().StringVar(&at, "at", "", "`DAY` to ask about: YYYY-MM-DD, or a time whose day counts (default today in China)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the status as JSON")
	rf = addRuleFlags(cmd.Flags())
	return cmd
}

// statusChinese names each status in Chinese for the plain-text output.
var statusChinese = map[string]string{
	register.InForce:       "有效",
	register.NotYetInForce: "尚未施行",
	register.Expired:       "有效期已满",
	register.Invalidated:   "已宣布失效",
	register.Abolished:     "已废止",
	register.Unknown:       "不明",
}

func writeDocText(w io.Writer, st register.Status, day calendar.Date) {
	fmt.Fprintf(w, "文号：%s\n", st.Number)
	if st.Title != "" {
		fmt.Fprintf(w, "标题：%s\n", st.Title)
	}
	fmt.Fprintf(w, "状态（%s）：%s（%s）\n", day, statusChinese[st.Status], st.Status)
	switch {
	case st.ValidFrom != nil && st.ValidUntil != nil:
		fmt.Fprintf(w, "有效期：%s 至 %s\n", st.ValidFrom, st.ValidUntil)
	case st.ValidFrom != nil:
		fmt.Fprintf(w, "施行日期：%s\n", st.ValidFrom)
	case st.ValidUntil != nil:
		fmt.Fprintf(w, "失效时间：%s\n", st.ValidUntil)
	}
	if st.ChangedBy != "" {
		fmt.Fprintf(w, "依据：%s\n", st.ChangedBy)
	}
	if len(st.Notes) > 0 {
		fmt.Fprintln(w, "说明：")
		for _, n := range st.Notes {
			fmt.Fprintf(w, "  - %s\n", n)
		}
	}
}
