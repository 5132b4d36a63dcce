"""The Brief: the typed model of brief.yaml, its deterministic YAML form and its validation."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import operator
import os
import re
import tempfile
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from json.encoder import encode_basestring  # json.dumps of one str, without its per-call set-up
from pathlib import Path

import yaml

from .findings import (
    Actor,
    BackgroundItem,
    Figure,
    OpenQuestion,
    Position,
    Source,
    TimelineEvent,
    WatchItem,
)
from .keydates import KeyDate
from .summary import SummaryItem

SCHEMA_VERSION = 1
ACTOR_KINDS = ("person", "country", "organization", "group")
PRECISIONS = ("day", "month", "year", None)


@dataclass
class DocumentRecord:
    id: str
    path: str
    title: str
    date: str | None
    date_source: str
    sha256: str
    source: str | None = None
    url: str | None = None
    author: str | None = None
    sentences: list[str] = field(default_factory=list)


@dataclass
class Brief:
    schema: int
    title: str
    as_of: str | None
    documents: list[DocumentRecord] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    open_questions: list[OpenQuestion] = field(default_factory=list)
    watch: list[WatchItem] = field(default_factory=list)
    background: list[BackgroundItem] = field(default_factory=list)
    summary: list[SummaryItem] = field(default_factory=list)
    key_dates: list[KeyDate] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)


class BriefError(ValueError):
    """A brief.yaml that does not follow the schema; the message names the field and line."""


# libyaml's parser when PyYAML was built with it: several times faster on big briefs
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    return tuple(f.name for f in dataclasses.fields(cls))


@functools.cache
def _field_getter(cls: type) -> Callable[[object], tuple]:
    names = _field_names(cls)
    getter = operator.attrgetter(*names)
    return getter if len(names) > 1 else lambda obj: (getter(obj),)


def _items(mapping: object) -> list[tuple[object, object]]:
    if isinstance(mapping, dict):
        return list(mapping.items())
    cls = type(mapping)
    return list(zip(_field_names(cls), _field_getter(cls)(mapping), strict=True))


@functools.cache
def _is_mapping_type(cls: type) -> bool:
    return issubclass(cls, dict) or dataclasses.is_dataclass(cls)


def _is_mapping(value: object) -> bool:
    return _is_mapping_type(type(value))


@functools.cache
def _key_text(key: object) -> str:
    return str(key) if re.fullmatch(r"[A-Za-z_][\w-]*", str(key)) else json.dumps(str(key), ensure_ascii=False)


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
    return bool(mapping) if isinstance(mapping, dict) else bool(_field_names(type(mapping)))


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


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file and rename, so readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # The writer's process id in the name lets a later build tell a killed writer's leftovers apart.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=_TEMPORARY)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_TEMPORARY = ".tmp"


def remove_orphaned_temporaries(files: list[Path]) -> None:
    """Delete half-written files whose writer no longer runs (a build killed mid-write)."""
    for candidate in files:
        parts = candidate.name.split(".")
        if len(parts) < 4 or not parts[-3].isdigit():
            continue
        try:
            os.kill(int(parts[-3]), 0)
        except ProcessLookupError:
            candidate.unlink(missing_ok=True)
        except PermissionError:
            pass  # alive, owned by someone else


def save(brief: Brief, path: Path) -> None:
    remove_orphaned_temporaries(list(path.parent.glob(f".{path.name}.*{_TEMPORARY}")))
    write_atomic(path, dump(brief))


# --- validation -----------------------------------------------------------------------------

_SECTIONS = {
    "documents": DocumentRecord,
    "actors": Actor,
    "positions": Position,
    "timeline": TimelineEvent,
    "open_questions": OpenQuestion,
    "watch": WatchItem,
    "background": BackgroundItem,
    "summary": SummaryItem,
    "key_dates": KeyDate,
}
_NESTED = {"sources": Source, "figures": Figure}
_CHOICES = {("actors", "kind"): ACTOR_KINDS, ("timeline", "precision"): PRECISIONS}


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
    expected = {str: (str,), int: (int,), bool: (bool,)}.get(hint, (object,))
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
        choices = _CHOICES.get((section, key)) if section else None
        if choices and _scalar(value_node) not in choices:
            errors.append(f"line {_line(value_node)}: {where}.{key}: must be one of {[c for c in choices if c]}")
    for name, spec in ((f.name, f) for f in dataclasses.fields(cls)):
        no_default = spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
        if no_default and name not in present:
            errors.append(f"line {_line(node)}: {where}: missing field '{name}'")


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
    known = set(_SECTIONS) | {"schema", "title", "as_of", "notices"}
    errors += [f"line {_line(k)}: {k.value}: unknown top-level field" for k, _ in root.value if k.value not in known]
    return [f"{name}: {e}" for e in errors]


@functools.cache
def _field_plan(cls: type) -> dict[str, tuple[type | None, bool]]:
    """Per field: the dataclass its list items are made of, and whether it holds a string."""
    plan = {}
    for name, hint in _type_hints(cls).items():
        inner = next((a for a in typing.get_args(hint) if dataclasses.is_dataclass(a)), None)
        plan[name] = (inner, hint in (str, str | None))
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
