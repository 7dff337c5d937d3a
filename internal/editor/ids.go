package editor

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
)

// NewID proposes an id for a new entry of the list at listPath (string keys and
// int indexes, as in ["actions", 1, "kpis"]) of a file: the list's prefix and
// the next number never written before in any of the country's files, as
// loaded or as they are now, comments included, so an id that once named
// something else is never given again ("HU-A6", "k2", "m3"). For lists whose
// ids are names ("register"), the list's name in the singular with a number
// ("stakeholder-1"), for the planner to rename.
func (s *Session) NewID(p string, listPath []any) (string, error) {
	f, err := s.Form(p)
	if err != nil {
		return "", err
	}
	list := f
	for _, step := range listPath {
		switch k := step.(type) {
		case string:
			var next *Field
			if list.Type == TypeObject {
				for _, sub := range list.Fields {
					if sub.Key == k {
						next = sub
					}
				}
			}
			if next == nil {
				return "", fmt.Errorf("%s has no field %s at %s", p, k, pathString(listPath))
			}
			list = next
		case int, float64:
			if list.Type != TypeList {
				return "", fmt.Errorf("%s: %s is not a list", p, pathString(listPath))
			}
			list = list.Item
		default:
			return "", fmt.Errorf("%s: a path holds keys and indexes, not %v", p, step)
		}
	}
	if list.Type != TypeList || list.IDPrefix == "" {
		return "", fmt.Errorf("%s: %s is not a list of entries with ids", p, pathString(listPath))
	}
	prefix := list.IDPrefix
	last := 0
	for _, p := range s.Paths() {
		for _, text := range [][]byte{s.orig[p], s.cur[p]} {
			last = max(last, highestNumber(text, prefix))
		}
	}
	id := prefix + strconv.Itoa(last+1)
	if list.IDPattern != "" {
		if re, err := regexp.Compile(list.IDPattern); err == nil && !re.MatchString(id) {
			return "", fmt.Errorf("%s: no id can be proposed for %s: %s does not match the pattern %s", p, pathString(listPath), id, list.IDPattern)
		}
	}
	return id, nil
}

// highestNumber returns the highest n for which prefix+n occurs in text as a
// word of its own (not inside a longer id such as "EU-HU-A1" or "HU-A1b").
func highestNumber(text []byte, prefix string) int {
	word := func(c byte) bool {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
	}
	high := 0
	for i := 0; i+len(prefix) <= len(text); {
		j := bytes.Index(text[i:], []byte(prefix))
		if j < 0 {
			break
		}
		at := i + j
		i = at + 1
		if at > 0 && (word(text[at-1]) || text[at-1] == '-') {
			continue
		}
		k := at + len(prefix)
		end := k
		for end < len(text) && text[end] >= '0' && text[end] <= '9' {
			end++
		}
		if end == k || end-k > 9 || (end < len(text) && word(text[end])) {
			continue
		}
		n, _ := strconv.Atoi(string(text[k:end]))
		high = max(high, n)
	}
	return high
}

// pathString writes a path as the messages do: actions[1].kpis.
func pathString(path []any) string {
	out := ""
	for _, step := range path {
		switch k := step.(type) {
		case string:
			if out != "" {
				out += "."
			}
			out += k
		default:
			out += fmt.Sprintf("[%v]", k)
		}
	}
	if out == "" {
		return "the top of the file"
	}
	return out
}
