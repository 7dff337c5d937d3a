package load

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
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
