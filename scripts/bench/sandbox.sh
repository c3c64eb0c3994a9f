#!/usr/bin/env bash
# Times what a new user runs to try infra without a cluster, with real upstream charts:
#   infra sandbox up && infra up --profile sandbox --chart-source DIR
# then `infra status --profile sandbox` (must exit 0) and a no-op rerun, on a sandbox of its own
# (its state in a temporary XDG_STATE_HOME), and writes the section "The sandbox with real
# charts" of docs/benchmarks.md (scripts/bench/report.py keeps it when it rewrites the rest).
#   scripts/bench/sandbox.sh [CHART_DIR]      (default: ../shared/upstream-charts)
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$home"
given=${1:-../shared/upstream-charts}
charts=$(cd "$given" && pwd)
bin=$(bash scripts/testbin.sh)
export INFRA_TESTBIN="$bin" INFRA_HELM="${INFRA_HELM:-$bin/helm}"
unset KUBECONFIG
work=$(mktemp -d)
export XDG_STATE_HOME="$work/state"
infra="$home/cli/infra"
trap '"$infra" sandbox down >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

timed() { # name command... -> prints "name seconds", the command's output in $work/name.log
  local name=$1 start
  shift
  start=$(date +%s.%N)
  "$@" > "$work/$name.log" 2>&1 || { cat "$work/$name.log" >&2; echo "$name failed" >&2; exit 1; }
  echo "$name $(echo "$(date +%s.%N) - $start" | bc)"
}

{
  timed sandbox_up "$infra" sandbox up
  timed up "$infra" up --profile sandbox --chart-source "$charts" --no-color
  timed status "$infra" status --profile sandbox --no-color
  timed rerun "$infra" up --profile sandbox --chart-source "$charts" --no-color
} > "$work/times"
summary=$(grep -E "^[0-9]+ components:" "$work/up.log" | tail -1)

python3 - "$work/times" "$summary" "$given" docs/benchmarks.md "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import sys
sys.path.insert(0, "scripts/bench")
import docsection
from datetime import datetime, timezone
times = dict(line.split() for line in open(sys.argv[1]))
t = {k: float(v) for k, v in times.items()}
heading = "## The sandbox with real charts"
section = f"""{heading}

Measured by `scripts/bench/sandbox.sh` on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, the way a new user tries infra
without a cluster: `infra sandbox up && infra up --profile sandbox --chart-source {sys.argv[3]}` with the
real upstream charts, on a fresh sandbox (binaries already built), operators played by its simulator; {sys.argv[5]} CPUs,
load average {sys.argv[6]} at the end (the machine is shared: times grow with it).

| step | seconds |
|---|---|
| `infra sandbox up` | {t['sandbox_up']:.1f} |
| `infra up --profile sandbox` ({sys.argv[2].split(':')[0]}) | {t['up']:.1f} |
| together | {t['sandbox_up'] + t['up']:.1f} |
| `infra status --profile sandbox` (exit 0: healthy) | {t['status']:.1f} |
| no-op rerun of `infra up` | {t['rerun']:.1f} |
"""
docsection.replace(sys.argv[4], heading, section)
PY
cat "$work/times"
