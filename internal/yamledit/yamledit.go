// Package yamledit edits a YAML document in place: it sets, deletes, inserts
// and moves values by path and changes only the bytes of what it edits. Every
// other line — comments, key order, quoting, blank lines, line ends, a byte
// order mark — stays byte for byte, because the document is never
// re-marshalled: yaml.v3's node tree says where each value is, and the edit is
// a splice of the text. It is what the form editor applies a planner's change
// with, so a file's comments (often the provenance of a value) survive.
//
// New values are written the way the plan files are: block style at the
// indentation of their neighbours, a text with line breaks as a literal block
// (|), and text quoted whenever a YAML 1.2 or YAML 1.1 reader would read it as
// something else (the rule `hwfplan fmt` applies, package load's YAML11Reading).
package yamledit

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Path addresses a value: string keys and int indexes, {"actions", 2, "title"}.
type Path []any

// String writes the path the way messages name it: actions[2].title.
func (p Path) String() string {
	var b strings.Builder
	for _, e := range p {
		switch e := e.(type) {
		case int:
			fmt.Fprintf(&b, "[%d]", e)
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			if e == "" || strings.ContainsAny(e, ".[] ") {
				b.WriteString(strconv.Quote(e))
			} else {
				b.WriteString(e)
			}
		default:
			fmt.Fprintf(&b, "<%T>", e)
		}
	}
	if b.Len() == 0 {
		return "(the document)"
	}
	return b.String()
}

// Op is one edit. Op is "set", "delete", "insert" or "move".
//   - set: replace the value at Path (a scalar keeps its quoting style when the
//     new value allows); a missing key is added, with missing parent mappings,
//     at the end of its mapping. Value may be a mapping or a sequence.
//   - delete: remove a mapping key or a sequence item, with its lines and the
//     comment lines directly above it.
//   - insert: Path ends with an index into a sequence (the length appends);
//     Value is written at the sequence's indentation, in block style (a
//     mapping among items that are all flow mappings, {id: m1, ...}, in flow
//     style like them); an empty flow list ([]) takes a mapping as a block.
//   - move: the sequence item at Path moves to index To.
//
// Values are nil, bool, string, the Go integer and float types, json.Number,
// Map (a mapping in order), map[string]any (keys sorted), []any and []string.
type Op struct {
	Op    string
	Path  Path
	Value any
	To    int
}

// MapItem is one key of a Map.
type MapItem struct {
	Key   string
	Value any
}

// Map is a mapping value whose keys are written in this order.
type Map []MapItem

var bomPrefix = []byte("\ufeff")

// Apply applies ops in order to the document src and returns the new
// document. It returns an error, and no document, when an op does not apply
// (a path that does not exist, a value that cannot be written) or src is not
// a YAML document hwfplan can edit.
func Apply(src []byte, ops ...Op) ([]byte, error) {
	body := src
	bom := bytes.HasPrefix(body, bomPrefix)
	if bom {
		body = body[len(bomPrefix):]
	}
	lf, crs := bytes.Count(body, []byte("\n")), bytes.Count(body, []byte("\r\n"))
	crlf := crs > 0
	if crlf {
		if crs != lf {
			return nil, errors.New("the file mixes CRLF and LF line ends; save it with one kind of line end")
		}
		body = bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n"))
	}
	if i := bytes.IndexByte(body, '\r'); i >= 0 {
		return nil, fmt.Errorf("the file has a carriage return (CR) that is not part of a line end, on line %d", bytes.Count(body[:i], []byte("\n"))+1)
	}
	d, err := parseDoc(bytes.Clone(body))
	if err != nil {
		return nil, err
	}
	for _, op := range ops {
		// Each op checks its result by reading it; that reading is the next
		// op's document.
		if d, err = applyOne(d, op); err != nil {
			return nil, err
		}
	}
	body = d.src
	if crlf {
		body = bytes.ReplaceAll(body, []byte("\n"), []byte("\r\n"))
	}
	if bom {
		body = append(bytes.Clone(bomPrefix), body...)
	}
	return body, nil
}

// applyOne applies op to d and returns the new document, read back.
func applyOne(d *doc, op Op) (*doc, error) {
	if len(op.Path) == 0 {
		return nil, fmt.Errorf("%s needs a path: the document itself cannot be %s", opName(op.Op), pastTense(op.Op))
	}
	for _, e := range op.Path {
		switch e := e.(type) {
		case string:
		case int:
			if e < 0 {
				return nil, fmt.Errorf("path %s: an index cannot be negative", op.Path)
			}
		default:
			return nil, fmt.Errorf("path %s: an element is a %T; a path holds keys (text) and indexes (whole numbers)", op.Path, e)
		}
	}
	var out []byte
	var err error
	switch op.Op {
	case "set":
		v, err := normalize(op.Value, op.Path)
		if err != nil {
			return nil, err
		}
		out, err = d.set(op.Path, v)
		if err != nil {
			return nil, err
		}
		return check(out, op.Path, v)
	case "delete":
		out, err = d.delete(op.Path)
	case "insert":
		v, err := normalize(op.Value, op.Path)
		if err != nil {
			return nil, err
		}
		out, err = d.insert(op.Path, v)
		if err != nil {
			return nil, err
		}
		return check(out, op.Path, v)
	case "move":
		return d.move(op.Path, op.To)
	default:
		return nil, fmt.Errorf("unknown op %q: an op is set, delete, insert or move", op.Op)
	}
	if err != nil {
		return nil, err
	}
	return check(out, nil, nil)
}

func opName(op string) string {
	if op == "" {
		return "an op"
	}
	return op
}

func pastTense(op string) string {
	switch op {
	case "set":
		return "set"
	case "insert":
		return "inserted"
	case "move":
		return "moved"
	}
	return "deleted"
}
