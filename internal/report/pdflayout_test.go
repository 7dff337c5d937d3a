package report

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// minPageLines is the fewest lines of text a page holds, apart from the running
// header and footer, unless it is a report's last page; minBodyLines the fewest
// a page after the contents holds (the cover and the colophon are short on
// purpose; a body page with a heading and a few lines is a layout fault: the
// fullest short body page of the shipped reports holds 24).
const (
	minPageLines = 10
	minBodyLines = 20
)

// TestPDFLayout prints both reports of the shipped plans (the repository root)
// and reads every page back with poppler's pdftotext: no page but the last is
// almost empty, no page ends with a heading or a table caption, every entry of
// the contents gives the page its heading is on, and every font in the PDF is
// a shipped one. It needs Chromium and poppler-utils; without them it skips,
// except in CI (CI=true), where it fails. PDFs are kept in $HWFPLAN_PDF_DIR when
// that is set, to look at.
func TestPDFLayout(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: printing both reports takes a minute")
	}
	chromium, err := FindChromium(os.Getenv)
	if errors.Is(err, ErrNoChromium) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true and %v", err)
		}
		t.Skip("no Chromium installed: the PDF layout is not checked")
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, tool := range []string{"pdftotext", "pdffonts"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("CI=true and no %s (apt-get install poppler-utils)", tool)
			}
			t.Skipf("no %s (apt-get install poppler-utils): the PDF layout is not checked", tool)
		}
	}
	repo, res := loadRepo(t, "../..")
	for _, name := range KindNames() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			files, err := Build(repo, res, name, Options{Source: fixtureSource})
			if err != nil {
				t.Fatal(err)
			}
			page := files[name+".html"]
			pdf, err := PrintPDF(context.Background(), page, PDFOptions{Chromium: chromium, Title: "HEROES " + name, Notice: "Illustrative data"})
			if err != nil {
				t.Fatal(err)
			}
			dir := os.Getenv("HWFPLAN_PDF_DIR")
			if dir == "" {
				dir = t.TempDir()
			}
			file := filepath.Join(dir, name+".pdf")
			if err := os.WriteFile(file, pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			checkLayout(t, file, headingsOf(t, page))
			checkFonts(t, file)
		})
	}
}

// heading is a heading or table caption of the page, as pdftotext writes it.
type pageHeading struct {
	id, text string
}

// headingsOf lists the numbered headings (h2, h3, h4 with an id), the table
// captions, the lead-ins (a bold paragraph alone, "Strengths") and the group
// rows of tables of a report page, in order, their text with white space
// collapsed.
func headingsOf(t *testing.T, page []byte) []pageHeading {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(string(page)))
	if err != nil {
		t.Fatal(err)
	}
	var out []pageHeading
	var walk func(n *html.Node, inTOC bool)
	walk = func(n *html.Node, inTOC bool) {
		if n.Type == html.ElementNode {
			id, class := attr(n, "id"), attr(n, "class")
			if n.Data == "nav" && strings.Contains(class, "toc") {
				inTOC = true
			}
			if !inTOC && (id != "" && (n.Data == "h2" || n.Data == "h3" || n.Data == "h4" || class == "caption") || class == "lead-in") {
				out = append(out, pageHeading{id: id, text: collapse(textOf(n))})
			}
			if label, ok := groupRow(n); ok {
				out = append(out, pageHeading{text: label})
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inTOC)
		}
	}
	walk(doc, false)
	if len(out) < 10 {
		t.Fatalf("only %d headings found in the page", len(out))
	}
	return out
}

// groupRow reports whether n is a group row of a table: its first cell holds
// bold text alone and its other cells are empty; label is that text.
func groupRow(n *html.Node) (label string, ok bool) {
	if n.Type != html.ElementNode || n.Data != "tr" {
		return "", false
	}
	var cells []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "td" {
			cells = append(cells, c)
		}
	}
	if len(cells) < 2 {
		return "", false
	}
	first := cells[0].FirstChild
	if first == nil || first.NextSibling != nil || first.Type != html.ElementNode || first.Data != "strong" {
		return "", false
	}
	for _, c := range cells[1:] {
		if strings.TrimSpace(textOf(c)) != "" {
			return "", false
		}
	}
	return collapse(textOf(first)), true
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// pagesText returns the text of each page (pdftotext -layout), without the
// running header (its first line) and footer (its last), as trimmed non-empty
// lines.
func pagesText(t *testing.T, file string) [][]string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var pages [][]string
	for _, p := range strings.Split(strings.TrimSuffix(string(out), "\f"), "\f") {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) >= 2 && strings.HasPrefix(lines[len(lines)-1], "Page ") {
			lines = lines[1 : len(lines)-1]
		}
		pages = append(pages, lines)
	}
	return pages
}

var tocLineRe = regexp.MustCompile(`^(\d+\.|\d+\.\d+|Annex [A-Z]\.|[A-Z]\.\d+)\s+(.*?)[\s.]*\s(\d+)$`)

func checkLayout(t *testing.T, file string, heads []pageHeading) {
	pages := pagesText(t, file)
	if len(pages) < 5 {
		t.Fatalf("%s has %d pages", file, len(pages))
	}
	// Where each heading is: the first page, from the contents on, whose line
	// starts with it (after the contents, so its entry there does not count).
	tocEnd := 0
	for i, p := range pages {
		if len(p) > 0 && p[0] == "Contents" {
			tocEnd = i + 1
		}
	}
	if tocEnd == 0 {
		t.Fatalf("%s: no page starts with Contents", file)
	}
	onPage := map[string]int{}
	byText := map[string]string{}
	for _, h := range heads {
		byText[h.text] = h.id
	}
	for i := tocEnd; i < len(pages); i++ {
		for _, l := range pages[i] {
			if id, ok := byText[collapse(l)]; ok {
				if _, seen := onPage[id]; !seen {
					onPage[id] = i + 1
				}
			}
		}
	}
	for i, p := range pages {
		n := i + 1
		least := minPageLines
		if i >= tocEnd {
			least = minBodyLines
		}
		if i < len(pages)-1 && len(p) < least {
			t.Errorf("%s page %d holds %d lines of text, fewer than %d: %q", filepath.Base(file), n, len(p), least, p)
		}
		if len(p) == 0 {
			continue
		}
		last := collapse(p[len(p)-1])
		if id, ok := byText[last]; ok && i < len(pages)-1 {
			t.Errorf("%s page %d ends with the heading or caption %q (#%s)", filepath.Base(file), n, last, id)
		}
	}
	// The contents: every entry's page number is the page of its heading.
	checked := 0
	for _, l := range pages[tocEnd-1] {
		m := tocLineRe.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		want, _ := strconv.Atoi(m[3])
		label := m[1] + " " + collapse(m[2])
		id, ok := byText[label]
		if !ok {
			// pdftotext may cut a long title; match the heading by its label.
			for text, hid := range byText {
				if strings.HasPrefix(text, m[1]+" ") && strings.HasPrefix(text, label[:min(len(label), 24)]) {
					id, ok = hid, true
				}
			}
		}
		if !ok {
			t.Errorf("%s: the contents line %q names no heading", filepath.Base(file), l)
			continue
		}
		checked++
		if got := onPage[id]; got != want {
			t.Errorf("%s: the contents give page %d for %q, but it is on page %d", filepath.Base(file), want, label, got)
		}
	}
	if checked < 5 {
		t.Errorf("%s: only %d contents entries with a page number", filepath.Base(file), checked)
	}
}

// checkFonts: the PDF embeds the shipped fonts only (a Type 3 font is one
// Chromium draws from a shipped font's outlines, for outlined text in charts).
func checkFonts(t *testing.T, file string) {
	out, err := exec.Command("pdffonts", file).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no font:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		name := f[0]
		if _, base, ok := strings.Cut(name, "+"); ok {
			name = base
		}
		if strings.HasPrefix(name, "NotoSans") || f[0] == "[none]" && strings.Contains(l, "Type 3") {
			continue
		}
		t.Errorf("%s embeds %s, not a shipped font", filepath.Base(file), fmt.Sprint(f[0]))
	}
}
