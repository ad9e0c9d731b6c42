"""What a pass reads of the last one, kept in the cache folder: the same passes with it as
without it, whatever happened in between (a decision recorded, code committed, latest.json
edited by hand, the memo damaged or gone)."""
import json
import re
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

from conftest import OTHER_FLEET, candidate_for
from gitfleet import commit_old
from radar.cli import main
from radar.demo.fleet import build_fleet
from radar.pipeline import run_pass
from radar.request import ScanRequest
from radar.stages import lastpass

NOW = datetime.now(timezone.utc)  # one "now" for every pass: ages in words never differ between histories
STAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d)?Z?|\d{8}T\d{6}Z\d*")


@pytest.fixture
def fleet(tmp_path):
    return build_fleet(tmp_path / "fleet", OTHER_FLEET)


def scan(fleet, out: Path, cache: Path) -> dict:
    return run_pass(ScanRequest(fleet.repo, fleet.rules, out, cache, jobs=1, now=NOW))[0]


def memo_files(cache: Path) -> list[Path]:
    return sorted((cache / "last-pass").glob("*.marshal"))


def outputs(out: Path) -> list[tuple[str, str]]:
    """Every file the passes left under --out, in the order of their names, with the dates in
    their names and texts blanked."""
    return [(STAMP.sub("DATE", p.relative_to(out).as_posix()), STAMP.sub("DATE", p.read_text(encoding="utf-8")))
            for p in sorted(out.rglob("*")) if p.is_file() and p.name != ".radar.lock"]


def test_passes_that_read_the_memo_write_what_passes_without_it_write(fleet, tmp_path):
    """Two histories of the same fleet, one whose memo is removed before every pass: cold, warm,
    a decision recorded, warm, a consumer's code committed. Same snapshots, backlog and records."""
    kept, dropped = (tmp_path / "kept", tmp_path / "kept-cache"), (tmp_path / "dropped", tmp_path / "dropped-cache")

    def both():
        for out, cache in (kept, dropped):
            if out is dropped[0]:
                for memo in memo_files(cache):
                    memo.unlink()
            scan(fleet, out, cache)

    both()
    both()
    assert len(memo_files(kept[1])) == 1
    pages = candidate_for(json.loads((kept[0] / "snapshots" / "latest.json").read_text()), fleet.plant("pagination"))
    assert main(["decide", pages["id"], "--verdict", "rejected", "--reason", "two contracts",
                 "--rules", str(fleet.rules), "--out", str(kept[0])]) == 0  # the rules both histories read
    both()
    both()
    plant = fleet.plant("pagination")
    commit_old(fleet.worktrees[plant.subsystems[0]], plant.paths[0],
               (fleet.worktrees[plant.subsystems[0]] / plant.paths[0]).read_text() + "\n")
    both()
    assert outputs(kept[0]) == outputs(dropped[0])
    latest = json.loads((kept[0] / "snapshots" / "latest.json").read_text())
    assert latest["scan"]["pass"] == 5
    assert next(c for c in latest["candidates"] if c["id"] == pages["id"])["verdict"] == "rejected"


def test_the_memo_gives_what_latest_json_says_and_nothing_else(fleet, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    scan(fleet, out, cache)
    latest = out / "snapshots" / "latest.json"
    decoded = lastpass.carried(json.loads(latest.read_bytes()))
    assert lastpass.read(latest, cache) == decoded == lastpass.read(latest, None)

    # latest.json edited by hand: its own words, not the memo's
    snapshot = json.loads(latest.read_bytes())
    snapshot["candidates"][0]["verdict"] = "done"
    snapshot["candidates"][0]["first_seen_pass"] = 7
    latest.write_text(json.dumps(snapshot), encoding="utf-8")
    assert lastpass.read(latest, cache) == lastpass.carried(snapshot) != decoded


@pytest.mark.parametrize("damage", ["truncated", "flipped", "empty", "another pass's"])
def test_a_damaged_or_foreign_memo_is_never_trusted(fleet, tmp_path, damage):
    out, cache = tmp_path / "out", tmp_path / "cache"
    scan(fleet, out, cache)
    latest = out / "snapshots" / "latest.json"
    [memo] = memo_files(cache)
    if damage == "another pass's":  # a whole memo, made under another latest.json
        shutil.copy(memo, tmp_path / "first.marshal")
        scan(fleet, out, cache)
        shutil.copy(tmp_path / "first.marshal", memo)
    else:
        raw = memo.read_bytes()
        memo.write_bytes({"truncated": raw[: len(raw) // 2], "empty": b"",
                          "flipped": raw[:-100] + bytes([raw[-100] ^ 1]) + raw[-99:]}[damage])
    expected = lastpass.carried(json.loads(latest.read_bytes()))
    assert lastpass.read(latest, cache) == expected
    warm = scan(fleet, out, cache)  # and a pass over it goes on as if there were none
    assert warm["scan"]["pass"] == (3 if damage == "another pass's" else 2)
    assert lastpass.read(latest, cache) == lastpass.carried(warm)
