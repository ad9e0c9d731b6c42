"""Reading a source file, safely: which files a pass reads, their content ids, why one is skipped.

Reading is where hostile input meets the radar: huge and unreadable files (FIFOs and devices
included) and symlink loops are skipped here, binary and non-UTF-8 ones as they are parsed
(analyse.py), each counted by reason (SKIP_REASONS); a symlink is never followed. A file's
content id is its git blob id, known from the index or hashed here for a file outside it, unless
its name says it is not code to read (a generator's output, a declaration file). A pass whose
files have the same ids as an earlier pass's reads no further (reuse/incremental.py), so this
module is all of the reading a warm pass imports.
"""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass

from radar.stages.discover import content_blob_id
from radar.stages.generated import compiled_in_place, generated_name

MAX_FILE_BYTES = 1 << 20  # larger files are generated or vendored more often than written
SKIP_REASONS = ("binary", "too_large", "undecodable", "parse_error", "symlink_outside", "unreadable",
                "symlink_loop", "generated", "vendored", "markup", "declarations")
# TypeScript's declaration files: types, no code (cssnano's 154 `types/*.d.ts`, emitted by tsc
# from its JavaScript, a third of which the pinned grammar could not read: `import('x').T<any>`)
DECLARATIONS = (".d.ts", ".d.mts", ".d.cts")
FILE_SYSTEM_SKIPS = ("unreadable", "symlink_loop")  # say nothing of the blob: never remembered


@dataclass(frozen=True)
class FileWork:
    subsystem: str
    path: str
    abspath: str
    language: str
    blob: str | None  # known git blob id, or None to hash the content


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
        data = _read_to_end(fd, info.st_size)
    except OSError:
        return None, "unreadable"
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        return None, "too_large"
    return data, None


def _read_to_end(fd: int, size: int) -> bytes:
    """The file's bytes, up to MAX_FILE_BYTES + 1 (a file that grew since its fstat is read on).
    Asked for its own size, not for the limit: a read of the limit maps a fresh megabyte per file,
    which cost ~50 us a file, several times the read itself."""
    chunks, total, want = [], 0, size + 1
    while total <= MAX_FILE_BYTES:
        chunk = os.read(fd, min(want, MAX_FILE_BYTES + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total, want = total + len(chunk), 1 << 16
    return b"".join(chunks)


def _is_loop(abspath: str) -> bool:
    try:
        os.path.realpath(abspath, strict=True)
    except OSError as error:
        return error.errno == errno.ELOOP
    return False


def content_ids(works: list[FileWork]) -> list[tuple[str | None, str | None]]:
    """(blob id, None) for each file, or (None, skip reason) for a file named as a generator's
    output or without a known blob that could not be read; files outside git are read here to
    hash their content. JavaScript compiled where its TypeScript is written is a generator's
    output too (generated.compiled_in_place)."""
    compiled = compiled_in_place(work.path for work in works)
    return [(None, "generated") if work.path in compiled else _content_id(work) for work in works]


def _content_id(work: FileWork) -> tuple[str | None, str | None]:
    if generated_name(work.path):
        return None, "generated"
    if work.path.endswith(DECLARATIONS):
        return None, "declarations"
    if work.blob is not None:
        return work.blob, None
    data, skipped = read_source(work.abspath)
    return (None, skipped) if data is None else (content_blob_id(data), None)
