package editor

import (
	"github.com/hwfplan/hwfplan/internal/model"
)

// references are the fields whose values name entries of other files (the
// validator's reference rules check them): a form offers the entries the
// country's files hold now as suggestions. Each is a kind of file, a field
// path ("[]" for any entry of a list) and where its entries come from.
var references = []struct {
	kind    string
	path    []string
	entries func(repo *model.Repo, c *model.Country) []Option
}{
	{"country", []string{"cluster"}, func(repo *model.Repo, _ *model.Country) []Option {
		var out []Option
		for _, cl := range repo.Clusters {
			name := cl.ID
			if cl.Cluster != nil && cl.Cluster.Name != "" {
				name = cl.Cluster.Name
			}
			out = append(out, Option{Value: cl.ID, Label: name})
		}
		return out
	}},
	{"to-do", []string{"steps", "[]", "stakeholders", "[]"}, func(_ *model.Repo, c *model.Country) []Option {
		var out []Option
		if c.AsIs != nil {
			for _, s := range c.AsIs.Stakeholders {
				out = append(out, Option{Value: s.ID, Label: s.Name})
			}
		}
		return out
	}},
	{"action-plan", []string{"actions", "[]", "implements", "[]"}, func(_ *model.Repo, c *model.Country) []Option {
		var out []Option
		if c.ToDo != nil {
			for _, s := range c.ToDo.Steps {
				out = append(out, Option{Value: s.ID, Label: s.Title})
			}
		}
		return out
	}},
}

// suggestReferences gives the reference fields of a form the entries the
// current files hold.
func (s *Session) suggestReferences(f *Field, kind string) {
	var repo *model.Repo
	for _, r := range references {
		if r.kind != kind {
			continue
		}
		target := f
		for _, step := range r.path {
			if target == nil {
				break
			}
			if step == "[]" {
				target = target.Item
				continue
			}
			var next *Field
			for _, sub := range target.Fields {
				if sub.Key == step {
					next = sub
				}
			}
			target = next
		}
		if target == nil {
			continue
		}
		if repo == nil {
			repo, _ = s.load(s.cur)
		}
		c := repo.Country(s.code)
		if c == nil {
			return
		}
		target.Suggestions = r.entries(repo, c)
	}
}
