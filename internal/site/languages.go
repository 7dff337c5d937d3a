package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/iso3166"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plantext"
	"github.com/spf13/afero"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// A site in more than one language: English, the plans' working language, at the
// top, and one site under /<lang>/ for each translation of the framework the plans
// repository holds (schema/framework.<lang>.yaml). A language's pages take the
// framework's texts from its translation (English where it gives none) and the
// interface text from site/i18n/<lang>.yaml; plan text stays as written, in
// English. Every page in another language says so, and says when the translation
// is not yet reviewed by the country team.

// siteLanguage is one language of the site besides English.
type siteLanguage struct {
	Code     string // ISO 639-1, "hu"
	Name     string // the language's name in itself, from CLDR ("magyar")
	Reviewed bool
	By, Date string // who reviewed the translation, and when
	fw       *framework.Framework
	missing  []string // framework text keys the translation leaves in English
}

// siteLanguages returns the languages of the site besides English, in file name
// order: one per translation of the framework that parses. Validation has
// already refused a build whose translations have errors.
func siteLanguages(repo *model.Repo) []siteLanguage {
	var out []siteLanguage
	for _, tf := range repo.Translations {
		if tf.Language == "" || tf.File == nil || tf.File.Node == nil {
			continue
		}
		tr, _ := repo.Framework.ParseTranslation(tf.File.Path, tf.File.Node, "")
		fw, missing := repo.Framework.Localized(tr)
		out = append(out, siteLanguage{Code: tf.Language, Name: languageName(tf.Language), Reviewed: tr.Review.Reviewed,
			By: tr.Review.ReviewedBy, Date: tr.Review.Date, fw: fw, missing: missing})
	}
	return out
}

// languageName is a language's name in that language, from CLDR, as a
// language switcher shows it ("Deutsch", "magyar", "italiano").
func languageName(code string) string {
	t, err := language.Parse(code)
	if err != nil {
		return code
	}
	if n := display.Self.Name(t); n != "" {
		return n
	}
	return code
}

// languagesConfig is the Hugo configuration of the languages, a TOML table
// added at the end of the project's hugo.toml: English first, at the site's top.
func languagesConfig(langs []siteLanguage) []byte {
	var b strings.Builder
	b.WriteString("\n# The site's languages, added by hwfplan from the framework's translations.\n")
	b.WriteString("[languages.en]\nlabel = \"English\"\nlocale = \"en\"\nweight = 1\n")
	for i, l := range langs {
		fmt.Fprintf(&b, "\n[languages.%s]\nlabel = %q\nlocale = %q\nweight = %d\n", l.Code, l.Name, l.Code, i+2)
		fmt.Fprintf(&b, "[languages.%s.params]\nreviewed = %t\nreviewedBy = %q\nreviewDate = %q\nframeworkMissing = %d\n", l.Code, l.Reviewed, l.By, l.Date, len(l.missing))
	}
	return []byte(b.String())
}

// addLanguages adds the languages to the project's hugo.toml in mem.
func addLanguages(mem afero.Fs, langs []siteLanguage) error {
	name := workDir + "/hugo.toml"
	data, err := afero.ReadFile(mem, name)
	if err != nil {
		return fmt.Errorf("failed to read the site configuration: %w", err)
	}
	if bytes.Contains(data, []byte("[languages")) {
		return fmt.Errorf("site/hugo.toml declares languages; hwfplan declares them from the framework's translations (schema/framework.<lang>.yaml): remove them from site/hugo.toml")
	}
	return afero.WriteFile(mem, name, append(data, languagesConfig(langs)...), 0o644)
}

// bundles holds the interface messages of the site by language and id
// (site/i18n/<lang>.yaml), for the few texts the generator writes itself
// (page titles): the same messages the layouts show, never a second wording.
var bundles = sync.OnceValue(func() map[string]map[string]any {
	out := map[string]map[string]any{}
	entries, err := fs.ReadDir(hwfplan.Site, "site/i18n")
	if err != nil {
		return out
	}
	for _, e := range entries {
		data, err := fs.ReadFile(hwfplan.Site, "site/i18n/"+e.Name())
		if err != nil {
			continue
		}
		var m map[string]any
		if yaml.Unmarshal(data, &m) == nil {
			out[strings.TrimSuffix(e.Name(), ".yaml")] = m
		}
	}
	return out
})

// message returns the interface message id in lang, or english when lang is
// English or its bundle has no such text message.
func message(lang, id, english string) string {
	if lang == "" || lang == "en" {
		return english
	}
	if s, ok := bundles()[lang][id].(string); ok && s != "" {
		return s
	}
	return english
}

// localized returns the input with the plans seen in a language: the framework's
// texts from its translation, the countries' plan text from their translations
// into the language (English where they give none) and the countries' names
// from CLDR. Nothing in in is changed.
func localized(in Input, l siteLanguage) Input {
	repo := *in.Repo
	repo.Framework = l.fw
	repo.Countries = make([]*model.Country, len(in.Repo.Countries))
	for i, c := range in.Repo.Countries {
		cc := *c
		// The country's own translation of its plan text, where it has one
		// (countries/<code>/translations/<lang>.yaml); English elsewhere.
		// plantext.Of reads all the plan's texts: only for a country that has
		// a translation into the language.
		if slices.ContainsFunc(c.Translations, func(tf *model.TranslationFile) bool { return tf.Language == l.Code && tf.File != nil }) {
			lc, _ := plantext.Of(c).Localized(c, l.Code)
			cc = *lc
		}
		if cc.Country != nil {
			pc := *cc.Country
			if n, ok := iso3166.NameIn(c.Code, l.Code); ok {
				pc.Name = n
			}
			cc.Country = &pc
		}
		repo.Countries[i] = &cc
	}
	in.Repo = &repo
	in.Compare = nil // its task and item titles are the framework's: computed again in the language
	return in
}

// langContent holds the generated content files of a site in more than one
// language, by language, until the Hugo pass that renders that language.
//
// Hugo keeps every page it renders in memory, its parsed front matter (the data
// the pages show) and its source; in one pass over all the languages that is
// every language's pages at once (at 500 countries 1.1 GiB, more than English
// alone needs). So each language is rendered in a pass of its own
// (renderPasses): the pass holds that language's pages in full and, for every
// other language, stubs: the same files without their params, which give Hugo
// the same pages, so that .AllTranslations (the language switcher, hreflang)
// finds every translation with its address, and render nothing (Hugo renders
// only the pass's language, see render).
type langContent struct {
	// codes are the languages in the order of their passes: the translations,
	// then English ("en"), whose pages are the most.
	codes []string
	files map[string]map[string][]byte // by language, then file name
	stubs map[string]map[string][]byte
	size  int // bytes in files
}

// passesFrom is the size of the generated content from which each language is
// rendered in a pass of its own. A pass costs Hugo's set-up (configuration,
// templates, every language's messages) again, about 0.1 s of CPU: more than a
// small site saves in memory (the shipped 19 countries: 2.1 s CPU in four passes,
// 1.8 s in one), less than a large one saves in collection (500 countries, about
// 200 MB of content: 47 s CPU and 860 MiB in four passes, 62 s and 1,160 MiB in one).
const passesFrom = 32 << 20

// newLangContent returns where to keep the content of the languages, or nil
// when the site has only English (one pass, every file in the project at once).
func newLangContent(langs []siteLanguage) *langContent {
	if len(langs) == 0 {
		return nil
	}
	c := &langContent{files: map[string]map[string][]byte{}, stubs: map[string]map[string][]byte{}}
	for _, l := range langs {
		c.codes = append(c.codes, l.Code)
	}
	c.codes = append(c.codes, "en")
	for _, code := range c.codes {
		c.files[code], c.stubs[code] = map[string][]byte{}, map[string][]byte{}
	}
	return c
}

// keep takes a generated page (content/….md) and reports whether it did; other
// files go into the project at once. A page's language is the one its name
// says (countries/hu.de.md), the same rule Hugo applies, else English.
func (c *langContent) keep(name string, data []byte) bool {
	if c == nil || !strings.HasPrefix(name, "content/") || !strings.HasSuffix(name, ".md") {
		return false
	}
	code := "en"
	if ext := path.Ext(strings.TrimSuffix(name, ".md")); ext != "" && slices.Contains(c.codes, ext[1:]) {
		code = ext[1:]
	}
	c.files[code][name] = data
	c.stubs[code][name] = stub(data)
	c.size += len(data)
	return true
}

// stub is a generated page without its params: the JSON front matter hwfplan
// writes (generator.add) has the title, dates, weight and outputs first and the
// params last. Inside a JSON string a quote is escaped, so the first `,"params":`
// is the key. A page of another form is kept whole.
func stub(data []byte) []byte {
	i := bytes.Index(data, []byte(`,"params":`))
	if len(data) == 0 || data[0] != '{' || i < 0 {
		return data
	}
	return append(data[:i:i], "}\n"...)
}

// renderPasses renders the project in mem into pub: in one Hugo pass when c is
// nil (English only) or its content is small (passesFrom), else one pass per
// language (see langContent). A language's files are let go once its pass has
// them. Hugo's warnings are passed on once, however many passes give them.
func renderPasses(mem, pub afero.Fs, opts Options, c *langContent) error {
	if c == nil {
		return render(mem, pub, opts, "")
	}
	if opts.passes == onePass || opts.passes == autoPasses && c.size < passesFrom {
		for _, code := range c.codes {
			for _, name := range slices.Sorted(maps.Keys(c.files[code])) {
				if err := writeFile(mem, workDir+"/"+name, c.files[code][name]); err != nil {
					return fmt.Errorf("failed to write %s: %w", name, err)
				}
			}
		}
		return render(mem, pub, opts, "")
	}
	var warnings []string
	passOpts := opts
	passOpts.Warnings = func(s string) {
		for _, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
			if !slices.Contains(warnings, line) {
				warnings = append(warnings, line)
			}
		}
	}
	for _, code := range c.codes {
		var names []string
		for _, other := range c.codes {
			files := c.stubs[other]
			if other == code {
				files = c.files[code]
			}
			for _, name := range slices.Sorted(maps.Keys(files)) {
				if err := writeFile(mem, workDir+"/"+name, files[name]); err != nil {
					return fmt.Errorf("failed to write %s: %w", name, err)
				}
				names = append(names, name)
			}
		}
		delete(c.files, code)
		if err := render(mem, pub, passOpts, code); err != nil {
			return err
		}
		for _, name := range names {
			if err := mem.Remove(workDir + "/" + name); err != nil {
				return fmt.Errorf("failed to remove %s: %w", name, err)
			}
		}
	}
	if opts.Warnings != nil && len(warnings) > 0 {
		opts.Warnings(strings.Join(warnings, "\n") + "\n")
	}
	return nil
}

// generateAll makes the pages of every language, English's and each
// translation's (generateLangTo), side by side on the machine's cores: at 500
// countries a language takes seconds and the languages share nothing but the
// plans, which they only read. The content goes to c (see langContent), every
// other file into the project in mem, in the order one language after another
// would have written it, so that the output does not depend on which finishes
// first; so is the error: the first language's that fails. The languages share
// the HTML of the plan text (markdownMemo): most of it is the same English text
// in every language, rendered once.
func generateAll(in Input, langs []siteLanguage, mem afero.Fs, c *langContent) error {
	n := len(langs) + 1
	others := make([]map[string][]byte, n) // files besides content, by language
	errs := make([]error, n)
	var mu sync.Mutex
	md := &markdownMemo{html: map[string]richText{}}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i := range n {
		others[i] = map[string][]byte{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			put := func(name string, data []byte) error {
				mu.Lock()
				defer mu.Unlock()
				if !c.keep(name, data) {
					others[i][name] = data
				}
				return nil
			}
			if i == 0 {
				errs[i] = generateLangTo(in, msgs{md: md}, put)
			} else {
				errs[i] = generateLangTo(localized(in, langs[i-1]), msgs{lang: langs[i-1].Code, md: md}, put)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	for _, files := range others {
		for _, name := range slices.Sorted(maps.Keys(files)) {
			if err := writeFile(mem, workDir+"/"+name, files[name]); err != nil {
				return fmt.Errorf("failed to write %s: %w", name, err)
			}
		}
	}
	return nil
}
