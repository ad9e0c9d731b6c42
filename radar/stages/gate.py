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
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from radar.stages.cluster import FAMILY_CONTENT, LOGIC_CONTENT, Cluster
from radar.stages.content import median, says_owner
from radar.config import Decision, GateRules, Route, Rules, matches
from radar.stages.deps import NO_DEPENDENCIES, Dependencies
from radar.stages.discover import Fleet, SourceFile, Subsystem, describe_age
from radar.stages.forks import forks_of
from radar.stages.history import History, member_key
from radar.stages.homes import HomeFinder, Routing
from radar.stages.shape import annotation_tokens, is_private, union_tokens


TEMPLATE_PACKAGES = 10  # identical copies named for their packages in this many: one template each keeps
VARIANTS = 3  # units of one name in one file that make them the file's family of variants (_variant_families)
# a file's name but for a version after `_` or `-`: `ruleutils_16.c`, `adapter-1.21.4.java`, `api_v2.py`;
# or a capital `V` and its number ending a word (`EncodingSupportV2.scala`)
VERSIONED_FILE = re.compile(r"^(.+?)(?:[_-]v?\d+(?:[._]\d+)*|(?<=[a-z])V\d+)(\.[^.]+)?$")


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
    consumers = set(found.subsystems)  # a property sorted anew at each call: once (react-native-icons' 9k consumers)
    forked = {name for name in consumers if forks.get(name) in consumers}
    if not forked or len(consumers) - len(forked) < 2:
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



def _code_size(unit) -> tuple[int, str]:
    """Its tokens but for annotations and decorators (a framework's entry point, ByteBuddy's
    `@Advice.OnMethodExit(onThrowable = …) static void exit(@Advice.Enter Scope s) { s.end(); }`,
    is mostly what the framework reads) and a union type's other alternatives (shape.union_tokens),
    and the words saying how many were left out."""
    left_out = {"annotations": annotation_tokens(unit.blind, unit.language),
                "union types' other alternatives": union_tokens(unit.blind, unit.language)}
    said = ", ".join(f"{n} of {what}" for what, n in left_out.items() if n)
    return unit.size - sum(left_out.values()), f" of code (and {said})" if said else ""


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
    (_templated); versions of one file (_versions_of_one_file); and in most consumers a family of
    one name's variants (_variant_families)."""
    marked, copies = sum(m.copied for m in found.members), len(found.members)
    if marked * 2 > copies:
        return Check("intent", False, f"copied on purpose: {marked} of {copies} copies say they are "
                                      "`Copied from` another or silence a duplicate detector (kept in step by "
                                      "a tool or by choice, not shared)")
    if _templated(found):
        return Check("intent", False, f"one template per package: the copies in {len(found.subsystems)} packages are "
                                      f"identical but for the package's name, each named for it "
                                      f"({found.name}): a generator's scaffolding, which each keeps")
    versioned = _versions_of_one_file(found)
    if versioned:
        return Check("intent", False, f"versions of one file: the copies are in {versioned}, one for each version "
                                      "it is built for, kept apart on purpose (a frozen copy each)")
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


def _versions_of_one_file(found: Cluster) -> str | None:
    """Where every copy is in one folder's file of one name but for a version (VERSIONED_FILE),
    two versions or more, the current one perhaps unversioned (citus' `deparser/ruleutils_16.c`,
    `_17.c`, `_18.c`: PostgreSQL's ruleutils.c copied once for each major version it builds against,
    whose functions had been 73 of its 76 proposals; morphir-scala's `MorphirJsonEncodingSupport`,
    `…V1`, `…V2`, each format's codecs), those files, said briefly: each version is kept apart on
    purpose."""
    names, versioned = set(), 0
    for folder, _, name in (member.path.rpartition("/") for member in found.members):
        match = VERSIONED_FILE.match(name)
        stem, dot, suffix = name.rpartition(".")
        names.add((folder, *match.groups()) if match else (folder, stem if dot else name, dot + suffix or None))
        versioned += match is not None
    files = sorted({member.path.rpartition("/")[2] for member in found.members})
    if not versioned or len(names) != 1 or len(files) < 2:
        return None
    shown = ", ".join(files[:3]) + (" …" if len(files) > 3 else "")
    return f"{len(files)} versions of `{''.join(next(iter(names))[1:])}` ({shown})"


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
    if found.nature == "layout":
        return Check("content", False, "view layout: each copy places its own views with the layout calls "
                                       "(SnapKit's `makeConstraints`, Auto Layout's anchors), not shared logic")
    if found.nature == "drawing":
        return Check("content", False, "drawing: each copy draws its own picture, a path's calls over literal points "
                                       "(Compose's `moveTo`, `curveTo`), data written as code, not shared logic")
    if found.nature == "configuration":
        files = sorted({m.path.rsplit("/", 1)[-1] for m in found.members})
        return Check("content", False, f"tool configuration: the copies are files a build, test or release tool reads "
                                       f"({', '.join(files[:3])}), a preset for the tool, not shared logic")
    if found.nature == "wiring":
        files = sorted({m.path.rsplit("/", 1)[-1] for m in found.members})
        return Check("content", False, "framework wiring: each copy starts its own package for a framework that "
                                       f"asks one of every package ({', '.join(files[:3])}), not shared logic")
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
