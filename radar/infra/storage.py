"""Everything the radar writes under --out: atomic files and the one-scan-at-a-time lock.

Writes go to a temp file in the same folder, are fsynced, then renamed over the target, so
a crash (even SIGKILL) leaves either the old file or the new one, never half of one. The lock
is an flock on `--out/.radar.lock`: the kernel drops it when its process dies, so a lock left
by a killed pass is never stale.
"""
from __future__ import annotations

import fcntl
import os
import itertools
import time
from pathlib import Path


_TEMPS = itertools.count()  # temp file numbers of this process (new_temp)


class ScanRunning(Exception):
    """Another pass holds the lock on this --out."""


def atomic_write(path: Path, data: bytes) -> None:
    install(stage(path, data), path)


def stage(path: Path, data: bytes) -> Path:
    """The first half of atomic_write: `data` in a temp file beside `path`, fsynced. Files
    staged side by side (in threads) wait for the disk together, not one after the other."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = new_temp(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return Path(temp)


def new_temp(path: Path) -> tuple[int, str]:
    """A new file `.NAME.<pid>.<n>.tmp` beside `path`, created exclusively (never through a
    link) with the mode open() would give it: tempfile.mkstemp without its ~4 ms of imports
    and its 0600."""
    mode, flags = _file_mode(), os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        temp = os.path.join(path.parent, f".{path.name}.{os.getpid()}.{next(_TEMPS)}.tmp")
        try:
            fd = os.open(temp, flags, mode)
        except FileExistsError:  # left by a killed pass of the same pid: take the next number
            continue
        return fd, temp


def install(temp: Path, path: Path) -> None:
    """The second half: the staged file renamed over `path`, the rename made durable."""
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def _file_mode() -> int:
    """What open() would give a new file: 0666 less the umask (read without changing it)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    umask = os.umask(0o022)  # no /proc: the only portable read is a set and restore
    os.umask(umask)
    return 0o666 & ~umask


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (best effort: some filesystems refuse)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_leftovers(folder: Path) -> None:
    """Temp files of a pass killed mid-write are garbage, never results."""
    for leftover in folder.glob(".*.tmp"):
        leftover.unlink(missing_ok=True)


class ScanLock:
    """`with ScanLock(out, wait=False):` — one pass per --out at a time."""

    def __init__(self, out: Path, wait: float = 0.0):
        self.path = out / ".radar.lock"
        self.wait = wait
        self._fd: int | None = None

    def __enter__(self) -> "ScanLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
                    os.close(fd)
                    raise ScanRunning(f"another scan is running on {self.path.parent} ({holder or 'pid unknown'})")
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}".encode(), 0)
        self._fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
