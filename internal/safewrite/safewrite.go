// Package safewrite writes output files so that a reader never sees half a file:
// data goes to a temporary file next to the target, then is renamed over it.
package safewrite

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// WriteFile writes data to path atomically (temporary file and rename).
func WriteFile(path string, data []byte) error { return WriteFileMode(path, data, 0o644) }

// WriteFileMode is WriteFile giving the file the permissions perm (to keep
// those of a file it replaces).
func WriteFileMode(path string, data []byte, perm os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return fmt.Errorf("failed to write %s: %w", path, err)
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("failed to write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), perm); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("failed to write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("failed to write %s: %w", path, err)
	}
	return nil
}
