// Command gen builds the form editor's engine for the browser into
// internal/editorwasm/dist: cmd/hwfplan-wasm compiled to WebAssembly, and the Go
// toolchain's wasm_exec.js, which must come from the same Go release as the
// compiler. The build is deterministic (-trimpath, no VCS stamp, no symbol
// table), so one commit and one Go release give the same bytes. Run it with
// `go generate ./internal/editorwasm`.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/hwfplan/hwfplan/internal/safewrite"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "editorwasm:", err)
		os.Exit(1)
	}
}

func run() error {
	// go generate runs this in the package folder and sets GOROOT to the
	// toolchain that runs it; use that one's go and wasm_exec.js.
	goBin := "go"
	goroot := os.Getenv("GOROOT")
	if goroot != "" {
		goBin = filepath.Join(goroot, "bin", "go")
	} else {
		out, err := exec.Command(goBin, "env", "GOROOT").Output()
		if err != nil {
			return fmt.Errorf("failed to find the Go installation (go env GOROOT): %w", err)
		}
		goroot = strings.TrimSpace(string(out))
	}
	dist := "dist"
	if err := os.MkdirAll(dist, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dist, ".hwfplan-*.wasm")
	if err != nil {
		return err
	}
	tmp.Close()
	defer os.Remove(tmp.Name())
	cmd := exec.Command(goBin, "build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w", "-o", tmp.Name(), "../../cmd/hwfplan-wasm")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0", "GOFLAGS=")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("failed to build cmd/hwfplan-wasm: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dist, "hwfplan.wasm")); err != nil {
		return err
	}
	// wasm_exec.js is in lib/wasm since Go 1.24, in misc/wasm before.
	var loader []byte
	for _, dir := range []string{"lib/wasm", "misc/wasm"} {
		loader, err = os.ReadFile(filepath.Join(goroot, filepath.FromSlash(dir), "wasm_exec.js"))
		if err == nil {
			break
		}
	}
	if loader == nil {
		return errors.Join(fmt.Errorf("failed to find wasm_exec.js in %s (lib/wasm or misc/wasm)", goroot), err)
	}
	return safewrite.WriteFile(filepath.Join(dist, "wasm_exec.js"), loader)
}
