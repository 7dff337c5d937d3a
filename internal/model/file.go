// Package model is a plans repository as the rest of the program sees it: the
// framework, each country's five plan files, the clusters, and the parsed files
// behind them for positions. It only holds data: package load reads it, every
// other package reads from it.
package model

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// File is one parsed YAML file.
type File struct {
	Path  string     // slash path relative to the repository root
	Data  []byte     // the bytes as read
	Node  *yaml.Node // the document's top node (a mapping when the file is valid)
	Value any        // the data as JSON values (map[string]any, []any, string, int64, float64, bool, nil)
}

// Lookup finds the node at a JSON pointer ("/tasks/data/items/linkage/score").
// When the pointer goes further than the data, it returns the deepest node that
// exists, and found is false.
func (f *File) Lookup(pointer string) (n *yaml.Node, key *yaml.Node, found bool) {
	n = f.Node
	if n == nil {
		return nil, nil, false
	}
	if pointer == "" || pointer == "/" {
		return n, nil, true
	}
	for _, tok := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		tok = unescapePointer(tok)
		switch n.Kind {
		case yaml.MappingNode:
			var next *yaml.Node
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == tok {
					key, next = n.Content[i], n.Content[i+1]
					break
				}
			}
			if next == nil {
				return n, key, false
			}
			n = next
		case yaml.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n.Content) {
				return n, key, false
			}
			key, n = nil, n.Content[i]
		default:
			return n, key, false
		}
	}
	return n, key, true
}

// Pos returns the line and column of the value at a JSON pointer (or of the
// deepest part of it that exists).
func (f *File) Pos(pointer string) (line, col int) {
	n, _, _ := f.Lookup(pointer)
	if n == nil {
		return 1, 1
	}
	return n.Line, n.Column
}

// KeyPos returns the position of the key that holds the value at a pointer, which
// is where a planner looks for a misspelt or unexpected key.
func (f *File) KeyPos(pointer string) (line, col int) {
	n, k, found := f.Lookup(pointer)
	if found && k != nil {
		return k.Line, k.Column
	}
	if n == nil {
		return 1, 1
	}
	return n.Line, n.Column
}

// The replacers are built once: building one per call was a sixth of validate's CPU
// time (see BENCHMARKS.md).
var (
	pointerEscaper   = strings.NewReplacer("~", "~0", "/", "~1")
	pointerUnescaper = strings.NewReplacer("~1", "/", "~0", "~")
)

// Pointer joins tokens into an escaped JSON pointer.
func Pointer(tokens ...string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(pointerEscaper.Replace(t))
	}
	return b.String()
}

func unescapePointer(tok string) string {
	return pointerUnescaper.Replace(tok)
}
