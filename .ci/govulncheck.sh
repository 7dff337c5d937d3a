#!/usr/bin/env bash
# Known vulnerabilities in the code paths hwfplan's programs use (govulncheck,
# pinned here for .ci/run and the pull request workflow alike).
# Exit 0: none; 3: vulnerabilities found; 77: the vulnerability database
# (vuln.go.dev) cannot be reached, so nothing was checked: skipped, not failed;
# anything else: an error. GOVULNCHECK names another binary (tests use it).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
version=v1.9.0
bin=${GOVULNCHECK:-}
if [ -z "$bin" ]; then
  gobin=$(mktemp -d) || exit 2
  trap 'rm -rf "$gobin"' EXIT
  # go install, not go run: go run turns every failure into exit status 1.
  GOBIN="$gobin" go install "golang.org/x/vuln/cmd/govulncheck@$version" || exit 2
  bin="$gobin/govulncheck"
fi
errors=$(mktemp) || exit 2
trap 'rm -rf "$errors" ${gobin:+"$gobin"}' EXIT
"$bin" ./... 2> "$errors"
rc=$?
cat "$errors" >&2
if [ "$rc" -eq 1 ] && grep -q '^govulncheck: fetching vulnerabilities' "$errors"; then
  echo "govulncheck: the vulnerability database cannot be reached: skipped" >&2
  exit 77
fi
exit "$rc"
