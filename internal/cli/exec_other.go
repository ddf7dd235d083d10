//go:build !unix

package cli

import (
	"os"
	"os/exec"
)

// execProcess runs the program at path (argv args) with this process's
// standard streams and waits for it; an *exec.ExitError carries its exit
// status. (Windows has no exec that keeps the process.)
func execProcess(path string, args []string) error {
	cmd := exec.Command(path, args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	return cmd.Run()
}
