package cli

import "github.com/tonggao/tonggao/engine"

// What the external tests (package cli_test) read of this package: they
// build tonggao's command tree with the service's commands, from package
// servecmd, which imports this one.

// VerdictStatus is a verdict's exit status under --exit-code.
type VerdictStatus struct {
	Verdict engine.Verdict
	Status  int
}

// VerdictStatuses is verdictStatus.
func VerdictStatuses() []VerdictStatus {
	out := make([]VerdictStatus, len(verdictStatus))
	for i, v := range verdictStatus {
		out[i] = VerdictStatus{v.verdict, v.status}
	}
	return out
}

// ErrorCode is a JSON error code and what it means.
type ErrorCode struct{ Code, Meaning string }

// ErrorCodes is errorCodes.
func ErrorCodes() []ErrorCode {
	out := make([]ErrorCode, len(errorCodes))
	for i, c := range errorCodes {
		out[i] = ErrorCode{c.code, c.meaning}
	}
	return out
}
