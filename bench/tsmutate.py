"""Type-1/2/3 mutations of JavaScript functions and Scheme definitions, on tree-sitter trees.

Used by inject.py for the languages other than Python (which uses the ast module). Every edit
is a byte-range replacement on the source followed by a re-parse, so each step sees a valid
tree. Validity of the result is checked by the caller (tree-sitter: no ERROR or MISSING node;
JavaScript also through node's parser).

- layout (type 1): tokens re-emitted with one space between tokens that were apart on a line,
  re-indented (4 spaces per bracket depth for JavaScript, 2 for Scheme), some line breaks
  added after `,` `(` `{` `[` (JavaScript; never removed: automatic semicolon insertion) or
  added and removed between tokens (Scheme, never after a comment), comment lines and blank
  lines inserted at some line starts;
- rename (type 2): every name the function binds (its own name, parameters, variables,
  catch parameters, nested functions; in Scheme the define head, lambda, let-family, do and
  receive bindings, internal defines) renamed consistently by name within the function;
  JavaScript shorthand properties `{x}` are expanded to `{x: new_x}`; string literals get a
  suffix, decimal integers are changed;
- edit (type 3): one statement (JavaScript: in a `{}` block; Scheme: a body form) added
  (`var item_seen = 42;` / `(set! item-seen 42)`), removed (one of at most 3 lines: removing a
  20-line form guts the function, which is no longer a clone), or changed (`return (e) || null;`,
  a declarator's value `(v) || null` / a body form `(or form #f)`).
"""
from __future__ import annotations

import random
import re

from tree_sitter_language_pack import get_parser

SMALL_LINES = 3  # type 3 removes a statement (form) of at most this many lines, not a block
WORDS = ("item", "node", "value", "entry", "elem", "thing", "record", "part", "piece", "unit")
_PARSERS: dict[str, object] = {}


def parser(lang: str):
    if lang not in _PARSERS:
        _PARSERS[lang] = get_parser(lang)
    return _PARSERS[lang]


def parse(lang: str, src: str):
    return parser(lang).parse(src.encode())


def has_error(lang: str, src: str) -> bool:
    root = parse(lang, src).root_node
    if root.has_error:
        return True
    stack = [root]
    while stack:  # has_error covers ERROR; MISSING nodes are checked explicitly
        n = stack.pop()
        if n.is_missing:
            return True
        stack.extend(n.children)
    return False


def walk(node):
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(reversed(n.children))


def apply_edits(src: str, edits: list[tuple[int, int, str]]) -> str:
    """Replace byte ranges (start, end, text); ranges must not overlap."""
    data = src.encode()
    for s, e, text in sorted(edits, key=lambda x: x[0], reverse=True):
        data = data[:s] + text.encode() + data[e:]
    return data.decode()


# --------------------------------------------------------------------------- per language
ATOMIC = {
    "javascript": {"string", "template_string", "regex", "comment", "number"},
    "scheme": {"string", "comment", "block_comment", "character", "number", "boolean"},
}
COMMENT = {"javascript": {"comment"}, "scheme": {"comment", "block_comment"}}
OPEN = {"javascript": {"{", "(", "[", "${"}, "scheme": {"(", "#(", "[", "#u8("}}
CLOSE = {"javascript": {"}", ")", "]"}, "scheme": {")", "]"}}


def leaves(lang: str, node):
    atomic = ATOMIC[lang]
    stack = [node]
    while stack:
        n = stack.pop()
        if n.type in atomic or n.child_count == 0:
            if n.end_byte > n.start_byte:
                yield n
            continue
        stack.extend(reversed(n.children))


def code_tokens(lang: str, node) -> int:
    """Leaves that are code: comments never, and in Scheme no parentheses either."""
    skip = COMMENT[lang] | ({"(", ")", "[", "]"} if lang == "scheme" else set())
    return sum(1 for n in leaves(lang, node) if n.type not in skip)


def layout(lang: str, src: str, rng: random.Random) -> str:
    """Re-lay out the source (see module doc) and insert comments and blank lines."""
    data = src.encode()
    toks = list(leaves(lang, parse(lang, src).root_node))
    unit = "    " if lang == "javascript" else "  "
    note = "//" if lang == "javascript" else ";;"
    out: list[str] = []
    depth = 0
    prev = None
    for t in toks:
        text = data[t.start_byte:t.end_byte].decode()
        if prev is None:
            out.append(text)
        else:
            gap = data[prev.end_byte:t.start_byte].decode()
            ptext = data[prev.start_byte:prev.end_byte].decode()
            newline = "\n" in gap
            if lang == "scheme":
                if newline and prev.type not in COMMENT[lang] and rng.random() < 0.3:
                    newline = False
                elif not newline and gap and rng.random() < 0.15:
                    newline = True
            elif not newline and ptext in (",", "(", "{", "[") and rng.random() < 0.15:
                newline = True
            if prev.type in COMMENT[lang] and ptext.startswith(("//", ";")):
                newline = True  # a line comment always ends its line
            if newline:
                d = depth - (1 if text in CLOSE[lang] else 0)
                pad = unit * max(d, 0)
                starts_stmt = lang == "scheme" or ptext in (";", "{", "}")
                r = rng.random()
                if starts_stmt and r < 0.3 and text not in CLOSE[lang]:
                    out.append(f"\n{pad}{note} {rng.choice(WORDS)}: {rng.choice(WORDS)} handling")
                elif starts_stmt and r < 0.5:
                    out.append("\n")
                out.append("\n" + pad + text)
            else:
                out.append((" " if gap else "") + text)
        if text in OPEN[lang]:
            depth += 1
        elif text in CLOSE[lang]:
            depth -= 1
        prev = t
    return "".join(out) + "\n"


# --------------------------------------------------------------------------- JavaScript
_JS_FUNCS = {"function_declaration", "generator_function_declaration", "function_expression",
             "function", "generator_function", "class_declaration"}
_PATTERNS = {"object_pattern", "array_pattern", "assignment_pattern", "rest_pattern",
             "pair_pattern", "object_assignment_pattern"}


def _js_binding_ids(node):
    """Identifiers (and shorthand pattern names) bound by a binding position node."""
    if node.type in ("identifier", "shorthand_property_identifier_pattern"):
        yield node
    elif node.type in _PATTERNS or node.type == "formal_parameters":
        for c in node.named_children:
            if node.type == "pair_pattern" and c == node.child_by_field_name("key"):
                continue
            if node.type in ("assignment_pattern", "object_assignment_pattern") and \
                    c == node.child_by_field_name("right"):
                continue
            yield from _js_binding_ids(c)


def js_bound_names(fn) -> set[str]:
    names: set[str] = set()
    for n in walk(fn):
        t = n.type
        if t in _JS_FUNCS:
            name = n.child_by_field_name("name")
            if name is not None:
                names.add(name.text.decode())
            params = n.child_by_field_name("parameters")
            if params is not None:
                names.update(x.text.decode() for x in _js_binding_ids(params))
        elif t == "arrow_function":
            p = n.child_by_field_name("parameter") or n.child_by_field_name("parameters")
            if p is not None:
                names.update(x.text.decode() for x in _js_binding_ids(p))
        elif t == "variable_declarator":
            names.update(x.text.decode() for x in _js_binding_ids(n.child_by_field_name("name")))
        elif t == "catch_clause":
            p = n.child_by_field_name("parameter")
            if p is not None:
                names.update(x.text.decode() for x in _js_binding_ids(p))
        elif t == "for_in_statement" and n.child_by_field_name("kind") is not None:
            names.update(x.text.decode() for x in _js_binding_ids(n.child_by_field_name("left")))
    return names - {"arguments", "undefined", "this"}


def _mapping(names: set[str], rng: random.Random, sep: str) -> dict[str, str]:
    return {n: f"{rng.choice(WORDS)}{sep}{re.sub(r'[^A-Za-z0-9]', '', n)[:3]}{i}"
            for i, n in enumerate(sorted(names))}


def js_rename(src: str, rng: random.Random) -> str:
    root = parse("javascript", src).root_node
    mapping = _mapping(js_bound_names(root), rng, "_")
    edits = []
    for n in walk(root):
        text = n.text.decode() if n.child_count == 0 or n.type in ("string", "number") else None
        if n.type == "identifier" and text in mapping:
            edits.append((n.start_byte, n.end_byte, mapping[text]))
        elif n.type in ("shorthand_property_identifier", "shorthand_property_identifier_pattern") \
                and text in mapping:
            edits.append((n.start_byte, n.end_byte, f"{text}: {mapping[text]}"))
        elif n.type == "string" and len(text) >= 2 and text[0] in "'\"" and "\n" not in text:
            edits.append((n.end_byte - 1, n.end_byte - 1, "_" + rng.choice(WORDS)))
        elif n.type == "number" and re.fullmatch(r"[1-9][0-9]*|0", text):
            edits.append((n.start_byte, n.end_byte, str(int(text) + rng.randint(1, 9))))
    return apply_edits(src, edits)


def js_edit(src: str, rng: random.Random) -> str:
    root = parse("javascript", src).root_node
    blocks = [n for n in walk(root) if n.type == "statement_block"
              and [c for c in n.named_children if c.type != "comment"]]
    block = rng.choice(blocks)
    stmts = [c for c in block.named_children if c.type != "comment"]
    changeable = []
    for n in walk(root):
        if n.type == "return_statement" and n.named_children and \
                n.named_children[0].type != "comment":
            changeable.append(n.named_children[0])
        elif n.type == "variable_declarator" and n.child_by_field_name("value") is not None \
                and n.child_by_field_name("value").type not in ("arrow_function", "function_expression"):
            changeable.append(n.child_by_field_name("value"))
    op = rng.choice(("add", "remove", "change"))
    small = [s for s in stmts if s.end_point[0] - s.start_point[0] < SMALL_LINES]
    if op == "remove" and len(stmts) >= 2 and small:
        s = rng.choice(small)
        return apply_edits(src, [(s.start_byte, s.end_byte, "")])
    if op == "change" and changeable:
        e = rng.choice(changeable)
        return apply_edits(src, [(e.start_byte, e.end_byte, f"({e.text.decode()}) || null")])
    s = rng.choice(stmts + [None])
    at = s.start_byte if s is not None else block.end_byte - 1
    return apply_edits(src, [(at, at, f"var {rng.choice(WORDS)}_seen = {rng.randint(2, 99)};\n")])


# --------------------------------------------------------------------------- Scheme
DEFINES = {"define", "define*", "define-public", "define-inlinable"}
_LAMBDAS = {"lambda", "lambda*"}
_LETS = {"let", "let*", "letrec", "letrec*", "let-values", "let*-values", "parameterize",
         "with-fluids", "do"}
_BODY_FROM = {"define": 2, "define*": 2, "define-public": 2, "define-inlinable": 2,
              "lambda": 2, "lambda*": 2, "let*": 2, "letrec": 2, "letrec*": 2,
              "let-values": 2, "let*-values": 2, "parameterize": 2, "with-fluids": 2,
              "when": 2, "unless": 2, "begin": 1, "receive": 3}
_NEVER = {".", "...", "_", "else", "=>"}


def _elems(node):
    """Named children of a list, comments left out."""
    return [c for c in node.named_children if c.type not in COMMENT["scheme"]]


def _head(node) -> str | None:
    if node.type != "list":
        return None
    el = _elems(node)
    return el[0].text.decode() if el and el[0].type == "symbol" else None


def _syms(node, nested_first=False):
    """Symbols of a formals node: a symbol, or a list of symbols (and of lists' first symbols)."""
    if node.type == "symbol":
        yield node.text.decode()
    elif node.type == "list":
        for c in _elems(node):
            if c.type == "symbol":
                yield c.text.decode()
            elif c.type == "list" and nested_first:
                el = _elems(c)
                if el and el[0].type == "symbol":
                    yield el[0].text.decode()
            elif c.type == "list":
                yield from _syms(c)


def scm_bound_names(root) -> set[str]:
    names: set[str] = set()
    for n in walk(root):
        head = _head(n)
        if head is None:
            continue
        el = _elems(n)
        if head in DEFINES and len(el) > 1:
            names.update(_syms(el[1], nested_first=head == "define*"))
        elif head in _LAMBDAS and len(el) > 1:
            names.update(_syms(el[1], nested_first=head == "lambda*"))
        elif head == "receive" and len(el) > 1:
            names.update(_syms(el[1]))
        elif head in _LETS and len(el) > 1:
            i = 1
            if el[1].type == "symbol":  # named let
                names.add(el[1].text.decode())
                i = 2
            if i < len(el) and el[i].type == "list":
                for b in _elems(el[i]):
                    if b.type == "list" and _elems(b):
                        first = _elems(b)[0]
                        names.update(_syms(first) if head.endswith("-values") else
                                     [first.text.decode()] if first.type == "symbol" else [])
    return {n for n in names if n not in _NEVER and not n.startswith("#")}


def scm_rename(src: str, rng: random.Random) -> str:
    root = parse("scheme", src).root_node
    # word + old name + index: keeps the name's hyphens, which jscpd's Lisp tokenizer splits on
    # (renaming `a-b` to `c` changes its token count there, and no type-2 match is found)
    mapping = {n: f"{rng.choice(WORDS)}{n}{i}" for i, n in enumerate(sorted(scm_bound_names(root)))}
    edits = []
    for n in walk(root):
        if n.type == "symbol":
            t = n.text.decode()
            if t in mapping:
                edits.append((n.start_byte, n.end_byte, mapping[t]))
        elif n.type == "string":
            edits.append((n.end_byte - 1, n.end_byte - 1, "_" + rng.choice(WORDS)))
        elif n.type == "number" and re.fullmatch(r"[0-9]+", n.text.decode()):
            edits.append((n.start_byte, n.end_byte, str(int(n.text.decode()) + rng.randint(1, 9))))
    return apply_edits(src, edits)


def _bodies(root):
    for n in walk(root):
        head = _head(n)
        if head is None:
            continue
        el = _elems(n)
        start = _BODY_FROM.get(head)
        if head == "let":
            start = 3 if len(el) > 1 and el[1].type == "symbol" else 2
        if start is not None and len(el) > start:
            yield el[start:]


def scm_edit(src: str, rng: random.Random) -> str:
    root = parse("scheme", src).root_node
    bodies = list(_bodies(root))
    body = rng.choice(bodies)
    op = rng.choice(("add", "remove", "change"))
    if op == "remove":
        small = [f for b in bodies if len(b) >= 2 for f in b
                 if f.end_point[0] - f.start_point[0] < SMALL_LINES]
        if small:
            f = rng.choice(small)
            return apply_edits(src, [(f.start_byte, f.end_byte, "")])
    if op == "change":
        forms = [f for b in bodies for f in b if f.type == "list" and _head(f) not in DEFINES]
        if forms:
            f = rng.choice(forms)
            return apply_edits(src, [(f.start_byte, f.end_byte, f"(or {f.text.decode()} #f)")])
    f = rng.choice(body)
    return apply_edits(src, [(f.start_byte, f.start_byte,
                              f"(set! {rng.choice(WORDS)}-seen {rng.randint(2, 99)})\n")])


RENAME = {"javascript": js_rename, "scheme": scm_rename}
EDIT = {"javascript": js_edit, "scheme": scm_edit}


def mutate(lang: str, clone_type: int, src: str, rng: random.Random) -> str:
    if clone_type >= 2:
        src = RENAME[lang](src, rng)
    if clone_type >= 3:
        src = EDIT[lang](src, rng)
    return layout(lang, src, rng)
