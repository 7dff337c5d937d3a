package site

import (
	"sort"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// byName returns the order in which to list countries: by name as an English
// reader looks one up (collated, so accented letters sort with their base
// letter), equal names by code. names and codes are parallel. Lists on the site
// follow it; the ISO code is the folder name, not how readers find a country.
func byName(names, codes []string) []int {
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
