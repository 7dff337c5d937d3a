package report

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// markdown is the converter for report bodies. Raw HTML stays disabled (goldmark's
// default): text from YAML is escaped before it reaches the Markdown, and whatever
// HTML a template writes is dropped, not passed through. Only the GFM tables
// extension and heading attributes ({#id}, for stable anchors) are on; no linkify,
// so a URL in data never becomes a link.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.Table),
	goldmark.WithParserOptions(parser.WithAttribute()),
)

// toHTML converts the Markdown of the HTML pass and replaces its marker paragraphs
// with trusted markup: figures (inline SVG), table captions, the contents, and the
// title page wrapper.
func toHTML(md []byte, d *doc, notice string) ([]byte, error) {
	var body bytes.Buffer
	if err := markdown.Convert(md, &body); err != nil {
		return nil, fmt.Errorf("failed to convert Markdown: %w", err)
	}
	re := regexp.MustCompile(`<p>` + regexp.QuoteMeta(d.marker) + `([a-z]+)-([a-z0-9-]+)</p>`)
	used := map[string]bool{}
	var err error
	out := re.ReplaceAllFunc(body.Bytes(), func(m []byte) []byte {
		sub := re.FindSubmatch(m)
		kind, id := string(sub[1]), string(sub[2])
		key := kind + "-" + id
		if used[key] && kind != "title" && kind != "colophon" {
			err = fmt.Errorf("marker %s appears twice", key)
			return nil
		}
		used[key] = true
		switch kind {
		case "fig":
			return figureHTML(d, id)
		case "cap":
			n := d.refs[id]
			return fmt.Appendf(nil, `<p class="caption" id="%s"><span class="caption-label">%s.</span> %s</p>`,
				id, html.EscapeString(d.msgs.t("report.table", "N", n.N)), html.EscapeString(n.Caption))
		case "toc":
			return tocHTML(d)
		case "colophon":
			if id == "start" {
				return fmt.Appendf(nil, `<section class="colophon-page" aria-label="%s">`, html.EscapeString(d.msgs.t("report.about")))
			}
			return []byte(`</section>`)
		case "title":
			if id == "start" {
				s := `<header class="title-page">`
				if notice != "" {
					s += `<p class="notice-label">` + html.EscapeString(d.msgs.t("report.illustrative_label")) + `</p>`
				}
				return []byte(s)
			}
			return []byte(`</header>`)
		}
		err = fmt.Errorf("unknown marker %s", key)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return leadIns(keyValueTables(out)), nil
}

// leadInRe is a paragraph of bold text alone, which a template writes as a small
// heading ("**Strengths**").
var leadInRe = regexp.MustCompile(`<p><strong>([^<]*)</strong></p>`)

// leadIns marks each bold paragraph alone as a lead-in, so the print style sheet
// keeps it with what follows it, like a heading.
func leadIns(body []byte) []byte {
	return leadInRe.ReplaceAll(body, []byte(`<p class="lead-in"><strong>$1</strong></p>`))
}

func figureHTML(d *doc, id string) []byte {
	var b bytes.Buffer
	// The chart draws its numbered title ("Figure N. caption") itself and names
	// itself by it (role="img", aria-labelledby), so no figcaption repeats it.
	kind, _, _ := strings.Cut(strings.TrimPrefix(id, "fig-"), "-")
	fmt.Fprintf(&b, `<figure class="chart chart-%s" id="%s" aria-labelledby="%s-title">`+"\n", kind, id, id)
	b.Write(d.svgs[id])
	b.WriteString("</figure>")
	return b.Bytes()
}

func tocHTML(d *doc) []byte {
	var b bytes.Buffer
	b.WriteString(`<nav class="toc" aria-labelledby="toc-title"><h2 class="toc-title" id="toc-title">` + html.EscapeString(d.msgs.t("report.contents")) + `</h2>` + "\n<ol>\n")
	open := false
	for _, h := range d.headings {
		switch {
		case h.Level == 2 && open:
			b.WriteString("</ol></li>\n")
			open = false
		case h.Level == 3 && !open:
			b.WriteString("<ol>\n")
			open = true
		}
		if h.Level == 2 {
			fmt.Fprintf(&b, `<li class="toc-chapter"><a href="#%s"><span class="toc-num">%s</span> <span class="toc-text">%s</span></a>`,
				h.ID, html.EscapeString(h.Label), html.EscapeString(h.Title))
			if !nextIsSection(d.headings, h) {
				b.WriteString("</li>\n")
			}
			continue
		}
		fmt.Fprintf(&b, `<li><a href="#%s"><span class="toc-num">%s</span> <span class="toc-text">%s</span></a></li>`+"\n",
			h.ID, html.EscapeString(h.Label), html.EscapeString(h.Title))
	}
	if open {
		b.WriteString("</ol></li>\n")
	}
	b.WriteString("</ol>\n")
	if len(d.refs) > 0 {
		b.WriteString(`<p class="toc-lists">`)
		nf, nt := 0, 0
		for _, n := range d.refs {
			if n.Kind == "Figure" {
				nf++
			} else {
				nt++
			}
		}
		fmt.Fprintf(&b, "%s, %s.", html.EscapeString(d.msgs.t("report.figures", nf)), html.EscapeString(d.msgs.t("report.tables", nt)))
		b.WriteString("</p>\n")
	}
	b.WriteString("</nav>")
	return b.Bytes()
}

// nextIsSection reports whether the heading after h is a section of it.
func nextIsSection(hs []heading, h heading) bool {
	for i := range hs {
		if hs[i].ID == h.ID {
			return i+1 < len(hs) && hs[i+1].Level > 2
		}
	}
	return false
}

// page is what the HTML shell shows around the body.
type page struct {
	Lang   string
	Title  string
	CSS    template.CSS
	Banner string // the illustrative-data notice, plain text; "" when none
	// BannerLabel is the banner's lead-in ("Illustrative data.").
	BannerLabel string
	Source      string // "source commit abc1234, 2026-01-31"
	Body        template.HTML
	Running     string // running header text for print
	Invalid     Notice // plans invalid (--allow-invalid): shown on screen and in print
	// Language is the notice of a report in another language than English: its
	// translation not reviewed, text still in English (shown on the first page).
	Language Notice
}

// shell is the self-contained HTML page: inline CSS, inline SVG, no scripts, no
// external resources. The Content-Security-Policy forbids any network access and
// any script, as a second line of defence.
var shell = template.Must(template.New("shell").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>{{.Title}}</title>
<style>
{{.CSS}}
</style>
</head>
<body>
{{- if .Banner}}
<header class="banner"><p><strong>{{.BannerLabel}}</strong> {{.Banner}}</p></header>
{{- end}}
<main>
{{- with .Invalid}}{{if .Title}}
<section class="invalid-notice" role="note" style="border: 3px solid #b00020; padding: .5rem 1rem; margin: 1rem 0;">
<p><strong>{{.Title}}</strong></p>
<ul>
{{- range .Items}}
<li>{{.}}</li>
{{- end}}
</ul>
</section>
{{- end}}{{end}}
{{- with .Language}}{{if .Title}}
<section class="language-notice" role="note" style="border: 3px solid #8a5a00; padding: .5rem 1rem; margin: 1rem 0;">
<p><strong>{{.Title}}</strong></p>
<ul>
{{- range .Items}}
<li>{{.}}</li>
{{- end}}
</ul>
</section>
{{- end}}{{end}}
{{.Body}}
</main>
<footer class="colophon"><p>{{.Title}} · {{.Source}}</p></footer>
</body>
</html>
`))

func renderShell(p page) ([]byte, error) {
	var b bytes.Buffer
	if err := shell.Execute(&b, p); err != nil {
		return nil, fmt.Errorf("failed to write HTML page: %w", err)
	}
	return b.Bytes(), nil
}

// cssOf marks the style sheet as trusted: it comes from the built-in templates or
// the plans repository's templates/ folder, which coordinators own, not from plan
// data. A closing style tag is still cut, so the sheet cannot end the element.
func cssOf(s string) template.CSS {
	return template.CSS(strings.ReplaceAll(s, "</", `<\/`))
}

// htmlOf marks the converted body as trusted: goldmark escaped all text and dropped
// raw HTML; the only markup added is this package's own.
func htmlOf(b []byte) template.HTML { return template.HTML(b) }
