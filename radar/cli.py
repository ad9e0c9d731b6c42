"""The command line: parses arguments, calls the pipeline, maps failures to exit codes.

Results go to stdout, diagnostics to stderr. Exit codes: 0 success (whatever was found),
1 anything unexpected, 2 bad usage or configuration, 3 another scan holds --out,
130 interrupted. Look-ups, decisions and starter rules live in radar/commands/.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from enum import IntEnum
from pathlib import Path

from radar import __version__
from radar.commands import UsageError
from radar.commands.lookup import latest, latest_path, resolve, writable_folder
from radar.infra.cache import default_cache_dir
from radar.infra.collector import collector_paused
from radar.config import ConfigError
from radar.infra.executors import MissingExtra, terminated_as_interrupt
from radar.infra.gitdoor import GitError
from radar.infra.storage import ScanRunning


class Exit(IntEnum):
    OK = 0
    UNEXPECTED = 1
    USAGE = 2
    BUSY = 3
    INTERRUPTED = 130


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        with terminated_as_interrupt():
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
        _exit_now_if_threads_remain()
        return Exit.INTERRUPTED


def _exit_now_if_threads_remain() -> None:
    """After Ctrl-C, threads still waiting on a git call would hold the interpreter's exit until
    the call ends (seconds on a long history). Every write is atomic and the lock dies with the
    process, so leaving at once loses nothing; git, read-only, ends on its own."""
    import os
    import threading

    if any(t.is_alive() and not t.daemon for t in threading.enumerate() if t is not threading.main_thread()):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(Exit.INTERRUPTED)


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
    demo.add_argument("--out", type=Path, default=None,
                      help="where to publish (default: radar-demo/ in the current folder, or a temp folder "
                           "inside a git checkout)")
    demo.add_argument("--fleet", type=Path, help="build the demo fleet here (default: <out>/fleet, kept so "
                                                  "the backlog's links open)")
    _common_options(demo)
    demo.set_defaults(handler=_demo)

    census = commands.add_parser("census", help="census report only: recurring file and definition names")
    _source_options(census, repo_default=None)
    census.add_argument("--out", type=Path, default=Path("."),
                        help="read the census of the latest snapshot here when there is one (default: .)")
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
    export.add_argument("--verdicts", default="proposed", metavar="LIST",
                        help="SARIF: which candidates, comma-separated: proposed, watching, done, rejected "
                             "or all (default: proposed)")
    export.set_defaults(handler=_export)

    dashboard = commands.add_parser("dashboard", help="the Streamlit dashboard over --out, on 127.0.0.1")
    dashboard.add_argument("--out", type=Path, default=Path("."))
    dashboard.add_argument("--port", type=int, default=8501)
    dashboard.add_argument("--quiet", action="store_true")
    dashboard.set_defaults(handler=_dashboard)

    decide = commands.add_parser("decide", help="record a human verdict that every later pass respects")
    decide.add_argument("id", help="candidate id, with or without C-, or a unique prefix")
    decide.add_argument("--verdict", choices=("rejected", "done", "watching"), required=True)
    decide.add_argument("--reason", required=True)
    decide.add_argument("--out", type=Path, default=Path("."), help="where the latest snapshot is (default: .)")
    decide.add_argument("--rules", type=Path, default=None,
                        help="rules dir holding decisions.yaml (default: the one the latest scan used)")
    decide.add_argument("--replace", action="store_true", help="replace an earlier verdict for the same id")
    decide.set_defaults(handler=_decide)

    init = commands.add_parser("init", help="write commented starter rules that fit the repository's layout")
    init.add_argument("--repo", type=Path, default=Path("."), help="repository or folder to look at (default: .)")
    init.add_argument("--rules", type=Path, default=Path("rules"), help="where to write them (default: ./rules)")
    init.add_argument("--force", action="store_true", help="replace radar.yaml and routing.yaml if they exist")
    init.set_defaults(handler=_init)
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


def _source_options(command: argparse.ArgumentParser, repo_default: Path | None = Path(".")) -> None:
    command.add_argument("--repo", type=Path, default=repo_default, help="repository or folder to scan (default: .)")
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
    command.add_argument("--verbose", action="store_true", help="also list the files that did not parse")


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
    if args.no_cache:
        return None
    if args.cache is not None:  # asked for: it must work (the default may be skipped)
        writable_folder(args.cache, "--cache")
    return args.cache or default_cache_dir()


def _repo(path: Path) -> Path:
    if path.is_file():
        raise UsageError(f"--repo {path}: is a file; pass the folder or repository that holds it")
    if not path.is_dir():
        raise UsageError(f"--repo {path}: no such folder")
    return path


def _request(args):
    from radar.request import ScanRequest, resolve_rules_dir

    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (every core) or more")
    _repo(args.repo)
    writable_folder(args.out, "--out")
    rules = resolve_rules_dir(args.rules)
    if args.rules is None and rules is not None and args.repo.resolve() != Path.cwd().resolve() and not args.quiet:
        print(f"radar: note: using the rules in {rules} (./rules of the current folder) for {args.repo}; "
              "pass --rules DIR to choose others", file=sys.stderr)
    return ScanRequest(repo=args.repo, rules_dir=rules, out=args.out,
                       cache_dir=_cache_dir(args), jobs=args.jobs, wait=args.wait,
                       executor=args.executor, scheduler=args.scheduler,
                       fleet=_layout_fleet(args.repo, args.quiet, _cache_dir(args)) if rules is None else None)


def _layout_fleet(repo: Path, quiet: bool, cache_dir: Path | None):
    """With no rules folder, the built-in rules look for worktrees and `lib/*`; where the
    repository has no worktree, the subsystems and excludes `radar init` would write, with
    `lib/*` among them where `lib/` holds folders of code (vector's crates beside its
    `src/sinks/*`, rubocop's `lib/rubocop` beside its cops), said once."""
    from radar.commands.layout_memo import remembered_layout
    from radar.config import FleetRules
    from radar.infra.cache import ParseCache

    memo = ParseCache(cache_dir)
    try:
        layout = remembered_layout(repo.resolve(), memo)
    except (OSError, GitError):
        return None
    finally:
        memo.close()
    globs = [glob for glob, _ in layout.globs]
    if not globs or layout.worktrees:
        return None
    globs += ["lib/*"] if layout.namespaces and "lib/*" not in globs else []
    if not quiet:
        print(f"radar: no rules folder: scanning the layout `radar init` would write, fleet.subsystems: "
              f"{', '.join(json.dumps(g) for g in globs)}, and {len(layout.excludes)} excludes "
              f"(`radar init --repo {repo}` writes them, to edit)", file=sys.stderr)
    excludes = (*FleetRules().exclude, *(glob for glob, _, _ in layout.excludes))
    return FleetRules(subsystems=tuple(globs), main_namespaces=(), exclude=tuple(dict.fromkeys(excludes)))


@collector_paused  # from the pipeline's imports on: see radar/pipeline.py
def _scan(args) -> int:
    from radar.pipeline import run_pass

    request = _request(args)
    snapshot, path = run_pass(request, _progress(args))
    _summary(snapshot, path, args, layout=request.fleet is not None)
    return Exit.OK


def _summary(snapshot: dict, path: Path, args, out: Path | None = None, layout: bool = False) -> None:
    """The pass in two lines on stderr, and what to do when it found nothing to scan."""
    out = out or args.out
    scan = snapshot["scan"]
    if not snapshot["subsystems"]:
        _no_subsystem(snapshot)
    if getattr(args, "verbose", False):
        for failed in scan.get("parse_errors", []):
            print(f"radar: did not parse: {failed}", file=sys.stderr)
    if args.quiet:
        return
    counts = {v: sum(c["verdict"] == v for c in snapshot["candidates"]) for v in ("proposed", "watching", "rejected", "done")}
    parse_errors = scan["skipped"].get("parse_error", 0)
    print(f"pass {scan['pass']}: {len(snapshot['subsystems'])} subsystems, {scan['files']} files, {scan['units']} units; "
          f"{counts['proposed']} proposed, {counts['watching']} watching, {counts['rejected']} rejected, "
          f"{counts['done']} done" + ("; no new candidates cleared the gate" if scan["empty_pass"] else "")
          + (f"; {parse_errors} file{'' if parse_errors == 1 else 's'} did not parse fully (--verbose lists them)"
             if parse_errors and not args.verbose else ""),
          file=sys.stderr)
    print(f"rules: {snapshot.get('rules') or ('none: the layout `radar init` would write' if layout else 'built-in defaults (no rules folder)')}",
          file=sys.stderr)
    _leads(snapshot)
    from radar.request import NOT_READ
    for warning in scan.get("warnings", []):
        if warning.startswith(NOT_READ):
            print(f"note: {warning}", file=sys.stderr)
    open_candidates = [c for c in snapshot["candidates"] if c["verdict"] in ("proposed", "watching")]
    if open_candidates and all(c["home"] is None for c in open_candidates):
        routing = Path(snapshot["rules"]) / "routing.yaml" if snapshot.get("rules") else "routing.yaml in a rules folder"
        print(f"hint: no candidate has a home, so none can be proposed: add a routing rule to {routing} "
              "(`radar init` writes a commented example)", file=sys.stderr)
    print(f"wrote {out / 'abstractions.md'} and {path}", file=sys.stderr)


def _leads(snapshot: dict) -> None:
    """The first few the backlog lists, one line each: a first scan ends saying something."""
    from radar.outputs.backlog import heading, leads

    words, first = leads(snapshot)
    for number, candidate in enumerate(first):
        head = f"{words}:" if number == 0 else " " * (len(words) + 1)
        missing = f" — missing: {'; '.join(candidate['missing'])}" if candidate["verdict"] != "proposed" else ""
        plain = heading(candidate).replace("\\", "")  # the backlog's Markdown escapes: a terminal shows text
        print(f"{head} {plain}{missing}", file=sys.stderr)


def _no_subsystem(snapshot: dict) -> None:
    from radar.commands.starter import suggestion

    repo = snapshot["repo"]
    rules = snapshot.get("rules") or "the built-in rules"
    hint = suggestion(Path(repo))
    print(f"radar: no subsystem found in {repo} with {rules} (fleet.subsystems, main_namespaces "
          f"or worktrees matched nothing)" + (f"; {hint}" if hint else "")
          + f". `radar init --repo {repo} --rules DIR` writes starter rules.", file=sys.stderr)


def _demo(args) -> int:
    from radar.demo.run import run_demo

    out, fleet = run_demo(args.out, args.fleet, _progress(args), quiet=args.quiet)
    return Exit.OK


def _census(args) -> int:
    from radar.outputs.census_md import census_section
    from radar.outputs.dependencies import dependencies_section

    snapshot = _census_snapshot(args)
    rows = snapshot["census"]
    if args.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif args.format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["name", "kind", "owners", "count", "verdict", "candidates", "locations"])
        for r in rows:
            writer.writerow([r["name"], r["kind"], " ".join(r["owners"]), r["count"], r["verdict"],
                             " ".join(r["candidates"]), " ; ".join(r.get("locations", []))])
        sys.stdout.write(buffer.getvalue())
    else:
        print(f"# Census — {len(snapshot['subsystems'])} subsystems of {snapshot['repo']}\n")
        print("\n".join(census_section(rows, everything=True)[2:]))
        failed = snapshot["scan"].get("parse_errors", [])
        if failed:
            print(f"### Files that did not parse fully ({len(failed)})\n")
            print("\n".join(f"- {path}" for path in failed))
        print("\n".join(dependencies_section(snapshot)))
    return Exit.OK


def _census_snapshot(args) -> dict:
    """The latest snapshot's census when --out has one for this repository; a scan otherwise."""
    from radar.pipeline import census_only
    from radar.request import resolve_rules_dir

    saved = latest_path(args.out)
    if saved.is_file() and args.rules is None and args.no_cache is False:
        snapshot = latest(args.out)
        if args.repo is None or Path(snapshot["repo"]).resolve() == args.repo.resolve():
            if not args.quiet:
                print(f"radar: census of pass {snapshot['scan']['pass']} ({snapshot['scan']['finished_at']}) "
                      f"read from {saved}; `radar scan` refreshes it", file=sys.stderr)
            return snapshot
    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (every core) or more")
    repo = _repo(args.repo or Path("."))
    rules = resolve_rules_dir(args.rules)
    snapshot = census_only(repo, rules, _cache_dir(args), args.jobs, _progress(args), executor=args.executor,
                           scheduler=args.scheduler,
                           fleet=_layout_fleet(repo, args.quiet, _cache_dir(args)) if rules is None else None)
    if not snapshot["subsystems"]:
        _no_subsystem(snapshot)
    return snapshot


def _explain(args) -> int:
    from radar.outputs.explain import explain

    snapshot = latest(args.out)
    sys.stdout.write(explain(snapshot, resolve(snapshot, args.id)))
    return Exit.OK


def _export(args) -> int:
    from radar.outputs.sarif import to_sarif

    snapshot = latest(args.out)
    document = to_sarif(snapshot, _verdicts(args.verdicts)) if args.format == "sarif" else snapshot
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if args.output:
        from radar.infra.storage import atomic_write

        if args.output.is_dir():
            raise UsageError(f"-o {args.output}: is a folder; name a file")
        try:
            atomic_write(args.output, text.encode("utf-8"))
        except OSError as error:
            raise UsageError(f"-o {args.output}: cannot write there ({error.strerror or error})") from error
    else:
        sys.stdout.write(text)
    return Exit.OK


def _verdicts(text: str) -> tuple[str, ...]:
    known = ("proposed", "watching", "done", "rejected")
    asked = tuple(v.strip() for v in text.split(",") if v.strip())
    if asked == ("all",):
        return known
    unknown = [v for v in asked if v not in known]
    if unknown or not asked:
        raise UsageError(f"--verdicts {text}: expected a comma-separated list of {', '.join(known)}, or all")
    return asked


def _dashboard(args) -> int:
    from dashboard.launch import run_dashboard

    if not 0 < args.port < 65536:
        raise UsageError("--port must be between 1 and 65535")
    return run_dashboard(args.out, args.port, quiet=args.quiet)


def _decide(args) -> int:
    from radar.commands.decide import decide

    for line in decide(args.out, args.rules, args.id, args.verdict, args.reason, args.replace):
        print(line, file=sys.stderr)
    return Exit.OK


def _init(args) -> int:
    from radar.commands.starter import code_hint, counted, unread, write_starter

    layout, written = write_starter(args.repo, args.rules, args.force)
    globs = ", ".join(f"{g} ({counted(g, n)})" for g, n in layout.globs) \
        or "none found: edit fleet.subsystems" + code_hint(layout)
    left = f"\nin no subsystem: {unread(layout)}" if layout.uncovered else ""
    print(f"wrote {', '.join(map(str, written))}\nsubsystems: {globs}; excludes: {len(layout.excludes)} "
          f"globs for tests, fixtures, translations, migrations, examples, benchmarks, vendored and generated code{left}\n"
          f"next: radar scan --repo {args.repo} --rules {args.rules} --out radar-out", file=sys.stderr)
    unread = sum(n for _, n in layout.unread)
    if unread > layout.source_files:
        shown = ", ".join(f"{language} {n}" for language, n in layout.unread)
        print(f"note: {unread} tracked files are in languages the radar does not parse ({shown}), "
              f"{layout.source_files} in ones it does", file=sys.stderr)
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
        _summary(snapshot, path, args, layout=request.fleet is not None)
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
