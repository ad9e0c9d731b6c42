"""Across passes: a candidate's history, drift (new/grown/shrunk/gone), verdicts per pass.

Every function reads pass rows (``loading.Loaded.passes``: one small row per pass, from the
index of passes), never whole snapshots; ``pass_rows`` makes the same rows from snapshots for
output folders written before the index existed.
"""
from __future__ import annotations

from typing import Any, Iterable

from dashboard.data.candidates import candidates, consumers, instances, score
from dashboard.data.loading import DRIFT_KINDS, VERDICTS, Candidate, Loaded, PassRow, Snapshot, pass_number, snapshot_of


def _summary(c: Candidate) -> list:
    return [c.get("verdict", ""), consumers(c), len(instances(c)), score(c), float(c.get("similarity") or 0.0)]


def _derived_changes(prev: Snapshot | None, snap: Snapshot) -> dict[str, list[str]]:
    before = {c.get("id"): len(instances(c)) for c in candidates(prev)}
    after = {c.get("id"): len(instances(c)) for c in candidates(snap)}
    return {
        "new": sorted(i for i in after if i not in before),
        "grown": sorted(i for i in after if i in before and after[i] > before[i]),
        "shrunk": sorted(i for i in after if i in before and after[i] < before[i]),
        "gone": sorted(i for i in before if i not in after),
    }


def pass_rows(snaps: Iterable[Snapshot]) -> list[PassRow]:
    """Rows like the index's, from whole snapshots (oldest first); changes recomputed when absent."""
    rows, prev, before = [], None, {}
    for snap in snaps:
        scan = snap.get("scan", {})
        changes = scan.get("changes")
        if not isinstance(changes, dict):
            changes = _derived_changes(prev, snap)
        now = {c.get("id"): _summary(c) for c in candidates(snap)}
        counts = {v: 0 for v in VERDICTS}
        for c in candidates(snap):
            if c.get("verdict") in counts:
                counts[c["verdict"]] += 1
        rows.append({"pass": pass_number(snap), "finished_at": scan.get("finished_at", ""),
                     "empty_pass": bool(scan.get("empty_pass", False)), "changes": changes, "counts": counts,
                     "cands": {i: s for i, s in now.items() if before.get(i) != s},
                     "dropped": sorted(i for i in before if i not in now)})
        prev, before = snap, now
    return rows


def candidate_history(rows: Iterable[PassRow], cand_id: str) -> list[dict[str, Any]]:
    """One row per pass holding the candidate: pass, date, verdict, consumers, score, similarity."""
    out, state = [], None
    for row in rows:
        if cand_id in row["cands"]:
            state = row["cands"][cand_id]
        elif cand_id in row["dropped"]:
            state = None
        if state is None:
            continue
        verdict, cons, count, value, similarity = state
        out.append({"pass": row["pass"], "finished_at": row["finished_at"], "verdict": verdict or "",
                    "consumers": len(cons), "subsystems": ", ".join(cons), "instances": count,
                    "score": float(value or 0.0), "similarity": float(similarity or 0.0)})
    return out


def last_seen(loaded: Loaded, cand_id: str) -> tuple[Snapshot, Candidate] | None:
    """The newest pass that still holds ``cand_id`` (for candidates gone since), rebuilt whole."""
    held = [r["pass"] for r in candidate_history(loaded.passes, cand_id)]
    snap = snapshot_of(loaded, held[-1]) if held else None
    for c in candidates(snap):
        if c.get("id") == cand_id:
            return snap, c
    return None


def drift(rows: Iterable[PassRow]) -> list[dict[str, Any]]:
    """Per pass: the ids new, grown, shrunk and gone, and the verdict changes."""
    out = []
    for row in rows:
        changes = row["changes"]
        entry: dict[str, Any] = {"pass": row["pass"], "finished_at": row["finished_at"], "empty_pass": row["empty_pass"]}
        for kind in DRIFT_KINDS:
            entry[kind] = list(changes.get(kind) or [])
        entry["verdicts"] = [v for v in changes.get("verdicts") or [] if isinstance(v, dict)]
        out.append(entry)
    return out


def verdicts_per_pass(rows: Iterable[PassRow]) -> list[dict[str, Any]]:
    """Long-form rows {pass, verdict, count} for every pass and verdict."""
    return [{"pass": row["pass"], "verdict": v, "count": row["counts"].get(v, 0)} for row in rows for v in VERDICTS]
