// Package report builds the programme's publishable documents, the as-is report, the
// sustainability report and the thematic reports (Kinds lists them), from a loaded
// plans repository and its comparison.
//
// Each report is a Markdown template with Go text/template actions
// (templates/<name>.md.tmpl) that a coordinator can edit without touching Go code; a
// plans repository's own templates/ folder overrides the built-in ones, file by file.
// The template is executed twice: the first pass numbers chapters, sections, figures
// and tables, the second writes the document with the table of contents and
// references ("see Figure 2") resolved, also forward ones.
//
// Build returns <name>.md (readable on GitHub, figures as SVG files next to it) and a
// self-contained <name>.html: inline CSS with print rules for A4, inline SVG charts
// with their alt text, no scripts and no network. PrintPDF prints that HTML with
// headless Chromium. Text from the plans is untrusted: it is escaped before it
// reaches Markdown, and goldmark renders no raw HTML.
//
// The package returns data and never prints.
package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"text/template"

	"github.com/hwfplan/hwfplan"
	"github.com/hwfplan/hwfplan/internal/compare"
	"github.com/hwfplan/hwfplan/internal/iso3166"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/progress"
	"github.com/hwfplan/hwfplan/internal/words"
)

// Kind describes one report.
type Kind struct {
	Name     string // file stem and template name
	Title    string
	Subtitle string
}

// Kinds lists the reports Build knows.
var Kinds = []Kind{
	{Name: "as-is", Title: "As-is report",
		Subtitle: "Health workforce planning capacity: country level, cross-country and cross-cluster comparison"},
	{Name: "sustainability", Title: "Sustainability report",
		Subtitle: "Sustaining health workforce planning capacity after the programme"},
	{Name: "models", Title: "Models and tools report",
		Subtitle: "Health workforce planning models in use: types, professions covered, horizons and owners"},
	{Name: "skills", Title: "Planners' skills report",
		Subtitle: "The competencies of health workforce planners, as is and to be, and the training actions that build them"},
	{Name: "stakeholders", Title: "Stakeholders report",
		Subtitle: "Who takes part in health workforce planning: stakeholder types, power and willingness, planning committees and the policy dialogues"},
	{Name: "data", Title: "Data collection report",
		Subtitle: "Health workforce planning data sources: kinds, professions, update frequencies and the minimum planning data set they cover"},
	{Name: ProgressReport, Title: "Progress report",
		Subtitle: "Following the plans up: actions on schedule, milestones met, KPIs on track and targets reached, as of a report date"},
}

// KindNames lists the report names.
func KindNames() []string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = k.Name
	}
	return names
}

// UnknownKind is the error for a report name that is not in Kinds: it suggests
// the closest name (words.Closest) and lists the reports, so `hwfplan report
// sustainabilty` answers `unknown report "sustainabilty"; did you mean
// "sustainability"? The reports are as-is, sustainability, …`.
func UnknownKind(name string) error {
	hint := "; the reports are "
	if s := words.Closest(name, KindNames()); s != "" {
		hint = fmt.Sprintf("; did you mean %q? The reports are ", s)
	}
	return fmt.Errorf("unknown report %q%s%s", name, hint, words.JoinAnd(KindNames()))
}

// Options tune Build.
type Options struct {
	// Source is the revision of the plans (commit and commit time); it goes on the
	// title page. It is never filled from the clock, so builds are reproducible.
	Source Source
	// Templates is the plans repository (or any fs.FS holding templates/); a
	// templates/<file> there overrides the built-in one. Nil uses the built-ins.
	Templates fs.FS
	// Invalid is the notice on a report built from invalid plans (hwfplan report
	// --allow-invalid); the zero value for valid plans.
	Invalid Notice
	// Progress is the plans measured as of the report date, for the progress
	// report, and AsOfFrom where that date came from (progress.FromFlag ...).
	// When nil, the progress report measures as of publication.yaml's as_of, else
	// the source commit's day (progress.ReportDateOrCommit, without flag or
	// environment).
	Progress *progress.Progress
	AsOfFrom string
	// Lang is the language to write the report in (a bundle in site/i18n, see
	// Languages); "" is English.
	Lang string
}

// Notice is a visible warning at the top of a report: a title and the problems
// it lists (plain text; they are escaped for Markdown and HTML).
type Notice struct {
	Title string
	Items []string
}

// TemplateDir is where templates live, in the binary and in a plans repository.
const TemplateDir = "templates"

// Build renders one report. It returns the files to write into the output folder,
// by slash path: "<name>.md", "<name>.html", and the figures the Markdown links to,
// "<name>-figures/<id>.svg". The same inputs give byte-identical files.
func Build(repo *model.Repo, res *compare.Result, name string, opts Options) (map[string][]byte, error) {
	i := slices.IndexFunc(Kinds, func(k Kind) bool { return k.Name == name })
	if i < 0 {
		return nil, UnknownKind(name)
	}
	if repo == nil || res == nil {
		return nil, errors.New("failed to build report: no repository or comparison")
	}
	if len(res.Countries) == 0 {
		return nil, errors.New("failed to build report: no country could be read; is --root the plans repository?")
	}
	kind := Kinds[i]
	msgs, err := newMessages(opts.Lang)
	if err != nil {
		return nil, err
	}
	if !msgs.english() {
		// The countries by their names in the language, so every table, list,
		// chart and sentence says "Magyarország", not "Hungary": the comparison
		// (and the progress, when given) is made again from those names.
		repo = withCountryNames(repo, msgs.code)
		if res, err = compare.Compute(repo); err != nil {
			return nil, err
		}
		if opts.Progress != nil {
			opts.Progress = progress.Compute(repo, opts.Progress.AsOf)
		}
	}
	src, err := readTemplate(opts.Templates, name+".md.tmpl")
	if err != nil {
		return nil, err
	}
	css, err := readTemplate(opts.Templates, "report.css")
	if err != nil {
		return nil, err
	}
	data := newData(name, repo, res, opts.Source)
	data.msgs = msgs
	data.Lang = msgs.code
	data.Title, data.Subtitle = msgs.t("report.title."+kind.Name), msgs.t("report.subtitle."+kind.Name)
	data.FullTitle = msgs.fullTitle(data.Programme.Name, data.Title)
	if name == ProgressReport {
		if data.progress, data.asOfFrom, err = progressOf(repo, opts); err != nil {
			return nil, err
		}
	}
	langNotice := localize(repo, data, src)
	figs := memo(figures(data))
	marker := "hwfmark-" + nonce(repo, src) + "-"

	out := map[string][]byte{}
	d, md, hmd, err := execute(name, src, marker, figs, data)
	if err != nil {
		return nil, err
	}
	out[name+".md"] = append(append(invalidMarkdown(opts.Invalid), invalidMarkdown(langNotice)...), md...)
	for _, id := range d.figOrder {
		out[d.figureFile(id)] = d.svgs[id]
	}
	notice := illustrativeNotice(data)
	body, err := toHTML(hmd, d, notice)
	if err != nil {
		return nil, err
	}
	fonts, err := embeddedFontCSS(css)
	if err != nil {
		return nil, err
	}
	p := pageFor(data, fonts+css, notice, body)
	p.Invalid = opts.Invalid
	p.Language = langNotice
	page, err := renderShell(p)
	if err != nil {
		return nil, err
	}
	out[name+".html"] = page
	return out, nil
}

// execute fills the template once and resolves it into both outputs: the
// Markdown file and the Markdown of the HTML page. A reference or the contents
// may need what comes later ("see Figure 5" before Figure 5), so the pass writes
// placeholders, filled in once it has numbered everything (doc.resolve). Only when
// a reference names nothing does the template run again, knowing every number,
// so the error names the template line that makes it.
func execute(name, src, marker string, figs map[string]figureFunc, data *Data) (d *doc, md, html []byte, err error) {
	d, out, err := fill(name, src, marker, figs, data, nil)
	if err != nil {
		return nil, nil, nil, err
	}
	if md, err = d.resolve(out, modeMarkdown); err == nil {
		html, err = d.resolve(out, modeHTML)
	}
	if err != nil {
		if _, _, perr := fill(name, src, marker, figs, data, d); perr != nil {
			return nil, nil, nil, perr
		}
		return nil, nil, nil, fmt.Errorf("failed to fill template %s.md.tmpl: %w", name, err)
	}
	return d, tidy(md), tidy(html), nil
}

// fill runs the template once; prev, when given, is a pass before it, whose
// numbers references then read directly.
func fill(name, src, marker string, figs map[string]figureFunc, data *Data, prev *doc) (*doc, []byte, error) {
	d := newDoc(name, marker, figs, prev, data.msgs)
	t, err := template.New(name).Funcs(funcMap(d, data)).Funcs(proseFuncs(data)).Funcs(followUpFuncs(data)).Option("missingkey=error").Parse(src)
	if err != nil {
		return nil, nil, fmt.Errorf("failed to read template %s.md.tmpl: %w", name, err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return nil, nil, fmt.Errorf("failed to fill template %s.md.tmpl: %w", name, err)
	}
	return d, b.Bytes(), nil
}

// tidy collapses runs of blank lines and trailing spaces the template actions leave,
// so the Markdown reads cleanly and diffs well.
func tidy(b []byte) []byte {
	lines := strings.Split(string(b), "\n")
	var out []string
	blank := true
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			if blank {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		out = append(out, l)
	}
	s := strings.TrimRight(strings.Join(out, "\n"), "\n") + "\n"
	return []byte(s)
}

// readTemplate reads templates/<file> from the plans repository, else the built-in.
func readTemplate(repo fs.FS, file string) (string, error) {
	p := TemplateDir + "/" + file
	if repo != nil {
		b, err := load.ReadLimited(repo, p, load.MaxFileSize)
		if err == nil {
			return string(b), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("failed to read %s: %w", p, err)
		}
	}
	b, err := fs.ReadFile(hwfplan.Templates, p)
	if err != nil {
		return "", fmt.Errorf("failed to read built-in %s: %w", p, err)
	}
	return string(b), nil
}

// nonce is a digest of everything the report is made from. Marker paragraphs carry
// it, so text in the plans cannot forge one: it would have to contain the digest of
// itself.
func nonce(repo *model.Repo, src string) string {
	h := sha256.New()
	h.Write([]byte(src))
	for _, p := range slices.Sorted(maps.Keys(repo.Files)) {
		fmt.Fprintf(h, "\x00%s\x00%d\x00", p, len(repo.Files[p].Data))
		h.Write(repo.Files[p].Data)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// invalidMarkdown renders the notice as a block quote to put before the report.
func invalidMarkdown(n Notice) []byte {
	if n.Title == "" {
		return nil
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "> **%s**\n>\n", escapeMarkdown(n.Title))
	for _, it := range n.Items {
		fmt.Fprintf(&b, "> - %s\n", escapeMarkdown(it))
	}
	b.WriteString("\n")
	return b.Bytes()
}

// illustrativeNotice is IllustrativeNotice in the report's language.
func illustrativeNotice(d *Data) string {
	if len(d.Illustrative) == 0 || d.msgs.english() {
		return IllustrativeNotice(d)
	}
	names := make([]string, len(d.Illustrative))
	for i, c := range d.Illustrative {
		names[i] = fmt.Sprintf("%s (%s)", c.Name, c.Code)
	}
	return d.msgs.t("report.illustrative_notice", "Countries", d.msgs.joinAnd(names))
}

// IllustrativeNotice says which countries' data are illustrative, or "".
func IllustrativeNotice(d *Data) string {
	if len(d.Illustrative) == 0 {
		return ""
	}
	names := make([]string, len(d.Illustrative))
	for i, c := range d.Illustrative {
		names[i] = fmt.Sprintf("%s (%s)", c.Name, c.Code)
	}
	return fmt.Sprintf("The data of %s are sample content, not an official assessment.", words.JoinAnd(names))
}

func pageFor(d *Data, css, notice string, body []byte) page {
	src := d.msgs.t("report.source", "Source", d.Source.Label(nil))
	return page{Lang: d.Lang, Title: d.FullTitle, CSS: cssOf(css), Banner: notice,
		BannerLabel: d.msgs.t("report.illustrative_banner"), Source: src, Body: htmlOf(body)}
}

// ProgressReport is the name of the progress report, the one report measured as
// of a report date.
const ProgressReport = "progress"

// progressOf is the progress the progress report shows: opts.Progress, else
// the plans measured as of publication.yaml's as_of or the source commit's day.
func progressOf(repo *model.Repo, opts Options) (*progress.Progress, string, error) {
	if opts.Progress != nil {
		return opts.Progress, opts.AsOfFrom, nil
	}
	noEnv := func(string) string { return "" }
	date, from, ok, err := progress.ReportDateOrCommit("", repo.Publication, noEnv, opts.Source.Time)
	if err != nil {
		return nil, "", err
	}
	if !ok {
		return nil, "", errors.New("no report date for the progress report: give --as-of YYYY-MM-DD or set as_of in publication.yaml")
	}
	return progress.Compute(repo, date), from, nil
}

// withCountryNames returns a copy of repo whose countries carry their names in
// lang from CLDR (iso3166.NameIn), the plans' own name where CLDR has none.
// Nothing in repo is changed.
func withCountryNames(repo *model.Repo, lang string) *model.Repo {
	out := *repo
	out.Countries = make([]*model.Country, len(repo.Countries))
	for i, c := range repo.Countries {
		cc := *c
		if c.Country != nil {
			if n, ok := iso3166.NameIn(c.Code, lang); ok {
				pc := *c.Country
				pc.Name = n
				cc.Country = &pc
			}
		}
		out.Countries[i] = &cc
	}
	return &out
}
