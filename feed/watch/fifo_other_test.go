//go:build !unix

package watch_test

import "errors"

func mkfifo(string) error { return errors.New("no FIFOs here") }
