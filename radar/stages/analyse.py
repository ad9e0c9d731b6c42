"""One source file -> its shapes: read (reading.py), parse, shape. The unit of parallel work.

Binary and non-UTF-8 bytes are skipped and counted here; code with syntax errors keeps the units
that parsed. Generated code is skipped and counted: by a generator's banner in the file's head
here, by the name generators give their output in reading.py (generated.py has both).
Results are cached per git blob id (see cache.py) and spread over processes; the vocabs a
pass binds are kept for the next pass that clusters (Vocabs).
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from radar.infra.cache import ParseCache, code_stamp
from radar.infra.collector import collector_paused
from radar.infra.executors import Executor
from radar.stages import content
from radar.stages.content import ENTRY_POINTS, GO_ENTRY_POINTS, file_content, vocab, word_codes
from radar.stages.declaring import (all_in, answers_constants, assigns_configuration, builds_value, declares,
                                     declares_by_calls, declaring_definitions, delegates, functions_lay_out,
                                     functions_of, hands_on, holds_values, lists_calls_at_top, module_declares,
                                     module_of_values, mostly_declares, reads_a_record, returns_configuration,
                                     runs_nothing_at_file_scope, sets_fields, starts_guarded)
from radar.stages.generated import designer_written, generated, vendors
from radar.stages.intent import copied_on_purpose
from radar.stages.reading import FILE_SYSTEM_SKIPS, FileWork, read_source
from radar.stages.parse import Reference, calls_are, capitalised_constructors, extract_either
from radar.stages.shape import FileStreams, Shape, exact_fingerprints

# an XML document under a source's suffix: Qt Linguist's translations are `.ts` (mumble's 45
# `mumble_de.ts` …, half a megabyte each, had been read as TypeScript, 65 s of a 73 s first scan)
MARKUP = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<(?:\?xml|!DOCTYPE)\b", re.IGNORECASE)
_BATCH = 32  # files per task sent to a worker process
_STORED_AT_ONCE = 512  # fresh analyses written to the cache per transaction


@dataclass(frozen=True)
class FileResult:
    subsystem: str
    path: str
    language: str
    shapes: tuple[Shape, ...]
    skipped: str | None  # a SKIP_REASONS entry when the file gave no units
    parse_error: bool  # parsed as far as possible; some units were lost
    shapes_digest: str = ""  # equal digests, equal shapes and references (see _shapes_digest)
    references: tuple[Reference, ...] = ()  # imports, includes, namespaced symbols (parse.py)


# A compact, marshal-able analysis of one blob: (skip reason or None, parse_error, units,
# (blind, names) of the whole file, digest of the shapes, the file's content words and their
# token positions (content.py), references, the language it parsed as), each unit (kind, name,
# start_line, end_line, first_token, size, exact, samples, behaviour, forwards, copied); a
# unit's streams are [first_token:first_token + size] of the file's. Storing the file's streams
# once, not per nested unit, makes a pass read a third as much.
Compact = tuple
# A module that defines no function and branches nowhere (or only to throw: starts_guarded), its
# `forwards`: it hands on when its file is named for where a program starts (`main.ts`: _bind, as
# a blob's analysis knows no name).
# It only starts its framework (Angular's `platformBrowserDynamic().bootstrapModule(AppModule)`,
# Vue's `createApp(App).mount("#app")`): each program needs its own, the framework is what they
# share (nifi's five Angular apps' `main.ts` had been proposed). A command line starts in `cli.ts`
# (midscene's four packages' each building its tools for the shared `runToolsCLI`, its #1).
STARTS_IF_MAIN = 2
PROGRAM_STARTS = ENTRY_POINTS | {"cli"}
_NOTHING = ("", "")


def _nothing(reason: str | None) -> Compact:
    return (reason, False, (), _NOTHING, "", ((), ()), (), "")


def _without_designers(data: bytes, extraction):
    """The extraction without the functions and methods a form designer wrote (generated.py)."""
    units = extraction.units
    functions = [at for at, unit in enumerate(units) if unit.kind in ("function", "method")]
    written = designer_written(data, [(units[at].name, units[at].start_line, units[at].end_line) for at in functions])
    if not written:
        return extraction
    dropped = {functions[at] for at in written}
    return replace(extraction, units=tuple(unit for at, unit in enumerate(units) if at not in dropped))


def analyse_bytes(data: bytes, language: str) -> Compact:
    if b"\0" in data[:8192]:
        return _nothing("binary")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return _nothing("undecodable")
    if generated(data):
        return _nothing("generated")
    if vendors(data):
        return _nothing("vendored")
    if MARKUP.match(data):
        return _nothing("markup")
    extraction, parsed_as = extract_either(data, language)
    extraction = _without_designers(data, extraction)
    streams = FileStreams(extraction.tokens)  # once per file: units are slices of it
    content = file_content(extraction.tokens, streams.blind, calls_are(parsed_as), extraction.calls)
    units = []
    copied = copied_on_purpose(data, extraction.units)
    exacts = exact_fingerprints([unit.tokens for unit in extraction.units])
    functions = functions_of(extraction.units, content, GO_ENTRY_POINTS if parsed_as == "go" else ENTRY_POINTS,
                             extraction.tokens)
    starts = sorted(functions)
    declaring = [(unit.first_token, unit.first_token + len(unit.tokens)) for unit in extraction.units
                 if unit.kind == "class" and (declares(unit.first_token, unit.first_token + len(unit.tokens), starts,
                                                        content)
                                              or mostly_declares(unit.first_token, unit.first_token + len(unit.tokens),
                                                                 functions, content))]
    names = {unit.first_token: unit.name for unit in extraction.units if unit.kind in ("function", "method")}
    valued = [(unit.first_token, unit.first_token + len(unit.tokens)) for unit in extraction.units
              if unit.kind == "class" and (holds_values(unit.first_token, unit.first_token + len(unit.tokens),
                                                        functions, names, content)
                                           or answers_constants(extraction.tokens, unit.first_token,
                                                                unit.first_token + len(unit.tokens), functions,
                                                                content))]
    declaring += valued + declaring_definitions(extraction.units, content)
    handing = [(unit.first_token, unit.first_token + len(unit.tokens)) for unit in extraction.units
               if unit.kind == "class" and hands_on(unit, starts, functions, content)]
    tables = capitalised_constructors(parsed_as)  # constructors are data: a `case` of them, a table
    configured = parsed_as == "php" and (returns_configuration(extraction.tokens)
                                         or assigns_configuration(extraction.tokens))
    # a class's or a module's calls are its functions': each function (a Lisp form's `def` too) is
    # listed or not on its own, and a class whose functions all are lays out data too
    listed = {unit.first_token: _listed(unit, extraction.tokens, content, streams.blind, parsed_as, tables)
              for unit in extraction.units if unit.kind in LISTING}
    declaring += [(unit.first_token, unit.first_token + len(unit.tokens)) for unit in extraction.units
                  if unit.kind == "class" and functions_lay_out(unit.first_token, unit.first_token + len(unit.tokens),
                                                                functions, listed, content)]
    for unit, marked, exact in zip(extraction.units, copied, exacts):
        start, end = unit.first_token, unit.first_token + len(unit.tokens)
        lays_out = unit.kind == "class" and (start, end) in declaring \
            or unit.kind == "module" and (module_declares(start, end, starts, declaring, content) or configured
                                          or module_of_values(start, end, starts, valued, content)
                                          or lists_calls_at_top(extraction.tokens, start, end, starts, content)
                                          or declares_by_calls(extraction.tokens, start, end, starts, content)
                                          or parsed_as == "c" and runs_nothing_at_file_scope(
                                              extraction.tokens, start, end, functions, listed, content))
        behaviour = 0 if listed.get(start) and unit.kind in LISTING or lays_out else content.behaviour(start, end)
        if unit.kind in ("function", "method"):
            forwards = functions[start][1]
        else:
            forwards = unit.kind != "module" and content.forwards(start + 1, end, unit.name) \
                or delegates(unit.kind, start, end, starts, functions, content) \
                or unit.kind == "module" and (declares(start, end, starts, content)
                                              or starts_guarded(extraction.tokens, start, end, starts, content)) \
                and STARTS_IF_MAIN \
                or unit.kind == "module" and all_in(handing, start, end, content)
        units.append((unit.kind, unit.name, unit.start_line, unit.end_line, start, end - start,
                      exact, streams.samples(start, end), behaviour, forwards, marked))
    skipped = "parse_error" if extraction.had_errors and not units else None
    return (skipped, extraction.had_errors, tuple(units), (streams.blind, streams.names),
            _shapes_digest(units, streams.names, content.words, extraction.references, parsed_as),
            (content.at, content.words), extraction.references, parsed_as)


LISTING = ("function", "method", "block", "definition")  # the units whose body may only list data


def _listed(unit, tokens, content, blind: str, parsed_as: str, tables: bool) -> bool:
    """Whether a function's, a block's or a definition's body only lays data out: calls listed,
    a structure filled, cases or a table mapped, and for a function one value built, its own
    fields set or a record read field by field (declaring.py)."""
    start, end = unit.first_token, unit.first_token + len(unit.tokens)
    return (content.lists_calls(start, end) or content.fills(start, end, blind, parsed_as)
            or tables and content.maps_cases(start, end) or content.maps_table(start, end)
            or unit.kind in ("function", "method") and (builds_value(tokens, start, end)
                                                        or sets_fields(tokens, start, end, unit.name)
                                                        or reads_a_record(tokens, start, end)))


def _shapes_digest(units: list[tuple], names: str, words: tuple[str, ...], references: tuple = (),
                   parsed_as: str = "") -> str:
    """Equal digests, equal shapes (wherever the file is): what clustering's memo is keyed by,
    so an edit that moves no shape (a comment, trailing lines) does not cluster again.
    The names stream determines the blind stream and the samples; `exact` is kept for safety;
    a unit's content (its strings too) is part of what clustering reads. References count too:
    an import's path is a string literal, invisible to the shapes, and the findings the next
    pass reuses carry the references."""
    digest = hashlib.blake2b(repr([unit[:7] + unit[8:] for unit in units]).encode("utf-8", "surrogatepass"),
                             digest_size=16)
    digest.update(names.encode("utf-8", "surrogatepass"))
    digest.update("\0".join(words).encode("utf-8", "surrogatepass"))
    if references:
        digest.update(repr(references).encode("utf-8", "surrogatepass"))
    digest.update(parsed_as.encode())
    return digest.hexdigest()


def _analyse_batch(batch: list[tuple[str, str]]) -> list[bytes]:
    """Each file's Compact, marshalled here, in the worker: the cache stores these bytes as they
    are, and bytes cross the process boundary far cheaper than nested tuples."""
    results = []
    for abspath, language in batch:
        data, skipped = read_source(abspath)
        results.append(marshal.dumps(_nothing(skipped) if data is None else analyse_bytes(data, language)))
    return results


def analyse_all(works: list[FileWork], ids: list[tuple[str | None, str | None]], cache: ParseCache,
                executor: Executor, progress: Callable[[int, int], None] | None = None,
                vocabs: Vocabs | None = None) -> tuple[list[FileResult], Counter]:
    """Every file's shapes, in input order, and the skip counts by reason (`ids`: content_ids);
    with `vocabs`, binding takes the vocabs it holds and keeps those it made (Vocabs)."""
    keys = {i: ParseCache.key(w.language, ids[i][0]) for i, w in enumerate(works) if ids[i][0] is not None}
    cached = _read_back(cache, sorted(set(keys.values())))
    waiting: dict[str, list[int]] = {}  # a content not cached -> the files that hold it
    for index, key in keys.items():
        if key not in cached:
            waiting.setdefault(key, []).append(index)
    todo = sorted(indices[-1] for indices in waiting.values())  # one file read per content
    bound: list[FileResult | None] = [None] * len(works)
    rows: dict[str, bytes] = {}
    # Bound and stored as they arrive: this process does it while the workers still parse,
    # rather than alone after them. Closed at once if this loop fails or is interrupted, so
    # the pool shuts down then, not whenever the generator is collected.
    with contextlib.closing(_run([(works[i].abspath, works[i].language) for i in todo], executor, progress)) as done:
        for position, payload in done:
            index = todo[position]
            compact = marshal.loads(payload)
            if compact[0] not in (*FILE_SYSTEM_SKIPS, "too_large"):
                rows[keys[index]] = payload
            for same in waiting[keys[index]]:
                bound[same] = _bind(works[same], compact, vocabs, ids[same][0])
            if len(rows) >= _STORED_AT_ONCE:
                cache.put_payloads(rows)
                rows = {}
    cache.put_payloads(rows)
    return _bind_cached(works, ids, keys, cached, bound, vocabs)


# Reading back and binding cached parses is no parsing: it allocates a tuple per unit and a
# shape per unit, and makes no cycle, so the cycle collector (running where files are parsed:
# reuse/incremental.py) is paused there; it walked every live object, ~0.1 s of an edit pass on moto.
_read_back = collector_paused(ParseCache.get_many)


@collector_paused
def _bind_cached(works: list[FileWork], ids: list[tuple[str | None, str | None]], keys: dict[int, str],
                 cached: dict[str, object], bound: list[FileResult | None],
                 vocabs: Vocabs | None) -> tuple[list[FileResult], Counter]:
    """Every file's result (those not bound yet: from their cached parse), and the skip counts."""
    results, skipped = [], Counter()
    for index, work in enumerate(works):
        result = bound[index]
        if result is None:
            blob, unread = ids[index]
            result = _bind(work, _nothing(unread) if blob is None else cached[keys[index]], vocabs, blob)
        if result.skipped:
            skipped[result.skipped] += 1
        elif result.parse_error:
            skipped["parse_error"] += 1
        results.append(result)
    return results, skipped


def _run(batch_input: list[tuple[str, str]], executor: Executor, progress) -> Iterator[tuple[int, bytes]]:
    """(position in batch_input, payload) of every file, as each batch is done."""
    batches = [batch_input[i:i + _BATCH] for i in range(0, len(batch_input), _BATCH)]
    done = 0
    for number, results in executor.map_done(_analyse_batch, batches):
        done += len(results)
        if progress:
            progress(done, len(batch_input))
        yield from enumerate(results, number * _BATCH)


def _bind(work: FileWork, compact: Compact, vocabs: Vocabs | None = None, blob: str | None = None) -> FileResult:
    skipped, parse_error, units, (blind, names), digest, (at, words), references, parsed_as = compact
    file_name = PurePosixPath(work.path).name
    key = (work.subsystem, work.language, blob, digest)
    known = vocabs.take(key, len(units)) if vocabs is not None and blob else None
    if known is None:
        codes = word_codes(words, work.subsystem)
        known = tuple(vocab(at, codes, unit[4], unit[4] + unit[5]) for unit in units)
    if vocabs is not None and blob:
        vocabs.kept[key] = known
    subsystem, path, language = work.subsystem, work.path, parsed_as or work.language
    entry = file_name.partition(".")[0] in PROGRAM_STARTS
    shapes = []
    for (kind, name, start, end, first, size, exact, samples, behaviour, forwarding, copied), unit_vocab in zip(units, known):
        # Shape(...) without the frozen dataclass's __init__ (one object.__setattr__ per field:
        # a third of binding a cached file) nor a zip of names and values: its fields, in order
        shape = _new(Shape)
        _set(shape, "__dict__", {
            "subsystem": subsystem, "path": path, "language": language, "kind": kind, "name": name or file_name,
            "start_line": start, "end_line": end, "size": size, "exact": exact, "blind": blind[first:first + size],
            "names": names[first:first + size], "samples": tuple(samples), "vocab": unit_vocab,
            "behaviour": behaviour, "forwards": forwarding == 1 or forwarding == STARTS_IF_MAIN and entry,
            "copied": copied})
        shapes.append(shape)
    return FileResult(work.subsystem, work.path, work.language, tuple(shapes), skipped, bool(parse_error), digest,
                      tuple(map(tuple, references)))


_new, _set = object.__new__, object.__setattr__


@dataclass(frozen=True)
class Vocabs:
    """Each bound file's unit vocabs, the one costly step of binding (a subsystem's own name is
    made neutral in every content word: content.word_codes), by (subsystem, language, blob,
    digest of the file's shapes and words), which fix them: a pass after an edit takes the last
    pass's for every file it did not change. `earlier` is read, `kept` filled with every file
    this pass bound (the next pass's)."""

    earlier: dict = field(default_factory=dict)
    kept: dict = field(default_factory=dict)

    def made(self) -> int:
        """How many files this pass bound that `earlier` did not hold."""
        return sum(key not in self.earlier for key in self.kept)

    def take(self, key: tuple, units: int) -> tuple[str, ...] | None:
        known = self.earlier.get(key)
        if isinstance(known, tuple) and len(known) == units and all(type(v) is str for v in known):
            return known
        return None


@functools.lru_cache(maxsize=1)
def vocabs_stamp() -> str | None:
    """The code a vocab comes from (this module and content.py), or None when a source cannot
    be read: then no memo of vocabs is ever taken."""
    return code_stamp("vocabs 1", (content, sys.modules[__name__]))


def encode_vocabs(vocabs: Vocabs) -> tuple:
    return (vocabs_stamp(), vocabs.kept)


def decode_vocabs(value: object) -> Vocabs:
    """The last pass's vocabs, when this code made them (else none: every file is bound afresh)."""
    try:
        made, kept = value
    except (TypeError, ValueError):
        return Vocabs()
    return Vocabs(kept) if made is not None and made == vocabs_stamp() and isinstance(kept, dict) else Vocabs()
