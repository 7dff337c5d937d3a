package diff

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/cmdutil/cmdtest"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
	"github.com/hwfplan/hwfplan/internal/golden"
	"github.com/hwfplan/hwfplan/internal/iostreams"
	"github.com/hwfplan/hwfplan/internal/plandiff"
	"github.com/hwfplan/hwfplan/internal/planrev"
)

func TestNewCmdDiffFlags(t *testing.T) {
	tests := []struct {
		args    string
		want    Options
		wantErr string
	}{
		{args: "", want: Options{Base: "main", Format: "text"}},
		{args: "main", want: Options{Revisions: []string{"main"}, Base: "main", Format: "text"}},
		{args: "v1 v2 --format json --exit-code", want: Options{Revisions: []string{"v1", "v2"}, Base: "main", Format: "json", ExitCode: true}},
		{args: "-c hu,sk --country ee --word-diff --base develop -f markdown", want: Options{Base: "develop", Countries: []string{"HU", "SK", "EE"}, Format: "markdown", WordDiff: true}},
		{args: "--format yaml", wantErr: `invalid argument "yaml" for "-f, --format" flag: use one of text, markdown, json`},
		{args: "a b c", wantErr: "accepts at most 2 arg(s), received 3"},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			got, err := cmdtest.Parse(nil, NewCmdDiff, strings.Fields(tt.args))
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got.Revisions, " ") != strings.Join(tt.want.Revisions, " ") || got.Base != tt.want.Base ||
				strings.Join(got.Countries, ",") != strings.Join(tt.want.Countries, ",") || got.Format != tt.want.Format ||
				got.WordDiff != tt.want.WordDiff || got.ExitCode != tt.want.ExitCode {
				t.Errorf("got %+v, want %+v", *got, tt.want)
			}
		})
	}
}

// plansRepo commits the plandiff fixture (Hungary) on main, then a feature branch that
// edits it, and leaves one uncommitted edit in the working tree.
func plansRepo(t *testing.T) *gittest.Repo {
	g := gittest.New(t)
	files := gittest.ReadFiles(t, filepath.Join("..", "..", "plandiff", "testdata", "base"))
	g.Write(files)
	g.Commit("Hungary: first illustrative plan")
	g.Git("checkout", "-q", "-b", "feature")
	g.Replace("countries/HU/as-is.yaml", "      linkage:\n        score: 1", "      linkage:\n        score: 2")
	g.Replace("countries/HU/action-plan.yaml", "    end: 2025-12", "    end: 2026-06")
	g.Commit("Hungary: linkage improved, HU-A1 extended")
	g.Replace("countries/HU/country.yaml", "status: illustrative", "status: draft")
	return g
}

func run(t *testing.T, dir string, args ...string) (string, string, error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, RootFlag: &dir}
	cmd := NewCmdDiff(f, nil)
	cmd.SetArgs(append([]string{}, args...)) // never nil: cobra would read os.Args
	cmd.SetOut(errOut)
	cmd.SetErr(errOut)
	err := cmd.Execute()
	return out.String(), errOut.String(), err
}

var hashRe = regexp.MustCompile(`\b[0-9a-f]{7}\b`)

func TestDiffRun(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // diffs of two commits are kept there
	g := plansRepo(t)
	tests := []struct {
		name   string
		args   []string
		golden string
		exit   bool
	}{
		{name: "merge base to working tree", args: nil, golden: "default.txt"},
		{name: "three dots, markdown", args: []string{"--format", "markdown", "main...HEAD"}, golden: "pr.md"},
		{name: "two commits, json", args: []string{"--format", "json", "main", "feature"}, golden: "commits.json"},
		{name: "country filter", args: []string{"--country", "HU", "feature"}, golden: "filtered.txt"},
		{name: "exit code with changes", args: []string{"--exit-code", "main"}, golden: "main.txt", exit: true},
		{name: "exit code without changes", args: []string{"--exit-code", "feature", "HEAD"}, golden: "none.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := run(t, g.Dir, tt.args...)
			if tt.exit {
				if code, ok := cmdutil.IsSilent(err); !ok || code != 1 {
					t.Fatalf("want silent exit 1, got %v", err)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			// Commit hashes depend on nothing random (fixed dates), but keep goldens readable.
			golden.Check(t, filepath.Join("testdata", tt.golden), []byte(hashRe.ReplaceAllString(out, "HASH")))
		})
	}
}

// TestDiffKept: a diff of two commits is kept in the user's cache folder, and the
// next run prints the same, exits the same and says the same on stderr; a damaged
// cache file gives the diff computed again; the working tree is never kept.
func TestDiffKept(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	g := plansRepo(t)
	g.Commit("Hungary: draft")
	g.Write(map[string]string{"countries/HU/to-do.yaml": "steps: [oops\n"})
	g.Commit("Hungary: a broken road map")
	files := func() []string {
		t.Helper()
		fs, _ := filepath.Glob(filepath.Join(cache, "hwfplan", "diff", "*"))
		return fs
	}
	if _, errOut, err := run(t, g.Dir, "main"); err == nil || !strings.Contains(errOut, "could not be read") {
		t.Fatalf("main to the working tree: %v, %s", err, errOut)
	}
	if fs := files(); len(fs) != 0 {
		t.Fatalf("a diff against the working tree was kept: %v", fs)
	}
	for i, args := range [][]string{
		{"main", "feature"},
		{"--format", "json", "main", "feature"},
		{"--format", "markdown", "--word-diff", "main...feature"},
		{"--country", "HU", "--exit-code", "main", "feature"},
		{"--exit-code", "feature", "feature"},
		{"HEAD~1", "HEAD"}, // unreadable: exit 1 and a word on stderr
		{"--format", "json", "HEAD~2", "HEAD"},
	} {
		out, errOut, err := run(t, g.Dir, args...)
		if len(files()) != i+1 {
			t.Fatalf("%q: %d kept diffs, want %d", args, len(files()), i+1)
		}
		check := func(what string) {
			t.Helper()
			out2, errOut2, err2 := run(t, g.Dir, args...)
			code, _ := cmdutil.IsSilent(err)
			code2, _ := cmdutil.IsSilent(err2)
			if out2 != out || errOut2 != errOut || (err == nil) != (err2 == nil) || code != code2 {
				t.Errorf("%q %s:\n%s%s(%v)\nwant:\n%s%s(%v)", args, what, out2, errOut2, err2, out, errOut, err)
			}
		}
		check("from the cache")
		for _, f := range files() {
			if err := os.WriteFile(f, []byte("hwfplan-cache-1\n3\nbad"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		check("with damaged cache files")
		check("once written again")
	}
}

func TestDiffErrors(t *testing.T) {
	g := plansRepo(t)
	_, _, err := run(t, g.Dir, "no-such-rev")
	t.Logf("unknown revision: %v", err)
	if !errors.Is(err, gitrev.ErrUnknownRevision) || !strings.Contains(err.Error(), `"no-such-rev"`) {
		t.Errorf("unknown revision: %v", err)
	}
	// CI's default checkout: one commit of the pull request branch, no main.
	shallow := g.Clone("--depth", "1", "--branch", "feature")
	_, _, err = run(t, shallow.Dir)
	t.Logf("shallow clone: %v", err)
	if !errors.Is(err, gitrev.ErrShallow) || !strings.Contains(err.Error(), "fetch-depth: 0") || !strings.Contains(err.Error(), "git fetch --unshallow") {
		t.Errorf("shallow clone: %v", err)
	}
	_, _, err = run(t, t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "not inside a git repository") {
		t.Errorf("no repository: %v", err)
	}
}

// TestCompareLoadsOnlyWhatDiffers: the report from loading only the files that
// differ is the report from loading both revisions whole.
func TestCompareLoadsOnlyWhatDiffers(t *testing.T) {
	dir := t.TempDir()
	fixture, extra := map[string]string{}, map[string]string{}
	base := filepath.Join("..", "..", "plandiff", "testdata", "base")
	for _, n := range []string{"country.yaml", "as-is.yaml", "to-be.yaml", "to-do.yaml", "action-plan.yaml"} {
		data, err := os.ReadFile(filepath.Join(base, "countries", "HU", n))
		if err != nil {
			t.Fatal(err)
		}
		fixture[n] = string(data)
	}
	for _, p := range []string{"schema/framework.yaml", "clusters/wp6.yaml"} {
		data, err := os.ReadFile(filepath.Join(base, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		extra[p] = string(data)
	}
	if _, err := gittest.Generate(dir, gittest.GenerateOptions{Commits: 40, Countries: strings.Fields("HU SK SI PL EE"), Fixture: fixture, Extra: extra}); err != nil {
		t.Fatal(err)
	}
	r, err := gitrev.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, args := range [][]string{{"HEAD~30", "HEAD"}, {"HEAD~1", "HEAD"}, {"HEAD~12", "HEAD~5"}, {"HEAD", "HEAD~20"}} {
		for _, countries := range [][]string{nil, {"SK"}} {
			old, err := planrev.At(r, dir, args[0])
			if err != nil {
				t.Fatal(err)
			}
			new, err := planrev.At(r, dir, args[1])
			if err != nil {
				t.Fatal(err)
			}
			opts := plandiff.Options{Countries: countries, WordDiff: true}
			got, err := Compare(r, old, new, opts)
			if err != nil {
				t.Fatal(err)
			}
			oldRepo, oldDS := old.Load()
			newRepo, newDS := new.Load()
			want := plandiff.DiffRevisions(plandiff.Revision{Label: old.Label, Repo: oldRepo, Diags: oldDS},
				plandiff.Revision{Label: new.Label, Repo: newRepo, Diags: newDS}, opts)
			var gb, wb bytes.Buffer
			w, _ := plandiff.NewWriter("json")
			if err := w.Write(&gb, got); err != nil {
				t.Fatal(err)
			}
			if err := w.Write(&wb, want); err != nil {
				t.Fatal(err)
			}
			if gb.String() != wb.String() {
				t.Errorf("%v %v: loading what differs gives\n%s\nloading everything gives\n%s", args, countries, gb.String(), wb.String())
			}
			if want.Count() == 0 && countries == nil && args[0] != "HEAD~1" {
				t.Errorf("%v: no changes; the fixture does not test anything", args)
			}
		}
	}
}

// TestDiffProgramme: a revision that edits the programme files is described in
// domain terms, from a real git repository: an EU action's status, a dialogue
// added (with the date its country's action plan gives), a twinning removed, a
// Policy Board meeting and its decision added, and a programme file added.
func TestDiffProgramme(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	g := gittest.New(t)
	files := gittest.ReadFiles(t, filepath.Join("..", "..", "plandiff", "testdata", "base"))
	files["programme/eu-action-plan.yaml"] = `status: illustrative
actions:
  - {id: EU-A1, title: Register specification, task: data, level: eu, implements: [HU-S1], responsible: HEROES coordination, start: 2025-10, end: 2026-01, status: in_progress}
  - {id: EU-A2, title: Model library, task: models, level: eu, items: [models.methodology], responsible: HEROES coordination, start: 2025-09, end: 2026-01, status: planned}
`
	files["programme/policy-dialogues.yaml"] = `status: illustrative
dialogues:
  - {id: D1, level: eu, date: "2026-03-26", themes: [Data and intelligence]}
`
	files["programme/twinning.yaml"] = `status: illustrative
twinnings:
  - {id: T1, countries: [EE, LT], topic: Multi-profession models, date: "2025-04-09"}
  - {id: T2, countries: [HU, SI], topic: Register linkage, date: "2025-09-23"}
`
	g.Write(files)
	g.Commit("programme files")
	g.Git("checkout", "-q", "-b", "feature")
	g.Replace("programme/eu-action-plan.yaml", "status: planned}", "status: in_progress}")
	g.Replace("programme/policy-dialogues.yaml", "themes: [Data and intelligence]}\n", "themes: [Data and intelligence]}\n  - {id: D3, level: national, country: HU, themes: [Data linkage], actions: [HU-A1]}\n")
	g.Replace("programme/twinning.yaml", "  - {id: T2, countries: [HU, SI], topic: Register linkage, date: \"2025-09-23\"}\n", "retired_ids: [T2]\n")
	g.Write(map[string]string{"programme/policy-board.yaml": `status: illustrative
members:
  - {country: HU, authority: OKFŐ}
meetings:
  - id: PB1
    date: "2025-11-17"
    title: Policy Board on Sustainability
    decisions:
      - {id: d1, text: Keep the models running after the programme}
`})
	g.Commit("programme: EU-A2 started, HU dialogue recorded, T2 withdrawn, Board meeting")
	for _, format := range []string{"text", "markdown"} {
		out, _, err := run(t, g.Dir, "--format", format, "main", "feature")
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, filepath.Join("testdata", "programme."+format), []byte(hashRe.ReplaceAllString(out, "HASH")))
	}
}
