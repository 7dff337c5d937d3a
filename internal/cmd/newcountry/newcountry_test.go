package newcountry

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/cmdutil/cmdtest"
	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
	"github.com/hwfplan/hwfplan/internal/iostreams"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/validate"
)

func TestNewCmdFlags(t *testing.T) {
	tests := []struct {
		args    string
		want    Options
		wantErr bool
	}{
		{args: "country SI --cluster wp6 --maintainer si-team",
			want: Options{Code: "SI", Cluster: "wp6", Maintainers: []string{"si-team"}, Languages: []string{"en"}}},
		{args: "country gr --cluster wp5 --maintainer a --maintainer b --language el --name Hellas --no-cluster-edit",
			want: Options{Code: "gr", Cluster: "wp5", Maintainers: []string{"a", "b"}, Languages: []string{"el"}, Name: "Hellas", NoClusterEdit: true}},
		{args: "country SI --maintainer a", wantErr: true},            // no --cluster
		{args: "country SI --cluster wp6", wantErr: true},             // no --maintainer
		{args: "country --cluster wp6 --maintainer a", wantErr: true}, // no code
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			got, err := cmdtest.Parse(nil, NewCmdNew, strings.Fields(tt.args))
			if tt.wantErr {
				if err == nil {
					t.Fatal("want an error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Code != tt.want.Code || got.Cluster != tt.want.Cluster || got.Name != tt.want.Name ||
				got.NoClusterEdit != tt.want.NoClusterEdit || !slices.Equal(got.Maintainers, tt.want.Maintainers) ||
				!slices.Equal(got.Languages, tt.want.Languages) {
				t.Errorf("got %+v, want %+v", *got, tt.want)
			}
		})
	}
}

const clusterFile = `# yaml-language-server: $schema=../schema/cluster.schema.json
# The WP6 learning cluster.
id: wp6
name: WP6 learning cluster
countries: [SI] # more to come
`

func newRepo(t *testing.T) string {
	t.Helper()
	return gittest.Tree(t, map[string]string{"clusters/wp6.yaml": clusterFile})
}

func run(t *testing.T, root string, opts Options) (string, error) {
	t.Helper()
	ios, _, _, errOut := iostreams.Test()
	rootFlag := root
	opts.Factory = &cmdutil.Factory{IOStreams: ios, RootFlag: &rootFlag}
	opts.Now = func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) }
	if opts.Languages == nil {
		opts.Languages = []string{"en"}
	}
	err := Run(&opts)
	return errOut.String(), err
}

func validateRepo(t *testing.T, root string) []diag.Diagnostic {
	t.Helper()
	fsys, err := load.DirFS(root)
	if err != nil {
		t.Fatal(err)
	}
	repo, lds := load.Load(fsys, load.Options{})
	ds, err := validate.Validate(repo, lds, validate.Options{Today: "2026-11-24"})
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// TestScaffoldValidates is the promise of the command: a new folder validates
// with no errors, and the cluster file gains the code with its comments intact.
func TestScaffoldValidates(t *testing.T) {
	root := newRepo(t)
	for _, code := range []string{"SI", "gr"} { // SI is listed already; GR is added
		msg, err := run(t, root, Options{Code: code, Cluster: "wp6", Maintainers: []string{"team-" + strings.ToLower(code)}})
		if err != nil {
			t.Fatalf("%s: %v\n%s", code, err, msg)
		}
	}
	ds := validateRepo(t, root)
	if diag.HasErrors(ds) {
		for _, d := range ds {
			t.Log(d)
		}
		t.Fatal("the scaffold does not validate")
	}
	// Each country has 4 placeholders (authority, vision, participant, outcome)
	// and 4 sustainability domains not scored yet (never a made-up 0).
	for _, d := range ds {
		if d.Rule != validate.RulePlaceholder && d.Rule != validate.RuleSustainabilityUnscored {
			t.Errorf("unexpected warning %s", d)
		}
	}
	if len(ds) != 16 {
		t.Errorf("got %d placeholder warnings, want 16", len(ds))
	}
	data, _ := os.ReadFile(filepath.Join(root, "clusters", "wp6.yaml"))
	if want := strings.Replace(clusterFile, "[SI]", "[SI, GR]", 1); string(data) != want {
		t.Errorf("cluster file:\n%s\nwant:\n%s", data, want)
	}
	country, _ := os.ReadFile(filepath.Join(root, "countries", "GR", "country.yaml"))
	for _, want := range []string{"# yaml-language-server: $schema=../../schema/country.schema.json\n", "code: GR\n", "eu_code: EL\n", "name: Greece\n", "status: draft\n"} {
		if !strings.Contains(string(country), want) {
			t.Errorf("country.yaml lacks %q:\n%s", want, country)
		}
	}
}

// TestRunNameFromCode: without --name the English name comes from the ISO code,
// for any country (README's example names none).
func TestRunNameFromCode(t *testing.T) {
	root := newRepo(t)
	if _, err := run(t, root, Options{Code: "fr", Cluster: "wp6", Maintainers: []string{"a"}}); err != nil {
		t.Fatal(err)
	}
	country, _ := os.ReadFile(filepath.Join(root, "countries", "FR", "country.yaml"))
	if !strings.Contains(string(country), "name: France\n") {
		t.Errorf("country.yaml:\n%s", country)
	}
}

func TestRunRefuses(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"existing folder", Options{Code: "SI", Cluster: "wp6", Maintainers: []string{"a"}}, "countries/SI already exists; hwfplan new never overwrites a country folder"},
		{"bad code", Options{Code: "SLO", Cluster: "wp6", Maintainers: []string{"a"}}, `"SLO" is not a two-letter ISO 3166-1 code (like HU or SI)`},
		{"EU code", Options{Code: "EL", Cluster: "wp6", Maintainers: []string{"a"}}, "EL is not an ISO 3166-1 country code; EL is Greece's EU code, and folders use the ISO code: hwfplan new country GR"},
		{"reserved code", Options{Code: "UK", Cluster: "wp6", Maintainers: []string{"a"}}, "UK is not an ISO 3166-1 country code; the United Kingdom's ISO code is GB: hwfplan new country GB"},
		{"unassigned code", Options{Code: "xz", Cluster: "wp6", Maintainers: []string{"a"}}, "XZ is not an ISO 3166-1 country code; did you mean one of AZ, BZ, CZ, DZ, KZ, MZ, NZ, SZ, TZ, UZ?"},
		{"user-assigned code", Options{Code: "XK", Cluster: "wp6", Maintainers: []string{"a"}}, "XK is not an ISO 3166-1 country code"},
		{"unknown cluster", Options{Code: "HR", Cluster: "wp9", Maintainers: []string{"a"}}, `there is no cluster "wp9"`},
		{"handle with @", Options{Code: "HR", Cluster: "wp6", Maintainers: []string{"@a"}}, `--maintainer "@a" is not a GitHub handle (write it without @)`},
		{"bad language", Options{Code: "HR", Cluster: "wp6", Maintainers: []string{"a"}, Languages: []string{"hrv"}}, `--language "hrv" is not a two-letter ISO 639-1 code`},
	}
	root := newRepo(t)
	if _, err := run(t, root, Options{Code: "SI", Cluster: "wp6", Maintainers: []string{"a"}}); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(root, "countries", "SI", "country.yaml"))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := run(t, root, tt.opts)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got error %v, want %q", err, tt.want)
			}
			var fe *cmdutil.FlagError
			if strings.Contains(tt.name, "code") && !errors.As(err, &fe) {
				t.Errorf("%v is not a usage error (exit 2)", err)
			}
		})
	}
	after, _ := os.ReadFile(filepath.Join(root, "countries", "SI", "country.yaml"))
	if string(before) != string(after) {
		t.Error("the existing country was changed")
	}
	if _, err := os.Stat(filepath.Join(root, "countries", "HR")); err == nil {
		t.Error("a refused run left a folder behind")
	}
}

// TestScaffoldReadsAsTextEverywhere: the files of a new country, and the cluster
// file it is added to, hold no unquoted value that YAML 1.1 readers (PyYAML,
// js-yaml) read as a date or true/false where hwfplan reads text — not even for
// Norway (code NO, language no).
func TestScaffoldReadsAsTextEverywhere(t *testing.T) {
	root := newRepo(t)
	for _, code := range []string{"SI", "NO", "HR"} { // HR is added after a quoted "NO"
		msg, err := run(t, root, Options{Code: code, Cluster: "wp6", Maintainers: []string{"team"}, Languages: []string{"no", "en"}})
		if err != nil {
			t.Fatalf("%s: %v\n%s", code, err, msg)
		}
	}
	for _, d := range validateRepo(t, root) {
		if d.Rule == validate.RuleYAML11 || d.Severity == diag.Error {
			t.Errorf("%s", d)
		}
	}
	data, _ := os.ReadFile(filepath.Join(root, "clusters", "wp6.yaml"))
	if !strings.Contains(string(data), `[SI, "NO", HR]`) {
		t.Errorf("cluster file:\n%s", data)
	}
}

func TestAddToCluster(t *testing.T) {
	tests := []struct {
		name, in, want string
		added          bool
		wantErr        bool
	}{
		{"flow", "id: wp6\ncountries: [HR, HU] # six\n", "id: wp6\ncountries: [HR, HU, SI] # six\n", true, false},
		{"block", "id: wp6\ncountries:\n  - HR\n  - HU # lead\nname: x\n", "id: wp6\ncountries:\n  - HR\n  - HU # lead\n  - SI\nname: x\n", true, false},
		{"block at end without newline", "countries:\n- HR", "countries:\n- HR\n- SI\n", true, false},
		{"already listed", "countries: [SI]\n", "countries: [SI]\n", false, false},
		{"quoted entries", "countries: [\"HR\", 'HU']\n", "countries: [\"HR\", 'HU', SI]\n", true, false},
		{"a code YAML 1.1 reads as false, flow", "countries: [\"NO\"]\n", "countries: [\"NO\", SI]\n", true, false},
		{"a code YAML 1.1 reads as false, block", "countries:\n  - \"NO\"\n", "countries:\n  - \"NO\"\n  - SI\n", true, false},
		{"no list", "id: wp6\n", "", false, true},
	}
	// Norway's code goes in quotes, so YAML 1.1 readers do not read false.
	if out, _, err := AddToCluster([]byte("countries: [SE]\n"), "NO"); err != nil || string(out) != "countries: [SE, \"NO\"]\n" {
		t.Errorf("adding NO: %q, %v", out, err)
	}
	if out, _, err := AddToCluster([]byte("countries:\n  - SE\n"), "NO"); err != nil || string(out) != "countries:\n  - SE\n  - \"NO\"\n" {
		t.Errorf("adding NO: %q, %v", out, err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, added, err := AddToCluster([]byte(tt.in), "SI")
			if tt.wantErr {
				if err == nil {
					t.Fatalf("want an error, got %q", out)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.want || added != tt.added {
				t.Errorf("got %q (added %v), want %q (added %v)", out, added, tt.want, tt.added)
			}
		})
	}
}
