#!/usr/bin/env bash
# The project's one test command: builds (or reuses) the binaries of the local test cluster with
# scripts/testbin.sh, then runs every test with `mvn -B verify`, passing on its arguments
# (e.g. -Dtest='*Cluster*'). It says first which cluster the tests use and why (the rules are in
# src/test/java/dev/infra/testing/ClusterChoice.java), and last how many tests ran, were skipped
# and were not applicable to that cluster, for helm 4 (every test) and helm 3 (a second pass of
# the tests marked @AlsoWithHelm3).
set -euo pipefail
cd "$(dirname "$0")/.."

java src/test/java/dev/infra/testing/ClusterChoice.java
INFRA_TESTBIN=$(bash scripts/testbin.sh)
# helmfile reads the export of `infra export helmfile` in its test (built on its own: see testbin.sh)
INFRA_HELMFILE=$(bash scripts/testbin.sh helmfile)/helmfile
# Tests run helm and kubectl from here, as a user's shell would find them on PATH.
export INFRA_TESTBIN INFRA_HELMFILE PATH="$INFRA_TESTBIN:$PATH"
rm -rf target/surefire-reports target/surefire-reports-helm3
status=0
mvn -B verify "$@" || status=$?

summary() { # surefire reports directory, the helm those tests ran
  local reports=("$1"/TEST-*.xml)
  [[ -e "${reports[0]}" ]] || return 0
  count() { cat "${reports[@]}" | { grep -o "$1" || true; } | wc -l; }
  local total skipped inapplicable failed
  total=$(count '<testcase ')
  skipped=$(count '<skipped')
  # Surefire reports a disabled test as skipped; ClusterModeCondition's reason tells the kinds apart.
  inapplicable=$(count '<skipped message="not applicable on ')
  failed=$(( $(count '<failure') + $(count '<error') ))
  echo "tests with helm $("$2" version --short): $((total - skipped)) ran ($failed failed)," \
    "$((skipped - inapplicable)) skipped, $inapplicable not applicable to this cluster"
}
# the second pass is the pom's surefire execution helm3 (the tests marked @AlsoWithHelm3)
summary target/surefire-reports "$INFRA_TESTBIN/helm"
summary target/surefire-reports-helm3 "$INFRA_TESTBIN/helm3"
exit "$status"
