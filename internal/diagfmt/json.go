package diagfmt

import (
	"encoding/json"

	"github.com/hwfplan/hwfplan/internal/diag"
)

// jsonReport is the json format; docs/validate-json.md documents it and it only
// ever gains fields.
type jsonReport struct {
	Valid       bool              `json:"valid"`
	Errors      int               `json:"errors"`
	Warnings    int               `json:"warnings"`
	Diagnostics []diag.Diagnostic `json:"diagnostics"`
}

type jsonWriter struct {
	opts Options
	collector
}

func (w *jsonWriter) Flush() error {
	e, wn := diag.Count(w.ds)
	r := jsonReport{Valid: Valid(w.ds, w.opts.Strict), Errors: e, Warnings: wn, Diagnostics: w.ds}
	if r.Diagnostics == nil {
		r.Diagnostics = []diag.Diagnostic{}
	}
	enc := json.NewEncoder(w.opts.Out)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
