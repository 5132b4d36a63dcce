"""Compiled Jinja2 templates kept between processes and between `mkdocs serve` rebuilds.

Compiling briefgen's page templates takes about half a second in each new process, and each MkDocs
(re)build makes a new environment for the theme, which compiles Material's templates again. Jinja2's
bytecode cache keeps the compiled code of each template under its name and the checksum of its
source; here also under the environment's settings that change the compiled code (delimiters,
whitespace control, autoescaping, extensions), which Jinja2's own key leaves out. A template whose
file changed is compiled again, the others are loaded. The code is kept in Jinja2's own per-user
folder in the temporary directory (which it creates private to the user), or in memory when that
folder cannot be used.
"""

from __future__ import annotations

import functools
import hashlib

import jinja2
from jinja2.bccache import Bucket

_SETTINGS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
)


def _named(value: object) -> str:
    return getattr(value, "__qualname__", None) or repr(value)


def settings_key(environment: jinja2.Environment) -> str:
    """What, besides a template's source, decides the code it compiles to."""
    values = [repr(getattr(environment, name, None)) for name in _SETTINGS]
    values += [_named(environment.autoescape), _named(environment.finalize), *sorted(environment.extensions)]
    return hashlib.sha1("\x1f".join(values).encode()).hexdigest()[:12]


class _KeyedBySettings(jinja2.BytecodeCache):
    def get_bucket(self, environment, name, filename, source) -> Bucket:
        key = f"{self.get_cache_key(name, filename)}-{settings_key(environment)}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket


class FileBytecodeCache(_KeyedBySettings, jinja2.FileSystemBytecodeCache):
    pass


class MemoryBytecodeCache(_KeyedBySettings):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored when the template's source has changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


@functools.cache
def bytecode_cache() -> jinja2.BytecodeCache:
    try:
        return FileBytecodeCache(pattern="__briefgen_%s.cache")
    except (OSError, RuntimeError):  # no private folder to be had in the temporary directory
        return MemoryBytecodeCache()
