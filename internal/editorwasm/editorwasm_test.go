package editorwasm

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/editor"
	"github.com/hwfplan/hwfplan/internal/load"
)

// The built engine runs in Node as in a page: it loads a country, applies an
// edit, places the error on its field and says the change in diff's words.
// Without a generated engine, or without Node, there is nothing to run.
func TestEngineInNode(t *testing.T) {
	if _, ok := Engine(); !ok {
		t.Skip("the engine is not built here: run " + Command)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node here")
	}
	fsys, err := load.DirFS("../..")
	if err != nil {
		t.Fatal(err)
	}
	files, err := editor.FilesFor(fsys, "HU")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(files)
	filesJSON := filepath.Join(t.TempDir(), "files.json")
	if err := os.WriteFile(filesJSON, b, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "testdata/smoke.js", "dist", filesJSON)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	t.Log(strings.TrimSpace(stderr.String()))
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	want := []string{
		`{"ok":true,"country":"HU","paths":["countries/HU/country.yaml","countries/HU/as-is.yaml","countries/HU/to-be.yaml","countries/HU/to-do.yaml","countries/HU/action-plan.yaml"]}`,
		`{"ok":true}`,
		`"field":["tasks","data","items","linkage","score"],"pointer":"/tasks/data/items/linkage/score","severity":"error","rule":"score-range","message":"score 7 is above the maximum 2 of item data.linkage (scale 0-2)"`,
		`{"lines":["HU › as-is › data.linkage: score 1 → 7"]`,
		`{"id":"HU-A6"}`,
		`{"error":"load takes strings (JSON texts) only"}`,
		`no such method`,
	}
	if len(lines) != len(want) {
		t.Fatalf("%d results, want %d:\n%s", len(lines), len(want), out)
	}
	for i := range want {
		if !strings.Contains(lines[i], want[i]) {
			t.Errorf("result %d:\n got %.400s\nwant %s", i+1, lines[i], want[i])
		}
	}
}

func TestEngineFiles(t *testing.T) {
	files, ok := Engine()
	if !ok {
		t.Skip("the engine is not built here: run " + Command)
	}
	if wasm := files[WasmFile]; len(wasm) < 4 || string(wasm[:4]) != "\x00asm" {
		t.Errorf("%s is not WebAssembly", WasmFile)
	}
	if !strings.Contains(string(files[LoaderFile]), "globalThis.Go") {
		t.Errorf("%s is not Go's loader", LoaderFile)
	}
}
