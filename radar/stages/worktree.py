"""Uncommitted changes of the scanned files: `git status`, asked only where something may have moved;
and the files a checkout's commits changed since an earlier HEAD (`committed_between`).

`git status` costs more here than where a person types it. It lstats every tracked file and walks
every folder for untracked files, though the radar drops every answer about a path fleet.exclude
leaves out (babel: 26k of 27k tracked files are tests and fixtures, 0.25 s a pass). And with
optional locks off it may never write its index back, so an entry it finds "racy" stays racy: git
built without USE_NSEC (its default; Debian's 2.39 here) takes every file modified in the second
its index was written as maybe changed, and reads it again every time. A fresh clone writes many
of its files in that second (moto: 1.8k and 2.9k of 3.4k in two clones, 0.1-0.3 s every pass).
So git is asked about the paths that may have changed only:
- every path whose index entry differs from HEAD (`git diff-index --cached`, both sides of a
  rename, excluded or not: status pairs them as a whole status would);
- every kept tracked file (not excluded) whose lstat differs from what the index recorded for it,
  whose entry is flagged or racy (modified no earlier than the index file, to the nanosecond:
  a change after the index was written always is), or that is gone;
- every entry of the folders holding kept files that the index does not hold and fleet.exclude
  does not leave out entirely (an untracked file, or an untracked folder as a whole), found by
  listing those folders only, never the excluded ones.
When none is left, nothing changed and git status does not run. A path git would report and
the radar reads is always among those asked about, and git answers for a path as it would in
a whole status (its own ignore rules, renames among the paths asked), so the answer the radar
keeps is the same (tests/stages/test_worktree.py compares them). The index's records are read
once per index file (`git ls-files --debug`) and remembered with it; anything unexpected in
them, or too many paths to ask about, falls back to the whole status, and so does a pass with
no cache to remember them in.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from radar.infra.cache import SHAPING, key_digest
from radar.infra.gitdoor import GitError, git
from radar.stages.gitstate import family, index_file

MAX_ASKED = 256  # more paths than this: one whole status is cheaper than matching them all
_HIGH = 0xFFFFFFFF  # the index keeps times, device, inode and size as 32-bit numbers


class Unreadable(Exception):
    """The index's records are not in the form this module reads: ask git about everything."""


def changed_paths(root: Path, head: str | None, specs: list[str], namespaces: list[str], tracked: list[str],
                  kept: list[str], excluded: Callable[[str], bool], folder_excluded: Callable[[str], bool], memo,
                  status: Callable[[Path, list[str], bool], tuple[set[str], set[str]]]
                  ) -> tuple[set[str], set[str]]:
    """(dirty, gone) as `status(root, specs, False)` gives them for the kept paths and the
    untracked ones fleet.exclude keeps: `status(root, paths, True)` on the paths that may have
    changed, or nothing at all. `tracked`: the index's paths under `specs`; `kept`: those the
    radar reads; `folder_excluded(folder)`: every path below it is excluded."""
    index = index_file(root)
    if memo is None or head is None or index is None:
        return status(root, specs, False)
    try:
        info = os.stat(index)
        identity = (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
        key = (f"worktree/{key_digest((str(root), specs))}/"
               + key_digest((identity, head, namespaces, sorted(kept), SHAPING)))
        known = memo.get_many([key]).get(key)
        records, staged, folders = known if _valid(known) else _records(root, head, specs, tracked, kept,
                                                                         folder_excluded, memo, key)
        asked = _asked(root, namespaces, records, set(folders), staged, info.st_mtime_ns,
                       excluded, folder_excluded)
    except (Unreadable, OSError, GitError, ValueError):
        return status(root, specs, False)
    if asked is None:
        return status(root, specs, False)
    if not asked:
        return set(), set()
    return status(root, sorted(asked), True)


def _valid(known: object) -> bool:
    try:
        records, staged, folders = known
    except (TypeError, ValueError):
        return False
    return isinstance(records, dict) and isinstance(staged, list) and isinstance(folders, list)


def _records(root: Path, head: str, specs: list[str], tracked: list[str], kept: list[str],
             folder_excluded: Callable[[str], bool], memo, key: str) -> tuple:
    """The index's records of the kept paths, the paths staged against HEAD, and the folders
    holding tracked paths that a walk enters (none inside a folder fleet.exclude leaves out);
    remembered per index file, HEAD and kept paths."""
    wanted = set(kept)
    records = _index_records(git(root, "-c", "core.quotePath=false", "ls-files", "-s", "--debug", "-z",
                                 "--", *specs), wanted)
    staged = [p for p in git(root, "-c", "core.quotePath=false", "diff-index", "--cached", "--name-only", "-z",
                             "--no-renames", "--ignore-submodules=all", head, "--", *specs).split("\0") if p]
    holding: set[str] = set()
    for folder in {path.rpartition("/")[0] for path in tracked}:  # each file's folder once, then upward
        while folder and folder not in holding:
            holding.add(folder)
            folder = folder.rpartition("/")[0]
    entered: set[str] = set()
    for folder in sorted(holding, key=len):  # a parent before its children
        parent = folder.rpartition("/")[0]
        if (not parent or parent in entered) and not folder_excluded(folder):
            entered.add(folder)
    value = (records, staged, sorted(entered))
    memo.put_many({key: value}, replacing=[family(key)])
    return value


def _index_records(output: str, wanted: set[str]) -> dict[str, tuple]:
    """path -> (mode, stage, flags, ctime s, ns, mtime s, ns, dev, ino, uid, gid, size) of the
    wanted paths, from `ls-files -s --debug -z` (each entry's NUL-ended name, then its lines)."""
    records: dict[str, tuple] = {}
    pieces = (output + "\n" if output else output).split("\0")  # gitdoor took the last newline off
    header = pieces[0]
    for piece in pieces[1:]:
        meta, tab, path = header.partition("\t")
        end = piece.find("\n", piece.find("flags: "))
        if not tab or end < 0:
            raise Unreadable(header)
        if path in wanted:
            records[path] = _record(meta, piece[:end])
        header = piece[end + 1:]
    if header or len(records) != len(wanted):  # every kept path is in the index: else misread
        raise Unreadable(header or "kept paths missing from the index's records")
    return records


def _record(meta: str, debug: str) -> tuple:
    mode, _blob, stage = meta.split(" ")
    fields = debug.split()
    try:
        values = dict(zip(fields[0::2], fields[1::2]))
        ctime, mtime = values["ctime:"].split(":"), values["mtime:"].split(":")
        return (int(mode, 8), int(stage), int(values["flags:"], 16), int(ctime[0]), int(ctime[1]),
                int(mtime[0]), int(mtime[1]), int(values["dev:"]), int(values["ino:"]), int(values["uid:"]),
                int(values["gid:"]), int(values["size:"]))
    except (KeyError, ValueError, IndexError) as error:
        raise Unreadable(debug) from error


def _asked(root: Path, namespaces: list[str], records: dict[str, tuple], folders: set[str], staged: list[str],
           index_time: int, excluded: Callable[[str], bool],
           folder_excluded: Callable[[str], bool]) -> set[str] | None:
    """The paths git must be asked about (see the module docstring), or None when too many."""
    asked = set(staged)
    prefix = os.path.join(str(root), "")
    for path, record in records.items():
        if not _unchanged(prefix + path, record, index_time):
            asked.add(path)
    for namespace in namespaces:
        _untracked(root, namespace, records, folders, excluded, folder_excluded, asked)
        if len(asked) > MAX_ASKED:
            return None
    return asked


def _unchanged(absolute: str, record: tuple, index_time: int) -> bool:
    """Whether git would take the file as the index has it without reading it: the same lstat
    as recorded, no flag, and not racy (git's rule: recorded as modified no earlier than the
    index file was written, `index_time` in ns; git reads those again)."""
    mode, stage, flags, ctime, ctime_ns, mtime, mtime_ns, dev, ino, uid, gid, size = record
    if mode == 0o160000:  # a submodule: status runs with --ignore-submodules=all
        return os.path.isdir(absolute)
    if stage or flags or mtime * 10**9 + mtime_ns >= index_time:
        return False
    try:
        info = os.lstat(absolute)
    except OSError:
        return False
    kind = 0o120000 if stat.S_ISLNK(info.st_mode) else (
        (0o100755 if info.st_mode & stat.S_IXUSR else 0o100644) if stat.S_ISREG(info.st_mode) else -1)
    return (kind == mode and info.st_size & _HIGH == size
            and divmod(info.st_mtime_ns, 10**9) == (mtime, mtime_ns) and divmod(info.st_ctime_ns, 10**9) == (ctime, ctime_ns)
            and info.st_ino & _HIGH == ino and info.st_dev & _HIGH == dev and info.st_uid == uid and info.st_gid == gid)


def _untracked(root: Path, namespace: str, records: dict[str, tuple], folders: set[str],
               excluded: Callable[[str], bool], folder_excluded: Callable[[str], bool], asked: set[str]) -> None:
    """Add the entries of the folders holding tracked paths that the index does not hold:
    files fleet.exclude keeps, and folders it does not leave out entirely (git walks those)."""
    top = "" if namespace in ("", ".") else namespace
    if top and top not in folders:  # no tracked path below: the namespace is one path to ask about
        if top not in records and os.path.lexists(root / top) and not (
                excluded(top) if not os.path.isdir(root / top) else folder_excluded(top)):
            asked.add(top)
        return
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(root / folder if folder else root))
        except OSError:
            asked.add(folder)
            continue
        for entry in entries:
            if entry.name == ".git":  # git never reports it
                continue
            path = f"{folder}/{entry.name}" if folder else entry.name
            if path in records:
                continue
            if entry.is_dir(follow_symlinks=False):
                if folder_excluded(path):
                    continue
                if path in folders:
                    stack.append(path)
                else:
                    asked.add(path)
            elif not excluded(path):
                asked.add(path)


def committed_between(root: str, before: str, after: str) -> frozenset[str] | None:
    """The paths whose committed content differs between commits `before` and `after` of the
    checkout at `root`, or None when git cannot tell (a commit no longer there)."""
    try:
        output = git(Path(root), "-c", "core.quotePath=false", "diff", "--name-only", "--no-renames", "-z",
                     before, after, "--")
    except GitError:
        return None
    return frozenset(path for path in output.split("\0") if path)
