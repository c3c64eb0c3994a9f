#!/usr/bin/env bash
# The benchmark, in one command: on fresh local clusters (infra sandbox) with the chart source of
# scripts/standins.sh (the real charts of ../shared/upstream-charts, and stand-ins for the rest
# whose pods become ready READY_AFTER after they start), it measures side by side
#   - `infra up` of the whole sandbox profile,
#   - a serial script doing what the seeds do: `helm upgrade --install --wait`, one component
#     after another, in the same order with the same values,
#   - the critical-path bound: the longest chain of needs, each step weighted by what it took
#     in the serial run (readiness delay plus helm's own time),
#   - a no-op rerun of `infra up`, and its peak memory (max RSS),
#   - `infra secret get X --key K` against `kubectl get secret -o jsonpath | base64 -d`, and
#     `infra --version` against `java -version` (hyperfine).
# It writes docs/benchmarks.md (medians, min, max, ratios) and docs/benchmarks.json (raw data).
#
# Needs what scripts/test.sh needs (Java, Maven, Go), plus hyperfine and python3.
#   RUNS=3 READY_AFTER=5s scripts/bench/bench.sh
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$home"
runs=${RUNS:-3}
ready_after=${READY_AFTER:-5s}
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install hyperfine" >&2; exit 1; }

bash scripts/install.sh >/dev/null
bin=$(bash scripts/testbin.sh)
export PATH="$bin:$PATH" INFRA_TESTBIN="$bin" INFRA_HELM="$bin/helm"
work=$(mktemp -d)
export XDG_STATE_HOME="$work/state"
infra="$home/cli/infra"
trap '"$infra" sandbox down >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

STANDIN_READY_AFTER=$ready_after bash scripts/standins.sh "$work/charts" >/dev/null
raw="$work/raw.jsonl"
: > "$raw"
record() { echo "$1" >> "$raw"; }

fresh_cluster() {
  "$infra" sandbox down >/dev/null 2>&1 || true
  "$infra" sandbox up >/dev/null 2>&1
  KUBECONFIG=$("$infra" sandbox kubeconfig)
  export KUBECONFIG
}

seconds_since() { python3 -c "import time,sys; print(round(time.time()-float(sys.argv[1]),3))" "$1"; }

# `name type chart-or-path version release namespace` per step, in plan order
"$infra" plan --profile sandbox -o json > "$work/plan.json"
python3 - "$work/plan.json" > "$work/steps.txt" <<'PY'
import json, sys
for s in json.load(open(sys.argv[1]))["steps"]:
    src = s["source"]
    where = src["ref"] if src["type"] in ("local-chart", "manifests", "urls") else src["chart"]
    print(s["component"], src["type"], where.split()[0], src["version"] or "-", s["release"] or "-", s["namespace"])
PY

serial() {
  local run=$1 name type chart version release namespace start
  while read -r name type chart version release namespace; do
    start=$(date +%s.%N)
    case $type in
      helm-repo|oci)
        "$infra" values "$name" --profile sandbox > "$work/values.yaml"
        helm upgrade --install "$release" "$work/charts/$chart-$version.tgz" -n "$namespace" --create-namespace \
          -f "$work/values.yaml" --wait --timeout 10m >/dev/null ;;
      local-chart)
        "$infra" values "$name" --profile sandbox > "$work/values.yaml"
        helm upgrade --install "$release" "$chart" -n "$namespace" --create-namespace \
          -f "$work/values.yaml" --wait --timeout 10m >/dev/null ;;
      *) # plain manifests have no helm; infra applies them and waits, as kubectl apply + wait would
        "$infra" up --profile sandbox --chart-source "$work/charts" --only "$name" >/dev/null ;;
    esac
    record "{\"run\": $run, \"kind\": \"serial-step\", \"component\": \"$name\", \"type\": \"$type\", \"seconds\": $(seconds_since "$start")}"
  done < "$work/steps.txt"
}

for run in $(seq 1 "$runs"); do
  echo "run $run of $runs: infra up" >&2
  fresh_cluster
  /usr/bin/time -f '%e %M' -o "$work/time" "$infra" up --profile sandbox --chart-source "$work/charts" -o json > "$work/up.jsonl"
  read -r wall rss < "$work/time"
  record "{\"run\": $run, \"kind\": \"infra-up\", \"seconds\": $wall, \"max_rss_kb\": $rss}"
  /usr/bin/time -f '%e %M' -o "$work/time" "$infra" up --profile sandbox --chart-source "$work/charts" -o json > /dev/null
  read -r wall rss < "$work/time"
  record "{\"run\": $run, \"kind\": \"infra-up-noop\", \"seconds\": $wall, \"max_rss_kb\": $rss}"

  if [ "$run" = 1 ]; then
    echo "one-shot commands" >&2
    hyperfine --runs 20 --warmup 3 --export-json "$work/hyperfine.json" \
      --command-name "kubectl get secret | base64 -d" \
      "kubectl get secret db-credentials -n apps -o jsonpath='{.data.POSTGRES_PASSWORD}' | base64 -d" \
      --command-name "infra secret get --key" "$infra secret get db-credentials --key POSTGRES_PASSWORD" \
      --command-name "java -version" "java -version" \
      --command-name "infra --version" "$infra --version" >&2
  fi

  echo "run $run of $runs: serial helm --wait" >&2
  fresh_cluster
  start=$(date +%s.%N)
  serial "$run"
  record "{\"run\": $run, \"kind\": \"serial\", \"seconds\": $(seconds_since "$start")}"
done
"$infra" sandbox down >/dev/null 2>&1 || true

mkdir -p docs
python3 scripts/bench/report.py "$raw" "$work/hyperfine.json" "$work/plan.json" "$ready_after" docs/benchmarks.md docs/benchmarks.json
echo "wrote docs/benchmarks.md and docs/benchmarks.json" >&2
