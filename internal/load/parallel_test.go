package load

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
	"github.com/hwfplan/hwfplan/internal/model"
	"go.yaml.in/yaml/v3"
)

// messyRepo writes a repository of many countries where some folders have every
// kind of problem the loader reports, so that parallel and sequential loads have
// diagnostics from many units to interleave.
func messyRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"schema/framework.yaml": "not: [a framework\n",
		"clusters/wp5.yaml":     "id: wp5\nname: Five\ncountries: [HU, SK]\n",
		"clusters/wp6.yaml":     "id: wp6\nid: again\n",
		"clusters/WP7.yaml":     "id: wp7\n",
		"clusters/notes.md":     "# notes\n",
		"clusters/empty.yaml":   "# nothing\n",
		"countries/README.md":   "# countries\n",
		"countries/stray.yaml":  "a: 1\n",
		"countries/hu/x.yaml":   "a: 1\n",
	}
	for i, code := range []string{"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"} {
		for k, v := range fullCountry(code) {
			files[k] = v
		}
		d := "countries/" + code + "/"
		files[d+"country.yaml"] = "code: " + code + "\nname: Country " + code + "\ncluster: wp5\nscore: 3\nratio: 0.5\nok: true\n"
		switch i % 9 {
		case 0:
			files[d+"as-is.yaml"] = "tasks:\n  a: [1, 2\n"
		case 1:
			files[d+"to-be.yaml"] = "a: 1\na: 2\nb: &x 1\nc: *x\n"
		case 2:
			files[d+"to-do.yaml"] = "\tsteps: []\n"
		case 3:
			files[d+"action-plan.yaml"] = "- a list\n"
		case 4:
			files[d+"notes.txt"] = "ok\n"
			files[d+"extra.yaml"] = "a: 1\n"
		case 5:
			files[d+"as-is.yaml"] = "big: 99999999999999999999999\nnan: .nan\n"
		case 6:
			files[d+"to-be.yaml"] = "---\na: 1\n---\nb: 2\n"
		case 7:
			files[d+"country.yaml"] = "\xff\xfe"
		}
	}
	gittest.WriteTree(t, dir, files)
	os.Remove(filepath.Join(dir, "countries/DE/to-do.yaml"))
	os.Mkdir(filepath.Join(dir, "countries/DE/to-do.yaml"), 0o755)
	os.Remove(filepath.Join(dir, "countries/FR/as-is.yaml"))
	gittest.WriteTree(t, dir, map[string]string{"countries/LT/as-is.yaml": "notes: " + strings.Repeat("x", 5000) + "\n"})
	if err := os.Symlink(filepath.Join(t.TempDir(), "secret.yaml"), filepath.Join(dir, "countries/IT/country.yaml.tmp")); err == nil {
		os.Rename(filepath.Join(dir, "countries/IT/country.yaml.tmp"), filepath.Join(dir, "countries/IT/country.yaml"))
	}
	os.Symlink("../HU/as-is.yaml", filepath.Join(dir, "countries/PL/as-is.yaml.tmp"))
	os.Rename(filepath.Join(dir, "countries/PL/as-is.yaml.tmp"), filepath.Join(dir, "countries/PL/as-is.yaml"))
	os.Symlink("SK", filepath.Join(dir, "countries/XK"))
	os.Remove(filepath.Join(dir, "countries/RO/to-be.yaml"))
	syscall.Mkfifo(filepath.Join(dir, "countries/RO/to-be.yaml"), 0o600)
	return dir
}

// plainFS hides a DirFS behind another type, so Load reads it path by path
// through ReadLimited, as it did before it opened folders itself.
type plainFS struct{ fs fs.FS }

func (p plainFS) Open(name string) (fs.File, error)     { return p.fs.Open(name) }
func (p plainFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(p.fs, name) }

// loadWith loads fsys with GOMAXPROCS set to procs, failing if it hangs.
func loadWith(t *testing.T, fsys fs.FS, procs int, opts Options) (*model.Repo, []diag.Diagnostic) {
	t.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	type result struct {
		repo  *model.Repo
		diags []diag.Diagnostic
	}
	done := make(chan result, 1)
	go func() {
		r, ds := Load(fsys, opts)
		done <- result{r, ds}
	}()
	select {
	case r := <-done:
		return r.repo, r.diags
	case <-time.After(20 * time.Second):
		t.Fatal("the load hangs")
		return nil, nil
	}
}

// TestParallelLoadIsSequentialLoad loads the same messy repository on one and on
// several cores, through the folder-at-a-time reads of a DirFS and the
// path-by-path reads of any other fs.FS: the repositories and the diagnostics
// must be the same, in the same order.
func TestParallelLoadIsSequentialLoad(t *testing.T) {
	dir := messyRepo(t)
	root, err := DirFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	wantRepo, wantDS := loadWith(t, plainFS{root}, 1, Options{MaxFileSize: 4096})
	if len(wantRepo.Countries) != 28 || len(wantDS) < 30 {
		t.Fatalf("the fixture loads %d countries with %d diagnostics; want 28 and many:\n%s", len(wantRepo.Countries), len(wantDS), render(wantDS))
	}
	for _, want := range []string{
		"countries/RO/to-be.yaml: error: this is not an ordinary file",
		"countries/IT/country.yaml: error: this is a symbolic link to a place outside the repository",
		"countries/DE/to-do.yaml: error: expected a file here, found a folder",
		"countries/LT/as-is.yaml: error: file is 4.9 KiB, over the limit of 4.0 KiB",
		"countries/FR/as-is.yaml: error: the file is missing",
		"countries/CZ/extra.yaml: warning: hwfplan does not read this file",
	} {
		if !strings.Contains(render(wantDS), want) {
			t.Errorf("the fixture lacks %q:\n%s", want, render(wantDS))
		}
	}
	if c := wantRepo.Country("PL"); c == nil || c.AsIs == nil {
		t.Error("a link to a file inside the repository is not followed")
	}
	for _, tc := range []struct {
		name  string
		fsys  fs.FS
		procs int
	}{
		{"DirFS, 1 core", root, 1},
		{"DirFS, 2 cores", root, 2},
		{"DirFS, 8 cores", root, 8},
		{"other fs.FS, 8 cores", plainFS{root}, 8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for range 3 {
				repo, ds := loadWith(t, tc.fsys, tc.procs, Options{MaxFileSize: 4096})
				if got, want := render(ds), render(wantDS); got != want {
					t.Fatalf("diagnostics differ:\n--- got\n%s\n--- want\n%s", got, want)
				}
				if !reflect.DeepEqual(repo, wantRepo) {
					t.Fatal("the loaded repository differs")
				}
			}
		})
	}
}

// TestLoadGitLikeFS loads through an fs.FS that must not be used from two
// goroutines at once (like a git revision's): every read is checked.
func TestLoadGitLikeFS(t *testing.T) {
	m := fstest.MapFS{}
	for _, code := range []string{"AT", "BE", "HU", "SK", "SI", "PL"} {
		for k, v := range fullCountry(code) {
			m[k] = &fstest.MapFile{Data: []byte(v)}
		}
	}
	want, wantDS := loadWith(t, m, 1, Options{})
	got, gotDS := loadWith(t, &exclusiveFS{t: t, fs: m}, 8, Options{})
	if render(gotDS) != render(wantDS) || !reflect.DeepEqual(got, want) {
		t.Errorf("a serialised load differs:\n%s\nwant\n%s", render(gotDS), render(wantDS))
	}
}

// exclusiveFS fails the test when two goroutines use it at once.
type exclusiveFS struct {
	t    *testing.T
	fs   fs.FS
	busy chan struct{}
}

func (e *exclusiveFS) enter() func() {
	if e.busy == nil {
		e.busy = make(chan struct{}, 1) // set before Load starts its goroutines
	}
	select {
	case e.busy <- struct{}{}:
	default:
		e.t.Error("the fs.FS is used by two goroutines at once")
		return func() {}
	}
	time.Sleep(100 * time.Microsecond) // widen the window
	return func() { <-e.busy }
}

func (e *exclusiveFS) Open(name string) (fs.File, error) {
	defer e.enter()()
	f, err := e.fs.Open(name)
	if err != nil {
		return nil, err
	}
	return exclusiveFile{f, e}, nil
}

type exclusiveFile struct {
	fs.File
	e *exclusiveFS
}

func (f exclusiveFile) Read(b []byte) (int, error) {
	defer f.e.enter()()
	return f.File.Read(b)
}

func (f exclusiveFile) ReadDir(n int) ([]fs.DirEntry, error) {
	defer f.e.enter()()
	return f.File.(fs.ReadDirFile).ReadDir(n)
}

func TestLoadSkip(t *testing.T) {
	m := fstest.MapFS{}
	for _, code := range []string{"HU", "SK"} {
		for k, v := range fullCountry(code) {
			m[k] = &fstest.MapFile{Data: []byte(v)}
		}
	}
	m["clusters/wp5.yaml"] = &fstest.MapFile{Data: []byte("id: wp5\n")}
	skip := map[string]bool{"countries/SK": true, "countries/HU/to-do.yaml": true, "clusters/wp5.yaml": true}
	repo, ds := Load(m, Options{Skip: func(p string) bool { return skip[p] }})
	if len(ds) != 0 {
		t.Errorf("skipped files are reported:\n%s", render(ds))
	}
	if len(repo.Countries) != 1 || repo.Countries[0].Code != "HU" {
		t.Fatalf("countries %v, want HU only", repo.Countries)
	}
	hu := repo.Countries[0]
	if hu.Files["to-do.yaml"] != nil || hu.ToDo != nil || hu.Files["as-is.yaml"] == nil || repo.Files["countries/HU/to-do.yaml"] != nil {
		t.Error("HU's to-do.yaml is loaded, or its other files are not")
	}
	if len(repo.Clusters) != 1 || repo.Clusters[0].ID != "wp6" {
		t.Errorf("clusters %v, want wp6 only", repo.Clusters)
	}
}

func TestLoadCache(t *testing.T) {
	a := fstest.MapFS{}
	for k, v := range fullCountry("HU") {
		a[k] = &fstest.MapFile{Data: []byte(v)}
	}
	a["countries/HU/to-be.yaml"] = &fstest.MapFile{Data: []byte("a: [1\n")}
	b := fstest.MapFS{}
	for k, v := range a {
		b[k] = v
	}
	b["countries/HU/as-is.yaml"] = &fstest.MapFile{Data: []byte("a: 2\n")}
	c := NewCache()
	ra, dsa := Load(a, Options{Cache: c})
	rb, dsb := Load(b, Options{Cache: c})
	if render(dsa) != render(dsb) || !strings.Contains(render(dsa), "countries/HU/to-be.yaml:1:4: error:") {
		t.Errorf("a cached file's diagnostics are not given again:\n%s\n%s", render(dsa), render(dsb))
	}
	ha, hb := ra.Country("HU"), rb.Country("HU")
	if ha.Files["to-do.yaml"] != hb.Files["to-do.yaml"] || ha.ToDo != hb.ToDo || ra.FrameworkFile != rb.FrameworkFile {
		t.Error("a file that is the same on both sides is parsed twice")
	}
	if ha.Files["as-is.yaml"] == hb.Files["as-is.yaml"] || ha.AsIs == hb.AsIs {
		t.Error("a file that differs is shared")
	}
	// The same loads without the cache give equal values.
	ua, udsa := Load(a, Options{})
	if render(udsa) != render(dsa) || !reflect.DeepEqual(ua, ra) {
		t.Error("a load with a cache differs from one without")
	}
}

// TestLoadPanicInCaller: a panic while loading (here in Options.Skip) reaches
// Load's caller, as it did when Load was sequential, not a goroutine of its own
// that would end the program.
func TestLoadPanicInCaller(t *testing.T) {
	m := fstest.MapFS{}
	for _, code := range []string{"HU", "SK", "SI", "PL"} {
		for k, v := range fullCountry(code) {
			m[k] = &fstest.MapFile{Data: []byte(v)}
		}
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("recovered %v, want boom", r)
		}
	}()
	Load(m, Options{Skip: func(p string) bool {
		if p == "countries/SI/to-be.yaml" {
			panic("boom")
		}
		return false
	}})
	t.Error("Load did not panic")
}

// TestPlainScalar: the fast conversions of untagged scalars give what yaml.v3's
// decoder gives.
func TestPlainScalar(t *testing.T) {
	for _, text := range []string{
		"true", "True", "TRUE", "false", "False", "FALSE", "yes", "on",
		"0", "1", "-1", "+7", "017", "0o17", "0x1F", "-0x1F", "0b101", "1_000", "9223372036854775807",
		"9223372036854775808", "-9223372036854775809", "99999999999999999999",
		"1.5", "-0.25", ".5", "+.5", "1e5", "1.e5", "1E-3", "1_000.5", ".inf", "-.Inf", ".nan", "1e400",
		"abc", "2024-06-28", "~", "null", "\"12\"", "'true'", "!!float 1", "!!int 017", "!!str 1",
	} {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte("v: "+text+"\n"), &doc); err != nil {
			t.Fatal(err)
		}
		n := doc.Content[0].Content[1]
		got, ok := plainScalar(n)
		if !ok {
			continue
		}
		var want any
		switch n.Tag {
		case "!!bool":
			var b bool
			if err := n.Decode(&b); err != nil {
				t.Fatalf("%s: %v", text, err)
			}
			want = b
		case "!!int":
			var i int64
			if err := n.Decode(&i); err != nil {
				t.Errorf("%s: fast path accepts what Decode refuses: %v", text, err)
				continue
			}
			want = i
		case "!!float":
			var f float64
			if err := n.Decode(&f); err != nil {
				t.Errorf("%s: fast path accepts what Decode refuses: %v", text, err)
				continue
			}
			want = f
		default:
			want = n.Value
		}
		if got != want {
			t.Errorf("%s (%s): fast path %#v, Decode %#v", text, n.Tag, got, want)
		}
	}
}

func TestOnlyComments(t *testing.T) {
	for text, want := range map[string]bool{
		"":                       true,
		"\n\n  \n":               true,
		"# a\n  # b\n---\n...\n": true,
		"---\n# x":               true,
		"\u00a0\n":               true,
		"a: 1":                   false,
		"# a\nb":                 false,
		"--- a\n":                false,
		"- \n":                   false,
	} {
		if got := onlyComments([]byte(text)); got != want {
			t.Errorf("onlyComments(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestLoadNoValues: without File.Value, the repository and the diagnostics are
// otherwise the same.
func TestLoadNoValues(t *testing.T) {
	root, err := DirFS(messyRepo(t))
	if err != nil {
		t.Fatal(err)
	}
	want, wantDS := Load(root, Options{MaxFileSize: 4096})
	got, gotDS := Load(root, Options{MaxFileSize: 4096, NoValues: true})
	if render(gotDS) != render(wantDS) {
		t.Errorf("diagnostics differ:\n%s\nwant\n%s", render(gotDS), render(wantDS))
	}
	values := 0
	for _, f := range want.Files {
		if f.Value != nil {
			values++
		}
		f.Value = nil
	}
	for _, f := range got.Files {
		if f.Value != nil {
			t.Errorf("%s has a value", f.Path)
		}
	}
	if values < 50 || !reflect.DeepEqual(got, want) {
		t.Errorf("the repositories differ beyond File.Value (%d values)", values)
	}
}
