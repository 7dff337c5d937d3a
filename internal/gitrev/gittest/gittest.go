// Package gittest builds real git repositories with the git CLI for tests: files are
// written, committed with fixed authors and strictly increasing dates, branched and
// merged, so results can be compared with what git itself says.
package gittest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// Repo is a work tree made for one test.
type Repo struct {
	T    testing.TB
	Dir  string
	tick int
	// Start is the day before the first commit's date; each commit is one day later.
	Start time.Time
}

// New makes an empty repository with branch main, or skips the test without git.
func New(t testing.TB) *Repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	return NewAt(t, t.TempDir())
}

// NewAt makes an empty repository in dir (which the caller removes), for a fixture
// shared by several tests; set T to the running test before each use.
func NewAt(t testing.TB, dir string) *Repo {
	t.Helper()
	r := &Repo{T: t, Dir: dir, Start: time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)}
	r.Git("init", "-q", "-b", "main")
	r.Git("config", "commit.gpgsign", "false")
	return r
}

// Git runs git in the repository and returns its trimmed output; it fails the test on error.
func (r *Repo) Git(args ...string) string {
	r.T.Helper()
	out, err := r.run(args...)
	if err != nil {
		r.T.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(out)
}

func (r *Repo) run(args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = r.Dir
	when := r.Start.Add(time.Duration(r.tick) * 24 * time.Hour).Format(time.RFC3339)
	cmd.Env = append(os.Environ(),
		"GIT_AUTHOR_NAME=Ana Planner", "GIT_AUTHOR_EMAIL=ana@example.org",
		"GIT_COMMITTER_NAME=Ana Planner", "GIT_COMMITTER_EMAIL=ana@example.org",
		"GIT_AUTHOR_DATE="+when, "GIT_COMMITTER_DATE="+when,
		"GIT_CONFIG_NOSYSTEM=1", "HOME="+r.Dir,
	)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// Write writes files (slash path → content) into the work tree.
func (r *Repo) Write(files map[string]string) {
	r.T.Helper()
	WriteTree(r.T, r.Dir, files)
}

// WriteTree writes files (slash path → content) under dir, making folders as
// needed; it fails the test on error.
func WriteTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	if err := WriteFiles(dir, files); err != nil {
		t.Fatal(err)
	}
}

// WriteFiles writes files (slash path → content) under dir, making folders as
// needed: the one writer of test plan trees, with git (Repo.Write) or without
// (WriteTree, Tree, TxtarTree, and testscript setups, which have no testing.TB).
func WriteFiles(dir string, files map[string]string) error {
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Tree writes files into a new temporary folder, without git, and returns its path.
func Tree(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	WriteTree(t, dir, files)
	return dir
}

// TxtarFiles returns the files of a txtar archive (name → content), ready for
// Write, WriteTree or Tree.
func TxtarFiles(ar *txtar.Archive) map[string]string {
	files := make(map[string]string, len(ar.Files))
	for _, f := range ar.Files {
		files[f.Name] = string(f.Data)
	}
	return files
}

// TxtarTree writes the files of the txtar archive at path into a new temporary
// folder, without git, and returns its path.
func TxtarTree(t testing.TB, path string) string {
	t.Helper()
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return Tree(t, TxtarFiles(ar))
}

// Replace replaces the first occurrence of old in a work-tree file; the test fails
// when the file does not hold it.
func (r *Repo) Replace(name, old, new string) {
	r.T.Helper()
	p := filepath.Join(r.Dir, filepath.FromSlash(name))
	data, err := os.ReadFile(p)
	if err != nil || !strings.Contains(string(data), old) {
		r.T.Fatalf("%s: no %q (%v)", name, old, err)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		r.T.Fatal(err)
	}
}

// ReadFiles returns the files under dir (slash path relative to dir → content),
// a fixture ready for Write.
func ReadFiles(t testing.TB, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// Remove deletes a file or folder from the work tree.
func (r *Repo) Remove(name string) {
	r.T.Helper()
	if err := os.RemoveAll(filepath.Join(r.Dir, filepath.FromSlash(name))); err != nil {
		r.T.Fatal(err)
	}
}

// Commit stages everything and commits; it returns the new commit's hash.
func (r *Repo) Commit(msg string) string {
	r.T.Helper()
	r.tick++
	r.Git("add", "-A")
	r.Git("commit", "-q", "--allow-empty", "-m", msg)
	return r.Git("rev-parse", "HEAD")
}

// Merge merges branch into the current branch with a merge commit.
func (r *Repo) Merge(branch, msg string) string {
	r.T.Helper()
	r.tick++
	r.Git("merge", "-q", "--no-ff", "-m", msg, branch)
	return r.Git("rev-parse", "HEAD")
}

// Log returns `git log --format=%H <args>` as a list.
func (r *Repo) Log(args ...string) []string {
	r.T.Helper()
	out := r.Git(append([]string{"log", "--format=%H"}, args...)...)
	if out == "" {
		return nil
	}
	return strings.Split(out, "\n")
}

// Clone clones the repository with extra git clone flags (e.g. --depth 1) into a new
// folder and returns it as a Repo.
func (r *Repo) Clone(flags ...string) *Repo {
	r.T.Helper()
	dir := r.T.TempDir()
	args := append([]string{"clone", "-q"}, flags...)
	args = append(args, "file://"+r.Dir, dir)
	r.Git(args...)
	return &Repo{T: r.T, Dir: dir, tick: r.tick, Start: r.Start}
}
