"""Parse stage: source bytes -> units (functions, methods, classes, definition forms, modules).

Tree-sitter lives behind this module and nowhere else. Which node types are units in each
language is data (languages.yaml), not code.
"""
from __future__ import annotations

from dataclasses import dataclass

# Token categories. "kw": keywords, operators, punctuation (text kept as is);
# "id": identifiers (text kept; shape renames them); "lit": literals (text is the literal's type).
Token = tuple[str, str]


@dataclass(frozen=True)
class Extracted:
    """A unit as found in one file's bytes, before it is bound to a subsystem and a path."""

    kind: str  # module | class | function | method | definition
    name: str  # "" for the module unit (bound to the file name later)
    start_line: int  # 1-based, inclusive
    end_line: int
    tokens: tuple[Token, ...]


@dataclass(frozen=True)
class Extraction:
    units: tuple[Extracted, ...]
    had_errors: bool  # the tree holds ERROR/MISSING nodes; units inside them were dropped


@dataclass(frozen=True)
class Unit:
    subsystem: str
    path: str  # relative to the subsystem's checkout root, posix separators
    language: str
    kind: str
    name: str
    start_line: int
    end_line: int
    tokens: tuple[Token, ...]


def language_for(path: str, extra: dict[str, str] | None = None) -> str | None:
    raise NotImplementedError


def extract(data: bytes, language: str) -> Extraction:
    raise NotImplementedError
