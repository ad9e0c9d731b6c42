"""The layout remembered between passes: a scan with no rules folder reads the layout `radar
init` would write on every pass (babel's 27k files: 0.46 s), so it takes it from the cache while
nothing it was read from has changed. layout.py reads it; this module only files and checks it."""
from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

from radar.commands import (drops, excludes, folders, go_layout, layout, top, tracked, translations, uncovered,
                            vendored)
from radar.commands.layout import Layout, read_layout
from radar.infra.cache import SHAPING, code_stamp, key_digest
from radar.stages import analyse, grammars
from radar.stages import manifests as c_suffixes  # HEADER_SUFFIXES, C_SOURCES, C_FAMILY, read by layout.py
from radar.stages.toolfiles import configures_a_tool
from radar.stages.gitstate import index_file


def remembered_layout(repo: Path, memo) -> Layout:
    """read_layout(), taken from `memo` (cache.ParseCache) while the checkout's index file, its
    worktrees, the manifests read for build outputs and the files measured are as they were: a
    scan with no rules folder reads the layout each pass (babel's 27k files: 0.46 s)."""
    identity = _checkout_identity(repo)
    # what decides the layout: layout.py, go_layout.py, folders.py, top.py, uncovered.py, excludes.py,
    # drops.py, translations.py, vendored.py, tracked.py, the generated-code check and the language tables
    # they read (analyse.py, grammars.py, manifests.py's C suffixes and family, languages.yaml through
    # SHAPING), which files configure a tool (toolfiles.py), and this module
    code = code_stamp(("layout", SHAPING), (layout, go_layout, folders, top, tracked, uncovered, excludes, drops,
                                             translations, vendored, analyse, grammars, c_suffixes,
                                             sys.modules[configures_a_tool.__module__], sys.modules[__name__]))
    if memo is None or identity is None or code is None:
        return read_layout(repo)
    family = f"layout/{key_digest(str(repo))}/"
    key = family + key_digest((code, identity))
    try:
        fields, manifests = memo.get_many([key]).get(key)
        if manifests == _stats(repo, [path for path, _ in manifests]):
            return Layout(*fields)
    except (TypeError, ValueError):
        pass
    found = read_layout(repo)
    read = sorted({why[why.index("(") + 1:why.index("'s ")] for _, why, _ in found.excludes if why.startswith("build output")}
                  | set(found.measured))
    memo.put_many({key: (dataclasses.astuple(found), _stats(repo, read))}, replacing=[family])
    return found


def _checkout_identity(repo: Path) -> tuple | None:
    index = index_file(repo)
    try:
        info = os.stat(index) if index is not None else None
        worktrees = sorted(os.listdir(repo / ".git" / "worktrees")) if (repo / ".git" / "worktrees").is_dir() else []
    except OSError:
        return None
    return None if info is None else (str(index), info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns, worktrees)


def _stats(repo: Path, paths: list[str]) -> list[tuple[str, tuple | None]]:
    found = []
    for path in paths:
        try:
            info = os.lstat(repo / path)  # a link is never followed out of the tree
            found.append((path, (info.st_size, info.st_mtime_ns)))
        except OSError:
            found.append((path, None))
    return found
