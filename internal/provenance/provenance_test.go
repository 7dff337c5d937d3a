package provenance_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
	"github.com/hwfplan/hwfplan/internal/provenance"
)

func TestDescribe(t *testing.T) {
	t.Setenv(provenance.EnvEpoch, "")
	t.Setenv(provenance.EnvCommit, "")
	r := gittest.New(t)
	r.Start = time.Date(2025, 5, 13, 10, 0, 0, 0, time.UTC) // the first commit is a day later
	dir := r.Dir
	r.Write(map[string]string{"countries/HU/country.yaml": "code: HU\n"})
	r.Commit("first")
	f := filepath.Join(dir, "countries", "HU", "country.yaml")

	info, err := provenance.Describe(dir)
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
	if info, _ := provenance.Describe(dir); !info.Dirty {
		t.Error("an edited plan file must mark the build dirty")
	}

	t.Setenv(provenance.EnvEpoch, "1700000000")
	if info, _ := provenance.Describe(dir); info.Time.Unix() != 1700000000 {
		t.Errorf("SOURCE_DATE_EPOCH ignored: %v", info.Time)
	}
}

func TestOutsideGit(t *testing.T) {
	t.Setenv(provenance.EnvEpoch, "")
	t.Setenv(provenance.EnvCommit, "")
	info, err := provenance.Describe(t.TempDir())
	if err != nil || info.Commit != "" || info.Short() != "" || info.Label(nil) != "commit unknown" || info.Date() != "" {
		t.Fatalf("info = %+v, err = %v", info, err)
	}
}

func TestLabel(t *testing.T) {
	at := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	code := func(s string) string { return "`" + s + "`" }
	tests := []struct {
		info provenance.Info
		want string
	}{
		{provenance.Info{Commit: "0123456789abcdef0123456789abcdef01234567", Time: at}, "commit `0123456789ab` of 24 November 2026"},
		// The uncommitted changes are said once, after the date (not in the hash too).
		{provenance.Info{Commit: "0123456789abcdef0123456789abcdef01234567", Time: at, Dirty: true}, "commit `0123456789ab` of 24 November 2026, with uncommitted changes"},
		{provenance.Info{Commit: "abc"}, "commit `abc`"},
		{provenance.Info{Time: at}, "commit unknown, dated 24 November 2026"},
		{provenance.Info{}, "commit unknown"},
	}
	for _, tt := range tests {
		if got := tt.info.Label(code); got != tt.want {
			t.Errorf("Label(%+v) = %q, want %q", tt.info, got, tt.want)
		}
	}
}
