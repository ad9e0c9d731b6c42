"""Evidence helpers: instance headings, highlighting language, diff markers, Markdown escaping.

Pure functions, no Streamlit.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

_HIGHLIGHT = {
    "python": "python", "javascript": "javascript", "typescript": "typescript", "tsx": "tsx",
    "go": "go", "rust": "rust", "java": "java", "c": "c", "cpp": "cpp", "c++": "cpp",
    "ruby": "ruby", "bash": "bash", "shell": "bash", "sh": "bash", "clojure": "clojure",
    "sx": "clojure", "scheme": "scheme", "lisp": "lisp", "commonlisp": "lisp", "elisp": "lisp",
    "racket": "racket", "json": "json", "yaml": "yaml",
}
_EXT = {".py": "python", ".js": "javascript", ".mjs": "javascript", ".ts": "typescript",
        ".tsx": "tsx", ".go": "go", ".rs": "rust", ".java": "java", ".c": "c", ".h": "c",
        ".cc": "cpp", ".cpp": "cpp", ".hpp": "cpp", ".rb": "ruby", ".sh": "bash",
        ".bash": "bash", ".sx": "clojure", ".clj": "clojure", ".scm": "scheme", ".lisp": "lisp"}


def highlight_language(inst: dict[str, Any], cand: dict[str, Any] | None = None) -> str | None:
    """The syntax-highlighting language for an instance's code (None: plain text)."""
    lang = str(inst.get("language") or (cand or {}).get("language") or "").lower()
    if lang in _HIGHLIGHT:
        return _HIGHLIGHT[lang]
    return _EXT.get(Path(str(inst.get("path", ""))).suffix.lower())


def instance_header(inst: dict[str, Any]) -> str:
    """``subsystem: path:start-end``, the heading of an instance's column."""
    return f"{inst.get('subsystem')}: {inst.get('path')}:{inst.get('start_line')}-{inst.get('end_line')}"


def changed_lines(reference: str, other: str, start_line: int = 1) -> list[int]:
    """File line numbers of ``other`` (first line = ``start_line``) that differ from ``reference``."""
    a, b = reference.splitlines(), other.splitlines()
    out = []
    for tag, _i1, _i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("replace", "insert"):
            out += [start_line + j for j in range(j1, j2)]
    return out


_TOKEN = re.compile(r"""("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|`[^`]*`)|(\b\d[\w.]*)|([A-Za-z_$][\w$-]*)|(\S)""")
_KEYWORDS = frozenset(
    "and as async await break case catch class const continue def default defn define del do elif else "
    "except export extends false finally fn for from func function go if import in is lambda let loop "
    "match new nil none not null or pass raise return self static struct super switch this throw true "
    "try type undefined var void while with yield".split())


def _structure(line: str) -> tuple[str, ...]:
    """A line with its names and literals blanked: what is left is its structure."""
    out = []
    for text, number, name, other in _TOKEN.findall(line):
        if text or number:
            out.append("LIT")
        elif name:
            out.append(name if name.lower() in _KEYWORDS else "NAME")
        else:
            out.append(other)
    return tuple(out)


def differences(reference: str, other: str, start_line: int = 1) -> tuple[list[int], list[int]]:
    """File lines of ``other`` that differ from ``reference``: (only in names, in structure).

    A changed line paired with a reference line whose keywords, operators and punctuation are
    the same differs only in names (identifiers, literals); anything else, or an added line,
    differs in structure."""
    a, b = reference.splitlines(), other.splitlines()
    names, structure = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag not in ("replace", "insert"):
            continue
        for k, j in enumerate(range(j1, j2)):
            paired = a[i1 + k] if tag == "replace" and i1 + k < i2 else None
            same = paired is not None and _structure(paired) == _structure(b[j])
            (names if same else structure).append(start_line + j)
    return names, structure


def removed_count(reference: str, other: str) -> int:
    """Lines of ``reference`` with no counterpart in ``other``."""
    a, b = reference.splitlines(), other.splitlines()
    return sum(
        i2 - i1
        for tag, i1, i2, _j1, _j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        if tag == "delete"
    )


def line_ranges(lines: list[int]) -> str:
    """[3, 4, 5, 9] -> '3-5, 9'."""
    parts, start, prev = [], None, None
    for n in lines:
        if start is None:
            start = prev = n
        elif n == prev + 1:
            prev = n
        else:
            parts.append(f"{start}-{prev}" if prev != start else str(start))
            start = prev = n
    if start is not None:
        parts.append(f"{start}-{prev}" if prev != start else str(start))
    return ", ".join(parts)


def unified_diff(ref: dict[str, Any], other: dict[str, Any]) -> str:
    return "".join(
        difflib.unified_diff(
            (ref.get("code") or "").splitlines(keepends=True),
            (other.get("code") or "").splitlines(keepends=True),
            fromfile=instance_header(ref),
            tofile=instance_header(other),
            n=2,
        )
    )


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$&\"'=^])")


def md_escape(text: Any) -> str:
    """Escape every Markdown-significant character so scanned text renders literally."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def md_unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)
