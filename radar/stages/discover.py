"""Discover stage: the scan surface, found anew on every run.

Every git worktree contributes its own namespace (`worktree_namespace`), the main checkout
contributes the subsystems merged into it (`main_namespaces`) or monorepo packages
(`subsystems`). Each subsystem appears once (a worktree's in-flight copy wins over the merged
one) and owns only the files under its namespace. Git is only read, through `gitdoor.git`;
what it says of a checkout's namespaces is gitstate.py's, their uncommitted changes worktree.py's.
Symlinks are never followed: one leaving the tree (or a namespace reached through one) is
counted, a loop is handed on for analyse to count, one staying inside is left to its target.

Commit dates are read back to a horizon (the gate's stability window), never through the whole
history: a committed file last changed before it is `settled`, its exact date unknown and not
needed (it is stable as far as age goes). The cost follows what changed lately, not history.
"""
from __future__ import annotations

import dataclasses
import errno
import hashlib
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path, PurePosixPath

from radar.config import FleetRules
from radar.globs import any_glob, any_glob_beneath
from radar.infra.gitdoor import GitError, git
from radar.stages.gitstate import GitState, Memo, dirty_paths, git_states, head_of, pathspecs, without_excluded
from radar.stages.worktree import changed_paths

# A subsystem with commits this recent (or uncommitted edits) is moving right now.
ACTIVE_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class SourceFile:
    path: str  # relative to the subsystem's checkout root, posix separators
    abspath: str
    blob: str | None  # git blob id when the working-tree file is known to match it
    last_change: datetime | None  # last commit touching the file inside the horizon, else None
    dirty: bool  # uncommitted changes (modified, added or untracked)
    settled: bool = False  # committed, last changed before the horizon (so last_change is None)


@dataclass(frozen=True)
class Subsystem:
    name: str
    source: str  # worktree | main | package | folder
    root: str  # absolute path of the checkout (or folder) the namespace lives in
    namespace: str  # relative to root
    branch: str | None
    head: str | None
    files: tuple[SourceFile, ...]
    last_change: datetime | None  # last commit in the namespace inside the horizon, else None
    dirty_files: tuple[str, ...]
    active: bool
    activity: str  # plain words: why it is (not) active


@dataclass(frozen=True)
class Fleet:
    repo: str
    kind: str  # git | folder
    subsystems: tuple[Subsystem, ...]
    symlinks_outside: int
    warnings: tuple[str, ...]
    scanned_at: datetime


@dataclass(frozen=True)
class _Checkout:
    path: Path
    head: str | None
    branch: str | None
    bare: bool
    missing: bool


def discover(repo: Path, rules: FleetRules, now: datetime | None = None, memo: Memo | None = None,
             horizon: timedelta | None = None) -> Fleet:
    """Find every subsystem of `repo` (a git repository or a plain folder). Commit dates are
    read back to `now - horizon` (never less than a day, the activity window), or through the
    whole history when `horizon` is None."""
    now = now or datetime.now(timezone.utc)
    repo = repo.resolve()
    if not repo.is_dir():
        raise FileNotFoundError(f"--repo {repo}: no such folder")
    try:  # one git process says both whether this is a repository and whether it is shallow
        shallow = git(repo, "rev-parse", "--is-shallow-repository") == "true"
    except GitError:
        return _printable(_discover_folder(repo, rules, now))
    since = None if horizon is None else now - max(horizon, ACTIVE_WINDOW)
    return _printable(_discover_git(repo, rules, now, None if shallow else memo, since))


def _printable(fleet: Fleet) -> Fleet:
    """Drop what JSON cannot carry: names that are not UTF-8 (git and os hand them over as
    surrogate escapes). Each is reported once, its bytes shown escaped."""
    if _utf8("\0".join(_names(fleet))):  # the usual case, checked at once: every name is
        return fleet
    warnings = list(fleet.warnings)
    subsystems = []
    for subsystem in fleet.subsystems:
        if not all(map(_utf8, (subsystem.name, subsystem.root, subsystem.namespace, subsystem.branch or ""))):
            warnings.append(f"subsystem {_escaped(subsystem.root)}/{_escaped(subsystem.namespace)} "
                            "has a name that is not UTF-8; skipped")
            continue
        odd = [f.path for f in subsystem.files if not _utf8(f.path)]
        warnings.extend(f"{subsystem.name}: file name {_escaped(p)} is not UTF-8; skipped" for p in odd)
        subsystems.append(dataclasses.replace(
            subsystem, files=tuple(f for f in subsystem.files if _utf8(f.path)),
            dirty_files=tuple(p for p in subsystem.dirty_files if _utf8(p))))
    return dataclasses.replace(fleet, subsystems=tuple(subsystems), warnings=tuple(warnings))


def _names(fleet: Fleet):
    for subsystem in fleet.subsystems:
        yield from (subsystem.name, subsystem.root, subsystem.namespace, subsystem.branch or "")
        yield from (f.path for f in subsystem.files)
        yield from subsystem.dirty_files


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _escaped(text: str) -> str:
    return os.fsencode(text).decode("utf-8", "backslashreplace")


# ---------------------------------------------------------------- git repositories

def _discover_git(repo: Path, rules: FleetRules, now: datetime, memo: Memo | None,
                  since: datetime | None) -> Fleet:
    # a shallow clone has no memo (the caller): deepening it changes what a log walk from the
    # same HEAD finds
    checkouts = _worktrees(repo)
    main, others = checkouts[0], checkouts[1:]
    warnings: list[str] = []
    rules, below = _relative_to_repo(repo, main.path, rules)
    if below:
        warnings.append(f"--repo {repo} is a folder of the git checkout {main.path}: the subsystem globs "
                        f"are read below it ({', '.join(rules.subsystems or rules.main_namespaces)})")
    found: dict[str, Subsystem] = {}
    outside = 0
    scannable = []
    for checkout in others:
        if checkout.missing or not checkout.path.is_dir():
            warnings.append(f"worktree {checkout.path} is registered but missing on disk; skipped")
            continue
        namespace = rules.worktree_namespace.format(name=checkout.path.name)
        if _through_symlink(checkout.path, namespace):
            warnings.append(f"namespace {namespace} of worktree {checkout.path} goes through a "
                            "symbolic link; not followed")
            outside += not _inside(checkout.path / namespace, checkout.path)
            continue
        scannable.append((checkout, namespace))
    states = git_states([(checkout.path, checkout.head, [namespace]) for checkout, namespace in scannable],
                         memo, since)
    for (checkout, namespace), state in zip(scannable, states):
        name = checkout.path.name
        subsystem, skipped = _git_subsystem(name, "worktree", checkout, namespace, rules, now, state, since)
        found.setdefault(name, subsystem)
        outside += skipped
    if not main.bare and main.path.is_dir():
        source = "package" if rules.subsystems else "main"
        namespaces, skipped, unmatched = _namespaces(main.path, rules)
        outside += skipped
        warnings += [f"fleet.subsystems glob {pattern!r} matches no {'file' if names_files(pattern) else 'folder'} "
                     f"of {main.path}" for pattern in rules.subsystems if pattern in unmatched]
        # the worktree's in-flight copy wins over the merged one
        merged = [(name, namespace) for name, namespace in namespaces if name not in found]
        wanted = [namespace for _, namespace in merged]
        # with a memo, uncommitted changes are asked of git for the kept paths only (worktree.py)
        whole = git_states([(main.path, main.head, wanted)], memo, since, status=memo is None)[0]
        state = without_excluded(whole, rules, memo)
        if memo is not None and wanted:
            excludes = tuple(rules.exclude)
            dirty, gone = changed_paths(main.path, main.head, pathspecs(wanted), wanted, list(whole.blobs),
                                        list(state.blobs), any_glob(excludes), any_glob_beneath(excludes), memo,
                                        dirty_paths)
            state = dataclasses.replace(state, dirty=dirty, gone=gone)
        states = state.split(wanted)
        grouping = _grouping(wanted)
        for name, namespace in merged:
            if namespace in grouping and not _holds_anything(states[namespace]):
                continue
            subsystem, skipped = _git_subsystem(name, source, main, namespace, rules, now, states[namespace],
                                                since)
            found[name] = subsystem
            outside += skipped
    subsystems = tuple(sorted(found.values(), key=lambda s: s.name))
    return Fleet(str(repo), "git", subsystems, outside, tuple(warnings), now)


def _relative_to_repo(repo: Path, root: Path, rules: FleetRules) -> tuple[FleetRules, str]:
    """Globs are relative to --repo: when it is a folder inside the checkout, prefix them."""
    try:
        below = repo.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return rules, ""
    if below in ("", "."):
        return rules, ""
    return dataclasses.replace(rules, subsystems=tuple(f"{below}/{g}" for g in rules.subsystems),
                               main_namespaces=tuple(f"{below}/{g}" for g in rules.main_namespaces)), below


def _worktrees(repo: Path) -> list[_Checkout]:
    text = git(repo, "worktree", "list", "--porcelain")
    checkouts: list[_Checkout] = []
    for block in text.strip().split("\n\n"):
        fields: dict[str, str] = {}
        for line in block.splitlines():
            key, _, value = line.partition(" ")
            fields[key] = value
        if "worktree" not in fields:
            continue
        branch = fields.get("branch")
        checkouts.append(_Checkout(
            path=Path(fields["worktree"]),
            head=fields.get("HEAD") if fields.get("HEAD", "").strip("0") else None,
            branch=branch.removeprefix("refs/heads/") if branch else None,
            bare="bare" in fields,
            missing="prunable" in fields or not Path(fields["worktree"]).exists(),
        ))
    return checkouts


def _namespaces(root: Path, rules: FleetRules) -> tuple[list[tuple[str, str]], int, set[str]]:
    """(name, namespace) for each folder of the main checkout matching the namespace globs (or
    file, for a glob naming files: see names_files), how many matches were reached through
    a symlink leaving the tree (never followed), and the globs that match nothing at all."""
    patterns = rules.subsystems or rules.main_namespaces
    matched: dict[str, bool] = {}  # namespace -> whether it is a file (globs are walked once)
    unmatched = set()
    for pattern in patterns:
        files, hits = names_files(pattern), 0
        hidden = pattern.rstrip("/").rpartition("/")[2].startswith(".")
        for found in root.glob(pattern):  # glob follows symlinked folders: checked below
            if not (found.is_file() if files else found.is_dir()) or (found.name.startswith(".") and not hidden):
                continue  # `*` names no `.github/` or `.githooks/`: tool folders, never a package
            hits += 1
            relative = found.relative_to(root)
            if ".git" not in relative.parts:
                matched.setdefault(relative.as_posix(), files)
        if not hits:
            unmatched.add(pattern)
    seen: dict[str, bool] = {}
    linked = {folder for folder in matched if _through_symlink(root, folder, seen)}
    folders = sorted(set(matched) - linked)
    names = _distinct_names(folders, [PurePosixPath(folder).with_suffix("").parts if matched[folder]
                                      else PurePosixPath(folder).parts for folder in folders])
    outside = sum(not _inside(root / folder, root) for folder in linked)
    return [
        (name, folder)
        for name, folder in zip(names, folders)
        if not _excluded(folder if matched[folder] else folder + "/", rules)
    ], outside, unmatched


SOURCE_FOLDERS = frozenset({"src", "source", "sources", "lib"})  # names saying "code", not whose


def _distinct_names(folders: list[str], parts: list[tuple[str, ...]]) -> list[str]:
    """Each folder's last part (a file's without its suffix), or where two share it as many of
    its last parts as tell it from every other (vector's `sinks/prometheus` and
    `sources/prometheus`, pants' `backend/javascript` and `experimental/javascript`): a name
    the backlog lists beside its neighbours', not `src/sinks/prometheus` beside `loki`. A file and
    a folder of one name (`x.py` beside `x/`) keep their whole paths. A folder named only as
    a package's sources (SOURCE_FOLDERS: retrofit's `retrofit/src` beside its test modules under
    `retrofit/*`) is named with its package's: `retrofit/src`, not `src`."""
    taken = [2 if len(path) > 1 and path[-1] in SOURCE_FOLDERS else 1 for path in parts]
    while True:
        names = ["/".join(path[-n:]) for path, n in zip(parts, taken)]
        counts = Counter(names)
        shared = [at for at, name in enumerate(names) if counts[name] > 1]
        longer = [at for at in shared if taken[at] < len(parts[at])]
        if not longer:
            kept = set(shared)
            return [folders[at] if at in kept else name for at, name in enumerate(names)]
        for at in longer:
            taken[at] += 1


def names_files(pattern: str) -> bool:
    """A glob whose last part names a file type (`integrations/*.py`) makes each matching file a
    subsystem (packages that are one module each); any other glob matches folders only, as does
    one ending with `/` (`src.ts/`, a folder whose name has a dot)."""
    return not pattern.endswith("/") and "." in pattern.rpartition("/")[2].lstrip(".")


def _through_symlink(root: Path, namespace: str, seen: dict[str, bool] | None = None) -> bool:
    """Whether any part of root/namespace below root is a symlink (git would not see through
    it, and the radar must not read through it). `seen`: answers for parts already looked at
    (a monorepo's packages share their folder)."""
    seen = {} if seen is None else seen
    current = str(root)
    for part in PurePosixPath(namespace).parts:
        current = os.path.join(current, part)
        if current not in seen:
            seen[current] = os.path.islink(current)
        if seen[current]:
            return True
    return False


def _grouping(namespaces: list[str]) -> set[str]:
    """The namespaces holding another: with no file of their own they only group subsystems (an
    npm scope, `packages/@sanity`, beside `packages/@sanity/*`), no subsystem themselves."""
    held = set(namespaces)
    return {parent for namespace in namespaces for parent in _parents(namespace) if parent in held}


def _parents(namespace: str) -> Iterator[str]:
    while "/" in namespace:
        namespace = namespace.rpartition("/")[0]
        yield namespace


def _holds_anything(state: GitState) -> bool:
    return any((state.blobs, state.symlinks, state.gitlinks, state.dirty, state.gone))


def _git_subsystem(name: str, source: str, checkout: _Checkout, namespace: str, rules: FleetRules,
                   now: datetime, state: GitState, since: datetime | None) -> tuple[Subsystem, int]:
    root = checkout.path
    blobs, symlinks, gitlinks, dirty, dates = state.blobs, state.symlinks, state.gitlinks, state.dirty, state.dates
    unchanged = set(blobs) - dirty - state.gone - symlinks - gitlinks  # as committed: regular files
    prefix = os.path.join(str(root), "")
    # A tracked, clean file the walk back to the horizon did not meet was committed before it.
    settled = set() if since is None else {p for p in blobs if p not in dates and p not in dirty}
    files: list[SourceFile] = []
    outside = 0
    for path in sorted(set(blobs) | {p for p in dirty if p not in gitlinks}):
        if _excluded(path, rules) or path in gitlinks:
            continue
        if path in unchanged:  # git status saw it as the index has it: no need to look again
            files.append(SourceFile(path, prefix + path, blobs[path], dates.get(path), False, path in settled))
            continue
        absolute = root / path
        is_dirty = path in dirty
        if path in symlinks or absolute.is_symlink():
            link = _symlink_kind(absolute, root)
            outside += link == "outside"
            if link == "loop":  # handed on, so analyse counts it; never followed
                files.append(SourceFile(path, str(absolute), None, dates.get(path), is_dirty, path in settled))
            continue
        if not absolute.is_file():
            if absolute.exists() and not absolute.is_dir():
                # A FIFO, socket or device where a file was: analyse counts it unreadable.
                files.append(SourceFile(path, str(absolute), None, dates.get(path), True, path in settled))
            continue  # otherwise deleted in the working tree
        files.append(SourceFile(path, str(absolute), None if is_dirty else blobs.get(path),
                                dates.get(path), is_dirty, path in settled))
    last = max(dates.values(), default=None)
    dirty_files = tuple(sorted(p for p in dirty if not _excluded(p, rules)))
    active, activity = _activity(last, dirty_files, now, since if settled else None)
    head = checkout.head or head_of(root)
    return Subsystem(name, source, str(root), namespace, checkout.branch, head, tuple(files),
                     last, dirty_files, active, activity), outside


def _activity(last: datetime | None, dirty: tuple[str, ...], now: datetime,
              settled_since: datetime | None = None) -> tuple[bool, str]:
    """Whether the subsystem is moving, in plain words. `settled_since`: the horizon, when some
    of its files were committed before it."""
    if dirty:
        return True, f"{len(dirty)} uncommitted file(s)"
    if last is None and settled_since is not None:
        return False, f"quiet for more than {describe_age(now - settled_since)}"
    if last is None:
        return False, "no commits in its namespace"
    age = now - last
    if age < ACTIVE_WINDOW:
        return True, f"committed {describe_age(age)} ago"
    return False, f"quiet for {describe_age(age)}"


def utc_iso(moment: datetime | None) -> str | None:
    """`2026-11-26T11:15:45Z`: the one timestamp format of snapshots and reports."""
    if moment is None:
        return None
    return moment.astimezone(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def describe_age(age: timedelta) -> str:
    seconds = max(0, int(age.total_seconds()))
    if seconds < 3600:
        return f"{seconds // 60} min"
    if seconds < 2 * 86400:
        return f"{seconds // 3600} h"
    return f"{seconds // 86400} days"


# ---------------------------------------------------------------- plain folders

def _discover_folder(folder: Path, rules: FleetRules, now: datetime) -> Fleet:
    subsystems = []
    namespaces, outside, _ = _namespaces(folder, rules)
    folders = [namespace for _, namespace in namespaces]
    grouping = _grouping(folders)
    for name, namespace in namespaces or [(folder.name, ".")]:
        # a namespace nested in this one owns its files (as GitState.split gives them)
        inner = {other for other in folders if other.startswith(namespace + "/")}
        files, skipped = _walk(folder, namespace, rules, inner)
        outside += skipped
        if namespace in grouping and not files:
            continue
        subsystems.append(Subsystem(name, "folder", str(folder), namespace, None, None, files,
                                    None, (), False, "plain folder: no history, counted stable"))
    return Fleet(str(folder), "folder", tuple(subsystems), outside, (), now)


def _walk(root: Path, namespace: str, rules: FleetRules,
          inner: set[str] = frozenset()) -> tuple[tuple[SourceFile, ...], int]:
    """The files under `namespace`, but for those under the namespaces `inner` (nested in it)."""
    files: list[SourceFile] = []
    outside = 0
    if (root / namespace).is_file():  # a one-module package (see names_files)
        return (SourceFile(namespace, str(root / namespace), None, None, False),), 0
    for directory, dirnames, filenames in os.walk(root / namespace, followlinks=False):
        here = Path(directory)
        for dirname in list(dirnames):
            if (here / dirname).is_symlink() or dirname == ".git":
                outside += (here / dirname).is_symlink() and _symlink_kind(here / dirname, root) == "outside"
                dirnames.remove(dirname)
            elif inner and (here / dirname).relative_to(root).as_posix() in inner:
                dirnames.remove(dirname)
        dirnames.sort()
        for filename in sorted(filenames):
            absolute = here / filename
            path = absolute.relative_to(root).as_posix()
            if _excluded(path, rules) or path in inner:
                continue
            if absolute.is_symlink():
                link = _symlink_kind(absolute, root)
                outside += link == "outside"
                if link != "loop":
                    continue  # a loop is handed on, so analyse counts it; never followed
            files.append(SourceFile(path, str(absolute), None, None, False))
    return tuple(files), outside


def _symlink_kind(path: Path, root: Path) -> str:
    """inside (its target is scanned, or not, on its own) | outside (or dangling out) | loop."""
    try:
        os.path.realpath(path, strict=True)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "loop"
    return "inside" if _inside(path, root) else "outside"


def _inside(path: Path, root: Path) -> bool:
    try:
        return Path(os.path.realpath(path)).is_relative_to(Path(os.path.realpath(root)))
    except OSError:
        return False


def _excluded(path: str, rules: FleetRules) -> bool:
    return any_glob(tuple(rules.exclude))(path)


def content_blob_id(data: bytes) -> str:
    """The id git would give these bytes, so plain folders and dirty files share the cache."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
