package gitrev_test

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
)

func open(t *testing.T, dir string) *gitrev.Repo {
	t.Helper()
	r, err := gitrev.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

func hashes(revs []gitrev.Revision) []string {
	var out []string
	for _, r := range revs {
		out = append(out, r.Hash.String())
	}
	return out
}

var shared struct {
	once sync.Once
	dir  string
	g    *gittest.Repo
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// history returns the shared fixture repository (built once; tests only add refs
// and a commit-graph to it).
func history(t *testing.T) *gittest.Repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	shared.once.Do(func() {
		dir, err := os.MkdirTemp("", "gitrev-test-")
		if err != nil {
			t.Fatal(err)
		}
		shared.dir = dir
		shared.g = buildHistory(t, dir)
	})
	if shared.g == nil {
		t.Fatal("fixture repository could not be built")
	}
	g := *shared.g
	g.T = t
	return &g
}

// buildHistory builds: commits on HU and SK, a side branch that edits HU merged back,
// a side branch that only edits SK merged back, HU deleted and restored, and EL
// renamed to GR.
func buildHistory(t *testing.T, dir string) *gittest.Repo {
	g := gittest.NewAt(t, dir)
	g.Write(map[string]string{"countries/HU/country.yaml": "code: HU\n", "countries/SK/country.yaml": "code: SK\n",
		"countries/EL/country.yaml": "code: EL\n", "countries/EL/as-is.yaml": "tasks: {}\n", "countries/EL/to-be.yaml": "vision: v\n"})
	g.Commit("initial")
	g.Write(map[string]string{"countries/HU/as-is.yaml": "tasks: {}\n"})
	g.Commit("HU as-is")
	g.Write(map[string]string{"countries/SK/as-is.yaml": "tasks: {}\n"})
	g.Commit("SK as-is")
	g.Git("checkout", "-q", "-b", "side")
	g.Write(map[string]string{"countries/HU/to-be.yaml": "vision: x\n"})
	g.Commit("HU to-be on side")
	g.Git("checkout", "-q", "main")
	g.Write(map[string]string{"countries/SK/to-be.yaml": "vision: y\n"})
	g.Commit("SK to-be on main")
	g.Merge("side", "merge side")
	g.Git("checkout", "-q", "-b", "sk-only")
	g.Write(map[string]string{"countries/SK/to-do.yaml": "steps: []\n"})
	g.Commit("SK to-do")
	g.Git("checkout", "-q", "main")
	g.Write(map[string]string{"README.md": "plans\n"})
	g.Commit("readme")
	g.Merge("sk-only", "merge sk-only")
	g.Remove("countries/HU/as-is.yaml")
	g.Commit("drop HU as-is")
	g.Write(map[string]string{"countries/HU/as-is.yaml": "tasks: {}\n"})
	g.Commit("restore HU as-is")
	g.Git("mv", "countries/EL", "countries/GR")
	g.Write(map[string]string{"countries/GR/country.yaml": "code: GR\n"})
	g.Commit("rename EL to GR")
	return g
}

func TestHistoryMatchesGitLog(t *testing.T) {
	g := history(t)
	for _, withGraph := range []bool{false, true} {
		if withGraph {
			g.Git("commit-graph", "write", "--reachable")
			t.Cleanup(func() { os.RemoveAll(filepath.Join(g.Dir, ".git", "objects", "info", "commit-graph")) })
		}
		r := open(t, g.Dir)
		head, err := r.Resolve("HEAD")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{"countries/HU", "countries/SK", "countries/HU/as-is.yaml", "README.md", "countries/XX"} {
			revs, err := r.History(head, p, gitrev.HistoryOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := hashes(revs), g.Log("--", p); !slices.Equal(got, want) {
				t.Errorf("graph=%v %s: got %v, git log says %v", withGraph, p, got, want)
			}
		}
	}
}

func TestHistoryFollowsRename(t *testing.T) {
	g := history(t)
	r := open(t, g.Dir)
	head, _ := r.Resolve("HEAD")
	revs, err := r.History(head, "countries/GR", gitrev.HistoryOptions{Follow: sharedFile(r)})
	if err != nil {
		t.Fatal(err)
	}
	want := g.Log("--", "countries/GR")
	want = append(want, g.Log("HEAD~1", "--", "countries/EL")...)
	if got := hashes(revs); !slices.Equal(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	if revs[0].RenamedFrom != "countries/EL" || revs[1].Path != "countries/EL" {
		t.Errorf("rename not recorded: %+v", revs[:2])
	}
	limited, err := r.History(head, "countries/GR", gitrev.HistoryOptions{Limit: 1, Follow: sharedFile(r)})
	if err != nil || len(limited) != 1 {
		t.Errorf("limit 1: %d revisions, %v", len(limited), err)
	}
}

// sharedFile is a rename rule for tests: p was renamed from a sibling folder that
// the commit no longer has and that holds a file of the same name and content.
func sharedFile(r *gitrev.Repo) gitrev.RenameRule {
	return func(commit, parent plumbing.Hash, p string) (string, error) {
		dir := path.Dir(p)
		_, files, err := r.Tree(commit, p)
		if err != nil {
			return "", err
		}
		_, after, err := r.Tree(commit, dir)
		if err != nil {
			return "", err
		}
		_, before, err := r.Tree(parent, dir)
		if err != nil {
			return "", err
		}
		for _, e := range before {
			if slices.ContainsFunc(after, func(a gitrev.TreeEntry) bool { return a.Name == e.Name }) {
				continue
			}
			_, old, err := r.Tree(parent, path.Join(dir, e.Name))
			if err != nil {
				return "", err
			}
			for _, f := range files {
				if slices.Contains(old, f) {
					return path.Join(dir, e.Name), nil
				}
			}
		}
		return "", nil
	}
}

func TestShallowClone(t *testing.T) {
	g := history(t)
	c := g.Clone("--depth", "1")
	r := open(t, c.Dir)
	if ok, err := r.Shallow(); !ok || err != nil {
		t.Fatalf("Shallow() = %v, %v", ok, err)
	}
	head, err := r.Resolve("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.History(head, "countries/HU", gitrev.HistoryOptions{})
	if !errors.Is(err, gitrev.ErrShallow) || !strings.Contains(err.Error(), "fetch-depth: 0") || !strings.Contains(err.Error(), "git fetch --unshallow") {
		t.Errorf("history in a shallow clone: %v", err)
	}
	_, err = r.Resolve("HEAD~3")
	if !errors.Is(err, gitrev.ErrShallow) || !strings.Contains(err.Error(), `"HEAD~3"`) {
		t.Errorf("resolve past the shallow boundary: %v", err)
	}
	// The tip itself is fully readable.
	fsys, err := r.FS(head)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fs.ReadFile(fsys, "countries/GR/country.yaml"); err != nil {
		t.Error(err)
	}
}

func TestResolve(t *testing.T) {
	g := history(t)
	g.Git("tag", "-f", "-a", "-m", "v1", "v1", "HEAD~2")
	g.Git("branch", "-f", "old", "HEAD~3")
	r := open(t, g.Dir)
	for rev, want := range map[string]string{
		"HEAD": g.Git("rev-parse", "HEAD"), "main": g.Git("rev-parse", "main"), "v1": g.Git("rev-parse", "v1^{commit}"),
		"old": g.Git("rev-parse", "old"), "HEAD~2": g.Git("rev-parse", "HEAD~2"), g.Git("rev-parse", "HEAD~1")[:10]: g.Git("rev-parse", "HEAD~1"),
	} {
		h, err := r.Resolve(rev)
		if err != nil || h.String() != want {
			t.Errorf("Resolve(%q) = %s, %v; want %s", rev, h, err, want)
		}
	}
	_, err := r.Resolve("no-such-branch")
	if !errors.Is(err, gitrev.ErrUnknownRevision) || !strings.Contains(err.Error(), `"no-such-branch"`) || errors.Is(err, gitrev.ErrShallow) {
		t.Errorf("unknown revision: %v", err)
	}
	// origin/main is found as main in a clone where only the remote branch exists.
	c := g.Clone()
	c.Git("checkout", "-q", "--detach")
	c.Git("branch", "-D", "main")
	rc := open(t, c.Dir)
	if h, err := rc.Resolve("main"); err != nil || h.String() != g.Git("rev-parse", "main") {
		t.Errorf("main via origin/main: %s %v", h, err)
	}
	base, err := r.MergeBase(mustResolve(t, r, "main"), mustResolve(t, r, "old"))
	if err != nil || base.String() != g.Git("merge-base", "main", "old") {
		t.Errorf("merge base %s, %v", base, err)
	}
}

func mustResolve(t *testing.T, r *gitrev.Repo, rev string) plumbing.Hash {
	t.Helper()
	h, err := r.Resolve(rev)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestFS(t *testing.T) {
	g := history(t)
	r := open(t, g.Dir)
	fsys, err := r.FS(mustResolve(t, r, "HEAD"))
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(fsys, "countries/HU/country.yaml", "countries/GR/to-be.yaml", "README.md"); err != nil {
		t.Fatal(err)
	}
	old, err := r.FS(mustResolve(t, r, "HEAD~8"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fs.ReadFile(old, "countries/HU/to-be.yaml"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("file that came later: %v, want not exist", err)
	}
	data, err := fs.ReadFile(old, "countries/HU/country.yaml")
	if err != nil || string(data) != "code: HU\n" {
		t.Errorf("old file: %q, %v", data, err)
	}
}

func TestPlansInAFolder(t *testing.T) {
	g := gittest.New(t)
	g.Write(map[string]string{"plans/countries/HU/country.yaml": "code: HU\n", "README.md": "x\n"})
	g.Commit("one")
	g.Write(map[string]string{"plans/countries/HU/as-is.yaml": "tasks: {}\n"})
	g.Commit("two")
	g.Git("mv", "plans/countries/HU", "plans/countries/HX")
	g.Commit("three")
	r := open(t, filepath.Join(g.Dir, "plans"))
	head := mustResolve(t, r, "HEAD")
	fsys, err := r.FS(head)
	if err != nil {
		t.Fatal(err)
	}
	if data, err := fs.ReadFile(fsys, "countries/HX/country.yaml"); err != nil || string(data) != "code: HU\n" {
		t.Errorf("read below the plans folder: %q %v", data, err)
	}
	revs, err := r.History(head, "countries/HX", gitrev.HistoryOptions{Follow: sharedFile(r)})
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 3 || revs[0].RenamedFrom != "countries/HU" || revs[2].Path != "countries/HU" {
		t.Errorf("history below the plans folder: %+v", revs)
	}
	if h, err := r.PathHash(head, "countries/HX"); err != nil || h.IsZero() {
		t.Errorf("PathHash: %v %v", h, err)
	}
	if r.Root() != filepath.Join(g.Dir, "plans") || r.Top() != g.Dir {
		t.Errorf("Root %s Top %s", r.Root(), r.Top())
	}
}

// HistoryMany walks several paths together; each answer must be History's.
func TestHistoryMany(t *testing.T) {
	g := history(t)
	r := open(t, g.Dir)
	head, _ := r.Resolve("HEAD")
	paths := []string{"countries/HU", "countries/SK", "countries/GR", "countries/XX", "README.md", "countries/HU/as-is.yaml", "countries/GR/to-be.yaml"}
	for _, opts := range []gitrev.HistoryOptions{{Follow: sharedFile(r)}, {Limit: 1, Follow: sharedFile(r)}, {Limit: 2, Follow: sharedFile(r)}, {}, {Limit: 3}} {
		many, err := r.HistoryMany(head, paths, opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(many) != len(paths) {
			t.Fatalf("%d answers for %d paths", len(many), len(paths))
		}
		for i, p := range paths {
			one, err := r.History(head, p, opts)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(many[i], one) {
				t.Errorf("%+v %s: HistoryMany %v, History %v", opts, p, many[i], one)
			}
		}
	}
	if _, err := r.HistoryMany(head, nil, gitrev.HistoryOptions{}); err != nil {
		t.Error(err)
	}
}
