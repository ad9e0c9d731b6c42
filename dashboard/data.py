"""Pure functions over snapshot dicts: loading, ranking, filtering, history, drift, graph.

No Streamlit here and nothing that writes: the dashboard reads ``<out>/snapshots/*.json``
and nothing else. Every optional field of the snapshot schema may be absent; every function
tolerates that.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

VERDICTS = ("proposed", "watching", "done", "rejected")
DRIFT_KINDS = ("new", "grown", "shrunk", "gone")
LATEST_NAME = "latest.json"
GRAPH_SEED = 7

Snapshot = dict[str, Any]
Candidate = dict[str, Any]


# --------------------------------------------------------------------------- loading


@dataclass(frozen=True)
class Loaded:
    """The snapshots found under an output folder, oldest pass first."""

    out: Path
    snapshots: tuple[Snapshot, ...] = ()
    files: tuple[Path, ...] = ()
    problems: tuple[str, ...] = field(default=())

    @property
    def latest(self) -> Snapshot | None:
        return self.snapshots[-1] if self.snapshots else None


def snapshot_dir(out: Path) -> Path:
    return Path(out) / "snapshots"


def snapshot_files(out: Path) -> list[Path]:
    """History files under ``<out>/snapshots``, ``latest.json`` excluded, sorted by name."""
    folder = snapshot_dir(out)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if p.name != LATEST_NAME and p.is_file())


def fingerprint(out: Path) -> tuple[tuple[str, int, int], ...]:
    """(name, size, mtime_ns) of every snapshot file: a cache key that changes with the data."""
    folder = snapshot_dir(out)
    if not folder.is_dir():
        return ()
    rows = []
    for p in sorted(folder.glob("*.json")):
        try:
            st = p.stat()
        except OSError:
            continue
        rows.append((p.name, st.st_size, st.st_mtime_ns))
    return tuple(rows)


def _read(path: Path) -> tuple[Snapshot | None, str | None]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, f"{path.name}: unreadable ({exc.__class__.__name__}: {exc})"
    if not isinstance(data, dict) or not isinstance(data.get("scan"), dict):
        return None, f"{path.name}: not a radar snapshot (no 'scan' object)"
    return data, None


def pass_number(snap: Snapshot) -> int:
    try:
        return int(snap.get("scan", {}).get("pass") or 0)
    except (TypeError, ValueError):
        return 0


def load_snapshots(out: Path) -> Loaded:
    """Every readable snapshot, one per pass (the later file wins), ordered by ``scan.pass``.

    ``latest.json`` is used only when no timestamped file exists (or it holds a newer pass).
    """
    out = Path(out)
    by_pass: dict[int, tuple[Snapshot, Path]] = {}
    problems: list[str] = []
    for path in snapshot_files(out):
        snap, problem = _read(path)
        if problem:
            problems.append(problem)
            continue
        by_pass[pass_number(snap)] = (snap, path)
    latest_path = snapshot_dir(out) / LATEST_NAME
    if latest_path.is_file():
        snap, problem = _read(latest_path)
        if problem:
            problems.append(problem)
        elif pass_number(snap) not in by_pass:
            by_pass[pass_number(snap)] = (snap, latest_path)
    ordered = [by_pass[k] for k in sorted(by_pass)]
    return Loaded(out, tuple(s for s, _ in ordered), tuple(p for _, p in ordered), tuple(problems))


# --------------------------------------------------------------------------- candidates


def candidates(snap: Snapshot | None) -> list[Candidate]:
    if not snap:
        return []
    return [c for c in snap.get("candidates") or [] if isinstance(c, dict)]


def instances(cand: Candidate) -> list[dict[str, Any]]:
    return [i for i in cand.get("instances") or [] if isinstance(i, dict)]


def consumers(cand: Candidate) -> list[str]:
    cons = cand.get("consumers")
    if cons:
        return list(cons)
    seen: list[str] = []
    for inst in instances(cand):
        if inst.get("subsystem") not in seen:
            seen.append(inst.get("subsystem"))
    return seen


def display_name(cand: Candidate) -> str:
    if cand.get("name"):
        return str(cand["name"])
    names = sorted({str(i.get("name")) for i in instances(cand) if i.get("name")})
    return ", ".join(names[:3]) if names else ""


def language(cand: Candidate) -> str:
    if cand.get("language"):
        return str(cand["language"])
    for inst in instances(cand):
        if inst.get("language"):
            return str(inst["language"])
    return ""


def _score(cand: Candidate) -> float:
    try:
        return float(cand.get("score") or 0.0)
    except (TypeError, ValueError):
        return 0.0


def rank(cands: Iterable[Candidate]) -> list[Candidate]:
    """Verdict order (proposed, watching, done, rejected), then score high to low, then id."""
    order = {v: i for i, v in enumerate(VERDICTS)}
    return sorted(cands, key=lambda c: (order.get(c.get("verdict"), len(order)), -_score(c), str(c.get("id"))))


def facets(snap: Snapshot | None) -> dict[str, list[str]]:
    """Choices for the backlog filters: values present in the latest pass."""
    cands = candidates(snap)
    subs = {s for c in cands for s in consumers(c)} | {s.get("name") for s in (snap or {}).get("subsystems") or []}
    return {
        "verdict": [v for v in VERDICTS if any(c.get("verdict") == v for c in cands)],
        "subsystem": sorted(s for s in subs if s),
        "kind": sorted({str(c.get("kind")) for c in cands if c.get("kind")}),
        "language": sorted({language(c) for c in cands if language(c)}),
    }


def matches_search(cand: Candidate, query: str) -> bool:
    """Case-insensitive substring match on id, name, kind, home and every instance's name and path."""
    q = query.strip().lower()
    if not q:
        return True
    hay = [cand.get("id"), display_name(cand), cand.get("kind"), cand.get("home")]
    for inst in instances(cand):
        hay += [inst.get("name"), inst.get("path"), f"{inst.get('subsystem')}: {inst.get('path')}"]
    return any(q in str(h).lower() for h in hay if h)


def filter_candidates(
    cands: Iterable[Candidate],
    *,
    verdicts: Iterable[str] = (),
    subsystems: Iterable[str] = (),
    kinds: Iterable[str] = (),
    languages: Iterable[str] = (),
    search: str = "",
) -> list[Candidate]:
    """Keep candidates matching every non-empty filter (any value within one filter)."""
    verdicts, subsystems, kinds, languages = set(verdicts), set(subsystems), set(kinds), set(languages)
    kept = []
    for c in cands:
        if verdicts and c.get("verdict") not in verdicts:
            continue
        if subsystems and not subsystems & set(consumers(c)):
            continue
        if kinds and c.get("kind") not in kinds:
            continue
        if languages and language(c) not in languages:
            continue
        if not matches_search(c, search):
            continue
        kept.append(c)
    return kept


def find_candidate(snap: Snapshot | None, cand_id: str) -> Candidate | None:
    for c in candidates(snap):
        if c.get("id") == cand_id:
            return c
    return None


def last_seen(snaps: Iterable[Snapshot], cand_id: str) -> tuple[Snapshot, Candidate] | None:
    """The newest pass that still holds ``cand_id`` (for candidates gone since)."""
    for snap in reversed(list(snaps)):
        c = find_candidate(snap, cand_id)
        if c is not None:
            return snap, c
    return None


def gate_checklist(cand: Candidate) -> list[dict[str, Any]]:
    """The candidate's gate criteria; derived from ``missing`` when ``gate`` is absent."""
    gate = cand.get("gate")
    if isinstance(gate, list) and gate:
        return [
            {"criterion": str(g.get("criterion", "")), "met": bool(g.get("met")), "detail": str(g.get("detail", ""))}
            for g in gate
            if isinstance(g, dict)
        ]
    missing = list(cand.get("missing") or [])
    if missing:
        return [{"criterion": m, "met": False, "detail": ""} for m in missing]
    if cand.get("verdict") == "proposed":
        return [{"criterion": "all gate criteria", "met": True, "detail": "the scan reported nothing missing"}]
    return []


def unmet_count(cand: Candidate) -> int:
    gate = cand.get("gate")
    if isinstance(gate, list) and gate:
        return sum(1 for g in gate if isinstance(g, dict) and not g.get("met"))
    return len(cand.get("missing") or [])


def closest_to_gate(snap: Snapshot | None, limit: int | None = None) -> list[Candidate]:
    """Watching candidates ordered by how little stands between them and the gate.

    Fewest unmet criteria first, then most consumers, then highest similarity, then score.
    """
    watching = [c for c in candidates(snap) if c.get("verdict") == "watching"]
    watching.sort(
        key=lambda c: (
            unmet_count(c),
            -len(consumers(c)),
            -float(c.get("similarity") or 0.0),
            -_score(c),
            str(c.get("id")),
        )
    )
    return watching[:limit] if limit else watching


# --------------------------------------------------------------------------- history


def candidate_history(snaps: Iterable[Snapshot], cand_id: str) -> list[dict[str, Any]]:
    """One row per pass holding the candidate: pass, date, verdict, consumers, score, similarity."""
    rows = []
    for snap in snaps:
        c = find_candidate(snap, cand_id)
        if c is None:
            continue
        cons = consumers(c)
        rows.append(
            {
                "pass": pass_number(snap),
                "finished_at": snap.get("scan", {}).get("finished_at", ""),
                "verdict": c.get("verdict", ""),
                "consumers": len(cons),
                "subsystems": ", ".join(cons),
                "instances": len(instances(c)),
                "score": _score(c),
                "similarity": float(c.get("similarity") or 0.0),
            }
        )
    return rows


def _derived_changes(prev: Snapshot | None, snap: Snapshot) -> dict[str, list[str]]:
    before = {c.get("id"): len(instances(c)) for c in candidates(prev)}
    after = {c.get("id"): len(instances(c)) for c in candidates(snap)}
    return {
        "new": sorted(i for i in after if i not in before),
        "grown": sorted(i for i in after if i in before and after[i] > before[i]),
        "shrunk": sorted(i for i in after if i in before and after[i] < before[i]),
        "gone": sorted(i for i in before if i not in after),
    }


def drift(snaps: Iterable[Snapshot]) -> list[dict[str, Any]]:
    """Per pass: the ids new, grown, shrunk and gone (from ``scan.changes``, else recomputed)."""
    rows = []
    prev = None
    for snap in snaps:
        changes = snap.get("scan", {}).get("changes")
        if not isinstance(changes, dict):
            changes = _derived_changes(prev, snap)
        row: dict[str, Any] = {
            "pass": pass_number(snap),
            "finished_at": snap.get("scan", {}).get("finished_at", ""),
            "empty_pass": bool(snap.get("scan", {}).get("empty_pass", False)),
        }
        for kind in DRIFT_KINDS:
            row[kind] = list(changes.get(kind) or [])
        row["verdicts"] = [v for v in changes.get("verdicts") or [] if isinstance(v, dict)]
        rows.append(row)
        prev = snap
    return rows


def verdicts_per_pass(snaps: Iterable[Snapshot]) -> list[dict[str, Any]]:
    """Long-form rows {pass, verdict, count} for every pass and verdict."""
    rows = []
    for snap in snaps:
        counts = {v: 0 for v in VERDICTS}
        for c in candidates(snap):
            if c.get("verdict") in counts:
                counts[c["verdict"]] += 1
        rows += [{"pass": pass_number(snap), "verdict": v, "count": n} for v, n in counts.items()]
    return rows


# --------------------------------------------------------------------------- subsystems


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


# --------------------------------------------------------------------------- census


def census_rows(snap: Snapshot | None, *, kinds: Iterable[str] = (), verdicts: Iterable[str] = (), search: str = "") -> list[dict]:
    kinds, verdicts, q = set(kinds), set(verdicts), search.strip().lower()
    rows = []
    for r in (snap or {}).get("census") or []:
        if kinds and r.get("kind") not in kinds:
            continue
        if verdicts and r.get("verdict") not in verdicts:
            continue
        owners = list(r.get("owners") or [])
        if q and not any(q in str(x).lower() for x in [r.get("name"), *owners, *(r.get("locations") or [])]):
            continue
        rows.append(
            {
                "name": str(r.get("name", "")),
                "kind": r.get("kind", ""),
                "count": r.get("count", len(owners)),
                "owners": ", ".join(owners),
                "verdict": r.get("verdict", ""),
                "candidates": ", ".join(r.get("candidates") or []),
                "reason": r.get("reason") or "",
                "locations": "; ".join(str(x) for x in r.get("locations") or []),
            }
        )
    rows.sort(key=lambda r: (-int(r["count"] or 0), r["kind"], r["name"]))
    return rows
