"""Subsystems of one snapshot: their rows, and the graph of subsystems sharing candidates."""
from __future__ import annotations

from typing import Any

import networkx as nx

from dashboard.data.candidates import candidates, consumers, instances
from dashboard.data.loading import Snapshot

GRAPH_SEED = 7

def subsystem_rows(snap: Snapshot | None) -> list[dict[str, Any]]:
    """The discovered subsystems with activity and stability of their candidate instances."""
    if not snap:
        return []
    per_sub: dict[str, dict[str, int]] = {}
    for c in candidates(snap):
        for inst in instances(c):
            d = per_sub.setdefault(str(inst.get("subsystem")), {"instances": 0, "stable": 0, "cands": 0})
            d["instances"] += 1
            d["stable"] += 1 if inst.get("stable") else 0
        for sub in set(consumers(c)):
            per_sub.setdefault(str(sub), {"instances": 0, "stable": 0, "cands": 0})["cands"] += 1
    rows = []
    for s in snap.get("subsystems") or []:
        name = str(s.get("name", ""))
        d = per_sub.get(name, {"instances": 0, "stable": 0, "cands": 0})
        if s.get("activity"):
            activity = str(s["activity"])
        else:
            activity = "active (moving)" if s.get("active") else "quiet"
        if d["instances"]:
            stability = f"{d['stable']}/{d['instances']} instances stable"
        else:
            stability = "no candidate instances"
        rows.append(
            {
                "subsystem": name,
                "source": s.get("source", ""),
                "namespace": s.get("namespace", ""),
                "branch": s.get("branch") or "",
                "files": s.get("files", 0),
                "units": s.get("units", 0),
                "activity": activity,
                "active": bool(s.get("active")),
                "dirty files": len(s.get("dirty_files") or []),
                "last change": s.get("last_change") or "",
                "candidates": d["cands"],
                "stability": stability,
            }
        )
    return rows


def subsystem_graph(snap: Snapshot | None) -> nx.Graph:
    """Subsystems as nodes, linked by the candidates they share (edge ``weight``, ``candidates``)."""
    g = nx.Graph()
    if not snap:
        return g
    for s in snap.get("subsystems") or []:
        g.add_node(str(s.get("name")), active=bool(s.get("active")), source=s.get("source", ""))
    for c in candidates(snap):
        cons = sorted({str(x) for x in consumers(c)})
        for sub in cons:
            if sub not in g:
                g.add_node(sub, active=False, source="")
        for i, a in enumerate(cons):
            for b in cons[i + 1 :]:
                if g.has_edge(a, b):
                    g[a][b]["weight"] += 1
                    g[a][b]["candidates"].append(c.get("id"))
                else:
                    g.add_edge(a, b, weight=1, candidates=[c.get("id")])
    return g


def graph_frames(g: nx.Graph, seed: int = GRAPH_SEED) -> tuple[list[dict], list[dict]]:
    """Node rows (x, y, degree, candidates) and edge rows (two points per edge) for charting.

    Only linked subsystems are laid out (an isolated one would squash the drawing);
    :func:`unlinked` names the others.
    """
    g = g.subgraph([n for n in g.nodes if g.degree(n) > 0])
    if g.number_of_nodes() == 0:
        return [], []
    pos = nx.spring_layout(g, seed=seed, weight="weight")
    shared: dict[str, set] = {n: set() for n in g.nodes}
    for a, b, d in g.edges(data=True):
        shared[a].update(d.get("candidates", []))
        shared[b].update(d.get("candidates", []))
    nodes = [
        {
            "subsystem": n,
            "x": float(pos[n][0]),
            "y": float(pos[n][1]),
            "links": g.degree(n),
            "shared candidates": len(shared[n]),
            "active": "active" if g.nodes[n].get("active") else "quiet",
        }
        for n in sorted(g.nodes)
    ]
    edges = []
    for a, b, d in sorted(g.edges(data=True)):
        edge = f"{a} — {b}"
        for end in (a, b):
            edges.append(
                {
                    "edge": edge,
                    "x": float(pos[end][0]),
                    "y": float(pos[end][1]),
                    "weight": d.get("weight", 1),
                    "candidates": ", ".join(d.get("candidates", [])),
                }
            )
    return nodes, edges


def unlinked(g: nx.Graph) -> list[str]:
    """Subsystems that share no candidate with any other."""
    return sorted(n for n in g.nodes if g.degree(n) == 0)
