"""Deltas between two encoded snapshots: what a pass that changed something stores.

A snapshot as `publish.encode_snapshot` writes it has one top-level key, or one element of a
top-level list, per line. `split_lines` / `join_lines` turn that text into lines and back
exactly; `content_of` swaps the scan line for a placeholder (the scan lives in the index of
passes, radar/infra/records.py). A delta is a list of operations over the parent's lines:
`[a, b]` copies lines a..b-1, a string is a new line, `{"r": i, "t": [[k, text], ...]}` is line
i with some of its pieces replaced (the pieces of a line are its text split at `,"`, so a
candidate's fields and its instances' fields mostly fall one to a piece: when a line keeps its
number of pieces, the changed ones are stored, as they are, which gives back the new line's
bytes by construction and costs no encoding; keyed "r", not "p": a radar from before pieces
stops at it with an error rather than reading the line as unchanged), and `{"p": i, ...}` is
line i's JSON object patched: fields set ("s"), deleted ("d"), lists of objects patched element by element ("l"),
long lists spliced ("q"). A patch is kept only when it gives back the new line byte for byte
(Python's equality says 1 == 1.0 == True; the bytes do not), else the new line is stored.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from itertools import compress, count
from operator import ne

SCAN_PREFIX = ' "scan": '
SCAN_PLACEHOLDER = ' "scan": null'
_MISSING = object()
_KEY = re.compile(r'\s*\{"[^"]+":"(?:[^"\\]|\\.)*"')
PIECE = ',"'  # where a line is cut into pieces (see the module docstring)


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # json.dumps would make one per call


def compact_json(value) -> str:
    return _COMPACT.encode(value)


# ---------------------------------------------------------------- lines of an encoded snapshot

def split_lines(text: str) -> list[str]:
    """The encoded snapshot's lines without their trailing commas (join_lines puts them back)."""
    return [line[:-1] if line.endswith(",") else line for line in text.rstrip("\n").split("\n")]


def join_lines(lines: list[str]) -> str:
    """Inverse of split_lines for encode_snapshot's layout: a comma ends every line that is
    followed by a sibling (not by a closing bracket, not after an opening one)."""
    parts = []  # each line and what ends it, joined once: no copy of each (long) line with its comma
    last = len(lines) - 1
    for n, line in enumerate(lines):
        follower = lines[n + 1] if n < last else "}"
        comma = follower not in (" ]", "}") and line != "{" and not line.endswith("[")
        parts += (line, ",\n" if comma else "\n")
    return "".join(parts) if parts else "\n"


def content_of(lines: list[str]) -> list[str]:
    """The lines with the scan line replaced by a placeholder: what two passes can share."""
    return [SCAN_PLACEHOLDER if line.startswith(SCAN_PREFIX) else line for line in lines]


def with_scan(content: list[str], scan: dict) -> list[str]:
    encoded = SCAN_PREFIX + compact_json(scan)
    return [encoded if line == SCAN_PLACEHOLDER else line for line in content]


# ---------------------------------------------------------------- deltas

def make_delta(base: list[str], new: list[str], values: list | None = None) -> list:
    """Operations that turn `base` into `new` (see the module docstring). `values`, when given,
    are the JSON values `new`'s lines encode (None where not known): they need not be parsed
    back from the text (each patch is still checked against the line's bytes)."""
    keyed: dict[str, list[int]] | None = None
    ops: list = []
    for n, (line, (copied, cursor)) in enumerate(zip(new, _align(base, new))):
        if copied is not None:
            _copy(ops, copied)
            continue
        if keyed is None:
            keyed = _keyed(base)
        ops.append(_patch_or_line(base, keyed, line, cursor, values[n] if values else None))
    return ops


def piece_delta(count: int, pieces: dict[int, list]) -> list:
    """make_delta(base, new) when `new` is `base` (`count` lines) with some pieces of some lines
    replaced (`pieces`: line -> [[piece, text], ...], as _pieces_patch gives them), each of those
    lines found nowhere in `base` and its patch shorter than the line: what a caller that
    replaced them knows without comparing the lines (outputs/outcome.py)."""
    ops: list = []
    for n in range(count):
        if n in pieces:
            ops.append({"r": n, "t": pieces[n]})
        else:
            _copy(ops, n)
    return ops


def _align(before: list, after: list) -> Iterator[tuple[int | None, int]]:
    """For each item of `after`: the index of `before` it copies (the next one when it follows
    on, else its first place) or None when it is new; and where `before` is read from then. A new
    item takes the place of the one at the cursor: the items after a changed one follow on from
    their own places (piece_delta counts on it), not from an earlier copy of theirs (a " ]")."""
    where: dict = {}
    for i, item in enumerate(before):
        where.setdefault(item, i)
    cursor = 0
    for item in after:
        if cursor < len(before) and before[cursor] == item:
            pass
        elif item in where:
            cursor = where[item]
        else:
            yield None, cursor
            cursor += 1
            continue
        yield cursor, cursor
        cursor += 1


def _copy(ops: list, index: int) -> None:
    if ops and isinstance(ops[-1], list) and ops[-1][1] == index:
        ops[-1][1] += 1
    else:
        ops.append([index, index + 1])


def _keyed(base: list[str]) -> dict[str, list[int]]:
    """Base lines by their first string field (a candidate's id, a subsystem's or census row's name)."""
    table: dict[str, list[int]] = {}
    for i, line in enumerate(base):
        match = _KEY.match(line)
        if match:
            table.setdefault(match.group(0), []).append(i)
    return table


def _patch_or_line(base: list[str], keyed: dict[str, list[int]], line: str, cursor: int, value=None):
    match = _KEY.match(line)
    if not match or match.group(0) not in keyed:
        return line
    index = min(keyed[match.group(0)], key=lambda i: abs(i - cursor))
    pieces = _pieces_patch(base[index], line, index)
    if pieces is not None:
        return pieces
    try:
        old = json.loads(base[index])  # only the lines whose pieces moved (one more instance, say)
        new = json.loads(line) if value is None else value
    except ValueError:
        return line
    if not isinstance(old, dict) or not isinstance(new, dict):
        return line
    indent = line[: len(line) - len(line.lstrip())]
    patch = {"p": index, **_fields(old, new)}
    if _patched(old, patch, indent) != line or len(compact_json(patch)) >= len(line):
        return line
    return patch


def _pieces_patch(old: str, line: str, index: int) -> dict | None:
    """`line` as `old` with its changed pieces replaced, when both have as many pieces and that
    is shorter than the line itself (a warm pass after a cold one: each instance's quiet_passes)."""
    before, after = old.split(PIECE), line.split(PIECE)
    if len(before) != len(after):
        return None
    changed = compress(count(), map(ne, before, after))  # compared in C: a warm pass compares some 100k pieces
    patch = {"r": index, "t": [[k, after[k]] for k in changed]}
    return patch if len(compact_json(patch)) < len(line) else None


def _fields(old: dict, new: dict) -> dict:
    """Fields of `new` that differ from `old`: set ("s"), deleted ("d"), and lists of objects of
    the same length patched element by element ("l": a candidate's instances). Python equality
    decides what is unchanged (fast); where it is wrong about JSON (1 == 1.0 == True) the
    caller's byte check refuses the patch."""
    changed, nested, spliced = {}, {}, {}
    moved = [key for key, value in new.items() if old.get(key, _MISSING) != value]  # most fields did not
    for key in moved:
        value, before = new[key], old.get(key, _MISSING)
        if (isinstance(value, list) and isinstance(before, list) and len(value) == len(before) and value
                and all(isinstance(v, dict) for v in value) and all(isinstance(b, dict) for b in before)):
            nested[key] = [None if b == v else _fields(b, v) for b, v in zip(before, value)]
        elif isinstance(value, list) and isinstance(before, list) and len(before) > 4:
            spliced[key] = _splice(before, value)
        else:
            changed[key] = value
    patch: dict = {}
    if changed:
        patch["s"] = changed
    deleted = [k for k in old if k not in new]
    if deleted:
        patch["d"] = deleted
    if nested:
        patch["l"] = nested
    if spliced:
        patch["q"] = spliced
    return patch


def _splice(before: list, after: list) -> list:
    """A long list with a few elements in or out (a census row's locations, a candidate's
    instances): [a, b] copies before[a:b], {"v": [...]} inserts elements."""
    keys = [_element_key(e) for e in before]
    ops: list = []
    for element, (copied, _) in zip(after, _align(keys, [_element_key(e) for e in after])):
        if copied is not None:
            _copy(ops, copied)
        elif ops and isinstance(ops[-1], dict):
            ops[-1]["v"].append(element)
        else:
            ops.append({"v": [element]})
    return ops


def _element_key(element):
    return compact_json(element) if isinstance(element, (dict, list, float, bool)) else element


def _spliced(before: list, ops: list) -> list:
    out: list = []
    for op in ops:
        if isinstance(op, list):
            out.extend(before[op[0]:op[1]])
        else:
            out.extend(op["v"])
    return out


def _merge(old: dict, patch: dict) -> dict:
    """`old` patched; keys keep their order, new keys go last (the caller checks the bytes)."""
    deleted = patch.get("d", ())
    merged = {k: v for k, v in old.items() if k not in deleted}
    for key, elements in patch.get("l", {}).items():
        merged[key] = [v if p is None else _merge(v, p) for v, p in zip(old[key], elements)]
    for key, ops in patch.get("q", {}).items():
        merged[key] = _spliced(old[key], ops)
    merged.update(patch.get("s", {}))
    return merged


def _patched(old: dict, patch: dict, indent: str) -> str:
    return indent + compact_json(_merge(old, patch))


def apply_delta(base: list[str], ops: list) -> list[str]:
    out: list[str] = []
    for op in ops:
        if isinstance(op, list):
            out.extend(base[op[0]:op[1]])
        elif isinstance(op, str):
            out.append(op)
        elif "r" in op:
            pieces = base[op["r"]].split(PIECE)
            for at, piece in op["t"]:
                pieces[at] = piece
            out.append(PIECE.join(pieces))
        else:
            line = base[op["p"]]
            indent = line[: len(line) - len(line.lstrip())]
            out.append(_patched(json.loads(line), op, indent))
    return out
