package yamledit

import (
	"fmt"

	"github.com/hwfplan/hwfplan/internal/words"
	"go.yaml.in/yaml/v3"
)

// step is one element of a resolved path.
type step struct {
	node   *yaml.Node // the value at this step
	parent *yaml.Node // the collection holding it
	key    *yaml.Node // its key, when parent is a mapping
	index  int        // its index in parent.Content (the key's, in a mapping)
	inFlow bool       // node is inside a flow collection
}

// missingError says that the path exists up to Found elements and the next
// is a key the mapping there does not have.
type missingError struct {
	found int
	msg   string
}

func (e *missingError) Error() string { return e.msg }

// resolve walks p from the root. It returns one step per element of p; a
// missing key gives the steps found so far and a *missingError.
func (d *doc) resolve(p Path) ([]step, error) {
	if d.root == nil {
		if _, ok := p[0].(string); ok {
			return nil, &missingError{0, fmt.Sprintf("path %s does not exist: the document is empty", p)}
		}
		return nil, fmt.Errorf("path %s does not exist: the document is empty", p)
	}
	cur, inFlow := d.root, isFlow(d.root)
	var steps []step
	for i, e := range p {
		here := p[:i]
		name := here.String()
		switch cur.Kind {
		case yaml.MappingNode:
			k, ok := e.(string)
			if !ok {
				return steps, fmt.Errorf("path %s does not exist: %s is a mapping, so it takes a key, not an index", p[:i+1], name)
			}
			found := -1
			var keys []string
			for j := 0; j+1 < len(cur.Content); j += 2 {
				keys = append(keys, cur.Content[j].Value)
				if cur.Content[j].Value == k {
					found = j
				}
			}
			if found < 0 {
				msg := fmt.Sprintf("path %s does not exist: %s has no key %q", p[:i+1], name, k)
				if c := words.Closest(k, keys); c != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", c)
				}
				return steps, &missingError{i, msg}
			}
			steps = append(steps, step{node: cur.Content[found+1], parent: cur, key: cur.Content[found], index: found, inFlow: inFlow})
			cur = cur.Content[found+1]
		case yaml.SequenceNode:
			ix, ok := e.(int)
			if !ok {
				return steps, fmt.Errorf("path %s does not exist: %s is a list, so it takes an index, not the key %q", p[:i+1], name, e)
			}
			if ix >= len(cur.Content) {
				return steps, &rangeError{i, fmt.Sprintf("path %s does not exist: %s has %s", p[:i+1], name, entries(len(cur.Content)))}
			}
			steps = append(steps, step{node: cur.Content[ix], parent: cur, index: ix, inFlow: inFlow})
			cur = cur.Content[ix]
		case yaml.ScalarNode:
			if cur.ShortTag() == "!!null" {
				return steps, &nullError{i, fmt.Sprintf("path %s does not exist: %s is empty", p[:i+1], name)}
			}
			return steps, fmt.Errorf("path %s does not exist: %s is a single value, not a mapping or a list", p[:i+1], name)
		default:
			return steps, fmt.Errorf("path %s cannot be edited: %s is an alias", p[:i+1], name)
		}
		inFlow = inFlow || isFlow(cur)
	}
	return steps, nil
}

// rangeError says the index at element found is past the list's end.
type rangeError struct {
	found int
	msg   string
}

func (e *rangeError) Error() string { return e.msg }

// nullError says the value before element found is empty (null).
type nullError struct {
	found int
	msg   string
}

func (e *nullError) Error() string { return e.msg }

func entries(n int) string {
	return words.Count(n, "entry", "entries")
}
