"""Snapshots on disk: valid JSON equal to what the pass built, one candidate per line."""
import json
from pathlib import Path


def test_a_written_snapshot_reads_back_equal_with_one_candidate_per_line(scanned_other_fleet):
    _, out, snapshot = scanned_other_fleet
    text = (out / "snapshots" / "latest.json").read_text(encoding="utf-8")
    assert json.loads(text) == snapshot
    lines = text.splitlines()
    for candidate in snapshot["candidates"]:
        assert sum(f'"id":"{candidate["id"]}","verdict"' in line for line in lines) == 1
    assert lines[0] == "{" and lines[-1] == "}" and lines[1].startswith(' "schema": 1')


def _code_matches_the_files(snapshot: dict) -> None:
    """Every instance's code is its lines as the file holds them now."""
    from radar.outputs.publish import MAX_CODE_LINES

    roots = {s["name"]: Path(s["root"]) for s in snapshot["subsystems"]}
    for candidate in snapshot["candidates"]:
        for i in candidate["instances"]:
            lines = (roots[i["subsystem"]] / i["path"]).read_text("utf-8").splitlines(keepends=True)
            end = min(i["end_line"], i["start_line"] + MAX_CODE_LINES - 1)
            assert i["code"] == "".join(lines[i["start_line"] - 1:end]), (i["subsystem"], i["path"])


def test_code_shown_follows_the_file_edited_committed_or_reverted(tmp_path):
    """The code of files that cannot have changed is taken from the last snapshot; a file edited
    in place, committed, or put back is read again (a comment moves no shape, only the code),
    whichever commits HEAD moved over."""
    from radar.demo.fleet import build_fleet
    from radar.pipeline import run_pass
    from radar.request import ScanRequest
    from conftest import OTHER_FLEET
    from gitfleet import commit_old, git

    fleet = build_fleet(tmp_path / "fleet", OTHER_FLEET)

    def scan() -> dict:
        snapshot, _ = run_pass(ScanRequest(fleet.repo, fleet.rules, tmp_path / "out", tmp_path / "cache", jobs=1))
        _code_matches_the_files(snapshot)
        return snapshot

    first = scan()
    instance = first["candidates"][0]["instances"][0]
    root = next(Path(s["root"]) for s in first["subsystems"] if s["name"] == instance["subsystem"])
    path = root / instance["path"]
    before = path.read_text("utf-8")
    lines = before.splitlines(keepends=True)
    first_line = lines[instance["start_line"] - 1]  # a comment at its end: no line moves, no shape
    noted = first_line.rstrip("\n") + (" # a note\n" if path.suffix == ".sh" else " ; a note\n")
    edited = "".join(lines[:instance["start_line"] - 1] + [noted] + lines[instance["start_line"]:])
    path.write_text(edited)
    assert "a note" in json.dumps(scan()["candidates"])  # uncommitted, same HEAD
    git(root, "checkout", "--", instance["path"])
    assert "a note" not in json.dumps(scan()["candidates"])  # put back: clean again, same HEAD
    commit_old(root, instance["path"], edited)
    assert "a note" in json.dumps(scan()["candidates"])  # committed: HEAD moved
    assert "a note" in json.dumps(scan()["candidates"])  # nothing moved: taken from the last snapshot
    commit_old(root, "elsewhere.txt", "not code\n")  # HEAD moved, the instances' files did not
    assert "a note" in json.dumps(scan()["candidates"])
    git(root, "reset", "-q", "--hard", "HEAD~2")  # HEAD moved back past the note's commit
    assert "a note" not in json.dumps(scan()["candidates"])
