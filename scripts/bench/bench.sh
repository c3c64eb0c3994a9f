#!/usr/bin/env bash
# The benchmark, in one command. Each round installs the `sandbox` profile on fresh local clusters
# (infra sandbox) from the chart source of scripts/standins.sh (the real charts of
# ../shared/upstream-charts; stand-ins only for what it lacks), with the same simulated delay (a kwok
# Stage makes every pod Ready READY_AFTER_MS after it starts; the simulated operators act at once), by
#   - `infra up`, then a no-op rerun of it (wall time and max RSS),
#   - `helmfile sync` of `infra export helmfile` (default concurrency, helmDefaults.wait: true),
#   - a serial script: `helm upgrade --install --wait` per component, in plan order,
#   - helm alone: `helm upgrade --install` per chart (hooks included) without --wait, timed: the helm
#     part of the lower bound (scripts/bench/bound.py has the rest, from the same settings).
# Once, on the cluster of round 1 after `infra up`, scripts/bench/startup.sh measures the one-shot
# commands (it prints a Markdown table, copied into the report as it is; the cluster's
# KUBECONFIG is exported and Secret apps/db-credentials has key POSTGRES_PASSWORD).
# Writes docs/benchmarks.md and docs/benchmarks.json (raw data).
#
# Needs what scripts/test.sh needs (Java, Maven, Go), plus hyperfine and python3 with PyYAML.
#   RUNS=3 READY_AFTER_MS=5000 scripts/bench/bench.sh
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$home"
runs=${RUNS:-3}
ready_after_ms=${READY_AFTER_MS:-5000}
upstream=$(cd "$home/../shared/upstream-charts" && pwd)
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install hyperfine" >&2; exit 1; }

bash scripts/install.sh >/dev/null
bin=$(bash scripts/testbin.sh)
helmfile=$(bash scripts/testbin.sh helmfile)/helmfile
export PATH="$bin:$PATH" INFRA_TESTBIN="$bin" INFRA_HELM="$bin/helm"
work=$(mktemp -d)
export XDG_STATE_HOME="$work/state"
infra="$home/cli/infra"
# the measurements stay in $work when the report was not written
trap '"$infra" sandbox down >/dev/null 2>&1 || true; [ -f "$work/reported" ] && rm -rf "$work" || echo "raw data kept in $work" >&2' EXIT
raw="$work/raw.jsonl"
: > "$raw"
record() { echo "$1" >> "$raw"; }
seconds_since() { python3 -c "import time,sys; print(round(time.time()-float(sys.argv[1]),3))" "$1"; }

STANDIN_READY_AFTER=${ready_after_ms}ms bash scripts/standins.sh "$work/charts" >/dev/null
record "{\"kind\": \"real-charts\", \"files\": $(cd "$upstream" && ls *.tgz | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read().split()))')}"

# Every pod becomes Ready ready_after_ms after it starts: kwok's own pod-ready Stage, delayed,
# weighing more than it (stand-ins' own Stages do the same for their pods, with the same delay).
python3 - "$bin/kwok-stages.yaml" "$ready_after_ms" > "$work/pod-ready-stage.yaml" <<'PY'
import sys, yaml
stage = next(d for d in yaml.safe_load_all(open(sys.argv[1])) if d and d["metadata"]["name"] == "pod-ready")
stage["metadata"]["name"] = "bench-pod-ready"
stage["spec"]["weight"] = 1
stage["spec"]["delay"] = {"durationMilliseconds": int(sys.argv[2])}
print(yaml.safe_dump(stage))
PY

fresh_cluster() {
  "$infra" sandbox down >/dev/null 2>&1 || true
  "$infra" sandbox up >/dev/null 2>&1
  KUBECONFIG=$("$infra" sandbox kubeconfig)
  export KUBECONFIG
  kubectl apply -f "$work/pod-ready-stage.yaml" >/dev/null
}

"$infra" plan --profile sandbox -o json > "$work/plan.json"
"$infra" export helmfile --profile sandbox --chart-source "$work/charts" --dir "$work/helmfile" 2> "$work/export-notes" >/dev/null
# the Secrets infra generates and helmfile expects to exist: NS/NAME
sed -n 's#^note: create Secret \([^ ]*\) .*#\1#p' "$work/export-notes" > "$work/required-secrets"

# `name chart values` per release of the export, in plan order: the same input for every helm run
python3 - "$work/helmfile/helmfile.yaml" > "$work/releases.txt" <<'PY'
import os, sys, yaml
base = os.path.dirname(sys.argv[1])
for r in yaml.safe_load(open(sys.argv[1]))["releases"]:
    chart = r["chart"] if os.path.isabs(r["chart"]) else os.path.join(base, r["chart"])
    values = os.path.join(base, r["values"][0]) if r.get("values") else "-"
    print(r["name"], r["namespace"], chart, values)
PY

copy_secrets() { # from the current cluster into $work/secrets.yaml, without what the server set
  local secret
  while IFS=/ read -r namespace secret; do
    kubectl get secret "$secret" -n "$namespace" -o json || echo "no Secret $namespace/$secret to copy" >&2
  done < "$work/required-secrets" | python3 -c '
import json, sys, yaml
decoder, text, docs = json.JSONDecoder(), sys.stdin.read(), []
while text.strip():
    doc, end = decoder.raw_decode(text.strip())
    text = text.strip()[end:]
    doc["metadata"] = {k: doc["metadata"][k] for k in ("name", "namespace")}
    docs.append(doc)
print(yaml.safe_dump_all(docs))' > "$work/secrets.yaml"
}

seed_secrets() { # not timed: the Secrets infra made, which the export leaves to the team
  kubectl apply -f "$work/namespaces.yaml" >/dev/null
  kubectl apply -f "$work/secrets.yaml" >/dev/null
}

# The namespaces of those Secrets, made ahead; one that a release renders (platform's) carries
# helm's ownership metadata for that release, so that helm adopts it rather than refusing it.
python3 - "$work/helmfile/helmfile.yaml" "$work/required-secrets" > "$work/namespaces.yaml" <<'PY'
import os, sys, yaml
base = os.path.dirname(sys.argv[1])
owner = {}
for r in yaml.safe_load(open(sys.argv[1]))["releases"]:
    template = os.path.join(base, r["chart"], "templates", "manifests.yaml")
    if not os.path.isfile(template):
        continue
    for d in yaml.safe_load_all(open(template)):
        if d and d.get("kind") == "Namespace":
            owner[d["metadata"]["name"]] = r
docs = []
for ns in sorted({line.split("/")[0] for line in open(sys.argv[2]) if line.strip()}):
    meta = {"name": ns}
    if ns in owner:
        meta["labels"] = {"app.kubernetes.io/managed-by": "Helm"}
        meta["annotations"] = {"meta.helm.sh/release-name": owner[ns]["name"],
                               "meta.helm.sh/release-namespace": owner[ns]["namespace"]}
    docs.append({"apiVersion": "v1", "kind": "Namespace", "metadata": meta})
print(yaml.safe_dump_all(docs))
PY

values_args() { [ "$1" = - ] || echo "-f $1"; }

helm_alone() { # run: helm's own time per release, its hooks included, without --wait
  local name namespace chart values start status
  while read -r name namespace chart values; do
    start=$(date +%s.%N) status=0
    # shellcheck disable=SC2046
    helm upgrade --install "$name" "$chart" -n "$namespace" --create-namespace $(values_args "$values") \
      >/dev/null || status=$?
    record "{\"run\": $1, \"kind\": \"helm-alone\", \"release\": \"$name\", \"seconds\": $(seconds_since "$start"), \"exit\": $status}"
    if [ "$1" = 1 ]; then # what each chart renders, hooks included, for the bound
      # shellcheck disable=SC2046
      helm template "$name" "$chart" -n "$namespace" $(values_args "$values") > "$work/rendered-$name.yaml"
    fi
  done < "$work/releases.txt"
}

serial() { # run: helm --wait, one release after another
  local name namespace chart values start status
  while read -r name namespace chart values; do
    start=$(date +%s.%N) status=0
    # shellcheck disable=SC2046
    helm upgrade --install "$name" "$chart" -n "$namespace" --create-namespace $(values_args "$values") \
      --wait --timeout 10m >/dev/null || status=$?
    record "{\"run\": $1, \"kind\": \"serial-step\", \"release\": \"$name\", \"seconds\": $(seconds_since "$start"), \"exit\": $status}"
  done < "$work/releases.txt"
}

timed() { # kind run command...: wall time and max RSS of the command, or its failure
  local kind=$1 run=$2 wall rss status=0
  shift 2
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" > "$work/$kind-$run.log" 2>&1 || status=$?
  read -r wall rss < <(tail -1 "$work/time")
  record "{\"run\": $run, \"kind\": \"$kind\", \"seconds\": $wall, \"max_rss_kb\": $rss, \"exit\": $status}"
  [ "$status" = 0 ] || { echo "$kind failed in round $run (exit $status):" >&2; tail -20 "$work/$kind-$run.log" >&2; }
}

for run in $(seq 1 "$runs"); do
  echo "round $run of $runs: infra up (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  fresh_cluster
  record "{\"run\": $run, \"kind\": \"load\", \"before\": \"infra-up\", \"loadavg\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}"
  timed infra-up "$run" "$infra" up --profile sandbox --chart-source "$work/charts" -o json
  timed infra-up-noop "$run" "$infra" up --profile sandbox --chart-source "$work/charts" -o json
  copy_secrets
  if [ "$run" = 1 ]; then
    echo "one-shot commands (scripts/bench/startup.sh)" >&2
    bash scripts/bench/startup.sh > "$work/startup.md" || echo "startup.sh failed" > "$work/startup.md"
  fi

  echo "round $run of $runs: helmfile sync" >&2
  fresh_cluster
  seed_secrets
  record "{\"run\": $run, \"kind\": \"load\", \"before\": \"helmfile\", \"loadavg\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}"
  timed helmfile "$run" "$helmfile" --helm-binary "$bin/helm" --file "$work/helmfile/helmfile.yaml" sync

  echo "round $run of $runs: serial helm --wait" >&2
  fresh_cluster
  seed_secrets
  record "{\"run\": $run, \"kind\": \"load\", \"before\": \"serial\", \"loadavg\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}"
  start=$(date +%s.%N)
  serial "$run"
  record "{\"run\": $run, \"kind\": \"serial\", \"seconds\": $(seconds_since "$start")}"

  echo "round $run of $runs: helm alone" >&2
  fresh_cluster
  helm_alone "$run"
done
"$infra" sandbox down >/dev/null 2>&1 || true

helmfile_source() { # what identifies the helmfile built: the module's hash in go.sum, and its commit if known
  local sum
  sum=$(grep -o "^github.com/helmfile/helmfile v[^/ ]* h1:[^ ]*" scripts/testbin/helmfile/go.sum)
  echo "module $sum; the proxy records no commit for it (its .info has no Origin)"
}

mkdir -p docs
python3 scripts/bench/report.py --raw "$raw" --plan "$work/plan.json" --rendered "$work" \
  --ready-after-ms "$ready_after_ms" \
  --startup "$work/startup.md" --helmfile-version "$("$helmfile" --version 2>&1 | head -1)" \
  --helmfile-source "$(helmfile_source)" \
  --md docs/benchmarks.md --json docs/benchmarks.json
touch "$work/reported"
echo "wrote docs/benchmarks.md and docs/benchmarks.json" >&2
