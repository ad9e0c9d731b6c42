"""Mutation testing of the decision modules (issue 16): mutmut switches single rules off, one at
a time, and the tests that cover each must notice.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/mutation.py                  # every decision module (~25 min, 2 cores)
    .venv/bin/python bench/mutation.py 'radar.stages.rank*'    # some mutants only
    .venv/bin/python bench/mutation.py --report-only    # report on the last run's results

What is mutated and which tests run: `[tool.mutmut]` in pyproject.toml (files) and MODULES below
(functions: config.py only for its gate settings). mutmut copies the project into `mutants/`
(git-ignored) and runs, for each mutant, the selected tests that call the mutated function.

The report (bench/.work/mutation-report.md, and a summary on stdout) counts mutants by status and
lists every survivor with its diff. A survivor must be killed by a test or listed in
bench/mutation-equivalents.md (`- \\`mutant name\\`: why no test can tell`); the script exits 1 when
one is neither. Mutant names carry a number per function, so an edit to a function renumbers its
mutants: re-check the list after changing a decision module.
"""
from __future__ import annotations

import argparse
import fnmatch
import re
import shutil
import subprocess
import sys
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
MUTMUT = Path(sys.prefix) / "bin" / "mutmut"
REPORT = BENCH / ".work" / "mutation-report.md"
EQUIVALENTS = BENCH / "mutation-equivalents.md"
# The functions that decide a verdict, a reason, a score or what clusters at all. history.py's
# loading and id functions (load_past, identify, compare), the rest of cluster.py (trimming,
# medoid, nesting) and candidates.py (pair finding) are pinned by tests/stages/test_history.py,
# test_cluster.py and test_candidates.py but not run here: not yet, and history's tests scan a
# fleet each, too slow to run per mutant.
MODULES = ("radar.stages.gate.*", "radar.stages.homes.*", "radar.stages.rank.*",
           *(f"radar.stages.history.x_{f}__mutmut_*" for f in ("gate_history", "reshaped_instances", "_moving",
                                                                "_mark", "quiet_passes")),
           *(f"radar.config.xǁ_Readerǁ{f}__mutmut_*" for f in ("whole", "fraction", "section")),
           "radar.stages.discover.x__activity__mutmut_*",
           *(f"radar.stages.cluster.x_{f}__mutmut_*" for f in ("cluster_from", "cluster_reusing", "is_idiom", "_vocabulary_streams",
                                                                "_verified_graph", "_threshold", "_spans",
                                                                "_say_the_same", "_modified_copies",
                                                                "_configures_a_tool", "_weigh", "_reported",
                                                                "_hosts")),
           *(f"radar.stages.candidates.x_{f}__mutmut_*" for f in ("content_pairs", "granularity")))
NOT_KILLED = ("survived", "no tests", "suspicious")


def run_mutmut(patterns: list[str], children: int) -> None:
    shutil.rmtree(ROOT / "mutants", ignore_errors=True)  # a fresh copy of the code and tests
    done = subprocess.run([str(MUTMUT), "run", "--max-children", str(children), *patterns], cwd=ROOT)
    if done.returncode not in (0, 1):
        raise SystemExit(f"error: mutmut run exited {done.returncode}")


def statuses(patterns: list[str]) -> dict[str, str]:
    listing = subprocess.run([str(MUTMUT), "results", "--all", "true"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout
    found = dict(line.strip().rsplit(": ", 1) for line in listing.splitlines() if ": " in line)
    return {name: status for name, status in found.items()
            if any(fnmatch.fnmatchcase(name, p) for p in patterns)}


def equivalents() -> dict[str, str]:
    listed = re.findall(r"^- `([^`]+)`: (.+)$", EQUIVALENTS.read_text(encoding="utf-8"), re.MULTILINE)
    return dict(listed)


def diff(name: str) -> str:
    shown = subprocess.run([str(MUTMUT), "show", name], cwd=ROOT, capture_output=True, text=True).stdout
    return "\n".join(line for line in shown.splitlines() if line.startswith(("-", "+")) and
                     not line.startswith(("---", "+++")))


def report(found: dict[str, str]) -> tuple[str, int]:
    counts = Counter(found.values())
    tested = len(found) - counts["skipped"]
    killed = counts["killed"] + counts["timeout"] + counts["caught by type check"]
    explained = equivalents()
    survivors = sorted(n for n, s in found.items() if s in NOT_KILLED)
    unexplained = [n for n in survivors if n not in explained]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    dirty = " (with uncommitted changes)" if subprocess.run(["git", "status", "--porcelain", "radar", "tests"],
                                                            cwd=ROOT, capture_output=True, text=True).stdout else ""
    score = killed / tested if tested else 0.0
    lines = [f"# Mutation report: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, radar at {commit}{dirty}", "",
             f"{len(found)} mutants: " + ", ".join(f"{n} {s}" for s, n in counts.most_common()),
             f"killed (timeouts included): {killed}/{tested} = {score:.1%}; "
             f"survivors: {len(survivors)}, listed as equivalent: {len(survivors) - len(unexplained)}, "
             f"neither killed nor explained: {len(unexplained)}", ""]
    for name in survivors:
        why = explained.get(name)
        lines += [f"## {name}: {found[name]}" + ("" if why else " — NOT EXPLAINED"),
                  f"equivalent: {why}" if why else "", "```diff", diff(name), "```", ""]
    return "\n".join(lines), len(unexplained)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("patterns", nargs="*", help=f"mutant name globs (default: {' '.join(MODULES)})")
    ap.add_argument("--max-children", type=int, default=2)
    ap.add_argument("--report-only", action="store_true", help="report on the results in mutants/")
    a = ap.parse_args()
    if not MUTMUT.exists():
        raise SystemExit(f"error: mutmut is not installed in {sys.prefix}: run `{sys.prefix}/bin/pip install "
                         "-e '.[bench]'`")
    patterns = a.patterns or list(MODULES)
    if not a.report_only:
        run_mutmut(patterns, a.max_children)
    text, unexplained = report(statuses(patterns))
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(text, encoding="utf-8")
    print("\n".join(text.splitlines()[:4]))
    print(f"report: {REPORT}")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
