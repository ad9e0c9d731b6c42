"""Nesting: a unit and the unit around it are one instance, and a cluster whose members lie
inside another cluster's members is reported once (the largest repeating unit, unless the
nested one is the real shape and the larger adds only noise around it)."""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from radar.stages.shape import Shape, shape_order

if TYPE_CHECKING:  # cluster.py imports this module
    from radar.stages.cluster import Cluster

MOSTLY = 0.6  # a nested unit this share of its host's size is most of it
SAME_FIDELITY = 0.02  # an enclosing cluster this close in similarity repeats just as well


def without_nesting(members: list[Shape], sims: list[float]) -> tuple[list[Shape], list[float]]:
    """A unit and the unit around it are one instance, not two: keep the closer (then larger) one."""
    order = sorted(range(len(members)), key=lambda i: (-sims[i], -members[i].size, shape_order(members[i])))
    kept: list[int] = []
    kept_in: dict[tuple[str, str], list[Shape]] = defaultdict(list)  # only units of one file nest
    for i in order:
        m = members[i]
        held = kept_in[(m.subsystem, m.path)]
        if not any(_overlap(m, other) for other in held):
            kept.append(i)
            held.append(m)
    return [members[i] for i in kept], [sims[i] for i in kept]


def _overlap(a: Shape, b: Shape) -> bool:
    return (a.subsystem, a.path) == (b.subsystem, b.path) and a.start_line <= b.end_line and b.start_line <= a.end_line


def largest_only(clusters: list[Cluster]) -> list[Cluster]:
    """Of a cluster and a cluster nested in its members, keep one: the larger, unless the
    nested one is most of it, spans as many subsystems and repeats clearly more faithfully
    (then the larger is the nested shape plus a little noise)."""
    by_file: dict[tuple[str, str], list[tuple[int, int, int, int]]] = defaultdict(list)
    for index, found in enumerate(clusters):
        for member in found.members:
            by_file[(member.subsystem, member.path)].append((member.start_line, member.end_line, member.size, index))
    starts = {}
    for file, spans in by_file.items():
        spans.sort()  # by start line: a host starts no later than what it holds
        starts[file] = [span[0] for span in spans]
    dropped = set()
    for inner, found in enumerate(clusters):
        for outer in _hosts(inner, found, by_file, starts):
            larger = clusters[outer]
            noise_around = found.representative.size >= MOSTLY * larger.representative.size
            if (noise_around and len(found.subsystems) >= len(larger.subsystems)
                    and found.similarity > larger.similarity + SAME_FIDELITY):
                dropped.add(outer)
            else:
                dropped.add(inner)
    return [found for index, found in enumerate(clusters) if index not in dropped]


def _hosts(index: int, found: Cluster, by_file, starts) -> set[int]:
    """The clusters whose members contain every member of cluster `index`; for a cluster of
    blocks, most of them: the blocks of repeating functions are those functions' parts, even
    when a drifted copy of one block elsewhere joins them."""
    blocks = all(member.kind == "block" for member in found.members)
    needed = len(found.members) // 2 + 1 if blocks else len(found.members)
    held: Counter = Counter()
    for done, member in enumerate(found.members, 1):
        file = (member.subsystem, member.path)
        start, end, size = member.start_line, member.end_line, member.size
        held.update({other for _, host_end, host_size, other in by_file[file][:bisect_right(starts[file], start)]
                     if other != index and host_size > size and end <= host_end})
        if not held and len(found.members) - done < needed:  # most have no host: known once too few are left
            return set()
    return {other for other, count in held.items() if count >= needed}
