"""What git says about a checkout's namespaces: tracked blobs, uncommitted changes and the
last commit dates back to the stability window, three git calls however many namespaces, two
of their answers remembered between passes (the log walk per HEAD, the index listing per
index file). Discover (discover.py) turns these states into subsystems.
"""
from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Protocol

from radar.config import FleetRules
from radar.globs import any_glob, any_glob_beneath
from radar.infra.cache import SHAPING, key_digest
from radar.infra.gitdoor import GitError, git

HORIZON_MARGIN = timedelta(days=1)  # dates are read this much further back, so a day of passes reuses them
GIT_THREADS = 4  # git processes at once while reading worktrees: as fast as 8 on 2 cores, less memory


class Memo(Protocol):
    """Where the commit dates of a checkout are remembered between passes (cache.ParseCache)."""

    def get_many(self, keys: list[str]) -> dict[str, object]: ...

    def put_many(self, items: dict[str, object], replacing: Iterable[str] = ()) -> None: ...


@dataclass(frozen=True)
class GitState:
    """What git says about some namespaces of one checkout: three git calls, however many."""

    blobs: dict[str, str]
    symlinks: set[str]
    gitlinks: set[str]
    dirty: set[str]
    dates: dict[str, datetime]
    gone: set[str] = dataclasses.field(default_factory=set)  # tracked, but deleted (or no longer a file)
    listing: str | None = None  # the memo key of the index listing `blobs` came from, when known

    def split(self, namespaces: list[str]) -> dict[str, "GitState"]:
        """Each namespace's share, in one pass over the paths (a monorepo has tens of thousands):
        a path's owner is looked up by its prefixes, never by trying every namespace. A path under
        two nested namespaces (`*` and `instrumentation/*`) is the inner one's only: counted in
        both, every unit of the inner would be a copy of itself in the outer."""
        parts = {ns: GitState({}, set(), set(), set(), {}) for ns in namespaces}
        owners = Owners(namespaces)
        for path, blob in self.blobs.items():
            for namespace in owners.innermost(path):
                parts[namespace].blobs[path] = blob
        for path, when in self.dates.items():
            for namespace in owners.innermost(path):
                parts[namespace].dates[path] = when
        for kind in ("symlinks", "gitlinks", "dirty", "gone"):
            for path in getattr(self, kind):
                for namespace in owners.innermost(path):
                    getattr(parts[namespace], kind).add(path)
        return parts


def git_states(checkouts: list[tuple[Path, str | None, list[str]]], memo: Memo | None,
                since: datetime | None = None, status: bool = True) -> list[GitState]:
    """The state of each (checkout root, HEAD, namespaces), commit dates back to `since` (None:
    the whole history). A checkout costs up to three git processes, mostly waiting on the disk,
    so they run side by side. Two of the three answers are remembered: the log walk per HEAD
    commit (a commit never changes; the walk goes back a day further than asked, so a day of
    passes reuses it), the index listing per identity of the index file (git rewrites the file
    whenever the index changes). Only `git status`, which looks at the working tree, runs
    every pass."""
    reach = None if since is None else since - HORIZON_MARGIN
    keys = [(_dates_key(root, head, namespaces) if head and namespaces else None,
             _tracked_key(root, namespaces) if namespaces else None) for root, head, namespaces in checkouts]
    known = memo.get_many([key for pair in keys for key in pair if key]) if memo else {}
    remembered = [(_dates_from(known.get(dates), since) if dates else None,
                   _tracked_from(known.get(tracked)) if tracked else None) for dates, tracked in keys]
    if len(checkouts) > 1:
        states = _side_by_side(checkouts, remembered, reach, status)
    else:  # none or one (a repository without worktrees): no pool, nor concurrent.futures' ~5 ms of imports
        states = [_git_state(root, namespaces, *known, reach, status)
                  for (root, _, namespaces), known in zip(checkouts, remembered)]
    if memo:
        fresh: dict[str, object] = {}
        for (dates_key, tracked_key), (dates, tracked), state in zip(keys, remembered, states):
            if dates_key and dates is None:
                fresh[dates_key] = (_stamp(reach), {path: _stamp(when) for path, when in state.dates.items()})
            if tracked_key and tracked is None:
                fresh[tracked_key] = (state.blobs, sorted(state.symlinks), sorted(state.gitlinks))
        memo.put_many(fresh, replacing=[family(key) for key in fresh])
    # What is older than `since` is settled, whatever the walk (or its memo) reached.
    return [dataclasses.replace(state, listing=tracked_key) if since is None else dataclasses.replace(
        state, dates={path: when for path, when in state.dates.items() if when >= since}, listing=tracked_key)
            for state, (_, tracked_key) in zip(states, keys)]


def _side_by_side(checkouts: list, remembered: list, reach, status) -> list[GitState]:
    """_git_state of each checkout, GIT_THREADS at a time."""
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(max_workers=GIT_THREADS)
    try:
        states = list(pool.map(lambda job, known: _git_state(job[0], job[2], *known, reach, status),
                               checkouts, remembered))
    except BaseException:  # Ctrl-C: leave the running git calls behind instead of waiting for them
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return states


def without_excluded(state: GitState, rules: FleetRules, memo: Memo | None) -> GitState:
    """The state without the tracked paths fleet.exclude leaves out (their commit dates stay:
    they still date the subsystem). A monorepo tracks tens of thousands of files, most of them
    tests and fixtures; which are left out depends on the index listing and the globs alone,
    so it is remembered with the listing and not matched again every pass."""
    key = None
    if memo is not None and state.listing:
        _, checkout, identity = state.listing.split("/", 2)
        key = f"kept/{checkout}/" + key_digest((identity, tuple(rules.exclude), SHAPING))
    kept = memo.get_many([key]).get(key) if key else None
    if not isinstance(kept, list) or not all(path in state.blobs for path in kept):
        kept = _kept(list(state.blobs), tuple(rules.exclude))
        if key:
            memo.put_many({key: kept}, replacing=[family(key)])
    return dataclasses.replace(state, blobs={path: state.blobs[path] for path in kept})


def _kept(paths: list[str], globs: tuple[str, ...]) -> list[str]:
    """The paths no glob leaves out, in order. A path in a folder whose every path is left out
    (`**/test/**`) is decided by its folder, once per folder, not matched on its own."""
    excluded, beneath = any_glob(globs), any_glob_beneath(globs)
    covered: dict[str, bool] = {"": False}

    def folder_covered(folder: str) -> bool:
        if folder not in covered:
            parent = folder.rpartition("/")[0]
            covered[folder] = folder_covered(parent) or beneath(folder)
        return covered[folder]

    return [path for path in paths if not folder_covered(path.rpartition("/")[0]) and not excluded(path)]


def _stamp(moment: datetime | None) -> int | None:
    return None if moment is None else int(moment.timestamp())


def _dates_key(root: Path, head: str, namespaces: list[str]) -> str:
    return f"dates/{key_digest((str(root), namespaces))}/{head}"


def _dates_from(memo: object, since: datetime | None) -> dict[str, datetime] | None:
    """Remembered dates, when the walk they came from reached back to `since` (None: the whole
    history); a walk that stopped short is a miss."""
    try:
        reached, dates = memo
    except (TypeError, ValueError):
        return None
    if not isinstance(dates, dict) or not all(isinstance(when, int) for when in dates.values()):
        return None
    if reached is not None and (since is None or not isinstance(reached, int) or reached > since.timestamp()):
        return None
    return {path: datetime.fromtimestamp(when, timezone.utc) for path, when in dates.items()}


def index_file(root: Path) -> Path | None:
    """The path of a checkout's index file, found without asking git, or None."""
    dotgit = root / ".git"
    try:
        if dotgit.is_dir():
            return dotgit / "index"
        text = dotgit.read_text(encoding="utf-8")  # a linked worktree: "gitdir: <its folder>"
    except (OSError, UnicodeError):
        return None
    return (root / text[len("gitdir: "):].strip()) / "index" if text.startswith("gitdir: ") else None


def family(key: str) -> str:
    """The prefix of one checkout's entries of a kind: a new answer replaces the older ones."""
    return key[:key.rindex("/") + 1]


def _tracked_key(root: Path, namespaces: list[str]) -> str | None:
    """The index file's path and identity (inode, size, times), or None when it cannot be found
    without asking git (then git is asked)."""
    index = index_file(root)
    if index is None:
        return None
    try:
        info = os.stat(index)
    except OSError:
        return None
    identity = (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    return f"tracked/{key_digest((str(index), namespaces))}/{key_digest(identity)}"


def _tracked_from(memo: object) -> tuple[dict[str, str], set[str], set[str]] | None:
    try:
        blobs, symlinks, gitlinks = memo
    except (TypeError, ValueError):
        return None
    if not isinstance(blobs, dict) or not isinstance(symlinks, list) or not isinstance(gitlinks, list):
        return None
    return blobs, set(symlinks), set(gitlinks)


def _git_state(root: Path, namespaces: list[str], dates: dict[str, datetime] | None = None,
               tracked: tuple[dict[str, str], set[str], set[str]] | None = None,
               since: datetime | None = None, status: bool = True) -> GitState:
    if not namespaces:
        return GitState({}, set(), set(), set(), {})
    blobs, symlinks, gitlinks = tracked or tracked_blobs(root, namespaces)
    if dates is None:
        dates = _last_changes(root, namespaces, since)
    dirty, gone = dirty_paths(root, pathspecs(namespaces)) if status else (set(), set())
    return GitState(blobs, symlinks, gitlinks, dirty, dates, gone)


PATHSPEC_SIBLINGS = 8  # more namespaces than this in one folder: git is asked about the folder


def pathspecs(namespaces: list[str]) -> list[str]:
    """What git is asked about: the namespaces, except that many siblings (a monorepo's
    packages/*) become their folder. Git matches every path against every pathspec, so 150
    packages cost more than their folder; what lies in the folder outside the namespaces is
    dropped again by GitState.split."""
    siblings: dict[str, list[str]] = {}
    for namespace in namespaces:
        siblings.setdefault(namespace.rpartition("/")[0], []).append(namespace)
    specs = []
    for folder, names in siblings.items():
        specs.extend([folder] if folder and len(names) > PATHSPEC_SIBLINGS else names)
    return specs


class Owners:
    """Which of some namespaces holds a path (its own folder, or the deepest one above it), by
    looking its prefixes up at the depths namespaces have: linear in paths, whatever the
    namespaces."""

    def __init__(self, namespaces: Iterable[str]):
        self.namespaces = set(namespaces)
        self.everywhere = [whole for whole in ("", ".") if whole in self.namespaces][:1]
        self.depths = sorted({ns.count("/") + 1 for ns in self.namespaces if ns not in ("", ".")}, reverse=True)

    def innermost(self, path: str) -> list[str]:
        """The deepest namespace holding the path, if any (as a list: none or one)."""
        parts = path.split("/")
        for depth in self.depths:
            if depth > len(parts):
                continue
            prefix = path if depth == len(parts) else "/".join(parts[:depth])
            if prefix in self.namespaces:
                return [prefix]
        return self.everywhere


def tracked_blobs(root: Path, namespaces: list[str]) -> tuple[dict[str, str], set[str], set[str]]:
    """Blob id of every tracked path under the namespaces (every path, none given); which are
    symlinks; which submodules."""
    blobs: dict[str, str] = {}
    symlinks: set[str] = set()
    gitlinks: set[str] = set()
    output = git(root, "-c", "core.quotePath=false", "ls-files", "-s", "-z", "--", *pathspecs(namespaces))
    for entry in filter(None, output.split("\0")):
        meta, _, path = entry.partition("\t")
        mode, blob, _stage = meta.split(" ")
        if mode == "120000":
            symlinks.add(path)
        elif mode == "160000":
            gitlinks.add(path)
        blobs[path] = blob
    return blobs, symlinks, gitlinks


def dirty_paths(root: Path, specs: list[str], literal: bool = False) -> tuple[set[str], set[str]]:
    """Paths with uncommitted changes, untracked files included (ignored files excluded), and
    tracked paths deleted from the working tree (or that are no longer a file there), under the
    pathspecs `specs` (`literal`: paths, no glob in them)."""
    output = git(root, *(["--literal-pathspecs"] if literal else []), "-c", "core.quotePath=false", "status",
                 "--porcelain=v1", "-z", "--untracked-files=all", "--ignore-submodules=all", "--", *specs)
    paths: set[str] = set()
    gone: set[str] = set()
    entries = output.split("\0")
    index = 0
    while index < len(entries):
        entry = entries[index]
        index += 1
        if len(entry) < 4:
            continue
        status, path = entry[:2], entry[3:]
        if status[0] in "RC":
            index += 1  # the rename's source path follows
        if status.strip() != "D":
            paths.add(path)
        else:
            gone.add(path)
    return paths, gone


def _last_changes(root: Path, namespaces: list[str], since: datetime | None = None) -> dict[str, datetime]:
    """Date of the last commit touching each path under the namespaces, for the paths changed
    since `since` (None: the whole history): one log walk, which git stops at the first
    commit older than `since` (committer dates, as %ct)."""
    bound = [] if since is None else [f"--since=@{int(since.timestamp())}"]
    try:
        # -z: names with quotes, tabs or newlines come verbatim (otherwise git quotes them).
        output = git(root, "-c", "core.quotePath=false", "log", "-z", "--format=%x01%ct", *bound,
                     "--name-only", "--no-renames", "--", *pathspecs(namespaces))
    except GitError:
        return {}  # an empty repository has no commits yet
    dates: dict[str, datetime] = {}
    current: datetime | None = None
    for entry in output.split("\0"):
        entry = entry.removeprefix("\n")  # the newline between a commit line and its names
        if entry.startswith("\x01") and entry[1:].isdigit():
            current = datetime.fromtimestamp(int(entry[1:]), timezone.utc)
        elif entry and current is not None:
            dates.setdefault(entry, current)
    return dates


def head_of(root: Path) -> str | None:
    try:
        return git(root, "rev-parse", "--verify", "-q", "HEAD") or None
    except GitError:
        return None
