"""A pass whose inputs are the last pass's publishes the last pass's outcome again: the same
snapshots, backlog and records as a pass that judges everything again, whatever moves in
between (quiet_passes counting up, the clock, a rule, a decision, a commit)."""
import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import OTHER_FLEET, candidate_for
from gitfleet import commit_old
from radar.cli import main
from radar.demo.fleet import build_fleet
from radar.outputs import outcome
from radar.pipeline import run_pass
from radar.request import ScanRequest
from radar.stages import lastpass
from radar.stages.history import load_past

NOW = datetime.now(timezone.utc)
STAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d)?Z?( UTC)?|\d{8}T\d{6}Z\d*")


@pytest.fixture
def fleet(tmp_path):
    return build_fleet(tmp_path / "fleet", OTHER_FLEET)


def outputs(out: Path) -> list[tuple[str, str]]:
    """Every file under --out, by name, dates blanked (in names and texts)."""
    return [(STAMP.sub("DATE", p.relative_to(out).as_posix()), STAMP.sub("DATE", p.read_text(encoding="utf-8")))
            for p in sorted(out.rglob("*")) if p.is_file() and p.name != ".radar.lock"]


def filed_key(out: Path, cache: Path) -> str | None:
    """The key the last pass filed its outcome under (None: none filed)."""
    last = lastpass.read(out / "snapshots" / "latest.json", cache)
    return last.outcome[0] if last and last.outcome else None


def test_passes_that_take_the_last_outcome_write_what_passes_judging_again_write(fleet, tmp_path):
    """Two histories of one fleet: `kept` as a user runs it, `judged` with what the last pass
    left in the cache removed before each pass (so every pass judges again). Cold; warm passes
    while quiet_passes counts up to its cap and after; the clock moved (a recent copy's age in
    words moves); a routing rule added; a decision recorded; a consumer's code committed."""
    kept, judged = (tmp_path / "kept", tmp_path / "kept-cache"), (tmp_path / "judged", tmp_path / "judged-cache")
    keys: list[str | None] = []

    def both(now: datetime) -> None:
        for out, cache in (kept, judged):
            if out is judged[0]:
                for memo in (cache / "last-pass").glob("*.marshal"):
                    memo.unlink()
            run_pass(ScanRequest(fleet.repo, fleet.rules, out, cache, jobs=1, now=now))
        keys.append(filed_key(*kept))
        assert outputs(kept[0]) == outputs(judged[0])

    for _ in range(8):  # quiet_passes moves in the first passes after a change, then stays
        both(NOW)
    assert len(set(keys)) == 1  # one outcome, taken again by every warm pass
    both(NOW + timedelta(hours=3))  # "changed 2 h ago" becomes "5 h ago"
    both(NOW + timedelta(hours=3))
    assert keys[-3] != keys[-2] == keys[-1]
    with (fleet.rules / "routing.yaml").open("a", encoding="utf-8") as rules:
        rules.write('\n- match: {paths: ["**"]}\n  kind: helper\n  home: lib/store/\n')
    both(NOW + timedelta(hours=3))
    assert keys[-1] != keys[-2]
    snapshot = json.loads((kept[0] / "snapshots" / "latest.json").read_text())
    assert all(c["home"] for c in snapshot["candidates"])  # the new rule was read, not the old outcome
    pages = candidate_for(snapshot, fleet.plant("pagination"))
    assert main(["decide", pages["id"], "--verdict", "rejected", "--reason", "two contracts",
                 "--rules", str(fleet.rules), "--out", str(kept[0])]) == 0
    both(NOW + timedelta(hours=3))
    both(NOW + timedelta(hours=3))
    assert keys[-3] != keys[-2] == keys[-1]
    plant = fleet.plant("pagination")
    worktree = fleet.worktrees[plant.subsystems[0]]
    commit_old(worktree, plant.paths[0], (worktree / plant.paths[0]).read_text() + "\n")
    both(NOW + timedelta(hours=3))
    both(NOW + timedelta(hours=3))
    latest = json.loads((kept[0] / "snapshots" / "latest.json").read_text())
    assert latest["scan"]["pass"] == 15
    assert next(c for c in latest["candidates"] if c["id"] == pages["id"])["verdict"] == "rejected"
    assert {i["quiet_passes"] for c in latest["candidates"] for i in c["instances"]} == {5}  # counted up to the cap


def test_a_pass_without_the_cache_files_no_outcome_and_the_next_one_judges(fleet, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    run_pass(ScanRequest(fleet.repo, fleet.rules, out, None, jobs=1, now=NOW))
    assert not (tmp_path / "cache").exists()
    first = run_pass(ScanRequest(fleet.repo, fleet.rules, out, cache, jobs=1, now=NOW))[0]
    assert filed_key(out, cache) is not None and first["scan"]["pass"] == 2


def test_the_snapshot_a_pass_hands_back_reads_as_the_file_it_wrote(fleet, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    run_pass(ScanRequest(fleet.repo, fleet.rules, out, cache, jobs=1, now=NOW))
    handed = run_pass(ScanRequest(fleet.repo, fleet.rules, out, cache, jobs=1, now=NOW))[0]
    assert isinstance(handed, outcome.LazySnapshot)  # taken, not judged again
    written = json.loads((out / "snapshots" / "latest.json").read_bytes())
    assert list(handed) == list(written) and len(handed) == len(written)
    assert handed["scan"] == written["scan"] and handed["subsystems"] == written["subsystems"]
    assert dict(handed) == written
    with pytest.raises(KeyError):
        handed["nothing"]


def test_counts_that_are_not_where_the_rows_say_are_no_outcome(fleet, tmp_path):
    """The quiet_passes a pass moves must be found, with the value its row holds, where its line
    keeps them; a line that says otherwise is not edited blindly: the pass judges again."""
    out, cache = tmp_path / "out", tmp_path / "cache"
    run_pass(ScanRequest(fleet.repo, fleet.rules, out, cache, jobs=1, now=NOW))
    past = load_past(out, cache)
    key = past.latest.outcome[0]
    found = outcome.published(past, key)
    assert found is not None and found.edits  # after a cold pass every count moves from 0 to 1
    assert outcome.published(past, "another key") is None
    damaged = past.latest.data.replace(b',"quiet_passes":0,', b',"quiet_passes":7,', 1)
    broken = type(past)(past.latest.__class__(**{**vars(past.latest), "data": damaged}), past.moved)
    assert outcome.published(broken, key) is None


def test_every_stage_the_gate_reads_is_in_the_code_the_outcome_is_filed_under():
    """A change to how homes are inferred judges again rather than publish the last outcome:
    each stage the gate imports is a judge, but for those whose own keys the outcome's holds
    (deps: the dependencies' key; parse: the findings' key, through the parse cache)."""
    import sys
    import types

    from radar.stages import gate

    keyed_elsewhere = ("radar.stages.deps", "radar.stages.parse")
    for value in vars(gate).values():
        owner = getattr(value, "__module__", None) or ""
        module = value if isinstance(value, types.ModuleType) else sys.modules.get(owner)
        if module is not None and module.__name__.startswith("radar.stages."):
            assert module.__name__ in (*outcome.JUDGES, *keyed_elsewhere), f"the gate reads {module.__name__}"


def test_a_pass_that_publishes_the_last_outcome_loads_no_parsing_or_gating_code(fleet, tmp_path):
    """Importing what parses (tree-sitter's tables, the rewrites' patterns) and what gates (homes,
    forks) was ~0.025 s of a warm pass's 0.3 s of CPU on moto: a pass with nothing to parse or judge
    needs none of it."""
    import subprocess
    import sys

    out, cache = tmp_path / "out", tmp_path / "cache"
    run_pass(ScanRequest(fleet.repo, fleet.rules, out, cache, jobs=1))  # both on the clock: the same ages
    script = ("import sys; from pathlib import Path; from radar.pipeline import run_pass; "
              "from radar.request import ScanRequest; "
              f"run_pass(ScanRequest(Path({str(fleet.repo)!r}), Path({str(fleet.rules)!r}), "
              f"Path({str(out)!r}), Path({str(cache)!r}), jobs=1)); "
              "print(' '.join(sorted(name for name in sys.modules if name.startswith('radar.'))))")
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    assert "radar.stages.discover" in loaded
    for module in ("analyse", "parse", "grammars", "rewrites", "gate", "homes", "forks", "rank"):
        assert f"radar.stages.{module}" not in loaded, f"a warm pass imported {module}"
