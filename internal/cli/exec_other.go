//go:build !unix

package cli

import (
	"errors"
	"os"
	"os/exec"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
)

// execProgram runs the program with this process's streams and passes its exit
// code on: where a process cannot replace itself (Windows), hwfplan waits.
func execProgram(path string, args, env []string) error {
	cmd := exec.Command(path, args...)
	cmd.Env = env
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return &cmdutil.ExitError{Code: ee.ExitCode()}
	}
	return err
}
