"""What a clustering worked out, taken by the next one (stages/worked.py): after an edit the
same clusters as from scratch, the unchanged parts taken rather than redone, and an answer
whose inputs moved never taken. Real parser, real shapes."""
import dataclasses
from array import array

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from radar.stages import carry, shape, worked
from radar.stages.candidates import group_key
from radar.stages.cluster import SETTINGS, VOCABULARY_SHARE, cluster, cluster_carrying, cluster_reusing, is_idiom
from radar.stages.content import Rarity
from radar.stages.shape import similarity
from stage_fixtures import RANDOM_ID, RANDOM_ID_VARIANT
from stage_fixtures import shapes as fixture_shapes
from test_cluster import MIX, OWN_CODE, PAGINATE, RETRY, fleet_shapes, shapes_of


def edited_fleet():
    """fleet_shapes() with search's paginator given one more statement, a call no other unit makes."""
    shapes = [s for s in fleet_shapes() if not (s.subsystem == "search" and s.path.endswith("page.py"))]
    source = PAGINATE.format(name="search_page", n=50).replace(
        "    return", "    hint = describe_cursor(following, start)\n    return")
    return shapes + shapes_of("search", source, "page.py")


def test_an_edit_takes_the_earlier_answers_and_finds_the_clusters_from_scratch():
    before = fleet_shapes()
    _, index, earlier = cluster_reusing(before, None, None)
    assert earlier.trims and earlier.weighs
    after = edited_fleet()
    clusters, _, now = cluster_reusing(after, index, earlier)
    assert clusters == cluster(after)
    assert set(now.weighs) & set(earlier.weighs)  # the retry cluster did not move: its weighing is taken
    assert set(now.weighs) != set(earlier.weighs)  # the paginators' did: weighed again
    assert set(now.trims) == set(earlier.trims)  # the edit moved no component of three groups or more


def test_the_same_shapes_take_every_answer():
    shapes = fleet_shapes()
    _, index, earlier = cluster_reusing(shapes, None, None)
    clusters, _, now = cluster_reusing(shapes, index, earlier)
    assert clusters == cluster(shapes) and now == earlier


def test_a_weighing_is_not_taken_once_another_subsystem_says_its_words():
    """Poisoned answers under the earlier keys: a fleet whose rarity moved takes none of them."""
    before = fleet_shapes()
    _, index, earlier = cluster_reusing(before, None, None)
    poisoned = dataclasses.replace(earlier, weighs={key: ((0,), 0, (0.0,), "boilerplate") for key in earlier.weighs})
    after = before + shapes_of("zeta", OWN_CODE[0] + "def pace(fn, delay):\n    time.sleep(delay)\n    return fn()\n")
    clusters, _, now = cluster_reusing(after, index, poisoned)
    assert clusters == cluster(after)
    assert not set(now.weighs) & set(poisoned.weighs)


def test_a_weighing_key_names_every_fact_it_reads():
    retry = [s for s in fleet_shapes() if s.name.endswith("_retry")]
    subsystems = tuple(sorted({s.subsystem for s in retry}))
    vocab = {s.subsystem: set(s.vocab) for s in retry}
    word = retry[0].vocab[0]
    rarity = Rarity.of(vocab, [])
    key = worked.weigh_key(retry, 0, subsystems, rarity)
    assert worked.weigh_key(retry, 0, subsystems, Rarity.of(vocab, [])) == key
    moved = {
        "another user": Rarity.of({**vocab, "zeta": {word}}, []),
        "another definer": Rarity.of(vocab, [("zeta", word)]),
        "a consumer defining it": Rarity.of(vocab, [(subsystems[0], word)]),
        "one fewer user": Rarity.of({**vocab, subsystems[1]: vocab[subsystems[1]] - {word}}, []),
    }
    for what, rarity_then in moved.items():
        assert worked.weigh_key(retry, 0, subsystems, rarity_then) != key, what
    other_vocab = [dataclasses.replace(retry[0], vocab=retry[0].vocab[1:]), *retry[1:]]
    assert worked.weigh_key(other_vocab, 0, subsystems, rarity) != key
    assert worked.weigh_key(retry, 1, subsystems, rarity) != key
    delegating = [dataclasses.replace(retry[0], forwards=True), *retry[1:]]
    assert worked.weigh_key(delegating, 0, subsystems, rarity) != key
    configuring = [dataclasses.replace(m, path=m.path.rsplit("/", 1)[0] + "/setup.py") for m in retry]
    assert worked.weigh_key(configuring, 0, subsystems, rarity) != key


def test_a_trim_key_names_the_streams_places_and_edges():
    groups = [(s,) for s in fleet_shapes() if s.name.endswith("_retry")]
    keys = [f"stream-{i}" for i in range(len(groups))]
    graph = {0: {1: 0.9, 2: 0.85}, 1: {0: 0.9}, 2: {0: 0.85}, 3: {}}
    key = worked.trim_key([0, 1, 2], groups, graph, keys)
    assert worked.trim_key([0, 1, 2], groups, graph, list(keys)) == key
    assert worked.trim_key([0, 1, 2], groups, {**graph, 0: {1: 0.91, 2: 0.85}}, keys) != key
    assert worked.trim_key([0, 1, 2], groups, graph, ["other", *keys[1:]]) != key
    moved = [(dataclasses.replace(groups[0][0], start_line=groups[0][0].start_line + 1),), *groups[1:]]
    assert worked.trim_key([0, 1, 2], moved, graph, keys) != key


def test_a_memo_from_other_code_or_settings_or_garbage_is_not_read():
    _, _, answers = cluster_reusing(fleet_shapes(), None, None)
    assert worked.decode(worked.encode(answers, SETTINGS), SETTINGS) == answers
    assert worked.decode(worked.encode(answers, SETTINGS), (*SETTINGS, 1)) is None
    for garbage in (None, (), ("x", {}, {}, {}), (worked.stamp(SETTINGS), [], {}, {}),
                    (worked.stamp(SETTINGS), {}, {}, []), (worked.stamp(SETTINGS), {}, {}), 42):
        assert worked.decode(garbage, SETTINGS) is None


def test_a_stale_answer_that_does_not_fit_is_redone_not_trusted():
    shapes = fleet_shapes()
    _, index, earlier = cluster_reusing(shapes, None, None)
    broken = worked.Worked({key: (((99, 0),), 0, (1.0,)) for key in earlier.trims},
                           {key: ((99,), 0, (1.0,), "logic") for key in earlier.weighs})
    assert cluster_reusing(shapes, index, broken)[0] == cluster(shapes)



def test_an_edit_aligns_only_the_pairs_of_a_stream_it_changed():
    """Alignments are taken by the two streams' digests: after the edit, a pair is aligned
    afresh only when one of its streams is new (the edited paginator's), and the clusters are
    those from scratch."""
    _, index, earlier = cluster_reusing(fleet_shapes(), None, None)
    after = edited_fleet()
    clusters, _, now = cluster_reusing(after, index, earlier)
    assert clusters == cluster(after)
    seen = {key[i:i + 16] for key in earlier.alignments for i in (0, 16)}
    fresh = set(now.alignments) - set(earlier.alignments)
    assert fresh and set(now.alignments) & set(earlier.alignments)
    assert all(key[:16] not in seen or key[16:] not in seen for key in fresh)
    edited = bytes.fromhex(group_key(next(s for s in after if s.name == "search_page")))
    assert any(edited in (key[:16], key[16:]) for key in fresh)


def test_an_alignment_is_taken_only_for_the_same_two_streams():
    """Poisoned answers for every pair of the paginator's old streams: the edit changed its
    streams, so none of them is read and the clusters are those from scratch."""
    before = fleet_shapes()
    _, index, earlier = cluster_reusing(before, None, None)
    old = bytes.fromhex(group_key(next(s for s in before if s.name == "search_page")))
    poisoned = dataclasses.replace(earlier, alignments={
        key: (0.0 if old in (key[:16], key[16:]) else score) for key, score in earlier.alignments.items()})
    after = edited_fleet()
    assert cluster_reusing(after, index, poisoned)[0] == cluster(after)


def test_an_alignment_is_the_similarity_of_its_streams_whichever_way_round():
    a, b = RETRY.format(name="x", n=2, log="pass"), RETRY.format(name="y", n=3, log="print(y)")
    kept = worked.Worked()
    score = worked.aligned(worked.stream_digest(a), worked.stream_digest(b), a, b, worked.Worked(), kept)
    assert score == similarity(a, b)
    again = worked.Worked()
    assert worked.aligned(worked.stream_digest(b), worked.stream_digest(a), b, a, kept, again) == score
    assert again.alignments == kept.alignments and len(kept.alignments) == 1
    assert worked.stream_digest(a) != worked.stream_digest(b)


def test_an_edit_takes_the_alignment_of_two_variants_of_one_helper(monkeypatch):
    """Variants of one helper are one family after every clustering; after an edit elsewhere
    the two representatives' alignment is taken from the last clustering's memo, not redone."""
    sources = {**{name: RANDOM_ID for name in ("emr", "dms", "iot")}, **{name: RANDOM_ID_VARIANT for name in ("ssm", "kms")}}
    before = [s for name, text in sources.items() for s in fixture_shapes(name, text, f"lib/{name}/m.py")]
    found, index, earlier = cluster_reusing(before, None, None)
    [helper] = [c for c in found if c.variants]
    streams = (helper.representative.blind, helper.variants[0].representative.blind)
    key = b"".join(sorted(worked.stream_digest(stream) for stream in streams))
    assert earlier.alignments[key] == similarity(*streams)
    after = before + fixture_shapes("zeta", OWN_CODE[1], "lib/zeta/own.py")
    from_scratch = cluster(after)
    aligned, align = [], worked.similarities
    monkeypatch.setattr(worked, "similarities", lambda pairs, n=1: aligned.extend(pairs) or align(pairs, n))
    clusters, _, now = cluster_reusing(after, index, earlier)
    assert clusters == from_scratch and any(c.variants for c in clusters)
    assert now.alignments[key] == earlier.alignments[key] and set(streams) not in [set(pair) for pair in aligned]


UNITS = [("acl", RETRY.format(name="acl_retry", n=2, log="print(error)")),
         ("feed", RETRY.format(name="feed_retry", n=3, log="logger.warning('x %s', error)")),
         ("mod", RETRY.format(name="mod_retry", n=4, log="print(error)")),
         ("search", PAGINATE.format(name="search_page", n=50)),
         ("feed", PAGINATE.format(name="feed_page", n=20)),
         ("zeta", PAGINATE.format(name="zeta_page", n=10).replace("    return", "    hint = describe(page)\n    return")),
         ("acl", MIX.format(s="acl", extra="")),
         ("mod", MIX.format(s="mod", extra="    if a_mod > b_mod:\n        return c_mod\n")),
         ("search", MIX.format(s="search", extra="")),
         ("zeta", OWN_CODE[1])]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=st.sets(st.integers(0, len(UNITS) - 1)), after=st.sets(st.integers(0, len(UNITS) - 1)),
       renamed=st.sets(st.integers(0, len(UNITS) - 1)))
def test_any_edit_of_a_fleet_clusters_as_from_scratch(before, after, renamed):
    """Files come, go and change (a unit renamed everywhere in it moves its vocabulary and
    names, not its shape): each clustering that starts from the last one's index and answers
    gives the clusters of a clustering from scratch."""
    def fleet(chosen, renaming=frozenset()):
        shapes = []
        for i in sorted(chosen):
            subsystem, source = UNITS[i]
            if i in renaming:
                source = source.replace("items", "entries").replace("error", "failure")
            shapes += shapes_of(subsystem, source, f"unit{i}.py")
        return shapes

    _, index, earlier = cluster_reusing(fleet(before), None, None)
    edited = fleet(after, renamed)
    clusters, index, answers = cluster_reusing(edited, index, earlier)
    assert clusters == cluster(edited)
    again = fleet(before | after)
    assert cluster_reusing(again, index, answers)[0] == cluster(again)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=st.sets(st.integers(0, len(UNITS) - 1)), after=st.sets(st.integers(0, len(UNITS) - 1)),
       renamed=st.sets(st.integers(0, len(UNITS) - 1)), moved=st.sets(st.integers(0, len(UNITS) - 1)))
def test_any_edit_clusters_as_from_scratch_from_what_the_last_clustering_carried(before, after, renamed, moved):
    """As above, each clustering also taking the last one's carried state (stages/carry.py):
    its fleet-wide facts, content pairs and verifications of the groups the edit did not touch.
    Files also move to another subsystem (its name neutral in other words), which moves the
    Rarity and the shared names under untouched groups."""
    def fleet(chosen, renaming=frozenset(), moving=frozenset()):
        shapes = []
        for i in sorted(chosen):
            subsystem, source = UNITS[i]
            if i in renaming:
                source = source.replace("items", "entries").replace("error", "failure")
            shapes += shapes_of("feed" if i in moving else subsystem, source, f"unit{i}.py")
        return shapes

    def carrying(shapes, index, answers, state):
        found = cluster_carrying(shapes, index, answers, state, carry.file_digests(shapes))
        assert found[3] == cluster_carrying(shapes, None, None, None, carry.file_digests(shapes))[3]  # nothing stale
        return found

    first = fleet(before)
    _, index, answers, state = carrying(first, None, None, None)
    assert state is not None
    edited = fleet(after, renamed, moved)
    clusters, index, answers, state = carrying(edited, index, answers, state)
    assert clusters == cluster(edited)
    again = fleet(before | after, moving=moved)
    clusters, index, answers, state = carrying(again, index, answers, state)
    assert clusters == cluster(again)
    assert carrying(first, index, answers, state)[0] == cluster(first)


def test_alignments_batched_across_cores_give_the_same_clusters_and_memos(monkeypatch):
    """A clustering on several threads (every batch large enough to go to them) finds the
    clusters, files the alignments and carries the state of one on this thread alone, after an
    edit too; its trims' batches reuse what the verification aligned."""
    monkeypatch.setattr(shape, "FIRST_BATCH_WORK", 0)
    monkeypatch.setattr(shape, "BATCH_WORK", 0)
    batches = []
    threaded = shape._aligned_on_threads
    monkeypatch.setattr(shape, "_aligned_on_threads", lambda pairs, n: batches.append(pairs) or threaded(pairs, n))
    before, after = fleet_shapes(), edited_fleet()
    alone = cluster_carrying(before, None, None, None, carry.file_digests(before))
    assert not batches
    threads = cluster_carrying(before, None, None, None, carry.file_digests(before), workers=2)
    assert batches and threads[0] == alone[0] == cluster(before)
    assert threads[2].alignments == alone[2].alignments and threads[3] == alone[3]
    edited = cluster_carrying(after, threads[1], threads[2], threads[3], carry.file_digests(after), workers=2)
    assert edited[0] == cluster(after)
    assert edited[2].alignments == cluster_carrying(after, alone[1], alone[2], alone[3], carry.file_digests(after))[2].alignments


def test_what_an_edit_carries_is_the_state_of_a_clustering_from_scratch():
    """The carried state after an edit equals the state a clustering from scratch carries:
    nothing stale rides along from pass to pass."""
    before, after = fleet_shapes(), edited_fleet()
    _, index, answers, state = cluster_carrying(before, None, None, None, carry.file_digests(before))
    _, _, _, updated = cluster_carrying(after, index, answers, state, carry.file_digests(after))
    _, _, _, fresh = cluster_carrying(after, None, None, None, carry.file_digests(after))
    assert updated == fresh
    untouched = carry.context_of(after, *_eligible_groups(after), carry.file_digests(after), state,
                                 VOCABULARY_SHARE).earlier
    assert any(old is not None for old in untouched) and any(old is None for old in untouched)


def test_a_carried_state_of_other_code_is_not_taken():
    shapes = fleet_shapes()
    _, _, _, state = cluster_carrying(shapes, None, None, None, carry.file_digests(shapes))
    memo = carry.encode(state)
    assert carry.decode(memo, carry.stamp(SETTINGS)) == state
    assert carry.decode(memo, "another stamp") is None
    assert carry.decode(("junk",), carry.stamp(SETTINGS)) is None
    poisoned = dataclasses.replace(state, decided={pair: (carry.LINKED, 1.0, said)
                                                   for pair, (_, _, said) in state.decided.items()})
    assert carry.decode(carry.encode(poisoned), carry.stamp(SETTINGS)) == poisoned


def test_a_carried_memo_that_does_not_add_up_is_not_taken():
    """Counts, definers and the content-pair index are stored packed: cut, mismatched or of
    the wrong type, the memo is a miss (the clustering starts afresh), never half read."""
    shapes = fleet_shapes()
    _, _, _, state = cluster_carrying(shapes, None, None, None, carry.file_digests(shapes))
    memo = carry.encode(state)
    assert state.saying.posted and state.definers and state.users
    chars, counts = memo[6]
    levels, groups, level_of, words, sizes, pairs = memo[9]
    broken = [memo[:6] + ((chars[:-1], counts),) + memo[7:],  # a user count without its character
              memo[:6] + ((chars, counts[:-1]),) + memo[7:],
              memo[:7] + ([("acl",)],) + memo[8:],  # definers not by set of holders
              memo[:7] + ({("acl",): 3},) + memo[8:],
              memo[:9] + ((levels, groups, level_of, words[:-1], sizes, pairs),) + memo[10:],
              memo[:9] + ((levels, groups, level_of, words, sizes[:-1], pairs),) + memo[10:],
              memo[:9] + ((levels, groups, level_of, words, sizes, pairs + b"\0" * 4),) + memo[10:]]
    file, packed = next(iter(memo[4].items()))
    for positions in (packed[:-1], packed + array("I", [len(memo[3])]).tobytes(), list(packed)):
        broken.append(memo[:4] + ({**memo[4], file: positions},) + memo[5:])  # cut, past the groups, no array
    halves = {file: packed[:-1], ("x", "y"): packed[-1:], **{f: p for f, p in memo[4].items() if f != file}}
    broken.append(memo[:4] + (halves,) + memo[5:])  # one file's positions cut in two: whole only together
    for memo in broken:
        assert carry.decode(memo, carry.stamp(SETTINGS)) is None


def _eligible_groups(shapes):
    from radar.stages.cluster import _identical_groups
    from radar.stages.wrappers import drop_wrappers
    from radar.stages.shape import shape_order
    eligible = sorted(drop_wrappers([s for s in shapes if s.size >= 12], shapes), key=shape_order)
    groups, keys, _ = _identical_groups(eligible, None)
    return eligible, groups, keys


def test_the_verifications_of_untouched_groups_are_taken_from_the_carried_state():
    """Poisoned outcomes (every pair linked) under the carried state: the same shapes take them
    all (what the clusters show), an edit of every file takes none."""
    shapes = fleet_shapes()
    _, index, answers, state = cluster_carrying(shapes, None, None, None, carry.file_digests(shapes))
    poisoned = dataclasses.replace(state, decided={pair: (carry.LINKED, 1.0, said)
                                                   for pair, (_, _, said) in state.decided.items()})
    taken = cluster_carrying(shapes, index, answers, poisoned, carry.file_digests(shapes))[0]
    assert taken != cluster(shapes)
    everywhere = {file: "edited" for file in carry.file_digests(shapes)}
    assert cluster_carrying(shapes, index, answers, poisoned, everywhere)[0] == cluster(shapes)


def test_the_trims_and_weighings_of_untouched_groups_are_taken_from_the_carried_state():
    """Poisoned weighings (every cluster boilerplate) and trims (each component one cluster of
    its first group's shapes alone) under the carried state: the same shapes take them, an
    edit of every file takes none."""
    shapes = fleet_shapes()
    _, index, answers, state = cluster_carrying(shapes, None, None, None, carry.file_digests(shapes))
    assert state.weighs
    weighs = {key: (tuple(range(len(key[0]))), key[1], tuple(0.0 for _ in key[0]), "boilerplate")
              for key in state.weighs}
    trims = {component: (edges, (((0, 0),), 0, (1.0,)),) for component, (edges, _) in state.trims.items()}
    poisoned = dataclasses.replace(state, weighs=weighs, trims=trims)
    taken = cluster_carrying(shapes, index, answers, poisoned, carry.file_digests(shapes))[0]
    assert taken != cluster(shapes)
    assert all(c.nature == "boilerplate" for c in taken if not is_idiom(c))
    everywhere = {file: "edited" for file in carry.file_digests(shapes)}
    assert cluster_carrying(shapes, index, answers, poisoned, everywhere)[0] == cluster(shapes)


def _carried_then(before, after):
    _, index, answers, state = cluster_carrying(before, None, None, None, carry.file_digests(before))
    return cluster_carrying(after, index, answers, state, carry.file_digests(after))[0]


def test_an_untouched_cluster_is_weighed_again_when_others_start_saying_its_words():
    """acl and mod, outside the paginators' cluster, start calling describe_cursor (a name the
    fleet already shares, so no name becomes shared): the paginators' files did not change, yet
    their cluster's content moves, as from scratch."""
    note = "def note(x):\n    return describe_cursor(x)\n\n\ndef other(w):\n    return w + 1 if w else w - 1\n"
    before = edited_fleet() + shapes_of("feed", note, "note.py")
    says = "def clue(u, v):\n    return describe_cursor(u, v) or describe_cursor(v, u)\n"
    after = before + shapes_of("acl", says, "says.py") + shapes_of("mod", says, "says.py")
    pages = lambda clusters: [c.content for c in clusters if c.subsystems == ("feed", "search")]  # noqa: E731
    assert pages(cluster(after)) != pages(cluster(before))
    assert _carried_then(before, after) == cluster(after)


def test_an_untouched_pair_is_verified_again_when_its_names_become_shared():
    """Two chains of private names link (blind names align); once another file of the fleet
    uses acl's names they are shared vocabulary, and acl's chain no longer reads like mod's."""
    chain = lambda prefix: "a." + ".".join(f"{prefix}{i}" for i in range(1, 15))  # noqa: E731
    before = (fleet_shapes() + shapes_of("acl", f"def run_acl(a):\n    return {chain('pp')}\n", "chain.py")
              + shapes_of("mod", f"def run_mod(a, b):\n    return {chain('qq')}\n", "chain.py"))
    after = before + shapes_of("search", "P = [" + ", ".join(f"pp{i}" for i in range(1, 15)) + ", 1, 2]\n", "names.py")
    linked = lambda clusters: any(c.subsystems == ("acl", "mod") for c in clusters)  # noqa: E731
    assert linked(cluster(before)) and not linked(cluster(after))
    assert _carried_then(before, after) == cluster(after)


def test_a_cluster_is_weighed_again_when_the_words_of_a_member_not_first_in_its_group_get_commoner():
    """mod's paginator has feed's structure (one group, feed's unit first) but calls `locate`;
    once acl calls `locate` too, the cluster's content moves, though no group's first unit
    says a word whose facts moved."""
    mod_page = PAGINATE.format(name="mod_page", n=30).replace("items.index(cursor)", "items.locate(cursor)")
    before = fleet_shapes() + shapes_of("mod", mod_page, "page.py")
    after = before + shapes_of("acl", "def clue(u, v):\n    return u.locate(v) or v.locate(u)\n", "says.py")
    pages = lambda clusters: [c.content for c in clusters if c.subsystems == ("feed", "mod", "search")]  # noqa: E731
    assert pages(cluster(after)) != pages(cluster(before))
    assert _carried_then(before, after) == cluster(after)


CHARS = st.sampled_from(["a", "b", "é", "\U000f0001", "\U000f0002", "\U00100003", "\U00100004"])


@given(chars=st.sets(CHARS | st.characters(), max_size=40), text=st.text(CHARS | st.characters(), max_size=60))
def test_whether_a_text_says_a_moved_character_is_answered_as_by_sets(chars, text):
    """carry._says_any searches the text for each of a few characters, and builds sets for many:
    the same answer as comparing the sets either way."""
    assert carry._says_any(chars, text) == (not chars.isdisjoint(text)) == bool(chars & set(text))
    assert carry._says_any(frozenset(chars), text) == bool(chars & set(text))


def test_a_weighing_is_taken_when_only_its_own_subsystems_moved_its_words():
    """mod's paginator (one group with feed's, not its first unit) calls `locate`; a new file of
    mod defines `locate`: the word's facts moved, but only inside the cluster's subsystems, so
    every weight the cluster reads is as it was and its carried weighing (poisoned: boilerplate)
    is taken. The same definition in acl, outside the cluster, makes `locate` another
    subsystem's API: weighed again, as from scratch."""
    mod_page = PAGINATE.format(name="mod_page", n=30).replace("items.index(cursor)", "items.locate(cursor)")
    before = fleet_shapes() + shapes_of("mod", mod_page, "page.py")
    defines = "def locate(items, cursor):\n    return items.locate(cursor) if items else cursor\n"
    pages = lambda clusters: [c for c in clusters if c.subsystems == ("feed", "mod", "search")]  # noqa: E731
    _, index, answers, state = cluster_carrying(before, None, None, None, carry.file_digests(before))
    weighs = {key: (tuple(range(len(key[0]))), key[1], tuple(0.0 for _ in key[0]), "boilerplate")
              for key in state.weighs}
    poisoned = dataclasses.replace(state, weighs=weighs)
    for subsystem, taken in (("mod", True), ("acl", False)):
        after = before + shapes_of(subsystem, defines, "locate.py")
        found = cluster_carrying(after, index, answers, poisoned, carry.file_digests(after))[0]
        assert [c.nature == "boilerplate" for c in pages(found)] == [taken]
        assert cluster_carrying(after, index, answers, state, carry.file_digests(after))[0] == cluster(after)
