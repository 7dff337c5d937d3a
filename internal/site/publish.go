package site

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Publish writes files into dir atomically: they are written into a new folder next
// to dir, then the old dir is renamed away, the new one renamed in, and the old one
// removed. If writing fails, dir is left as it was.
func Publish(dir string, files map[string][]byte) error {
	_, err := publishWith(dir, func(tmp string) (int, error) {
		return len(files), writeTree(tmp, files)
	})
	return err
}

// publishWith has write fill a new folder next to dir, then swaps it in for dir.
// If write fails, the new folder is removed and dir is left as it was.
func publishWith(dir string, write func(tmp string) (int, error)) (int, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return 0, fmt.Errorf("failed to find the output folder: %w", err)
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return 0, fmt.Errorf("failed to create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return 0, fmt.Errorf("failed to create a folder next to %s: %w", dir, err)
	}
	n, err := write(tmp)
	if err != nil {
		os.RemoveAll(tmp)
		return 0, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return 0, fmt.Errorf("failed to set the mode of %s: %w", tmp, err)
	}
	old := ""
	if _, err := os.Lstat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			os.RemoveAll(tmp)
			return 0, fmt.Errorf("failed to move the previous %s away: %w", dir, err)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		os.RemoveAll(tmp)
		return 0, fmt.Errorf("failed to check %s: %w", dir, err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			_ = os.Rename(old, dir)
		}
		os.RemoveAll(tmp)
		return 0, fmt.Errorf("failed to move the new site into %s: %w", dir, err)
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return n, fmt.Errorf("failed to remove the previous site %s: %w", old, err)
		}
	}
	return n, nil
}

func writeTree(root string, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p := filepath.Join(root, filepath.FromSlash(name))
		if !filepath.IsLocal(filepath.FromSlash(name)) {
			return fmt.Errorf("failed to write %s: the path leaves the output folder", name)
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("failed to create %s: %w", filepath.Dir(p), err)
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return fmt.Errorf("failed to write %s: %w", p, err)
		}
	}
	return nil
}
