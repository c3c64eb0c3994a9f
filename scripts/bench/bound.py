"""The lower bound of an install: the longest chain of needs, each step weighted by what the
simulation imposes on it, known in advance from the sandbox's settings, plus helm's own time.

A step's weight is
    helm + pods * (M if post else R + M)
where helm is the step's `helm upgrade --install` time (hooks included, no --wait) measured alone
on a fresh sandbox (0 for plain manifests, which infra applies itself): helm creates the hook
objects one by one and waits for each pre- and post-install hook Job to complete, whose pod the
simulation makes Ready after R, the pods' ready delay (the kwok Stage). pods is whether what infra
waits for has pods that this step makes (every workload the step renders, as infra waits for each,
and the catalog's readiness checks); M the longest minReadySeconds of its Deployments and
DaemonSets (they count a pod available only that long after it is Ready, and infra, like kubectl
rollout status, waits for available pods). helm creates the workloads before its post-install
hooks, so with a post-install hook Job (post) they have been starting for at least R when helm
returns. Pods of one step start together, and the simulated operators
(sandbox/operators) act on a resource as it appears, with no delay of their own. Everything else
(the API server, the controllers, the simulator's reactions, infra's own start-up) counts as zero:
the bound is below what any installer can reach.
"""
import os

import yaml

POD_KINDS = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "Pod"}
CHART_TYPES = {"helm-repo", "oci", "local-chart"}


def docs(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [d for d in yaml.safe_load_all(f) if isinstance(d, dict)]


def hook_jobs(rendered, phase):
    return any(d.get("kind") == "Job" and phase in
               ((d.get("metadata") or {}).get("annotations") or {}).get("helm.sh/hook", "") for d in rendered)


def workloads(rendered):
    return [d for d in rendered if d.get("kind") in POD_KINDS and (d.get("spec") or {}).get("replicas", 1) != 0
            and "helm.sh/hook" not in ((d.get("metadata") or {}).get("annotations") or {})]


def min_ready_seconds(rendered):
    """The longest minReadySeconds of the Deployments and DaemonSets: readiness waits for available pods."""
    return max((int((d.get("spec") or {}).get("minReadySeconds") or 0) for d in workloads(rendered)
                if d.get("kind") in {"Deployment", "DaemonSet"}), default=0)


def weights(plan, rendered_dir, helm_seconds, ready_after):
    """Per component: its weight in seconds and how it was made, for the report."""
    out = {}
    rendered_by = {s["component"]: docs(os.path.join(rendered_dir, f"rendered-{s['release'] or s['component']}.yaml"))
                   for s in plan["steps"]}
    # a workload that another step renders is not this step's to wait for: its pods may be Ready
    # before this step starts
    elsewhere = {(d.get("kind"), (d.get("metadata") or {}).get("name")): c
                 for c, rendered in rendered_by.items() for d in rendered}
    for step in plan["steps"]:
        release = step["release"] or step["component"]
        rendered = rendered_by[step["component"]]
        chart = step["source"]["type"] in CHART_TYPES
        checks = step.get("readiness") or []
        pods = bool(workloads(rendered)) or any(
            c["kind"] in POD_KINDS and elsewhere.get((c["kind"], c["name"]), step["component"]) == step["component"]
            for c in checks)
        available_after = min_ready_seconds(rendered) if pods else 0
        pre = chart and hook_jobs(rendered, "pre-install")
        post = chart and hook_jobs(rendered, "post-install")
        helm = helm_seconds.get(release, 0.0) if chart else 0.0
        seconds = helm + pods * (available_after if post else ready_after + available_after)
        out[step["component"]] = {"seconds": seconds, "helm": helm, "pre_hook": pre, "pods": pods,
                                  "min_ready_seconds": available_after, "post_hook": post}
    return out


def longest_chain(plan, weight):
    """(seconds, [components]) of the longest chain of needs; plan order puts needs first."""
    finish, via = {}, {}
    for step in plan["steps"]:
        needs = [n for n in step["needs"] if n in finish]
        before = max(needs, key=lambda n: finish[n], default=None)
        finish[step["component"]] = (finish[before] if before else 0.0) + weight[step["component"]]
        via[step["component"]] = before
    last = max(finish, key=finish.get)
    chain = [last]
    while via[chain[-1]]:
        chain.append(via[chain[-1]])
    return finish[last], list(reversed(chain))
