package gitrev

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/storer"

	"github.com/hwfplan/hwfplan/internal/gitrev/internal/pack"
)

// EnvReader names the environment variable that chooses how objects are read:
// "go-git" reads every object through go-git (streaming packs from disk) instead of
// the pack reader, for differential tests and as a way out should the pack reader
// ever misread a repository. Unset or "pack" is the default.
const EnvReader = "HWFPLAN_GIT_READER"

// goGitOnly reports whether EnvReader asks for go-git reads only; an unknown value
// is an error rather than a silent default.
func goGitOnly() (bool, error) {
	switch v := os.Getenv(EnvReader); v {
	case "", "pack":
		return false, nil
	case "go-git":
		return true, nil
	default:
		return false, fmt.Errorf("%s=%q is not a git reader: use go-git or pack (the default)", EnvReader, v)
	}
}

// memoryBudget bounds the bytes of pack and commit-graph files Open reads into
// memory, together. A pack that does not fit (alone, or next to those read before
// it) is never read whole: go-git streams its objects from disk. A variable so that
// tests can make it tiny.
var memoryBudget int64 = 512 << 20

// newObjects reads the pack files of dotgit and their indexes into memory ("" for
// none), smallest first while they fit in the budget, and shares the packs' bytes
// with go-git's reads through files. Objects outside them are read through git.
func newObjects(dotgit string, git storer.EncodedObjectStorer, files *memFiles) *pack.Reader {
	fallback := func(t plumbing.ObjectType, h plumbing.Hash) (pack.Object, error) {
		return fromGit(git, t, h)
	}
	var packs []*pack.Pack
	if dotgit != "" && files != nil {
		names, _ := filepath.Glob(filepath.Join(dotgit, "objects", "pack", "pack-*.idx"))
		type candidate struct {
			idx, pack string
			size      int64
		}
		var cs []candidate
		for _, idxName := range names {
			packName := strings.TrimSuffix(idxName, ".idx") + ".pack"
			pfi, err := os.Stat(packName)
			if err != nil {
				continue
			}
			ifi, err := os.Stat(idxName)
			if err != nil {
				continue
			}
			cs = append(cs, candidate{idxName, packName, pfi.Size() + ifi.Size()})
		}
		slices.SortStableFunc(cs, func(a, b candidate) int { return cmp.Compare(a.size, b.size) })
		for _, c := range cs {
			budget := files.take(c.size)
			if budget == 0 {
				continue
			}
			p, err := pack.Load(c.idx, c.pack, budget)
			if err != nil {
				files.give(budget) // go-git reads this one
				continue
			}
			packs = append(packs, p)
			files.add(path.Join("objects", "pack", filepath.Base(c.pack)), p.Data())
		}
	}
	return pack.NewReader(packs, fallback, pack.CacheBytes)
}

// fromGit reads an object through go-git (loose objects, packs not in memory).
func fromGit(git storer.EncodedObjectStorer, t plumbing.ObjectType, h plumbing.Hash) (pack.Object, error) {
	if git == nil {
		return pack.Object{}, plumbing.ErrObjectNotFound
	}
	enc, err := git.EncodedObject(t, h)
	if err != nil {
		return pack.Object{}, err
	}
	rd, err := enc.Reader()
	if err != nil {
		return pack.Object{}, err
	}
	defer rd.Close()
	if enc.Size() < 0 || enc.Size() > 1<<40 {
		return pack.Object{}, errors.New("object size out of range")
	}
	buf := make([]byte, enc.Size())
	if _, err := io.ReadFull(rd, buf); err != nil {
		return pack.Object{}, err
	}
	return pack.Object{Type: enc.Type(), Data: buf}, nil
}
