"""The parse stage's tree walk in C (radar/_walk.c) finds what its Python walk finds
(radar/stages/parse.py, `_Walk`): the same tokens (the same shared token objects), units, calls
and references, on every language's snippet, on broken and mutated text and on the radar's own
files."""
from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from radar.stages import parse
from radar.stages.languages import language_for

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = {language_for(path.name): path.read_bytes() for path in sorted((ROOT / "tests/snippets").iterdir())
            if language_for(path.name) is not None}
# Bytes that break trees: unbalanced brackets and quotes, keywords half-written, invalid UTF-8.
JUNK = [b"(", b")", b"{", b"}", b"[", b"]", b"'", b'"', b"`", b";", b":", b"\\", b"\n", b"  ", b"def ", b"class ",
        b"fn ", b"(define ", b"\xff", b"\xe9", b"\xc3", b"\x00", b"#", b"//", b"/*", b"'''", b"=>", b"@"]


@pytest.fixture(scope="module")
def native():
    """radar._walk. Where `pip install` had no compiler there is nothing to compare (an allowed
    skip, like radar._native's); where it built radar._native, it built this one too."""
    try:
        from radar import _walk
    except ImportError:
        pytest.importorskip("radar._native", reason="the C extensions were not built here")
        raise
    return _walk


def walks(data: bytes, language: str):
    """(C walk, Python walk) of one tree: each (extraction, reference-root nodes)."""
    grammar = parse._grammar(language)
    data = parse.parseable(data)  # as every parse reads it
    tree = parse._parser(grammar.grammar).parse(data)
    found = parse._walk_natively(language, grammar, tree, data, True)
    assert found is not None, "the C walk did not run (not built, or it does not read py-tree-sitter's trees)"
    walk = parse._Walk(grammar, data)
    return found, (walk.run(tree), walk.reference_nodes)


def assert_same(data: bytes, language: str, shared: bool = True) -> None:
    """Equal walks and extractions; `shared`: one token object per text (no cache was emptied
    between the walks), long strings' digests aside."""
    (native, native_roots), (python, python_roots) = walks(data, language)
    assert native == python
    if shared:
        assert all(a is b for a, b in zip(native.tokens, python.tokens) if a[0] != "str" or len(a[1]) != 16)
    assert [(n.id, n.kind_id) for n in native_roots] == [(n.id, n.kind_id) for n in python_roots]
    with pytest.MonkeyPatch.context() as patch:
        by_c = parse.extract(data, language)
        patch.setattr(parse, "_native_walk", None)  # the path a machine without a compiler takes
        assert parse.extract(data, language) == by_c  # references included


@pytest.mark.parametrize("language", sorted(SNIPPETS))
def test_the_c_walk_finds_what_the_python_walk_finds_in_every_snippet(native, language):
    assert_same(SNIPPETS[language], language)


def _mutated(draw, data: bytes) -> bytes:
    """A slice of `data`, with junk inserted, deep nesting or a long string around a piece."""
    start = draw(st.integers(0, len(data)))
    data = data[start:draw(st.integers(start, len(data)))] if draw(st.booleans()) else data
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        piece = draw(st.sampled_from(JUNK + [b"(" * 300, b"[{(" * 80, b'"' + b"x\xff " * 40 + b'"', b"'" * 3]))
        data = data[:at] + piece + data[at:]
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(language=st.sampled_from(sorted(SNIPPETS)), data=st.data())
def test_the_c_walk_finds_what_the_python_walk_finds_in_broken_and_mutated_text(native, language, data):
    assert_same(_mutated(data.draw, SNIPPETS[language]), language)


@settings(max_examples=60, deadline=None)
@given(language=st.sampled_from(sorted(SNIPPETS)), text=st.binary(max_size=400))
def test_the_c_walk_finds_what_the_python_walk_finds_in_random_bytes(native, language, text):
    assert_same(text, language)


def test_the_c_walk_finds_what_the_python_walk_finds_in_the_radars_own_files(native):
    files = sorted((ROOT / "radar").rglob("*.py")) + sorted((ROOT / "dashboard").rglob("*.py"))
    assert len(files) > 50
    for path in files:
        assert_same(path.read_bytes(), "python")
    for name in ("sample.js", "sample.ts", "sample.tsx"):
        data = (ROOT / "tests/snippets" / name).read_bytes()
        assert_same(data * 3 + b"\nimport { x } from './y';\n", language_for(name))


def test_long_strings_are_digests_and_full_caches_are_emptied_in_c_as_in_python(native):
    long = b"'" + b"a" * 100 + b"'"
    source = b"x = " + long + b"\ny = 'short'\n" + b"".join(b"v%d = w%d\n" % (i, i) for i in range(50))
    with pytest.MonkeyPatch.context() as patch:
        for cache in ("_KW_CACHE", "_ID_CACHE", "_STR_CACHE"):
            patch.setattr(parse, cache, {})
        patch.setattr(parse, "_CACHE_LIMIT", 10)
        assert_same(source, "python", shared=False)
        assert ("str", hashlib.blake2b(long, digest_size=8).hexdigest()) in parse.extract(source, "python").tokens
        assert 0 < len(parse._ID_CACHE) <= 11


def test_the_vendored_runtime_is_the_pinned_tree_sitter():
    pinned = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    version = (ROOT / "radar/vendor/tree_sitter/VERSION").read_text().strip()
    assert f"tree-sitter=={version}" in pinned


def test_the_c_walk_reads_only_the_tree_objects_it_knows(native):
    import tree_sitter

    assert native.tree_sitter_version == tree_sitter.__version__
    tree = parse._parser("python").parse(b"def f():\n    return 1\n")
    root = tree.root_node
    assert native.compatible(tree) == (root.kind_id, root.start_byte, root.end_byte, root.child_count)
    assert native.compatible(root) is None and native.compatible(b"not a tree") is None
    with pytest.raises(TypeError):
        native.tables(root, (), {}, {}, (), (), (), (), {}, frozenset(), (), (), (), ())
