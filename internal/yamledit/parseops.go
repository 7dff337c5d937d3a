package yamledit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
)

// ParseOps reads ops from JSON:
//
//	[{"op":"set","path":["actions",2,"title"],"value":"x"},
//	 {"op":"move","path":["actions",0],"to":2}]
//
// Objects in values keep their key order (as Map); numbers keep their text.
func ParseOps(jsonText []byte) ([]Op, error) {
	dec := json.NewDecoder(bytes.NewReader(jsonText))
	dec.UseNumber()
	v, err := decodeValue(dec, 0)
	if err != nil {
		return nil, fmt.Errorf("failed to read the ops: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("failed to read the ops: text after the list")
	}
	list, ok := v.([]any)
	if !ok {
		return nil, errors.New("failed to read the ops: they must be a list ([{\"op\": ...}])")
	}
	ops := make([]Op, 0, len(list))
	for i, e := range list {
		m, ok := e.(Map)
		if !ok {
			return nil, fmt.Errorf("op %d: must be an object {\"op\", \"path\", ...}", i+1)
		}
		var op Op
		for _, it := range m {
			switch it.Key {
			case "op":
				s, ok := it.Value.(string)
				if !ok {
					return nil, fmt.Errorf("op %d: \"op\" must be text (set, delete, insert or move)", i+1)
				}
				op.Op = s
			case "path":
				p, err := parsePath(it.Value)
				if err != nil {
					return nil, fmt.Errorf("op %d: %w", i+1, err)
				}
				op.Path = p
			case "value":
				op.Value = it.Value
			case "to":
				n, err := index(it.Value)
				if err != nil {
					return nil, fmt.Errorf("op %d: \"to\" %w", i+1, err)
				}
				op.To = n
			default:
				return nil, fmt.Errorf("op %d: unknown field %q (an op has op, path, value and to)", i+1, it.Key)
			}
		}
		switch op.Op {
		case "set", "delete", "insert", "move":
		default:
			return nil, fmt.Errorf("op %d: unknown op %q: an op is set, delete, insert or move", i+1, op.Op)
		}
		if len(op.Path) == 0 {
			return nil, fmt.Errorf("op %d: needs a path", i+1)
		}
		ops = append(ops, op)
	}
	return ops, nil
}

func parsePath(v any) (Path, error) {
	list, ok := v.([]any)
	if !ok {
		return nil, errors.New("\"path\" must be a list of keys and indexes")
	}
	p := make(Path, len(list))
	for i, e := range list {
		switch e := e.(type) {
		case string:
			p[i] = e
		case json.Number:
			n, err := index(e)
			if err != nil {
				return nil, fmt.Errorf("path element %d %w", i+1, err)
			}
			p[i] = n
		default:
			return nil, fmt.Errorf("path element %d must be a key (text) or an index (a whole number)", i+1)
		}
	}
	return p, nil
}

func index(v any) (int, error) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, errors.New("must be a whole number")
	}
	i, err := n.Int64()
	if err != nil || i < 0 || i > math.MaxInt32 {
		return 0, fmt.Errorf("must be a whole number from 0 (not %s)", n)
	}
	return int(i), nil
}

// decodeValue reads one JSON value, objects as Map in their key order.
func decodeValue(dec *json.Decoder, depth int) (any, error) {
	if depth > maxValueDepth+8 {
		return nil, errors.New("nested too deeply")
	}
	t, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := t.(type) {
	case json.Delim:
		switch t {
		case '{':
			m := Map{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				k, _ := kt.(string)
				v, err := decodeValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				m = append(m, MapItem{k, v})
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return m, nil
		case '[':
			a := []any{}
			for dec.More() {
				v, err := decodeValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				a = append(a, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return a, nil
		}
		return nil, fmt.Errorf("unexpected %v", t)
	}
	return t, nil
}
