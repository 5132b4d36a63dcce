"""The user's corrections, applied to the Brief after extraction on every build.

overrides.yaml:

    rename:  {actor-id: New name}
    merge:   {actor-id-to-fold: actor-id-to-keep}
    actors:  {actor-id: {kind: person, roles: [...], affiliation: ...}}
    hide:    [any item id]
    edit:    {item-id: {text|event|item|question|date: new value}}
    add:
      timeline:       [{date, event, note}]
      positions:      [{actor, text, note}]
      open_questions: [{question, note}]
      watch:          [{date, item, note}]
      background:     [{text, note}]
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .brief import ACTOR_KINDS, Brief
from .findings import (
    BackgroundItem,
    OpenQuestion,
    Position,
    Source,
    TimelineEvent,
    WatchItem,
    stable_id,
)

SECTIONS = ("rename", "merge", "actors", "hide", "edit", "add")
EDITABLE = {"text", "event", "item", "question", "date", "precision", "kind", "topics"}
ACTOR_FIELDS = {"kind", "roles", "affiliation", "name", "aliases"}
ADDABLE = {
    "timeline": (TimelineEvent, "event"),
    "positions": (Position, "text"),
    "open_questions": (OpenQuestion, "question"),
    "watch": (WatchItem, "item"),
    "background": (BackgroundItem, "text"),
}
NOTE_DOC = "overrides"


def _mapping_lines(text: str) -> dict[str, int]:
    """Line of each top-level key and each id under it, for error messages."""
    lines: dict[str, int] = {}
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            lines[key.value] = key.start_mark.line + 1
            if isinstance(value, yaml.MappingNode):
                for sub, _ in value.value:
                    lines[f"{key.value}.{sub.value}"] = sub.start_mark.line + 1
            elif isinstance(value, yaml.SequenceNode):
                for i, item in enumerate(value.value):
                    lines[f"{key.value}[{i}]"] = item.start_mark.line + 1
    return lines


def validate_overrides_text(text: str, name: str = "overrides.yaml") -> list[str]:
    try:
        data = yaml.safe_load(text) or {}
        lines = _mapping_lines(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        return [f"{name}: line {mark.line + 1 if mark else '?'}: not valid YAML: {getattr(err, 'problem', err)}"]
    if not isinstance(data, dict):
        return [f"{name}: line 1: expected a mapping with {', '.join(SECTIONS)}"]
    errors = []

    def err(key: str, message: str) -> None:
        errors.append(f"{name}: line {lines.get(key, lines.get(key.split('.')[0], 1))}: {key}: {message}")

    for key, value in data.items():
        if key not in SECTIONS:
            err(key, f"unknown section (expected one of {', '.join(SECTIONS)})")
        elif key == "hide":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                err(key, "expected a list of ids")
        elif not isinstance(value, dict):
            err(key, "expected a mapping")
        elif key in ("rename", "merge"):
            for item, target in value.items():
                if not isinstance(target, str):
                    err(f"{key}.{item}", "expected a name or an actor id")
        elif key == "actors":
            for item, fields in value.items():
                if not isinstance(fields, dict) or set(fields) - ACTOR_FIELDS:
                    err(f"{key}.{item}", f"expected fields among {sorted(ACTOR_FIELDS)}")
                elif "kind" in fields and fields["kind"] not in ACTOR_KINDS:
                    err(f"{key}.{item}", f"kind must be one of {list(ACTOR_KINDS)}")
        elif key == "edit":
            for item, fields in value.items():
                if not isinstance(fields, dict) or set(fields) - EDITABLE:
                    err(f"{key}.{item}", f"expected fields among {sorted(EDITABLE)}")
        elif key == "add":
            for section, items in value.items():
                if section not in ADDABLE:
                    err(f"{key}.{section}", f"can add to {', '.join(ADDABLE)}")
                    continue
                text_field = ADDABLE[section][1]
                for i, item in enumerate(items or []):
                    if not isinstance(item, dict) or text_field not in item:
                        err(f"{key}.{section}", f"item {i + 1} needs a '{text_field}' field")
    return errors


def load_overrides(path: Path | None) -> tuple[dict, list[str]]:
    if path is None or not path.exists():
        return {}, []
    text = path.read_text(encoding="utf-8")
    errors = validate_overrides_text(text, str(path))
    if errors:
        return {}, [f"{e} (overrides not applied)" for e in errors]
    return yaml.safe_load(text) or {}, []


def _items(brief: Brief) -> dict[str, object]:
    found: dict[str, object] = {}
    for section in ("actors", "positions", "timeline", "open_questions", "watch", "background"):
        for item in getattr(brief, section):
            found[item.id] = item
    return found


def apply_overrides(brief: Brief, overrides: dict, name: str = "overrides.yaml") -> tuple[Brief, list[str]]:
    """The brief corrected in place (it is built fresh on every run) and a notice for every override
    that matched nothing."""
    unmatched: list[str] = []
    actors = {a.id: a for a in brief.actors}

    for old, new in (overrides.get("merge") or {}).items():
        keep = actors.get(new)
        gone = actors.pop(old, None)
        if keep is None or gone is None:
            unmatched.append(f"{name}: merge {old} -> {new}: no such actor")
            continue
        keep.aliases = sorted(set(keep.aliases) | set(gone.aliases) | {gone.name})
        keep.mentions += gone.mentions
        keep.sources += [s for s in gone.sources if s not in keep.sources]
        keep.roles += [r for r in gone.roles if r not in keep.roles]
        for doc, n in gone.mentions_by_document.items():
            keep.mentions_by_document[doc] = keep.mentions_by_document.get(doc, 0) + n
        _replace_actor(brief, old, new)
    brief.actors = [a for a in brief.actors if a.id in actors]

    mentioned = {m.id: m for m in brief.mentioned}
    for actor_id, new_name in (overrides.get("rename") or {}).items():
        if actor_id in mentioned and actor_id not in actors:
            mentioned[actor_id].name = str(new_name)
            continue
        if actor_id not in actors:
            unmatched.append(f"{name}: rename {actor_id}: no such actor")
            continue
        actor = actors[actor_id]
        actor.aliases = sorted(set(actor.aliases) | {actor.name})
        actor.name = str(new_name)
    for actor_id, fields in (overrides.get("actors") or {}).items():
        if actor_id not in actors:
            unmatched.append(f"{name}: actors.{actor_id}: no such actor")
            continue
        for key, value in fields.items():
            setattr(actors[actor_id], key, value)

    items = _items(brief)
    for item_id, fields in (overrides.get("edit") or {}).items():
        item = items.get(item_id)
        if item is None:
            unmatched.append(f"{name}: edit {item_id}: no such item")
            continue
        for key, value in fields.items():
            if not hasattr(item, key):
                unmatched.append(f"{name}: edit {item_id}: items of this kind have no field '{key}'")
                continue
            setattr(item, key, None if value is None else (value if key == "topics" else str(value)))
            if key == "date" and hasattr(item, "precision"):
                item.precision = {4: "year", 7: "month", 10: "day"}.get(len(str(value or "")))

    hidden = set(overrides.get("hide") or [])
    missing = hidden - set(items)
    unmatched += [f"{name}: hide {item_id}: no such item" for item_id in sorted(missing)]
    for section in ("actors", "positions", "timeline", "open_questions", "watch", "background"):
        setattr(brief, section, [i for i in getattr(brief, section) if i.id not in hidden])

    for section, entries in (overrides.get("add") or {}).items():
        cls, text_field = ADDABLE[section]
        for entry in entries or []:
            note = str(entry.get("note") or "added by hand in overrides.yaml")
            fields = {k: v for k, v in entry.items() if k != "note"}
            fields = {k: (str(v) if k == "date" and v is not None else v) for k, v in fields.items()}
            if section == "timeline":
                fields.setdefault("date", None)
                fields.setdefault("precision", {4: "year", 7: "month", 10: "day"}.get(len(fields["date"] or "")))
            if section == "positions":
                fields.setdefault("kind", "reported")
            if section == "open_questions":
                fields.setdefault("kind", "unresolved")
            if section == "watch":
                fields.setdefault("date", None)
            item = cls(
                id=stable_id("add", section, str(fields[text_field])), **fields, sources=[Source(NOTE_DOC, 0, note)]
            )
            getattr(brief, section).append(item)
    return brief, unmatched


def _replace_actor(brief: Brief, old: str, new: str) -> None:
    for position in brief.positions:
        if position.actor == old:
            position.actor = new
    for section in ("timeline", "open_questions", "watch"):
        for item in getattr(brief, section):
            item.actors = list(dict.fromkeys(new if a == old else a for a in item.actors))
