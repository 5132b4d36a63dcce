"""A clean chronology: one entry for an event told in the same or nearly the same words by several
pages, and no entry shorter than a clause."""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import replace

from .findings import TimelineEvent

NEAR_DUPLICATE = 0.8  # share of words in common (Jaccard) above which two texts are one text
MIN_CLAUSE_WORDS = 5  # fewer words than this is a phrase ("Friday prayers"), not a clause
MAX_SENTENCE_WORDS = 40


def _tokens(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.lower()))


def _near(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b or min(len(a), len(b)) < NEAR_DUPLICATE * max(len(a), len(b)):
        return False
    return len(a & b) >= NEAR_DUPLICATE * len(a | b)


def _as_clause(event: TimelineEvent) -> TimelineEvent | None:
    """A phrase gives way to the sentence it came from, when that sentence is short enough to read as an
    entry; otherwise the entry is dropped."""
    if len(event.event.split()) >= MIN_CLAUSE_WORDS:
        return event
    sentence = event.sources[0].text.strip() if event.sources else ""
    if MIN_CLAUSE_WORDS <= len(sentence.split()) <= MAX_SENTENCE_WORDS:
        return replace(event, event=sentence)
    return None


def clean(events: list[TimelineEvent]) -> list[TimelineEvent]:
    """Events of one date told in the same or nearly the same words become one event with all their
    sources; the first keeps its id and text."""
    kept: list[TimelineEvent] = []
    by_date: dict[str | None, _SameDay] = {}
    for told in events:
        event = _as_clause(told)
        if event is None:
            continue
        words = _tokens(event.event)
        same_day = by_date.setdefault(event.date, _SameDay())
        twin = same_day.twin(words)
        if twin is None:
            same_day.add(words, event)
            kept.append(event)
            continue
        twin.sources += [s for s in event.sources if s not in twin.sources]
        twin.actors += [a for a in event.actors if a not in twin.actors]
    return kept


class _SameDay:
    """The entries of one date, found by their words: an entry with most of a text's words in common
    shares at least one of any few of them, so only the entries holding one of its rarest words are
    compared (a year or "undated" can gather thousands of entries)."""

    def __init__(self) -> None:
        self.entries: list[tuple[frozenset[str], TimelineEvent]] = []
        self.holding: dict[str, list[int]] = {}  # word -> the entries whose text has it

    def twin(self, words: frozenset[str]) -> TimelineEvent | None:
        """The first entry told in the same or nearly the same words."""
        if not words:
            return next((e for w, e in self.entries if w == words), None)
        shared = math.ceil(NEAR_DUPLICATE * len(words) - 1e-9)  # the fewest words a near twin shares
        probes = sorted(words, key=lambda word: len(self.holding.get(word, ())))[: len(words) - shared + 1]
        candidates = sorted({i for word in probes for i in self.holding.get(word, ())})
        return next((self.entries[i][1] for i in candidates if _near(self.entries[i][0], words)), None)

    def add(self, words: frozenset[str], event: TimelineEvent) -> None:
        for word in words:
            self.holding.setdefault(word, []).append(len(self.entries))
        self.entries.append((words, event))


def split_earlier(events: list[TimelineEvent], start: str | None) -> tuple[list[TimelineEvent], list[TimelineEvent]]:
    """(events long before the story's main span, the others): what a newcomer reads as history."""
    if start is None:
        return [], list(events)
    earlier = [e for e in events if e.date and e.date[:4].isdigit() and e.date < start[: len(e.date)]]
    ids = {e.id for e in earlier}
    return earlier, [e for e in events if e.id not in ids]


def by_month(events: list[TimelineEvent], limit: int | None = None) -> list[tuple[str, list[TimelineEvent], int]]:
    """(label, events shown, events in all) per "March 2011", "2011" (month unknown) or "Undated", in date
    order; over the limit a month shows its events told by the most sources, still in date order."""
    groups: dict[str, list[TimelineEvent]] = {}
    for event in events:
        groups.setdefault(month_label(event.date), []).append(event)
    result = []
    for label, group in groups.items():
        shown = group
        if limit is not None and len(group) > limit:
            ranked = sorted(range(len(group)), key=lambda i: (-len({s.doc for s in group[i].sources}), i))
            shown = [group[i] for i in sorted(ranked[:limit])]
        result.append((label, shown, len(group)))
    return result


def month_label(date: str | None) -> str:
    if not date or not date[:4].isdigit():
        return "Undated"
    if len(date) >= 7 and date[5:7].isdigit():
        return f"{calendar.month_name[int(date[5:7])]} {date[:4]}"
    return date[:4]
