"""Which packages of a fleet are one consumer of a candidate: forks of another for a later
version of what they integrate (named for it, or in folders differing by a version), builds of
one module for other targets (the same JVM classes), and one API typed once per tuple size.
gate.py counts a candidate's consumers by it; copies among them are one consumer's."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from radar.stages.discover import Subsystem

# what ends a fork's name after the name of what it forks: a major version (`-7`, `.v9`, `4`), or
# Java EE's move to the `jakarta` namespace; at most two digits (`pn532` is a chip, no fork of `pn`);
# a minor version after a dash too (kyuubi's `extension-spark-3-5`, `-4-0`: one per Spark version), and
# any patch, `x` (spark-rapids' `delta-22x`, `delta-41x`: one per Delta Lake release)
FORK_MARK = re.compile(r"(?:[-_.]?v?(?<!\d)\d{1,2}(?:[._]\d+|-\d{1,2})*(?:\.?x)?|[-_](?:jakarta|javax))$",
                       re.IGNORECASE)
# a version inside the name, on a word of it (Sentinel's `sentinel-apache-dubbo3-adapter` beside
# `sentinel-apache-dubbo-adapter`, `sentinel-spring-webmvc-v6x-adapter`; Exposed's `spring7-transaction`)
# or a word of its own (celeborn's `spark-3-columnar-shuffle`, `spark-3.5-…`, `spark-4-…`)
INNER_MARK = re.compile(r"(?<=[a-z])\d{1,2}(?=[-_.]|$)|[-_.]v\d{1,2}x?(?=[-_.]|$)|[-_]\d{1,2}(?:\.\d{1,2})?(?=[-_])",
                        re.IGNORECASE)
# a version written as one at the end of a module's name (rabbitmq's `rabbit_fifo_v1`): _unversioned
_VERSION_SUFFIX = re.compile(r"[-_.]v\d{1,2}$", re.IGNORECASE)
# a folder named for a version of a Kubernetes-style API, `v1alpha1`, `v1beta4`, `v2`: one tree of
# types and helpers per version the API serves, each kept as that version left it
API_VERSION = re.compile(r"v\d{1,2}(?:(?:alpha|beta)\d{0,2})?", re.IGNORECASE)
# the folders of Scala's cross-builds, one tree of packages per platform it compiles for (scalatest's
# `jvm/`, `js/`, `native/`, and `dotty/` for Scala 3): a package's trees are one consumer
PLATFORMS = ("jvm", "js", "native", "dotty")
FORK_FILES = 0.5  # of a fork's file names, at least this share are the forked package's...
COMMON = 3  # ...but for names the files of this many packages (forks aside) bear: `__init__.py`, `index.js`


def forks_of(subsystems: Iterable[Subsystem]) -> dict[str, str]:
    """Packages that fork another of the fleet, by name -> the forked one's: named as it but for a
    major version or Java's move to Jakarta at the end (sentry-java's `sentry-spring-7` and
    `sentry-spring-jakarta` beside `sentry-spring`; terraform's `internal/plugin6` beside
    `internal/plugin`, the gRPC protocol's 6 and 5) or on a word inside it (Sentinel's
    `sentinel-zuul2-adapter` beside `sentinel-zuul-adapter`), or, with no package of the bare
    name, as the family's earliest version (`rx3` beside `rx2`: _earlier_sibling); and most of
    their files named as its files (not dubbo's `netty4`, rewritten for Netty 4 beside
    `netty`'s): one integration for
    another generation of what it integrates, copied so that the old one can stay as it is. A
    version sharing too few file names with the first may fork the version before it, and so
    what that one forks (_previous_sibling).
    Copies among them are one consumer's (34 of sentry-java's 50 proposals were). So are packages
    in folders that differ by a version only (_in_versioned_folders), and sibling JVM packages
    declaring most of one another's classes, whatever their names (_same_classes), and packages
    named for a tuple's sizes (_arities). Never worktrees: `agent-2`
    beside `agent` is another agent's work, the fleet the radar is for."""
    packages = {s.name: s for s in subsystems if s.source == "package"}
    stems = {name: INNER_MARK.sub("", FORK_MARK.sub("", name)) for name in packages}  # a family's name
    versioned = _in_versioned_folders(packages)
    stems.update((name, stems[earliest]) for name, earliest in versioned.items())
    families: dict[str, list[str]] = defaultdict(list)  # stem -> its packages, once (47k icons: not one scan each)
    for name in packages:
        families[stems[name]].append(name)
    owners: dict[str, set[str]] = defaultdict(set)  # file name -> the stems of the packages holding one
    for name, package in packages.items():
        for file in package.files:
            owners[_unversioned(file.path.rpartition("/")[2], name)].add(stems[name])

    common = {file for file, stems_holding in owners.items() if len(stems_holding) >= COMMON}

    def named(package: Subsystem) -> set[str]:  # but for names many packages' files bear (`__init__.py`)
        return {_unversioned(f.path.rpartition("/")[2], package.name) for f in package.files} - common

    found = {}
    for name in sorted(packages, key=_by_version):  # a version after the one before it
        forked = next((packages[stem] for stem in (FORK_MARK.sub("", name), stems[name])
                       if stem != name and stem in packages), None) or _earlier_sibling(name, packages, stems, families)
        if forked is None:
            continue
        mine = named(packages[name])
        if mine and len(mine & named(forked)) >= FORK_FILES * len(mine):
            found[name] = forked.name
        elif mine and (before := _previous_sibling(name, packages, stems, families)) is not None \
                and _renews(mine, named(before)):
            found[name] = found.get(before.name, before.name)
    for name, forked in sorted(versioned.items(), key=lambda item: _by_version(packages[item[0]].namespace)):
        mine = named(packages[name])
        if name in found or not mine:
            continue
        if len(mine & named(packages[forked])) >= FORK_FILES * len(mine):
            found[name] = forked
        elif (before := _previous_version(name, versioned, packages)) is not None and _renews(mine, named(before)):
            found[name] = found.get(before.name, before.name)  # a rewrite's next version forks it
    for name, forked in (*_same_classes(packages).items(), *_arities(packages).items()):
        found.setdefault(name, found.get(forked, forked))
    return found


ARITIES = ("uni", "bi", "tri", "quad", "penta")  # a tuple's sizes, one package each: _arities


def _arities(packages: dict[str, Subsystem]) -> dict[str, str]:
    """Sibling packages named for a tuple's sizes, three or more, by name -> the smallest's:
    one API typed once per arity, Java having no variadic generics (Timefold's
    `collector/uni`, `bi`, `tri`, `quad`, each collector written four times; their copies had
    been its first two proposals), as a fork is one for another version."""
    families: dict[str, dict[str, str]] = defaultdict(dict)
    for name, package in packages.items():
        parent, _, leaf = package.namespace.strip("/").rpartition("/")
        if leaf in ARITIES:
            families[parent][leaf] = name
    found = {}
    for family in families.values():
        if len(family) >= 3:
            first = family[min(family, key=ARITIES.index)]
            found.update((name, first) for name in family.values() if name != first)
    return found


# where a JVM build keeps a source set's code: the path below it is the class's qualified name
JVM_SOURCES = re.compile(r"(?:^|/)src/[^/]+/(?:java|kotlin|scala|groovy)/")
JVM_SUFFIXES = (".java", ".kt", ".scala", ".groovy")


def _same_classes(packages: dict[str, Subsystem]) -> dict[str, str]:
    """Sibling JVM packages, by name -> the earlier's, most of whose classes the earlier declares
    too under the same qualified name: builds of one module for other targets, which no classpath
    holds together, whatever their names say (spark-rapids' `delta-spark330db`, `…332db`,
    `…350db143`, one per Databricks runtime, whose copies had been its first proposals;
    wire-android's `analytics-enabled` and `analytics-disabled`, one per build flavour). Peers
    declare their own packages."""
    classes = {name: _jvm_classes(package) for name, package in packages.items()}
    siblings: dict[str, list[str]] = defaultdict(list)
    for name, package in packages.items():
        if len(classes[name]) >= 2:
            siblings[package.namespace.strip("/").rpartition("/")[0]].append(name)
    forked = {}
    for family in siblings.values():
        ordered = sorted(family, key=_by_version)
        for at, name in enumerate(ordered):
            mine, least = classes[name], max(2, FORK_FILES * len(classes[name]))
            earlier = next((other for other in ordered[:at] if len(mine & classes[other]) >= least), None)
            if earlier is not None:
                forked[name] = forked.get(earlier, earlier)
    return forked


def _jvm_classes(package: Subsystem) -> set[str]:
    """A package's JVM classes as the paths below their source set's root (`com/x/Y.scala`)."""
    prefix = package.namespace.strip("/") + "/"
    found = set()
    for file in package.files:
        inside = file.path[len(prefix):] if file.path.startswith(prefix) else file.path
        root = JVM_SOURCES.search(inside) if inside.endswith(JVM_SUFFIXES) else None
        if root is not None:
            found.add(inside[root.end():])
    return found


def _unversioned(file: str, package: str = "") -> str:
    """A file's name but for a version written as one at the end of its stem (`_v1`, `-v2`): a
    module that is its package (rabbitmq's `rabbit_fifo_v1.erl`, the quorum queue's machine as
    version 1 left it, beside `rabbit_fifo.erl`) bears the version its package's name does. A
    bare number is none (OpenZeppelin's `CAIP10.sol` and `CAIP2.sol`, two standards), but the
    one its package is named for (openrewrite's `rewrite-java-17` and its
    `ReloadableJava17ParserVisitor.java`, `rewrite-java-11`'s `ReloadableJava11…`: one parser per
    JDK, compiled against its javac, whose 19k-token copy had been the first proposal)."""
    stem, dot, suffix = file.rpartition(".")
    if not dot:
        return file
    mark = FORK_MARK.search(package) if stem != package else None  # a module that is its package: above
    stem = _VERSION_SUFFIX.sub("", stem) or stem
    number = re.sub(r"\D", "", mark.group(0)) if mark else ""
    stem = re.sub(rf"(?<!\d){number}(?!\d)", "", stem) if number else stem
    return f"{stem}{dot}{suffix}"


def _in_versioned_folders(packages: dict[str, Subsystem]) -> dict[str, str]:
    """Packages at one place in folders that differ by a version only, by name -> the earliest's:
    inlong's `sort-flink-v1.15/sort-connectors/hbase` and `sort-flink-v1.18/…/hbase` beside
    `sort-flink-v1.13/…/hbase`, one tree of connectors per Flink version (24 of its 108 first
    proposals were copies of one connector across them), or a Kubernetes API's (API_VERSION:
    `v1beta3`, `v1beta4`, `v2alpha1`, `v2beta1`); never an enumeration of peers. So are
    a package's trees for Scala's platforms, by name -> the JVM's: scalatest's
    `dotty/matchers-core` beside `jvm/matchers-core` (its first proposal had counted both)."""
    families: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for name, package in packages.items():
        families[tuple(_platform_or_unversioned(part) for part in package.namespace.strip("/").split("/"))].append(name)
    forked = {}
    for family in families.values():
        places = [packages[name].namespace for name in family]
        if len(family) < 2 or _enumerated(places):
            continue
        earliest = min(family, key=lambda name: _first_platform_or_version(packages[name].namespace))
        forked.update((name, earliest) for name in family if name != earliest)
    return forked


def _renews(mine: set[str], before: set[str]) -> bool:
    """Whether a package whose file names are `mine` renews the version before it, whose are
    `before`: most of the one's names or of the other's are both's (FORK_FILES)."""
    return len(mine & before) >= FORK_FILES * min(len(mine), len(before) or 1)


def _previous_version(name: str, versioned: dict[str, str], packages: dict[str, Subsystem]) -> Subsystem | None:
    """The package of `name`'s versioned family (_in_versioned_folders) just before it: a version
    rewritten from scratch shares few file names with the first, and its next one forks it
    (emqx-operator's `apis/apps/v2beta1`, its `v2alpha1` renewed, beside `v1beta3` and `v1beta4`:
    their copied `MergeServicePorts` had been its first proposal, three consumers where there are two)."""
    earliest = versioned[name]
    family = [other for other, first in versioned.items() if first == earliest] + [earliest]
    order = sorted(family, key=lambda other: _by_version(packages[other].namespace))
    at = order.index(name)
    return packages[order[at - 1]] if at > 0 else None


def _platform_or_unversioned(part: str) -> str:
    return "" if part in PLATFORMS or API_VERSION.fullmatch(part) else FORK_MARK.sub("", part)


def _first_platform_or_version(namespace: str) -> tuple:
    platforms = [PLATFORMS.index(part) for part in namespace.strip("/").split("/") if part in PLATFORMS]
    return platforms, _by_version(namespace)


def _earlier_sibling(name: str, packages: dict[str, Subsystem], stems: dict[str, str],
                     families: dict[str, list[str]]) -> Subsystem | None:
    """With no package of the family's bare name, the family's earliest version, which the later
    ones fork: kotlinx.coroutines' `kotlinx-coroutines-rx3` beside `…-rx2`, feign's
    `dropwizard-metrics5` beside `dropwizard-metrics4`, one integration per generation of what
    it integrates. Never a family numbered 1, 2, 3 … (or from 0): `worker1`, `worker2`,
    `worker3` are an enumeration of peers, not generations."""
    if stems[name] == name or stems[name] in packages:
        return None
    earlier = _earlier_versions(name, stems, families)
    return packages[min(earlier, key=_by_version)] if earlier else None


def _previous_sibling(name: str, packages: dict[str, Subsystem], stems: dict[str, str],
                      families: dict[str, list[str]]) -> Subsystem | None:
    """The family's version just before `name`, which a version that outgrew the first forks
    when most of the one's file names or the other's are both's: redisson's
    `redisson-spring-data-41` is `-40` with its changes, and `-20` is `-18` and the reactive
    classes Spring Data 2.0 brought, so shares few of its file names with `-16` (96 of its first
    proposals were one class's copies across the versions)."""
    earlier = _earlier_versions(name, stems, families)
    return packages[max(earlier, key=_by_version)] if earlier else None


def _earlier_versions(name: str, stems: dict[str, str], families: dict[str, list[str]]) -> list[str]:
    """The packages of `name`'s family (one stem: `families`) numbered before it; none in an enumeration."""
    family = families[stems[name]]
    earlier = [other for other in family if _by_version(other) < _by_version(name)]
    return [] if _enumerated(family) else earlier


def _enumerated(family: list[str]) -> bool:
    """Whether three or more names differ by one number only, running 1..n or 0..n-1."""
    numbers = [tuple(part for part in _by_version(name) if isinstance(part, int)) for name in family]
    if len(family) < 3 or len({len(each) for each in numbers}) != 1:
        return False
    varying = [at for at in range(len(numbers[0])) if len({each[at] for each in numbers}) > 1]
    values = sorted(each[varying[0]] for each in numbers) if len(varying) == 1 else []
    return values in (list(range(1, len(family) + 1)), list(range(len(family))))


def _by_version(name: str) -> tuple:
    """`rx10` after `rx9`: the numbers in a name compared as numbers."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name))
