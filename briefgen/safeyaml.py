"""YAML from untrusted hands (seed front matter, overrides.yaml), loaded within bounds.

Size, nesting depth and aliases are checked on the parser's event stream, before any object is
built: a document nested thousands deep would exhaust the recursion of PyYAML's composer, and a
few hundred bytes of nested aliases ("billion laughs") expand to gigabytes once constructed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    _BaseLoader = yaml.SafeLoader
else:
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _line_of(event: yaml.Event) -> int | str:
    return event.start_mark.line + 1 if event.start_mark is not None else "?"


class BoundsError(ValueError):
    """YAML that is too large, too deep or uses aliases; the message says which."""


class TextDatesLoader(_BaseLoader):
    """The safe loader, but an unquoted date stays a string: `date: 2021-02-30` is then a bad value
    to report rather than a ValueError inside the loader."""


TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}

_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def check_bounds(text: str, max_chars: int, max_depth: int) -> None:
    """Raise BoundsError unless text is at most max_chars long, nested at most max_depth deep, and
    free of aliases (`*name`). YAML syntax errors are left for the loader to report."""
    if len(text) > max_chars:
        raise BoundsError(f"too large ({len(text):,} characters, limit {max_chars:,})")
    depth = 0
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, _OPEN):
            depth += 1
            if depth > max_depth:
                raise BoundsError(f"nested too deep (over {max_depth} levels) at line {_line_of(event)}")
        elif isinstance(event, _CLOSE):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            raise BoundsError(f"uses YAML aliases (*{event.anchor}) at line {_line_of(event)}; write values out")


def load(text: str, max_chars: int, max_depth: int) -> object:
    """The data of a bounded YAML text, unquoted dates as strings. Raises BoundsError or YAMLError."""
    check_bounds(text, max_chars, max_depth)
    return yaml.load(text, Loader=TextDatesLoader)  # noqa: S506 - a subclass of the safe loader
