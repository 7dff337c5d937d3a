package words

import (
	"sort"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// ByName returns the order in which to list countries: by name as an English
// reader looks one up (collated by x/text, so accented letters sort with their
// base letter), equal names by code. names and codes are parallel. Every list of
// countries a reader sees (site pages, reports) follows it; the ISO code is a
// folder name, not how readers find a country.
func ByName(names, codes []string) []int {
	col := collate.New(language.English)
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		i, j := order[a], order[b]
		if c := col.CompareString(names[i], names[j]); c != 0 {
			return c < 0
		}
		return codes[i] < codes[j]
	})
	return order
}
