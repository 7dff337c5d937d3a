package editor

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/hwfplan/hwfplan/internal/framework"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// FilesFor returns what a session over one country needs from a plans
// repository: the country's plan files (countries/<code>/*.yaml) and the files
// its validation reads: the framework, the cluster files and publication.yaml
// (its report date bounds the country's dates). Paths are repository-relative;
// a file the repository does not have is left out, as the loader would.
func FilesFor(fsys fs.FS, code string) (map[string]string, error) {
	dir := path.Join(model.CountriesDir, code)
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("failed to read the country folder %s: %w", dir, err)
	}
	var paths []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".yaml") {
			paths = append(paths, path.Join(dir, e.Name()))
		}
	}
	clusters, err := fs.ReadDir(fsys, model.ClustersDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("failed to read %s: %w", model.ClustersDir, err)
	}
	for _, e := range clusters {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".yaml") {
			paths = append(paths, path.Join(model.ClustersDir, e.Name()))
		}
	}
	paths = append(paths, framework.DefaultPath, plan.PublicationFile)
	out := map[string]string{}
	for _, p := range paths {
		data, err := load.ReadLimited(fsys, p, load.MaxFileSize)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("failed to read %s: %w", p, err)
		}
		out[p] = string(data)
	}
	return out, nil
}
