"""Publish stage: the pass's results as a schema-1 snapshot, written atomically.

`build_snapshot` turns the stages' dataclasses into the JSON users' scripts read (the contract's
keys, plus extensions documented in snapshot.schema.json). `write_pass` records the pass in the
history (infra/records.py: small when nothing changed), writes `latest.json` whole and the
regenerated backlog; earlier records are never touched.
"""
from __future__ import annotations

import json
import threading
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from radar import __version__
from radar.stages.reading import SKIP_REASONS
from radar.stages.census import CensusRow
from radar.config import Rules
from radar.stages.discover import Fleet, utc_iso
from radar.reuse.findings import Findings
from radar.stages.deps import NO_DEPENDENCIES, Dependencies
from radar.stages.history import Changes, History, Past, member_key, quiet_passes
from radar.stages.lastpass import LastPass, carried, remember
from radar.stages.shape import similarity
from radar.infra import records
from radar.infra.deltas import compact_json, join_lines
from radar.infra.storage import install, remove_leftovers, stage

if TYPE_CHECKING:  # a pass that publishes the last outcome again (outcome.py) ranks nothing
    from radar.stages.rank import Ranked

MAX_CODE_LINES = 400  # evidence shown per instance in the snapshot (the dashboard reads only this)
HISTORY_KEPT = records.HISTORY_KEPT  # passes summarised in each snapshot, for the backlog's Last scan section


@dataclass(frozen=True)
class PassResult:
    fleet: Fleet
    rules: Rules
    findings: Findings
    ranked: tuple[Ranked, ...]
    census: tuple[CensusRow, ...]
    changes: Changes
    past: Past
    history: History
    started_at: datetime
    deps: Dependencies = NO_DEPENDENCIES
    # (root, HEAD last pass, HEAD now) -> paths committed since (None: unknown), per moved checkout
    committed: dict[tuple[str, str, str], frozenset[str] | None] = field(default_factory=dict)
    similar: dict[tuple[str, str], float] = field(default_factory=dict)  # (variant's blind, helper's): similarity
    outcome_key: str | None = None  # what outputs/outcome.py files this pass's outcome under (None: nothing)
    idle: tuple[str, ...] = ()  # the warnings about decisions no candidate follows (also in fleet.warnings)


def schema() -> dict:
    from importlib import resources  # not at import: a pass never needs it, and it costs ~15 ms

    return json.loads(resources.files("radar.outputs").joinpath("snapshot.schema.json").read_text("utf-8"))


def build_snapshot(result: PassResult, finished_at: datetime | None = None) -> dict:
    found = result.findings
    files = {subsystem: count for subsystem, count, _ in found.files}
    units = {subsystem: count for subsystem, _, count in found.files}
    scan = scan_object(result.fleet, found, result.changes, result.past, result.started_at, finished_at)
    dependents = result.deps.dependents()
    code = _code_of(result)  # every instance's evidence, each file read once
    before = {c[0]: c for c in (result.past.latest.candidates if result.past.latest else ())}  # once, not per candidate
    snapshot = {
        "schema": 1,
        "tool": {"name": "abstraction-radar", "version": __version__},
        "repo": result.fleet.repo,
        "repo_kind": result.fleet.kind,
        "rules": result.rules.source,
        "gate": asdict(result.rules.gate),
        "scan": scan,
        "subsystems": [_subsystem(s, files, units, result.history, result.deps, dependents)
                       for s in result.fleet.subsystems],
        "candidates": [_candidate(r, result, code, before.get(r.candidate.id)) for r in result.ranked],
        "census": [_census_row(row) for row in result.census],
    }
    scan["history"] = history_rows(scan, len(snapshot["subsystems"]),
                                   Counter(c["verdict"] for c in snapshot["candidates"]), result.past)
    return snapshot


def scan_object(fleet: Fleet, found: Findings, changes: Changes, past: Past, started_at: datetime,
                finished_at: datetime | None = None) -> dict:
    """The snapshot's scan object but for its history rows (history_rows)."""
    finished_at = finished_at or datetime.now(timezone.utc)
    counted = dict(found.skipped)
    skipped = {reason: counted.get(reason, 0) for reason in SKIP_REASONS}
    skipped["symlink_outside"] += fleet.symlinks_outside
    return {
        "started_at": utc_iso(started_at), "finished_at": utc_iso(finished_at), "pass": past.next_pass,
        "changes": {
            "new": list(changes.new), "grown": list(changes.grown), "shrunk": list(changes.shrunk),
            "gone": list(changes.gone),
            "verdicts": [{"id": i, "from": a, "to": b} for i, a, b in changes.verdicts],
            "subsystems_added": list(changes.subsystems_added),
            "subsystems_removed": list(changes.subsystems_removed),
        },
        "empty_pass": changes.empty_pass,
        "skipped": skipped,
        "filtered": dict(found.filtered),
        "files": found.file_count,
        "units": sum({subsystem: count for subsystem, _, count in found.files}.values()),
        "warnings": list(fleet.warnings) + list(past.unreadable),
        "parse_errors": [f"{subsystem}: {path}" for subsystem, path in found.parse_errors],
    }


def _subsystem(subsystem, files: dict[str, int], units: dict[str, int], history: History,
               deps: Dependencies, dependents: dict[str, int]) -> dict:
    moving = subsystem.name in history.moving
    return {
        "name": subsystem.name, "source": subsystem.source, "root": subsystem.root,
        "namespace": subsystem.namespace, "branch": subsystem.branch, "head": subsystem.head,
        "files": files.get(subsystem.name, 0), "units": units.get(subsystem.name, 0), "active": subsystem.active or moving,
        "last_change": utc_iso(subsystem.last_change), "dirty_files": list(subsystem.dirty_files),
        "activity": "changed in each of the last passes" if moving and not subsystem.active else subsystem.activity,
        "depends_on": [{"subsystem": e.target, "files": e.files, "evidence": list(e.evidence)}
                       for e in deps.depends_on(subsystem.name).values()],
        "dependents": dependents.get(subsystem.name, 0),
    }


def _candidate(ranked: Ranked, result: PassResult, code: dict[tuple[str, str, int, int], str],
               previous: tuple | None) -> dict:
    """The candidate's snapshot entry (`previous`: its row in the last pass, lastpass.py, if any)."""
    candidate, score = ranked.candidate, ranked.score
    representative = candidate.cluster.representative
    review = None
    _, _, consumers_before, first_seen, *_ = previous or (None, None, (), None)
    if candidate.decision and previous and len(candidate.consumers) > len(consumers_before):
        review = (f"grew from {len(consumers_before)} to {len(candidate.consumers)} consumers since pass "
                  f"{result.past.latest.number}; the decision ({candidate.decision.verdict}) still "
                  "applies: review it")
    routing = candidate.routing
    return {
        "id": candidate.id, "verdict": candidate.verdict, "kind": routing.kind, "home": routing.home,
        "action": routing.action, "consumers": list(candidate.consumers),
        "similarity": round(candidate.cluster.similarity, 4), "tokens": representative.size,
        "nature": candidate.cluster.nature, "shared_content": round(candidate.cluster.shared_content, 4),
        "score": score.value, "missing": list(candidate.missing), "reason": candidate.reason,
        "review": review, "rank": ranked.rank, "name": candidate.cluster.name, "unit": representative.kind,
        "language": representative.language,
        "first_seen_pass": first_seen if first_seen is not None else result.past.next_pass,
        "gate": [{"criterion": c.criterion, "met": c.met, "detail": c.detail} for c in candidate.checks],
        "score_breakdown": {"consumers": score.consumers, "effort": score.effort,
                            "shared_content": score.shared_content, "risk": score.risk,
                            "value": score.value, "explanation": score.explanation},
        "routing": {"kind": routing.kind, "home": routing.home, "action": routing.action, "by": routing.by,
                    "rule": routing.rule, "inferred": routing.inferred, "evidence": list(routing.evidence),
                    "helper": None if routing.helper is None else {
                        "subsystem": routing.helper.subsystem, "path": routing.helper.path,
                        "line": routing.helper.start_line, "name": routing.helper.name,
                        "unit": routing.helper.unit, "private": routing.helper.private}},
        "decision": None if candidate.decision is None else {
            "verdict": candidate.decision.verdict, "reason": candidate.decision.reason,
            "line": candidate.decision.line},
        "instances": [_instance(i, code, result.past) for i in candidate.instances],
        "variants": [_variant(v, representative, result.similar) for v in candidate.cluster.variants],
    }


def _variant(variant, representative, similar: dict[tuple[str, str], float]) -> dict:
    """A near-variant of the candidate's helper: where it is, and how close (`similar`: the
    similarities the pass already has, reuse/incremental.py)."""
    pair = (variant.representative.blind, representative.blind)
    return {"name": variant.name, "consumers": list(variant.subsystems),
            "similarity": round(similar[pair] if pair in similar else similarity(*pair), 4),
            "shared_content": round(variant.shared_content, 4),
            "instances": [{"subsystem": m.subsystem, "path": m.path, "start_line": m.start_line,
                           "end_line": m.end_line, "name": m.name} for m in variant.members]}


def _instance(instance, code: dict[tuple[str, str, int, int], str], past: Past) -> dict:
    return {
        "subsystem": instance.subsystem, "path": instance.path, "start_line": instance.start_line,
        "end_line": instance.end_line, "name": instance.name, "unit": instance.unit,
        "stable": instance.stable, "last_change": utc_iso(instance.last_change), "dirty": instance.dirty,
        "unstable_because": instance.unstable_because, "similarity": instance.similarity,
        "shared_content": instance.shared_content,
        "quiet_passes": quiet_passes(member_key(instance.subsystem, instance.path, instance.name, instance.unit),
                                     instance.exact, past),
        "exact": instance.exact, "language": instance.language,
        "code": code[(instance.subsystem, instance.path, instance.start_line, instance.end_line)],
    }


def _code_of(result: PassResult) -> dict[tuple[str, str, int, int], str]:
    """Each instance's code (at most MAX_CODE_LINES lines), by (subsystem, path, start, end).
    Each file is read once, however many instances it holds: a large module holds dozens, and
    reading it again up to each one's first line was half of a warm pass on a large repository."""
    roots = {s.name: s.root for s in result.fleet.subsystems}
    spans: dict[tuple[str, str], set[tuple[int, int]]] = {}
    for ranked in result.ranked:
        for i in ranked.candidate.instances:
            spans.setdefault((i.subsystem, i.path), set()).add((i.start_line, i.end_line))
    code = {}
    shown = _unchanged_code(result)
    for (subsystem, path), wanted in spans.items():
        if all((subsystem, path, *span) in shown for span in wanted):
            code.update(((subsystem, path, *span), shown[(subsystem, path, *span)]) for span in wanted)
            continue
        try:
            with (Path(roots[subsystem]) / path).open("r", encoding="utf-8", errors="replace") as handle:
                lines = handle.readlines()
        except OSError:
            lines = []
        for start, end in wanted:
            code[(subsystem, path, start, end)] = "".join(lines[start - 1:min(end, start + MAX_CODE_LINES - 1)])
    return code


def _unchanged_code(result: PassResult) -> dict[tuple[str, str, int, int], str]:
    """The last snapshot's code excerpts of files that cannot have changed since: committed
    (clean then and now) in the same checkout, whose HEAD has not moved or whose commits since
    did not touch them (result.committed). The same bytes give the same excerpt, and reading
    them again was most of what a warm pass spends on code."""
    latest = result.past.latest
    if not latest or latest.version != __version__:
        return {}
    now = {s.name: s for s in result.fleet.subsystems if s.head}
    touched: dict[str, frozenset[str]] = {}  # subsystem -> paths its checkout's commits changed since
    for name, root, head, *_ in latest.subsystems:
        if name not in now or root != now[name].root:
            continue
        if head == now[name].head:
            touched[name] = frozenset()
        elif (paths := result.committed.get((root, head, now[name].head))) is not None:
            touched[name] = paths
    clean = {(name, f.path) for name, paths in touched.items() for f in now[name].files
             if f.blob is not None and not f.dirty and f.path not in paths}
    return {(subsystem, path, start, end): code
            for subsystem, path, _, _, _, _, start, end, dirty, code in latest.instances()
            if (subsystem, path) in clean and dirty is False and code}


def _census_row(row: CensusRow) -> dict:
    return {"name": row.name, "kind": row.kind, "owners": list(row.owners), "count": row.count,
            "verdict": row.verdict, "candidates": list(row.candidates), "locations": list(row.locations),
            "reason": row.reason}


def history_rows(scan: dict, subsystems: int, verdicts: Counter, past: Past) -> list[dict]:
    """scan.history: the last pass's rows and this one's (`verdicts`: candidates by verdict)."""
    changes = scan["changes"]
    this_pass = {
        "pass": scan["pass"], "finished_at": scan["finished_at"],
        "subsystems": subsystems, "empty_pass": scan["empty_pass"],
        **{key: len(changes[key]) for key in ("new", "grown", "shrunk", "gone")},
        **{verdict: verdicts.get(verdict, 0) for verdict in ("proposed", "watching", "done", "rejected")},
    }
    earlier = list(past.latest.history) if past.latest else []
    return (earlier + [this_pass])[-HISTORY_KEPT:]


def snapshot_name(finished_at: str) -> str:
    return records.record_name(finished_at)


def write_pass(out: Path, snapshot: dict, backlog: str, previous: LastPass | None = None,
               cache_dir: Path | None = None, this_pass: LastPass | None = None, data: bytes | None = None,
               known: tuple[int, list | None] | None = None) -> Path:
    """Write this pass: its record in the history (records.record_pass), latest.json, then
    abstractions.md, and file what the next pass reads of it in the cache folder (lastpass.py).
    Returns the record's path (a delta, a keyframe, or the index when nothing but the scan
    changed). `previous` is the last pass, when the caller has it; `this_pass`
    (lastpass.carried) too. A caller that has the encoded snapshot gives it as `data`, and
    `known` (records.record_pass), `snapshot` then holding what records.describe reads of it
    (a LastPass outline with the scan object)."""
    folder = out / "snapshots"
    folder.mkdir(parents=True, exist_ok=True)
    remove_leftovers(folder)
    remove_leftovers(folder / records.DELTAS)
    remove_leftovers(out)
    if data is None:
        layout = snapshot_layout(snapshot)
        lines, values = [line for line, _ in layout], [value for _, value in layout]
        encoded = join_lines(lines)
        data = encoded.encode("utf-8")
    else:
        lines, values, encoded = None, None, data
    views = {folder / "latest.json": data, out / "abstractions.md": backlog.encode("utf-8")}
    # the views are written and flushed to disk while the record is: on a busy disk each
    # fsync waits its turn, and these were more than half of a warm pass's wall time (a plain
    # thread: concurrent.futures costs ~5 ms of imports)
    staged, failed = [], []
    staging = threading.Thread(target=_stage_all, args=(views, staged, failed))
    staging.start()
    try:
        path = records.record_pass(out, snapshot, lines, encoded, previous.outline() if previous else None,
                                   values, known)
    except BaseException:
        staging.join()
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        raise
    staging.join()
    if failed:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        raise failed[0]
    for temp, target in staged:  # after the record: a killed pass leaves the previous views valid
        install(temp, target)
    remember(cache_dir, folder / "latest.json", data, carried(snapshot) if this_pass is None else this_pass)
    return path


def _stage_all(views: dict[Path, bytes], staged: list, failed: list) -> None:
    """Stage each view (storage.stage) into `staged`; what failed into `failed`."""
    try:
        for target, data in views.items():
            staged.append((stage(target, data), target))
    except BaseException as error:  # handed to the pass's thread, which raises it
        failed.append(error)


def encode_snapshot(snapshot: dict) -> bytes:
    """JSON with one top-level key, and one element of a top-level list, per line.

    Readable and diff-friendly (a candidate is one line), and written by the C encoder: a fully
    indented dump goes through json's pure-Python encoder, a tenth of a warm pass."""
    return join_lines(snapshot_lines(snapshot)).encode("utf-8")


def snapshot_lines(snapshot: dict) -> list[str]:
    """The encoded snapshot's lines, without the commas join_lines puts back (the history
    compares passes line by line: radar/infra/deltas.py)."""
    return [line for line, _ in snapshot_layout(snapshot)]


def snapshot_layout(snapshot: dict) -> list[tuple[str, object]]:
    """snapshot_lines, each line with the list element it encodes (None for the others): the
    history's delta takes them rather than parsing the lines back."""
    compact = compact_json
    layout: list[tuple[str, object]] = [("{", None)]
    for key, value in snapshot.items():
        if isinstance(value, list) and value:
            layout.append((f" {compact(key)}: [", None))
            layout += [("  " + compact(item), item) for item in value]
            layout.append((" ]", None))
        else:
            layout.append((f" {compact(key)}: {compact(value)}", None))
    layout.append(("}", None))
    return layout
