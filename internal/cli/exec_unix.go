//go:build unix

package cli

import "syscall"

// execProcess replaces this process with the program at path (argv args):
// the service keeps tonggao's process id, standard streams and signals,
// as a container's PID 1 or a systemd unit expects.
func execProcess(path string, args []string) error {
	return syscall.Exec(path, args, syscall.Environ())
}
