"""The site folder of `briefgen build`: one build at a time, built aside and swapped in whole."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .fsutil import current_umask


class BuildLocked(Exception):
    """Another build holds the site folder's lock."""


def _lock_path(final: Path) -> Path:
    return final.with_name(f".{final.name}.lock")


@contextlib.contextmanager
def locked(final: Path) -> Iterator[None]:
    """Hold the site folder's lock for one build; the kernel releases it if the build is killed."""
    path = _lock_path(final)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            raise BuildLocked(f"another build of {final} is running (it holds {path}); try again when it ends") from err
        yield
    finally:
        os.close(fd)


def remove_stale_staging(final: Path) -> None:
    """Staging folders of killed builds; only called under the lock, so none of them is in use."""
    for leftover in final.parent.glob(f".{final.name}.*"):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


def make_staging_folder(final: Path) -> Path:
    """An empty folder next to final, to be swapped with it, with the modes of an ordinary folder."""
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=final.parent))
    staging.chmod(0o777 & ~current_umask())  # mkdtemp's 0700 would hide the site from a web server
    return staging


_RENAME_EXCHANGE = 2  # from <linux/fs.h>
_AT_FDCWD = -100


def swap_in(staging: Path, final: Path) -> None:
    """Put the finished site at final, with no moment where final is missing when the system can
    exchange two paths at once (Linux renameat2); staging is left holding the old site, if any."""
    if final.exists() and _exchange(staging, final):
        return
    old = final.with_name(f".{final.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    staging.rename(final)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        done = libc.renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0
    except (OSError, AttributeError):
        return False
    if not done and ctypes.get_errno() not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(second))
    return done
