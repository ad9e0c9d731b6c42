"""The one door to git: every git command the radar runs goes through `git()`.

Read-only by construction: optional locks are off (no index refresh, no writes into .git),
no pager, no prompts, a fixed locale. Failures raise GitError.
"""
from __future__ import annotations

import os
from pathlib import Path

from git.cmd import Git
from git.exc import GitCommandError, GitCommandNotFound

READ_ONLY_ENV = {
    "GIT_OPTIONAL_LOCKS": "0",
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_PAGER": "cat",
    "LC_ALL": "C",
}


class GitError(Exception):
    """A git command failed; the message carries git's own words."""


def git(cwd: Path | str, *args: str) -> str:
    """Run `git -C cwd --no-optional-locks args...` and return stdout (trailing newline kept off)."""
    command = ["git", "-C", str(cwd), "--no-optional-locks", "-c", "core.fsmonitor=false", *args]
    try:
        return Git(str(cwd)).execute(command, env={**os.environ, **READ_ONLY_ENV},
                                     strip_newline_in_stdout=True)
    except (GitCommandError, GitCommandNotFound) as error:
        raise GitError(f"git {' '.join(args)} in {cwd}: {error.stderr.strip() if hasattr(error, 'stderr') and error.stderr else error}") from error


def is_git_checkout(path: Path) -> bool:
    try:
        git(path, "rev-parse", "--git-dir")
    except GitError:
        return False
    return True
