"""Languages: languages.yaml, read once per process, and which language a file is written in.

The table of file suffixes that every part asks (the pass's files, its warnings, init's layout),
and the entries grammars.py builds its walking tables from (and checks, a language at a time).
Kept apart from grammars.py, which imports the rewrites a grammar needs: a pass that parses
nothing (a warm pass) reads only this.
"""
from __future__ import annotations

import functools
from pathlib import Path


def suffix(name: str) -> str:
    """PurePosixPath(name).suffix, without building a path (this runs for every file of a pass)."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def dotted(ext: str) -> str:
    ext = ext.lower()
    return ext if ext.startswith(".") else "." + ext


@functools.lru_cache(maxsize=1)
def languages_yaml() -> dict:
    import yaml

    beside = Path(__file__).with_name("languages.yaml")
    if beside.is_file():
        text = beside.read_text(encoding="utf-8")
    else:  # a zipped install; importing importlib.resources costs every pass ~15 ms otherwise
        from importlib import resources

        text = resources.files("radar.stages").joinpath("languages.yaml").read_text(encoding="utf-8")
    # libyaml's loader when the wheel has it: the pure-Python one takes a fifth of a warm pass
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def language_for(path: str, extra: dict[str, str] | None = None) -> str | None:
    """The language of a file, by the lower-cased suffix of its name; `extra` ({".ext": name})
    wins over languages.yaml. None when the suffix is unknown."""
    found = suffix(path.replace("\\", "/").rpartition("/")[2]).lower()
    if not found:
        return None
    if extra:
        for ext, language in extra.items():
            if dotted(ext) == found:
                return language
    return _extensions().get(found)


def language_names() -> tuple[str, ...]:
    return tuple(languages_yaml()["languages"])


def unread_language(path: str) -> str | None:
    """The language of a file of source radar does not parse (languages.yaml's `unread`), if any."""
    return _unread().get(suffix(path.rpartition("/")[2]).lower())


def unread_table() -> tuple[tuple[str, str], ...]:
    """languages.yaml's `unread`, suffix by suffix: what a layout's note counts (layout_memo stamps it)."""
    return tuple(sorted(_unread().items()))


@functools.lru_cache(maxsize=1)
def _unread() -> dict[str, str]:
    return {dotted(ext): str(name) for ext, name in (languages_yaml().get("unread") or {}).items()}


@functools.lru_cache(maxsize=1)
def _extensions() -> dict[str, str]:
    table: dict[str, str] = {}
    for name, entry in languages_yaml()["languages"].items():
        for ext in entry.get("extensions", ()):
            table[dotted(ext)] = name
    return table
