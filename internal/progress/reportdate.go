package progress

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/hwfplan/hwfplan/internal/plan"
)

// Where a report date came from.
const (
	FromFlag        = "--as-of"
	FromPublication = "as_of in publication.yaml"
	FromEpoch       = "SOURCE_DATE_EPOCH"
)

// ReportDate picks the date progress is measured at: the flag's value when
// given, else publication.yaml's as_of, else the day (UTC) of SOURCE_DATE_EPOCH,
// so the same commit always gives the same report. from says which (FromFlag,
// ...). Never today's date: that would make builds differ from day to day.
func ReportDate(flag string, pub *plan.Publication, getenv func(string) string) (date plan.Date, from string, err error) {
	if flag != "" {
		d := plan.Date(strings.TrimSpace(flag))
		if !d.Valid() {
			return "", "", fmt.Errorf("--as-of %q is not a date; write it as YYYY-MM-DD, e.g. 2026-06-30", flag)
		}
		return d, FromFlag, nil
	}
	if pub != nil && pub.AsOf != "" {
		if !pub.AsOf.Valid() {
			return "", "", fmt.Errorf("as_of %q in publication.yaml is not a date; write it as YYYY-MM-DD", pub.AsOf)
		}
		return pub.AsOf, FromPublication, nil
	}
	if s := strings.TrimSpace(getenv("SOURCE_DATE_EPOCH")); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return "", "", fmt.Errorf("SOURCE_DATE_EPOCH %q is not a whole number of seconds since 1970-01-01", s)
		}
		return plan.Date(time.Unix(sec, 0).UTC().Format(time.DateOnly)), FromEpoch, nil
	}
	return "", "", ErrNoDate
}

// ErrNoDate is ReportDate's error when nothing gives a date.
var ErrNoDate = errors.New("no report date: give --as-of YYYY-MM-DD, set as_of in " + plan.PublicationFile + ", or set SOURCE_DATE_EPOCH")

// FromCommit says a report date is the source commit's day.
const FromCommit = "the date of the source commit"

// ReportDateOrCommit is ReportDate that falls back, when nothing gives a date,
// to the day (UTC) of the source commit, so the same commit still gives the same
// output. ok is false when there is no commit time either: progress is then not
// measured, rather than measured against the clock.
func ReportDateOrCommit(flag string, pub *plan.Publication, getenv func(string) string, commit time.Time) (date plan.Date, from string, ok bool, err error) {
	date, from, err = ReportDate(flag, pub, getenv)
	switch {
	case errors.Is(err, ErrNoDate) && !commit.IsZero():
		return plan.Date(commit.UTC().Format(time.DateOnly)), FromCommit, true, nil
	case errors.Is(err, ErrNoDate):
		return "", "", false, nil
	case err != nil:
		return "", "", false, err
	}
	return date, from, true, nil
}
