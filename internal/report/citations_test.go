package report

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The figures a sentence can quote: shares ("52 %"), scores and other decimals
// ("0.42") and amounts ("EUR 14,903,785"). Whole numbers are left out: counts
// and years read the same in any table.
var (
	figureRe  = regexp.MustCompile(`[A-Z]{3} −?[0-9]{1,3}(?:,[0-9]{3})*|[0-9]+(?:\.[0-9]+)? %|[0-9]+\.[0-9]+`)
	tableRef  = regexp.MustCompile(`\bTable ([0-9]+)\b`)
	captionRe = regexp.MustCompile(`^\*\*Table ([0-9]+)\.\*\* `)
)

// citation is one sentence that names tables and quotes figures.
type citation struct {
	sentence string
	tables   []int
	figures  []string
}

// citations reads a report's Markdown: the text of every table (by number) and
// every sentence outside a table that names one or more tables.
func citations(md string) (tables map[int]string, cites []citation) {
	tables = map[int]string{}
	lines := strings.Split(strings.ReplaceAll(md, "\u00a0", " "), "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if m := captionRe.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[1])
			var body []string
			j := i + 1
			for ; j < len(lines) && (lines[j] == "" && len(body) == 0 || strings.HasPrefix(lines[j], "|")); j++ {
				body = append(body, lines[j])
			}
			tables[n] = strings.ReplaceAll(strings.Join(body, "\n"), "**", "")
			i = j - 1
			continue
		}
		if strings.HasPrefix(l, "|") || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "![") {
			continue
		}
		text := strings.ReplaceAll(l, "**", "")
		for _, s := range splitSentences(text) {
			c := citation{sentence: s}
			for _, m := range tableRef.FindAllStringSubmatch(s, -1) {
				n, _ := strconv.Atoi(m[1])
				c.tables = append(c.tables, n)
			}
			if len(c.tables) == 0 {
				continue
			}
			c.figures = figureRe.FindAllString(tableRef.ReplaceAllString(s, ""), -1)
			cites = append(cites, c)
		}
	}
	return tables, cites
}

// splitSentences splits a paragraph at a full stop, semicolon or colon that ends
// a sentence (followed by a space), never inside a number such as 0.42.
func splitSentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i+1 < len(p); i++ {
		if strings.ContainsRune(".;", rune(p[i])) && p[i+1] == ' ' {
			out = append(out, p[start:i+1])
			start = i + 2
		}
	}
	return append(out, p[start:])
}

// checkCitations returns a message for every sentence that names a table that
// does not exist, or quotes a figure that none of the tables it names holds.
func checkCitations(md string) []string {
	tables, cites := citations(md)
	var bad []string
	for _, c := range cites {
		for _, n := range c.tables {
			if _, ok := tables[n]; !ok {
				bad = append(bad, fmt.Sprintf("%q names Table %d, which the report does not have", c.sentence, n))
			}
		}
	figures:
		for _, f := range c.figures {
			for _, n := range c.tables {
				if containsFigure(tables[n], f) {
					continue figures
				}
			}
			bad = append(bad, fmt.Sprintf("%q quotes %s, which is not in Table %v", c.sentence, f, c.tables))
		}
	}
	return bad
}

// containsFigure reports whether a table holds the figure as a whole value, not
// as part of a longer one (0.4 is not in 0.42, EUR 1,000 not in EUR 1,000,000).
func containsFigure(table, f string) bool {
	for i := 0; ; {
		j := strings.Index(table[i:], f)
		if j < 0 {
			return false
		}
		end := i + j + len(f)
		if end == len(table) || !strings.ContainsRune("0123456789,.", rune(table[end])) || table[end] == ',' && (end+1 == len(table) || table[end+1] == ' ') || table[end] == '.' && (end+1 == len(table) || table[end+1] < '0' || table[end+1] > '9') {
			return true
		}
		i = end
	}
}

// TestCitationsResolve checks that every sentence of the reports that names a
// table names one the report has, and that every figure it quotes is in it: the
// table numbers are generated, and this keeps the text pointing at the right one.
func TestCitationsResolve(t *testing.T) {
	for _, name := range KindNames() {
		t.Run(name, func(t *testing.T) {
			md := string(build(t, name)[name+".md"])
			_, cites := citations(md)
			if len(cites) == 0 {
				t.Fatal("found no sentence that names a table: is the check reading the report?")
			}
			for _, msg := range checkCitations(md) {
				t.Error(msg)
			}
		})
	}
}

// TestCheckCitations shows the check catches the mistake it exists for: a figure
// quoted with the number of a table that does not hold it.
func TestCheckCitations(t *testing.T) {
	md := strings.Join([]string{
		"**Table 1.** Readiness", "", "| Country | Secured |", "|---|---:|", "| **All** | **52\u00a0%** |", "",
		"**Table 2.** Budget", "", "| Currency | Total |", "|---|---:|", "| EUR | EUR 1,000,000 |", "",
		"- Funding: 52\u00a0% of the actions are secured (Table 1).",
		"- Funding: 52\u00a0% of the actions are secured (Table 2). The budget is EUR 1,000,000 (Table 2); EUR 1,000 is left (Table 2).",
		"See Table 7 for more.",
	}, "\n")
	got := checkCitations(md)
	want := []string{"quotes 52 %, which is not in Table [2]", "quotes EUR 1,000, which is not in Table [2]", "names Table 7, which the report does not have"}
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i, w := range want {
		if !strings.Contains(got[i], w) {
			t.Errorf("problem %d = %s; want it to say %s", i, got[i], w)
		}
	}
}
