"""The theme's compiled templates, kept across `mkdocs serve` rebuilds.

Each rebuild reloads the configuration, and with it a new Jinja2 environment for the theme, which
compiles Material's templates again (a few tenths of a second for each rebuild). Jinja2's bytecode
cache keeps the compiled code of each template under its name and the checksum of its source: a
template whose file changed is compiled again, the others are loaded from memory.
"""

from __future__ import annotations

import jinja2
from jinja2.bccache import Bucket


class MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored when the template's source has changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


THEME_CODE = MemoryBytecodeCache()  # one per process: `mkdocs serve` builds one site
