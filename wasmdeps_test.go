package hwfplan

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// wasmEngine are the packages the form editor's WebAssembly engine is built from:
// they run in the browser, so git (go-git), the site renderer (Hugo) and the
// browser driver (chromedp) must never be among their dependencies.
var wasmEngine = []string{"./cmd/hwfplan-wasm", "./internal/editor", "./internal/validate", "./internal/plandiff", "./internal/load"}

var wasmForbidden = []string{"github.com/go-git/", "github.com/gohugoio/", "github.com/chromedp/", "github.com/hwfplan/hwfplan/internal/gitrev"}

func TestWasmEngineDependencies(t *testing.T) {
	cmd := exec.Command("go", append([]string{"list", "-deps"}, wasmEngine...)...)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 50 {
		t.Fatalf("go list found only %d dependencies", len(deps))
	}
	for _, d := range deps {
		for _, f := range wasmForbidden {
			if strings.HasPrefix(d, f) {
				t.Errorf("the editor engine depends on %s: it runs in the browser and must not", d)
			}
		}
	}
}
