"""Passes as a history a team can trust: stable ids, honest empty passes, growth, decisions,
census, explain and SARIF on the latest snapshot, and the scheduled job."""
import json
import re
import subprocess

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import OTHER_FLEET, candidate_for
from gitfleet import commit_old
from radar.cli import main
from radar.demo.fleet import build_fleet
from radar.infra import records
from radar.pipeline import run_pass
from radar.request import ScanRequest


@pytest.fixture
def fleet(tmp_path):
    return build_fleet(tmp_path / "fleet", OTHER_FLEET)


def scan(fleet, out, cache):
    return run_pass(ScanRequest(fleet.repo, fleet.rules, out, cache, jobs=1))[0]


def test_two_passes_over_an_unchanged_fleet_keep_ids_and_the_second_is_empty(fleet, tmp_path):
    first = scan(fleet, tmp_path / "out", tmp_path / "cache")
    second = scan(fleet, tmp_path / "out", tmp_path / "cache")
    assert [c["id"] for c in first["candidates"]] == [c["id"] for c in second["candidates"]]
    assert (first["scan"]["pass"], second["scan"]["pass"]) == (1, 2)
    assert first["scan"]["empty_pass"] is False and second["scan"]["empty_pass"] is True
    assert second["scan"]["changes"] == {"new": [], "grown": [], "shrunk": [], "gone": [], "verdicts": [],
                                          "subsystems_added": [], "subsystems_removed": []}
    backlog = (tmp_path / "out" / "abstractions.md").read_text()
    assert "no new candidates cleared the gate" in backlog
    store = records.Store.open(tmp_path / "out")
    assert store.passes() == [1, 2]
    assert [store.snapshot(n) for n in (1, 2)] == [first, second]


def test_a_stable_third_consumer_joining_keeps_the_id_and_clears_the_gate(fleet, tmp_path):
    plant = fleet.plant("pagination")
    before = candidate_for(scan(fleet, tmp_path / "out", tmp_path / "cache"), plant)
    assert before["verdict"] == "watching"
    busy = {s for p in fleet.plants for s in p.unstable} | set(plant.subsystems)
    newcomer = next(name for name in fleet.worktrees if name not in busy)
    source = (fleet.worktrees[plant.subsystems[0]] / plant.paths[0]).read_text()
    commit_old(fleet.worktrees[newcomer], f"lib/{newcomer}/page.sx",
               source.replace(plant.subsystems[0], newcomer))
    after = scan(fleet, tmp_path / "out", tmp_path / "cache")
    grown = next(c for c in after["candidates"] if c["id"] == before["id"])
    assert newcomer in grown["consumers"] and len(grown["consumers"]) == 3
    assert grown["verdict"] == "proposed" and grown["home"] == "lib/feed"
    assert after["scan"]["changes"]["grown"] == [before["id"]]
    assert after["scan"]["empty_pass"] is False
    last_scan = (tmp_path / "out" / "abstractions.md").read_text().split("## Proposed")[0]
    assert f"grown {before['id']}" in last_scan and f"{before['id']} watching → proposed" in last_scan


def test_census_json_tells_shape_matches_from_collisions(fleet, tmp_path, capsys):
    assert main(["census", "--repo", str(fleet.repo), "--rules", str(fleet.rules), "--format", "json",
                 "--cache", str(tmp_path / "cache"), "--quiet"]) == 0
    rows = json.loads(capsys.readouterr().out)
    harness = next(r for r in rows if r["name"] == "conformance.sh")
    assert harness["verdict"] == "shape-match" and len(harness["owners"]) == 5 and harness["candidates"]
    assert next(r for r in rows if r["name"] == "api.sx")["verdict"] == "collision"


def test_census_csv_and_markdown(fleet, tmp_path, capsys):
    args = ["census", "--repo", str(fleet.repo), "--rules", str(fleet.rules), "--cache", str(tmp_path / "c"), "--quiet"]
    assert main(args + ["--format", "csv"]) == 0
    csv_text = capsys.readouterr().out
    assert csv_text.startswith("name,kind,owners,count,verdict") and "api.sx,file," in csv_text
    assert main(args + ["--format", "md"]) == 0
    text = capsys.readouterr().out
    assert "| api.sx |" in text
    memo = fleet.plant("memo-inferred-home")
    assert "\n## Dependencies\n" in text
    for sub in memo.subsystems:  # each memo copy calls the merged store
        assert re.search(rf"^- \*\*{sub}\*\* \(depended on by \d+\) → .*store \(1\)", text, re.MULTILINE)
    assert re.search(r"^- \*\*store\*\*", text, re.MULTILINE) is None  # store references nobody


def test_explain_prints_checklist_score_home_and_evidence(fleet, tmp_path, capsys):
    snapshot = scan(fleet, tmp_path / "out", tmp_path / "cache")
    pages = candidate_for(snapshot, fleet.plant("pagination"))
    capsys.readouterr()
    assert main(["explain", pages["id"], "--out", str(tmp_path / "out")]) == 0
    text = capsys.readouterr().out
    assert "[ ] consumers" in text and "2 consumers, needs 3" in text
    assert "routing.yaml rule" in text and "score:" in text
    assert "[x] content    shared logic: shared vocabulary" in text and "shared content) ÷" in text
    for instance in pages["instances"]:
        assert f"{instance['subsystem']}: {instance['path']}:{instance['start_line']}" in text
    assert main(["explain", "C-nope", "--out", str(tmp_path / "out")]) == 2


def test_sarif_export_has_one_result_per_instance_and_validates(fleet, tmp_path, capsys):
    from pathlib import Path

    snapshot = scan(fleet, tmp_path / "out", tmp_path / "cache")
    assert main(["export", "--format", "sarif", "--out", str(tmp_path / "out"), "-o", str(tmp_path / "r.sarif"),
                 "--verdicts", "all"]) == 0
    sarif = json.loads((tmp_path / "r.sarif").read_text())
    sarif_schema = json.loads((Path(__file__).resolve().parent.parent / "schemas" / "sarif-2.1.0.json").read_text())
    jsonschema.validate(sarif, sarif_schema)
    assert len(sarif["runs"][0]["results"]) == sum(len(c["instances"]) for c in snapshot["candidates"])
    assert main(["export", "--format", "json", "--out", str(tmp_path / "out")]) == 0
    assert json.loads(capsys.readouterr().out)["scan"]["pass"] == 1


def test_decide_records_a_verdict_every_later_pass_respects(fleet, tmp_path):
    plant = fleet.plant("retry-no-home")
    retry = candidate_for(scan(fleet, tmp_path / "out", tmp_path / "cache"), plant)
    assert main(["decide", retry["id"], "--verdict", "rejected", "--reason", "divergent state contract",
                 "--out", str(tmp_path / "out")]) == 0
    again = next(c for c in scan(fleet, tmp_path / "out", tmp_path / "cache")["candidates"] if c["id"] == retry["id"])
    assert again["verdict"] == "rejected" and again["reason"] == "divergent state contract"
    assert again["decision"]["line"] is not None


def test_a_decided_candidate_that_grows_is_flagged_for_review_not_reproposed(fleet, tmp_path):
    plant = fleet.plant("pagination")
    pages = candidate_for(scan(fleet, tmp_path / "out", tmp_path / "cache"), plant)
    assert main(["decide", pages["id"], "--verdict", "rejected", "--reason", "two feeds, two contracts",
                 "--out", str(tmp_path / "out")]) == 0
    busy = {s for p in fleet.plants for s in p.unstable} | set(plant.subsystems)
    newcomer = next(name for name in fleet.worktrees if name not in busy)
    source = (fleet.worktrees[plant.subsystems[0]] / plant.paths[0]).read_text()
    commit_old(fleet.worktrees[newcomer], f"lib/{newcomer}/page.sx", source.replace(plant.subsystems[0], newcomer))
    grown = next(c for c in scan(fleet, tmp_path / "out", tmp_path / "cache")["candidates"] if c["id"] == pages["id"])
    assert grown["verdict"] == "rejected"
    assert "review" in grown["review"] and "2 to 3 consumers" in grown["review"]


def history_repo(tmp_path):
    """A git repository for --out, as a scheduled job keeps its history in."""
    out = tmp_path / "radar-history"
    out.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main", str(out)], check=True)
    for key, value in (("user.name", "radar"), ("user.email", "radar@example.invalid"), ("commit.gpgsign", "false")):
        subprocess.run(["git", "-C", str(out), "config", key, value], check=True)
    return out


def test_watch_runs_passes_and_commits_to_the_repo_holding_out(fleet, tmp_path):
    out = history_repo(tmp_path)
    assert main(["watch", "--repo", str(fleet.repo), "--rules", str(fleet.rules), "--out", str(out),
                 "--cache", str(tmp_path / "cache"), "--every", "1s", "--passes", "2", "--commit", "--quiet"]) == 0
    log = subprocess.run(["git", "-C", str(out), "log", "--format=%s"], capture_output=True, text=True).stdout
    assert log.splitlines() == ["radar: pass 2: no new candidates cleared the gate", log.splitlines()[1]]
    assert log.splitlines()[1].startswith("radar: pass 1:")


def test_watch_refuses_to_commit_into_a_scanned_repository(fleet, tmp_path):
    assert main(["watch", "--repo", str(fleet.repo), "--rules", str(fleet.rules), "--out", str(fleet.repo / "radar"),
                 "--every", "1s", "--passes", "1", "--commit", "--quiet"]) == 2
    assert not (fleet.repo / "radar").exists()


def _identify_by_every_pair(clusters, past):
    """The id rule read literally: every cluster against every previous candidate."""
    from radar.stages.history import member_key
    from radar.stages.history import _fresh_id, _unique

    previous = {c[0]: {member_key(subsystem, path, name, unit) for subsystem, path, name, unit, *_ in c[6]}
                for c in (past.latest.candidates if past.latest else ())}
    order = sorted(range(len(clusters)), key=lambda i: (-len(clusters[i].members), _fresh_id(clusters[i])))
    ids, taken = {}, set()
    for index in order:
        keys = {member_key(m.subsystem, m.path, m.name, m.kind) for m in clusters[index].members}
        best = max(((len(keys & old), _fresh_id(clusters[index]).startswith(old_id), old_id)
                    for old_id, old in previous.items()
                    if old_id not in taken and len(keys & old) * 2 > len(old)), default=None)
        ids[index] = best[2] if best else _unique(_fresh_id(clusters[index]), taken | set(previous))
        taken.add(ids[index])
    return tuple((ids[i], clusters[i]) for i in range(len(clusters)))


_MEMBERS = st.tuples(st.sampled_from("abcd"), st.sampled_from(["x.py", "y.py", "z.py"]), st.sampled_from("fgh"))


@settings(max_examples=200, deadline=None)
@given(now=st.lists(st.sets(_MEMBERS, min_size=2, max_size=5), max_size=6),
       before=st.lists(st.sets(_MEMBERS, min_size=1, max_size=5), max_size=6))
def test_ids_are_inherited_as_the_rule_says_whatever_the_overlaps(now, before):
    from radar.stages.cluster import Cluster
    from radar.stages.history import Past, identify
    from radar.stages.lastpass import carried
    from radar.stages.shape import Shape

    def shape(subsystem, path, name):
        return Shape(subsystem, path, "python", "function", name, 1, 2, 60, f"e-{path}-{name}", "", "", ())

    clusters = tuple(Cluster(tuple(shape(*m) for m in sorted(members)), 0, (1.0,) * len(members))
                     for members in now)
    past = Past(latest=carried({"schema": 1, "scan": {"pass": 1}, "candidates": [
        {"id": f"C-old{n}", "verdict": "watching", "consumers": sorted({s for s, _, _ in members}),
         "instances": [{"subsystem": s, "path": p, "name": f} for s, p, f in sorted(members)]}
        for n, members in enumerate(before)]}))
    assert identify(clusters, past) == _identify_by_every_pair(clusters, past)


def test_watch_commits_an_unchanged_pass_as_a_few_lines(fleet, tmp_path):
    """Once quiet_passes stop counting up (five passes), a pass over an unchanged fleet commits
    one index line, latest.json's scan line and the backlog's date, streak and recent-passes rows."""
    out = history_repo(tmp_path)
    assert main(["watch", "--repo", str(fleet.repo), "--rules", str(fleet.rules), "--out", str(out),
                 "--cache", str(tmp_path / "cache"), "--every", "0s", "--passes", "7", "--commit", "--quiet"]) == 0
    numstat = subprocess.run(["git", "-C", str(out), "show", "--numstat", "--format=", "HEAD"],
                             capture_output=True, text=True, check=True).stdout
    changed = {path: (int(added), int(removed)) for added, removed, path in (row.split("\t") for row in numstat.splitlines())}
    assert changed["snapshots/passes.jsonl"] == (1, 0)
    assert changed["snapshots/latest.json"] == (1, 1)
    assert set(changed) == {"abstractions.md", "snapshots/passes.jsonl", "snapshots/latest.json"}
    assert sum(changed["abstractions.md"]) <= 8, changed
    assert records.read_index(out)[-1]["content"] == {"same": 6}


def test_a_block_that_joins_a_candidate_leaves_its_function_s_copy_stable():
    """A block is named after its function; the block's first appearance is no change of the
    function's shape (which stays in its candidate, quiet for one pass more)."""
    from stage_fixtures import HARNESS, shapes
    from radar.stages.cluster import Cluster
    from radar.stages.history import member_key
    from radar.stages.history import Past, quiet_passes, reshaped_instances
    from radar.stages.lastpass import carried

    units = shapes("acl", HARNESS.format(n=1), "lib/acl/suite.py")
    function = next(s for s in units if s.kind == "function")
    block = next(s for s in units if s.kind == "block")
    assert block.name == function.name and block.exact != function.exact
    instance = {"subsystem": "acl", "path": function.path, "name": function.name, "unit": "function",
                "exact": function.exact, "quiet_passes": 1}
    past = Past(latest=carried({"schema": 1, "scan": {"pass": 1}, "candidates": [
        {"id": "C-f", "verdict": "watching", "consumers": ["acl"], "instances": [instance]}]}))
    now = (Cluster((function,), 0, (1.0,)), Cluster((block,), 0, (1.0,)))
    assert reshaped_instances(now, past) == frozenset()
    function_key = member_key("acl", function.path, function.name, "function")
    assert quiet_passes(function_key, function.exact, past) == 2
    assert quiet_passes(member_key("acl", block.path, block.name, "block"), block.exact, past) == 0


def test_two_block_clusters_of_the_same_functions_keep_their_ids_on_an_unchanged_pass():
    """babel: two blocks of the same two functions share every member key (file, function):
    the second pass used to swap their ids."""
    from radar.stages.cluster import Cluster
    from radar.stages.history import Past, identify
    from radar.stages.lastpass import carried
    from radar.stages.shape import Shape

    def block(subsystem, start, exact):
        return Shape(subsystem, f"{subsystem}/family.ts", "typescript", "block", "getBindingIdentifiers",
                     start, start + 8, 60, exact, "", "", ())

    clusters = tuple(Cluster((block("traverse", start, exact), block("types", start, exact)), 0, (1.0, 1.0))
                     for start, exact in ((10, "e-first"), (40, "e-second")))
    first = identify(clusters, Past())
    snapshot = {"schema": 1, "scan": {"pass": 1}, "candidates": [
        {"id": cid, "verdict": "watching", "consumers": ["traverse", "types"],
         "instances": [{"subsystem": m.subsystem, "path": m.path, "name": m.name, "unit": "block"}
                       for m in found.members]} for cid, found in first]}
    assert identify(clusters, Past(latest=carried(snapshot))) == first
