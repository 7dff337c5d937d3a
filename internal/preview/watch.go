package preview

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/hwfplan/hwfplan/internal/plan"
)

// WatchedDirs are the folders of a plans repository whose changes rebuild the site.
var WatchedDirs = []string{"countries", "clusters", plan.ProgrammeDir, "schema", "site", "templates"}

// WatchedFiles are the files at the top of a plans repository the site is built
// from (the rest of the top folder is left alone: a README or an editor's
// swap file does not rebuild).
var WatchedFiles = []string{plan.PublicationFile}

// Watch calls onChange once per burst of changes under the watched folders of root,
// until ctx is done. Folders created later are watched as they appear.
func Watch(ctx context.Context, root string, debounce time.Duration, onChange func()) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("failed to watch the plans: %w", err)
	}
	defer w.Close()
	if err := w.Add(root); err != nil { // to notice a watched folder being created
		return fmt.Errorf("failed to watch %s: %w", root, err)
	}
	for _, d := range WatchedDirs {
		if err := addTree(w, filepath.Join(root, d)); err != nil {
			return err
		}
	}
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if filepath.Dir(ev.Name) == root && !isWatched(filepath.Base(ev.Name)) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					_ = addTree(w, ev.Name)
				}
			}
			timer = time.After(debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			return fmt.Errorf("failed to watch the plans: %w", err)
		case <-timer:
			timer = nil
			onChange()
		}
	}
}

func isWatched(name string) bool {
	return slices.Contains(WatchedDirs, name) || slices.Contains(WatchedFiles, name)
}

// addTree watches dir and every folder below it; a missing dir is skipped.
func addTree(w *fsnotify.Watcher, dir string) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if err := w.Add(p); err != nil {
				return fmt.Errorf("failed to watch %s: %w", p, err)
			}
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}
