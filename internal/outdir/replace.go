package outdir

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Replace writes a new output for command into dir: write fills a new folder next
// to dir, the Marker is added, the entries of the previous output that keep
// accepts (nil keeps none) are copied over, and the new folder replaces dir. If
// anything fails, dir is left as it was and the new folder is removed.
//
// dir should have passed Check; Replace checks again that it is missing, empty or
// the output of command, so it never removes anything else.
func Replace(dir, command string, write func(tmp string) error, keep func(name string) bool) error {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("failed to find the output folder: %w", err)
	}
	exists := false
	if fi, err := os.Lstat(dir); err == nil {
		if !fi.IsDir() {
			return &Refusal{Path: dir, Reason: "it is not a folder", Hint: newFolder}
		}
		st, err := inspect(dir, command)
		if err != nil {
			return err
		}
		if st.kind != empty && st.kind != own {
			return &Refusal{Path: dir, Reason: "it is not empty and was not made by `hwfplan " + command + "`", Hint: newFolder}
		}
		exists = true
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("failed to check %s: %w", dir, err)
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("failed to create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return fmt.Errorf("failed to create a folder next to %s: %w", dir, err)
	}
	fail := func(err error) error {
		os.RemoveAll(tmp)
		return err
	}
	if err := write(tmp); err != nil {
		return fail(err)
	}
	if err := os.WriteFile(filepath.Join(tmp, Marker), MarkerFor(command), 0o644); err != nil {
		return fail(fmt.Errorf("failed to write %s: %w", Marker, err))
	}
	if exists && keep != nil {
		if err := carryOver(dir, tmp, keep); err != nil {
			return fail(err)
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fail(fmt.Errorf("failed to set the mode of %s: %w", tmp, err))
	}
	old := ""
	if exists {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return fail(fmt.Errorf("failed to move the previous %s away: %w", dir, err))
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			_ = os.Rename(old, dir)
		}
		return fail(fmt.Errorf("failed to move the new output into %s: %w", dir, err))
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("failed to remove the previous output %s: %w", old, err)
		}
	}
	return nil
}

// carryOver copies the entries of the previous output that keep accepts, and that
// the new output does not have, into the new one.
func carryOver(old, tmp string, keep func(string) bool) error {
	entries, err := os.ReadDir(old)
	if err != nil {
		return fmt.Errorf("failed to read %s: %w", old, err)
	}
	for _, e := range entries {
		name := e.Name()
		if name == Marker || !keep(name) {
			continue
		}
		if _, err := os.Lstat(filepath.Join(tmp, name)); err == nil {
			continue
		}
		if err := copyTree(filepath.Join(old, name), filepath.Join(tmp, name)); err != nil {
			return err
		}
	}
	return nil
}

// copyTree copies files and folders; a symbolic link is copied as a link, never
// followed.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("failed to read %s: %w", p, err)
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case d.Type()&fs.ModeSymlink != 0:
			link, err := os.Readlink(p)
			if err != nil {
				return fmt.Errorf("failed to read %s: %w", p, err)
			}
			return os.Symlink(link, target)
		case d.Type().IsRegular():
			return copyFile(p, target)
		}
		return nil // devices, sockets: not something hwfplan wrote
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("failed to read %s: %w", src, err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("failed to write %s: %w", dst, err)
	}
	_, cerr := io.Copy(out, in)
	if err := errors.Join(cerr, out.Close()); err != nil {
		return fmt.Errorf("failed to write %s: %w", dst, err)
	}
	return nil
}
