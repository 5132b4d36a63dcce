"""A compact, checked form of dataclass trees: each record is the list of its field values in
declaration order, so JSON holds no field names and reading one back builds it without keyword
matching. Reading checks every value against the declared types as it goes: a payload of another
shape (written by another version, or edited by hand) raises ValueError instead of building."""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable
from typing import Any


def encode(value: object) -> object:
    """Plain JSON data for a dataclass tree."""
    kind: Any = type(value)
    return _encoder(kind)(value)


def decode(cls: type, data: object) -> Any:
    """The dataclass tree that encode() gave `data` for; ValueError when data has another shape."""
    return decode_together((cls, data))[0]


def decode_together(*trees: tuple[type, object]) -> list[Any]:
    """Several trees decoded as one: their equal strings become one string (a sentence of an article is
    also the text its findings cite, many times over)."""
    _SHARED.clear()
    try:
        return [_decoder(cls)(data) for cls, data in trees]
    finally:
        _SHARED.clear()


_SHARED: dict[str, str] = {}


@functools.cache
def _encoder(hint: Any) -> Callable[[Any], object]:
    if dataclasses.is_dataclass(hint):
        parts = [(f.name, _encoder(t)) for f, t in _fields(hint)]
        if all(part is _same for _, part in parts):
            names = [name for name, _ in parts]
            return lambda obj: [getattr(obj, name) for name in names]
        return lambda obj: [part(getattr(obj, name)) for name, part in parts]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is list:
        item = _encoder(args[0])
        return list if item is _same else lambda items: [item(x) for x in items]
    if origin is dict:
        return dict
    if origin in (types.UnionType, typing.Union):
        options = [a for a in args if a is not type(None)]
        inner = _encoder(options[0]) if len(options) == 1 else _same
        return inner if inner is _same else lambda v: None if v is None else inner(v)
    return _same


def _same(value: object) -> object:
    return value


def _fields(cls: Any) -> list[tuple[dataclasses.Field, object]]:
    hints = typing.get_type_hints(cls)
    return [(f, hints[f.name]) for f in dataclasses.fields(cls)]


def _wrong(value: object, expected: object) -> ValueError:
    return ValueError(f"expected {expected}, got {type(value).__name__}")


@functools.cache
def _decoder(hint: Any) -> Callable[[Any], Any]:
    if dataclasses.is_dataclass(hint):
        return _record_decoder(hint)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        options = [_decoder(a) for a in args if a is not type(None)]
        nullable = type(None) in args
        return _union_decoder(options, nullable, hint)
    if origin is list:
        return _list_decoder(args[0])
    if origin is dict:
        key, value = _decoder(args[0]), _decoder(args[1])

        def mapping(v: Any) -> dict:
            if type(v) is not dict:
                raise _wrong(v, hint)
            return {key(k): value(x) for k, x in v.items()}

        return mapping
    exact = float if hint is float else hint
    if hint is str:

        def text(v: Any) -> str:
            if type(v) is not str:
                raise _wrong(v, hint)
            return _SHARED.setdefault(v, v)

        return text

    def scalar(v: Any) -> Any:
        if type(v) is exact or (exact is float and type(v) is int):
            return v
        raise _wrong(v, hint)

    return scalar


def _union_decoder(options: list[Callable], nullable: bool, hint: object) -> Callable[[Any], Any]:
    def union(v: Any) -> Any:
        if v is None and nullable:
            return None
        for option in options:
            try:
                return option(v)
            except ValueError:
                continue
        raise _wrong(v, hint)

    return union


def _list_decoder(item_hint: Any) -> Callable[[Any], list]:
    if item_hint in (int, bool):

        def scalars(v: Any) -> list:
            if type(v) is not list or not all(type(x) is item_hint for x in v):
                raise _wrong(v, list[item_hint])
            return v

        return scalars
    item = _decoder(item_hint)

    def items(v: Any) -> list:
        if type(v) is not list:
            raise _wrong(v, list[item_hint])
        return [item(x) for x in v]

    return items


def _record_decoder(cls: Any) -> Callable[[Any], Any]:
    """Builds the record without running its __init__ (the values are checked here instead)."""
    fields = _fields(cls)
    names = [f.name for f, _ in fields]
    parts = [_decoder(t) for _, t in fields]
    size = len(names)

    def record(v: Any) -> Any:
        if type(v) is not list or len(v) != size:
            raise _wrong(v, cls.__name__)
        obj = object.__new__(cls)
        obj.__dict__.update(zip(names, [part(x) for part, x in zip(parts, v, strict=True)], strict=True))
        return obj

    return record
