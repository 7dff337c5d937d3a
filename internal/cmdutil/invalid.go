package cmdutil

import (
	"fmt"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/words"
)

// AllowInvalidFlag is the flag of the commands that publish figures (report,
// export, compare) to write them from invalid plans, with a notice.
const AllowInvalidFlag = "allow-invalid"

// AllowInvalidUsage is the help text of AllowInvalidFlag.
const AllowInvalidUsage = "write even when the plans are invalid; every output then lists the problems"

// Problems says what a command that publishes figures does with the plans'
// validation (publish.Plans.Diagnostics). Valid plans give nil. Invalid plans are
// refused like build refuses them: the diagnostics go to ErrOut and the error
// exits 1 — unless allow is set, when a warning goes to ErrOut and the errors are
// returned (as file:line:col: message lines; the publishing pipeline stamps them
// on every output).
func (f *Factory) Problems(ds []diag.Diagnostic, allow bool) ([]string, error) {
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
			words.Count(len(problems), "error", "errors"), AllowInvalidFlag)
		return nil, ErrSilent
	}
	fmt.Fprintf(io.ErrOut, "warning: the plans are invalid (%s); writing anyway (--%s), with a notice listing the problems in every output\n",
		words.Count(len(problems), "error", "errors"), AllowInvalidFlag)
	return problems, nil
}
