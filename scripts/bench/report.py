"""Turns the raw measurements of scripts/bench/bench.sh into docs/benchmarks.md and .json.

usage: report.py RAW_JSONL HYPERFINE_JSON PLAN_JSON READY_AFTER OUT_MD OUT_JSON
"""
import json
import os
import platform
import statistics
import subprocess
import sys
from datetime import datetime, timezone


def load(raw_path):
    with open(raw_path) as f:
        return [json.loads(line) for line in f if line.strip()]


def spread(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


SANDBOX_SECTION = "## The sandbox with real charts"


def kept_section(path):
    """The section scripts/bench/sandbox.sh writes: this report does not measure it, so it stays as it was."""
    try:
        text = open(path).read()
    except FileNotFoundError:
        return []
    if SANDBOX_SECTION not in text:
        return []
    section = text[text.index(SANDBOX_SECTION):]
    end = section.find("\n## ", 1)
    return (section if end < 0 else section[:end]).rstrip("\n").split("\n") + [""]


def critical_path(plan, step_seconds):
    """Longest chain of needs, each step weighted by what it took in the serial run."""
    finish = {}
    for step in plan["steps"]:  # plan order puts needs first
        before = max((finish[n] for n in step["needs"] if n in finish), default=0.0)
        finish[step["component"]] = before + step_seconds.get(step["component"], 0.0)
    return max(finish.values())


def version(command):
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=20)
        return (out.stdout + out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "unknown"


def main(raw_path, hyperfine_path, plan_path, ready_after, out_md, out_json):
    rows = load(raw_path)
    plan = json.load(open(plan_path))
    hyperfine = {r["command"]: r for r in json.load(open(hyperfine_path))["results"]}
    runs = sorted({r["run"] for r in rows})

    up = [r["seconds"] for r in rows if r["kind"] == "infra-up"]
    noop = [r["seconds"] for r in rows if r["kind"] == "infra-up-noop"]
    rss_mb = [r["max_rss_kb"] / 1024 for r in rows if r["kind"] == "infra-up"]
    serial = [r["seconds"] for r in rows if r["kind"] == "serial"]
    # manifests steps of the serial script run infra itself; its start-up is not part of the work
    startup = hyperfine["infra --version"]["median"]
    bound = []
    for run in runs:
        steps = {r["component"]: r["seconds"] - (startup if r["type"] in ("manifests", "urls") else 0)
                 for r in rows if r["kind"] == "serial-step" and r["run"] == run}
        bound.append(critical_path(plan, steps))
    per_run = [{"run": run, "infra_up": up[i], "bound": bound[i], "serial": serial[i],
                "up_over_bound": up[i] / bound[i], "serial_over_up": serial[i] / up[i]} for i, run in enumerate(runs)]

    secret = hyperfine["infra secret get --key"]["median"] / hyperfine["kubectl get secret | base64 -d"]["median"]
    start = hyperfine["infra --version"]["median"] / hyperfine["java -version"]["median"]
    up_over_bound = spread([r["up_over_bound"] for r in per_run])
    serial_over_up = spread([r["serial_over_up"] for r in per_run])

    machine = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "os": platform.platform(),
        "java": version(["java", "-version"]),
        "helm": version(["helm", "version", "--short"]),
        "kubernetes": version(["kubectl", "version", "--client"]),
        "components": len(plan["steps"]),
        "ready_after": ready_after,
    }
    result = {"machine": machine, "runs": per_run,
              "infra_up_seconds": spread(up), "noop_rerun_seconds": spread(noop), "serial_seconds": spread(serial),
              "bound_seconds": spread(bound), "up_over_bound": up_over_bound, "serial_over_up": serial_over_up,
              "max_rss_mb": spread(rss_mb), "secret_get_over_kubectl": secret, "version_over_java": start,
              "hyperfine": {k: {m: v[m] for m in ("median", "min", "max", "mean", "stddev")} for k, v in hyperfine.items()},
              "raw": rows}
    with open(out_json, "w") as f:
        json.dump(result, f, indent=2)

    def row(name, s, goal=""):
        return f"| {name} | {s['median']:.2f} | {s['min']:.2f} | {s['max']:.2f} | {goal} |"

    def verdict(ok):
        return "met" if ok else "**not met**"

    hf = lambda k: hyperfine[k]
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `scripts/bench/bench.sh` on {machine['date']}: {machine['cpus']} CPUs, {machine['memory_gb']} GiB, "
        f"{machine['os']}; {machine['java']}; helm {machine['helm']}; {machine['kubernetes']}.",
        f"Cluster: a fresh `infra sandbox` (kube-apiserver, etcd, controller-manager, scheduler, kwok nodes) per measured run;"
        f" {machine['components']} components of the `sandbox` profile from stand-in charts whose pods become ready"
        f" {ready_after} after they start (simulated operators set their conditions 2 s later). {len(runs)} runs.",
        "",
        "## Installing everything",
        "",
        "| measure | median | min | max | goal |",
        "|---|---|---|---|---|",
        row("`infra up`, seconds", spread(up)),
        row("serial `helm upgrade --install --wait`, seconds", spread(serial)),
        row("critical-path bound, seconds", spread(bound)),
        row("`infra up` / bound", up_over_bound, f"<= 1.15: {verdict(up_over_bound['median'] <= 1.15)}"),
        row("serial / `infra up`", serial_over_up, f">= 2: {verdict(serial_over_up['median'] >= 2)}"),
        row("no-op rerun of `infra up`, seconds", spread(noop), f"<= 3 s: {verdict(statistics.median(noop) <= 3)}"),
        row("peak memory of `infra up`, MB (max RSS)", spread(rss_mb), f"<= 256 MB: {verdict(max(rss_mb) <= 256)}"),
        "",
        "The bound is the longest chain of needs in the plan, each step weighted by what it took in the serial run of"
        " the same round (its readiness delay plus helm's own time); steps of plain manifests, which the serial script"
        " runs through `infra up --only`, count without infra's start-up. helm `--wait` does not wait for custom"
        " resources' conditions (the serial script is, if anything, too fast), and it polls every 2 s, so each"
        " step's weight may hold up to 2 s of polling: `infra up`, which watches, can finish below the bound.",
        "",
        "## One-shot commands (hyperfine, 20 runs after 3 warm-ups, same API server)",
        "",
        "| command | median s | min s | max s |",
        "|---|---|---|---|",
    ]
    for name in ("kubectl get secret | base64 -d", "infra secret get --key", "java -version", "infra --version"):
        cell = name.replace("|", "\\|")  # a pipe inside a table cell
        lines.append(f"| `{cell}` | {hf(name)['median']:.3f} | {hf(name)['min']:.3f} | {hf(name)['max']:.3f} |")
    lines += [
        "",
        f"- `infra secret get` / `kubectl`: **{secret:.2f}x** (goal <= 2.5: {verdict(secret <= 2.5)})",
        f"- `infra --version` / `java -version`: **{start:.2f}x** (a JVM with an AppCDS archive; no goal)",
        "",
        "## Per run",
        "",
        "| run | `infra up` s | bound s | serial s | up / bound | serial / up |",
        "|---|---|---|---|---|---|",
    ]
    for r in per_run:
        lines.append(f"| {r['run']} | {r['infra_up']:.1f} | {r['bound']:.1f} | {r['serial']:.1f} | "
                     f"{r['up_over_bound']:.2f} | {r['serial_over_up']:.2f} |")
    lines += ["", "Raw data: [benchmarks.json](benchmarks.json).", ""]
    lines += kept_section(out_md)
    with open(out_md, "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main(*sys.argv[1:])
