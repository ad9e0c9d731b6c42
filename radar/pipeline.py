"""One full pass, top to bottom: rules → discover → parse+shape → cluster → gate → rank → publish.

Each stage is a function of the previous stages' frozen dataclasses; this module only wires
them together, holds the lock on --out and decides nothing itself. What parse, shape and
cluster find is remembered whole (findings.py): an unchanged fleet skips them.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from radar.analyse import FileWork, analyse_all, content_ids
from radar.backlog import render
from radar.cache import SHAPING, ParseCache, key_digest
from radar.census import census, recurrences
from radar.candidates import decode as decode_pairs
from radar.candidates import encode as encode_pairs
from radar.cluster import cluster_from, fingerprint_of, from_memo, is_idiom, memo_of
from radar.config import Rules, load_rules
from radar.discover import Fleet, discover
from radar.executors import Executor, default_jobs
from radar.findings import Findings, decode, encode, file_table, memo_key, still_valid, tally, unread
from radar.gate import gate
from radar.history import Past, compare, gate_history, identify, load_past
from radar.parse import language_for
from radar.publish import PassResult, build_snapshot, write_pass
from radar.rank import rank
from radar.storage import ScanLock

Progress = Callable[[str, int, int], None]  # (what, done, total)
MEMOS_KEPT = {"findings/": 16, "clusters/": 16}  # the states a pass may come back to; older ones go


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


def file_works(fleet: Fleet, rules: Rules) -> list[FileWork]:
    """Every file of the fleet in a language the radar parses."""
    extra = dict(rules.languages)
    return [
        FileWork(subsystem.name, f.path, f.abspath, language, f.blob)
        for subsystem in fleet.subsystems for f in subsystem.files
        if (language := language_for(f.path, extra))
    ]


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
    cache = ParseCache(request.cache_dir)
    try:
        fleet = discover(request.repo, rules.fleet, now=request.now, memo=cache)
        findings = find(request, fleet, rules, cache, progress)
    finally:
        cache.close()
    identified = identify(findings.clusters, past)
    history = gate_history(fleet, findings.clusters, past)
    candidates = gate(identified, fleet, rules, history)
    ranked = rank(candidates)
    changes = compare({c.id: (len(c.consumers), c.verdict) for c in candidates},
                      [s.name for s in fleet.subsystems], past)
    rows = census(findings.recurrences, candidates, rules.decisions)
    return PassResult(fleet, rules, findings, ranked, rows, changes, past, history, started)


def find(request: ScanRequest, fleet: Fleet, rules: Rules, cache: ParseCache,
         progress: Progress | None = None) -> Findings:
    """Parse, shape and cluster the fleet, or take the findings of the same files from the cache,
    or those of the last pass when no changed file's shapes moved."""
    works = file_works(fleet, rules)
    ids = content_ids(works)
    floor = rules.gate.min_tokens // 2
    files = [(w.subsystem, w.path, w.language, blob or "!" + str(why)) for w, (blob, why) in zip(works, ids)]
    key = memo_key(files, floor)
    lineage = f"{request.repo.resolve()}\0{floor}"
    last = f"last/{SHAPING}/" + key_digest(lineage)
    found = cache.get_many([key, last])
    remembered = decode(found.get(key))
    if remembered is not None and still_valid(remembered, works):
        return remembered
    executor = Executor(request.executor, request.jobs or default_jobs(), request.scheduler)
    parsed = (lambda done, total: progress("parsing files", done, total)) if progress else None
    since = _unmoved_since(found.get(last), works, ids, files, cache, executor, parsed)
    if since is not None:
        findings, table = since
    else:
        results, skipped = analyse_all(works, ids, cache, executor, parsed)
        findings = _find_afresh(results, skipped, floor, cache, progress, lineage)
        table = file_table(files, results)
    cache.put_many({key: encode(findings), last: (key, table)})
    cache.keep_latest(MEMOS_KEPT)
    return findings


def _unmoved_since(last: object, works: list[FileWork], ids: list, files: list[tuple], cache: ParseCache,
                   executor: Executor, parsed) -> tuple[Findings, dict] | None:
    """The last pass's findings, when the same files are there and none that changed has moved
    a shape (a comment, trailing lines): only the changed files are parsed to know it."""
    try:
        last_key, table = last
        previous = decode(cache.get_many([last_key]).get(last_key))
    except (TypeError, ValueError):
        return None
    if previous is None or not isinstance(table, dict) or set(table) != {file[:3] for file in files}:
        return None
    changed = [i for i, file in enumerate(files) if table[file[:3]][0] != file[3]]
    results, _ = analyse_all([works[i] for i in changed], [ids[i] for i in changed], cache, executor, parsed)
    update = file_table([files[i] for i in changed], results)
    if any(update[name][1:] != tuple(table[name][1:]) for name in update) or not still_valid(previous, works):
        return None
    return previous, {**table, **update}


def _find_afresh(results: list, skipped: Counter, floor: int, cache: ParseCache, progress: Progress | None,
                 lineage: str) -> Findings:
    shapes = [shape for result in results for shape in result.shapes]
    digests = [(r.subsystem, r.path, r.language, r.shapes_digest) for r in results]
    found = _clusters(cache, digests, shapes, floor, progress, lineage)
    clusters = tuple(c for c in found if not is_idiom(c))
    filtered = {"thin_units": sum(s.size < floor for s in shapes), "idioms": len(found) - len(clusters)}
    return Findings(tally(results), tuple(sorted(skipped.items())), tuple(filtered.items()),
                    clusters, recurrences(results), unread(results))


def _clusters(cache: ParseCache, digests: list[tuple[str, ...]], shapes: list, floor: int,
              progress: Progress | None, lineage: str) -> tuple:
    """cluster(), remembered by shapes: edits that move no shape (comments, trailing lines)
    do not cluster again; edits that do start from the candidate pairs of the last clustering
    of the same repository (any earlier index gives the same clusters, only slower)."""
    key = f"clusters/{SHAPING}/" + fingerprint_of(digests, floor)
    last = f"pairs/{SHAPING}/" + key_digest(lineage)
    found = cache.get_many([key, last])
    if key in found:
        return from_memo(found[key], shapes)
    report = (lambda done, total: progress("verifying pairs", done, total)) if progress else None
    clusters, index = cluster_from(shapes, decode_pairs(found.get(last)), report, floor=floor)
    cache.put_many({key: memo_of(clusters, shapes), last: encode_pairs(index)})
    return clusters


def census_only(repo: Path, rules_dir: Path | None, cache_dir: Path | None, jobs: int = 0,
                progress: Progress | None = None, executor: str = "local", scheduler: str | None = None) -> dict:
    """A pass without history that writes nothing: its snapshot, for `radar census`."""
    rules = load_rules(rules_dir)
    request = ScanRequest(repo, rules_dir, out=Path("."), cache_dir=cache_dir, jobs=jobs,
                          executor=executor, scheduler=scheduler)
    return build_snapshot(_scan(request, rules, Past(), datetime.now(timezone.utc), progress))
