package benchgen_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/benchgen"
	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/validate"
)

func needGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
}

// errorsIn validates a loaded repository and returns its errors as text.
func errorsIn(t *testing.T, v *validate.Validator, repo *model.Repo, loadDiags []diag.Diagnostic) []string {
	t.Helper()
	var out []string
	for _, d := range v.Repo(repo, loadDiags, validate.Options{Today: "2026-11-24"}) {
		if d.Severity == diag.Error {
			out = append(out, fmt.Sprintf("%s:%d: %s [%s]", d.File, d.Line, d.Message, d.Rule))
		}
	}
	return out
}

// TestGenerateValid generates small repositories (the HEROES countries, and more
// countries than HEROES has so synthetic codes and clusters appear) and validates
// the working tree and every revision of the history: none may have an error.
func TestGenerateValid(t *testing.T) {
	needGit(t)
	tests := []struct {
		name               string
		countries, commits int
	}{
		{"three HEROES countries", 3, 30},
		{"beyond HEROES", 23, 30},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "plans")
			res, err := benchgen.Generate(dir, benchgen.Options{Countries: tt.countries, Commits: tt.commits, Seed: 7})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Countries) != tt.countries {
				t.Fatalf("got %d countries, want %d", len(res.Countries), tt.countries)
			}
			fsys, err := load.DirFS(dir)
			if err != nil {
				t.Fatal(err)
			}
			repo, loadDiags := load.Load(fsys, load.Options{})
			if len(repo.Countries) != tt.countries {
				t.Fatalf("loaded %d countries, want %d", len(repo.Countries), tt.countries)
			}
			v, err := validate.New(repo.Framework)
			if err != nil {
				t.Fatal(err)
			}
			if errs := errorsIn(t, v, repo, loadDiags); len(errs) > 0 {
				t.Fatalf("working tree has %d errors:\n%s", len(errs), strings.Join(errs, "\n"))
			}
			checkHistory(t, v, dir, tt.commits)
		})
	}
}

// checkHistory validates every fifth commit of main and the first, read from git
// objects (every commit would make the test slow; edits are drawn at random, so a
// sample still meets every kind).
func checkHistory(t *testing.T, v *validate.Validator, dir string, commits int) {
	t.Helper()
	out, err := exec.Command("git", "-C", dir, "rev-list", "main").Output()
	if err != nil {
		t.Fatal(err)
	}
	hashes := strings.Fields(string(out))
	if len(hashes) != commits {
		t.Fatalf("main has %d commits, want %d", len(hashes), commits)
	}
	r, err := gitrev.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for i, h := range hashes {
		if i%5 != 0 && i != len(hashes)-1 {
			continue
		}
		c, err := r.Resolve(h)
		if err != nil {
			t.Fatal(err)
		}
		fsys, err := r.FS(c)
		if err != nil {
			t.Fatal(err)
		}
		repo, loadDiags := load.Load(fsys, load.Options{})
		if errs := errorsIn(t, v, repo, loadDiags); len(errs) > 0 {
			t.Fatalf("commit %s has %d errors:\n%s", h[:12], len(errs), strings.Join(errs, "\n"))
		}
	}
}

// TestGenerateDeterministic checks that a seed fixes the commit hashes and that
// another seed gives another history.
func TestGenerateDeterministic(t *testing.T) {
	needGit(t)
	gen := func(seed int64) string {
		res, err := benchgen.Generate(filepath.Join(t.TempDir(), "plans"), benchgen.Options{Countries: 5, Commits: 20, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		return res.Head
	}
	a, b, c := gen(1), gen(1), gen(2)
	if a != b {
		t.Errorf("seed 1 gave %s, then %s", a, b)
	}
	if a == c {
		t.Errorf("seeds 1 and 2 both gave %s", a)
	}
}

func TestGenerateOptions(t *testing.T) {
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		dir  string
		opts benchgen.Options
		want string
	}{
		{"no countries", t.TempDir(), benchgen.Options{Countries: 0, Commits: 1}, "countries must be 1 to 676"},
		{"too many countries", t.TempDir(), benchgen.Options{Countries: 677, Commits: 1}, "countries must be 1 to 676"},
		{"no commits", t.TempDir(), benchgen.Options{Countries: 1}, "commits must be at least 1"},
		{"folder not empty", full, benchgen.Options{Countries: 1, Commits: 1}, "is not empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := benchgen.Generate(tt.dir, tt.opts)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got error %v, want one containing %q", err, tt.want)
			}
		})
	}
}
