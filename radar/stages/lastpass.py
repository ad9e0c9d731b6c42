"""The last pass as the next one reads it: a few fields of its snapshot, kept in the cache.

A pass reads little of the last snapshot: each candidate's id, verdict, consumers, first pass,
score and similarity; each instance's place, shape, quiet_passes and code excerpt; each
subsystem's checkout and marks; the pass number and its history rows (history.py, publish.py,
records.describe). Decoding the whole 4.3 MB latest.json for that was ~0.03 s of a warm pass on
moto, and freeing it again more (2026-12-01); the same fields as tuples, marshalled, read back in
a fifth of the time. Each pass files them in the cache folder (`remember`, a file per --out:
writing them into the SQLite cache cost three times more) under the CRC-32 and length of the
latest.json it wrote and the code of this module: a latest.json edited, replaced or rebuilt since,
or a memo made by other code, is a miss, and the pass decodes latest.json as before. The same
fields are taken either way (`carried`), so a hit and a miss give the same pass.
"""
from __future__ import annotations

import json
import marshal
import os
import struct
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from radar.infra.cache import code_stamp, key_digest
from radar.infra.storage import remove_leftovers

FORMAT = 2  # the tuples' layout below; the code stamp changes with this module anyway

# (subsystem, path, name, unit, exact, quiet_passes, start_line, end_line, dirty, code)
InstanceRow = tuple
# (id, verdict, consumers, first_seen_pass or None, score, similarity, instances)
CandidateRow = tuple
# (name, root, head, last_change, dirty_files)
SubsystemRow = tuple


@dataclass(frozen=True)
class LastPass:
    """The fields of the last snapshot a pass reads, as tuples (the rows above)."""

    number: int
    version: str | None  # the radar that wrote it
    history: tuple[dict, ...]  # scan.history: the rows of the passes up to it
    subsystems: tuple[SubsystemRow, ...]
    candidates: tuple[CandidateRow, ...]
    # (key, backlog parts, idle decisions) of what it published, when it was filed (outputs/outcome.py):
    # what a pass with the same key publishes again; read back from the memo only
    outcome: tuple | None = field(default=None, compare=False)
    data: bytes | None = field(default=None, compare=False, repr=False)  # latest.json's bytes, when read from it

    def instances(self) -> Iterator[InstanceRow]:
        for candidate in self.candidates:
            yield from candidate[6]

    def outline(self) -> dict:
        """The parts of a snapshot records.describe reads: the pass, the candidates' summaries
        and the subsystems' marks."""
        return {"scan": {"pass": self.number},
                "candidates": [{"id": cid, "verdict": verdict, "consumers": list(consumers), "instances": instances,
                                "score": score, "similarity": similarity}
                               for cid, verdict, consumers, _, score, similarity, instances in self.candidates],
                "subsystems": [{"name": name, "last_change": last_change, "dirty_files": list(dirty)}
                               for name, _, _, last_change, dirty in self.subsystems]}


def carried(snapshot: dict) -> LastPass:
    """What the next pass reads of `snapshot` (a schema-1 snapshot, as written or as decoded)."""
    return LastPass(
        number=snapshot["scan"]["pass"],
        version=snapshot.get("tool", {}).get("version"),
        history=tuple(snapshot["scan"].get("history", [])),
        subsystems=tuple((s["name"], s.get("root"), s.get("head"), s.get("last_change"),
                          tuple(s.get("dirty_files") or ())) for s in snapshot.get("subsystems", [])),
        candidates=tuple(
            (c["id"], c["verdict"], tuple(c["consumers"]), c.get("first_seen_pass"), c.get("score"),
             c.get("similarity"),
             tuple((i["subsystem"], i["path"], i["name"], i.get("unit", ""), i.get("exact"),
                    int(i.get("quiet_passes") or 0), i.get("start_line"), i.get("end_line"), i.get("dirty"),
                    i.get("code")) for i in c["instances"]))
            for c in snapshot.get("candidates", [])),
    )


def read(latest: Path, cache_dir: Path | None = None) -> LastPass | None:
    """The last pass from `latest` (latest.json): from the memo in `cache_dir` (None: no cache)
    when it holds that very file's fields, else decoded. None when the file cannot be read or
    is no snapshot."""
    try:
        data = latest.read_bytes()
    except OSError:
        return None
    key = _key(data)
    if cache_dir is not None and key is not None:
        found = _decoded(_memo_file(cache_dir, latest), key)
        if found is not None:
            return replace(found, data=data)
    try:
        return carried(json.loads(data))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def remember(cache_dir: Path | None, latest: Path, data: bytes, last: LastPass) -> None:
    """File `last` (carried from the snapshot) in `cache_dir` under the bytes `data` just written to `latest`:
    one file per --out, replaced whole (temp file and rename; it need not survive a crash, a
    torn one fails its check). A cache that cannot be written only costs the next pass time."""
    key = _key(data)
    if cache_dir is None or key is None:
        return
    body = marshal.dumps((key, _encoded(last)), 2)  # no back-references: twice as fast to write
    path = _memo_file(cache_dir, latest)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(path.parent)  # of passes killed while writing theirs
        temp.write_bytes(struct.pack("<II", zlib.crc32(body), len(body)) + body)
        os.replace(temp, path)
    except OSError:
        temp.unlink(missing_ok=True)


def _memo_file(cache_dir: Path, latest: Path) -> Path:
    return cache_dir / "last-pass" / f"{key_digest(str(latest.resolve()))}.marshal"


def _key(data: bytes) -> str | None:
    """What a memo must have been made from: this module's code, and latest.json's bytes."""
    code = code_stamp(("last pass", FORMAT), (sys.modules[__name__],))
    return None if code is None else f"{code}-{zlib.crc32(data):08x}-{len(data)}"


def _encoded(last: LastPass) -> tuple:
    return (last.number, last.version, last.history, last.subsystems, last.candidates, last.outcome)


def _decoded(path: Path, key: str) -> LastPass | None:
    """The memo's LastPass when it is whole and made under `key`; None for anything else."""
    try:
        raw = path.read_bytes()
        crc, length = struct.unpack_from("<II", raw)
        body = raw[8:]
        if len(body) != length or zlib.crc32(body) != crc:
            return None
        made_under, value = marshal.loads(body)
    except (OSError, struct.error, ValueError, EOFError, TypeError):
        return None
    if made_under != key or not isinstance(value, tuple) or len(value) != 6:
        return None
    number, version, history, subsystems, candidates, outcome = value
    return LastPass(number, version, history, subsystems, candidates, outcome)
