"""brief.yaml: the Brief written as deterministic YAML, loaded back, and validated with line numbers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import operator
import re
import types
import typing
from collections.abc import Callable
from json.encoder import encode_basestring  # json.dumps of one str, without its per-call set-up
from pathlib import Path
from typing import Any

import yaml

from .brief import ACTOR_KINDS, POLARITIES, PRECISIONS, SCHEMA_VERSION, Brief, DocumentRecord, is_iso_date
from .findings import (
    EDITOR_DOC,
    SECTIONS,
    Figure,
    Mentioned,
    Source,
)
from .fsutil import TEMPORARY, WrittenInParts, atomic_writer, remove_orphaned_temporaries
from .keydates import KeyDate
from .safeyaml import TextDatesLoader
from .summary import SummaryItem


class BriefError(ValueError):
    """A brief.yaml that does not follow the schema; the message names the field and line."""


# libyaml's parser when PyYAML was built with it (several times faster on big briefs); unquoted dates
# stay strings, so an impossible one is reported rather than raised
_SafeLoader = TextDatesLoader


def dump(brief: Brief) -> str:
    """brief.yaml's text: block-style YAML with double-quoted strings, fields in declaration order.

    Written directly from the dataclasses rather than through PyYAML's representer, which takes
    seconds on a brief of a thousand articles; the result is plain YAML that yaml.safe_load reads
    back exactly.
    """
    out: list[str] = []
    _emit_mapping(brief, 0, out)
    return "".join(out)


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    order: tuple[str, ...] | None = getattr(cls, "FIELD_ORDER", None)
    return order or tuple(f.name for f in dataclasses.fields(cls))


@functools.cache
def _field_getter(cls: type) -> Callable[[object], tuple]:
    names = _field_names(cls)
    getter = operator.attrgetter(*names)
    return getter if len(names) > 1 else lambda obj: (getter(obj),)


def _items(mapping: object) -> list[tuple[object, object]]:
    if isinstance(mapping, dict):
        return list(mapping.items())
    cls: Any = type(mapping)
    return list(zip(_field_names(cls), _field_getter(cls)(mapping), strict=True))


@functools.cache
def _is_mapping_type(cls: type) -> bool:
    return issubclass(cls, dict) or dataclasses.is_dataclass(cls)


def _is_mapping(value: object) -> bool:
    cls: Any = type(value)
    return _is_mapping_type(cls)


_RESOLVER = yaml.resolver.Resolver()


@functools.cache
def _key_text(key: object) -> str:
    text = str(key)
    # bare only when YAML reads it back as this string: "on", "no" or "null" would come back as true, false, None
    plain = re.fullmatch(r"[A-Za-z_][\w-]*", text)
    if plain and _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str":
        return text
    return _quoted(text)


def _quoted(text: str) -> str:
    # A JSON string is a YAML double-quoted scalar once the characters YAML may not hold raw are escaped.
    quoted = encode_basestring(text)
    if quoted.isascii() and "\x7f" not in quoted:  # the common case, checked in C
        return quoted
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _scalar_text(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return _quoted(str(value))


_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _has_items(mapping: object) -> bool:
    cls: Any = type(mapping)
    return bool(mapping) if isinstance(mapping, dict) else bool(_field_names(cls))


def _emit_mapping(mapping: object, indent: int, out: list[str], first_prefix: str | None = None) -> None:
    pad = " " * indent
    lead = pad if first_prefix is None else first_prefix
    for key, value in _items(mapping):
        name = _key_text(key)
        if type(value) is str:
            out.append(f"{lead}{name}: {_quoted(value)}\n")
        elif isinstance(value, list):
            if value:
                out.append(f"{lead}{name}:\n")
                _emit_list(value, indent, out)
            else:
                out.append(f"{lead}{name}: []\n")
        elif _is_mapping(value):
            if _has_items(value):
                out.append(f"{lead}{name}:\n")
                _emit_mapping(value, indent + 2, out)
            else:
                out.append(f"{lead}{name}: {{}}\n")
        else:
            out.append(f"{lead}{name}: {_scalar_text(value)}\n")
        lead = pad


def _emit_list(items: list, indent: int, out: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if type(item) is str:
            out.append(f"{pad}- {_quoted(item)}\n")
        elif _is_mapping(item):
            if _has_items(item):
                _emit_mapping(item, indent + 2, out, first_prefix=f"{pad}- ")
            else:
                out.append(f"{pad}- {{}}\n")
        elif isinstance(item, list):
            if item:
                out.append(f"{pad}-\n")
                _emit_list(item, indent + 2, out)
            else:
                out.append(f"{pad}- []\n")
        else:
            out.append(f"{pad}- {_scalar_text(item)}\n")


def save(brief: Brief, path: Path) -> None:
    """brief.yaml written as dump() gives it, in parts: at 100,000 seeds its text is gigabytes."""
    remove_orphaned_temporaries(list(path.parent.glob(f".{path.name}.*{TEMPORARY}")))
    with atomic_writer(path) as handle:
        out = WrittenInParts(handle)
        _emit_mapping(brief, 0, out)
        out.flush()


# --- validation -----------------------------------------------------------------------------

_SECTIONS = {
    "documents": DocumentRecord,
    **{section.name: section.item for section in SECTIONS},
    "mentioned": Mentioned,
    "summary": SummaryItem,
    "key_dates": KeyDate,
}
_NESTED = {"sources": Source, "figures": Figure}
_CHOICES = {
    ("actors", "kind"): ACTOR_KINDS,
    ("mentioned", "kind"): ACTOR_KINDS,
    ("timeline", "precision"): PRECISIONS,
    ("positions", "polarity"): POLARITIES,
}
_DATE_FIELDS = {"date", "disputed_dates"}


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_type_hints = functools.cache(typing.get_type_hints)


def _scalar(node: yaml.Node) -> object:
    """The Python value of a composed node (its tag was resolved by the safe loader)."""
    return _CONSTRUCTOR.construct_document(node) if node is not None else None


def _check_type(value_node: yaml.Node, hint: object, where: str, errors: list[str]) -> None:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        if isinstance(value_node, yaml.ScalarNode) and value_node.tag.endswith(":null"):
            return
        hint = next(a for a in args if a is not type(None))
        origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is list:
        if not isinstance(value_node, yaml.SequenceNode):
            errors.append(f"line {_line(value_node)}: {where}: expected a list")
            return
        for i, item in enumerate(value_node.value):
            item_type = args[0] if args else str
            if dataclasses.is_dataclass(item_type):
                _check_record(item, item_type, f"{where}[{i}]", errors)
            else:
                _check_type(item, item_type, f"{where}[{i}]", errors)
        return
    if origin is dict:
        if not isinstance(value_node, yaml.MappingNode):
            errors.append(f"line {_line(value_node)}: {where}: expected a mapping")
        return
    if not isinstance(value_node, yaml.ScalarNode):
        errors.append(f"line {_line(value_node)}: {where}: expected a single value, not a list or mapping")
        return
    value = _scalar(value_node)
    expected_types: dict[object, tuple[type, ...]] = {str: (str,), int: (int,), bool: (bool,)}
    expected = expected_types.get(hint, (object,))
    if hint is str and isinstance(value, (int, float, dt.date)) and not isinstance(value, bool):
        return  # an unquoted year or date such as 2019 or 2021-05-31 is still a date string
    if not isinstance(value, expected) or (hint is int and isinstance(value, bool)):
        errors.append(f"line {_line(value_node)}: {where}: expected {getattr(hint, '__name__', hint)}, got {value!r}")


def _check_record(node: yaml.Node, cls: type, where: str, errors: list[str], section: str | None = None) -> None:
    if not isinstance(node, yaml.MappingNode):
        errors.append(f"line {_line(node)}: {where}: expected a mapping of fields")
        return
    hints = _type_hints(cls)
    present = {}
    for key_node, value_node in node.value:
        key = key_node.value
        if key not in hints:
            errors.append(f"line {_line(key_node)}: {where}.{key}: unknown field")
            continue
        present[key] = value_node
        _check_type(value_node, hints[key], f"{where}.{key}", errors)
        if key in _DATE_FIELDS:
            _check_dates(value_node, f"{where}.{key}", errors)
        choices = _CHOICES.get((section, key)) if section else None
        if choices and _scalar(value_node) not in choices:
            errors.append(f"line {_line(value_node)}: {where}.{key}: must be one of {[c for c in choices if c]}")
    for name, spec in ((f.name, f) for f in dataclasses.fields(cls)):
        no_default = spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
        if no_default and name not in present:
            errors.append(f"line {_line(node)}: {where}: missing field '{name}'")


def _check_dates(node: yaml.Node, where: str, errors: list[str]) -> None:
    """A date field (or a list of dates) holds ISO calendar dates: the pages compare and plot them."""
    for item in node.value if isinstance(node, yaml.SequenceNode) else [node]:
        value = _scalar(item) if isinstance(item, yaml.ScalarNode) else item
        if value is not None and not is_iso_date(value):
            errors.append(f"line {_line(item)}: {where}: expected an ISO date such as 2021-05-31, got {value!r}")


def _reference_errors(top: dict[str, yaml.Node]) -> list[str]:
    """Positions name a listed actor and citations a listed document: the pages link to both."""
    actors, documents = _ids(top.get("actors")), _ids(top.get("documents")) | {EDITOR_DOC}
    errors = []
    for section in _SECTIONS:
        for i, item in enumerate(_records(top.get(section))):
            fields = {k.value: v for k, v in item.value}
            actor = fields.get("actor")
            if section == "positions" and actor is not None and _scalar(actor) not in actors:
                errors.append(f"line {_line(actor)}: {section}[{i}].actor: no actor with id {_scalar(actor)!r}")
            for j, source in enumerate(_records(fields.get("sources"))):
                doc = next((v for k, v in source.value if k.value == "doc"), None)
                if doc is not None and _scalar(doc) not in documents:
                    where = f"{section}[{i}].sources[{j}].doc"
                    errors.append(f"line {_line(doc)}: {where}: no document with id {_scalar(doc)!r}")
    return errors


def _records(node: yaml.Node | None) -> list[yaml.MappingNode]:
    items = node.value if isinstance(node, yaml.SequenceNode) else []
    return [item for item in items if isinstance(item, yaml.MappingNode)]


def _ids(node: yaml.Node | None) -> set:
    return {_scalar(v) for item in _records(node) for k, v in item.value if k.value == "id"}


def validate_text(text: str, name: str = "brief.yaml") -> list[str]:
    """Every schema error in a brief.yaml text, each with its line and field path."""
    return _validated_root(text, name)[1]


def _validated_root(text: str, name: str) -> tuple[yaml.Node | None, list[str]]:
    try:
        root = yaml.compose(text, Loader=_SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        return None, [f"{name}: line {mark.line + 1 if mark else '?'}: not valid YAML: {getattr(err, 'problem', err)}"]
    return root, _root_errors(root, name)


def _root_errors(root: yaml.Node | None, name: str) -> list[str]:
    if not isinstance(root, yaml.MappingNode):
        return [f"{name}: expected a mapping at the top level"]
    errors: list[str] = []
    top = {k.value: v for k, v in root.value}
    if "schema" not in top:
        errors.append("line 1: schema: missing (expected schema: 1)")
    elif _scalar(top["schema"]) != SCHEMA_VERSION:
        errors.append(
            f"line {_line(top['schema'])}: schema: version {_scalar(top['schema'])!r} is not {SCHEMA_VERSION}"
        )
    for key in ("title", "as_of"):
        if key not in top:
            errors.append(f"line 1: {key}: missing")
    for section, cls in _SECTIONS.items():
        node = top.get(section)
        if node is None:
            continue
        if not isinstance(node, yaml.SequenceNode):
            errors.append(f"line {_line(node)}: {section}: expected a list")
            continue
        for i, item in enumerate(node.value):
            _check_record(item, cls, f"{section}[{i}]", errors, section)
    if "as_of" in top:
        _check_dates(top["as_of"], "as_of", errors)
    known = set(_SECTIONS) | {"schema", "title", "as_of", "notices"}
    errors += [f"line {_line(k)}: {k.value}: unknown top-level field" for k, _ in root.value if k.value not in known]
    if not errors:
        errors += _reference_errors(top)
    return [f"{name}: {e}" for e in errors]


@functools.cache
def _field_plan(cls: type) -> dict[str, tuple[type | None, bool]]:
    """Per field: the dataclass its list items are made of, and whether it holds a string."""
    plan: dict[str, tuple[type | None, bool]] = {}
    for name, hint in _type_hints(cls).items():
        inner = next((a for a in typing.get_args(hint) if dataclasses.is_dataclass(a)), None)
        plan[name] = (inner if isinstance(inner, type) else None, hint in (str, str | None))
    return plan


def from_dict(cls: type, data: dict):
    """A dataclass (and its nested dataclasses) from plain YAML/JSON data."""
    plan = _field_plan(cls)
    values = {}
    for key, value in data.items():
        inner, wants_str = plan[key]
        if inner is not None and isinstance(value, list):
            value = [from_dict(inner, v) for v in value]
        elif wants_str and isinstance(value, (int, float, dt.date)) and not isinstance(value, bool):
            value = value.isoformat() if isinstance(value, dt.date) else str(value)
        values[key] = value
    return cls(**values)


def loads(text: str, name: str = "brief.yaml") -> Brief:
    root, errors = _validated_root(text, name)
    if errors:
        raise BriefError("\n".join(errors))
    data = _CONSTRUCTOR.construct_document(root)
    sections = {key: [from_dict(cls, item) for item in data.get(key) or []] for key, cls in _SECTIONS.items()}
    return Brief(
        schema=data["schema"],
        title=str(data["title"]),
        as_of=_date_text(data["as_of"]),
        notices=list(data.get("notices") or []),
        **sections,
    )


def load(path: Path) -> Brief:
    return loads(path.read_text(encoding="utf-8"), str(path))


def _date_text(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)
