"""Clustering: N-way clusters across subsystems, near-miss copies, the largest repeating unit,
and the same clusters whatever the input order. Real parser, real shapes."""
import dataclasses
import itertools
import random
import re

import pytest

from gitfleet import commit_all, make_fleet, unique_module, write
from radar.pipeline import run_pass
from radar.request import ScanRequest
from radar.stages.analyse import _bind, analyse_bytes
from radar.stages.reading import FileWork
from radar.stages.cluster import Cluster, cluster, cluster_from, cluster_reusing, is_idiom

RETRY = '''
def {name}(fn, attempts={n}, delay=0.5):
    last = None
    for attempt in range(attempts):
        try:
            return fn()
        except Exception as error:
            last = error
            {log}
            time.sleep(delay * (2 ** attempt))
    raise RuntimeError("gave up after %d attempts" % attempts) from last
'''

PAGINATE = '''
def {name}(items, cursor, limit={n}):
    start = 0 if cursor is None else items.index(cursor) + 1
    page = items[start:start + limit]
    following = page[-1] if len(page) == limit else None
    return {{"items": page, "next": following, "count": len(items)}}
'''


def shapes_of(subsystem: str, source: str, path: str = "util.py"):
    work = FileWork(subsystem, f"lib/{subsystem}/{path}", "/nonexistent", "python", None)
    return list(_bind(work, analyse_bytes(source.encode(), "python")).shapes)


def test_a_cluster_is_called_by_the_name_most_of_its_copies_bear():
    """harbor's 31 DAO queries, 22 of them `List`: the copy closest to all the others was
    `ListBlobs`, and the backlog called the 22 `List`s that. Among equals, the representative's."""
    copies = [next(s for s in shapes_of(name, PAGINATE.format(name=called, n=n), "page.py") if s.kind == "function")
              for n, (name, called) in enumerate([("acl", "list_blobs"), ("feed", "list_all"), ("mod", "list_all"),
                                                  ("search", "list_all")])]
    assert Cluster(tuple(copies), 0, (1.0,) * 4).name == "list_all"
    assert Cluster(tuple(copies[:2]), 0, (1.0,) * 2).name == "list_blobs"
    assert Cluster(tuple(copies[:2]), 1, (1.0,) * 2).name == "list_all"


OWN_CODE = [  # each subsystem's own, unrelated code around the shared shape
    "class Grant:\n    def __init__(self, who):\n        self.who = who\n        self.at = None\n",
    "async def fetch(url):\n    async with session.get(url) as response:\n        return await response.json()\n",
    "TABLE = {'a': [1, 2, 3], 'b': (4, 5)}\nwhile queue:\n    queue.pop().close()\n",
    "import os\nfor root, dirs, files in os.walk('.'):\n    dirs.sort()\n    print(root, len(files))\n",
]


def fleet_shapes():
    shapes = []
    for n, subsystem in enumerate(["acl", "feed", "mod", "search"]):
        log = "print(error)" if subsystem == "mod" else "logger.warning('retrying %s', error)"
        shapes += shapes_of(subsystem, OWN_CODE[n] + RETRY.format(name=f"{subsystem}_retry", n=n + 2, log=log), "retry.py")
    shapes += shapes_of("feed", PAGINATE.format(name="feed_page", n=20), "page.py")
    shapes += shapes_of("search", PAGINATE.format(name="search_page", n=50), "page.py")
    return shapes


def by_name(clusters):
    return {tuple(sorted(m.name for m in c.members)): c for c in clusters}


def test_copies_in_several_subsystems_form_one_n_way_cluster():
    clusters = by_name(cluster(fleet_shapes()))
    retry = clusters[("acl_retry", "feed_retry", "mod_retry", "search_retry")]
    assert retry.subsystems == ("acl", "feed", "mod", "search")


def test_a_cluster_names_the_subsystems_that_define_what_its_copies_call():
    """Where its logic belongs: persist defines `store_row`, which every copy calls; `run`,
    defined in each consumer too, says less (each definer weighs 1 / how many define it)."""
    copy = ("def sync(rows, target):\n    done = []\n    for row in rows:\n        if row.valid:\n"
            "            done.append(store_row(target, row.key, row.value))\n        else:\n"
            "            run(row)\n    return done\n")
    found = []
    for name in ("acl", "feed", "mod"):
        found += shapes_of(name, copy + "\n\ndef run(row):\n    return row\n", "sync.py")
    found += shapes_of("persist", "def store_row(target, key, value):\n    target[key] = value\n    return key\n",
                    "rows.py")
    [found_cluster] = [c for c in cluster(found) if c.subsystems == ("acl", "feed", "mod")]
    weights = dict(found_cluster.defined_by)
    assert weights["persist"] == 1.0 and weights["persist"] > weights["acl"] > 0


def test_near_miss_copy_joins_the_cluster_below_full_similarity():
    retry = by_name(cluster(fleet_shapes()))[("acl_retry", "feed_retry", "mod_retry", "search_retry")]
    assert 0.75 <= retry.similarity < 1.0
    mod = next(s for m, s in zip(retry.members, retry.similarities) if m.subsystem == "mod")
    assert mod < 1.0


def test_two_subsystem_shape_is_its_own_cluster():
    pages = by_name(cluster(fleet_shapes()))[("feed_page", "search_page")]
    assert pages.similarity == 1.0 and pages.subsystems == ("feed", "search")


def test_shape_within_one_subsystem_is_not_a_cluster():
    shapes = shapes_of("acl", PAGINATE.format(name="a", n=1), "a.py") + shapes_of("acl", PAGINATE.format(name="b", n=2), "b.py")
    assert cluster(shapes) == ()


def test_copies_within_one_subsystem_are_never_aligned():
    """Two near copies in acl alone can join no cluster spanning two subsystems: they are never
    aligned (pyscf's basis-set tables, 100k tokens each in one subsystem, had cost 54 s of a
    70 s pass), while the copies across feed and search are reported as before."""
    shapes = (shapes_of("acl", RETRY.format(name="retry", n=1, log="pass"), "a.py")
              + shapes_of("acl", RETRY.format(name="again", n=2, log="print(error)"), "b.py")
              + shapes_of("feed", PAGINATE.format(name="feed_page", n=1))
              + shapes_of("search", PAGINATE.format(name="search_page", n=2)))
    found, _, worked = cluster_reusing(shapes, None, None)
    assert [c.subsystems for c in found] == [("feed", "search")]
    assert worked.alignments == {}


def test_unrelated_structures_never_cluster():
    shapes = shapes_of("acl", RETRY.format(name="r", n=1, log="pass")) + shapes_of("feed", PAGINATE.format(name="p", n=1))
    assert cluster(shapes) == ()


def test_the_largest_repeating_unit_is_reported_not_its_parts():
    body = "\n".join(f"    def m{i}(self, x):\n        return self.v{i} + x * {i} - len(self.items)\n" for i in range(5))
    shapes = []
    for subsystem in ("a", "b", "c"):
        shapes += shapes_of(subsystem, f"class Store:\n    def __init__(self):\n        self.items = []\n{body}\n"
                                       f"def unrelated_{subsystem}():\n    return '{subsystem}'\n", "store.py")
    found = cluster(shapes)
    kinds = {m.kind for c in found for m in c.members}
    assert "method" not in kinds
    assert any(c.representative.name in ("Store", "store.py") for c in found)


OUTER = '''
def install_strategy(storage, fallback):
    def get_scopes():
        scope = storage.get_scope()
        isolation = storage.get_isolation()
        if scope is None:
            scope = fallback.clone_scope()
        return {"scope": scope, "isolation": isolation}

    def with_scope(callback):
        scopes = get_scopes()
        return storage.run(scopes["scope"].fork(), callback)

    set_strategy({"get_scopes": get_scopes, "with_scope": with_scope, "name": "async-local"})
'''
LOOKALIKE = '''
def get_scopes():
    found = registry.lookup_entry()
    other = registry.find_spare()
    if found is None:
        found = defaults.copy_entry()
    return {"left": found, "right": other}
'''


def test_a_part_whose_look_alike_left_is_still_reported_as_its_whole():
    shapes = [shape for subsystem in ("a", "b", "c") for shape in shapes_of(subsystem, OUTER, "strategy.py")]
    shapes += shapes_of("d", LOOKALIKE, "lookalike.py")  # joins get_scopes by shape, leaves for its content
    assert [[m.name for m in c.members] for c in cluster(shapes)] == [["install_strategy"] * 3]


def test_same_clusters_whatever_the_input_order():
    shapes = fleet_shapes()
    expected = cluster(shapes)
    for seed in range(5):
        shuffled = shapes[:]
        random.Random(seed).shuffle(shuffled)
        assert cluster(shuffled) == expected


# ---------------------------------------------------------------- what keeps look-alikes apart

SYNC_WEB = '''
def sync_{s}(key_{s}):
    requests.sessions.Session.mount(http.client.HTTPConnection.debuglevel)
    json.decoder.JSONDecoder.raw_decode(urllib.parse.quote.safe)
    hashlib.sha256.hexdigest.upper(base64.b64encode.decode.strip)
    return requests.adapters.HTTPAdapter.send(key_{s}{extra})
'''
SYNC_CLOUD = '''
def sync_{s}(key_{s}):
    boto3.session.Session.client(botocore.config.Config.retries)
    yaml.loader.SafeLoader.construct(ruamel.yaml.YAML.typ)
    zlib.crc32.to_bytes.hex(binascii.hexlify.decode.lower)
    return boto3.s3.transfer.S3Transfer.upload(key_{s}{extra})
'''


def test_units_calling_different_libraries_are_not_one_pattern():
    """Structures 97% alike; acl and feed call one set of libraries, mod and search another."""
    shapes = []
    for s in ("acl", "feed"):
        shapes += shapes_of(s, SYNC_WEB.format(s=s, extra=""), "sync.py")
    for s in ("mod", "search"):
        shapes += shapes_of(s, SYNC_CLOUD.format(s=s, extra=", 1"), "sync.py")
    assert sorted(by_name(cluster(shapes))) == [("sync_acl", "sync_feed"), ("sync_mod", "sync_search")]
    same_libraries = shapes[:len(shapes) // 2]
    for s in ("mod", "search"):
        same_libraries += shapes_of(s, SYNC_WEB.format(s=s, extra=", 1"), "sync.py")
    assert sorted(by_name(cluster(same_libraries))) == [("sync_acl", "sync_feed", "sync_mod", "sync_search")]


CLAMP = '''
def clamp_{s}(value_{s}, low, high):
    if value_{s} < low:
        return low
    if value_{s} > high:
        return high
{guard}    return value_{s}
'''


def test_small_units_must_be_nearly_identical_to_cluster():
    """26 and 33 tokens, 0.88 alike: enough for big units (0.8), not for small ones (0.9)."""
    shapes = []
    for s in ("acl", "feed"):
        shapes += shapes_of(s, CLAMP.format(s=s, guard=""), "clamp.py")
    for s in ("mod", "search"):
        shapes += shapes_of(s, CLAMP.format(s=s, guard=f"    if value_{s} is None:\n        return low\n"), "clamp.py")
    assert sorted(by_name(cluster(shapes))) == [("clamp_acl", "clamp_feed"), ("clamp_mod", "clamp_search")]


ACCESSOR = '''
def {name}(record, default=None):
    value = record.get("{name}", default)
    return value if value is not None else default
'''


@pytest.mark.parametrize("copies, reported", [(2, True), (3, False)])
def test_a_shape_repeated_more_than_twice_per_consumer_is_an_idiom_not_a_candidate(tmp_path, copies, reported):
    """Through a real pass: acl, feed and mod each hold `copies` accessors of one shape (amid
    code of their own, so the file is not the repeating unit)."""
    fleet = make_fleet(tmp_path / "fleet", merged=())
    for sub, tree in fleet.worktrees.items():
        names = [f"{sub}_field_{i}" for i in range(copies)]
        write(tree, {f"lib/{sub}/fields.py": unique_module(sub, 7) + "".join(ACCESSOR.format(name=n) for n in names)})
        commit_all(tree, "fields")
    (tmp_path / "rules").mkdir()
    snapshot, _ = run_pass(ScanRequest(fleet.repo, tmp_path / "rules", tmp_path / "out", None, jobs=1))
    accessors = [c for c in snapshot["candidates"] if "_field_" in c["name"]]
    assert len(accessors) == reported
    if reported:
        assert accessors[0]["consumers"] == ["acl", "feed", "mod"] and len(accessors[0]["instances"]) == 6


@pytest.mark.parametrize("min_tokens, shown", [(120, "too thin"), (180, None)])
def test_units_under_half_of_min_tokens_never_cluster_and_are_counted(tmp_path, min_tokens, shown):
    """The retry shape has 72 tokens: under min_tokens 120 it is a candidate the gate keeps
    watching as too thin; under half of 180 it never even clusters, and scan.filtered counts it."""
    fleet = make_fleet(tmp_path / "fleet", merged=())
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "radar.yaml").write_text(f"gate:\n  min_tokens: {min_tokens}\n")
    snapshot, _ = run_pass(ScanRequest(fleet.repo, tmp_path / "rules", tmp_path / "out", None, jobs=1))
    retry = [c for c in snapshot["candidates"] if c["name"].startswith("retry_")]
    if shown:
        assert retry[0]["tokens"] == 72 and f"too thin: 72 tokens, needs {min_tokens}" in retry[0]["missing"]
    else:
        assert retry == [] and snapshot["scan"]["filtered"]["thin_units"] >= 3


TALLY = '''
def tally_{s}(rows_{s}, key):
    counts = {{}}
    for row in rows_{s}:
        value = row.get(key)
        counts[value] = counts.get(value, 0) + 1
{pad}    return sorted(counts.items())
'''
TALLY_MORE = "    if not counts:\n        return []\n    top = max(counts.values())\n"


def tally_pair(pad: str):
    """A tally unit in acl, and in mod the same with three more statements (0.85 alike)."""
    shapes = shapes_of("acl", TALLY.format(s="acl", pad=pad)) + shapes_of("mod", TALLY.format(s="mod", pad=pad + TALLY_MORE))
    return shapes, sorted(s.size for s in shapes if s.kind == "function")


def test_small_means_under_50_tokens_and_the_floor_is_inclusive():
    shapes, sizes = tally_pair("    pass\n")
    assert sizes == [50, 67]
    assert [c.subsystems for c in cluster(shapes)] == [("acl", "mod")]  # 50 tokens: linked at 0.8
    assert [c.subsystems for c in cluster(shapes, floor=50)] == [("acl", "mod")]
    assert cluster(shapes, floor=51) == ()
    shapes, sizes = tally_pair("")
    assert sizes == [49, 66] and cluster(shapes) == ()  # 49 tokens: small, needs 0.9


def test_clusters_updated_from_an_earlier_index_are_the_clusters_from_scratch():
    shapes = fleet_shapes()
    _, earlier = cluster_from(shapes[:-3], None)
    assert cluster_from(shapes, earlier)[0] == cluster(shapes)


MIX = '''
def mix_{s}(a_{s}, b_{s}, c_{s}):
    d_{s} = a_{s} + b_{s} * c_{s}
    e_{s} = d_{s} - a_{s} / b_{s}
    f_{s} = e_{s} + d_{s} * c_{s}
    g_{s} = f_{s} - e_{s} + a_{s}
    h_{s} = g_{s} * f_{s} - b_{s}
{extra}    return h_{s} + g_{s} - c_{s}
'''


def test_renamed_near_miss_copies_still_link_their_own_names_are_not_vocabulary():
    """Every name differs per subsystem (each used by one only): they are not shared vocabulary,
    so the copies link on structure alone, the extra guard in mod and search included."""
    shapes = []
    for s in ("acl", "feed"):
        shapes += shapes_of(s, MIX.format(s=s, extra=""))
    for s in ("mod", "search"):
        shapes += shapes_of(s, MIX.format(s=s, extra=f"    if a_{s} > b_{s}:\n        return c_{s}\n"))
    assert sorted(by_name(cluster(shapes))) == [("mix_acl", "mix_feed", "mix_mod", "mix_search")]


def test_clustering_reports_its_progress_up_to_the_last_pair():
    """Every 500 pairs and at the last one: here a few pairs, so once, at the end."""
    seen = []
    cluster(fleet_shapes(), progress=lambda done, total: seen.append((done, total)))
    assert len(seen) == 1 and seen[0][0] == seen[0][1] and 0 < seen[0][1] < 500


def test_vocabulary_is_what_a_quarter_of_the_subsystems_share():
    """Twelve subsystems: a quarter is 3, so the libraries that only acl and feed (or only mod
    and search) call are their own words, not shared vocabulary, and the four copies link."""
    shapes = []
    for s in ("acl", "feed"):
        shapes += shapes_of(s, SYNC_WEB.format(s=s, extra=""), "sync.py")
    for s in ("mod", "search"):
        shapes += shapes_of(s, SYNC_CLOUD.format(s=s, extra=", 1"), "sync.py")
    for n, s in enumerate(("geo", "inbox", "ledger", "media", "notify", "orders", "pay", "queue")):
        shapes += shapes_of(s, PAGINATE.format(name=f"{s}_page", n=n), "page.py")
    assert ("sync_acl", "sync_feed", "sync_mod", "sync_search") in by_name(cluster(shapes))


WORK_STATEMENTS = ["    total += 1\n", "    items.append(total)\n", "    if total > 3:\n        total = 0\n",
                   "    print(total)\n", "    del items[0]\n", "    total = -total\n", "    assert items\n", "    items.sort()\n",
                   "    items.reverse()\n", "    total = total * 3\n", "    items.extend(items)\n"]
WORK = '''
def work_{i}(items, total):
    for item in items:
        total = total + item * 2
        if item is None:
            continue
{a}    result = [total, len(items), items[0] if items else None]
{b}    return result, total
'''


def test_a_big_component_reports_progress_every_500_pairs_and_is_trimmed_around_its_medoid():
    """110 variants (two statements of eleven, in order) in 110 subsystems: one component past the
    all-pairs limit (60 groups), so the medoid and the trim come from verified edges alone."""
    shapes = []
    for i, (a, b) in enumerate(itertools.permutations(range(len(WORK_STATEMENTS)), 2)):
        shapes += shapes_of(f"s{i:02d}", WORK.format(i=i, a=WORK_STATEMENTS[a], b=WORK_STATEMENTS[b]), "w.py")
    seen = []
    found = cluster(shapes, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(500, 626), (626, 626)]
    assert [(len(c.members), round(c.similarity, 3)) for c in found] == [(68, 0.918), (42, 0.891)]


def test_a_single_candidate_pair_is_reported_once_verified():
    seen = []
    cluster(tally_pair("    pass\n")[0], progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 1)]


# ---------------------------------------------------------------- the link thresholds, exactly

def _unit(subsystem: str, blind: str, names: str | None = None, path: str = "m.py", kind: str = "function"):
    from radar.stages.shape import Shape, sample_shingles

    return Shape(subsystem, f"lib/{subsystem}/{path}", "python", kind, "f", 1, 9, len(blind), f"e{subsystem}{path}",
                 blind, names if names is not None else blind, sample_shingles(blind))


def _codes(start: int, count: int) -> str:
    return "".join(chr(0xF0000 + start + i) for i in range(count))


def test_two_units_exactly_at_the_link_similarity_link():
    """50 tokens each, the last 10 different: 2·40 / 100 = 0.80, the threshold itself."""
    common = _codes(0, 40)
    other = dataclasses.replace(_unit("feed", common + _codes(200, 10)), name="g")  # no content pair: linked as alike
    found = cluster([_unit("acl", common + _codes(100, 10)), other])
    assert [round(c.similarity, 4) for c in found] == [0.8]


def test_a_modified_copy_exactly_at_its_link_similarity_links():
    """100 tokens each, 40 different: 2·60 / 200 = 0.60; three rare words in common."""
    says = _codes(900, 3)
    found = cluster([dataclasses.replace(_unit("acl", _codes(0, 60) + _codes(100, 40)), vocab=says, behaviour=3),
                     dataclasses.replace(_unit("feed", _codes(0, 60) + _codes(200, 40)), vocab=says, behaviour=3,
                                         name="g")])
    assert [(round(c.similarity, 4), c.nature) for c in found] == [(0.6, "logic")]


def test_copies_most_of_which_call_and_branch_nowhere_have_no_behaviour():
    """valtimo's Angular components' constructors, their services injected and nothing done, a
    few also calling `super()` or registering an icon: one of those few the medoid, the cluster
    had been logic and its first proposal. Most calling nothing, it has no behaviour."""
    says = _codes(900, 3)
    copies = [dataclasses.replace(_unit(name, _codes(0, 60)), vocab=says, behaviour=0, name=f"f{n}")
              for n, name in enumerate(("acl", "feed", "mod", "search"))]

    def nature(calling: int) -> str:
        units = [dataclasses.replace(unit, behaviour=3) if n < calling else unit for n, unit in enumerate(copies)]
        [found] = cluster(units)
        assert found.representative.behaviour == 3
        return found.nature

    assert nature(1) == "no behaviour"
    assert nature(2) == "logic"  # half of them call: their logic


def test_shared_vocabulary_exactly_at_its_threshold_links():
    """Identical structure but for one token; 19 of the 50 names differ, each a name both
    subsystems use (shared vocabulary, kept): 2·30 / 100 = 0.60, the vocabulary threshold."""
    from radar.stages.shape import IDENTIFIER, NAME_PLANE

    ours = [chr(NAME_PLANE + 1000 + i) for i in range(19)]
    theirs = [chr(NAME_PLANE + 2000 + i) for i in range(19)]
    keywords = _codes(0, 30)
    blind_a = IDENTIFIER * 19 + keywords + _codes(500, 1)
    blind_b = IDENTIFIER * 19 + keywords + _codes(600, 1)
    carrier = _codes(900, 40)  # one module per subsystem that uses every name: all are vocabulary
    shapes = [_unit("acl", blind_a, "".join(ours) + keywords + _codes(500, 1)),
              _unit("feed", blind_b, "".join(theirs) + keywords + _codes(600, 1)),
              _unit("acl", carrier, "".join(ours + theirs) + carrier[38:], "all.py", "module"),
              _unit("feed", carrier[::-1], "".join(theirs + ours) + carrier[:2], "all.py", "module")]
    linked = [c for c in cluster(shapes) if {m.path for m in c.members} == {"lib/acl/m.py", "lib/feed/m.py"}]
    assert len(linked) == 1 and round(linked[0].similarity, 2) == 0.98


# --- blocks: a run of statements pasted inside different functions ----------------------------

RECORD_MESSAGES = '''
    if {guard}:
        normalized = normalize_message_roles(messages)
        scope = sentry_scope.get_current_scope()
        recorded = (
            truncate_and_annotate_messages(normalized, span, scope)
            if should_truncate_input(client.options)
            else normalized
        )
        if recorded is not None:
            set_data_normalized(span, "gen_ai.request.messages", recorded, unpack=False)
'''
HOSTS = [  # each subsystem's own function around the pasted block: alike in nothing else
    "def start_{s}(span, kwargs, client):\n    model = kwargs.get('model')\n    if model is None:\n"
    "        raise ValueError('no model given for ' + repr(kwargs))\n    span.set_data('model', model)\n"
    "    for key in ('temperature', 'top_p', 'max_tokens'):\n        if key in kwargs:\n"
    "            span.set_data(key, kwargs[key])\n    messages = kwargs.get('messages')\n{block}    return span\n",
    "def record_{s}(span, request):\n    client = request.client\n"
    "    messages = [m.text for m in request.parts if m.kind == 'text']\n"
    "    with open(request.log_path, 'a') as log:\n        log.write(str(len(messages)))\n"
    "    while request.pending:\n        request.pending.pop().cancel()\n{block}",
    "async def invoke_{s}(agent, span, client):\n    messages = await agent.history()\n    try:\n"
    "        await agent.warm_up(timeout=3.5)\n    except TimeoutError:\n"
    "        span.set_status('deadline_exceeded')\n        return None\n{block}    span.finish()\n"
    "    return await agent.run(messages, stream=True)\n",
]


def test_a_block_pasted_inside_different_functions_is_a_candidate_at_the_block():
    shapes = []
    for n, s in enumerate(("acl", "feed", "mod")):
        shapes += shapes_of(s, HOSTS[n].format(s=s, block=RECORD_MESSAGES.format(guard="messages")), "ai.py")
    [found] = cluster(shapes)
    assert {m.kind for m in found.members} == {"block"} and found.subsystems == ("acl", "feed", "mod")
    assert [(m.name, m.end_line - m.start_line) for m in found.members] == [
        ("start_acl", 8), ("record_feed", 8), ("invoke_mod", 8)]


def test_a_long_block_pasted_thrice_in_each_consumer_is_duplication_not_an_idiom():
    """More than two copies per consumer is an idiom for small habits (accessors); a long block
    saying the same rare things in every copy is more duplication, not less."""
    shapes = []
    for n, s in enumerate(("acl", "feed", "mod")):
        thrice = "".join(RECORD_MESSAGES.format(guard=guard) for guard in ("messages", "len(messages) > 1", "retry"))
        shapes += shapes_of(s, HOSTS[n].format(s=s, block=thrice), "ai.py")
    [found] = cluster(shapes)
    assert not is_idiom(found) and len(found.members) == 9 and found.nature == "logic"


def test_blocks_alike_only_in_shape_are_not_reported():
    """The same guard-and-call syntax saying different things in each function: nothing to extract."""
    words = ["normalize_message_roles", "sentry_scope", "truncate_and_annotate_messages", "should_truncate_input",
             "set_data_normalized", "gen_ai.request.messages", "normalized", "recorded", "scope", "unpack", "client"]
    said = [words, [f"{w}_{n}" for n, w in enumerate(("tidy", "ctx", "cut", "too_long", "store", "key", "norm",
                                                       "kept", "place", "flat", "conf"))],
            [f"{w}{n}" for n, w in enumerate(("wash", "env", "clip", "big", "keep", "field", "clean", "saved",
                                               "area", "spread", "cfg"))]]
    shapes = []
    for n, s in enumerate(("acl", "feed", "mod")):
        block = RECORD_MESSAGES.format(guard="messages")
        for old, new in zip(words, said[n]):
            block = re.sub(rf"\b{re.escape(old)}\b", new, block)
        shapes += shapes_of(s, HOSTS[n].format(s=s, block=block), "ai.py")
    assert cluster(shapes) == ()


SPLIT = '''
def split_partition(self, partition, tree):
    first = self.Partition(0, partition.table.copy())
    second = self.Partition(0, partition.table.copy())
    for edge in tree.edges:
        if edge not in partition.table:
            first.table[edge] = EdgePartition.EXCLUDED
            second.table[edge] = EdgePartition.INCLUDED
            self.write_partition(first)
            spanning = partition_spanning_tree(self.graph, self.minimum, self.weight, self.key)
            if nx.is_connected(spanning):
                first.weight = spanning.size(weight=self.weight)
                self.queue.put(first.copy())
            first.table = second.table.copy()
        else:
            second.table[edge] = EdgePartition.INCLUDED
    self.clear_partition(tree)
'''


def test_a_function_that_is_mostly_one_block_clusters_as_the_function():
    """Its loop body is 0.8 alike to the whole function: blocks pair only with blocks, so the
    copies are reported as the functions they are, not as their loop bodies."""
    shapes = []
    for s in ("acl", "feed", "mod", "search"):
        shapes += shapes_of(s, "import os\n" + SPLIT, "split.py")
    [found] = cluster(shapes)
    assert [(m.kind, m.name) for m in found.members] == [("function", "split_partition")] * 4



MODULE = '''<?php

namespace Appwrite\\Platform\\Modules\\{name};

use Appwrite\\Platform\\Modules\\{name}\\Services\\Http;
use Appwrite\\Platform\\Modules\\{name}\\Services\\Workers;
use Utopia\\Platform;

class Module extends Platform\\Module
{{
    public function __construct()
    {{
        $this->addService('http', new Http());
        $this->addService('workers', new Workers());
    }}
}}
'''


def test_a_small_php_class_under_its_header_is_reported_as_the_class_not_as_its_module():
    """appwrite's 21 `Module.php`: most of each file is `namespace` and `use` lines, the module's
    shape theirs; the copies are the class, which is what the gate then finds too thin."""
    shapes = []
    for name in ("Account", "Databases", "Storage"):
        work = FileWork(name, f"Modules/{name}/Module.php", "/nonexistent", "php", None)
        shapes += _bind(work, analyse_bytes(MODULE.format(name=name).encode(), "php")).shapes
    assert [(c.representative.kind, c.representative.name, len(c.members)) for c in cluster(shapes)] == \
        [("class", "Module", 3)]


RESOURCE = """require_relative 'portal_base'

module Spaceship
  module Portal
    class {name} < PortalBase
      attr_accessor :{key}_id
      attr_accessor :name

      class << self
        def all
          client.{key}s.map {{ |item| self.factory(item) }}
        end

        def create!(identifier: nil, name: nil)
          created = client.create_{key}!(name, identifier)
          self.new(created)
        end

        def find(identifier)
          all.find do |item|
            item.identifier == identifier
          end
        end
      end

      def delete!
        client.delete_{key}!({key}_id)
        self
      end
    end
  end
end
"""


def test_a_namespace_around_one_class_is_reported_as_the_class():
    """fastlane's portal resources, each `module Spaceship; module Portal; class AppGroup`: the
    copies are the classes, named as such, not five namespaces all called `Portal`."""
    shapes = []
    for name, key in (("AppGroup", "app_group"), ("Merchant", "merchant"), ("Passbook", "passbook")):
        work = FileWork(key, f"portal/{key}.rb", "/nonexistent", "ruby", None)
        shapes += _bind(work, analyse_bytes(RESOURCE.format(name=name, key=key).encode(), "ruby")).shapes
    assert [sorted(m.name for m in c.members) for c in cluster(shapes)] == [["AppGroup", "Merchant", "Passbook"]]
