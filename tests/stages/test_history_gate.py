"""What earlier passes tell the gate, seen where a user sees it (verdict, the missing reason,
`quiet_passes`): a copy whose shape changed since the last pass is not stable, a subsystem whose
namespace changed pass after pass is active, a commit in the last 24 h makes a subsystem active.
Real git fleets (tests/gitfleet.py), old-dated commits so only the rule under test can speak."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from gitfleet import commit_all, make_fleet, shared_retry, write
from radar.pipeline import run_pass
from radar.request import ScanRequest
from radar.stages.discover import _activity

RESHAPED = "    if attempts < 0:\n        raise ValueError(attempts)\n    last_{sub} = None\n"


@pytest.fixture
def fleet(tmp_path):
    """acl, feed, mod in worktrees and core merged: one retry shape, adopted from core."""
    built = make_fleet(tmp_path / "fleet")
    (tmp_path / "rules").mkdir()
    return built


def scan(fleet, tmp_path: Path) -> dict:
    """One pass; the retry candidate as the snapshot shows it."""
    snapshot, _ = run_pass(ScanRequest(fleet.repo, tmp_path / "rules", tmp_path / "out", None, jobs=1))
    return next(c for c in snapshot["candidates"] if c["name"].startswith("retry_"))


def ago(**delta) -> str:
    return (datetime.now(timezone.utc) - timedelta(**delta)).isoformat(timespec="seconds")


def test_copies_whose_shape_changed_since_the_last_pass_wait_one_pass(fleet, tmp_path):
    first = scan(fleet, tmp_path)
    assert first["verdict"] == "proposed" and first["consumers"] == ["acl", "core", "feed", "mod"]
    assert (first["home"], first["action"]) == ("lib/core", "adopt")  # core, merged, already owns it
    assert [i["quiet_passes"] for i in first["instances"]] == [0, 0, 0, 0]
    second = scan(fleet, tmp_path)
    assert second["verdict"] == "proposed" and {i["quiet_passes"] for i in second["instances"]} == {1}
    for sub, tree in fleet.worktrees.items():  # every copy gains the same guard, in an old-dated commit
        write(tree, {f"lib/{sub}/retry.py": shared_retry(sub).replace(
            f"    last_{sub} = None\n", RESHAPED.format(sub=sub))})
        commit_all(tree, "guard")
    reshaped = scan(fleet, tmp_path)
    assert reshaped["id"] == first["id"] and reshaped["verdict"] == "watching"
    assert reshaped["missing"] == ["acl's copy changed shape since the last pass; feed's copy changed shape "
                                   "since the last pass; mod's copy changed shape since the last pass"]
    assert {i["subsystem"]: i["quiet_passes"] for i in reshaped["instances"]} == {"acl": 0, "feed": 0, "mod": 0,
                                                                                  "core": 2}
    settled = scan(fleet, tmp_path)
    assert settled["verdict"] == "proposed" and settled["missing"] == []
    assert {i["subsystem"]: i["quiet_passes"] for i in settled["instances"]} == {"acl": 1, "feed": 1, "mod": 1,
                                                                                 "core": 3}


def test_a_namespace_that_changed_on_each_of_the_last_passes_is_active(fleet, tmp_path):
    """mod's retry copy stays old; another file in lib/mod moves before every pass, days ago
    each time (never within 24 h, always within the stability window: commits older than it
    are settled and carry no date): on the fourth pass running, mod is moving."""
    verdicts = []
    for days in (6, 5, 4, 3):
        write(fleet.worktrees["mod"], {"lib/mod/notes.py": f"NOTES = {days}\n"})
        commit_all(fleet.worktrees["mod"], "notes", date=ago(days=days))
        verdicts.append(scan(fleet, tmp_path))
    assert [c["verdict"] for c in verdicts] == ["proposed", "proposed", "proposed", "watching"]
    assert verdicts[-1]["missing"] == ["mod is active (its namespace changed in each of the last passes)"]
    quiet = scan(fleet, tmp_path)  # nothing moved since: no longer active
    assert quiet["verdict"] == "proposed"


def test_a_commit_in_the_last_24_hours_makes_a_subsystem_active(fleet, tmp_path):
    """acl's retry copy stays old; another file in lib/acl is committed 30 h ago (quiet), then 2 h ago."""
    write(fleet.worktrees["acl"], {"lib/acl/notes.py": "NOTES = 1\n"})
    commit_all(fleet.worktrees["acl"], "notes", date=ago(hours=30))
    assert scan(fleet, tmp_path)["verdict"] == "proposed"
    write(fleet.worktrees["acl"], {"lib/acl/notes.py": "NOTES = 2\n"})
    commit_all(fleet.worktrees["acl"], "notes", date=ago(hours=2))
    recent = scan(fleet, tmp_path)
    assert recent["verdict"] == "watching" and recent["missing"] == ["acl is active (committed 2 h ago)"]


def test_uncommitted_work_that_changed_on_each_of_the_last_passes_keeps_a_subsystem_active(fleet, tmp_path):
    """Three passes, each with other uncommitted files in lib/mod (active: uncommitted); then
    the work is put away, no commit made: mod still moved on each of the last passes."""
    scratch = fleet.worktrees["mod"] / "lib" / "mod"
    for k in range(3):
        for old in scratch.glob("scratch_*.py"):
            old.unlink()
        (scratch / f"scratch_{k}.py").write_text(f"DRAFT = {k}\n")
        assert scan(fleet, tmp_path)["missing"] == ["mod is active (1 uncommitted file(s))"]
    (scratch / "scratch_2.py").unlink()
    assert scan(fleet, tmp_path)["missing"] == ["mod is active (its namespace changed in each of the last passes)"]


def test_a_copy_that_joins_has_no_quiet_passes_yet(fleet, tmp_path):
    mod = fleet.worktrees["mod"]
    source = (mod / "lib" / "mod" / "retry.py").read_text()
    (mod / "lib" / "mod" / "retry.py").unlink()
    commit_all(mod, "retry moves out")
    assert scan(fleet, tmp_path)["consumers"] == ["acl", "core", "feed"]
    write(mod, {"lib/mod/retry.py": source})
    commit_all(mod, "retry comes back")
    joined = scan(fleet, tmp_path)
    assert {i["subsystem"]: i["quiet_passes"] for i in joined["instances"]} == {"acl": 1, "core": 1, "feed": 1,
                                                                                "mod": 0}


def test_activity_in_words_at_each_edge():
    """What a subsystem's `activity` says: uncommitted files, no commits, under 24 h, 24 h and over."""
    now = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)
    assert _activity(now - timedelta(days=3), ("a.py", "b.py"), now) == (True, "2 uncommitted file(s)")
    assert _activity(None, (), now) == (False, "no commits in its namespace")
    assert _activity(now - timedelta(hours=24) + timedelta(seconds=1), (), now) == (True, "committed 23 h ago")
    assert _activity(now - timedelta(hours=24), (), now) == (False, "quiet for 24 h")
