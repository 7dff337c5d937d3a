// Package editorwasm holds the form editor's engine as the browser runs it:
// cmd/hwfplan-wasm compiled to WebAssembly (hwfplan.wasm) and the Go
// toolchain's loader for it (wasm_exec.js), which the site publishes under
// editor/. They are built, not committed: `go generate ./internal/editorwasm`
// writes them into dist/, which is embedded here. A build without them still
// works; Engine says so, and the site's edit pages say the editor is missing.
package editorwasm

import (
	"embed"
	"io/fs"
)

//go:generate go run ./gen

// dist is what go generate wrote (and dist/.gitignore, which keeps the folder).
//
//go:embed all:dist
var dist embed.FS

// The files of the engine, as the site publishes them under editor/.
const (
	WasmFile   = "hwfplan.wasm"
	LoaderFile = "wasm_exec.js"
)

// Command is what builds the engine; a message about a missing engine names it.
const Command = "go generate ./internal/editorwasm"

// Engine returns the built engine's files by name (WasmFile, LoaderFile), or
// ok false when they were not generated into this build.
func Engine() (files map[string][]byte, ok bool) {
	files = map[string][]byte{}
	for _, name := range []string{WasmFile, LoaderFile} {
		data, err := fs.ReadFile(dist, "dist/"+name)
		if err != nil || len(data) == 0 {
			return nil, false
		}
		files[name] = data
	}
	return files, true
}
