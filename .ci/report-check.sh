#!/usr/bin/env bash
# Every report in every language the plans repository has (English and one per
# schema/framework.<lang>.yaml) as its self-contained HTML, checked in Chromium
# like the site's pages: axe-core, the Nu HTML checker, links, phone width.
# Usage: .ci/report-check.sh OUT   (OUT is made by hwfplan report; it is replaced)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: .ci/report-check.sh OUT}
kinds=(as-is sustainability models skills stakeholders data progress)
langs=(en)
for f in schema/framework.*.yaml; do
  [ -e "$f" ] || continue
  l=${f#schema/framework.}
  langs+=("${l%.yaml}")
done
for l in "${langs[@]}"; do
  for k in "${kinds[@]}"; do
    if [ "$l" = en ]; then
      hwfplan report "$k" --out "$out/$l" >/dev/null
    else
      hwfplan report "$k" --lang "$l" --out "$out/$l" >/dev/null
    fi
  done
done
echo "reports: ${#kinds[@]} kinds in ${langs[*]}"
cd .ci/site-check
npm ci --no-audit --no-fund --loglevel=error
node check.mjs "$out"
