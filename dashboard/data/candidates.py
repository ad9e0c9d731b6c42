"""Candidates of one snapshot: ranking, facets, filtering, the gate checklist, closest to the gate."""
from __future__ import annotations

from typing import Any, Iterable

from dashboard.data.loading import VERDICTS, Candidate, Snapshot

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


def score(cand: Candidate) -> float:
    try:
        return float(cand.get("score") or 0.0)
    except (TypeError, ValueError):
        return 0.0


def rank(cands: Iterable[Candidate]) -> list[Candidate]:
    """Verdict order (proposed, watching, done, rejected), then score high to low, then id."""
    order = {v: i for i, v in enumerate(VERDICTS)}
    return sorted(cands, key=lambda c: (order.get(c.get("verdict"), len(order)), -score(c), str(c.get("id"))))


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
    """The candidate `cand_id` names: its id, with or without ``C-``, any case, or a unique prefix."""
    cands = candidates(snap)
    for c in cands:
        if c.get("id") == cand_id:
            return c
    text = str(cand_id).strip().lower()
    wanted = "c-" + (text[2:] if text.startswith("c-") else text)
    if wanted == "c-":
        return None
    found = [c for c in cands if str(c.get("id", "")).lower().startswith(wanted)]
    exact = [c for c in found if str(c.get("id", "")).lower() == wanted]
    return (exact or found)[0] if len(exact) == 1 or len(found) == 1 else None


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
            -score(c),
            str(c.get("id")),
        )
    )
    return watching[:limit] if limit else watching
