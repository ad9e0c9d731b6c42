"""Uncommitted changes asked of git for the kept paths only give the fleet a whole status gives."""
from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gitfleet import diff_states, git, tree_state, write
from radar.config import FleetRules
from radar.globs import any_glob, any_glob_beneath
from radar.infra.cache import ParseCache
from radar.stages import discover as discovery
from radar.stages import gitstate
from radar.stages.discover import discover

RULES = FleetRules(subsystems=("packages/*",), main_namespaces=(), exclude=("**/test/**", "**/*.snap", "build/"))
FILES = {
    "packages/a/src/x.py": "def x():\n    return 1\n",
    "packages/a/src/deep/y.py": "def y():\n    return 2\n",
    "packages/a/test/t.py": "def t():\n    return 3\n",
    "packages/a/test/data/fixture.py": "F = 1\n",
    "packages/a/README.md": "a\n",
    "packages/b/lib.py": "def b():\n    return 4\n",
    "packages/b/src/__snapshots__/b.snap": "snap\n",
    "packages/c/test/only.py": "X = 1\n",
    "packages/.gitignore": "*.log\nignored/\n",
    "top.py": "T = 1\n",
}


@pytest.fixture
def memo(tmp_path: Path):
    cache = ParseCache(tmp_path / "cache")
    yield cache
    cache.close()


def _repo(tmp_path: Path, fresh: bool = False) -> Path:
    """A repository of FILES, committed; `fresh`: written just before the index, as a clone
    writes them (else long before it: no entry is racy)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    write(repo, FILES)
    past = 1_700_000_000
    for path in FILES if not fresh else ():
        os.utime(repo / path, (past, past))
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "start")
    return repo


def _fleet(repo: Path, memo) -> object:
    return dataclasses.replace(discover(repo, RULES, memo=memo), scanned_at=None)


def _rename_to_excluded(repo: Path) -> None:
    git(repo, "mv", "packages/a/src/x.py", "packages/a/test/x.py")


def _rename_from_excluded(repo: Path) -> None:
    git(repo, "mv", "packages/a/test/t.py", "packages/a/src/t.py")


def _staged_then_deleted(repo: Path) -> None:
    write(repo, {"packages/b/new.py": "N = 1\n"})
    git(repo, "add", "packages/b/new.py")
    (repo / "packages/b/new.py").unlink()


def _file_becomes_folder(repo: Path) -> None:
    (repo / "packages/b/lib.py").unlink()
    write(repo, {"packages/b/lib.py/inner.py": "I = 1\n"})


def _edited_and_staged(repo: Path) -> None:
    """The index takes the file as it is now (its lstat recorded, not racy): only the index's
    difference from HEAD says it is uncommitted."""
    write(repo, {"packages/a/src/x.py": "def x():\n    return 70\n"})
    os.utime(repo / "packages/a/src/x.py", (1_700_000_100, 1_700_000_100))
    git(repo, "add", "packages/a/src/x.py")


def _merge_conflict(repo: Path) -> None:
    git(repo, "checkout", "-qb", "other")
    write(repo, {"packages/b/lib.py": "def b():\n    return 40\n"})
    git(repo, "commit", "-qam", "other")
    git(repo, "checkout", "-q", "-")
    write(repo, {"packages/b/lib.py": "def b():\n    return 41\n"})
    git(repo, "commit", "-qam", "mine")
    with pytest.raises(AssertionError, match="git merge"):  # the merge stops at the conflict
        git(repo, "merge", "other")
    assert git(repo, "ls-files", "-u")  # the path is unmerged: stages 1 to 3 in the index


def _added_with_intent(repo: Path) -> None:
    write(repo, {"packages/a/src/later.py": "L = 1\n"})
    git(repo, "add", "-N", "packages/a/src/later.py")


def _touched(repo: Path) -> None:
    os.utime(repo / "packages/a/src/x.py")  # same bytes, new times: git finds it clean


CHANGES = {
    "nothing": lambda repo: None,
    "kept file edited, same size": lambda repo: write(repo, {"packages/a/src/x.py": "def x():\n    return 7\n"}),
    "excluded file edited": lambda repo: write(repo, {"packages/a/test/t.py": "def t():\n    return 9\n"}),
    "kept file deleted": lambda repo: (repo / "packages/a/src/deep/y.py").unlink(),
    "untracked kept file": lambda repo: write(repo, {"packages/a/src/new.py": "Z = 1\n"}),
    "untracked excluded file": lambda repo: write(repo, {"packages/a/test/new.py": "Z = 1\n"}),
    "untracked folder": lambda repo: write(repo, {"packages/a/fresh/deeper/z.py": "Z = 1\n"}),
    "untracked package": lambda repo: write(repo, {"packages/d/src/d.py": "D = 1\n"}),
    "untracked in a package of excluded files": lambda repo: write(repo, {"packages/c/c.py": "C = 1\n"}),
    "ignored files": lambda repo: write(repo, {"packages/a/src/run.log": "x\n", "packages/a/ignored/i.py": "I = 1\n"}),
    "staged rename to an excluded path": _rename_to_excluded,
    "staged rename from an excluded path": _rename_from_excluded,
    "staged new file deleted": _staged_then_deleted,
    "tracked file became a folder": _file_becomes_folder,
    "touched file": _touched,
    "kept file edited and staged": _edited_and_staged,
    "merge conflict in a kept file": _merge_conflict,
    "new kept file added with intent": _added_with_intent,
    "kept folder deleted": lambda repo: shutil.rmtree(repo / "packages/a/src"),
    "gitignore edited": lambda repo: write(repo, {"packages/.gitignore": "*.md\n"}),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_kept_paths_status_gives_the_whole_status_fleet(change: str, tmp_path: Path, memo) -> None:
    repo = _repo(tmp_path)
    _fleet(repo, memo)  # remembers the index's records
    CHANGES[change](repo)
    assert _fleet(repo, memo) == _fleet(repo, None)  # None: no memo, the whole status


def _statuses(monkeypatch) -> list[tuple]:
    """The git status calls discovery makes from now on (each still runs)."""
    calls: list[tuple] = []
    real = gitstate.dirty_paths
    for module in (discovery, gitstate):  # asked for kept paths (discover) or whole (gitstate)
        monkeypatch.setattr(module, "dirty_paths", lambda *args: calls.append(args) or real(*args))
    return calls


def test_an_unchanged_tree_runs_no_status(tmp_path: Path, monkeypatch, memo) -> None:
    repo = _repo(tmp_path)
    calls = _statuses(monkeypatch)
    _fleet(repo, memo)
    calls.clear()
    _fleet(repo, memo)
    assert calls == []
    write(repo, {"packages/a/src/new.py": "Z = 1\n"})
    fleet = _fleet(repo, memo)
    assert [args[1] for args in calls] == [["packages/a/src/new.py"]]
    assert "packages/a/src/new.py" in next(s for s in fleet.subsystems if s.name == "a").dirty_files


def test_the_narrowed_status_writes_nothing_in_the_scanned_tree(tmp_path: Path, memo) -> None:
    """Read-only on this path too: the index left stale by touched and edited files (a git
    allowed optional locks would rewrite it), .git and the tree are as they were."""
    repo = _repo(tmp_path)
    _fleet(repo, memo)  # remembers the index's records
    for change in ("touched file", "kept file edited, same size", "untracked folder", "staged new file deleted"):
        CHANGES[change](repo)
    before = tree_state(repo)
    for _ in range(2):
        _fleet(repo, memo)
    assert diff_states(before, tree_state(repo)) == []


def test_without_a_cache_git_is_asked_for_the_whole_status(tmp_path: Path, monkeypatch) -> None:
    calls = _statuses(monkeypatch)
    _fleet(_repo(tmp_path), None)
    assert [args[1] for args in calls] == [["packages/a", "packages/b", "packages/c"]]


def test_a_fresh_checkout_asks_git_about_its_racy_files_only(tmp_path: Path, monkeypatch, memo) -> None:
    """Files written in the second the index was (a clone's): git would read them all again at
    every status, as it may not write its index back; only those written no earlier than the
    index, to the nanosecond, are asked about, and an edit made now is seen."""
    repo = _repo(tmp_path, fresh=True)
    index_time = os.stat(repo / ".git/index").st_mtime_ns
    racy = {path for path in FILES if os.stat(repo / path).st_mtime_ns >= index_time}
    calls = _statuses(monkeypatch)
    _fleet(repo, memo)
    calls.clear()
    _fleet(repo, memo)
    assert all(set(args[1]) <= racy and args[2] for args in calls)
    CHANGES["kept file edited, same size"](repo)
    assert _fleet(repo, memo) == _fleet(repo, None)


def test_files_modified_in_the_tick_the_index_was_written_are_asked_about(tmp_path: Path, monkeypatch,
                                                                         memo) -> None:
    """Racy: written again in that tick, a file keeps the size and times the index recorded, so
    only git, reading it, can tell (timestamps are coarser than their nanoseconds)."""
    repo = _repo(tmp_path)  # every file modified at the same time
    mtime = os.stat(repo / "packages/a/src/x.py").st_mtime_ns
    os.utime(repo / ".git/index", ns=(mtime, mtime))
    calls = _statuses(monkeypatch)
    _fleet(repo, memo)
    kept = ["packages/a/README.md", "packages/a/src/deep/y.py", "packages/a/src/x.py", "packages/b/lib.py"]
    assert [args[1] for args in calls] == [kept]


def test_folders_whose_every_path_is_excluded() -> None:
    beneath = any_glob_beneath(("**/test/**", "build/", "*.snap", "/dist/**", "src/**/*.py"))
    assert beneath("packages/a/test") and beneath("test") and beneath("x/build") and beneath("dist")
    assert not beneath("packages/a/testing") and not beneath("x/dist") and not beneath("src")
    assert not beneath("packages/a/src")


@given(st.lists(st.lists(st.sampled_from(["a", "test", "lib", "x.py", "b.snap"]), min_size=1, max_size=5)
                .map("/".join), max_size=40),
       st.lists(st.sampled_from(["**/test/**", "lib/", "*.snap", "/a/**", "a/*/x.py", "**/lib/*.py", "test"]),
                max_size=4))
def test_kept_paths_are_those_no_glob_matches(paths, globs):
    globs = tuple(globs)
    assert gitstate._kept(paths, globs) == [p for p in paths if not any_glob(globs)(p)]
