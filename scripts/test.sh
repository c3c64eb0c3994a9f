#!/usr/bin/env bash
# The project's one test command: builds (or reuses) the binaries of the local test cluster with
# scripts/testbin.sh, then runs every test with `mvn -B verify`, passing on its arguments
# (e.g. -Dtest='*Cluster*'). It says first which cluster the tests use and why (the rules are in
# src/test/java/dev/infra/testing/ClusterChoice.java), and last how many tests ran, were skipped
# and were not applicable to that cluster.
set -euo pipefail
cd "$(dirname "$0")/.."

java src/test/java/dev/infra/testing/ClusterChoice.java
INFRA_TESTBIN=$(bash scripts/testbin.sh)
# Tests run helm and kubectl from here, as a user's shell would find them on PATH.
export INFRA_TESTBIN PATH="$INFRA_TESTBIN:$PATH"
rm -rf target/surefire-reports
status=0
mvn -B verify "$@" || status=$?

# Surefire reports a disabled test as skipped; ClusterModeCondition's reason tells the kinds apart.
reports=(target/surefire-reports/TEST-*.xml)
if [[ -e "${reports[0]}" ]]; then
  count() { cat "${reports[@]}" | { grep -o "$1" || true; } | wc -l; }
  total=$(count '<testcase ')
  skipped=$(count '<skipped')
  inapplicable=$(count '<skipped message="not applicable on ')
  failed=$(( $(count '<failure') + $(count '<error') ))
  echo "tests: $((total - skipped)) ran ($failed failed), $((skipped - inapplicable)) skipped, $inapplicable not applicable to this cluster"
fi
exit "$status"
