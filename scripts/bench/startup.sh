#!/usr/bin/env bash
# Start-up time of the CLI, measured against `java -version` in the same run so the numbers
# compare across machines. Needs hyperfine (apt-get install hyperfine) and a built jar
# (scripts/install.sh). Prints a Markdown table; the goal is `infra --version` under 0.4 s.
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
infra="$home/cli/infra"
runs=${RUNS:-20}
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install hyperfine" >&2; exit 1; }
[ -f "$home/target/infra.jar" ] || { echo "build first: scripts/install.sh" >&2; exit 1; }

json=$(mktemp)
trap 'rm -f "$json"' EXIT
hyperfine --runs "$runs" --warmup 3 --shell=none --export-json "$json" \
  --command-name "java -version" "java -version" \
  --command-name "infra --version" "$infra --version" \
  --command-name "infra plan --profile minikube" "$infra plan --profile minikube" >&2

python3 - "$json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
base = results[0]["median"]
print(f"| command | median s | min s | max s | x java -version |")
print(f"|---|---|---|---|---|")
for r in results:
    print(f"| `{r['command']}` | {r['median']:.3f} | {r['min']:.3f} | {r['max']:.3f} | {r['median'] / base:.2f} |")
PY
