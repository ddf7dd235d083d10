// Command tonggao answers "may this activity be done at this time, at this
// place?" from encoded public notices, and offers the calendar, register
// and layer tools those answers rest on.
//
// The commands are in package internal/cli. The service — tonggao serve
// and tonggao records — is the binary of cmd/tonggao-server, which these
// two commands run: this one links neither the HTTP server nor the
// database drivers nor the metrics (TestNoServiceDependencies), and starts
// in less time for it.
package main

import (
	"os"

	"github.com/tonggao/tonggao/internal/cli"
)

func main() {
	os.Exit(cli.Main().Run(os.Args[1:]))
}
