"""The layout remembered between passes: a scan with no rules folder reads the layout `radar
init` would write on every pass (babel's 27k files: 0.46 s), so it takes it from the cache while
nothing it was read from has changed. layout.py reads it; this module only files and checks it."""
from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

from radar.commands import (attributes, drops, excluded_names, excludes, folders, generator_outputs, go_layout, layout,
                            marked_folders, package_folders, parts, plugin_modules, sibling_folders, top, tracked,
                            translations, uncovered, vendored)
from radar.commands.excludes import generated_head
from radar.commands.layout import Layout, read_layout
from radar.infra.cache import SHAPING, code_stamp, key_digest
from radar.infra.gitdoor import GitError
from radar.stages import declared, generated, homes, languages, reading
from radar.stages import manifests as c_suffixes  # HEADER_SUFFIXES, C_SOURCES, C_FAMILY, read by layout.py
from radar.stages.gitstate import index_file, tracked_blobs
from radar.stages.languages import language_for
from radar.stages.toolfiles import configures_a_tool


def _layout_modules() -> tuple:
    """What decides the layout: layout.py and every module of radar.commands it reads (folders.py,
    excludes.py, excluded_names.py, sibling_folders.py …), the generated-code check (generated.py)
    and the language tables they read (reading.py, languages.py, manifests.py's C suffixes and
    family, languages.yaml through SHAPING and its unread languages, homes.py's language families
    and declared.py's, which they are made of), which files configure a tool (toolfiles.py), and
    this module."""
    return (layout, package_folders, go_layout, plugin_modules, folders, top, tracked, uncovered, parts, excludes,
            excluded_names, sibling_folders, attributes, marked_folders, generator_outputs, drops, translations,
            vendored, reading, generated, languages, c_suffixes, homes, declared,
            sys.modules[configures_a_tool.__module__],
            sys.modules[__name__])


def remembered_layout(repo: Path, memo) -> Layout:
    """read_layout(), taken from `memo` (cache.ParseCache) while the checkout's index file, its
    worktrees, the manifests read for build outputs and the files measured are as they were: a
    scan with no rules folder reads the layout each pass (babel's 27k files: 0.46 s). A commit
    that changes no tracked path, no file the layout read and makes no file generated leaves it
    as it was too (_unmoved): a scheduled pass after each commit had read it again (moto: 0.7 s)."""
    identity = _checkout_identity(repo)
    code = code_stamp(("layout", SHAPING, languages.unread_table()), _layout_modules())
    if memo is None or identity is None or code is None:
        return read_layout(repo)
    family = f"layout/{key_digest(str(repo))}/"
    key, blobs_key = family + key_digest(code), family + key_digest((code, "blobs"))
    try:
        was, fields, manifests = memo.get_many([key]).get(key)
        if manifests == _stats(repo, [path for path, _ in manifests]):
            if was == identity:
                return Layout(*fields)
            blobs = _unmoved(repo, was, identity, memo.get_many([blobs_key]).get(blobs_key), manifests)
            if blobs is not None:
                memo.put_many({key: (identity, fields, manifests), blobs_key: blobs}, replacing=[family])
                return Layout(*fields)
    except (TypeError, ValueError):
        pass
    found = read_layout(repo)
    read = sorted({why[why.index("(") + 1:why.index("'s ")] for _, why, _ in found.excludes
                   if why.startswith("build output")} | set(found.measured))
    memo.put_many({key: (identity, dataclasses.astuple(found), _stats(repo, read)),
                   blobs_key: _blobs(repo) or {}}, replacing=[family])
    return found


def _unmoved(repo: Path, was: tuple, identity: tuple, blobs_then: object, manifests: list) -> dict | None:
    """The tracked files' blob ids now, when the layout remembered still holds though the index
    changed: the same worktrees and tracked paths, and every file changed since a source file the
    layout did not measure and that is not generated now (a banner added at its head would make
    it so); None otherwise. The other files (manifests, `.gitmodules`, requirements) may decide
    a glob: one changed reads the layout again."""
    blobs = _blobs(repo) if was[-1] == identity[-1] and isinstance(blobs_then, dict) else None
    if blobs is None or blobs.keys() != blobs_then.keys():
        return None
    measured = {path for path, _ in manifests}
    changed = [path for path, blob in blobs.items() if blobs_then[path] != blob]
    if any(path in measured or not language_for(path) or generated_head(repo / path) for path in changed):
        return None
    return blobs


def _blobs(repo: Path) -> dict[str, str] | None:
    """Each tracked path's blob id (a submodule's commit), from the index."""
    try:
        return tracked_blobs(repo, [])[0]
    except GitError:
        return None


def _checkout_identity(repo: Path) -> tuple | None:
    index = index_file(repo)
    try:
        info = os.stat(index) if index is not None else None
        worktrees = sorted(os.listdir(repo / ".git" / "worktrees")) if (repo / ".git" / "worktrees").is_dir() else []
    except OSError:
        return None
    return None if info is None else (str(index), info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns,
                                      worktrees)


def _stats(repo: Path, paths: list[str]) -> list[tuple[str, tuple | None]]:
    found = []
    for path in paths:
        try:
            info = os.lstat(repo / path)  # a link is never followed out of the tree
            found.append((path, (info.st_size, info.st_mtime_ns)))
        except OSError:
            found.append((path, None))
    return found
