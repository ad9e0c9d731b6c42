"""What a layout is read from (layout.py): the files a repository tracks (git's index, or a walk of
a plain folder), its submodules and worktrees, and the size and head of a file whose content
decides a glob; never through a symlink out of the tree.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from radar.infra.gitdoor import GitError, git, is_git_checkout

HEAD_BYTES = 65536  # what is read of a file whose content decides a glob (go_registering): its `init()` is near the top
SKIP_WALK = {".git", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache"}


def file_size(repo: Path, path: str) -> int:
    try:
        return os.lstat(repo / path).st_size  # a link is never followed out of the tree
    except OSError:
        return 0


def file_head(repo: Path, path: str, limit: int = HEAD_BYTES) -> bytes:
    try:
        if os.path.islink(repo / path):  # never read out of the tree
            return b""
        with open(repo / path, "rb") as file:
            return file.read(limit)
    except OSError:
        return b""


def tracked_files(repo: Path) -> list[str]:
    """The files git tracks, or, for a plain folder, those a walk finds, hidden and dependency
    folders skipped; relative, "/"-separated."""
    if is_git_checkout(repo):
        try:
            return [f for f in git(repo, "ls-files", "-z").split("\0") if f]
        except GitError:
            pass
    found = []
    for folder, dirs, names in os.walk(repo):
        dirs[:] = [d for d in dirs if d not in SKIP_WALK and not d.startswith(".")]
        base = Path(folder).relative_to(repo).as_posix()
        found += [n if base == "." else f"{base}/{n}" for n in names]
    return found


def submodules(repo: Path, files: list[str]) -> list[str]:
    """The paths of the git submodules `.gitmodules` names (none when it is not tracked, a link
    or unreadable)."""
    path = repo / ".gitmodules"
    if ".gitmodules" not in files or path.is_symlink():
        return []
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return [match.group(1).strip().strip("/") for match in re.finditer(r"(?m)^\s*path\s*=\s*(.+)$", text)]


def worktree_count(repo: Path) -> int:
    """The git worktrees beside the main checkout."""
    if not is_git_checkout(repo):
        return 0
    try:
        listing = git(repo, "worktree", "list", "--porcelain")
    except GitError:
        return 0
    return max(0, listing.count("worktree ") - 1)
