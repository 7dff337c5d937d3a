package governance

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		name        string
		paths       []string
		countries   string
		shared      string
		wantWarning bool
	}{
		{name: "one country", paths: []string{"countries/HU/as-is.yaml", "countries/HU/to-be.yaml"}, countries: "HU"},
		{name: "two countries", paths: []string{"countries/IT/as-is.yaml", "countries/HU/as-is.yaml"}, countries: "HU,IT", wantWarning: true},
		{name: "country and shared", paths: []string{"countries/HU/as-is.yaml", "clusters/wp6.yaml", "README.md"}, countries: "HU", shared: "README.md,clusters/wp6.yaml"},
		{name: "file directly in countries is shared", paths: []string{"countries/README.md"}, shared: "countries/README.md"},
		{name: "repeats and ./ prefixes", paths: []string{"./countries/HU/a.yaml", "countries/HU/a.yaml", ""}, countries: "HU"},
		{name: "nothing", paths: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Classify(tt.paths)
			if got := strings.Join(c.Countries, ","); got != tt.countries {
				t.Errorf("Countries = %q, want %q", got, tt.countries)
			}
			if got := strings.Join(c.Shared, ","); got != tt.shared {
				t.Errorf("Shared = %q, want %q", got, tt.shared)
			}
			ds := c.Diagnostics()
			if (len(ds) > 0) != tt.wantWarning {
				t.Fatalf("Diagnostics() = %v, want warning %v", ds, tt.wantWarning)
			}
			if tt.wantWarning {
				want := "countries: warning: this change touches 2 countries' folders (HU, IT); each country team approves only its own folder"
				if !strings.HasPrefix(ds[0].String(), want) || ds[0].Rule != RuleSeveralCountries {
					t.Errorf("warning = %s\nwant it to start with %s", ds[0], want)
				}
			}
		})
	}
}

// gitRepo makes a git repository in a temporary folder with one commit on main.
func gitRepo(t *testing.T) *gittest.Repo {
	t.Helper()
	r := gittest.New(t)
	r.Write(map[string]string{
		"countries/HU/as-is.yaml": "a: 1\n",
		"countries/IT/as-is.yaml": "a: 1\n",
		"clusters/wp6.yaml":       "id: wp6\n",
		".gitignore":              "*.tmp\n",
	})
	r.Commit("base")
	return r
}

func TestChangedSince(t *testing.T) {
	r := gitRepo(t)
	dir, git := r.Dir, r.Git
	git("checkout", "-q", "-b", "pr")
	r.Write(map[string]string{"countries/HU/as-is.yaml": "a: 2\n"})
	git("commit", "-q", "-am", "HU update")
	git("mv", "countries/IT/as-is.yaml", "countries/IT/as-is-old.yaml")
	git("commit", "-q", "-m", "IT rename")
	// A later commit on main is not part of the pull request (rev...HEAD).
	git("checkout", "-q", "main")
	r.Write(map[string]string{"clusters/wp6.yaml": "id: wp6\nname: changed on main\n"})
	git("commit", "-q", "-am", "main moves on")
	git("checkout", "-q", "pr")
	// Uncommitted, staged and untracked changes count; ignored files do not.
	r.Write(map[string]string{"countries/EE/country.yaml": "code: EE\n"})
	r.Write(map[string]string{"countries/HU/to-be.yaml": "b: 1\n"})
	git("add", "countries/HU/to-be.yaml")
	r.Write(map[string]string{"countries/HU/scratch.tmp": "ignored\n"})

	ctx := context.Background()
	got, err := gitrev.ChangedSince(ctx, dir, "main")
	if err != nil {
		t.Fatal(err)
	}
	want := "countries/EE/country.yaml countries/HU/as-is.yaml countries/HU/to-be.yaml countries/IT/as-is-old.yaml countries/IT/as-is.yaml"
	if strings.Join(got, " ") != want {
		t.Errorf("ChangedSince() =\n%s\nwant\n%s", strings.Join(got, " "), want)
	}

	c, ds, err := ChangedCountries(ctx, dir, "main")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(c.Countries, ",") != "EE,HU,IT" || len(ds) != 1 || !strings.Contains(ds[0].Message, "touches 3 countries' folders (EE, HU, IT)") {
		t.Errorf("ChangedCountries() = %v, %v", c.Countries, ds)
	}

	t.Run("plans repository in a sub-folder", func(t *testing.T) {
		r := gitRepo(t)
		sub, git := r.Dir, r.Git
		r.Write(map[string]string{"other/x.txt": "x\n"})
		r.Write(map[string]string{"plans/countries/SK/country.yaml": "code: SK\n"})
		git("add", ".")
		git("commit", "-q", "-m", "layout")
		r.Write(map[string]string{"plans/countries/SK/country.yaml": "code: SK\nname: Slovakia\n"})
		r.Write(map[string]string{"other/x.txt": "y\n"})
		got, err := gitrev.ChangedSince(ctx, filepath.Join(sub, "plans"), "HEAD")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, " ") != "countries/SK/country.yaml" {
			t.Errorf("ChangedSince() = %v, want only countries/SK/country.yaml", got)
		}
	})

	outside := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(outside)) // even when TMPDIR is inside a work tree
	errs := []struct{ name, dir, rev, want string }{
		{"unknown revision", dir, "origin/nope", "failed to list changes since origin/nope: unknown revision"},
		{"option as revision", dir, "--output=/tmp/x", `failed to list changes: "--output=/tmp/x" is not a revision`},
		{"empty revision", dir, "", `failed to list changes: "" is not a revision`},
		{"not a git work tree", outside, "main", "is not inside a git work tree"},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			_, err := gitrev.ChangedSince(ctx, tt.dir, tt.rev)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ChangedSince(%q) error = %v, want %q", tt.rev, err, tt.want)
			}
		})
	}
}
