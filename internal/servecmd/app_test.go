package servecmd

import (
	"bytes"
	"context"
	"io"
	"strings"
	"time"

	"github.com/tonggao/tonggao/internal/cli"
)

// testApp is a run of tonggao with the service's commands in process: no
// standard input, the real clock and no environment.
func testApp(stdout, stderr io.Writer) *cli.App {
	return &cli.App{Stdin: strings.NewReader(""), Stdout: stdout, Stderr: stderr, Now: time.Now,
		Getenv: func(string) string { return "" }, Service: Commands}
}

// runCmd runs a command line of tonggao in process and returns its
// status, stdout and stderr.
func runCmd(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := testApp(&out, &errb).Run(args)
	return code, out.String(), errb.String()
}

// serve runs "tonggao serve args" until ctx ends.
func serve(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	a := testApp(stdout, stderr)
	a.Ctx = ctx
	return a.Run(append([]string{"serve"}, args...))
}
