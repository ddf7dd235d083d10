package cli_test

import (
	"io"
	"strings"
	"time"

	"github.com/tonggao/tonggao/internal/cli"
	"github.com/tonggao/tonggao/internal/servecmd"
)

// fullApp is a run of tonggao with the service's commands in process, as
// docs/cli.md describes them: no standard input, the real clock and no
// environment.
func fullApp(stdout, stderr io.Writer) *cli.App {
	return &cli.App{Stdin: strings.NewReader(""), Stdout: stdout, Stderr: stderr, Now: time.Now,
		Getenv: func(string) string { return "" }, Service: servecmd.Commands}
}
