package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"strings"

	"github.com/hwfplan/hwfplan/internal/editor"
	"github.com/hwfplan/hwfplan/internal/editorwasm"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/schema"
	"github.com/spf13/afero"
)

// EditorDir is where the site publishes the form editor's engine
// (editorwasm.WasmFile and editorwasm.LoaderFile); EditDir holds its pages,
// one per country (edit/hu/), each with the files it edits in files.json.
const (
	EditorDir = "editor/"
	EditDir   = "edit/"
	// FilesJSON is the name of a country's files beside its edit page.
	FilesJSON = "files.json"
)

// FormJSON is the name of a language's words for the form editor's engine,
// edit/form.<lang>.json (see formLanguage).
func FormJSON(lang string) string { return "form." + lang + ".json" }

// NoEngineWarning is what a build says when it has no form editor engine.
var NoEngineWarning = fmt.Sprintf("warning: this build has no form editor: its engine (WebAssembly) was not generated, so the edit pages say the editor is missing; run `%s` before building hwfplan-site\n", editorwasm.Command)

// engine returns the form editor's engine files (a variable, so tests can
// build with and without one).
var engine = editorwasm.Engine

// addEditor publishes the form editor's engine under editor/, or, when it was
// not generated into this build, says so through opts.Warnings.
func addEditor(pub afero.Fs, opts Options) error {
	files, ok := engine()
	if !ok {
		if opts.Warnings != nil {
			opts.Warnings(NoEngineWarning)
		}
		return nil
	}
	for _, name := range []string{editorwasm.WasmFile, editorwasm.LoaderFile} {
		if err := writeFile(pub, EditorDir+name, files[name]); err != nil {
			return fmt.Errorf("failed to add the form editor's %s: %w", name, err)
		}
	}
	return nil
}

// editFile is one file of a country's edit page.
type editFile struct {
	Path  string `json:"path"`  // repository-relative, countries/HU/as-is.yaml
	Name  string `json:"name"`  // as-is.yaml
	Title string `json:"title"` // As-is assessment
}

// editPages adds the form editor's pages: edit/ lists the countries, and each
// country's page edit/<code>/ (lower case) has beside it files.json, the texts
// of the files a session over that country loads (editor.FilesOf: its plan
// files and what validating them reads), exactly as read, by repository path.
// Page params: country (code, name), files (the country's files with their
// titles) and engine (whether this build has the engine; without it the page
// says the editor is missing).
func (g *generator) editPages() error {
	_, hasEngine := engine()
	if err := g.add(EditDir+"_index.md", page{Title: g.t("edit.title", "Form editor"), Params: map[string]any{"engine": hasEngine, noticeParam: ""}}); err != nil {
		return err
	}
	sums := g.summaries()
	if g.lang != "" {
		if err := g.formLanguage(); err != nil {
			return err
		}
	}
	illustrative := map[string]bool{}
	for _, s := range sums {
		illustrative[s.Code] = s.Illustrative
	}
	// A language's pages need only the paths of each country's own files (by
	// country, without their text): editor.FilesOf for every country in every
	// language cost 1.3 s at 500 countries.
	var ownFiles map[string]map[string]string
	if g.lang != "" {
		ownFiles = map[string]map[string]string{}
		for p := range g.in.Repo.Files {
			if rest, ok := strings.CutPrefix(p, model.CountriesDir+"/"); ok {
				if code, _, ok := strings.Cut(rest, "/"); ok {
					if ownFiles[code] == nil {
						ownFiles[code] = map[string]string{}
					}
					ownFiles[code][p] = ""
				}
			}
		}
	}
	for _, c := range g.countryList() {
		name := c.Code
		if c.Country != nil && c.Country.Name != "" {
			name = c.Country.Name
		}
		code := strings.ToLower(c.Code)
		// One files.json per country, beside the English page; the pages in
		// other languages (/de/edit/hu/) fetch it from there and only list the
		// country's files.
		files := ownFiles[c.Code]
		if g.lang == "" {
			files = editor.FilesOf(g.in.Repo, c.Code)
			data, err := json.Marshal(files)
			if err != nil {
				return fmt.Errorf("failed to encode the files of %s's edit page: %w", c.Code, err)
			}
			if err := g.put("static/"+EditDir+code+"/"+FilesJSON, noEquals(data)); err != nil {
				return err
			}
		}
		var list []editFile
		for _, p := range editor.Paths(files, c.Code) {
			list = append(list, editFile{Path: p, Name: path.Base(p), Title: g.kindTitle(schema.KindOf(p))})
		}
		params := map[string]any{"country": map[string]string{"code": c.Code, "name": name}, "files": list, "engine": hasEngine,
			noticeParam: g.notice([]countrySummary{{Name: name, Illustrative: illustrative[c.Code]}})}
		if err := g.add(EditDir+code+".md", page{Title: strings.ReplaceAll(g.t("edit.page_title", "Edit {name}'s plan"), "{name}", name), Params: params}); err != nil {
			return err
		}
	}
	return nil
}

// kindTitle is a plan file kind's title without its file name, in the
// page's language as the form says it: "As-is assessment".
func (g *generator) kindTitle(kind string) string {
	for _, k := range schema.Kinds {
		if k.Name == kind {
			t, _, _ := strings.Cut(g.t(editor.MessageID(k.Title), k.Title), " (")
			return t
		}
	}
	return kind
}

// formLanguage writes the words the form editor's engine takes for the
// language (its localize method), once per language beside the English pages'
// files.json: edit/form.<lang>.json holds the language's code, the text of the
// framework's translation (schema/framework.<lang>.yaml) and the bundle's
// messages of the form (site/i18n/<lang>.yaml, ids edit.form.*). The checks'
// messages and the change summary stay English (edit.english_note says so).
func (g *generator) formLanguage() error {
	var text string
	for _, tf := range g.in.Repo.Translations {
		if tf.Language == g.lang && tf.File != nil {
			text = string(tf.File.Data)
		}
	}
	msgs := map[string]string{}
	for id, m := range bundles()[g.lang] {
		if s, ok := m.(string); ok && strings.HasPrefix(id, editor.MessagePrefix) {
			msgs[id] = s
		}
	}
	data, err := json.Marshal(struct {
		Lang      string            `json:"lang"`
		Framework string            `json:"framework"`
		Messages  map[string]string `json:"messages"`
	}{g.lang, text, msgs})
	if err != nil {
		return fmt.Errorf("failed to encode the form editor's words in %s: %w", g.lang, err)
	}
	return g.put("static/"+EditDir+FormJSON(g.lang), noEquals(data))
}

// noEquals escapes "=" in JSON text. Plan text is data: besides the encoder's
// escapes of <, > and &, "=" is escaped too (it only occurs inside strings), so
// no attribute such as onerror=... is spelt out anywhere on the site.
func noEquals(data []byte) []byte {
	return bytes.ReplaceAll(data, []byte("="), []byte(`\u003d`))
}
