package cmdutil

import (
	"fmt"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/validate"
)

// AllowInvalidFlag is the flag of the commands that publish figures (report,
// export, compare) to write them from invalid plans, with a notice.
const AllowInvalidFlag = "allow-invalid"

// AllowInvalidUsage is the help text of AllowInvalidFlag.
const AllowInvalidUsage = "write even when the plans are invalid; every output then lists the problems"

// Problems validates the plans for a command that publishes figures from them.
// Valid plans give nil. Invalid plans are refused like build refuses them: the
// diagnostics go to ErrOut and the error exits 1 — unless allow is set, when the
// errors are returned (as file:line:col: message lines) for the command to stamp
// on every output it writes.
func (f *Factory) Problems(repo *load.Repo, loadDiags []diag.Diagnostic, allow bool) ([]string, error) {
	ds, err := validate.Validate(repo, loadDiags, validate.Options{})
	if err != nil {
		return nil, err
	}
	var problems []string
	for _, d := range ds {
		if d.Severity == diag.Error {
			problems = append(problems, d.String())
		}
	}
	if len(problems) == 0 {
		return nil, nil
	}
	io := f.IOStreams
	if !allow {
		for _, d := range ds {
			fmt.Fprintln(io.ErrOut, d.String())
		}
		fmt.Fprintf(io.ErrOut, "the plans are invalid (%s); nothing was written. Fix them (see `hwfplan validate`), or pass --%s to write anyway with a notice listing the problems\n",
			countErrors(len(problems)), AllowInvalidFlag)
		return nil, ErrSilent
	}
	fmt.Fprintf(io.ErrOut, "warning: the plans are invalid (%s); writing anyway (--%s), with a notice listing the problems in every output\n",
		countErrors(len(problems)), AllowInvalidFlag)
	return problems, nil
}

func countErrors(n int) string {
	if n == 1 {
		return "1 error"
	}
	return fmt.Sprintf("%d errors", n)
}

// InvalidNotice is the heading of the notice on outputs written from invalid plans.
func InvalidNotice(n int) string {
	return fmt.Sprintf("These plans are invalid (%s): the figures may leave out or misread what is wrong.", countErrors(n))
}
