"""The parse cache: one entry per (tool version, language, git blob id), in one SQLite file.

A blob parsed once is never parsed again, across worktrees and across passes. Entries carry a
check of their payload (a CRC-32 seeded by the key, and the length); a corrupt, truncated or
foreign entry fails it and is treated as a miss, never trusted. The cache only ever speeds a
pass up: it cannot change a result.
"""
from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
import sqlite3
import struct
import zlib
from collections.abc import Iterable
from pathlib import Path

from radar import __version__

FORMAT = 151  # bump when the cached payload's layout (or what parsing extracts) changes
SHAPING = f"{__version__}/{FORMAT}"  # shapes from equal bytes are equal within one SHAPING
PAGE_SIZE = 16384


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "radar"


class ParseCache:
    """get/put of marshal-able payloads; a cache that cannot be opened simply misses."""

    def __init__(self, folder: Path | None):
        self._db = None
        if folder is None:
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(folder / "parse-cache.sqlite", timeout=30)
            # Pages of 16 KiB (a new cache's; an existing one keeps its own): memos of megabytes
            # are chains of overflow pages, and at 4 KiB writing them costs twice the CPU.
            self._db.execute(f"PRAGMA page_size={PAGE_SIZE}")
            self._db.execute("PRAGMA journal_mode=WAL")
            # No fsync at each commit (WAL stays consistent; a crash may only lose the last
            # entries, which a cache can): a cold pass commits as it goes, on disks shared with others.
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS entry (key TEXT PRIMARY KEY, digest BLOB, payload BLOB)")
        except (OSError, sqlite3.Error):
            self._db = None

    @staticmethod
    def key(language: str, blob: str) -> str:
        return f"{SHAPING}/{language}/{blob}"

    def get_many(self, keys: list[str]) -> dict[str, object]:
        if self._db is None or not keys:
            return {}
        found: dict[str, object] = {}
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                rows = self._db.execute(
                    f"SELECT key, digest, payload FROM entry WHERE key IN ({','.join('?' * len(chunk))})", chunk)
                for key, digest, payload in rows:
                    value = _verified(key, digest, payload)
                    if value is not None:
                        found[key] = value
        except sqlite3.Error:
            return found
        return found

    def put_many(self, items: dict[str, object], replacing: Iterable[str] = ()) -> None:
        """Store `items`; entries under the key prefixes `replacing` (a family, such as one
        checkout's listings) are dropped first, so a family holds only its newest answer."""
        if self._db is None or not items:
            return
        rows = []
        for key, value in items.items():
            payload = marshal.dumps(value)
            rows.append((key, _digest(key, payload), payload))
        try:
            with self._db:
                for prefix in replacing:
                    self._db.execute("DELETE FROM entry WHERE key >= ? AND key < ?", (prefix, _after(prefix)))
                self._db.executemany("INSERT OR REPLACE INTO entry VALUES (?, ?, ?)", rows)
        except sqlite3.Error:
            pass  # a cache that cannot be written only costs time

    def put_payloads(self, payloads: dict[str, bytes]) -> None:
        """put_many of values already marshalled (by the process that made them)."""
        if self._db is None or not payloads:
            return
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO entry VALUES (?, ?, ?)",
                                     [(key, _digest(key, payload), payload) for key, payload in payloads.items()])
        except sqlite3.Error:
            pass

    def keep_latest(self, limits: dict[str, int]) -> None:
        """Keep only the newest `limits[prefix]` entries under each key prefix, and drop parses
        made by other versions of the tool: memos of states long gone only take room."""
        if self._db is None:
            return
        try:
            with self._db:
                for prefix, keep in limits.items():
                    self._db.execute(
                        "DELETE FROM entry WHERE key >= ? AND key < ? AND rowid NOT IN (SELECT rowid FROM entry"
                        " WHERE key >= ? AND key < ? ORDER BY rowid DESC LIMIT ?)",  # REPLACE gives a new rowid
                        (prefix, _after(prefix), prefix, _after(prefix), keep))
                self._db.execute("DELETE FROM entry WHERE key GLOB '[0-9]*' AND substr(key, 1, ?) != ?",
                                 (len(SHAPING) + 1, SHAPING + "/"))
        except sqlite3.Error:
            pass

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def code_stamp(seed: object, modules: Iterable) -> str | None:
    """A digest of `seed` (its repr) and of the source of `modules`: what a memo made by that
    code is filed under, so a memo from other code is a miss. None when a source cannot be
    read: then no such memo is ever taken. A module given by its dotted name is found, not
    imported: a pass that takes the memo runs none of its code, and need not pay for its imports."""
    digest = hashlib.blake2b(repr(seed).encode("utf-8", "surrogatepass"), digest_size=16)
    for module in modules:
        try:
            digest.update(Path(_source_of(module)).read_bytes())
        except (OSError, TypeError, ImportError):
            return None
    return digest.hexdigest()


def _source_of(module) -> str | None:
    if isinstance(module, str):
        spec = importlib.util.find_spec(module)
        return spec.origin if spec is not None else None
    return module.__file__


def key_digest(value: object) -> str:
    """A short, stable digest of `value` (its repr), for building memo keys."""
    return hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _after(prefix: str) -> str:
    """The first key past every key that starts with `prefix`."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _digest(key: str, payload: bytes) -> bytes:
    """A check of the payload under this key: its CRC-32 seeded by the key, and its length.
    What a cache meets is damage, not forgery (it lives on its user's disk): a truncation, a
    torn page, flipped bits (CRC-32 catches every burst of up to 32 bits and all but one in
    four billion others), an entry under another key. A fourth of blake2b's cost: an edit
    pass on moto checks some 30 MB."""
    return struct.pack("<II", zlib.crc32(payload, zlib.crc32(key.encode("utf-8", "surrogatepass"))),
                       len(payload) & 0xFFFFFFFF)


def _verified(key: str, digest: bytes, payload: bytes):
    if not isinstance(payload, bytes) or _digest(key, payload) != digest:
        return None
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
