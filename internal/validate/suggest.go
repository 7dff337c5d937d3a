package validate

// suggest returns the allowed name closest to got, when it is close enough to be a
// likely typo: an edit distance (counting a swap of two neighbouring letters as
// one edit, so "lwo" suggests "low") of at most a third of the name, and at most 3.
func suggest(got string, allowed []string) string {
	best, bestD := "", 1<<30
	for _, a := range allowed {
		d := distance(got, a)
		if d < bestD {
			best, bestD = a, d
		}
	}
	limit := min(3, max(1, len([]rune(got))/3))
	if bestD > limit || best == got {
		return ""
	}
	return best
}

// distance is the optimal string alignment distance between two strings (by
// rune): insertions, deletions, substitutions and transpositions of neighbours.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
