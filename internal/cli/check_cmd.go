package cli

import (
	"github.com/spf13/cobra"
	"github.com/tonggao/tonggao/hotline"
)

// checkCmd is "tonggao check": one decision, as an operator reads it out or
// as JSON.
func (a *app) checkCmd() *cobra.Command {
	var (
		activity string
		asJSON   bool
		lang     string
		exitCode bool
		qf       *queryFlags
	)
	cmd := &cobra.Command{
		Use:     "check --activity NAME [flags]",
		GroupID: groupDecide,
		Short:   "Decide whether an activity is allowed at a time and place",
		Long: `Decide whether an activity is allowed on a day at a place: the verdict
(forbidden, allowed, conditional or no_rule) with the articles it rests on,
what each unknown fact would change, and when the answer next changes.
No rule is never "allowed".`,
		Example: `  tonggao check --activity 烧田埂 --at 2024-10-03 --fact distance_to_forest_m=50
  tonggao check --activity 野炊 --at 2024-11-11 --fact distance_to_forest_m=95..105 --json
  tonggao check --activity 野炊 --lat 26.35 --lon 111.76 --crs wgs84 --layers DIR
  tonggao check --activity 烧田埂 --exit-code && echo allowed`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if activity == "" {
				return usageErrorf("--activity is required")
			}
			l, err := hotline.ParseLang(lang)
			if err != nil {
				return usageErrorf("--lang: %v", err)
			}
			eng, q, err := qf.build(a.now)
			if err != nil {
				return err
			}
			q.Activity = activity
			d, err := eng.Decide(q)
			if err != nil {
				return err
			}
			if asJSON {
				if err := writeJSON(a.stdout, d, true); err != nil {
					return err
				}
			} else {
				writeDecision(a.stdout, d, l, eng.Rules())
			}
			if exitCode {
				return exitStatus(statusOf(d.Verdict))
			}
			return nil
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&activity, "activity", "", "`activity`: id, Chinese name or synonym (e.g. 烧田埂)")
	fs.BoolVar(&asJSON, "json", false, "print the decision as JSON")
	fs.StringVar(&lang, "lang", "zh", "`language` of the printed decision: zh or en (the rule text is quoted as written)")
	fs.BoolVar(&exitCode, "exit-code", false, "exit with the verdict's status: 0 allowed, 3 forbidden, 4 conditional, 5 no_rule")
	qf = addQueryFlags(fs)
	a.registerRuleCompletions(cmd, qf.rules)
	return cmd
}
