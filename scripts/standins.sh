#!/usr/bin/env bash
# Makes OUTDIR a chart source for the whole catalog, for `infra up --chart-source OUTDIR`: the
# real upstream charts of ../shared/upstream-charts (UPSTREAM_CHARTS), copied, with the charts
# they vendor packaged on their own (kube-prometheus-stack's prometheus-node-exporter is the one
# the catalog installs alone), and stand-ins (src/test/standins, test data) only for what that
# folder lacks: the cloud profiles' charts, the archived kubernetes-dashboard, promtail, and
# Keycloak's operator manifests (the catalog's `urls` source). Charts are <chart>-<version>.tgz,
# as `helm package` names them; a stand-in for a real chart is an error (tests install the real one).
# Pods of stand-ins on kwok nodes are reported Ready and simulated operators act after a delay:
#   STANDIN_READY_AFTER        Go duration before a stand-in's pod is Ready (default 1s)
#   STANDIN_OPERATOR_DELAY_MS  milliseconds before a stand-in's kwok Stage sets conditions (default 2000)
# Needs helm on PATH (scripts/test.sh puts the test one there).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
src=$(cd "$(dirname "$0")/../src/test/standins" && pwd)
upstream=${UPSTREAM_CHARTS:-$(dirname "$0")/../../shared/upstream-charts}
[ -d "$upstream" ] || { echo "no $upstream: the real charts the tests install (set UPSTREAM_CHARTS)" >&2; exit 1; }
out=$1
ready_after=${STANDIN_READY_AFTER:-1s}
operator_delay=${STANDIN_OPERATOR_DELAY_MS:-2000}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

chart_version() { sed -n 's/^version: *//p' "$1/Chart.yaml"; }

for file in "$upstream"/*.tgz; do
  install -m 644 "$file" "$out/"
  mkdir -p "$work/vendored/$(basename "$file")"
  tar -xzf "$file" -C "$work/vendored/$(basename "$file")"
done
for chart in "$work"/vendored/*/*/charts/*/; do
  name=$(basename "$chart")
  [ -f "$out/$name-$(chart_version "$chart").tgz" ] || helm package "$chart" --destination "$out" >/dev/null
done

for chart in "$src"/*/; do
  name=$(basename "$chart")
  [ -f "$chart/Chart.yaml" ] && [ "$name" != standin-lib ] || continue
  version=$(chart_version "$chart")
  if [ -f "$out/$name-$version.tgz" ]; then
    echo "src/test/standins/$name stands in for $name $version, a real chart of $upstream: remove the stand-in" >&2
    exit 1
  fi
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
