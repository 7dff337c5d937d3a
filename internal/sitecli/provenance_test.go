package sitecli

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hwfplan/hwfplan/internal/cmd/report"
	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/gitrev/gittest"
	"github.com/hwfplan/hwfplan/internal/iostreams"
	"github.com/hwfplan/hwfplan/internal/provenance"
	"github.com/hwfplan/hwfplan/internal/publish"
)

// The site's reports and `hwfplan report` name the source in the same words,
// inside git (clean and with uncommitted changes) and outside it (with and
// without SOURCE_DATE_EPOCH). The site once said the uncommitted changes twice,
// and "commit `uncommitted`" outside git where hwfplan report said "commit
// unknown" and dropped the date.
func TestBuildAndReportNameTheSameSource(t *testing.T) {
	commit := func(t *testing.T, root string) string {
		g := gittest.NewAt(t, root)
		g.Start = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) // the commit is a day later
		return g.Commit("plans")[:12]
	}
	tests := []struct {
		name  string
		epoch string
		setup func(t *testing.T, root string) string // returns the wanted label
	}{
		{"git clean", "", func(t *testing.T, root string) string {
			return "commit `" + commit(t, root) + "` of 24 November 2026"
		}},
		{"git with uncommitted changes", "", func(t *testing.T, root string) string {
			short := commit(t, root)
			f, err := os.OpenFile(filepath.Join(root, "countries", "HU", "country.yaml"), os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if _, err := f.WriteString("# edited\n"); err != nil {
				t.Fatal(err)
			}
			return "commit `" + short + "` of 24 November 2026, with uncommitted changes"
		}},
		{"outside git", "", func(*testing.T, string) string { return "commit unknown" }},
		{"outside git with SOURCE_DATE_EPOCH", "1700000000", func(*testing.T, string) string {
			return "commit unknown, dated 14 November 2023"
		}},
	}
	mdSource := regexp.MustCompile(`(?m)^\| Source \| (.*) \|$`)
	colophon := regexp.MustCompile(`<footer class="colophon"><p>[^<]* · source ([^<]*)</p></footer>`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(provenance.EnvCommit, "")
			t.Setenv(provenance.EnvEpoch, tt.epoch)
			root := plansCopy(t)
			want := tt.setup(t, root)

			in, ds, err := Prepare(root, publish.SiteOptions{})
			if err != nil || len(in.Reports) == 0 {
				t.Fatalf("build: %v %v", err, ds)
			}
			out := t.TempDir()
			ios, _, _, stderr := iostreams.Test()
			f := &cmdutil.Factory{IOStreams: ios, RootFlag: &root, Getwd: os.Getwd}
			if err := report.Run(context.Background(), &report.Options{Factory: f, Name: "as-is", OutDir: out, Getenv: func(string) string { return "" }}); err != nil {
				t.Fatalf("report: %v\n%s", err, stderr)
			}
			for _, file := range []string{"as-is.md", "as-is.html"} {
				re := mdSource
				if filepath.Ext(file) == ".html" {
					re = colophon
				}
				reported, err := os.ReadFile(filepath.Join(out, file))
				if err != nil {
					t.Fatal(err)
				}
				built := re.FindSubmatch(in.Downloads["reports/"+file])
				got := re.FindSubmatch(reported)
				if built == nil || got == nil {
					t.Fatalf("%s: no source line (build %q, report %q)", file, built, got)
				}
				if string(built[1]) != string(got[1]) {
					t.Errorf("%s: build says %q, report says %q", file, built[1], got[1])
				}
				w := want
				if file == "as-is.html" {
					w = strings.ReplaceAll(want, "`", "")
				}
				if string(got[1]) != w {
					t.Errorf("%s: source %q, want %q", file, got[1], w)
				}
			}
		})
	}
}
