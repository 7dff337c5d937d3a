//go:build unix

package cli

import "syscall"

// execProgram replaces this process with the program, so that signals (Ctrl+C in
// serve), the streams and the exit code are the program's own.
func execProgram(path string, args, env []string) error {
	return syscall.Exec(path, append([]string{path}, args...), env)
}
