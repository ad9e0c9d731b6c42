"""What one clustering worked out, kept so the next clustering (a pass after an edit) redoes
only what its change touches.

Two steps of cluster.py cost most of a clustering and are local: trimming one component of the
verified graph into clusters (`_trim`: it looks only at the component's groups and edges) and
weighing one cluster's content (`_weigh`: its members' vocabs and, of the fleet-wide Rarity,
only the facts about the characters those vocabs hold). Each answer is filed under a digest of
everything it depends on, so an entry from other inputs is a miss, never a wrong answer; the
whole memo also carries a stamp of the code and settings that made it (`stamp`), and a memo
with another stamp is not read at all. Answers name members by position, never by content:
the shapes they point at are the current pass's.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from radar.infra.cache import code_stamp
from radar.stages import content, nesting, shape, wrappers
from radar.stages.content import Rarity, draws_a_picture
from radar.stages.shape import Shape, similarities, similarity

Digest = bytes


@dataclass(frozen=True)
class Worked:
    """Answers by digest of their inputs: components trimmed, clusters weighed. A clustering
    reads one Worked (the last one's) and fills a fresh one with every answer it used, so the
    memo holds the current state and nothing older."""

    trims: dict[Digest, tuple] = field(default_factory=dict)
    weighs: dict[Digest, tuple] = field(default_factory=dict)
    alignments: dict[Digest, float] = field(default_factory=dict)  # two streams' digests -> similarity


@lru_cache(maxsize=8)
def stamp(settings: tuple) -> str | None:
    """The code and settings the answers come from: cluster.py's settings, content.py's
    weighing constants, and the source of the modules that compute them, wrappers.py's choice of
    units included (None when a source cannot be read: then no memo is ever taken)."""
    return code_stamp((settings, content.COMPARED, content.API_WEIGHT, content.CONVENTION_FLOOR, _aligner_version()),
                      (content, shape, nesting, wrappers, _cluster_module()))


def _aligner_version() -> str:
    """The alignment's own version: shape.similarity is rapidfuzz's Indel."""
    import rapidfuzz  # as shape.similarity does: only a pass that clusters loads it
    return getattr(rapidfuzz, "__version__", "?")


def _cluster_module():
    from radar.stages import cluster  # cluster.py imports this module
    return cluster


def encode(worked: Worked, settings: tuple) -> tuple:
    return (stamp(settings), worked.trims, worked.weighs, worked.alignments)


def decode(value: object, settings: tuple) -> Worked | None:
    """The memo, when it was made by this code with these settings (else None: start afresh)."""
    try:
        made, trims, weighs, alignments = value
    except (TypeError, ValueError):
        return None
    if made is None or made != stamp(settings) or not all(isinstance(d, dict) for d in (trims, weighs, alignments)):
        return None
    return Worked(trims, weighs, alignments)


# ---------------------------------------------------------------- aligning two streams

def stream_digest(stream: str) -> Digest:
    """What an alignment of this stream reads: the stream (cluster.py keys a group's blind
    stream by its group key, which names the stream)."""
    return hashlib.blake2b(stream.encode("utf-8", "surrogatepass"), digest_size=16, person=b"stream").digest()


def aligned(first: Digest, second: Digest, a: str, b: str, earlier: Worked, worked: Worked,
            ready: dict[Digest, float] | None = None) -> float:
    """similarity(a, b), `first` and `second` naming the two streams; an earlier clustering's
    answer for the same two is taken (alignment is symmetric: the key is the sorted pair), or
    one aligned ahead (`ready`)."""
    key = _pair_key(first, second)
    score = earlier.alignments.get(key)
    if type(score) is not float:
        score = ready.get(key) if ready else None
        if score is None:
            score = similarity(a, b)
    worked.alignments[key] = score
    return score


def aligned_many(names: Sequence[tuple[Digest, Digest]], pairs: Sequence[tuple[str, str]], earlier: Worked,
                 worked: Worked, workers: int = 1) -> list[float]:
    """aligned() of each pair (`names[i]` naming the two streams of `pairs[i]`), those no
    earlier clustering aligned in one batch (shape.similarities: across `workers` threads)."""
    keys = [_pair_key(first, second) for first, second in names]
    todo = {key: pair for key, pair in zip(keys, pairs) if type(earlier.alignments.get(key)) is not float}
    fresh = dict(zip(todo, similarities(list(todo.values()), workers)))
    scores = []
    for key in keys:
        score = earlier.alignments.get(key)
        score = score if type(score) is float else fresh[key]
        worked.alignments[key] = score
        scores.append(score)
    return scores


def _pair_key(first: Digest, second: Digest) -> Digest:
    return first + second if first <= second else second + first


class Aligner:
    """The two alignments a verification reads, of two groups' blind streams and of their
    vocabulary streams, each taken from an earlier clustering that aligned the same two streams
    (aligned): an edit aligns only the pairs its change touches. The pairs a step will read can
    be aligned ahead, in one batch on `workers` threads (shape.similarities: the same floats)."""

    def __init__(self, groups: Sequence[tuple[Shape, ...]], keys: Sequence[str], vocabulary: Callable[[int], str],
                 earlier: Worked, worked: Worked, workers: int = 1):
        self._groups, self._vocabulary = groups, vocabulary
        self._keys = keys  # a group key names its blind stream
        self._earlier, self._worked = earlier, worked
        self._named: dict[int, bytes] = {}
        self._workers = workers
        self._ready: dict[Digest, float] = {}

    def blind(self, a: int, b: int) -> float:
        return aligned(self._blind_key(a), self._blind_key(b), self._groups[a][0].blind,
                       self._groups[b][0].blind, self._earlier, self._worked, self._ready)

    def names(self, a: int, b: int) -> float:
        first, second = self._vocabulary(a), self._vocabulary(b)
        return aligned(self._name_key(a, first), self._name_key(b, second), first, second, self._earlier,
                       self._worked, self._ready)

    def blind_unfiled(self, a: int, b: int) -> float:
        """blind(a, b), not filed in this clustering's alignments: a trim's own comparisons,
        which its trim's answer stands for in the memo."""
        key = _pair_key(self._blind_key(a), self._blind_key(b))
        for known in (self._worked.alignments, self._ready, self._earlier.alignments):
            score = known.get(key)
            if type(score) is float:
                return score
        return similarity(self._groups[a][0].blind, self._groups[b][0].blind)

    def prepare_blind(self, pairs: Iterable[tuple[int, int]]) -> None:
        """Align ahead the blind streams of these pairs that no clustering has aligned yet."""
        self._prepare({_pair_key(self._blind_key(a), self._blind_key(b)): (a, b) for a, b in pairs},
                      lambda index: self._groups[index][0].blind)

    def prepare_names(self, pairs: Iterable[tuple[int, int]]) -> None:
        """Align ahead the vocabulary streams of these pairs that no clustering has aligned yet."""
        vocabulary = self._vocabulary
        self._prepare({_pair_key(self._name_key(a, vocabulary(a)), self._name_key(b, vocabulary(b))): (a, b)
                       for a, b in pairs}, vocabulary)

    def _prepare(self, wanted: dict[Digest, tuple[int, int]], stream: Callable[[int], str]) -> None:
        known = (self._earlier.alignments, self._worked.alignments, self._ready)
        todo = [(key, pair) for key, pair in wanted.items() if not any(type(d.get(key)) is float for d in known)]
        scores = similarities([(stream(a), stream(b)) for _, (a, b) in todo], self._workers)
        self._ready.update(zip((key for key, _ in todo), scores))

    def _blind_key(self, index: int) -> bytes:
        return bytes.fromhex(self._keys[index])

    def _name_key(self, index: int, stream: str) -> bytes:
        if index not in self._named:
            self._named[index] = stream_digest(stream)
        return self._named[index]


# ---------------------------------------------------------------- trimming a component

def trim_key(component: Sequence[int], groups: Sequence[tuple[Shape, ...]], graph: dict[int, dict[int, float]],
             group_keys: Sequence[str]) -> Digest:
    """Everything `_trim` reads: each group's stream (by its group key) and where its shapes
    are, in node order (ties are broken by node order), and the edges, by position."""
    at = {node: position for position, node in enumerate(component)}
    digest = hashlib.blake2b(digest_size=16)
    for node in component:  # fed as text, not repr'd: a component can hold thousands of shapes
        group = groups[node]  # names hold no NUL, and each group says how many shapes it has
        digest.update("\0".join([group_keys[node], str(len(group)), *(
            f"{s.subsystem}\0{s.path}\0{s.start_line}\0{s.end_line}\0{s.kind}\0{s.size}" for s in group), ""])
                      .encode("utf-8", "surrogatepass"))
        digest.update(repr(sorted((at[other], score) for other, score in graph[node].items() if other in at)).encode())
    return digest.digest()


def encode_trim(found: Sequence, component: Sequence[int], groups: Sequence[tuple[Shape, ...]]) -> tuple:
    """Trimmed clusters (members, medoid, similarities), each member as (group position, index)."""
    where = {id(s): (position, index) for position, node in enumerate(component)
             for index, s in enumerate(groups[node])}
    return tuple((tuple(where[id(m)] for m in c.members), c.medoid, c.similarities) for c in found)


def decode_trim(answer: tuple, component: Sequence[int], groups: Sequence[tuple[Shape, ...]],
                make: Callable[[tuple[Shape, ...], int, tuple[float, ...]], object]) -> list:
    return [make(tuple(groups[component[position]][index] for position, index in members), medoid, tuple(sims))
            for members, medoid, sims in answer]


# ---------------------------------------------------------------- weighing a cluster

def weigh_key(members: Sequence[Shape], medoid: int, subsystems: tuple[str, ...], rarity: Rarity) -> Digest:
    """Everything `_weigh` reads, for this cluster and any subset of it that it may weigh
    again: the members' vocabs, subsystems, paths (a tool's configuration file is its own nature),
    delegation and drawing, the medoid's behaviour, and of the
    Rarity only, per character the members hold, how many subsystems use it, which of the
    cluster's subsystems use it, which of them define it and whether any other does."""
    consumers = frozenset(subsystems)
    chars = set().union(*(m.vocab for m in members))
    ordered = sorted(chars)
    users = rarity.users.get
    definers = rarity.definers.get
    facts = (len(rarity.vocab_by_subsystem), subsystems, medoid, members[medoid].behaviour,
             [(m.subsystem, m.path, m.vocab, m.forwards, draws_a_picture(m.vocab, m.names)) for m in members],
             [users(char, 0) for char in ordered],
             ["".join(sorted(chars & rarity.vocab_by_subsystem.get(name, frozenset()))) for name in subsystems],
             [(char, bool(held - consumers), sorted(held & consumers))
              for char in ordered if (held := definers(char))])
    return _digest((ordered, facts))


def encode_weighed(weighed, members: Sequence[Shape]) -> tuple:
    """A weighing's answer: which members stay (by index), the medoid among them, their
    content and the cluster's nature."""
    index = {id(m): i for i, m in enumerate(members)}
    return (tuple(index[id(m)] for m in weighed.members), weighed.medoid, weighed.content, weighed.nature)


def _digest(value: object) -> Digest:
    return hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"), digest_size=16).digest()
