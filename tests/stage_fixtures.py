"""Small real inputs for stage tests: shapes from real parses, fleets as plain dataclasses."""
import dataclasses
from datetime import datetime, timedelta, timezone

from radar.config import Match, Route, Rules
from radar.stages.analyse import _bind, analyse_bytes
from radar.stages.reading import FileWork
from radar.stages.cluster import cluster
from radar.stages.deps import Dependencies, Edge
from radar.stages.discover import Fleet, SourceFile, Subsystem
from radar.stages.gate import gate

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)

HARNESS = '''
def run_suite(name, tests, timeout={n}):
    passed, failed = 0, []
    for test in tests:
        try:
            result = test(timeout=timeout)
        except Exception as error:
            failed.append((test.__name__, repr(error)))
            continue
        if result:
            passed += 1
        else:
            failed.append((test.__name__, "returned false"))
    print("%s: %d passed, %d failed" % (name, passed, len(failed)))
    return passed, failed
'''


def shapes(subsystem: str, source: str, path: str, language: str = "python"):
    work = FileWork(subsystem, path, "/nonexistent", language, None)
    return list(_bind(work, analyse_bytes(source.encode(), language)).shapes)


def fleet(*subsystems: Subsystem, kind: str = "git") -> Fleet:
    return Fleet("/repo", kind, tuple(subsystems), 0, (), NOW)


def subsystem(name: str, paths: list[str], age: timedelta = timedelta(days=30), dirty: bool = False,
              source: str = "worktree", active: bool = False) -> Subsystem:
    files = tuple(SourceFile(p, f"/repo/{p}", None, NOW - age, dirty) for p in paths)
    return Subsystem(name, source, f"/repo/{name}", f"lib/{name}", None, None, files, NOW - age,
                     tuple(paths) if dirty else (), active, "committed 1 h ago" if active else "quiet")


# a helper and its near-variant (one family: the variant is listed with the helper)
RANDOM_ID = '''
def random_id(size=12):
    chars = list(range(10)) + list(string.ascii_lowercase)
    return "".join(str(random.choice(chars)) for _ in range(size))
'''
RANDOM_ID_VARIANT = '''
def random_resource_id(size=20, prefix=""):
    chars = list(range(10)) + list(string.ascii_lowercase) + list(string.ascii_uppercase)
    if not prefix:
        prefix = random.choice(string.ascii_uppercase)
    body = "".join(str(random.choice(chars)) for _ in range(size))
    return prefix + body
'''


ROUTE = Route("conformance / test harness", "lib/guest", Match(names=("run_suite",)))


def judge(names, rules=Rules(routing=(ROUTE,)), deps=None, others=(), defined_by=None, kind=None,
          other_files=None, **subsystem_options):
    found = []
    for n, name in enumerate(names):
        found += shapes(name, HARNESS.format(n=n), f"lib/{name}/harness.py")
    clusters = cluster(found)
    assert len(clusters) == 1
    if kind is not None:  # the same copies as another unit (a block, part of its function)
        members = tuple(dataclasses.replace(m, kind=kind) for m in clusters[0].members)
        clusters = (dataclasses.replace(clusters[0], members=members),)
    if defined_by is not None:  # what cluster() finds defined elsewhere: test_cluster.py
        clusters = (dataclasses.replace(clusters[0], defined_by=defined_by),)
    subs = []
    for name in names:
        options = dict(subsystem_options.get(name, {}))
        listed = options.pop("listed", True)  # False: the fleet does not list the copy's file
        subs.append(subsystem(name, [f"lib/{name}/harness.py"] if listed else [], **options))
    subs += [subsystem(name, (other_files or {}).get(name, [f"lib/{name}/core.py"])) for name in others]
    if deps is None:
        return gate((("C-000001", clusters[0]),), fleet(*subs), rules)[0]
    return gate((("C-000001", clusters[0]),), fleet(*subs), rules, deps=deps)[0]


def graph(*uses: tuple[str, str], near: tuple[str, ...] = ()) -> Dependencies:
    """(source, target) edges, each with one referencing file; `near`: sources whose copy
    (lib/<source>/harness.py) is that file, else another file of theirs is."""
    names = sorted({n for edge in uses for n in edge})
    edges = tuple(Edge(a, b, 1, (f"lib/{a}/{'harness' if a in near else 'other'}.py:3",)) for a, b in sorted(uses))
    by_file = tuple((a, f"lib/{a}/{'harness' if a in near else 'other'}.py", ((b, 3),)) for a, b in sorted(uses))
    return Dependencies(tuple(names), edges, by_file=by_file)
