"""The Brief: the typed model of brief.yaml (its YAML form is in yamlio.py)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import ClassVar

from .findings import SECTIONS, Actor, Findings, Mentioned
from .keydates import KeyDate
from .summary import SummaryItem

SCHEMA_VERSION = 1
ACTOR_KINDS = ("person", "country", "organization", "group")
PRECISIONS = ("day", "month", "year", None)
POLARITIES = ("supports", "opposes", "conditional", None)

# A calendar value as precise as the text allows (2019, 2019-07, 2019-07-12); XXXX is a year the
# text leaves open ("June 14" in an undated article).
_ISO_DATE = re.compile(r"(\d{4}|XXXX)(?:-(\d{2})(?:-(\d{2}))?)?")


def is_iso_date(value: object) -> bool:
    """True for a real calendar date in ISO form: 2021, 2021-02, 2021-02-28, XXXX-06-14."""
    match = _ISO_DATE.fullmatch(value) if isinstance(value, str) else None
    if not match:
        return False
    year, month, day = match.groups()
    leap_year = "2000"  # lets XXXX-02-29 through
    try:
        dt.date(int(leap_year if year == "XXXX" else year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


@dataclass
class DocumentRecord:
    """A source document as the brief lists it."""

    id: str
    path: str
    title: str
    date: str | None
    date_source: str  # front-matter | html-meta | file-name | inferred | unknown
    sha256: str
    source: str | None = None
    url: str | None = None
    author: str | None = None
    sentences: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Brief(Findings):
    """The merged briefing: the sections of findings, the sources they cite and what was derived."""

    # brief.yaml's order of keys: what the brief is, then its sources, then its sections
    FIELD_ORDER: ClassVar[tuple[str, ...]] = (
        "schema",
        "title",
        "as_of",
        "documents",
        *(section.name for section in SECTIONS),
        "mentioned",
        "summary",
        "key_dates",
        "notices",
    )

    schema: int
    title: str
    as_of: str | None
    documents: list[DocumentRecord] = field(default_factory=list)
    mentioned: list[Mentioned] = field(default_factory=list)
    summary: list[SummaryItem] = field(default_factory=list)
    key_dates: list[KeyDate] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)
