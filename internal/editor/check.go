package editor

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/validate"
	"go.yaml.in/yaml/v3"
)

// Problem is one diagnostic of `hwfplan validate`, placed on its field.
type Problem struct {
	File     string        `json:"file"`
	Line     int           `json:"line"`
	Column   int           `json:"column"`
	Field    []any         `json:"field"` // string keys and int indexes: ["actions", 2, "title"]; [] for the whole file
	Pointer  string        `json:"pointer,omitempty"`
	Severity diag.Severity `json:"severity"`
	Rule     string        `json:"rule"`
	Message  string        `json:"message"`
}

// Validate checks the current files with the loader and the validator of
// `hwfplan validate` and returns the problems in the country's files, in the
// validator's order, each with the path of the field it is about.
func (s *Session) Validate() []Problem {
	if s.cur == nil {
		return []Problem{}
	}
	repo, loadDiags := s.load(s.cur)
	ds := s.validator.Repo(repo, loadDiags, validate.Options{Today: s.now().Format(time.DateOnly)})
	out := []Problem{}
	prefix := s.dir() + "/"
	for _, d := range ds {
		if !strings.HasPrefix(d.File, prefix) {
			continue
		}
		var node *yaml.Node
		if f := repo.Files[d.File]; f != nil {
			node = f.Node
		}
		field, ok := FieldOf(node, d.Pointer)
		if !ok {
			field = FieldAt(node, d.Line, d.Column)
		}
		out = append(out, Problem{File: d.File, Line: d.Line, Column: d.Column, Field: field,
			Pointer: d.Pointer, Severity: d.Severity, Rule: d.Rule, Message: d.Message})
	}
	return out
}

var unescape = strings.NewReplacer("~1", "/", "~0", "~")

// FieldOf returns the path of the field a diagnostic's JSON pointer names, when
// the pointer names a node of the file: it tells a mapping from its first key,
// which share a position (a missing key is the mapping's problem, not its first
// key's). ok is false for a pointer the node tree does not have; FieldAt places
// the diagnostic by its position then.
func FieldOf(doc *yaml.Node, pointer string) (path []any, ok bool) {
	if doc == nil || pointer == "" {
		return nil, false
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	path = []any{}
	n := doc
	for _, tok := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		tok = unescape.Replace(tok)
		switch n.Kind {
		case yaml.MappingNode:
			var next *yaml.Node
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == tok {
					next = n.Content[i+1]
				}
			}
			if next == nil {
				return nil, false
			}
			path, n = append(path, tok), next
		case yaml.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n.Content) {
				return nil, false
			}
			path, n = append(path, i), n.Content[i]
		default:
			return nil, false
		}
	}
	return path, true
}

// FieldAt returns the path of the field at a position of a file: the deepest
// node that contains it. A key stands for its value (the key "score" of an item
// is the item's score); a position before a mapping's first key or a sequence's
// first entry stays with the mapping or sequence. Line 0 is the whole file ([]);
// column 0 is the whole line (its last node).
func FieldAt(doc *yaml.Node, line, col int) []any {
	path := []any{}
	if doc == nil || line <= 0 {
		return path
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	if col <= 0 {
		col = math.MaxInt
	}
	at := pos{line, col}
	n := doc
	for depth := 0; n != nil && depth < 1000; depth++ {
		switch n.Kind {
		case yaml.MappingNode:
			i := lastStartingBefore(n.Content, 2, at)
			if i < 0 {
				return path
			}
			path = append(path, n.Content[i].Value)
			n = n.Content[i+1]
		case yaml.SequenceNode:
			i := lastStartingBefore(n.Content, 1, at)
			if i < 0 {
				return path
			}
			path = append(path, i)
			n = n.Content[i]
		default:
			return path
		}
	}
	return path
}

type pos struct{ line, col int }

func (p pos) after(n *yaml.Node) bool {
	return p.line > n.Line || (p.line == n.Line && p.col >= n.Column)
}

// lastStartingBefore returns the index of the last child (every step-th node
// of content) that starts at or before at, or -1.
func lastStartingBefore(content []*yaml.Node, step int, at pos) int {
	found := -1
	for i := 0; i+step-1 < len(content); i += step {
		if !at.after(content[i]) {
			break
		}
		found = i
	}
	return found
}
