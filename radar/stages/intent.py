"""Which units are copies kept on purpose, as the file says: a `Copied from` comment, a copy
of this class said so above it, or a duplicate detector told to leave it be. analyse.py reads
it with each file's units; the gate's intent check reads the marks (gate._intent_check)."""
from __future__ import annotations

import re
from itertools import islice

# A comment saying a unit is `Copied from` another (Hugging Face's convention, which `make
# fix-copies` keeps in step): a copy kept on purpose, not one waiting to be shared.
COPIED_FROM = re.compile(rb"^\s*(?:#+|//+|--|;+|/?\*+)\s*Copied from\b", re.IGNORECASE)
# or, anywhere in the comment block above the unit, a copy it says it is (paimon's filesystems:
# "Important: copy this class from HadoopFileIO here to avoid class loader conflicts.")
COPY_OF_THIS = re.compile(rb"\bcop(?:y|ied)\s+(?:of\s+)?this\s+(?:class|file|function|method|module|code)\s+from\b",
                          re.IGNORECASE)
# or a duplicate detector told to leave it be: the team saw the copy and kept it (golangci-lint's
# `//nolint:dupl`, pylint's `disable=duplicate-code`, PMD's `CPD-OFF`, jscpd's `ignore-start`);
# at the head of the file, before any unit, for every unit of it (grype's eight VEX processors,
# `package processors // nolint:dupl`, had been its first proposal)
# (PMD's anywhere in its comment: nop-entropy's `// tell cpd to start ignoring code - CPD-OFF`)
DETECTOR_SILENCED = re.compile(rb"(?:#|//|/\*|--)\s*(?:nolint:[\w,]*\bdupl\b|pylint:\s*disable=[\w,-]*\bduplicate-code\b"
                               rb"|[^\n]*?\bCPD-OFF\b|jscpd:ignore-start\b)")
COMMENT_LINE = re.compile(rb"^\s*(?:#+|//+|--|;+|/?\*+)")
COMMENT_BLOCK = 40  # lines read upward from a unit for the comment block above it


def copied_on_purpose(data: bytes, units) -> list[bool]:
    """Per unit, whether it is a copy kept on purpose: a `Copied from` comment (or a silenced
    duplicate detector) marks it (on the line above it, or among its decorators) or a unit around
    it (a class copied whole copies its methods), or marked units make most of its lines (a
    pipeline class of copied methods); a duplicate detector silenced at the file's head marks
    every unit of it."""
    if b"opied from" not in data and b"OPIED FROM" not in data and b"opy this" not in data \
            and b"opied this" not in data and b"dupl" not in data and b"CPD-OFF" not in data \
            and b"jscpd:ignore" not in data:  # nearly every file: nothing to read
        return [False] * len(units)
    lines = data.split(b"\n")
    if _silenced_at_head(lines, units):
        return [True] * len(units)
    marked = sorted((u.start_line, u.end_line) for u in units if u.kind != "module" and _marked(lines, u.start_line))
    return [any(start <= u.start_line and u.end_line <= end for start, end in marked)
            or 2 * _covered(marked, u.start_line, u.end_line) > u.end_line - u.start_line + 1 for u in units]


def _silenced_at_head(lines: list[bytes], units) -> bool:
    """A duplicate detector silenced before the first unit and the comments it opens with:
    `package processors // nolint:dupl`, a `//nolint:dupl` line above `package`."""
    head = min((u.start_line for u in units if u.kind != "module"), default=len(lines) + 1) - 1
    while head and COMMENT_LINE.match(lines[head - 1]):  # the first unit's own comments are its
        head -= 1
    return any(DETECTOR_SILENCED.search(line) for line in lines[:head])


def _covered(spans: list[tuple[int, int]], first: int, last: int) -> int:
    """How many lines of first..last the (sorted) spans inside it cover."""
    covered, reached = 0, first - 1
    for start, end in spans:
        if start >= first and end <= last and end > reached:
            covered += end - max(start, reached + 1) + 1
            reached = end
    return covered


def _marked(lines: list[bytes], start_line: int) -> bool:
    """A `Copied from` comment (or a duplicate detector silenced, DETECTOR_SILENCED) on the line
    above the unit (lines are 1-based), or among the decorators and comments it opens with, or a
    copy of this unit said so, or a detector silenced, in the comment block right above it
    (COPY_OF_THIS; nop-entropy's `// … CPD-OFF` above each generated model's Javadoc)."""
    if start_line >= 2 and (COPIED_FROM.match(lines[start_line - 2]) or DETECTOR_SILENCED.search(lines[start_line - 2])):
        return True
    for line in reversed(lines[max(0, start_line - 1 - COMMENT_BLOCK):start_line - 1]):
        if not COMMENT_LINE.match(line):
            break
        if COPY_OF_THIS.search(line) or COPIED_FROM.match(line) or DETECTOR_SILENCED.search(line):
            return True
    for line in islice(lines, start_line - 1, None):
        if COPIED_FROM.match(line):
            return True
        if not line.lstrip().startswith((b"@", b"#", b"//")):
            return False
