"""Discover on every repository shape users point the radar at: the pass succeeds, and the
subsystems found are the sensible ones (real git repositories and worktrees, no mocks)."""
from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gitfleet import (OLD, SHAPES, commit_all, git, latest, make_fleet, scan_args, shared_retry,
                      write)
from radar.infra.cache import ParseCache
from radar.cli import main
from radar.config import FleetRules
from radar.stages.discover import discover


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    empty = tmp_path / "rules"  # built-in defaults, whatever ./rules holds
    empty.mkdir()
    return empty


def scan(repo: Path, out: Path, rules_dir: Path) -> dict:
    assert main(scan_args(repo, out, "--rules", str(rules_dir))) == 0
    return latest(out)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_shape_passes_with_sensible_subsystems(shape: str, tmp_path: Path, rules_dir: Path) -> None:
    repo, expected = SHAPES[shape](tmp_path / "fleet")
    snapshot = scan(repo, tmp_path / "out", rules_dir)
    assert {s["name"]: s["source"] for s in snapshot["subsystems"]} == expected
    for subsystem in snapshot["subsystems"]:
        root = Path(subsystem["root"])
        assert root.is_dir() and not (root / ".git").is_symlink()
    if shape not in ("empty_repo", "namespace_not_yet", "detached_head"):
        assert all(s["files"] >= 2 and s["units"] > 0 for s in snapshot["subsystems"]), snapshot["subsystems"]


def test_missing_worktree_is_a_warning(tmp_path: Path, rules_dir: Path) -> None:
    repo, _ = SHAPES["missing_worktree"](tmp_path / "fleet")
    warnings = scan(repo, tmp_path / "out", rules_dir)["scan"]["warnings"]
    assert any("wt/feed" in w and "missing on disk" in w for w in warnings), warnings


def test_detached_heads_have_no_branch_but_a_head(tmp_path: Path, rules_dir: Path) -> None:
    repo, _ = SHAPES["detached_head"](tmp_path / "fleet")
    subsystems = {s["name"]: s for s in scan(repo, tmp_path / "out", rules_dir)["subsystems"]}
    for name in ("mod", "loose"):
        assert subsystems[name]["branch"] is None
        assert len(subsystems[name]["head"]) == 40
    assert subsystems["mod"]["units"] > 0
    assert subsystems["acl"]["branch"] == "loops/acl"


def test_bare_main_contributes_only_its_worktrees(tmp_path: Path, rules_dir: Path) -> None:
    repo, _ = SHAPES["bare_main"](tmp_path / "fleet")
    snapshot = scan(repo, tmp_path / "out", rules_dir)
    assert all(s["source"] == "worktree" for s in snapshot["subsystems"])
    assert any(c["verdict"] == "proposed" or len(c["consumers"]) == 3 for c in snapshot["candidates"])


def test_submodule_contents_are_not_scanned(tmp_path: Path, rules_dir: Path) -> None:
    repo, _ = SHAPES["submodule"](tmp_path / "fleet")
    snapshot = scan(repo, tmp_path / "out", rules_dir)
    paths = [i["path"] for c in snapshot["candidates"] for i in c["instances"]]
    assert paths and not any("vendored" in p for p in paths)
    fleet = discover(repo, FleetRules())
    assert not any("vendored" in f.path for s in fleet.subsystems for f in s.files)


def test_shallow_clone_keeps_dates(tmp_path: Path, rules_dir: Path) -> None:
    repo, _ = SHAPES["shallow_clone"](tmp_path / "fleet")
    assert git(repo, "rev-parse", "--is-shallow-repository").strip() == "true"
    fleet = discover(repo, FleetRules())
    acl = next(s for s in fleet.subsystems if s.name == "acl")
    assert acl.last_change == datetime(2024, 7, 1, 12, tzinfo=timezone.utc)
    assert all(f.last_change is not None for f in acl.files)


def test_empty_repository_is_all_uncommitted(tmp_path: Path, rules_dir: Path) -> None:
    repo, _ = SHAPES["empty_repo"](tmp_path / "fleet")
    (fresh,) = scan(repo, tmp_path / "out", rules_dir)["subsystems"]
    assert fresh["head"] is None and fresh["last_change"] is None
    assert fresh["active"] and fresh["dirty_files"] == ["lib/fresh/retry.py"]
    assert fresh["units"] > 0


def test_namespace_that_does_not_exist_yet_is_empty(tmp_path: Path, rules_dir: Path) -> None:
    repo, _ = SHAPES["namespace_not_yet"](tmp_path / "fleet")
    newbie = next(s for s in scan(repo, tmp_path / "out", rules_dir)["subsystems"] if s["name"] == "newbie")
    assert (newbie["files"], newbie["units"], newbie["namespace"]) == (0, 0, "lib/newbie")


def test_repo_pointing_at_a_worktree_finds_the_whole_fleet(tmp_path: Path, rules_dir: Path) -> None:
    repo, _ = SHAPES["repo_is_worktree"](tmp_path / "fleet")
    from_worktree = scan(repo, tmp_path / "out-wt", rules_dir)
    from_main = scan(tmp_path / "fleet" / "main", tmp_path / "out-main", rules_dir)
    assert ([(s["name"], s["root"]) for s in from_worktree["subsystems"]]
            == [(s["name"], s["root"]) for s in from_main["subsystems"]])


def test_plain_folder_counts_as_stable(tmp_path: Path, rules_dir: Path) -> None:
    repo, _ = SHAPES["plain_folder"](tmp_path / "fleet")
    snapshot = scan(repo, tmp_path / "out", rules_dir)
    assert snapshot["repo_kind"] == "folder"
    assert all(s["branch"] is None and not s["active"] for s in snapshot["subsystems"])
    retry = next(c for c in snapshot["candidates"] if c["consumers"] == ["acl", "feed", "mod"])
    assert all(i["stable"] for i in retry["instances"])


def test_odd_file_names_keep_their_dates(tmp_path: Path) -> None:
    """Quotes, newlines, tabs and non-ASCII in names: git quotes them unless asked for -z."""
    fleet = make_fleet(tmp_path / "fleet", worktrees=("acl",), merged=())
    names = ['lib/acl/we"ird.py', "lib/acl/new\nline.py", "lib/acl/tab\there.py", "lib/acl/ünï cödé.py"]
    write(fleet.worktrees["acl"], {name: shared_retry("odd") for name in names})
    commit_all(fleet.worktrees["acl"], "odd names")
    (acl,) = discover(fleet.repo, FleetRules()).subsystems
    by_path = {f.path: f for f in acl.files}
    for name in names:
        assert by_path[name].last_change == datetime.fromisoformat(OLD), name
        assert not by_path[name].dirty and by_path[name].blob


def test_namespaces_reached_through_symlinks_are_not_followed(tmp_path: Path, rules_dir: Path) -> None:
    outside = tmp_path / "outside"
    write(outside, {"evil/src/leak.py": shared_retry("leakzq"), "lib/feed/leak.py": shared_retry("leakzq")})
    fleet = make_fleet(tmp_path / "fleet", merged=("core",))
    os.symlink(outside / "evil", fleet.repo / "lib" / "evil")  # matches main_namespaces lib/*
    feed = fleet.worktrees["feed"]
    os.rename(feed / "lib", feed / "lib-moved")
    os.symlink(outside / "lib", feed / "lib")  # the worktree's whole namespace leaves the tree
    snapshot = scan(fleet.repo, tmp_path / "out", rules_dir)
    names = [s["name"] for s in snapshot["subsystems"]]
    assert "evil" not in names and "feed" not in names
    assert snapshot["scan"]["skipped"]["symlink_outside"] == 2
    assert any("lib/feed" in w and "symbolic link" in w for w in snapshot["scan"]["warnings"])
    for path in (tmp_path / "out").rglob("*"):
        assert not path.is_file() or b"leakzq" not in path.read_bytes()


def test_plain_folder_glob_through_symlinked_parent_is_not_followed(tmp_path: Path, rules_dir: Path) -> None:
    outside = tmp_path / "outside"
    write(outside, {"src/leak.py": shared_retry("leakzq")})
    folder = tmp_path / "plain"
    write(folder, {"lib/acl/src/retry.py": shared_retry("acl")})
    os.symlink(outside, folder / "lib" / "evil")
    (rules_dir / "radar.yaml").write_text('fleet:\n  main_namespaces: ["lib/*/src"]\n')
    snapshot = scan(folder, tmp_path / "out", rules_dir)
    assert [s["namespace"] for s in snapshot["subsystems"]] == ["lib/acl/src"]
    assert snapshot["scan"]["skipped"]["symlink_outside"] == 1
    for path in (tmp_path / "out").rglob("*"):
        assert not path.is_file() or b"leakzq" not in path.read_bytes()


def test_file_names_that_are_not_utf8_are_skipped_with_a_warning(tmp_path: Path, rules_dir: Path) -> None:
    fleet = make_fleet(tmp_path / "fleet")
    acl = fleet.worktrees["acl"]
    (Path(os.fsdecode(os.fsencode(acl / "lib" / "acl") + b"/caf\xe9.py"))).write_text(shared_retry("cafe"))
    commit_all(acl, "a Latin-1 file name")
    feed = fleet.worktrees["feed"]
    Path(os.fsdecode(os.fsencode(feed / "lib" / "feed") + b"/new\xff.py")).write_text("x = 1\n")
    plain = tmp_path / "plain"
    write(plain, {"lib/a/ok.py": "x = 1\n"})
    Path(os.fsdecode(os.fsencode(plain / "lib" / "a") + b"/bad\xfe.py")).write_text("x = 1\n")
    for repo, expected in ((fleet.repo, ["acl: file name lib/acl/caf\\xe9.py is not UTF-8; skipped",
                                         "feed: file name lib/feed/new\\xff.py is not UTF-8; skipped"]),
                           (plain, ["a: file name lib/a/bad\\xfe.py is not UTF-8; skipped"])):
        snapshot = scan(repo, tmp_path / f"out-{repo.name}", rules_dir)
        assert snapshot["scan"]["warnings"] == expected


def test_a_git_hook_environment_does_not_redirect_the_scan(tmp_path: Path, rules_dir: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from another repository's hook, GIT_DIR and friends name that repository."""
    other = make_fleet(tmp_path / "other", worktrees=(), merged=("elsewhere",))
    fleet = make_fleet(tmp_path / "fleet")
    monkeypatch.setenv("GIT_DIR", str(other.repo / ".git"))
    monkeypatch.setenv("GIT_WORK_TREE", str(other.repo))
    monkeypatch.setenv("GIT_INDEX_FILE", str(other.repo / ".git" / "index"))
    snapshot = scan(fleet.repo, tmp_path / "out", rules_dir)
    assert [s["name"] for s in snapshot["subsystems"]] == ["acl", "core", "feed", "mod"]


def memo_keys(folder: Path) -> list[str]:
    """The keys a real parse cache holds (what discover remembered)."""
    with sqlite3.connect(folder / "parse-cache.sqlite") as db:
        return [key for (key,) in db.execute("SELECT key FROM entry")]


def _dates(fleet) -> dict:
    return {(s.name, f.path): f.last_change for s in fleet.subsystems for f in s.files}


def test_commit_dates_are_remembered_per_head_and_a_new_commit_is_seen(tmp_path: Path) -> None:
    fleet = make_fleet(tmp_path / "fleet")
    memo = ParseCache(tmp_path / "cache")
    first = discover(fleet.repo, FleetRules(), memo=memo)
    assert any(key.startswith("dates/") for key in memo_keys(tmp_path / "cache"))
    assert _dates(discover(fleet.repo, FleetRules(), memo=memo)) == _dates(first)
    write(fleet.worktrees["acl"], {"lib/acl/later.py": "def later():\n    return 1\n"})
    commit_all(fleet.worktrees["acl"], "later", date="2025-03-01T12:00:00+00:00")
    after = discover(fleet.repo, FleetRules(), memo=memo)
    assert _dates(after) == _dates(discover(fleet.repo, FleetRules()))
    assert _dates(after)[("acl", "lib/acl/later.py")] == datetime(2025, 3, 1, 12, tzinfo=timezone.utc)


def test_a_shallow_clone_remembers_no_dates(tmp_path: Path) -> None:
    repo, _ = SHAPES["shallow_clone"](tmp_path / "fleet")
    memo = ParseCache(tmp_path / "cache")
    discover(repo, FleetRules(), memo=memo)
    assert memo_keys(tmp_path / "cache") == []


def test_remembered_index_listings_follow_every_change_to_the_index(tmp_path: Path) -> None:
    fleet = make_fleet(tmp_path / "fleet")
    memo = ParseCache(tmp_path / "cache")
    acl = fleet.worktrees["acl"]
    checkouts = len(fleet.worktrees) + 1

    def same_as_without_memo() -> None:
        remembered = discover(fleet.repo, FleetRules(), memo=memo)
        assert remembered.subsystems == discover(fleet.repo, FleetRules()).subsystems
        # one answer of each kind per checkout: older ones are replaced, not piled up
        keys = memo_keys(tmp_path / "cache")
        assert sum(key.startswith("tracked/") for key in keys) == checkouts
        assert sum(key.startswith("dates/") for key in keys) == checkouts

    same_as_without_memo()
    assert any(key.startswith("tracked/") for key in memo_keys(tmp_path / "cache"))
    write(acl, {"lib/acl/staged.py": "def staged():\n    return 2\n"})
    git(acl, "add", "lib/acl/staged.py")
    same_as_without_memo()
    git(acl, "rm", "-q", "--cached", "lib/acl/staged.py")
    same_as_without_memo()
    commit_all(acl, "staged", date="2025-03-02T12:00:00+00:00")
    same_as_without_memo()
    git(acl, "rm", "-q", "lib/acl/staged.py")
    same_as_without_memo()


def test_the_files_fleet_exclude_leaves_out_follow_the_globs_and_the_index(tmp_path: Path) -> None:
    """Which tracked files the exclude globs leave out is remembered with the index listing: a
    change to the globs, or to the index, is seen as without the memo."""
    fleet = make_fleet(tmp_path / "fleet", worktrees=(), merged=("core", "web"))
    memo = ParseCache(tmp_path / "cache")
    write(fleet.repo, {"lib/core/fixtures/sample.py": "def sample():\n    return 1\n",
                       "lib/web/vendor/dep.py": "def dep():\n    return 2\n"})
    commit_all(fleet.repo, "fixtures and vendored code")

    def files(exclude: tuple[str, ...]) -> set[str]:
        rules = FleetRules(exclude=exclude)
        remembered = discover(fleet.repo, rules, memo=memo)
        assert remembered.subsystems == discover(fleet.repo, rules).subsystems
        return {f.path for s in remembered.subsystems for f in s.files}

    assert "lib/web/vendor/dep.py" not in files(("**/vendor/**",))
    assert "lib/core/fixtures/sample.py" in files(("**/vendor/**",))
    assert "lib/core/fixtures/sample.py" not in files(("**/vendor/**", "**/fixtures/**"))
    assert "lib/web/vendor/dep.py" in files(("**/fixtures/**",))  # same index, other globs
    write(fleet.repo, {"lib/core/fixtures/more.py": "def more():\n    return 3\n"})
    git(fleet.repo, "add", "lib/core/fixtures/more.py")
    assert "lib/core/fixtures/more.py" in files(("**/vendor/**",))  # the index changed
    assert sum(key.startswith("kept/") for key in memo_keys(tmp_path / "cache")) == 1


# ---------------------------------------------------------------- cost: history horizon, monorepo paths

NOW = datetime(2024, 7, 10, 12, tzinfo=timezone.utc)


def test_dates_are_read_back_to_the_horizon_and_older_files_are_settled(tmp_path: Path) -> None:
    """Only what changed inside the window gets a date; the rest is committed before it (settled),
    exactly the files a walk through the whole history dates earlier than the window."""
    fleet = make_fleet(tmp_path / "fleet")  # everything committed on 2024-06-01 (OLD)
    write(fleet.worktrees["acl"], {"lib/acl/later.py": "def later():\n    return 1\n"})
    commit_all(fleet.worktrees["acl"], "later", date="2024-07-08T12:00:00+00:00")
    write(fleet.worktrees["feed"], {"lib/feed/loose.py": "def loose():\n    return 2\n"})
    horizon = timedelta(days=7)
    whole = discover(fleet.repo, FleetRules(), now=NOW)
    bounded = discover(fleet.repo, FleetRules(), now=NOW, horizon=horizon)
    assert [s.name for s in whole.subsystems] == [s.name for s in bounded.subsystems]
    for before, after in zip(whole.subsystems, bounded.subsystems):
        for old, new in zip(before.files, after.files):
            assert (old.path, old.blob, old.dirty) == (new.path, new.blob, new.dirty)
            recent = old.last_change is not None and old.last_change >= NOW - horizon
            assert new.last_change == (old.last_change if recent else None), new.path
            assert new.settled is (old.last_change is not None and not recent and not new.dirty), new.path
    subsystems = {s.name: s for s in bounded.subsystems}
    assert subsystems["acl"].last_change == datetime(2024, 7, 8, 12, tzinfo=timezone.utc)
    assert subsystems["acl"].activity == "quiet for 2 days"
    assert subsystems["mod"].last_change is None and subsystems["mod"].activity == "quiet for more than 7 days"
    assert subsystems["feed"].active and not any(f.settled for f in subsystems["feed"].files if f.dirty)


def test_remembered_dates_serve_a_narrower_window_never_a_wider_one(tmp_path: Path) -> None:
    fleet = make_fleet(tmp_path / "fleet")
    write(fleet.worktrees["acl"], {"lib/acl/later.py": "def later():\n    return 1\n"})
    commit_all(fleet.worktrees["acl"], "later", date="2024-07-05T12:00:00+00:00")
    memo = ParseCache(tmp_path / "cache")
    for horizon in (timedelta(days=7), timedelta(days=3), timedelta(days=30), timedelta(days=7)):
        remembered = discover(fleet.repo, FleetRules(), now=NOW, memo=memo, horizon=horizon)
        assert remembered.subsystems == discover(fleet.repo, FleetRules(), now=NOW, horizon=horizon).subsystems
    assert _dates(remembered)[("acl", "lib/acl/later.py")] == datetime(2024, 7, 5, 12, tzinfo=timezone.utc)


def test_a_scan_gates_old_files_as_stable_and_recent_ones_as_not(tmp_path: Path, rules_dir: Path) -> None:
    """End to end, with the horizon the pipeline uses: the gate outcome of old and fresh copies."""
    fleet = make_fleet(tmp_path / "fleet", worktrees=("acl", "feed", "mod", "rel"))
    fresh = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    write(fleet.worktrees["mod"], {"lib/mod/retry.py": shared_retry("mod") + "\n# reworded\n"})
    commit_all(fleet.worktrees["mod"], "fresh copy", date=fresh)
    snapshot = scan(fleet.repo, tmp_path / "out", rules_dir)
    instances = [i for c in snapshot["candidates"] for i in c["instances"] if i["path"].endswith("retry.py")]
    assert instances, snapshot["candidates"]
    for instance in instances:
        if instance["subsystem"] == "mod":
            assert not instance["stable"] and "changed" in instance["unstable_because"]
            assert instance["last_change"] is not None
        else:
            assert instance["stable"] and instance["last_change"] is None, instance


@pytest.mark.parametrize("packages", [3, 12])
def test_a_monorepo_with_many_packages_is_split_as_with_few(tmp_path: Path, packages: int,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Many sibling packages are asked about as their folder; what git says about the folder
    outside them (a loose file, an untracked one) belongs to no package."""
    from radar.stages import gitstate

    repo = tmp_path / "mono"
    repo.mkdir()
    git(repo, "init", "-q")
    write(repo, {f"packages/p{i}/src/m{i}.py": f"def f{i}():\n    return {i}\n" for i in range(packages)}
          | {"packages/README.md": "loose\n"})
    commit_all(repo, "packages")
    write(repo, {"packages/new.py": "x = 1\n", "packages/p1/untracked.py": "y = 2\n"})
    (repo / "packages/p0/src/m0.py").write_text("def f0():\n    return 'changed'\n")
    (repo / "packages/p2/src/m2.py").unlink()  # tracked, gone from the working tree
    rules = FleetRules(subsystems=("packages/*",), main_namespaces=())
    asked = discover(repo, rules, now=NOW, horizon=timedelta(days=7))
    monkeypatch.setattr(gitstate, "PATHSPEC_SIBLINGS", 10_000)
    assert asked == discover(repo, rules, now=NOW, horizon=timedelta(days=7))
    subsystems = {s.name: s for s in asked.subsystems}
    assert len(subsystems) == packages
    assert subsystems["p0"].dirty_files == ("packages/p0/src/m0.py",)
    assert subsystems["p1"].dirty_files == ("packages/p1/untracked.py",)
    assert [f.path for f in subsystems["p2"].files] == []
    assert {f.path: f.blob is not None for f in subsystems["p3" if packages > 3 else "p1"].files} == (
        {"packages/p3/src/m3.py": True} if packages > 3 else
        {"packages/p1/src/m1.py": True, "packages/p1/untracked.py": False})
    assert all(f.path.startswith(f"packages/{s.name}/") for s in asked.subsystems for f in s.files)


_SEGMENTS = st.sampled_from(["a", "b", "ab", "lib", "x.py"])
_REL = st.lists(_SEGMENTS, min_size=1, max_size=4).map("/".join)


@given(namespaces=st.lists(st.one_of(_REL, st.sampled_from(["", "."])), max_size=6), path=_REL)
def test_a_path_is_owned_by_the_deepest_namespace_holding_it(namespaces: list[str], path: str) -> None:
    from radar.stages.gitstate import Owners as _Owners

    holding = [ns for ns in namespaces if path == ns or path.startswith(ns + "/")]
    everywhere = [ns for ns in ("", ".") if ns in namespaces]
    expected = [max(holding, key=len)] if holding else [everywhere[0]] if everywhere else []
    assert _Owners(namespaces).innermost(path) == expected


def _tree(repo: Path, kind: str, files: dict[str, str]) -> Path:
    """These files in a new folder, committed to a new repository when `kind` is "git"."""
    repo.mkdir()
    write(repo, files)
    if kind == "git":
        git(repo, "init", "-q")
        commit_all(repo, repo.name)
    return repo


@pytest.mark.parametrize("kind", ["git", "folder"])
def test_nested_globs_give_each_file_to_the_innermost_subsystem(tmp_path: Path, kind: str) -> None:
    """`*` beside `instrumentation/*` (the modules at the top of a build beside a folder of
    instrumentations): a file of `instrumentation/akka` is akka's, never also instrumentation's,
    or each of its units would be a copy of itself. `*` names no hidden folder."""
    repo = _tree(tmp_path / "build", kind, {
        "api/Api.java": "class Api {}\n", "instrumentation/akka/javaagent/Akka.java": "class Akka {}\n",
        "instrumentation/grpc/library/Grpc.java": "class Grpc {}\n",
        "instrumentation/Loose.java": "class Loose {}\n", ".githooks/Hook.java": "class Hook {}\n"})
    fleet = discover(repo, FleetRules(subsystems=("*", "instrumentation/*"), main_namespaces=()),
                     now=NOW, horizon=timedelta(days=7))
    assert {s.name: [f.path for f in s.files] for s in fleet.subsystems} == {
        "api": ["api/Api.java"], "instrumentation": ["instrumentation/Loose.java"],
        "akka": ["instrumentation/akka/javaagent/Akka.java"], "grpc": ["instrumentation/grpc/library/Grpc.java"]}


def _names(repo: Path, *globs: str) -> list[str]:
    """The names of the subsystems discovered in `repo` under these subsystem globs, sorted."""
    fleet = discover(repo, FleetRules(subsystems=globs, main_namespaces=()), now=NOW, horizon=timedelta(days=7))
    return sorted(s.name for s in fleet.subsystems)


@pytest.mark.parametrize("kind", ["git", "folder"])
def test_a_folder_whose_every_file_a_nested_subsystem_holds_is_no_subsystem(tmp_path: Path, kind: str) -> None:
    """sanity's `packages/*` beside `packages/@sanity/*`: the npm scope `packages/@sanity` only
    groups libraries, each a subsystem of its own; it had been listed as one more, of no file
    (a backlog's scanned subsystems named `@repo` and `@sanity` first)."""
    repo = _tree(tmp_path / "monorepo", kind, {
        "packages/groq/index.ts": "export const groq = 1;\n",
        "packages/@sanity/util/index.ts": "export const util = 1;\n",
        "packages/@sanity/types/index.ts": "export const types = 1;\n"})
    assert _names(repo, "packages/*", "packages/@sanity/*") == ["groq", "types", "util"]


@pytest.mark.parametrize("kind", ["git", "folder"])
def test_a_glob_naming_files_makes_each_one_module_package_a_subsystem(tmp_path: Path, kind: str) -> None:
    """Integrations written as one module each (`integrations/httpx.py`) beside folder ones;
    `integrations/*` alone still matches folders only."""
    repo = _tree(tmp_path / "sdk", kind, {"sdk/integrations/httpx.py": "def f():\n    return 1\n",
                                           "sdk/integrations/flask.py": "def g():\n    return 2\n",
                                           "sdk/integrations/openai/__init__.py": "def h():\n    return 3\n",
                                           "sdk/integrations/notes.md": "not code\n"})
    both = discover(repo, FleetRules(subsystems=("sdk/integrations/*", "sdk/integrations/*.py"), main_namespaces=()),
                    now=NOW, horizon=timedelta(days=7))
    assert {s.name: [f.path for f in s.files] for s in both.subsystems} == {
        "httpx": ["sdk/integrations/httpx.py"], "flask": ["sdk/integrations/flask.py"],
        "openai": ["sdk/integrations/openai/__init__.py"]}
    folders = discover(repo, FleetRules(subsystems=("sdk/integrations/*",), main_namespaces=()),
                       now=NOW, horizon=timedelta(days=7))
    assert [s.name for s in folders.subsystems] == ["openai"]


@pytest.mark.parametrize("kind", ["git", "folder"])
def test_subsystems_sharing_a_folder_name_are_named_by_as_many_last_parts_as_tell_them_apart(
        tmp_path: Path, kind: str) -> None:
    """vector's `src/sinks/prometheus` and `src/sources/prometheus`: `sinks/prometheus` and
    `sources/prometheus`, listed beside `loki`; a module and a folder of one name keep their paths."""
    repo = _tree(tmp_path / "pipes", kind, {
        "src/sinks/prometheus/mod.rs": "fn a() {}\n", "src/sources/prometheus/mod.rs": "fn b() {}\n",
        "src/sinks/loki/mod.rs": "fn c() {}\n", "src/transforms/dedupe.rs": "fn d() {}\n",
        "src/transforms/dedupe/mod.rs": "fn e() {}\n"})
    assert _names(repo, "src/sinks/*", "src/sources/*", "src/transforms/*", "src/transforms/*.rs") == [
        "loki", "sinks/prometheus", "sources/prometheus", "src/transforms/dedupe", "src/transforms/dedupe.rs"]


@pytest.mark.parametrize("kind", ["git", "folder"])
def test_a_package_s_sources_folder_is_named_with_its_package(tmp_path: Path, kind: str) -> None:
    """retrofit's `retrofit/*` holds its test modules and the library's own `src`: the backlog
    names that consumer `retrofit/src`, not a bare `src` beside `guava` and `scala`."""
    repo = _tree(tmp_path / "retro", kind, {
        "retrofit/src/main/java/Retrofit.java": "class Retrofit {}\n",
        "retrofit/robovm-test/src/main/java/Robo.java": "class Robo {}\n",
        "adapters/guava/src/main/java/Guava.java": "class Guava {}\n"})
    assert _names(repo, "retrofit/*", "adapters/*") == ["guava", "retrofit/src", "robovm-test"]
