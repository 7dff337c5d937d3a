package site

import "github.com/hwfplan/hwfplan/internal/words"

// byName returns the order in which to list countries (words.ByName): by name,
// not by ISO code.
func byName(names, codes []string) []int { return words.ByName(names, codes) }
