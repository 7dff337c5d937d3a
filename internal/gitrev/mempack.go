package gitrev

import (
	"bytes"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/go-git/go-billy/v5"
)

// memPackFS serves pack and commit-graph files from memory. go-git reads a packed
// object with several small seeks and reads; from memory they cost no system calls,
// which makes walking thousands of commits several times faster. Only files that
// fit in the memory budget are served from memory: the packs the pack reader holds
// (their bytes shared) and commit-graph files; the rest are read from disk as usual.
type memPackFS struct {
	billy.Filesystem
	files *memFiles
}

// memFiles keeps each file read into memory once: go-git re-opens a pack file for
// every object above 16 KiB it reads, which would otherwise copy the whole pack again.
// left is what remains of the memory budget.
type memFiles struct {
	mu    sync.Mutex
	bytes map[string][]byte
	left  int64
}

func newMemPackFS(fs billy.Filesystem, budget int64) memPackFS {
	return memPackFS{Filesystem: fs, files: &memFiles{bytes: map[string][]byte{}, left: budget}}
}

// take reserves n bytes of the budget and returns n, or 0 when they do not fit.
func (m *memFiles) take(n int64) int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	if n <= 0 || n > m.left {
		return 0
	}
	m.left -= n
	return n
}

// give returns bytes reserved by take and not used.
func (m *memFiles) give(n int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.left += n
}

// add shares the bytes of a file already read (within the budget).
func (m *memFiles) add(name string, data []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.bytes[name] = data
}

func (m memPackFS) Open(name string) (billy.File, error) {
	return m.OpenFile(name, os.O_RDONLY, 0)
}

func (m memPackFS) OpenFile(name string, flag int, perm os.FileMode) (billy.File, error) {
	if flag != os.O_RDONLY {
		return m.Filesystem.OpenFile(name, flag, perm)
	}
	m.files.mu.Lock()
	data, ok := m.files.bytes[name]
	m.files.mu.Unlock()
	if ok {
		return &memFile{name: name, Reader: bytes.NewReader(data)}, nil
	}
	if !isCommitGraph(name) {
		return m.Filesystem.OpenFile(name, flag, perm)
	}
	fi, err := m.Filesystem.Stat(name)
	if err != nil {
		return m.Filesystem.OpenFile(name, flag, perm)
	}
	n := m.files.take(fi.Size())
	if n == 0 {
		return m.Filesystem.OpenFile(name, flag, perm)
	}
	f, err := m.Filesystem.OpenFile(name, flag, perm)
	if err != nil {
		m.files.give(n)
		return nil, err
	}
	defer f.Close()
	data = make([]byte, n)
	if _, err := io.ReadFull(f, data); err != nil {
		m.files.give(n)
		return m.Filesystem.OpenFile(name, flag, perm)
	}
	m.files.add(name, data)
	return &memFile{name: name, Reader: bytes.NewReader(data)}, nil
}

// isCommitGraph reports whether a file is part of a commit-graph: read often, in
// small pieces.
func isCommitGraph(name string) bool {
	return strings.HasSuffix(name, ".graph") || strings.HasSuffix(name, "commit-graph")
}

// memFile is a read-only billy.File over bytes.
type memFile struct {
	name string
	*bytes.Reader
}

func (f *memFile) Name() string              { return f.name }
func (f *memFile) Write([]byte) (int, error) { return 0, os.ErrPermission }
func (f *memFile) Close() error              { return nil }
func (f *memFile) Lock() error               { return nil }
func (f *memFile) Unlock() error             { return nil }
func (f *memFile) Truncate(int64) error      { return os.ErrPermission }
