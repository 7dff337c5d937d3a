package workflowlint

import (
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
//   - in a workflow a pull request triggers, no job that holds a write
//     permission checks out code (it would run the pull request's code with it).
type Policy struct {
	actionlint.RuleBase
	lines       []string
	pullRequest bool   // the workflow runs on pull_request
	writer      string // the current job's write permission, "" when it has none
}

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
		case "pull_request":
			p.pullRequest = true
		}
	}
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

// writePermission names a write permission the job holds, or returns "".
func writePermission(perms *actionlint.Permissions) string {
	if perms == nil {
		return ""
	}
	if perms.All != nil && perms.All.Value == "write-all" {
		return "write-all"
	}
	var names []string
	for name, sc := range perms.Scopes {
		if sc.Value != nil && sc.Value.Value == "write" {
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
	if strings.HasPrefix(uses, "actions/checkout@") {
		if p.pullRequest && p.writer != "" {
			p.Errorf(exec.Uses.Pos, "a job with %s must not check out code in a pull request workflow: it would run the pull request's code with a write token; pass data from a read-only job as an artifact", p.writer)
		}
		in := exec.Inputs["persist-credentials"]
		if in == nil || in.Value == nil || in.Value.Value != "false" {
			p.Error(exec.Uses.Pos, `actions/checkout: set "persist-credentials: false" so the token is not left in .git/config for later steps`)
		}
	}
	return nil
}
