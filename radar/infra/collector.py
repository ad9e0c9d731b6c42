"""Python's cycle collector, paused while a pass builds and reads back its largest structures.

Clustering and the findings around it allocate hundreds of thousands of small objects (shapes,
groups, pairs, the verified graph) and create no reference cycles worth collecting: reference
counting frees them. The collector still runs every few hundred allocations and, now and then,
walks every live object: a sixth of an edit pass's CPU on moto (2026-12-01). Pausing it there
changes no result; memory is freed as before, by reference counting. A whole pass runs paused
(pipeline.py) but where files are parsed, which runs as Python starts it (`collector_resumed`).
"""
from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import TypeVar

Function = TypeVar("Function", bound=Callable)


def collector_paused(function: Function) -> Function:
    """`function` with the cycle collector paused while it runs (and left as it was after)."""
    return _with_collector(function, running=False)


def collector_resumed(function: Function) -> Function:
    """`function` with the cycle collector running while it runs (and left as it was after)."""
    return _with_collector(function, running=True)


def _with_collector(function: Function, running: bool) -> Function:
    @functools.wraps(function)
    def wrapped(*args, **kwargs):
        if gc.isenabled() == running:
            return function(*args, **kwargs)
        (gc.enable if running else gc.disable)()
        try:
            return function(*args, **kwargs)
        finally:
            (gc.disable if running else gc.enable)()

    return wrapped  # type: ignore[return-value]
