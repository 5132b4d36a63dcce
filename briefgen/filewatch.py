"""Wait for changes to the seeds, the overrides or the templates (for `briefgen build --watch`), and
keep `mkdocs serve` watching a folder that is moved away and back."""

from __future__ import annotations

import contextlib
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


class _Returned(FileSystemEventHandler):
    def __init__(self, server, folder: Path) -> None:
        self.server = server
        self.folder = folder

    def on_any_event(self, event: FileSystemEvent) -> None:
        arrived = getattr(event, "dest_path", "") or event.src_path
        if event.event_type in ("created", "moved") and Path(str(arrived)) == self.folder:
            # the folder's old watch ended with it; a new one sees the seeds added from now on
            with contextlib.suppress(KeyError):  # not watched yet: the folder did not exist at start
                self.server.unwatch(str(self.folder))
            self.server.watch(str(self.folder))


def rewatch_when_back(server, folder: Path) -> None:
    """Watch folder's parent (not its contents) with MkDocs' live-reload server, so that folder is
    watched again when it is moved away and back, or deleted and made again."""
    server.observer.schedule(_Returned(server, folder), str(folder.parent), recursive=False)


class _Rebuild(FileSystemEventHandler):
    """Asks MkDocs' live-reload server for a rebuild as its own watcher does, on a kernel event."""

    def __init__(self, server) -> None:
        self.server = server

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in ("opened", "closed_no_write"):  # a build reading the seeds
            return
        with self.server._rebuild_cond:
            self.server._want_rebuild = True
            self.server._rebuild_cond.notify_all()


def watch_with_events(server, folder: Path):
    """Watch folder for MkDocs' live-reload server by the kernel's file events (inotify on Linux), not
    by its poll of every file twice a second: a seed dropped in starts a build at once, where the poll
    found it a quarter of a second later on average. Returns the started observer, or None when the
    server is not the one this was written for or the events cannot be had (the poll is then kept)."""
    if not (hasattr(server, "_rebuild_cond") and hasattr(server, "_want_rebuild")):
        return None
    observer = Observer()
    try:
        observer.schedule(_Rebuild(server), str(folder), recursive=True)
        observer.start()
    except (OSError, RuntimeError):
        return None
    return observer
