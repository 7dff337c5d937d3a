package site

import (
	"fmt"

	"github.com/hwfplan/hwfplan/internal/words"
)

// noticeParam is the page parameter that carries a page's illustrative-data
// notice; the banner partial shows it on every page that has one.
const noticeParam = "notice"

// notice says which of the countries a page shows have illustrative data, or ""
// when none has. shown are the summaries of the countries whose data the page
// shows. Every page that shows plan data carries it: the pages about one
// country or cluster name theirs, the others all the countries'.
func notice(shown []countrySummary) string {
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
		return fmt.Sprintf("The figures and text on this page are sample content, not %s's official assessment or plan.", names[0])
	case len(names) == len(shown):
		return fmt.Sprintf("The data of all %d countries on this page are sample content, not official assessments or plans.", len(names))
	}
	return fmt.Sprintf("The data of %s on this page are sample content, not official assessments or plans.", words.JoinAnd(names))
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
	sums, err := g.summaries()
	if err != nil {
		return err
	}
	p.Params[noticeParam] = notice(sums)
	return nil
}
