"""The dependency graph between subsystems (snapshot ``subsystems[].depends_on``), made readable.

At 168 subsystems the whole graph is a hairball, so the pages never draw it whole: a table of
the most depended-on subsystems (the likely homes), and, for one candidate, its consumers on the
left and the subsystems they depend on on the right, the home marked.
"""
from __future__ import annotations

from typing import Any

import networkx as nx

from dashboard.data.candidates import candidates, consumers
from dashboard.data.loading import Snapshot

FOCUS_TARGETS = 12  # dependencies drawn beside one candidate's consumers, most shared first
IDS_SHOWN = 6  # candidate ids listed per home in the table


def dependency_graph(snap: Snapshot | None) -> nx.DiGraph:
    """Subsystems as nodes; an edge a → b when a's files reference b (``files``: how many)."""
    g = nx.DiGraph()
    for s in (snap or {}).get("subsystems") or []:
        g.add_node(str(s.get("name")), namespace=str(s.get("namespace") or ""))
    for s in (snap or {}).get("subsystems") or []:
        for dep in s.get("depends_on") or []:
            g.add_edge(str(s.get("name")), str(dep.get("subsystem")), files=int(dep.get("files") or 0),
                       evidence=list(dep.get("evidence") or []))
    return g


def home_subsystem(snap: Snapshot | None, cand: dict) -> str | None:
    """The subsystem whose namespace is the candidate's home, if the home is a subsystem."""
    home = str(cand.get("home") or "").rstrip("/")
    for s in (snap or {}).get("subsystems") or []:
        if home and str(s.get("namespace") or "").rstrip("/") == home:
            return str(s.get("name"))
    return None


def dependency_rows(snap: Snapshot | None) -> list[dict[str, Any]]:
    """One row per subsystem that others depend on or that is a home, most depended on first."""
    g = dependency_graph(snap)
    homes: dict[str, list[str]] = {}
    for c in candidates(snap):
        owner = home_subsystem(snap, c)
        if owner:
            homes.setdefault(owner, []).append(str(c.get("id")))
    rows = [
        {"subsystem": n, "depended on by": g.in_degree(n), "depends on": g.out_degree(n),
         "home of": len(homes.get(n, [])), "candidates": _some(homes.get(n, []))}
        for n in g.nodes if g.in_degree(n) or homes.get(n)
    ]
    return sorted(rows, key=lambda r: (-r["depended on by"], -r["home of"], r["subsystem"]))


def _some(ids: list[str]) -> str:
    more = f" and {len(ids) - IDS_SHOWN} more" if len(ids) > IDS_SHOWN else ""
    return ", ".join(ids[:IDS_SHOWN]) + more


def focus_choices(snap: Snapshot | None) -> list[str]:
    """Candidate ids worth focusing on: two consumers or more, inferred homes first, then by rank."""
    found = [c for c in candidates(snap) if len(set(consumers(c))) >= 2]
    found.sort(key=lambda c: (not (c.get("routing") or {}).get("inferred"), c.get("rank") or 10**9,
                              str(c.get("id"))))
    return [str(c.get("id")) for c in found]


def focus_frames(snap: Snapshot | None, candidate_id: str) -> tuple[list[dict], list[dict]]:
    """Node and edge rows for one candidate: its consumers (x = 0) and the subsystems they
    depend on (x = 1), those shared by most consumers first, the home always among them."""
    cand = next((c for c in candidates(snap) if c.get("id") == candidate_id), None)
    if cand is None:
        return [], []
    g = dependency_graph(snap)
    users = sorted(dict.fromkeys(str(s) for s in consumers(cand)))
    home = home_subsystem(snap, cand)
    shared: dict[str, list[str]] = {}
    for user in users:
        for target in (g.successors(user) if user in g else ()):
            if target not in users or target == home:
                shared.setdefault(target, []).append(user)
    order = sorted(shared, key=lambda t: (t != home, -len(shared[t]), -g.in_degree(t), t))
    targets = order[:FOCUS_TARGETS]
    if home and home not in targets and home not in users:
        targets.append(home)
    nodes = [_node(u, 0, i, len(users), "home (holds the shape)" if u == home else "consumer", "")
             for i, u in enumerate(users)]
    nodes += [_node(t, 1, i, len(targets), "home" if t == home else "dependency",
                    f"{len(shared.get(t, []))} of {len(users)} consumers")
              for i, t in enumerate(targets)]
    where = {n["subsystem"] + ("" if n["x"] == 0 else "\0"): n for n in nodes}
    edges = []
    for target in targets:
        for user in shared.get(target, []):
            a, b = where[user], where[target + "\0"]
            label = f"{user} → {target}"
            files = g[user][target].get("files", 0)
            edges += [{"edge": label, "x": a["x"], "y": a["y"], "files": files},
                      {"edge": label, "x": b["x"], "y": b["y"], "files": files}]
    return nodes, edges


def _node(name: str, column: int, index: int, count: int, role: str, share: str) -> dict:
    return {"subsystem": name, "x": float(column), "y": float(count - 1 - index) / max(count - 1, 1),
            "role": role, "referenced by": share}
