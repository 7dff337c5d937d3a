package governance

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hwfplan/hwfplan/internal/golden"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/rogpeppe/go-internal/txtar"
)

// repoFS turns a txtar archive into a repository file system.
func repoFS(archive string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

func country(code, maintainers string) string {
	return "-- countries/" + code + "/country.yaml --\ncode: " + code + "\nname: X\nmaintainers: " + maintainers + "\n"
}

func TestGenerate(t *testing.T) {
	tests := []struct {
		name    string
		files   string
		golden  string   // testdata/<golden>.golden when the result is valid
		wantErr []string // diagnostics (String form, substring) when it is not
	}{
		{
			name:   "three countries",
			files:  "-- governance.yaml --\ncoordinators: [heroes/coordinators, Agenas-Lead]\n" + country("HU", "[hu-hwf-team, Anna-K]") + country("IT", "[heroes/it-team]") + country("EE", "[ee-planner]"),
			golden: "three-countries",
		},
		{
			name:   "no countries yet",
			files:  "-- governance.yaml --\ncoordinators: [heroes/coordinators]\n",
			golden: "no-countries",
		},
		{
			name:   "order and case of handles do not matter",
			files:  "-- governance.yaml --\ncoordinators: [Agenas-Lead, heroes/coordinators, agenas-lead]\n" + country("HU", "[Anna-K, hu-hwf-team]") + country("IT", "[heroes/it-team]") + country("EE", "[ee-planner]"),
			golden: "three-countries",
		},
		{
			name:    "maintainer with @",
			files:   "-- governance.yaml --\ncoordinators: [c]\n" + country("HU", "\n  - ok-user\n  - \"@hu-team\""),
			wantErr: []string{`countries/HU/country.yaml:5:5: error: maintainers: "@hu-team": write the GitHub handle without @ (hu-team) [owner-handle]`},
		},
		{
			name:    "maintainer that would inject a rule",
			files:   "-- governance.yaml --\ncoordinators: [c]\n" + country("HU", `["x\n* @evil"]`),
			wantErr: []string{`countries/HU/country.yaml:3:15: error: maintainers: "x\n* @evil" is not a GitHub handle`},
		},
		{
			name:    "no maintainers",
			files:   "-- governance.yaml --\ncoordinators: [c]\n" + country("HU", "[]"),
			wantErr: []string{"countries/HU/country.yaml:3:14: error: maintainers: list at least one GitHub handle"},
		},
		{
			name:    "unreadable country.yaml",
			files:   "-- governance.yaml --\ncoordinators: [c]\n-- countries/HU/country.yaml --\ncode: [HU\n" + country("IT", "[it]"),
			wantErr: []string{"countries/HU/country.yaml: error: cannot read the maintainers of countries/HU"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := repoFS(tt.files)
			g, gds := Load(fsys)
			if len(gds) > 0 {
				t.Fatalf("Load() diagnostics: %v", gds)
			}
			repo, _ := load.Load(fsys, load.Options{})
			got, ds := Generate(g, repo)
			if tt.wantErr != nil {
				if got != nil {
					t.Errorf("Generate() wrote a file despite errors:\n%s", got)
				}
				var all []string
				for _, d := range ds {
					all = append(all, d.String())
				}
				for _, w := range tt.wantErr {
					if !strings.Contains(strings.Join(all, "\n"), w) {
						t.Errorf("diagnostics:\n%s\nwant one containing %q", strings.Join(all, "\n"), w)
					}
				}
				return
			}
			if len(ds) > 0 {
				t.Fatalf("Generate() diagnostics: %v", ds)
			}
			golden.Check(t, filepath.Join("testdata", tt.golden+".golden"), got)
		})
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	fsys := repoFS("-- governance.yaml --\ncoordinators: [c1, c2]\n" + country("SK", "[sk]") + country("BE", "[be]") + country("MT", "[mt]"))
	g, _ := Load(fsys)
	repo, _ := load.Load(fsys, load.Options{})
	first, _ := Generate(g, repo)
	for range 5 {
		if again, _ := Generate(g, repo); !bytes.Equal(first, again) {
			t.Fatalf("two runs differ:\n%s\n---\n%s", first, again)
		}
	}
	if !bytes.HasPrefix(first, []byte(Header+"\n")) {
		t.Errorf("output does not start with the header:\n%s", first)
	}
	be, mt := bytes.Index(first, []byte("/countries/BE/")), bytes.Index(first, []byte("/countries/MT/"))
	if be < 0 || mt < be {
		t.Errorf("country rules are not sorted by code:\n%s", first)
	}
}

func TestLoadMissing(t *testing.T) {
	_, ds := Load(fstest.MapFS{})
	if len(ds) != 1 || !strings.Contains(ds[0].String(), "governance.yaml: error: the coordinators file is missing") {
		t.Errorf("Load() = %v", ds)
	}
}
