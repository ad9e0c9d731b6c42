"""One full pass, top to bottom: rules → discover → find → identify → deps → gate → rank → publish.

Each stage is a function of the previous stages' frozen dataclasses; this module only wires
them together, holds the lock on --out and decides nothing itself. `find` (parse, shape,
cluster) sits behind one call in `reuse/`, which decides what earlier passes' work to take;
after identify, a pass whose inputs are the last pass's publishes the last pass's outcome
again (outputs/outcome.py says when) instead of gating, ranking and building its snapshot.
A pass runs with Python's cycle collector paused (infra/collector.py) but while files are
parsed (reuse/incremental.py resumes it there): reading the last snapshot, the remembered
findings and building the next allocate hundreds of thousands of objects and no cycle worth
collecting, and the collector walking them was a twelfth of a warm pass on moto (2026-12-01).
"""
from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from radar.config import FleetRules, Rules, load_rules
from radar.infra import records
from radar.infra.cache import ParseCache
from radar.infra.collector import collector_paused
from radar.infra.deltas import piece_delta
from radar.infra.storage import ScanLock
from radar.outputs import outcome
from radar.outputs.backlog import assemble, render_parts
from radar.outputs.publish import PassResult, build_snapshot, history_rows, scan_object, write_pass
from radar.request import Progress, ScanRequest, not_read
from radar.reuse.findings import Findings, whole
from radar.reuse.incremental import find, variant_similarities
from radar.stages.census import census
from radar.stages.deps import dependencies_key, remembered_dependencies
from radar.stages.discover import Fleet, discover
from radar.stages.history import Past, compare, gate_history, identify, load_past
from radar.stages.lastpass import LastPass, carried
from radar.stages.worktree import committed_between

@collector_paused
def run_pass(request: ScanRequest, progress: Progress | None = None) -> tuple[Mapping, Path]:
    """Scan once and publish. Returns the snapshot and the path it was written to."""
    rules = _with_fleet(load_rules(request.rules_dir), request.fleet)
    if not request.repo.is_dir():  # before the lock: a failed pass creates nothing under --out
        raise FileNotFoundError(f"--repo {request.repo}: no such folder")
    with ScanLock(request.out, wait=request.wait):
        started = datetime.now(timezone.utc)
        problems = records.index_old_snapshots(request.out)  # an --out written by an older radar
        past = load_past(request.out, request.cache_dir)
        past = dataclasses.replace(past, unreadable=past.unreadable + tuple(problems))
        result = _scan(request, rules, past, started, progress, remembering=True)
        if isinstance(result, Remembered):
            return _publish_remembered(request, result)
        snapshot = build_snapshot(result)
        backlog = render_parts(snapshot)
        this_pass = carried(snapshot)
        this_pass = dataclasses.replace(this_pass, outcome=outcome.filed(result.outcome_key, backlog, result.idle,
                                                                         this_pass.candidates))
        path = write_pass(request.out, snapshot, assemble(backlog, snapshot["scan"]), past.latest, request.cache_dir,
                          this_pass)
        return snapshot, path


@collector_paused
def census_only(repo: Path, rules_dir: Path | None, cache_dir: Path | None, jobs: int = 0,
                progress: Progress | None = None, executor: str = "local", scheduler: str | None = None,
                fleet: FleetRules | None = None) -> dict:
    """A pass without history that writes nothing: its snapshot, for `radar census`."""
    rules = _with_fleet(load_rules(rules_dir), fleet)
    request = ScanRequest(repo, rules_dir, out=Path("."), cache_dir=cache_dir, jobs=jobs,
                          executor=executor, scheduler=scheduler, fleet=fleet)
    return build_snapshot(_scan(request, rules, Past(), datetime.now(timezone.utc), progress))


def _with_fleet(rules: Rules, fleet: FleetRules | None) -> Rules:
    return rules if fleet is None else dataclasses.replace(rules, fleet=fleet)


@dataclass(frozen=True)
class Remembered:
    """A pass whose outcome an earlier pass published (outputs/outcome.py): what it adds."""

    fleet: Fleet
    findings: Findings
    past: Past
    started: datetime
    outcome: outcome.Outcome


def _scan(request: ScanRequest, rules: Rules, past: Past, started: datetime,
          progress: Progress | None, remembering: bool = False) -> PassResult | Remembered:
    cache = ParseCache(request.cache_dir)
    try:
        # commit dates are needed back to the stability window only, never through all history
        fleet = discover(request.repo, rules.fleet, now=request.now, memo=cache,
                         horizon=timedelta(days=rules.gate.stable_days))
        fleet = dataclasses.replace(fleet, warnings=fleet.warnings + not_read(fleet, rules))
        findings = find(request, fleet, rules, cache, progress)
        identified = identify(findings.clusters, past)
        history = gate_history(fleet, findings.clusters, past)
        key = deps_key = None
        if remembering and request.cache_dir is not None:  # what the last pass published may be this one's
            deps_key = dependencies_key(fleet, findings.references, findings.key)
            key = outcome.key_of(rules, fleet, findings, deps_key, identified, history, past)
            remembered = outcome.published(past, key)
            if remembered is not None:
                return Remembered(fleet, findings, past, started, remembered)
        findings = whole(findings)  # the recurrences and references a pass that judges reads
        deps = remembered_dependencies(fleet, findings.references, cache, deps_key, findings.origin)
        similar = variant_similarities(request, findings.clusters, cache)
    finally:
        cache.close()
    # only here: the gate's and the ranking's imports (homes, forks, their tables) are for a pass that judges
    from radar.stages.gate import gate
    from radar.stages.rank import rank

    candidates = gate(identified, fleet, rules, history, deps)
    ranked = rank(candidates)
    changes = compare({c.id: (len(c.consumers), c.verdict) for c in candidates},
                      [s.name for s in fleet.subsystems], past)
    rows = census(findings.recurrences, candidates, rules.decisions)
    idle = _idle_decisions(rules, candidates)
    fleet = dataclasses.replace(fleet, warnings=fleet.warnings + idle)
    return PassResult(fleet, rules, findings, ranked, rows, changes, past, history, started, deps,
                      _committed_since(fleet, past), similar, key, idle)


def _publish_remembered(request: ScanRequest, found: Remembered) -> tuple[Mapping, Path]:
    """Publish what the last pass published (its inputs are this pass's), with this pass's scan."""
    kept, past = found.outcome, found.past
    fleet = dataclasses.replace(found.fleet, warnings=found.fleet.warnings + kept.idle)
    changes = compare({row[0]: (len(row[2]), row[1]) for row in kept.candidates},
                      [s.name for s in fleet.subsystems], past)
    scan = scan_object(fleet, found.findings, changes, past, found.started)
    scan["history"] = history_rows(scan, len(kept.subsystems), Counter(row[1] for row in kept.candidates), past)
    this_pass = LastPass(scan["pass"], past.latest.version, tuple(scan["history"]), kept.subsystems, kept.candidates,
                         past.latest.outcome)
    data = outcome.encoded(kept, scan)
    known = None if kept.pieces is None else (
        past.latest.number, piece_delta(outcome.line_count(data), kept.pieces) if kept.pieces else None)
    outline = {**this_pass.outline(), "scan": scan}  # what the history's record reads of it
    path = write_pass(request.out, outline, assemble(kept.backlog, scan), past.latest, request.cache_dir,
                      this_pass, data, known)
    return outcome.LazySnapshot(data, {"scan": scan}), path


def _committed_since(fleet, past: Past) -> dict[tuple[str, str, str], frozenset[str] | None]:
    """Per checkout whose HEAD moved since the last pass, (root, old, new) -> the paths its
    commits changed: publish takes the other files' code from the last snapshot."""
    before = {name: (root, head) for name, root, head, *_ in (past.latest.subsystems if past.latest else ())}
    moved = {(s.root, before[s.name][1], s.head) for s in fleet.subsystems
             if s.name in before and before[s.name][0] == s.root and s.head and before[s.name][1]
             and before[s.name][1] != s.head}
    return {(root, old, new): committed_between(root, old, new) for root, old, new in moved}


def _idle_decisions(rules: Rules, candidates) -> tuple[str, ...]:
    """Decisions no candidate of this pass follows: a mistyped id, or code that has moved on."""
    used = {id(c.decision) for c in candidates if c.decision is not None}
    where = f"{rules.source}/decisions.yaml" if rules.source else "decisions.yaml"
    return tuple(
        f"{where}:{d.line}: the decision ({d.verdict}"
        + (f", id {d.match.id}" if d.match.id else "") + ") matches no candidate of this pass"
        for d in rules.decisions if id(d) not in used)
