"""Where parsing runs never changes what is found: in-process, a process pool, a Dask cluster."""
import pytest

from conftest import OTHER_FLEET
from radar.demo.fleet import build_fleet
from radar.pipeline import run_pass
from radar.request import ScanRequest


def candidates(fleet, out, **options):
    snapshot, _ = run_pass(ScanRequest(fleet.repo, fleet.rules, out, None, **options))
    return [(c["id"], c["verdict"], c["consumers"], [i["start_line"] for i in c["instances"]])
            for c in snapshot["candidates"]]


def test_dask_local_cluster_finds_exactly_what_local_processes_find(tmp_path):
    fleet = build_fleet(tmp_path / "fleet", OTHER_FLEET)
    local = candidates(fleet, tmp_path / "local", jobs=2)
    dask = candidates(fleet, tmp_path / "dask", jobs=2, executor="dask")
    assert dask == local and local


def _children() -> set[int]:
    import os

    found = set()
    for task in os.listdir("/proc/self/task"):
        with open(f"/proc/self/task/{task}/children") as listing:
            found.update(int(pid) for pid in listing.read().split())
    return found


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="reads /proc")
def test_a_pool_leaves_no_process_behind_when_its_work_ends_or_fails():
    """Workers and multiprocessing's resource tracker are gone, and reaped, when the map ends:
    nothing is left to die later as a defunct orphan."""
    from radar.infra.executors import Executor

    before = _children()
    executor = Executor("local", jobs=2)
    assert list(executor.map(abs, [-1, -2, -3])) == [1, 2, 3]
    assert _children() <= before  # (a tracker an earlier test left may be stopped too)
    with pytest.raises(TypeError):
        list(executor.map(abs, ["not a number", -2]))
    assert _children() <= before
    assert list(executor.map(abs, [-4, -5])) == [4, 5]  # a later pool starts what it needs again
    assert _children() <= before


def _tagged(batch: list[int]) -> list[tuple[int, int]]:
    import os

    return [(value * value, os.getpid()) for value in batch]


@pytest.mark.parametrize("jobs", [2, 3])
def test_a_local_pool_gives_every_batch_in_input_order_this_process_working_too(jobs):
    """Workers take batches from the front and this process from the back; the results come
    back in input order all the same, and with one batch or one job nothing is spawned."""
    import os

    from radar.infra.executors import Executor

    batches = [list(range(start, start + 3)) for start in range(0, 60, 3)]
    results = list(Executor("local", jobs=jobs).map(_tagged, batches))
    assert [[square for square, _ in batch] for batch in results] == [[v * v for v in b] for b in batches]
    assert results[-1][0][1] == os.getpid()  # the last batch is this process's first
    assert list(Executor("local", jobs=jobs).map(_tagged, batches[:1]))[0][0][1] == os.getpid()


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_map_done_gives_every_batch_once_with_its_index(jobs):
    """As done, in whatever order: each batch's result exactly once, under its own index."""
    from radar.infra.executors import Executor

    batches = [list(range(start, start + 3)) for start in range(0, 60, 3)]
    done = list(Executor("local", jobs=jobs).map_done(_tagged, batches))
    assert sorted(index for index, _ in done) == list(range(len(batches)))
    assert {index: [square for square, _ in result] for index, result in done} == {
        index: [v * v for v in batch] for index, batch in enumerate(batches)}
