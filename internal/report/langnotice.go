package report

import (
	"io/fs"

	"github.com/hwfplan/hwfplan"
	"slices"
	"strings"

	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plantext"
	"go.yaml.in/yaml/v3"
)

// localize puts the report's framework text in its language, from the
// framework's translation (schema/framework.<lang>.yaml, see
// docs/translations.md), and returns the notice the report's first page carries:
// whether the translation is reviewed, and what is still in English. English
// reports change nothing and carry no notice.
//
// A language is reviewed when its framework translation's review block says so
// (reviewed: true, with reviewed_by and date): one review per language covers
// the framework's text and the interface messages of site/i18n/<lang>.yaml,
// whose header points to it. A language without a framework translation is not
// reviewed.
func localize(repo *model.Repo, d *Data, src string) Notice {
	m := d.msgs
	if m.english() {
		return Notice{}
	}
	var tr *framework.Translation
	for _, tf := range repo.Translations {
		if tf.Language != m.code || tf.File == nil || tf.File.Node == nil || d.Framework == nil {
			continue
		}
		today := "9999-12-31" // no clock: a review dated later than the source is validate's business
		if !d.Source.Time.IsZero() {
			today = d.Source.Time.UTC().Format("2006-01-02")
		}
		root := tf.File.Node
		if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
			root = root.Content[0]
		}
		tr, _ = d.Framework.ParseTranslation(tf.File.Path, root, today)
		break
	}
	if tr == nil && repo.FrameworkFile == nil && d.Framework != nil {
		// The built-in framework: its translation is built in too.
		tr = builtinTranslation(d.Framework, m.code, d.Source)
	}
	var items []string
	reviewed := false
	if tr == nil {
		items = append(items, m.t("report.framework_english"))
	} else {
		reviewed = tr.Review.Reviewed
		fw, missing := d.Framework.Localized(tr)
		d.Framework = fw
		d.R = retitled(d.R, fw)
		if len(missing) > 0 {
			items = append(items, m.t("report.framework_partly", len(missing)))
		}
	}
	switch {
	case !strings.Contains(src, `T "report.`):
		items = append(items, m.t("report.body_english"))
	case strings.Contains(src, "/* translated: partly */"):
		// The template's own marker: some of its prose is still English.
		items = append(items, m.t("report.partly_english"))
	}
	// The plans' own text, where a country translated it (plantext), in the
	// language; a translation not reviewed makes the report not reviewed.
	translated := 0
	for _, v := range d.Countries {
		texts := plantext.Of(v.Plan)
		if !slices.Contains(texts.Languages(), m.code) {
			continue
		}
		translated++
		v.Plan, _ = texts.Localized(v.Plan, m.code)
		if r, ok := texts.Review(m.code); !ok || !r.Reviewed {
			reviewed = false
		}
	}
	if translated == 0 {
		items = append(items, m.t("report.plan_text_english"))
	} else {
		items = append(items, m.t("report.plan_text_partly", "Count", translated, "Countries", len(d.Countries)))
	}
	// publication.yaml's citation, funding statement and disclaimer, where it
	// translates them.
	if d.Publication != nil {
		var english []string
		d.Publication, english = d.Publication.In(m.code)
		if len(english) > 0 {
			parts := make([]string, len(english))
			for i, part := range english {
				parts[i] = m.t("report.publication." + part)
			}
			items = append(items, m.t("report.publication_english", "Parts", m.joinAnd(parts)))
		}
	}
	n := Notice{Items: items}
	if !reviewed {
		en, _ := newMessages(English)
		n.Title = m.t("report.not_reviewed") + " / " + en.t("report.not_reviewed")
		n.Items = slices.Insert(n.Items, 0, m.t("report.not_reviewed_text"))
	} else {
		n.Title = m.t("report.parts_english")
	}
	return n
}

// builtinTranslation reads the built-in framework's translation into lang
// (schema/framework.<lang>.yaml in the binary), or nil.
func builtinTranslation(fw *framework.Framework, lang string, src Source) *framework.Translation {
	p := framework.TranslationPath(lang)
	data, err := fs.ReadFile(hwfplan.FrameworkTranslations, p)
	if err != nil {
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) != 1 {
		return nil
	}
	today := "9999-12-31"
	if !src.Time.IsZero() {
		today = src.Time.UTC().Format("2006-01-02")
	}
	tr, _ := fw.ParseTranslation(p, doc.Content[0], today)
	return tr
}

// retitled is a copy of the comparison whose task, item and domain titles are
// the (translated) framework's.
func retitled(r *compare.Result, fw *framework.Framework) *compare.Result {
	c := *r
	c.Tasks = slices.Clone(r.Tasks)
	for i := range c.Tasks {
		t := &c.Tasks[i]
		if ft, ok := fw.Task(t.ID); ok {
			t.Title, t.Short = ft.Title, ft.Short
		}
		t.Items = slices.Clone(t.Items)
		for j := range t.Items {
			if it, ok := fw.Item(t.Items[j].Key); ok {
				t.Items[j].Title = it.Title
			}
		}
	}
	c.Domains = slices.Clone(r.Domains)
	for i := range c.Domains {
		for _, dm := range fw.Sustainability.Domains {
			if dm.ID == c.Domains[i].ID {
				c.Domains[i].Title = dm.Title
			}
		}
	}
	return &c
}
