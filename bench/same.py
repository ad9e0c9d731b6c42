"""Same answers however a pass is run (issue 15): snapshots and backlogs of real repositories
identical but for dates with 1, 2 and N jobs, with and without the cache.

    .venv/bin/python bench/same.py [--moto PATH] [--babel PATH] [--dbeaver PATH] [--thingsboard PATH]
                                   [--only NAME]   (or RADAR_BENCH_MOTO etc., as bench/speed.py)

For each real repository given and each way of running radar (the cache kept between passes
with the default jobs, `--jobs 1` and `--jobs N`; no cache with `--jobs` 1, 2 and N; N is one
more than the cores), a fresh local clone (bench/speed.py's) goes through the same chain of
passes: cold, warm (nothing changed), a one-line comment committed, a small function
committed (the fleet clustered again), a function committed in another package's file, a copy
of a function the radar found in other packages committed there (an answer moves). The
commits carry fixed dates, so every clone makes the same commit ids. After each pass, the
snapshot (`latest.json`) and the backlog must be those of the first way, once the way's own folder
(clone, rules, out) and the pass's clock times (and the ages of commits it counts from them) are
taken out. dbeaver and thingsboard are scanned with the rules `radar init` writes, as
bench/speed.py does. Prints one row per pass and way: `same`
or where they first differ; exits 1 if any differ. Not a timed test.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import textwrap
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import RADAR, WORK, fresh, git  # noqa: E402
from radar.stages.languages import language_for  # noqa: E402
from speed import (FIRST_SCANS, REAL, clone_real, init_rules, inside_class, middle_file,  # noqa: E402
                   one_file_change, parsed_files, pick_target, real_rules)

CLOCK = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\dZ?")  # when a pass ran: the one thing allowed to differ
# and what it says of a commit's age, counted from when it ran (a clone whose last commit is
# minutes old: "iam is active (committed 5 min ago)" in one way, "6 min ago" in the next)
AGE = re.compile(r"\b\d+ (?:min|h|days) ago\b")


def _without_clock(text: str) -> str:
    return AGE.sub("<age> ago", CLOCK.sub("<when>", text))


COMMITTED = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)  # the chain's commits: one date, one id
WAYS = (("cache, default jobs", True, None), ("cache, --jobs 1", True, 1), ("cache, --jobs N", True, -1),
        ("no cache, --jobs 1", False, 1), ("no cache, --jobs 2", False, 2), ("no cache, --jobs N", False, -1))


def chain(name: str, source: Path, way: tuple[str, bool, int | None]) -> list[tuple[str, str, str]]:
    """(step, snapshot, backlog) after each pass of the chain, run one way in a fresh clone."""
    label, cached, jobs = way
    home = fresh(WORK / "same" / name / label.replace(" ", "").replace(",", "-"))
    repo = clone_real(source, home / "repo")
    if name in REAL:
        rules = real_rules(REAL[name], home / "rules")
        first, second = _targets(repo, REAL[name])
        package = second.split("/")[1]  # the bench's subsystems are `<scan root>/*`
    else:
        rules = init_rules(repo, home / "rules")
        first, second, package = _first_scan_targets(repo, rules, FIRST_SCANS[name].ext)
    out = home / "out"
    command = [str(RADAR), "scan", "--repo", str(repo), "--rules", str(rules), "--out", str(out), "--quiet"]
    command += ["--cache", str(home / "cache")] if cached else ["--no-cache"]
    if jobs is not None:
        command += ["--jobs", str((os.cpu_count() or 1) + 1 if jobs < 0 else jobs)]
    steps = (("cold", None), ("warm", None), ("comment", lambda: one_file_change(repo, first, 0, False, COMMITTED)),
             ("edit", lambda: one_file_change(repo, first, 0, True, COMMITTED)),
             ("second edit", lambda: one_file_change(repo, second, 1, True, COMMITTED)),
             ("a copy", lambda: copy_a_function(repo, out, second, package)))
    found = []
    for step, change in steps:
        if change is not None:
            change()
        ran = subprocess.run(command, capture_output=True, text=True)
        if ran.returncode != 0:
            raise SystemExit(f"[{name}] {label}, {step}: radar exited {ran.returncode}\n{ran.stderr[-2000:]}")
        snapshot = (out / "snapshots" / "latest.json").read_text()
        backlog = (out / "abstractions.md").read_text()
        found.append((step, *(_without_clock(text.replace(str(home), "<home>")) for text in (snapshot, backlog))))
    return found


def _targets(repo: Path, spec) -> tuple[str, str]:
    """The file of bench/speed.py's one-file changes, and one in another package."""
    first = pick_target(repo, spec.exts[0], spec.scan_root, spec.skip)
    files = sorted(p for p in subprocess.run(["git", "ls-files", "--", spec.scan_root], cwd=repo, capture_output=True,
                                             text=True, check=True).stdout.splitlines()
                   if p.endswith(spec.exts[0]) and p.split("/")[:2] != first.split("/")[:2]
                   and not set(p.split("/")[:-1]) & set(spec.skip))
    return first, files[len(files) // 3]


def _first_scan_targets(repo: Path, rules: Path, ext: str) -> tuple[str, str, str]:
    """The file of bench/speed.py's one-file changes (first_scan_scope's), one in another
    subsystem, and that one's subsystem."""
    subsystem = parsed_files(repo, rules)
    first = middle_file(subsystem, ext)
    others = sorted(path for path in subsystem if path.endswith(ext) and subsystem[path] != subsystem[first])
    second = others[len(others) // 3]
    return first, second, subsystem[second]


def copy_a_function(repo: Path, out: Path, target: str, package: str) -> None:
    """Commit into `target` (in subsystem `package`) a copy of the first function (by id, in
    its language; a method, in Java, inside the file's last class) the last snapshot found in
    other packages: a candidate grows, so the change moves an answer."""
    candidates = sorted(json.loads((out / "snapshots" / "latest.json").read_text())["candidates"],
                        key=lambda c: c["id"])
    language = language_for(target)
    unit = "method" if language == "java" else "function"
    code = next(c["instances"][0]["code"] for c in candidates
                if c["unit"] == unit and c["language"] == language and package not in c["consumers"])
    text, copy = (repo / target).read_text(), "\n\n" + textwrap.dedent(code)
    (repo / target).write_text(inside_class(text, copy + "\n") if language == "java" else text + copy)
    git(repo, "add", target)
    git(repo, "commit", "-q", "-m", "bench copy", date=COMMITTED)


def first_difference(one: str, other: str) -> str:
    """Where two normalised snapshots first differ: the JSON path, or the line of a backlog."""
    try:
        return _json_difference(json.loads(one), json.loads(other), "") or "same"
    except json.JSONDecodeError:
        for number, (a, b) in enumerate(zip(one.splitlines(), other.splitlines()), 1):
            if a != b:
                return f"backlog line {number}: {a[:80]!r} / {b[:80]!r}"
        return "backlog length" if one != other else "same"


def _json_difference(a: object, b: object, at: str) -> str | None:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(a.keys() | b.keys()):
            found = _json_difference(a.get(key), b.get(key), f"{at}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return next((d for i, (x, y) in enumerate(zip(a, b)) if (d := _json_difference(x, y, f"{at}[{i}]"))), None)
    return None if a == b else f"snapshot {at}: {str(a)[:80]} / {str(b)[:80]}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=(*REAL, *FIRST_SCANS), action="append",
                    help="only these repositories (repeatable)")
    for name in (*REAL, *FIRST_SCANS):
        ap.add_argument(f"--{name}", type=Path, default=os.environ.get(f"RADAR_BENCH_{name.upper()}"),
                        help=f"a checkout of {name} (or $RADAR_BENCH_{name.upper()})")
    a = ap.parse_args(argv)
    differing = 0
    for name in a.only or (*REAL, *FIRST_SCANS):
        source = getattr(a, name)
        if source is None:
            print(f"[{name}] no checkout given (--{name}): left out", file=sys.stderr)
            continue
        chains = {way[0]: chain(name, Path(source).resolve(), way) for way in WAYS}
        reference = chains[WAYS[0][0]]
        found = [json.loads(snapshot)["candidates"] for _, snapshot, _ in reference]
        print(f"{name}: candidates (and their instances) after each pass: "
              + ", ".join(f"{len(c)} ({sum(len(x['instances']) for x in c)})" for c in found)
              + f"; every way against '{WAYS[0][0]}'")
        for label, passes in list(chains.items())[1:]:
            for (step, snapshot, backlog), (_, first_snapshot, first_backlog) in zip(passes, reference):
                verdict = first_difference(first_snapshot, snapshot)
                if verdict == "same":
                    verdict = first_difference(first_backlog, backlog)
                differing += verdict != "same"
                print(f"  {label:<20} {step:<12} {verdict}")
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
