"""Where per-file work runs: in this process, a local process pool, or a Dask cluster.

Every executor maps one pure function over batches and yields the results in input order, so
the pass's results never depend on where the work ran. Dask is optional
(`pip install abstraction-radar[distributed]`): `--executor dask` starts a LocalCluster,
`--scheduler tcp://host:port` uses a running one.
"""
from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where a pool is made: a warm pass parses nothing and needs none
    from concurrent.futures import ProcessPoolExecutor

EXECUTORS = ("local", "dask")


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


class MissingExtra(Exception):
    """Dask was asked for but the distributed extra is not installed."""


@dataclass(frozen=True)
class Executor:
    kind: str = "local"  # local | dask
    jobs: int = 1  # worker processes (local), or workers of a LocalCluster (dask)
    scheduler: str | None = None  # a running Dask scheduler's address

    def map(self, function: Callable, batches: list) -> Iterator:
        if self.kind == "dask" or self.scheduler:
            return _dask_map(function, batches, self.jobs, self.scheduler)
        if self.jobs <= 1 or len(batches) <= 1:
            return map(function, batches)
        return _in_order(_pool_map(function, batches, self.jobs))

    def map_done(self, function: Callable, batches: list) -> Iterator[tuple[int, object]]:
        """(index, result) of every batch, each as soon as it is done: a caller that handles
        results one by one (binding, storing) does so while the workers still run, rather than
        after them for the batches this process made itself (which come last in input order)."""
        if self.kind == "dask" or self.scheduler or self.jobs <= 1 or len(batches) <= 1:
            return enumerate(self.map(function, batches))
        return _pool_map(function, batches, self.jobs)


IN_FLIGHT_PER_WORKER = 2  # batches queued per worker: it never waits for the next one


def _pool_map(function: Callable, batches: list, jobs: int) -> Iterator[tuple[int, object]]:
    """`jobs` processes at work: this one and jobs - 1 spawned workers. Workers take batches
    from the front, this process from the back, so the work starts at once instead of after
    the workers' start-up (spawning and importing take a third of a second of CPU each: on a
    small fleet, as long as the parsing). Yields (index, result) as each batch is done."""
    from concurrent.futures import FIRST_COMPLETED, wait

    workers = min(jobs - 1, len(batches))
    pool = worker_pool(workers)
    in_flight: dict = {}  # future -> batch index
    front, back, done = 0, len(batches), 0
    try:
        while done < len(batches):
            while front < back and len(in_flight) < IN_FLIGHT_PER_WORKER * workers:
                in_flight[pool.submit(function, batches[front])] = front
                front += 1
            if front < back:
                back -= 1
                done += 1
                yield back, function(batches[back])
            elif in_flight:
                wait(in_flight, return_when=FIRST_COMPLETED)
            for future in [f for f in in_flight if f.done()]:
                done += 1
                yield in_flight.pop(future), future.result()
    finally:
        pool.shutdown(cancel_futures=True)
        del pool
        release_resource_tracker()


def _in_order(done: Iterator[tuple[int, object]]) -> Iterator:
    """The results of (index, result) pairs in index order, whatever order they came in."""
    waiting: dict[int, object] = {}
    ready = 0
    for index, result in done:
        waiting[index] = result
        while ready in waiting:
            yield waiting.pop(ready)
            ready += 1


def release_resource_tracker() -> None:
    """Stop and reap the resource tracker a spawn pool starts beside it, once the pool is gone.

    Left alone, it lives until this process exits and then dies an orphan: in a container
    whose first process reaps nobody, a defunct process stays behind every pass. Stopped here,
    it is this process's own child, waited for. The next pool starts another."""
    import gc
    from multiprocessing import resource_tracker

    gc.collect()  # the pool's queues unregister their semaphores when collected, not later
    stop = getattr(resource_tracker._resource_tracker, "_stop", None)  # private, Python 3.8-3.13
    if stop is not None:
        stop()


def worker_pool(jobs: int) -> ProcessPoolExecutor:
    """The process pool for per-file work; any other local pool should be made here too.

    Forked workers would inherit every open descriptor, the flock on --out included: an
    orphan outliving a killed pass would hold that lock for ever. Spawned workers start
    clean, and as direct children they can notice their pass die (see _die_with_parent)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_die_with_parent,
                               initargs=(os.getpid(),))


@contextlib.contextmanager
def terminated_as_interrupt() -> Iterator[None]:
    """SIGTERM (a scheduler stopping the pass) unwinds like Ctrl-C, so the pool is shut down and
    its helper processes reaped instead of left to die as orphans. Main thread only."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _die_with_parent(parent: int) -> None:
    """A worker whose pass was killed (even by SIGKILL) must not live on, parsing for no one:
    its queue never reaches EOF (it holds a write end itself), so it would wait for ever."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    # Elsewhere (and should the death signal be missed): an orphan is adopted by another process.
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _dask_map(function: Callable, batches: list, jobs: int, scheduler: str | None) -> Iterator:
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise MissingExtra("--executor dask needs the distributed extra: "
                         "pip install 'abstraction-radar[distributed]'") from error
    cluster = None
    if scheduler:
        client = Client(scheduler, timeout="20s")
    else:
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                               dashboard_address=None, host="127.0.0.1")
        client = Client(cluster)
    try:
        futures = client.map(function, batches, pure=False)
        for future in futures:
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
