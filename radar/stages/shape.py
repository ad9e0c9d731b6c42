"""Shape stage: a unit's tokens -> its shape (what stays when names and values are abstracted).

Keywords, operators and punctuation stay; identifiers are renamed by first occurrence;
literals become their type. From that: an exact fingerprint (type-1/type-2 clones share it),
an identifier-blind stream for alignment, and sampled shingle hashes that find near-miss
(type-3) partners without comparing all pairs. Everything here is pure and deterministic
across processes (no use of Python's salted `hash`).
"""
from __future__ import annotations

import hashlib
import heapq
import sys
import zlib
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # parse.py's tokens; a pass that reads remembered shapes (a warm one) never parses
    from radar.stages.parse import Token

try:  # the C extension (radar/_native_shape.c), when `pip install` could build it; same results
    from radar import _native
except ImportError:
    _native = None

SHINGLE = 8  # tokens per shingle: long enough that a shared one means shared code
SAMPLE_MODULUS = 6  # keep shingles whose hash is 0 modulo this...
MIN_SAMPLES = 6  # ...or, for small units, the smallest few hashes
_MASK = (1 << 61) - 1
_BASE = 1_000_003


@dataclass(frozen=True)
class Shape:
    subsystem: str
    path: str
    language: str
    kind: str
    name: str
    start_line: int
    end_line: int
    size: int  # tokens
    exact: str  # fingerprint of the consistently renamed stream
    blind: str  # identifier-blind stream, one character per token, for alignment
    names: str  # the blind stream with each identifier's own character (see NAME_PLANE)
    samples: tuple[int, ...]  # sampled shingle hashes (sorted), for candidate generation
    vocab: str = ""  # its content: distinct characters of the names it calls and reads, its strings
    behaviour: int = 0  # calls and branches: 0 is a unit that only lays out data
    forwards: bool = False  # one call, or one to a method of its own name: a delegation (content.forwards)
    copied: bool = False  # a comment says it is `Copied from` another, kept in step on purpose (analyse.py)

    @property
    def key(self) -> tuple[str, str, int, int]:
        return (self.subsystem, self.path, self.start_line, self.end_line)


# A shape's place in every ordering of shapes: (language, subsystem, path, start, end, kind). In
# C: tens of thousands of shapes are sorted by it several times a pass.
shape_order: Callable[[Shape], tuple] = attrgetter("language", "subsystem", "path", "start_line", "end_line", "kind")


def normalise(tokens: Sequence[Token]) -> tuple[str, ...]:
    """Identifiers renamed consistently by first occurrence, literals by their type."""
    names: dict[str, str] = {}
    out = []
    append = out.append  # hot loop: every token of every unit passes here
    for category, text in tokens:
        if category == "id":
            name = names.get(text)
            if name is None:
                name = names[text] = f"${len(names)}"
            append(name)
        elif category == "lit":
            append("#" + text)
        elif category == "str":
            append("#string")
        else:
            append(text)
    return tuple(out)


def name_code(category: str, text: str) -> str:
    """Like blind_code, but an identifier gets a character of its own name (in NAME_PLANE)."""
    return _name(text) if category == "id" else blind_code(category, text)


@lru_cache(maxsize=262144)
def _name(text: str) -> str:
    return chr(NAME_PLANE + zlib.crc32(text.encode("utf-8", "replace")) % 0xFFFE)


def blind_code(category: str, text: str) -> str:
    """One character per token: identifiers all alike, literals by type, the rest by text."""
    if category == "id":
        return _code("$")
    if category == "str":
        return _code("#string")
    return _code("#" + text if category == "lit" else text)


@lru_cache(maxsize=65536)
def _code(word: str) -> str:
    # Private-use planes: 130k code points, so distinct words rarely share a character.
    return chr(0xF0000 + zlib.crc32(word.encode("utf-8", "replace")) % 0xFFFE)


NAME_PLANE = 0x100000  # identifiers' own characters live in plane 16, apart from blind codes
IDENTIFIER = blind_code("id", "")


# Languages where `@` opens an annotation or decorator (elsewhere it is Ruby's instance
# variable, PHP's error silencer, C#'s verbatim name)
ANNOTATED = frozenset({"java", "kotlin", "scala", "groovy", "dart", "python", "javascript", "typescript", "tsx", "vue"})
_AT, _DOT, _OPEN, _CLOSE = (blind_code("kw", text) for text in ("@", ".", "(", ")"))


# languages that mark a private definition with a `private` modifier before its name
MODIFIED = frozenset({"java", "kotlin", "scala", "csharp", "php", "typescript", "tsx", "vue", "swift"})
_PRIVATE = blind_code("kw", "private")
_HEAD_ENDS = frozenset(blind_code("kw", text) for text in ("(", "{", "=", ":"))


def is_private(name: str, blind: str, language: str) -> bool:
    """Whether a definition is visible only where it is defined, by its language's mark: a
    `private` modifier before its parameters or body (not a member's inside it), Python's leading
    underscore (not a dunder), Go's lower-case initial, JavaScript's `#`."""
    if name.startswith("#"):  # JavaScript's and TypeScript's private class members
        return language in ("javascript", "typescript", "tsx")
    if language in MODIFIED:
        for code in blind:
            if code == _PRIVATE:
                return True
            if code in _HEAD_ENDS:
                return False
        return False
    if language == "python":
        return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))
    if language == "go":
        return name[:1].islower()
    return False


def annotation_tokens(blind: str, language: str) -> int:
    """How many of a unit's tokens are annotations or decorators (`@Advice.OnMethodExit(…)`,
    `@Nullable`, `@app.route("/")`): what a framework reads, not code the unit runs. (Python's
    `a @ b` counts its two tokens too: rare in practice.)"""
    if language not in ANNOTATED:
        return 0
    count, at = 0, blind.find(_AT)
    while at != -1:
        end = at + 1
        if end < len(blind) and blind[end] == IDENTIFIER:
            end += 1
            while blind.startswith(_DOT + IDENTIFIER, end):
                end += 2
            if blind.startswith(_OPEN, end):
                depth = 0
                for end in range(end, len(blind)):
                    depth += (blind[end] == _OPEN) - (blind[end] == _CLOSE)
                    if not depth:
                        break
                end += 1
            count += end - at
        at = blind.find(_AT, end)
    return count


# Languages whose parameters and results may be typed as unions (`A|B $x`, `a: A | B`), their
# body opening at the first `{`
UNION_TYPED = frozenset({"php", "typescript", "tsx"})
_BAR, _BACKSLASH, _BRACE = (blind_code("kw", text) for text in ("|", "\\", "{"))
_TYPE_ENDS = frozenset(blind_code("kw", text) for text in ("(", ")", ",", "=", ":", "{", "|", ";", "?", "=>"))


def union_tokens(blind: str, language: str) -> int:
    """How many tokens of a unit's head (before its body's `{`) are a union type's alternatives
    past the first, with their bars (pimcore's field types' one-line getters, each parameter
    `DataObject\\Localizedfield|DataObject\\Fieldcollection\\Data\\AbstractData|…`): what the
    type checker reads, not code the unit runs. (A default's flags, `A | B`, count too: rare in a
    head.)"""
    if language not in UNION_TYPED:
        return 0
    head = blind[:blind.find(_BRACE)] if _BRACE in blind else blind
    count, at = 0, head.find(_BAR)
    while at != -1:
        end = at + 1
        if head.startswith(IDENTIFIER, end):  # a name, qualified (`A\\B`, `A.B`)
            end += 1
            while head[end:end + 1] in (_BACKSLASH, _DOT) and head.startswith(IDENTIFIER, end + 1):
                end += 2
        elif end < len(head) and head[end] not in _TYPE_ENDS:  # a built-in type's keyword (`null`, `string`)
            end += 1
        count += end - at
        at = head.find(_BAR, end)
    return count


def fingerprint(normalised: Iterable[str]) -> str:
    return _digest("\x1f".join(normalised))


def exact_fingerprint(tokens: Sequence[Token]) -> str:
    """fingerprint(normalise(tokens))."""
    return exact_fingerprints([tokens])[0]


def exact_fingerprints(units: Sequence[Sequence[Token]]) -> list[str]:
    """[exact_fingerprint(tokens) for tokens in units]: a file's units at once. In C when the
    extension is built: units nest (module, class, method), so the same tokens pass here several
    times; C makes each distinct token's part of the text once per file and writes UTF-8."""
    if _native is not None:
        return [hashlib.blake2b(text, digest_size=10).hexdigest()
                for text in _native.normalised_utf8s([tuple(tokens) for tokens in units])]
    return [fingerprint(normalise(tokens)) for tokens in units]


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "replace"), digest_size=10).hexdigest()


def sample_shingles(blind: str) -> tuple[int, ...]:
    """Content-defined sample of shingle hashes: shared runs give shared samples."""
    if len(blind) < SHINGLE:
        return (_rolling(blind),) if blind else ()
    hashes = {_rolling(blind[i:i + SHINGLE]) for i in range(len(blind) - SHINGLE + 1)}
    sampled = sorted(h for h in hashes if h % SAMPLE_MODULUS == 0)
    if len(sampled) < MIN_SAMPLES:
        sampled = sorted(set(sampled) | set(sorted(hashes)[:MIN_SAMPLES]))
    return tuple(sampled)


def _rolling(chunk: str) -> int:
    value = 0
    for char in chunk:
        value = (value * _BASE + ord(char)) & _MASK
    return value


# Each token's blind and names characters; token tuples are few and shared (see parse._token).
_BLIND: dict[Token, str] = {}
_NAMES: dict[Token, str] = {}
_CODES_LIMIT = 1_000_000


def stream_codes(tokens: Sequence[Token]) -> tuple[str, str]:
    """The blind and names streams of a token list, one character per token each."""
    if _native is not None:  # the same lookups and the same caches, filled the same way, in C
        return _native.stream_codes(tokens, _BLIND, _NAMES, _CODES_LIMIT, blind_code, name_code)
    if len(_BLIND) > _CODES_LIMIT:
        _BLIND.clear()
        _NAMES.clear()
    for token in set(tokens).difference(_BLIND):
        _BLIND[token] = blind_code(*token)
        _NAMES[token] = name_code(*token)
    return "".join(map(_BLIND.__getitem__, tokens)), "".join(map(_NAMES.__getitem__, tokens))


def window_hashes(blind: str) -> list[int]:
    """_rolling of every SHINGLE-character window of `blind`, in order, in O(1) each."""
    if len(blind) < SHINGLE:
        return []
    # _rolling is a polynomial in _BASE modulo 2**61 (`& _MASK` keeps the low 61 bits), so a
    # window's hash follows from the previous one: drop the oldest char's term, shift, add.
    codes = list(map(ord, blind))
    value = _rolling(blind[:SHINGLE])
    hashes = [value]
    append = hashes.append
    top = pow(_BASE, SHINGLE - 1, _MASK + 1)
    for old, new in zip(codes, codes[SHINGLE:]):
        value = ((value - old * top) * _BASE + new) & _MASK
        append(value)
    return hashes


class FileStreams:
    """A file's blind and names streams and shingle hashes, computed once; a unit's are slices.

    Units nest (module, class, method), so shaping each unit on its own would redo the same
    tokens several times; slicing the file's streams gives the same strings and samples.
    """

    def __init__(self, tokens: Sequence[Token]):
        self.blind, self.names = stream_codes(tokens)
        if _native is not None:  # the hashes packed in bytes, read by _native.window_samples
            self._windows = _native.window_array(self.blind, SAMPLE_MODULUS)
        else:
            self._windows = None
            self._hashes = window_hashes(self.blind)
            self._kept_at = [i for i, h in enumerate(self._hashes) if h % SAMPLE_MODULUS == 0]
            self._kept = [self._hashes[i] for i in self._kept_at]

    def samples(self, start: int, end: int) -> tuple[int, ...]:
        """sample_shingles(self.blind[start:end])."""
        if end - start < SHINGLE:
            return sample_shingles(self.blind[start:end])
        if self._windows is not None:
            return _native.window_samples(self._windows, start, end, MIN_SAMPLES)
        stop = end - SHINGLE + 1  # windows that start in [start, stop) lie inside the unit
        kept_at = self._kept_at
        sampled = set(self._kept[bisect_left(kept_at, start):bisect_left(kept_at, stop)])
        if len(sampled) < MIN_SAMPLES:
            sampled.update(heapq.nsmallest(MIN_SAMPLES, set(self._hashes[start:stop])))
        return tuple(sorted(sampled))


def similarity(a: str, b: str) -> float:
    """Token alignment: 2·LCS / (len a + len b) over two one-char-per-token streams."""
    if a == b:
        return 1.0
    from rapidfuzz.distance import Indel  # here: a pass that clusters nothing never loads it

    return Indel.normalized_similarity(a, b)


def can_reach(length_a: int, length_b: int, score: float) -> bool:
    """Whether two streams of these lengths can align to `score`: 2·LCS / (len a + len b) is at
    most 2·shorter / (len a + len b). The margin keeps float rounding on the side of aligning."""
    return 2 * min(length_a, length_b) >= (score - 1e-9) * (length_a + length_b)


# below this much alignment work (len a · len b) aligning two streams costs less than counting
# their tokens does (~20 µs a pair, each stream's counted once)
BAG_WORK = 250_000


class TokenBags:
    """Each long stream's tokens counted once: 2 · the tokens two streams hold in common (each as
    often as both hold it) / (len a + len b) bounds their alignment from above, as an LCS takes a
    token no more often than both hold it. A pair of long streams it puts below a score need not
    be aligned: terraform-provider-intersight's generated modules of 2.7k-5.3k tokens, ~6k of whose
    34k candidate pairs are so told apart, ~0.7 ms each to align."""

    def __init__(self, stream: Callable[[int], str], work: int = BAG_WORK):
        self._stream, self._work = stream, work
        self._bags: dict[int, Counter] = {}

    def can_reach(self, a: int, b: int, score: float) -> bool:
        """Whether streams `a` and `b` may align to `score` (always, below `work`: not counted)."""
        first, second = self._stream(a), self._stream(b)
        if len(first) * len(second) < self._work:
            return True
        common = sum((self._bag(a) & self._bag(b)).values())
        return 2 * common >= (score - 1e-9) * (len(first) + len(second))

    def _bag(self, index: int) -> Counter:
        if index not in self._bags:
            self._bags[index] = Counter(self._stream(index))
        return self._bags[index]


# An alignment costs about len a · len b / 64 word steps, some 3·10^10 of len a · len b a second
# here. A batch runs on several cores only when the time it saves pays for starting the threads
# (~0.1 ms); the first one must also pay for importing numpy (~60 ms: rapidfuzz's batch API
# returns its arrays), so it must hold at least ~0.12 s of alignment.
BATCH_WORK = 5_000_000
FIRST_BATCH_WORK = 4_000_000_000


def similarities(pairs: Sequence[tuple[str, str]], workers: int = 1) -> list[float]:
    """[similarity(a, b) for a, b in pairs], the same floats, aligned on `workers` threads at
    once when the batch is large enough (rapidfuzz's cpdist: the same Indel, without the GIL)."""
    if workers > 1 and len(pairs) > 1:
        work = sum(len(a) * len(b) for a, b in pairs)
        if work >= (BATCH_WORK if "numpy" in sys.modules else FIRST_BATCH_WORK):
            return _aligned_on_threads(pairs, workers)
    return [similarity(a, b) for a, b in pairs]


def _aligned_on_threads(pairs: Sequence[tuple[str, str]], workers: int) -> list[float]:
    import numpy
    from rapidfuzz.distance import Indel
    from rapidfuzz.process import cpdist

    scores = cpdist([a for a, _ in pairs], [b for _, b in pairs], scorer=Indel.normalized_similarity,
                    dtype=numpy.float64, workers=workers)
    return scores.tolist()
