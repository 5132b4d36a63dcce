"""The findings: what extraction produces for one document and the merged brief holds."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

# The document id that items added in overrides.yaml cite: its page, "Editor's additions", lists
# their notes. Seeds never get this id (ingest reserves it).
EDITOR_DOC = "editors-additions"
EDITOR_TITLE = "Editor's additions"


@dataclass
class Source:
    doc: str
    sentence: int  # 1-based index into the document's sentences
    text: str


@dataclass
class Actor:
    id: str
    name: str
    kind: str  # person | country | organization | group
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    mentions_by_document: dict[str, int] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    acting: int = 0  # sentences in which it does or says something
    bystander: bool = False  # a member of the public, introduced by name and age and quoted once


@dataclass
class Mentioned:
    """A name the story mentions that does not act in it: a place, a product, a bystander."""

    id: str
    name: str
    kind: str
    mentions: int = 0
    sources: list[Source] = field(default_factory=list)


@dataclass
class Position:
    id: str
    actor: str  # actor id
    kind: str  # quote | reported | stance
    text: str
    topics: list[str] = field(default_factory=list)
    date: str | None = None
    sources: list[Source] = field(default_factory=list)


@dataclass
class TimelineEvent:
    id: str
    date: str | None
    precision: str | None  # day | month | year
    event: str
    actors: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    scheduled: bool = False
    disputed_dates: list[str] = field(default_factory=list)
    disputed_figures: list[str] = field(default_factory=list)
    disputed_outcomes: list[str] = field(default_factory=list)


@dataclass
class OpenQuestion:
    id: str
    question: str
    kind: str  # explicit | unresolved | contested | disagreement
    actors: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    # what makes it open: explicit, uncertain, pending, timing, contested, forecast, condition,
    # possibility or disagreement (most trusted first)
    cue: str = "uncertain"


@dataclass
class WatchItem:
    id: str
    date: str | None
    item: str
    actors: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    # as of the newest source: ahead; due (its date has passed, or a newer source reports it done);
    # earlier (an undated expectation from an article much older than the newest)
    status: str = "ahead"


@dataclass
class Figure:
    value: str
    refers_to: str
    measure: str | None = None  # what is counted, in one word for all sources ('deaths', 'price of United')
    amount: float | None = None  # the value as a number, to compare '$2.5bn' with '$2.5 billion'


@dataclass
class BackgroundItem:
    id: str
    text: str
    figures: list[Figure] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)


@dataclass
class DocFindings:
    """Everything extracted from one document; actor references are actor ids local to it."""

    actors: list[Actor] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    open_questions: list[OpenQuestion] = field(default_factory=list)
    watch: list[WatchItem] = field(default_factory=list)
    background: list[BackgroundItem] = field(default_factory=list)


def stable_id(prefix: str, *parts: str) -> str:
    """An id derived from content, so it survives rebuilds and new seeds."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:10]
    return f"{prefix}-{digest}"
