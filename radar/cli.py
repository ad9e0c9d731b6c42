"""The command line: parses arguments, calls the pipeline, maps failures to exit codes.

Results go to stdout, diagnostics to stderr. Exit codes: 0 success (whatever was found),
1 anything unexpected, 2 bad usage or configuration, 3 another scan holds --out.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import sys
import tempfile
from enum import IntEnum
from pathlib import Path

from radar import __version__
from radar.infra.cache import default_cache_dir
from radar.config import ConfigError
from radar.infra.executors import MissingExtra
from radar.infra.gitdoor import GitError
from radar.infra.storage import ScanRunning


class Exit(IntEnum):
    OK = 0
    UNEXPECTED = 1
    USAGE = 2
    BUSY = 3


class UsageError(Exception):
    """Bad arguments or a missing input the user can fix."""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except (ConfigError, UsageError, MissingExtra) as error:
        print(f"radar: error: {error}", file=sys.stderr)
        return Exit.USAGE
    except ScanRunning as error:
        print(f"radar: {error}; try again later or pass --wait SECONDS", file=sys.stderr)
        return Exit.BUSY
    except (GitError, FileNotFoundError) as error:
        print(f"radar: error: {error}", file=sys.stderr)
        return Exit.USAGE
    except KeyboardInterrupt:
        print("radar: interrupted; nothing half-written was kept", file=sys.stderr)
        return Exit.UNEXPECTED


# ---------------------------------------------------------------- arguments

def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="radar", description=(
        "Abstraction Radar: finds shapes repeated across subsystems and tells which are ready "
        "to become shared abstractions (the AHA gate). Read-only: never writes to what it scans."))
    parser.add_argument("--version", action="version", version=f"radar {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    scan = commands.add_parser("scan", help="one full pass: discover, parse, cluster, gate, rank, publish")
    _scan_options(scan)
    scan.set_defaults(handler=_scan)

    demo = commands.add_parser("demo", help="build the embedded demo fleet (real git worktrees) and scan it")
    demo.add_argument("--out", type=Path, default=Path("."), help="where to publish (default: .)")
    demo.add_argument("--fleet", type=Path, help="build the demo fleet here and keep it (default: a temp dir)")
    _common_options(demo)
    demo.set_defaults(handler=_demo)

    census = commands.add_parser("census", help="census report only: recurring file and definition names")
    _source_options(census)
    census.add_argument("--format", choices=("md", "csv", "json"), default="md")
    _common_options(census)
    census.set_defaults(handler=_census)

    explain = commands.add_parser("explain", help="one candidate: gate checklist, evidence, score breakdown")
    explain.add_argument("id", help="candidate id (a unique prefix is enough)")
    explain.add_argument("--out", type=Path, default=Path("."))
    explain.set_defaults(handler=_explain)

    export = commands.add_parser("export", help="the latest snapshot in another format")
    export.add_argument("--format", choices=("sarif", "json"), required=True)
    export.add_argument("--out", type=Path, default=Path("."))
    export.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    export.set_defaults(handler=_export)

    dashboard = commands.add_parser("dashboard", help="the Streamlit dashboard over --out, on 127.0.0.1")
    dashboard.add_argument("--out", type=Path, default=Path("."))
    dashboard.add_argument("--port", type=int, default=8501)
    dashboard.add_argument("--quiet", action="store_true")
    dashboard.set_defaults(handler=_dashboard)

    decide = commands.add_parser("decide", help="record a human verdict that every later pass respects")
    decide.add_argument("id")
    decide.add_argument("--verdict", choices=("rejected", "done", "watching"), required=True)
    decide.add_argument("--reason", required=True)
    decide.add_argument("--rules", type=Path, default=Path("rules"), help="rules dir holding decisions.yaml")
    decide.set_defaults(handler=_decide)

    history = commands.add_parser("history", help="the passes recorded under --out: compact them, or rebuild one")
    actions = history.add_subparsers(dest="action", required=True, metavar="ACTION")
    compact = actions.add_parser("compact", help="apply the retention policy (thin out old passes that changed nothing)")
    compact.add_argument("--out", type=Path, default=Path("."))
    compact.add_argument("--keep-empty-days", type=int, default=30, metavar="N",
                         help="keep every pass of the last N days; older passes that changed nothing: one per day (default 30)")
    compact.add_argument("--wait", type=float, default=0.0, help="seconds to wait for a pass running on --out")
    compact.set_defaults(handler=_history_compact)
    show = actions.add_parser("show", help="a recorded pass's whole snapshot, rebuilt exactly, on stdout")
    show.add_argument("pass_number", type=int, metavar="PASS")
    show.add_argument("--out", type=Path, default=Path("."))
    show.set_defaults(handler=_history_show)

    watch = commands.add_parser("watch", help="run passes on a schedule, with a lock")
    _scan_options(watch)
    watch.add_argument("--every", default="1h", help="time between passes: 90s, 30m, 1h, 1d (default 1h)")
    watch.add_argument("--commit", action="store_true",
                       help="commit abstractions.md and the new snapshot to the git repo holding --out")
    watch.add_argument("--passes", type=int, help="stop after this many passes (default: run forever)")
    watch.set_defaults(handler=_watch)
    return parser


def _source_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--repo", type=Path, default=Path("."), help="repository or folder to scan (default: .)")
    command.add_argument("--rules", type=Path, help="rules dir (default: ./rules if it exists, else built-in)")
    command.add_argument("--cache", type=Path, default=None, help=f"parse cache (default: {default_cache_dir()})")
    command.add_argument("--no-cache", action="store_true", help="parse everything anew")
    command.add_argument("--jobs", type=int, default=0, help="worker processes (default: every core)")
    command.add_argument("--executor", choices=("local", "dask"), default="local",
                         help="where parsing runs: local processes, or a Dask LocalCluster (needs the distributed extra)")
    command.add_argument("--scheduler", metavar="ADDRESS",
                         help="a running Dask scheduler, e.g. tcp://host:8786 (implies --executor dask)")


def _common_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--quiet", action="store_true", help="no progress on stderr")


def _scan_options(command: argparse.ArgumentParser) -> None:
    _source_options(command)
    command.add_argument("--out", type=Path, default=Path("."), help="where to publish (default: .)")
    command.add_argument("--wait", type=float, default=0.0,
                         help="seconds to wait for another pass on --out (default: fail at once)")
    _common_options(command)


# ---------------------------------------------------------------- commands

def _progress(args):
    if getattr(args, "quiet", False) or not sys.stderr.isatty():
        return None

    def report(what: str, done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{what}: {done}/{total}", end=end, file=sys.stderr, flush=True)

    return report


def _cache_dir(args) -> Path | None:
    return None if args.no_cache else (args.cache or default_cache_dir())


def _request(args):
    from radar.request import ScanRequest, resolve_rules_dir

    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (every core) or more")
    return ScanRequest(repo=args.repo, rules_dir=resolve_rules_dir(args.rules), out=args.out,
                       cache_dir=_cache_dir(args), jobs=args.jobs, wait=args.wait,
                       executor=args.executor, scheduler=args.scheduler)


def _scan(args) -> int:
    from radar.pipeline import run_pass

    snapshot, path = run_pass(_request(args), _progress(args))
    _summary(snapshot, path, args)
    return Exit.OK


def _summary(snapshot: dict, path: Path, args) -> None:
    if args.quiet:
        return
    counts = {v: sum(c["verdict"] == v for c in snapshot["candidates"]) for v in ("proposed", "watching", "rejected", "done")}
    scan = snapshot["scan"]
    print(f"pass {scan['pass']}: {len(snapshot['subsystems'])} subsystems, {scan['files']} files, {scan['units']} units; "
          f"{counts['proposed']} proposed, {counts['watching']} watching, {counts['rejected']} rejected, "
          f"{counts['done']} done" + ("; no new candidates cleared the gate" if scan["empty_pass"] else ""),
          file=sys.stderr)
    print(f"wrote {args.out / 'abstractions.md'} and {path}", file=sys.stderr)


def _demo(args) -> int:
    from radar.demo.fleet import build_fleet, demo_spec
    from radar.pipeline import run_pass
    from radar.request import ScanRequest

    target = args.fleet or Path(tempfile.mkdtemp(prefix="radar-demo-"))
    try:
        fleet = build_fleet(target, demo_spec())
        if not args.quiet:
            print(f"demo fleet: {len(fleet.worktrees)} worktrees under {fleet.root}", file=sys.stderr)
        request = ScanRequest(repo=fleet.repo, rules_dir=fleet.rules, out=args.out, cache_dir=None, jobs=0)
        snapshot, path = run_pass(request, _progress(args))
        _summary(snapshot, path, args)
    finally:
        if args.fleet is None:
            shutil.rmtree(target, ignore_errors=True)
    return Exit.OK


def _census(args) -> int:
    from radar.outputs.backlog import census_section
    from radar.pipeline import census_only
    from radar.request import resolve_rules_dir

    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (every core) or more")
    snapshot = census_only(args.repo, resolve_rules_dir(args.rules), _cache_dir(args), args.jobs, _progress(args),
                           executor=args.executor, scheduler=args.scheduler)
    rows = snapshot["census"]
    if args.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif args.format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["name", "kind", "owners", "count", "verdict", "candidates", "locations"])
        for r in rows:
            writer.writerow([r["name"], r["kind"], " ".join(r["owners"]), r["count"], r["verdict"],
                             " ".join(r["candidates"]), " ; ".join(r["locations"])])
        sys.stdout.write(buffer.getvalue())
    else:
        print(f"# Census — {len(snapshot['subsystems'])} subsystems of {snapshot['repo']}\n")
        print("\n".join(census_section(rows)[2:]))
    return Exit.OK


def _latest(out: Path) -> dict:
    path = out / "snapshots" / "latest.json"
    if not path.is_file():
        raise UsageError(f"no snapshot at {path}: run `radar scan --out {out}` first")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        raise UsageError(f"{path} is not valid JSON: {error}") from error


def _explain(args) -> int:
    from radar.outputs.explain import explain, find_candidate

    snapshot = _latest(args.out)
    candidate = find_candidate(snapshot, args.id)
    if candidate is None:
        raise UsageError(f"no candidate {args.id} in the latest snapshot (pass {snapshot['scan']['pass']})")
    sys.stdout.write(explain(snapshot, candidate))
    return Exit.OK


def _export(args) -> int:
    from radar.outputs.sarif import to_sarif

    snapshot = _latest(args.out)
    document = to_sarif(snapshot) if args.format == "sarif" else snapshot
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if args.output:
        from radar.infra.storage import atomic_write

        atomic_write(args.output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return Exit.OK


def _dashboard(args) -> int:
    from dashboard.launch import run_dashboard

    if not 0 < args.port < 65536:
        raise UsageError("--port must be between 1 and 65535")
    return run_dashboard(args.out, args.port, quiet=args.quiet)


def _decide(args) -> int:
    from radar.config import append_decision

    path = append_decision(args.rules, args.id, args.verdict, args.reason)
    print(f"recorded {args.verdict} for {args.id} in {path}", file=sys.stderr)
    return Exit.OK


def _history_compact(args) -> int:
    from radar.infra.compaction import compact

    if args.keep_empty_days < 0:
        raise UsageError("--keep-empty-days must be 0 or more")
    if not (args.out / "snapshots").is_dir():
        raise UsageError(f"no history under {args.out}: run `radar scan --out {args.out}` first")
    done = compact(args.out, args.keep_empty_days, wait=args.wait)
    print(f"history: {done.passes_before} passes -> {done.passes_after} kept, {done.converted} whole snapshots "
          f"stored as changes, {done.files_removed} files removed; "
          f"{done.bytes_before / 1e6:.1f} MB -> {done.bytes_after / 1e6:.1f} MB", file=sys.stderr)
    return Exit.OK


def _history_show(args) -> int:
    from radar.infra.records import HistoryError, Store

    try:
        sys.stdout.write(Store.open(args.out).text(args.pass_number))
    except HistoryError as error:
        raise UsageError(str(error)) from error
    return Exit.OK


def _watch(args) -> int:
    from radar.pipeline import run_pass
    from radar.watch import commit_pass, commit_target, parse_every, watch

    try:
        every = parse_every(args.every)
        top = commit_target(args.out, args.repo) if args.commit else None
    except ValueError as error:
        raise UsageError(str(error)) from error
    request = _request(args)

    def once() -> None:
        snapshot, path = run_pass(request, _progress(args))
        _summary(snapshot, path, args)
        if top is not None:
            scan = snapshot["scan"]
            message = f"radar: pass {scan['pass']}: " + (
                "no new candidates cleared the gate" if scan["empty_pass"]
                else f"{len(scan['changes']['new'])} new, {len(scan['changes']['grown'])} grown")
            snapshots = args.out / "snapshots"
            commit_pass(top, [args.out / "abstractions.md", path, snapshots / "passes.jsonl", snapshots / "latest.json"],
                        message)

    watch(once, every, args.passes)
    return Exit.OK


if __name__ == "__main__":
    raise SystemExit(main())
