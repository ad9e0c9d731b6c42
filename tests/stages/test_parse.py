"""Parse stage: real grammars on real snippets (tests/snippets/), no mocks."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from radar.stages.languages import language_for, languages_yaml
from radar.stages.parse import Extracted, extract, extract_either

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets"


def units_of(filename: str) -> list[tuple[str, str, int, int]]:
    language = language_for(filename)
    assert language is not None, filename
    extraction = extract((SNIPPETS / filename).read_bytes(), language)
    assert not extraction.had_errors, filename
    module, *rest = extraction.units
    assert (module.kind, module.name, module.start_line) == ("module", "", 1)
    assert module.tokens, filename
    for unit in rest:  # every unit's tokens are a slice of the module's
        assert _is_slice(unit.tokens, module.tokens), (filename, unit.name)
    return [(u.kind, u.name, u.start_line, u.end_line) for u in rest]


def _is_slice(part: tuple, whole: tuple) -> bool:
    n = len(part)
    return any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


def tokens(source: str, language: str) -> tuple:
    extraction = extract(source.encode(), language)
    assert not extraction.had_errors
    return extraction.units[0].tokens


# --- one test per declared language -----------------------------------------------------------

EXPECTED = {
    "sample.py": [
        ("class", "RetryError", 6, 7),
        ("class", "Retrier", 10, 26),
        ("method", "__init__", 11, 13),
        ("method", "backoff", 15, 17),  # decorated: starts at the decorator
        ("method", "call", 19, 26),
        ("function", "retry", 29, 33),
        ("function", "wrapper", 30, 32),  # nested in a function: not a method
    ],
    "sample.js": [
        ("function", "loadConfig", 4, 6),
        ("function", "ids", 8, 11),
        ("function", "debounce", 13, 19),
        ("function", "handler", 21, 21),
        ("class", "Emitter", 23, 29),
        ("method", "on", 25, 27),
        ("method", "emit", 28, 28),
    ],
    "sample.ts": [
        ("class", "Repo", 2, 4),
        ("class", "CachedRepo", 8, 20),
        ("method", "constructor", 11, 11),
        ("method", "get", 13, 19),
        ("function", "byScore", 22, 22),
        ("function", "top", 24, 26),
    ],
    "sample.tsx": [
        ("function", "Counter", 5, 12),
        ("function", "Badge", 14, 14),
        ("class", "Panel", 16, 20),
        ("method", "render", 17, 19),
    ],
    "sample.go": [
        ("class", "Queue", 8, 11),
        ("function", "New", 13, 15),
        ("method", "Push", 17, 23),
        ("method", "Len", 27, 27),
    ],
    "sample.rs": [
        ("class", "Point", 6, 9),
        ("class", "Shape", 11, 14),
        ("method", "name", 13, 13),
        ("class", "Point", 16, 24),
        ("method", "new", 17, 19),
        ("method", "dist", 21, 23),
        # `impl fmt::Display for Point` (26-30) is no unit: each type needs its own impl
        ("method", "fmt", 27, 29),
        ("function", "main", 32, 35),
    ],
    "Sample.java": [
        ("class", "ScoreBoard", 7, 26),
        ("method", "ScoreBoard", 10, 14),
        ("method", "average", 16, 21),
        ("class", "Listener", 23, 25),
    ],
    "Sample.kt": [
        ("class", "Score", 7, 8),  # starts at its annotation
        ("class", "Listener", 10, 13),  # `fun onScore` has no body: no unit
        ("method", "name", 12, 12),
        ("class", "ScoreBoard", 15, 31),  # the secondary constructor (19) is no unit of its own
        ("method", "add", 20, 24),
        ("method", "best", 26, 26),
        ("method", "empty", 29, 29),  # a companion object's function is its class's
        ("class", "Registry", 33, 35),
        ("class", "Level", 37, 37),
        ("function", "describe", 39, 41),
    ],
    "sample.php": [
        ("class", "Listener", 9, 12),  # an interface's and an abstract method are no units
        ("class", "Board", 14, 17),
        ("class", "ScoreBoard", 19, 40),
        ("method", "__construct", 24, 26),
        ("method", "add", 28, 34),
        ("method", "limit", 36, 39),
        ("class", "Describes", 42, 48),
        ("method", "describe", 44, 47),
        ("class", "Level", 50, 54),
        ("function", "best", 56, 59),
    ],
    "Sample.cs": [
        ("class", "IListener", 7, 10),
        ("class", "ScoreBoard", 12, 41),
        ("method", "ScoreBoard", 17, 20),
        ("method", "OnScore", 24, 30),
        ("method", "Best", 32, 32),
        ("method", "Max", 34, 40),
        ("function", "Larger", 36, 36),  # a local function
        ("class", "Score", 43, 43),
        ("class", "Level", 45, 45),
        ("class", "Entry", 47, 47),
    ],
    "Sample.swift": [
        ("class", "Listener", 5, 7),  # a protocol's requirement is no unit
        ("class", "ScoreBoard", 9, 27),  # starts at its attribute
        ("method", "init", 14, 16),
        ("method", "onScore", 18, 22),
        # an extension (29-36) is no unit, as Rust's `impl Trait for Type`: its functions are
        ("function", "reset", 32, 35),
        ("class", "Score", 38, 40),
        ("class", "Level", 42, 44),
        ("function", "best", 46, 48),
    ],
    "Sample.scala": [
        ("class", "Listener", 7, 10),  # the abstract `def onScore` is no unit
        ("method", "name", 9, 9),
        ("class", "ScoreBoard", 12, 25),
        ("method", "this", 16, 16),  # an auxiliary constructor
        ("method", "onScore", 18, 22),
        ("method", "best", 24, 24),
        ("class", "ScoreBoard", 27, 29),  # its companion object
        ("method", "empty", 28, 28),
        ("class", "Score", 31, 31),
        ("class", "Level", 33, 35),
    ],
    "sample.c": [
        ("class", "buf", 5, 8),
        ("function", "buf_grow", 10, 21),
        ("function", "buf_append", 23, 30),  # name under a pointer declarator
    ],
    "sample.m": [  # not the class extension's `@interface`: declarations only
        ("function", "CacheKeyFor", 5, 7),
        ("class", "SDImageCache", 13, 27),  # its `@implementation`
        ("method", "sharedImageCache", 15, 18),
        ("method", "storeImage", 20, 25),  # by its selector's first part
    ],
    "sample.cpp": [
        ("class", "Ring", 5, 19),  # starts at its template line
        ("method", "push", 8, 12),
        ("method", "~Ring", 14, 14),
        ("function", "pop", 21, 28),
        ("function", "main", 32, 32),
    ],
    "sample.rb": [
        ("class", "Stock", 4, 25),
        ("class", "Ledger", 5, 20),
        ("method", "initialize", 8, 10),
        ("method", "add", 12, 15),
        ("method", "load", 17, 19),
        ("method", "report", 22, 24),
    ],
    "sample.lua": [
        ("function", "identifier", 7, 12),  # `local function`
        ("function", "access", 14, 26),  # `function RateLimit:access`: named by the method
        ("function", "schema", 28, 30),  # `function RateLimit.schema`: by the field
    ],
    "sample.vue": [
        ("function", "toggle", 10, 13),  # in `<script setup>`, at its line in the file
    ],
    "sample.sh": [
        ("function", "log", 7, 9),
        ("function", "rotate", 11, 16),
        ("function", "backup", 18, 21),
    ],
    "sample.clj": [
        ("definition", "tax-rate", 5, 5),
        ("definition", "line-total", 7, 8),
        ("definition", "total", 10, 14),
        ("definition", "describe", 16, 16),
        ("definition", "describe", 18, 19),
        ("definition", "Item", 21, 21),
    ],
    "sample.scm": [
        ("definition", "alist-update", 2, 5),
        ("definition", "alist-keys", 7, 8),
        ("definition", "swap!", 10, 12),
        ("definition", "default-alist", 14, 14),
    ],
    "sample.lisp": [
        ("definition", "machine", 5, 5),
        ("definition", "push-value", 7, 10),
        ("definition", "run", 12, 18),
        ("definition", "with-machine", 20, 21),
    ],
    "sample.el": [
        ("definition", "notes-file", 6, 8),
        ("definition", "notes-open", 10, 14),
        ("definition", "notes-list", 16, 18),
    ],
    "sample.dart": [  # a signature and the body beside it are one unit; one with none is none
        ("function", "batteryLevel", 8, 14),
        ("function", "clamp", 16, 16),  # `=> …;`
        ("class", "BatteryBase", 18, 34),  # neither its constructor nor `dispose();`, bodiless
        ("method", "state", 26, 29),  # a getter, below its annotation
        ("method", "label", 31, 31),  # a setter
        ("method", "create", 33, 33),
        ("class", "ChannelMixin", 36, 40),
        ("method", "log", 37, 39),
        ("class", "LevelText", 42, 44),  # an extension
        ("method", "percent", 43, 43),
        ("class", "Health", 46, 46),  # an enum with a member
        ("method", "ok", 46, 46),
    ],
    "sample.sol": [  # not `getVotes`, an interface's, with no body
        ("class", "IVotes", 8, 10),
        ("class", "ERC20", 12, 33),
        ("method", "onlyHolder", 15, 18),  # a modifier
        ("method", "transfer", 20, 23),
        ("method", "_update", 25, 32),
    ],
    "sample.pm": [
        ("function", "Table", 9, 9),
        ("function", "_Init", 11, 15),
        ("function", "Limit", 17, 24),
    ],
    "sample.fs": [  # not `let version = "1.0"`, a value
        ("class", "Options", 7, 10),  # a record
        ("method", "Create", 10, 10),
        ("class", "Runner", 12, 15),
        ("method", "Run", 13, 15),
        ("function", "run", 19, 22),
        ("function", "build", 24, 26),
    ],
    "sample.ps1": [
        ("function", "Get-TargetResource", 2, 22),
        ("class", "PolicySettings", 24, 32),
        ("method", "Describe", 28, 31),
    ],
    "sample.ml": [  # not `let () = …`, a pattern
        ("function", "create", 7, 7),
        ("function", "resolve", 9, 15),
        ("class", "Names", 19, 22),  # a module's structure (not `module Log = …`, an alias)
        ("method", "empty", 20, 20),
        ("method", "add", 21, 21),
        ("class", "printer", 24, 26),
        ("method", "print", 25, 25),
    ],
    "sample.hs": [  # not the signatures, whose types are function nodes too
        ("function", "descriptor", 9, 9),
        ("function", "rename", 12, 12),  # an equation each
        ("function", "rename", 13, 17),
        ("function", "parts", 17, 17),  # in its `where`
        ("class", "Store", 19, 22),
        ("method", "bump", 22, 22),  # a class's default
        ("class", "Store", 24, 25),  # an instance, named for its class
        ("method", "load", 25, 25),
    ],
    "sample.erl": [  # a clause each: `on_query(…) -> …; on_query(…) -> …` is two
        ("function", "on_start", 9, 16),
        ("function", "on_stop", 18, 19),
        ("function", "on_query", 21, 22),
        ("function", "on_query", 23, 24),
    ],
    "sample.ex": [
        ("definition", "Shop.Orders.Checkout", 1, 30),  # `defmodule`, named by its alias
        ("definition", "place", 8, 15),  # through its guard (`when is_map(attrs)`)
        ("definition", "build", 17, 17),  # `defp … , do:` on one line
        ("definition", "recent", 19, 22),  # a default argument (`limit \\ 10`)
        ("definition", "audited", 24, 29),  # `defmacro`
    ],
    "sample.rkt": [
        ("definition", "word-counts", 4, 7),
        ("definition", "top-words", 9, 11),
        ("definition", "entry", 13, 13),
        ("definition", "safe-div", 15, 17),
    ],
    "sample.sx": [
        ("definition", "run-suite", 2, 11),
        ("definition", "~card", 13, 17),
        ("definition", "max-retries", 19, 19),
        ("definition", "save-card", 21, 25),
    ],
}


@pytest.mark.parametrize("filename", sorted(EXPECTED))
def test_units_of_each_language(filename):
    assert units_of(filename) == EXPECTED[filename]


def test_every_declared_language_has_a_snippet():
    declared = set(languages_yaml()["languages"])
    covered = {language_for(name) for name in EXPECTED}
    assert declared == covered


def test_module_unit_ends_at_last_token_line():
    extraction = extract(b"x = 1\n\n# trailing comment\n\n", "python")
    assert extraction.units == (Extracted("module", "", 1, 1, extraction.units[0].tokens),)


def test_units_at_any_depth():
    source = (
        b"if True:\n    def f():\n        class C:\n"
        b"            def m(self):\n                pass\n"
    )
    kinds = [(u.kind, u.name, u.start_line) for u in extract(source, "python").units[1:]]
    assert kinds == [("function", "f", 2), ("class", "C", 3), ("method", "m", 4)]


# --- .sx sources -------------------------------------------------------------------------------

def test_sx_definitions_maps_and_keywords():
    source = SNIPPETS / "sample.sx"
    extraction = extract(source.read_bytes(), "clojure")
    card = next(u for u in extraction.units if u.name == "~card")
    assert card.tokens[:2] == (("kw", "("), ("kw", "defcomp"))
    assert ("id", ":class") in card.tokens  # :keywords are identifiers, text kept
    suite = next(u for u in extraction.units if u.name == "run-suite")
    assert ("kw", "{") in suite.tokens and ("id", ":suite") in suite.tokens
    assert ("kw", "let") in suite.tokens and ("kw", "if") in suite.tokens
    assert ("kw", "set!") in suite.tokens and ("kw", "fn") in suite.tokens
    assert ("id", "for-each") in suite.tokens


def test_lisp_literals_and_special_forms():
    assert tokens('(if (nil? x) nil true "s" 1.5 \\a #"r+")', "clojure") == (
        ("kw", "("), ("kw", "if"), ("kw", "("), ("id", "nil?"), ("id", "x"), ("kw", ")"),
        ("lit", "null"), ("lit", "bool"), ("str", "\"s\""), ("lit", "number"),
        ("lit", "char"), ("lit", "regex"), ("kw", ")"),
    )  # fmt: skip
    assert tokens("(lambda (x) (if #t x #f))", "scheme")[3:] == (
        ("id", "x"), ("kw", ")"), ("kw", "("), ("kw", "if"), ("lit", "bool"), ("id", "x"),
        ("lit", "bool"), ("kw", ")"), ("kw", ")"),
    )  # fmt: skip


def test_lisp_definition_name_skips_metadata():
    source = b"(defn ^:private helper [x] x)\n(define ((curried a) b) a)\n"
    names = [u.name for u in extract(source, "clojure").units[1:]]
    assert names == ["helper", "curried"]


# --- tokens ------------------------------------------------------------------------------------

def test_comments_and_layout_do_not_change_tokens():
    plain = "def f(a, b):\n    return a + b * 2\n"
    noisy = (
        "# header\n\n"
        "def f(a,\n      b):  # two args\n"
        "    # the sum\n"
        "    return (a +\n            b * 2)\n"
    )
    strip = [t for t in tokens(noisy, "python") if t not in (("kw", "("), ("kw", ")"))]
    assert strip == [t for t in tokens(plain, "python") if t not in (("kw", "("), ("kw", ")"))]
    assert tokens("(define (f x)\n  ;; c\n  (* x 2))", "scheme") == tokens(
        "(define (f x) (* x 2))", "scheme"
    )
    assert tokens("int f(void) { /* c */ return 1; } // x", "c") == tokens(
        "int f(void)\n{\n    return 1;\n}", "c"
    )


def test_literals_become_their_type_identifiers_keep_text():
    """Strings keep their value (content, see content.py); the shape sees only "string"."""
    assert tokens('x = f"a{y}b" + "\\n" + 3 + 2.5 + True + None', "python") == (
        ("id", "x"), ("kw", "="), ("str", 'f"a{y}b"'), ("kw", "+"), ("str", '"\\n"'),
        ("kw", "+"), ("lit", "number"), ("kw", "+"), ("lit", "number"), ("kw", "+"),
        ("lit", "bool"), ("kw", "+"), ("lit", "null"),
    )  # fmt: skip
    assert tokens("const s = `a ${b} c`, r = /x+/g, n = null;", "javascript") == (
        ("kw", "const"), ("id", "s"), ("kw", "="), ("str", "`a ${b} c`"), ("kw", ","),
        ("id", "r"), ("kw", "="), ("lit", "regex"), ("kw", ","), ("id", "n"), ("kw", "="),
        ("lit", "null"), ("kw", ";"),
    )  # fmt: skip
    assert any(category == "str" for category, _ in tokens("cat <<EOF\nhello $x\nEOF\n", "bash"))
    go = tokens("package p\nvar c = 'x'\nvar s = `raw`\nvar t = true", "go")
    assert [t for t in go if t[0] in ("lit", "str")] == [("lit", "char"), ("str", "`raw`"), ("lit", "bool")]


def test_token_objects_are_shared():
    a = tokens("alpha + beta", "python")
    b = tokens("beta + alpha", "python")
    assert a[0] is b[2] and a[1] is b[1]


# --- errors and robustness ---------------------------------------------------------------------

def test_broken_units_are_dropped_others_kept():
    source = b"def good():\n    return 1\n\ndef bad(:\n    pass\n"
    extraction = extract(source, "python")
    assert extraction.had_errors
    assert [(u.kind, u.name) for u in extraction.units] == [("function", "good")]


def test_very_long_and_deep_forms_do_not_crash():
    flat = b"(define (big) (list" + b" a 1" * 100_000 + b"))"
    extraction = extract(flat, "scheme")
    assert [u.name for u in extraction.units] == ["", "big"]
    assert len(extraction.units[1].tokens) == 200_009
    deep = b"x = " + b"(" * 5000 + b"1" + b")" * 5000 + b"\n"
    assert len(extract(deep, "python").units[0].tokens) == 10_003
    nested = b"(defn f [] " + b"[" * 20000 + b"]" * 20000 + b")"
    assert extract(nested, "clojure").units[1].name == "f"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.binary(max_size=300),
    language=st.sampled_from(["python", "javascript", "c", "clojure", "commonlisp", "ruby"]),
)
def test_random_bytes_never_raise(data, language):
    extraction = extract(data, language)
    for unit in extraction.units:
        assert unit.start_line <= unit.end_line
        assert all(category in ("kw", "id", "lit", "str") for category, _ in unit.tokens)


def test_invalid_utf8_is_replaced():
    extraction = extract(b'(caf\xe9 "x\xff")', "clojure")
    assert extraction.units[0].tokens[1:3] == (("id", "caf\ufffd"), ("str", '"x\ufffd"'))


def test_a_reference_whose_text_is_not_utf8_is_read_as_replaced():
    """A Lua module page named in a string of bytes that are not UTF-8 (`mw.loadData("Module:x\\xff")`)
    had raised from tree-sitter's own `#match?` instead of being read (the property test of
    test_walk found it): the page is read as the walk reads the text."""
    extraction = extract(b'local d = mw.loadData("Module:Data\xff")\n', "lua")
    assert ("module", "Module:Data\ufffd", 1) in extraction.references


def test_no_query_uses_tree_sitters_own_match_predicate():
    """tree-sitter's `#match?` decodes a node's text strictly: every language's queries match text
    with parse.py's `#text-match?`, which reads bytes that are not UTF-8 as the walk does."""
    queries = (Path(__file__).parents[2] / "radar" / "stages" / "languages.yaml").read_text()
    assert "#match?" not in queries.replace("tree-sitter's own `#match?`", "")


def test_deterministic():
    data = (SNIPPETS / "sample.rs").read_bytes()
    assert extract(data, "rust") == extract(data, "rust")


def test_unknown_grammar_is_a_value_error():
    with pytest.raises(ValueError):
        extract(b"x", "no-such-grammar")


# --- language_for ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("pkg/mod.py", "python"),
        ("types.PYI", "python"),
        ("a/b.mjs", "javascript"),
        ("x.cts", "typescript"),
        ("App.tsx", "tsx"),
        ("main.go", "go"),
        ("lib.rs", "rust"),
        ("A.java", "java"),
        ("Routing.kt", "kotlin"),
        ("build.gradle.kts", None),
        ("Str.php", "php"),
        ("Program.CS", "csharp"),
        ("Package.swift", "swift"),
        ("Build.scala", "scala"),
        ("x.h", "c"),
        ("x.hpp", "cpp"),
        ("Rakefile.rb", "ruby"),
        ("run.bash", "bash"),
        ("core.cljc", "clojure"),
        ("page.sx", "clojure"),
        ("srfi.ss", "scheme"),
        ("init.lisp", "commonlisp"),
        ("m01000_a3-pure.cl", None),  # OpenCL's kernels more often than Lisp: hashcat's 1,433, unread
        ("init.el", "elisp"),
        ("main.rkt", "racket"),
        ("Makefile", None),
        ("notes.txt", None),
        ("archive.tar.gz", None),
    ],
)
def test_language_for_known_extensions(path, language):
    assert language_for(path) == language


def test_language_for_overrides_win():
    assert language_for("page.sx", {".sx": "scheme"}) == "scheme"
    assert language_for("x.H", {".h": "cpp"}) == "cpp"
    assert language_for("x.lua", {"lua": "lua"}) == "lua"
    assert language_for("x.py", {".lua": "lua"}) == "python"


def test_override_grammar_without_settings_gives_module_unit():
    extraction = extract(b"local x = 1 -- note\n", "lua")
    assert [u.kind for u in extraction.units] == ["module"]
    assert ("lit", "number") in extraction.units[0].tokens


def test_an_elixir_definitions_own_calls_are_no_behaviour_and_its_struct_no_unit():
    """ash's reactor steps: `defstruct a: nil, …` x 8 had been proposed, named by its fields, as
    a unit calling something (the `defstruct` call itself); a `def` is a call of `def` with the
    call `f(x)`, and neither is what the definition calls."""
    extraction = extract(b"defmodule A do\n  defstruct a: nil, b: []\n  def data, do: %{a: 1}\n"
                         b"  def work(x) do\n    Enum.map(x, &inspect/1)\n  end\nend\n", "elixir")
    assert [(u.kind, u.name) for u in extraction.units[1:]] == [
        ("definition", "A"), ("definition", "data"), ("definition", "work")]
    called = [extraction.tokens[at] for at in extraction.calls]
    assert called == [("id", "defstruct"), ("id", "Enum")]  # the struct's in the module's body, and the map


def test_a_dart_file_opening_with_an_unnamed_library_directive_keeps_its_units():
    """flutter/packages: `library;` (Dart 2.19), which the bundled grammar predates, broke 204 of
    its 235 files that did not parse; read as blanks, the file parses whole, lines kept."""
    source = b"/// The plugin.\nlibrary;\n\nimport 'package:a/b.dart';\n\nint level(int x) {\n  return x + 1;\n}\n"
    assert extract(source, "dart").had_errors
    extraction, language = extract_either(source, "dart")
    assert (language, extraction.had_errors) == ("dart", False)
    assert [(u.kind, u.name, u.start_line, u.end_line) for u in extraction.units[1:]] == [("function", "level", 6, 8)]
    assert extraction.references == (("module", "'package:a/b.dart'", 4),)


# --- blocks: statement runs inside functions ---------------------------------------------------

LONG_BODY = "".join(f"{{pad}}total = total + weigh(item, offset_{i}, scale) * {i}\n" for i in range(6))


def _blocks(source: str, language: str) -> list[tuple[str, str, int, int]]:
    return [(u.kind, u.name, u.start_line, u.end_line) for u in extract(source.encode(), language).units[1:]]


def test_a_long_block_inside_a_function_is_a_unit_named_after_the_function():
    source = ("def f(items):\n    total = 0\n    for item in items:\n" + LONG_BODY.format(pad=" " * 8)
              + "    if total:\n        return total\n    return 0\n")
    assert _blocks(source, "python") == [("function", "f", 1, 12), ("block", "f", 4, 9)]


def test_a_function_body_a_short_block_and_blocks_outside_functions_are_not_units():
    source = ("if ready:\n" + LONG_BODY.format(pad="    ")  # module level
              + "class C:\n" + LONG_BODY.format(pad="    ")  # a class body
              + "def f(items):\n" + LONG_BODY.format(pad="    ")  # the function's own body
              + "    if total:\n        return total\n")  # a short block
    assert [unit[:2] for unit in _blocks(source, "python")] == [("class", "C"), ("function", "f")]


def test_blocks_nest_and_javascript_callbacks_inside_functions_are_blocks():
    body = "".join(f"      total = total + weigh(item, offset{i}, scale) * {i};\n" for i in range(6))
    source = ("const g = (items) => {\n  let total = 0;\n  items.forEach((item) => {\n    if (item) {\n"
              + body + "    }\n  });\n  return total;\n};\n")
    assert _blocks(source, "javascript") == [("function", "g", 1, 14), ("block", "g", 3, 12), ("block", "g", 4, 11)]


# --- Kotlin, PHP, C#: what the grammars' own node types mean ----------------------------------

def test_kotlin_annotations_open_with_at_and_literals_are_typed():
    found = tokens('@Suppress("x")\nfun f(a: Long) = this.g(1L, 0x1F, 2.5, 3u, null, true, \'c\', """$a""")\n',
                   "kotlin")
    assert found[:2] == (("kw", "@"), ("id", "Suppress"))
    assert found.count(("lit", "number")) == 4 and ("kw", "this") in found
    assert ("lit", "null") in found and ("lit", "bool") in found and ("lit", "char") in found


def test_php_variables_are_one_identifier_and_strings_of_every_kind_are_strings():
    found = tokens('<?php $total = (int) $this->sum("a $b", \'c\', <<<EOT\nx\nEOT\n, 1.5, null);\n', "php")
    assert found[:3] == (("kw", "<?php"), ("id", "$total"), ("kw", "="))
    assert ("kw", "int") in found and ("id", "$this") in found
    assert [t for t in found if t[0] == "str"] == [("str", '"a $b"'), ("str", "'c'"), ("str", "<<<EOT\nx\nEOT")]


def test_csharp_builtin_types_are_keywords_and_strings_of_every_kind_are_strings():
    found = tokens('class A { void F() { var s = $"a {b}" + @"c" + "d"; int n = 1; } }', "csharp")
    assert {("kw", "void"), ("kw", "var"), ("kw", "int")} <= set(found)
    assert [t for t in found if t[0] == "str"] == [("str", '$"a {b}"'), ("str", '@"c"'), ("str", '"d"')]


def test_calls_of_kotlin_php_and_csharp_are_seen():
    for source, language, count in (("fun f() = g(h(1))\n", "kotlin", 2),
                                    ("<?php $a->b(); A::c(); $a?->d(); e();", "php", 4),
                                    ("class A { void F() { G(); A x = new(); } }", "csharp", 2)):
        assert len(extract(source.encode(), language).calls) == count, language


def test_kotlin_blocks_are_branch_and_lambda_bodies_inside_functions():
    body = "".join(f"            total = total + weigh(item, offset{i}, scale) * {i}\n" for i in range(6))
    source = ("fun g(items: List<Int>): Int {\n    var total = 0\n    items.forEach { item ->\n"
              "        if (item > 0) {\n" + body + "        }\n    }\n    return total\n}\n")
    assert _blocks(source, "kotlin") == [("function", "g", 1, 14), ("block", "g", 4, 11), ("block", "g", 5, 10)]


def test_units_of_rust_unit_tests_kept_in_the_source_file_are_left_out():
    """`#[cfg(test)] mod tests { … }`: helpers there are tests, however they repeat across crates;
    a brace inside a string does not end the block, and the module unit keeps it all."""
    source = b'''pub fn add(a: i32, b: i32) -> i32 { a + b }

#[cfg(test)]
mod tests {
    use super::*;
    fn root_pkgs(name: &str) -> String { format!("{}{}", name, "}") }
    #[test]
    fn it_adds() { assert_eq!(add(1, 2), 3); }
}

mod real { pub fn kept() -> i32 { 1 } }
'''
    extraction = extract(source, "rust")
    assert [(u.kind, u.name) for u in extraction.units] == [("module", ""), ("function", "add"), ("function", "kept")]
    assert len(extraction.units[0].tokens) == len(extraction.tokens)


def test_references_are_found_in_text_that_is_not_utf8():
    # tree-sitter's own `#match?` raised on the symbol `\xe9sh-count`, or not, by what ran before
    data = b"(define (f xs)\n  (for/fold ([n 0]) ([x xs]) (\xe9sh-count n)))\n"
    assert extract(data, "racket").references == (("qualified", "for/fold", 2),)
    mixin = b"class Caf\xe9\n  include Helpers\n  inclu\xe9 Finders\nend\n"
    assert [text for _, text, _ in extract(mixin, "ruby").references] == ["Helpers"]


def test_a_components_markup_is_blank_and_its_scripts_keep_their_lines():
    """uptime-kuma's 178 Vue components were unread; a Svelte component is read alike, its
    `{#if}` markup no code."""
    svelte = (b"<script>\n  export let items = [];\n  function total(xs) {\n    return xs.reduce((a, b) => a + b, 0);\n"
              b"  }\n</script>\n\n{#if items.length}\n  <p>{total(items)}</p>\n{/if}\n")
    extraction = extract(svelte, language_for("Cart.svelte"))
    assert [(u.name, u.start_line, u.end_line) for u in extraction.units[1:]] == [("total", 3, 5)]
    assert not extraction.had_errors


def test_a_last_command_writing_no_token_leaves_no_call_past_the_end():
    """oh-my-zsh's plugins end with `} &|` (zsh: run in the background, disowned), which bash's
    grammar reads as a command of no word: its call had pointed past the last token, and
    analysing 29 of its files had stopped the pass. Zsh files are read as bash's."""
    from radar.stages.analyse import analyse_bytes

    source = (b'buf_version() {\n  buf --version | cut -d" " -f2\n}\n'
              b'() {\n  local TMP="$ZSH_CACHE_DIR/_buf"\n  zf_mv -f -- =( buf completion zsh ) "$TMP"\n} &|\n')
    extraction, _ = extract_either(source, "bash")
    assert extraction.calls and all(at < len(extraction.tokens) for at in extraction.calls)
    assert analyse_bytes(source, "bash")[0] is None  # read, not skipped
    assert language_for("plugins/buf/buf.plugin.zsh") == "bash"


PERL_ENDINGS = (b"exit\n#", b"__END__\n# notes", b"return x\n# c", b"f" + b"(" * 300 + b"n # A", b"q#abc",
                b"q#\x82]\\|u")


def test_a_perl_file_ending_inside_a_comment_or_a_string_with_no_newline_parses():
    """tree-sitter-perl's scanner looped for ever where the text ends, with no newline, inside a
    comment after a bareword (`exit` then `#`, `__END__` then a note) or a quote-like string
    (`q#abc`): a scan of such a file had never ended (and the walks' property test, now and then). Every file is parsed as ending in a newline; its units and lines are as before. Run in
    a child process, so that a regression fails rather than hangs the suite."""
    import subprocess
    import sys

    child = ("import sys\nfrom radar.stages.parse import extract\n"
             "for data in eval(sys.argv[1]):\n    extract(data, 'perl')\n")
    done = subprocess.run([sys.executable, "-c", child, repr(PERL_ENDINGS)], timeout=60, capture_output=True,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    assert [(u.kind, u.start_line, u.end_line) for u in extract(b"def f():\n    return 1", "python").units] == \
        [("module", 1, 2), ("function", 1, 2)]
