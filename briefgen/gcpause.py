"""Building without the cycle collector's passes."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def without_gc_pauses() -> Iterator[None]:
    """Merging and rendering make many short-lived, acyclic objects; with thousands of findings kept
    in memory, the cycle collector's passes over them cost more than the work itself."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextlib.contextmanager
def loaded_then_left_alone() -> Iterator[None]:
    """For a block that loads what the rest of a build keeps (the seeds, the cached findings): loaded
    without the cycle collector, then left out of its passes (gc.freeze) until left_alone_until_here()
    runs. Without the freeze the passes put off while loading would all come later, over every object
    loaded; with the collector on while loading, its full passes over the growing heap cost 0.6-0.8 s at
    1,000 seeds in a new process. Nothing is frozen when something else froze objects already."""
    with without_gc_pauses():
        yield
        if not gc.get_freeze_count():
            gc.freeze()
            _FROZEN.append(True)


_FROZEN: list[bool] = []


def left_alone_until_here() -> None:
    """The objects loaded_then_left_alone() froze are the collector's again (a long-running process
    would otherwise never collect a cycle among them)."""
    if _FROZEN:
        _FROZEN.clear()
        gc.unfreeze()
