// Package site builds the programme's static site. It turns a loaded plans
// repository into Hugo content (pages whose front matter carries the data) and
// renders it with Hugo in-process from an in-memory project — the embedded site/
// project as the base layer, the plans repository's own site/ folder on top.
// Build publishes straight into a new folder that then replaces the output
// atomically; Render returns the files in memory (for the preview server and
// tests). It never prints: it returns files and errors.
package site

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/gohugoio/hugo/hugofs"
	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/buildinfo"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/publish"
	"github.com/hwfplan/hwfplan/internal/report"
	"github.com/hwfplan/hwfplan/internal/schema"
	"github.com/spf13/afero"
)

// Defaults for Options.
const (
	DefaultRepoURL = buildinfo.DefaultRepoURL
	DefaultBranch  = buildinfo.DefaultBranch
)

// Input is what the site is made of; package publish gathers it.
type Input = publish.Site

// Revision is one commit that changed a country's files.
type Revision = publish.Revision

// Report is one report page: its HTML body and the downloads that go with it.
type Report = publish.ReportPage

// Options tune a build.
type Options struct {
	// BaseURL is where the site is served from, e.g. https://example.org/hwf/.
	BaseURL string
	// RepoURL is the plans repository's web address, for "edit this file" links.
	RepoURL string
	// Branch is the branch the edit links open.
	Branch string
	// Warnings receives Hugo's warnings, if not nil.
	Warnings func(string)
	// passes chooses one Hugo pass or a pass per language (see renderPasses);
	// the tests set it, a build chooses by the size of the site.
	passes passMode
}

type passMode int

const (
	autoPasses      passMode = iota
	onePass                  // every language in one Hugo pass
	passPerLanguage          // each language in a Hugo pass of its own
)

func (o Options) baseURL() string {
	if o.BaseURL == "" {
		return "/"
	}
	if !strings.HasSuffix(o.BaseURL, "/") {
		return o.BaseURL + "/"
	}
	return o.BaseURL
}

func (o Options) repoURL() string {
	if o.RepoURL == "" {
		return DefaultRepoURL
	}
	return strings.TrimSuffix(o.RepoURL, "/")
}

func (o Options) branch() string {
	if o.Branch == "" {
		return DefaultBranch
	}
	return o.Branch
}

// Render builds the whole site in memory and returns its files by slash path.
func Render(in Input, opts Options) (map[string][]byte, error) {
	mem := afero.NewMemMapFs()
	if err := renderTo(in, opts, hugofs.NewBasePathFs(mem, publishDir)); err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	if err := collect(mem, publishDir, files); err != nil {
		return nil, fmt.Errorf("failed to collect the rendered site: %w", err)
	}
	return files, nil
}

// Build renders the site into dir and returns how many files it holds. It is
// Render followed by Publish with the same output, without holding the site in
// memory: Hugo writes the pages, and the static files and downloads are copied,
// straight into a new folder next to dir, which then replaces dir atomically. If
// anything fails, dir is left as it was and the new folder is removed.
func Build(in Input, opts Options, dir string) (int, error) {
	if err := checkDownloads(in.Downloads); err != nil {
		return 0, err
	}
	return publishWith(dir, func(tmp string) (int, error) {
		pub := diskFs(tmp)
		// Hand the input over without keeping a copy here, so that renderTo can
		// let it go (see there).
		own := in
		in = Input{}
		if err := renderTo(own, opts, pub); err != nil {
			return 0, err
		}
		return countFiles(pub)
	})
}

// renderTo builds the whole site into pub (rooted at the site's top): the
// downloads, then the pages Hugo renders (which replace a download of the same
// path), then the static files that neither replaces.
//
// Once the downloads are written and the pages generated, renderTo holds nothing
// of in: when pub is on disk and the caller has let go of in too, the plans, the
// comparison and the downloads can be freed while Hugo renders (at 500 countries
// about 300 MB of the 700 MB the process holds then).
func renderTo(in Input, opts Options, pub afero.Fs) error {
	if in.Repo == nil || in.Repo.Framework == nil {
		return fmt.Errorf("failed to render the site: no plans repository")
	}
	if err := checkDownloads(in.Downloads); err != nil {
		return err
	}
	names := map[string][]byte{}
	for _, name := range slices.Sorted(maps.Keys(in.Downloads)) {
		if err := writeFile(pub, "downloads/"+name, in.Downloads[name]); err != nil {
			return fmt.Errorf("failed to add download %s: %w", name, err)
		}
		names[name] = nil
	}
	// The pages only list the downloads: keep their names, not their bytes.
	in.Downloads = names
	if err := addSchemas(pub, in.Repo.Framework); err != nil {
		return err
	}
	if err := addFonts(pub); err != nil {
		return err
	}
	if err := addGuideImages(pub); err != nil {
		return err
	}
	if err := addEditor(pub, opts); err != nil {
		return err
	}
	mem := afero.NewMemMapFs()
	base, err := fs.Sub(hwfplan.Site, "site")
	if err != nil {
		return fmt.Errorf("failed to open the embedded site: %w", err)
	}
	if err := copyFS(mem, workDir, base, ""); err != nil {
		return fmt.Errorf("failed to copy the embedded site: %w", err)
	}
	if in.Overrides != nil {
		if err := copyFS(mem, workDir, in.Overrides, "site"); err != nil {
			return fmt.Errorf("failed to copy the repository's site folder: %w", err)
		}
	}
	langs := siteLanguages(in.Repo)
	// Each language's content is kept apart and rendered in a Hugo pass of its
	// own (see renderPasses); every other file goes into the project at once.
	content := newLangContent(langs)
	err = generateAll(in, langs, mem, content)
	if err == nil && len(langs) > 0 {
		err = addLanguages(mem, langs)
	}
	in = Input{}
	if err != nil {
		return err
	}
	if err := addFontCSS(mem); err != nil {
		return err
	}
	if err := renderPasses(mem, pub, opts, content); err != nil {
		return err
	}
	// Hugo's library does not copy static files (its CLI does): copy those that no
	// page or download replaces.
	static := workDir + "/static"
	if ok, _ := afero.DirExists(mem, static); !ok {
		return nil
	}
	return afero.Walk(mem, static, func(p string, fi fs.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		data, err := afero.ReadFile(mem, p)
		if err != nil {
			return fmt.Errorf("failed to copy the static file %s: %w", p, err)
		}
		if err := addMissing(pub, strings.TrimPrefix(p, static+"/"), data); err != nil {
			return fmt.Errorf("failed to copy the static file %s: %w", p, err)
		}
		return nil
	})
}

// addSchemas publishes the JSON Schemas of the plan files under schema/v1/, so
// editors and validators can use them by URL without a clone. They are generated
// from the repository's framework exactly as `hwfplan schema` writes
// schema/*.schema.json (which CI keeps current), so the two are byte-identical.
func addSchemas(pub afero.Fs, fw *framework.Framework) error {
	files, err := schema.Generate(fw)
	if err != nil {
		return fmt.Errorf("failed to generate the schemas: %w", err)
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := writeFile(pub, schema.SitePath+name, files[name]); err != nil {
			return fmt.Errorf("failed to add schema %s: %w", name, err)
		}
	}
	return nil
}

// FontsDir is where the site publishes the shipped fonts (fonts/README.md).
const FontsDir = "fonts/"

// addFonts publishes the shipped fonts and their licence under fonts/; the
// style sheet css/fonts.css (written with the content) loads them from there,
// so no page asks another server for a font.
func addFonts(pub afero.Fs) error {
	files, err := fs.Glob(hwfplan.Fonts, "fonts/*")
	if err != nil {
		return fmt.Errorf("failed to list the fonts: %w", err)
	}
	for _, name := range files {
		data, err := fs.ReadFile(hwfplan.Fonts, name)
		if err != nil {
			return fmt.Errorf("failed to read the font %s: %w", name, err)
		}
		if err := writeFile(pub, FontsDir+path.Base(name), data); err != nil {
			return fmt.Errorf("failed to add the font %s: %w", name, err)
		}
	}
	return nil
}

// addGuideImages publishes the planner's guide's screenshots beside its page
// (guide/images/), where guideImages points the page's <img> elements.
func addGuideImages(pub afero.Fs) error {
	files, err := fs.Glob(hwfplan.GuideImages, "docs/planners-guide/*.png")
	if err != nil {
		return fmt.Errorf("failed to list the guide's screenshots: %w", err)
	}
	for _, name := range files {
		data, err := fs.ReadFile(hwfplan.GuideImages, name)
		if err != nil {
			return fmt.Errorf("failed to read the guide's screenshot %s: %w", name, err)
		}
		if err := writeFile(pub, "guide/"+GuideImagesDir+path.Base(name), data); err != nil {
			return fmt.Errorf("failed to add the guide's screenshot %s: %w", name, err)
		}
	}
	return nil
}

// addFontCSS writes assets/css/fonts.css into the Hugo project, unless the plans
// repository's site/ folder brings its own: an @font-face rule per shipped font,
// loaded from the fonts/ folder next to css/ (a relative URL, so a site served
// under a sub-path finds them too).
func addFontCSS(mem afero.Fs) error {
	name := workDir + "/assets/css/fonts.css"
	if ok, _ := afero.Exists(mem, name); ok {
		return nil
	}
	css := "/* The shipped fonts (fonts/README.md), written by hwfplan. */\n" +
		report.FontFaceCSS(func(file string) string { return `"../` + FontsDir + file + `"` })
	if err := writeFile(mem, name, []byte(css)); err != nil {
		return fmt.Errorf("failed to write the font style sheet: %w", err)
	}
	return nil
}

// checkDownloads refuses a download path that is not a clean relative path.
func checkDownloads(downloads map[string][]byte) error {
	for name := range downloads {
		clean := path.Clean("/" + name)[1:]
		if clean == "" || name != clean {
			return fmt.Errorf("failed to add download %q: not a clean relative path", name)
		}
	}
	return nil
}

// addMissing writes a file unless one of that path is already there.
func addMissing(pub afero.Fs, name string, data []byte) error {
	if _, err := pub.Stat(name); err == nil {
		return nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return writeFile(pub, name, data)
}
