"""Shared fixtures: real fleets (git repos with worktrees) built on the fly by radar.demo.fleet."""
from pathlib import Path

import pytest

from radar.demo.fleet import FleetSpec, build_fleet

OTHER_FLEET = FleetSpec(  # like the demo, not the demo: other names, sizes, seed
    worktrees=("billing", "catalog", "chat", "docs", "geo", "inbox", "ledger", "media", "notify", "orders"),
    merged=("store", "testkit", "web"),
    seed=11,
    counts=(("conformance-harness", 5), ("visibility-near-miss", 3), ("retry-no-home", 4)),
    filler=(1, 3),
)


@pytest.fixture(scope="session")
def other_fleet(tmp_path_factory):
    return build_fleet(tmp_path_factory.mktemp("fleet"), OTHER_FLEET)


@pytest.fixture(scope="session")
def scanned_other_fleet(other_fleet, tmp_path_factory):
    """One pass over the other fleet: (fleet, out dir, snapshot)."""
    from radar.pipeline import run_pass
    from radar.request import ScanRequest

    out = tmp_path_factory.mktemp("out")
    snapshot, _ = run_pass(ScanRequest(other_fleet.repo, other_fleet.rules, out,
                                       tmp_path_factory.mktemp("cache"), jobs=2))
    return other_fleet, out, snapshot


def candidate_for(snapshot: dict, plant) -> dict | None:
    """The candidate holding most of a plant's instances (subsystem + path)."""
    wanted = set(zip(plant.subsystems, plant.paths))
    best, overlap = None, 0
    for candidate in snapshot["candidates"]:
        held = {(i["subsystem"], i["path"]) for i in candidate["instances"]} & wanted
        if len(held) > overlap:
            best, overlap = candidate, len(held)
    return best if overlap * 2 > len(wanted) else None


def tree_state(root: Path) -> dict:
    """(size, mtime_ns, bytes) of every file and symlink under root, .git included."""
    state = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        content = path.read_bytes() if path.is_file() and not path.is_symlink() else b""
        state[str(path.relative_to(root))] = (info.st_size, info.st_mtime_ns, content)
    return state
