"""Where parsing runs never changes what is found: in-process, a process pool, a Dask cluster."""

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
