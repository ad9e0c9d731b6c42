"""One full pass, top to bottom: rules → discover → find → deps → identify → gate → rank → publish.

Each stage is a function of the previous stages' frozen dataclasses; this module only wires
them together, holds the lock on --out and decides nothing itself. `find` (parse, shape,
cluster) sits behind one call in `reuse/`, which decides what earlier passes' work to take.
A pass runs with Python's cycle collector paused (infra/collector.py) but while files are
parsed (reuse/incremental.py resumes it there): reading the last snapshot, the remembered
findings and building the next allocate hundreds of thousands of objects and no cycle worth
collecting, and the collector walking them was a twelfth of a warm pass on moto (2026-12-01).
"""
from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone
from pathlib import Path

from radar.config import FleetRules, Rules, load_rules
from radar.infra import records
from radar.infra.cache import ParseCache
from radar.infra.collector import collector_paused
from radar.infra.storage import ScanLock
from radar.outputs.backlog import render
from radar.outputs.publish import PassResult, build_snapshot, write_pass
from radar.request import Progress, ScanRequest
from radar.reuse.incremental import find, variant_similarities
from radar.stages.census import census
from radar.stages.deps import remembered_dependencies
from radar.stages.discover import discover
from radar.stages.gate import gate
from radar.stages.history import Past, compare, gate_history, identify, load_past
from radar.stages.rank import rank
from radar.stages.worktree import committed_between


@collector_paused
def run_pass(request: ScanRequest, progress: Progress | None = None) -> tuple[dict, Path]:
    """Scan once and publish. Returns the snapshot and the path it was written to."""
    rules = _with_fleet(load_rules(request.rules_dir), request.fleet)
    if not request.repo.is_dir():  # before the lock: a failed pass creates nothing under --out
        raise FileNotFoundError(f"--repo {request.repo}: no such folder")
    with ScanLock(request.out, wait=request.wait):
        started = datetime.now(timezone.utc)
        problems = records.index_old_snapshots(request.out)  # an --out written by an older radar
        past = load_past(request.out, request.cache_dir)
        past = dataclasses.replace(past, unreadable=past.unreadable + tuple(problems))
        result = _scan(request, rules, past, started, progress)
        snapshot = build_snapshot(result)
        return snapshot, write_pass(request.out, snapshot, render(snapshot), past.latest, request.cache_dir)


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


def _scan(request: ScanRequest, rules: Rules, past: Past, started: datetime,
          progress: Progress | None) -> PassResult:
    cache = ParseCache(request.cache_dir)
    try:
        # commit dates are needed back to the stability window only, never through all history
        fleet = discover(request.repo, rules.fleet, now=request.now, memo=cache,
                         horizon=timedelta(days=rules.gate.stable_days))
        findings = find(request, fleet, rules, cache, progress)
        deps = remembered_dependencies(fleet, findings.references, cache)
        similar = variant_similarities(request, findings.clusters, cache)
    finally:
        cache.close()
    identified = identify(findings.clusters, past)
    history = gate_history(fleet, findings.clusters, past)
    candidates = gate(identified, fleet, rules, history, deps)
    ranked = rank(candidates)
    changes = compare({c.id: (len(c.consumers), c.verdict) for c in candidates},
                      [s.name for s in fleet.subsystems], past)
    rows = census(findings.recurrences, candidates, rules.decisions)
    fleet = dataclasses.replace(fleet, warnings=fleet.warnings + _idle_decisions(rules, candidates))
    return PassResult(fleet, rules, findings, ranked, rows, changes, past, history, started, deps,
                      _committed_since(fleet, past), similar)


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
