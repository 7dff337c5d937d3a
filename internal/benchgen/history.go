package benchgen

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strings"
	"time"
)

// history writes the first commit (every file) and then one commit per edit
// through `git fast-import`, checks out main and returns its hash.
func (g *generator) history(dir string, files map[string][]byte) (string, error) {
	if out, err := git(dir, nil, "init", "-q", "-b", "main"); err != nil {
		return "", fmt.Errorf("failed to run git init in %s: %w: %s", dir, err, out)
	}
	cmd := exec.Command("git", "-C", dir, "fast-import", "--quiet", "--done")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return "", fmt.Errorf("failed to start git fast-import: %w", err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return "", fmt.Errorf("failed to start git fast-import: %w", err)
	}
	w := bufio.NewWriterSize(stdin, 1<<20)
	werr := g.stream(w, files)
	if werr == nil {
		werr = w.Flush()
	}
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		return "", fmt.Errorf("failed to run git fast-import: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	if werr != nil {
		return "", fmt.Errorf("failed to write the fast-import stream: %w", werr)
	}
	if out, err := git(dir, nil, "reset", "-q", "--hard", "refs/heads/main"); err != nil {
		return "", fmt.Errorf("failed to check out main in %s: %w: %s", dir, err, out)
	}
	out, err := git(dir, nil, "rev-parse", "HEAD")
	if err != nil {
		return "", fmt.Errorf("failed to read HEAD in %s: %w: %s", dir, err, out)
	}
	return strings.TrimSpace(string(out)), nil
}

// stream writes the fast-import commands of the whole history.
func (g *generator) stream(w io.Writer, files map[string][]byte) error {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, c := range g.countries {
		g.touched[c.code]++
	}
	msg := fmt.Sprintf("Plans of %d countries", len(g.countries))
	if err := g.commit(w, "hwfplan-bench", msg, paths, files); err != nil {
		return err
	}
	for i := 1; i < g.opts.Commits; i++ {
		// Country teams are not equally busy: a third of the commits go to the first
		// tenth of the countries.
		n := len(g.countries)
		var c *country
		if g.rng.IntN(3) == 0 {
			c = g.countries[g.rng.IntN(max(1, n/10))]
		} else {
			c = g.countries[g.rng.IntN(n)]
		}
		names, msg := g.randomEdit(c)
		changed := map[string][]byte{}
		var ps []string
		for _, name := range names {
			data, err := c.file(name)
			if err != nil {
				return err
			}
			p := c.path(name)
			changed[p] = data
			ps = append(ps, p)
		}
		g.touched[c.code]++
		if err := g.commit(w, strings.ToLower(c.code)+"-hwf-team", msg, ps, changed); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "done\n")
	return err
}

// commit writes one commit on main changing the given paths. Commits are a few
// hours apart, on a fixed clock, so the hashes only depend on the seed.
func (g *generator) commit(w io.Writer, author, msg string, paths []string, files map[string][]byte) error {
	g.when = g.when.Add(time.Duration(1+g.rng.IntN(4)) * time.Hour)
	ts := g.when.Unix()
	if _, err := fmt.Fprintf(w, "commit refs/heads/main\nauthor %s <%s@example.org> %d +0000\ncommitter %s <%s@example.org> %d +0000\ndata %d\n%s\n",
		author, author, ts, author, author, ts, len(msg), msg); err != nil {
		return err
	}
	for _, p := range paths {
		if _, err := fmt.Fprintf(w, "M 100644 inline %s\ndata %d\n", p, len(files[p])); err != nil {
			return err
		}
		if _, err := w.Write(files[p]); err != nil {
			return err
		}
		if _, err := io.WriteString(w, "\n"); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// git runs git in dir.
func git(dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Stdin = stdin
	return cmd.CombinedOutput()
}
