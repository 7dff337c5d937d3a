package words

// Closest returns the known name closest to got, when it is close enough to be a
// likely typo: an edit distance (counting a swap of two neighbouring letters as
// one edit, so "lwo" suggests "low") of at most a third of got's length (at
// least 1), and at most 3. It returns "" when nothing is that close, or when got
// is itself known. Among equally close names the first in known wins.
//
// It is the one did-you-mean of hwfplan: validate's messages and the commands'
// usage errors suggest with it.
func Closest(got string, known []string) string {
	best, bestD := "", 1<<30
	for _, k := range known {
		if d := distance(got, k); d < bestD {
			best, bestD = k, d
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
