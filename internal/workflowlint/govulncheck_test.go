package workflowlint

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGovulncheckScript: .ci/govulncheck.sh passes on govulncheck's verdict,
// and turns "the database cannot be reached" (CI without a network) into exit
// 77, which .ci/run counts as skipped, never into a pass or a plain failure.
func TestGovulncheckScript(t *testing.T) {
	script, err := filepath.Abs(filepath.Join("..", "..", ".ci", "govulncheck.sh"))
	if err != nil {
		t.Fatal(err)
	}
	offline := `govulncheck: fetching vulnerabilities: Get "https://vuln.go.dev/index/modules.json.gz": dial tcp: lookup vuln.go.dev: no such host`
	tests := []struct {
		name   string
		stderr string
		exit   int
		want   int
	}{
		{name: "no vulnerabilities", exit: 0, want: 0},
		{name: "vulnerabilities found", stderr: "Your code is affected by 1 vulnerability", exit: 3, want: 3},
		{name: "offline", stderr: offline, exit: 1, want: 77},
		{name: "other error", stderr: "govulncheck: loading packages: no Go files", exit: 1, want: 1},
		{name: "offline wording but vulnerabilities", stderr: offline, exit: 3, want: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := filepath.Join(t.TempDir(), "govulncheck")
			body := "#!/bin/sh\n[ \"$1\" = ./... ] || exit 9\nprintf '%s\\n' '" + tt.stderr + "' >&2\nexit " + string(rune('0'+tt.exit)) + "\n"
			if err := os.WriteFile(fake, []byte(body), 0o755); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("bash", script)
			cmd.Env = append(os.Environ(), "GOVULNCHECK="+fake)
			out, err := cmd.CombinedOutput()
			got := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				got = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("exit %d, want %d\n%s", got, tt.want, out)
			}
			if tt.stderr != "" && !strings.Contains(string(out), tt.stderr) {
				t.Errorf("govulncheck's message is not passed on:\n%s", out)
			}
		})
	}
}
