"""Gitignore-style globs: what a rules file's `exclude`, routing `paths` and decision `names`
mean, compiled once each (fleet paths are matched by the thousand)."""
from __future__ import annotations

import functools
import re
from collections.abc import Callable


def glob_match(pattern: str, path: str) -> bool:
    """True when `path` (posix, relative) matches the gitignore-style glob `pattern`.

    `**` crosses directories (`**/x`, `a/**/b`, `a/**`), `*` and `?` never cross `/`,
    `[abc]`, `[a-z]`, `[!abc]` are character classes, `\\` escapes. A pattern without an
    inner `/` matches the basename; a leading `/` only anchors; a trailing `/` means
    "anything beneath". Raises ValueError for a malformed pattern.
    """
    return compile_glob(pattern).fullmatch(path) is not None


@functools.lru_cache(maxsize=64)
def any_glob(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    """One test for "glob_match(pattern, path) for any of `patterns`": the globs compiled into
    one expression, so each of a monorepo's many paths is matched once, not once per glob."""
    if not patterns:
        return lambda path: False
    union = re.compile("|".join(f"(?:{compile_glob(pattern).pattern})" for pattern in patterns), re.DOTALL)
    return lambda path: union.fullmatch(path) is not None


@functools.lru_cache(maxsize=64)
def any_glob_beneath(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    """A test for a folder whose every path below is matched by one of `patterns` (so a walk
    need not enter it): a glob ending in `/**` or `/` whose part before it matches the folder."""
    parts = [pattern[:-3] for pattern in (compile_glob(p).pattern for p in patterns) if pattern.endswith("/.*")]
    if not parts:
        return lambda folder: False
    union = re.compile("|".join(f"(?:{part})" for part in parts), re.DOTALL)
    return lambda folder: union.fullmatch(folder) is not None


@functools.lru_cache(maxsize=4096)
def compile_glob(pattern: str) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise ValueError("a glob cannot be empty")
    body = pattern
    beneath = body.endswith("/")
    if beneath:
        body = body[:-1]
    anchored = body.startswith("/")
    if anchored:
        body = body[1:]
    if not body:
        raise ValueError("a glob needs more than slashes")
    anchored = anchored or "/" in body
    segments = body.split("/")
    regex = "" if anchored else "(?:.*/)?"
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == "**":
            regex += ".*" if last else "(?:.*/)?"
        else:
            regex += _translate_segment(segment) + ("" if last else "/")
    if beneath:
        regex += "/.*"
    try:
        return re.compile(regex, re.DOTALL)
    except re.error as exc:  # e.g. a reversed range [z-a]
        raise ValueError(f"invalid character class ({exc.msg})") from None


def _translate_segment(segment: str) -> str:
    out: list[str] = []
    i, n = 0, len(segment)
    while i < n:
        c = segment[i]
        if c == "*":
            while i + 1 < n and segment[i + 1] == "*":
                i += 1
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = i + 1
            negate = j < n and segment[j] in "!^"
            if negate:
                j += 1
            members: list[str] = []
            first = True
            while j < n and (segment[j] != "]" or first):
                if segment[j] == "\\":
                    j += 1
                    if j == n:
                        break
                    members.append(re.escape(segment[j]))
                elif segment[j] == "-" and not first and j + 1 < n and segment[j + 1] != "]":
                    members.append("-")
                else:
                    members.append(re.escape(segment[j]))
                first = False
                j += 1
            if j >= n:
                raise ValueError("unbalanced '[' (a character class needs its closing ']')")
            cls = "".join(members)
            out.append(f"[^/{cls}]" if negate else f"(?!/)[{cls}]")
            i = j
        elif c == "\\":
            if i + 1 == n:
                raise ValueError("a glob cannot end with a backslash")
            i += 1
            out.append(re.escape(segment[i]))
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)
