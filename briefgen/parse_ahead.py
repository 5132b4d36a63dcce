"""Loading spaCy in a forked process while this one reads the seeds and the cache.

A fresh process that must parse one new seed first imports spaCy and loads the pipeline (over a
second), and it reads every seed and the findings of every other seed from the cache (another second
or two at 1,000 seeds). A thread cannot do the two at once: both hold the interpreter lock most of the
time. A process forked at the start can, on the other core: it loads the pipeline while this process
reads, is handed the seeds the cache lacks, and sends their findings back (as the `--jobs` workers
do). When the cache holds every seed it is stopped at once.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection

MAX_DOCUMENTS = 16  # more seeds than this are a larger build: parsed in batches (on --jobs workers), with progress


def wanted() -> bool:
    """In a process that has not imported spaCy (a long-running one, `mkdocs serve` or `build --watch`,
    has the pipeline loaded already and parses at once) and runs no other thread (a fork copies only
    the calling thread, and a lock another thread holds would stay held in the worker)."""
    return (
        "spacy" not in sys.modules
        and threading.active_count() == 1
        and "fork" in multiprocessing.get_all_start_methods()
    )


def _serve(connection: Connection, load: Callable, work: Callable, model: str, initializer: Callable, args) -> None:
    initializer(*args)
    try:
        load(model)
    except Exception:  # noqa: BLE001 - the parse raises it again, with its message
        pass
    documents = connection.recv()
    if documents:
        connection.send(work(documents, model))
    connection.close()


class ParseAhead:
    """A forked worker that loads the pipeline now and extracts the documents handed to it later.

    hand(documents) gives it its work (an empty list stops it); results() returns the extracted
    documents, or None when the worker failed (the caller then extracts them here, as it would have).
    """

    def __init__(self, model: str, load: Callable, work: Callable, initializer: Callable, initargs=()) -> None:
        self.documents: list = []
        self._connection, theirs = multiprocessing.Pipe()
        context = multiprocessing.get_context("fork")
        self._process = context.Process(
            target=_serve, args=(theirs, load, work, model, initializer, initargs), name="briefgen-parse", daemon=True
        )
        self._process.start()
        theirs.close()

    def hand(self, documents: list) -> bool:
        """Give the worker its documents; False (and the worker stopped) when there are none or too many."""
        if not 0 < len(documents) <= MAX_DOCUMENTS:
            self.stop()
            return False
        try:
            self._connection.send(documents)
        except OSError:
            self.stop()
            return False
        self.documents = documents
        return True

    def results(self, meanwhile: Callable[[], object] | None = None) -> list | None:
        """The worker's results; meanwhile() runs first if they are not ready (this process would
        only wait)."""
        try:
            if meanwhile is not None and not self._connection.poll():
                meanwhile()
            return self._connection.recv()
        except (EOFError, OSError):  # the worker died (killed, out of memory): parse them here
            return None
        finally:
            self.stop()

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._connection.close()
