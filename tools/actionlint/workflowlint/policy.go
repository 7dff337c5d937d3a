package workflowlint

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/rhysd/actionlint"
)

// PolicyRule is the kind of the findings of Policy.
const PolicyRule = "hwfplan-policy"

var (
	pinnedRe  = regexp.MustCompile(`^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$`)
	versionRe = regexp.MustCompile(`#\s*v\d+(\.\d+)*\b`)
)

// Policy is the project's hardening policy for workflows, on top of actionlint:
//   - no pull_request_target trigger (it runs with a write token next to code
//     from forks);
//   - permissions set at the top and on every job (least privilege);
//   - a concurrency group at the top;
//   - a timeout-minutes on every job;
//   - every action pinned to a full 40-character commit SHA with its version in
//     a comment on the same line (uses: actions/checkout@<sha> # v4.2.2);
//   - actions/checkout with persist-credentials: false (no job pushes);
//   - in a workflow a pull request triggers (pull_request, or workflow_run,
//     which runs after one with a write token), no job that holds a write
//     permission checks out code (it would run the pull request's code with
//     it), and a workflow_run workflow never checks out the commit of the run
//     that triggered it;
//   - in a workflow that publishes (a job holds pages, contents, packages,
//     attestations or id-token: write), no build cache: an entry another run
//     wrote would end up in what is published.
type Policy struct {
	actionlint.RuleBase
	lines     []string
	trigger   string // "pull_request" or "workflow_run" when the workflow runs on one, else ""
	publisher string // a job of the workflow that publishes, and what it holds; "" if none
	writer    string // the current job's write permission, "" when it has none
}

// publishScopes are the permissions that publish: releases and pushes, Pages,
// packages, and the OIDC token that signs attestations and deploys.
var publishScopes = []string{"attestations", "contents", "id-token", "packages", "pages"}

// NewPolicy returns the policy rule for one workflow file's content (the version
// comments are read from the source lines, which actionlint's tree does not keep).
func NewPolicy(content []byte) *Policy {
	return &Policy{
		RuleBase: actionlint.NewRuleBase(PolicyRule, "hwfplan's hardening policy for workflows"),
		lines:    strings.Split(string(content), "\n"),
	}
}

var top = &actionlint.Pos{Line: 1, Col: 1}

// VisitWorkflowPre checks the triggers, permissions and concurrency.
func (p *Policy) VisitWorkflowPre(w *actionlint.Workflow) error {
	for _, e := range w.On {
		we, ok := e.(*actionlint.WebhookEvent)
		if !ok || we.Hook == nil {
			continue
		}
		switch we.Hook.Value {
		case "pull_request_target":
			p.Error(we.Pos, "do not use pull_request_target: it runs with a write token and secrets next to code from forks; use pull_request, and a separate job for writes")
		case "pull_request", "workflow_run":
			if p.trigger == "" {
				p.trigger = we.Hook.Value
			}
		}
	}
	p.publisher = publisher(w)
	if w.Permissions == nil {
		p.Error(top, `set top-level "permissions: {}" (or "contents: read") and grant more only to the jobs that need it`)
	}
	if w.Concurrency == nil {
		p.Error(top, "set a top-level concurrency group so a newer run replaces an older one")
	}
	return nil
}

// VisitJobPre checks each job's permissions and timeout.
func (p *Policy) VisitJobPre(j *actionlint.Job) error {
	if j.Permissions == nil {
		p.Errorf(j.Pos, "job %q: set its permissions (least privilege; \"contents: read\" for most jobs)", j.ID.Value)
	}
	if j.TimeoutMinutes == nil && j.WorkflowCall == nil {
		p.Errorf(j.Pos, "job %q: set timeout-minutes so a stuck job does not run for 6 hours", j.ID.Value)
	}
	p.writer = writePermission(j.Permissions)
	return nil
}

// publisher names a job of w that holds a publishing permission, with it
// ("deploy (pages: write)"), or returns "". The top-level permissions count for
// the jobs that set none.
func publisher(w *actionlint.Workflow) string {
	ids := make([]string, 0, len(w.Jobs))
	for id := range w.Jobs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		perms := w.Jobs[id].Permissions
		if perms == nil {
			perms = w.Permissions
		}
		if s := writeScopes(perms, publishScopes); s != "" {
			return fmt.Sprintf("%s (%s)", id, s)
		}
	}
	return ""
}

// writePermission names a write permission the job holds, or returns "".
func writePermission(perms *actionlint.Permissions) string {
	return writeScopes(perms, nil)
}

// writeScopes names the write permissions of perms among scopes (nil: any).
func writeScopes(perms *actionlint.Permissions, scopes []string) string {
	if perms == nil {
		return ""
	}
	if perms.All != nil && perms.All.Value == "write-all" {
		return "write-all"
	}
	var names []string
	for name, sc := range perms.Scopes {
		if sc.Value != nil && sc.Value.Value == "write" && (scopes == nil || slices.Contains(scopes, name)) {
			names = append(names, name+": write")
		}
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// VisitStep checks how each action is pinned and how checkout keeps its token.
func (p *Policy) VisitStep(s *actionlint.Step) error {
	exec, ok := s.Exec.(*actionlint.ExecAction)
	if !ok || exec.Uses == nil {
		return nil
	}
	uses := exec.Uses.Value
	if strings.HasPrefix(uses, "./") || strings.HasPrefix(uses, "docker://") {
		return nil
	}
	if !pinnedRe.MatchString(uses) {
		p.Errorf(exec.Uses.Pos, "pin %q to a full 40-character commit SHA, with the version in a comment (uses: owner/repo@<sha> # vX.Y.Z)", uses)
		return nil
	}
	if l := exec.Uses.Pos.Line; l < 1 || l > len(p.lines) || !versionRe.MatchString(p.lines[l-1]) {
		p.Errorf(exec.Uses.Pos, "say which version %q is in a comment on the same line (# vX.Y.Z), so updates can be reviewed", uses)
	}
	if p.publisher != "" {
		p.checkCache(exec, uses)
	}
	if strings.HasPrefix(uses, "actions/checkout@") {
		if p.trigger != "" && p.writer != "" {
			kind := "pull request"
			if p.trigger == "workflow_run" {
				kind = "workflow_run"
			}
			p.Errorf(exec.Uses.Pos, "a job with %s must not check out code in a %s workflow: it would run the pull request's code with a write token; pass data from a read-only job as an artifact", p.writer, kind)
		}
		if ref := exec.Inputs["ref"]; p.trigger == "workflow_run" && ref != nil && ref.Value != nil && strings.Contains(ref.Value.Value, "workflow_run") {
			p.Errorf(ref.Value.Pos, "do not check out %s in a workflow_run workflow: that is the pull request's code, run next to this workflow's token; read its artifact as data instead", ref.Value.Value)
		}
		in := exec.Inputs["persist-credentials"]
		if in == nil || in.Value == nil || in.Value.Value != "false" {
			p.Error(exec.Uses.Pos, `actions/checkout: set "persist-credentials: false" so the token is not left in .git/config for later steps`)
		}
	}
	return nil
}

// checkCache refuses build caches in a workflow that publishes.
func (p *Policy) checkCache(exec *actionlint.ExecAction, uses string) {
	name, _, _ := strings.Cut(uses, "@")
	input := func(key string) (string, bool) {
		in := exec.Inputs[key]
		if in == nil || in.Value == nil {
			return "", false
		}
		return in.Value.Value, true
	}
	why := fmt.Sprintf("this workflow publishes (job %s), so it must not use a build cache: an entry another run wrote would end up in what is published", p.publisher)
	switch {
	case name == "actions/cache" || strings.HasPrefix(name, "actions/cache/"):
		p.Errorf(exec.Uses.Pos, "do not use %s: %s", name, why)
	case name == "actions/setup-go":
		// setup-go caches unless told not to.
		if v, _ := input("cache"); v != "false" {
			p.Errorf(exec.Uses.Pos, `actions/setup-go: set "cache: false"; %s`, why)
		}
	case name == "actions/setup-node":
		// setup-node caches npm by itself when package.json names a package manager.
		if v, _ := input("package-manager-cache"); v != "false" {
			p.Errorf(exec.Uses.Pos, `actions/setup-node: set "package-manager-cache: false"; %s`, why)
		}
		fallthrough
	default:
		if v, ok := input("cache"); ok && v != "" && v != "false" {
			p.Errorf(exec.Uses.Pos, `%s: remove "cache: %s"; %s`, name, v, why)
		}
	}
}
