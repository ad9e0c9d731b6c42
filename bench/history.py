"""History storage benchmark (issue 17): a year of hourly passes on a real repository.

    .venv/bin/python bench/history.py real --source /work/scratch/moto \\
        --rules /work/scratch/rules-moto-mine --work /work/scratch/i17-bench [--passes 300] [--compare 30]
    .venv/bin/python bench/history.py year --work /work/scratch/i17-bench [--hours 8760] [--change-every 3]

`real`: clones --source into WORK/repo (its own clone; the source is never touched), checks
out the commit --passes first-parent commits before the source's HEAD, then runs one real
`radar scan` per commit, oldest to newest (each pass sees one more real commit), into
WORK/real-out, and keeps each pass's snapshot (WORK/real/NNNN.json.gz). With --compare N it
also runs the radar as it was before the history store (--base-src, a checkout of the base
commit) on the first N commits into WORK/real-old and checks that both give the same
candidates, ids, verdicts, consumers, first-seen passes and quiet_passes pass after pass.

`year`: replays a year of hourly passes through the history layer itself (load_past,
records, write_pass: exactly what a pass runs after its scan), into WORK/year-out. Every
--change-every hours the pass records the next real snapshot of `real` (cycling back and
forth through them when they run out, so each change is a real commit's effect or its
reverse); the other passes change nothing but what the radar changes on an unchanged fleet
(the scan, quiet_passes counting up to 5, and each subsystem's "quiet for N days" words).
Prints, month by month: history bytes on disk, the time of one pass's history work (median,
p95, max), and the time the dashboard needs for the History page's data; then checks that
every pass rebuilds byte for byte, compacts (--keep-empty-days), and checks again.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from radar.infra import compaction, records  # noqa: E402
from radar.outputs.backlog import render  # noqa: E402
from radar.outputs.publish import write_pass  # noqa: E402
from radar.stages.discover import _activity, utc_iso  # noqa: E402
from radar.stages.history import RECENT_PASSES, load_past  # noqa: E402

RADAR = ROOT / ".venv" / "bin" / "radar"
OLD_RADAR = """import sys
base = sys.argv.pop(1)
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f).lower()]  # not this checkout's radar
sys.path.insert(0, base)
import radar
assert radar.__file__.startswith(base), radar.__file__
from radar.cli import main
sys.exit(main(sys.argv[1:]))
"""


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


# ---------------------------------------------------------------- real passes

def real(args) -> None:
    work, repo = args.work, args.work / "repo"
    if not repo.exists():
        git(args.work, "clone", "-q", str(args.source), str(repo))
    commits = git(args.source, "rev-list", "--first-parent", f"--max-count={args.passes + 1}", "HEAD").split()[::-1]
    saved = work / "real"
    saved.mkdir(parents=True, exist_ok=True)
    for out in ("real-out", "real-old"):
        shutil.rmtree(work / out, ignore_errors=True)
    times = []
    for number, commit in enumerate(commits[1:], 1):
        git(repo, "checkout", "-q", "-B", "replay", commit)
        started = time.monotonic()
        scan(RADAR, repo, args.rules, work / "real-out", work / "cache")
        times.append(time.monotonic() - started)
        latest = (work / "real-out" / "snapshots" / "latest.json").read_bytes()
        (saved / f"{number:04d}.json.gz").write_bytes(gzip.compress(latest, 6))
        if number <= args.compare:
            old = [sys.executable, "-c", OLD_RADAR, str(args.base_src)]
            scan(old, repo, args.rules, work / "real-old", work / "cache-old")
            same = compare_passes(json.loads(latest), json.loads((work / "real-old" / "snapshots" / "latest.json").read_text()))
            print(f"pass {number}: same as the radar before the store: {same}", flush=True)
            if same is not True:
                raise SystemExit(f"pass {number} differs from the radar before the history store: {same}")
        if number % 10 == 0 or number == len(commits) - 1:
            print(f"real pass {number}/{len(commits) - 1}: {times[-1]:.1f} s (median {statistics.median(times):.1f} s); "
                  f"history {records_summary(work / 'real-out')}", flush=True)


def scan(command, repo: Path, rules: Path, out: Path, cache: Path, env: dict | None = None) -> None:
    command = [str(command)] if isinstance(command, Path) else command
    done = subprocess.run([*command, "scan", "--repo", str(repo), "--rules", str(rules), "--out", str(out),
                           "--cache", str(cache), "--quiet"], env={**os.environ, **(env or {})},
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(done.stderr)


def compare_passes(new: dict, old: dict):
    """True, or what differs: the backlog a user reads (ids, verdicts, consumers, evidence)."""
    def view(snapshot):
        return {c["id"]: (c["verdict"], c["consumers"], c.get("first_seen_pass"), c["score"],
                          [(i["subsystem"], i["path"], i["start_line"], i["quiet_passes"], i["stable"])
                           for i in c["instances"]]) for c in snapshot["candidates"]}
    if view(new) != view(old):
        differ = sorted(i for i in set(view(new)) | set(view(old)) if view(new).get(i) != view(old).get(i))
        return f"candidates differ: {differ[:5]}"
    if [(s["name"], s["active"]) for s in new["subsystems"]] != [(s["name"], s["active"]) for s in old["subsystems"]]:
        return "subsystems' activity differs"
    if new["scan"]["changes"] != old["scan"]["changes"]:
        return "changes differ"
    return True


def records_summary(out: Path) -> str:
    lines = records.read_index(out)
    kinds = [next(iter(line["content"])) for line in lines]
    return (f"{len(lines)} passes: {kinds.count('full')} keyframes, {kinds.count('delta')} deltas, "
            f"{kinds.count('same')} same; {compaction.history_bytes(out) / 1e6:.1f} MB")


# ---------------------------------------------------------------- a simulated year

def year(args) -> None:
    sources = sorted((args.work / "real").glob("*.json.gz"))[RECENT_PASSES + 1:]  # past the first passes' warm-up
    if not sources:
        raise SystemExit(f"no real snapshots under {args.work / 'real'}: run `bench/history.py real` first")
    out = args.work / "year-out"
    shutil.rmtree(out, ignore_errors=True)
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    hashes, month, changed = [], [], 0
    written = (args.work / "year-hashes.txt").open("w", buffering=1)  # line by line
    content = None
    previous = None
    quiet_left = 0
    backlog = ""
    print(f"{platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}; {len(sources)} real "
          f"snapshots of {args.work / 'repo'}; a change every {args.change_every} h", flush=True)
    print("history ms: load_past + record_pass (the index line, the diff, the delta or keyframe); publish ms: "
          "load_past + the whole write_pass (also encoding the snapshot, latest.json, abstractions.md); "
          "dashboard s: the History page's data (index read, drift, verdicts, three candidates' histories)", flush=True)
    print(f"{'hours':>6} {'passes':>6} {'changed':>7} {'disk MB':>8} {'files':>5} {'history ms: med':>15} {'p95':>5} "
          f"{'max':>5} {'publish ms: med':>15} {'p95':>5} {'max':>5} {'dashboard s':>11}", flush=True)
    for hour in range(args.hours):
        now = start + timedelta(hours=hour)
        if hour % args.change_every == 0:
            content = _load(sources[_pingpong(changed, len(sources))])
            changed += 1
            quiet_left = RECENT_PASSES - 1
        else:
            content = _quiet_pass(content, now, quiet_left > 0, hour % 24 == 0)
            quiet_left -= 1
        snapshot = _stamped(content, hour + 1, now, previous)
        if hour % 24 == 0:  # rendering the backlog is not history work: once a simulated day
            backlog = render(snapshot)
        started = time.perf_counter()
        past = load_past(out)
        records.index_old_snapshots(out)
        read = time.perf_counter() - started
        recording.clear()
        started = time.perf_counter()
        write_pass(out, snapshot, backlog, past.latest)
        month.append((read + recording[0], read + time.perf_counter() - started))
        hashes.append(hashlib.sha256((out / "snapshots" / "latest.json").read_bytes()).hexdigest())  # as written
        written.write(hashes[-1] + "\n")  # kept on disk: `check` verifies a run stopped early
        previous = snapshot
        if (hour + 1) % args.report_every == 0 or hour + 1 == args.hours:
            _report(out, hour + 1, changed, month)
            month = []
    written.close()
    check(args)


def check(args) -> None:
    """After `year` (or a year stopped early): the backlog's churn, every pass rebuilt and
    compared with the hash of what was written, compaction, every kept pass again."""
    out = args.work / "year-out"
    hashes = (args.work / "year-hashes.txt").read_text().split()
    lines = records.read_index(out)
    hours = len(lines)
    changed = sum(1 for line in lines if line["scan"]["finished_at"][11:13].isdigit()
                  and int(line["scan"]["finished_at"][11:13]) % args.change_every == 0)
    print(f"backlog: {_backlog_diff(out)}", flush=True)
    _check(out, hashes, "every pass")
    started = time.perf_counter()
    end = datetime.fromisoformat(lines[-1]["scan"]["finished_at"].replace("Z", "+00:00"))
    done = compaction.compact(out, args.keep_empty_days, now=end)
    print(f"compact --keep-empty-days {args.keep_empty_days}: {done.passes_before} -> {done.passes_after} passes, "
          f"{done.bytes_before / 1e6:.1f} -> {done.bytes_after / 1e6:.1f} MB, {time.perf_counter() - started:.1f} s",
          flush=True)
    _check(out, hashes, "after compaction")
    _report(out, hours, changed, [])


recording: list[float] = []  # the time of records.record_pass in the last write_pass


def _timed(record_pass):
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return record_pass(*args, **kwargs)
        finally:
            recording.append(time.perf_counter() - started)
    return timed


records.record_pass = _timed(records.record_pass)  # publish.write_pass calls it through the module


def _load(path: Path) -> dict:
    return json.loads(gzip.decompress(path.read_bytes()))


def _pingpong(n: int, size: int) -> int:
    if size == 1:
        return 0
    period = 2 * (size - 1)
    k = n % period
    return k if k < size else period - k


def _quiet_pass(content: dict, now: datetime, count_up: bool, new_day: bool) -> dict:
    """What the radar writes on an unchanged fleet: quiet_passes count up to RECENT_PASSES,
    and each subsystem's activity words follow the clock."""
    content = dict(content)
    if count_up:
        content["candidates"] = [
            {**c, "instances": [{**i, "quiet_passes": min(i["quiet_passes"] + 1, RECENT_PASSES)} for i in c["instances"]]}
            for c in content["candidates"]]
    if new_day:
        content["subsystems"] = [_aged(s, now) for s in content["subsystems"]]
    return content


def _aged(subsystem: dict, now: datetime) -> dict:
    if not subsystem.get("last_change") or subsystem.get("active"):
        return subsystem
    last = datetime.fromisoformat(subsystem["last_change"].replace("Z", "+00:00"))
    return {**subsystem, "activity": _activity(last, tuple(subsystem.get("dirty_files") or ()), now)[1]}


def _stamped(content: dict, number: int, now: datetime, previous: dict | None) -> dict:
    """The scan object a pass writes (publish.build_snapshot's), for this hour."""
    before = {c["id"]: (len(c["consumers"]), c["verdict"]) for c in (previous or {}).get("candidates", [])}
    after = {c["id"]: (len(c["consumers"]), c["verdict"]) for c in content["candidates"]}
    cleared = [i for i, (_, v) in after.items() if v == "proposed" and before.get(i, (0, ""))[1] != "proposed"]
    changes = {"new": sorted(set(after) - set(before)), "grown": sorted(i for i in after if i in before and after[i][0] > before[i][0]),
               "shrunk": sorted(i for i in after if i in before and after[i][0] < before[i][0]),
               "gone": sorted(set(before) - set(after)),
               "verdicts": [{"id": i, "from": before[i][1], "to": after[i][1]} for i in sorted(after)
                            if i in before and before[i][1] != after[i][1]],
               "subsystems_added": [], "subsystems_removed": []}
    scan = {**content["scan"], "started_at": utc_iso(now), "finished_at": utc_iso(now + timedelta(seconds=5)),
            "pass": number, "changes": changes, "empty_pass": not cleared}
    scan.pop("history", None)
    counts = {v: sum(c["verdict"] == v for c in content["candidates"]) for v in ("proposed", "watching", "done", "rejected")}
    row = {"pass": number, "finished_at": scan["finished_at"], "subsystems": len(content["subsystems"]),
           "empty_pass": scan["empty_pass"], **{k: len(changes[k]) for k in ("new", "grown", "shrunk", "gone")}, **counts}
    scan["history"] = ((previous or {}).get("scan", {}).get("history", []) + [row])[-records.HISTORY_KEPT:]
    return {**content, "scan": scan}


def _report(out: Path, hours: int, changed: int, times: list[float]) -> None:
    started = time.perf_counter()
    dashboard_history(out)
    dashboard = time.perf_counter() - started
    files = sum(1 for p in records.folder_of(out).rglob("*") if p.is_file())
    timing = ""
    for which in (0, 1):
        ordered = sorted(t[which] for t in times) or [float("nan")]
        timing += (f" {statistics.median(ordered) * 1e3:6.0f} {ordered[int(len(ordered) * 0.95)] * 1e3:5.0f}"
                   f" {ordered[-1] * 1e3:5.0f}")
    print(f"{hours:6d} {len(records.read_index(out)):6d} {changed:7d} {compaction.history_bytes(out) / 1e6:8.1f} "
          f"{files:5d} {timing} {dashboard:9.2f}", flush=True)


def dashboard_history(out: Path) -> None:
    """What the History page and a candidate's history need: the passes' rows, drift, verdicts."""
    from dashboard import data

    loaded = data.load_history(out)
    data.drift(loaded.passes)
    data.verdicts_per_pass(loaded.passes)
    for candidate in (loaded.latest or {}).get("candidates", [])[:3]:
        data.candidate_history(loaded.passes, candidate["id"])


def _backlog_diff(out: Path) -> str:
    """Lines of abstractions.md that differ between the last two passes (an empty pass at the end)."""
    import difflib

    store = records.Store.open(out)
    last, before = store.passes()[-1], store.passes()[-2]
    a, b = render(store.snapshot(before)).splitlines(), render(store.snapshot(last)).splitlines()
    changed = sum(1 for line in difflib.unified_diff(a, b, lineterm="", n=0)
                  if line[:1] in "+-" and not line.startswith(("+++", "---")))
    return f"{changed} lines of {len(b)} differ between passes {before} and {last}"


def _check(out: Path, hashes: list[str], when: str) -> None:
    started = time.perf_counter()
    store = records.Store.open(out)
    wrong = [n for n in store.passes() if hashlib.sha256(store.text(n).encode("utf-8")).hexdigest() != hashes[n - 1]]
    print(f"rebuilt {len(store.passes())} passes ({when}) in {time.perf_counter() - started:.0f} s: "
          + ("every one byte for byte as written" if not wrong else f"{len(wrong)} DIFFER, first {wrong[:5]}"), flush=True)
    if wrong:
        raise SystemExit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    stages = parser.add_subparsers(dest="stage", required=True)
    first = stages.add_parser("real")
    first.add_argument("--source", type=Path, required=True)
    first.add_argument("--rules", type=Path, required=True)
    first.add_argument("--work", type=Path, required=True)
    first.add_argument("--passes", type=int, default=300)
    first.add_argument("--compare", type=int, default=0)
    first.add_argument("--base-src", type=Path, help="a checkout of the radar before the history store")
    second = stages.add_parser("year")
    second.add_argument("--work", type=Path, required=True)
    second.add_argument("--hours", type=int, default=8760)
    second.add_argument("--change-every", type=int, default=3)
    second.add_argument("--report-every", type=int, default=730)
    second.add_argument("--keep-empty-days", type=int, default=compaction.KEEP_EMPTY_DAYS)
    third = stages.add_parser("check", help="the checks that end `year`, on a year stopped early")
    third.add_argument("--work", type=Path, required=True)
    third.add_argument("--change-every", type=int, default=3)
    third.add_argument("--keep-empty-days", type=int, default=compaction.KEEP_EMPTY_DAYS)
    args = parser.parse_args()
    args.work = args.work.resolve()
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, radar at {git(ROOT, 'rev-parse', '--short', 'HEAD').strip()}",
          flush=True)
    {"real": real, "year": year, "check": check}[args.stage](args)


if __name__ == "__main__":
    main()
