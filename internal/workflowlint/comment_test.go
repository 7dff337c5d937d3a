package workflowlint

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The posting step of pr-comment.yml, run for real with bash against a
// fork-shaped workflow_run event, a fake gh that serves the GitHub API from
// files and records every call, and artifacts a hostile pull request could
// leave. What it must never do: post anything a check refused, run anything from
// the artifact, or write outside its own folder.

const (
	commentWorkflow = "pr-comment.yml"
	commentStep     = "Create or update the comment"
	repo            = "hwfplan/hwfplan"
	forkRepo        = "someone/hwfplan"
	headSHA         = "0123456789abcdef0123456789abcdef01234567"
	runID           = 4242
	artifactID      = 99
	prNumber        = 7
	marker          = "<!-- hwfplan-diff -->"
)

// commentScript returns the step's run: script from the real workflow.
func commentScript(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", Dir, commentWorkflow))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Name  string `yaml:"name"`
				Shell string `yaml:"shell"`
				Run   string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatal(err)
	}
	for _, j := range wf.Jobs {
		for _, s := range j.Steps {
			if s.Name == commentStep {
				if s.Shell != "bash" {
					t.Fatalf("step %q: shell %q, want bash", commentStep, s.Shell)
				}
				return s.Run
			}
		}
	}
	t.Fatalf("%s has no step %q", commentWorkflow, commentStep)
	return ""
}

// fakeGH answers the calls the script makes from files in its folder and logs
// each call to calls.log; a POST or PATCH saves the body it was given.
const fakeGH = `#!/usr/bin/env bash
set -u
dir=$(dirname "$0")
printf '%s\n' "$*" >> "$dir/calls.log"
[ "$1" = api ] || { echo "fake gh: unexpected $*" >&2; exit 2; }
shift
method=GET jq= path= body=
while [ $# -gt 0 ]; do
  case $1 in
    --method) method=$2; shift 2 ;;
    --jq) jq=$2; shift 2 ;;
    --paginate) shift ;;
    -F) body=${2#body=@}; shift 2 ;;
    *) path=$1; shift ;;
  esac
done
case "$method $path" in
  "GET repos/` + repo + `/actions/runs/` + "4242" + `/artifacts?name=hwfplan-diff") file=artifacts.json ;;
  "GET repos/` + repo + `/actions/artifacts/` + "99" + `/zip") cat "$dir/artifact.zip"; exit ;;
  "GET repos/` + repo + `/pulls/"*) file="pull-${path##*/}.json" ;;
  "GET repos/` + repo + `/issues/"*/comments) file=comments.json ;;
  "POST repos/` + repo + `/issues/"*/comments|"PATCH repos/` + repo + `/issues/comments/"*)
    cp "$body" "$dir/posted.md"; echo '{}'; exit ;;
  *) echo "fake gh: no answer for $method $path" >&2; exit 1 ;;
esac
[ -f "$dir/$file" ] || { echo "gh: Not Found (HTTP 404)" >&2; exit 1; }
if [ -n "$jq" ]; then jq -r "$jq" "$dir/$file"; else cat "$dir/$file"; fi
`

type member struct {
	name string
	body []byte
}

func zipOf(t *testing.T, members ...member) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, m := range members {
		f, err := w.Create(m.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write(m.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// forkEvent is the workflow_run event of a pull request from a fork: GitHub
// leaves pull_requests empty for those.
func forkEvent() map[string]any {
	return map[string]any{
		"action": "completed",
		"workflow_run": map[string]any{
			"id": runID, "event": "pull_request", "conclusion": "failure", "head_sha": headSHA,
			"head_branch": "main", "pull_requests": []any{},
			"head_repository": map[string]any{"full_name": forkRepo, "fork": true},
			"repository":      map[string]any{"full_name": repo},
		},
		"repository": map[string]any{"full_name": repo},
	}
}

func pull(state, sha, headRepo string) map[string]any {
	return map[string]any{"number": prNumber, "state": state,
		"head": map[string]any{"sha": sha, "repo": map[string]any{"full_name": headRepo}}}
}

type commentCase struct {
	event    map[string]any
	artifact []byte // nil: the run left no artifact
	size     int    // size_in_bytes the listing reports; 0: len(artifact)
	pulls    map[int]map[string]any
	comments []map[string]any
}

type commentResult struct {
	err    error
	out    string
	calls  []string
	posted string // the body of a POST or PATCH, "" if none
	dir    string
}

func (r commentResult) called(prefix string) bool {
	for _, c := range r.calls {
		if strings.HasPrefix(c, prefix) {
			return true
		}
	}
	return false
}

func runComment(t *testing.T, script string, c commentCase) commentResult {
	t.Helper()
	dir := t.TempDir()
	gh := filepath.Join(dir, "bin")
	temp := filepath.Join(dir, "runner-temp")
	for _, d := range []string{gh, temp} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(gh, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeJSON := func(name string, v any) {
		t.Helper()
		data, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		write(name, data)
	}
	if err := os.WriteFile(filepath.Join(gh, "gh"), []byte(fakeGH), 0o755); err != nil {
		t.Fatal(err)
	}
	artifacts := []any{}
	if c.artifact != nil {
		size := c.size
		if size == 0 {
			size = len(c.artifact)
		}
		artifacts = append(artifacts, map[string]any{"id": artifactID, "name": "hwfplan-diff", "size_in_bytes": size, "expired": false})
		write("artifact.zip", c.artifact)
	}
	writeJSON("artifacts.json", map[string]any{"total_count": len(artifacts), "artifacts": artifacts})
	for n, p := range c.pulls {
		writeJSON(fmt.Sprintf("pull-%d.json", n), p)
	}
	comments := c.comments
	if comments == nil {
		comments = []map[string]any{}
	}
	writeJSON("comments.json", comments)
	event := c.event
	if event == nil {
		event = forkEvent()
	}
	eventPath := filepath.Join(dir, "event.json")
	data, err := json.Marshal(event)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(eventPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	scriptPath := filepath.Join(dir, "step.sh")
	if err := os.WriteFile(scriptPath, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	// As GitHub runs a step with shell: bash.
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", scriptPath)
	cmd.Dir = dir
	cmd.Env = []string{
		"PATH=" + gh + string(os.PathListSeparator) + os.Getenv("PATH"),
		"HOME=" + dir, "GITHUB_EVENT_PATH=" + eventPath, "RUNNER_TEMP=" + temp,
		"GH_TOKEN=not-a-token", "REPO=" + repo,
	}
	out, err := cmd.CombinedOutput()
	r := commentResult{err: err, out: string(out), dir: dir}
	if log, err := os.ReadFile(filepath.Join(gh, "calls.log")); err == nil {
		r.calls = strings.Split(strings.TrimSpace(string(log)), "\n")
	}
	if posted, err := os.ReadFile(filepath.Join(gh, "posted.md")); err == nil {
		r.posted = string(posted)
	}
	return r
}

func TestCommentScript(t *testing.T) {
	for _, tool := range []string{"bash", "jq", "unzip"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is not installed (Debian package %s)", tool, tool)
			}
			t.Skipf("%s is not installed", tool)
		}
	}
	script := commentScript(t)
	diff := "## What this pull request changes\n\nHU › as-is › data.linkage 1 → 2\n"
	good := zipOf(t, member{"diff.md", []byte(diff)}, member{"pr-number", []byte("7\n")})
	openPull := map[int]map[string]any{prNumber: pull("open", headSHA, forkRepo)}
	const posts = "api --method POST repos/" + repo + "/issues/7/comments"

	t.Run("fork pull request gets the comment", func(t *testing.T) {
		r := runComment(t, script, commentCase{artifact: good, pulls: openPull})
		if r.err != nil {
			t.Fatalf("failed: %v\n%s", r.err, r.out)
		}
		if !r.called(posts) {
			t.Errorf("no POST of a new comment; calls:\n%s", strings.Join(r.calls, "\n"))
		}
		if want := marker + "\n" + diff; r.posted != want {
			t.Errorf("posted %q, want %q", r.posted, want)
		}
	})

	t.Run("own comment is updated, a look-alike from someone else is not", func(t *testing.T) {
		r := runComment(t, script, commentCase{artifact: good, pulls: openPull, comments: []map[string]any{
			{"id": 1, "user": map[string]any{"login": "someone"}, "body": marker + "\nfake"},
			{"id": 2, "user": map[string]any{"login": "github-actions[bot]"}, "body": marker + "\nold"},
		}})
		if r.err != nil {
			t.Fatalf("failed: %v\n%s", r.err, r.out)
		}
		if !r.called("api --method PATCH repos/"+repo+"/issues/comments/2 ") || r.called("api --method POST") || r.called("api --method PATCH repos/"+repo+"/issues/comments/1 ") {
			t.Errorf("want one PATCH of comment 2; calls:\n%s", strings.Join(r.calls, "\n"))
		}
	})

	t.Run("the Markdown is text: nothing in it runs, control characters go", func(t *testing.T) {
		hostile := "$(touch pwned-subst) `touch pwned-backtick` ${IFS}\x1b]8;;http://x\x07link\x1b[0m\r\x00end\n"
		r := runComment(t, script, commentCase{pulls: openPull, artifact: zipOf(t,
			member{"diff.md", []byte(hostile)}, member{"pr-number", []byte("7")})})
		if r.err != nil {
			t.Fatalf("failed: %v\n%s", r.err, r.out)
		}
		if want := marker + "\n$(touch pwned-subst) `touch pwned-backtick` ${IFS}]8;;http://xlink[0mend\n"; r.posted != want {
			t.Errorf("posted %q, want %q", r.posted, want)
		}
		assertNoFile(t, r.dir, "pwned-subst", "pwned-backtick")
	})

	t.Run("a long list is cut at a line end below the comment limit", func(t *testing.T) {
		long := strings.Repeat("- HU › to-do › HU-S1 changed\n", 5000) // 150 kB
		r := runComment(t, script, commentCase{pulls: openPull, artifact: zipOf(t,
			member{"diff.md", []byte(long)}, member{"pr-number", []byte("7")})})
		if r.err != nil {
			t.Fatalf("failed: %v\n%s", r.err, r.out)
		}
		if len(r.posted) > 60200 || !strings.Contains(r.posted, "The list is cut here") || !strings.Contains(r.posted, "changed\n\n\n_The list") {
			t.Errorf("posted %d bytes ending %q", len(r.posted), r.posted[max(0, len(r.posted)-120):])
		}
	})

	t.Run("a zip bomb is read only up to the cap", func(t *testing.T) {
		bomb := zipOf(t, member{"diff.md", bytes.Repeat([]byte("a"), 200<<20)}, member{"pr-number", []byte("7")})
		r := runComment(t, script, commentCase{pulls: openPull, artifact: bomb})
		if r.err != nil {
			t.Fatalf("failed: %v\n%s", r.err, r.out)
		}
		if len(r.posted) > 60200 {
			t.Errorf("posted %d bytes", len(r.posted))
		}
	})

	t.Run("no artifact: nothing to post", func(t *testing.T) {
		r := runComment(t, script, commentCase{pulls: openPull})
		if r.err != nil {
			t.Fatalf("failed: %v\n%s", r.err, r.out)
		}
		if r.called("api --method") {
			t.Errorf("posted without an artifact; calls:\n%s", strings.Join(r.calls, "\n"))
		}
	})

	t.Run("a newer commit on the pull request: the newer run posts", func(t *testing.T) {
		r := runComment(t, script, commentCase{artifact: good, pulls: map[int]map[string]any{
			prNumber: pull("open", "ffffffffffffffffffffffffffffffffffffffff", forkRepo)}})
		if r.err != nil {
			t.Fatalf("failed: %v\n%s", r.err, r.out)
		}
		if r.called("api --method") {
			t.Errorf("posted for an old commit; calls:\n%s", strings.Join(r.calls, "\n"))
		}
	})

	refused := []struct {
		name  string
		c     commentCase
		want  string
		files []string // must not exist afterwards
	}{
		{name: "number with a command", c: commentCase{pulls: openPull, artifact: zipOf(t,
			member{"diff.md", []byte(diff)}, member{"pr-number", []byte("7$(touch pwned)")})},
			want: "not a pull request number", files: []string{"pwned"}},
		{name: "number with a path", c: commentCase{pulls: openPull, artifact: zipOf(t,
			member{"diff.md", []byte(diff)}, member{"pr-number", []byte("../../pulls/7")})},
			want: "not a pull request number"},
		{name: "number of someone else's pull request", c: commentCase{artifact: zipOf(t,
			member{"diff.md", []byte(diff)}, member{"pr-number", []byte("8")}),
			pulls: map[int]map[string]any{8: pull("open", headSHA, repo)}},
			want: "is not from " + forkRepo},
		{name: "number of a pull request that does not exist", c: commentCase{pulls: openPull, artifact: zipOf(t,
			member{"diff.md", []byte(diff)}, member{"pr-number", []byte("1234")})},
			want: "Not Found"},
		{name: "extra file with a path outside", c: commentCase{pulls: openPull, artifact: zipOf(t,
			member{"diff.md", []byte(diff)}, member{"pr-number", []byte("7")}, member{"../../escaped", []byte("x")})},
			want: "must hold diff.md and pr-number only", files: []string{"escaped", "../escaped"}},
		{name: "diff.md twice", c: commentCase{pulls: openPull, artifact: zipOf(t,
			member{"diff.md", []byte(diff)}, member{"diff.md", []byte("other")}, member{"pr-number", []byte("7")})},
			want: "must hold diff.md and pr-number only"},
		{name: "no pr-number", c: commentCase{pulls: openPull, artifact: zipOf(t, member{"diff.md", []byte(diff)})},
			want: "must hold diff.md and pr-number only"},
		{name: "not a zip", c: commentCase{pulls: openPull, artifact: []byte("#!/bin/sh\ntouch pwned\n")},
			want: "not a zip file", files: []string{"pwned"}},
		{name: "too large to fetch", c: commentCase{pulls: openPull, artifact: good, size: 50 << 20},
			want: "more than 1048576"},
		{name: "run id that is not a number", c: commentCase{pulls: openPull, artifact: good, event: func() map[string]any {
			e := forkEvent()
			e["workflow_run"].(map[string]any)["id"] = "1; touch pwned"
			return e
		}()}, want: "no workflow run id", files: []string{"pwned"}},
	}
	for _, tt := range refused {
		t.Run("refused: "+tt.name, func(t *testing.T) {
			r := runComment(t, script, tt.c)
			if r.err == nil {
				t.Errorf("succeeded, want a failure saying %q\n%s", tt.want, r.out)
			}
			if !strings.Contains(r.out, tt.want) {
				t.Errorf("output does not say %q:\n%s", tt.want, r.out)
			}
			if r.called("api --method") || r.posted != "" {
				t.Errorf("posted; calls:\n%s", strings.Join(r.calls, "\n"))
			}
			assertNoFile(t, r.dir, tt.files...)
			if tt.name == "too large to fetch" && r.called("api repos/"+repo+"/actions/artifacts/") {
				t.Errorf("fetched an artifact whose listing is too large")
			}
		})
	}
}

func assertNoFile(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, n := range names {
		for _, d := range []string{dir, filepath.Join(dir, "runner-temp"), filepath.Join(dir, "runner-temp", "hwfplan-comment")} {
			if _, err := os.Stat(filepath.Join(d, n)); err == nil {
				t.Errorf("%s was created", filepath.Join(d, n))
			}
		}
	}
}
