"""Writing brief.yaml beside the rest of a build instead of before it.

brief.yaml is the largest thing a build writes (13 MB at 1,000 seeds, most of a second), and nothing
in the build reads it: the pages are rendered from the Brief in memory. In a process with one thread
(`briefgen build`, `mkdocs build`) a forked child writes it on the other core while this process
renders and MkDocs builds; under `mkdocs serve` (which runs threads, where forking is unsafe) the
plugin writes it right after the build, so the served page does not wait for it. Either way the
write is finished before the command ends, before the next build writes it again, and a failure in
the child is raised here by writing it again in this process.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from .brief import Brief


def _save(brief: Brief, path: Path) -> None:
    from .yamlio import save

    save(brief, path)


class BriefWriter:
    """One brief.yaml write at a time: start() begins it (waiting for the one before), wait() ends it."""

    def __init__(self) -> None:
        self._pending: tuple[Brief, Path] | None = None
        self._child: int | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def start(self, brief: Brief, path: Path) -> None:
        """Write in a forked child when this process runs no other thread, else here and now."""
        self.wait()
        if threading.active_count() > 1 or not hasattr(os, "fork"):
            _save(brief, path)
            return
        self._pending = (brief, path)
        child = os.fork()
        if child == 0:  # the child: write, and leave without running the parent's exit handlers
            status = 1
            try:
                _save(brief, path)
                status = 0
            finally:
                os._exit(status)
        self._child = child

    def after(self, brief: Brief, path: Path) -> None:
        """Write in a thread (the caller's build is over): `mkdocs serve` serves the pages meanwhile."""
        self.wait()
        self._pending = (brief, path)
        self._thread = threading.Thread(target=self._write_in_thread, name="briefgen-brief", daemon=True)
        self._thread.start()

    def _write_in_thread(self) -> None:
        assert self._pending is not None
        try:
            _save(*self._pending)
        except BaseException as err:  # noqa: BLE001 - raised again by wait(), in the caller's thread
            self._error = err

    def wait(self) -> None:
        """Until the write started last is done; a failed one is written again here, raising its error."""
        pending, child, thread = self._pending, self._child, self._thread
        self._pending = self._child = self._thread = None
        failed = False
        if child is not None:
            _, status = os.waitpid(child, 0)
            failed = status != 0
        if thread is not None:
            thread.join()
            failed, self._error = self._error is not None, None
        if failed and pending is not None:
            _save(*pending)


WRITER = BriefWriter()  # the process's one writer: builds in one process write brief.yaml in turn
