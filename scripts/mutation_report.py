"""Per-package mutation scores from PIT's mutations.xml, written as docs/quality.md.

Usage: mutation_report.py MUTATIONS_XML REPORT_MD THRESHOLD. Exits 1 when a package is below
THRESHOLD percent. PIT's own score counts a mutant as killed when a test failed, erred or
timed out on it, and as surviving when no test covers the mutated line, as here.
"""
import collections
import sys
import xml.etree.ElementTree as ET

DETECTED = {"KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR"}


def scores(path):
    per_package = collections.defaultdict(lambda: [0, 0])
    for mutation in ET.parse(path).getroot().iter("mutation"):
        package = mutation.findtext("mutatedClass").rsplit(".", 1)[0]
        per_package[package][1] += 1
        if mutation.get("status") in DETECTED:
            per_package[package][0] += 1
    return dict(sorted(per_package.items()))


def main(mutations, report, threshold):
    rows = scores(mutations)
    lines = ["# Test strength", "",
             "Mutation testing with PIT (`scripts/mutation.sh`, run by `.ci/run`): the share of",
             "mutants of each engine package that the tests without a cluster kill. CI fails",
             f"below {threshold:g}% in any package.", "",
             "| package | killed | mutants | score |", "|---|---|---|---|"]
    failing = []
    for package, (killed, total) in rows.items():
        score = 100.0 * killed / total if total else 100.0
        lines.append(f"| {package} | {killed} | {total} | {score:.0f}% |")
        print(f"mutation score {package}: {killed}/{total} = {score:.1f}%")
        if score < threshold:
            failing.append(f"{package} {score:.1f}%")
    with open(report, "w") as out:
        out.write("\n".join(lines) + "\n")
    if failing:
        print(f"mutation score below {threshold:g}%: " + ", ".join(failing), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]))
