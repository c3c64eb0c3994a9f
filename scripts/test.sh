#!/usr/bin/env bash
# The project's one test command: builds (or reuses) the binaries of the local test cluster with
# scripts/testbin.sh, then runs every test with `mvn -B verify`, passing on its arguments
# (e.g. -Dtest='*Cluster*'). Cluster tests pick their cluster as dev.infra.testing.ClusterStartup
# says: INFRA_TEST_KUBECONFIG if set, else k3s when Docker is there, else the local control plane.
set -euo pipefail
cd "$(dirname "$0")/.."

INFRA_TESTBIN=$(bash scripts/testbin.sh)
# Tests run helm and kubectl from here, as a user's shell would find them on PATH.
export INFRA_TESTBIN PATH="$INFRA_TESTBIN:$PATH"
exec mvn -B verify "$@"
