"""`radar watch`: passes on a schedule, optionally committing each pass's backlog and snapshot.

Commits go to the git repository that holds --out, never to a scanned repository: the radar
refuses to commit when --out lies inside the scanned repository or any of its worktrees.
"""
from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from radar.infra.gitdoor import GitError, git

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> float:
    """'1h', '30m', '90s', '1d', '1h30m' -> seconds."""
    parts = re.fullmatch(r"(?:\d+[smhd])+", text.strip())
    if not parts:
        raise ValueError(f"--every {text!r}: expected a duration such as 90s, 30m, 1h or 1d")
    return float(sum(int(n) * _UNITS[u] for n, u in re.findall(r"(\d+)([smhd])", text)))


def commit_target(out: Path, scanned: Path) -> Path:
    """The top of the git repository holding --out, checked not to be a scanned tree."""
    try:
        top = Path(git(out, "rev-parse", "--show-toplevel")).resolve()
    except GitError as error:
        raise ValueError(f"--commit: {out} is not inside a git repository") from error
    scanned_tops = {scanned.resolve()}
    try:
        for line in git(scanned, "worktree", "list", "--porcelain").splitlines():
            if line.startswith("worktree "):
                scanned_tops.add(Path(line[len("worktree "):]).resolve())
    except GitError:
        pass
    for scanned_top in scanned_tops:
        if top == scanned_top or top.is_relative_to(scanned_top) or scanned_top.is_relative_to(top):
            raise ValueError(f"--commit: {top} holds a scanned tree; the radar never writes to what it scans")
    return top


def commit_pass(top: Path, paths: list[Path], message: str) -> None:
    relative = sorted({str(p.resolve().relative_to(top)) for p in paths})
    subprocess.run(["git", "-C", str(top), "add", "--", *relative], check=True, capture_output=True)
    staged = subprocess.run(["git", "-C", str(top), "diff", "--cached", "--quiet"], capture_output=True)
    if staged.returncode != 0:
        subprocess.run(["git", "-C", str(top), "commit", "-q", "-m", message, "--", *relative],
                       check=True, capture_output=True)


def watch(run_once: Callable[[], None], every: float, max_passes: int | None = None,
          sleep: Callable[[float], None] = time.sleep) -> int:
    """Run passes every `every` seconds (measured start to start). Returns passes run."""
    done = 0
    while max_passes is None or done < max_passes:
        started = time.monotonic()
        run_once()
        done += 1
        if max_passes is not None and done >= max_passes:
            break
        sleep(max(0.0, every - (time.monotonic() - started)))
    return done
