// Package workflowlint tests the repository's CI set-up from the outside: the
// scripts of the workflows and of the GitHub Action run against fake GitHub
// events and releases, Dependabot covers every module and lock file, and the
// workflows use hwfplan as documented. It has no code of its own.
//
// The workflows themselves are linted by actionlint plus hwfplan's hardening
// policy in tools/actionlint, a module of its own, so that actionlint is not a
// requirement of hwfplan: go run -C tools/actionlint . -root ../..
package workflowlint
