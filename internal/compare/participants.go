package compare

import (
	"strings"
	"unicode"

	"github.com/hwfplan/hwfplan/internal/plan"
)

// How a policy dialogue participant was matched to a stakeholder map.
const (
	MatchName      = "name"      // the same name, ignoring case, spacing and punctuation
	MatchWords     = "words"     // every word of the participant in one stakeholder's name
	MatchAuthority = "authority" // the country's competent authority, by name or acronym
)

// MatchParticipant finds what a policy dialogue participant names in a
// country's stakeholder map: the stakeholder of the same name (ignoring case,
// spacing and punctuation), else the one stakeholder whose name holds every
// word of the participant's, else the competent authority by name or acronym.
// Two stakeholders holding the words match neither. It returns how it matched
// (MatchName, MatchWords, MatchAuthority, or "" for nothing) and the name
// matched.
func MatchParticipant(p string, authority plan.Organisation, list []plan.Stakeholder) (how, name string) {
	np := normName(p)
	if np == "" {
		return "", ""
	}
	for _, s := range list {
		if normName(s.Name) == np {
			return MatchName, s.Name
		}
	}
	var hits []string
	for _, s := range list {
		if holdsWords(normName(s.Name), np) {
			hits = append(hits, s.Name)
		}
	}
	if len(hits) == 1 {
		return MatchWords, hits[0]
	}
	if np == normName(authority.Name) || authority.Acronym != "" && np == normName(authority.Acronym) {
		return MatchAuthority, authority.Name
	}
	return "", ""
}

// normName lower-cases a name and keeps its letters and digits, one space
// between words: "Ministry of Interior, State Secretariat" gives "ministry of
// interior state secretariat".
func normName(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// stopWords are left out when a participant's words are looked for in a name.
var stopWords = map[string]bool{"and": true, "of": true, "the": true, "for": true, "in": true}

// holdsWords reports whether every word of part (but stop words) is a word of
// name, a plural ending aside: "chambers" is in "medical and dental chambers",
// "universities" in "university and health colleges".
func holdsWords(name, part string) bool {
	have := map[string]bool{}
	for _, w := range strings.Fields(name) {
		have[singular(w)] = true
	}
	n := 0
	for _, w := range strings.Fields(part) {
		if stopWords[w] {
			continue
		}
		n++
		if !have[singular(w)] {
			return false
		}
	}
	return n > 0
}

// singular drops an English plural ending: "universities" gives "university",
// "chambers" "chamber".
func singular(w string) string {
	if base, ok := strings.CutSuffix(w, "ies"); ok && len(base) > 1 {
		return base + "y"
	}
	return strings.TrimSuffix(w, "s")
}
