// Package usercache keeps what a command computed, between runs, in files under the
// user's cache folder (os.UserCacheDir()/hwfplan/<name>), never inside a repository.
// A value is stored under a key that must name everything it depends on; the key of
// the program that wrote it is added to every key, so a rebuilt program never reads
// what another build wrote. A file that cannot be read or was written under another
// key reads as missing; writes are atomic (safewrite); a cache folder that cannot be
// written only costs the speed. Files of earlier builds are not removed.
package usercache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/hwfplan/hwfplan/internal/buildinfo"
	"github.com/hwfplan/hwfplan/internal/safewrite"
)

// Env set to "off" makes Open return nil: nothing is read or written.
const Env = "HWFPLAN_CACHE"

// Dir is one cache folder.
type Dir struct {
	dir     string
	program string
}

// Open opens os.UserCacheDir()/hwfplan/name; nil when there is no user cache
// folder, when the program cannot tell which build it is, or when HWFPLAN_CACHE is
// "off".
func Open(name string) *Dir {
	if os.Getenv(Env) == "off" {
		return nil
	}
	base, err := os.UserCacheDir()
	if err != nil || !filepath.IsAbs(base) {
		return nil
	}
	return New(filepath.Join(base, "hwfplan", name))
}

// New opens the cache folder dir (made on first write); nil when the program
// cannot tell which build it is.
func New(dir string) *Dir {
	id, ok := programID()
	if !ok {
		return nil
	}
	return &Dir{dir: dir, program: id}
}

// Path is the folder the files go to.
func (d *Dir) Path() string { return d.dir }

// programID names the running build: its version and commit, and the path, size
// and modification time of its executable, so that a rebuilt program (a development
// build from a changed work tree included) has another identity.
func programID() (string, bool) {
	exe, err := os.Executable()
	if err != nil {
		return "", false
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return "", false
	}
	in := buildinfo.Get()
	return fmt.Sprintf("%s %s %t %s %d %d", in.Version, in.Commit, in.Modified, exe, fi.Size(), fi.ModTime().UnixNano()), true
}

// magic starts every file; it changes when the file layout does.
const magic = "hwfplan-cache-1\n"

// full is the key as stored: the program's identity and the caller's key.
func (d *Dir) full(key string) string { return d.program + "\x00" + key }

func (d *Dir) file(full string) string {
	sum := sha256.Sum256([]byte(full))
	return filepath.Join(d.dir, hex.EncodeToString(sum[:]))
}

// Read returns the value stored under key; ok is false when there is none that
// can be read.
func (d *Dir) Read(key string) (data []byte, ok bool) {
	full := d.full(key)
	b, err := os.ReadFile(d.file(full))
	if err != nil {
		return nil, false
	}
	// magic, the length of the key, a newline, the key, the value
	rest, ok := bytes.CutPrefix(b, []byte(magic))
	if !ok {
		return nil, false
	}
	n, rest, ok := bytes.Cut(rest, []byte("\n"))
	if !ok {
		return nil, false
	}
	size, err := strconv.Atoi(string(n))
	if err != nil || size != len(full) || len(rest) < size || string(rest[:size]) != full {
		return nil, false
	}
	return rest[size:], true
}

// Write stores data under key; a failure is ignored (the value is computed again
// next time).
func (d *Dir) Write(key string, data []byte) {
	full := d.full(key)
	if err := os.MkdirAll(d.dir, 0o700); err != nil {
		return
	}
	var b bytes.Buffer
	b.Grow(len(magic) + 24 + len(full) + len(data))
	b.WriteString(magic)
	b.WriteString(strconv.Itoa(len(full)))
	b.WriteByte('\n')
	b.WriteString(full)
	b.Write(data)
	_ = safewrite.WriteFile(d.file(full), b.Bytes())
}
