"""Gate stage: where the AHA gate is decided.

A cluster becomes a *proposed* candidate only when every criterion holds: enough distinct
consumers, every instance stable, identical shape, thick enough, and a natural home.
Otherwise it is *watching* with each missing criterion in plain words. Human decisions
(decisions.yaml) override: a rejected candidate stays rejected, with its reason.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from radar.stages.cluster import Cluster
from radar.config import Decision, GateRules, Route, Rules, matches
from radar.stages.discover import Fleet, SourceFile, Subsystem, describe_age


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
    last_change: datetime | None
    dirty: bool
    stable: bool
    unstable_because: str | None  # plain words, e.g. "mod's copy changed 2 h ago"


@dataclass(frozen=True)
class Check:
    criterion: str  # consumers | stable | identical | size | home
    met: bool
    detail: str


@dataclass(frozen=True)
class Routing:
    kind: str | None
    home: str | None
    action: str | None  # extract | adopt
    by: str  # which rule chose the home, in words
    rule: int | None = None  # 1-based position in routing.yaml, when a rule chose it


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

    reshaped: frozenset[tuple[str, str, str]] = frozenset()  # (subsystem, path, name) whose shape moved
    moving: frozenset[str] = frozenset()  # subsystems whose namespace changed pass after pass


def gate(identified: tuple[tuple[str, Cluster], ...], fleet: Fleet, rules: Rules,
         history: History = History()) -> tuple[Candidate, ...]:
    subsystems = {s.name: s for s in fleet.subsystems}
    files = {(s.name, f.path): f for s in fleet.subsystems for f in s.files}
    return tuple(
        _judge(candidate_id, found, subsystems, files, fleet, rules, history)
        for candidate_id, found in identified
    )


def _judge(candidate_id: str, found: Cluster, subsystems: dict[str, Subsystem],
           files: dict[tuple[str, str], SourceFile], fleet: Fleet, rules: Rules,
           history: History) -> Candidate:
    instances = tuple(
        _instance(member, sim, subsystems, files, fleet, rules.gate, history)
        for member, sim in zip(found.members, found.similarities)
    )
    routing = _route(candidate_id, found, rules.routing, subsystems)
    checks = _checks(found, instances, routing, rules.gate, fleet)
    decision = next((d for d in rules.decisions if _decided(d, candidate_id, found)), None)
    if decision is not None:
        verdict, reason = decision.verdict, decision.reason
    else:
        verdict = "proposed" if all(c.met for c in checks) else "watching"
        reason = None
    return Candidate(candidate_id, found, instances, found.subsystems, checks, routing,
                     decision, verdict, reason)


def _instance(member, sim, subsystems, files, fleet, gate_rules: GateRules, history: History) -> Instance:
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
                    member.name, member.kind, member.language, member.exact, sim,
                    last_change, dirty, because is None, because)


def _unstable_because(member, owner: Subsystem, last_change, settled, dirty, now, gate_rules, history) -> str | None:
    who = f"{member.subsystem}'s copy"
    if dirty:
        return f"{who} has uncommitted changes"
    if last_change is None and not settled:
        return f"{who} is not committed"
    age = now - last_change if last_change else None
    if age is not None and age < timedelta(days=gate_rules.stable_days):
        return f"{who} changed {describe_age(age)} ago (stable after {gate_rules.stable_days} days)"
    if (member.subsystem, member.path, member.name) in history.reshaped:
        return f"{who} changed shape since the last pass"
    if owner.active:
        return f"{member.subsystem} is active ({owner.activity})"
    if member.subsystem in history.moving:
        return f"{member.subsystem} is active (its namespace changed in each of the last passes)"
    return None


def _route(candidate_id: str, found: Cluster, routes: tuple[Route, ...],
           subsystems: dict[str, Subsystem]) -> Routing:
    paths = [m.path for m in found.members]
    names = [m.name for m in found.members]
    for number, route in enumerate(routes, 1):
        if matches(route.match, candidate_id, paths, names):
            owner = _owner_of(route.home, subsystems)
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


def _owner_of(home: str, subsystems: dict[str, Subsystem]) -> str | None:
    for subsystem in subsystems.values():
        if home.rstrip("/") == subsystem.namespace.rstrip("/"):
            return subsystem.name
    return None


def _decided(decision: Decision, candidate_id: str, found: Cluster) -> bool:
    return matches(decision.match, candidate_id, [m.path for m in found.members],
                   [m.name for m in found.members])


def _checks(found: Cluster, instances, routing: Routing, gate_rules: GateRules, fleet: Fleet) -> tuple[Check, ...]:
    consumers = len(found.subsystems)
    need = gate_rules.min_consumers
    unstable = [i.unstable_because for i in instances if not i.stable]
    size = found.representative.size
    plural = "consumer" if consumers == 1 else "consumers"
    return (
        Check("consumers", consumers >= need,
              f"{consumers} {plural}, needs {need}" if consumers < need
              else f"{consumers} {plural} ({', '.join(found.subsystems)}), needs {need}"),
        Check("stable", not unstable,
              "; ".join(dict.fromkeys(unstable)) if unstable
              else ("every instance stable (plain folder: no history, counted stable)" if fleet.kind == "folder"
                    else f"every instance committed and quiet for {gate_rules.stable_days}+ days")),
        Check("identical", found.similarity >= gate_rules.min_similarity,
              f"similar, not identical: similarity {_against(found.similarity, gate_rules.min_similarity)}"
              if found.similarity < gate_rules.min_similarity
              else f"structurally identical: similarity {_against(found.similarity, gate_rules.min_similarity)}"),
        Check("size", size >= gate_rules.min_tokens,
              f"too thin: {size} tokens, needs {gate_rules.min_tokens}" if size < gate_rules.min_tokens
              else f"{size} tokens >= {gate_rules.min_tokens}"),
        Check("home", routing.home is not None,
              f"home {routing.home} ({routing.by})" if routing.home else "no natural home (no routing rule matches)"),
    )


def _against(value: float, threshold: float) -> str:
    """`0.84 < 0.90`, with as many decimals as it takes for the comparison to read true."""
    for digits in (2, 3, 4, 5, 6):
        shown, limit = round(value, digits), round(threshold, digits)
        if (shown < limit) == (value < threshold) and shown != limit or value == threshold:
            break
    sign = "<" if value < threshold else ">="
    return f"{value:.{digits}f} {sign} {threshold:.{digits}f}"
