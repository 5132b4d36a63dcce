"""The findings: what extraction produces for one document and the merged brief holds."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
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
    bystander: bool = False  # not a party: a member of the public quoted once, or a reporter


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
    polarity: str | None = None  # supports | opposes | conditional, as its verbs read; None: takes no side


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
    cue: str = "uncertain"  # what makes it open: one of QUESTION_CUES


# What makes a question open, the most trusted first: the order questions are kept in, per document
# and across the story
QUESTION_CUES = (
    "disagreement",
    "explicit",
    "uncertain",
    "pending",
    "timing",
    "contested",
    "hearsay",
    "forecast",
    "condition",
    "possibility",
)
QUESTION_CUE_RANK = {cue: rank for rank, cue in enumerate(QUESTION_CUES)}


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


@dataclass(frozen=True)
class Section:
    """One list of items with ids and sources: what it is called and what its items hold."""

    name: str  # the attribute of Findings, and the key in brief.yaml
    item: type
    text: str  # the field that says what an item is
    dated: bool = False  # items are placed on the calendar
    involves_actors: bool = False  # items list the actors who take part
    tracked: bool = True  # a new item is announced on the What changed page


SECTIONS = (
    Section("actors", Actor, "name"),
    Section("positions", Position, "text"),
    Section("timeline", TimelineEvent, "event", dated=True, involves_actors=True),
    Section("open_questions", OpenQuestion, "question", involves_actors=True),
    Section("watch", WatchItem, "item", dated=True, involves_actors=True),
    Section("background", BackgroundItem, "text", tracked=False),
)
SECTION_BY_NAME = {section.name: section for section in SECTIONS}
Item = Actor | Position | TimelineEvent | OpenQuestion | WatchItem | BackgroundItem


@dataclass
class Findings:
    """The sections of findings, shared by one document's findings and the merged brief."""

    actors: list[Actor] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    open_questions: list[OpenQuestion] = field(default_factory=list)
    watch: list[WatchItem] = field(default_factory=list)
    background: list[BackgroundItem] = field(default_factory=list)

    def section(self, name: str) -> list:
        """The items of a registered section (KeyError for any other name)."""
        return getattr(self, SECTION_BY_NAME[name].name)

    def items(self, sections: Iterable[Section] = SECTIONS) -> Iterator[Item]:
        """Every item of the given sections (all by default), section by section."""
        for section in sections:
            yield from getattr(self, section.name)

    def by_id(self, sections: Iterable[Section] = SECTIONS) -> dict[str, Item]:
        return {item.id: item for item in self.items(sections)}

    def items_involving_actors(self) -> Iterator[TimelineEvent | OpenQuestion | WatchItem]:
        """The items that list the actors who take part in them."""
        for section in SECTIONS:
            if section.involves_actors:
                yield from getattr(self, section.name)

    def keep(self, wanted: Callable[[Item], bool], sections: Iterable[Section] = SECTIONS) -> None:
        """Drop, in place, the items of the given sections that are not wanted."""
        for section in sections:
            setattr(self, section.name, [i for i in getattr(self, section.name) if wanted(i)])


@dataclass
class DocFindings(Findings):
    """Everything extracted from one document; actor references are actor ids local to it."""


TRACKED = tuple(s for s in SECTIONS if s.tracked)


def stable_id(prefix: str, *parts: str) -> str:
    """An id derived from content, so it survives rebuilds and new seeds."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:10]
    return f"{prefix}-{digest}"
