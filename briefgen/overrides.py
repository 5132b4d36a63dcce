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

Its schema is in overrides_schema.py; only overrides that pass it are applied.
"""

from __future__ import annotations

from pathlib import Path

from .brief import Brief
from .findings import EDITOR_DOC, SECTION_BY_NAME, Actor, Item, Source, stable_id
from .overrides_schema import ADD_FIELDS, NOTE, validate_overrides_text
from .overrides_schema import load as load_text

__all__ = ["apply_overrides", "load_overrides", "validate_overrides_text"]

DEFAULT_NOTE = "added by hand in overrides.yaml"
_PRECISION_OF_LENGTH = {4: "year", 7: "month", 10: "day"}


def load_overrides(path: Path | None) -> tuple[dict, list[str]]:
    """The overrides to apply, and the reasons none are applied when the file breaks the schema."""
    if path is None or not path.exists():
        return {}, []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return {}, [f"{path}: not readable ({err}) (overrides not applied)"]
    errors = validate_overrides_text(text, str(path))
    if errors:
        return {}, [f"{e} (overrides not applied)" for e in errors]
    loaded = load_text(text)
    return (loaded if isinstance(loaded, dict) else {}), []


def apply_overrides(brief: Brief, overrides: dict, name: str = "overrides.yaml") -> tuple[Brief, list[str]]:
    """The brief corrected in place (it is built fresh on every run) and a notice for every override
    that matched nothing. overrides must have passed validate_overrides_text."""
    unmatched: list[str] = []
    _merge(brief, overrides.get("merge") or {}, name, unmatched)
    actors = {a.id: a for a in brief.actors}
    mentioned = {m.id: m for m in brief.mentioned}
    for actor_id, new_name in (overrides.get("rename") or {}).items():
        if actor_id in mentioned and actor_id not in actors:
            mentioned[actor_id].name = new_name  # a name that is only mentioned can be corrected too
            continue
        if actor_id not in actors:
            unmatched.append(f"{name}: rename {actor_id}: no such actor")
            continue
        actor = actors[actor_id]
        actor.aliases = sorted(set(actor.aliases) | {actor.name})
        actor.name = new_name
    for actor_id, fields in (overrides.get("actors") or {}).items():
        if actor_id not in actors:
            unmatched.append(f"{name}: actors.{actor_id}: no such actor")
            continue
        for key, value in fields.items():
            setattr(actors[actor_id], key, list(value) if isinstance(value, list) else value)
    _edit(brief.by_id(), overrides.get("edit") or {}, name, unmatched)
    _hide(brief, set(overrides.get("hide") or []), name, unmatched)
    _add(brief, overrides.get("add") or {}, name, unmatched)
    return brief, unmatched


def _merge(brief: Brief, merges: dict, name: str, unmatched: list[str]) -> None:
    actors = {a.id: a for a in brief.actors}
    for old, new in merges.items():
        keep, gone = actors.get(new), actors.get(old)
        if keep is None or gone is None or keep is gone:
            missing = old if gone is None else new
            unmatched.append(f"{name}: merge {old} -> {new}: no such actor {missing}")
            continue
        del actors[old]
        keep.aliases = sorted(set(keep.aliases) | set(gone.aliases) | {gone.name})
        keep.mentions += gone.mentions
        keep.sources += [s for s in gone.sources if s not in keep.sources]
        keep.roles += [r for r in gone.roles if r not in keep.roles]
        for doc, n in gone.mentions_by_document.items():
            keep.mentions_by_document[doc] = keep.mentions_by_document.get(doc, 0) + n
        _replace_actor(brief, old, new)
    brief.actors = [a for a in brief.actors if a.id in actors]


def _edit(items: dict[str, Item], edits: dict, name: str, unmatched: list[str]) -> None:
    for item_id, fields in edits.items():
        item = items.get(item_id)
        if item is None:
            unmatched.append(f"{name}: edit {item_id}: no such item")
            continue
        if isinstance(item, Actor):
            unmatched.append(f"{name}: edit {item_id}: an actor; correct it under actors:")
            continue
        for key, value in fields.items():
            if not hasattr(item, key):
                unmatched.append(f"{name}: edit {item_id}: items of this kind have no field '{key}'")
                continue
            setattr(item, key, list(value) if isinstance(value, list) else value)
            if key == "date" and hasattr(item, "precision") and "precision" not in fields:
                item.precision = _PRECISION_OF_LENGTH.get(len(value or ""))


def _hide(brief: Brief, hidden: set, name: str, unmatched: list[str]) -> None:
    """Hiding an actor hides their positions too: no position is shown without its actor."""
    found = brief.by_id()
    unmatched += [f"{name}: hide {item_id}: no such item" for item_id in sorted(hidden - set(found))]
    brief.keep(lambda item: item.id not in hidden)
    _drop_missing_actors(brief)


def _drop_missing_actors(brief: Brief) -> None:
    present = {a.id for a in brief.actors}
    brief.positions = [p for p in brief.positions if p.actor in present]
    for item in brief.items_involving_actors():
        item.actors = [a for a in item.actors if a in present]


def _add(brief: Brief, additions: dict, name: str, unmatched: list[str]) -> None:
    """Added items cite the Editor's additions page, one numbered line per distinct note."""
    notes: dict[str, int] = {}
    present = {a.id for a in brief.actors}
    for section, entries in additions.items():
        text_field = ADD_FIELDS[section][0]
        for entry in entries or []:
            fields = {k: (list(v) if isinstance(v, list) else v) for k, v in entry.items() if k != NOTE}
            if section == "positions" and fields["actor"] not in present:
                unmatched.append(f"{name}: add positions: no such actor {fields['actor']} ({fields['text'][:40]})")
                continue
            if "actors" in fields:
                fields["actors"] = [a for a in fields["actors"] if a in present]
            note = entry.get(NOTE) or DEFAULT_NOTE
            number = notes.setdefault(note, len(notes) + 1)
            item = SECTION_BY_NAME[section].item(
                id=stable_id("add", section, str(fields[text_field])),
                **_defaults(section, fields),
                sources=[Source(EDITOR_DOC, number, note)],
            )
            brief.section(section).append(item)


def _defaults(section: str, fields: dict) -> dict:
    if SECTION_BY_NAME[section].dated:
        fields.setdefault("date", None)
    if section == "timeline":
        fields.setdefault("precision", _PRECISION_OF_LENGTH.get(len(fields["date"] or "")))
    if section == "positions":
        fields.setdefault("kind", "reported")
    if section == "open_questions":
        fields.setdefault("kind", "unresolved")
    return fields


def _replace_actor(brief: Brief, old: str, new: str) -> None:
    for position in brief.positions:
        if position.actor == old:
            position.actor = new
    for item in brief.items_involving_actors():
        item.actors = list(dict.fromkeys(new if a == old else a for a in item.actors))
