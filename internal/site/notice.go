package site

// noticeParam is the page parameter that carries a page's illustrative-data
// notice; the banner partial shows it on every page that has one.
const noticeParam = "notice"

// notice says which of the countries a page shows have illustrative data, or ""
// when none has. shown are the summaries of the countries whose data the page
// shows. Every page that shows plan data carries it: the pages about one
// country or cluster name theirs, the others all the countries'.
func (g *generator) notice(shown []countrySummary) string {
	var names []string
	for _, s := range shown {
		if s.Illustrative {
			names = append(names, s.Name)
		}
	}
	switch {
	case len(names) == 0:
		return ""
	case len(shown) == 1:
		return g.tf("notice_country", "The figures and text on this page are sample content, not {{ .Name }}'s official assessment or plan.", "Name", names[0])
	case len(names) == len(shown):
		return g.tn("notice_all", len(names), "The data of the {{ .Count }} country on this page are sample content, not official assessments or plans.",
			"The data of all {{ .Count }} countries on this page are sample content, not official assessments or plans.")
	}
	return g.tf("notice_some", "The data of {{ .Names }} on this page are sample content, not official assessments or plans.", "Names", g.joinAnd(names))
}

// withNotice gives a page the notice for all the countries, unless it set its
// own (a country or cluster page) or shows no plan data (notice "").
func (g *generator) withNotice(p *page) error {
	if p.Params == nil {
		p.Params = map[string]any{}
	}
	if _, ok := p.Params[noticeParam]; ok {
		return nil
	}
	sums := g.summaries()
	p.Params[noticeParam] = g.notice(sums)
	return nil
}
