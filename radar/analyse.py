"""One source file -> its shapes: read safely, parse, shape. The unit of parallel work.

Reading is where hostile input meets the radar: binary, huge, non-UTF-8 and unreadable files
(FIFOs and devices included) and symlink loops are skipped and counted by reason; a symlink is
never followed; code with syntax errors keeps the units that parsed.
Results are cached per git blob id (see cache.py) and spread over processes.
"""
from __future__ import annotations

import errno
import os
import stat
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from radar.cache import ParseCache
from radar.discover import content_blob_id
from radar.executors import Executor
from radar.parse import extract
from radar.shape import FileStreams, Shape, fingerprint, normalise

MAX_FILE_BYTES = 1 << 20  # larger files are generated or vendored more often than written
SKIP_REASONS = ("binary", "too_large", "undecodable", "parse_error", "symlink_outside", "unreadable",
                "symlink_loop")
_BATCH = 32  # files per task sent to a worker process


@dataclass(frozen=True)
class FileWork:
    subsystem: str
    path: str
    abspath: str
    language: str
    blob: str | None  # known git blob id, or None to hash the content


@dataclass(frozen=True)
class FileResult:
    subsystem: str
    path: str
    language: str
    shapes: tuple[Shape, ...]
    skipped: str | None  # a SKIP_REASONS entry when the file gave no units
    parse_error: bool  # parsed as far as possible; some units were lost


# A compact, marshal-able analysis of one blob: (skip reason or None, parse_error, units),
# each unit (kind, name, start_line, end_line, size, exact, blind, names, samples).
Compact = tuple


def read_source(abspath: str) -> tuple[bytes | None, str | None]:
    """The file's bytes, or None and why it is skipped. Never follows a symlink (O_NOFOLLOW) and
    never blocks on a FIFO (O_NONBLOCK, then only regular files are read)."""
    try:
        fd = os.open(abspath, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        return None, "symlink_loop" if error.errno == errno.ELOOP and _is_loop(abspath) else "unreadable"
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, "unreadable"
        if info.st_size > MAX_FILE_BYTES:
            return None, "too_large"
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        return None, "unreadable"
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        return None, "too_large"
    return data, None


def _is_loop(abspath: str) -> bool:
    try:
        os.path.realpath(abspath, strict=True)
    except OSError as error:
        return error.errno == errno.ELOOP
    return False


def analyse_bytes(data: bytes, language: str) -> Compact:
    if b"\0" in data[:8192]:
        return ("binary", False, ())
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return ("undecodable", False, ())
    extraction = extract(data, language)
    streams = FileStreams(extraction.tokens)  # once per file: units are slices of it
    units = []
    for unit in extraction.units:
        start, end = unit.first_token, unit.first_token + len(unit.tokens)
        units.append((unit.kind, unit.name, unit.start_line, unit.end_line, len(unit.tokens),
                      fingerprint(normalise(unit.tokens)), streams.blind[start:end],
                      streams.names[start:end], streams.samples(start, end)))
    skipped = "parse_error" if extraction.had_errors and not units else None
    return (skipped, extraction.had_errors, tuple(units))


def _analyse_batch(batch: list[tuple[str, str]]) -> list[Compact]:
    results = []
    for abspath, language in batch:
        data, skipped = read_source(abspath)
        results.append((skipped, False, ()) if data is None else analyse_bytes(data, language))
    return results


def analyse_all(works: list[FileWork], cache: ParseCache, executor: Executor,
                progress: Callable[[int, int], None] | None = None) -> tuple[list[FileResult], Counter]:
    """Every file's shapes, in input order, and the skip counts by reason."""
    blobs: list[str | None] = [w.blob for w in works]
    early: dict[int, Compact] = {}
    for index, work in enumerate(works):
        if work.blob is None:
            data, skipped = read_source(work.abspath)
            if data is None:
                early[index] = (skipped, False, ())
            else:
                blobs[index] = content_blob_id(data)
    keys = {i: ParseCache.key(w.language, blobs[i]) for i, w in enumerate(works) if i not in early}
    cached = cache.get_many(sorted(set(keys.values())))
    todo = sorted({keys[i]: i for i in keys if keys[i] not in cached}.values())
    fresh = dict(zip((keys[i] for i in todo), _run(
        [(works[i].abspath, works[i].language) for i in todo], executor, progress)))
    cache.put_many({k: v for k, v in fresh.items() if v[0] not in ("unreadable", "too_large")})
    results, skipped = [], Counter()
    for index, work in enumerate(works):
        compact = early.get(index) or cached.get(keys[index]) or fresh[keys[index]]
        result = _bind(work, compact)
        if result.skipped:
            skipped[result.skipped] += 1
        elif result.parse_error:
            skipped["parse_error"] += 1
        results.append(result)
    return results, skipped


def _run(batch_input: list[tuple[str, str]], executor: Executor, progress) -> Iterator[Compact]:
    batches = [batch_input[i:i + _BATCH] for i in range(0, len(batch_input), _BATCH)]
    done = 0
    for results in executor.map(_analyse_batch, batches):
        done += len(results)
        if progress:
            progress(done, len(batch_input))
        yield from results


def _bind(work: FileWork, compact: Compact) -> FileResult:
    skipped, parse_error, units = compact
    file_name = PurePosixPath(work.path).name
    shapes = tuple(
        Shape(work.subsystem, work.path, work.language, kind, name or file_name, start, end,
              size, exact, blind, names, tuple(samples))
        for kind, name, start, end, size, exact, blind, names, samples in units
    )
    return FileResult(work.subsystem, work.path, work.language, shapes, skipped, bool(parse_error))




