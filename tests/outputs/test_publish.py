"""Snapshots on disk: valid JSON equal to what the pass built, one candidate per line."""
import json


def test_a_written_snapshot_reads_back_equal_with_one_candidate_per_line(scanned_other_fleet):
    _, out, snapshot = scanned_other_fleet
    text = (out / "snapshots" / "latest.json").read_text(encoding="utf-8")
    assert json.loads(text) == snapshot
    lines = text.splitlines()
    for candidate in snapshot["candidates"]:
        assert sum(f'"id":"{candidate["id"]}","verdict"' in line for line in lines) == 1
    assert lines[0] == "{" and lines[-1] == "}" and lines[1].startswith(' "schema": 1')
