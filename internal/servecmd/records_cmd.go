package servecmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/tonggao/tonggao/bundle"
	"github.com/tonggao/tonggao/engine"
	"github.com/tonggao/tonggao/internal/cli"
	"github.com/tonggao/tonggao/records"
)

// recordsCmd is "tonggao records": look decision records up, list them,
// replay one.
func (a *app) recordsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "records",
		GroupID: cli.GroupService,
		Short:   "Look up, list and replay the decision records of tonggao serve --records",
		Long: `Read the decision records that tonggao serve --records keeps: one per answered
POST /v1/decisions and /v1/ask (request id, time, query, verdict, cited
articles, answer read aloud, rule-set digest, feed digest, client). --records
names the database as serve was given it: a SQLite file or a postgres:// URL
(also TONGGAO_RECORDS).`,
		Args: cli.SubcommandArgs,
		RunE: a.RunParent,
	}
	cmd.AddCommand(a.recordsGetCmd(), a.recordsListCmd(), a.recordsReplayCmd())
	return cmd
}

// recordsFlag adds --records and returns a function opening the store.
func (a *app) recordsFlag(cmd *cobra.Command) func(context.Context) (*records.Store, error) {
	var target string
	cmd.Flags().StringVar(&target, "records", "", "the records database: a SQLite `PATH` or a postgres:// URL")
	cmd.Annotations = map[string]string{cli.EnvAnnotation: "true"}
	return func(ctx context.Context) (*records.Store, error) {
		if err := a.ApplyEnv(cmd); err != nil {
			return nil, err
		}
		if target == "" {
			return nil, cli.UsageErrorf("--records PATH|URL (or TONGGAO_RECORDS) is required")
		}
		s, err := records.Open(ctx, target)
		if err != nil {
			return nil, cli.BadInput("bad_records", err)
		}
		return s, nil
	}
}

func oneID(_ *cobra.Command, args []string) error {
	if len(args) != 1 {
		return cli.UsageErrorf("want one request id, got %d arguments", len(args))
	}
	return nil
}

func (a *app) recordsGetCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "get ID",
		Short:   "Show the decision record of a request id",
		Example: `  tonggao records get 3f2a9c1e-42 --records /var/lib/tonggao/records.db`,
		Args:    oneID,
	}
	open := a.recordsFlag(cmd)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		ctx := context.Background()
		s, err := open(ctx)
		if err != nil {
			return err
		}
		defer s.Close()
		es, err := s.Get(ctx, args[0])
		if err != nil {
			return cli.BadInput("bad_records", err)
		}
		return a.writeEntries(es, asJSON, true)
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the records as JSON")
	return cmd
}

func (a *app) recordsListCmd() *cobra.Command {
	var asJSON bool
	var from, to string
	var limit int
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the decision records of a time range",
		Long: `List the decision records with --from ≤ time < --to, oldest first. A day alone
is that day from 00:00 China time; --to defaults to now, --from to a day
before --to.`,
		Example: `  tonggao records list --from 2024-10-03 --to 2024-10-04 --records postgres://tonggao@db/tonggao`,
		Args:    cli.NoArgs,
	}
	open := a.recordsFlag(cmd)
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		end := time.Now()
		if to != "" {
			t, err := cli.ParseInstant(to)
			if err != nil {
				return cli.BadInput("bad_date", fmt.Errorf("--to: %w", err))
			}
			end = t
		}
		start := end.Add(-24 * time.Hour)
		if from != "" {
			t, err := cli.ParseInstant(from)
			if err != nil {
				return cli.BadInput("bad_date", fmt.Errorf("--from: %w", err))
			}
			start = t
		}
		ctx := context.Background()
		s, err := open(ctx)
		if err != nil {
			return err
		}
		defer s.Close()
		es, err := s.List(ctx, start, end, limit)
		if err != nil {
			return cli.BadInput("bad_records", err)
		}
		return a.writeEntries(es, asJSON, false)
	}
	fs := cmd.Flags()
	fs.StringVar(&from, "from", "", "first `moment` (YYYY-MM-DD, YYYY-MM-DD HH:MM China time, or RFC 3339)")
	fs.StringVar(&to, "to", "", "end `moment`, excluded (default now)")
	fs.IntVar(&limit, "limit", 100, "most `records` to list")
	fs.BoolVar(&asJSON, "json", false, "print the records as JSON")
	return cmd
}

func (a *app) recordsReplayCmd() *cobra.Command {
	var asJSON, current bool
	var bundleStore string
	cmd := &cobra.Command{
		Use:   "replay ID",
		Short: "Decide a record again under the rule set it names and report any difference",
		Long: `Decide a record's query again under the rule set that answered it — kept by
digest in the records database by serve --records — and compare the new
decision with what the record kept: its outline (day, verdict, each
reason's rule and status, unknown facts, next change, place), or, in a
record of the first format, every field of the decision but the receipt.
--json prints the whole decision re-derived. With --current
the query is decided under the rules the --rules and --embedded flags load
instead: what would the service say today? With --bundle-store, under the
bundle that serve --bundle-url kept for the record's rule set (its rules,
register and layers as they were).

Exit status 0 when the decisions are the same, 1 (replay_differs) when they
differ.`,
		Example: `  tonggao records replay 3f2a9c1e-42 --records records.db
  tonggao records replay 3f2a9c1e-42 --records records.db --current --rules rules`,
		Args: oneID,
	}
	open := a.recordsFlag(cmd)
	rf := cli.AddRuleFlags(cmd.Flags(), false)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		ctx := context.Background()
		s, err := open(ctx)
		if err != nil {
			return err
		}
		defer s.Close()
		es, err := s.Get(ctx, args[0])
		if err != nil {
			return cli.BadInput("bad_records", err)
		}
		e := es[len(es)-1]
		var eng *engine.Engine
		if current {
			if eng, err = rf.Load(); err != nil {
				return err
			}
		} else if bundleStore != "" {
			if eng, err = keptBundleEngine(bundleStore, e.RuleSet); err != nil {
				return err
			}
		} else if eng, err = keptEngine(ctx, s, e.RuleSet); err != nil {
			return err
		}
		r, err := records.Replay(e, eng)
		if errors.Is(err, records.ErrNoDecision) || errors.Is(err, records.ErrFormat) {
			return cli.BadInput("bad_records", err)
		} else if err != nil {
			return cli.BadInput("bad_fact", err)
		}
		if asJSON {
			if err := cli.WriteJSON(a.Stdout, r, true); err != nil {
				return err
			}
		} else {
			fmt.Fprintf(a.Stdout, "record %s at %s\n  rule set %s\n  replayed under %s\n", e.RequestID, e.Time.Local().Format(time.RFC3339), r.RuleSet, r.Under)
			fmt.Fprintf(a.Stdout, "  verdict %s (was %s)\n  cited %s (was %s)\n", r.Verdict, r.Was, orNone(r.Cited), orNone(r.WasCit))
			if r.Same {
				fmt.Fprintln(a.Stdout, "  same decision")
			} else {
				fmt.Fprintf(a.Stdout, "  differs in: %s\n", strings.Join(r.Differences, ", "))
			}
		}
		if !r.Same {
			return cli.Failed("replay_differs", nil)
		}
		return nil
	}
	fs := cmd.Flags()
	fs.BoolVar(&current, "current", false, "decide under the rules the --rules and --embedded flags load, not the record's own")
	fs.BoolVar(&asJSON, "json", false, "print the replay as JSON")
	fs.StringVar(&bundleStore, "bundle-store", "", "decide under the bundle kept for the record's rule set in `DIR` (serve --bundle-store)")
	hideRuleFlags(fs)
	return cmd
}

// hideRuleFlags leaves the rule flags usable but says they go with
// --current.
func hideRuleFlags(fs *pflag.FlagSet) {
	fs.Lookup("rules").Usage = "with --current: " + fs.Lookup("rules").Usage
	fs.Lookup("embedded").Usage = "with --current: " + fs.Lookup("embedded").Usage
}

// keptEngine builds the engine of a rule set kept in the records database.
func keptEngine(ctx context.Context, s *records.Store, digest string) (*engine.Engine, error) {
	archive, err := s.RuleSet(ctx, digest)
	if err != nil {
		return nil, cli.BadInput("bad_records", fmt.Errorf("%w (replay --current decides under the rules loaded now)", err))
	}
	roots, err := records.Unarchive(archive)
	if err != nil {
		return nil, cli.BadInput("bad_records", err)
	}
	eng, err := cli.LoadRoots(roots)
	if err != nil {
		return nil, err
	}
	if got := eng.Receipt().RuleSet; got != digest {
		return nil, cli.BadInput("bad_records", fmt.Errorf("rule set kept as %s loads as %s", digest, got))
	}
	return eng, nil
}

// keptBundleEngine is the engine of the bundle kept in a bundle store for
// a rule set.
func keptBundleEngine(dir, ruleSet string) (*engine.Engine, error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, cli.BadInput("bad_bundle", fmt.Errorf("--bundle-store %s: not a directory", dir))
	}
	s, err := bundle.NewStore(dir)
	if err != nil {
		return nil, cli.BadInput("bad_bundle", err)
	}
	b, err := s.Open(ruleSet)
	if err != nil {
		return nil, cli.BadInput("bad_bundle", err)
	}
	return b.Engine, nil
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// printEntry writes a record for a person: one line, or all of it.
func printEntry(w io.Writer, e records.Entry, full bool) error {
	_, err := fmt.Fprintf(w, "%s  %s  %s  %s  %s  %s\n", e.Time.Local().Format(time.RFC3339), e.RequestID, e.Route, orNone(e.Activity), e.Verdict, orNone(e.Cited))
	if err != nil || !full {
		return err
	}
	if e.Question != "" {
		fmt.Fprintf(w, "  question  %s\n", e.Question)
	}
	if e.Answer != "" {
		fmt.Fprintf(w, "  answer    %s\n", e.Answer)
	}
	fmt.Fprintf(w, "  rule set  %s\n", e.RuleSet)
	if e.Bundle != "" {
		fmt.Fprintf(w, "  bundle    %s\n", e.Bundle)
	}
	if e.Feed != "" {
		fmt.Fprintf(w, "  feed      %s\n", e.Feed)
	}
	fmt.Fprintf(w, "  client    %s\n  query     %s\n", e.Client, e.Query)
	return nil
}

// writeEntries prints records as `records get` and `records list` do: one
// JSON object holding them all, or each in text (long: with its answer).
func (a *app) writeEntries(es []records.Entry, asJSON, long bool) error {
	if asJSON {
		return cli.WriteJSON(a.Stdout, map[string]any{"records": es}, true)
	}
	for _, e := range es {
		if err := printEntry(a.Stdout, e, long); err != nil {
			return err
		}
	}
	return nil
}
