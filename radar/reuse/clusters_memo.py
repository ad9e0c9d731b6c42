"""The clusters of a pass, remembered: as positions among the fleet's shapes, for the cache.

A pass whose files' shapes were all clustered before takes that clustering from here instead of
clustering again (reuse/incremental.py); findings.py stores the clusters inside the findings
memo the same way. Equal fingerprints (`fingerprint_of`) give equal clusters.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from operator import attrgetter

from radar.infra.cache import code_stamp
from radar.stages import cluster as clustering  # its SETTINGS read at each call: what it clusters by now
from radar.stages.cluster import Cluster
from radar.stages.shape import Shape, shape_order

_file_order: Callable[[Shape], tuple] = attrgetter("language", "subsystem", "path")  # shape_order's first fields


def fingerprint_of(files: Iterable[tuple[str, ...]], floor: int) -> str:
    """What cluster() depends on, hashed: equal fingerprints give equal clusters (memo key).
    `files` are (subsystem, path, language, what fixes the file's shapes: a digest of them,
    or the blob they come from)."""
    digest = hashlib.blake2b(repr((clustering.SETTINGS, floor, _clustering_code())).encode(), digest_size=16)
    for file in sorted(files):
        digest.update(repr(file).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


# The modules whose code decides the clusters and their natures: a memo made by other code is a
# miss (a nature added without a new radar version had left the last clustering's answers in place)
CLUSTERING_MODULES = ("radar.stages.cluster", "radar.stages.candidates", "radar.stages.carry", "radar.stages.worked",
                      "radar.stages.content", "radar.stages.shape", "radar.stages.nesting", "radar.stages.wrappers",
                      "radar.stages.toolfiles", "radar.stages.declaring")


@lru_cache(maxsize=1)
def _clustering_code() -> str | None:
    return code_stamp("clustering", CLUSTERING_MODULES)


def memo_of(clusters: tuple[Cluster, ...], files: Iterable[Sequence[Shape]]) -> tuple:
    """The clusters as positions in the sorted shapes (each file's, `files`, in the order the
    shapes were given): small, marshal-able, for the cache. The files sorted, then the shapes of
    those that hold a member: the positions one stable sort of every shape gives, for a fraction
    of its cost."""
    files = [shapes for shapes in files if shapes]
    holding = {_file_order(member) for member in _all_members(clusters)}
    position, first = {}, 0
    for shapes in sorted(files, key=lambda shapes: _file_order(shapes[0])):  # a file's shapes share its place
        if _file_order(shapes[0]) in holding:
            for index, shape in enumerate(sorted(shapes, key=shape_order), first):
                position[id(shape)] = index
        first += len(shapes)
    return encode_clusters(clusters, lambda shape: position[id(shape)])


def _all_members(clusters: Iterable[Cluster]) -> Iterable[Shape]:
    for found in clusters:
        yield from found.members
        yield from _all_members(found.variants)


def from_memo(memo: tuple, shapes: Iterable[Shape]) -> tuple[Cluster, ...]:
    ordered = sorted(shapes, key=shape_order)
    return decode_clusters(memo, ordered.__getitem__)


def encode_clusters(clusters: Iterable[Cluster], index_of: Callable[[Shape], int]) -> tuple:
    """Clusters (variants inside) as marshal-able tuples, each member by `index_of`."""
    return tuple((tuple(map(index_of, c.members)), c.medoid, c.similarities, c.content, c.nature,
                  encode_clusters(c.variants, index_of), c.defined_by) for c in clusters)


def decode_clusters(memo: Iterable[tuple], shape_at: Callable[[int], Shape]) -> tuple[Cluster, ...]:
    return tuple(Cluster(tuple(map(shape_at, members)), medoid, tuple(sims), tuple(content), nature,
                         decode_clusters(variants, shape_at), tuple(map(tuple, defined_by)))
                 for members, medoid, sims, content, nature, variants, defined_by in memo)
