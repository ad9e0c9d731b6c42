"""Where per-file work runs: in this process, a local process pool, or a Dask cluster.

Every executor maps one pure function over batches and yields the results in input order, so
the pass's results never depend on where the work ran. Dask is optional
(`pip install abstraction-radar[distributed]`): `--executor dask` starts a LocalCluster,
`--scheduler tcp://host:port` uses a running one.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

EXECUTORS = ("local", "dask")


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
        return _pool_map(function, batches, self.jobs)


def _pool_map(function: Callable, batches: list, jobs: int) -> Iterator:
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(batches)))
    try:
        yield from pool.map(function, batches)
    finally:
        pool.shutdown(cancel_futures=True)


def _dask_map(function: Callable, batches: list, jobs: int, scheduler: str | None) -> Iterator:
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise ValueError("--executor dask needs the distributed extra: "
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
