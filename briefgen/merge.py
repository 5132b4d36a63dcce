"""Merge per-document findings into one Brief: actors by meaning, events by corroboration."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from dataclasses import fields, replace

from . import chronology
from .brief import SCHEMA_VERSION, Brief, DocumentRecord
from .findings import (
    Actor,
    BackgroundItem,
    DocFindings,
    Mentioned,
    OpenQuestion,
    Source,
    TimelineEvent,
    stable_id,
)
from .gazetteer import countries, fold, name_key, spelling_key
from .ingest import Document, slugify
from .time.timex import CLOCK_WORDS, contains

STOPWORDS = set(
    "a an the of in on at to for from by with and or but as is was were be been are has have had will would "
    "its it their his her this that these those after before over under than then there which who whom "
    "about into out up down off said says also not no".split()
)
SAME_EVENT = 0.5  # word overlap above which two dated clauses are one event
SAME_EVENT_WORDS = 3  # and the fewest words they must share: one or two common words are no evidence
MIN_ACTS = 2  # sentences in which a name that never speaks must act to count as an actor
MAX_ACTOR_SOURCES = 12  # sentences cited for an actor's mentions


def _actor_key(actor: Actor) -> str:
    # Countries apart; a person the tagger once took for an organisation is still one actor.
    kind = "country" if actor.kind == "country" else "named"
    return f"{kind}:{name_key(actor.name, 'person' if actor.kind == 'person' else 'organization')}"


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
    redirects.update(_fold_short_forms(merged))
    redirects = {key: _final(target, redirects) for key, target in redirects.items()}
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
    if other.kind == "person" and target.kind != "person":
        target.kind = "person"
    if other.kind == "person" and len(other.name) > len(target.name):
        target.name = other.name
    elif other.kind in ("organization", "group") and (len(other.name), other.name) < (len(target.name), target.name):
        target.name = other.name  # the singular of 'European Councils' / 'European Council'

    target.aliases = sorted(set(target.aliases) | set(other.aliases) | {other.name})
    target.roles += [r for r in other.roles if r not in target.roles]
    target.affiliation = target.affiliation or other.affiliation
    target.mentions += other.mentions
    target.acting += other.acting
    target.bystander = target.bystander and other.bystander
    for doc, count in other.mentions_by_document.items():
        target.mentions_by_document[doc] = target.mentions_by_document.get(doc, 0) + count
    room = MAX_ACTOR_SOURCES - len(target.sources)  # only the first ones are kept in the end
    if room > 0:
        seen = {(s.doc, s.sentence) for s in target.sources}
        target.sources += [s for s in other.sources if (s.doc, s.sentence) not in seen][:room]


def _final(key: str, redirects: dict[str, str]) -> str:
    seen = {key}
    while key in redirects and redirects[key] not in seen:
        key = redirects[key]
        seen.add(key)
    return key


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() not in ("of", "and", "for", "the"))


def _fold_short_forms(merged: dict[str, Actor]) -> dict[str, str]:
    """An acronym joins the one organisation whose initials it spells ('CDC'); a name joins the one
    longer name it begins ('Centers for Disease Control' and '... and Prevention'), with or without
    a country in front ('U.S. Centers for Disease Control')."""
    orgs = [k for k, a in merged.items() if a.kind in ("organization", "group")]
    countries_ = countries()

    def bare(name: str) -> str:
        words = name.split()
        if len(words) > 3 and countries_.lookup(words[0]) is not None:
            words = words[1:]
        return spelling_key(" ".join(words))

    redirects: dict[str, str] = {}
    for key in orgs:
        name = merged[key].name
        if name.replace(".", "").isupper() and 2 <= len(name.replace(".", "")) <= 6:
            owners = [k for k in orgs if k != key and _initials(bare(merged[k].name).title()) == name.replace(".", "")]
        else:
            short = bare(name)
            owners = [
                k for k in orgs if k != key and len(short.split()) >= 3 and bare(merged[k].name).startswith(short + " ")
            ]
            owners = owners or [k for k in orgs if k != key and bare(merged[k].name) == short]
        if len(owners) == 1 and owners[0] not in redirects:
            _absorb(merged[owners[0]], merged[key])
            redirects[key] = owners[0]
    for key in redirects:
        del merged[key]
    return redirects


def _fold_surnames(merged: dict[str, Actor]) -> dict[str, str]:
    """A person known only by a surname in one document joins the one full name that ends with it
    (also when the tagger took the lone surname for an organisation)."""
    redirects: dict[str, str] = {}
    people = [k for k, a in merged.items() if a.kind == "person"]
    by_surname: dict[str, list[str]] = {}
    for key in people:
        if " " in merged[key].name:
            by_surname.setdefault(fold(merged[key].name).split()[-1], []).append(key)
    lone = [k for k, a in merged.items() if a.kind in ("organization", "group") and a.name.istitle()]
    for key in people + lone:
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
    """The content words of a clause, without names: two events are alike by what happened, not by
    who took part ('Glazer made an approach' and 'the board gave Glazer access' share only names)."""
    return {w for w in re.findall(r"\b[a-z0-9][a-z0-9-]+", text) if w not in STOPWORDS and not w.isdigit()}


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
            if event.date and match.date and len(event.date) > len(match.date):
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
            ("figures", "Which figure is right", " or ".join(event.disputed_figures)),
            ("outcomes", "Which outcome is right", " or ".join(event.disputed_outcomes)),
            ("dates", "Which date is right", " or ".join(event.disputed_dates)),
        ]
        disagreements += [
            OpenQuestion(
                id=stable_id("q", kind, event.id),
                question=f"{asked}, {detail}? Sources differ on: {event.event}",
                kind="disagreement",
                actors=list(event.actors),
                sources=list(event.sources),
                cue="disagreement",
            )
            for kind, asked, detail in disputes
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
        f"{counts_a[n]} {n} or {counts_b[n]} {n}"
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
    return sorted(f"{label} or {_OPPOSITE[label]}" for label in a if _OPPOSITE[label] in b and label not in b)


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
    actors, mentioned = split_actors(actors, {p.actor for p in positions}, len(documents))
    acting = {a.id for a in actors}
    for item in (*events, *questions, *watch):
        item.actors = [a for a in item.actors if a in acting]
    timeline, disagreements = merge_timeline(events)
    timeline = chronology.clean(timeline)
    first_date = min((d.date for d in documents if d.date), default=None)
    timeline, history = split_history(timeline, first_date, [n for a in actors for n in (a.name, *a.aliases)])
    differing = figures_that_differ(background, {d.id: i for i, d in enumerate(documents)})
    disagreements += [question for question, _ in differing]
    background = [item for _, item in differing] + background
    cited = {(s.doc, s.sentence) for b in background for s in b.sources}
    background += [b for b in history if (b.sources[0].doc, b.sources[0].sentence) not in cited]
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
        open_questions=select_questions(disagreements + questions, acting, order, first_source),
        watch=sorted(
            watch_status(watch, timeline, {d.id: d.date for d in documents}, max(dates) if dates else None),
            key=lambda w: (_sort_date(w.date), first_source(w)),
        ),
        background=sorted(background, key=first_source),
        mentioned=mentioned,
    )


def figures_that_differ(
    background: list[BackgroundItem], order: dict[str, int]
) -> list[tuple[OpenQuestion, BackgroundItem]]:
    """One measure given different values by different sources (a death toll of 81 in one, 150 in
    another, 100 in a third): Background shows every value with its source, and the difference is an
    open question. Equal amounts however written ('$2.5bn', '$2.5 billion') are no difference, and a
    count that only grows from one article to the next is a running tally, not a disagreement."""
    by_measure: dict[str, list[tuple[str, float, Source]]] = {}
    for item in background:
        for figure in item.figures:
            if figure.measure and figure.amount is not None:
                by_measure.setdefault(figure.measure, []).append((figure.value, figure.amount, item.sources[0]))
    found = []
    for measure, values in sorted(by_measure.items()):
        docs = {source.doc for _, _, source in values}
        amounts = {amount for _, amount, _ in values}
        if len(docs) < 2 or len(amounts) < 2:
            continue
        first_by_doc: dict[int, float] = {}
        for _, amount, source in sorted(values, key=lambda v: (order.get(v[2].doc, 0), v[2].sentence)):
            first_by_doc.setdefault(order.get(source.doc, 0), amount)
        tally = [first_by_doc[doc] for doc in sorted(first_by_doc)]
        if " of " not in measure and all(x < y for x, y in zip(tally, tally[1:], strict=False)):
            continue  # a count that grows: deaths, cases, arrests
        shown: dict[float, tuple[str, Source]] = {}
        for value, amount, source in values:
            shown.setdefault(amount, (value, source))
        told = [value for value, _ in shown.values()]
        listed = ", ".join(told[:-1]) + f" or {told[-1]}"
        sources = [source for _, source in shown.values()]
        question = OpenQuestion(
            id=stable_id("q", "figures", measure),
            question=f"What is the {measure}: {listed}?" if " of " in measure else f"How many {measure}: {listed}?",
            kind="disagreement",
            sources=sources,
            cue="disagreement",
        )
        detail = "; ".join(f"{value} ({source.doc})" for value, source in shown.values())
        item = BackgroundItem(
            id=stable_id("bg", "figures", measure), text=f"Sources differ on {measure}: {detail}.", sources=sources
        )
        found.append((question, item))
    return found


HISTORY_DAYS = 365  # events this long before the first article are the story's history, not its timeline


def split_history(
    timeline: list[TimelineEvent], first: str | None, names: list[str]
) -> tuple[list[TimelineEvent], list]:
    """Events long before the story's first article that none of its actors takes part in ('a 1957
    pandemic killed 2 million') go to Background as history. An old event of the story's own actors
    ('Turkey bought the S-400 in 2017') is where the story begins, and stays on the timeline."""
    if not first:
        return timeline, []
    pattern = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, set(names)), key=len, reverse=True)) + r")\b")
    kept, history = [], []
    for event in timeline:
        old = event.date and _days_between(_period_end(event.date), first) > HISTORY_DAYS
        if old and not (names and pattern.search(event.event)):
            history.append(
                BackgroundItem(id=f"bg-{event.id}", text=f"{event.date}: {event.event}", sources=list(event.sources))
            )
        else:
            kept.append(event)
    return kept, history


def _period_end(value: str) -> str:
    """The last day of a date of any precision: 2003 -> 2003-12-31, 2004-02 -> 2004-02-28."""
    if len(value) == 4 and value.isdigit():
        return f"{value}-12-31"
    if len(value) == 7:
        return f"{value}-28"
    return value[:10]


EARLIER_DAYS = 30  # an undated expectation a month older than the newest source has had its chance


def _ends_before(value: str, as_of: str) -> bool:
    """Whether a date of any precision (2009, 2009-05, 2009-05-06) is over before as_of begins."""
    return value < as_of[: len(value)]


def watch_status(watch: list, timeline: list, doc_dates: dict[str, str | None], as_of: str | None) -> list:
    """What to watch is the future as of the newest source: an item whose date has passed, or that a
    newer source reports as done, is due; an undated expectation from an article much older than the
    newest is an earlier expectation."""
    done = [(_words(e.event), max((doc_dates.get(s.doc) or "" for s in e.sources), default="")) for e in timeline]
    for item in watch:
        written = doc_dates.get(item.sources[0].doc) or ""
        item_words = _words(item.item)
        if as_of and item.date and _ends_before(item.date, as_of):
            item.status = "due"
        elif any(when > written and _same_event(words, item_words) for words, when in done):
            item.status = "due"
        elif as_of and not item.date and written and _days_between(written, as_of) > EARLIER_DAYS:
            item.status = "earlier"
        else:
            item.status = "ahead"
    return watch


def _days_between(first: str, last: str) -> int:
    try:
        return (dt.date.fromisoformat(last[:10]) - dt.date.fromisoformat(first[:10])).days
    except ValueError:
        return 0


WEAK_CUES = ("forecast", "condition", "possibility")
CUE_ORDER = ("disagreement", "explicit", "uncertain", "pending", "timing", "contested", *WEAK_CUES)


def select_questions(questions: list[OpenQuestion], acting: set[str], order: dict[str, int], first_source) -> list:
    """Fewer, better questions. In a story of several articles, a question raised only as a forecast,
    a condition or a possibility must concern one of its actors; then the most trusted kinds and the
    newest articles come first, up to a number that grows slowly with the story."""
    if len(order) > 1:
        questions = [q for q in questions if q.cue not in WEAK_CUES or set(q.actors) & acting]
    limit = max(6, math.ceil(3 * math.sqrt(len(order))))
    rank = {cue: i for i, cue in enumerate(CUE_ORDER)}
    best = sorted(questions, key=lambda q: (rank.get(q.cue, len(rank)), -first_source(q)[0], first_source(q)[1]))
    kept = {q.id for q in best[:limit]}
    return [q for q in sorted(questions, key=lambda q: (q.cue != "disagreement", first_source(q))) if q.id in kept]


def split_actors(actors: list[Actor], speakers: set[str], documents: int) -> tuple[list[Actor], list[Mentioned]]:
    """Actors say something in the story or take part in it; every other name is only mentioned.

    A briefing of one article keeps every name it gives (bystanders and credit lines aside): one
    article names only what its story needs. Across several articles a name that never speaks must act at least
    twice: a country listed once among those reporting a case, or a company named once, is
    background to the story, not a party to it.
    """
    acting, mentioned = [], []
    for actor in actors:
        involved = (documents == 1 and not actor.bystander) or actor.acting >= MIN_ACTS
        if actor.id in speakers or involved:
            acting.append(actor)
        else:
            mentioned.append(Mentioned(actor.id, actor.name, actor.kind, actor.mentions, list(actor.sources)))
    return acting, mentioned
