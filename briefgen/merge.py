"""Merge per-document findings into one Brief: actors by meaning, events by corroboration."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import fields
from typing import Protocol, TypeVar

from . import chronology
from .brief import SCHEMA_VERSION, Brief
from .corroborate import (
    SAME_EVENT_WORDS,
    figures_that_differ,
    merge_timeline,
    rarest_sharable,
    same_event,
    stems,
    words_of,
)
from .findings import (
    QUESTION_CUE_RANK,
    BackgroundItem,
    DocFindings,
    OpenQuestion,
    Source,
    TimelineEvent,
    WatchItem,
)
from .ingest import Document
from .lexicon import lexicon
from .merge_actors import merge_actors, split_actors
from .time.words import MONTHS, WEEKDAYS

T = TypeVar("T")


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
    reporters = {a.id for a in actors if lexicon().is_reporter(a.roles)}  # 'the BBC's Jim Muir' in one article
    for actor in actors:
        if actor.id in reporters:
            actor.acting, actor.bystander = 0, True
    positions = [p for p in positions if p.actor not in reporters]  # what an article's reporter says is the story
    positions = same_words_once(positions, lambda p: f"{p.actor} {_without_when(p.text)}")
    positions = retold_once(positions, lambda p: p.actor, lambda p: p.text)
    questions = same_words_once(questions, lambda q: q.question)
    questions = retold_once(questions, lambda q: "", lambda q: q.question)
    watch = same_words_once(watch, lambda w: w.item)
    watch = retold_once(watch, lambda w: "", lambda w: w.item, _same_when)
    actors, mentioned = split_actors(actors, {p.actor for p in positions}, len(documents))
    acting = {a.id for a in actors}
    for item in (*events, *questions, *watch):
        item.actors = [a for a in item.actors if a in acting]
    published = {d.id: d.date for d in documents}
    timeline, disagreements = merge_timeline(events, published)
    timeline = chronology.clean(timeline)
    first_date = min((d.date for d in documents if d.date), default=None)
    timeline, history = split_history(timeline, first_date, [n for a in actors for n in (a.name, *a.aliases)])
    differing = figures_that_differ(background, {d.id: i for i, d in enumerate(documents)}, published)
    disagreements += [question for question, _ in differing]
    background = [item for _, item in differing] + background
    cited = {(s.doc, s.sentence) for b in background for s in b.sources}
    background += [b for b in history if (b.sources[0].doc, b.sources[0].sentence) not in cited]
    order = {d.id: i for i, d in enumerate(documents)}

    def first_source(item) -> tuple[int, int]:
        source: Source = item.sources[0]
        return order.get(source.doc, 0), source.sentence

    records = [d.record() for d in documents]
    doc_dates = published
    as_of = max((d.date for d in documents if d.date), default=None)
    told_later = told_as_fact(timeline, doc_dates)  # one index of what newer sources tell as done
    return Brief(
        schema=SCHEMA_VERSION,
        title=title or (documents[0].title if len(documents) == 1 else "Briefing"),
        as_of=as_of,
        documents=records,
        actors=actors,
        positions=sorted(positions, key=lambda p: (p.actor, "" if p.date is None else p.date, first_source(p))),
        timeline=sorted(timeline, key=lambda e: (_sort_date(e.date), first_source(e))),
        open_questions=select_questions(
            without_answered(without_passed_days(disagreements + questions, doc_dates, as_of), told_later, doc_dates),
            order,
            first_source,
        ),
        watch=sorted(
            watch_status(watch, told_later, doc_dates, as_of),
            key=lambda w: (_sort_date(w.date), first_source(w)),
        ),
        background=sorted(background, key=first_source),
        mentioned=mentioned,
    )


def same_words_once(items: list[T], words: Callable[[T], str]) -> list[T]:
    """Items told in the same words by several articles (a wire story run twice, a quote repeated)
    are one item with the sources of each."""
    kept: dict[str, T] = {}
    for item in items:
        first = kept.setdefault(re.sub(r"\W+", " ", words(item).lower()).strip(), item)
        if first is item:
            continue
        seen = {(s.doc, s.sentence) for s in first.sources}  # type: ignore[attr-defined]
        first.sources += [s for s in item.sources if (s.doc, s.sentence) not in seen]  # type: ignore[attr-defined]
        if getattr(first, "date", None) is None and getattr(item, "date", None) is not None:
            first.date = item.date  # type: ignore[attr-defined]
    return list(kept.values())


RETOLD = 0.4  # share of the two tellings' content words that both hold: a later article retells the item


class _Sourced(Protocol):
    sources: list[Source]


S = TypeVar("S", bound=_Sourced)


def retold_once(
    items: list[S],
    owner: Callable[[S], str],
    words_in: Callable[[S], str],
    compatible: Callable[[S, S], bool] = lambda first, later: True,
) -> list[S]:
    """A stance, a question or a step ahead that a later article retells in other words ('Berg said as
    many as 3,000 firms could be renationalised' after 'Berg said the government was planning to
    renationalise 3,000 firms') is one item with the sources of both, not two: the same owner (a
    stance's actor), and words in common."""
    kept: list[tuple[S, set[str]]] = []
    holding: dict[str, dict[str, list[int]]] = {}  # per owner, the kept items holding each word
    for item in items:
        words = stems(words_of(_without_when(words_in(item))))
        docs = {s.doc for s in item.sources}
        held = holding.setdefault(owner(item), {})
        # an item sharing SAME_EVENT_WORDS words shares one of its rarest: only those are looked up
        candidates = sorted({i for word in rarest_sharable(words, held) for i in held.get(word, [])})
        earlier = next(
            (
                first
                for first, first_words in (kept[i] for i in candidates)
                if docs.isdisjoint(s.doc for s in first.sources)
                and compatible(first, item)
                and len(words & first_words) >= SAME_EVENT_WORDS
                and len(words & first_words) >= RETOLD * len(words | first_words)
            ),
            None,
        )
        if earlier is None:
            for word in words:
                held.setdefault(word, []).append(len(kept))
            kept.append((item, words))
        else:
            earlier.sources += [s for s in item.sources if s not in earlier.sources]
    return [item for item, _ in kept]


def _same_when(first: WatchItem, later: WatchItem) -> bool:
    """Two tellings of a step ahead agree on its date, or one of them gives none."""
    return first.date == later.date or not (first.date and later.date)


# Words that only say when something was said: 'warned last week that ...' repeats 'warned that ...'
WHEN_WORDS = set(WEEKDAYS) | set(MONTHS) | {"last", "next", "this", "earlier", "later", "week", "month", "year"}
WHEN_WORDS |= {"yesterday", "today", "tonight", "morning", "afternoon", "evening", "on", "that"}


def _without_when(text: str) -> str:
    return " ".join(word for word in re.findall(r"\w+", text.lower()) if word not in WHEN_WORDS)


HISTORY_DAYS = 365  # events this long before the first article are the story's history, not its timeline


def split_history(
    timeline: list[TimelineEvent], first: str | None, names: list[str]
) -> tuple[list[TimelineEvent], list]:
    """Events long before the story's first article that none of its actors takes part in ('a 1957
    pandemic killed 2 million') go to Background as history. An old event of the story's own actors
    ('Turkey bought the S-400 in 2017') is where the story begins, and stays on the timeline."""
    if not first:
        return timeline, []
    names_in = _NameFinder(names)
    kept, history = [], []
    for event in timeline:
        old = event.date and _days_between(_period_end(event.date), first) > HISTORY_DAYS
        if old and not names_in.text(event.event):
            history.append(
                BackgroundItem(id=f"bg-{event.id}", text=f"{event.date}: {event.event}", sources=list(event.sources))
            )
        else:
            kept.append(event)
    return kept, history


class _NameFinder:
    """Whether a text holds one of the names as whole words. Every word of a name found in a text as
    whole words is a whole word of the text, so a name is looked for only when all its words are the
    text's (one pattern of every actor's name, tried on every event, grows with the square of the
    briefing). Each name is filed under its word that fewest names share: filed under its first, the
    names beginning with 'The' or 'New' would be tried on every text holding that word."""

    def __init__(self, names: list[str]) -> None:
        words_of_name = {name: frozenset(_WORDS.findall(name)) for name in set(names)}
        sharing = Counter(word for words in words_of_name.values() for word in words)
        self.by_word: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for name, words in sorted(words_of_name.items()):
            rarest = min(words, key=lambda word: (sharing[word], word)) if words else ""
            self.by_word.setdefault(rarest, []).append((name, words))
        self.patterns: dict[frozenset[str], re.Pattern] = {}

    def text(self, text: str) -> bool:
        words = set(_WORDS.findall(text))
        names = {name for name, _ in self.by_word.get("", ())}
        for word in words:
            names.update(name for name, needed in self.by_word.get(word, ()) if needed <= words)
        if not names:
            return False
        key = frozenset(names)
        if key not in self.patterns:
            alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
            self.patterns[key] = re.compile(r"\b(?:" + alternatives + r")\b")
        return bool(self.patterns[key].search(text))


_WORDS = re.compile(r"\w+")


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


NAMED_WEEK = re.compile(r"\b(this|next) week\b", re.I)


def _named_week_over(text: str, written: str, as_of: str) -> bool:
    """Whether the week an item names ('next week', 'later this week'), counted from its article's
    date, is over by as_of: the brief dates such an item by its month only."""
    found = NAMED_WEEK.search(text)
    if found is None or len(written) < 10:
        return False
    try:
        day = dt.date.fromisoformat(written[:10])
    except ValueError:
        return False
    sunday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(days=6 + 7 * (found.group(1).lower() == "next"))
    return as_of[:10] > sunday.isoformat()


def _begins_after(value: str, as_of: str) -> bool:
    """Whether a date of any precision (2009, 2009-05, 2009-05-06) begins after as_of."""
    return value > as_of[: len(value)]


def _realis_words(text: str) -> set[str]:
    """The content words of a clause told as fact: those before its first irrealis word (a modal, a
    plan, a schedule: 'said it would submit a bid' tells of the saying, not of a bid)."""
    irrealis = lexicon().irrealis_words
    words = text.split()
    cut = next((i for i, w in enumerate(words) if w.lower().strip(".,;:\"'“”‘’") in irrealis), len(words))
    return words_of(" ".join(words[:cut]))


Told = Callable[[str, str], bool]  # (clause, date written) -> told as done by a newer source


def told_as_fact(timeline: list, doc_dates: dict[str, str | None]) -> Told:
    """Whether a source newer than a date tells a clause as done. Only what it tells as fact counts:
    not a plan it repeats ('strikes earmarked for 23 March', 'said it would submit a bid'), scheduled
    or said in an irrealis clause."""
    done = [
        (stems(_realis_words(e.event)), max((doc_dates.get(s.doc) or "" for s in e.sources), default=""))
        for e in timeline
        if not e.scheduled
    ]
    by_word: dict[str, list[int]] = {}  # only events sharing a word with a clause can tell it done
    for index, (words, _) in enumerate(done):
        for word in words:
            by_word.setdefault(word, []).append(index)

    def told(text: str, written: str) -> bool:
        words = stems(words_of(text))
        candidates = {i for word in rarest_sharable(words, by_word) for i in by_word.get(word, [])}
        return any(done[i][1] > written and same_event(done[i][0], words) for i in candidates)

    return told


def without_answered(questions: list[OpenQuestion], told_later: Told, doc_dates: dict[str, str | None]) -> list:
    """'Will the court rule on the challenge?', asked on Thursday, is answered once a newer source
    tells that the court ruled on the challenge (told_later: told_as_fact of the timeline)."""
    return [
        q
        for q in questions
        if q.cue == "disagreement" or not told_later(q.question, doc_dates.get(q.sources[0].doc) or "")
    ]


def watch_status(watch: list, told_later: Told, doc_dates: dict[str, str | None], as_of: str | None) -> list:
    """What to watch is the future as of the newest source: an item whose date has passed, or that a
    newer source reports as done (told_later: told_as_fact of the timeline), is due; an undated
    expectation from an article much older than the newest is an earlier expectation."""
    for item in watch:
        written = doc_dates.get(item.sources[0].doc) or ""
        if as_of and item.date and _ends_before(item.date, as_of):
            item.status = "due"
        elif as_of and written and _named_week_over(item.item, written, as_of):
            item.status = "due"  # 'expected to rule early next week', dated by its month: that week is over
        elif as_of and item.date and _begins_after(item.date, as_of):
            item.status = "ahead"  # whatever a newer source says of it, its day has not come
        elif told_later(item.item, written):
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
MAX_QUESTIONS = 20  # however long the story: a list a reader takes in (53 at 308 articles was not)


def without_passed_days(questions: list[OpenQuestion], doc_dates: dict[str, str | None], as_of: str | None) -> list:
    """'Will a vote occur Wednesday?', asked in an article of Tuesday: once a source of Thursday is in,
    that Wednesday has come and gone, and the question is answered somewhere or moot. (A question
    asks ahead: its weekday is the next one from its article's date, 'tomorrow' the day after.)"""
    kept = []
    for question in questions:
        written = doc_dates.get(question.sources[0].doc)
        asked_of = _day_asked_of(question.question, written) if written and as_of else None
        if asked_of is None or as_of is None or asked_of >= as_of[:10]:
            kept.append(question)
    return kept


def _day_asked_of(question: str, written: str) -> str | None:
    try:
        day = dt.date.fromisoformat(written[:10])
    except ValueError:
        return None
    words = set(re.findall(r"[a-z]+", question.lower()))
    shifts = [(WEEKDAYS[w] - day.weekday()) % 7 for w in words & WEEKDAYS.keys()]
    shifts += [0 for w in words if w in ("today", "tonight")] + [1 for w in words if w == "tomorrow"]
    return (day + dt.timedelta(days=max(shifts))).isoformat() if shifts else None


def select_questions(questions: list[OpenQuestion], order: dict[str, int], first_source) -> list:
    """Fewer, better questions. In a story of several articles a question comes from a real open
    matter (a question the text asks, a stated uncertainty, a pending step, a contest, a disagreement
    between sources), not from one speaker's forecast, condition or possibility ('there might be
    cases incubating already'), which the other articles do not take up; then the most trusted kinds
    and the newest articles come first, up to a number that grows slowly with the story, and at most
    MAX_QUESTIONS."""
    if len(order) > 1:
        questions = [q for q in questions if q.cue not in WEAK_CUES]
    limit = min(MAX_QUESTIONS, max(6, math.ceil(3 * math.sqrt(len(order)))))
    rank = QUESTION_CUE_RANK
    best = sorted(questions, key=lambda q: (rank.get(q.cue, len(rank)), -first_source(q)[0], first_source(q)[1]))
    kept = {q.id for q in best[:limit]}
    return [q for q in sorted(questions, key=lambda q: (q.cue != "disagreement", first_source(q))) if q.id in kept]
