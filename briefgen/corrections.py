"""What overrides.yaml changed in the timeline, carried over to the key dates.

Key dates are counted from each document's own references to a day, made before the overrides are
applied to the merged timeline; without this an event hidden or redated in overrides.yaml would still
make its day a key date and tell it in its words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from .findings import EDITOR_DOC, Source, TimelineEvent

Key = tuple[str, int]  # (document id, sentence number)


@dataclass
class Corrections:
    dropped: set[Key] = field(default_factory=set)  # sentences of hidden events, told by no other event
    moved: dict[tuple[Key, str], str | None] = field(default_factory=dict)  # (sentence, old day) -> new day or None
    retold: dict[Key, str] = field(default_factory=dict)  # sentence -> the event's text as edited
    added: list[tuple[str, Source]] = field(default_factory=list)  # events added by hand, dated to the day

    def source(self, source: Source) -> Source | None:
        """The sentence as key dates may tell it: None when its event was hidden."""
        key = (source.doc, source.sentence)
        if key in self.dropped:
            return None
        return replace(source, text=self.retold[key]) if key in self.retold else source

    def references(self, refs: Iterable[tuple[str, Source]]) -> list[tuple[str, Source]]:
        """(day, sentence) references with hidden events left out, redated ones moved, edited ones retold."""
        result = []
        for day, source in refs:
            corrected = self.source(source)
            if corrected is None:
                continue
            new_day = self.moved.get(((source.doc, source.sentence), day), day)
            if new_day is not None:
                result.append((new_day, corrected))
        return result + self.added


def snapshot(events: list[TimelineEvent]) -> list[TimelineEvent]:
    """Copies of the events as extracted, before overrides edit them in place."""
    return [replace(e, sources=list(e.sources)) for e in events]


def corrections(before: list[TimelineEvent], after: list[TimelineEvent]) -> Corrections:
    """Compare the timeline before and after the overrides: hidden, redated, edited and added events."""
    now = {e.id: e for e in after}
    told = {(s.doc, s.sentence) for e in after for s in e.sources}
    found = Corrections()
    for event in before:
        keys = [(s.doc, s.sentence) for s in event.sources]
        new = now.get(event.id)
        if new is None:
            found.dropped |= {k for k in keys if k not in told}
            continue
        if event.date and (new.date, new.precision) != (event.date, event.precision):
            day = new.date if new.precision == "day" else None
            found.moved.update({(k, event.date): day for k in keys})
        if new.event != event.event:
            found.retold.update(dict.fromkeys(keys, new.event))
    extracted = {e.id for e in before}
    for event in after:
        if event.id not in extracted and event.precision == "day" and event.date:
            found.added += [(event.date, replace(s, text=event.event)) for s in event.sources if s.doc == EDITOR_DOC]
    return found
