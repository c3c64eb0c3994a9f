#!/usr/bin/env bash
# Packages the stand-ins of upstream charts (src/test/standins, test data) into OUTDIR as a
# chart source for `infra up --chart-source OUTDIR`: <chart>-<version>.tgz as `helm package`
# names them, and the stand-in files of the catalog's `urls` sources (Keycloak's manifests).
# Pods on kwok nodes are reported Ready and simulated operators act after a delay:
#   STANDIN_READY_AFTER        Go duration before a stand-in's pod is Ready (default 1s)
#   STANDIN_OPERATOR_DELAY_MS  milliseconds before a simulated operator sets conditions (default 2000)
# Needs helm on PATH (scripts/test.sh puts the test one there).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
src=$(cd "$(dirname "$0")/../src/test/standins" && pwd)
out=$1
ready_after=${STANDIN_READY_AFTER:-1s}
operator_delay=${STANDIN_OPERATOR_DELAY_MS:-2000}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for chart in "$src"/*/; do
  name=$(basename "$chart")
  [ -f "$chart/Chart.yaml" ] && [ "$name" != standin-lib ] || continue
  cp -R "$chart" "$work/$name"
  # the shared templates, as an undeclared subchart (no repository, no Chart.lock)
  mkdir -p "$work/$name/charts"
  cp -R "$src/standin-lib" "$work/$name/charts/"
  sed -i -e "s/^  readyAfter: .*/  readyAfter: $ready_after/" \
         -e "s/^  operatorDelayMilliseconds: .*/  operatorDelayMilliseconds: $operator_delay/" "$work/$name/values.yaml"
  helm package "$work/$name" --destination "$out" >/dev/null
done

for file in "$src"/keycloak-k8s-resources/*.yml; do
  sed -e "s/\${READY_AFTER}/$ready_after/g" -e "s/\${OPERATOR_DELAY_MS}/$operator_delay/g" "$file" > "$out/$(basename "$file")"
done
ls "$out"
