"""Folders their siblings say are no part of a project's own code, whatever each is named alone:
a generator's starters side by side (`template-*`, `skel-*`, `starter-kit-*`), packages' own
apps to try their components in (`sandbox/`), a build's test source sets beside `src/` (`it/`,
`tst-253+/`), a test suite's fixtures named for tests side by side (`TestCanCancelOrders/` …), a
`<Name>Test/` beside the `<Name>/` it tests, an `integration/` holding its tests, and an `archive/`
repeating the folders beside it, the code retired into it. excludes.py
writes an exclude for each, with the source files it keeps out."""
from __future__ import annotations

import fnmatch
import re
from collections import Counter, defaultdict

# a project generator's starters, one folder each (create-vite's `template-react`, `template-vue-ts` …,
# sixteen): each is copied whole into a new project, so they repeat each other on purpose; and meteor's
# thirteen `tools/static-assets/skel-react` …, gluestack-ui's `apps/starter-kit-expo` … (not `starter-*`
# alone: camunda's Spring Boot starters are libraries)
SCAFFOLDS_NAMED = ("template-*", "skel-*", "starter-kit-*")
SCAFFOLDS = 3  # such folders side by side that make a generator's starters
TESTED_FOLDER = re.compile(r"([A-Z][A-Za-z0-9]*[a-z0-9])Test")  # `MethodRewriterTest`: the tests of `MethodRewriter`
# a test source set built for some versions of what it runs on only: `tst-253+`, `it-242-253`
VERSIONED_TESTS = re.compile(r"(?:tst|test|tests|it)-\d[\w.+-]*")
DEV_APP_NAMES = ("sandbox", "playground")  # a package's own app to try its components in (dev_apps)
DEV_APPS = 3  # packages keeping one that make them all packages' dev apps
TEST_FIXTURE = re.compile(r"Test[A-Z0-9_]\w*")  # a folder named for a test in camel case: `TestCanCancelOrders`
TEST_FIXTURES = 10  # such folders side by side that make a test suite's fixtures (test_fixtures)
FIXTURES_SHARE = 0.8  # ...and of their folder's folders, this share makes them all fixtures
RETIRED_NAMES = frozenset({"archive", "archived", "deprecated", "retired"})  # what code moved aside is kept in
RETIRED_MIRRORED = 3  # its folders found again beside it, from this many (retired_copies)


def tests_of_a_folder(sources: list[str]) -> Counter:
    """A camel-case `<Name>Test/` beside the folder `<Name>/` it tests, or inside it: a C++
    project's test programs (newrelic-dotnet-agent's profiler, `MethodRewriterTest/` beside
    `MethodRewriter/`, `Sicily/SicilyTest/`, whose test templates' `ToString` had been its only
    proposal). A `SpeedTest/` feature beside no `Speed/` is code."""
    folders = _folders_of(sources)
    found: Counter = Counter()
    for f in sources:
        parts = f.split("/")[:-1]
        for at, name in enumerate(parts):
            tested = TESTED_FOLDER.fullmatch(name)
            if tested and ((at and parts[at - 1] == tested[1]) or "/".join([*parts[:at], tested[1]]) in folders):
                found[("/".join(parts[:at + 1]) + "/**", "tests")] += 1
                break
    return found


def integration_suites(sources: list[str]) -> Counter:
    """An `integration/` folder holding a `test/` or `tests/` folder: an integration test suite,
    with what its tests set up beside them (Moralis-JS-SDK's five packages' `integration/setup.ts`,
    a mock server started for each, had been its first proposal). An `integration/` of code, with
    no tests of its own in it, stays."""
    suites = {"/".join(parts[:at + 1]) for parts in (f.split("/") for f in sources)
              for at, name in enumerate(parts[:-2]) if name == "integration" and parts[at + 1] in ("test", "tests")}
    found: Counter = Counter()
    for f in sources:
        suite = next((s for s in suites if f.startswith(s + "/")), None)
        if suite is not None:
            found[(suite + "/**", "tests")] += 1
    return found


def retired_copies(sources: list[str]) -> Counter:
    """A folder named `archive`, `deprecated` … (RETIRED_NAMES) whose folders two deep repeat,
    RETIRED_MIRRORED or more, those at the same place in a sibling folder or in its parent: the code
    it was moved out of, kept retired beside it (beefy's `contracts/archive/` beside `contracts/BIFI/`,
    `strategies/Aave`, `interfaces/common` … in both: 202 archived strategies' `withdraw` had been
    its first proposal; defisaver's root `deprecated/`, its `contracts/utils` … as at the root). A
    feature named `archive`, its `components/` and `hooks/` like every feature's, is code."""
    folders = _folders_of(sources)
    retired: list[str] = []
    for folder in sorted(folders):
        parent, _, name = folder.rpartition("/")
        if name.lower() not in RETIRED_NAMES or any(folder.startswith(r + "/") for r in retired):
            continue
        deep = [d[len(folder) + 1:] for d in folders if d.startswith(folder + "/") and "/" in d[len(folder) + 1:]]
        bases = [parent, *(f for f in folders if f.rpartition("/")[0] == parent and f != folder)]
        if any(sum(f"{base}/{rest}".lstrip("/") in folders for rest in deep) >= RETIRED_MIRRORED for base in bases):
            retired.append(folder)
    return Counter({(f"{folder}/**", "retired code"): sum(f.startswith(folder + "/") for f in sources)
                    for folder in retired})


def scaffolds(sources: list[str]) -> Counter:
    """`parent/template-*/**` (or `skel-*`, `starter-kit-*`) where SCAFFOLDS or more starters lie side by side,
    with the source files they hold (a lone `template-engine/` is code)."""
    held: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for f in sources:
        parts = f.split("/")[:-1]
        for at, name in enumerate(parts):
            named = next((pattern for pattern in SCAFFOLDS_NAMED if fnmatch.fnmatchcase(name, pattern)), None)
            if named:
                held["/".join(parts[:at]), named][name] += 1
                break
    return Counter({(f"{parent}/{named}/**" if parent else f"{named}/**", "examples"): sum(found.values())
                    for (parent, named), found in held.items() if len(found) >= SCAFFOLDS})


def dev_apps(sources: list[str]) -> Counter:
    """`**/sandbox/**` (or `playground`) where DEV_APPS packages or more each keep one: the app a
    package's developers mount its components in while writing them (Kong's public-ui-components,
    36 `packages/*/*/sandbox/`, whose copied pages had been its second and third proposals). One
    or two are code as often (a VM's `server/sandbox`, a tool's `playground`)."""
    held: dict[str, set[str]] = defaultdict(set)
    for f in sources:
        parts = f.split("/")[:-1]
        for at, name in enumerate(parts):
            if name in DEV_APP_NAMES:
                held[name].add("/".join(parts[:at]))
                break
    return Counter({(f"**/{name}/**", "examples"): sum(1 for f in sources if f"/{name}/" in f"/{f}")
                    for name, parents in held.items() if len(parents) >= DEV_APPS})


def test_source_sets(sources: list[str]) -> Counter:
    """`parent/it/**` beside `parent/src/` (a build's integration tests' source set: the AWS
    Toolkit for JetBrains' `it/`, whose copied `samIsExecuted` x 3 had been its first proposal;
    Maven's `src/it/` is excludes.MAVEN_TESTS), and a test source set built for some versions
    only, beside `src/`: its `tst-253+/`, `it-242-253/`. A lone `it/` is an Italian translation's
    as often."""
    folders = _folders_of(sources)
    found: Counter = Counter()
    for f in sources:
        parts = f.split("/")[:-1]
        for at, name in enumerate(parts):
            parent = "/".join(parts[:at])
            beside = f"{parent}/src" if parent else "src"
            if (name == "it" or VERSIONED_TESTS.fullmatch(name)) and beside in folders:
                found[(f"{parent}/{name}/**" if parent else f"{name}/**", "tests")] += 1
                break
    return found


def test_fixtures(sources: list[str]) -> Counter:
    """`parent/Test*/**` where TEST_FIXTURES folders or more side by side are named for a test, in
    camel case, with the source files they hold: each a fixture a test runs (jesse's 144
    `jesse/strategies/TestCanCancelEntryOrdersAfterOpenPositionLong1/` …, its fleet and first
    proposal); `parent/*/**` where those are most of its folders, the others fixtures as well
    (jesse's `RealStrategyRegression1/` …), the parent's own files kept (its `Strategy.py`, the base
    they extend). A lone `TestUtils/` is left to the rest."""
    fixtures: dict[str, set[str]] = defaultdict(set)
    for f in sources:
        parts = f.split("/")[:-1]
        at = next((at for at, name in enumerate(parts) if TEST_FIXTURE.fullmatch(name)), None)
        if at is not None:
            fixtures["/".join(parts[:at])].add(parts[at])
    found = Counter()
    for parent, named in fixtures.items():
        if len(named) < TEST_FIXTURES:
            continue
        held = Counter(rest.partition("/")[0] for rest in (_below(parent, f) for f in sources) if rest and "/" in rest)
        every = len(named) >= FIXTURES_SHARE * len(held)
        pattern = "*" if every else "Test*"
        found[(f"{parent}/{pattern}/**" if parent else f"{pattern}/**", "tests")] = \
            sum(n for child, n in held.items() if every or child in named)
    return found


def _folders_of(sources: list[str]) -> set[str]:
    """Every folder holding a source file, at any depth below the top."""
    return {"/".join(parts[:at]) for parts in (f.split("/") for f in sources) for at in range(1, len(parts))}


def _below(folder: str, path: str) -> str | None:
    """`path` inside `folder` ("" the top), or None where it is not in it."""
    if not folder:
        return path
    return path[len(folder) + 1:] if path.startswith(folder + "/") else None


def scaffold_glob(glob: str) -> bool:
    """Whether an exclude is scaffolds'; layout.py reads no fleet in them either."""
    return glob.endswith(tuple(f"{named}/**" for named in SCAFFOLDS_NAMED))
