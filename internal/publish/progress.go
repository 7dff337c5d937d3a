package publish

import (
	"errors"
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
// neither --as-of, publication.yaml's as_of nor SOURCE_DATE_EPOCH gives one, so
// that the same commit still builds the same output.
const FromCommit = "the date of the source commit"

// Progress measures the plans as of a report date: flag (--as-of) when given,
// else publication.yaml's as_of, else SOURCE_DATE_EPOCH, else the source
// commit's day. ok is false when there is no date at all (no commit): progress
// is then not measured, rather than measured against the clock.
func (p *Plans) Progress(flag string) (pr *progress.Progress, at AsOf, ok bool, err error) {
	date, from, err := progress.ReportDate(flag, p.Repo.Publication, os.Getenv)
	if errors.Is(err, progress.ErrNoDate) {
		src, serr := p.Source()
		if serr != nil {
			return nil, AsOf{}, false, serr
		}
		if src.Time.IsZero() {
			return nil, AsOf{}, false, nil
		}
		date, from = plan.Date(src.Time.UTC().Format("2006-01-02")), FromCommit
	} else if err != nil {
		return nil, AsOf{}, false, err
	}
	at = AsOf{Date: date, From: from}
	return progress.Compute(p.Repo, date), at, true, nil
}
