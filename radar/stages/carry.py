"""What one clustering carries to the next, so that a pass after an edit redoes only what the
edit can touch (cluster.py reads and fills it; reuse/incremental.py stores it).

A clustering's fleet-wide facts are kept per subsystem (the content words and names its units
use, the names it defines) and updated from the changed files' subsystems alone: the Rarity
(content.py) and the shared vocabulary of the alignments. Each group of identical units is
then *untouched* when it holds no unit of a changed file, held none before, and none of the
words or names of its first unit (which stands for the group in pairs) moved in those facts
(a word another subsystem started to use, a name that became shared). An untouched group's
posting in the content pairs, every verification between two untouched groups and the trim
of a component of untouched groups with the same edges depend on nothing else, so they are
taken as they were; a weighing too, when none of its members' words moved but by the cluster's
own subsystems (a weighing reads every member's words, each weighed by the subsystems outside). Only what the edit touched is looked at again. A carried state from other code or
settings, or a change in which subsystems hold units, is not taken at all: the clustering
starts afresh (the same clusters, only slower).
"""
from __future__ import annotations

import hashlib
import re
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby
from operator import attrgetter

from radar.infra.cache import code_stamp
from radar.stages import candidates, worked
from radar.stages.candidates import Pair, SayingIndex
from radar.stages.content import Rarity, definition_codes
from radar.stages.shape import IDENTIFIER, NAME_PLANE, Shape

VERSION = 2
File = tuple[str, str, str]  # (subsystem, path, language)
# per subsystem: (holds eligible units, content chars, name chars, chars of the names it defines)
Words = tuple[bool, str, str, str]
# (NO_LINK | LINKED | MODIFIED, alignment score (0.0: too unlike in length or in tokens to align), was a content pair)
Decision = tuple[int, float, bool]
NO_LINK, LINKED, MODIFIED = 0, 1, 2


@dataclass(frozen=True)
class Carried:
    stamp: str  # worked.stamp of the code and settings that made it
    files: dict[File, str]  # each file's shapes digest
    keys: tuple[str, ...]  # group keys, in that clustering's group order
    file_keys: dict[tuple[str, str], bytes]  # (subsystem, path) -> each eligible unit's group, by position in keys
    words: dict[str, Words]
    users: dict[str, int]  # Rarity.users
    definers: dict[str, frozenset[str]]  # Rarity.definers
    owners: dict[str, int]  # name char -> subsystems whose units use it
    saying: SayingIndex
    decided: dict[Pair, Decision]  # every verified pair's outcome
    trims: dict[tuple[int, ...], tuple]  # component (groups) -> (its edges, worked.encode_trim's answer)
    weighs: dict[tuple, tuple]  # (members as (group, position), medoid) -> worked.encode_weighed's answer


@dataclass(frozen=True)
class Context:
    """This clustering's fleet-wide facts, and what it may take from the carried one."""

    rarity: Rarity
    private: dict[int, str]  # str.translate table blinding names few subsystems use
    earlier: list[int | None]  # per group: its index in the carried clustering, when untouched
    carried: Carried | None
    words: dict[str, Words]
    owners: dict[str, int]
    moved: frozenset[str] = frozenset()  # content chars whose Rarity facts changed since `carried`
    movers: dict[str, frozenset[str]] = field(default_factory=dict)  # moved char -> the subsystems that moved it

    def known(self) -> dict[Pair, Decision]:
        """The carried verifications between two untouched groups, by this clustering's pairs."""
        if self.carried is None:
            return {}
        now = [-1] * len(self.carried.keys)
        for new, old in enumerate(self.earlier):
            if old is not None:
                now[old] = new
        known = {}
        for (a, b), decision in self.carried.decided.items():
            first, second = now[a], now[b]
            if first >= 0 and second >= 0:
                known[(first, second) if first < second else (second, first)] = decision
        return known


def file_digests(shapes: Iterable[Shape]) -> dict[File, str]:
    """A digest of each file's shapes: what a caller without analyse.py's digests passes."""
    by_file: dict[File, list] = defaultdict(list)
    for shape in shapes:
        by_file[(shape.subsystem, shape.path, shape.language)].append(shape)
    return {file: hashlib.blake2b(repr(sorted(found, key=repr)).encode("utf-8", "surrogatepass"),
                                  digest_size=16).hexdigest() for file, found in by_file.items()}


def context_of(shapes: list[Shape], eligible: list[Shape], groups: list[tuple[Shape, ...]], keys: list[str],
               files: dict[File, str] | None, carried: Carried | None, share: float,
               at: tuple[list, list[str]] | None = None) -> Context:
    """The Rarity and shared names of these shapes, updated from `carried` when it holds the
    same subsystems; `share`: the share of subsystems whose names are shared vocabulary."""
    if carried is not None and files is not None:
        changed = changed_since(carried, files)
        subsystems = {subsystem for subsystem, _, _ in changed}
        words = {**carried.words, **_words_of(shapes, eligible, subsystems)}
        for gone in subsystems - {s.subsystem for s in shapes if s.subsystem in subsystems}:
            words.pop(gone, None)
        if _holding(words) == _holding(carried.words):
            runs, key_of = at if at is not None else (file_runs(eligible), keys_of(eligible, groups, keys))
            return _updated(groups, keys, carried, changed, words, share, runs, key_of)
    words = _words_of(shapes, eligible, None)
    vocab = {name: set(chars) for name, (holds, chars, _, _) in words.items() if holds}
    rarity = Rarity.of(vocab, ((name, char) for name, (_, _, _, defined) in words.items() for char in defined))
    owners = Counter(char for name, (holds, _, chars, _) in words.items() if holds for char in chars)
    need = _need(words, share)
    return Context(rarity, _private(owners, need), [None] * len(groups), None, words, dict(owners))


def changed_since(carried: Carried, files: dict[File, str]) -> set[File]:
    """The files whose shapes changed since the carried clustering (come, gone or edited)."""
    return {f for f in files.keys() | carried.files.keys() if files.get(f) != carried.files.get(f)}


def taken_again(carried: Carried | None, state: Carried | None, most: int) -> bool:
    """Whether `carried` may stand for `state` (made from it) for the next clustering: that one
    took it (the same subsystems hold units) and their files differ in `most` files or fewer."""
    return (carried is not None and state is not None and _holding(state.words) == _holding(carried.words)
            and len(changed_since(carried, state.files)) <= most)


def carried_of(context: Context, files: dict[File, str] | None, stamp: str | None, runs: list,
               keys: list[str], key_of: list[str], saying: SayingIndex, decided: dict[Pair, Decision],
               answers: Answers) -> Carried | None:
    """What this clustering carries; `key_of`: each eligible shape's group key."""
    if files is None or stamp is None:
        return None
    at = {key: position for position, key in enumerate(keys)}
    file_keys = {file: array("I", [at[key_of[i]] for i in run]).tobytes() for file, run in runs}
    return Carried(stamp, dict(files), tuple(keys), file_keys, context.words, context.rarity.users,
                   context.rarity.definers, context.owners, saying, decided, answers.trims, answers.weighs)


def shape_keys(eligible: list[Shape], runs: list, files: dict[File, str] | None,
               carried: Carried | None) -> list[str | None] | None:
    """Each eligible shape's group key as carried, for the files that did not change (None for
    the others); None when nothing is carried. `eligible` in cluster.py's order, `runs` its
    file_runs."""
    if carried is None or files is None:
        return None
    found: list[str | None] = [None] * len(eligible)
    for file, run in runs:
        full = (*file, eligible[run[0]].language)
        known = _positions(carried.file_keys.get(file, b""))
        if len(known) == len(run) and files.get(full) == carried.files.get(full):
            found[run[0]:run[-1] + 1] = [carried.keys[i] for i in known]
    return found


class Answers:
    """Trims and weighings taken from the carried clustering where every group they read is
    untouched (then they read the same inputs: the same members, streams and Rarity facts; a
    trim also needs the same edges, compared), and this clustering's, for the next."""

    def __init__(self, context: Context, groups: list[tuple[Shape, ...]]):
        self._earlier, self._groups, self._moved = context.earlier, groups, context.moved
        self._movers, self._tellers = context.movers, {}
        self._carried = context.carried
        self.trims: dict[tuple[int, ...], tuple] = {}
        self.weighs: dict[tuple, tuple] = {}
        self._position: dict[int, tuple[int, int]] | None = None

    def trim(self, component: list[int], graph: dict[int, dict[int, float]]) -> tuple | None:
        """The carried answer for this component (worked.encode_trim's), if any; then keep()."""
        edges = tuple((a, b, score) for a in component for b, score in sorted(graph[a].items()) if a < b)
        self._edges = (tuple(component), edges)
        if self._carried is None or any(self._earlier[node] is None for node in component):
            return None
        before = self._carried.trims.get(tuple(self._earlier[node] for node in component))
        now = self._earlier
        if not isinstance(before, tuple) or len(before) != 2:
            return None
        return before[1] if before[0] == tuple((now[a], now[b], score) for a, b, score in edges) else None

    def keep_trim(self, answer: tuple) -> None:
        component, edges = self._edges
        self.trims[component] = (edges, answer)

    def weigh(self, members: Sequence[Shape], medoid: int) -> tuple | None:
        """The carried weighing of a cluster of these members, if any; then keep_weigh()."""
        key = (tuple(self._where(member) for member in members), medoid)
        self._weighed = key
        if self._carried is None or any(self._earlier[group] is None for group, _ in key[0]):
            return None
        # an untouched group's first unit says nothing whose facts moved, but a weighing reads every member's words
        if self._moved:
            telling = self._telling(members)
            if any(telling(member.vocab) for member in members):
                return None
        return self._carried.weighs.get((tuple((self._earlier[group], at) for group, at in key[0]), medoid))

    def _telling(self, members: Sequence[Shape]) -> Callable[[str], bool]:
        """Whether a vocab says a moved word whose weight for these members' subsystems moved.
        A weight reads how many subsystems *outside* the cluster use the word and whether one
        outside defines it: a word only the cluster's own subsystems moved weighs as before."""
        consumers = frozenset(member.subsystem for member in members)
        if consumers not in self._tellers:
            movers = self._movers
            self._tellers[consumers] = _sayer(frozenset(
                char for char in self._moved if char not in movers or not movers[char] <= consumers))
        return self._tellers[consumers]

    def keep_weigh(self, answer: tuple) -> None:
        self.weighs[self._weighed] = answer

    def _where(self, shape: Shape) -> tuple[int, int]:
        if self._position is None:
            self._position = {id(s): (index, at) for index, group in enumerate(self._groups)
                              for at, s in enumerate(group)}
        return self._position[id(shape)]


@lru_cache(maxsize=8)
def stamp(settings: tuple) -> str | None:
    """The code and settings a carried state comes from: worked.py's stamp, and the source of
    the content pairs' code and of this module."""
    made = worked.stamp(settings)
    if made is None:
        return None
    return code_stamp((VERSION, made), (candidates, sys.modules[__name__]))


def encode(carried: Carried | None) -> tuple | None:
    """Marshal-able, and cheap to write and read back (a memo of megabytes every edit pass
    reads and writes): counts and positions as arrays of numbers, characters as strings, each
    set of definers once with every character it defines."""
    if carried is None:
        return None
    pairs = array("I", [i for pair in carried.decided for i in pair])
    outcomes = array("b", [outcome + 3 * said for outcome, _, said in carried.decided.values()])
    scores = array("d", [score for _, score, _ in carried.decided.values()])
    saying = carried.saying
    return (VERSION, carried.stamp, carried.files, carried.keys, carried.file_keys, carried.words,
            _encode_counts(carried.users), _encode_definers(carried.definers), _encode_counts(carried.owners),
            _encode_saying(saying), (pairs.tobytes(), outcomes.tobytes(), scores.tobytes()), carried.trims,
            carried.weighs)


def decode(memo: object, stamp: str | None) -> Carried | None:
    """The carried state of a memo, when this code with these settings made it (else None)."""
    try:
        (version, made, files, keys, file_keys, words, users, definers, owners, saying,
         (pairs, outcomes, scores), trims, weighs) = memo
        if version != VERSION or made is None or made != stamp:
            return None
        flat, kinds, values = array("I"), array("b"), array("d")
        flat.frombytes(pairs)
        kinds.frombytes(outcomes)
        values.frombytes(scores)
        if len(flat) != 2 * len(kinds) or len(kinds) != len(values) or max(flat, default=0) >= len(keys):
            return None
        ends = iter(flat.tolist())
        decided = {pair: (kind % 3, score, kind >= 3) for pair, kind, score in zip(zip(ends, ends), kinds, values)}
        if not all(isinstance(d, dict) for d in (files, file_keys, words, trims, weighs)):
            return None
        # every file's positions at once: each whole numbers, none past the groups
        if not all(type(packed) is bytes and len(packed) % 4 == 0 for packed in file_keys.values()) or max(
                _positions(b"".join(file_keys.values())), default=0) >= len(keys):
            return None
        return Carried(made, files, tuple(keys), file_keys, words, _decode_counts(users), _decode_definers(definers),
                       _decode_counts(owners), _decode_saying(saying), decided, trims, weighs)
    except (TypeError, ValueError, IndexError, AttributeError):
        return None


def _encode_counts(counts: dict[str, int]) -> tuple[str, bytes]:
    return "".join(counts), array("I", counts.values()).tobytes()


def _decode_counts(memo: tuple[str, bytes]) -> dict[str, int]:
    chars, packed = memo
    counts = array("I", packed)
    if not isinstance(chars, str) or len(chars) != len(counts):
        raise ValueError("counts do not match their characters")
    return dict(zip(chars, counts.tolist()))


def _encode_definers(definers: dict[str, frozenset[str]]) -> dict[tuple[str, ...], str]:
    chars: dict[frozenset[str], list[str]] = defaultdict(list)  # most names have one definer
    for char, holders in definers.items():
        chars[holders].append(char)
    return {tuple(sorted(holders)): "".join(defined) for holders, defined in chars.items()}


def _decode_definers(memo: dict[tuple[str, ...], str]) -> dict[str, frozenset[str]]:
    definers: dict[str, frozenset[str]] = {}
    for holders, chars in memo.items():
        if not isinstance(chars, str):
            raise TypeError("definers not a string of characters")
        definers.update(dict.fromkeys(chars, frozenset(holders)))
    return definers


def _encode_saying(saying: SayingIndex) -> tuple:
    """The content-pair index by granularity: groups posted and their words, postings' sizes."""
    levels = sorted({entry[:2] for entry in saying.posted.values()} | {key[:2] for key in saying.sizes})
    at = {level: position for position, level in enumerate(levels)}
    sizes: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for (language, level, char), size in saying.sizes.items():
        sizes[(language, level)][char] = size
    return (tuple(levels), array("I", saying.posted).tobytes(),
            array("H", [at[entry[:2]] for entry in saying.posted.values()]).tobytes(),
            tuple(entry[2] for entry in saying.posted.values()),
            tuple(_encode_counts(sizes[level]) for level in levels),
            array("I", [i for pair in saying.pairs for i in pair]).tobytes())


def _decode_saying(memo: tuple) -> SayingIndex:
    levels, groups, level_of, words, sizes, pairs = memo
    groups, level_of, flat = array("I", groups), array("H", level_of), array("I", pairs)
    levels = [tuple(level) for level in levels]
    if not len(groups) == len(level_of) == len(words) or len(sizes) != len(levels) or len(flat) % 2:
        raise ValueError("a content-pair index that does not add up")
    posted = {group: (*levels[level], said) for group, level, said in zip(groups.tolist(), level_of, words)}
    counts = {(*level, char): size for level, held in zip(levels, sizes) for char, size in _decode_counts(held).items()}
    return SayingIndex(posted, counts, set(zip(flat[0::2], flat[1::2])))


# ---------------------------------------------------------------- the parts

def _updated(groups: list[tuple[Shape, ...]], keys: list[str], carried: Carried, changed: set[File],
             words: dict[str, Words], share: float, runs: list, key_of: list[str]) -> Context:
    users, definers, owners = dict(carried.users), dict(carried.definers), dict(carried.owners)
    moved_words: set[str] = set()  # content chars whose Rarity facts changed
    moved_names: set[str] = set()  # name chars whose owners changed
    movers: dict[str, set[str]] = defaultdict(set)  # moved content char -> the subsystems whose words moved it
    for name in {subsystem for subsystem, _, _ in changed}:
        before, after = carried.words.get(name, (False, "", "", "")), words.get(name, (False, "", "", ""))
        said = set()
        _move(users, set(before[1]), set(after[1]), said)
        _move(owners, set(before[2]) if before[0] else set(), set(after[2]) if after[0] else set(), moved_names)
        old, new = set(before[3]), set(after[3])
        for char in old ^ new:
            holders = definers.get(char, frozenset()) - {name} | ({name} if char in new else set())
            if holders:
                definers[char] = frozenset(holders)
            else:
                definers.pop(char, None)
        for char in said | (old ^ new):
            movers[char].add(name)
        moved_words |= said | (old ^ new)
    need = _need(words, share)
    first_name = chr(NAME_PLANE)
    flipped = {char for char in moved_names if char >= first_name
               and (carried.owners.get(char, 0) < need) != (owners.get(char, 0) < need)}
    vocab = {name: frozenset(chars) for name, (holds, chars, _, _) in words.items() if holds}
    rarity = Rarity(vocab, users, definers)
    where = {key: index for index, key in enumerate(carried.keys)}
    now = {key: index for index, key in enumerate(keys)}
    touched_before = {i for file in changed for i in _positions(carried.file_keys.get(file[:2], b""))}
    moved_files = {file[:2] for file in changed}
    touched_now = {now[key_of[i]] for file, run in runs if file in moved_files for i in run}
    earlier: list[int | None] = [where.get(key) for key in keys]
    says_moved, says_flipped = _sayer(moved_words), _sayer(flipped)
    for index, old in enumerate(earlier):
        if old is not None and (old in touched_before or index in touched_now
                                or says_moved(groups[index][0].vocab) or says_flipped(groups[index][0].names)):
            earlier[index] = None
    return Context(rarity, _private(owners, need), earlier, carried, words, owners, frozenset(moved_words),
                   {char: frozenset(names) for char, names in movers.items()})


def _says_any(chars: set[str] | frozenset[str], text: str) -> bool:
    """Whether `text` holds one of `chars`."""
    return _sayer(chars)(text)


def _sayer(chars: set[str] | frozenset[str]) -> Callable[[str], bool]:
    """Whether a text holds one of `chars`, asked of thousands of texts (each group's words):
    for none, never; for the few an edit moves, one search for a class of them (no set of a
    text's characters built: a tenth of the cost); for many, a set comparison."""
    if not chars:
        return lambda text: False
    if len(chars) > 64:
        return lambda text: not chars.isdisjoint(text)
    search = re.compile("[" + "".join(map(re.escape, sorted(chars))) + "]").search
    return lambda text: search(text) is not None


def _move(counts: dict[str, int], before: set[str], after: set[str], moved: set[str]) -> None:
    for char in before - after:
        counts[char] -= 1
        if not counts[char]:
            del counts[char]
    for char in after - before:
        counts[char] = counts.get(char, 0) + 1
    moved |= before ^ after


def _words_of(shapes: list[Shape], eligible: list[Shape], subsystems: set[str] | None) -> dict[str, Words]:
    """Per subsystem (all, or those named), the content chars and name chars of its outermost
    eligible units (cluster.py's Rarity and shared vocabulary) and the chars of the names it defines."""
    vocab: dict[str, set[str]] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    for shape in _outermost([s for s in eligible if subsystems is None or s.subsystem in subsystems]):
        vocab[shape.subsystem].update(shape.vocab)
        names[shape.subsystem].update(shape.names)
    defined: dict[str, set[str]] = defaultdict(set)
    for shape in shapes:
        if shape.kind not in ("module", "block") and (subsystems is None or shape.subsystem in subsystems):
            defined[shape.subsystem].add(shape.name)
    found = {}
    for name in {s.subsystem for s in shapes if subsystems is None or s.subsystem in subsystems}:
        codes = {code for defined_name in defined.get(name, ()) for code in definition_codes(defined_name, name)}
        found[name] = (name in vocab, "".join(sorted(vocab.get(name, ()))), "".join(sorted(names.get(name, ()))),
                       "".join(sorted(codes)))
    return found


def _outermost(shapes: list[Shape]) -> list[Shape]:
    """Per file, its module unit when there is one (it holds every token), else every unit."""
    with_module = {(s.subsystem, s.path) for s in shapes if s.kind == "module"}
    return [s for s in shapes if s.kind == "module" or (s.subsystem, s.path) not in with_module]


def _holding(words: dict[str, Words]) -> set[str]:
    return {name for name, (holds, _, _, _) in words.items() if holds}


def _need(words: dict[str, Words], share: float) -> int:
    return max(2, round(share * len(_holding(words))))


def _private(owners: dict[str, int], need: int) -> dict[int, str]:
    first_name = chr(NAME_PLANE)
    return {ord(char): IDENTIFIER for char, count in owners.items() if count < need and char >= first_name}


def file_runs(eligible: list[Shape]) -> list[tuple[tuple[str, str], range]]:
    """Each file's eligible shapes, a run of positions (cluster.py sorts by language,
    subsystem, path first)."""
    runs, start = [], 0
    for file, run in groupby(eligible, key=_file):
        end = start + sum(1 for _ in run)
        runs.append((file, range(start, end)))
        start = end
    return runs


_file = attrgetter("subsystem", "path")


def keys_of(eligible: list[Shape], groups: list[tuple[Shape, ...]], keys: list[str]) -> list[str]:
    """Each eligible shape's group key."""
    key = {id(shape): keys[index] for index, group in enumerate(groups) for shape in group}
    return [key[id(shape)] for shape in eligible]


def _positions(packed: bytes) -> array:
    return array("I", packed)
