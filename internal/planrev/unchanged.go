package planrev

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"slices"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/load"
)

// Unchanged lists the country folders whose content is identical on both sides, by
// comparing git tree hashes (for the working tree, the hash git would give the folder).
// Loading only the other folders makes a diff of a pull request that touches one
// country as fast as loading that country.
func Unchanged(r *gitrev.Repo, old, new Revision) ([]string, error) {
	codes := func(rv Revision) map[string]bool {
		m := map[string]bool{}
		es, _ := fs.ReadDir(rv.FS, load.CountriesDir)
		for _, e := range es {
			if e.IsDir() {
				m[e.Name()] = true
			}
		}
		return m
	}
	oc, nc := codes(old), codes(new)
	var same []string
	for code := range oc {
		if !nc[code] {
			continue
		}
		dir := path.Join(load.CountriesDir, code)
		oh, err := folderHash(r, old, dir, nil)
		if err != nil {
			return nil, err
		}
		nh, err := folderHash(r, new, dir, nil)
		if err != nil {
			return nil, err
		}
		if !oh.IsZero() && oh == nh {
			same = append(same, code)
		}
	}
	slices.Sort(same)
	return same, nil
}

// folderHash is the git tree hash of a folder of plain files; ZeroHash when it cannot
// tell (the folder holds sub-folders or links), which makes the folder count as changed.
// For the working tree, it adds the blob hash of each file it reads to blobs when
// blobs is not nil.
func folderHash(r *gitrev.Repo, rv Revision, dir string, blobs map[string]plumbing.Hash) (plumbing.Hash, error) {
	if !rv.Hash.IsZero() {
		return r.PathHash(rv.Hash, dir)
	}
	es, err := fs.ReadDir(rv.FS, dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return plumbing.ZeroHash, nil
		}
		return plumbing.ZeroHash, err
	}
	var tree bytes.Buffer
	for _, e := range es { // fs.ReadDir sorts by name, as git does for plain files
		if !e.Type().IsRegular() {
			return plumbing.ZeroHash, nil
		}
		info, err := e.Info()
		if err != nil {
			return plumbing.ZeroHash, err
		}
		data, err := fs.ReadFile(rv.FS, path.Join(dir, e.Name()))
		if err != nil {
			return plumbing.ZeroHash, err
		}
		mode := "100644"
		if info.Mode()&0o111 != 0 {
			mode = "100755"
		}
		h := plumbing.ComputeHash(plumbing.BlobObject, data)
		if blobs != nil {
			blobs[path.Join(dir, e.Name())] = h
		}
		tree.WriteString(mode + " " + e.Name() + "\x00")
		tree.Write(h[:])
	}
	return plumbing.ComputeHash(plumbing.TreeObject, tree.Bytes()), nil
}

// LoadExcept loads a revision without the named country folders.
func (rv Revision) LoadExcept(codes []string) (*load.Repo, []diag.Diagnostic) {
	if len(codes) == 0 {
		return rv.Load()
	}
	hidden := map[string]bool{}
	for _, c := range codes {
		hidden[path.Join(load.CountriesDir, c)] = true
	}
	return load.Load(rv.FS, load.Options{Skip: func(p string) bool { return hidden[p] || hidden[path.Dir(p)] }})
}

// Others lists the country folders on either side that are not in keep, so a diff
// narrowed with --country does not load them.
func Others(old, new Revision, keep []string) []string {
	var out []string
	for _, rv := range []Revision{old, new} {
		es, _ := fs.ReadDir(rv.FS, load.CountriesDir)
		for _, e := range es {
			if e.IsDir() && !slices.Contains(keep, e.Name()) && !slices.Contains(out, e.Name()) {
				out = append(out, e.Name())
			}
		}
	}
	return out
}
