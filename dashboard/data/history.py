"""Across passes: a candidate's history, drift (new/grown/shrunk/gone), verdicts per pass."""
from __future__ import annotations

from typing import Any, Iterable

from dashboard.data.candidates import candidates, consumers, find_candidate, instances, score
from dashboard.data.loading import DRIFT_KINDS, VERDICTS, Snapshot, pass_number

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
                "score": score(c),
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
