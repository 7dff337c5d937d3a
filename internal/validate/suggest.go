package validate

// suggest returns the allowed name closest to got, when it is close enough to be a
// likely typo (edit distance at most a third of the name, and at most 3).
func suggest(got string, allowed []string) string {
	best, bestD := "", 1<<30
	for _, a := range allowed {
		d := distance(got, a)
		if d < bestD {
			best, bestD = a, d
		}
	}
	limit := min(3, max(1, len(got)/3))
	if bestD > limit || best == got {
		return ""
	}
	return best
}

// distance is the Levenshtein edit distance between two strings (by rune).
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
