package publish

import (
	"os"

	"github.com/hwfplan/hwfplan/internal/plan"
	"github.com/hwfplan/hwfplan/internal/progress"
)

// AsOf is the date progress is measured at and where it came from
// (progress.FromFlag, progress.FromPublication, progress.FromEpoch or FromCommit).
type AsOf struct {
	Date plan.Date
	From string
}

// FromCommit says a report date is the source commit's day: the fallback when
// neither --as-of, publication.yaml's as_of nor SOURCE_DATE_EPOCH gives one.
const FromCommit = progress.FromCommit

// Progress measures the plans as of a report date: flag (--as-of) when given,
// else publication.yaml's as_of, else SOURCE_DATE_EPOCH, else the source
// commit's day (progress.ReportDateOrCommit). ok is false when there is no date
// at all (no commit): progress is then not measured, rather than measured
// against the clock.
func (p *Plans) Progress(flag string) (pr *progress.Progress, at AsOf, ok bool, err error) {
	src, err := p.Source()
	if err != nil {
		return nil, AsOf{}, false, err
	}
	date, from, ok, err := progress.ReportDateOrCommit(flag, p.Repo.Publication, os.Getenv, src.Time)
	if err != nil || !ok {
		return nil, AsOf{}, false, err
	}
	at = AsOf{Date: date, From: from}
	return progress.Compute(p.Repo, date), at, true, nil
}
