"""What the radar writes under --out survives SIGKILL at any moment and concurrent passes:
atomic files, the one-pass-at-a-time lock, and history that stays whole (real processes)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from gitfleet import RADAR, make_fleet, radar, scan_args
from radar.infra import records
from radar.infra.storage import ScanLock, ScanRunning, atomic_write, remove_leftovers


# ---------------------------------------------------------------- atomic files

def test_atomic_write_replaces_whole_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "file.json"
    atomic_write(target, json.dumps({"a": 1}).encode())
    atomic_write(target, json.dumps({"a": 2, "é": "ü"}).encode())
    assert json.loads(target.read_text("utf-8")) == {"a": 2, "é": "ü"}
    assert [p.name for p in target.parent.iterdir()] == ["file.json"]


def test_atomic_write_honours_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic_write(tmp_path / "a.md", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "a.md").stat().st_mode & 0o777 == 0o640
    atomic_write(tmp_path / "b.md", b"x")
    assert (tmp_path / "b.md").stat().st_mode & 0o777 == 0o666 & ~old


def test_a_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "latest.json"
    atomic_write(target, json.dumps({"pass": 1}).encode())
    with pytest.raises(TypeError):
        atomic_write(target, "not bytes")  # type: ignore[arg-type]
    assert json.loads(target.read_text()) == {"pass": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["latest.json"]


def test_a_pass_whose_record_cannot_be_written_keeps_the_previous_views_and_no_temp(tmp_path: Path) -> None:
    """latest.json and abstractions.md are staged beside the record (their fsyncs overlap it),
    but installed only after it: a record that fails leaves the last pass's views in place."""
    fleet = make_fleet(tmp_path / "fleet")
    out = tmp_path / "out"
    assert radar(*scan_args(fleet.repo, out)).returncode == 0
    views = {path: path.read_bytes() for path in (out / "snapshots" / "latest.json", out / "abstractions.md")}
    (out / "snapshots" / "deltas").write_text("in the way of the next record")
    (fleet.repo / "lib" / "core" / "late.py").write_text("def late(value):\n    return [value] * 3\n")
    failed = radar(*scan_args(fleet.repo, out))
    assert failed.returncode != 0 and "deltas" in failed.stderr, failed.stderr
    assert {path: path.read_bytes() for path in views} == views
    assert not [p for p in out.rglob("*.tmp")]


def test_remove_leftovers_only_removes_temp_files(tmp_path: Path) -> None:
    for name in (".latest.json.abc123.tmp", "20260101T000000Z.json", "latest.json", "notes.tmp"):
        (tmp_path / name).write_text("{}")
    remove_leftovers(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["20260101T000000Z.json", "latest.json", "notes.tmp"]


# ---------------------------------------------------------------- the lock

def test_second_lock_is_refused_saying_who_holds_it(tmp_path: Path) -> None:
    with ScanLock(tmp_path):
        with pytest.raises(ScanRunning, match=f"another scan is running on .*pid {os.getpid()}"):
            with ScanLock(tmp_path):
                pass
    with ScanLock(tmp_path):  # released on exit
        pass


def test_lock_waits_then_gives_up(tmp_path: Path) -> None:
    with ScanLock(tmp_path):
        started = time.monotonic()
        with pytest.raises(ScanRunning):
            with ScanLock(tmp_path, wait=0.5):
                pass
        assert 0.5 <= time.monotonic() - started < 5


def test_lock_of_a_killed_process_is_not_stale(tmp_path: Path) -> None:
    holder = subprocess.Popen([str(RADAR.with_name("python")), "-c", (
        "import sys, time; from pathlib import Path; from radar.infra.storage import ScanLock\n"
        f"with ScanLock(Path({str(tmp_path)!r})):\n    print('held', flush=True); time.sleep(60)")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(ScanRunning):
            with ScanLock(tmp_path):
                pass
    finally:
        holder.kill()
        holder.wait()
    with ScanLock(tmp_path):  # the kernel dropped the dead holder's lock
        pass


# ---------------------------------------------------------------- real passes, killed and raced

@pytest.fixture(scope="module")
def big_fleet(tmp_path_factory) -> dict:
    """A fleet whose pass takes a second or more, and an --out already holding one good pass."""
    base = tmp_path_factory.mktemp("big")
    fleet = make_fleet(base / "fleet", bulk=8)
    rules = base / "rules"
    rules.mkdir()
    return {"base": base, "repo": fleet.repo, "rules": rules}


def scan_command(fleet: dict, out: Path, *extra: str) -> list[str]:
    return [str(RADAR), "scan", "--repo", str(fleet["repo"]), "--out", str(out), "--rules",
            str(fleet["rules"]), "--no-cache", "--quiet", *extra]


def good_pass(fleet: dict, out: Path, *extra: str) -> float:
    started = time.monotonic()
    done = subprocess.run(scan_command(fleet, out, *extra), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return time.monotonic() - started


def check_out(out: Path) -> list[int]:
    """Every whole snapshot file parses, every indexed pass rebuilds to a schema-1 snapshot of
    that pass, latest.json is one of them; returns the indexed pass numbers in order."""
    for path in (out / "snapshots").glob("*.json"):
        assert json.loads(path.read_text("utf-8"))["schema"] == 1, path
    store = records.Store.open(out)
    texts = {number: store.text(number) for number in store.passes()}
    for number, text in texts.items():
        snapshot = json.loads(text)
        assert snapshot["schema"] == 1 and snapshot["scan"]["pass"] == number
    latest = (out / "snapshots" / "latest.json").read_text("utf-8")
    assert latest in texts.values()
    assert (out / "abstractions.md").read_text("utf-8").startswith("# Abstraction Radar")
    return store.passes()


def wait_gone(group: int, seconds: float = 10) -> None:
    """No process of the killed pass's group (workers, trackers) lingers on."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    raise AssertionError(f"processes of the killed pass {group} are still alive")


def test_sigkill_at_any_point_leaves_every_file_whole(big_fleet: dict) -> None:
    out = big_fleet["base"] / "killed-out"
    duration = good_pass(big_fleet, out, "--jobs", "1")
    assert check_out(out) == [1]
    for fraction, jobs in ((0.15, "1"), (0.4, "2"), (0.7, "1"), (0.9, "2"), (1.0, "1")):
        victim = subprocess.Popen(scan_command(big_fleet, out, "--jobs", jobs), start_new_session=True,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        wait_gone(victim.pid)
        numbers = check_out(out)
        assert numbers == list(range(1, len(numbers) + 1))
    good_pass(big_fleet, out, "--jobs", "1")  # no --wait: the dead passes hold no lock
    numbers = check_out(out)
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 2
    assert not list(out.rglob("*.tmp"))


def test_two_passes_at_once_never_interleave(big_fleet: dict) -> None:
    for attempt in range(3):  # a machine fast enough to finish the first pass early: try again
        out = big_fleet["base"] / f"raced-out-{attempt}"
        first = subprocess.Popen(scan_command(big_fleet, out, "--jobs", "1"), stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 30
        while not (out / ".radar.lock").exists() or not (out / ".radar.lock").read_text():
            assert time.monotonic() < deadline and first.poll() is None
            time.sleep(0.02)
        second = radar(*scan_command(big_fleet, out)[1:], timeout=300)
        overlapped = first.poll() is None
        assert first.wait(timeout=300) == 0, first.stderr.read()
        if overlapped:
            break
    else:
        pytest.skip("the first pass always finished before the second started")
    assert second.returncode == 3, second.stderr
    assert "another scan is running" in second.stderr and "--wait" in second.stderr
    assert check_out(out) == [1]


def test_waiting_passes_keep_history_whole(big_fleet: dict) -> None:
    out = big_fleet["base"] / "queued-out"
    passes = [subprocess.Popen(scan_command(big_fleet, out, "--jobs", "1", "--wait", "300"),
                               stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for process in passes:
        assert process.wait(timeout=600) == 0, process.stderr.read()
    assert check_out(out) == [1, 2]
