package sitecli

import (
	"github.com/hwfplan/hwfplan/internal/cmd/serve"
	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/preview"
	"github.com/hwfplan/hwfplan/internal/publish"
	"github.com/hwfplan/hwfplan/internal/site"
)

// Builder returns the build function the preview uses: validate, then render.
func Builder(opts *serve.Options) preview.BuildFunc {
	return func() (map[string][]byte, []string, error) {
		root, err := opts.Factory.PlansRoot()
		if err != nil {
			return nil, nil, err
		}
		in, ds, err := Prepare(root, publish.SiteOptions{})
		if err != nil {
			return nil, nil, err
		}
		var problems []string
		for _, d := range ds {
			if d.Severity == diag.Error {
				problems = append(problems, d.String())
			}
		}
		if len(problems) > 0 {
			return nil, problems, nil
		}
		files, err := site.Render(in, site.Options{RepoURL: opts.RepoURL, Branch: opts.Branch})
		return files, nil, err
	}
}
