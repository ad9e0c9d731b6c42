"""The backlog at size: what blocks each candidate, which are near the gate, sorting and pages.

Pure functions over one snapshot, the same reading of the gate as `abstractions.md`: a watching
candidate is *near the gate* when one criterion is short and by a little (a third consumer, a
few tokens, a few hundredths of similarity, a routing rule, or time), by the backlog's own rule.
"""
from __future__ import annotations

import math
from typing import Any, Iterable

from dashboard.data.candidates import consumers, display_name, rank, score
from dashboard.data.loading import Candidate, Snapshot
from radar.outputs.backlog import BOILERPLATE, one_step_short

CRITERIA = ("consumers", "stable", "identical", "size", "content", "intent", "home")
BLOCKER_LABELS = {"consumers": "too few consumers", "stable": "not stable yet", "identical": "similar, not identical",
                  "size": "too thin", "intent": "copied on purpose", "home": "no natural home",
                  "boilerplate": "same shape, different content"}
_WORDS = {"consumers": "consumer", "stable": "stable", "identical": "identical", "size": "thin", "home": "home"}
DEFAULT_GATE = {"min_consumers": 3, "stable_days": 7, "min_similarity": 0.9, "min_tokens": 50}
VIEWS = ("Proposed and near the gate", "All candidates")
SORTS = {
    "rank (verdict, then score)": None,
    "score": lambda c: score(c),
    "consumers": lambda c: len(consumers(c)),
    "tokens": lambda c: int(c.get("tokens") or 0),
    "similarity": lambda c: float(c.get("similarity") or 0),
    "name": lambda c: display_name(c).lower(),
    "id": lambda c: str(c.get("id")),
}
PAGE_SIZES = (25, 50, 100, 200)


def gate_of(snap: Snapshot | None) -> dict[str, Any]:
    return {**DEFAULT_GATE, **((snap or {}).get("gate") or {})}


def _criterion(name: str) -> str:
    """The gate's criterion names, also from older snapshots' longer labels."""
    if name in CRITERIA:
        return name
    lowered = name.lower()
    return next((k for k, w in _WORDS.items() if w in lowered), lowered)


def blockers(cand: Candidate) -> tuple[str, ...]:
    """The criteria a candidate fails (boilerplate counts as its own blocker)."""
    gate = cand.get("gate")
    if isinstance(gate, list) and gate:
        found = tuple(_criterion(str(g.get("criterion", ""))) for g in gate if isinstance(g, dict) and not g.get("met"))
    else:
        missing = [str(m) for m in cand.get("missing") or []]
        found = tuple(k for k, w in _WORDS.items() if any(w in m for m in missing))
    found = tuple("boilerplate" if name == "content" else name for name in found)  # the gate's content check
    if cand.get("nature") in BOILERPLATE and "boilerplate" not in found:
        found += ("boilerplate",)
    return found


def near_gate(cand: Candidate, gate: dict[str, Any], ignore_home: bool = False) -> bool:
    """`ignore_home`: no candidate has a home (no routing rule yet), so a missing home is not distance."""
    if cand.get("verdict") != "watching" or cand.get("nature") in BOILERPLATE:
        return False
    missing = tuple(b for b in blockers(cand) if not (ignore_home and b == "home")) or blockers(cand)
    return one_step_short({**cand, "consumers": consumers(cand)}, missing, gate)


def homeless(cands: Iterable[Candidate]) -> bool:
    watching = [c for c in cands if c.get("verdict") == "watching"]
    return bool(watching) and all("home" in blockers(c) for c in watching)


def in_view(cands: Iterable[Candidate], view: str, gate: dict[str, Any]) -> list[Candidate]:
    cands = list(cands)
    if view == VIEWS[0]:
        ignore_home = homeless(cands)
        return [c for c in cands if c.get("verdict") == "proposed" or near_gate(c, gate, ignore_home)]
    return cands


def blocked_by(cands: Iterable[Candidate], wanted: Iterable[str]) -> list[Candidate]:
    """Candidates failing every one of `wanted` (labels or criterion names)."""
    names = {k for k, label in BLOCKER_LABELS.items() if label in set(wanted) or k in set(wanted)}
    return [c for c in cands if names <= set(blockers(c))] if names else list(cands)


def blocker_counts(cands: Iterable[Candidate]) -> list[dict[str, Any]]:
    """Per blocker: how many watching candidates it blocks, and how many it alone blocks."""
    watching = [c for c in cands if c.get("verdict") == "watching"]
    rows = []
    for key, label in BLOCKER_LABELS.items():
        held = [c for c in watching if key in blockers(c)]
        if held:
            rows.append({"blocked by": label, "candidates": len(held),
                         "the only blocker": sum(blockers(c) == (key,) for c in held)})
    return rows


def sort_candidates(cands: list[Candidate], by: str, descending: bool) -> list[Candidate]:
    key = SORTS.get(by)
    if key is None:
        ranked = rank(cands)
        return ranked[::-1] if not descending else ranked
    return sorted(rank(cands), key=key, reverse=descending)


def pages(total: int, size: int) -> int:
    return max(1, math.ceil(total / max(1, size)))


def page_of(items: list, page: int, size: int) -> list:
    """Page `page` (1-based, clamped to the pages there are)."""
    page = min(max(1, page), pages(len(items), size))
    return items[(page - 1) * size:page * size]


def short_list(names: list[str], shown: int = 3) -> str:
    return ", ".join(names[:shown]) + (f" +{len(names) - shown}" if len(names) > shown else "")
