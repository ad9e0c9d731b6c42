"""Small real inputs for stage tests: shapes from real parses, fleets as plain dataclasses."""
from datetime import datetime, timedelta, timezone

from radar.stages.analyse import FileWork, _bind, analyse_bytes
from radar.stages.discover import Fleet, SourceFile, Subsystem

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
