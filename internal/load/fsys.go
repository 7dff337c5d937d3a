package load

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
)

// MaxFileSize is the largest plan file hwfplan reads. Plans are a few kilobytes;
// anything near this limit is a mistake (a pasted export, a binary) and would make
// every later step slow.
const MaxFileSize = 1 << 20

// ErrOutside is returned for a symbolic link that leads out of the repository.
var ErrOutside = errors.New("symbolic link points outside the repository")

// DirFS returns the repository at dir as an fs.FS that never follows a path out of
// dir: a symbolic link whose target is outside is refused (its target is not read).
// Links that stay inside are followed.
func DirFS(dir string) (fs.FS, error) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("failed to open repository %s: %w", dir, err)
	}
	return &rootFS{root: r, fsys: r.FS()}, nil
}

type rootFS struct {
	root *os.Root
	fsys fs.FS
}

func (r *rootFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if err := r.checkLinks(name); err != nil {
		return nil, err
	}
	return r.fsys.Open(name)
}

// Stat returns the file's information without opening it, so a named pipe is
// never opened (opening one for reading waits for a writer).
func (r *rootFS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	if err := r.checkLinks(name); err != nil {
		return nil, err
	}
	return r.root.Stat(name)
}

// checkLinks walks name from the root and refuses any symbolic link on the way
// whose target resolves outside the repository. os.Root refuses those too; doing
// it here first gives the user a message that says what happened.
func (r *rootFS) checkLinks(name string) error {
	if name == "." {
		return nil
	}
	cur := ""
	for _, part := range splitPath(name) {
		cur = path.Join(cur, part)
		fi, err := r.root.Lstat(cur)
		if err != nil {
			return nil // let Open report it
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		if _, err := r.root.Stat(cur); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return &fs.PathError{Op: "open", Path: cur, Err: ErrOutside}
		}
	}
	return nil
}

func splitPath(p string) []string {
	var parts []string
	for p != "" && p != "." {
		dir, file := path.Split(p)
		parts = append([]string{file}, parts...)
		p = path.Clean(dir)
		if p == "/" || p == "." {
			break
		}
	}
	return parts
}

// ReadLimited reads a file from fsys, refusing files over limit bytes without
// reading them whole.
func ReadLimited(fsys fs.FS, name string, limit int64) ([]byte, error) {
	// A named pipe, socket or device is refused before it is opened: opening a
	// pipe blocks until something writes to it, and a device may never end.
	if sfs, ok := fsys.(fs.StatFS); ok {
		fi, err := sfs.Stat(name)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() && !fi.Mode().IsRegular() {
			return nil, &fs.PathError{Op: "read", Path: name, Err: errNotRegular}
		}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil {
		if fi.IsDir() {
			return nil, &fs.PathError{Op: "read", Path: name, Err: errIsDir}
		}
		if fi.Size() > limit {
			return nil, &fs.PathError{Op: "read", Path: name, Err: &TooLargeError{Size: fi.Size(), Limit: limit}}
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &fs.PathError{Op: "read", Path: name, Err: &TooLargeError{Size: int64(len(data)), Limit: limit}}
	}
	return data, nil
}

var (
	errIsDir      = errors.New("is a folder, not a file")
	errNotRegular = errors.New("is not a regular file")
)

// TooLargeError says a file is over the size limit.
type TooLargeError struct{ Size, Limit int64 }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("file is %s, over the limit of %s", humanBytes(e.Size), humanBytes(e.Limit))
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}

// folder is a folder of the repository opened once, so that listing it and reading
// the files in it does not resolve the whole path again for every file.
type folder interface {
	// list returns the folder's entries sorted by name.
	list() ([]fs.DirEntry, error)
	// read reads the file name (slash path from the repository root) whose entry
	// in the folder is e (nil when the listing failed or does not have it).
	read(name string, e fs.DirEntry) ([]byte, error)
	close()
}

// openFolder opens dir of fsys for reading. It never fails: when dir cannot be
// opened as a whole, every call falls back to the path-by-path reads of
// ReadLimited, which report what is wrong.
func openFolder(fsys fs.FS, dir string, limit int64) folder {
	if r, ok := fsys.(*rootFS); ok {
		if sub, err := r.root.OpenRoot(dir); err == nil {
			return &rootFolder{fsys: r, sub: sub, limit: limit}
		}
	}
	return &fsFolder{fsys: fsys, dir: dir, limit: limit}
}

// fsFolder reads through any fs.FS.
type fsFolder struct {
	fsys  fs.FS
	dir   string
	limit int64
}

func (f *fsFolder) list() ([]fs.DirEntry, error) { return fs.ReadDir(f.fsys, f.dir) }
func (f *fsFolder) close()                       {}

// read opens a file its folder lists as a regular file directly, without stating
// it by path first (for a git revision that would read the blob twice); anything
// else takes ReadLimited's careful path, so links, pipes, folders and errors are
// reported exactly as ReadLimited reports them.
func (f *fsFolder) read(name string, e fs.DirEntry) ([]byte, error) {
	if e != nil && e.Type().IsRegular() {
		if data, ok := readOpened(f.fsys, name, f.limit); ok {
			return data, nil
		}
	}
	return ReadLimited(f.fsys, name, f.limit)
}

// readOpened reads an opened regular file that is within the limit; ok is false
// when it is not that (the caller then takes the careful path).
func readOpened(fsys fs.FS, name string, limit int64) (data []byte, ok bool) {
	file, err := fsys.Open(name)
	if err != nil {
		return nil, false
	}
	defer file.Close()
	return readRegular(file, limit)
}

// readRegular reads an open file that is a regular file of at most limit bytes;
// ok is false when it is not one.
func readRegular(file fs.File, limit int64) (data []byte, ok bool) {
	fi, err := file.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > limit {
		return nil, false
	}
	// One byte more than the size, so the read that finds the end needs no growth.
	data = make([]byte, 0, fi.Size()+1)
	for {
		n, err := file.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if int64(len(data)) > limit {
			return nil, false
		}
		if err == io.EOF {
			return data, true
		}
		if err != nil {
			return nil, false
		}
		if len(data) == cap(data) {
			data = slices.Grow(data, min(len(data), int(limit+1)-len(data)))
		}
	}
}

// rootFolder reads a folder of the working tree through an os.Root opened on the
// folder itself, so reading a file costs an openat relative to it, an fstat, the
// reads and a close, instead of a walk from the repository root for each of a
// stat of every path component, a stat and an open. Only an entry the folder
// lists as a regular file (not a link: the listing does not follow links) is read
// this way, and the opened file must still be a regular file within the size
// limit; anything else — links, pipes, devices, folders, a file over the limit,
// an error — takes ReadLimited's path through the repository's rootFS, whose
// checks and messages are unchanged. os.Root never leaves the folder it is
// opened on, which is inside the repository.
type rootFolder struct {
	fsys  *rootFS
	sub   *os.Root
	limit int64
}

func (f *rootFolder) list() ([]fs.DirEntry, error) {
	d, err := f.sub.Open(".")
	if err != nil {
		return nil, err
	}
	defer d.Close()
	es, err := d.ReadDir(-1)
	slices.SortFunc(es, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return es, err
}

func (f *rootFolder) read(name string, e fs.DirEntry) ([]byte, error) {
	if e != nil && e.Type().IsRegular() {
		file, err := f.sub.Open(e.Name())
		if err == nil {
			data, ok := readRegular(file, f.limit)
			file.Close()
			if ok {
				return data, nil
			}
		}
	}
	return ReadLimited(f.fsys, name, f.limit)
}

func (f *rootFolder) close() { f.sub.Close() }
