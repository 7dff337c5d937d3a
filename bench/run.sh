#!/usr/bin/env bash
# bench/run.sh: time whole hwfplan commands side by side with what a user would run
# otherwise, on generated plans repositories, and print medians, ratios and peak RSS.
#
#   bench/run.sh            all sizes (19, 100, 500 countries) and the 10,000-commit history
#   bench/run.sh -quick     19 and 100 countries, fewer runs
#   HWFPLAN_BENCH_ONLY='^(validate|diff)' bench/run.sh    only the rows whose name matches
#   HWFPLAN_BIN=/path/to/hwfplan bench/run.sh            time that binary (hwfplan-site next to it) instead of building one
#
# Needs: go, git, hyperfine, GNU time (/usr/bin/time), jq, node and npm
# (apt-get install -y hyperfine time jq nodejs npm). Builds hwfplan, installs Hugo
# v0.165.0 from the Go module proxy and ajv-cli from bench/package-lock.json.
# Work files go to $HWFPLAN_BENCH_DIR (default /tmp/hwfplan-bench); the generated
# repositories are shared with the Go benchmarks (internal/benchgen/benchfix).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${HWFPLAN_BENCH_DIR:-/tmp/hwfplan-bench}
TMP=${TMPDIR:-/tmp}
SIZES=(19 100 500)
RUNS=10
BIG_RUNS=3
if [[ ${1:-} == -quick ]]; then
	SIZES=(19 100)
	RUNS=5
	BIG_RUNS=2
fi
HUGO_VERSION=v0.165.0
ONLY=${HWFPLAN_BENCH_ONLY:-}
mkdir -p "$WORK/bin" "$WORK/results"
RESULTS="$WORK/results"
: >"$RESULTS/rows.tsv"

say() { printf '== %s\n' "$*" >&2; }

for tool in go git hyperfine jq node npm; do
	command -v "$tool" >/dev/null || { echo "bench/run.sh: $tool is missing (apt-get install -y hyperfine time jq nodejs npm)" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "bench/run.sh: /usr/bin/time is missing (apt-get install -y time)" >&2; exit 2; }

HWFPLAN=${HWFPLAN_BIN:-$WORK/bin/hwfplan}
if [[ -z ${HWFPLAN_BIN:-} ]]; then
	say "building hwfplan"
	# hwfplan and, next to it, hwfplan-site (which build runs)
	(cd "$ROOT" && go build -o "$WORK/bin/" ./cmd/...)
fi
HUGO="$WORK/bin/hugo"
install_hugo() {
	if [[ ! -x $HUGO ]] || ! "$HUGO" version | grep -q "${HUGO_VERSION#v}"; then
		say "installing hugo $HUGO_VERSION from the Go module proxy (a long compile the first time)"
		(cd "$WORK" && CGO_ENABLED=0 GOBIN="$WORK/bin" go install "github.com/gohugoio/hugo@$HUGO_VERSION")
	fi
}
if [[ ! -x "$ROOT/bench/node_modules/.bin/ajv" ]]; then
	say "installing ajv-cli (npm ci)"
	(cd "$ROOT/bench" && npm ci --no-audit --no-fund >&2)
fi
AJV="$ROOT/bench/node_modules/.bin/ajv"

# fixture N K: the generated repository of N countries and K commits (the same
# folder the Go benchmarks use, so each is generated once per machine).
fixture() {
	local dir="$TMP/hwfplan-benchgen-v1-n$1-k$2-s1"
	if [[ ! -e "$dir/.git/hwfplan-benchgen-done" ]]; then
		say "generating $1 countries, $2 commits"
		rm -rf "$dir"
		(cd "$ROOT" && go run ./internal/benchgen/cmd/benchgen -countries "$1" -commits "$2" -seed 1 -out "$dir")
		touch "$dir/.git/hwfplan-benchgen-done"
	fi
	echo "$dir"
}

# rss DIR CMD...: peak resident set size of one run, in MiB.
rss() {
	local dir=$1
	shift
	(cd "$dir" && /usr/bin/time -f '%M' -o "$RESULTS/rss.txt" "$@" >/dev/null 2>&1) || true
	awk '{printf "%.0f", $1/1024}' "$RESULTS/rss.txt"
}

# compare NAME DIR RUNS OURS THEIRS: hyperfine both commands (THEIRS may be empty),
# then add a row: name, our median, our CPU (user+sys mean), our RSS, their median,
# their CPU, their RSS (times in ms, RSS in MiB).
compare() {
	local name=$1 dir=$2 runs=$3 ours=$4 theirs=${5:-}
	local json="$RESULTS/$name.json"
	[[ -n $ONLY && ! $name =~ $ONLY ]] && return 0
	say "$name"
	local cmds=("$ours")
	[[ -n $theirs ]] && cmds+=("$theirs")
	local warmup=1
	[[ $runs -le $BIG_RUNS ]] && warmup=0
	(cd "$dir" && hyperfine --style basic --warmup "$warmup" --runs "$runs" --export-json "$json" "${cmds[@]}" >&2)
	local om oc orss tm="" tc="" trss=""
	om=$(jq '.results[0].median * 1000' "$json")
	oc=$(jq '(.results[0].user + .results[0].system) * 1000' "$json")
	orss=$(rss "$dir" bash -c "$ours")
	if [[ -n $theirs ]]; then
		tm=$(jq '.results[1].median * 1000' "$json")
		tc=$(jq '(.results[1].user + .results[1].system) * 1000' "$json")
		trss=$(rss "$dir" bash -c "$theirs")
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$om" "$oc" "$orss" "$tm" "$tc" "$trss" >>"$RESULTS/rows.tsv"
}

# ajv over every plan file kind, as a user would run it (one ajv call per schema).
ajv_all() {
	local a="$AJV validate --spec=draft2020 --strict=false -c ajv-formats"
	local s=""
	for kind in country as-is to-be to-do action-plan; do
		s+="$a -s schema/$kind.schema.json -d 'countries/*/$kind.yaml' >/dev/null && "
	done
	echo "$s$a -s schema/cluster.schema.json -d 'clusters/*.yaml' >/dev/null"
}

have_build=false
"$HWFPLAN" build --help >/dev/null 2>&1 && have_build=true
have_diff=false
"$HWFPLAN" diff --help >/dev/null 2>&1 && have_diff=true
have_history=false
"$HWFPLAN" history --help >/dev/null 2>&1 && have_history=true

for n in "${SIZES[@]}"; do
	dir=$(fixture "$n" 101)
	runs=$RUNS
	[[ $n -ge 500 ]] && runs=$BIG_RUNS
	compare "validate-$n" "$dir" "$runs" "$HWFPLAN validate" "$(ajv_all)"
	if $have_build && [[ -z $ONLY || build-$n =~ $ONLY ]]; then
		install_hugo
		proj="$WORK/hugo-project-$n"
		rm -rf "$proj"
		(cd "$ROOT" && HWFPLAN_HUGO_PROJECT="$proj" HWFPLAN_HUGO_PLANS="$dir" go test -count=1 -run '^TestWriteHugoProject$' ./internal/site >/dev/null)
		compare "build-$n" "$dir" "$runs" "$HWFPLAN build --out $WORK/site-$n" \
			"HUGO_PARAMS_REPOURL=https://github.com/hwfplan/hwfplan HUGO_PARAMS_REPOBRANCH=main $HUGO --quiet --source $proj --destination $WORK/hugo-public-$n --environment production --baseURL /"
	fi
	if $have_diff; then
		compare "diff-$n" "$dir" "$runs" "$HWFPLAN diff HEAD~100 HEAD" "git diff --stat HEAD~100 HEAD"
	fi
done

if $have_history; then
	dir=$(fixture 19 10000)
	# HU has a typical share of the commits (376); IT, the busiest (3,554), takes
	# minutes per run: internal/planhistory's benchmark measures it.
	compare "history-HU-10000" "$dir" "$BIG_RUNS" "$HWFPLAN history HU" "git log --format=%H -- countries/HU"
	dir=$(fixture 500 10000)
	compare "history-HU-500x10000" "$dir" "$BIG_RUNS" "$HWFPLAN history HU" "git log --format=%H -- countries/HU"
fi

# The shipped HEROES plans (smaller than the generated ones; ajv-cli cannot read
# their unquoted dates) and the process start on its own.
compare "start-version" "$ROOT" "$RUNS" "$HWFPLAN version" ""
compare "validate-heroes-19" "$ROOT" "$RUNS" "$HWFPLAN validate" ""

# The table, then the slope of each command over the sizes (least squares on CPU
# time, which other load on the machine moves less than wall time: ms per country)
# and how much more 500 countries cost than 19 (26.3x the countries).
{
	echo
	echo "| command | hwfplan median (ms) | hwfplan CPU (ms) | hwfplan RSS (MiB) | other median (ms) | other CPU (ms) | other RSS (MiB) | ratio wall (CPU) |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|"
	awk -F'\t' '{ if ($5 == "") printf "| %s | %.0f | %.0f | %s | - | - | - | - |\n", $1, $2, $3, $4;
		else printf "| %s | %.0f | %.0f | %s | %.0f | %.0f | %s | %.2f (%.2f) |\n", $1, $2, $3, $4, $5, $6, $7, $2/$5, $3/$6 }' "$RESULTS/rows.tsv"
	echo
	echo "| command | ms CPU per country (slope) | intercept (ms) | CPU 500 / CPU 19 |"
	echo "|---|---:|---:|---:|"
	awk -F'\t' '{n = $1; sub(/.*-/, "", n); k = $1; sub(/-[^-]*$/, "", k); if (n ~ /^(19|100|500)$/) {c[k]++; sx[k] += n; sy[k] += $3; sxx[k] += n*n; sxy[k] += n*$3; if (n == 19) a[k] = $3; if (n == 500) z[k] = $3}}
		END {for (k in c) if (c[k] >= 2) {s = (c[k]*sxy[k] - sx[k]*sy[k]) / (c[k]*sxx[k] - sx[k]*sx[k]); i = (sy[k] - s*sx[k]) / c[k]; printf "| %s | %.2f | %.0f | %s |\n", k, s, i, ((k in a) && (k in z) ? sprintf("%.1fx", z[k]/a[k]) : "-")}}' "$RESULTS/rows.tsv"
	echo
	echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GiB, $(go version | cut -d' ' -f3), load average $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$RESULTS/summary.md"
