"""The schema of overrides.yaml: one table that `briefgen validate` checks and the build relies on.

Whatever passes `validate_overrides_text` is safe for `apply_overrides`; errors name their line.
"""

from __future__ import annotations

from collections.abc import Callable

import yaml

from . import safeyaml
from .brief import ACTOR_KINDS, PRECISIONS, is_iso_date

SECTIONS = ("rename", "merge", "actors", "hide", "edit", "add")
MAX_CHARS = 5_000_000
MAX_DEPTH = 8

Check = Callable[[object], str | None]  # the problem with a value, or None


def _text(value: object) -> str | None:
    return None if isinstance(value, str) and value.strip() else f"expected text, got {_shown(value)}"


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _texts(value: object) -> str | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return f"expected a list of texts, got {_shown(value)}"
    return None


def _date(value: object) -> str | None:
    if value is None or (is_iso_date(value) and not str(value).startswith("X")):
        return None
    return f'expected a date such as "2021-05-31", "2021-05" or "2021" (or null), got {_shown(value)}'


def _choice(options: tuple) -> Check:
    def check(value: object) -> str | None:
        return None if value in options else f"must be one of {[o for o in options if o]}, got {_shown(value)}"

    return check


def _flag(value: object) -> str | None:
    return None if isinstance(value, bool) else f"expected true or false, got {_shown(value)}"


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


ACTOR_FIELDS: dict[str, Check] = {
    "kind": _choice(ACTOR_KINDS),
    "roles": _texts,
    "affiliation": _optional_text,
    "name": _text,
    "aliases": _texts,
}
EDIT_FIELDS: dict[str, Check] = {
    "text": _text,
    "event": _text,
    "item": _text,
    "question": _text,
    "date": _date,
    "precision": _choice(PRECISIONS),
    "kind": _text,
    "topics": _texts,
}
# section -> (the field that holds its text, the fields an added item may have)
ADD_FIELDS: dict[str, tuple[str, dict[str, Check]]] = {
    "timeline": (
        "event",
        {"event": _text, "date": _date, "precision": _choice(PRECISIONS), "actors": _texts, "scheduled": _flag},
    ),
    "positions": (
        "text",
        {"text": _text, "actor": _text, "kind": _text, "topics": _texts, "date": _date},
    ),
    "open_questions": ("question", {"question": _text, "kind": _text, "actors": _texts}),
    "watch": ("item", {"item": _text, "date": _date, "actors": _texts}),
    "background": ("text", {"text": _text}),
}
ADD_REQUIRED = {"positions": ("actor",)}
NOTE = "note"  # where an added item comes from: shown on the Editor's additions page


def load(text: str) -> object:
    """The overrides' data, within bounds; raises safeyaml.BoundsError or yaml.YAMLError."""
    return safeyaml.load(text, MAX_CHARS, MAX_DEPTH)


def validate_overrides_text(text: str, name: str = "overrides.yaml") -> list[str]:
    """Every problem in an overrides text, each with its line; [] when the build can apply it."""
    try:
        data = load(text)
        root = yaml.compose(text, Loader=safeyaml.TextDatesLoader)
    except safeyaml.BoundsError as err:
        return [f"{name}: {err}"]
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        return [f"{name}: line {mark.line + 1 if mark else '?'}: not valid YAML: {getattr(err, 'problem', err)}"]
    if data is None or root is None:
        return []
    lines = _lines(root)
    errors: list[str] = []

    def report(path: tuple, message: str) -> None:
        known = next(path[:n] for n in range(len(path), -1, -1) if path[:n] in lines)
        errors.append(f"{name}: line {lines[known]}: {_dotted(path) or 'top level'}: {message}")

    if not isinstance(data, dict):
        report((), f"expected a mapping with {', '.join(SECTIONS)}")
        return errors
    for key, value in data.items():
        check = _SECTION_CHECKS.get(key)
        if check is None:
            report((key,), f"unknown section (expected one of {', '.join(SECTIONS)})")
        else:
            check(value, (key,), report)
    return errors


def _check_hide(value, path, err) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        err(path, "expected a list of ids")


def _check_rename(value, path, err) -> None:
    if _is_mapping(value, path, err):
        for actor_id, new_name in value.items():
            problem = _text(new_name)
            if problem:
                err((*path, actor_id), problem)


def _check_merge(value, path, err) -> None:
    if _is_mapping(value, path, err):
        for old, new in value.items():
            if not isinstance(new, str):
                err((*path, old), f"expected the id of the actor to keep, got {_shown(new)}")
            elif old == new:
                err((*path, old), "an actor cannot be merged into itself")


def _check_fields(fields: dict[str, Check], required: tuple = ()) -> Callable:
    def check(value, path, err) -> None:
        if not _is_mapping(value, path, err):
            return
        for key, item in value.items():
            if not isinstance(item, dict):
                err((*path, key), f"expected a mapping of fields among {sorted(fields)}")
                continue
            _check_record(item, fields, required, (*path, key), err)

    return check


def _check_record(item: dict, fields: dict[str, Check], required: tuple, path: tuple, err) -> None:
    for field in required:
        if field not in item:
            err(path, f"needs a '{field}' field")
    for field, value in item.items():
        check = fields.get(field)
        if check is None:
            err((*path, field), f"unknown field (expected one of {sorted(fields)})")
        else:
            problem = check(value)
            if problem:
                err((*path, field), problem)


def _check_add(value, path, err) -> None:
    if not _is_mapping(value, path, err):
        return
    for section, items in value.items():
        if section not in ADD_FIELDS:
            err((*path, section), f"can add to {', '.join(ADD_FIELDS)}")
            continue
        if items is None:
            continue
        if not isinstance(items, list):
            err((*path, section), "expected a list of items")
            continue
        text_field, fields = ADD_FIELDS[section]
        required = (text_field, *ADD_REQUIRED.get(section, ()))
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                err((*path, section, i), f"expected a mapping with a '{text_field}' field")
                continue
            _check_record(item, {**fields, NOTE: _text}, required, (*path, section, i), err)


def _is_mapping(value, path, err) -> bool:
    if value is None or isinstance(value, dict):
        return True
    err(path, "expected a mapping")
    return False


_SECTION_CHECKS = {
    "rename": _check_rename,
    "merge": _check_merge,
    "actors": _check_fields(ACTOR_FIELDS),
    "hide": _check_hide,
    "edit": _check_fields(EDIT_FIELDS),
    "add": _check_add,
}


def _lines(node: yaml.Node, path: tuple = ()) -> dict[tuple, int]:
    """The line of every key and list item, by its path of keys and indices."""
    lines = {path: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines.update(_lines(value, (*path, key.value)))
            lines[(*path, key.value)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines.update(_lines(item, (*path, i)))
    return lines


def _dotted(path: tuple) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(path))
