package sitecli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/cmd/build"
	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/iostreams"
	"github.com/hwfplan/hwfplan/internal/outdir"
	"github.com/hwfplan/hwfplan/internal/publish"
	"github.com/hwfplan/hwfplan/internal/schema"
	"github.com/hwfplan/hwfplan/internal/site"
)

// plansCopy copies the shipped plans (countries, clusters, schema) into a temp dir.
func plansCopy(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for _, d := range []string{"countries", "clusters", "schema"} {
		out, err := exec.Command("cp", "-r", filepath.Join("..", "..", d), root).CombinedOutput()
		if err != nil {
			t.Fatalf("copy %s: %v %s", d, err, out)
		}
	}
	return root
}

func TestRunBuildsAndRefusesInvalidPlans(t *testing.T) {
	root := plansCopy(t)
	out := filepath.Join(t.TempDir(), "site")
	ios, _, _, stderr := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, RootFlag: &root}
	if err := Build(&build.Options{Factory: f, Out: out, BaseURL: "/"}); err != nil {
		t.Fatalf("build: %v\n%s", err, stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "countries", "hu", "index.html"))
	if err != nil || !strings.Contains(string(page), "Hungary") {
		t.Fatalf("countries/hu/index.html: %v %.200q", err, page)
	}
	assertSchemasPublished(t, out)
	// Break a plan: the build is refused and the published site stays as it was.
	asIs := filepath.Join(root, "countries", "HU", "as-is.yaml")
	data, _ := os.ReadFile(asIs)
	broken := strings.Replace(string(data), "score: 2", "score: 9", 1)
	if err := os.WriteFile(asIs, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	err = Build(&build.Options{Factory: f, Out: out, BaseURL: "/"})
	if code, ok := cmdutil.IsSilent(err); !ok || code != cmdutil.ExitInvalid {
		t.Fatalf("build of invalid plans: %v, want exit 1", err)
	}
	if !strings.Contains(stderr.String(), "countries/HU/as-is.yaml:") || !strings.Contains(stderr.String(), "nothing was built") {
		t.Errorf("stderr lacks the diagnostics: %s", stderr)
	}
	again, err := os.ReadFile(filepath.Join(out, "countries", "hu", "index.html"))
	if err != nil || string(again) != string(page) {
		t.Errorf("a refused build changed the published site: %v", err)
	}
}

// TestBuildRefusesOutFolders: build replaces only a missing or empty folder or its
// own previous site. Everything else is refused (exit 2) before anything is done,
// and left as it was.
func TestBuildRefusesOutFolders(t *testing.T) {
	root := plansCopy(t)
	t.Chdir(root)
	notes := filepath.Join(root, "notes")
	if err := os.MkdirAll(notes, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(notes, "todo.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "root-link")
	if err := os.Symlink(root, link); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{".", "..", root, "countries", "schema", "notes", "notes/todo.txt", link} {
		t.Run(out, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			err := Build(&build.Options{Factory: &cmdutil.Factory{IOStreams: ios, RootFlag: &root}, Out: out, BaseURL: "/"})
			var r *outdir.Refusal
			if !errors.As(err, &r) {
				t.Fatalf("build --out %s: %v, want a refusal", out, err)
			}
			for _, keep := range []string{"countries/HU/as-is.yaml", "schema/framework.yaml", "notes/todo.txt"} {
				if _, err := os.Stat(filepath.Join(root, keep)); err != nil {
					t.Errorf("after build --out %s: %v", out, err)
				}
			}
		})
	}
}

// assertSchemasPublished checks that the site serves every committed
// schema/*.schema.json unchanged under schema/v1/, and that each one's $id is the
// canonical URL of that same path.
func assertSchemasPublished(t *testing.T, out string) {
	t.Helper()
	committed, err := filepath.Glob(filepath.Join("..", "..", schema.Dir, "*.schema.json"))
	if err != nil || len(committed) != len(schema.Kinds) {
		t.Fatalf("committed schemas: %v %v", committed, err)
	}
	for _, p := range committed {
		name := filepath.Base(p)
		want, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(schema.SitePath), name))
		if err != nil {
			t.Errorf("the site does not publish %s: %v", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s%s differs from schema/%s", schema.SitePath, name, name)
		}
		var doc struct {
			ID string `json:"$id"`
		}
		if err := json.Unmarshal(got, &doc); err != nil {
			t.Fatal(err)
		}
		if doc.ID != schema.CanonicalURL+schema.SitePath+name {
			t.Errorf("%s: $id = %q, want the URL it is published at, %q", name, doc.ID, schema.CanonicalURL+schema.SitePath+name)
		}
	}
}

// TestPrepareLetsGoOfTreesOnly: Prepare lets go of the plan files' syntax trees
// before the site is made (publish.ReleaseTrees); the site from it is the same,
// byte for byte and in every language, as the site from plans that keep them.
func TestPrepareLetsGoOfTreesOnly(t *testing.T) {
	root := filepath.Join("..", "..")
	released, ds, err := Prepare(root, publish.SiteOptions{})
	if err != nil || released.Repo == nil {
		t.Fatalf("prepare: %v %v", err, ds)
	}
	p, err := publish.Load(root, publish.Options{})
	if err != nil {
		t.Fatal(err)
	}
	kept, err := p.Site(context.Background(), publish.SiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	trees := func(in site.Input) (n int) {
		for _, f := range in.Repo.Files {
			if f.Node != nil {
				n++
			}
		}
		return n
	}
	if trees(released) >= trees(kept) {
		t.Fatalf("Prepare kept %d trees of %d", trees(released), trees(kept))
	}
	files := func(in site.Input) map[string][]byte {
		dir := filepath.Join(t.TempDir(), "site")
		if _, err := site.Build(in, site.Options{BaseURL: "/"}, dir); err != nil {
			t.Fatal(err)
		}
		out := map[string][]byte{}
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out[filepath.ToSlash(rel)] = data
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	a, b := files(kept), files(released)
	if len(a) != len(b) {
		t.Errorf("%d files from the released plans, %d from the kept", len(b), len(a))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs once the trees are let go", name)
		}
	}
	if _, ok := a["hu/countries/hu/index.html"]; !ok {
		t.Errorf("no Hungarian page of a translated country was compared")
	}
}
