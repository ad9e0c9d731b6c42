"""Reading snapshots from <out>/snapshots/: never writes, tolerates damaged files."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

VERDICTS = ("proposed", "watching", "done", "rejected")
DRIFT_KINDS = ("new", "grown", "shrunk", "gone")
LATEST_NAME = "latest.json"

Snapshot = dict[str, Any]
Candidate = dict[str, Any]

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
