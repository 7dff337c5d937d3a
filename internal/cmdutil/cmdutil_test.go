package cmdutil

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/iostreams"
)

func testFactory(wd, rootFlag string) *Factory {
	io, _, _, _ := iostreams.Test()
	return &Factory{IOStreams: io, RootFlag: &rootFlag, Getwd: func() (string, error) { return wd, nil }}
}

func TestRoot(t *testing.T) {
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	deep := filepath.Join(repo, "countries", "HU")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(repo, "README.md")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, wd, flag, want, wantErr string
	}{
		{name: "enclosing work tree", wd: deep, want: repo},
		{name: "--root wins", wd: deep, flag: deep, want: deep},
		{name: "--root missing", wd: deep, flag: filepath.Join(repo, "nope"), wantErr: "no such file"},
		{name: "--root is a file", wd: deep, flag: file, wantErr: "is not a folder"},
	}
	// A copy outside git (an unpacked archive): the folder holding countries/.
	copied := t.TempDir()
	copiedDeep := filepath.Join(copied, "countries", "HU")
	bare := t.TempDir()
	for _, d := range []string{copiedDeep, filepath.Join(bare, "x")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	tests = append(tests, []struct{ name, wd, flag, want, wantErr string }{
		{name: "outside git, the folder holding countries/", wd: copiedDeep, want: copied},
		{name: "outside git, at that folder", wd: copied, want: copied},
		{name: "outside git and plans, the working directory", wd: filepath.Join(bare, "x"), want: filepath.Join(bare, "x")},
	}...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := testFactory(tt.wd, tt.flag).Root()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Root() = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	if code, ok := IsSilent(ErrSilent); !ok || code != ExitInvalid {
		t.Errorf("ErrSilent = %d %v", code, ok)
	}
	wrapped := errors.Join(errors.New("x"), &ExitError{Code: 3})
	if code, ok := IsSilent(wrapped); !ok || code != 3 {
		t.Errorf("wrapped exit error = %d %v", code, ok)
	}
	var fe *FlagError
	if err := FlagErrorf("bad %s", "flag"); !errors.As(err, &fe) || err.Error() != "bad flag" {
		t.Errorf("FlagErrorf = %v", err)
	}
}

// TestPlansRoot: outside a plans repository (no countries/ or clusters/ where
// hwfplan looks) the commands that read plans get a NotPlansError (exit 2).
func TestPlansRoot(t *testing.T) {
	bare := t.TempDir()
	plans := t.TempDir()
	if err := os.Mkdir(filepath.Join(plans, "clusters"), 0o755); err != nil {
		t.Fatal(err)
	}
	var np *NotPlansError
	if _, err := testFactory(bare, "").PlansRoot(); !errors.As(err, &np) || !strings.Contains(err.Error(), "is not a plans repository") || !strings.Contains(err.Error(), "--root DIR") {
		t.Errorf("bare folder: %v", err)
	}
	if _, _, _, err := testFactory(bare, bare).LoadRepo(); !errors.As(err, &np) {
		t.Errorf("LoadRepo with --root at a bare folder: %v", err)
	}
	if got, err := testFactory(bare, plans).PlansRoot(); err != nil || got != plans {
		t.Errorf("a folder with clusters/: %q, %v", got, err)
	}
}
