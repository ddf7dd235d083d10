package cli

import (
	"bytes"
	"io"
	"strings"
	"time"
)

// testApp is a run of the command with no standard input, the real clock
// and no environment.
func testApp(stdout, stderr io.Writer) *app {
	return &app{stdin: strings.NewReader(""), stdout: stdout, stderr: stderr, now: time.Now, getenv: func(string) string { return "" }}
}

// run runs a command line in-process and returns its exit status.
func run(args []string, stdout, stderr io.Writer) int { return testApp(stdout, stderr).run(args) }

// runAt is run with the clock stopped at now.
func runAt(now func() time.Time, args []string, stdout, stderr io.Writer) int {
	a := testApp(stdout, stderr)
	a.now = now
	return a.run(args)
}

// runCmd runs a command line and returns its status, stdout and stderr.
func runCmd(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// runStdin is runCmd with stdin as standard input.
func runStdin(stdin string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	a := testApp(&out, &errb)
	a.stdin = strings.NewReader(stdin)
	code := a.run(args)
	return code, out.String(), errb.String()
}
