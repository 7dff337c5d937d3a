package docs

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/cmdutil"
	"github.com/hwfplan/hwfplan/internal/guide"
	"github.com/hwfplan/hwfplan/internal/iostreams"
	"github.com/hwfplan/hwfplan/internal/outdir"
	"github.com/spf13/cobra"
)

func tree() *cobra.Command {
	root := &cobra.Command{Use: "hwfplan", Short: "x"}
	root.AddCommand(&cobra.Command{Use: "validate", Short: "check", Run: func(*cobra.Command, []string) {}})
	return root
}

// TestRunOutFolder: docs writes its folder with the marker, replaces it on the
// next run (a stale page goes), and --check wants the marker too. A folder it did
// not make is refused.
func TestRunOutFolder(t *testing.T) {
	root := t.TempDir()
	writeFramework(t, root)
	run := func(out string, check bool) (string, error) {
		ios, _, _, errOut := iostreams.Test()
		err := Run(&Options{Factory: &cmdutil.Factory{IOStreams: ios, RootFlag: &root}, Out: out, Check: check, Root: tree()})
		return errOut.String(), err
	}
	if _, err := run("docs/cli", false); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "docs", "cli")
	for _, f := range []string{"hwfplan.md", "hwfplan_validate.md", outdir.Marker} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "hwfplan_gone.md"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := run("docs/cli", false); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "hwfplan_gone.md")); !os.IsNotExist(err) {
		t.Errorf("a stale page survived: %v", err)
	}
	if _, err := run("docs/cli", true); err != nil {
		t.Errorf("--check after writing: %v", err)
	}
	os.Remove(filepath.Join(dir, outdir.Marker))
	if errOut, err := run("docs/cli", true); err == nil || !strings.Contains(errOut, outdir.Marker+" is missing or out of date") {
		t.Errorf("--check without the marker: %v %q", err, errOut)
	}
	// Without its marker the folder is no longer docs' own: refused, kept.
	var r *outdir.Refusal
	if _, err := run("docs/cli", false); !errors.As(err, &r) {
		t.Errorf("writing into an unmarked folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "hwfplan.md")); err != nil {
		t.Errorf("a refused run changed the folder: %v", err)
	}
}

// TestCommittedMarker: the committed docs/cli carries the marker, so `hwfplan
// docs` may regenerate it.
func TestCommittedMarker(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "docs", "cli", outdir.Marker))
	if err != nil || string(data) != string(outdir.MarkerFor(Command)) {
		t.Errorf("docs/cli/%s = %q, %v; want %q", outdir.Marker, data, err, outdir.MarkerFor(Command))
	}
}

func writeFramework(t *testing.T, root string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(root, "schema"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "schema", "framework.yaml"), hwfplan.DefaultFramework, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFrameworkReference: docs writes the planner's guide's framework reference
// from the repository's framework, and --check fails when the framework changed
// since.
func TestFrameworkReference(t *testing.T) {
	root := t.TempDir()
	writeFramework(t, root)
	run := func(check bool) (string, error) {
		ios, _, _, errOut := iostreams.Test()
		err := Run(&Options{Factory: &cmdutil.Factory{IOStreams: ios, RootFlag: &root}, Out: "docs/cli", Check: check, Root: tree()})
		return errOut.String(), err
	}
	if _, err := run(false); err != nil {
		t.Fatal(err)
	}
	ref := filepath.Join(root, filepath.FromSlash(guide.FrameworkDoc))
	data, err := os.ReadFile(ref)
	if err != nil || !strings.Contains(string(data), "| Linked data sources | `data.linkage` |") {
		t.Fatalf("reference: %v\n%s", err, data)
	}
	if _, err := run(true); err != nil {
		t.Errorf("--check after writing: %v", err)
	}
	fw := strings.Replace(string(hwfplan.DefaultFramework), `label: "Somehow"`, `label: "Partly"`, 1)
	if err := os.WriteFile(filepath.Join(root, "schema", "framework.yaml"), []byte(fw), 0o644); err != nil {
		t.Fatal(err)
	}
	if errOut, err := run(true); err == nil || !strings.Contains(errOut, guide.FrameworkDoc+" is missing or out of date") {
		t.Errorf("--check after a label changed: %v %q", err, errOut)
	}
	if _, err := run(false); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(ref); !strings.Contains(string(data), "0 Not at all · 1 Partly · 2 Completely") {
		t.Errorf("the new label is not in the reference:\n%s", data)
	}
}
