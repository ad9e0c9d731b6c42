"""History: what earlier passes (snapshots/*.json under --out) mean for this one.

Owns the pass number, stable candidate ids, what changed since the last pass, and the
stability evidence that only history gives (shapes that moved, subsystems that keep moving).

Id rule: a cluster inherits the id of the previous pass's candidate with which it shares
more than half of that candidate's members (members are subsystem + path + unit name, so
line shifts never matter); each old id goes to one cluster at most. A cluster that inherits
nothing gets a fresh id: a fingerprint of its dominant shape and its members' file names.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from radar.infra import records
from radar.stages.cluster import Cluster
from radar.stages.discover import Fleet, utc_iso
from radar.stages.lastpass import LastPass, carried, read

RECENT_PASSES = 5  # quiet_passes counts up to this many earlier passes
MOVING_PASSES = 3  # a namespace that changed in each of this many passes is active

MemberKey = tuple[str, str, str, bool]


def member_key(subsystem: str, path: str, name: str, unit: str) -> MemberKey:
    """An instance from pass to pass: its file and unit name, never its lines (they shift); a
    block, named after its function, apart from that function."""
    return (subsystem, path, name, unit == "block")


@dataclass(frozen=True)
class History:
    """What earlier passes tell the gate; empty on a first pass."""

    reshaped: frozenset[MemberKey] = frozenset()  # member_key of the instances whose shape moved
    moving: frozenset[str] = frozenset()  # subsystems whose namespace changed pass after pass


@dataclass(frozen=True)
class Past:
    """What earlier passes tell this one: the last pass (what this one reads of its snapshot,
    lastpass.py), and from the index of passes, which subsystems moved in the passes before it.
    Nothing older is read: the last snapshot's quiet_passes already count the passes before it."""

    latest: LastPass | None = None
    moved: tuple[frozenset[str], ...] = ()  # oldest first: per recent pass, subsystems whose mark changed
    unreadable: tuple[str, ...] = ()  # snapshot files that did not parse (reported, never fatal)

    @cached_property
    def shapes(self) -> dict[MemberKey, dict[str, int]]:
        """member_key -> {shape recorded last pass: its quiet_passes then}."""
        table: dict[MemberKey, dict[str, int]] = defaultdict(dict)
        for subsystem, path, name, unit, exact, quiet, *_ in (self.latest.instances() if self.latest else ()):
            if exact:
                seen = table[(subsystem, path, name, unit == "block")]  # member_key, inline: 3k instances on moto
                seen[exact] = max(seen.get(exact, 0), quiet)
        return table

    @property
    def next_pass(self) -> int:
        return (self.latest.number + 1) if self.latest else 1


@dataclass(frozen=True)
class Changes:
    new: tuple[str, ...] = ()
    grown: tuple[str, ...] = ()
    shrunk: tuple[str, ...] = ()
    gone: tuple[str, ...] = ()
    verdicts: tuple[tuple[str, str, str], ...] = ()  # (id, from, to)
    subsystems_added: tuple[str, ...] = ()
    subsystems_removed: tuple[str, ...] = ()
    cleared: tuple[str, ...] = field(default=())  # ids proposed now that were not proposed before

    @property
    def empty_pass(self) -> bool:
        return not self.cleared


def load_past(out: Path, cache_dir: Path | None = None) -> Past:
    """The last pass (latest.json, or rebuilt from the store when latest.json is behind) and the
    recent lines of the index. Reads one snapshot whatever the length of the history; the cache
    folder may hold what this pass reads of it (lastpass.py)."""
    tail = records.index_tail(out, MOVING_PASSES)
    if not tail:
        return Past()
    last = tail[-1]["pass"]
    latest = read(records.folder_of(out) / records.LATEST_NAME, cache_dir)
    unreadable = ()
    if latest is None or latest.number != last:
        try:
            latest = carried(records.Store.open(out).snapshot(last))
        except (records.HistoryError, ValueError) as error:
            return Past(unreadable=(str(error),))
    moved = tuple(frozenset(line["moved"]) for line in tail[1:]) if len(tail) == MOVING_PASSES else ()
    return Past(latest, moved, unreadable)


def identify(clusters: tuple[Cluster, ...], past: Past) -> tuple[tuple[str, Cluster], ...]:
    # member keys (gate.member_key) built inline: a call per instance was a third of this on moto
    previous = {
        candidate[0]: {(subsystem, path, name, unit == "block") for subsystem, path, name, unit, *_ in candidate[6]}
        for candidate in (past.latest.candidates if past.latest else ())
    }
    holders: dict[MemberKey, list[str]] = defaultdict(list)  # member -> old ids holding it
    for old_id, old in previous.items():
        for key in old:
            holders[key].append(old_id)
    fresh = [_fresh_id(found) for found in clusters]
    order = sorted(range(len(clusters)), key=lambda i: (-len(clusters[i].members), fresh[i]))
    ids: dict[int, str] = {}
    taken: set[str] = set()
    for index in order:
        keys = {(m.subsystem, m.path, m.name, m.kind == "block") for m in clusters[index].members}
        # shared members with each old candidate that shares any: linear in members, not
        # clusters x old candidates (hundreds of each on a large repository)
        shared = Counter(old_id for key in keys for old_id in holders.get(key, ()))
        # on a tie, its own old id: two blocks of the same functions share every member key
        # (file and function), and must not swap ids on a pass where nothing changed
        best = max(
            ((count, fresh[index].startswith(old_id), old_id) for old_id, count in shared.items()
             if old_id not in taken and count * 2 > len(previous[old_id])),
            default=None,
        )
        ids[index] = best[2] if best else _unique(fresh[index], taken | set(previous))
        taken.add(ids[index])
    return tuple((ids[i], clusters[i]) for i in range(len(clusters)))


def _fresh_id(found: Cluster) -> str:
    shape: dict[str, int] = {}
    for m in found.members:
        shape[m.exact] = shape.get(m.exact, 0) + 1
    most = max(shape.values())
    dominant = min(s for s, n in shape.items() if n == most)  # the most common shape, the least of those tied
    names = sorted({m.path.rpartition("/")[2] for m in found.members})  # file names (git paths: posix)
    digest = hashlib.blake2b("|".join([dominant, *names]).encode(), digest_size=8).hexdigest()
    return "C-" + digest


def _unique(full: str, taken: set[str]) -> str:
    for length in range(8, len(full) + 1):
        if full[:length] not in taken:
            return full[:length]
    return full


def gate_history(fleet: Fleet, clusters: tuple[Cluster, ...], past: Past) -> History:
    """Shapes that moved since the last pass, and subsystems that moved on every recent pass."""
    return History(reshaped=reshaped_instances(clusters, past), moving=_moving(fleet, past))


def reshaped_instances(clusters: tuple[Cluster, ...], past: Past) -> frozenset[MemberKey]:
    """Instances whose shape is none of those recorded for them (same file, same name) last pass."""
    before = past.shapes
    return frozenset(
        key for found in clusters for m in found.members  # member_key, inline
        if (key := (m.subsystem, m.path, m.name, m.kind == "block")) in before and m.exact not in before[key]
    )


def _moving(fleet: Fleet, past: Past) -> frozenset[str]:
    """Subsystems whose mark changed in each of the last MOVING_PASSES passes, this one included."""
    if len(past.moved) < MOVING_PASSES - 1 or past.latest is None:
        return frozenset()
    marks: dict[str, tuple] = {}  # each subsystem's mark last pass, read once (47k subsystems: not a scan each)
    for name, _, _, last_change, dirty_files in past.latest.subsystems:
        marks.setdefault(name, (last_change, dirty_files))
    moving = set()
    for subsystem in fleet.subsystems:
        before = marks.get(subsystem.name)
        now = (utc_iso(subsystem.last_change), tuple(subsystem.dirty_files))
        if before is not None and before != now and all(subsystem.name in moved for moved in past.moved):
            moving.add(subsystem.name)
    return frozenset(moving)


def quiet_passes(key: MemberKey, exact: str, past: Past) -> int:
    """How many consecutive earlier passes (up to RECENT_PASSES) recorded this instance with this
    very shape: one more than the last pass counted, when the last pass recorded it."""
    seen = past.shapes.get(key, {})
    return min(seen[exact] + 1, RECENT_PASSES) if exact in seen else 0


def compare(current: dict[str, tuple[int, str]], subsystems: list[str], past: Past) -> Changes:
    """current: id -> (consumer count, verdict)."""
    latest = past.latest or LastPass(0, None, (), (), ())
    before = {cid: (len(consumers), verdict) for cid, verdict, consumers, *_ in latest.candidates}
    had = {s[0] for s in latest.subsystems}
    return Changes(
        new=tuple(sorted(set(current) - set(before))),
        grown=tuple(sorted(i for i in current if i in before and current[i][0] > before[i][0])),
        shrunk=tuple(sorted(i for i in current if i in before and current[i][0] < before[i][0])),
        gone=tuple(sorted(set(before) - set(current))),
        verdicts=tuple(sorted((i, before[i][1], current[i][1]) for i in current
                              if i in before and before[i][1] != current[i][1])),
        subsystems_added=tuple(sorted(set(subsystems) - had)) if past.latest else (),
        subsystems_removed=tuple(sorted(had - set(subsystems))),
        cleared=tuple(sorted(i for i, (_, verdict) in current.items()
                             if verdict == "proposed" and before.get(i, (0, ""))[1] != "proposed")),
    )
