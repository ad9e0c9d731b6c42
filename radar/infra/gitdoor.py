"""The one door to git: every git command the radar runs goes through `git()`.

Read-only by construction: optional locks are off (no index refresh, no writes into .git),
no lazy fetches into a partial clone, no pager, no prompts, a fixed locale. Variables that
point git at another repository (set when the radar runs from a git hook) are dropped, so
`cwd` alone says what is read. Failures raise GitError.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

READ_ONLY_ENV = {
    "GIT_OPTIONAL_LOCKS": "0",
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_PAGER": "cat",
    "LC_ALL": "C",
    "GIT_NO_LAZY_FETCH": "1",  # a partial clone must not download (and store) missing objects
}

# Repository-locating variables (after `git rev-parse --local-env-vars`): inside a hook they
# name the hook's repository, and git would read that one instead of `cwd`.
FOREIGN_ENV = frozenset({
    "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_IMPLICIT_WORK_TREE", "GIT_PREFIX",
    "GIT_SHALLOW_FILE", "GIT_GRAFT_FILE", "GIT_NAMESPACE", "GIT_INTERNAL_SUPER_PREFIX",
    "GIT_REPLACE_REF_BASE", "GIT_NO_REPLACE_OBJECTS",
})


class GitError(Exception):
    """A git command failed; the message carries git's own words."""


def git(cwd: Path | str, *args: str) -> str:
    """Run `git -C cwd --no-optional-locks args...` and return stdout (trailing newline kept off).

    Run directly rather than through GitPython, which can add to the environment but never
    remove from it (FOREIGN_ENV). Output bytes that are not UTF-8 (file names) survive as
    surrogate escapes, which os and pathlib turn back into the same bytes."""
    command = ["git", "-C", str(cwd), "--no-optional-locks", "-c", "core.fsmonitor=false", *args]
    try:
        done = subprocess.run(command, env=_environment(), capture_output=True, stdin=subprocess.DEVNULL)
    except OSError as error:  # no git at all
        raise GitError(f"git {' '.join(args)} in {cwd}: {error}") from error
    out = done.stdout.decode("utf-8", "surrogateescape")
    if done.returncode:
        words = done.stderr.decode("utf-8", "replace").strip() or f"exit status {done.returncode}"
        raise GitError(f"git {' '.join(args)} in {cwd}: {words}")
    return out[:-1] if out.endswith("\n") else out


def _environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in FOREIGN_ENV} | READ_ONLY_ENV


def is_git_checkout(path: Path) -> bool:
    try:
        git(path, "rev-parse", "--git-dir")
    except GitError:
        return False
    return True
