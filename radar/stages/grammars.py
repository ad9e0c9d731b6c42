"""Grammars: languages.yaml read into the tables the parse stage walks a tree with.

Per language: what to do with each node kind (a keyword, an identifier, a literal, skipped),
which node types open units and how a unit is named, the reference query, the lisp forms. Built
lazily, once per language and process, from its entry (languages.py reads the file), checked
first: an unknown key in it is an error naming it. parse.py walks with these tables; so does
radar._walk, given them in C form.
"""
from __future__ import annotations

import functools
import sys
from dataclasses import dataclass

from radar.stages.languages import languages_yaml
from radar.stages.rewrites import REWRITES_ON_ERROR


# --- checking languages.yaml (a language's entry, when its grammar is built) -----------------

_UNIT_KINDS = frozenset({"function", "method", "class", "definition"})
_LANGUAGE_KEYS = frozenset(
    {"grammar", "extensions", "units", "blocks", "wrappers", "lisp", "calls", "call_style", "references",
     "reference_roots", "or_else", "test_scope", "markup_scripts", "capitalised_constructors"}
    | set(REWRITES_ON_ERROR)
    | {"comments", "literals", "keywords", "atoms", "silent"}
)
_UNIT_KEYS = frozenset({"kind", "name", "require", "container_if", "body"})
# A block (an if/for/with/try body inside a function) is a unit of its own from this many tokens:
# a copied run of statements inside two different functions is shared logic the functions, as
# wholes, do not show; smaller bodies are a line or two, alike everywhere.
BLOCK_TOKENS = 40
_LISP_KEYS = frozenset({"lists", "symbols", "skip", "symbol_literals", "definitions", "special_forms"})


def _checked(name: str, entry: dict) -> dict:
    """A language's entry of languages.yaml, or an error naming its unknown key."""
    _check_keys(entry, _LANGUAGE_KEYS, f"languages.{name}")
    for node_type, unit in (entry.get("units") or {}).items():
        where = f"languages.{name}.units.{node_type}"
        _check_keys(unit, _UNIT_KEYS, where)
        if unit.get("kind") not in _UNIT_KINDS:
            kinds = sorted(_UNIT_KINDS)
            raise ValueError(f"languages.yaml: {where}.kind must be one of {kinds}")
    _check_keys(entry.get("lisp") or {}, _LISP_KEYS, f"languages.{name}.lisp")
    return entry


def _check_keys(entry: dict, allowed: frozenset, where: str) -> None:
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise ValueError(f"languages.yaml: unknown key {unknown[0]!r} in {where}")


@functools.lru_cache(maxsize=None)
def _reference_query(language: str):
    """The compiled `references` query of a language, or None when it has none."""
    source = languages_yaml()["languages"].get(language, {}).get("references")
    if not source:
        return None
    from tree_sitter import Query
    from tree_sitter_language_pack import get_language

    grammar = languages_yaml()["languages"][language].get("grammar", language)
    try:
        return Query(get_language(grammar), source)
    except Exception as exc:  # a query that does not fit the bundled grammar: a bug in languages.yaml
        raise ValueError(f"languages.yaml: languages.{language}.references: {exc}") from exc


# --- grammar tables ------------------------------------------------------------------------

# What to do with a node, by kind id.
_ANON, _NAMED, _SKIP, _LIT, _ATOM, _KWORD, _SYMBOL = range(7)
# A unit's kind while the walk is inside it, never a unit found: Rust's `impl Trait for Type`
# (every type needs its own impl, so the block is nothing to extract; its methods are units).
_CONTAINER = "container"


@dataclass(frozen=True)
class _UnitSpec:
    kind: str
    name: tuple[tuple[bool, str], ...]  # (by type?, field name or node type)
    require: tuple[tuple[str, frozenset[str] | None], ...]  # field or "@type" -> allowed types (None: any)
    container_if: tuple[str, ...] = ()  # with one of these fields: holds units, is none itself
    body: frozenset[int] = frozenset()  # kind ids: a unit only before one of these, and through it


@dataclass(frozen=True)
class _Grammar:
    grammar: str
    actions: tuple[int, ...]
    lit_tokens: dict[int, tuple[str, str] | None]  # None: a string, whose value makes the token
    units: dict[int, _UnitSpec]
    wrappers: frozenset[int]
    lists: frozenset[int]
    symbols: frozenset[int]
    list_skip: frozenset[int]
    lisp_words: dict[bytes, tuple[str, str]]  # symbol text -> kw / lit token; any other symbol is an id
    definitions: frozenset[str]  # head symbols of definition forms
    candidates: frozenset[int]  # kind ids that may open a unit
    calls: frozenset[int]  # kind ids of calls (a unit holding none only lays out data)
    blocks: frozenset[int] = frozenset()  # kind ids of statement blocks (bodies)
    reference_roots: frozenset[int] = frozenset()  # kind ids every references match starts at
    test_scope: tuple[str, ...] = ()  # tokens opening a block of unit tests (trims.without_test_scopes)


@functools.lru_cache(maxsize=None)
def _grammar(language: str) -> _Grammar:
    from tree_sitter_language_pack import get_language

    config = languages_yaml()
    entry = _checked(language, config["languages"].get(language, {}))
    defaults = config["defaults"]
    grammar = entry.get("grammar", language)
    try:
        lang = get_language(grammar)
    except Exception as exc:  # the pack raises LookupError or its own error types
        raise ValueError(f"no grammar for language {language!r}") from exc

    literal_of: dict[str, str] = {}
    for source in (defaults, entry):
        for lit_type, node_types in (source.get("literals") or {}).items():
            literal_of.update(dict.fromkeys(node_types, lit_type))
    comments = set(defaults["comments"]) | set(entry.get("comments", ()))
    keywords = set(defaults["keywords"]) | set(entry.get("keywords", ()))
    atoms = set(defaults["atoms"]) | set(entry.get("atoms", ()))
    silent = set(entry.get("silent", ()))
    lisp = entry.get("lisp") or {}
    symbol_types = set(lisp.get("symbols", ()))

    ids_of: dict[str, list[int]] = {}
    actions = []
    lit_tokens: dict[int, tuple[str, str] | None] = {}
    for kid in range(lang.node_kind_count):
        name = lang.node_kind_for_id(kid)
        if not lang.node_kind_is_named(kid):
            actions.append(_SKIP if name in silent else _ANON)
            continue
        ids_of.setdefault(name, []).append(kid)
        if name in comments:
            actions.append(_SKIP)
        elif name in symbol_types:
            actions.append(_SYMBOL)
        elif name in literal_of:
            actions.append(_LIT)
            lit_tokens[kid] = None if literal_of[name] == "string" else ("lit", sys.intern(literal_of[name]))
        elif name in atoms:
            actions.append(_ATOM)
        elif name in keywords:
            actions.append(_KWORD)
        else:
            actions.append(_NAMED)

    def kind_ids(names) -> frozenset[int]:
        return frozenset(k for n in names for k in ids_of.get(n, ()))

    units = {}
    for node_type, unit in (entry.get("units") or {}).items():
        steps = tuple((s.startswith("@"), s.lstrip("@")) for s in unit.get("name", ["name"]))
        require = tuple(
            (field, None if types == "*" else frozenset(types))
            for field, types in (unit.get("require") or {}).items()
        )
        spec = _UnitSpec(unit["kind"], steps, require, tuple(unit.get("container_if") or ()),
                         kind_ids(unit.get("body") or ()))
        units.update(dict.fromkeys(kind_ids([node_type]), spec))

    shared = config["lisp"]
    lisp_words: dict[bytes, tuple[str, str]] = {}
    definitions = lisp.get("definitions", shared["definitions"])
    if lisp:
        for word in [*lisp.get("special_forms", shared["special_forms"]), *definitions]:
            lisp_words[str(word).encode()] = ("kw", sys.intern(str(word)))
        literals = {**shared["symbol_literals"], **(lisp.get("symbol_literals") or {})}
        for word, lit_type in literals.items():
            lisp_words[str(word).encode()] = ("lit", sys.intern(str(lit_type)))
    wrappers = kind_ids(entry.get("wrappers", ()))
    lists = kind_ids(lisp.get("lists", ()))
    blocks = kind_ids(entry.get("blocks", ()))
    return _Grammar(
        grammar=grammar,
        actions=tuple(actions),
        lit_tokens=lit_tokens,
        units=units,
        wrappers=wrappers,
        lists=lists,
        symbols=kind_ids(symbol_types),
        list_skip=kind_ids(set(lisp.get("skip", ())) | comments),
        lisp_words=lisp_words,
        definitions=frozenset(map(str, definitions)),
        candidates=frozenset(units) | wrappers | lists | blocks,
        calls=kind_ids(set(defaults["calls"]) | set(entry.get("calls", ()))),
        blocks=blocks,
        reference_roots=kind_ids(entry.get("reference_roots", ())),
        test_scope=tuple(entry.get("test_scope", ())),
    )
