"""What changed: the difference between this build and the last build with other seeds."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .brief import Brief
from .findings import TRACKED
from .fsutil import write_atomic


@dataclass
class Changes:
    previous_as_of: str | None
    added_documents: list[str] = field(default_factory=list)
    removed_documents: list[str] = field(default_factory=list)
    added: dict[str, list[str]] = field(default_factory=dict)  # section -> new item ids
    removed: dict[str, int] = field(default_factory=dict)  # section -> how many items went
    redated: list[str] = field(default_factory=list)  # timeline ids whose date changed

    @property
    def empty(self) -> bool:
        return not (self.added_documents or self.removed_documents or any(self.added.values()) or self.redated)


def snapshot(brief: Brief) -> dict[str, Any]:
    data: dict[str, Any] = {"as_of": brief.as_of, "documents": {d.id: d.sha256 for d in brief.documents}}
    for section in TRACKED:
        data[section.name] = {item.id: getattr(item, "date", None) for item in brief.section(section.name)}
    return data


def compare(before: dict, brief: Brief) -> Changes:
    now = snapshot(brief)
    changes = Changes(previous_as_of=before.get("as_of"))
    old_docs, new_docs = before.get("documents", {}), now["documents"]
    changes.added_documents = [d for d in new_docs if old_docs.get(d) != new_docs[d]]
    changes.removed_documents = sorted(d for d in old_docs if d not in new_docs)
    for section in TRACKED:
        old, new = before.get(section.name, {}), now[section.name]
        changes.added[section.name] = [i for i in new if i not in old]
        changes.removed[section.name] = sum(1 for i in old if i not in new)
    old_timeline = before.get("timeline", {})
    changes.redated = [i for i, date in now["timeline"].items() if i in old_timeline and old_timeline[i] != date]
    return changes


def track(brief: Brief, history_dir: Path | None) -> Changes | None:
    """Compare with the last build whose seeds differed; remember this build for the next one.

    Rebuilding the same seeds keeps the same comparison, so the site stays the same.
    """
    if history_dir is None:
        return None
    last_path, before_path = history_dir / "last.json", history_dir / "before.json"
    current = snapshot(brief)
    last = _read(last_path)
    try:
        if last is not None and last.get("documents") != current["documents"]:
            write_atomic(before_path, json.dumps(last, sort_keys=True))
        write_atomic(last_path, json.dumps(current, sort_keys=True))
    except OSError:
        pass  # an unwritable cache folder: this build still compares with what it could read
    before = _read(before_path)
    return compare(before, brief) if before is not None else None


def _read(path: Path) -> dict | None:
    """A snapshot written by an earlier build, or None when it is missing, unreadable or not of the
    shape snapshot() writes (edited by hand, or from another version)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if _is_snapshot(data) else None


def _is_snapshot(data: object) -> bool:
    def ids_to_text(value: object) -> bool:
        return isinstance(value, dict) and all(isinstance(v, (str, type(None))) for v in value.values())

    return (
        isinstance(data, dict)
        and isinstance(data.get("as_of"), (str, type(None)))
        and all(ids_to_text(data.get(key, {})) for key in ("documents", *(s.name for s in TRACKED)))
    )
