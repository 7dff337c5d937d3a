package plandiff

import (
	"encoding/json"
	"io"
)

// JSONVersion is the version of the JSON format documented in docs/diff-json.md. It
// changes only when a field is removed or changes meaning; new fields may be added.
const JSONVersion = 1

type jsonWriter struct{}

func (jsonWriter) Write(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(struct {
		Version int  `json:"version"`
		Changed bool `json:"changed"`
		Count   int  `json:"count"`
		*Report
	}{JSONVersion, !r.Empty(), r.Count(), r})
}
