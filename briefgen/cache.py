"""Per-seed extraction cache: keyed by content hash, document metadata, extractor and model."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from .findings import DocFindings
from .fsutil import remove_orphaned_temporaries, write_atomic
from .ingest import Document
from .settings import EXTRACTOR_VERSION
from .yamlio import from_dict

# An entry never changes once written (its name is its key), so a long-running process such as
# `mkdocs serve` keeps the entries it has written or read in memory. Merging copies what it edits,
# so the findings kept here stay as they were read.
Entry = tuple[Document, DocFindings]
_ENTRIES: dict[Path, Entry] = {}
_MAX_ENTRIES = 8192


def _from_text(path: Path, text: str) -> Entry:
    data = json.loads(text)
    entry = from_dict(Document, data["document"]), from_dict(DocFindings, data["findings"])
    if not all(conforms(part) for part in entry):
        raise ValueError(f"{path}: an entry of the wrong shape")
    if len(_ENTRIES) >= _MAX_ENTRIES:
        _ENTRIES.clear()
    _ENTRIES[path] = entry
    return entry


def conforms(value: object) -> bool:
    """True when a dataclass tree holds values of its declared types (a cache entry written by another
    version, or edited by hand, may be well-formed JSON of another shape)."""
    hint: Any = type(value)
    return _checker(hint)(value)


@functools.cache
def _checker(hint: object) -> Callable[[object], bool]:
    """A check for one type hint, built once: entries are checked on every cold read."""
    if dataclasses.is_dataclass(hint):
        fields = [(name, _checker(field_hint)) for name, field_hint in typing.get_type_hints(hint).items()]
        kind = cast(type, hint)
        return lambda v: isinstance(v, kind) and all(check(getattr(v, name)) for name, check in fields)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        options = [_checker(arg) for arg in args]
        return lambda v: any(check(v) for check in options)
    if origin is list:
        item = _checker(args[0])
        return lambda v: type(v) is list and all(item(x) for x in v)
    if origin is dict:
        key, val = _checker(args[0]), _checker(args[1])
        return lambda v: type(v) is dict and all(key(k) and val(x) for k, x in v.items())
    exact = type(None) if hint is type(None) else hint
    return lambda v: type(v) is exact


class ExtractionCache:
    def __init__(self, directory: Path, model: str) -> None:
        self.directory = directory
        self.model = model
        self.hits = 0
        self.misses = 0
        if directory.is_dir():
            remove_orphaned_temporaries(list(directory.rglob("*.tmp")))

    def key(self, document: Document) -> str:
        """Taken before extraction, which may fill in an inferred date."""
        parts = [
            document.sha256,
            document.id,
            document.path,
            str(document.date),
            document.date_source,
            EXTRACTOR_VERSION,
            self.model,
        ]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def holds(self, key: str) -> bool:
        path = self._path(key)
        return path in _ENTRIES or path.is_file()

    def get(self, key: str) -> Entry | None:
        path = self._path(key)
        try:
            result = _ENTRIES.get(path) or _from_text(path, path.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, key: str, document: Document, findings: DocFindings) -> None:
        data = {"document": dataclasses.asdict(document), "findings": dataclasses.asdict(findings)}
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
        write_atomic(self._path(key), text)
        _from_text(self._path(key), text)  # kept as a later read would give it
