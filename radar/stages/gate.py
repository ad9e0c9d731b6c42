"""Gate stage: where the AHA gate is decided.

A cluster becomes a *proposed* candidate only when every criterion holds: enough distinct
consumers, every instance stable, identical shape, thick enough, shared logic (not only a shared
shape: see content.py), and a natural home.
Otherwise it is *watching* with each missing criterion in plain words. Human decisions
(decisions.yaml) override: a rejected candidate stays rejected, with its reason.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from radar.stages.cluster import FAMILY_CONTENT, LOGIC_CONTENT, Cluster
from radar.stages.content import median, says_owner
from radar.config import Decision, GateRules, Route, Rules, matches
from radar.stages.deps import NO_DEPENDENCIES, Dependencies
from radar.stages.discover import Fleet, SourceFile, Subsystem, describe_age
from radar.stages.homes import HomeFinder, Routing
from radar.stages.shape import annotation_tokens, is_private


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
# the folders of Scala's cross-builds, one tree of packages per platform it compiles for (scalatest's
# `jvm/`, `js/`, `native/`, and `dotty/` for Scala 3): a package's trees are one consumer
PLATFORMS = ("jvm", "js", "native", "dotty")
FORK_FILES = 0.5  # of a fork's file names, at least this share are the forked package's...
COMMON = 3  # ...but for names the files of this many packages (forks aside) bear: `__init__.py`, `index.js`
TEMPLATE_PACKAGES = 10  # identical copies named for their packages in this many: one template each keeps
VARIANTS = 3  # units of one name in one file that make them the file's family of variants (_variant_families)


@dataclass(frozen=True)
class Instance:
    subsystem: str
    path: str
    start_line: int
    end_line: int
    name: str
    unit: str
    language: str
    exact: str
    similarity: float  # to the cluster's medoid
    shared_content: float  # how much of its content the other instances share (content.py)
    last_change: datetime | None
    dirty: bool
    stable: bool
    unstable_because: str | None  # plain words, e.g. "mod's copy changed 2 h ago"
    private: bool = False  # visible only where it is defined (shape.is_private): adopting it makes it visible first


@dataclass(frozen=True)
class Check:
    criterion: str  # consumers | stable | identical | size | content | home
    met: bool
    detail: str


@dataclass(frozen=True)
class Candidate:
    id: str
    cluster: Cluster
    instances: tuple[Instance, ...]
    consumers: tuple[str, ...]
    checks: tuple[Check, ...]
    routing: Routing
    decision: Decision | None
    verdict: str  # proposed | watching | rejected | done
    reason: str | None  # the decision's reason

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(check.detail for check in self.checks if not check.met)


@dataclass(frozen=True)
class History:
    """What earlier passes tell the gate (see history.py); empty on a first pass."""

    reshaped: frozenset[MemberKey] = frozenset()  # member_key of the instances whose shape moved
    moving: frozenset[str] = frozenset()  # subsystems whose namespace changed pass after pass


MemberKey = tuple[str, str, str, bool]


def member_key(subsystem: str, path: str, name: str, unit: str) -> MemberKey:
    """An instance from pass to pass: its file and unit name, never its lines (they shift); a
    block, named after its function, apart from that function."""
    return (subsystem, path, name, unit == "block")


def gate(identified: tuple[tuple[str, Cluster], ...], fleet: Fleet, rules: Rules,
         history: History = History(), deps: Dependencies = NO_DEPENDENCIES) -> tuple[Candidate, ...]:
    subsystems = {s.name: s for s in fleet.subsystems}
    files = {(s.name, f.path): f for s in fleet.subsystems for f in s.files}
    homes = HomeFinder(deps, subsystems) if rules.gate.infer_homes and deps.subsystems else None
    owners = _owners(subsystems)  # once: looked up for every candidate, hundreds on a large repository
    forks = forks_of(fleet.subsystems)
    return tuple(
        _judge(candidate_id, found, subsystems, files, fleet, rules, history, homes, owners, forks)
        for candidate_id, found in identified
    )


def _judge(candidate_id: str, found: Cluster, subsystems: dict[str, Subsystem],
           files: dict[tuple[str, str], SourceFile], fleet: Fleet, rules: Rules,
           history: History, homes: HomeFinder | None = None, owners: dict[str, str] | None = None,
           forks: dict[str, str] | None = None) -> Candidate:
    owners = _owners(subsystems) if owners is None else owners
    instances = tuple(
        _instance(member, sim, content, subsystems, files, fleet, rules.gate, history)
        for member, sim, content in zip(found.members, found.similarities, found.content or _ones(found))
    )
    routing = _route(candidate_id, found, rules.routing, subsystems, owners)
    if routing.home is None and homes is not None:
        routing = homes.infer(*_originals(found, instances, forks or {})) or routing
    if routing.action == "adopt" and routing.helper is None:  # name the unit the home already holds
        owner = owners.get(routing.home.rstrip("/"))
        routing = replace(routing, helper=next((i for i in instances if i.subsystem == owner), None))
    checks = _checks(found, instances, routing, rules.gate, fleet, forks or {})
    decision = next((d for d in rules.decisions if _decided(d, candidate_id, found)), None)
    if decision is not None:
        verdict, reason = decision.verdict, decision.reason
    else:
        verdict = "proposed" if all(c.met for c in checks) else "watching"
        reason = None
    return Candidate(candidate_id, found, instances, found.subsystems, checks, routing,
                     decision, verdict, reason)


def _originals(found: Cluster, instances: tuple[Instance, ...], forks: dict[str, str]
               ) -> tuple[Cluster, tuple[Instance, ...]]:
    """The cluster and its instances but for the copies in forks of another of its consumers, for
    the home: a fork's copies reference the fork's own packages, so that no home is shared by
    most (machinery's `GroupCompleted` in four `v1/backends/*` and their `v2/` forks, each half
    importing its own `common`); its copies go where the originals' go, as a fork's do."""
    forked = {name for name in found.subsystems if forks.get(name) in found.subsystems}
    if not forked or len(found.subsystems) - len(forked) < 2:
        return found, instances
    keep = [at for at, member in enumerate(found.members) if member.subsystem not in forked]
    narrowed = replace(found, members=tuple(found.members[at] for at in keep), medoid=0,
                       similarities=tuple(found.similarities[at] for at in keep),
                       content=tuple(found.content[at] for at in keep) if found.content else ())
    return narrowed, tuple(instances[at] for at in keep)


def _ones(found: Cluster) -> tuple[float, ...]:
    return (1.0,) * len(found.members)


def _instance(member, sim, content, subsystems, files, fleet, gate_rules: GateRules, history: History) -> Instance:
    source = files.get((member.subsystem, member.path))
    owner = subsystems[member.subsystem]
    last_change = source.last_change if source else None
    dirty = bool(source and source.dirty)
    settled = bool(source and source.settled)  # committed before the dates read: old enough
    because = None
    if fleet.kind == "git":
        because = _unstable_because(member, owner, last_change, settled, dirty, fleet.scanned_at,
                                    gate_rules, history)
    return Instance(member.subsystem, member.path, member.start_line, member.end_line,
                    member.name, member.kind, member.language, member.exact, sim, content,
                    last_change, dirty, because is None, because,
                    is_private(member.name, member.blind, member.language))


def _unstable_because(member, owner: Subsystem, last_change, settled, dirty, now, gate_rules, history) -> str | None:
    who = f"{member.subsystem}'s copy"
    if dirty:
        return f"{who} has uncommitted changes"
    if last_change is None and not settled:
        return f"{who} is not committed"
    age = now - last_change if last_change else None
    if age is not None and age < timedelta(days=gate_rules.stable_days):
        return f"{who} changed {describe_age(age)} ago (stable after {gate_rules.stable_days} days)"
    if member_key(member.subsystem, member.path, member.name, member.kind) in history.reshaped:
        return f"{who} changed shape since the last pass"
    if owner.active:
        return f"{member.subsystem} is active ({owner.activity})"
    if member.subsystem in history.moving:
        return f"{member.subsystem} is active (its namespace changed in each of the last passes)"
    return None


def _route(candidate_id: str, found: Cluster, routes: tuple[Route, ...],
           subsystems: dict[str, Subsystem], owners: dict[str, str]) -> Routing:
    paths = [m.path for m in found.members]
    names = [m.name for m in found.members]
    for number, route in enumerate(routes, 1):
        if matches(route.match, candidate_id, paths, names):
            owner = owners.get(route.home.rstrip("/"))
            action = "adopt" if owner in found.subsystems else "extract"
            return Routing(route.kind, route.home, action, f"routing.yaml rule {number} ({route.kind})", number)
    merged = [name for name in found.subsystems if subsystems[name].source == "main"]
    in_flight = [name for name in found.subsystems if subsystems[name].source == "worktree"]
    if len(merged) == 1 and in_flight:
        # One substrate merged into main already holds the shape the in-flight loops repeat:
        # they should adopt it. (When every consumer is merged, none of them owns it.)
        owner = subsystems[merged[0]]
        return Routing(None, owner.namespace, "adopt", f"{owner.name} is merged into main and already owns the shape")
    return Routing(None, None, None, "no routing rule matches")


def _owners(subsystems: dict[str, Subsystem]) -> dict[str, str]:
    """Namespace (no trailing slash) -> the subsystem that owns it, the first one listed when two share it."""
    owners: dict[str, str] = {}
    for subsystem in subsystems.values():
        owners.setdefault(subsystem.namespace.rstrip("/"), subsystem.name)
    return owners


def _decided(decision: Decision, candidate_id: str, found: Cluster) -> bool:
    return matches(decision.match, candidate_id, [m.path for m in found.members],
                   [m.name for m in found.members])


def _checks(found: Cluster, instances, routing: Routing, gate_rules: GateRules, fleet: Fleet,
            forks: dict[str, str]) -> tuple[Check, ...]:
    unstable = [i.unstable_because for i in instances if not i.stable]
    size, framework = _code_size(found.representative)
    return (
        _consumers_check(found.subsystems, gate_rules.min_consumers, forks),
        Check("stable", not unstable,
              "; ".join(dict.fromkeys(unstable)) if unstable
              else ("every instance stable (plain folder: no history, counted stable)" if fleet.kind == "folder"
                    else f"every instance committed and quiet for {gate_rules.stable_days}+ days")),
        _identical_check(found, gate_rules, forks),
        Check("size", size >= gate_rules.min_tokens,
              (f"too thin: {size} tokens" + framework + f", needs {gate_rules.min_tokens}")
              if size < gate_rules.min_tokens else f"{size} tokens" + framework + f" >= {gate_rules.min_tokens}"),
        _content_check(found),
        _intent_check(found),
        Check("home", routing.home is not None,
              f"home {routing.home} ({routing.by})" if routing.home else f"no natural home ({routing.by})"),
    )


def _consumers_check(subsystems: tuple[str, ...], need: int, forks: dict[str, str]) -> Check:
    consumers = len({forks.get(name, name) for name in subsystems})
    plural = "consumer" if consumers == 1 else "consumers"
    forked = sorted(name for name in subsystems if name in forks)
    if forked:
        said = ", ".join(f"{name} forks {forks[name]}" for name in forked)
        return Check("consumers", consumers >= need, f"{consumers} {plural} ({said}), needs {need}")
    return Check("consumers", consumers >= need, f"{consumers} {plural}, needs {need}" if consumers < need
                 else f"{consumers} {plural} ({', '.join(subsystems)}), needs {need}")


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
                       if stem != name and stem in packages), None) or _earlier_sibling(name, packages, stems)
        if forked is None:
            continue
        mine = named(packages[name])
        if mine and len(mine & named(forked)) >= FORK_FILES * len(mine):
            found[name] = forked.name
        elif mine and (before := _previous_sibling(name, packages, stems)) is not None \
                and len(mine & named(before)) >= FORK_FILES * min(len(mine), len(named(before)) or 1):
            found[name] = found.get(before.name, before.name)
    for name, forked in versioned.items():
        mine = named(packages[name])
        if name not in found and mine and len(mine & named(packages[forked])) >= FORK_FILES * len(mine):
            found[name] = forked
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
    proposals were copies of one connector across them); never an enumeration of peers. So are
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


def _platform_or_unversioned(part: str) -> str:
    return "" if part in PLATFORMS else FORK_MARK.sub("", part)


def _first_platform_or_version(namespace: str) -> tuple:
    platforms = [PLATFORMS.index(part) for part in namespace.strip("/").split("/") if part in PLATFORMS]
    return platforms, _by_version(namespace)


def _earlier_sibling(name: str, packages: dict[str, Subsystem], stems: dict[str, str]) -> Subsystem | None:
    """With no package of the family's bare name, the family's earliest version, which the later
    ones fork: kotlinx.coroutines' `kotlinx-coroutines-rx3` beside `…-rx2`, feign's
    `dropwizard-metrics5` beside `dropwizard-metrics4`, one integration per generation of what
    it integrates. Never a family numbered 1, 2, 3 … (or from 0): `worker1`, `worker2`,
    `worker3` are an enumeration of peers, not generations."""
    if stems[name] == name or stems[name] in packages:
        return None
    family = [other for other in packages if stems[other] == stems[name]]
    earlier = [other for other in family if _by_version(other) < _by_version(name)]
    return packages[min(earlier, key=_by_version)] if earlier and not _enumerated(family) else None


def _previous_sibling(name: str, packages: dict[str, Subsystem], stems: dict[str, str]) -> Subsystem | None:
    """The family's version just before `name`, which a version that outgrew the first forks
    when most of the one's file names or the other's are both's: redisson's
    `redisson-spring-data-41` is `-40` with its changes, and `-20` is `-18` and the reactive
    classes Spring Data 2.0 brought, so shares few of its file names with `-16` (96 of its first
    proposals were one class's copies across the versions)."""
    family = [other for other in packages if stems[other] == stems[name]]
    earlier = [other for other in family if _by_version(other) < _by_version(name)]
    return packages[max(earlier, key=_by_version)] if earlier and not _enumerated(family) else None


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


def _code_size(unit) -> tuple[int, str]:
    """Its tokens but for annotations and decorators (a framework's entry point, ByteBuddy's
    `@Advice.OnMethodExit(onThrowable = …) static void exit(@Advice.Enter Scope s) { s.end(); }`,
    is mostly what the framework reads), and the words saying how many were left out."""
    annotations = annotation_tokens(unit.blind, unit.language)
    return unit.size - annotations, f" of code (and {annotations} of annotations)" if annotations else ""


def _identical_check(found: Cluster, gate_rules: GateRules, forks: dict[str, str]) -> Check:
    """Identical: every copy; or the copies of enough consumers to clear the gate on their own,
    when they say much the same (FAMILY_CONTENT): the others are near variants, which can adopt
    the extraction later."""
    lowest, need = found.similarity, gate_rules.min_similarity
    if lowest >= need:
        return Check("identical", True, f"structurally identical: similarity {_against(lowest, need)}")
    core = [(m.subsystem, content) for m, similar, content in zip(found.members, found.similarities, found.content)
            if similar >= need]
    consumers = len({forks.get(subsystem, subsystem) for subsystem, _ in core})
    says = median(content for _, content in core)
    if consumers >= gate_rules.min_consumers and says >= FAMILY_CONTENT:
        return Check("identical", True, f"identical in {consumers} of {len(found.subsystems)} consumers "
                                        f"(similarity >= {need:.2f}, shared content {_against(says, FAMILY_CONTENT)}); "
                                        f"the others are near variants, down to {lowest:.2f}")
    why = (f" ({consumers} consumers are identical, sharing content {_against(says, FAMILY_CONTENT)})"
           if consumers >= gate_rules.min_consumers else "")
    return Check("identical", False, f"similar, not identical: similarity {_against(lowest, need)}{why}")


def _intent_check(found: Cluster) -> Check:
    """Copies kept on purpose: when most say they are `Copied from` another, a tool keeps them
    in step (Hugging Face's `make fix-copies`), or tell a duplicate detector to leave them be
    (`//nolint:dupl`), the team chose copies over a shared unit; one template per package
    (_templated); and in most consumers a family of one name's variants (_variant_families)."""
    marked, copies = sum(m.copied for m in found.members), len(found.members)
    if marked * 2 > copies:
        return Check("intent", False, f"copied on purpose: {marked} of {copies} copies say they are "
                                      "`Copied from` another or silence a duplicate detector (kept in step by "
                                      "a tool or by choice, not shared)")
    if _templated(found):
        return Check("intent", False, f"one template per package: the copies in {len(found.subsystems)} packages are "
                                      f"identical but for the package's name, each named for it "
                                      f"({found.name}): a generator's scaffolding, which each keeps")
    families = _variant_families(found)
    if 2 * families > len(found.subsystems):
        return Check("intent", False, f"a family of variants: in {families} of {len(found.subsystems)} consumers the "
                                      f"copies are one name, {found.name}, written {VARIANTS} times or more in one "
                                      "file, each unlike the others (overloads by arity), each consumer's own")
    return Check("intent", True, f"{marked} of {copies} copies marked `Copied from`" if marked
                 else "no copy marked `Copied from`")


def _templated(found: Cluster) -> bool:
    """Copies in TEMPLATE_PACKAGES packages or more, identical in shape and content once each
    package's own name is set aside, most named for their package: camel-quarkus' 57 JVM-only
    extensions' `Asn1Processor`, `AsteriskProcessor` … (a `@BuildStep` naming the feature, one
    warning of native mode), which its extension generator writes into each module, where
    Quarkus finds them. Copies made by hand drift apart long before they are in ten packages."""
    if len(found.subsystems) < TEMPLATE_PACKAGES or found.similarity < 1.0 or min(found.content, default=1.0) < 1.0:
        return False
    return 2 * sum(_named_for_package(member) for member in found.members) > len(found.members)


def _variant_families(found: Cluster) -> int:
    """How many consumers hold their copies as one name written VARIANTS times or more in one
    file, each unlike the others: a family of that name's variants, each consumer's own, not
    copies of the others' (kotlin-wrappers' `async` for one to twelve parameters, in kotlin-web,
    kotlin-vscode and kotlin-js, each family with its own semantics). A pair so written in four,
    ServiceStack's `TryAuthenticate` by password and by digest, is copied whole, and so are a
    file's units of one name some of which copy one another (two of the three `resolveObject` in
    dbeaver's Vertica structure assistant's anonymous classes are identical)."""
    written: dict[str, set[tuple[str, str]]] = defaultdict(set)  # consumer -> (file, name) of its copies
    shapes: dict[str, list[str]] = defaultdict(list)  # consumer -> its copies' renamed streams
    for member in found.members:
        written[member.subsystem].add((member.path, member.name))
        shapes[member.subsystem].append(member.exact)
    return sum(len(written[consumer]) == 1 and len(exact) >= VARIANTS and len(set(exact)) == len(exact)
               for consumer, exact in shapes.items())


def _named_for_package(member) -> bool:
    """`AzureCosmosdbProcessor` in `azure-cosmosdb`: its package's name in its own, as the copies'
    content words have it made neutral (content.says_owner)."""
    return says_owner(member.name, member.subsystem.rpartition("/")[2])


def _content_check(found: Cluster) -> Check:
    shared = found.shared_content
    if found.nature == "no behaviour":
        return Check("content", False,
                     "no behaviour: it only lays out data (no call, no branch, or one call over a list)")
    if found.nature == "delegation":
        return Check("content", False, "delegation: each copy hands its work on, in one call, to a method of its "
                                       "own name or to its parent's constructor (the logic lives in the callee)")
    if found.nature == "configuration":
        files = sorted({m.path.rsplit("/", 1)[-1] for m in found.members})
        return Check("content", False, f"tool configuration: the copies are files a build, test or release tool reads "
                                       f"({', '.join(files[:3])}), a preset for the tool, not shared logic")
    if found.nature == "wiring":
        return Check("content", False, "framework wiring: each copy starts its own package for a framework that "
                                       "asks one of every package (OTP's `_app.erl`, `_sup.erl`), not shared logic")
    if found.nature == "protocol":
        return Check("content", False, "value protocol: each copy compares, hashes, prints or disposes of its own "
                                       f"type's fields ({found.name}), a shape every value type "
                                       "repeats by design")
    if found.nature == "boilerplate":
        return Check("content", False, f"same shape, different content: shared vocabulary "
                                       f"{_against(shared, LOGIC_CONTENT)}")
    return Check("content", True, f"shared logic: shared vocabulary {_against(shared, LOGIC_CONTENT)}")


def _against(value: float, threshold: float) -> str:
    """`0.84 < 0.90`, with as many decimals as it takes for the comparison to read true."""
    for digits in (2, 3, 4, 5, 6):
        shown, limit = round(value, digits), round(threshold, digits)
        if (shown < limit) == (value < threshold) and shown != limit or value == threshold:
            break
    sign = "<" if value < threshold else ">="
    return f"{value:.{digits}f} {sign} {threshold:.{digits}f}"
