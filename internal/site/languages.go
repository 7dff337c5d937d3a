package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/framework"
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

// cldrCountryName is a country's name in a language, from CLDR; ok is false when
// CLDR has none (the plans' own name is shown then).
func cldrCountryName(code, lang string) (string, bool) {
	if code == "EL" {
		code = "GR"
	}
	r, err := language.ParseRegion(code)
	if err != nil {
		return "", false
	}
	t, err := language.Parse(lang)
	if err != nil {
		return "", false
	}
	n := display.Regions(t).Name(r)
	return n, n != ""
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
		if texts := plantext.Of(c); slices.Contains(texts.Languages(), l.Code) {
			lc, _ := texts.Localized(c, l.Code)
			cc = *lc
		}
		if cc.Country != nil {
			pc := *cc.Country
			if n, ok := cldrCountryName(c.Code, l.Code); ok {
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
