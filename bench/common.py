"""Shared helpers for the benchmarks: paths, git with a fixed identity, jscpd install,
and running a child process while measuring its wall time and peak memory."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / ".work"
VENV = Path(sys.prefix)  # the venv running the benchmark (`.venv/bin/python bench/...`)
RADAR = VENV / "bin" / "radar"
JSCPD_VERSION = "5.3.2"
JSCPD_PREFIX = WORK / "jscpd"
JSCPD = JSCPD_PREFIX / "node_modules" / ".bin" / "jscpd"


def site_packages() -> Path:
    return next((VENV / "lib").glob("python3*/site-packages"))


# Corpus packages (import name -> distribution), all in the `bench` extra of pyproject.toml.
DISTRIBUTIONS = {"yaml": "PyYAML", "git": "GitPython", "gitdb": "gitdb", "jsonschema": "jsonschema",
                 "hypothesis": "hypothesis", "click": "click", "jinja2": "Jinja2", "requests": "requests",
                 "_pytest": "pytest", "packaging": "packaging", "dateutil": "python-dateutil",
                 "attr": "attrs", "anyio": "anyio", "networkx": "networkx"}


def package_source(relative: str) -> Path:
    """The installed source folder of a corpus package (`networkx/algorithms` works too). A
    missing one stops the benchmark: a smaller corpus would give figures nobody can compare."""
    folder = site_packages() / relative
    if not folder.is_dir() or not any(folder.rglob("*.py")):
        top = relative.split("/")[0]
        raise SystemExit(f"error: benchmark corpus package {top!r} ({DISTRIBUTIONS.get(top, top)}) is not "
                         f"installed in {VENV}: run `{VENV}/bin/pip install -e '.[bench]'`")
    return folder


def git_env(date: datetime | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update({"GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid",
                "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.invalid",
                "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(WORK)})
    if date is not None:
        stamp = date.strftime("%Y-%m-%dT%H:%M:%S+0000")
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = stamp
    return env


def git(cwd: Path, *args: str, date: datetime | None = None) -> str:
    return subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false",
                           *args], cwd=cwd, env=git_env(date), check=True,
                          capture_output=True, text=True).stdout


def commit_all(repo: Path, message: str, days_ago: float = 90) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message,
        date=datetime.now(timezone.utc) - timedelta(days=days_ago))


def ensure_jscpd() -> Path:
    if not JSCPD.exists():
        JSCPD_PREFIX.mkdir(parents=True, exist_ok=True)
        print(f"installing jscpd@{JSCPD_VERSION} into {JSCPD_PREFIX}", file=sys.stderr)
        subprocess.run(["npm", "i", "-E", f"jscpd@{JSCPD_VERSION}", "--prefix", str(JSCPD_PREFIX)],
                       check=True, stdout=subprocess.DEVNULL)
    return JSCPD


def _tree_rss_kb(pid: int) -> int:
    """Resident set size (kB) of pid and all of its descendants, from /proc."""
    total, stack, seen = 0, [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError, ValueError):
            pass
    return total


class Run:
    def __init__(self, wall: float, tree_peak_mb: float, max_proc_mb: float, rc: int,
                 stderr: str, cpu: float = 0.0):
        self.wall, self.tree_peak_mb, self.max_proc_mb = wall, tree_peak_mb, max_proc_mb
        self.rc, self.stderr, self.cpu = rc, stderr, cpu


def measure(cmd: list[str], cwd: Path, timeout: float = 300, env=None) -> Run:
    """Run cmd as a child; wall time, CPU time, peak RSS of its process tree (sampled every 10 ms)
    and the largest single-process max RSS (wait4 rusage of the child, which covers the
    child and the descendants it waited for)."""
    peak = [0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))
            done.wait(0.01)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)  # noqa: F841  (status via proc below)
        proc.returncode = os.waitstatus_to_exitcode(status)
    except ChildProcessError:
        proc.wait(timeout)
        usage = None
    wall = time.perf_counter() - t0
    done.set()
    th.join()
    err = proc.stderr.read() if proc.stderr else ""
    max_proc = usage.ru_maxrss / 1024 if usage else 0.0
    # user + system CPU of the child and every descendant it waited for (workers, git): on a
    # shared machine it moves far less with the load than wall time does
    cpu = usage.ru_utime + usage.ru_stime if usage else 0.0
    return Run(wall, peak[0] / 1024, max_proc, proc.returncode, err, cpu)


def source_files(root: Path, exts: tuple[str, ...], skip: frozenset[str] = frozenset()) -> list[Path]:
    """Files under root with the given suffixes, skipping .git and folders named in `skip`."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d != ".git" and d not in skip]
        found.extend(Path(dirpath, n) for n in filenames if n.endswith(exts))
    return found


def count_lines(paths: Iterable[Path]) -> tuple[int, int, int]:
    """files, lines, bytes of these files."""
    files = lines = size = 0
    for p in paths:
        data = p.read_bytes()
        files += 1
        lines += data.count(b"\n")
        size += len(data)
    return files, lines, size


def fresh(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path
