package gitrev

import (
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// Hash names a git object (SHA-1). It is go-git's type, so values pass through
// without copying; callers need not import go-git to use it.
type Hash = plumbing.Hash

// ZeroHash is the hash of nothing: a path a revision does not have.
var ZeroHash = plumbing.ZeroHash

// BlobHash is the name git gives a file with this content.
func BlobHash(data []byte) Hash { return plumbing.ComputeHash(plumbing.BlobObject, data) }

// Signature is who made a commit, and when.
type Signature struct {
	Name  string
	Email string
	When  time.Time
}

// Commit is what a commit object says.
type Commit struct {
	Hash      Hash
	Author    Signature
	Committer Signature
	Message   string
	Parents   []Hash
}

// TreeWriter builds the tree object git would make of a folder of plain files, to
// compare a folder of the working tree with a revision's by hash. Add the files in
// name order (the order git gives plain files; folders would sort differently).
type TreeWriter struct {
	buf []byte
}

// Add appends a plain file: executable or not, with the hash of its content.
func (w *TreeWriter) Add(name string, executable bool, blob Hash) {
	mode := "100644"
	if executable {
		mode = "100755"
	}
	w.buf = append(w.buf, mode+" "+name+"\x00"...)
	w.buf = append(w.buf, blob[:]...)
}

// Hash is the tree's hash.
func (w *TreeWriter) Hash() Hash { return plumbing.ComputeHash(plumbing.TreeObject, w.buf) }
