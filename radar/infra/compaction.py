"""`radar history compact`: the retention policy, applied to the history store atomically.

Policy (README "History on disk"):
- every pass that changed something is kept: its content, its candidates' first-seen pass and
  verdict changes (a line whose content is "same" as the pass before carries none of these);
- a pass that changed nothing (content "same") older than `keep_empty_days` is thinned out,
  except the last such pass of each UTC day (the heartbeat: the radar ran that day), the
  first pass and the latest; a thinned pass leaves only its summary row, in the next line
  kept (the `scan.history` of the passes after it lists it);
- whole snapshots that no delta builds on (every snapshot written before the index existed)
  are replaced by a delta against the pass before, or by "same" when nothing changed, so an
  --out written by an older radar shrinks to what changed.

Atomic: new delta files are written first (nothing points at them yet), then the index is
replaced in one rename (the commit point), then the files only the old index named are
removed. A kill before the rename leaves the old history whole (plus unreferenced new files,
removed by the next compaction); a kill after it leaves the new history whole (plus files
nothing names any more). Every pass that changes form is rebuilt and compared byte for byte
with what it was before the index is replaced.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from radar.infra import deltas, records
from radar.infra.storage import ScanLock, atomic_write, fsync_dir

KEEP_EMPTY_DAYS = 30


@dataclass(frozen=True)
class Compacted:
    passes_before: int
    passes_after: int
    converted: int  # whole snapshots now stored as a delta or as "same"
    files_removed: int
    bytes_before: int
    bytes_after: int


def compact(out: Path, keep_empty_days: int = KEEP_EMPTY_DAYS, now: datetime | None = None,
            wait: float = 0.0, checkpoint: Callable[[str], None] = lambda step: None) -> Compacted:
    """Apply the retention policy under --out (holding the scan lock)."""
    out = Path(out)
    with ScanLock(out, wait=wait):
        records.index_old_snapshots(out)
        before = records.read_index(out)
        bytes_before = history_bytes(out)
        if not before:
            return Compacted(0, 0, 0, 0, bytes_before, bytes_before)
        old = records.Store(out, before)
        cutoff = (now or datetime.now(timezone.utc)) - timedelta(days=keep_empty_days)
        kept = [dict(line) for line in before]
        converted, written = _rechain(old, kept)  # first: a whole snapshot may turn out "same"
        kept = _thinned(kept, cutoff)
        _keep_scans(before, kept)
        checkpoint("deltas written")
        passes = {line["pass"] for line in kept}
        _verify(old, records.Store(out, kept), [n for n in converted if n in passes] + [kept[-1]["pass"]])
        records.write_index(out, kept)
        checkpoint("index replaced")
        removed = _remove_unreferenced(out, kept, written, checkpoint)
        return Compacted(len(before), len(kept), len(converted), removed, bytes_before, history_bytes(out))


def history_bytes(out: Path) -> int:
    """Bytes under snapshots/ (latest.json included)."""
    folder = records.folder_of(out)
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else 0


def _thinned(lines: list[dict], cutoff: datetime) -> list[dict]:
    """The lines the policy keeps (see the module docstring)."""
    last_of_day: dict[str, int] = {}
    for n, line in enumerate(lines):
        last_of_day[line["scan"]["finished_at"][:10]] = n
    keep_days = set(last_of_day.values())
    cut = cutoff.strftime("%Y-%m-%dT%H:%M:%SZ")
    kept, thinned = [], []
    for n, line in enumerate(lines):
        if ("same" not in line["content"] or n in (0, len(lines) - 1) or n in keep_days
                or line["scan"]["finished_at"] >= cut or _eventful(line)):
            if thinned:  # their rows stay (the next passes' scan.history names them), nothing else
                line["thinned"] = [*thinned, *line.get("thinned", [])]
                thinned = []
            kept.append(line)
        else:
            thinned += [*line.get("thinned", []), line["row"]]
    return kept


def _eventful(line: dict) -> bool:
    changes = line["scan"].get("changes") or {}
    return bool(line.get("cands") or line.get("dropped") or line.get("moved") or any(changes.values()))


def _rechain(old: records.Store, kept: list[dict]) -> tuple[list[int], list[Path]]:
    """Turn whole snapshots that no delta builds on into deltas (or "same"); recompute the
    chain counters the writer uses to decide its next keyframe. Returns the passes converted
    and the delta files written."""
    folder = records.folder_of(old.out)
    converted, written = [], []
    state = (0, 0, 0)
    holder: int | None = None
    alias: dict[int, int] = {}  # a pass now "same" as an earlier one -> that one
    for n, line in enumerate(kept):
        ref = line["content"]
        if "same" in ref:
            line["content"], line["chain"] = {"same": alias.get(ref["same"], ref["same"])}, list(state)
            continue
        followed_by_delta = n + 1 < len(kept) and "delta" in kept[n + 1]["content"]
        if "full" in ref and holder is not None and not followed_by_delta and _canonical(old, line):
            base, new = old.content(holder), old.content(line["pass"])
            if base == new:
                line["content"], line["chain"] = {"same": holder}, list(state)
                alias[line["pass"]] = holder
                converted.append(line["pass"])
                continue
            ops = deltas.make_delta(base, new)
            delta = deltas.compact_json({"record": 1, "pass": line["pass"], "parent": holder, "ops": ops})
            depth, since, key_bytes = state
            if depth + 1 <= records.KEYFRAME_CHAIN and since + len(delta) <= key_bytes:
                path = records._unique(folder / records.DELTAS, line["scan"]["finished_at"])
                atomic_write(path, delta.encode("utf-8"))
                written.append(path)
                line["content"] = {"delta": path.name, "parent": holder}
                converted.append(line["pass"])
        if "full" in line["content"]:
            state = (0, 0, (folder / line["content"]["full"]).stat().st_size)
        else:
            size = (folder / records.DELTAS / line["content"]["delta"]).stat().st_size
            state = (state[0] + 1, state[1] + size, state[2])
        line["chain"] = list(state)
        holder = line["pass"]
    return converted, written


def _canonical(old: records.Store, line: dict) -> bool:
    """A whole snapshot in encode_snapshot's layout: only those can be given back byte for byte
    from a delta (older radars indented differently; those stay whole)."""
    scan = records.scan_of(old.lines, old.passes().index(line["pass"]))
    return deltas.join_lines(deltas.with_scan(old.content(line["pass"]), scan)) == old.text(line["pass"])


def _keep_scans(before: list[dict], kept: list[dict]) -> None:
    """A kept line whose scan.history came from the rows of lines now thinned keeps it whole."""
    position = {line["pass"]: n for n, line in enumerate(before)}
    for n, line in enumerate(kept):
        if "history" not in line["scan"]:
            whole = records.scan_of(before, position[line["pass"]])
            if records.scan_of(kept, n) != whole:
                line["scan"] = whole


def _verify(old: records.Store, new: records.Store, passes: list[int]) -> None:
    for number in passes:
        if new.text(number) != old.text(number):
            raise records.HistoryError(f"compaction would change pass {number}; nothing was replaced")


def _remove_unreferenced(out: Path, kept: list[dict], written: list[Path],
                         checkpoint: Callable[[str], None]) -> int:
    """Files no index line names: thinned keyframes, converted snapshots, deltas of killed passes."""
    fulls, deltas = records.referenced(kept)
    folder = records.folder_of(out)
    newest = records.record_name(kept[-1]["scan"]["finished_at"])
    doomed = [p for p in records.snapshot_files(out) if p.name not in fulls and p.name <= newest]
    if (folder / records.DELTAS).is_dir():
        doomed += [p for p in (folder / records.DELTAS).glob("*.json") if p.name not in deltas]
    for path in doomed:
        path.unlink(missing_ok=True)
        checkpoint("file removed")
    fsync_dir(folder)
    return len(doomed)
