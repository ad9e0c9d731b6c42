"""Findings: what parsing and clustering found, in the form later stages read, and its memo.

Findings are a function of the fleet's files (by blob id), the shaping code and the size floor,
nothing else: no time, no history, no decisions. So a pass over an unchanged fleet takes them
whole from the cache (one entry) and neither loads a shape nor clusters. The memo is checked
like every cache entry (a bad one is a miss), and the few outcomes that depend on the file
system rather than on content (a file that could not be read) are re-checked before it is used.
The memo's shapes hold what the stages after find read, not what only clustering reads.
"""
from __future__ import annotations

import marshal
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from operator import attrgetter
from typing import TYPE_CHECKING

from radar.stages.reading import FILE_SYSTEM_SKIPS, FileWork, read_source
from radar.stages.census import Place, Recurrence
from radar.infra.cache import SHAPING
from radar.reuse.clusters_memo import decode_clusters, encode_clusters, fingerprint_of
from radar.stages.cluster import Cluster
from radar.stages.shape import Shape

if TYPE_CHECKING:  # what parsing gives; findings taken whole from the cache (a warm pass) parse nothing
    from radar.stages.analyse import FileResult
    from radar.stages.parse import Reference

    # (subsystem, path, language, references as parse.py found them)
    FileReferences = tuple[str, str, str, tuple[Reference, ...]]


@dataclass(frozen=True)
class Findings:
    files: tuple[tuple[str, int, int], ...]  # (subsystem, files, units)
    skipped: tuple[tuple[str, int], ...]  # (reason, files), for the reasons that occurred
    filtered: tuple[tuple[str, int], ...]  # (filter, what it kept out)
    clusters: tuple[Cluster, ...]  # idioms already left out
    recurrences: tuple[Recurrence, ...]  # for the census
    unread: tuple[tuple[str, str, str], ...] = ()  # (subsystem, path, reason) of files to re-check
    parse_errors: tuple[tuple[str, str], ...] = ()  # (subsystem, path) of files that did not parse fully
    references: tuple[FileReferences, ...] = ()  # of the files that have any, for deps.py
    # the memo key they are filed under (memo_key: every file's content and the settings), when
    # they came through the cache: what a memo of what follows them is keyed by (outputs/outcome.py)
    key: str | None = field(default=None, compare=False)
    # the key of the findings these were taken whole from, when the files that changed since moved
    # no shape and no reference (reuse/incremental.py): what is filed by that key holds for these
    origin: str | None = field(default=None, compare=False)
    # read from a memo: the recurrences and references, still marshalled (`whole` reads them); a
    # pass that publishes the last outcome again reads neither, and building their objects had
    # been 0.01 s of its ~0.3 s on moto
    deferred: bytes | None = field(default=None, compare=False, repr=False)

    @property
    def file_count(self) -> int:
        return sum(files for _, files, _ in self.files)


def tally(results: list[FileResult]) -> tuple[tuple[str, int, int], ...]:
    files, units = Counter(), Counter()
    for result in results:
        files[result.subsystem] += 1
        units[result.subsystem] += len(result.shapes)
    return tuple((subsystem, files[subsystem], units[subsystem]) for subsystem in sorted(files))


def unread(results: list[FileResult]) -> tuple[tuple[str, str, str], ...]:
    return tuple((r.subsystem, r.path, r.skipped) for r in results if r.skipped in FILE_SYSTEM_SKIPS)


def parse_errors(results: list[FileResult]) -> tuple[tuple[str, str], ...]:
    return tuple((r.subsystem, r.path) for r in results if r.parse_error or r.skipped == "parse_error")


def references(results: list[FileResult]) -> tuple[FileReferences, ...]:
    return tuple((r.subsystem, r.path, r.language, r.references) for r in results if r.references)


def file_table(files: list[tuple[str, ...]], results: list[FileResult]) -> dict[tuple[str, str, str], tuple]:
    """(subsystem, path, language) -> (blob or skip reason, skip reason, parse error, digest of
    the shapes) of each file: what tells the next pass whether a changed file moved a shape."""
    return {file[:3]: (file[3], r.skipped, r.parse_error, r.shapes_digest) for file, r in zip(files, results)}


def memo_key(files: Iterable[tuple[str, ...]], floor: int) -> str:
    """`files` are (subsystem, path, language, blob or skip reason) of every file to parse."""
    return f"findings/{SHAPING}/" + fingerprint_of(files, floor)


def still_valid(findings: Findings, works: list[FileWork]) -> bool:
    """False when a file that could not be read now reads differently."""
    if not findings.unread:
        return True
    where = {(work.subsystem, work.path): work.abspath for work in works}  # same files: same memo key
    return all(read_source(where[(subsystem, path)])[1] == reason
               for subsystem, path, reason in findings.unread)


# --- the memo: marshal-able tuples -------------------------------------------------------

def encode(findings: Findings) -> tuple:
    # each shape once, however many clusters hold it; by identity: hashing a shape's long
    # streams cost a tenth of a second on a large repository
    shapes: dict[int, tuple[int, Shape]] = {}
    clusters = encode_clusters(findings.clusters, lambda shape: _index(shapes, shape))
    deferred = findings.deferred
    if deferred is None:
        recurrences = tuple((r.name, r.kind, tuple(map(_PLACE_FIELDS, r.places))) for r in findings.recurrences)
        deferred = marshal.dumps((recurrences, findings.references))
    return (9, findings.files, findings.skipped, findings.filtered,
            tuple(_slim(shape) for _, shape in shapes.values()),
            clusters, findings.unread, findings.parse_errors, deferred)


def decode(memo: object) -> Findings | None:
    """The findings of a memo, their recurrences and references deferred (`whole`), or None when
    it is not one this version wrote."""
    try:
        version, files, skipped, filtered, shapes, clusters, unread_files, failed, deferred = memo
        if version != 9 or not isinstance(deferred, bytes):
            return None
        table = [Shape(*fields) for fields in shapes]
        return Findings(
            files=tuple(files), skipped=tuple(skipped), filtered=tuple(filtered),
            clusters=decode_clusters(clusters, table.__getitem__), recurrences=(),
            unread=tuple(unread_files), parse_errors=tuple(map(tuple, failed)), deferred=deferred)
    except (TypeError, ValueError, IndexError):
        return None


def whole(findings: Findings) -> Findings:
    """The findings with their recurrences and references: what a pass that judges reads (the
    census, the dependencies). The deferred bytes are a memo's, checked with it by the cache."""
    if findings.deferred is None:
        return findings
    recurrences, refs = marshal.loads(findings.deferred)
    return replace(findings, deferred=None,
                   recurrences=tuple(Recurrence(name, kind, tuple(Place(*p) for p in places))
                                     for name, kind, places in recurrences),
                   references=tuple((s, p, lang, tuple(map(tuple, found))) for s, p, lang, found in refs))


_SHAPE_FIELDS = attrgetter(*(f.name for f in fields(Shape)))
# What only clustering reads (candidate pairs, content words): the stages after find never do,
# so the memo leaves it out. Every member's streams stay: the gate reads them (whether the copy
# a consumer would adopt is private: its blind stream; whether the copies say a home's name:
# their names), and a pass taking remembered findings must judge as one clustering afresh.
_FIELD_AT = {f.name: n for n, f in enumerate(fields(Shape))}
_CLUSTERING_ONLY = ((_FIELD_AT["samples"], ()), (_FIELD_AT["vocab"], ""))


def _slim(shape: Shape) -> tuple:
    values = list(_SHAPE_FIELDS(shape))
    for at, empty in _CLUSTERING_ONLY:
        values[at] = empty
    return tuple(values)


_PLACE_FIELDS = attrgetter(*(f.name for f in fields(Place)))


def _index(table: dict[int, tuple[int, Shape]], shape: Shape) -> int:
    return table.setdefault(id(shape), (len(table), shape))[0]
