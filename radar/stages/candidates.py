"""Candidate pairs: which groups of identical units are worth aligning, without trying all pairs.

Two groups are a candidate pair when they are of one language and granularity (module, block
or definition), their sizes could still reach LINK_SIMILARITY, they share enough sampled
shingles, and they meet in the posting of a prefix sample that is not boilerplate (at most
COMMON_SHINGLE groups). Prefix filtering, as in SourcererCC: each group indexes only its rarest
samples, as many as a partner must share at least one of.

That definition looks only at each group's prefix and at the sizes of postings, so the pairs of
the last pass can be updated rather than found again: only pairs that meet in a posting whose
members changed are looked at again. `find_pairs` and `update_pairs` give the same pairs (the
tests hold them to it); the update costs about the change, not the fleet.

Shingles miss modified copies: one edit every eight tokens leaves no shingle whole. So a second,
independent source, `content_pairs`, pairs groups of different subsystems that say the same
rare things (content words few subsystems use: content.py); cluster.py verifies both kinds, but
those in a component of pairs that lies in one subsystem (`spanning_pairs`).
"""
from __future__ import annotations

import hashlib
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain, combinations

from radar.stages.shape import MIN_SAMPLES, Shape

try:  # the C extension (radar/_native.c), when `pip install` could build it; same results
    from radar import _native
except ImportError:  # pragma: no cover - where there was no compiler
    _native = None

LINK_SIMILARITY = 0.8  # below this two units are not the same shape at all (cluster.py verifies)
SIZE_RATIO = LINK_SIMILARITY / (2 - LINK_SIMILARITY)  # shortest/longest that can still reach it
COMMON_SHINGLE = 60  # a shingle shared by more groups than this is boilerplate, not evidence
SHARED_SAMPLES = 0.5  # a candidate pair shares at least this share of their samples (mean count)...
FEW_SAMPLES = 12  # ...or of the smaller one's, when both have this few (small units)
RARE_SHARE = 0.05  # a content word at most this share of subsystems use (at least 2) is rare...
RARE_SHARED = 3  # ...and groups saying this many rare words in common are a candidate pair

Granularity = tuple[str, str]  # (language, level: module | block | definition): only alike levels pair
Pair = tuple[int, int]  # indices into the groups, smaller first


@dataclass(frozen=True)
class PairIndex:
    """Where one set of groups' pairs were found from, by group key (a digest of the group's
    stream): the next pass's groups are matched to these, whatever their order."""

    frequency: dict[Granularity, dict[int, int]]  # sample -> groups holding it
    prefixes: dict[str, tuple[Granularity, tuple[int, ...]]]  # group key -> its prefix samples, in group order
    pairs: frozenset[Pair]  # by position in `prefixes` (the groups' indices then)
    # group key -> its samples (a key names its stream, which fixes them): what the next
    # update takes out of `frequency` for a group gone, rather than counting every group again
    samples: dict[str, array] = field(default_factory=dict)


def group_key(shape: Shape) -> str:
    """What a group is: its language, granularity and stream (which fix its size and samples)."""
    digest = hashlib.blake2b("\0".join((*granularity(shape), "")).encode(), digest_size=16)
    digest.update(shape.blind.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def find_pairs(shapes: list[Shape], keys: list[str]) -> tuple[set[Pair], PairIndex]:
    """The candidate pairs of the groups (each given by its first shape), from scratch."""
    frequency = _frequency(shapes)
    prefixes = [_prefix(shape, frequency[granularity(shape)]) for shape in shapes]
    pairs = _meeting_and_sharing(_postings(shapes, prefixes), shapes)
    return pairs, _index(shapes, keys, frequency, prefixes, pairs)


def update_pairs(shapes: list[Shape], keys: list[str], previous: PairIndex) -> tuple[set[Pair], PairIndex]:
    """find_pairs(shapes, ...), starting from the index of another set of groups."""
    levels = granularities(shapes)  # once: every step below reads them
    where = {key: index for index, key in enumerate(keys)}
    frequency, touched = _frequency_since(previous, shapes, keys, where, levels)
    prefixes, dirty = _prefixes_since(previous, shapes, keys, frequency, touched, levels)
    entries = list(zip(range(len(shapes)), levels, prefixes))
    now = [where.get(key, -1) for key in previous.prefixes]  # each earlier group's index here, or -1
    recheck = _met_before(previous, dirty, now) | _meeting_now(_postings_of(entries, dirty), shapes)
    kept = {pair for pair in _indexed(previous.pairs, now) if pair not in recheck}
    shared: dict[Granularity, set[int]] = defaultdict(set)  # where the rechecked pairs could meet
    for a, b in recheck:
        shared[levels[a]].update(set(prefixes[a]).intersection(prefixes[b]))
    postings = _postings_of(entries, shared)
    pairs = kept | _sharing({p for p in recheck if _meet(p, prefixes, postings, shapes)}, shapes)
    return pairs, _index(shapes, keys, frequency, prefixes, pairs, levels, previous.samples)


def _frequency_since(previous: PairIndex, shapes: list[Shape], keys: list[str], where: dict[str, int],
                     levels: list[Granularity]) -> tuple[dict[Granularity, Counter], dict[Granularity, set[int]]]:
    """_frequency(shapes), and the samples whose counts changed since `previous`, per
    granularity: its counts less the samples of the groups gone, plus those of the groups come
    (each group's samples are its key's), when it holds every group's samples; else counted."""
    gone = [key for key in previous.prefixes if key not in where]
    if any(key not in previous.samples for key in gone):
        frequency = _frequency(shapes, levels)
        return frequency, {g: {sample for sample, _ in counts.items() ^ previous.frequency.get(g, {}).items()}
                           for g, counts in frequency.items()}
    change: dict[Granularity, Counter] = defaultdict(Counter)
    for key in gone:
        change[previous.prefixes[key][0]].subtract(previous.samples[key])
    for index, key in enumerate(keys):
        if key not in previous.prefixes:
            change[levels[index]].update(shapes[index].samples)
    frequency = {level: Counter(counts) for level, counts in previous.frequency.items()}
    touched: dict[Granularity, set[int]] = {}
    for level, moved in change.items():
        counts = frequency.setdefault(level, Counter())
        touched[level] = {sample for sample, by in moved.items() if by}
        for sample in touched[level]:
            count = counts[sample] + moved[sample]
            if count:
                counts[sample] = count
            else:
                del counts[sample]
    held = set(levels)  # as counted afresh: a granularity of a group (even one without samples), no other
    frequency = {level: frequency.get(level) or Counter() for level in held}
    return frequency, {level: touched.get(level, set()) for level in held}


def _prefixes_since(previous: PairIndex, shapes: list[Shape], keys: list[str], frequency: dict[Granularity, Counter],
                    touched: dict[Granularity, set[int]], levels: list[Granularity]
                    ) -> tuple[list[tuple[int, ...]], dict[Granularity, set[int]]]:
    """Each group's prefix, recomputed only where a sample's rarity changed (`touched`), and
    the postings whose members changed since `previous` (groups gone, come, or with another prefix)."""
    prefixes: list[tuple[int, ...]] = []
    dirty: dict[Granularity, set[int]] = defaultdict(set)
    for shape, key, level in zip(shapes, keys, levels):
        before = previous.prefixes.get(key)
        if before is not None and touched[level].isdisjoint(shape.samples):
            prefixes.append(before[1])  # no sample of it changed rarity: same order, same prefix
            continue
        prefix = _prefix(shape, frequency[level])
        prefixes.append(prefix)
        dirty[level].update(set(prefix).symmetric_difference(before[1] if before else ()))
    current = set(keys)
    for key, (level, prefix) in previous.prefixes.items():
        if key not in current:
            dirty[level].update(prefix)
    return prefixes, dirty


def encode(index: PairIndex) -> tuple:
    """Marshal-able; group keys written once, samples, counts, granularities and pairs as
    arrays of numbers (a memo read and written by every pass that clusters: its size and its
    objects are time)."""
    levels = sorted({level for level, _ in index.prefixes.values()} | set(index.frequency))
    level_at = {level: position for position, level in enumerate(levels)}
    prefixes = [prefix for _, prefix in index.prefixes.values()]
    samples = [index.samples[key] for key in index.prefixes]
    return (5, tuple(levels),
            {level_at[g]: (array("q", counts).tobytes(), array("I", counts.values()).tobytes())
             for g, counts in index.frequency.items()},
            tuple(index.prefixes), array("H", [level_at[level] for level, _ in index.prefixes.values()]).tobytes(),
            array("I", map(len, prefixes)).tobytes(), array("q", chain.from_iterable(prefixes)).tobytes(),
            array("I", chain.from_iterable(index.pairs)).tobytes(),
            array("I", map(len, samples)).tobytes(), b"".join(array("q", held).tobytes() for held in samples))


def decode(memo: object) -> PairIndex | None:
    """The index of a memo, or None when it is not one this version wrote."""
    try:
        version, levels, frequency, keys, level_of, lengths, samples, pairs, sizes, every = memo
        if version != 5 or not isinstance(frequency, dict):
            return None
        levels = [tuple(level) for level in levels]
        counts = {}
        for level, (held, many) in frequency.items():
            held, many = array("q", held).tolist(), array("I", many).tolist()
            if len(held) != len(many):
                return None
            counts[levels[level]] = dict(zip(held, many))
        level_of, lengths, values = array("H", level_of), array("I", lengths), array("q", samples).tolist()
        flat = array("I", pairs)
        if not len(keys) == len(level_of) == len(lengths) or sum(lengths) != len(values) or len(flat) % 2 or (
                flat and max(flat) >= len(keys)):
            return None
        prefixes, at = {}, 0
        for key, level, length in zip(keys, level_of, lengths):
            prefixes[key] = (levels[level], tuple(values[at:at + length]))
            at += length
        if len(prefixes) != len(keys):  # a key twice: positions would name other groups
            return None
        sizes, every = array("I", sizes), array("q", every)
        if len(sizes) != len(keys) or sum(sizes) != len(every):
            return None
        each, at = {}, 0
        for key, size in zip(keys, sizes):
            each[key] = every[at:at + size]
            at += size
        return PairIndex(counts, prefixes, frozenset(zip(flat[0::2], flat[1::2])), each)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


# --- the parts ---------------------------------------------------------------------------

def content_pairs(shapes: list[Shape], users: dict[str, int], subsystems: int, shortest: float,
                  smallest: int = 0) -> set[Pair]:
    """Pairs of definitions (groups, each given by its first shape) of one language and of
    different subsystems that say RARE_SHARED rare content words in common, or define the same rare name;
    their sizes within `shortest` (shorter over longer) of each other, none under `smallest`
    tokens. `users`: how many subsystems use each content character. Rare: at most RARE_SHARE
    of the subsystems (2 or more)."""
    return saying_index(shapes, users, subsystems, shortest, smallest).pairs


@dataclass(frozen=True)
class SayingIndex:
    """content_pairs' answer with what an update of it reads: per group (by index), the rare
    words it is posted under, and how many groups each posting holds."""

    posted: dict[int, tuple[str, str, str]]  # group -> (language, level, its posted words), if any
    sizes: dict[tuple[str, str, str], int]  # (language, level, word) -> groups posted there
    pairs: set[Pair]


def saying_index(shapes: list[Shape], users: dict[str, int], subsystems: int, shortest: float,
                 smallest: int = 0) -> SayingIndex:
    """content_pairs(), from scratch, with its index."""
    rare_at = max(2, math.ceil(RARE_SHARE * subsystems))
    posting = _posting(users, rare_at, smallest)
    posted = {index: entry for index, shape in enumerate(shapes) if (entry := posting(shape))}
    holding: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for index, (language, level, words) in posted.items():  # in index order: pairs come smaller first
        for char in words:
            holding[(language, level, char)].append(index)
    shared: Counter = Counter()
    for members in holding.values():
        if 1 < len(members) <= COMMON_SHINGLE:
            shared.update(combinations(members, 2))  # pairs within one subsystem are left below
    found = {pair for pair, count in shared.items() if count >= RARE_SHARED} | _named_pairs(shapes, rare_at, smallest)
    return SayingIndex(posted, {key: len(members) for key, members in holding.items()},
                       _apart(found, shapes, shortest))


def update_saying(shapes: list[Shape], users: dict[str, int], subsystems: int, shortest: float, smallest: int,
                  previous: SayingIndex, earlier: list[int | None]) -> SayingIndex:
    """saying_index(shapes, ...), from the index of an earlier set of groups: `earlier[i]` is
    group i's index there when group i is the same group and every fact about its words
    (their users) is unchanged, else None. Only pairs meeting in a posting whose members
    changed are counted again, and the earlier pairs of unchanged groups checked again."""
    rare_at = max(2, math.ceil(RARE_SHARE * subsystems))
    posting = _posting_one(users, rare_at, smallest)
    kept = {old: new for new, old in enumerate(earlier) if old is not None}
    sizes = dict(previous.sizes)
    moved: dict[tuple[str, str], set[str]] = defaultdict(set)  # postings whose members changed
    for old, (language, level, words) in previous.posted.items():
        if old not in kept:
            for char in words:
                sizes[(language, level, char)] -= 1
            moved[(language, level)].update(words)
    posted: dict[int, tuple[str, str, str]] = {}
    for new, (shape, old) in enumerate(zip(shapes, earlier)):
        entry = posting(shape) if old is None else previous.posted.get(old)
        if entry:
            posted[new] = entry
            if old is None:
                language, level, words = entry
                for char in words:
                    sizes[(language, level, char)] = sizes.get((language, level, char), 0) + 1
                moved[(language, level)].update(words)
    for key in [key for (language, level), chars in moved.items() for key in ((language, level, c) for c in chars)
                if sizes.get(key) == 0]:
        del sizes[key]  # a posting no group holds any more, as from scratch
    holding: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for index, (language, level, words) in posted.items():
        chars = moved.get((language, level))
        if chars and not chars.isdisjoint(words):
            for char in chars.intersection(words):
                holding[(language, level, char)].append(index)
    recount = {(min(kept[a], kept[b]), max(kept[a], kept[b])) for a, b in previous.pairs if a in kept and b in kept}
    shared: dict[int, Counter] = defaultdict(Counter)  # a new or moved group -> its partners' shared postings
    for key, members in holding.items():
        if 1 < len(members) <= COMMON_SHINGLE:
            if 1 < previous.sizes.get(key, 0) <= COMMON_SHINGLE:  # counted before as now: only the new members' pairs
                for member in members:
                    if earlier[member] is None:
                        shared[member].update(members)
            else:
                recount.update(combinations(members, 2))
    found = {pair for pair in recount if _rare_shared(pair, posted, sizes)} | _named_pairs(shapes, rare_at, smallest)
    for member, partners in shared.items():  # every posting holding it is in `holding`: whole counts
        found.update((member, other) if member < other else (other, member)
                     for other, count in partners.items() if count >= RARE_SHARED and other != member)
    return SayingIndex(posted, sizes, _apart(found, shapes, shortest))


def _posting(users: dict[str, int], rare_at: int, smallest: int):
    """What a group is posted under: (language, level, its rare words said by 2 or more
    subsystems), when it says RARE_SHARED rare words or more; else None."""
    common = dict.fromkeys(ord(char) for char, count in users.items() if count > rare_at)  # str.translate drops them
    # A word one subsystem alone says pairs none of its holders (they are of that subsystem),
    # though it counts among a unit's rare words: not posted, which spares most postings.
    alone = dict.fromkeys(ord(char) for char, count in users.items() if count < 2)

    def posting(shape: Shape) -> tuple[str, str, str] | None:
        if shape.kind == "module" or shape.size < smallest:  # a module says what its definitions say
            return None
        rare = shape.vocab.translate(common)
        if len(rare) < RARE_SHARED:
            return None
        words = rare.translate(alone)
        return (*granularity(shape), words) if words else None

    return posting


def _posting_one(users: dict[str, int], rare_at: int, smallest: int):
    """_posting for a few groups: the same answer, without tables of every word."""
    count = users.get

    def posting(shape: Shape) -> tuple[str, str, str] | None:
        if shape.kind == "module" or shape.size < smallest:
            return None
        rare = [char for char in shape.vocab if count(char, 0) <= rare_at]
        if len(rare) < RARE_SHARED:
            return None
        words = "".join(char for char in rare if count(char, 2) >= 2)  # as translate: a word no one uses stays
        return (*granularity(shape), words) if words else None

    return posting


def _rare_shared(pair: Pair, posted: dict[int, tuple[str, str, str]], sizes: dict) -> bool:
    """Whether two groups meet in RARE_SHARED postings that are not boilerplate."""
    first, second = posted.get(pair[0]), posted.get(pair[1])
    if first is None or second is None or first[:2] != second[:2]:
        return False
    language, level, words = first
    return sum(1 < sizes[(language, level, char)] <= COMMON_SHINGLE
               for char in set(words).intersection(second[2])) >= RARE_SHARED


def _named_pairs(shapes: list[Shape], rare_at: int, smallest: int) -> set[Pair]:
    """Pairs of definitions of one rare name (defined in 2 to rare_at subsystems)."""
    named: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, shape in enumerate(shapes):
        if shape.kind not in ("module", "block") and shape.size >= smallest:  # a block bears its function's name
            named[(shape.language, shape.name)].append(index)
    found: set[Pair] = set()
    for members in named.values():
        if 1 < len(members) and 1 < len({shapes[i].subsystem for i in members}) <= rare_at:
            found.update((a, b) for i, a in enumerate(members) for b in members[i + 1:])
    return found


def _apart(found: set[Pair], shapes: list[Shape], shortest: float) -> set[Pair]:
    """The pairs of different subsystems whose sizes are within `shortest` of each other."""
    return {(a, b) for a, b in found if shapes[a].subsystem != shapes[b].subsystem
            and min(shapes[a].size, shapes[b].size) >= shortest * max(shapes[a].size, shapes[b].size)}


def spanning_pairs(groups: list[tuple[Shape, ...]], pairs: list[Pair]) -> list[Pair]:
    """The pairs (of groups of identical shapes) in a component of the candidate pairs whose
    groups lie in two subsystems or more. cluster.py's verified edges, plain or modified, are
    candidate pairs, so a cluster lies in one such component, and one in a single subsystem is
    never reported: its pairs need no alignment (pyscf's basis-set tables, 100k tokens each in
    one subsystem: 54 s of its 70 s)."""
    root = list(range(len(groups)))

    def find(node: int) -> int:
        while root[node] != node:
            root[node] = root[root[node]]
            node = root[node]
        return node

    for a, b in pairs:
        root[find(a)] = find(b)
    subsystem: dict[int, str | None] = {}  # a component's one subsystem; None: two or more
    for node, group in enumerate(groups):
        top = find(node)
        for shape in group:
            if subsystem.setdefault(top, shape.subsystem) != shape.subsystem:
                subsystem[top] = None
                break
    return [(a, b) for a, b in pairs if subsystem[find(a)] is None]


def granularity(shape: Shape) -> Granularity:
    """A module pairs with modules, a block with blocks (a function that is one block's code
    would otherwise take that block's place in clusters of functions), a definition with
    definitions."""
    level = shape.kind if shape.kind in ("module", "block") else "definition"
    return (shape.language, level)


def granularities(shapes: Iterable[Shape]) -> list[Granularity]:
    """[granularity(shape) for shape in shapes], for thousands: without a call each."""
    return [(shape.language, kind if (kind := shape.kind) in _LEVELS else "definition") for shape in shapes]


_LEVELS = frozenset(("module", "block"))


def _frequency(shapes: list[Shape], levels: list[Granularity] | None = None) -> dict[Granularity, Counter]:
    # Counted within a granularity: a module repeats every sample of its definitions, and
    # counted together the definitions' rare samples would look common.
    samples: dict[Granularity, list[tuple[int, ...]]] = defaultdict(list)
    for shape, level in zip(shapes, levels or granularities(shapes)):
        samples[level].append(shape.samples)
    frequency: dict[Granularity, Counter] = defaultdict(Counter)
    for level, found in samples.items():  # one count over each granularity's samples: in C
        frequency[level] = Counter(chain.from_iterable(found))
    return frequency


def _prefix(shape: Shape, frequency: Counter) -> tuple[int, ...]:
    # samples are sorted and the sort is stable: rarest first, ties by value
    rarest = sorted(shape.samples, key=frequency.__getitem__)
    return tuple(rarest[:len(rarest) - _needed_overlap(len(rarest)) + 1])


Postings = dict[Granularity, dict[int, list[int]]]  # granularity -> prefix sample -> groups


def _postings(shapes: list[Shape], prefixes: list[tuple[int, ...]]) -> Postings:
    postings: Postings = defaultdict(lambda: defaultdict(list))
    for index, (shape, prefix) in enumerate(zip(shapes, prefixes)):
        table = postings[granularity(shape)]
        for sample in prefix:
            table[sample].append(index)
    return postings


def _needed_overlap(samples: int) -> int:
    """The fewest samples any partner of a unit with this many samples shares (see _share_enough)."""
    basis = min(samples, MIN_SAMPLES) if samples <= FEW_SAMPLES else samples * (1 + SIZE_RATIO) / 2
    return max(1, math.ceil(basis * SHARED_SAMPLES))


def _pairs_within(members: list[int], shapes: list[Shape]):
    """The pairs (in index order) of one posting whose lengths could still reach LINK_SIMILARITY."""
    by_size = sorted(members, key=lambda i: shapes[i].size)
    for position, a in enumerate(by_size):
        longest = shapes[a].size / SIZE_RATIO
        for b in by_size[position + 1:]:
            if shapes[b].size > longest:
                break
            yield (a, b) if a < b else (b, a)


def _sharing(pairs: Iterable[Pair], shapes: list[Shape]) -> set[Pair]:
    """The pairs whose groups share enough samples (_share_enough)."""
    pairs = list(pairs)
    involved = {i for pair in pairs for i in pair}
    sample_sets = {i: frozenset(shapes[i].samples) for i in involved}
    return {(a, b) for a, b in pairs if _share_enough(sample_sets[a], sample_sets[b])}


def _share_enough(a: frozenset[int], b: frozenset[int]) -> bool:
    shared = len(a & b)
    larger, smaller = max(len(a), len(b)), min(len(a), len(b))
    # A few-sample unit's samples are its smallest hashes: one edit reshuffles half of them.
    return shared >= SHARED_SAMPLES * (smaller if larger <= FEW_SAMPLES else (smaller + larger) / 2)


def _postings_of(entries: Iterable[tuple], wanted: dict[Granularity, set[int]]) -> Postings:
    """The postings of the wanted samples only, from (group, granularity, prefix) entries: a
    prefix is looked into only when it holds one of them."""
    postings: Postings = defaultdict(lambda: defaultdict(list))
    for group, granularity, prefix in entries:
        samples = wanted.get(granularity)
        if samples and not samples.isdisjoint(prefix):
            table = postings[granularity]
            for sample in samples.intersection(prefix):
                table[sample].append(group)
    return postings


def _met_before(previous: PairIndex, dirty: dict[Granularity, set[int]], now: list[int]) -> set[Pair]:
    """Last pass's pairs of current groups that met in a posting whose members changed (`now`:
    each earlier group's index among the current groups, or -1)."""
    before = _postings_of(((at, g, prefix) for at, (g, prefix) in enumerate(previous.prefixes.values())), dirty)
    partners: dict[int, set[int]] = defaultdict(set)
    for a, b in previous.pairs:
        partners[a].add(b)
    met = set()
    for members in (set(members) for table in before.values() for members in table.values()):
        for a in members:
            met.update((a, b) for b in partners[a] & members)
    return _indexed(met, now)


def _meeting_now(postings: Postings, shapes: list[Shape]) -> set[Pair]:
    """The size-compatible pairs that meet in a posting that is not boilerplate."""
    met: set[Pair] = set()
    for members in _meeting(postings):
        met.update(_pairs_within(members, shapes))
    return met


def _meeting_and_sharing(postings: Postings, shapes: list[Shape]) -> set[Pair]:
    """_sharing(_meeting_now(postings, shapes), shapes): ~180k pairs met on a 300k-line
    fleet, a second of Python, a tenth of one in C."""
    if _native is None:
        return _sharing(_meeting_now(postings, shapes), shapes)
    return set(_native.candidate_pairs(_meeting(postings), [shape.size for shape in shapes], SIZE_RATIO,
                                       [shape.samples for shape in shapes], SHARED_SAMPLES, FEW_SAMPLES))


def _meeting(postings: Postings) -> list[list[int]]:
    return [members for table in postings.values() for members in table.values()
            if 1 < len(members) <= COMMON_SHINGLE]


def _meet(pair: Pair, prefixes: list[tuple[int, ...]], postings: Postings, shapes: list[Shape]) -> bool:
    """The pair (size-compatible: the caller's) meets in a posting that is not boilerplate."""
    a, b = pair
    level = granularity(shapes[a])
    if level != granularity(shapes[b]):
        return False
    table = postings[level]
    return any(1 < len(table[s]) <= COMMON_SHINGLE for s in set(prefixes[a]).intersection(prefixes[b]))


def _indexed(pairs: Iterable[Pair], now: list[int]) -> set[Pair]:
    """Pairs of earlier groups as pairs of current ones (`now`: _met_before's), where both are."""
    found = set()
    for a, b in pairs:
        first, second = now[a], now[b]
        if first >= 0 and second >= 0:
            found.add((first, second) if first < second else (second, first))
    return found


def _index(shapes, keys, frequency, prefixes, pairs: set[Pair], levels: list[Granularity] | None = None,
           known: dict[str, array] | None = None) -> PairIndex:
    """`known`: samples by key, taken where they are (a key fixes them)."""
    known = known or {}
    return PairIndex(
        frequency=dict(frequency),
        prefixes=dict(zip(keys, zip(levels or granularities(shapes), prefixes))),
        pairs=frozenset(pairs),
        samples={key: known.get(key) or array("q", shape.samples) for key, shape in zip(keys, shapes)})
