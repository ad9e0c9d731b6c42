"""Shared fixtures: real fleets (git repos with worktrees) built on the fly by radar.demo.fleet.
Also the skip gate: with --strict-skips (scripts/test.sh passes it) a skipped test fails the run
unless tests/skips-allowed.txt lists it with its reason."""
from pathlib import Path

import pytest
from hypothesis import settings

from radar.demo.fleet import FleetSpec, build_fleet

# No per-example deadline: on a loaded 2-core CI machine an example that takes 200 ms once and
# 150 ms on the replay is reported as flaky, a failure of the machine, not of the code; and the
# blob that replays a failure is printed, so a failure seen in CI can be replayed here.
settings.register_profile("radar", deadline=None, print_blob=True)
settings.load_profile("radar")

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


# ---------------------------------------------------------------- the skip gate

ALLOWED_SKIPS = Path(__file__).with_name("skips-allowed.txt")


def allowed_skips(path: Path = ALLOWED_SKIPS) -> dict[str, str]:
    """Test id -> reason, from lines `<test id>  # <reason>`; a line without a reason is an error."""
    allowed = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        test, _, reason = line.partition("#")
        if not reason.strip():
            raise pytest.UsageError(f"{path}:{number}: `{test.strip()}` has no reason (`<test id>  # <reason>`)")
        allowed[test.strip()] = reason.strip()
    return allowed


def pytest_addoption(parser):
    parser.addoption("--strict-skips", action="store_true",
                     help="fail the run when a test skips unless tests/skips-allowed.txt lists it")


def pytest_configure(config):
    if config.getoption("--strict-skips"):
        config.pluginmanager.register(SkipGate(allowed_skips()), "skip-gate")


class SkipGate:
    """Collects every skip; at the end, one not on the allow-list turns a green run red."""

    def __init__(self, allowed: dict[str, str]) -> None:
        self.allowed = allowed
        self.unlisted: list[tuple[str, str]] = []

    def pytest_runtest_logreport(self, report) -> None:
        if report.skipped and not hasattr(report, "wasxfail") and report.nodeid.split("[")[0] not in self.allowed:
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
            self.unlisted.append((report.nodeid, reason))

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self, session, exitstatus) -> None:
        if self.unlisted and exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if self.unlisted:
            terminalreporter.section("skips not on tests/skips-allowed.txt (each fails the run)", red=True)
            for test, reason in self.unlisted:
                terminalreporter.line(f"{test}: {reason}", red=True)
