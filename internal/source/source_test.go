package source_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/hwfplan/hwfplan/internal/source"
)

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE=2025-05-14T10:00:00Z", "GIT_COMMITTER_DATE=2025-05-14T10:00:00Z",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func TestDescribe(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	t.Setenv(source.EnvEpoch, "")
	t.Setenv(source.EnvCommit, "")
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	if err := os.MkdirAll(filepath.Join(dir, "countries", "HU"), 0o755); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(dir, "countries", "HU", "country.yaml")
	if err := os.WriteFile(f, []byte("code: HU\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "first")

	info, err := source.Describe(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(info.Commit) != 40 || info.Dirty {
		t.Fatalf("info = %+v", info)
	}
	if want := time.Date(2025, 5, 14, 10, 0, 0, 0, time.UTC); !info.Time.Equal(want) || info.Date() != "14 May 2025" {
		t.Errorf("time = %v, want %v", info.Time, want)
	}
	if err := os.WriteFile(f, []byte("code: HU\nname: Hungary\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if info, _ := source.Describe(dir); !info.Dirty {
		t.Error("an edited plan file must mark the build dirty")
	}

	t.Setenv(source.EnvEpoch, "1700000000")
	if info, _ := source.Describe(dir); info.Time.Unix() != 1700000000 {
		t.Errorf("SOURCE_DATE_EPOCH ignored: %v", info.Time)
	}
}

func TestOutsideGit(t *testing.T) {
	t.Setenv(source.EnvEpoch, "")
	t.Setenv(source.EnvCommit, "")
	info, err := source.Describe(t.TempDir())
	if err != nil || info.Commit != "" || info.Short() != "" || info.Label(nil) != "commit unknown" || info.Date() != "" {
		t.Fatalf("info = %+v, err = %v", info, err)
	}
}

func TestLabel(t *testing.T) {
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	code := func(s string) string { return "`" + s + "`" }
	tests := []struct {
		info source.Info
		want string
	}{
		{source.Info{Commit: "0123456789abcdef0123456789abcdef01234567", Time: at}, "commit `0123456789ab` of 24 November 2026"},
		// The uncommitted changes are said once, after the date (not in the hash too).
		{source.Info{Commit: "0123456789abcdef0123456789abcdef01234567", Time: at, Dirty: true}, "commit `0123456789ab` of 24 November 2026, with uncommitted changes"},
		{source.Info{Commit: "abc"}, "commit `abc`"},
		{source.Info{Time: at}, "commit unknown, dated 24 November 2026"},
		{source.Info{}, "commit unknown"},
	}
	for _, tt := range tests {
		if got := tt.info.Label(code); got != tt.want {
			t.Errorf("Label(%+v) = %q, want %q", tt.info, got, tt.want)
		}
	}
}
