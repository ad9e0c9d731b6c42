"""Reading <out>/snapshots/: the latest snapshot and one row per pass; never writes.

The rows come from the index of passes (`snapshots/passes.jsonl`, radar/infra/records.py),
so the History page costs one small line per pass, however long the history. An output
folder written before the index existed (one whole snapshot per pass) is read the old way:
every snapshot, turned into the same rows in memory (nothing is written; the next pass of
the radar indexes it). Damaged files are reported, never fatal.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from radar.infra import records

VERDICTS = ("proposed", "watching", "done", "rejected")
DRIFT_KINDS = ("new", "grown", "shrunk", "gone")
LATEST_NAME = "latest.json"

Snapshot = dict[str, Any]
Candidate = dict[str, Any]
PassRow = dict[str, Any]


@dataclass(frozen=True)
class Loaded:
    """The latest snapshot under an output folder and one row per recorded pass, oldest first.

    A row: pass, finished_at, empty_pass, changes ({new, grown, shrunk, gone, verdicts}),
    counts (candidates per verdict), cands (id -> [verdict, consumers, instances, score,
    similarity] for the candidates new or changed in that pass) and dropped (ids gone)."""

    out: Path
    latest: Snapshot | None = None
    passes: tuple[PassRow, ...] = ()
    problems: tuple[str, ...] = field(default=())
    files: dict[int, Path] = field(default_factory=dict)  # pass -> whole snapshot, for folders without an index


def snapshot_dir(out: Path) -> Path:
    return Path(out) / "snapshots"


def snapshot_files(out: Path) -> list[Path]:
    """Whole snapshots under ``<out>/snapshots``, ``latest.json`` excluded, sorted by name."""
    folder = snapshot_dir(out)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if p.name != LATEST_NAME and p.is_file())


def fingerprint(out: Path) -> tuple[tuple[str, int, int], ...]:
    """(name, size, mtime_ns) of the index and every whole snapshot: a cache key that changes with the data."""
    folder = snapshot_dir(out)
    if not folder.is_dir():
        return ()
    rows = []
    for p in sorted([*folder.glob("*.json"), folder / records.INDEX_NAME]):
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


def load_history(out: Path) -> Loaded:
    """The latest snapshot and every pass's row: from the index when there is one."""
    out = Path(out)
    latest, problems = None, []
    latest_path = snapshot_dir(out) / LATEST_NAME
    if latest_path.is_file():
        latest, problem = _read(latest_path)
        problems += [problem] if problem else []
    lines = records.read_index(out)
    if lines:
        rows = tuple(row_of_line(line) for line in lines)
        if latest is None or pass_number(latest) != rows[-1]["pass"]:
            latest = _rebuilt(out, rows[-1]["pass"], problems) or latest
        return Loaded(out, latest, rows, tuple(problems))
    by_pass: dict[int, tuple[Snapshot, Path]] = {}
    for path in snapshot_files(out):
        snap, problem = _read(path)
        if problem:
            problems.append(problem)
            continue
        by_pass[pass_number(snap)] = (snap, path)  # the later file of a pass wins
    if latest is not None and pass_number(latest) not in by_pass:
        by_pass[pass_number(latest)] = (latest, latest_path)
    ordered = [by_pass[k] for k in sorted(by_pass)]
    if ordered and (latest is None or pass_number(latest) < pass_number(ordered[-1][0])):
        latest = ordered[-1][0]
    from dashboard.data.history import pass_rows

    return Loaded(out, latest, tuple(pass_rows([s for s, _ in ordered])), tuple(problems),
                  {pass_number(s): p for s, p in ordered})


def row_of_line(line: dict) -> PassRow:
    scan = line.get("scan") or {}
    counts = line.get("row") or {}
    return {"pass": line["pass"], "finished_at": scan.get("finished_at", ""),
            "empty_pass": bool(scan.get("empty_pass", False)), "changes": scan.get("changes") or {},
            "counts": {v: int(counts.get(v) or 0) for v in VERDICTS},
            "cands": line.get("cands") or {}, "dropped": list(line.get("dropped") or [])}


def _rebuilt(out: Path, number: int, problems: list[str]) -> Snapshot | None:
    try:
        return records.Store.open(out).snapshot(number)
    except (records.HistoryError, ValueError) as error:
        problems.append(f"pass {number}: {error}")
        return None


def snapshot_of(loaded: Loaded, number: int) -> Snapshot | None:
    """One recorded pass's whole snapshot: rebuilt from the store, or its file in an old folder."""
    if loaded.latest is not None and pass_number(loaded.latest) == number:
        return loaded.latest
    if number in loaded.files:
        return _read(loaded.files[number])[0]
    return _rebuilt(loaded.out, number, [])
