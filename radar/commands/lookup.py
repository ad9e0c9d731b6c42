"""The latest snapshot under --out, and candidate ids resolved against it.

Ids are accepted with or without `C-`, in any case, and as unique prefixes; an ambiguous
prefix is refused with the matches listed, so a look-up never picks one of several silently.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from radar.commands import UsageError
from radar.infra.storage import new_temp

MATCHES_LISTED = 10


def latest_path(out: Path) -> Path:
    return out / "snapshots" / "latest.json"


def latest(out: Path) -> dict:
    path = latest_path(out)
    if not path.is_file():
        raise UsageError(f"no snapshot at {path}: run `radar scan --out {out}` first")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        raise UsageError(f"{path} is not valid JSON: {error}") from error


def resolve(snapshot: dict, wanted: str) -> dict:
    """The one candidate `wanted` names: an id, with or without `C-`, or a unique prefix of one."""
    text = wanted.strip()
    digits = (text[2:] if text[:2].lower() == "c-" else text).lower()
    if not digits:
        raise UsageError(f"{wanted!r} is not a candidate id (they look like C-3f2a9c)")
    full = "C-" + digits
    candidates = snapshot["candidates"]
    exact = [c for c in candidates if c["id"].lower() == full.lower()]
    if exact:
        return exact[0]
    found = [c for c in candidates if c["id"].lower().startswith(full.lower())]
    where = f"the latest snapshot (pass {snapshot['scan']['pass']}, {len(candidates)} candidates)"
    if not found:
        raise UsageError(f"no candidate {full} in {where}; ids look like C-3f2a9c "
                         "(`radar export --format json` lists them)")
    if len(found) > 1:
        listed = "; ".join(f"{c['id']} ({c['verdict']}, {c.get('unit') or 'unit'} {c.get('name') or '?'})"
                           for c in found[:MATCHES_LISTED])
        more = f"; and {len(found) - MATCHES_LISTED} more" if len(found) > MATCHES_LISTED else ""
        raise UsageError(f"{wanted} is ambiguous in {where}: {len(found)} candidates start with it: {listed}{more}")
    return found[0]


def writable_folder(path: Path, flag: str) -> None:
    """Refuse, in one line naming the path, a folder the radar could not create or write into.

    Creates nothing: a pass refused later (a bad rules file) must leave no folder behind. The
    probe is a temp file in the folder, or in the nearest folder above it that exists."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"{flag} {path}: is a file, not a folder")
    existing = path.absolute()
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise UsageError(f"{flag} {path}: cannot write there ({existing} is a file)")
    try:
        fd, probe = new_temp(existing / "radar-probe")
        os.close(fd)
        os.unlink(probe)
    except OSError as error:
        raise UsageError(f"{flag} {path}: cannot write there ({error.strerror or error})") from error
