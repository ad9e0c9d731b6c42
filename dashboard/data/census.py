"""Census rows of one snapshot, filtered."""
from __future__ import annotations

from typing import Iterable

from dashboard.data.loading import Snapshot

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
