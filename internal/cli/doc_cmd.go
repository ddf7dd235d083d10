package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/hotline"
	"github.com/tonggao/tonggao/register"
)

// docCmd is "tonggao doc NUMBER": the status of a document in the
// register on a day.
func (a *app) docCmd() *cobra.Command {
	var (
		at     string
		lang   string
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
			l, err := hotline.ParseLang(lang)
			if err != nil {
				return usageErrorf("--lang: %v", err)
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
				return writeJSON(a.stdout, catalog().Document(l, st), false)
			}
			writeDocText(a.stdout, l, st, day)
			return nil
		},
	}
	cmd.Flags().StringVar(&at, "at", "", "`DAY` to ask about: YYYY-MM-DD, or a time whose day counts (default today in China)")
	cmd.Flags().StringVar(&lang, "lang", "zh", "`language` of the labels and notes: zh or en (titles and quotations stay as printed)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the status as JSON")
	rf = addRuleFlags(cmd.Flags())
	return cmd
}

func writeDocText(w io.Writer, l hotline.Lang, st register.Status, day calendar.Date) {
	t := func(key string, kv ...string) string { return catalog().T(l, key, kv...) }
	fmt.Fprintln(w, t("doc.number", "number", st.Number))
	if st.Title != "" {
		fmt.Fprintln(w, t("doc.title", "title", st.Title))
	}
	fmt.Fprintln(w, t("doc.status", "day", day.String(), "status", t("doc.status."+st.Status), "code", st.Status))
	switch {
	case st.ValidFrom != nil && st.ValidUntil != nil:
		fmt.Fprintln(w, t("doc.valid", "from", st.ValidFrom.String(), "to", st.ValidUntil.String()))
	case st.ValidFrom != nil:
		fmt.Fprintln(w, t("doc.valid_from", "from", st.ValidFrom.String()))
	case st.ValidUntil != nil:
		fmt.Fprintln(w, t("doc.valid_until", "to", st.ValidUntil.String()))
	}
	if st.ChangedBy != "" {
		fmt.Fprintln(w, t("doc.changed_by", "by", st.ChangedBy))
	}
	if len(st.Notes) > 0 {
		fmt.Fprintln(w, t("doc.notes"))
		for _, n := range catalog().RegisterNotes(l, st.Notes) {
			fmt.Fprintf(w, "  - %s\n", n)
		}
	}
}
