package report

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/cmdutil/cmdtest"
	"github.com/hwfplan/hwfplan/internal/iostreams"
	"github.com/hwfplan/hwfplan/internal/outdir"
	"github.com/hwfplan/hwfplan/internal/progress/progresstest"
	"github.com/hwfplan/hwfplan/internal/report"
)

func factory(root string) (*cmdutil.Factory, *bytes.Buffer, *bytes.Buffer) {
	ios, _, out, errOut := iostreams.Test()
	return &cmdutil.Factory{IOStreams: ios, RootFlag: &root, Getwd: os.Getwd}, out, errOut
}

func TestNewCmdReport(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    Options
		wantErr string
	}{
		{"as-is", []string{"as-is", "--out", "d"}, Options{Name: "as-is", OutDir: "d"}, ""},
		{"sustainability pdf", []string{"sustainability", "-o", "d", "--pdf"}, Options{Name: "sustainability", OutDir: "d", PDF: true}, ""},
		{"no name", []string{"--out", "d"}, Options{}, "name one report"},
		{"unknown", []string{"final", "--out", "d"}, Options{}, `unknown report "final"`},
		{"no out", []string{"as-is"}, Options{}, "--out DIR is required"},
		{"progress as of", []string{"progress", "-o", "d", "--as-of", "2026-06-30"}, Options{Name: "progress", OutDir: "d", AsOf: "2026-06-30"}, ""},
		{"lang", []string{"as-is", "-o", "d", "--lang", "hu"}, Options{Name: "as-is", OutDir: "d", Lang: "hu"}, ""},
		{"lang typo", []string{"as-is", "-o", "d", "--lang", "hy"}, Options{}, `--lang: no report messages in language "hy" (no site/i18n/hy.yaml); did you mean "hu"? The languages are en, de, hu and it`},
		{"lang unknown", []string{"as-is", "-o", "d", "--lang", "fr"}, Options{}, `no report messages in language "fr" (no site/i18n/fr.yaml); the languages are en, de, hu and it`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _, _ := factory("")
			got, err := cmdtest.Parse(f, NewCmdReport, tt.args)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Name != tt.want.Name || got.OutDir != tt.want.OutDir || got.PDF != tt.want.PDF || got.AsOf != tt.want.AsOf || got.Lang != tt.want.Lang {
				t.Errorf("options = %+v, want %+v", *got, tt.want)
			}
		})
	}
}

// TestUnknownReport: a name that is not a report is a usage error that lists
// every report and, for a typo, suggests the closest one (report.UnknownKind).
// The expectations come from report.KindNames, so a new report kind keeps them true.
func TestUnknownReport(t *testing.T) {
	kinds := report.KindNames()
	tests := []struct {
		name, arg, suggest string
	}{
		{"typo", "sustainabilty", "sustainability"},
		{"missing hyphen", "asis", "as-is"},
		{"nothing close", "nosuch", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _, _ := factory("")
			_, err := cmdtest.Parse(f, NewCmdReport, []string{tt.arg, "--out", "d"})
			var flagErr *cmdutil.FlagError
			if !errors.As(err, &flagErr) {
				t.Fatalf("err = %v, want a usage error", err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, `unknown report "`+tt.arg+`"`) {
				t.Errorf("message %q does not name the report asked for", msg)
			}
			for _, k := range kinds {
				if !strings.Contains(msg, k) {
					t.Errorf("message %q does not list the report %s", msg, k)
				}
			}
			hasHint := strings.Contains(msg, "did you mean")
			if tt.suggest == "" && hasHint {
				t.Errorf("message %q suggests a report for %q", msg, tt.arg)
			}
			if tt.suggest != "" && !strings.Contains(msg, `did you mean "`+tt.suggest+`"?`) {
				t.Errorf("message %q does not suggest %q", msg, tt.suggest)
			}
			// report.Build answers a name it does not know with the same words.
			if _, err := report.Build(nil, nil, tt.arg, report.Options{}); err == nil || err.Error() != msg {
				t.Errorf("report.Build: %v, want %q", err, msg)
			}
		})
	}
}

func fixtureRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../../report/testdata/repo")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func TestRunWritesFiles(t *testing.T) {
	out := t.TempDir()
	f, stdout, _ := factory(fixtureRoot(t))
	src := report.Source{Commit: "abc", Time: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)}
	err := Run(context.Background(), &Options{Factory: f, Name: "as-is", OutDir: out, Getenv: func(string) string { return "" }, Source: &src})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"as-is.md", "as-is.html", "as-is-figures/fig-heatmap-asis.svg"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("missing %s: %v", name, err)
		}
	}
	if want := filepath.Join(out, "as-is.html"); !strings.Contains(stdout.String(), want) {
		t.Errorf("stdout %q does not list %s", stdout.String(), want)
	}
}

// TestRunLang: --lang hu writes the report in Hungarian, with the notice that
// the translation is not reviewed on its first page and <html lang="hu">.
func TestRunLang(t *testing.T) {
	out := t.TempDir()
	f, _, _ := factory(fixtureRoot(t))
	src := report.Source{Commit: "abc", Time: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)}
	err := Run(context.Background(), &Options{Factory: f, Name: "as-is", OutDir: out, Lang: "hu", Getenv: func(string) string { return "" }, Source: &src})
	if err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(filepath.Join(out, "as-is.md"))
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(out, "as-is.html"))
	if err != nil {
		t.Fatal(err)
	}
	notice := "A fordítást az országos csoport még nem ellenőrizte / Translation not yet reviewed by the country team"
	if !strings.HasPrefix(string(md), "> **"+notice+"**") {
		t.Errorf("as-is.md does not open with the review notice:\n%.300s", md)
	}
	if !strings.Contains(string(page), `<html lang="hu">`) || !strings.Contains(string(page), notice) {
		t.Errorf("as-is.html has no lang=hu or no notice")
	}
}

// TestRunProgressAsOf: --as-of wins over publication.yaml's as_of (2027-03-31
// in the two-round fixture) and leaves out what is dated later; a date that is
// not one is refused before anything is written.
func TestRunProgressAsOf(t *testing.T) {
	root := progresstest.Dir(t)
	out := t.TempDir()
	f, _, _ := factory(root)
	src := report.Source{Commit: "abc", Time: time.Date(2027, 4, 1, 0, 0, 0, 0, time.UTC)}
	opts := &Options{Factory: f, Name: "progress", OutDir: out, Getenv: func(string) string { return "" }, Source: &src, AsOf: "2026-06-30"}
	if err := Run(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(filepath.Join(out, "progress.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| Report date | 30 June 2026 (\\--as-of) |", "**4 of 8 actions are on schedule (50\u00a0%)**"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("progress.md lacks %q", want)
		}
	}
	opts.AsOf, opts.OutDir = "2026-02-30", filepath.Join(t.TempDir(), "bad")
	if err := Run(context.Background(), opts); err == nil || !strings.Contains(err.Error(), `--as-of "2026-02-30" is not a date`) {
		t.Errorf("err = %v, want the bad date named", err)
	}
}

// TestRunNoChromium: --pdf without a browser says what to install, exits 2 and
// writes nothing.
func TestRunNoChromium(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	f, _, stderr := factory(fixtureRoot(t))
	getenv := func(k string) string {
		if k == "CHROME_PATH" {
			return filepath.Join(t.TempDir(), "no-such-chromium")
		}
		return ""
	}
	err := Run(context.Background(), &Options{Factory: f, Name: "as-is", OutDir: out, PDF: true, Getenv: getenv})
	code, silent := cmdutil.IsSilent(err)
	if !silent || code != cmdutil.ExitUsage {
		t.Fatalf("err = %v, want exit code %d", err, cmdutil.ExitUsage)
	}
	if !strings.Contains(stderr.String(), "apt-get install chromium") {
		t.Errorf("stderr %q does not say what to install", stderr.String())
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output folder was created: %v", err)
	}
}

// TestRunInvalidPlans: a score outside its scale loads fine but is an error. The
// report is refused (exit 1, nothing written) unless --allow-invalid, when the
// Markdown and the HTML (which the PDF is printed from) start with a notice
// naming the problems.
func TestRunInvalidPlans(t *testing.T) {
	root := t.TempDir()
	if err := os.CopyFS(root, os.DirFS(fixtureRoot(t))); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(root, "countries", "HU", "as-is.yaml")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	bad := regexp.MustCompile(`score: \d`).ReplaceAll(data, []byte("score: 9"))
	if err := os.WriteFile(p, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	src := report.Source{Commit: "abc", Time: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)}
	run := func(out string, allow bool) (string, error) {
		f, _, errOut := factory(root)
		err := Run(context.Background(), &Options{Factory: f, Name: "as-is", OutDir: out, AllowInvalid: allow, Getenv: func(string) string { return "" }, Source: &src})
		return errOut.String(), err
	}
	t.Run("refused", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		errOut, err := run(out, false)
		if code, ok := cmdutil.IsSilent(err); !ok || code != cmdutil.ExitInvalid {
			t.Fatalf("err = %v, want exit 1", err)
		}
		if !strings.Contains(errOut, "countries/HU/as-is.yaml:") || !strings.Contains(errOut, "nothing was written") {
			t.Errorf("stderr %q does not name the problems", errOut)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("output folder was created: %v", err)
		}
	})
	t.Run("--allow-invalid", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		errOut, err := run(out, true)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(errOut, "writing anyway (--allow-invalid)") {
			t.Errorf("stderr %q", errOut)
		}
		md, _ := os.ReadFile(filepath.Join(out, "as-is.md"))
		if !strings.HasPrefix(string(md), "> **These plans are invalid (") || !strings.Contains(string(md), "> - countries/HU/as-is.yaml:") {
			t.Errorf("as-is.md does not start with the notice:\n%.400s", md)
		}
		html, _ := os.ReadFile(filepath.Join(out, "as-is.html"))
		if !regexp.MustCompile(`<main>\s*<section class="invalid-notice"[^>]*>\s*<p><strong>These plans are invalid \(\d+ errors?\)[^<]*</strong></p>\s*<ul>\s*<li>countries/HU/as-is.yaml:`).Match(html) {
			t.Errorf("as-is.html does not start with the notice")
		}
	})
}

// TestRunOutFolder: both reports can share a folder (each run replaces its own
// files and keeps the other's); a folder report did not make is refused and kept.
func TestRunOutFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "reports")
	src := report.Source{Commit: "abc", Time: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)}
	run := func(name, dir string) error {
		f, _, _ := factory(fixtureRoot(t))
		return Run(context.Background(), &Options{Factory: f, Name: name, OutDir: dir, Getenv: func(string) string { return "" }, Source: &src})
	}
	for _, name := range []string{"as-is", "sustainability", "as-is"} {
		if err := run(name, out); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	for _, f := range []string{"as-is.md", "as-is.html", "sustainability.md", "sustainability.html", ".hwfplan-output"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	mine := t.TempDir()
	if err := os.WriteFile(filepath.Join(mine, "thesis.docx"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	var r *outdir.Refusal
	if err := run("as-is", mine); !errors.As(err, &r) {
		t.Fatalf("report into a folder it did not make: %v", err)
	}
	if entries, _ := os.ReadDir(mine); len(entries) != 1 {
		t.Errorf("a refused run changed the folder: %d entries", len(entries))
	}
}
