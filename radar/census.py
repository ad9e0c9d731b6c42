"""Census: file names and definition names that recur across subsystems' own namespaces.

Each recurrence is classified: `shape-match` when the recurring units cluster together in a
candidate, `collision` when the name is shared but the structure is not, `decided` when a
human decision covers it. This is what catches the classic trap: same noun, different thing.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import PurePosixPath

from radar.analyse import FileResult
from radar.config import Decision, matches
from radar.gate import Candidate


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


def census(results: list[FileResult], candidates: tuple[Candidate, ...],
           decisions: tuple[Decision, ...]) -> tuple[CensusRow, ...]:
    files: dict[str, list[tuple[str, str, int, int]]] = defaultdict(list)
    definitions: dict[str, list[tuple[str, str, int, int]]] = defaultdict(list)
    for result in results:
        files[PurePosixPath(result.path).name].append((result.subsystem, result.path, 1, 1 << 30))
        for shape in result.shapes:
            if shape.kind != "module":
                definitions[shape.name].append((shape.subsystem, shape.path, shape.start_line, shape.end_line))
    rows = [
        _row(name, kind, places, candidates, decisions)
        for kind, table in (("file", files), ("definition", definitions))
        for name, places in table.items()
        if len({subsystem for subsystem, *_ in places}) >= 2
    ]
    return tuple(sorted(rows, key=lambda r: (r.kind != "file", -len(r.owners), -r.count, r.name)))


def _row(name, kind, places, candidates, decisions) -> CensusRow:
    owners = tuple(sorted({subsystem for subsystem, *_ in places}))
    locations = tuple(sorted(f"{s}: {p}:{start if kind == 'definition' else 1}" for s, p, start, _ in places))
    holding = tuple(sorted(c.id for c in candidates if _holds(c, places, kind)))
    decision = next((d for d in decisions if _covers(d, places, name, holding)), None)
    if decision is not None:
        verdict, reason = "decided", f"{decision.verdict}: {decision.reason}"
    elif holding:
        verdict, reason = "shape-match", "the recurring units cluster together"
    else:
        verdict, reason = "collision", "same name, different structure"
    return CensusRow(name, kind, owners, len(places), verdict, holding, locations, reason)


def _holds(candidate: Candidate, places, kind: str) -> bool:
    """A candidate holds a recurrence when its instances cover it in two or more owners."""
    covered = {
        subsystem
        for subsystem, path, start, end in places
        for instance in candidate.instances
        if instance.subsystem == subsystem and instance.path == path
        and (kind == "file" or instance.start_line <= start and end <= instance.end_line)
    }
    return len(covered) >= 2


def _covers(decision: Decision, places, name: str, holding: tuple[str, ...]) -> bool:
    if decision.match.id and decision.match.id in holding:
        return True
    paths = [path for _, path, *_ in places]
    return matches(decision.match, "", paths, [name]) and bool(decision.match.paths or decision.match.names)
