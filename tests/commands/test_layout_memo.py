"""The layout a rules-less scan remembers between passes: the same as reading it, and read again
once the repository has changed."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from gitfleet import commit_all, git, tree_state, write  # noqa: E402

from radar.commands.layout import read_layout  # noqa: E402
from radar.commands.layout_memo import remembered_layout  # noqa: E402
from radar.infra.cache import ParseCache  # noqa: E402


def _repo(base: Path, packages: tuple[str, ...]) -> Path:
    repo = base / "repo"
    repo.mkdir(exist_ok=True)
    write(repo, {f"packages/{name}/package.json": "{}" for name in packages}
          | {f"packages/{name}/src/index.js": f"export const {name} = 1;\n" for name in packages})
    return repo


def test_a_remembered_layout_is_the_layout_and_a_new_package_is_seen_at_the_next_pass(tmp_path):
    repo = _repo(tmp_path, ("alpha", "beta"))
    git(repo, "init", "-q")
    commit_all(repo, "two packages")
    memo = ParseCache(tmp_path / "cache")
    try:
        first = remembered_layout(repo, memo)
        before = tree_state(repo)
        assert first == read_layout(repo) and first.globs == (("packages/*", 2),)
        assert remembered_layout(repo, memo) == first  # from the memo: the same answer
        assert tree_state(repo) == before  # read-only: nothing written in the tree
        _repo(tmp_path, ("gamma",))
        commit_all(repo, "a third package")
        assert remembered_layout(repo, memo).globs == (("packages/*", 3),)
    finally:
        memo.close()
