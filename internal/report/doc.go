package report

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// mode is one of the two outputs a template pass is resolved into (doc.resolve).
type mode int

const (
	// modeMarkdown writes the standalone <name>.md: plain headings, figures as
	// image links to the SVG files written next to it.
	modeMarkdown mode = iota
	// modeHTML writes Markdown for goldmark: headings carry {#id} attributes, and
	// figures, captions, the contents and the title page are marker paragraphs the
	// HTML stage replaces with trusted markup.
	modeHTML
)

// heading is one numbered heading of a report.
type heading struct {
	Level  int    // 2 chapter, 3 section
	Number string // "2", "2.1", "A", "A.1"
	Label  string // "2.", "2.1", "Annex A."
	Title  string // plain text
	ID     string
	Annex  bool // a chapter of the annex
}

// numbered is a figure or table with its number.
type numbered struct {
	Kind    string // "Figure" or "Table"
	N       int
	ID      string
	Caption string // plain text
}

// doc numbers the headings, figures and tables of one template pass, which makes
// both outputs: what differs between them (headings, figures, captions, the
// title page, the colophon's frame) is a placeholder holding the text of each
// mode, and references and the contents are placeholders filled in once every
// number is known, so a reference may point forward ("see Figure 5" before
// Figure 5). resolve writes the pass in one mode.
type doc struct {
	marker  string // "hwfmark-<nonce>-": prefix of placeholders and marker paragraphs
	name    string // report name, for figure file names (modeMarkdown)
	figures map[string]figureFunc
	prev    *doc // a pass before this one, whose numbers Ref reads; nil in the one pass

	headings []heading
	refs     map[string]numbered
	chapter  int
	section  int
	annex    int
	inAnnex  bool
	nfig     int
	ntab     int
	svgs     map[string][]byte // figure id -> SVG, in use order via figOrder
	figOrder []string
	parts    [][2]string // a placeholder's text in modeMarkdown and modeHTML
	msgs     *messages   // the report's language
}

// figureFunc renders one chart with the given accessible title.
type figureFunc func(title string) ([]byte, error)

func newDoc(name, marker string, figures map[string]figureFunc, prev *doc, msgs *messages) *doc {
	return &doc{name: name, marker: marker, figures: figures, prev: prev, msgs: msgs,
		refs: map[string]numbered{}, svgs: map[string][]byte{}}
}

// mark is a marker paragraph, replaced after the Markdown is converted to HTML.
func (d *doc) mark(kind, id string) string {
	return "\n\n" + d.marker + kind + "-" + id + "\n\n"
}

// The placeholders of a pass, each the marker followed by: partOpen, the index
// of its text in parts, placeClose; refOpen, the id, placeClose; or tocMark. The
// marker is the report's nonce, so no plan text can write one.
const (
	partOpen   = "part("
	refOpen    = "ref("
	placeClose = ")"
	tocMark    = "toc()"
)

// either is a placeholder for text written one way in the Markdown file and
// another in the Markdown of the HTML page.
func (d *doc) either(md, html string) string {
	d.parts = append(d.parts, [2]string{md, html})
	return d.marker + partOpen + strconv.Itoa(len(d.parts)-1) + placeClose
}

func (d *doc) head(level int, number, label, title, id string) (string, error) {
	id = anchorID(id)
	if id == "" {
		return "", fmt.Errorf("heading %q has no id", title)
	}
	for _, h := range d.headings {
		if h.ID == id {
			return "", fmt.Errorf("two headings have the id %q", id)
		}
	}
	d.headings = append(d.headings, heading{Level: level, Number: number, Label: label, Title: title, ID: id, Annex: d.inAnnex})
	hashes := strings.Repeat("#", level)
	text := label + " " + escapeMarkdown(title)
	// GitHub and most Markdown viewers give headings ids of their own; the anchor
	// keeps links such as (#country-hu) working. The id is [a-z0-9-] only.
	return d.either(fmt.Sprintf("\n\n<a id=\"%s\"></a>\n\n%s %s\n\n", id, hashes, text),
		fmt.Sprintf("\n\n%s %s {#%s}\n\n", hashes, text, id)), nil
}

// Chapter starts a numbered chapter: "## 2. Title".
func (d *doc) Chapter(title, id string) (string, error) {
	d.chapter++
	d.section = 0
	d.inAnnex = false
	n := fmt.Sprint(d.chapter)
	return d.head(2, n, n+".", title, id)
}

// Annex starts a lettered annex chapter: "## Annex A. Title".
func (d *doc) Annex(title, id string) (string, error) {
	d.annex++
	d.section = 0
	d.inAnnex = true
	n := string(rune('A' + (d.annex-1)%26))
	return d.head(2, n, d.msgs.t("report.annex", "N", n)+".", title, id)
}

// Section starts a numbered section in the current chapter or annex: "### 2.1 Title".
func (d *doc) Section(title, id string) (string, error) {
	d.section++
	parent := fmt.Sprint(d.chapter)
	if d.inAnnex {
		parent = string(rune('A' + (d.annex-1)%26))
	}
	n := fmt.Sprintf("%s.%d", parent, d.section)
	return d.head(3, n, n, title, id)
}

// Figure places a chart: key names a chart the report prepared, caption is its
// title. It is numbered "Figure N" and gets the anchor #fig-<key>.
func (d *doc) Figure(key, caption string) (string, error) {
	render, ok := d.figures[key]
	if !ok {
		return "", fmt.Errorf("unknown figure %q", key)
	}
	id := "fig-" + anchorID(key)
	if _, dup := d.refs[id]; dup {
		return "", fmt.Errorf("figure %q is placed twice", key)
	}
	d.nfig++
	n := numbered{Kind: "Figure", N: d.nfig, ID: id, Caption: caption}
	d.refs[id] = n
	title := d.msgs.t("report.figure", "N", n.N) + ". " + caption
	svg, err := render(title)
	if err != nil {
		return "", fmt.Errorf("failed to draw figure %q: %w", key, err)
	}
	d.svgs[id] = svg
	d.figOrder = append(d.figOrder, id)
	return d.either(fmt.Sprintf("\n\n![%s](%s)\n\n", escapeMarkdown(title), d.figureFile(id)), d.mark("fig", id)), nil
}

// figureFile is the path of a figure's SVG relative to <name>.md.
func (d *doc) figureFile(id string) string { return d.name + "-figures/" + id + ".svg" }

// Table writes a table caption, "Table N. caption", anchored #tab-<key>; the
// template writes the table itself right after it.
func (d *doc) Table(key, caption string) (string, error) {
	id := "tab-" + anchorID(key)
	if _, dup := d.refs[id]; dup {
		return "", fmt.Errorf("table %q is captioned twice", key)
	}
	d.ntab++
	n := numbered{Kind: "Table", N: d.ntab, ID: id, Caption: caption}
	d.refs[id] = n
	return d.either(fmt.Sprintf("\n\n**%s.** %s\n\n", d.msgs.t("report.table", "N", n.N), escapeMarkdown(caption)), d.mark("cap", id)), nil
}

// Ref refers to a figure ("fig-<key>"), a table ("tab-<key>") or a heading id:
// "Figure 2", "Table 3", "Section 4.2", "Chapter 3", "Annex A". In the pass it is
// a placeholder that resolve fills in; after a pass (prev) an unknown id is an
// error.
func (d *doc) Ref(id string) (string, error) {
	id = anchorID(id)
	if d.prev == nil {
		return d.marker + refOpen + id + placeClose, nil
	}
	if _, ok := d.prev.refText(id, modeMarkdown); !ok {
		return "", unknownRef(id)
	}
	return id, nil
}

// refText is how a reference to id reads once the pass is done: "Figure 2", and
// a link to it in modeHTML.
func (d *doc) refText(id string, m mode) (string, bool) {
	text := ""
	if n, ok := d.refs[id]; ok {
		text = d.msgs.t("report."+strings.ToLower(n.Kind), "N", n.N)
	}
	for _, h := range d.headings {
		if h.ID != id {
			continue
		}
		switch {
		case h.Level == 2 && h.Annex:
			text = d.msgs.t("report.annex", "N", h.Number)
		case h.Level == 2:
			text = d.msgs.t("report.chapter", "N", h.Number)
		default:
			text = d.msgs.t("report.section", "N", h.Number)
		}
	}
	if text == "" {
		return "", false
	}
	if m == modeHTML {
		return fmt.Sprintf("[%s](#%s)", text, id), true
	}
	return text, true
}

func unknownRef(id string) error {
	return fmt.Errorf("reference to unknown figure, table or section %q", id)
}

// TOC writes the table of contents: a Markdown list of the headings, or a marker
// paragraph the HTML stage replaces.
func (d *doc) TOC() string {
	return d.marker + tocMark
}

// tocMarkdown is the table of contents of the pass as a Markdown list.
func (d *doc) tocMarkdown() string {
	var b strings.Builder
	b.WriteString("\n\n")
	for _, h := range d.headings {
		indent := strings.Repeat("  ", h.Level-2)
		fmt.Fprintf(&b, "%s- [%s %s](#%s)\n", indent, h.Label, escapeMarkdown(h.Title), h.ID)
	}
	b.WriteString("\n")
	return b.String()
}

// resolve writes the pass in one mode: every placeholder by its text in the mode,
// every reference by its number, the contents by the headings. A reference to an
// id the pass did not number is an error.
func (d *doc) resolve(out []byte, m mode) ([]byte, error) {
	open := []byte(d.marker)
	var b bytes.Buffer
	b.Grow(len(out) + len(out)/8)
	for {
		i := bytes.Index(out, open)
		if i < 0 {
			b.Write(out)
			return b.Bytes(), nil
		}
		b.Write(out[:i])
		rest := out[i+len(open):]
		switch {
		case bytes.HasPrefix(rest, []byte(partOpen)):
			n, after, _ := bytes.Cut(rest[len(partOpen):], []byte(placeClose))
			k, err := strconv.Atoi(string(n))
			if err != nil || k < 0 || k >= len(d.parts) {
				return nil, fmt.Errorf("a placeholder of the report is broken: %q", n)
			}
			b.WriteString(d.parts[k][m])
			out = after
		case bytes.HasPrefix(rest, []byte(refOpen)):
			id, after, _ := bytes.Cut(rest[len(refOpen):], []byte(placeClose))
			text, found := d.refText(string(id), m)
			if !found {
				return nil, unknownRef(string(id))
			}
			b.WriteString(text)
			out = after
		case bytes.HasPrefix(rest, []byte(tocMark)):
			if m == modeHTML {
				b.WriteString(d.mark("toc", "contents"))
			} else {
				b.WriteString(d.tocMarkdown())
			}
			out = rest[len(tocMark):]
		default:
			// A marker paragraph inside a placeholder's text is written whole
			// above; one here is text, which the HTML stage would refuse.
			b.Write(open)
			out = rest
		}
	}
}

// TitlePageStart and TitlePageEnd enclose the title page.
func (d *doc) TitlePageStart() string {
	return d.either("", d.mark("title", "start"))
}

// TitlePageEnd ends the title page.
func (d *doc) TitlePageEnd() string {
	return d.either("\n\n---\n\n", d.mark("title", "end"))
}
