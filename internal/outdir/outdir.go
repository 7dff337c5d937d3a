// Package outdir holds the one rule every hwfplan command with --out follows: it
// may replace only a missing folder, an empty folder, or a folder the same command
// made before (recognised by the Marker file it writes there). Everything else —
// the plans repository, a folder that contains it, the plans folders, .git, a
// folder holding files tracked by git, a file, any other non-empty folder — is
// refused with a Refusal that says why and what to do.
//
// A new output is written into a folder next to the old one and swapped in, so a
// failed run leaves the previous output as it was.
package outdir

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hwfplan/hwfplan/internal/gitrev"
)

// Marker is the file hwfplan writes into every output folder it makes.
const Marker = ".hwfplan-output"

// PlansFolders are the folders of a plans repository that no output may replace
// or be written into.
var PlansFolders = []string{"countries", "clusters", "schema", "templates", "site"}

// Options say who writes and where the plans are.
type Options struct {
	// Command names the command that writes ("build", "report", ...); a folder
	// made by another command is not replaced.
	Command string
	// Root is the plans repository ("" when there is none).
	Root string
}

// Refusal says why an output folder may not be written. Commands show it as a
// usage error (exit 2).
type Refusal struct {
	Path   string // as the user named it
	Reason string // why, e.g. "it is the plans repository"
	Hint   string // what to do instead
}

func (r *Refusal) Error() string {
	return fmt.Sprintf("refusing to write into %s: %s; %s", r.Path, r.Reason, r.Hint)
}

const newFolder = "name a new or empty folder, or delete this one yourself if you are sure"

// Check applies the rule to path and returns the folder to write, absolute and
// with symbolic links resolved. It changes nothing.
func Check(path string, o Options) (string, error) {
	if path == "" {
		return "", &Refusal{Path: `""`, Reason: "no folder was named", Hint: "name a new or empty folder"}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("failed to resolve %s: %w", path, err)
	}
	dir, err := resolve(abs)
	if err != nil {
		return "", fmt.Errorf("failed to resolve %s: %w", path, err)
	}
	refuse := func(reason, hint string) (string, error) {
		if dir != abs {
			reason += " (" + path + " leads to " + dir + ")"
		}
		return "", &Refusal{Path: path, Reason: reason, Hint: hint}
	}
	for _, part := range strings.Split(filepath.ToSlash(dir), "/") {
		if part == ".git" {
			return refuse("it is git's own folder or inside it", "name a folder outside .git")
		}
	}
	for _, top := range repoRoots(o.Root) {
		switch {
		case dir == top:
			return refuse("it is the repository "+top+" itself, and replacing it would delete the plans and their history", "name a folder of its own, such as --out public")
		case within(top, dir):
			return refuse("it contains the repository "+top+", and replacing it would delete the plans and their history", "name a folder of its own, such as --out public")
		}
	}
	if root := resolved(o.Root); root != "" {
		for _, p := range PlansFolders {
			pf := filepath.Join(root, p)
			if dir == pf || within(dir, pf) {
				return refuse("it is the plans folder "+p+"/ or inside it", "write the output somewhere else, such as --out public")
			}
		}
	}
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return dir, nil
	case err != nil:
		return "", fmt.Errorf("failed to check %s: %w", path, err)
	case !fi.IsDir():
		return refuse("it is a file, not a folder", "name a folder")
	}
	state, err := inspect(dir, o.Command)
	if err != nil {
		return "", err
	}
	switch state.kind {
	case empty, own:
		return dir, nil
	case other:
		return refuse("it holds the output of `hwfplan "+state.command+"`, not of `hwfplan "+o.Command+"`", "give each command a folder of its own")
	}
	if f := trackedFile(dir); f != "" {
		return refuse("it holds files tracked by git (such as "+f+")", newFolder)
	}
	return refuse("it is not empty and was not made by `hwfplan "+o.Command+"` (it has no "+Marker+" file)", newFolder)
}

type kind int

const (
	empty   kind = iota
	own          // has the marker of this command
	other        // has the marker of another command
	foreign      // non-empty without a marker
)

type state struct {
	kind    kind
	command string // of the marker, for other
}

// inspect tells what the existing folder dir holds.
func inspect(dir, command string) (state, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return state{}, fmt.Errorf("failed to read %s: %w", dir, err)
	}
	if len(entries) == 0 {
		return state{kind: empty}, nil
	}
	data, err := os.ReadFile(filepath.Join(dir, Marker))
	if err != nil {
		return state{kind: foreign}, nil
	}
	got := markerCommand(data)
	switch got {
	case command:
		return state{kind: own}, nil
	case "":
		return state{kind: foreign}, nil
	}
	return state{kind: other, command: got}, nil
}

// MarkerFor is the content of the marker a command writes; it is the same on
// every run, so two builds of one commit stay byte-identical.
func MarkerFor(command string) []byte {
	return fmt.Appendf(nil, "command: %s\n\nThis folder was written by `hwfplan %s`, which replaces it as a whole on\nits next run. Keep nothing else here.\n", command, command)
}

func markerCommand(data []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(data))
	if sc.Scan() {
		if c, ok := strings.CutPrefix(sc.Text(), "command: "); ok {
			return strings.TrimSpace(c)
		}
	}
	return ""
}

// resolve resolves the symbolic links of abs; the part that does not exist yet
// is joined on unchanged.
func resolve(abs string) (string, error) {
	rest := ""
	for p := abs; ; {
		r, err := filepath.EvalSymlinks(p)
		if err == nil {
			return filepath.Join(r, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(p)
		if parent == p {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

func resolved(p string) string {
	if p == "" {
		return ""
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return ""
	}
	r, err := resolve(abs)
	if err != nil {
		return abs
	}
	return r
}

// repoRoots returns the plans repository and the git work tree around it.
func repoRoots(root string) []string {
	r := resolved(root)
	if r == "" {
		if wd, err := os.Getwd(); err == nil {
			r = wd
		}
	}
	var out []string
	if root != "" {
		out = append(out, r)
	}
	if r != "" {
		if top, err := gitrev.TopLevel(r); err == nil {
			if t := resolved(top); t != "" && (len(out) == 0 || t != out[0]) {
				out = append(out, t)
			}
		}
	}
	return out
}

// within reports whether p is strictly inside dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && filepath.IsLocal(rel)
}

// trackedFile returns one file under dir that git tracks, or "".
func trackedFile(dir string) string {
	first := gitrev.FirstTracked(dir)
	if first == "" {
		return ""
	}
	return filepath.Join(dir, filepath.FromSlash(first))
}
