"""Gate stage: where the AHA gate is decided.

A cluster becomes a *proposed* candidate only when every criterion holds: enough distinct
consumers, every instance stable, identical shape, thick enough, shared logic (not only a shared
shape: see content.py), and a natural home.
Otherwise it is *watching* with each missing criterion in plain words. Human decisions
(decisions.yaml) override: a rejected candidate stays rejected, with its reason.
"""
from __future__ import annotations

import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from radar.stages.cluster import FAMILY_CONTENT, LOGIC_CONTENT, Cluster
from radar.stages.content import median
from radar.config import Decision, GateRules, Route, Rules, matches
from radar.stages.deps import NO_DEPENDENCIES, Dependencies
from radar.stages.discover import Fleet, SourceFile, Subsystem, describe_age
from radar.stages.manifests import C_SOURCES, HEADER_SUFFIXES
from radar.stages.parse import language_for
from radar.stages.shape import annotation_tokens, is_private, name_code


# what ends a fork's name after the name of what it forks: a major version (`-7`, `.v9`, `4`), or
# Java EE's move to the `jakarta` namespace; at most two digits (`pn532` is a chip, no fork of `pn`)
FORK_MARK = re.compile(r"(?:[-_.]?v?(?<!\d)\d{1,2}(?:[._]\d+)*|[-_](?:jakarta|javax))$", re.IGNORECASE)
# a version inside the name, on a word of it (Sentinel's `sentinel-apache-dubbo3-adapter` beside
# `sentinel-apache-dubbo-adapter`, `sentinel-spring-webmvc-v6x-adapter`; Exposed's `spring7-transaction`)
INNER_MARK = re.compile(r"(?<=[a-z])\d{1,2}(?=[-_.]|$)|[-_.]v\d{1,2}x?(?=[-_.]|$)", re.IGNORECASE)
FORK_FILES = 0.5  # of a fork's file names, at least this share are the forked package's...
COMMON = 3  # ...but for names the files of this many packages (forks aside) bear: `__init__.py`, `index.js`


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
class Routing:
    kind: str | None
    home: str | None
    action: str | None  # extract | adopt
    by: str  # which rule chose the home, in words
    rule: int | None = None  # 1-based position in routing.yaml, when a rule chose it
    inferred: bool = False  # chosen from the dependency graph (deps.py), not by a rule
    evidence: tuple[str, ...] = ()  # "path:line": one reference to an inferred home per consumer
    helper: Instance | None = None  # the existing unit to adopt, when the home already holds it


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
        routing = homes.infer(found, instances) or routing
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


def _own_headers(path: str) -> tuple[str, ...]:
    """A C or C++ source's own headers (`foo.h` beside `foo.cpp`): esphome's
    sensors include the library they use, `xiaomi_ble.h`, in their header, not in the source."""
    stem, dot, suffix = path.rpartition(".")
    return tuple(f"{stem}{header}" for header in HEADER_SUFFIXES) if dot and f".{suffix}" in C_SOURCES else ()


# Module names (suffix and leading underscores aside), or their last word (`HttpConstants`,
# `error_types`, webpack's `RuntimeGlobals`), of constants, types, errors and configuration.
DECLARATIONS = frozenset({"const", "consts", "constants", "types", "typing", "typings", "enums", "errors",
                          "exceptions", "version", "globals",
                          "exception", "error",  # a module of one error class: yii2's `InvalidArgumentException.php`
                          "apis",  # a Kubernetes operator's API types by version (external-secrets' `apis/`)
                          "contracts", "interfaces",  # interfaces alone (laravel's `Contracts`)
                          # what a program is configured with, which every plugin's file imports for its
                          # options (telegraf's `config`, fluentd's `config.rb`)
                          "config", "configs", "configuration", "settings"})

# the words naming a package as the place for shared code (and any `*util`, `*utils`): a home
# for a new helper even where no copy uses it yet (HomeFinder._used)
SHARED_PLACES = frozenset({"utility", "utilities", "common", "commons", "shared", "core", "helper", "helpers",
                           "support", "base", "lib", "libs", "toolkit"})


USED_DEFINES = 0.5  # what the copies call from a home: one name it shares with one other definer, or more
# homes as good as each other but for the lowest subsystem's tie-break: the choice would be arbitrary
# (polars' 14 modules every `deserialize`'s file imports, none defining what it calls)
TIED_HOMES = 5


class HomeFinder:
    """A home from the dependency graph when no rule gives one: a subsystem that most of the
    consumers (more than half) already reference. Among those: not a module of constants, types,
    errors, configuration or interfaces if another fits (_declarations); the one most consumers reference; the package enclosing them; the
    one holding the class most copies' classes extend, where a copied method is pulled up to
    (checkstyle's naming checks: `AbstractNameCheck`, not `DetailAST`, whose methods they call); the
    one the copies' own files reference most (a C or C++ source's own header too); one in the
    folder the consumers live in, their family's own base (_beside); the one
    defining most of what the copies call and read (cluster.defined_by: rubocop's alignment
    cops' `base_column` goes to the `Alignment` mixin that defines what it calls, not to
    `AutoCorrector`, which every cop extends too); the one whose own name the copies say most
    (_named); the lowest (fewest dependencies of its own, most dependents), unless TIED_HOMES or
    more are alike but for that last choice: then there is no natural home. When no copy's own
    file references the one so chosen (most consumers import it for other code: nocobase's
    plugins and `@nocobase/server`), the best of those the copies are written against wins: a
    class they extend, or a subsystem most copies' files import that defines what they call. A
    consumer is the home only when every other one references it: it already holds the shape,
    they adopt its unit. No shared dependency, no home; nor one the copies have nothing to do
    with (_used)."""

    def __init__(self, deps: Dependencies, subsystems: dict[str, Subsystem]):
        self.subsystems = subsystems
        self.uses = {name: deps.depends_on(name) for name in deps.subsystems}
        self.files = deps.file_targets()
        self.parents = deps.file_parents()
        self.below = deps.dependencies()
        self.above = deps.dependents()

    def infer(self, found: Cluster, instances: tuple[Instance, ...]) -> Routing | None:
        consumers = found.subsystems
        near = self._near(instances)
        defines = dict(found.defined_by)
        files = {(instance.subsystem, instance.path) for instance in instances}
        extended = Counter(parent for file in files for parent in self.parents.get(file, ()))  # class -> files
        holder = self._best(consumers, near, defines, holders=True)
        if holder is not None:
            name, users, _ = holder
            helper = next(i for i in instances if i.subsystem == name)
            where = f"{helper.name} ({helper.path}:{helper.start_line})"
            holds = f"holds a copy in {where}" if helper.unit == "block" else f"defines {where}"
            return self._routing(name, "adopt", users, len(consumers) - 1, near, f"; {name} already {holds}", helper)
        shared = self._best(consumers, near, defines, holders=False, extended=extended, members=found.members)
        if shared is not None and len(shared[2]) >= TIED_HOMES:
            alike = shared[2]
            return Routing(None, None, None, f"no routing rule matches; the consumers share {len(alike)} subsystems "
                                             f"alike ({', '.join(alike[:3])}, …), none more theirs than the others")
        if shared is not None and not self._used(shared[:2], near, defines, extended):
            name, users, _ = shared
            return Routing(None, None, None, f"no routing rule matches; the consumers share {name} "
                                             f"({len(users)} of {len(consumers)}), but no copy uses it")
        if shared is None:
            referenced = Counter(t for c in consumers for t in self.uses.get(c, {}) if t in self.subsystems)
            most = max(referenced.values(), default=0)
            why = ("the consumers share no dependency" if most < 2 else
                   f"no subsystem is referenced by most consumers (at most {most} of {len(consumers)})")
            return Routing(None, None, None, f"no routing rule matches; {why}")
        name, users, _ = shared
        return self._routing(name, "extract", users, len(consumers), near, "", None)

    def _near(self, instances: tuple[Instance, ...]) -> dict[tuple[str, str], str]:
        """(consumer, target) -> "path:line" where a file holding a copy references the target,
        or, for a C or C++ source, its own header, where its class and the includes it needs are."""
        near: dict[tuple[str, str], str] = {}
        for instance in instances:
            for path in (instance.path, *_own_headers(instance.path)):
                for target, line in self.files.get((instance.subsystem, path), {}).items():
                    near.setdefault((instance.subsystem, target), f"{path}:{line}")
        return near

    def _best(self, consumers: tuple[str, ...], near: dict, defines: dict[str, float],
              holders: bool, extended: Counter | None = None,
              members: tuple = ()) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
        """(home, the consumers that reference it, the homes alike: as good but for the lowest
        subsystem's tie-break) for the best such subsystem, if any."""
        users: dict[str, list[str]] = {}
        for consumer in consumers:
            for target in self.uses.get(consumer, {}):
                if (target in consumers) == holders and target in self.subsystems:
                    users.setdefault(target, []).append(consumer)
        if holders:  # a consumer is the home only when every other one already references it
            fit = [(t, u) for t, u in users.items() if len(u) == len(consumers) - 1]
        else:  # any other home: most consumers reference it
            fit = [(t, u) for t, u in users.items() if 2 * len(u) > len(consumers)]
        if not fit:
            return None

        def close(pair) -> int:
            return sum((user, pair[0]) in near for user in pair[1])

        def preference(pair):
            target, who = pair
            written_in = (extended or {}).get(target, 0) or defines.get(target, 0.0) >= USED_DEFINES
            return (self._declarations(target) and not written_in, -len(who), not self._encloses(target, who),
                    -(extended or {}).get(target, 0), -close(pair), not self._beside(target, who),
                    -defines.get(target, 0.0), -self._named(target, members), self.below.get(target, 0),
                    -self.above.get(target, 0), target)

        best = min(fit, key=preference)
        if not close(best):  # no copy's file imports it: the one most consumers import, for other code
            written_against = [pair for pair in fit if (extended or {}).get(pair[0], 0)
                               or defines.get(pair[0], 0.0) > 0 and 2 * close(pair) > len(consumers)]
            best = min(written_against, key=preference, default=best)
        rank = preference(best)[:-3]  # before the tie-break by the lowest subsystem
        alike = tuple(sorted(pair[0] for pair in fit if preference(pair)[:-3] == rank))
        return best[0], tuple(best[1]), alike

    def _used(self, shared: tuple[str, tuple[str, ...]], near: dict, defines: dict[str, float],
              extended: Counter) -> bool:
        """Whether the copies have anything to do with the home found: a copy's own file imports
        it (not a module of declarations, which every file imports for its constants, types or
        options), a copy's class extends one of its classes, the copies call what it defines (a name
        it and at most one other subsystem define, USED_DEFINES), or it is the package they live
        in or named for shared code. Else it is only what most consumers import for other code
        (connect's license check, imported by every enterprise plugin, for three batchers'
        loops; symfony's `HttpFoundation` for the null transport factories of `Mailer` and
        `Notifier`, whose `getScheme` its `Request` defines too, among others), or a package that
        merely sits beside them (`Mime`, among 54 components): no natural home."""
        name, users = shared
        imported = not self._declarations(name) and any((user, name) in near for user in users)
        return (imported or extended.get(name, 0) > 0
                or defines.get(name, 0.0) >= USED_DEFINES or self._encloses(name, users)
                or self._shared_place(name))

    def _shared_place(self, name: str) -> bool:
        """A package named as the place for shared code (`utils`, `common`, `shared`, `core`,
        external-secrets' `esutils`): a natural home for a new helper, whether or not the copies use it yet."""
        return any(word in SHARED_PLACES or word.endswith(("util", "utils")) for word in self._words(name))

    def _declarations(self, name: str) -> bool:
        """A module of constants, types, errors or configuration (`consts.py`, `types.ts`,
        telegraf's `config`): every consumer references it, and it is no place for logic; a
        home only when nothing else fits, or when the copies are written against it (extend its
        classes, call what it defines: symfony's `Config` component, its loaders' base)."""
        words = self._words(name)
        return bool(words) and words[-1] in DECLARATIONS

    def _words(self, name: str) -> list[str]:
        """The words of a subsystem's own name, its folder's or its module's: `HttpConstants.java` ->
        http, constants; orleans' `Orleans.Core` -> orleans, core (a dot in a folder's name is no suffix)."""
        module = self.subsystems[name].namespace.rstrip("/").rpartition("/")[2]
        module = module.partition(".")[0] if language_for(module) else module  # `types.d.ts` -> types
        return re.findall(r"[a-z0-9]+", re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", module).lower())

    def _named(self, name: str, members: tuple) -> int:
        """How many copies say the home's own name, the qualifier of what they use from it
        (rclone's `fs.Object` in a backend's `newObjectWithInfo`: `fs`, not `fs/hash`)."""
        stem = self.subsystems[name].namespace.rstrip("/").rpartition("/")[2].partition(".")[0]
        code = name_code("id", stem) if stem else ""
        return sum(code in member.names for member in members) if code else 0

    def _beside(self, name: str, consumers: list[str]) -> bool:
        """A package in the folder the consumers live in: their family's own base (seatunnel's
        `connector-cdc/connector-cdc-base` beside `connector-cdc/connector-cdc-mysql`, `-oracle` …),
        nearer to them than a package of the whole project that defines some of what they call."""
        home = self.subsystems[name]
        folder = posixpath.dirname(home.namespace.rstrip("/"))
        return all(self.subsystems[c].root == home.root
                   and posixpath.dirname(self.subsystems[c].namespace.rstrip("/")) == folder for c in consumers)

    def _encloses(self, name: str, consumers: list[str]) -> bool:
        """The package the consumers live in (`pipelines` for `pipelines/*`): where their base
        classes and shared helpers already are, so the place to pull a copied method up to."""
        home = self.subsystems[name]
        folder = home.namespace.rstrip("/") + "/"
        return all(self.subsystems[c].root == home.root and self.subsystems[c].namespace.startswith(folder)
                   for c in consumers)

    def _routing(self, name: str, action: str, users: tuple[str, ...], out_of: int, near: dict,
                 more: str, helper: Instance | None) -> Routing:
        evidence = tuple(near.get((u, name)) or self.uses[u][name].evidence[0] for u in users)
        shown = ", ".join(evidence[:3]) + (", …" if len(evidence) > 3 else "")
        who = "other consumers" if action == "adopt" else "consumers"
        by = f"inferred: {len(users)} of {out_of} {who} reference it ({shown}){more}"
        return Routing(None, self.subsystems[name].namespace, action, by, inferred=True,
                       evidence=evidence, helper=helper)


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
    another generation of what it integrates, copied so that the old one can stay as it is.
    Copies among them are one consumer's (34 of sentry-java's 50 proposals were). Never
    worktrees: `agent-2` beside `agent` is another agent's work, the fleet the radar is for."""
    packages = {s.name: s for s in subsystems if s.source == "package"}
    stems = {name: INNER_MARK.sub("", FORK_MARK.sub("", name)) for name in packages}  # a family's name
    owners: dict[str, set[str]] = defaultdict(set)  # file name -> the stems of the packages holding one
    for name, package in packages.items():
        for file in package.files:
            owners[file.path.rpartition("/")[2]].add(stems[name])

    common = {file for file, stems_holding in owners.items() if len(stems_holding) >= COMMON}

    def named(package: Subsystem) -> set[str]:  # but for names many packages' files bear (`__init__.py`)
        return {f.path.rpartition("/")[2] for f in package.files} - common

    found = {}
    for name, package in packages.items():
        forked = next((packages[stem] for stem in (FORK_MARK.sub("", name), stems[name])
                       if stem != name and stem in packages), None) or _earlier_sibling(name, packages, stems)
        if forked is None:
            continue
        mine = named(package)
        if mine and len(mine & named(forked)) >= FORK_FILES * len(mine):
            found[name] = forked.name
    return found


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
    in step (Hugging Face's `make fix-copies`) and the team chose copies over a shared unit."""
    marked, copies = sum(m.copied for m in found.members), len(found.members)
    if marked * 2 > copies:
        return Check("intent", False, f"copied on purpose: {marked} of {copies} copies say they are "
                                      "`Copied from` another (kept in step by a tool, not shared)")
    return Check("intent", True, f"{marked} of {copies} copies marked `Copied from`" if marked
                 else "no copy marked `Copied from`")


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
    if found.nature == "protocol":
        return Check("content", False, "value protocol: each copy compares, hashes or prints its own type's fields "
                                       f"({found.representative.name}), a shape every value type repeats by design")
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
