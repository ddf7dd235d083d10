// Package cli is the tonggao command line: the command tree (cobra), what
// the commands share — exit statuses, errors as text or JSON, "did you
// mean", flags from the environment, the rule, place and conditions flags
// — and every command but the service's.
//
// Each command lives in its own file (check_cmd.go, ask_cmd.go, …) as a
// constructor of a cobra command; app.go holds the root and the errors.
// The service's commands (serve, records) are in package servecmd and
// linked only into tonggao-server (App.Service); tonggao's own serve and
// records run that binary (service.go). docs/cli.md is generated from the
// command tree (see cli_doc_test.go).
package cli
