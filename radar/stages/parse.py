"""Parse stage: source bytes -> units (functions, methods, classes, definition forms, modules).

Tree-sitter lives behind this module and grammars.py (languages.yaml read into the tables the
walk uses) and nowhere else. Which node types are units in each language is data
(languages.yaml), not code; so are the queries that find a file's references to other modules
(imports, includes, namespaced symbols), which `deps.py` resolves (`resolve.py`).
"""
from __future__ import annotations

import bisect
import hashlib
import re
import sys
import threading
from dataclasses import dataclass

from radar.stages.grammars import (BLOCK_TOKENS, _ANON, _ATOM, _CONTAINER, _LIT, _NAMED, _SKIP, _SYMBOL, _Grammar,
                                     _UnitSpec, _grammar, _reference_query)
from radar.stages.languages import languages_yaml
from radar.stages.rewrites import REWRITES_ON_ERROR, WHOLE_FILE, applied, masked
from radar.stages.trims import (without_constructions, without_dangling_call, without_definition_heads,
                                without_test_scopes)

try:  # the tree walk in C (radar/_walk.c), when `pip install` could build it; same results
    from radar import _walk as _native_walk
except ImportError:
    _native_walk = None

# Token categories. "kw": keywords, operators, punctuation (text kept as is);
# "id": identifiers (text kept; shape renames them); "lit": literals (text is the literal's type);
# "str": a string literal (text is its value, or a digest of a long one): its shape is the type
# "string" like any literal, but its value is content two copies of one logic share (shape.py).
Token = tuple[str, str]
# A reference to another module, as written: (capture name in languages.yaml, text, 1-based line).
Reference = tuple[str, str, int]


@dataclass(frozen=True)
class Extracted:
    """A unit as found in one file's bytes, before it is bound to a subsystem and a path."""

    kind: str  # module | class | function | method | definition | block
    name: str  # "" for the module unit (bound to the file name later)
    start_line: int  # 1-based, inclusive
    end_line: int
    tokens: tuple[Token, ...]
    first_token: int = 0  # where `tokens` starts in the file's token stream (Extraction.tokens)


@dataclass(frozen=True)
class Extraction:
    units: tuple[Extracted, ...]
    had_errors: bool  # the tree holds ERROR/MISSING nodes; units inside them were dropped
    tokens: tuple[Token, ...] = ()  # the whole file's token stream; every unit's is a slice of it
    references: tuple[Reference, ...] = ()  # each (capture, text) once, at its first line (EACH_LINE: at each)
    calls: tuple[int, ...] = ()  # token positions where a call node starts (content.py: behaviour)


def extract(data: bytes, language: str) -> Extraction:
    """Parse `data` once and return the module unit and every definition unit, at any depth.

    Units whose node holds a parse error are dropped (the module unit too), and so are those in
    a test scope (languages.yaml's test_scope: Rust's `#[cfg(test)] mod`); the rest are kept.
    Raises ValueError only for a language that no bundled grammar provides.
    """
    return _extracted(data, language)[0]


def parseable(data: bytes) -> bytes:
    """`data` as it is parsed: ending in a newline. tree-sitter-perl's scanner loops for ever where
    the text ends inside a comment or a quote-like string with none (`exit` then `# end`, `q#abc`):
    a scan of such a file had never ended. Lines and units are as they were."""
    return data if data.endswith(b"\n") else data + b"\n"


def _extracted(data: bytes, language: str, edited=None) -> tuple[Extraction, object]:
    """extract(), and the tree it read; `edited`, a tree of an earlier text edited to match
    `data`, is parsed again where the edits reach only (tree-sitter's incremental parse)."""
    grammar = _grammar(language)
    if languages_yaml()["languages"].get(language, {}).get("markup_scripts"):
        data = _scripts_only(data)
    data = parseable(data)
    parser = _parser(grammar.grammar)
    tree = parser.parse(data) if edited is None else parser.parse(data, edited)
    query = _reference_query(language)
    walked = _walk_natively(language, grammar, tree, data, query is not None)
    if walked is None:
        walk = _Walk(grammar, data)
        walked = walk.run(tree), walk.reference_nodes
    extraction, reference_nodes = walked
    extraction = without_dangling_call(extraction)
    if grammar.lists & grammar.calls:
        extraction = without_definition_heads(extraction)
    if grammar.test_scope:
        extraction = without_test_scopes(extraction, grammar.test_scope)
    if capitalised_constructors(language):
        extraction = without_constructions(extraction)
    if query is None:
        return extraction, tree
    # Where the language names its reference roots (imports), matches start only at the nodes
    # of those types the walk met: the query visits those rather than the whole tree (a third
    # of the walk's own time on Python).
    starts = [tree.root_node] if not grammar.reference_roots else reference_nodes
    references = _references(query, starts, at_starts=bool(grammar.reference_roots))
    return Extraction(extraction.units, extraction.had_errors, extraction.tokens, references, extraction.calls), tree


_SCRIPT = re.compile(rb"<script\b[^>]*>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)


def _scripts_only(data: bytes) -> bytes:
    """A component file's `<script>` blocks as they are, everything around them blank but its
    line breaks: the code keeps its lines and offsets (a Vue or Svelte single-file component)."""
    kept = bytearray(re.sub(rb"[^\n]", b" ", data))
    for match in _SCRIPT.finditer(data):
        kept[match.start(1):match.end(1)] = match[1]
    return bytes(kept)


# captures kept at each line they occur (a class and its bases, which many classes of a file
# share: the bases of the class holding a copy, deps.Dependencies.extended), not at the first alone
EACH_LINE = frozenset({"class", "supertype"})


def _references(query, starts: list, at_starts: bool = False) -> tuple[Reference, ...]:
    """The query's captures from `starts`; with `at_starts`, only matches starting at those
    nodes: a root holding code (a C# namespace, a Python class) is then not searched through."""
    from tree_sitter import QueryCursor

    found: dict[tuple[str, str], int] = {}
    cursor = QueryCursor(query)
    if at_starts:
        cursor.set_max_start_depth(0)
    matches = (match for start in starts for match in cursor.matches(start, _text_matches))
    for _, captures in matches:
        for capture, nodes in captures.items():
            if capture.startswith("_"):  # helper captures (a predicate's subject)
                continue
            for node in nodes:
                text = node.text.decode("utf-8", "replace").strip()
                line = node.start_point[0] + 1
                if capture == "typename" and not text[:1].isupper():
                    continue  # a function called, a variable read: no type (languages.yaml)
                if capture == "constant" and _scope_of_constant(node):
                    capture = "constant_scope"  # `A::B` of `A::B::C`: a namespace on the way (pathnames.py)
                key = (capture, text, line if capture in EACH_LINE else 0)
                if text and found.get(key, line) >= line:
                    found[key] = line
    return tuple(sorted(((capture, text, line) for (capture, text, _), line in found.items()),
                        key=lambda ref: (ref[2], ref[0], ref[1])))


def _scope_of_constant(node) -> bool:
    """Whether a Ruby constant path is the scope of a longer one (`A::B` in `A::B::C`)."""
    parent = node.parent
    return parent is not None and parent.type == "scope_resolution" and parent.child_by_field_name("scope") == node


def _text_matches(predicate: str, arguments: list, pattern_index: int, captures: dict) -> bool:
    """languages.yaml's `#text-match? @capture "regex"`, in place of tree-sitter's `#match?`:
    py-tree-sitter decodes a node's text strictly for `#match?`, and on bytes that are not UTF-8
    leaves its error pending, to surface or not in a later call (the same text then gave
    references on one pass and an exception on the next). Here the text is decoded as the walk
    decodes it."""
    if predicate != "text-match?":
        raise ValueError(f"languages.yaml: unknown query predicate #{predicate}")
    (capture, _), (pattern, _) = arguments
    return all(re.search(pattern, node.text.decode("utf-8", "replace")) for node in captures.get(capture, ()))


def capitalised_constructors(language: str) -> bool:
    """Whether applying a capitalised name builds data in the language (Haskell's `Just x`)."""
    return bool(languages_yaml()["languages"].get(language, {}).get("capitalised_constructors"))


def calls_are(language: str) -> str:
    """How a call reads in the language: its `call_style`, else "lists" (`(head args…)`) where
    its definitions are Lisp forms, else "parens" (`name(args…)`); shell's are "words"."""
    style = languages_yaml()["languages"].get(language, {}).get("call_style")
    return style or ("lists" if _grammar(language).lists else "parens")


def extract_either(data: bytes, language: str) -> tuple[Extraction, str]:
    """extract(), and the language it was parsed as: a file that does not parse as `language`,
    holding a word of one of the language's `or_else`, is parsed as that too, the first that
    does in their order (a C++ header named `.h`, an Objective-C one),
    which is taken when it parses whole (a C file that macros stopped stays C), or, where the
    `or_else` is `partial`, when it keeps more units (a Flow file read as TSX: a few Flow-only
    forms break a unit or two, where read as JavaScript every annotation broke its unit).
    A file holding what only one of the `or_else` can say (its `surely_if`, a pattern of lines) is
    read as that one alone. Each language is read with its rewrites (_read)."""
    others = languages_yaml()["languages"].get(language, {}).get("or_else", ())
    others = [others] if isinstance(others, dict) else others
    for other in others:
        if other.get("surely_if") and re.search(other["surely_if"].encode(), data, re.MULTILINE):
            return _read(data, other["language"]), other["language"]
    extraction = _read(data, language)
    for other in others if extraction.had_errors else ():
        if not any(word.encode() in data for word in other["if_any"]):
            continue
        retry = _read(data, other["language"])
        if not retry.had_errors or other.get("partial") and len(retry.units) > len(extraction.units):
            return retry, other["language"]
    return extraction, language


def _read(data: bytes, language: str) -> Extraction:
    """extract(); and where the language names rewrites (rewrites.py: macros unexpanded, syntax
    newer than the grammar), a file that does not parse read with each too, on the text the last
    one kept, and so taken when that keeps more units (_rewritten)."""
    (extraction, tree), text = _extracted(data, language), data
    config = languages_yaml()["languages"].get(language, {})
    for key, rewrite in REWRITES_ON_ERROR.items():
        if extraction.had_errors and config.get(key):
            extraction, tree, text = _rewritten(rewrite, text, tree, language, extraction)
    return extraction


def _rewritten(rewrite, data: bytes, tree, language: str, extraction: Extraction):
    """The file read with `rewrite`'s edits (same lines, same offsets), its tree and that text,
    when that keeps more units than `extraction`, the reading of `data` as `tree`; else those.
    Only what the edits reach is parsed again: a generated font of a megabyte, one macro
    rewritten, costs a fraction of its first parse. Where errors remain, tree-sitter may recover
    from them otherwise than a fresh parse of the text would (one file of the 1,681 so read in
    lvgl, radare2, httpd and netdata: netdata's vendored Judy): the same bytes are still always
    read the same way, with or without the cache, on any job."""
    spans = [(0, len(data))] if rewrite in WHOLE_FILE else _broken_lines(tree, data)
    edits = [(start + at, end + at, instead) for at, until in spans
             for start, end, instead in rewrite(masked(data[at:until]))]
    if not edits:
        return extraction, tree, data
    edited, lines = tree.copy(), _line_starts(data)
    for start, end, _ in edits:
        edited.edit(start, end, end, _point(lines, start), _point(lines, end), _point(lines, end))
    text = applied(data, edits)
    retry, retried = _extracted(text, language, edited)
    return (retry, retried, text) if len(retry.units) > len(extraction.units) else (extraction, tree, data)


# nodes holding others side by side, where what broke is one of those (a header's include guard)
_GROUPS = frozenset({"preproc_if", "preproc_ifdef", "preproc_else", "preproc_elif", "preproc_elifdef",
                     "linkage_specification", "declaration_list"})


def _broken_lines(tree, data: bytes) -> list[tuple[int, int]]:
    """The whole lines of the top-level declarations that hold an error, merged: where a rewrite
    can mend a unit (a megabyte's device header with one broken macro is read there only)."""
    spans: list[tuple[int, int]] = []
    groups = [tree.root_node]
    while groups:
        for child in groups.pop().children:
            if child.has_error and child.type in _GROUPS:
                groups.append(child)
            elif child.has_error:
                start = data.rfind(b"\n", 0, child.start_byte) + 1
                end = data.find(b"\n", child.end_byte)
                spans.append((start, len(data) if end < 0 else end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _line_starts(data: bytes) -> list[int]:
    return [0, *(match.end() for match in re.finditer(b"\n", data))]


def _point(line_starts: list[int], offset: int) -> tuple[int, int]:
    row = bisect.bisect_right(line_starts, offset) - 1
    return row, offset - line_starts[row]


_local = threading.local()  # a Parser is not thread-safe: one per thread and grammar


def _parser(grammar: str):
    parsers = getattr(_local, "parsers", None)
    if parsers is None:
        parsers = _local.parsers = {}
    parser = parsers.get(grammar)
    if parser is None:
        from tree_sitter_language_pack import get_parser

        parser = parsers[grammar] = get_parser(grammar)
    return parser


# --- the walk ------------------------------------------------------------------------------

# Token tuples are shared across files: one tuple per (category, text).
_CACHE_LIMIT = 1_000_000
_KW_CACHE: dict[bytes, Token] = {}
_ID_CACHE: dict[bytes, Token] = {}
_STR_CACHE: dict[bytes, Token] = {}
LONG_STRING = 64  # bytes: a longer string's value is kept as a digest (docstrings, templates)


def _token(cache: dict[bytes, Token], category: str, raw: bytes) -> Token:
    if len(cache) > _CACHE_LIMIT:
        cache.clear()
    token = cache[raw] = (category, sys.intern(raw.decode("utf-8", "replace")))
    return token


def _string_token(raw: bytes) -> Token:
    if len(raw) > LONG_STRING:  # not remembered: long strings rarely repeat, and they are big
        return ("str", hashlib.blake2b(raw, digest_size=8).hexdigest())
    return _token(_STR_CACHE, "str", raw)


def _last_line(node) -> int:
    row, column = node.end_point
    return max(row if column == 0 else row + 1, node.start_point[0] + 1)


# --- the walk in C (radar/_walk.c): what _Walk finds, in a third of its time --------------

# language -> the C walk's tables of its grammar, or None where the C walk cannot read this
# process's trees (radar/vendor/tree_sitter is not the installed py-tree-sitter's runtime)
_NATIVE_TABLES: dict[str, object] = {}


def _walk_natively(language: str, grammar: _Grammar, tree, data: bytes, references: bool):
    """(extraction, reference-root nodes) as `_Walk` finds them, by the C walk; None where it is
    not built or cannot read the tree (the caller walks in Python then)."""
    if _native_walk is None:
        return None
    tables = _NATIVE_TABLES.get(language, False)
    if tables is False:
        tables = _NATIVE_TABLES[language] = _native_tables(grammar, tree)
    if tables is None:
        return None
    stream, found, had_errors, module_end, calls, roots = _native_walk.walk(
        tables, tree, data, _KW_CACHE, _ID_CACHE, _STR_CACHE, _CACHE_LIMIT, LONG_STRING, BLOCK_TOKENS)
    units = [] if had_errors else [Extracted("module", "", 1, module_end, stream)]
    units += [Extracted(kind, name, first, last, stream[start:end], start)
              for kind, name, first, last, start, end in found]
    nodes = _nodes_at(tree.root_node, roots) if references and roots else []
    if nodes is None:
        return None
    return Extraction(tuple(units), had_errors, stream, calls=tuple(calls)), nodes


def _native_tables(grammar: _Grammar, tree):
    """The C form of a grammar's tables, once the C walk has shown it reads `tree` as
    py-tree-sitter does: same runtime version, same Tree object layout, same root node. None
    where it does not."""
    import tree_sitter

    if tree_sitter.__version__ != _native_walk.tree_sitter_version:
        return None
    root = tree.root_node
    if _native_walk.compatible(tree) != (root.kind_id, root.start_byte, root.end_byte, root.child_count):
        return None
    units = {kid: (spec.kind, spec.name, spec.require, spec.container_if, tuple(spec.body))
             for kid, spec in grammar.units.items()}
    return _native_walk.tables(
        tree, grammar.actions, grammar.lit_tokens, units, grammar.wrappers, grammar.lists, grammar.symbols,
        grammar.list_skip, grammar.lisp_words, grammar.definitions, grammar.candidates, grammar.calls,
        grammar.blocks, grammar.reference_roots)


def _nodes_at(root, spans) -> list | None:
    """The py-tree-sitter nodes of (start byte, end byte, kind id) spans: the smallest node over
    the span, or the ancestor of that kind over it. None when one is not found."""
    nodes = []
    for start, end, kid in spans:
        node = root.descendant_for_byte_range(start, end)
        while node is not None and (node.kind_id != kid or node.start_byte != start or node.end_byte != end):
            node = node.parent
        if node is None:
            return None
        nodes.append(node)
    return nodes


class _Walk:
    """One pass over a tree: the token list and the units opened and closed along the way."""

    def __init__(self, grammar: _Grammar, data: bytes):
        self.g = grammar
        self.data = data
        self.skip_id: int | None = None  # the definition a wrapper already opened
        self.bodied: set[int] = set()  # the records of functions whose body block was seen
        self.reference_nodes: list = []  # the nodes of the grammar's reference_roots, in order
        self.body = None  # the body sibling of the unit _open found last (units' `body`)

    def run(self, tree) -> Extraction:
        g, data = self.g, self.data
        actions, n_actions, lit_tokens = g.actions, len(g.actions), g.lit_tokens
        candidates, lisp_words, call_kinds = g.candidates, g.lisp_words, g.calls
        roots, reference_nodes = g.reference_roots, self.reference_nodes
        calls: list[int] = []
        kw_cache, id_cache = _KW_CACHE, _ID_CACHE
        tokens: list[Token] = []
        append = tokens.append
        # [start index, end index, node, kind, name, body still to come (or None), node it ends with]; blocks too
        opened: list[list] = []
        stack: list[tuple[int, list]] = []  # (depth, record) of units still open
        last = None
        depth = 0
        top = -1  # depth of the innermost open unit
        cursor = tree.walk()
        while True:
            node = cursor.node
            kid = node.kind_id
            action = actions[kid] if kid < n_actions else _NAMED  # ERROR is beyond the table
            if action <= _NAMED:
                if cursor.goto_first_child():
                    if kid in call_kinds:
                        calls.append(len(tokens))
                    if kid in roots:
                        reference_nodes.append(node)
                    if kid in candidates:
                        opening = self._open(node, kid, stack)
                        if opening is not None:
                            body = self.body
                            record = [len(tokens), 0, node, *opening, body, node if body is None else body]
                            opened.append(record)
                            stack.append((depth, record))
                            top = depth
                    depth += 1
                    continue
                else:
                    start, end = node.start_byte, node.end_byte
                    if end > start:  # MISSING nodes are empty
                        raw = data[start:end]
                        if action == _ANON:
                            append(kw_cache.get(raw) or _token(kw_cache, "kw", raw))
                        else:
                            append(id_cache.get(raw) or _token(id_cache, "id", raw))
                        last = node
            elif action == _LIT:
                token = lit_tokens[kid]
                if token is None:
                    raw = data[node.start_byte:node.end_byte]
                    token = _STR_CACHE.get(raw) or _string_token(raw)
                append(token)
                last = node
            elif action != _SKIP:
                raw = data[node.start_byte : node.end_byte]
                if action == _SYMBOL:
                    append(lisp_words.get(raw) or id_cache.get(raw) or _token(id_cache, "id", raw))
                elif action == _ATOM:
                    append(id_cache.get(raw) or _token(id_cache, "id", raw))
                else:
                    append(kw_cache.get(raw) or _token(kw_cache, "kw", raw))
                last = node
            # Leave this node, then every ancestor that has no next sibling.
            while True:
                if depth == top and stack[-1][1][5] is not None:  # a signature: its body is next
                    stack[-1][1][5] = None
                elif depth == top:
                    stack.pop()[1][1] = len(tokens)
                    top = stack[-1][0] if stack else -1
                if cursor.goto_next_sibling():
                    break
                if not cursor.goto_parent():
                    return self._result(tree, tokens, opened, last, calls)
                depth -= 1

    def _result(self, tree, tokens: list[Token], opened: list[list], last, calls: list[int]) -> Extraction:
        root = tree.root_node
        had_errors = root.has_error
        units = []
        stream = tuple(tokens)
        if not had_errors:
            end_line = _last_line(last) if last is not None else 1
            units.append(Extracted("module", "", 1, end_line, stream))
        for start, end, node, kind, name, _, last in opened:
            if (had_errors and (node.has_error or last.has_error) or kind == "block" and end - start < BLOCK_TOKENS
                    or kind == _CONTAINER):
                continue
            first = node.start_point[0] + 1
            units.append(Extracted(kind, name, first, _last_line(last), stream[start:end], start))
        return Extraction(tuple(units), had_errors, stream, calls=tuple(calls))

    def _open(self, node, kid: int, stack) -> tuple[str, str] | None:
        """(kind, name) when `node` starts a unit, else None; self.body: the sibling after it
        that the unit runs through (Dart's function body after its signature), or None."""
        g = self.g
        self.body = None
        if kid in g.blocks:
            return self._block_open(stack)
        if kid in g.lists:
            return self._lisp_open(node)
        if kid in g.wrappers:
            for child in reversed(node.named_children):
                spec = g.units.get(child.kind_id)
                if spec is not None and self._fits(child, spec):
                    self.skip_id = child.id
                    return self._kind(spec.kind, stack), self._name(child, spec)
            return None
        spec = g.units[kid]
        if node.id == self.skip_id or not self._fits(node, spec):
            return None
        if spec.body:
            self.body = node.next_sibling
        if any(node.child_by_field_name(field) is not None for field in spec.container_if):
            return _CONTAINER, self._name(node, spec)
        return self._kind(spec.kind, stack), self._name(node, spec)

    def _block_open(self, stack) -> tuple[str, str] | None:
        """A block inside a function's body is a unit named after the function; the body itself
        (the first block a function opens) is the function."""
        host = stack[-1][1] if stack else None
        if host is None or host[3] not in ("function", "method", "block"):
            return None
        if host[3] != "block" and id(host) not in self.bodied:
            self.bodied.add(id(host))
            return None
        return "block", host[4]

    @staticmethod
    def _kind(kind: str, stack) -> str:
        if kind == "function" and stack and stack[-1][1][3] in ("class", _CONTAINER):
            return "method"
        return kind

    @staticmethod
    def _fits(node, spec: _UnitSpec) -> bool:
        if spec.body and (node.next_sibling is None or node.next_sibling.kind_id not in spec.body):
            return False  # a signature with no body (an abstract method)
        for field, types in spec.require:
            if field.startswith("@"):  # grammars without fields (Kotlin): a named child of that type
                child = next((c for c in node.named_children if c.type == field[1:]), None)
            else:
                child = node.child_by_field_name(field)
            if child is None or (types is not None and child.type not in types):
                return False
        return True

    def _name(self, node, spec: _UnitSpec) -> str:
        current = node
        for _ in range(64):  # declarators nest, but not without end
            for by_type, key in spec.name:
                if by_type:
                    found = next((c for c in current.named_children if c.type == key), None)
                else:
                    found = current.child_by_field_name(key)
                if found is not None:
                    current = found
                    break
            else:
                break
        return "" if current is node else self._text(current)

    def _text(self, node) -> str:
        text = self.data[node.start_byte : node.end_byte].decode("utf-8", "replace")
        return " ".join(text.split())[:200]

    # Lisp family: (head name ...) where head is a definition symbol.
    def _lisp_open(self, node) -> tuple[str, str] | None:
        head, index = self._element(node, 0)
        if head is None or head.kind_id in self.g.lists:
            return None
        if self._symbol(head) not in self.g.definitions:
            return None
        target, _ = self._element(node, index + 1)
        for _ in range(64):  # (define (name args) ...), (define ((curried a) b) ...)
            if target is None or target.kind_id not in self.g.lists:
                break
            target, _ = self._element(target, 0)
        return "definition", "" if target is None else self._symbol(target)

    def _element(self, node, index: int):
        """The first named child from `index` on that is not a comment or metadata."""
        skip = self.g.list_skip
        for position in range(index, node.named_child_count):
            child = node.named_child(position)
            if child.kind_id not in skip:
                return child, position
        return None, -1

    def _symbol(self, node) -> str:
        """The symbol text of a node: itself, or its symbol child (metadata left out)."""
        symbols = self.g.symbols
        if node.kind_id not in symbols and node.named_child_count:
            last = node.named_child(node.named_child_count - 1)
            if last.kind_id in symbols:
                return self._text(last)
        return self._text(node)
