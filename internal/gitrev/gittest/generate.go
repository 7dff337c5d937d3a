package gittest

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strings"
	"time"
)

// GenerateOptions shape a generated history.
type GenerateOptions struct {
	Commits    int               // commits on all branches together
	Countries  []string          // country codes; each gets a copy of Fixture
	Fixture    map[string]string // one country's files by name (country.yaml, as-is.yaml, ...)
	Extra      map[string]string // other files of the first commit (framework, clusters) by path
	MergeEvery int               // every so many commits, a 3-commit side branch is merged; 0: never
}

var linkageRe = regexp.MustCompile(`(linkage:\n\s+score: )(\d)`)

// Generate writes a repository with a long history into dir (created) with git
// fast-import: commit i edits one file of country i mod len(Countries) (alternately a
// real score change and an appended comment), one commit a day. It returns how many
// commits touched each country.
func Generate(dir string, o GenerateOptions) (map[string]int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if out, err := exec.Command("git", "-C", dir, "init", "-q", "-b", "main").CombinedOutput(); err != nil {
		return nil, fmt.Errorf("git init: %v: %s", err, out)
	}
	cmd := exec.Command("git", "-C", dir, "fast-import", "--quiet")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	w := bufio.NewWriterSize(stdin, 1<<20)
	files := map[string]string{} // current content by path
	names := make([]string, 0, len(o.Fixture))
	for n := range o.Fixture {
		names = append(names, n)
	}
	sort.Strings(names)
	start := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	touched := map[string]int{}
	mark := 0
	lastMain := 0
	commit := func(branch, msg string, from, merge int, changes []string) int {
		mark++
		when := start + int64(mark)*86400
		fmt.Fprintf(w, "commit refs/heads/%s\nmark :%d\nauthor Ana Planner <ana@example.org> %d +0000\ncommitter Ana Planner <ana@example.org> %d +0000\ndata %d\n%s\n",
			branch, mark, when, when, len(msg), msg)
		if from > 0 {
			fmt.Fprintf(w, "from :%d\n", from)
		}
		if merge > 0 {
			fmt.Fprintf(w, "merge :%d\n", merge)
		}
		for _, p := range changes {
			fmt.Fprintf(w, "M 100644 inline %s\ndata %d\n%s\n", p, len(files[p]), files[p])
		}
		return mark
	}
	edit := func(i int) string {
		code := o.Countries[i%len(o.Countries)]
		touched[code]++
		name := names[(i/len(o.Countries))%len(names)]
		p := "countries/" + code + "/" + name
		if i%2 == 0 && linkageRe.MatchString(files[p]) {
			files[p] = linkageRe.ReplaceAllStringFunc(files[p], func(m string) string {
				sub := linkageRe.FindStringSubmatch(m)
				return sub[1] + string(rune('0'+(sub[2][0]-'0'+1)%3))
			})
		} else {
			files[p] += fmt.Sprintf("# revision %d\n", i)
		}
		return p
	}
	var first []string
	for p, c := range o.Extra {
		files[p] = c
		first = append(first, p)
	}
	for _, code := range o.Countries {
		for _, n := range names {
			p := "countries/" + code + "/" + n
			files[p] = strings.ReplaceAll(o.Fixture[n], "HU", code)
			first = append(first, p)
		}
	}
	sort.Strings(first)
	lastMain = commit("main", "initial plans", 0, 0, first)
	for i := 1; mark < o.Commits; i++ {
		if o.MergeEvery > 0 && i%o.MergeEvery == 0 && mark+4 <= o.Commits {
			side := lastMain
			for k := range 3 {
				p := edit(i*7 + k)
				side = commit("side", fmt.Sprintf("side edit %d", i), side, 0, []string{p})
			}
			lastMain = commit("main", fmt.Sprintf("merge side %d", i), lastMain, side, nil)
			continue
		}
		p := edit(i)
		lastMain = commit("main", fmt.Sprintf("edit %s", p), lastMain, 0, []string{p})
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("git fast-import: %w", err)
	}
	if out, err := exec.Command("git", "-C", dir, "checkout", "-q", "-f", "main").CombinedOutput(); err != nil {
		return nil, fmt.Errorf("git checkout: %v: %s", err, out)
	}
	return touched, nil
}
