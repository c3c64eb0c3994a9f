#!/usr/bin/env bash
# Mutation testing of the engine's decisions: PIT mutates run/, readiness/, plan/ and catalog/
# (configured in pom.xml) and runs the tests that need no cluster against each mutant. Writes
# the score per package to docs/quality.md and fails when a package kills fewer than
# MUTATION_THRESHOLD percent (default 80) of its mutants. Takes several minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

threshold=${MUTATION_THRESHOLD:-80}
# some tests without a cluster run helm (ValuesFileTest): the binaries scripts/test.sh uses, or PIT
# finds a red suite and measures nothing
INFRA_TESTBIN=$(bash scripts/testbin.sh)
export INFRA_TESTBIN PATH="$INFRA_TESTBIN:$PATH"
mvn -B -q test-compile org.pitest:pitest-maven:mutationCoverage "$@"
python3 scripts/mutation_report.py target/pit-reports/mutations.xml docs/quality.md "$threshold"
