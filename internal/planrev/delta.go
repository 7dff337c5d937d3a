package planrev

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/gitrev"
	"github.com/hwfplan/hwfplan/internal/load"
	"github.com/hwfplan/hwfplan/internal/model"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// Delta says which plan files a diff of two revisions needs: those that differ.
// A country folder or a file that is the same on both sides compares as having no
// changes, so it is not loaded at all; a country's country.yaml is loaded while
// anything else in the folder differs (the report names the country), and the
// framework always is (it orders the report). Load the two sides with the same
// Options (LoadOptions) so what both have is parsed once.
type Delta struct {
	same  map[string]bool // folders and files identical on both sides, or left out
	cache *load.Cache
	blobs map[string]gitrev.Hash // working-tree files hashed with their folder
	trees map[string]gitrev.Hash // working-tree country folders, hashed ahead
}

// Changes compares the git trees (for the working tree, the hashes git would give)
// of the two revisions folder by folder, then file by file in the folders that
// differ. keep, when not empty, narrows the diff to those country codes: the other
// folders on both sides are not loaded either.
func Changes(r *gitrev.Repo, old, new Revision, keep []string) (*Delta, error) {
	d := &Delta{same: map[string]bool{}, cache: load.NewCache(), blobs: map[string]gitrev.Hash{}, trees: map[string]gitrev.Hash{}}
	oc, nc := folders(old, model.CountriesDir), folders(new, model.CountriesDir)
	var both []string
	for _, code := range union(oc, nc) {
		if oc[code] && nc[code] && (len(keep) == 0 || slices.Contains(keep, code)) {
			both = append(both, path.Join(model.CountriesDir, code))
		}
	}
	for _, rv := range []Revision{old, new} {
		if rv.dir != "" {
			d.hashWorktree(rv.dir, both)
		}
	}
	for _, code := range union(oc, nc) {
		dir := path.Join(model.CountriesDir, code)
		if !oc[code] || !nc[code] {
			// Added or removed: compared whole, even when keep leaves it out, since
			// it may be the other end of a rename of a folder keep names.
			continue
		}
		if len(keep) > 0 && !slices.Contains(keep, code) {
			d.same[dir] = true
			continue
		}
		same, err := d.sameHash(r, old, new, dir, true)
		if err != nil {
			return nil, err
		}
		if same {
			d.same[dir] = true
			continue
		}
		for _, name := range plan.CountryFiles {
			if name == plan.CountryFile {
				continue
			}
			p := path.Join(dir, name)
			if d.same[p], err = d.sameHash(r, old, new, p, false); err != nil {
				return nil, err
			}
		}
	}
	if len(keep) > 0 {
		return d, nil // the report leaves out clusters
	}
	ocl, ncl := files(old, model.ClustersDir), files(new, model.ClustersDir)
	for _, name := range union(ocl, ncl) {
		if !ocl[name] || !ncl[name] {
			continue
		}
		p := path.Join(model.ClustersDir, name)
		same, err := d.sameHash(r, old, new, p, false)
		if err != nil {
			return nil, err
		}
		d.same[p] = same
	}
	return d, nil
}

// Skip reports whether the folder or file at p is left out of both loads.
func (d *Delta) Skip(p string) bool { return d.same[p] }

// LoadOptions are the options to load each side with. A diff compares the
// decoded plans, so the loads do not build File.Value.
func (d *Delta) LoadOptions() load.Options {
	return load.Options{Skip: d.Skip, Cache: d.cache, NoValues: true}
}

// LoadDelta loads what a diff needs of a revision.
func (rv Revision) LoadDelta(d *Delta) (*model.Repo, []diag.Diagnostic) {
	return load.Load(rv.FS, d.LoadOptions())
}

// sameHash reports whether p has the same known git hash on both sides.
func (d *Delta) sameHash(r *gitrev.Repo, old, new Revision, p string, dir bool) (bool, error) {
	oh, err := d.hashOf(r, old, p, dir)
	if err != nil {
		return false, err
	}
	nh, err := d.hashOf(r, new, p, dir)
	if err != nil {
		return false, err
	}
	return !oh.IsZero() && oh == nh, nil
}

// hashOf is the git hash of a folder of plain files or of a plain file; ZeroHash
// when it cannot tell (it is missing, a link or something else), which makes it
// count as changed.
func (d *Delta) hashOf(r *gitrev.Repo, rv Revision, p string, dir bool) (gitrev.Hash, error) {
	if dir {
		if h, ok := d.trees[p]; ok && rv.Hash.IsZero() {
			return h, nil
		}
		return folderHash(r, rv, p, d.blobs)
	}
	if !rv.Hash.IsZero() {
		return r.PathHash(rv.Hash, p)
	}
	if h, ok := d.blobs[p]; ok {
		return h, nil
	}
	fi, err := fs.Stat(rv.FS, p)
	if err != nil || !fi.Mode().IsRegular() {
		return gitrev.ZeroHash, nil
	}
	data, err := load.ReadLimited(rv.FS, p, load.MaxFileSize)
	if err != nil {
		return gitrev.ZeroHash, nil
	}
	return gitrev.BlobHash(data), nil
}

// CountryCodes lists the country folders of the revisions (any of them), sorted.
func CountryCodes(revs ...Revision) []string {
	all := map[string]bool{}
	for _, rv := range revs {
		maps.Copy(all, folders(rv, model.CountriesDir))
	}
	return slices.Sorted(maps.Keys(all))
}

// folders lists the sub-folders of dir in a revision.
func folders(rv Revision, dir string) map[string]bool {
	m := map[string]bool{}
	es, _ := fs.ReadDir(rv.FS, dir)
	for _, e := range es {
		if e.IsDir() {
			m[e.Name()] = true
		}
	}
	return m
}

// files lists the entries of dir in a revision that are not folders.
func files(rv Revision, dir string) map[string]bool {
	m := map[string]bool{}
	es, _ := fs.ReadDir(rv.FS, dir)
	for _, e := range es {
		if !e.IsDir() {
			m[e.Name()] = true
		}
	}
	return m
}

// union returns the keys of a and b, sorted.
func union(a, b map[string]bool) []string {
	var out []string
	for k := range a {
		out = append(out, k)
	}
	for k := range b {
		if !a[k] {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// hashWorktree hashes the given folders of the working tree at root as git would,
// on up to GOMAXPROCS goroutines (a pull request's working tree may have hundreds
// of country folders to tell apart from the merge base).
func (d *Delta) hashWorktree(root string, dirs []string) {
	r, err := os.OpenRoot(root)
	if err != nil {
		return // hashed one by one, which reports the error
	}
	defer r.Close()
	type result struct {
		tree  gitrev.Hash
		blobs map[string]gitrev.Hash
	}
	results := make([]result, len(dirs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(dirs)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(dirs) {
					return
				}
				results[i].tree, results[i].blobs = worktreeFolder(r, dirs[i])
			}
		})
	}
	wg.Wait()
	for i, dir := range dirs {
		d.trees[dir] = results[i].tree
		maps.Copy(d.blobs, results[i].blobs)
	}
}

// worktreeFolder is the git tree hash of a folder of plain files of the working
// tree, and the blob hash of each file it read. The tree hash is ZeroHash when it
// cannot tell (the folder holds anything but regular files, a file over the size
// limit, or cannot be read), which makes the folder count as changed: the load then
// says what is wrong. It reads through an os.Root opened on the folder, so it never
// leaves it, and reads only what the folder lists as regular files (not links).
func worktreeFolder(r *os.Root, dir string) (gitrev.Hash, map[string]gitrev.Hash) {
	sub, err := r.OpenRoot(dir)
	if err != nil {
		return gitrev.ZeroHash, nil
	}
	defer sub.Close()
	f, err := sub.Open(".")
	if err != nil {
		return gitrev.ZeroHash, nil
	}
	es, err := f.ReadDir(-1)
	f.Close()
	if err != nil {
		return gitrev.ZeroHash, nil
	}
	slices.SortFunc(es, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	blobs := make(map[string]gitrev.Hash, len(es))
	var tree gitrev.TreeWriter
	for _, e := range es { // sorted by name, as git sorts plain files
		if !e.Type().IsRegular() {
			return gitrev.ZeroHash, blobs
		}
		data, executable, ok := readPlain(sub, e.Name())
		if !ok {
			return gitrev.ZeroHash, blobs
		}
		h := gitrev.BlobHash(data)
		blobs[path.Join(dir, e.Name())] = h
		tree.Add(e.Name(), executable, h)
	}
	return tree.Hash(), blobs
}

// readPlain reads a regular file of at most load.MaxFileSize bytes and gives its
// executable bit; ok is false for anything else.
func readPlain(r *os.Root, name string) (data []byte, executable bool, ok bool) {
	f, err := r.Open(name)
	if err != nil {
		return nil, false, false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > load.MaxFileSize {
		return nil, false, false
	}
	// The size and one byte, so the read that finds the end needs no growth.
	var buf bytes.Buffer
	buf.Grow(int(fi.Size()) + 1)
	if _, err := buf.ReadFrom(io.LimitReader(f, load.MaxFileSize+1)); err != nil || buf.Len() > load.MaxFileSize {
		return nil, false, false
	}
	data = buf.Bytes()
	return data, fi.Mode()&0o111 != 0, true
}

// folderHash is the git tree hash of a folder of plain files; ZeroHash when it cannot
// tell (the folder holds sub-folders or links), which makes the folder count as changed.
// For the working tree, it adds the blob hash of each file it reads to blobs when
// blobs is not nil.
func folderHash(r *gitrev.Repo, rv Revision, dir string, blobs map[string]gitrev.Hash) (gitrev.Hash, error) {
	if !rv.Hash.IsZero() {
		return r.PathHash(rv.Hash, dir)
	}
	es, err := fs.ReadDir(rv.FS, dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return gitrev.ZeroHash, nil
		}
		return gitrev.ZeroHash, err
	}
	var tree gitrev.TreeWriter
	for _, e := range es { // fs.ReadDir sorts by name, as git does for plain files
		if !e.Type().IsRegular() {
			return gitrev.ZeroHash, nil
		}
		info, err := e.Info()
		if err != nil {
			return gitrev.ZeroHash, err
		}
		data, err := fs.ReadFile(rv.FS, path.Join(dir, e.Name()))
		if err != nil {
			return gitrev.ZeroHash, err
		}
		h := gitrev.BlobHash(data)
		if blobs != nil {
			blobs[path.Join(dir, e.Name())] = h
		}
		tree.Add(e.Name(), info.Mode()&0o111 != 0, h)
	}
	return tree.Hash(), nil
}
