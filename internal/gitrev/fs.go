package gitrev

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// FS returns the files of a commit as a read-only fs.FS, read straight from git objects.
// Paths are slash paths from the repository root; a file the commit does not have is
// fs.ErrNotExist, so a revision that predates a file simply lacks it.
func (r *Repo) FS(commit plumbing.Hash) (fs.FS, error) {
	c, err := r.graph.commit(commit)
	if err != nil {
		return nil, r.shallowHint(err)
	}
	t := &treeFS{g: r.graph, root: c.tree, when: c.when}
	if r.prefix != "" {
		return fs.Sub(t, r.prefix)
	}
	return t, nil
}

// treeFS is a git tree as an fs.FS. It is not safe for concurrent use (it shares the
// repository's caches).
type treeFS struct {
	g    *graph
	root plumbing.Hash
	when time.Time
}

var (
	_ fs.ReadFileFS = (*treeFS)(nil)
	_ fs.ReadDirFS  = (*treeFS)(nil)
	_ fs.StatFS     = (*treeFS)(nil)
)

func (t *treeFS) entry(op, name string) (treeEntry, error) {
	if !fs.ValidPath(name) {
		return treeEntry{}, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	e, ok, err := t.g.find(t.root, name)
	if err != nil {
		return treeEntry{}, &fs.PathError{Op: op, Path: name, Err: err}
	}
	if !ok {
		return treeEntry{}, &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
	}
	if name == "." {
		e.name = "."
	}
	return e, nil
}

func (t *treeFS) Open(name string) (fs.File, error) {
	e, err := t.entry("open", name)
	if err != nil {
		return nil, err
	}
	if e.dir {
		es, err := t.readDir(e)
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		return &dirFile{info: t.info(e), entries: es}, nil
	}
	data, err := t.blob(e.hash)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	info := t.info(e)
	info.size = int64(len(data))
	return &blobFile{info: info, Reader: bytes.NewReader(data)}, nil
}

func (t *treeFS) ReadFile(name string) ([]byte, error) {
	e, err := t.entry("read", name)
	if err != nil {
		return nil, err
	}
	if e.dir {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fmt.Errorf("is a directory")}
	}
	data, err := t.blob(e.hash)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return data, nil
}

func (t *treeFS) ReadDir(name string) ([]fs.DirEntry, error) {
	e, err := t.entry("readdir", name)
	if err != nil {
		return nil, err
	}
	if !e.dir {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fmt.Errorf("not a directory")}
	}
	es, err := t.readDir(e)
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: err}
	}
	return es, nil
}

func (t *treeFS) Stat(name string) (fs.FileInfo, error) {
	e, err := t.entry("stat", name)
	if err != nil {
		return nil, err
	}
	info, err := t.stat(e)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	return info, nil
}

func (t *treeFS) readDir(e treeEntry) ([]fs.DirEntry, error) {
	es, err := t.g.entries(e.hash)
	if err != nil {
		return nil, err
	}
	out := make([]fs.DirEntry, 0, len(es))
	for _, c := range es {
		out = append(out, &dirEntry{t: t, e: c})
	}
	// Git sorts directories as if their name ended in "/"; fs wants plain name order.
	sortEntries(out)
	return out, nil
}

func (t *treeFS) blob(h plumbing.Hash) ([]byte, error) {
	data, err := t.g.raw(plumbing.BlobObject, h)
	if err != nil {
		return nil, fmt.Errorf("failed to read blob %s: %w", short(h), err)
	}
	return bytes.Clone(data), nil
}

func (t *treeFS) info(e treeEntry) *fileInfo {
	mode := fs.FileMode(0o444)
	switch {
	case e.dir:
		mode = fs.ModeDir | 0o555
	case e.mode == "100755":
		mode = 0o555
	case e.mode == "120000":
		mode = fs.ModeSymlink | 0o444
	case e.mode == "160000":
		mode = fs.ModeDir | fs.ModeIrregular | 0o555 // submodule
	}
	return &fileInfo{name: e.name, mode: mode, mod: t.when}
}

type fileInfo struct {
	name string
	size int64
	mode fs.FileMode
	mod  time.Time
}

func (i *fileInfo) Name() string       { return i.name }
func (i *fileInfo) Size() int64        { return i.size }
func (i *fileInfo) Mode() fs.FileMode  { return i.mode }
func (i *fileInfo) ModTime() time.Time { return i.mod }
func (i *fileInfo) IsDir() bool        { return i.mode.IsDir() }
func (i *fileInfo) Sys() any           { return nil }

type dirEntry struct {
	t *treeFS
	e treeEntry
}

func (d *dirEntry) Name() string               { return d.e.name }
func (d *dirEntry) IsDir() bool                { return d.e.dir }
func (d *dirEntry) Type() fs.FileMode          { return d.t.info(d.e).mode.Type() }
func (d *dirEntry) Info() (fs.FileInfo, error) { return d.t.stat(d.e) }

// stat returns the info of an entry already found.
func (t *treeFS) stat(e treeEntry) (fs.FileInfo, error) {
	info := t.info(e)
	if !e.dir {
		data, err := t.g.raw(plumbing.BlobObject, e.hash)
		if err != nil {
			return nil, err
		}
		info.size = int64(len(data))
	}
	return info, nil
}

type blobFile struct {
	*bytes.Reader
	info *fileInfo
}

func (f *blobFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *blobFile) Close() error               { return nil }

type dirFile struct {
	info    *fileInfo
	entries []fs.DirEntry
	off     int
}

func (d *dirFile) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *dirFile) Close() error               { return nil }
func (d *dirFile) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.name, Err: fmt.Errorf("is a directory")}
}

func (d *dirFile) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	if n > len(rest) {
		n = len(rest)
	}
	d.off += n
	return rest[:n], nil
}

func sortEntries(es []fs.DirEntry) {
	slices.SortFunc(es, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
}

// TreeEntry is one entry of a folder at a revision.
type TreeEntry struct {
	Name string
	Hash plumbing.Hash // blob or tree hash: equal hashes mean equal content
	Mode fs.FileMode   // as FS reports it: regular file, folder, symlink, submodule
}

// Tree returns the hash of the entry at path p in a commit and, when it is a folder,
// its entries in git order. The hash is ZeroHash when the commit has nothing there.
// Trees are read through a bounded cache of parsed trees.
func (r *Repo) Tree(commit plumbing.Hash, p string) (plumbing.Hash, []TreeEntry, error) {
	c, err := r.graph.commit(commit)
	if err != nil {
		return plumbing.ZeroHash, nil, r.shallowHint(err)
	}
	p = r.full(path.Clean(p))
	e, ok, err := r.graph.findParsed(c.tree, p)
	if err != nil || !ok {
		return plumbing.ZeroHash, nil, err
	}
	if !e.dir || e.mode == "160000" {
		return e.hash, nil, nil
	}
	t, err := r.graph.parsedTree(e.hash)
	if err != nil {
		return plumbing.ZeroHash, nil, err
	}
	fi := &treeFS{}
	out := make([]TreeEntry, len(t.entries))
	for i, x := range t.entries {
		out[i] = TreeEntry{Name: x.name, Hash: x.hash, Mode: fi.info(x).mode}
	}
	return e.hash, out, nil
}
