"""One full pass over a fleet like the demo but not the demo: every verdict a careful human
would give, the snapshot valid against its committed schema, the backlog's sections."""
import json
from pathlib import Path

import jsonschema
import pytest

from conftest import candidate_for, tree_state
from radar.outputs.publish import schema


def test_harness_in_five_worktrees_is_proposed_with_its_routed_home(scanned_other_fleet):
    fleet, _, snapshot = scanned_other_fleet
    harness = candidate_for(snapshot, fleet.plant("conformance-harness"))
    assert harness["verdict"] == "proposed"
    assert harness["home"] == "lib/guest"
    assert len(harness["consumers"]) == 5 and harness["missing"] == []


def test_two_consumer_shape_is_watching_and_needs_a_third(scanned_other_fleet):
    fleet, _, snapshot = scanned_other_fleet
    pages = candidate_for(snapshot, fleet.plant("pagination"))
    assert pages["verdict"] == "watching"
    assert "2 consumers, needs 3" in pages["missing"]


def test_merged_copies_never_count_as_consumers(scanned_other_fleet):
    fleet, _, snapshot = scanned_other_fleet
    worktrees = set(fleet.worktrees)
    for candidate in snapshot["candidates"]:
        subsystems = [i["subsystem"] for i in candidate["instances"]]
        # a merged substrate appears at most as itself, never once per worktree
        for instance in candidate["instances"]:
            if instance["subsystem"] in worktrees:
                assert instance["path"].startswith(f"lib/{instance['subsystem']}/")
        assert len(candidate["consumers"]) == len(set(subsystems))


def test_same_named_divergent_files_are_census_collisions(scanned_other_fleet):
    fleet, _, snapshot = scanned_other_fleet
    plant = fleet.plant("api-collision")
    row = next(r for r in snapshot["census"] if r["kind"] == "file" and r["name"] == "api.sx")
    assert row["verdict"] == "collision"
    assert set(plant.subsystems) <= set(row["owners"])
    assert candidate_for(snapshot, plant) is None


def test_one_liners_are_never_proposed(scanned_other_fleet):
    fleet, _, snapshot = scanned_other_fleet
    assert all(c["tokens"] >= 50 for c in snapshot["candidates"] if c["verdict"] == "proposed")
    thin = candidate_for(snapshot, fleet.plant("thin-helper"))
    assert thin is None or thin["verdict"] != "proposed"


def test_a_consumer_changed_hours_ago_keeps_its_cluster_watching(scanned_other_fleet):
    fleet, _, snapshot = scanned_other_fleet
    plant = fleet.plant("event-log")
    log = candidate_for(snapshot, plant)
    assert log["verdict"] == "watching"
    assert any(f"{plant.unstable[0]}'s copy changed" in m and "h ago" in m for m in log["missing"])


def test_near_miss_copies_cluster_together(scanned_other_fleet):
    fleet, _, snapshot = scanned_other_fleet
    plant = fleet.plant("visibility-near-miss")
    visibility = candidate_for(snapshot, plant)
    held = {(i["subsystem"], i["path"]) for i in visibility["instances"]}
    assert set(zip(plant.subsystems, plant.paths)) <= held
    assert visibility["similarity"] < 1.0
    assert visibility["verdict"] == "proposed" and visibility["home"] == "lib/acl"


def test_rejected_decision_stays_rejected_with_its_reason(scanned_other_fleet):
    fleet, _, snapshot = scanned_other_fleet
    normalize = candidate_for(snapshot, fleet.plant("normalize-rejected"))
    assert normalize["verdict"] == "rejected"
    assert normalize["reason"] == "name collision: same noun, domain-specific op"


def test_cluster_without_routed_home_is_watching_and_says_so(scanned_other_fleet):
    fleet, _, snapshot = scanned_other_fleet
    retry = candidate_for(snapshot, fleet.plant("retry-no-home"))
    assert retry["verdict"] == "watching" and retry["home"] is None
    assert "no natural home (no routing rule matches; the consumers share no dependency)" in retry["missing"]


def test_unrouted_copies_calling_one_substrate_get_it_as_inferred_home(scanned_other_fleet):
    from radar.outputs.explain import explain

    fleet, out, snapshot = scanned_other_fleet
    plant = fleet.plant("memo-inferred-home")
    memo = candidate_for(snapshot, plant)
    assert memo["verdict"] == plant.expect == "proposed" and memo["missing"] == []
    assert memo["home"] == plant.inferred_home == "lib/store" and memo["action"] == "extract"
    routing = memo["routing"]
    assert routing["inferred"] and routing["rule"] is None
    n = len(plant.subsystems)
    assert routing["by"].startswith(f"inferred: {n} of {n} consumers reference it (")
    assert sorted(e.rsplit(":", 1)[0] for e in routing["evidence"]) == sorted(plant.paths)
    home_check = next(g for g in memo["gate"] if g["criterion"] == "home")
    assert home_check["met"] and home_check["detail"].startswith("home lib/store (inferred: ")
    text = explain(snapshot, memo)
    assert "chosen by: inferred:" in text and all(e in text for e in routing["evidence"])
    backlog = (out / "abstractions.md").read_text()
    assert f"- **Home:** lib/store — inferred: {n} of {n} consumers reference it" in backlog


def test_the_snapshot_carries_each_subsystems_dependencies(scanned_other_fleet):
    fleet, _, snapshot = scanned_other_fleet
    plant = fleet.plant("memo-inferred-home")
    subsystems = {s["name"]: s for s in snapshot["subsystems"]}
    for sub, path in zip(plant.subsystems, plant.paths):
        [edge] = [d for d in subsystems[sub]["depends_on"] if d["subsystem"] == "store"]
        assert edge["files"] >= 1 and any(e.startswith(path + ":") for e in edge["evidence"])
    assert subsystems["store"]["dependents"] >= len(plant.subsystems)
    retry = fleet.plant("retry-no-home")
    shared = [{d["subsystem"] for d in subsystems[s]["depends_on"]} for s in retry.subsystems]
    assert not set.intersection(*shared)  # the retry plant's consumers share nothing: no home


def test_every_instance_carries_path_line_evidence(scanned_other_fleet):
    _, _, snapshot = scanned_other_fleet
    roots = {s["name"]: Path(s["root"]) for s in snapshot["subsystems"]}
    for candidate in snapshot["candidates"]:
        for instance in candidate["instances"]:
            assert 1 <= instance["start_line"] <= instance["end_line"]
            assert instance["code"].strip()
            # the instance's own lines, as the file has them (several instances share a file)
            lines = (roots[instance["subsystem"]] / instance["path"]).read_text().splitlines(keepends=True)
            assert instance["code"] == "".join(lines[instance["start_line"] - 1:instance["end_line"]])


def test_snapshot_matches_the_committed_schema(scanned_other_fleet):
    _, out, snapshot = scanned_other_fleet
    jsonschema.validate(snapshot, schema())
    assert json.loads((out / "snapshots" / "latest.json").read_text()) == snapshot


def test_the_schema_names_every_nature_a_cluster_can_have():
    """A snapshot of miuix's icons, nature `drawing`, would not have been valid against the schema,
    whose natures had not named it: every nature the backlog shows apart, and logic, is named."""
    from radar.outputs.backlog import BOILERPLATE
    assert set(schema()["$defs"]["candidate"]["properties"]["nature"]["enum"]) == {"logic", *BOILERPLATE}


def test_backlog_has_the_contract_sections_in_order(scanned_other_fleet):
    _, out, snapshot = scanned_other_fleet
    text = (out / "abstractions.md").read_text()
    assert text.startswith("# Abstraction Radar — backlog")
    positions = [text.index(f"\n## {title}\n") for title in
                 ("Last scan", "Proposed", "Watching", "Done", "Rejected", "Census")]
    assert positions == sorted(positions)
    for candidate in snapshot["candidates"]:
        first = candidate["instances"][0]
        assert f"{first['subsystem']}: [{first['path']}:{first['start_line']}]" in text


def test_scan_leaves_the_fleet_byte_and_mtime_identical(other_fleet, tmp_path):
    from radar.pipeline import run_pass
    from radar.request import ScanRequest

    before = tree_state(other_fleet.root)
    run_pass(ScanRequest(other_fleet.repo, other_fleet.rules, tmp_path / "out", tmp_path / "cache", jobs=2))
    assert tree_state(other_fleet.root) == before


@pytest.mark.parametrize("jobs", [1, 2])
def test_same_candidates_with_any_jobs_and_with_or_without_cache(other_fleet, scanned_other_fleet, tmp_path, jobs):
    from radar.pipeline import run_pass
    from radar.request import ScanRequest

    _, _, reference = scanned_other_fleet
    for cache in (None, tmp_path / "cache", tmp_path / "cache"):
        snapshot, _ = run_pass(ScanRequest(other_fleet.repo, other_fleet.rules, tmp_path / f"out{jobs}{cache is None}",
                                           cache, jobs=jobs))
        assert [(c["id"], c["verdict"], c["consumers"]) for c in snapshot["candidates"]] == \
               [(c["id"], c["verdict"], c["consumers"]) for c in reference["candidates"]]
