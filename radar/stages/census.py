"""Census: file names and definition names that recur across subsystems' own namespaces.

Each recurrence is classified: `shape-match` when the recurring units cluster together in a
candidate, `collision` when the name is shared but the structure is not, `decided` when a
human decision covers it. This is what catches the classic trap: same noun, different thing.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from radar.config import Decision, matches
from radar.stages.shape import Shape

if TYPE_CHECKING:  # what the census reads; a pass whose findings are remembered reads its Recurrences only
    from radar.stages.analyse import FileResult
    from radar.stages.gate import Candidate


@dataclass(frozen=True)
class CensusRow:
    name: str
    kind: str  # file | definition
    owners: tuple[str, ...]
    count: int  # how many files or definitions carry the name
    verdict: str  # shape-match | collision | decided
    candidates: tuple[str, ...]
    locations: tuple[str, ...]  # "subsystem: path:line"
    reason: str | None


@dataclass(frozen=True)
class Place:
    subsystem: str
    path: str
    start: int
    end: int
    exact: str | None  # the unit's shape fingerprint (the module's, for a file)


@dataclass(frozen=True)
class Recurrence:
    """A file name or definition name found in two or more subsystems."""

    name: str
    kind: str  # file | definition
    places: tuple[Place, ...]


def recurrences(results: list[FileResult]) -> tuple[Recurrence, ...]:
    """The names that recur across subsystems: what the census classifies (pass after pass)."""
    files: dict[str, list[FileResult]] = defaultdict(list)
    definitions: dict[str, list[Shape]] = defaultdict(list)
    for result in results:
        files[result.path.rpartition("/")[2]].append(result)
        for shape in result.shapes:
            if shape.kind not in ("module", "block"):  # a block bears its function's name
                definitions[shape.name].append(shape)
    # Places are made only for recurring names: most names live in one subsystem.
    found = [Recurrence(name, "file", tuple(map(_file_place, owners)))
             for name, owners in files.items() if _in_two_subsystems(owners)]
    found += [Recurrence(name, "definition", tuple(map(_place, owners)))
              for name, owners in definitions.items() if _in_two_subsystems(owners)]
    return tuple(found)


def census(recurring: tuple[Recurrence, ...], candidates: tuple[Candidate, ...],
           decisions: tuple[Decision, ...]) -> tuple[CensusRow, ...]:
    instances = _instances_by_file(candidates)
    rows = [_row(r.name, r.kind, r.places, instances, decisions) for r in recurring]
    return tuple(sorted(rows, key=lambda r: (r.kind != "file", -len(r.owners), -r.count, r.name)))


def _in_two_subsystems(found: list) -> bool:
    first = found[0].subsystem
    return any(item.subsystem != first for item in found)


def _file_place(result: FileResult) -> Place:
    module = next((s.exact for s in result.shapes if s.kind == "module"), None)
    return Place(result.subsystem, result.path, 1, 1 << 30, module)


def _place(shape: Shape) -> Place:
    return Place(shape.subsystem, shape.path, shape.start_line, shape.end_line, shape.exact)


def _instances_by_file(candidates: tuple[Candidate, ...]) -> dict[tuple[str, str], list[tuple[str, int, int]]]:
    index: dict[tuple[str, str], list[tuple[str, int, int]]] = defaultdict(list)
    for candidate in candidates:
        for i in candidate.instances:
            index[(i.subsystem, i.path)].append((candidate.id, i.start_line, i.end_line))
    return index


def _row(name: str, kind: str, places: tuple[Place, ...], instances, decisions) -> CensusRow:
    owners = tuple(sorted({place.subsystem for place in places}))
    locations = tuple(sorted(f"{p.subsystem}: {p.path}:{p.start}" for p in places))
    holding = _holding(places, kind, instances)
    decided_ids = frozenset(d.match.id for d in decisions if d.match.id)
    decision = next((d for d in decisions if _covers(d, [p.path for p in places], name, holding, decided_ids)), None)
    if decision is not None:
        verdict, reason = "decided", f"{decision.verdict}: {decision.reason}"
    elif holding:
        verdict, reason = "shape-match", "the recurring units cluster together"
    elif _identical_in_two_owners(places):
        verdict, reason = "shape-match", "identical shape, too small or too common to be a candidate"
    else:
        verdict, reason = "collision", "same name, different structure"
    return CensusRow(name, kind, owners, len(places), verdict, holding, locations, reason)


def _holding(places: tuple[Place, ...], kind: str, instances) -> tuple[str, ...]:
    """The candidates whose instances cover the recurrence in two or more owners."""
    covered: dict[str, set[str]] = defaultdict(set)
    for place in places:
        for candidate_id, start, end in instances.get((place.subsystem, place.path), ()):
            if kind == "file" or start <= place.start and place.end <= end:
                covered[candidate_id].add(place.subsystem)
    return tuple(sorted(i for i, owners in covered.items() if len(owners) >= 2))


def _identical_in_two_owners(places: tuple[Place, ...]) -> bool:
    owners_of: dict[str, set[str]] = defaultdict(set)
    for place in places:
        if place.exact:
            owners_of[place.exact].add(place.subsystem)
    return any(len(owners) >= 2 for owners in owners_of.values())


def _covers(decision: Decision, paths: list[str], name: str, holding: tuple[str, ...],
            decided_ids: frozenset[str]) -> bool:
    """A decision covers a row only when it covers all of it: a verdict on one candidate never
    relabels a name that many files share (every candidate holding the row must be decided),
    and a glob must match every recurring file, or the name itself."""
    if decision.match.id and decision.match.id in holding:
        return all(h in decided_ids for h in holding)
    match = decision.match
    if match.names and matches(dataclasses.replace(match, id=None, paths=()), "", (), [name]):
        return True
    return bool(match.paths) and all(matches(dataclasses.replace(match, id=None, names=()), "", [p], ()) for p in paths)
