package workflowlint

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func shellcheck() string {
	p, _ := exec.LookPath("shellcheck")
	return p
}

// TestRepositoryWorkflows lints the real .github/workflows: any finding of
// actionlint or of the policy fails the test.
func TestRepositoryWorkflows(t *testing.T) {
	root := filepath.Join("..", "..", "..") // the repository, from tools/actionlint/workflowlint
	files, err := Files(root)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	for _, want := range []string{"pages.yml", "pr-comment.yml", "pr.yml", "release.yml"} {
		if !strings.Contains(strings.Join(names, " "), want) {
			t.Errorf("workflow %s is missing (found %v)", want, names)
		}
	}
	if shellcheck() == "" {
		t.Log("shellcheck is not installed: run: scripts are not checked")
	}
	errs, err := Lint(root, Options{Shellcheck: shellcheck()})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("%s", e)
	}
}

const good = `name: ok
on: [pull_request]
permissions: {}
concurrency:
  group: ${{ github.workflow }}-${{ github.ref }}
  cancel-in-progress: true
jobs:
  a:
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
        with:
          persist-credentials: false
      - run: echo hello
`

// publishing adds a job that deploys to Pages to the good workflow.
func publishing(s string) string {
	return s + `  b:
    needs: a
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    permissions:
      pages: write
    steps:
      - run: echo deploy
`
}

func TestPolicy(t *testing.T) {
	tests := []struct {
		name string
		edit func(string) string
		want string // "" means no finding; otherwise "line:col: message part"
	}{
		{name: "good", edit: func(s string) string { return s }},
		{name: "tag instead of SHA", edit: func(s string) string {
			return strings.Replace(s, "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2", "actions/checkout@v4", 1)
		}, want: `14:15: pin "actions/checkout@v4" to a full 40-character commit SHA`},
		{name: "short SHA", edit: func(s string) string {
			return strings.Replace(s, "11bd71901bbe5b1630ceea73d27597364c9af683", "11bd719", 1)
		}, want: "14:15: pin \"actions/checkout@11bd719\""},
		{name: "no version comment", edit: func(s string) string { return strings.Replace(s, " # v4.2.2", "", 1) }, want: "14:15: say which version"},
		{name: "token kept by checkout", edit: func(s string) string {
			return strings.Replace(s, "        with:\n          persist-credentials: false\n", "", 1)
		}, want: `14:15: actions/checkout: set "persist-credentials: false"`},
		{name: "pull_request_target", edit: func(s string) string {
			return strings.Replace(s, "on: [pull_request]", "on: [pull_request_target]", 1)
		}, want: "2:6: do not use pull_request_target"},
		{name: "no top-level permissions", edit: func(s string) string { return strings.Replace(s, "permissions: {}\n", "", 1) }, want: `1:1: set top-level "permissions: {}"`},
		{name: "no concurrency", edit: func(s string) string {
			return strings.Replace(s, "concurrency:\n  group: ${{ github.workflow }}-${{ github.ref }}\n  cancel-in-progress: true\n", "", 1)
		}, want: "1:1: set a top-level concurrency group"},
		{name: "job without permissions", edit: func(s string) string {
			return strings.Replace(s, "    permissions:\n      contents: read\n", "", 1)
		}, want: `8:3: job "a": set its permissions`},
		{name: "job without timeout", edit: func(s string) string { return strings.Replace(s, "    timeout-minutes: 5\n", "", 1) }, want: `8:3: job "a": set timeout-minutes`},
		{name: "checkout next to a write token", edit: func(s string) string {
			return strings.Replace(s, "      contents: read\n", "      contents: read\n      pull-requests: write\n", 1)
		}, want: "15:15: a job with pull-requests: write must not check out code in a pull request workflow"},
		{name: "write token without checkout is fine", edit: func(s string) string {
			s = strings.Replace(s, "      contents: read\n", "      pull-requests: write\n", 1)
			return strings.Replace(s, "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n        with:\n          persist-credentials: false\n", "", 1)
		}},
		{name: "checkout next to a write token after a pull request", edit: func(s string) string {
			s = strings.Replace(s, "on: [pull_request]", "on:\n  workflow_run:\n    workflows: [ci]\n    types: [completed]", 1)
			return strings.Replace(s, "      contents: read\n", "      contents: read\n      pull-requests: write\n", 1)
		}, want: "a job with pull-requests: write must not check out code in a workflow_run workflow"},
		{name: "workflow_run checks out the pull request's commit", edit: func(s string) string {
			s = strings.Replace(s, "on: [pull_request]", "on:\n  workflow_run:\n    workflows: [ci]\n    types: [completed]", 1)
			return strings.Replace(s, "          persist-credentials: false\n", "          persist-credentials: false\n          ref: ${{ github.event.workflow_run.head_sha }}\n", 1)
		}, want: "do not check out ${{ github.event.workflow_run.head_sha }} in a workflow_run workflow"},
		{name: "workflow_run that only reads and writes comments is fine", edit: func(s string) string {
			s = strings.Replace(s, "on: [pull_request]", "on:\n  workflow_run:\n    workflows: [ci]\n    types: [completed]", 1)
			s = strings.Replace(s, "      contents: read\n", "      actions: read\n      pull-requests: write\n", 1)
			return strings.Replace(s, "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n        with:\n          persist-credentials: false\n", "", 1)
		}},
		{name: "setup-go caches in a publishing workflow", edit: func(s string) string {
			return strings.Replace(publishing(s), "      - run: echo hello\n", "      - uses: actions/setup-go@b7ad1dad31e06c5925ef5d2fc7ad053ef454303e # v7.0.0\n        with:\n          go-version-file: go.mod\n      - run: echo hello\n", 1)
		}, want: `17:15: actions/setup-go: set "cache: false"; this workflow publishes (job b (pages: write))`},
		{name: "setup-go without a cache in a publishing workflow is fine", edit: func(s string) string {
			return strings.Replace(publishing(s), "      - run: echo hello\n", "      - uses: actions/setup-go@b7ad1dad31e06c5925ef5d2fc7ad053ef454303e # v7.0.0\n        with:\n          cache: false\n      - run: echo hello\n", 1)
		}},
		{name: "setup-go caches in a pull request workflow is fine", edit: func(s string) string {
			return strings.Replace(s, "      - run: echo hello\n", "      - uses: actions/setup-go@b7ad1dad31e06c5925ef5d2fc7ad053ef454303e # v7.0.0\n      - run: echo hello\n", 1)
		}},
		{name: "actions/cache in a releasing workflow", edit: func(s string) string {
			s = strings.Replace(s, "      contents: read\n", "      contents: write\n", 1)
			s = strings.Replace(s, "on: [pull_request]", "on:\n  push:\n    tags: [v*]", 1)
			return strings.Replace(s, "      - run: echo hello\n", "      - uses: actions/cache/restore@5a3ec84eff668545956fd18022155c47e93e2684 # v4.2.3\n        with:\n          path: x\n          key: k\n      - run: echo hello\n", 1)
		}, want: "do not use actions/cache/restore: this workflow publishes (job a (contents: write))"},
		{name: "setup-node caches npm in a publishing workflow", edit: func(s string) string {
			return strings.Replace(publishing(s), "      - run: echo hello\n", "      - uses: actions/setup-node@820762786026740c76f36085b0efc47a31fe5020 # v7.0.0\n        with:\n          package-manager-cache: false\n          cache: npm\n      - run: echo hello\n", 1)
		}, want: `actions/setup-node: remove "cache: npm"`},
		{name: "actionlint itself", edit: func(s string) string {
			return strings.Replace(s, "echo hello", "echo ${{ github.event.pull_request.title }}", 1)
		}, want: `"github.event.pull_request.title" is potentially untrusted`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, ".github", "workflows")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "w.yml"), []byte(tt.edit(good)), 0o644); err != nil {
				t.Fatal(err)
			}
			errs, err := Lint(root, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
			}
			all := strings.Join(got, "\n")
			if tt.want == "" {
				if len(got) > 0 {
					t.Errorf("findings on a good workflow:\n%s", all)
				}
				return
			}
			if !strings.Contains(all, tt.want) {
				t.Errorf("findings:\n%s\nwant one containing %q", all, tt.want)
			}
		})
	}
}

func TestLintWithoutWorkflows(t *testing.T) {
	if _, err := Lint(t.TempDir(), Options{}); err == nil || !strings.Contains(err.Error(), "no workflow files") {
		t.Errorf("Lint() error = %v, want one about no workflow files", err)
	}
}
