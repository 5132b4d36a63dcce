"""Per-seed extraction cache: keyed by content hash, document metadata, extractor and model."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .compact import decode_together, encode
from .findings import DocFindings
from .fsutil import remove_orphaned_temporaries, write_atomic
from .ingest import Document
from .settings import EXTRACTOR_VERSION

# An entry never changes once written (its name is its key), so a long-running process such as
# `mkdocs serve` keeps the entries it has written or read in memory. Merging copies what it edits,
# so the findings kept here stay as they were read.
Entry = tuple[Document, DocFindings]
_ENTRIES: dict[Path, Entry] = {}
_MAX_ENTRIES = 8192


def _from_text(path: Path, text: str) -> Entry:
    data = json.loads(text)
    if type(data) is not dict or data.get("format") != FORMAT:
        raise ValueError(f"{path}: an entry of another format")
    document, findings = decode_together((Document, data["document"]), (DocFindings, data["findings"]))
    entry = document, findings
    if len(_ENTRIES) >= _MAX_ENTRIES:
        _ENTRIES.clear()
    _ENTRIES[path] = entry
    return entry


# Entries hold each record as the list of its field values (briefgen.compact): no field names to
# parse, no keyword matching to build, every value checked against its declared type as it is read.
FORMAT = 2


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
        data = {"format": FORMAT, "document": encode(document), "findings": encode(findings)}
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        write_atomic(self._path(key), text)
        _from_text(self._path(key), text)  # kept as a later read would give it
