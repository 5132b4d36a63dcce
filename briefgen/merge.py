"""Merge per-document findings into one Brief: actors by meaning, events by corroboration."""

from __future__ import annotations

import functools
import re
from dataclasses import fields, replace

from . import chronology
from .brief import SCHEMA_VERSION, Brief, DocumentRecord
from .findings import Actor, DocFindings, OpenQuestion, Source, TimelineEvent, stable_id
from .gazetteer import fold, name_key
from .ingest import Document, slugify
from .timex import CLOCK_WORDS, contains

STOPWORDS = set(
    "a an the of in on at to for from by with and or but as is was were be been are has have had will would "
    "its it their his her this that these those after before over under than then there which who whom "
    "about into out up down off said says also not no".split()
)
SAME_EVENT = 0.5  # word overlap above which two dated clauses are one event
SAME_EVENT_WORDS = 3  # and the fewest words they must share: one or two common words are no evidence
MAX_ACTOR_SOURCES = 12  # sentences cited for an actor's mentions


def _actor_key(actor: Actor) -> str:
    return f"{actor.kind}:{name_key(actor.name, actor.kind)}"


def merge_actors(per_doc: list[tuple[str, list[Actor]]]) -> tuple[list[Actor], dict[tuple[str, str], str]]:
    """One actor per real-world entity; returns the actors and (doc, local id) -> global id."""
    merged: dict[str, Actor] = {}
    local_key: dict[tuple[str, str], str] = {}
    for doc_id, actors in per_doc:
        for actor in actors:
            key = _actor_key(actor)
            local_key[(doc_id, actor.id)] = key
            target = merged.get(key)
            if target is None:
                merged[key] = replace(
                    actor,
                    aliases=list(actor.aliases),
                    roles=list(actor.roles),
                    sources=list(actor.sources),
                    mentions_by_document=dict(actor.mentions_by_document),
                )
            else:
                _absorb(target, actor)
    redirects = _fold_surnames(merged)
    ids: dict[str, str] = {}
    used: set[str] = set()
    for key in sorted(merged, key=lambda k: (-merged[k].mentions, k)):
        base = slugify(merged[key].name)
        actor_id = base if base not in used else f"{base}-{merged[key].kind}"
        used.add(actor_id)
        ids[key] = actor_id
        merged[key].id = actor_id
    mapping = {pair: ids[redirects.get(key, key)] for pair, key in local_key.items()}
    for actor in merged.values():
        del actor.sources[MAX_ACTOR_SOURCES:]  # the mention counts keep the full tally
    actors = sorted(merged.values(), key=lambda a: (-a.mentions, a.name))
    return actors, mapping


def _absorb(target: Actor, other: Actor) -> None:
    if other.kind == "person" and len(other.name) > len(target.name):
        target.name = other.name
    elif other.kind in ("organization", "group") and (len(other.name), other.name) < (len(target.name), target.name):
        target.name = other.name  # the singular of 'European Councils' / 'European Council'

    target.aliases = sorted(set(target.aliases) | set(other.aliases) | {other.name})
    target.roles += [r for r in other.roles if r not in target.roles]
    target.affiliation = target.affiliation or other.affiliation
    target.mentions += other.mentions
    for doc, count in other.mentions_by_document.items():
        target.mentions_by_document[doc] = target.mentions_by_document.get(doc, 0) + count
    room = MAX_ACTOR_SOURCES - len(target.sources)  # only the first ones are kept in the end
    if room > 0:
        seen = {(s.doc, s.sentence) for s in target.sources}
        target.sources += [s for s in other.sources if (s.doc, s.sentence) not in seen][:room]


def _fold_surnames(merged: dict[str, Actor]) -> dict[str, str]:
    """A person known only by a surname in one document joins the one full name that ends with it."""
    redirects: dict[str, str] = {}
    people = [k for k, a in merged.items() if a.kind == "person"]
    by_surname: dict[str, list[str]] = {}
    for key in people:
        if " " in merged[key].name:
            by_surname.setdefault(fold(merged[key].name).split()[-1], []).append(key)
    for key in people:
        actor = merged[key]
        if " " in actor.name:
            continue
        fuller = by_surname.get(fold(actor.name), [])
        if len(fuller) == 1:
            _absorb(merged[fuller[0]], actor)
            redirects[key] = fuller[0]
            del merged[key]
    return redirects


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9][a-z0-9-]+", text.lower()) if w not in STOPWORDS and not w.isdigit()}


def _same_event(wa: set[str], wb: set[str]) -> bool:
    shared = len(wa & wb)
    return shared >= SAME_EVENT_WORDS and shared / max(1, min(len(wa), len(wb))) >= SAME_EVENT


def merge_timeline(events: list[TimelineEvent]) -> tuple[list[TimelineEvent], list[OpenQuestion]]:
    """One entry per event across sources; differing dates for one event are flagged."""
    merged: list[TimelineEvent] = []
    words: list[set[str]] = []
    by_actor: dict[str, list[int]] = {}  # only events sharing an actor can be the same event
    disagreements: list[OpenQuestion] = []
    for event in sorted(events, key=lambda e: (e.sources[0].doc, e.sources[0].sentence)):
        match = None
        event_words = _words(event.event)
        event_docs = {s.doc for s in event.sources}
        candidates = sorted({i for actor in event.actors for i in by_actor.get(actor, [])})
        for index in candidates:
            kept = merged[index]
            if {s.doc for s in kept.sources} & event_docs:
                continue
            if _same_event(words[index], event_words):
                match = kept
                break
        if match is None:
            for actor in event.actors:
                by_actor.setdefault(actor, []).append(len(merged))
            merged.append(replace(event, sources=list(event.sources), actors=list(event.actors)))
            words.append(event_words)
            continue
        compatible = (
            match.date and event.date and (contains(match.date, event.date) or contains(event.date, match.date))
        )
        if compatible:
            if len(event.date) > len(match.date):
                match.date, match.precision = event.date, event.precision
        else:
            for value in (match.date, event.date):
                if value and value not in match.disputed_dates:
                    match.disputed_dates.append(value)
        for figure in _conflicting_figures(match.event, event.event):
            if figure not in match.disputed_figures:
                match.disputed_figures.append(figure)
        for outcome in _conflicting_outcomes(match.event, event.event):
            if outcome not in match.disputed_outcomes:
                match.disputed_outcomes.append(outcome)
        match.sources += [s for s in event.sources if s not in match.sources]
        match.actors += [a for a in event.actors if a not in match.actors]
    for event in merged:
        event.disputed_dates.sort()
        disputes = [
            ("figures", "the figures", "; ".join(event.disputed_figures)),
            ("outcomes", "the outcome", "; ".join(event.disputed_outcomes)),
            ("dates", "when this happened", " or ".join(event.disputed_dates)),
        ]
        disagreements += [
            OpenQuestion(
                id=stable_id("q", kind, event.id),
                question=f"Sources disagree on {subject} ({detail}): {event.event}",
                kind="disagreement",
                actors=list(event.actors),
                sources=list(event.sources),
            )
            for kind, subject, detail in disputes
            if detail
        ]
    return merged, disagreements


YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
FIGURE = re.compile(r"(?<![\w.])((?:[$£€])?\d[\d,]*(?:\.\d+)?(?:\s*(?:%|percent|million|billion|bn|m))?)\s+([a-z]+)")


def _counts(text: str) -> dict[str, str]:
    """Counts by the noun they count; years ('the 1995 World Cup') and clock times ('1700 GMT') are not counts."""
    return {
        noun: value
        for value, noun in FIGURE.findall(text.lower())
        if not YEAR.fullmatch(value) and noun not in CLOCK_WORDS
    }


def _conflicting_figures(first: str, second: str) -> list[str]:
    """'12 people' in one report and '15 people' in another: the same count told two ways."""
    counts_a, counts_b = _counts(first), _counts(second)
    return [
        f"{counts_a[n]} {n} vs {counts_b[n]} {n}"
        for n in sorted(counts_a)
        if n in counts_b and counts_a[n] != counts_b[n]
    ]


# Outcomes that exclude each other when two reports tell of the same event.
OPPOSED_OUTCOMES = [
    ("approved", "approve approved approves passed adopted accepted accepts ratified endorsed backed"),
    ("rejected", "reject rejected rejects refused refuses vetoed blocked defeated"),
    ("won", "won wins winning victory"),
    ("lost", "lost loses losing defeat"),
    ("convicted", "convicted guilty"),
    ("acquitted", "acquitted cleared innocent"),
    ("upheld", "upheld upholds"),
    ("overturned", "overturned overturns quashed"),
    ("confirmed", "confirmed confirms"),
    ("denied", "denied denies"),
    ("rose", "rose rises risen increased grew climbed"),
    ("fell", "fell falls fallen decreased dropped shrank"),
    ("ended", "ended ends called-off"),
    ("continued", "continued continues"),
]
_OUTCOME_OF = {word: label for label, words in OPPOSED_OUTCOMES for word in words.split()}
_OPPOSITE = {
    label: other
    for a, b in zip(OPPOSED_OUTCOMES[::2], OPPOSED_OUTCOMES[1::2], strict=True)
    for label, other in ((a[0], b[0]), (b[0], a[0]))
}


def _outcomes(text: str) -> set[str]:
    words = re.findall(r"[a-z]+(?:-[a-z]+)?", text.lower())
    negated = {"not", "no", "never", "n't"} & set(words)
    found = {_OUTCOME_OF[w] for w in words if w in _OUTCOME_OF}
    return set() if negated else found  # a negated outcome is left to the reader, not guessed at


def _conflicting_outcomes(first: str, second: str) -> list[str]:
    """'the court upheld the ban' in one report and 'the court overturned the ban' in another."""
    a, b = _outcomes(first), _outcomes(second)
    return sorted(f"{label} vs {_OPPOSITE[label]}" for label in a if _OPPOSITE[label] in b and label not in b)


def _sort_date(value: str | None) -> str:
    return value or "9999"


def _detached(item, **changes):
    """A copy owning its lists: the brief is edited after merging (disputes, overrides), while the
    findings it came from stay untouched for the next build (the cache keeps them in memory)."""
    copy = object.__new__(type(item))  # a plain field copy; replace() would run __init__ again
    values = copy.__dict__
    values.update(item.__dict__)
    for name in _list_fields(type(item)):
        values[name] = values[name].copy()
    values.update(changes)
    return copy


@functools.cache
def _list_fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls) if f.default_factory in (list, dict))


def merge(documents: list[Document], findings: list[DocFindings], title: str | None = None) -> Brief:
    actors, mapping = merge_actors([(d.id, f.actors) for d, f in zip(documents, findings, strict=True)])

    def remap(doc_id: str, ids: list[str]) -> list[str]:
        out = []
        for local in ids:
            global_id = mapping.get((doc_id, local))
            if global_id and global_id not in out:
                out.append(global_id)
        return out

    positions, events, questions, watch, background = [], [], [], [], []
    for document, found in zip(documents, findings, strict=True):
        doc_id = document.id
        positions += [_detached(p, actor=remap(doc_id, [p.actor])[0]) for p in found.positions]
        events += [_detached(e, actors=remap(doc_id, e.actors)) for e in found.timeline]
        questions += [_detached(q, actors=remap(doc_id, q.actors)) for q in found.open_questions]
        watch += [_detached(w, actors=remap(doc_id, w.actors)) for w in found.watch]
        background += [_detached(b) for b in found.background]
    timeline, disagreements = merge_timeline(events)
    timeline = chronology.clean(timeline)
    order = {d.id: i for i, d in enumerate(documents)}

    def first_source(item) -> tuple[int, int]:
        source: Source = item.sources[0]
        return order.get(source.doc, 0), source.sentence

    records = [
        DocumentRecord(d.id, d.path, d.title, d.date, d.date_source, d.sha256, d.source, d.url, d.author, d.sentences)
        for d in documents
    ]
    dates = [d.date for d in documents if d.date]
    return Brief(
        schema=SCHEMA_VERSION,
        title=title or (documents[0].title if len(documents) == 1 else "Briefing"),
        as_of=max(dates) if dates else None,
        documents=records,
        actors=actors,
        positions=sorted(positions, key=lambda p: (p.actor, "" if p.date is None else p.date, first_source(p))),
        timeline=sorted(timeline, key=lambda e: (_sort_date(e.date), first_source(e))),
        open_questions=sorted(disagreements, key=first_source) + sorted(questions, key=first_source),
        watch=sorted(watch, key=lambda w: (_sort_date(w.date), first_source(w))),
        background=sorted(background, key=first_source),
    )
