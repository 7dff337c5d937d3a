// Package words holds the few English helpers messages share: singular or plural
// by count, lists joined with "and", and the did-you-mean suggestion (Closest).
// One copy, so every message counts, lists and suggests alike.
package words

import (
	"strconv"
	"strings"
)

// Plural returns one when n is 1 and many otherwise.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Count returns n followed by one or many: "1 error", "3 errors".
func Count(n int, one, many string) string {
	return strconv.Itoa(n) + " " + Plural(n, one, many)
}

// CountNoun is Count for a noun with a regular plural: "y" after a consonant
// becomes "ies" (country → countries), anything else takes "s" (change → changes).
func CountNoun(n int, noun string) string {
	many := noun + "s"
	if len(noun) > 1 && strings.HasSuffix(noun, "y") && !strings.ContainsAny(noun[len(noun)-2:len(noun)-1], "aeiou") {
		many = noun[:len(noun)-1] + "ies"
	}
	return Count(n, noun, many)
}

// JoinAnd joins items as English prose: "a", "a and b", "a, b and c"; "" for none.
func JoinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
