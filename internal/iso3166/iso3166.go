// Package iso3166 knows the ISO 3166-1 alpha-2 country codes and their English
// names (names.go, generated from the CLDR data in golang.org/x/text), and suggests
// a code for a mistyped or non-ISO one.
package iso3166

//go:generate go run gen/main.go

import (
	"slices"
	"strings"
)

// aliases are codes people use that ISO 3166-1 does not assign, with the code it
// does: the United Kingdom's reserved UK, and the EU's EL for Greece.
var aliases = map[string]string{"UK": "GB", "EL": "GR"}

// Name returns the English name of an ISO 3166-1 alpha-2 code (upper case), and
// whether the code is one.
func Name(code string) (string, bool) {
	n, ok := names[code]
	return n, ok
}

// Codes returns every ISO 3166-1 alpha-2 code, sorted.
func Codes() []string {
	out := make([]string, 0, len(names))
	for c := range names {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}

// Suggest returns the codes to offer for code, which is not an ISO 3166-1 code:
// the code ISO assigns when code is a common alias (UK → GB), else the close
// codes (see Close) among all ISO codes.
func Suggest(code string) []string {
	code = strings.ToUpper(code)
	if c, ok := aliases[code]; ok {
		return []string{c}
	}
	return Close(code, Codes())
}

// Close returns the codes among known that are one edit away from code (one
// letter changed, or the two letters swapped), sorted. A code in known that
// equals code is not returned.
func Close(code string, known []string) []string {
	code = strings.ToUpper(code)
	var out []string
	for _, k := range known {
		if k == code || len(k) != len(code) {
			continue
		}
		diff := 0
		for i := range k {
			if k[i] != code[i] {
				diff++
			}
		}
		swapped := len(k) == 2 && k[0] == code[1] && k[1] == code[0]
		if diff == 1 || swapped {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
