package gitrev

import (
	"fmt"
	"path"
	"slices"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
)

// RefNames lists the names a revision can be given by in the git repository around
// root: HEAD, the local branches, the remote-tracking branches (origin/main) and the
// tags, sorted, for shell completion. It reads only the refs (no objects, no pack
// files), so it is fast on any repository.
func RefNames(root string) ([]string, error) {
	r, err := git.PlainOpenWithOptions(root, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if err != nil {
		return nil, fmt.Errorf("failed to open repository %s: %w", root, err)
	}
	refs, err := r.References()
	if err != nil {
		return nil, fmt.Errorf("failed to list the branches and tags of %s: %w", root, err)
	}
	defer refs.Close()
	names := []string{"HEAD"}
	err = refs.ForEach(func(ref *plumbing.Reference) error {
		n := ref.Name()
		switch {
		case n.IsBranch(), n.IsTag():
			names = append(names, n.Short())
		case n.IsRemote():
			if s := n.Short(); path.Base(s) != "HEAD" { // origin/HEAD is only an alias
				names = append(names, s)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("failed to list the branches and tags of %s: %w", root, err)
	}
	slices.Sort(names[1:])
	return slices.Compact(names), nil
}
