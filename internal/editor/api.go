package editor

import (
	"encoding/json"
	"fmt"
	"runtime/debug"
	"strings"
)

// Methods are the engine's methods as the browser calls them (cmd/hwfplan-wasm
// binds each to the global hwfplanEditor): every argument and every result is a
// JSON text, and a failure is {"error": "..."}.
var Methods = []string{"load", "localize", "form", "document", "text", "apply", "validate", "diff", "newID"}

// Call runs one method with its arguments (JSON texts or plain strings, as
// each method says) and returns its result as JSON. It never panics: a panic
// becomes {"error": ...} with what failed, so a bug never stops the page.
//
//	load(filesJSON)         {"ok":true,"country":"HU","paths":[...]}
//	localize(languageJSON)  {"ok":true}; {"lang":"hu","framework":"<text>","messages":{"edit.form.x":"..."}}
//	form(path)              the form spec (Field)
//	document(path)          the file's current data
//	text(path)              the file's current text, as a JSON string
//	apply(path, opsJSON)    {"ok":true}
//	validate()              [Problem, ...]
//	diff()                  {"lines":[...],"text":"..."}
//	newID(path, listJSON)   {"id":"HU-A6"}
func (s *Session) Call(method string, args ...string) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = errorJSON(fmt.Errorf("the editor's engine failed in %s: %v (please report this with the file you edited)\n%s", method, r, firstFrames(debug.Stack())))
		}
	}()
	v, err := s.call(method, args)
	if err != nil {
		return errorJSON(err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return errorJSON(fmt.Errorf("failed to encode the result of %s: %w", method, err))
	}
	return string(b)
}

type ok struct {
	OK bool `json:"ok"`
}

func (s *Session) call(method string, args []string) (any, error) {
	want := map[string]int{"load": 1, "localize": 1, "form": 1, "document": 1, "text": 1, "apply": 2, "validate": 0, "diff": 0, "newID": 2}
	n, known := want[method]
	if !known {
		return nil, fmt.Errorf("unknown method %q; the methods are %s", method, strings.Join(Methods, ", "))
	}
	if len(args) != n {
		return nil, fmt.Errorf("%s takes %d arguments, not %d", method, n, len(args))
	}
	switch method {
	case "load":
		var files map[string]string
		if err := json.Unmarshal([]byte(args[0]), &files); err != nil {
			return nil, fmt.Errorf("load takes an object of paths and texts: %w", err)
		}
		if err := s.Load(files); err != nil {
			return nil, err
		}
		return struct {
			OK      bool     `json:"ok"`
			Country string   `json:"country"`
			Paths   []string `json:"paths"`
		}{true, s.Country(), s.Paths()}, nil
	case "localize":
		var l struct {
			Lang      string            `json:"lang"`
			Framework string            `json:"framework"`
			Messages  map[string]string `json:"messages"`
		}
		if err := json.Unmarshal([]byte(args[0]), &l); err != nil {
			return nil, fmt.Errorf(`localize takes an object {"lang": ..., "framework": ..., "messages": {...}}: %w`, err)
		}
		if err := s.Localize(l.Lang, l.Framework, l.Messages); err != nil {
			return nil, err
		}
		return ok{true}, nil
	case "form":
		return s.Form(args[0])
	case "document":
		return s.Document(args[0])
	case "text":
		return s.Text(args[0])
	case "apply":
		if err := s.Apply(args[0], []byte(args[1])); err != nil {
			return nil, err
		}
		return ok{true}, nil
	case "validate":
		return s.Validate(), nil
	case "diff":
		return s.Diff()
	default: // newID
		var list []any
		if err := json.Unmarshal([]byte(args[1]), &list); err != nil {
			return nil, fmt.Errorf("newID takes the list's path as a JSON array such as [\"actions\", 0, \"kpis\"]: %w", err)
		}
		id, err := s.NewID(args[0], list)
		if err != nil {
			return nil, err
		}
		return struct {
			ID string `json:"id"`
		}{id}, nil
	}
}

func errorJSON(err error) string {
	b, _ := json.Marshal(struct {
		Error string `json:"error"`
	}{err.Error()})
	return string(b)
}

// firstFrames keeps the top of a stack trace: enough to find a bug, short
// enough for a message.
func firstFrames(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	return strings.Join(lines[:min(len(lines), 16)], "\n")
}
