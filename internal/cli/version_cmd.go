package cli

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/tonggao/tonggao/internal/buildinfo"
)

// versionJSON is the --json form of "tonggao version".
type versionJSON struct {
	buildinfo.Info
	RuleSet     string `json:"rule_set"`
	HolidayData string `json:"holiday_data"`
}

// versionCmd is "tonggao version": which build this is and which rules it
// answers with.
func (a *app) versionCmd() *cobra.Command {
	var (
		asJSON bool
		rf     *ruleFlags
	)
	cmd := &cobra.Command{
		Use:   "version [flags]",
		Short: "Show the build's version, VCS revision and rule-set digest",
		Long: `Show the module version and the version-control revision and time the
binary was built from, and the digest of the rule set it answers with (the
embedded rule base, or the --rules directories): the same digest every
decision's receipt names.`,
		Example: "  tonggao version --json",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			eng, err := rf.load()
			if err != nil {
				return err
			}
			rec := eng.Receipt()
			v := versionJSON{Info: buildinfo.Read(), RuleSet: rec.RuleSet, HolidayData: rec.HolidayData}
			if asJSON {
				return writeJSON(a.stdout, v, true)
			}
			fmt.Fprintf(a.stdout, "tonggao %s\n", v.Short())
			if v.Module != "" {
				fmt.Fprintf(a.stdout, "module   %s\n", v.Module)
			}
			fmt.Fprintf(a.stdout, "rules    %s\nholidays %s\ngo       %s\n", v.RuleSet, v.HolidayData, v.GoVersion)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	rf = addRuleFlags(cmd.Flags())
	return cmd
}

// completionCmd is "tonggao completion SHELL": a completion script.
func (a *app) completionCmd() *cobra.Command {
	var noDesc bool
	cmd := &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Write a shell completion script",
		Long: `Write the completion script for a shell to standard output. Load it in the
current shell, or install it where the shell looks:

  bash:  source <(tonggao completion bash)
         tonggao completion bash > /etc/bash_completion.d/tonggao
  zsh:   tonggao completion zsh > "${fpath[1]}/_tonggao"
  fish:  tonggao completion fish > ~/.config/fish/completions/tonggao.fish
  powershell: tonggao completion powershell | Out-String | Invoke-Expression`,
		ValidArgs: []string{"bash", "zsh", "fish", "powershell"},
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErrorf("want one shell: bash, zsh, fish or powershell")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			root, w := cmd.Root(), a.stdout
			var err error
			switch args[0] {
			case "bash":
				err = root.GenBashCompletionV2(w, !noDesc)
			case "zsh":
				if noDesc {
					err = root.GenZshCompletionNoDesc(w)
				} else {
					err = root.GenZshCompletion(w)
				}
			case "fish":
				err = root.GenFishCompletion(w, !noDesc)
			case "powershell":
				if noDesc {
					err = root.GenPowerShellCompletion(w)
				} else {
					err = root.GenPowerShellCompletionWithDesc(w)
				}
			default:
				return usageErrorf("unknown shell %q: want bash, zsh, fish or powershell", args[0])
			}
			if err != nil {
				return failed("output", err)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&noDesc, "no-descriptions", false, "leave out the descriptions of commands and flags")
	return cmd
}
