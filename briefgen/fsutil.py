"""Safe file writes: a reader never sees half a file, and a killed writer's leftovers are removed."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file and rename, so readers never see half a file."""
    with atomic_writer(path) as handle:
        handle.write(text)


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[TextIO]:
    """A text file to write in parts that replaces `path` whole once the block ends without an error."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # The writer's process id in the name lets a later build tell a killed writer's leftovers apart.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=TEMPORARY)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            os.fchmod(handle.fileno(), 0o666 & ~current_umask())  # mkstemp's 0600 would hide it from a web server
            yield handle
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class WrittenInParts(list):
    """A list of strings to append to that writes itself to `handle` every few thousand items (call
    flush() at the end): text emitted piece by piece reaches the file without ever being whole in memory."""

    def __init__(self, handle: TextIO) -> None:
        super().__init__()
        self.handle = handle

    def append(self, text: str) -> None:
        super().append(text)
        if len(self) >= 4096:
            self.flush()

    def flush(self) -> None:
        self.handle.write("".join(self))
        self.clear()


TEMPORARY = ".tmp"


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def remove_orphaned_temporaries(files: list[Path]) -> None:
    """Delete half-written files whose writer no longer runs (a build killed mid-write)."""
    for candidate in files:
        parts = candidate.name.split(".")
        if len(parts) < 4 or not parts[-3].isdigit():
            continue
        try:
            os.kill(int(parts[-3]), 0)
        except ProcessLookupError:
            candidate.unlink(missing_ok=True)
        except PermissionError:
            pass  # alive, owned by someone else
