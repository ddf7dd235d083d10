// Command tonggao-server is tonggao's service: tonggao-server serve runs
// the HTTP API and the hotline operator page, tonggao-server records reads
// the decision records it keeps. tonggao serve and tonggao records run
// this binary with the same arguments.
//
// The commands are in packages internal/servecmd (serve, records) and
// internal/cli (what they share with tonggao's commands).
package main

import (
	"os"

	"github.com/tonggao/tonggao/internal/cli"
	"github.com/tonggao/tonggao/internal/servecmd"
)

func main() {
	a := cli.Main()
	a.Service = servecmd.Commands
	os.Exit(a.RunServer(os.Args[1:]))
}
