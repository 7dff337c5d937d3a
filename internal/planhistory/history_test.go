package planhistory

import (
	"encoding/json"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/model"

	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/plandiff"
)

func fixture(t *testing.T) map[string]string {
	return gittest.ReadFiles(t, filepath.Join("..", "plandiff", "testdata", "base"))
}

// eventfulHistory: HU first committed as HX and renamed, SK copied from it; edits to
// every file, on branches merged back (one merge changes HU on both sides), a file
// deleted and re-added, a file broken and mended, the whole folder deleted and
// re-added, two files given the same content.
func eventfulHistory(t *testing.T) *gittest.Repo {
	g := gittest.New(t)
	files := fixture(t)
	for k, v := range files {
		if rest, ok := strings.CutPrefix(k, "countries/HU/"); ok {
			delete(files, k)
			files["countries/HX/"+rest] = v
			files["countries/SK/"+rest] = strings.ReplaceAll(v, "HU", "SK")
		}
	}
	g.Write(files)
	g.Commit("HU under a wrong code, and SK")
	g.Git("mv", "countries/HX", "countries/HU")
	g.Commit("rename HX to HU")
	g.Replace("countries/HU/as-is.yaml", "      linkage:\n        score: 1", "      linkage:\n        score: 2")
	g.Commit("linkage")
	g.Git("checkout", "-q", "-b", "side")
	g.Replace("countries/HU/country.yaml", "status: illustrative", "status: draft")
	g.Commit("draft on side")
	g.Replace("countries/SK/as-is.yaml", "      linkage:\n        score: 1", "      linkage:\n        score: 0")
	g.Commit("SK on side")
	g.Git("checkout", "-q", "main")
	g.Replace("countries/HU/to-be.yaml", "planning_committee: {score: 2, year: 2026", "planning_committee: {score: 2, year: 2027")
	g.Commit("committee 2027")
	g.Merge("side", "merge side (HU changed on both sides)")
	g.Remove("countries/HU/to-do.yaml")
	g.Commit("drop to-do")
	g.Write(map[string]string{"countries/HU/to-do.yaml": files["countries/HX/to-do.yaml"]})
	g.Commit("restore to-do")
	g.Write(map[string]string{"countries/HU/as-is.yaml": "tasks: [oops\n"})
	g.Commit("break as-is")
	g.Write(map[string]string{"countries/HU/as-is.yaml": files["countries/HX/as-is.yaml"]})
	g.Commit("mend as-is")
	g.Git("checkout", "-q", "-b", "sk-only")
	g.Replace("countries/SK/country.yaml", "status: illustrative", "status: draft")
	g.Commit("SK only")
	g.Git("checkout", "-q", "main")
	g.Merge("sk-only", "merge sk-only")
	g.Git("rm", "-rq", "countries/HU")
	g.Commit("remove HU")
	g.Write(map[string]string{"README.md": "plans\n"})
	g.Commit("readme")
	for k, v := range files {
		if rest, ok := strings.CutPrefix(k, "countries/HX/"); ok && rest != "action-plan.yaml" {
			g.Write(map[string]string{"countries/HU/" + rest: strings.ReplaceAll(v, "HX", "HU")})
		}
	}
	g.Commit("re-add HU without its action plan")
	g.Write(map[string]string{"countries/HU/to-do.yaml": "{}\n", "countries/HU/action-plan.yaml": "{}\n"})
	g.Commit("to-do and action plan with the same content")
	g.Replace("countries/HU/to-be.yaml", "planning_committee: {score: 2, year: 2026", "planning_committee: {score: 1, year: 2028")
	g.Replace("countries/HU/country.yaml", "status: illustrative", "status: submitted")
	g.Commit("two files at once")
	// The plan's translations: added, edited with the English, one language's
	// bytes given to another, a file that is not a translation, broken, mended,
	// removed.
	const hu, it = "countries/HU/translations/hu.yaml", "countries/HU/translations/it.yaml"
	tr := "language: hu\nreview: {reviewed: false}\naction-plan:\n  actions:\n    HU-A1: {title: Jogalap}\n"
	g.Write(map[string]string{hu: tr})
	g.Commit("Hungarian translation")
	g.Replace(hu, "{title: Jogalap}", "{title: Jogalap az adatokhoz}")
	g.Replace("countries/HU/country.yaml", "status: submitted", "status: draft")
	g.Commit("translation and English at once")
	g.Write(map[string]string{it: tr, "countries/HU/translations/README.md": "notes\n"})
	g.Commit("Italian file with the Hungarian bytes, and a readme")
	g.Write(map[string]string{hu: "action-plan: [oops\n"})
	g.Commit("break the Hungarian")
	g.Write(map[string]string{hu: tr})
	g.Commit("mend the Hungarian")
	g.Remove(it)
	g.Commit("drop the Italian")
	return g
}

// plainFollow is the rename rule applied the plain way: both commits loaded whole.
func plainFollow(t *testing.T, r *gitrev.Repo) gitrev.RenameRule {
	return func(commit, parent gitrev.Hash, p string) (string, error) {
		loadAt := func(h gitrev.Hash) *model.Repo {
			fsys, err := r.FS(h)
			if err != nil {
				t.Fatal(err)
			}
			repo, _ := load.Load(fsys, load.Options{})
			return repo
		}
		before, after := loadAt(parent), loadAt(commit)
		var removed, added []*model.Country
		for _, c := range before.Countries {
			if after.Country(c.Code) == nil {
				removed = append(removed, c)
			}
		}
		for _, c := range after.Countries {
			if before.Country(c.Code) == nil {
				added = append(added, c)
			}
		}
		if old, ok := plandiff.Renames(removed, added)[path.Base(p)]; ok {
			return path.Join(model.CountriesDir, old), nil
		}
		return "", nil
	}
}

// reference is the history computed the plain way: each revision and its first parent
// loaded whole with load.Load, compared whole.
func reference(t *testing.T, r *gitrev.Repo, start gitrev.Hash, code string, opts Options) *History {
	t.Helper()
	revs, err := r.History(start, path.Join(model.CountriesDir, code), gitrev.HistoryOptions{Limit: opts.Limit, Follow: plainFollow(t, r)})
	if err != nil {
		t.Fatal(err)
	}
	mainline, _ := r.FirstParents(start)
	loadAt := func(commit gitrev.Hash, dir string) (*model.Repo, *model.Country, []diag.Diagnostic) {
		fsys, err := r.FS(commit)
		if err != nil {
			t.Fatal(err)
		}
		repo, ds := load.Load(OnlyCountry(fsys, path.Base(dir)), load.Options{})
		return repo, repo.Country(path.Base(dir)), ds
	}
	h := &History{Code: code, Tasks: []string{}, Entries: []Entry{}}
	for i, rev := range revs {
		repo, now, nowDiags := loadAt(rev.Hash, rev.Path)
		var before *model.Country
		var beforeDiags []diag.Diagnostic
		if len(rev.Parents) > 0 {
			old := rev.Path
			if rev.RenamedFrom != "" {
				old = rev.RenamedFrom
			}
			_, before, beforeDiags = loadAt(rev.Parents[0], old)
		}
		if i == 0 {
			h.Tasks = repo.Framework.TaskIDs()
		}
		c, _ := r.Commit(rev.Hash)
		cd, unread := plandiff.CompareCountryRevisions(repo.Framework, before, now, beforeDiags, nowDiags, plandiff.Options{})
		asIs, toBe := TaskScores(repo.Framework, now)
		subject, _, _ := strings.Cut(strings.TrimSpace(c.Message), "\n")
		h.Entries = append(h.Entries, Entry{
			Commit: rev.Hash.String(), Short: rev.Hash.String()[:7],
			Author: c.Author.Name, Email: c.Author.Email, Date: c.Author.When,
			Subject: subject, Message: strings.TrimSpace(c.Message), Merge: len(rev.Parents) > 1, Mainline: mainline[rev.Hash],
			Path: rev.Path, Renamed: rev.RenamedFrom, Summary: summary(cd, unread), Changes: cd, Unreadable: unread, AsIs: asIs, ToBe: toBe,
		})
	}
	return h
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Country reads only what changed and compares only the changed files; it must give
// what loading and comparing every revision whole gives, loose or packed, whatever
// the window.
func TestCountryMatchesReference(t *testing.T) {
	g := eventfulHistory(t)
	check := func(name string) {
		r, err := gitrev.Open(g.Dir)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		head, _ := r.Resolve("HEAD")
		for _, code := range []string{"HU", "SK", "XX"} {
			for _, opts := range []Options{{}, {Limit: 3}} {
				want := asJSON(t, reference(t, r, head, code, opts))
				got, err := Country(r, head, code, opts)
				if err != nil {
					t.Fatal(err)
				}
				if g := asJSON(t, got); g != want {
					t.Errorf("%s %s %+v: differs from the reference\n--- got\n%s\n--- want\n%s", name, code, opts, g, want)
				}
			}
		}
		all, err := Countries(r, head, []string{"HU", "SK"}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for code, h := range all {
			if got, want := asJSON(t, h), asJSON(t, reference(t, r, head, code, Options{})); got != want {
				t.Errorf("%s Countries %s differs from the reference", name, code)
			}
		}
		recent, err := Countries(r, head, []string{"SK", "XX", "HU"}, Options{Limit: 4})
		if err != nil {
			t.Fatal(err)
		}
		if len(recent) != 3 {
			t.Errorf("%s Countries: %d histories", name, len(recent))
		}
		for code, h := range recent {
			if got, want := asJSON(t, h), asJSON(t, reference(t, r, head, code, Options{Limit: 4})); got != want {
				t.Errorf("%s Countries %s differs from the reference\n--- got\n%s\n--- want\n%s", name, code, got, want)
			}
		}
	}
	hu := g.Log("--", "countries/HU")
	if len(hu) < 12 {
		t.Fatalf("HU history too short: %d", len(hu))
	}
	check("loose")
	defer func(w int) { historyWindow = w }(historyWindow)
	historyWindow = 2 // parsed files are dropped and read again across windows
	check("loose, window 2")
	g.Git("gc", "-q", "--aggressive")
	check("packed, window 2")
}
