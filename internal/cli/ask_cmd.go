package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/tonggao/tonggao/calendar"
	"github.com/tonggao/tonggao/hotline"
)

// maxStdinQuestion bounds a question read from standard input: a spoken
// question is a sentence or two, and a runaway pipe must not be read whole.
const maxStdinQuestion = 64 << 10

// askCmd is "tonggao ask QUESTION": a caller's question in Chinese,
// answered as the operator reads it out (or as JSON).
func (a *app) askCmd() *cobra.Command {
	var (
		at, date, activity, lang string
		division, town           string
		asJSON, exitCode         bool
		facts                    []string
		rf                       *ruleFlags
		cf                       *conditionsFlag
	)
	cmd := &cobra.Command{
		Use:     "ask QUESTION... | -",
		GroupID: groupDecide,
		Short:   "Answer a caller's question in Chinese, as a hotline operator reads it out",
		Long: `Answer a caller's question in Chinese (or English with --lang en), as a
hotline operator reads it out: the verdict, why, and the one question to ask
next when the answer depends on something the caller did not say. Give the
question as arguments, or - to read it from standard input.`,
		Example: `  tonggao ask "我在白水镇，今天能烧秸秆吗"
  tonggao ask 10月3日烧田埂行不行 --at 2024-09-20 --fact distance_to_forest_m=80
  echo 今天能烧秸秆吗 | tonggao ask -`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			question, err := a.question(args)
			if err != nil {
				return err
			}
			if question == "" && activity == "" {
				return usageErrorf(`give the question, e.g. tonggao ask "今天能烧秸秆吗"`)
			}
			l, err := hotline.ParseLang(lang)
			if err != nil {
				return usageErrorf("--lang: %v", err)
			}
			now, err := parseAt(at, a.now)
			if err != nil {
				return err
			}
			today := now.Day()
			if a.process {
				oneShot()
			}
			eng, err := rf.load()
			if err != nil {
				return err
			}
			if eng, err = cf.apply(eng); err != nil {
				return err
			}
			h, err := hotline.New(eng, rf.vocabulary()...)
			if err != nil {
				return failed("bad_rules", err)
			}
			req := hotline.Request{Question: question, Today: today, At: now, Activity: activity, Lang: l}
			if date != "" {
				m, err := calendar.ParseMoment(date)
				d := m.Day()
				if err != nil {
					return badInput("bad_date", fmt.Errorf("--date: %w", err))
				}
				req.Date = &d
			}
			if req.Facts, err = parseFacts(eng.Rules(), facts); err != nil {
				return err
			}
			if req.Place, err = placeOf(eng.Rules().Divisions, division, town); err != nil {
				return err
			}
			ans, q, err := h.Ask(req)
			if err != nil {
				ce := classify(err)
				if q != nil {
					ce = &cliError{status: ce.status, code: ce.code, err: ce.err, query: q}
				}
				return ce
			}
			if asJSON {
				if err := writeJSON(a.stdout, ans, true); err != nil {
					return err
				}
			} else {
				writeSpoken(a.stdout, h, ans)
			}
			if ans.Verdict == hotline.NotUnderstood {
				// Nothing to decide on: the answer says what to ask; the
				// status says no decision was made.
				return &cliError{status: exitUsage, code: "no_activity"}
			}
			if exitCode {
				return exitStatus(statusOf(ans.Verdict))
			}
			return nil
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&at, "at", "", "`TIME` of the call: a day (YYYY-MM-DD) or a minute (\"YYYY-MM-DD HH:MM\" China time, or RFC 3339); 今天/明天 count from its day; default now, in China")
	fs.StringVar(&date, "date", "", "the `DAY` asked about, replacing what the question says")
	fs.StringVar(&activity, "activity", "", "the `activity`, replacing what the question says")
	rf = addRuleFlags(fs)
	cf = addConditionsFlag(fs)
	fs.StringVar(&lang, "lang", "zh", "answer `language`: zh or en")
	fs.BoolVar(&asJSON, "json", false, "print the answer as JSON (errors too, as {\"error\":{\"code\",\"message\"}})")
	fs.BoolVar(&exitCode, "exit-code", false, "exit with the verdict's status: 0 allowed, 3 forbidden, 4 conditional, 5 no_rule")
	fs.StringArrayVar(&facts, "fact", nil, "an added fact `name=value` (repeatable): the caller's reply to a follow-up question")
	fs.StringVar(&division, "division", "", "the place asked about: a GB/T 2260 division `CODE` (431181; 431181107 for a township), e.g. the hotline's own county")
	fs.StringVar(&town, "town", "", "the place asked about: a township `NAME` from the rules' divisions.csv (白水镇)")
	a.registerRuleCompletions(cmd, rf)
	return cmd
}

// question joins the words of the question, or reads it from standard
// input when the only word is "-".
func (a *app) question(args []string) (string, error) {
	if len(args) != 1 || args[0] != "-" {
		return strings.TrimSpace(strings.Join(args, " ")), nil
	}
	b, err := io.ReadAll(io.LimitReader(a.stdin, maxStdinQuestion+1))
	if err != nil {
		return "", badInput("bad_input", fmt.Errorf("reading the question from standard input: %w", err))
	}
	if len(b) > maxStdinQuestion {
		return "", badInput("bad_input", fmt.Errorf("the question on standard input is over %d KiB", maxStdinQuestion>>10))
	}
	return strings.TrimSpace(string(b)), nil
}

// writeSpoken prints the spoken answer, then for the operator the answer to
// each reply to the follow-up question and the words not understood.
func writeSpoken(w io.Writer, h *hotline.Hotline, ans *hotline.Answer) {
	c, l := h.Catalog(), ans.Lang
	fmt.Fprintln(w, ans.Answer)
	for _, f := range ans.FollowUp {
		for _, r := range f.Replies {
			fmt.Fprintln(w, "  "+c.T(l, "follow.reply", "reply", r.Label, "verdict", r.Answer))
		}
	}
	if ans.Query != nil && len(ans.Query.NotUnderstood) > 0 {
		fmt.Fprintln(w, c.T(l, "not_understood", "words", strings.Join(ans.Query.NotUnderstood, c.T(l, "list.sep"))))
	}
}
