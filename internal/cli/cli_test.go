package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tonggao/tonggao/engine"
)

// The conventions every command keeps: help on stdout, "did you mean" for
// commands and flags, exit statuses, JSON errors.
func TestConventions(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		out    []string // substrings of stdout
		errs   []string // substrings of stderr
		noOut  bool
		noErrs bool
	}{
		{"no command is bad usage, usage on stderr", nil, 2, nil, []string{"Usage:\n  tonggao [flags]\n  tonggao [command]", "check"}, true, false},
		{"--help on stdout", []string{"--help"}, 0, []string{"Decisions:", "check", "Use \"tonggao [command] --help\""}, nil, false, true},
		{"help command", []string{"help"}, 0, []string{"Decisions:"}, nil, false, true},
		{"help for a command", []string{"help", "check"}, 0, []string{"Usage:\n  tonggao check --activity NAME [flags]", "--exit-code", "-h, --help"}, nil, false, true},
		{"help for a subcommand", []string{"help", "layers", "describe"}, 0, []string{"tonggao layers describe DIR"}, nil, false, true},
		{"-h of a command", []string{"ask", "-h"}, 0, []string{"tonggao ask -"}, nil, false, true},
		{"mistyped command", []string{"chek"}, 2, nil, []string{`tonggao: unknown command "chek" (did you mean check?)`, "Run 'tonggao --help'"}, true, false},
		{"mistyped help topic", []string{"help", "windw"}, 2, nil, []string{`unknown command "windw" (did you mean window?)`}, true, false},
		{"mistyped flag", []string{"check", "--actvity", "烧田埂"}, 2, nil, []string{"tonggao check: unknown flag: --actvity (did you mean --activity?)", "Run 'tonggao check --help'"}, true, false},
		{"mistyped flag of a command that parses its own", []string{"window", "annual 01-01", "--yaer", "2024"}, 2, nil, []string{"unknown flag: --yaer (did you mean --year?)"}, true, false},
		{"a long flag with one dash, as Go's flag package took it", []string{"check", "-activity", "烧田埂", "-at=2024-10-03", "-fact", "distance_to_forest_m=50"}, 0, []string{"不可以"}, nil, false, true},
		{"--o, as Go's flag package took it", []string{"ics", "--o", "-", "--year", "2025", "--stamp", "2025-01-01T00:00:00Z"}, 0, []string{"BEGIN:VCALENDAR"}, nil, false, true},
		{"a flag value that is not a number", []string{"check", "--activity", "野炊", "--lat", "north"}, 2, nil, []string{`invalid argument "north" for "--lat"`}, true, false},
		{"a stray argument", []string{"check", "--activity", "野炊", "now"}, 2, nil, []string{`unexpected argument "now"`}, true, false},
		{"completion, bash", []string{"completion", "bash"}, 0, []string{"bash completion V2 for tonggao"}, nil, false, true},
		{"completion, zsh", []string{"completion", "zsh"}, 0, []string{"#compdef tonggao"}, nil, false, true},
		{"completion, fish", []string{"completion", "fish"}, 0, []string{"complete -c tonggao"}, nil, false, true},
		{"completion of an unknown shell", []string{"completion", "tcsh"}, 2, nil, []string{`unknown shell "tcsh"`}, true, false},
		{"completion without a shell", []string{"completion"}, 2, nil, []string{"want one shell"}, true, false},
		{"completion of commands", []string{"__complete", "ch"}, 0, []string{"check\t"}, nil, false, false},
		{"completion of flags", []string{"__complete", "check", "--act"}, 0, []string{"--activity\t"}, nil, false, false},
		{"completion of activities", []string{"__complete", "check", "--activity", "烧田"}, 0, []string{"烧田埂\n"}, nil, false, false},
		{"completion of fact names", []string{"__complete", "check", "--fact", "fire_z"}, 0, []string{"fire_zone=\t"}, nil, false, false},
		{"completion of fact values", []string{"__complete", "here", "--fact", "fire_zone="}, 0, []string{"fire_zone=key\n", "fire_zone=general\n"}, nil, false, false},
		{"completion of a fixed list", []string{"__complete", "ask", "--lang", ""}, 0, []string{"zh\n", "en\n"}, nil, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCmd(tc.args...)
			require.Equal(t, tc.code, code, "stdout: %s\nstderr: %s", out, errs)
			for _, s := range tc.out {
				require.Contains(t, out, s)
			}
			for _, s := range tc.errs {
				require.Contains(t, errs, s)
			}
			if tc.noOut {
				require.Empty(t, out)
			}
			if tc.noErrs {
				require.Empty(t, errs)
			}
		})
	}
}

// --exit-code gives each verdict its own status; without it an answer is 0
// whatever the verdict.
func TestExitCodeByVerdict(t *testing.T) {
	for _, tc := range []struct {
		verdict string
		args    []string
		status  int
	}{
		{"allowed", []string{"--activity", "pick_oil_tea", "--at", "2024-10-10", "--fact", "oil_tea_variety=寒露籽", "--fact", "own_land=true"}, 0},
		{"forbidden", []string{"--activity", "烧田埂", "--at", "2024-10-03", "--fact", "distance_to_forest_m=50"}, 3},
		{"conditional", []string{"--activity", "烧田埂", "--at", "2024-10-03"}, 4},
		{"no_rule", []string{"--activity", "烧田埂", "--at", "2025-07-03", "--fact", "distance_to_forest_m=500"}, 5},
	} {
		t.Run(tc.verdict, func(t *testing.T) {
			code, out, errs := runCmd(append([]string{"check", "--json"}, tc.args...)...)
			require.Equal(t, 0, code, errs)
			require.Contains(t, out, `"verdict": "`+tc.verdict+`"`)
			code, _, errs = runCmd(append([]string{"check", "--exit-code"}, tc.args...)...)
			require.Equal(t, tc.status, code, errs)
			require.Empty(t, errs, "a verdict is not an error")
			require.Equal(t, tc.status, statusOf(verdictOf(t, tc.verdict)))
		})
	}
	code, _, _ := runCmd("ask", "10月3日烧田埂行不行", "--at", "2024-09-20", "--exit-code")
	require.Equal(t, 4, code, "ask: conditional")
	code, _, _ = runCmd("check", "--activity", "烧田埂", "--at", "2024-02-30", "--exit-code")
	require.Equal(t, 2, code, "an error is not a verdict")
}

// With --json an error is a JSON object on stdout too, in the HTTP API's
// shape, with the same codes.
func TestJSONErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code string
	}{
		{[]string{"check", "--json", "--activity", "烧田梗"}, "unknown_activity"},
		{[]string{"check", "--json", "--activity", "烧田埂", "--fact", "distance=5"}, "bad_fact"},
		{[]string{"check", "--json", "--activity", "野炊", "--fact", "in_forest_land=true", "--fact", "distance_to_forest_m=50"}, "contradictory_facts"},
		{[]string{"check", "--json", "--activity", "烧田埂", "--at", "2024-02-30"}, "bad_date"},
		{[]string{"check", "--json"}, "bad_usage"},
		{[]string{"check", "--bogus", "--json"}, "bad_usage"},
		{[]string{"check", "--json", "--activity", "烧田埂", "--rules", "/nonexistent"}, "bad_rules"},
		{[]string{"ask", "--json"}, "bad_usage"},
		{[]string{"here", "--json", "--lat", "26"}, "bad_usage"},
		{[]string{"date", "2024-02-30", "--json"}, "bad_date"},
		{[]string{"terms", "1800", "--json"}, "date_out_of_range"},
		{[]string{"window", "solar-term 清民", "--json"}, "bad_window"},
		{[]string{"version", "--json", "--rules", "/nonexistent"}, "bad_rules"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, out, errs := runCmd(tc.args...)
			require.Equal(t, 2, code)
			var top map[string]json.RawMessage
			dec := json.NewDecoder(strings.NewReader(out))
			require.NoError(t, dec.Decode(&top), out)
			require.False(t, dec.More(), "one JSON value")
			for k := range top {
				require.Contains(t, []string{"error", "query"}, k)
			}
			var body struct {
				Error struct {
					Code    string `json:"code"`
					Message string `json:"message"`
				} `json:"error"`
				Query *struct {
					NotUnderstood []string `json:"not_understood"`
				} `json:"query"`
			}
			require.NoError(t, json.Unmarshal([]byte(out), &body))
			require.Equal(t, tc.code, body.Error.Code, out)
			require.NotEmpty(t, body.Error.Message)
			require.Contains(t, errs, strings.SplitN(body.Error.Message, "\n", 2)[0], "the message goes to stderr too")
			if tc.code == "no_activity" {
				require.Equal(t, []string{"养猫"}, body.Query.NotUnderstood, "the parsed question comes with it")
			}
		})
	}
}

func TestAskFromStdin(t *testing.T) {
	code, out, errs := runStdin("10月3日烧田埂行不行\n", "ask", "-", "--at", "2024-09-20")
	require.Equal(t, 0, code, errs)
	require.Contains(t, out, "要看情况")

	code, _, errs = runStdin("  \n", "ask", "-")
	require.Equal(t, 2, code)
	require.Contains(t, errs, "give the question")

	code, _, errs = runStdin(strings.Repeat("烧", maxStdinQuestion), "ask", "-")
	require.Equal(t, 2, code)
	require.Contains(t, errs, "over 64 KiB")
}

func TestVersionCommand(t *testing.T) {
	code, out, errs := runCmd("version")
	require.Equal(t, 0, code, errs)
	require.Regexp(t, `(?m)^tonggao \S+`, out)
	require.Regexp(t, `(?m)^rules +sha256:[0-9a-f]{64}$`, out)

	code, out, errs = runCmd("version", "--json")
	require.Equal(t, 0, code, errs)
	var v map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &v))
	require.Regexp(t, `^sha256:[0-9a-f]{64}$`, v["rule_set"])
	require.NotEmpty(t, v["version"])
	require.NotEmpty(t, v["go_version"])

	// The digest is the one every decision's receipt names.
	code, out, _ = runCmd("check", "--activity", "烧田埂", "--at", "2024-10-03", "--json")
	require.Equal(t, 0, code)
	require.Contains(t, out, `"rule_set": "`+v["rule_set"].(string)+`"`)
}

func verdictOf(t *testing.T, s string) engine.Verdict {
	t.Helper()
	for _, v := range verdictStatus {
		if string(v.verdict) == s {
			return v.verdict
		}
	}
	t.Fatalf("no verdict %q", s)
	return ""
}

// Every command that loads rules takes the same flags, and test loads what
// check loads.
func TestRuleFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"check", "--activity", "烧田埂", "--embedded=false"}, 2, "--embedded=false needs at least one --rules DIR"},
		{[]string{"check", "--activity", "烧田埂", "--rules", "/nonexistent"}, 2, "--rules: stat /nonexistent"},
		{[]string{"check", "--activity", "烧田埂", "--rules", "cli_test.go"}, 2, "--rules cli_test.go: not a directory"},
		{[]string{"ask", "烧田埂", "--rules", "../../rules"}, 2, "--embedded=false loads the --rules directories alone"},
		{[]string{"check", "--activity", "放风筝", "--at", "2025-05-02", "--rules", "testdata/extra"}, 0, "不可以（放风筝，2025-05-02）"},
		{[]string{"check", "--activity", "烧田埂", "--at", "2024-10-03", "--rules", "testdata/extra"}, 0, "祁政通〔2024〕7号"},
		{[]string{"check", "--activity", "烧田埂", "--rules", "testdata/extra", "--embedded=false"}, 2, `unknown activity "烧田埂"`},
		{[]string{"check", "--activity", "放风筝", "--rules", "testdata/extra", "--rules", "testdata/extra"}, 2, "is also encoded in testdata/extra/notices/xx-kites.yaml"},
		{[]string{"test", "testdata/extra"}, 0, "3 passed, 0 failed"},
		{[]string{"test", "../../rules", "--rules", "../../rules"}, 2, "give DIR or --rules/--embedded, not both"},
		{[]string{"test", "--embedded=false"}, 2, "--embedded=false needs at least one --rules DIR"},
		{[]string{"version", "--rules", "../../rules", "--embedded=false"}, 0, "rules    sha256:"},
	} {
		code, out, errs := runCmd(tc.args...)
		require.Equal(t, tc.code, code, "%v\n%s%s", tc.args, out, errs)
		require.Contains(t, out+errs, tc.want, tc.args)
	}
	_, byDir, _ := runCmd("test", "../../rules")
	code, byFlag, errs := runCmd("test", "--rules", "../../rules", "--embedded=false")
	require.Equal(t, 0, code, errs)
	require.Equal(t, byDir, byFlag)
	code, embedded, errs := runCmd("test")
	require.Equal(t, 0, code, errs)
	require.Equal(t, strings.ReplaceAll(byDir, "../../rules/", "rules/"), embedded, "the embedded rule base is rules/")

	// test loads what check loads: the embedded cases and the directory's.
	code, both, errs := runCmd("test", "--rules", "testdata/extra", "--json")
	require.Equal(t, 0, code, errs)
	var rep testReport
	require.NoError(t, json.Unmarshal([]byte(both), &rep))
	_, alone, _ := runCmd("test", "--json")
	var embeddedRep testReport
	require.NoError(t, json.Unmarshal([]byte(alone), &embeddedRep))
	require.Equal(t, embeddedRep.Passed+3, rep.Passed)
	require.Equal(t, "testdata/extra/notices/xx-kites.cases.yaml", rep.Cases[len(rep.Cases)-1].File)
}

// The completion scripts are valid in the shells that are installed.
func TestCompletionScriptsParse(t *testing.T) {
	for _, sh := range []struct{ shell, check string }{{"bash", "-n"}, {"zsh", "-n"}, {"fish", "--no-execute"}} {
		path, err := exec.LookPath(sh.shell)
		if err != nil {
			continue // bash is always there (CI runs in it); zsh and fish may not be
		}
		code, out, errs := runCmd("completion", sh.shell)
		require.Equal(t, 0, code, errs)
		f := filepath.Join(t.TempDir(), "tonggao."+sh.shell)
		require.NoError(t, os.WriteFile(f, []byte(out), 0o644))
		res, err := exec.Command(path, sh.check, f).CombinedOutput()
		require.NoError(t, err, "%s %s: %s", sh.shell, sh.check, res)
	}
}

// TestErrorCodesDocumented holds every error code the commands use to the
// documented list.
func TestErrorCodesDocumented(t *testing.T) {
	var known []string
	for _, c := range errorCodes {
		require.NotContains(t, known, c.code, "listed twice")
		known = append(known, c.code)
	}
	// The service's commands (package servecmd) use these codes too.
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	served, err := filepath.Glob("../servecmd/*.go")
	require.NoError(t, err)
	require.NotEmpty(t, served)
	used := map[string]bool{}
	re := regexp.MustCompile(`(?i:badInput|failed)\("([a-z_]+)"|code(?:: | = )"([a-z_]+)"`)
	for _, f := range append(files, served...) {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			code := m[1] + m[2]
			used[code] = true
			require.Contains(t, known, code, "%s uses error code %s, which errorCodes lacks", f, code)
		}
	}
	for _, c := range known {
		require.True(t, used[c], "errorCodes lists %s, which no command uses", c)
	}
}
