// Package servecmd is the service's commands: serve (the HTTP API and the
// hotline operator page) and records (the decision records serve keeps).
// They are linked only into tonggao-server, with the HTTP server, the
// database drivers and the metrics they need; tonggao's serve and records
// run that binary. What they share with tonggao's other commands — errors,
// exit statuses, environment variables, the rule flags — is package cli's.
package servecmd

import (
	"github.com/spf13/cobra"
	"github.com/tonggao/tonggao/internal/cli"
)

// app is one run of the command line, as the service's commands see it.
type app struct{ *cli.App }

// Commands are serve and records on a run of the command line: the
// App.Service of tonggao-server (and of tests that run them in process).
func Commands(p *cli.App) []*cobra.Command {
	a := &app{p}
	return []*cobra.Command{a.serveCmd(), a.recordsCmd()}
}
