"""Building without the cycle collector's passes."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def without_gc_pauses() -> Iterator[None]:
    """Reading the seeds and the cache, merging and rendering make many objects, long-lived or short-lived
    but acyclic; with thousands of findings kept in memory, the cycle collector's passes over them cost
    more than the work itself (three or four full passes, 0.7-1.0 s at 1,000 seeds in a new process)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
