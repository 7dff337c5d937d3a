//go:build js && wasm

// Command hwfplan-wasm is the form editor's engine in the browser: package
// editor compiled to WebAssembly. Started by wasm_exec.js, it sets the global
// hwfplanEditor, whose methods (editor.Methods) take and return JSON texts and
// never throw, and then waits for calls. Build it with
// `go generate ./internal/editorwasm`, which the site ships.
package main

import (
	"syscall/js"

	"github.com/hwfplan/hwfplan/internal/editor"
)

func main() {
	var s editor.Session
	api := js.Global().Get("Object").New()
	for _, m := range editor.Methods {
		api.Set(m, js.FuncOf(func(_ js.Value, args []js.Value) any {
			strs := make([]string, len(args))
			for i, a := range args {
				if a.Type() != js.TypeString {
					return `{"error":"` + m + ` takes strings (JSON texts) only"}`
				}
				strs[i] = a.String()
			}
			return s.Call(m, strs...)
		}))
	}
	js.Global().Set("hwfplanEditor", api)
	select {}
}
