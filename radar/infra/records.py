"""The history store: one record per pass under --out/snapshots, small when nothing changed.

Layout (README "History on disk"; the record format is `radar/outputs/records.schema.json`):
- `snapshots/latest.json`: the latest pass, a whole schema-1 snapshot (written by publish).
- `snapshots/passes.jsonl`: the index, one JSON line per pass, oldest first. Each line holds
  the pass's `scan` object, its summary row, what moved, the candidates whose summary changed,
  and where its content is: `{"same": M}` (identical to pass M's), `{"full": NAME}` (a keyframe:
  `snapshots/NAME`, a whole schema-1 snapshot) or `{"delta": NAME, "parent": M}` (changes
  against pass M's content, in `snapshots/deltas/NAME`).
- Keyframes: every snapshot written before the index existed, and a new one whenever the chain
  of deltas since the last keyframe grows past KEYFRAME_CHAIN deltas or a keyframe's size
  (so deltas take at most as much room as keyframes, and a rebuild reads at most that much).

"Content" is a snapshot's encoded text with the `scan` line left out (radar/infra/deltas.py,
which also holds the delta format), so two passes over an unchanged fleet share it. Every
record is checked when written: a delta that would not give back the exact bytes is never
written (the pass becomes a keyframe).

Writes: the content file first (atomic), then the index line (appended, fsynced), then
latest.json. A kill leaves at worst an unreferenced file or a torn last index line, both
ignored by readers and cleaned by the next writer or `radar history compact`.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from radar.infra.deltas import (SCAN_PREFIX, apply_delta, compact_json, content_of, join_lines, make_delta,
                                split_lines, with_scan)
from radar.infra.storage import atomic_write, fsync_dir

INDEX_NAME = "passes.jsonl"
DELTAS = "deltas"
LATEST_NAME = "latest.json"
KEYFRAME_CHAIN = 100  # deltas after a keyframe before the next one (bounds a rebuild's work)
HISTORY_KEPT = 10  # rows of scan.history in a snapshot (publish keeps the same number)


class HistoryError(Exception):
    """The history under --out cannot give back the pass asked for."""


# ---------------------------------------------------------------- the index

def folder_of(out: Path) -> Path:
    return Path(out) / "snapshots"


def index_path(out: Path) -> Path:
    return folder_of(out) / INDEX_NAME


def read_index(out: Path) -> list[dict]:
    """Every line of the index, oldest first; a torn last line (a killed append) is left out."""
    path = index_path(out)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    lines = []
    for chunk in raw.split(b"\n"):
        if not chunk.strip():
            continue
        try:
            lines.append(json.loads(chunk))
        except ValueError:
            continue  # a torn line: its pass never finished publishing
    return lines


def index_tail(out: Path, count: int = HISTORY_KEPT + 2) -> list[dict]:
    """The last `count` whole lines of the index, read from the end of the file."""
    path = index_path(out)
    try:
        with path.open("rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            span = 1 << 16
            while True:
                start = max(0, size - span)
                handle.seek(start)
                chunk = handle.read(size - start)
                pieces = chunk.split(b"\n")
                if start > 0:
                    pieces = pieces[1:]  # the first piece may be a partial line
                whole = [p for p in pieces if p.strip()]
                if len(whole) > count or start == 0:
                    break
                span *= 4
    except FileNotFoundError:
        return []
    lines = []
    for piece in whole[-count - 1:]:
        try:
            lines.append(json.loads(piece))
        except ValueError:
            continue
    return lines[-count:]


def append_line(out: Path, line: dict) -> None:
    """Append one line, durably; a torn tail left by a killed append is cut off first."""
    path = index_path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("ab+") as handle:
        size = handle.seek(0, os.SEEK_END)
        if size:
            handle.seek(max(0, size - (1 << 20)))
            tail = handle.read()
            if not tail.endswith(b"\n"):
                cut = tail.rfind(b"\n")
                handle.truncate(size - len(tail) + cut + 1 if cut >= 0 else max(0, size - len(tail)))
        handle.write((compact_json(line) + "\n").encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())
    if not size:
        fsync_dir(path.parent)  # a new file: make its name durable too


def write_index(out: Path, lines: list[dict]) -> None:
    """Replace the whole index atomically (migration, compaction)."""
    atomic_write(index_path(out), "".join(compact_json(line) + "\n" for line in lines).encode("utf-8"))


# ---------------------------------------------------------------- what one line says

def summary_row(snapshot: dict) -> dict:
    """The line's row: what scan.history keeps for a pass (publish._history's this_pass)."""
    history = snapshot["scan"].get("history") or []
    if history and history[-1].get("pass") == snapshot["scan"]["pass"]:
        return history[-1]
    verdicts = [c.get("verdict") for c in snapshot.get("candidates", [])]
    changes = snapshot["scan"].get("changes") or {}
    return {"pass": snapshot["scan"]["pass"], "finished_at": snapshot["scan"].get("finished_at", ""),
            "subsystems": len(snapshot.get("subsystems", [])), "empty_pass": bool(snapshot["scan"].get("empty_pass")),
            **{k: len(changes.get(k) or []) for k in ("new", "grown", "shrunk", "gone")},
            **{v: verdicts.count(v) for v in ("proposed", "watching", "done", "rejected")}}


def candidate_summaries(snapshot: dict) -> dict[str, list]:
    """id -> [verdict, consumers, instances, score, similarity]: what a candidate's history shows."""
    return {c["id"]: [c.get("verdict"), list(c.get("consumers") or []), len(c.get("instances") or []),
                      c.get("score"), c.get("similarity")] for c in snapshot.get("candidates", [])}


def marks(snapshot: dict) -> dict[str, tuple]:
    """Per subsystem, what says it moved: its last change and its uncommitted files."""
    return {s["name"]: (s.get("last_change"), tuple(s.get("dirty_files") or [])) for s in snapshot.get("subsystems", [])}


def describe(snapshot: dict, previous: dict | None, rows_before: list[dict], unchanged: bool = False) -> dict:
    """The index line for `snapshot` (content pointer left to the caller). `unchanged`: the
    snapshot differs from the previous one in its scan alone (nothing moved, no candidate changed)."""
    scan = dict(snapshot["scan"])
    row = summary_row(snapshot)
    derived = [*rows_before[-(HISTORY_KEPT - 1):], row] if HISTORY_KEPT > 1 else [row]
    if scan.get("history") == derived and list(scan)[-1] == "history":
        del scan["history"]  # rebuilt from the rows of the lines before (checked: same bytes)
    if unchanged:
        return {"pass": snapshot["scan"]["pass"], "scan": scan, "row": row, "moved": [], "cands": {}, "dropped": []}
    now, before = candidate_summaries(snapshot), candidate_summaries(previous) if previous else {}
    old_marks, new_marks = (marks(previous) if previous else {}), marks(snapshot)
    return {
        "pass": snapshot["scan"]["pass"], "scan": scan, "row": row,
        "moved": sorted(n for n, m in new_marks.items() if n in old_marks and old_marks[n] != m),
        "cands": {i: s for i, s in now.items() if before.get(i) != s},
        "dropped": sorted(set(before) - set(now)),
    }


def rows_before(lines: list[dict], position: int) -> list[dict]:
    """The last HISTORY_KEPT - 1 rows of the passes before lines[position], thinned ones included
    (compaction keeps a thinned pass's row in the next line it keeps, under "thinned")."""
    rows: list[dict] = list(lines[position].get("thinned", [])) if position < len(lines) else []
    for earlier in reversed(lines[:position]):
        if len(rows) >= HISTORY_KEPT - 1:
            break
        rows[:0] = [*earlier.get("thinned", []), earlier["row"]]
    return rows[-(HISTORY_KEPT - 1):] if HISTORY_KEPT > 1 else []


def scan_of(lines: list[dict], position: int) -> dict:
    """The pass's whole scan object, history rebuilt from the rows of the passes before it."""
    line = lines[position]
    scan = dict(line["scan"])
    if "history" not in scan:
        scan["history"] = rows_before(lines, position) + [line["row"]]
    return scan


# ---------------------------------------------------------------- rebuilding a pass

@dataclass
class Store:
    """Reads any recorded pass back, exactly as it was written."""

    out: Path
    lines: list[dict]

    def __post_init__(self):
        self._position = {line["pass"]: n for n, line in enumerate(self.lines)}
        self._content: dict[int, list[str]] = {}

    @classmethod
    def open(cls, out: Path) -> "Store":
        return cls(Path(out), read_index(out))

    def passes(self) -> list[int]:
        return [line["pass"] for line in self.lines]

    def text(self, pass_number: int) -> str:
        """The snapshot of that pass, byte for byte as written then."""
        position = self._position.get(pass_number)
        if position is None:
            raise HistoryError(f"pass {pass_number} is not in {index_path(self.out)}")
        line = self.lines[position]
        if "full" in line["content"]:
            return self._file(line["content"]["full"])
        return join_lines(with_scan(self.content(pass_number), scan_of(self.lines, position)))

    def snapshot(self, pass_number: int) -> dict:
        return json.loads(self.text(pass_number))

    def content(self, pass_number: int) -> list[str]:
        """The pass's content lines (scan line as a placeholder)."""
        holder = self.holder(pass_number)
        chain = []
        while holder not in self._content:
            ref = self.lines[self._position[holder]]["content"]
            if "full" in ref:
                self._content[holder] = content_of(split_lines(self._file(ref["full"])))
                break
            chain.append(holder)
            holder = self.holder(ref["parent"])
        for link in reversed(chain):
            ref = self.lines[self._position[link]]["content"]
            ops = json.loads(self._file(ref["delta"], DELTAS))
            self._content[link] = apply_delta(self._content[self.holder(ref["parent"])], ops["ops"])
        return self._content[self.holder(pass_number)]

    def holder(self, pass_number: int) -> int:
        """The pass whose record holds this pass's content (following "same" to a full or a delta)."""
        for _ in range(len(self.lines) + 1):
            if pass_number not in self._position:
                raise HistoryError(f"pass {pass_number} is needed to rebuild another and is not in the index")
            ref = self.lines[self._position[pass_number]]["content"]
            if "same" not in ref:
                return pass_number
            pass_number = ref["same"]
        raise HistoryError("the index's \"same\" pointers form a loop")

    def _file(self, name: str, sub: str | None = None) -> str:
        folder = folder_of(self.out) / sub if sub else folder_of(self.out)
        try:
            return (folder / name).read_text(encoding="utf-8")
        except OSError as error:
            raise HistoryError(f"{folder / name}: {error.strerror or error}") from error


def referenced(lines: list[dict]) -> tuple[set[str], set[str]]:
    """Keyframe names and delta names the index points at."""
    fulls = {line["content"]["full"] for line in lines if "full" in line["content"]}
    deltas = {line["content"]["delta"] for line in lines if "delta" in line["content"]}
    return fulls, deltas


# ---------------------------------------------------------------- recording a pass

def record_pass(out: Path, snapshot: dict, lines: list[str] | None, encoded: str | bytes, previous: dict | None,
                values: list | None = None, known: tuple[int, list | None] | None = None) -> Path:
    """Record this pass in the store (content file, then index line). Returns the record's path.

    `lines` and `encoded` are the snapshot as publish encodes it (split_lines(encoded) == lines;
    lines None: split here if needed; encoded as text or its UTF-8 bytes);
    `previous` is the last pass's snapshot as the pipeline read it, or the parts describe() reads
    of it (its scan's pass, its candidates' summaries, its subsystems' marks; None: read it here);
    `values`, when given, the JSON value each of `lines` encodes (None where not known);
    `known`, when the caller made this pass's content from pass N's: (N, the delta operations
    from N's content, or None when it is N's content unchanged); taken when N is the last pass."""
    folder = folder_of(out)
    tail = index_tail(out)
    last = tail[-1] if tail else None
    rows = rows_before(tail, len(tail))
    depth, since, key_bytes = last["chain"] if last else (0, 0, 0)
    if known is not None and last is not None and known[0] == last["pass"]:
        ops = known[1]
        same = ops is None
    else:
        known, encoded = None, encoded.decode("utf-8") if isinstance(encoded, bytes) else encoded
        lines = split_lines(encoded) if lines is None else lines
        base_text = _latest_text(out, last) if last else None
        same = base_text is not None and _same_but_scan(base_text, encoded)
    if same:
        line = describe(snapshot, None, rows, unchanged=True)
        line["content"], line["chain"] = {"same": _holder(last)}, [depth, since, key_bytes]
        path = index_path(out)
    else:
        if last and (previous is None or previous.get("scan", {}).get("pass") != last["pass"]):
            previous = Store.open(out).snapshot(last["pass"])
        line = describe(snapshot, previous if last else None, rows)
        if known is None:
            base = content_of(split_lines(base_text)) if base_text is not None else None
            ops = make_delta(base, content_of(lines), values) if base is not None else None
        delta = compact_json({"record": 1, "pass": line["pass"], "parent": _holder(last) if last else None,
                              "ops": ops}) if ops is not None else ""
        # each patch was checked byte for byte when made (_patch_or_line); copies and new lines are plain
        keyframe = ops is None or depth + 1 > KEYFRAME_CHAIN or since + len(delta) > key_bytes
        if keyframe:
            text = encoded.decode("utf-8") if isinstance(encoded, bytes) else encoded
            path = _unique(folder, snapshot["scan"]["finished_at"])
            atomic_write(path, encoded if isinstance(encoded, bytes) else encoded.encode("utf-8"))
            line["content"], line["chain"] = {"full": path.name}, [0, 0, len(text)]
        else:
            path = _unique(folder / DELTAS, snapshot["scan"]["finished_at"])
            atomic_write(path, delta.encode("utf-8"))
            line["content"] = {"delta": path.name, "parent": _holder(last)}
            line["chain"] = [depth + 1, since + len(delta), key_bytes]
    return _append(out, snapshot, tail, line, path)


def _append(out: Path, snapshot: dict, tail: list[dict], line: dict, path: Path) -> Path:
    if compact_json(scan_of([*tail, line], len(tail))) != compact_json(snapshot["scan"]):
        line["scan"] = snapshot["scan"]  # the rows before do not give this history back: keep it whole
    append_line(out, line)
    return path


def _same_but_scan(first: str, second: str) -> bool:
    """Whether two encoded snapshots are the same but for their scan lines (all that two passes
    can share). Snapshots run to tens of MB: texts whose parts around the scan line differ in
    length are told apart without copying those parts."""
    (first_start, first_end), (second_start, second_end) = _scan_line(first), _scan_line(second)
    if first_start != second_start or len(first) - first_end != len(second) - second_end:
        return False
    return first[:first_start] == second[:second_start] and first[first_end:] == second[second_end:]


def _scan_line(text: str) -> tuple[int, int]:
    """Where the encoded snapshot's scan line starts (at the newline before it) and ends."""
    start = text.find("\n" + SCAN_PREFIX)
    return (len(text), len(text)) if start < 0 else (start, text.find("\n", start + 1))


def _holder(line: dict) -> int:
    return line["content"].get("same", line["pass"])


def _latest_text(out: Path, last: dict) -> str:
    """The last recorded pass's encoded snapshot: latest.json when it is that pass, else rebuilt."""
    try:
        text = (folder_of(out) / LATEST_NAME).read_text(encoding="utf-8")
    except OSError:
        text = ""
    at = text.find("\n" + SCAN_PREFIX)
    if at >= 0 and f'"pass":{last["pass"]},' in text[at:at + 256]:
        return text
    return Store.open(out).text(last["pass"])


def record_name(finished_at: str) -> str:
    return finished_at.replace("-", "").replace(":", "").removesuffix("Z") + "Z.json"


def _unique(folder: Path, finished_at: str) -> Path:
    path = folder / record_name(finished_at)
    suffix = 1
    while path.exists():  # two passes in one second: keep both, in order
        suffix += 1
        path = folder / record_name(finished_at).replace("Z.json", f"Z{suffix:03d}.json")
    return path


# ---------------------------------------------------------------- snapshots written before the index

def snapshot_files(out: Path) -> list[Path]:
    """Whole snapshots under snapshots/ (keyframes and pre-index passes), oldest first."""
    folder = folder_of(out)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if p.name != LATEST_NAME)


def read_snapshot(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("schema") != 1 or not isinstance(data.get("scan", {}).get("pass"), int):
        raise ValueError("not a schema-1 snapshot")
    return data


def index_old_snapshots(out: Path) -> list[str]:
    """Index whole snapshots that no index line names yet (every one, the first time this radar
    runs on an --out written by an older one). Files stay as they are: each becomes a keyframe.
    Returns the files that could not be read."""
    tail = index_tail(out, 1)
    last_name = record_name(tail[-1]["scan"]["finished_at"]) if tail else ""
    fresh = [p for p in snapshot_files(out) if p.name > last_name]
    if not fresh:
        return []
    lines = read_index(out) if tail else []
    fresh = [p for p in fresh if p.name not in referenced(lines)[0]]
    problems, by_pass = [], {}
    for path in fresh:
        try:
            by_pass[read_snapshot(path)["scan"]["pass"]] = path  # the later file of a pass wins
        except (OSError, ValueError) as error:
            problems.append(f"{path}: {error}")
    previous = Store(Path(out), lines).snapshot(lines[-1]["pass"]) if lines else None
    added = list(lines)
    for number in sorted(n for n in by_pass if not lines or n > lines[-1]["pass"]):
        path = by_pass[number]
        snapshot = read_snapshot(path)
        line = describe(snapshot, previous, rows_before(added, len(added)))
        line["scan"] = snapshot["scan"]
        line["content"], line["chain"] = {"full": path.name}, [0, 0, path.stat().st_size]
        added.append(line)
        previous = snapshot
    if len(added) > len(lines):
        write_index(out, added)
    return problems
