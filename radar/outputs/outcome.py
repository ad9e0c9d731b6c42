"""What a pass published, taken again: a pass whose inputs are the last pass's publishes that
pass's candidates, census and subsystems again without judging them again.

After its findings (reuse/), a pass gates, ranks, takes a census, builds its snapshot, encodes
it and renders the backlog: ~0.15 s of the ~0.45 s of a warm pass on moto (2026-12-02), the
same work each time nothing changed. Each pass files, with what the next pass reads of its
snapshot (stages/lastpass.py, in the cache folder, checked against latest.json's bytes), a key
naming everything its candidates, census and subsystems are made of, its backlog but for what
the Last scan section takes from the scan, and the decisions no candidate followed. The key:
- this code (the modules that judge and publish, the radar's version) and the rules, all of them;
- the fleet as discovery found it (every subsystem and file: blob, dates, dirty, activity...)
  but its clock, for which the key holds what the gate reads of it: each file changed inside
  the stability window, with its age as the gate words it;
- the findings (their memo key: every file's content and the settings) and the dependencies
  (theirs: references, files, manifests, code);
- what the last pass gives the candidates: their ids (history.identify), the shapes that moved
  and the subsystems that keep moving (history.gate_history), the pass each was first seen in,
  and for a decided candidate that grew, the pass number its review names.
A pass whose key is the last pass's takes latest.json's lines but the scan line, the rows it
read of them and the backlog's parts, and makes its scan line and Last scan section afresh.
Each instance's quiet_passes counts passes, so it moves in the passes after any change: it is
no part of the key; the lines and rows take this pass's counts (in an encoded line each is the
text after `,"quiet_passes":`, which no encoded string holds: its quote would be escaped).
Any other last pass (another key, a latest.json decoded rather than read through the cache,
other code) is a miss, and the pass judges as before: the same snapshot either way
(tests/outputs/test_outcome.py).
"""
from __future__ import annotations

import hashlib
import json
import pickle
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import timedelta

from radar.infra.cache import code_stamp
from radar.infra.deltas import PIECE, SCAN_PREFIX, compact_json

FORMAT = 1
QUIET = b',"quiet_passes":'
CUT = PIECE.encode()  # where deltas cut a line into pieces
CANDIDATES_OPEN = b' "candidates": ['
SCAN_START = SCAN_PREFIX.encode()
# the modules whose code turns a pass's inputs into what it publishes (besides this one)
JUDGES = ("radar", "radar.config", "radar.pipeline", "radar.stages.discover", "radar.stages.history",
          "radar.stages.gate", "radar.stages.forks", "radar.stages.homes", "radar.stages.declared", "radar.stages.rank",
          "radar.stages.census", "radar.stages.shape", "radar.stages.content", "radar.stages.cluster",
          "radar.stages.toolfiles", "radar.stages.nesting", "radar.stages.wrappers", "radar.stages.lastpass",
          "radar.outputs.publish", "radar.outputs.backlog", "radar.outputs.census_md", "radar.infra.deltas")


@dataclass(frozen=True)
class Outcome:
    """What the last pass published, for this one (see the module docstring)."""

    data: bytes  # latest.json's bytes
    edits: tuple[tuple[int, int, bytes], ...]  # (offset, length, bytes): the quiet_passes that moved
    pieces: dict[int, list] | None  # line -> the pieces those edits changed ({}: none; None: see published)
    subsystems: tuple  # lastpass.SubsystemRow, in the snapshot's order
    candidates: tuple  # lastpass.CandidateRow, in the snapshot's order (this pass's quiet_passes)
    backlog: tuple  # backlog.render_parts
    idle: tuple[str, ...]  # warnings: the decisions no candidate followed


def filed(key: str | None, backlog: tuple, idle: tuple[str, ...], candidates: tuple) -> tuple | None:
    """What a pass files with its LastPass (lastpass.LastPass.outcome; `candidates`: its rows);
    None without a key, or when an instance shows no code: its file could not be read, which
    the key does not name (the same blob read later would show its code)."""
    if key is None or not all(instance[9] for row in candidates for instance in row[6]):
        return None
    return key, backlog, tuple(idle)


def key_of(rules, fleet, findings, deps: str | None, identified, history, past) -> str | None:
    """The key of what this pass publishes (module docstring; `deps`: deps.dependencies_key);
    None when something it depends on has no key (unreadable code): then nothing is taken."""
    if findings.key is None or deps is None:
        return None
    code = code_stamp(("outcome", FORMAT), (*JUDGES, __name__))
    if code is None:
        return None
    before = {row[0]: row for row in past.latest.candidates} if past.latest else {}
    ids = tuple(candidate_id for candidate_id, _ in identified)
    first_seen = tuple(before[i][3] if i in before and before[i][3] is not None else past.next_pass for i in ids)
    grew = tuple((i, len(before[i][2])) for i, found in identified
                 if i in before and len(found.subsystems) > len(before[i][2]))
    number = past.latest.number if grew and rules.decisions else None
    inputs = (rules, replace(fleet, scanned_at=None), _clock(fleet, rules.gate.stable_days), ids, first_seen,
              grew, number, sorted(history.reshaped), sorted(history.moving))
    digest = hashlib.blake2b(pickle.dumps(inputs, 4), digest_size=16)
    digest.update(f"\0{code}\0{findings.key}\0{deps}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _clock(fleet, stable_days: int) -> tuple:
    """What the gate reads of the fleet's clock: each file changed inside the stability window,
    and its age in the gate's words (discover.describe_age)."""
    if fleet.kind != "git":
        return ()
    from radar.stages.discover import describe_age

    now, window = fleet.scanned_at, timedelta(days=stable_days)
    return tuple((s.name, f.path, describe_age(now - f.last_change)) for s in fleet.subsystems for f in s.files
                 if f.last_change is not None and now - f.last_change < window)


def published(past, key: str | None) -> Outcome | None:
    """What the last pass published, for this pass to publish again, when it was filed under
    `key` (lastpass.LastPass.outcome: its key, backlog parts and idle decisions; its lines are
    latest.json's, its rows what this pass read of it), each instance's quiet_passes counted
    for this pass; None for anything else. The counts are edits of latest.json's bytes, not
    lines split and joined again: a 4 MB text costs a copy each time (and its page faults), and
    as str (it is not ASCII) four times as much."""
    from radar.stages.history import quiet_passes

    latest = past.latest
    if key is None or latest is None or latest.data is None or not latest.outcome or latest.outcome[0] != key:
        return None
    _, backlog, idle = latest.outcome
    rows, data = list(latest.candidates), latest.data
    counts = [[quiet_passes((i[0], i[1], i[2], i[3] == "block"), i[4], past) for i in row[6]]  # gate.member_key
              for row in rows]
    moved = [n for n, row in enumerate(rows) if any(count != i[5] for count, i in zip(counts[n], row[6]))]
    edits: list[tuple[int, int, bytes]] = []
    pieces: dict[int, list] | None = {}
    if moved:
        spans = _candidate_lines(data, len(rows))
        if spans is None or len({row[0] for row in rows}) != len(rows):  # lines told apart by their ids
            return None
        first, spans = spans
        for n in moved:
            found = _requieted(data, *spans[n], rows[n][6], counts[n])
            if found is None:
                return None
            edits += found[0]
            if pieces is not None and _shorter({"r": first + n, "t": found[1]}, data, *spans[n]):
                pieces[first + n] = found[1]
            else:
                pieces = None  # make_delta would not patch that line by pieces: let it compare
            rows[n] = (*rows[n][:6], tuple((*i[:5], count, *i[6:]) for i, count in zip(rows[n][6], counts[n])))
    return Outcome(data, tuple(edits), pieces, latest.subsystems, tuple(rows), backlog, tuple(idle))


def _candidate_lines(data: bytes, count: int) -> tuple[int, list[tuple[int, int]]] | None:
    """The number of the first candidate's line, and where each of the `count` lines is."""
    opening = data.find(b"\n" + CANDIDATES_OPEN + b"\n")
    if opening < 0:
        return None
    at, spans = opening + len(CANDIDATES_OPEN) + 2, []
    for _ in range(count):
        end = data.find(b"\n", at)
        if end < 0:
            return None
        spans.append((at, end))
        at = end + 1
    if data[at:at + 2] != b" ]":
        return None
    return data.count(b"\n", 0, opening + 1) + 1, spans


def _requieted(data: bytes, start: int, end: int, instances: tuple, counts: list[int]) -> tuple[list, list] | None:
    """The edits that set the quiet_passes of the line data[start:end] to `counts`, and the pieces
    they change (numbered as deltas.PIECE cuts the line); None when the line does not hold one
    count per instance, each as the row has it."""
    edits, changed, at, boundary = [], [], start, 0
    for instance, count in zip(instances, counts):
        where = data.find(QUIET, at, end)
        if where < 0:
            return None
        boundary += data.count(CUT, at, where) + 1
        digits, was = where + len(QUIET), str(instance[5]).encode()
        after = digits + len(was)
        if data[digits:after] != was or data[after:after + 1].isdigit():
            return None
        if count != instance[5]:
            now = str(count).encode()
            stop = data.find(CUT, after, end)
            stop = stop if stop >= 0 else end - (data[end - 1:end] == b",")
            edits.append((digits, len(was), now))
            changed.append([boundary, (data[where + len(CUT):digits] + now + data[after:stop]).decode("utf-8")])
        at = after
    return None if data.find(QUIET, at, end) >= 0 else (edits, changed)


def _shorter(patch: dict, data: bytes, start: int, end: int) -> bool:
    """Whether `patch` is shorter than the line data[start:end] (as make_delta patches a line)."""
    size, end = len(compact_json(patch)), end - (data[end - 1:end] == b",")
    return size * 4 < end - start or size < len(data[start:end].decode("utf-8"))  # a character: 1 to 4 bytes


def encoded(found: Outcome, scan: dict) -> bytes:
    """The snapshot to publish: latest.json's bytes with its quiet_passes edited and `scan` as its
    scan object, joined once."""
    data = found.data
    start = data.index(b"\n" + SCAN_START) + 1
    newline = data.index(b"\n", start)
    end = newline - (data[newline - 1:newline] == b",")  # the scan line's comma stays
    view, parts, at = memoryview(data), [], 0
    for offset, length, text in sorted([(start, end - start, (SCAN_PREFIX + compact_json(scan)).encode("utf-8")),
                                        *found.edits]):
        parts += (view[at:offset], text)
        at = offset + length
    parts.append(view[at:])
    return b"".join(parts)


def line_count(data: bytes) -> int:
    """len(deltas.split_lines(data's text)), without a copy of `data`."""
    trailing = 0
    while trailing < len(data) and data[len(data) - trailing - 1] == 10:  # "\n"
        trailing += 1
    return data.count(b"\n") - trailing + 1


class LazySnapshot(Mapping):
    """A snapshot read from its encoded bytes (publish.encode_snapshot's layout), each top-level
    key decoded when first asked for: a pass that publishes the last pass's outcome again hands
    its caller this, not a decoded 4 MB dict (`known`: values it has already)."""

    def __init__(self, data: bytes, known: dict):
        self._data = data
        self._values = dict(known)
        self._names: list[str] | None = None

    def __getitem__(self, name: str):
        if name not in self._values:
            start = self._data.find(b"\n " + json.dumps(name).encode("utf-8") + b": ")
            if start < 0:
                raise KeyError(name)
            start = self._data.index(b": ", start) + 2
            end = self._data.index(b"\n", start)
            if self._data[start:end] == b"[":  # a list, one element per line, closed by " ]"
                end = self._data.index(b"\n ]", end) + 3
            value = self._data[start:end]
            self._values[name] = json.loads(value[:-1] if value.endswith(b",") else value)
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        if self._names is None:
            self._names = [json.loads(m.group(1)) for m in re.finditer(rb'\n ("(?:[^"\\]|\\.)*"): ', self._data)]
        return iter(self._names)

    def __len__(self) -> int:
        return sum(1 for _ in self)
