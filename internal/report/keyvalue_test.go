package report

import "testing"

func TestKeyValueTables(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty head becomes row headers",
			"<table>\n<thead>\n<tr>\n<th></th>\n<th></th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Key</td>\n<td>a</td>\n</tr>\n<tr>\n<td>Other <em>k</em></td>\n<td>b</td>\n</tr>\n</tbody>\n</table>",
			"<table>\n<tbody>\n<tr>\n<th scope=\"row\">Key</th>\n<td>a</td>\n</tr>\n<tr>\n<th scope=\"row\">Other <em>k</em></th>\n<td>b</td>\n</tr>\n</tbody>\n</table>"},
		{"a header with text stays",
			"<table>\n<thead>\n<tr>\n<th>Task</th>\n<th></th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>x</td>\n<td>y</td>\n</tr>\n</tbody>\n</table>",
			"<table>\n<thead>\n<tr>\n<th>Task</th>\n<th></th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>x</td>\n<td>y</td>\n</tr>\n</tbody>\n</table>"},
		{"only the table with the empty head changes",
			"<table>\n<thead>\n<tr>\n<th></th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>k</td>\n</tr>\n</tbody>\n</table>\n<table>\n<tbody>\n<tr>\n<td>z</td>\n</tr>\n</tbody>\n</table>",
			"<table>\n<tbody>\n<tr>\n<th scope=\"row\">k</th>\n</tr>\n</tbody>\n</table>\n<table>\n<tbody>\n<tr>\n<td>z</td>\n</tr>\n</tbody>\n</table>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(keyValueTables([]byte(tt.in))); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
