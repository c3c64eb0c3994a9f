#!/usr/bin/env bash
# Start-up of the one-shot commands, each against its peer, in the same run on the same API server:
#   infra --version                                      vs  java -version (the java cli/infra runs)
#   infra secret get db-credentials --key POSTGRES_PASSWORD  vs  kubectl get secret -o jsonpath | base64 -d
# Each round runs the four commands in turn, so that the load of a shared machine weighs on all
# four alike; the ratios are of the medians of wall time. It prints the results in Markdown
# (scripts/bench/bench.sh puts them in its section "One-shot commands"); --docs writes them into
# that section of docs/benchmarks.md itself, --json FILE the times in hyperfine's JSON shape
# (results[].command, median, min, max, mean, stddev, times; plus cpu, each run's user + system s).
#
# The API server is $KUBECONFIG's (the secret is made when missing and removed afterwards), else
# a sandbox of its own. Needs a built jar (scripts/install.sh) and the test binaries (kubectl).
#   RUNS=20 scripts/bench/startup.sh [--docs] [--json FILE]
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$home"
json= docs=
while [[ $# -gt 0 ]]; do
  case $1 in
    --json) json=$2; shift 2 ;;
    --docs) docs=docs/benchmarks.md; shift ;;
    *) echo "usage: scripts/bench/startup.sh [--docs] [--json FILE]" >&2; exit 2 ;;
  esac
done
runs=${RUNS:-20}
infra="$home/cli/infra"
[[ -f target/infra.jar ]] || { echo "build first: scripts/install.sh" >&2; exit 1; }
bin=$(bash scripts/testbin.sh)
export PATH="$bin:$PATH" INFRA_TESTBIN="$bin"
work=$(mktemp -d)
own_sandbox= made_secret=
cleanup() {
  if [[ -n $made_secret ]]; then kubectl delete secret db-credentials -n apps >/dev/null 2>&1 || true; fi
  if [[ -n $own_sandbox ]]; then "$infra" sandbox down >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [[ -z ${KUBECONFIG:-} ]]; then
  export XDG_STATE_HOME="$work/state"
  own_sandbox=1
  "$infra" sandbox up >/dev/null
  KUBECONFIG=$("$infra" sandbox kubeconfig)
  export KUBECONFIG
fi
if ! kubectl get secret db-credentials -n apps >/dev/null 2>&1; then
  kubectl create namespace apps --dry-run=client -o yaml | kubectl apply -f - >/dev/null
  made_secret=1
  kubectl create secret generic db-credentials -n apps --from-literal=POSTGRES_PASSWORD=startup-bench >/dev/null
fi

# the java cli/infra runs, as it picks it
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
python3 - "$runs" "$json" "$(nproc)" "$("$java" -version 2>&1 | head -1)" "$docs" <<PY
import json, os, resource, statistics, subprocess, sys, time
sys.path.insert(0, "scripts/bench")
import docsection
from datetime import datetime, timezone
runs, json_path, cpus, java_version, out_md = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
commands = {
    "kubectl get secret | base64 -d":
        "kubectl get secret db-credentials -n apps -o jsonpath='{.data.POSTGRES_PASSWORD}' | base64 -d",
    "infra secret get --key": "$infra secret get db-credentials --key POSTGRES_PASSWORD",
    "java -version": "$java -version",
    "infra --version": "$infra --version",
}
wall = {name: [] for name in commands}
cpu = {name: [] for name in commands}
load = [os.getloadavg()[0]]
for round in range(runs + 2):  # the first two warm the page cache and are not counted
    for name, command in commands.items():
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if round >= 2:
            wall[name].append(seconds)
            cpu[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
load.append(os.getloadavg()[0])

median = {name: statistics.median(times) for name, times in wall.items()}
secret = median["infra secret get --key"] / median["kubectl get secret | base64 -d"]
version = median["infra --version"] / median["java -version"]
if json_path:
    results = [{"command": name, "median": median[name], "min": min(times), "max": max(times),
                "mean": statistics.mean(times), "stddev": statistics.stdev(times), "times": times, "cpu": cpu[name]}
               for name, times in wall.items()]
    with open(json_path, "w") as f:
        json.dump({"results": results, "load_average": load}, f, indent=2)

WHERE_THE_TIME_GOES = """Where the time goes (each thread's class-load log on a quiet machine, JDK 17 with the archive of
scripts/install.sh). \`infra --version\` is the JVM's start, opening the 18 MB jar and one line: a bare
version request skips picocli. \`infra secret get\`: the JVM and picocli's model of the root and
\`secret\` take the first 0.17 s. Then two threads run side by side. main reads the catalog (0.19 to
0.53 s: Jackson's and SnakeYAML's set-up, the YAML, binding it to records, resolving the profile), as
the namespace of a known secret depends on the profile and infra.yaml. The session thread reads the
kubeconfig through fabric8 (0.19 to 0.65 s); a tenth of a second of that is a scan that loads and
instantiates all 351 of fabric8's model classes (its kubeconfig model has a field read by its
KubernetesDeserializer, which registers every KubernetesResource on first use; fabric8 has no switch
for it), then the client key and the TLS set-up. The request needs both; its thread then does the
TLS handshake and the GET (0.67 to 0.88 s), during which the JDK loads its 144-certificate cacerts
once (sun.security.util.AnchorCertificates, to know whether the server's chain ends at a public CA),
although infra trusts only the cluster's CA. The process ends 0.05 s later. The CPU time is about
1.5 times the wall time: the C1 compiler takes about a third of it, competing with both threads for
the 2 CPUs. Gone this session: 0.3 s at exit (HotSpot waits up to 300 ms for threads in native code,
and JDK 17's HttpClient, which fabric8's close does not stop, left its selector thread in epoll;
closing a session now ends it) and fabric8's loading of the JDK's public roots beside the cluster's
CA. Gone before: picocli's model of all 16 subcommands, a PBKDF2 of 10,000 rounds to keep the client
key in an in-memory PKCS#12 store, the /version probe before the GET, 'did you mean' lists computed
for valid names. Tried and left: JDK 25's AOT cache (it loads every cached class at start, so
\`--version\` got slower and \`secret get\` no faster) and higher JIT thresholds. What is left to
try: an index of the bundled catalog built with the jar (infra.yaml would still be read), and a
native image (no GraalVM on the registries here).
"""


def verdict(ok):
    return "met" if ok else "**not met**"

lines = [f"Measured by \`scripts/bench/startup.sh\` on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC: {runs} rounds, each"
         f" running the four commands in turn against one API server (a local control plane); {cpus} CPUs, load average"
         f" {load[0]:.1f} before and {load[1]:.1f} after (a shared machine: times grow with the load, ratios much less);"
         f" {java_version}.", "",
         "| command | median s | min s | max s | median CPU s |", "|---|---|---|---|---|"]
for name in commands:
    cell = name.replace("|", "\\\\|")
    lines.append(f"| \`{cell}\` | {median[name]:.3f} | {min(wall[name]):.3f} | {max(wall[name]):.3f} |"
                 f" {statistics.median(cpu[name]):.3f} |")
lines += ["",
          f"- \`infra --version\` / \`java -version\`: **{version:.2f}x** (goal <= 4: {verdict(version <= 4)})",
          f"- \`infra secret get --key\` / \`kubectl\`: **{secret:.2f}x** (goal <= 8: {verdict(secret <= 8)})", "",
          WHERE_THE_TIME_GOES]
body = "\n".join(lines)
print(body)

if out_md:  # --docs: the body of the section "One-shot commands", which bench.sh's report would write
    heading = "## One-shot commands"
    section = f"{heading}\n\nFrom \`scripts/bench/startup.sh --docs\`, run on its own:\n\n{body}"
    docsection.replace(out_md, heading, section)
PY
