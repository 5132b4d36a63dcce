"""Timeline: dated events, the clause each date belongs to, resolved against the document date."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from ..findings import TimelineEvent, stable_id
from ..time.tagger import tagged
from ..time.timex import Timex, contains
from .common import clean, is_ahead, is_hypothetical, sentence_case, source
from .coref import ActorIndex

MAX_EVENT_WORDS = 40


def resolve_dates(sent: Span, anchor: dt.date | None) -> list[tuple[Span, Timex]]:
    """The sentence's dates with a calendar value, from the one date tagger (the one eval-timex scores)."""
    return [
        (t.span, t.timex)
        for t in tagged(sent.doc, anchor)
        if t.span is not None and sent.start <= t.span.start < sent.end and t.timex.precision
    ]


def _event_head(ent: Span) -> Token:
    """The verb whose clause holds the date, or the noun phrase the date qualifies."""
    token = ent.root
    while token.head.i != token.i and token.head.pos_ not in ("VERB", "AUX"):
        token = token.head
    verb = token.head
    if verb.i == token.i:
        return token
    date_is_adjunct = token == ent.root or (token.dep_ == "prep" and any(c == ent.root for c in token.children))
    if not date_is_adjunct and token.dep_ == "prep":
        objects = [c for c in token.children if c.dep_ == "pobj"]
        if objects:
            return objects[0]
    if verb.dep_ == "relcl":
        return verb.head
    return verb


def event_text(ent: Span, other_dates: list[Span]) -> tuple[str, list[Token]]:
    """The clause the date belongs to, without the parts that carry other dates."""
    head = _event_head(ent)
    excluded: set[int] = set()
    for child in head.children:
        subtree = {t.i for t in child.subtree}
        if (
            child.dep_ in ("prep", "advcl", "ccomp", "conj", "cc")
            and any(o.start in subtree for o in other_dates)
            and ent.start not in subtree
        ):
            excluded |= subtree
    tokens = [t for t in head.subtree if t.i not in excluded]
    words = [t.text_with_ws for t in tokens]
    text = clean("".join(words))
    if len(text.split()) > MAX_EVENT_WORDS:
        text = " ".join(text.split()[:MAX_EVENT_WORDS]) + " …"
    return sentence_case(text), tokens


def extract_timeline(
    sentences: list[Span], actors: ActorIndex, doc_id: str, anchor: dt.date | None
) -> list[TimelineEvent]:
    events: list[TimelineEvent] = []
    for number, sent in enumerate(sentences, 1):
        dated = resolve_dates(sent, anchor)
        for ent, timex in dated:
            if _opens_a_span(ent) or is_hypothetical(ent.root):  # "could quadruple by 2050" is no event
                continue
            others = [o for o, _ in dated if o is not ent]
            text, tokens = event_text(ent, others)
            if anchor is not None:
                scheduled = timex.value > anchor.isoformat()[: len(timex.value)]
            else:
                scheduled = is_ahead(ent)
            event = TimelineEvent(
                id="",
                date=timex.value,
                precision=timex.precision,
                event=text,
                actors=actors.in_span(sent),
                sources=[source(doc_id, sentences, number)],
                scheduled=scheduled,
            )
            _add(events, event, _nouns(tokens))
    for event in events:
        event.id = stable_id("evt", doc_id, event.date or "", event.sources[0].text)
    return events


def _opens_a_span(ent: Span) -> bool:
    """'since 1994' starts a span: the clause ('their first title since 1994') did not happen then."""
    head = ent.root.head
    return head.lower_ == "since" and head.i < ent.start


def _add(events: list[TimelineEvent], new: TimelineEvent, new_nouns: set[str]) -> None:
    """Fold a mention of an event already on the list into it (same day and actor, or a shared noun)."""
    for event in events:
        same_day = event.date == new.date and new.precision == "day" and set(event.actors) & set(new.actors)
        nested = event.date and new.date and (contains(event.date, new.date) or contains(new.date, event.date))
        shared = nested and event.date != new.date and new_nouns & getattr(event, "_nouns", set())
        if same_day or shared:
            if new.precision and (event.precision is None or len(new.date) > len(event.date)):
                event.date, event.precision, event.event = new.date, new.precision, new.event
            event.sources += [s for s in new.sources if s not in event.sources]
            event.actors += [a for a in new.actors if a not in event.actors]
            return
    new._nouns = new_nouns  # type: ignore[attr-defined]
    events.append(new)


def _nouns(tokens: list[Token]) -> set[str]:
    return {t.lemma_.lower() for t in tokens if t.pos_ == "NOUN" and not t.ent_type_ and not t.is_stop}
