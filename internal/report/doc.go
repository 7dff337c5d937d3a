package report

import (
	"fmt"
	"strings"
)

// mode is the output a template pass writes Markdown for.
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

// doc numbers the headings, figures and tables of one template pass. A report is
// rendered twice: the first pass collects every number, so the second can refer
// forward ("see Figure 5" before Figure 5) and write the table of contents.
type doc struct {
	mode    mode
	marker  string // "hwfmark-<nonce>-": prefix of marker paragraphs (modeHTML)
	name    string // report name, for figure file names (modeMarkdown)
	figures map[string]figureFunc
	prev    *doc // the first pass; nil during it

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
	captions map[string]numbered // marker id -> caption (tables), modeHTML
	msgs     *messages           // the report's language
}

// figureFunc renders one chart with the given accessible title.
type figureFunc func(title string) ([]byte, error)

func newDoc(m mode, name, marker string, figures map[string]figureFunc, prev *doc, msgs *messages) *doc {
	return &doc{mode: m, name: name, marker: marker, figures: figures, prev: prev, msgs: msgs,
		refs: map[string]numbered{}, svgs: map[string][]byte{}, captions: map[string]numbered{}}
}

// mark is a marker paragraph, replaced after the Markdown is converted to HTML.
func (d *doc) mark(kind, id string) string {
	return "\n\n" + d.marker + kind + "-" + id + "\n\n"
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
	if d.mode == modeHTML {
		return fmt.Sprintf("\n\n%s %s {#%s}\n\n", hashes, text, id), nil
	}
	// GitHub and most Markdown viewers give headings ids of their own; the anchor
	// keeps links such as (#country-hu) working. The id is [a-z0-9-] only.
	return fmt.Sprintf("\n\n<a id=\"%s\"></a>\n\n%s %s\n\n", id, hashes, text), nil
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
	if d.mode == modeHTML {
		return d.mark("fig", id), nil
	}
	return fmt.Sprintf("\n\n![%s](%s)\n\n", escapeMarkdown(title), d.figureFile(id)), nil
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
	if d.mode == modeHTML {
		d.captions[id] = n
		return d.mark("cap", id), nil
	}
	return fmt.Sprintf("\n\n**%s.** %s\n\n", d.msgs.t("report.table", "N", n.N), escapeMarkdown(caption)), nil
}

// Ref refers to a figure ("fig-<key>"), a table ("tab-<key>") or a heading id:
// "Figure 2", "Table 3", "Section 4.2", "Chapter 3", "Annex A". In the first pass
// a forward reference reads "?"; in the second an unknown id is an error.
func (d *doc) Ref(id string) (string, error) {
	id = anchorID(id)
	src := d
	if d.prev != nil {
		src = d.prev
	}
	text := ""
	if n, ok := src.refs[id]; ok {
		text = d.msgs.t("report."+strings.ToLower(n.Kind), "N", n.N)
	}
	for _, h := range src.headings {
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
		if d.prev != nil {
			return "", fmt.Errorf("reference to unknown figure, table or section %q", id)
		}
		return "?", nil
	}
	if d.mode == modeHTML {
		return fmt.Sprintf("[%s](#%s)", text, id), nil
	}
	return text, nil
}

// TOC writes the table of contents from the first pass's headings.
func (d *doc) TOC() string {
	if d.mode == modeHTML {
		return d.mark("toc", "contents")
	}
	var b strings.Builder
	b.WriteString("\n\n")
	if d.prev != nil {
		for _, h := range d.prev.headings {
			indent := strings.Repeat("  ", h.Level-2)
			fmt.Fprintf(&b, "%s- [%s %s](#%s)\n", indent, h.Label, escapeMarkdown(h.Title), h.ID)
		}
	}
	b.WriteString("\n")
	return b.String()
}

// TitlePageStart and TitlePageEnd enclose the title page.
func (d *doc) TitlePageStart() string {
	if d.mode == modeHTML {
		return d.mark("title", "start")
	}
	return ""
}

// TitlePageEnd ends the title page.
func (d *doc) TitlePageEnd() string {
	if d.mode == modeHTML {
		return d.mark("title", "end")
	}
	return "\n\n---\n\n"
}
