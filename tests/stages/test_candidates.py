"""Candidate pairs updated from the last pass's index are the pairs found from scratch: files
added, removed, edited or copied across subsystems, whatever came before."""
import dataclasses
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from radar.stages.analyse import analyse_all
from radar.stages.reading import content_ids
from radar.infra.cache import ParseCache
from radar.stages.candidates import decode, encode
from radar.stages.cluster import cluster_from
from radar.stages.shape import Shape
from radar.config import load_rules
from radar.stages.discover import discover
from radar.infra.executors import Executor
from radar.request import file_works


@pytest.fixture(scope="module")
def files(other_fleet):
    """The other fleet's shapes, file by file."""
    rules = load_rules(other_fleet.rules)
    works = file_works(discover(other_fleet.repo, rules.fleet), rules)
    results, _ = analyse_all(works, content_ids(works), ParseCache(None), Executor("local", 1))
    return [r.shapes for r in results if r.shapes]


def variant(files, seed: int) -> list:
    """Some of the files, and a few of them copied into another subsystem."""
    rng = random.Random(seed)
    kept = [shapes for shapes in files if rng.random() < 0.8]
    owners = sorted({shapes[0].subsystem for shapes in files})
    for shapes in rng.sample(kept, 3):
        owner = rng.choice(owners)
        kept.append(tuple(dataclasses.replace(s, subsystem=owner, path=f"copy/{s.path}") for s in shapes))
    return [shape for shapes in kept for shape in shapes]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=st.integers(0, 10**6), after=st.integers(0, 10**6))
def test_pairs_updated_from_any_earlier_index_are_the_pairs_found_afresh(files, before, after):
    _, earlier = cluster_from(variant(files, before), None, floor=25)
    now = variant(files, after)
    afresh, fresh_index = cluster_from(now, None, floor=25)
    for start in (earlier, decode(encode(earlier))):  # as the last pass left it, and as its memo reads back
        updated, index = cluster_from(now, start, floor=25)
        assert updated == afresh
        assert index == fresh_index


def test_the_index_round_trips_and_a_foreign_one_is_a_miss(files):
    _, index = cluster_from(variant(files, 1), None, floor=25)
    assert index.pairs
    assert decode(encode(index)) == index
    for foreign in (None, (), (1, *encode(index)[1:]), ("x", {}, {}, ())[:3]):  # 1: before blocks
        assert decode(foreign) is None


def test_an_index_memo_that_does_not_add_up_is_a_miss(files):
    """Samples, pairs and counts are arrays of numbers in the memo: cut or padded, or naming a
    group it does not hold, it is not read."""
    from array import array
    _, index = cluster_from(variant(files, 1), None, floor=25)
    memo = encode(index)
    assert decode(memo) == index
    broken = (memo[:6] + (memo[6][:-8],) + memo[7:],  # a sample short
              memo[:6] + (memo[6][:-1],) + memo[7:],  # not whole numbers
              memo[:7] + (memo[7] + b"\0" * 4,) + memo[8:],  # half a pair
              memo[:7] + (array("I", [0, len(memo[3])]).tobytes(),) + memo[8:],  # a group it does not hold
              memo[:5] + (memo[5][:-4],) + memo[6:],  # a group without its prefix
              memo[:2] + ({level: (held, many[:-4]) for level, (held, many) in memo[2].items()},) + memo[3:],
              memo[:3] + ((memo[3][1], *memo[3][1:]),) + memo[4:],  # a group key twice
              memo[:8] + (memo[8][:-4],) + memo[9:],  # a group without its samples
              memo[:9] + (memo[9][:-8],),  # a group's samples short
              memo[:9] + (memo[9] + b"\0",),  # not whole numbers
              memo[:9])  # from before the samples were kept
    for memo in broken:
        assert decode(memo) is None


def _unit(subsystem: str, source: str):
    from stage_fixtures import shapes
    return next(s for s in shapes(subsystem, source, f"lib/{subsystem}/m.py") if s.kind != "module")


SPECIFIER = '''
def export_name(node, specifiers):
    if node.{check}:
        return node.{name}
    elif node.{other}:
        value = node.{value}
        if not is_identifier_name(value):
            specifiers.add(value)
        return value
    raise TypeError("{message}")
'''


def test_definitions_of_one_rare_name_or_saying_rare_things_in_common_are_paired_across_subsystems():
    from radar.stages.candidates import content_pairs
    one = _unit("acl", SPECIFIER.format(check="is_identifier", name="name", other="is_string",
                                        value="value", message="expected an identifier"))
    two = _unit("feed", SPECIFIER.format(check="kind == 'Identifier'", name="node.name", other="kind == 'String'",
                                         value="node.value", message="not a specifier"))
    convention = {char: 30 for char in one.vocab + two.vocab}  # every word used in 30 of 40 subsystems
    assert content_pairs([one, two], convention, 40, 0.4) == {(0, 1)}  # by their name alone
    assert content_pairs([one, dataclasses.replace(two, name="specifier_of")], convention, 40, 0.4) == set()
    copy = dataclasses.replace(one, subsystem="feed", name="other_name")
    assert content_pairs([one, copy], {char: 2 for char in one.vocab}, 40, 0.4) == {(0, 1)}  # rare words
    assert content_pairs([one, copy], convention, 40, 0.4) == set()
    assert content_pairs([one, dataclasses.replace(copy, subsystem="acl")], {}, 40, 0.4) == set()  # one subsystem
    assert content_pairs([one, dataclasses.replace(copy, size=one.size * 3)], {}, 40, 0.4) == set()  # sizes apart


def test_content_pairs_at_their_thresholds():
    """Three rare words, each held by at most 5% of the subsystems (2 at least), pair; sizes
    exactly at the ratio pair; a module never pairs by content; a posting of COMMON_SHINGLE still pairs."""
    from radar.stages.candidates import COMMON_SHINGLE, RARE_SHARED, content_pairs
    base = _unit("acl", SPECIFIER.format(check="is_identifier", name="name", other="is_string",
                                         value="value", message="expected an identifier"))

    def unit(subsystem: str, vocab: str, **changes):
        return dataclasses.replace(base, subsystem=subsystem, name=f"own_{subsystem}", vocab=vocab, **changes)

    words = "\U00020001\U00020002\U00020003"  # exactly RARE_SHARED of them
    assert len(words) == RARE_SHARED
    pair = [unit("a", words), unit("b", words)]
    assert content_pairs(pair, {w: 5 for w in words}, 100, 0.4) == {(0, 1)}  # 5 of 100: rare
    assert content_pairs(pair, {w: 6 for w in words}, 100, 0.4) == set()
    assert content_pairs(pair, {w: 2 for w in words}, 40, 0.4) == {(0, 1)}  # 2 at least
    assert content_pairs(pair, {w: 3 for w in words}, 40, 0.4) == set()
    assert content_pairs([unit("a", words[:2]), unit("b", words[:2])], {}, 40, 0.4) == set()
    assert content_pairs([unit("a", words, size=40), unit("b", words, size=100)], {}, 40, 0.4) == {(0, 1)}
    assert content_pairs(pair, {}, 40, 0.4, smallest=base.size) == {(0, 1)}
    assert content_pairs(pair, {}, 40, 0.4, smallest=base.size + 1) == set()
    modules = [unit(s, words, kind="module") for s in ("a", "b")]
    assert content_pairs(modules, {}, 40, 0.4) == set()
    assert content_pairs([modules[0], *pair], {}, 40, 0.4) == {(1, 2)}
    crowd = [unit(f"s{i}", words) for i in range(COMMON_SHINGLE)]
    assert len(content_pairs(crowd, {}, 1000, 0.4)) == COMMON_SHINGLE * (COMMON_SHINGLE - 1) // 2
    assert content_pairs(crowd + [unit("more", words)], {}, 1000, 0.4) == set()


WORDS = "\U00020001\U00020002\U00020003\U00020004\U00020005"


@settings(max_examples=60, deadline=None)
@given(before=st.lists(st.tuples(st.integers(0, 7), st.sets(st.sampled_from(WORDS), min_size=2)), min_size=1, max_size=70),
       edits=st.dictionaries(st.integers(0, 150), st.one_of(st.none(), st.tuples(st.integers(0, 7),
                             st.sets(st.sampled_from(WORDS), min_size=2)))),
       more=st.lists(st.tuples(st.integers(0, 7), st.sets(st.sampled_from(WORDS), min_size=2)), max_size=8),
       crowd=st.integers(0, 62), around=st.integers(0, 4))
def test_saying_updated_from_an_earlier_index_is_saying_from_scratch(before, edits, more, crowd, around):
    """Groups come, go and change their words, users move, postings cross COMMON_SHINGLE both
    ways: update_saying, told which groups are the same as before with the same facts about
    their words, gives saying_index's pairs, postings and sizes."""
    from radar.stages.candidates import saying_index, update_saying
    base = _unit("acl", SPECIFIER.format(check="is_identifier", name="name", other="is_string",
                                         value="value", message="expected an identifier"))
    padding = ([(i % 8, set(WORDS[:3])) for i in range(crowd)]  # crowds around the posting cap
               + [(i % 8, {WORDS[0], *WORDS[3:]}) for i in range(around)])

    def shapes_of(specs):
        return [dataclasses.replace(base, subsystem=f"s{owner}", name=name, vocab="".join(sorted(words)))
                for name, (owner, words) in specs]

    def users_of(shapes):
        return {w: len({s.subsystem for s in shapes if w in s.vocab}) for w in WORDS if any(w in s.vocab for s in shapes)}

    named = [(f"unit{i}", spec) for i, spec in enumerate(padding + before)]
    first = shapes_of(named)
    after = [(name, edits.get(i) or spec) for i, (name, spec) in enumerate(named) if edits.get(i, spec) is not None]
    second = shapes_of(after + [(f"more{i}", spec) for i, spec in enumerate(more)])
    users1, users2 = users_of(first), users_of(second)
    previous = saying_index(first, users1, 200, 0.4)
    moved = {w for w in WORDS if users1.get(w) != users2.get(w)}
    at = {(s.subsystem, s.name, s.vocab): i for i, s in enumerate(first)}
    earlier = [None if moved & set(s.vocab) else at.get((s.subsystem, s.name, s.vocab)) for s in second]
    updated = update_saying(second, users2, 200, 0.4, 0, previous, earlier)
    assert updated == saying_index(second, users2, 200, 0.4)
    assert update_saying(first, users1, 200, 0.4, 0, previous, list(range(len(first)))) == previous


def test_saying_updated_when_a_posting_falls_back_under_the_cap():
    """A posting of COMMON_SHINGLE + 1 groups loses one: two untouched groups meeting there
    and in two more postings become a pair, as from scratch."""
    from radar.stages.candidates import COMMON_SHINGLE, saying_index, update_saying
    base = _unit("acl", SPECIFIER.format(check="is_identifier", name="name", other="is_string",
                                         value="value", message="expected an identifier"))
    crowd = [dataclasses.replace(base, subsystem=f"s{i % 8}", name=f"crowd{i}", vocab=WORDS[:3])
             for i in range(COMMON_SHINGLE - 1)]
    pair = [dataclasses.replace(base, subsystem=owner, name=owner, vocab=WORDS[0] + WORDS[3:]) for owner in ("s0", "s1")]
    users = {word: 8 for word in WORDS}
    previous = saying_index(crowd + pair, users, 200, 0.4)
    assert (len(crowd), len(crowd) + 1) not in previous.pairs
    now = crowd[1:] + pair
    updated = update_saying(now, users, 200, 0.4, 0, previous, list(range(1, len(crowd) + 2)))
    assert updated == saying_index(now, users, 200, 0.4)
    assert (len(now) - 2, len(now) - 1) in updated.pairs


# Few sample values, so that random groups share many, around FEW_SAMPLES; sizes around the
# SIZE_RATIO bound.
SAMPLES = st.lists(st.integers(0, 16), max_size=16).map(lambda xs: tuple(sorted(set(xs))))
GROUP = st.tuples(SAMPLES, st.integers(30, 80), st.sampled_from(["function", "module", "block"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(GROUP, min_size=2, max_size=40))
def test_native_candidate_pairs_are_the_python_ones(groups):
    from radar.stages import candidates

    native = pytest.importorskip("radar._native", reason="the C extension was not built here")
    shapes = [Shape("s", f"f{i}.py", "python", kind, f"u{i}", 1, 2, size, "", "", "", samples)
              for i, (samples, size, kind) in enumerate(groups)]
    keys = [f"k{i}" for i in range(len(shapes))]
    with_c = candidates.find_pairs(shapes, keys)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(candidates, "_native", None)  # the path a machine without a compiler takes
        assert candidates.find_pairs(shapes, keys) == with_c
    assert native.candidate_pairs([[0, 0]], [1], 0.5, [(1,)], 0.5, 12) == []  # a group is not its own pair


@given(st.lists(st.tuples(st.sampled_from(["python", "javascript"]),
                          st.sampled_from(["module", "block", "function", "class", "method", "blocks"]))))
def test_the_granularities_of_many_shapes_are_each_ones(kinds):
    from radar.stages.candidates import granularities, granularity

    shapes = [Shape("s", "f.py", language, kind, "u", 1, 2, 30, "", "", "", ()) for language, kind in kinds]
    assert granularities(shapes) == [granularity(shape) for shape in shapes]


@settings(max_examples=200, deadline=None)
@given(st.lists(GROUP, min_size=1, max_size=30, unique=True), st.data())
def test_pairs_updated_as_groups_come_and_go_are_the_pairs_found_afresh(pool, data):
    """The update counts samples from the last index's counts, less the groups gone, plus those
    come (a whole granularity may come or go): the pairs and index of a count afresh."""
    from radar.stages import candidates

    def groups(chosen):
        shapes = [Shape("s" if i % 2 else "t", f"f{i}.py", "python", pool[i][2], f"u{i}", 1, 2, pool[i][1], "", "",
                        "", pool[i][0]) for i in sorted(chosen)]
        return shapes, [f"k{i}" for i in sorted(chosen)]

    indices = st.sets(st.integers(0, len(pool) - 1))
    before, after = groups(data.draw(indices)), groups(data.draw(indices))
    _, earlier = candidates.find_pairs(*before)
    fresh = candidates.find_pairs(*after)
    assert candidates.update_pairs(*after, earlier) == fresh
    assert candidates.update_pairs(*after, candidates.decode(candidates.encode(earlier))) == fresh
