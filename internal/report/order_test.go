package report

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hwfplan/hwfplan/internal/words"
)

// TestCountryListsByName: in both reports of the shipped plans, where codes and
// names disagree (Croatia HR before Czechia CZ, Spain ES after Slovenia SI),
// every table whose rows are countries, every list of countries in a sentence
// ("A, B and C") and the contents list the countries by name.
func TestCountryListsByName(t *testing.T) {
	repo, res := loadRepo(t, "../..")
	link := regexp.MustCompile(`\[([^\]]+)\]\(#country-([a-z]{2})\)`)
	named := regexp.MustCompile(`([A-Z][a-z]+(?: [A-Z][a-z]+)?) \(([A-Z]{2})\)`)
	inOrder := func(names, codes []string) bool { return isIdentity(words.ByName(names, codes)) }
	for _, name := range KindNames() {
		files, err := Build(repo, res, name, Options{Source: fixtureSource})
		if err != nil {
			t.Fatal(err)
		}
		md := string(files[name+".md"])
		if hr, cz := strings.Index(md, "Croatia (HR)"), strings.Index(md, "Czechia (CZ)"); hr < 0 || cz < 0 || hr > cz {
			t.Errorf("%s: Croatia (HR) at %d, Czechia (CZ) at %d; want Croatia first", name, hr, cz)
		}
		var rows, rowCodes []string
		check := func(what string, names, codes []string) {
			if len(names) > 2 && !inOrder(names, codes) {
				t.Errorf("%s: %s not by name: %v", name, what, names)
			}
		}
		for _, line := range strings.Split(md, "\n") {
			if m := link.FindStringSubmatch(line); m != nil && strings.HasPrefix(line, "| "+m[0]+" |") {
				rows, rowCodes = append(rows, m[1]), append(rowCodes, m[2])
				continue
			}
			check("a table's rows", rows, rowCodes)
			rows, rowCodes = nil, nil
			// A sentence's lists of countries (scores in brackets rank them,
			// "Lithuania on Stakeholders (0.58), …": those are not lists).
			for _, part := range regexp.MustCompile(`[.;:] `).Split(line, -1) {
				if strings.Contains(part, " on ") {
					continue
				}
				for _, re := range []*regexp.Regexp{link, named} {
					var names, codes []string
					for _, m := range re.FindAllStringSubmatch(part, -1) {
						names, codes = append(names, m[1]), append(codes, m[2])
					}
					check("the list in "+strings.TrimSpace(part)[:min(60, len(strings.TrimSpace(part)))], names, codes)
				}
			}
		}
	}
}

func isIdentity(order []int) bool {
	for i, j := range order {
		if i != j {
			return false
		}
	}
	return true
}
