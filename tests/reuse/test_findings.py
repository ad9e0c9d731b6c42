"""The findings memo: an unchanged fleet is neither parsed nor clustered again, a changed one
costs about the change, and either way the pass publishes what a cold pass would."""
import dataclasses
import os

import pytest

from conftest import OTHER_FLEET
from radar.stages.reading import FileWork
from radar.infra.cache import ParseCache
from gitfleet import candidate_view
from radar.stages.census import Place, Recurrence
from radar.reuse.findings import Findings, decode, encode, still_valid, whole
from radar.demo.fleet import build_fleet
from radar.pipeline import run_pass
from radar.request import ScanRequest
from gitfleet import commit_old


@pytest.fixture
def fleet(tmp_path):
    return build_fleet(tmp_path / "fleet", OTHER_FLEET)


def scan(fleet, out, cache):
    """The snapshot, and the work each progress bar reported: {what: total}."""
    work: dict[str, int] = {}

    def progress(what, done, total):
        work[what] = total

    snapshot, _ = run_pass(ScanRequest(fleet.repo, fleet.rules, out, cache, jobs=1), progress)
    return snapshot, work


def published(snapshot: dict) -> tuple:
    return (candidate_view(snapshot), snapshot["census"], snapshot["subsystems"],
            snapshot["scan"]["skipped"], snapshot["scan"]["filtered"], snapshot["scan"]["files"],
            snapshot["scan"]["units"])


def test_an_unchanged_fleet_is_neither_parsed_nor_clustered_again(fleet, tmp_path):
    cold, cold_work = scan(fleet, tmp_path / "out", tmp_path / "cache")
    warm, warm_work = scan(fleet, tmp_path / "out", tmp_path / "cache")
    assert cold_work["parsing files"] > 0 and "verifying pairs" in cold_work
    assert warm_work == {}
    assert published(warm) == published(cold)
    assert published(warm) == published(scan(fleet, tmp_path / "nocache", None)[0])


def test_a_radar_that_clusters_differently_clusters_again_whatever_it_remembers(fleet, tmp_path, monkeypatch):
    from radar.stages import cluster
    scan(fleet, tmp_path / "out", tmp_path / "cache")
    monkeypatch.setattr(cluster, "SETTINGS", cluster.SETTINGS + ("an upgrade",))
    _, upgraded = scan(fleet, tmp_path / "out", tmp_path / "cache")
    assert "verifying pairs" in upgraded


def test_a_radar_whose_clustering_code_changed_clusters_again(fleet, tmp_path, monkeypatch):
    """A nature added to cluster.py with the same radar version (miuix's icons, "drawing") had
    left the last clustering's answers in the cache: the memo is filed under the code too."""
    from radar.reuse import clusters_memo
    code = tmp_path / "code" / "clustering_rules.py"
    code.parent.mkdir()
    code.write_text("NATURES = ('logic',)\n")
    monkeypatch.syspath_prepend(str(code.parent))
    monkeypatch.setattr(clusters_memo, "CLUSTERING_MODULES", (*clusters_memo.CLUSTERING_MODULES, "clustering_rules"))
    clusters_memo._clustering_code.cache_clear()
    try:
        scan(fleet, tmp_path / "out", tmp_path / "cache")
        _, unchanged = scan(fleet, tmp_path / "out", tmp_path / "cache")
        code.write_text("NATURES = ('logic', 'drawing')\n")
        clusters_memo._clustering_code.cache_clear()
        _, changed = scan(fleet, tmp_path / "out", tmp_path / "cache")
    finally:  # no other test reads the stamp made with this module
        clusters_memo._clustering_code.cache_clear()
    assert unchanged == {} and "verifying pairs" in changed


def test_an_edit_that_moves_no_shape_reparses_one_file_and_does_not_cluster(fleet, tmp_path):
    scan(fleet, tmp_path / "out", tmp_path / "cache")
    plant = fleet.plant("conformance-harness")
    checkout, path = fleet.worktrees[plant.subsystems[0]], plant.paths[0]
    comment = "#" if path.endswith(".sh") else ";"
    commit_old(checkout, path, (checkout / path).read_text() + f"\n{comment} a comment, nothing else\n")
    after, work = scan(fleet, tmp_path / "out", tmp_path / "cache")
    assert work == {"parsing files": 1}
    assert published(after) == published(scan(fleet, tmp_path / "nocache", None)[0])


def test_an_edit_that_moves_no_shape_takes_the_last_passes_dependencies(fleet, tmp_path, monkeypatch):
    from radar.stages import deps
    scan(fleet, tmp_path / "out", tmp_path / "cache")
    resolved, resolve = [], deps.dependencies
    monkeypatch.setattr(deps, "dependencies", lambda *args, **kwargs: resolved.append(args) or resolve(*args, **kwargs))
    plant = fleet.plant("memo-inferred-home")
    checkout, path = fleet.worktrees[plant.subsystems[0]], plant.paths[0]
    commit_old(checkout, path, (checkout / path).read_text() + "\n; a comment, nothing else\n")
    after, work = scan(fleet, tmp_path / "out", tmp_path / "cache")
    assert work == {"parsing files": 1} and resolved == []
    assert published(after) == published(scan(fleet, tmp_path / "nocache", None)[0]) and len(resolved) == 1


def test_an_edit_that_moves_no_reference_takes_the_last_passes_dependencies(fleet, tmp_path, monkeypatch):
    """A new function calling nothing the file did not already reach: the fleet is clustered
    again, its dependencies are not resolved again; a new reference is."""
    from radar.stages import deps
    scan(fleet, tmp_path / "out", tmp_path / "cache")
    resolved, resolve = [], deps.dependencies
    monkeypatch.setattr(deps, "dependencies", lambda *args, **kwargs: resolved.append(args) or resolve(*args, **kwargs))
    planted = {path for plant in fleet.plants for path in plant.paths}
    checkout, path = next((checkout, p.relative_to(checkout).as_posix())
                          for name, checkout in sorted(fleet.worktrees.items())
                          for p in sorted(checkout.glob(f"lib/{name}/*.sx"))
                          if p.relative_to(checkout).as_posix() not in planted)  # in no cluster: its history moves none
    edited = (checkout / path).read_text() + "\n(defn edit-only [value]\n  (if (> value 1) (inc value) (dec value)))\n"
    commit_old(checkout, path, edited)
    after, work = scan(fleet, tmp_path / "out", tmp_path / "cache")
    assert "verifying pairs" in work and resolved == []
    assert published(after) == published(scan(fleet, tmp_path / "nocache", None)[0]) and len(resolved) == 1
    commit_old(checkout, path, edited + "\n(defn edit-two [value]\n  (elsewhere/put value))\n")
    scan(fleet, tmp_path / "out", tmp_path / "cache")
    assert len(resolved) == 2


def test_an_edit_that_moves_a_shape_clusters_again_like_a_cold_pass(fleet, tmp_path):
    scan(fleet, tmp_path / "out", tmp_path / "cache")
    plant = fleet.plant("pagination")
    newcomer = next(name for name in fleet.worktrees if name not in plant.subsystems)
    source = (fleet.worktrees[plant.subsystems[0]] / plant.paths[0]).read_text()
    commit_old(fleet.worktrees[newcomer], f"lib/{newcomer}/page.sx", source.replace(plant.subsystems[0], newcomer))
    after, work = scan(fleet, tmp_path / "out", tmp_path / "cache")
    assert work["parsing files"] == 1 and "verifying pairs" in work
    cold = scan(fleet, tmp_path / "nocache", None)[0]
    assert published(after) == published(cold)
    assert any(newcomer in c["consumers"] for c in after["candidates"])


def test_edits_in_a_row_take_the_last_clusterings_work_and_publish_what_a_cold_pass_would(fleet, tmp_path):
    scan(fleet, tmp_path / "out", tmp_path / "cache")
    plant = fleet.plant("pagination")
    outsiders = [name for name in fleet.worktrees if name not in plant.subsystems][:2]
    source = (fleet.worktrees[plant.subsystems[0]] / plant.paths[0]).read_text()
    for newcomer in outsiders:  # the second clustering starts from the first one's trims and weighings
        commit_old(fleet.worktrees[newcomer], f"lib/{newcomer}/page.sx", source.replace(plant.subsystems[0], newcomer))
        after, work = scan(fleet, tmp_path / "out", tmp_path / "cache")
        assert work["parsing files"] == 1 and "verifying pairs" in work
        assert published(after) == published(scan(fleet, tmp_path / f"nocache-{newcomer}", None)[0])
    assert all(any(name in c["consumers"] for c in after["candidates"]) for name in outsiders)


def _carried_rows(cache) -> dict[str, int]:
    """The row of each memo an edit may leave as it was (REPLACE gives an entry a new row)."""
    import sqlite3
    with sqlite3.connect(cache / "parse-cache.sqlite") as db:
        return {key.split("/")[0]: row for key, row in db.execute("SELECT key, rowid FROM entry")
                if key.split("/")[0] in ("pairs", "carry", "vocabs")}


def test_small_edits_leave_the_carried_state_and_each_pass_publishes_what_a_cold_pass_would(
        fleet, tmp_path, monkeypatch):
    """A pass a few files away from the carried state (pair index, carried clustering, vocabs)
    leaves it as it is (writing it costs more than redoing those files' groups next time); the
    next pass starts from it again; past LAG_FILES files it is written again."""
    from radar.reuse import incremental
    scan(fleet, tmp_path / "out", tmp_path / "cache")
    cold = _carried_rows(tmp_path / "cache")
    assert set(cold) == {"pairs", "carry", "vocabs"}
    plant = fleet.plant("pagination")
    outsiders = [name for name in fleet.worktrees if name not in plant.subsystems][:3]
    source = (fleet.worktrees[plant.subsystems[0]] / plant.paths[0]).read_text()
    for number, newcomer in enumerate(outsiders):
        if number == 2:
            monkeypatch.setattr(incremental, "LAG_FILES", 2)  # the third file changed since: past it
        commit_old(fleet.worktrees[newcomer], f"lib/{newcomer}/page.sx", source.replace(plant.subsystems[0], newcomer))
        after, work = scan(fleet, tmp_path / "out", tmp_path / "cache")
        assert work["parsing files"] == 1 and "verifying pairs" in work
        assert published(after) == published(scan(fleet, tmp_path / f"nocache-{newcomer}", None)[0])
        rows = _carried_rows(tmp_path / "cache")
        assert (rows == cold) == (number < 2), number
    assert all(any(name in c["consumers"] for c in after["candidates"]) for name in outsiders)


def test_an_edit_that_only_moves_a_reference_updates_the_dependencies(fleet, tmp_path):
    scan(fleet, tmp_path / "out", tmp_path / "cache")
    plant = fleet.plant("memo-inferred-home")
    checkout, path = fleet.worktrees[plant.subsystems[0]], plant.paths[0]
    # a symbol's namespace is no part of its shape: only the reference moves
    commit_old(checkout, path, (checkout / path).read_text().replace("(store/", "(web/"))
    after, _ = scan(fleet, tmp_path / "out", tmp_path / "cache")
    uses = {d["subsystem"] for s in after["subsystems"] if s["name"] == plant.subsystems[0] for d in s["depends_on"]}
    assert "web" in uses and "store" not in uses
    assert published(after) == published(scan(fleet, tmp_path / "nocache", None)[0])


def test_the_memo_round_trips_and_a_foreign_one_is_a_miss(fleet, tmp_path):
    from radar.config import load_rules
    from radar.stages.discover import discover
    from radar.reuse.incremental import find

    rules = load_rules(fleet.rules)
    request = ScanRequest(fleet.repo, fleet.rules, tmp_path / "out", None, jobs=1)
    findings = find(request, discover(fleet.repo, rules.fleet), rules, ParseCache(None))
    assert findings.clusters and findings.recurrences and findings.references
    deferred = decode(encode(findings))  # what a pass publishing the last outcome again reads
    assert deferred.recurrences == () and deferred.references == () and deferred.deferred
    memo = whole(deferred)
    assert dataclasses.replace(memo, clusters=()) == dataclasses.replace(findings, clusters=())
    assert whole(decode(encode(deferred))) == memo  # a memo's deferred part filed again as it was

    def read_later(clusters) -> list:  # what the stages after find read of the clusters: the gate
        # reads every member's streams (a private helper, a home's name said by the copies)
        return [([(m.key, m.kind, m.name, m.language, m.size, m.exact, m.behaviour, m.blind, m.names)
                  for m in c.members], c.similarities, c.content, c.nature, read_later(c.variants))
                for c in clusters]

    assert read_later(memo.clusters) == read_later(findings.clusters)
    assert whole(decode(encode(memo))) == memo
    for foreign in (None, (), ("garbage",), (1, *encode(findings)[1:]), encode(findings)[:-1]):
        assert decode(foreign) is None


def test_a_file_that_could_not_be_read_is_read_again_before_the_memo_is_trusted(tmp_path):
    fifo = tmp_path / "pipe.py"
    os.mkfifo(fifo)
    works = [FileWork("acl", "pipe.py", str(fifo), "python", "0" * 40)]
    place = Place("acl", "pipe.py", 1, 1, None)
    findings = Findings((("acl", 1, 0),), (("unreadable", 1),), (), (), (Recurrence("x", "file", (place,)),),
                        unread=(("acl", "pipe.py", "unreadable"),))
    assert still_valid(findings, works)
    fifo.unlink()
    fifo.write_text("def now_readable():\n    return 1\n")
    assert not still_valid(findings, works)
