"""Properties of the normaliser (radar.stages.shape): what must never change a shape, and what its
streams, samples and similarity always are. Token-level and through the real parser."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from radar.stages.analyse import analyse_bytes
from radar.stages.parse import extract
from radar.stages import shape
from radar.stages.shape import (annotation_tokens, blind_code, can_reach, fingerprint, normalise, sample_shingles,
                                similarities, similarity, union_tokens)

# ---------------------------------------------------------------- token streams

KEYWORDS = st.sampled_from(["(", ")", "{", "}", "def", "return", "if", "=", "+", ",", ":", ".", "for", "in"])
LITERAL_TYPES = st.sampled_from(["int", "float", "string", "bool", "null"])
NAMES = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_ABC0123456789ß", min_size=1, max_size=8)

TOKEN = st.one_of(
    st.tuples(st.just("kw"), KEYWORDS),
    st.tuples(st.just("id"), NAMES),
    st.tuples(st.just("lit"), LITERAL_TYPES),
)
TOKENS = st.lists(TOKEN, max_size=120)


@st.composite
def renamed(draw):
    """A stream and the same stream with its identifiers renamed one-to-one."""
    tokens = draw(TOKENS)
    names = sorted({text for category, text in tokens if category == "id"})
    fresh = draw(st.lists(NAMES, min_size=len(names), max_size=len(names), unique=True))
    mapping = dict(zip(names, fresh))
    return tokens, [(c, mapping[t] if c == "id" else t) for c, t in tokens]


@given(renamed())
def test_consistent_renaming_never_changes_the_fingerprint(pair) -> None:
    tokens, other = pair
    assert fingerprint(normalise(tokens)) == fingerprint(normalise(other))


@st.composite
def one_name_used_often(draw):
    """A stream whose identifiers are all one name (keywords and literals around it)."""
    name = draw(NAMES)
    use = st.just(("id", name))
    return draw(st.lists(st.one_of(st.tuples(st.just("kw"), KEYWORDS), st.tuples(st.just("lit"), LITERAL_TYPES),
                                   use, use), max_size=120))


@given(one_name_used_often())
def test_inconsistent_renaming_is_seen(tokens) -> None:
    ids = [i for i, (c, _) in enumerate(tokens) if c == "id"]
    assume(len(ids) >= 2)  # one name used at least twice; renaming its last use breaks the pattern
    changed = list(tokens)
    changed[ids[-1]] = ("id", tokens[ids[-1]][1] + "_other")
    assert fingerprint(normalise(changed)) != fingerprint(normalise(tokens))


@given(TOKENS)
def test_blind_stream_has_one_char_per_token(tokens) -> None:
    codes = [blind_code(c, t) for c, t in tokens]
    assert all(len(code) == 1 for code in codes)
    blind = "".join(codes)
    assert len(blind) == len(tokens)
    assert len({blind_code("id", t) for c, t in tokens if c == "id"}) <= 1  # identifiers all alike


BLIND = st.text(alphabet=st.characters(min_codepoint=0xF0000, max_codepoint=0xF0010), max_size=200)


@given(BLIND)
def test_sample_shingles_is_deterministic(blind) -> None:
    samples = sample_shingles(blind)
    assert samples == sample_shingles(str(blind)) == sample_shingles("".join(list(blind)))
    assert list(samples) == sorted(set(samples))
    assert bool(samples) == bool(blind)


def test_sample_shingles_is_the_same_in_another_process() -> None:
    """No salted hash(): a worker process (other PYTHONHASHSEED) samples exactly alike."""
    streams = ["".join(chr(0xF0000 + (i * 7 + j) % 13) for j in range(i)) for i in range(0, 60, 3)]
    here = [list(sample_shingles(s)) for s in streams]
    code = ("import json, sys; from radar.stages.shape import sample_shingles; "
            "print(json.dumps([list(sample_shingles(s)) for s in json.load(sys.stdin)]))")
    done = subprocess.run([sys.executable, "-c", code], input=json.dumps(streams), capture_output=True,
                          text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert json.loads(done.stdout) == here


@given(BLIND, BLIND)
@settings(max_examples=200, deadline=None)  # a loaded machine is not a failure
def test_similarity_bounds_and_symmetry(a, b) -> None:
    forward, backward = similarity(a, b), similarity(b, a)
    assert 0.0 <= forward <= 1.0 and 0.0 <= backward <= 1.0
    assert abs(forward - backward) < 1e-9
    assert similarity(a, a) == 1.0
    if a and b and not set(a) & set(b):
        assert forward == 0.0



@given(BLIND, BLIND, st.sampled_from([0.6, 0.8, 0.9]) | st.floats(0.0, 1.0))
@settings(max_examples=300, deadline=None)
def test_two_streams_too_unlike_in_length_to_reach_a_score_never_align_to_it(common, extra, score) -> None:
    """A clustering skips aligning two units whose lengths alone keep them below the score that
    would link them; a stream and itself with more appended align exactly to that bound, so
    skipping never loses a link, not even one at the threshold itself."""
    for a, b in ((common, common + extra), (common, extra), (common + extra, extra)):
        if similarity(a, b) >= score:
            assert can_reach(len(a), len(b), score)


@given(BLIND, BLIND, BLIND, st.sampled_from([0.6, 0.8, 0.9]) | st.floats(0.0, 1.0))
@settings(max_examples=300, deadline=None)
def test_two_streams_holding_too_few_tokens_in_common_to_reach_a_score_never_align_to_it(common, a, b, score) -> None:
    """Long streams whose tokens in common keep them below a score are not aligned (TokenBags):
    never when they would align to it, not even at the score itself."""
    streams = [common + a, b + common, a + b]
    bags = shape.TokenBags(streams.__getitem__, work=0)  # every pair counted, however short
    for first in range(3):
        for second in range(first + 1, 3):
            if similarity(streams[first], streams[second]) >= score:
                assert bags.can_reach(first, second, score)


def test_streams_of_other_tokens_are_told_apart_without_aligning_them_and_short_ones_are_never_counted() -> None:
    """terraform-provider-intersight's generated modules: a pair of 5k-token streams sharing a
    fifth of their tokens cannot reach 0.6; the same streams short are left to the alignment."""
    long_a, long_b = "ab" * 2500, "a" * 1000 + "c" * 4000
    bags = shape.TokenBags([long_a, long_b].__getitem__)
    assert not bags.can_reach(0, 1, 0.6) and similarity(long_a, long_b) < 0.6
    short = shape.TokenBags(["ab" * 100, "c" * 200].__getitem__)
    assert short.can_reach(0, 1, 0.6)  # 200 · 200 tokens: aligning costs less than counting


def test_units_two_thirds_as_long_as_each_other_can_reach_the_link_similarity() -> None:
    """40 tokens against 60, the shorter the longer's start: 2·40 / 100 = 0.80, the threshold."""
    assert similarity("a" * 40, "a" * 60) == 0.8 and can_reach(40, 60, 0.8) and not can_reach(39, 60, 0.8)


STREAM = st.text(alphabet=st.one_of(st.characters(min_codepoint=0xF0000, max_codepoint=0xF0010),
                                    st.characters(max_codepoint=0x7F), st.integers(0xD800, 0xDFFF).map(chr)),
                 max_size=300)


@given(st.lists(st.tuples(STREAM, STREAM), max_size=40), st.integers(1, 4))
@settings(max_examples=100, deadline=None)
def test_a_batch_aligned_on_threads_gives_each_pairs_own_similarity(pairs, workers) -> None:
    """The batch a clustering aligns across cores (rapidfuzz's cpdist) is, float for float,
    the alignment of each pair alone, whatever the characters: private-use, ASCII, lone surrogates."""
    with pytest.MonkeyPatch.context() as patch:  # every batch large enough to go to threads
        patch.setattr(shape, "FIRST_BATCH_WORK", 0)
        patch.setattr(shape, "BATCH_WORK", 0)
        assert similarities(pairs, workers) == [similarity(a, b) for a, b in pairs]


def test_a_small_batch_stays_on_this_thread() -> None:
    """Starting threads (and, the first time, importing numpy) costs more than a few short alignments."""
    calls = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(shape, "_aligned_on_threads", lambda pairs, workers: calls.append(pairs) or [])
        assert similarities([("ab", "abc"), ("x", "y")], 2) == [similarity("ab", "abc"), 0.0]
    assert calls == []


# ---------------------------------------------------------------- through the parser

PYTHON = '''\
def {f}({a}, {b}):
    {c} = {a} + {i1} * {b}
    if {c} > {i2} and {a} != {s1}:
        return [{c}, {s2}, {x1}]
    for {d} in range({i3}):
        {c} = {c} - {d} * {x2}
    return {f}({c}, {b}) if {flag} else {s1}
'''

JAVASCRIPT = '''\
function {f}({a}, {b}) {{
  let {c} = {a} + {i1} * {b};
  if ({c} > {i2} && {a} !== {s1}) {{ return [{c}, {s2}, {x1}]; }}
  for (let {d} = 0; {d} < {i3}; {d}++) {{ {c} = {c} - {d} * {x2}; }}
  return {flag} ? {f}({c}, {b}) : {s1};
}}
'''

CLOJURE = '''\
(defn {f} [{a} {b}]
  (let [{c} (+ {a} (* {i1} {b}))]
    (if (and (> {c} {i2}) (not= {a} {s1}))
      [{c} {s2} {x1}]
      (loop [{d} {i3}] (when (pos? {d}) (recur (- {d} {x2})))))))
'''

KOTLIN = '''\
fun {f}({a}: Int, {b}: Int): Any {{
    var {c} = {a} + {i1} * {b}
    if ({c} > {i2} && {a} != {s1}) {{ return listOf({c}, {s2}, {x1}) }}
    for ({d} in 0 until {i3}) {{ {c} = {c} - {d} * {x2} }}
    return if ({flag}) {f}({c}, {b}) else {s1}
}}
'''

PHP = '''\
<?php
function {f}(${a}, ${b}) {{
    ${c} = ${a} + {i1} * ${b};
    if (${c} > {i2} && ${a} !== {s1}) {{ return [${c}, {s2}, {x1}]; }}
    for (${d} = 0; ${d} < {i3}; ${d}++) {{ ${c} = ${c} - ${d} * {x2}; }}
    return {flag} ? {f}(${c}, ${b}) : {s1};
}}
'''

CSHARP = '''\
class {f}Type {{
    object {f}(int {a}, int {b}) {{
        var {c} = {a} + {i1} * {b};
        if ({c} > {i2} && {a} != {s1}) {{ return new object[] {{ {c}, {s2}, {x1} }}; }}
        for (var {d} = 0; {d} < {i3}; {d}++) {{ {c} = {c} - {d} * {x2}; }}
        return {flag} ? {f}({c}, {b}) : {s1};
    }}
}}
'''

# keywords of JS, Kotlin and C# that the names could spell
IDENT = st.from_regex(r"\Av[a-z0-9_]{1,10}\Z").filter(
    lambda name: name not in {"var", "void", "val", "vararg", "value", "virtual", "volatile"})
STRING = st.text(alphabet="abc XYZ-_.!0123", max_size=12)


@st.composite
def program(draw):
    names = draw(st.lists(IDENT, min_size=5, max_size=5, unique=True))
    values = {
        "i1": draw(st.integers(0, 10**9)), "i2": draw(st.integers(0, 10**6)), "i3": draw(st.integers(0, 99)),
        "x1": draw(st.floats(0, 1e6, allow_nan=False).map(lambda x: repr(float(x)))),
        "x2": draw(st.floats(0, 1e6, allow_nan=False).map(lambda x: repr(float(x)))),
        "s1": draw(STRING), "s2": draw(STRING), "flag": draw(st.booleans()),
    }
    return dict(zip("fabcd", names)), values


def exact_of(template: str, language: str, names: dict, values: dict) -> list[str]:
    quote = (lambda s: json.dumps(s))
    flag = str(values["flag"]) if language == "python" else str(values["flag"]).lower()
    source = template.format(**names, **{k: v for k, v in values.items() if k[0] in "ix"},
                             s1=quote(values["s1"]), s2=quote(values["s2"]), flag=flag)
    skipped, parse_error, units = analyse_bytes(source.encode(), language)[:3]
    assert skipped is None and not parse_error, source
    return [unit[6] for unit in units]  # every unit's exact fingerprint, module included


@settings(max_examples=40, deadline=None)
@given(program(), program())
def test_renaming_and_new_literal_values_never_change_a_parsed_shape(one, two) -> None:
    for template, language in ((PYTHON, "python"), (JAVASCRIPT, "javascript"), (CLOJURE, "clojure"),
                               (KOTLIN, "kotlin"), (PHP, "php"), (CSHARP, "csharp")):
        first = exact_of(template, language, *one)
        assert first and first == exact_of(template, language, *two), language


def test_a_literal_of_another_type_does_change_the_shape() -> None:
    """Numbers are one type (integer or float alike); a string in their place is not."""
    names = dict(zip("fabcd", ["va", "vb", "vc", "vd", "ve"]))
    values = {"i1": 1, "i2": 2, "i3": 3, "x1": "1.5", "x2": "2.5", "s1": "x", "s2": "y", "flag": True}
    assert exact_of(PYTHON, "python", names, values) != exact_of(PYTHON, "python", names, {**values, "x1": '"seven"'})


@given(TOKENS, st.data())
@settings(max_examples=200, deadline=None)
def test_file_streams_give_each_unit_the_samples_of_its_own_slice(tokens, data):
    from radar.stages.shape import FileStreams, stream_codes

    start = data.draw(st.integers(0, len(tokens)))
    end = data.draw(st.integers(start, len(tokens)))
    blind, _ = stream_codes(tokens)
    assert FileStreams(tokens).samples(start, end) == sample_shingles(blind[start:end])


WIDE_BLIND = st.text(alphabet=st.one_of(st.characters(min_codepoint=0xF0000, max_codepoint=0xFFFFD),
                                        st.characters(min_codepoint=0x100000, max_codepoint=0x10FFFD),
                                        st.characters(max_codepoint=0xFF)),
                     max_size=300)


def native():
    """The C extension (radar/_native_shape.c); a skip where `pip install` could not build it."""
    return pytest.importorskip("radar._native", reason="the C extension was not built here")


@given(WIDE_BLIND, st.integers(1, 12))
@settings(max_examples=300, deadline=None)
def test_native_window_hashes_are_the_python_ones(blind, modulus):
    from radar.stages.shape import window_hashes

    packed = native().window_array(blind, modulus)
    words = [int.from_bytes(packed[i:i + 8], sys.byteorder) for i in range(0, len(packed), 8)]
    assert [w & ((1 << 61) - 1) for w in words] == window_hashes(blind)
    assert [w >> 63 for w in words] == [h % modulus == 0 for h in window_hashes(blind)]
    assert all(not w >> 61 & 3 for w in words)  # bits 61 and 62: never set


# Any text: lone surrogates (which UTF-8 cannot encode: "replace" makes them "?"), other planes.
ANY_TEXT = st.text(st.characters(blacklist_categories=()), max_size=6)
ANY_TOKEN = st.tuples(st.sampled_from(["kw", "id", "lit", "str"]), ANY_TEXT)
MIXED = st.lists(st.one_of(TOKEN, ANY_TOKEN), max_size=150)


@st.composite
def file_units(draw, tokens=MIXED):
    """A file's tokens and its units: slices of them, nested or not, the whole and empty ones."""
    stream = draw(tokens)
    spans = draw(st.lists(st.tuples(st.integers(0, len(stream)), st.integers(0, len(stream))), max_size=8))
    return stream, [stream] + [stream[min(a, b):max(a, b)] for a, b in spans]


@st.composite
def huge_file(draw):
    """Thousands of tokens: a drawn stretch repeated with drawn changes, as a long file repeats."""
    stretch = draw(st.lists(st.one_of(TOKEN, ANY_TOKEN), min_size=1, max_size=40))
    times = draw(st.integers(100, 400))
    stream = [("id", f"{text}{i % 7}") if category == "id" else (category, text)
              for i in range(times) for category, text in stretch]
    return stream, [stream, stream[len(stream) // 3:], stream[5:len(stream) - 5]]


def python_path(patch, shape, limit=None):
    """Switch `shape` to the code a machine without a compiler runs, with caches of its own."""
    patch.setattr(shape, "_native", None)
    patch.setattr(shape, "_BLIND", {})
    patch.setattr(shape, "_NAMES", {})
    if limit is not None:
        patch.setattr(shape, "_CODES_LIMIT", limit)


@given(st.one_of(file_units(), huge_file()))
@settings(max_examples=300, deadline=None)
def test_native_exact_fingerprints_are_the_python_ones(file):
    from radar.stages import shape

    _, units = file
    expected = ["\x1f".join(normalise(tokens)).encode("utf-8", "replace") for tokens in units]
    assert native().normalised_utf8s([tuple(tokens) for tokens in units]) == expected
    built = shape.exact_fingerprints(units)
    assert built == [shape.exact_fingerprint(tokens) for tokens in units]
    with pytest.MonkeyPatch.context() as patch:
        python_path(patch, shape)
        assert shape.exact_fingerprints(units) == built == [fingerprint(normalise(tokens)) for tokens in units]


@given(st.lists(st.one_of(MIXED, huge_file().map(lambda file: file[0])), min_size=1, max_size=6),
       st.integers(0, 40))
@settings(max_examples=200, deadline=None)
def test_native_stream_codes_are_the_python_ones_and_fill_the_same_caches(files, limit):
    """File after file, as a worker shapes them: the same streams, and the same caches, emptied
    at the same moments (a limit of a few dozen tokens overflows them often)."""
    from radar.stages import shape

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(shape, "_BLIND", {})
        patch.setattr(shape, "_NAMES", {})
        patch.setattr(shape, "_CODES_LIMIT", limit)
        built = []
        for tokens in files:
            built.append((shape.stream_codes(tokens), dict(shape._BLIND), dict(shape._NAMES)))
    with pytest.MonkeyPatch.context() as patch:
        python_path(patch, shape, limit)
        for tokens, (streams, blind, names) in zip(files, built):
            assert shape.stream_codes(tokens) == streams
            assert (shape._BLIND, shape._NAMES) == (blind, names)
            assert streams == ("".join(blind_code(*t) for t in tokens), "".join(shape.name_code(*t) for t in tokens))


@given(st.one_of(file_units(st.lists(st.one_of(TOKEN, ANY_TOKEN), max_size=400)), huge_file()), st.data())
@settings(max_examples=200, deadline=None)
def test_python_file_streams_sample_like_the_native_ones(file, data):
    from radar.stages import shape

    tokens, _ = file
    spans = data.draw(st.lists(st.tuples(st.integers(0, len(tokens)), st.integers(0, len(tokens))), min_size=1, max_size=6))
    spans = [(min(a, b), max(a, b)) for a, b in spans]
    streams = shape.FileStreams(tokens)
    built = [streams.samples(start, end) for start, end in spans]
    with pytest.MonkeyPatch.context() as patch:
        python_path(patch, shape)  # the path a machine without a compiler takes
        streams = shape.FileStreams(tokens)
        assert [streams.samples(start, end) for start, end in spans] == built == [
            sample_shingles(streams.blind[start:end]) for start, end in spans]


def test_native_samples_refuse_a_span_outside_the_file():
    with pytest.raises(ValueError):
        native().window_samples(native().window_array("\U000f0001" * 20, 6), 5, 40, 6)


def _blind(source: str, language: str) -> str:
    unit = extract(source.encode(), language).units[-1]
    return "".join(blind_code(category, text) for category, text in unit.tokens)


def test_annotation_tokens_are_the_annotations_and_decorators_a_unit_carries():
    advice = ("class A {\n  @Advice.OnMethodExit(onThrowable = Throwable.class, inline = false)\n"
              "  static void exit(@Advice.Enter @Nullable Scope scope) { if (scope != null) { scope.end(); } }\n}\n")
    assert annotation_tokens(_blind(advice, "java"), "java") == 15 + 4 + 2
    assert annotation_tokens(_blind("@app.route('/x')\ndef f(a):\n    return g(a)\n", "python"), "python") == 7
    assert annotation_tokens(_blind("def f(a):\n    return g(a)\n", "python"), "python") == 0
    # Ruby's `@count` is an instance variable, no annotation
    assert annotation_tokens(_blind("def f\n  @count = g(1)\nend\n", "ruby"), "ruby") == 0


def test_union_tokens_are_a_union_types_other_alternatives_in_a_units_head():
    """pimcore's field types each take `DataObject\\Localizedfield|DataObject\\Concrete $object`:
    the alternatives past the first are what the type checker reads; the body's `|` is code."""
    getter = ("<?php\nclass A {\n  public function f(DataObject\\Localizedfield|DataObject\\Fieldcollection\\Data"
              "|null $o): string|int\n  {\n    return $a | $b;\n  }\n}\n")
    assert union_tokens(_blind(getter, "php"), "php") == 6 + 2 + 2
    typed = "function f(a: string | Foo.Bar, b: number): Map<string, number> | null {\n  return a | b;\n}\n"
    assert union_tokens(_blind(typed, "typescript"), "typescript") == 4 + 2
    assert union_tokens(_blind("def f(a: int | None):\n    return a | 1\n", "python"), "python") == 0


@pytest.mark.parametrize("language, source, private, public", [
    ("java", "class A {\n  @Deprecated\n  private static int hidden(int x) { return x; }\n"
             "  public int shown(int x) { return x; }\n}\n", "hidden", "shown"),
    ("java", "final class Outer {\n  private int field;\n  void run() { field = 1; }\n}\n", None, "Outer"),
    ("php", "<?php\nclass A {\n  private function hidden() { return 1; }\n  function shown() { return 2; }\n}\n",
     "hidden", "shown"),
    ("python", "def _hidden():\n    return 1\n\ndef shown():\n    return 2\n\nclass A:\n    def __init__(self):\n"
               "        self.x = 1\n", "_hidden", "__init__"),
    ("go", "package a\n\nfunc hidden() int { return 1 }\n\nfunc Shown() int { return 2 }\n", "hidden", "Shown"),
    ("typescript", "class A {\n  #hidden(): number { return 1; }\n  shown(): number { return 2; }\n}\n",
     "#hidden", "shown"),
    ("javascript", "class A {\n  #hidden() { return 1; }\n  shown() { return 2; }\n}\n", "#hidden", "shown"),
])
def test_a_definition_is_private_by_its_languages_mark_and_not_by_a_members(language, source, private, public):
    """What makes adopting a unit ask that it be made visible first: `private` before a Java or
    PHP method's parameters (a class whose first field is private is not), Python's underscore
    (not a dunder), Go's lower-case initial, JavaScript's and TypeScript's `#`."""
    from radar.stages.shape import is_private, stream_codes
    units = {unit.name: unit for unit in extract(source.encode(), language).units}
    def private_(name):
        return is_private(name, stream_codes(units[name].tokens)[0], language)
    assert (private is None or private_(private)) and not private_(public)
