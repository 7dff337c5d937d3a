package site

import (
	"bytes"
	"fmt"
	"image"
	_ "image/png" // the guide's screenshots
	"io/fs"
	"path"
	"strings"

	"github.com/hwfplan/hwfplan"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// guideFiles is where the guide's links to the project's other files point (the
// guide lives in docs/): the project's own repository, wherever the plans
// repository lives.
const guideFiles = DefaultRepoURL + "/blob/" + DefaultBranch + "/"

// guideMarkdown renders docs/planners-guide.md for the site: CommonMark with GFM,
// headings with ids (the guide's contents link to them, as on GitHub), raw HTML
// omitted, links to the framework reference turned into the site's page and
// links to other docs into the project's docs on GitHub, the guide's own
// screenshots shown (guideImages); then safeLinks, as for plan text, so the guide
// can link nowhere plan text could not.
func guideMarkdown(images fs.FS, missing *[]string) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithASTTransformers(
			util.Prioritized(guideImages{fsys: images, missing: missing}, 50), // goldmark runs the lowest first: before safeLinks
			util.Prioritized(guideLinks{}, 200), util.Prioritized(safeLinks{}, 100))),
	)
}

// GuideImagesDir is where the site publishes the guide's screenshots, relative to
// the guide's page (guide/images/).
const GuideImagesDir = "images/"

// guideHTML renders the guide without its title (the page has its own).
func guideHTML(md []byte) (string, error) { return guideHTMLWith(md, hwfplan.GuideImages) }

// guideHTMLWith renders the guide with the screenshots of images
// (docs/planners-guide/*.png). An image the guide names that is not there stops
// the build: the page would show a broken picture.
func guideHTMLWith(md []byte, images fs.FS) (string, error) {
	if i := bytes.IndexByte(md, '\n'); bytes.HasPrefix(md, []byte("# ")) && i > 0 {
		md = md[i+1:]
	}
	var b bytes.Buffer
	var missing []string
	if err := guideMarkdown(images, &missing).Convert(md, &b); err != nil {
		return "", fmt.Errorf("failed to render the planner's guide: %w", err)
	}
	if len(missing) > 0 {
		return "", fmt.Errorf("the planner's guide shows %s, which is not in docs/planners-guide/ (a screenshot is a PNG file there)", strings.Join(missing, ", "))
	}
	// A code block keeps its lines and scrolls sideways on a phone, so it must
	// be reachable by keyboard; messages (text blocks) wrap instead (see
	// site.css). The guide has no raw HTML, so every <pre> is goldmark's.
	out := strings.ReplaceAll(b.String(), "<pre><code", `<pre tabindex="0"><code`)
	out = strings.ReplaceAll(out, `<pre tabindex="0"><code class="language-text">`, `<pre class="messages"><code class="language-text">`)
	return out, nil
}

// guideLinks points the guide's relative links at the site: the framework
// reference at the guide's own page for it (relative, so any base URL works),
// any other file of docs/ at the project's docs.
type guideLinks struct{}

func (guideLinks) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		l, ok := n.(*ast.Link)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		dest := string(l.Destination)
		file, frag, _ := strings.Cut(dest, "#")
		switch {
		case strings.Contains(dest, ":") || !strings.HasSuffix(file, ".md"):
		case file == "planners-guide/framework.md":
			l.Destination = []byte(joinFrag("framework/", frag))
		default:
			l.Destination = []byte(joinFrag(guideFiles+path.Join("docs", file), frag))
		}
		return ast.WalkContinue, nil
	})
}

func joinFrag(u, frag string) string {
	if frag == "" {
		return u
	}
	return u + "#" + frag
}

// guideImages shows the guide's own screenshots: an image whose address is
// planners-guide/<name>.png becomes an <img> of the copy the site publishes under
// guide/images/, with its alt text and its size (so the page does not jump while
// it loads). Any other image is left to safeLinks, which makes it a link.
type guideImages struct {
	fsys    fs.FS
	missing *[]string
}

func (g guideImages) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var todo []*ast.Image
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering {
			todo = append(todo, img)
		}
		return ast.WalkContinue, nil
	})
	for _, img := range todo {
		dest := string(img.Destination)
		name, ok := strings.CutPrefix(dest, "planners-guide/")
		if !ok || strings.Contains(name, "/") || !strings.HasSuffix(name, ".png") {
			continue
		}
		f, err := g.fsys.Open("docs/planners-guide/" + name)
		if err != nil {
			*g.missing = append(*g.missing, dest)
			continue
		}
		cfg, _, err := image.DecodeConfig(f)
		f.Close()
		if err != nil {
			*g.missing = append(*g.missing, dest+" (not a PNG image: "+err.Error()+")")
			continue
		}
		alt := plainText(img, src)
		html := fmt.Sprintf(`<img class="guide-shot" src="%s%s" alt="%s" width="%d" height="%d" loading="lazy">`,
			GuideImagesDir, htmlEscape(name), htmlEscape(alt), cfg.Width, cfg.Height)
		s := ast.NewString([]byte(html))
		s.SetCode(true) // written as is: the markup is ours, every text in it escaped
		img.Parent().ReplaceChild(img.Parent(), img, s)
	}
}

// plainText is the text of a node's children (an image's alt text).
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
