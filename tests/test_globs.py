"""Globs as gitignore reads them, and the one compiled test discover uses for many globs."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from radar.globs import any_glob, glob_match


@pytest.mark.parametrize(("pattern", "path", "expected"), [
    ("**/conformance.sh", "lib/acl/conformance.sh", True),
    ("**/conformance.sh", "conformance.sh", True),
    ("**/conformance.sh", "lib/acl/conformance.sh.bak", False),
    ("lib/*", "lib/a", True),
    ("lib/*", "lib/a/b", False),
    ("lib/*", "x/lib/a", False),
    ("/lib/*", "lib/a", True),
    ("lib/**", "lib/a/b", True),
    ("lib/**", "other/a", False),
    ("a/**/b", "a/b", True),
    ("a/**/b", "a/x/y/b", True),
    ("a/**/b", "a/xb", False),
    ("**/node_modules/**", "web/node_modules/x/y.js", True),
    ("**/node_modules/**", "node_modules/y.js", True),
    ("**/node_modules/**", "web/node_modules", False),
    ("*.sh", "conformance.sh", True),  # no slash: the basename
    ("*.sh", "lib/acl/conformance.sh", True),
    ("test-harness.*", "lib/x/test-harness.py", True),
    ("*.sh", "lib/acl.sh/readme", False),
    ("node_modules/", "web/node_modules/x.js", True),  # trailing slash: anything beneath
    ("node_modules/", "web/node_modules", False),
    ("?.py", "a.py", True),
    ("?.py", "ab.py", False),
    ("a?b", "a/b", False),
    ("[ab].py", "b.py", True),
    ("[!ab].py", "b.py", False),
    ("[!ab].py", "c.py", True),
    ("[a-c]x", "bx", True),
    ("[]]x", "]x", True),
    ("*-test*", "run-tests", True),
    ("a**b", "a/x/b", False),  # ** inside a name is a plain *
    (r"\*.py", "*.py", True),
    (r"\*.py", "a.py", False),
    ("a.py", "aXpy", False),
])
def test_glob_match(pattern, path, expected):
    assert glob_match(pattern, path) is expected


_GLOB_PARTS = st.sampled_from(["**", "*", "?", "a", "b", "node_modules", "[ab]", "[!a]", "x.py", "*.sh"])
_GLOBS = st.builds(lambda parts, lead, trail: lead + "/".join(parts) + trail,
                   st.lists(_GLOB_PARTS, min_size=1, max_size=4), st.sampled_from(["", "/"]),
                   st.sampled_from(["", "/"]))
_PATHS = st.lists(st.sampled_from(["a", "b", "ab", "node_modules", "x.py", "c.sh", "ba"]),
                  min_size=1, max_size=5).map("/".join)


@settings(max_examples=300, deadline=None)
@given(patterns=st.lists(_GLOBS, max_size=4), path=_PATHS)
def test_any_glob_matches_exactly_when_one_of_the_globs_does(patterns, path):
    # discover excludes a monorepo's paths with one compiled test; it must say what the globs say
    assert any_glob(tuple(patterns))(path) is any(glob_match(p, path) for p in patterns)


@pytest.mark.parametrize("pattern", ["", "/", "lib/[ab", "[", "a\\", "[z-a]", "lib[/]x"])
def test_bad_globs_raise_value_error(pattern):
    with pytest.raises(ValueError):
        glob_match(pattern, "x")
