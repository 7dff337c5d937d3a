package site

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/hwfplan/hwfplan/internal/outdir"
)

// Command is the command whose output folder the site is (see package outdir).
const Command = "build"

// Publish writes files into dir atomically: they are written into a new folder next
// to dir, then the old dir is renamed away, the new one renamed in, and the old one
// removed. If writing fails, dir is left as it was. dir must be missing, empty or
// a previous site (see package outdir).
func Publish(dir string, files map[string][]byte) error {
	_, err := publishWith(dir, func(tmp string) (int, error) {
		return len(files), writeTree(tmp, files)
	})
	return err
}

// publishWith has write fill a new folder next to dir, then swaps it in for dir.
// If write fails, the new folder is removed and dir is left as it was.
func publishWith(dir string, write func(tmp string) (int, error)) (int, error) {
	n := 0
	err := outdir.Replace(dir, Command, func(tmp string) error {
		var err error
		n, err = write(tmp)
		return err
	}, nil)
	if err != nil {
		return 0, err
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
