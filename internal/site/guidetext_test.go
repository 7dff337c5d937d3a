package site

import (
	"bytes"
	"image"
	stdpng "image/png"
	"io/fs"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hwfplan/hwfplan"
)

// TestGuideHTML: the guide loses its title (the page has its own), headings get
// the ids its contents link to, the framework reference is the site's page and
// other docs are the project's on GitHub, code blocks scroll by keyboard and
// messages wrap; raw HTML and unsafe links never reach the page.
func TestGuideHTML(t *testing.T) {
	md := "# Title\n\nSee [the reference](planners-guide/framework.md#task-data), [rules](validate-rules.md#score-range), [readme](../README.md#install), [top](#yaml) and [x](javascript:alert(1)).\n\n" +
		"## YAML in five minutes\n\n<script>alert(1)</script>\n\n```yaml\na: 1\n```\n\n```text\ncountries/HU/as-is.yaml:1:1: error: x [y]\n```\n"
	got, err := guideHTML([]byte(md))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`href="framework/#task-data"`,
		`href="https://github.com/hwfplan/hwfplan/blob/main/docs/validate-rules.md#score-range"`,
		`href="https://github.com/hwfplan/hwfplan/blob/main/README.md#install"`,
		`href="#yaml"`,
		`<h2 id="yaml-in-five-minutes">YAML in five minutes</h2>`,
		`<pre tabindex="0"><code class="language-yaml">a: 1`,
		`<pre class="messages"><code class="language-text">countries/HU/as-is.yaml:1:1: error: x [y]`,
		` and x.`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
	for _, bad := range []string{"Title", "<script", "javascript:", "<h1"} {
		if strings.Contains(got, bad) {
			t.Errorf("holds %q:\n%s", bad, got)
		}
	}
}

// TestShippedGuide: the shipped guide renders, with its contents' anchors.
func TestShippedGuide(t *testing.T) {
	got, err := guideHTML(hwfplan.PlannersGuide)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"your-countrys-files", "the-programme-files", "what-the-items-and-scores-mean", "yaml-in-five-minutes",
		"the-usual-mistakes-and-what-hwfplan-says", "changing-a-file-in-the-form-editor", "changing-a-file-in-githubs-web-editor", "text-pasted-from-word-or-excel-hwfplan-fmt"} {
		if !strings.Contains(got, `href="#`+id+`"`) || !strings.Contains(got, ` id="`+id+`"`) {
			t.Errorf("contents link or heading %q missing", id)
		}
	}
	if !strings.Contains(got, `href="framework/"`) {
		t.Error("no link to the framework reference")
	}
}

// TestGuideImages: the guide's own screenshots become images of the site's copy,
// with their alt text escaped and their size; an image the guide names that is
// missing stops the build; any other image stays a link, as in plan text.
func TestGuideImages(t *testing.T) {
	var png bytes.Buffer
	if err := stdpng.Encode(&png, image.NewGray(image.Rect(0, 0, 12, 7))); err != nil {
		t.Fatal(err)
	}
	images := fstest.MapFS{"docs/planners-guide/shot.png": {Data: png.Bytes()}}
	got, err := guideHTMLWith([]byte("# T\n\n![The form 1 < 2 & \"3\"](planners-guide/shot.png)\n\n![elsewhere](https://example.org/x.png)\n"), images)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<img class="guide-shot" src="images/shot.png" alt="The form 1 &lt; 2 &amp; &#34;3&#34;" width="12" height="7" loading="lazy">`,
		`<a href="https://example.org/x.png">elsewhere</a>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
	_, err = guideHTMLWith([]byte("![gone](planners-guide/gone.png)\n"), images)
	if err == nil || !strings.Contains(err.Error(), "planners-guide/gone.png") {
		t.Errorf("a missing screenshot: err = %v, want it named", err)
	}
	images["docs/planners-guide/bad.png"] = &fstest.MapFile{Data: []byte("not a png")}
	if _, err = guideHTMLWith([]byte("![bad](planners-guide/bad.png)\n"), images); err == nil {
		t.Error("a file that is not a PNG was shown")
	}
}

// TestShippedGuideImages: every screenshot the shipped guide shows is shipped
// and published beside the guide's page.
func TestShippedGuideImages(t *testing.T) {
	got, err := guideHTML(hwfplan.PlannersGuide)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := fs.Glob(hwfplan.GuideImages, "docs/planners-guide/*.png")
	for _, f := range files {
		if !strings.Contains(got, `src="images/`+path.Base(f)+`"`) {
			t.Errorf("%s is shipped but the guide does not show it", f)
		}
	}
}
