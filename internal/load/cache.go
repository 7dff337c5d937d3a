package load

import (
	"sync"

	"github.com/hwfplan/hwfplan/internal/diag"
	"github.com/hwfplan/hwfplan/internal/model"
)

// Cache shares parsed files between loads (Options.Cache): the two sides of a
// diff, say, where most files are the same. It is safe for concurrent use; a file
// that two loads ask for at once is parsed once, and the second waits for it.
// It keeps every file it has seen, so it lives as long as the loads that share it.
type Cache struct {
	mu    sync.Mutex
	files map[cacheKey]*cacheEntry
}

type cacheKey struct {
	path, data string
	values     bool
}

type cacheEntry struct {
	once  sync.Once
	file  *model.File
	diags []diag.Diagnostic
	value any
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{files: map[cacheKey]*cacheEntry{}} }

// get returns the parse of data at path, calling parse when the cache does not
// have it yet.
func (c *Cache) get(path string, data []byte, values bool, parse func() (*model.File, []diag.Diagnostic, any)) (*model.File, []diag.Diagnostic, any) {
	k := cacheKey{path, string(data), values}
	c.mu.Lock()
	e := c.files[k]
	if e == nil {
		e = &cacheEntry{}
		c.files[k] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.file, e.diags, e.value = parse() })
	return e.file, e.diags, e.value
}
