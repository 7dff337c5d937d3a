package gitrev

import "github.com/go-git/go-git/v5/plumbing"

// ReadBlobs reads many blobs at once and calls fn once for each distinct hash, with
// its content or the error that kept it from being read. fn is called from up to
// workers goroutines at the same time (at least 1) and must not modify data; it may
// keep it.
//
// The blobs of a pack are stored as chains of deltas, and the chains of one file's
// revisions run through other files' (git deltifies similar files together), so
// reading a few hundred revisions of a file resolves thousands of objects. ReadBlobs
// resolves each object on those chains once, depth first from the base of each chain
// (keeping only the objects on the way down), and spreads the chains over workers.
// Each worker keeps a cache of resolved objects across calls, so reading a long
// history in batches, newest first, resolves the chains shared between batches less
// often.
func (r *Repo) ReadBlobs(hashes []plumbing.Hash, workers int, fn func(h plumbing.Hash, data []byte, err error)) {
	r.graph.objects.ReadBlobs(hashes, workers, fn)
}
