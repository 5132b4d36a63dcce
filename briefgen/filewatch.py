"""Wait for changes to the seeds, the overrides or the templates (for `briefgen build --watch`)."""

from __future__ import annotations

import queue
import time
from collections.abc import Iterator
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

SETTLE_SECONDS = 0.5  # a seed copied in is often written in several steps; build once it is whole


class _Collect(FileSystemEventHandler):
    def __init__(self, watched: list[Path], changes: queue.Queue) -> None:
        self.watched = watched
        self.changes = changes

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write") or event.is_directory:
            return
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            path = Path(str(raw)) if raw else None
            if path and not path.name.startswith(".") and any(w == path or w in path.parents for w in self.watched):
                self.changes.put(str(path))


def wait_for_changes(paths: list[str]) -> Iterator[list[str]]:
    """Yield the changed files, a batch at a time, until interrupted."""
    watched = [Path(p).resolve() for p in paths]
    changes: queue.Queue = queue.Queue()
    observer = Observer()
    handler = _Collect(watched, changes)
    for path in watched:
        # a file is watched through its folder (editors replace files rather than write them)
        observer.schedule(handler, str(path if path.is_dir() else path.parent), recursive=path.is_dir())
    observer.start()
    try:
        while True:
            batch = {changes.get()}
            time.sleep(SETTLE_SECONDS)
            while not changes.empty():
                batch.add(changes.get_nowait())
            yield sorted(batch)
    finally:
        observer.stop()
        observer.join()
