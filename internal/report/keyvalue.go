package report

import (
	"bytes"
	"regexp"
)

// emptyHead is a table header row whose cells hold nothing. A Markdown table must
// have a header row, so a template writes an empty one (`| | |`) for a table that
// has none, such as the title page's key/value table.
var emptyHead = regexp.MustCompile(`<thead>\s*<tr>\s*(?:<th[^>]*>\s*</th>\s*)+</tr>\s*</thead>\s*`)

// rowKey is the first data cell of a body row.
var rowKey = regexp.MustCompile(`<tr>\s*<td([^>]*)>((?s:.*?))</td>`)

// keyValueTables turns every table with an empty header row into a key/value table:
// the empty row goes (screen readers would announce blank column headers) and each
// row's first cell becomes its row header.
func keyValueTables(body []byte) []byte {
	var out bytes.Buffer
	for {
		loc := emptyHead.FindIndex(body)
		if loc == nil {
			out.Write(body)
			return out.Bytes()
		}
		end := bytes.Index(body[loc[1]:], []byte("</table>"))
		if end < 0 {
			out.Write(body)
			return out.Bytes()
		}
		end += loc[1]
		out.Write(body[:loc[0]])
		out.Write(rowKey.ReplaceAll(body[loc[1]:end], []byte(`<tr>`+"\n"+`<th scope="row"$1>$2</th>`)))
		body = body[end:]
	}
}
