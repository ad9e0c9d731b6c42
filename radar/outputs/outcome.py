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
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import timedelta

from radar.infra.cache import code_stamp
from radar.infra.deltas import content_of, split_lines

FORMAT = 1
QUIET = ',"quiet_passes":'
CANDIDATES_OPEN = ' "candidates": ['
# the modules whose code turns a pass's inputs into what it publishes (besides this one)
JUDGES = ("radar", "radar.config", "radar.pipeline", "radar.stages.discover", "radar.stages.history",
          "radar.stages.gate", "radar.stages.rank", "radar.stages.census", "radar.stages.shape",
          "radar.stages.content", "radar.stages.cluster", "radar.stages.lastpass", "radar.outputs.publish",
          "radar.outputs.backlog", "radar.outputs.census_md", "radar.infra.deltas")


@dataclass(frozen=True)
class Outcome:
    """What the last pass published, for this one (see the module docstring)."""

    lines: tuple[str, ...]  # the snapshot's encoded lines, its scan line as deltas.SCAN_PLACEHOLDER
    subsystems: tuple  # lastpass.SubsystemRow, in the snapshot's order
    candidates: tuple  # lastpass.CandidateRow, in the snapshot's order (this pass's quiet_passes)
    first: int  # where the first candidate's line is in `lines`
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
    latest = past.latest
    if key is None or latest is None or latest.data is None or not latest.outcome or latest.outcome[0] != key:
        return None
    _, backlog, idle = latest.outcome
    try:
        lines = content_of(split_lines(latest.data.decode("utf-8")))
    except UnicodeDecodeError:
        return None
    first = lines.index(CANDIDATES_OPEN) + 1 if CANDIDATES_OPEN in lines else len(lines)
    if latest.candidates and (len(lines) <= first + len(latest.candidates)
                              or lines[first + len(latest.candidates)] != " ]"):
        return None
    return _quieted(Outcome(tuple(lines), latest.subsystems, latest.candidates, first, backlog, tuple(idle)), past)


def _quieted(found: Outcome, past) -> Outcome | None:
    """`found` with each instance's quiet_passes as this pass counts them from `past`; None when
    a line whose counts move does not hold them where they belong."""
    from radar.stages.gate import member_key
    from radar.stages.history import quiet_passes

    lines, rows = list(found.lines), list(found.candidates)
    for n, row in enumerate(found.candidates):
        instances = row[6]
        counts = [quiet_passes(member_key(i[0], i[1], i[2], i[3]), i[4], past) for i in instances]
        if all(count == i[5] for count, i in zip(counts, instances)):
            continue
        pieces = lines[found.first + n].split(QUIET)
        if len(pieces) != len(instances) + 1:
            return None
        for k, (instance, count) in enumerate(zip(instances, counts), 1):
            was = str(instance[5])
            if not pieces[k].startswith(was) or pieces[k][len(was):len(was) + 1].isdigit():
                return None
            pieces[k] = str(count) + pieces[k][len(was):]
        lines[found.first + n] = QUIET.join(pieces)
        rows[n] = (*row[:6], tuple((*i[:5], count, *i[6:]) for i, count in zip(instances, counts)))
    return replace(found, lines=tuple(lines), candidates=tuple(rows))


class LazySnapshot(Mapping):
    """A snapshot read from its encoded lines, each top-level key decoded when first asked for
    (a pass that publishes a remembered outcome hands its caller this, not a decoded 4 MB dict)."""

    def __init__(self, lines: list[str]):
        self._spans: dict[str, tuple[int, int, bool]] = {}
        self._lines = lines
        self._values: dict[str, object] = {}
        n = 1
        while n < len(lines) - 1:
            line = lines[n]
            name = json.loads(line[:line.index('": ') + 1].strip())
            if line.endswith(": ["):
                end = lines.index(" ]", n + 1)
                self._spans[name] = (n + 1, end, True)
                n = end + 1
            else:
                self._spans[name] = (n, n + 1, False)
                n += 1

    def __getitem__(self, name: str):
        if name not in self._values:
            start, end, listed = self._spans[name]
            if listed:
                self._values[name] = [json.loads(line) for line in self._lines[start:end]]
            else:
                line = self._lines[start]
                self._values[name] = json.loads(line[line.index('": ') + 3:])
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)
