"""One full pass, top to bottom: rules → discover → parse+shape → cluster → gate → rank → publish.

Each stage is a function of the previous stages' frozen dataclasses; this module only wires
them together, holds the lock on --out and decides nothing itself.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from radar.analyse import FileResult, FileWork, analyse_all
from radar.backlog import render
from radar.cache import ParseCache
from radar.census import census
from radar.cluster import cluster, fingerprint_of, from_memo, is_idiom, memo_of
from radar.config import Rules, load_rules
from radar.discover import Fleet, discover
from radar.executors import Executor, default_jobs
from radar.gate import gate
from radar.history import Past, compare, gate_history, identify, load_past
from radar.parse import language_for
from radar.publish import PassResult, build_snapshot, write_pass
from radar.rank import rank
from radar.storage import ScanLock

Progress = Callable[[str, int, int], None]  # (what, done, total)


@dataclass(frozen=True)
class ScanRequest:
    repo: Path
    rules_dir: Path | None
    out: Path
    cache_dir: Path | None  # None: no cache
    jobs: int = 0  # 0: every core
    executor: str = "local"  # local | dask
    scheduler: str | None = None  # a running Dask scheduler (implies dask)
    wait: float = 0.0  # seconds to wait for another pass's lock
    now: datetime | None = None


def resolve_rules_dir(rules: Path | None) -> Path | None:
    """--rules, else ./rules when it exists, else the built-in defaults (None)."""
    if rules is not None:
        return rules
    return Path("rules") if Path("rules").is_dir() else None


def analyse_fleet(fleet: Fleet, rules: Rules, cache_dir: Path | None, executor: Executor,
                  progress: Progress | None = None) -> tuple[list[FileResult], dict[str, int]]:
    extra = dict(rules.languages)
    works = [
        FileWork(subsystem.name, f.path, f.abspath, language, f.blob)
        for subsystem in fleet.subsystems for f in subsystem.files
        if (language := language_for(f.path, extra))
    ]
    cache = ParseCache(cache_dir)
    try:
        return analyse_all(works, cache, executor,
                           (lambda done, total: progress("parsing files", done, total)) if progress else None)
    finally:
        cache.close()


def run_pass(request: ScanRequest, progress: Progress | None = None) -> tuple[dict, Path]:
    """Scan once and publish. Returns the snapshot and the path it was written to."""
    rules = load_rules(request.rules_dir)
    if not request.repo.is_dir():  # before the lock: a failed pass creates nothing under --out
        raise FileNotFoundError(f"--repo {request.repo}: no such folder")
    with ScanLock(request.out, wait=request.wait):
        started = datetime.now(timezone.utc)
        result = _scan(request, rules, load_past(request.out), started, progress)
        snapshot = build_snapshot(result)
        return snapshot, write_pass(request.out, snapshot, render(snapshot))


def _scan(request: ScanRequest, rules: Rules, past: Past, started: datetime,
          progress: Progress | None) -> PassResult:
    fleet = discover(request.repo, rules.fleet, now=request.now)
    executor = Executor(request.executor, request.jobs or default_jobs(), request.scheduler)
    results, skipped = analyse_fleet(fleet, rules, request.cache_dir, executor, progress)
    shapes = [shape for result in results for shape in result.shapes]
    floor = rules.gate.min_tokens // 2
    found = _clusters(shapes, floor, request.cache_dir, progress)
    clusters = tuple(c for c in found if not is_idiom(c))
    filtered = {"thin_units": sum(s.size < floor for s in shapes), "idioms": len(found) - len(clusters)}
    identified = identify(clusters, past)
    history = gate_history(fleet, clusters, past)
    candidates = gate(identified, fleet, rules, history)
    ranked = rank(candidates)
    changes = compare({c.id: (len(c.consumers), c.verdict) for c in candidates},
                      [s.name for s in fleet.subsystems], past)
    rows = census(results, candidates, rules.decisions)
    return PassResult(fleet, rules, results, skipped, filtered, ranked, rows, changes, past, history, started)


def _clusters(shapes: list, floor: int, cache_dir: Path | None, progress: Progress | None) -> tuple:
    """cluster(), remembered in the cache: an unchanged fleet is not clustered twice."""
    cache = ParseCache(cache_dir)
    try:
        key = "clusters/" + fingerprint_of(shapes, floor)
        memo = cache.get_many([key]).get(key)
        if memo is not None:
            return from_memo(memo, shapes)
        report = (lambda done, total: progress("verifying pairs", done, total)) if progress else None
        found = cluster(shapes, report, floor=floor)
        cache.put_many({key: memo_of(found, shapes)})
        return found
    finally:
        cache.close()


def census_only(repo: Path, rules_dir: Path | None, cache_dir: Path | None, jobs: int = 0,
                progress: Progress | None = None, executor: str = "local", scheduler: str | None = None) -> dict:
    """A pass without history that writes nothing: its snapshot, for `radar census`."""
    rules = load_rules(rules_dir)
    request = ScanRequest(repo, rules_dir, out=Path("."), cache_dir=cache_dir, jobs=jobs,
                          executor=executor, scheduler=scheduler)
    return build_snapshot(_scan(request, rules, Past(), datetime.now(timezone.utc), progress))
