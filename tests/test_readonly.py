"""Read-only proof: after a pass, every supported repository shape is byte- and mtime-identical,
`.git` included (every file, symlink and folder under the fleet: path, size, mtime_ns, mode,
sha256). The index is left stale on purpose, so a git that refreshed it would be caught."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from gitfleet import SHAPES, diff_states, git_env, radar, scan_args, tree_state
from radar.cli import main


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    empty = tmp_path / "rules"
    empty.mkdir()
    return empty


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_pass_leaves_every_shape_untouched(shape: str, tmp_path: Path, rules_dir: Path) -> None:
    fleet = tmp_path / "fleet"
    repo, _ = SHAPES[shape](fleet)
    before = tree_state(fleet)
    assert main(scan_args(repo, tmp_path / "out", "--rules", str(rules_dir))) == 0
    assert main(["census", "--repo", str(repo), "--rules", str(rules_dir), "--no-cache", "--jobs", "1",
                 "--format", "json"]) == 0
    assert diff_states(before, tree_state(fleet)) == []


def test_cli_with_worker_processes_and_a_cache_writes_nothing_either(tmp_path: Path, rules_dir: Path) -> None:
    fleet = tmp_path / "fleet"
    repo, _ = SHAPES["standard"](fleet)
    before = tree_state(fleet)
    for _ in range(2):  # second pass: cache hits
        done = radar("scan", "--repo", repo, "--out", tmp_path / "out", "--rules", rules_dir,
                     "--cache", tmp_path / "cache", "--jobs", "2", "--quiet", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    assert diff_states(before, tree_state(fleet)) == []


def test_the_proof_would_catch_an_index_refresh(tmp_path: Path) -> None:
    """The shapes' stale index is real: a git allowed optional locks rewrites it."""
    fleet = tmp_path / "fleet"
    repo, _ = SHAPES["standard"](fleet)
    before = tree_state(fleet)
    env = {k: v for k, v in git_env().items() if k != "GIT_OPTIONAL_LOCKS"}
    subprocess.run(["git", "status", "--porcelain"], cwd=repo, env=env, check=True, capture_output=True)
    changed = diff_states(before, tree_state(fleet))
    assert any(line.startswith("changed: ") and line.split()[1].endswith(os.path.join(".git", "index"))
               for line in changed), changed
