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
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import timedelta

from radar.infra.cache import code_stamp
from radar.infra.deltas import PIECE, SCAN_PREFIX, compact_json

FORMAT = 1
QUIET = b',"quiet_passes":'
CUT = PIECE.encode()  # where deltas cut a line into pieces
CANDIDATES_OPEN = b' "candidates": ['
# the modules whose code turns a pass's inputs into what it publishes (besides this one)
JUDGES = ("radar", "radar.config", "radar.pipeline", "radar.stages.discover", "radar.stages.history",
          "radar.stages.gate", "radar.stages.rank", "radar.stages.census", "radar.stages.shape",
          "radar.stages.content", "radar.stages.cluster", "radar.stages.lastpass", "radar.outputs.publish",
          "radar.outputs.backlog", "radar.outputs.census_md", "radar.infra.deltas")


@dataclass(frozen=True)
class Outcome:
    """What the last pass published, for this one (see the module docstring)."""

    data: bytes  # latest.json's bytes with this pass's quiet_passes (and the last pass's scan line)
    pieces: dict[int, list]  # per line whose counts moved: [[piece, text], ...] (deltas' "r" operations)
    subsystems: tuple  # lastpass.SubsystemRow, in the snapshot's order
    candidates: tuple  # lastpass.CandidateRow, in the snapshot's order (this pass's quiet_passes)
    backlog: tuple  # backlog.render_parts
    idle: tuple[str, ...]  # warnings: the decisions no candidate followed


def filed(key: str | None, backlog: tuple, idle: tuple[str, ...]) -> tuple | None:
    """What a pass files with its LastPass (lastpass.LastPass.outcome); None without a key."""
    return None if key is None else (key, backlog, tuple(idle))


def key_of(rules, fleet, findings, deps, identified, history, past) -> str | None:
    """The key of what this pass publishes (module docstring); None when something it depends
    on has no key (no cache, unreadable code): then nothing is remembered or taken."""
    if findings.key is None or deps.key is None:
        return None
    code = code_stamp(("outcome", FORMAT), [sys.modules.get(name) for name in JUDGES] + [sys.modules[__name__]])
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
    digest.update(f"\0{code}\0{findings.key}\0{deps.key}".encode("utf-8", "surrogatepass"))
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
    for this pass; None for anything else."""
    from radar.stages.gate import member_key
    from radar.stages.history import quiet_passes

    latest = past.latest
    if key is None or latest is None or latest.data is None or not latest.outcome or latest.outcome[0] != key:
        return None
    _, backlog, idle = latest.outcome
    rows = list(latest.candidates)
    counts = [[quiet_passes(member_key(i[0], i[1], i[2], i[3]), i[4], past) for i in row[6]] for row in rows]
    moved = [n for n, row in enumerate(rows) if any(count != i[5] for count, i in zip(counts[n], row[6]))]
    data, pieces = latest.data, {}
    if moved:  # the lines as bytes: the text is not ASCII, and str's split and join cost 4x as much
        lines = data.split(b"\n")
        try:
            first = lines.index(CANDIDATES_OPEN) + 1
        except ValueError:
            return None
        if len(lines) <= first + len(rows) or lines[first + len(rows)] not in (b" ]", b" ],"):
            return None
        for n in moved:
            requieted = _requieted(lines[first + n], rows[n][6], counts[n])
            if requieted is None:
                return None
            lines[first + n], pieces[first + n] = requieted
            rows[n] = (*rows[n][:6], tuple((*i[:5], count, *i[6:]) for i, count in zip(rows[n][6], counts[n])))
        data = b"\n".join(lines)
    return Outcome(data, pieces, latest.subsystems, tuple(rows), backlog, tuple(idle))


def _requieted(line: bytes, instances: tuple, counts: list[int]) -> tuple[bytes, list] | None:
    """`line` with its instances' quiet_passes set to `counts`, and the pieces that changed
    (numbered as deltas.PIECE cuts the line); None when the line does not hold one count per
    instance, each as the row has it."""
    out, changed, at, boundary = [], [], 0, 0
    for instance, count in zip(instances, counts):
        where = line.find(QUIET, at)
        if where < 0:
            return None
        boundary += line.count(CUT, at, where) + 1
        digits, was = where + len(QUIET), str(instance[5]).encode()
        end = digits + len(was)
        if line[digits:end] != was or line[end:end + 1].isdigit():
            return None
        out += (line[at:digits], str(count).encode())
        if count != instance[5]:
            stop = line.find(CUT, end)
            stop = stop if stop >= 0 else len(line) - line.endswith(b",")
            changed.append([boundary, (line[where + len(CUT):digits] + str(count).encode()
                                       + line[end:stop]).decode("utf-8")])
        at = end
    if line.find(QUIET, at) >= 0:
        return None
    out.append(line[at:])
    return b"".join(out), changed


def with_scan(data: bytes, scan: dict) -> bytes:
    """The encoded snapshot `data` with `scan` as its scan object."""
    start = data.index(b"\n" + SCAN_PREFIX.encode()) + 1
    end = data.index(b"\n", start)
    comma = b"," if data[end - 1:end] == b"," else b""
    return b"".join((data[:start], (SCAN_PREFIX + compact_json(scan)).encode("utf-8"), comma, data[end:]))


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
