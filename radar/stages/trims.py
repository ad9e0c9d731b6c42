"""What the walk found, trimmed as each language needs before a file's content is read: calls
that are none (a definition's head, a constructor applied, a last call that wrote no token)
and the units a test scope holds. parse.extract applies them; each returns a new Extraction."""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # parse.py imports this module
    from radar.stages.parse import Extraction


def without_dangling_call(extraction: Extraction) -> Extraction:
    """Without a last call that wrote no token (zsh's `} &|`, read as bash's: a command of no
    word), which would point past the file's tokens."""
    ended = len(extraction.tokens)
    if not extraction.calls or extraction.calls[-1] < ended:
        return extraction
    return dataclasses.replace(extraction, calls=tuple(at for at in extraction.calls if at < ended))


def without_definition_heads(extraction: Extraction) -> Extraction:
    """Where a definition is itself a call (Elixir's `def f(x) do … end` calls `def` with the
    call `f(x)`), neither call is behaviour: only those in its body are (a `defstruct`-like form
    of calls alone would never be data otherwise)."""
    heads = {unit.first_token + step for unit in extraction.units if unit.kind == "definition" for step in (0, 1)}
    return dataclasses.replace(extraction, calls=tuple(at for at in extraction.calls if at not in heads))


def without_constructions(extraction: Extraction) -> Extraction:
    """Without the calls of a capitalised name not qualifying another (`Map.insert`): Haskell's
    `Left 3`, and `ErasedDatatype reason _` in a pattern, build or take apart data."""
    tokens = extraction.tokens
    return dataclasses.replace(extraction, calls=tuple(
        at for at in extraction.calls if not (tokens[at][0] == "id" and tokens[at][1][:1].isupper()
                                              and (at + 1 == len(tokens) or tokens[at + 1][1] != "."))))


def without_test_scopes(extraction: Extraction, opening: tuple[str, ...]) -> Extraction:
    """The extraction without the units inside a test scope: the tokens `opening` (Rust's
    `#[cfg(test)] mod`), a name, then a `{ … }` block (unit tests kept in the source file). The
    module unit keeps them: a file is what it holds."""
    texts = [text for _, text in extraction.tokens]
    scopes = []
    width = len(opening)
    for start in range(len(texts) - width - 1):
        if texts[start] == opening[0] and tuple(texts[start:start + width]) == opening \
                and texts[start + width + 1] == "{":
            scopes.append((start, _closing(texts, start + width + 1)))
    if not scopes:
        return extraction
    units = tuple(u for u in extraction.units
                  if u.kind == "module" or not any(a <= u.first_token <= b for a, b in scopes))
    return dataclasses.replace(extraction, units=units)


def _closing(texts: list[str], opening: int) -> int:
    """The position of the `}` closing the `{` at `opening` (the last token if none does)."""
    depth = 0
    for position in range(opening, len(texts)):
        depth += {"{": 1, "}": -1}.get(texts[position], 0)
        if depth == 0:
            return position
    return len(texts) - 1
