"""Clustering: N-way clusters across subsystems, near-miss copies, the largest repeating unit,
and the same clusters whatever the input order. Real parser, real shapes."""
import random

from radar.stages.analyse import FileWork, _bind, analyse_bytes
from radar.stages.cluster import cluster

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


def test_same_clusters_whatever_the_input_order():
    shapes = fleet_shapes()
    expected = cluster(shapes)
    for seed in range(5):
        shuffled = shapes[:]
        random.Random(seed).shuffle(shuffled)
        assert cluster(shuffled) == expected
