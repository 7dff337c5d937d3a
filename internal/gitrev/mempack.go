package gitrev

import (
	"bytes"
	"os"
	"strings"
	"sync"

	"github.com/go-git/go-billy/v5"
)

// maxMemPack bounds the pack files read into memory; larger ones are read from disk.
const maxMemPack = 512 << 20

// memPackFS serves pack and commit-graph files from memory. go-git reads a packed object with several
// small seeks and reads; from memory they cost no system calls, which makes walking
// thousands of commits several times faster. Plan repositories are small, so their
// packs fit easily; bigger packs are read from disk as usual.
type memPackFS struct {
	billy.Filesystem
	files *memFiles
}

// memFiles keeps each file read into memory once: go-git re-opens a pack file for
// every object above 16 KiB it reads, which would otherwise copy the whole pack again.
type memFiles struct {
	mu    sync.Mutex
	bytes map[string][]byte
}

func newMemPackFS(fs billy.Filesystem) memPackFS {
	return memPackFS{Filesystem: fs, files: &memFiles{bytes: map[string][]byte{}}}
}

func (m memPackFS) Open(name string) (billy.File, error) {
	return m.OpenFile(name, os.O_RDONLY, 0)
}

func (m memPackFS) OpenFile(name string, flag int, perm os.FileMode) (billy.File, error) {
	if flag != os.O_RDONLY || !inMemory(name) {
		return m.Filesystem.OpenFile(name, flag, perm)
	}
	m.files.mu.Lock()
	defer m.files.mu.Unlock()
	if data, ok := m.files.bytes[name]; ok {
		return &memFile{name: name, Reader: bytes.NewReader(data)}, nil
	}
	fi, err := m.Filesystem.Stat(name)
	if err != nil || fi.Size() > maxMemPack {
		return m.Filesystem.OpenFile(name, flag, perm)
	}
	f, err := m.Filesystem.OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data := make([]byte, fi.Size())
	if _, err := f.ReadAt(data, 0); err != nil {
		return m.Filesystem.OpenFile(name, flag, perm)
	}
	m.files.bytes[name] = data
	return &memFile{name: name, Reader: bytes.NewReader(data)}, nil
}

// inMemory reports whether a file is read often enough, in small pieces, to be
// worth holding in memory: pack files and commit-graph files.
func inMemory(name string) bool {
	return strings.HasSuffix(name, ".pack") || strings.HasSuffix(name, ".graph") || strings.HasSuffix(name, "commit-graph")
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
