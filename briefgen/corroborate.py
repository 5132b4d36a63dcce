"""One event told by several sources, and where sources disagree: on its date, a figure or the outcome."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from .findings import BackgroundItem, OpenQuestion, Source, TimelineEvent, stable_id
from .lexicon import lexicon
from .time.words import CLOCK_WORDS, MONTHS, contains, day_of

STOPWORDS = set(
    "a an the of in on at to for from by with and or but as is was were be been are has have had will would "
    "its it their his her this that these those after before over under than then there which who whom "
    "about into out up down off said says also not no".split()
)


SAME_EVENT = 0.5  # word overlap above which two dated clauses are one event


SAME_EVENT_WORDS = 3  # and the fewest words they must share: one or two common words are no evidence


def words_of(text: str) -> set[str]:
    """The content words of a clause, without names: two events are alike by what happened, not by
    who took part ('Glazer made an approach' and 'the board gave Glazer access' share only names)."""
    return {w for w in re.findall(r"\b[a-z0-9][a-z0-9-]+", text) if w not in STOPWORDS and not w.isdigit()}


def same_event(wa: set[str], wb: set[str], strict: bool = False) -> bool:
    shared = len(wa & wb)
    least, share = (DISPUTE_WORDS, DISPUTE_SHARE) if strict else (SAME_EVENT_WORDS, SAME_EVENT)
    return shared >= least and shared / max(1, min(len(wa), len(wb))) >= share


# 'had an attempt turned down ... to vote off board members last November' and 'an approach to the
# board in October last year was turned down' share three words but are two events
DISPUTE_WORDS, DISPUTE_SHARE = 4, 0.6


def _dates_agree(first: str | None, second: str | None) -> bool:
    return bool(first and second and (contains(first, second) or contains(second, first)))


def rarest_sharable(words: set[str], holding: dict[str, list]) -> list[str]:
    """The words of a clause to look up its same events by: one that shares SAME_EVENT_WORDS words with
    it shares one of any len(words) - SAME_EVENT_WORDS + 1 of them, so the most common are left out."""
    count = len(words) - SAME_EVENT_WORDS + 1
    return sorted(words, key=lambda word: (len(holding.get(word, ())), word))[: max(count, 0)]


def stems(words: set[str]) -> set[str]:
    """Words without their endings, so that a plan and its telling as done meet ('will approve' and
    'approved', 'rule' and 'ruled')."""
    return {_stem(w) for w in words}


@functools.lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    for ending in ("ing", "ed", "es", "s", "e", "d"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


DISPUTE_DAYS = 7  # sources disagree when they tell one thing at about the same time


def contemporary(first: list[Source], second: list[Source], published: dict[str, str | None]) -> bool:
    """Whether two tellings come from articles published within DISPUTE_DAYS of each other (or of
    unknown dates). A year apart, 'last March' or a death toll are told of different things."""
    days = [[day_of(published.get(s.doc)) for s in told] for told in (first, second)]
    if any(d is None for told in days for d in told):
        return True
    return any(abs((a - b).days) <= DISPUTE_DAYS for a in days[0] for b in days[1] if a and b)


def merge_timeline(
    events: list[TimelineEvent], published: dict[str, str | None] | None = None
) -> tuple[list[TimelineEvent], list[OpenQuestion]]:
    """One entry per event across sources; differing dates, figures or outcomes for one event, told
    by articles of about the same time, are flagged."""
    published = published or {}
    merged: list[TimelineEvent] = []
    words: list[set[str]] = []
    # only events sharing an actor, and one of the rarest words, can be the same event
    by_actor_word: dict[tuple[str, str], list[int]] = {}
    holding: dict[str, list[int]] = {}
    by_occasion: dict[tuple[str, str], list[int]] = {}
    by_day_actor: dict[tuple[str, str], list[int]] = {}  # a day's events by who took part
    disagreements: list[OpenQuestion] = []
    for event in sorted(events, key=lambda e: (e.sources[0].doc, e.sources[0].sentence)):
        match, disputes = None, False
        event_words = words_of(event.event)
        event_docs = {s.doc for s in event.sources}
        probes = rarest_sharable(event_words, holding)
        occasions = _planned_occasions(event, event_words)
        days = [(event.date, actor) for actor in event.actors] if event.precision == "day" and event.date else []
        candidates = sorted(
            {i for actor in event.actors for word in probes for i in by_actor_word.get((actor, word), [])}
            | {i for key in occasions for i in by_occasion.get(key, [])}
            | {i for key in days for i in by_day_actor.get(key, [])}
        )
        for index in candidates:
            kept = merged[index]
            alike = same_event(words[index], event_words) or _same_day_same_parties(
                kept, event, words[index], event_words
            )
            planned = bool(occasions) and bool(occasions & _planned_occasions(kept, words[index]))
            if not (alike or planned) or not event_docs.isdisjoint(s.doc for s in kept.sources):
                continue
            agreed = planned or _dates_agree(kept.date, event.date)
            at_once = contemporary(kept.sources, event.sources, published)
            if agreed or (at_once and _date_in_dispute(kept, event, words[index], event_words)):
                # a dispute over the date needs a closer telling than a shared date does; 'a strike
                # earmarked for 23 March' told by three articles is one event
                match, disputes = kept, at_once
                break
        if match is None:
            for word in event_words:
                holding.setdefault(word, []).append(len(merged))
                for actor in event.actors:
                    by_actor_word.setdefault((actor, word), []).append(len(merged))
            for key in occasions:
                by_occasion.setdefault(key, []).append(len(merged))
            for key in days:
                by_day_actor.setdefault(key, []).append(len(merged))
            merged.append(replace(event, sources=list(event.sources), actors=list(event.actors)))
            words.append(event_words)
            continue
        if _dates_agree(match.date, event.date):
            if event.date and match.date and len(event.date) > len(match.date):
                match.date, match.precision = event.date, event.precision
        else:
            for value in (match.date, event.date):
                if value and value not in match.disputed_dates:
                    match.disputed_dates.append(value)
        for figure in _conflicting_figures(match.event, event.event) if disputes else []:
            if figure not in match.disputed_figures:
                match.disputed_figures.append(figure)
        for outcome in _conflicting_outcomes(match.event, event.event) if disputes else []:
            if outcome not in match.disputed_outcomes:
                match.disputed_outcomes.append(outcome)
        match.sources += [s for s in event.sources if s not in match.sources]
        match.actors += [a for a in event.actors if a not in match.actors]
    for event in merged:
        disagreements += _disagreements(event)
    return merged, disagreements


def _same_day_same_parties(kept: TimelineEvent, event: TimelineEvent, kept_words: set[str], words: set[str]) -> bool:
    """'Chelsea have sacked Adrian Mutu after he failed a drugs test' and 'Mutu was sacked by Chelsea on
    Friday after testing positive': one day, the same two parties or more, one telling in the passive
    with its doer, and what was done in the same words once their endings are set aside ('Chelsea beat
    Arsenal in the league match' and 'Chelsea fans attacked Arsenal fans after the league match' stay two)."""
    if kept.date != event.date or kept.precision != "day" or len(set(kept.actors) & set(event.actors)) < 2:
        return False
    first, second = stems(kept_words - PRONOUNS), stems(words - PRONOUNS)
    shared = first & second
    if len(shared) < SAME_DAY_WORDS or len(shared) / max(1, min(len(first), len(second))) < SAME_EVENT:
        return False
    return _passive_of(kept.event, event.event, shared) or _passive_of(event.event, kept.event, shared)


def _passive_of(passive: str, active: str, shared: set[str]) -> bool:
    """'Mutu was sacked by Chelsea' told actively: the doer opens the other telling ('Chelsea have sacked'),
    and the deed is among the words both share ('Four British diplomats were expelled by Russia' is not
    'Britain expelled four Russian diplomats')."""
    found = PASSIVE_BY.search(passive)
    if found is None:
        return False
    deed, doer = stems({found.group(1).lower()}).pop(), found.group(2).lower()
    return deed in shared and active.lower().startswith(doer)


PASSIVE_BY = re.compile(r"\b(?:was|were|been|is|are)\s+(\w+ed)\s+by\s+(?:the\s+)?(\w+)", re.I)


SAME_DAY_WORDS = 2  # words two tellings of one day's event between the same parties must share
PRONOUNS = {"he", "she", "they", "we", "you", "him", "them", "us"}


def _date_in_dispute(kept: TimelineEvent, event: TimelineEvent, kept_words: set[str], words: set[str]) -> bool:
    """Two tellings on different dates are one event in dispute only when they tell it closely and of the
    same actor first ('Stallone has become the first to be evicted' and 'McCririck has become the
    latest to be evicted' are two evictions)."""
    same_first = bool(kept.actors) and bool(event.actors) and kept.actors[0] == event.actors[0]
    return same_first and same_event(kept_words, words, strict=True)


def _planned_occasions(event: TimelineEvent, words: set[str]) -> set[tuple[str, str]]:
    """A scheduled event named by its kind on its day ('a one-day strike ... 23 March'): two tellings
    of one day's strike are one event, whoever they name."""
    if not event.scheduled or event.precision != "day" or not event.date:
        return set()
    return {(event.date, word) for word in words & lexicon().event_nouns}


def _by_measure(values: list[str]) -> str:
    """'12 people', '15 people', '3 soldiers', '5 soldiers' -> '12 people or 15 people; 3 soldiers or 5 soldiers'."""
    groups: dict[str, list[str]] = {}
    for value in values:
        groups.setdefault(value.rsplit(" ", 1)[-1], []).append(value)
    return "; ".join(" or ".join(group) for group in groups.values())


def _disagreements(event: TimelineEvent) -> list[OpenQuestion]:
    """The questions an event's disputes raise: which date, figure or outcome is right."""
    event.disputed_dates.sort()
    disputes = [
        ("figures", "Which figure is right", _by_measure(event.disputed_figures)),
        ("outcomes", "Which outcome is right", " or ".join(event.disputed_outcomes)),
        ("dates", "Which date is right", " or ".join(event.disputed_dates)),
    ]
    return [
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


YEAR = re.compile(r"1[5-9]\d\d|20\d\d")


FIGURE = re.compile(r"(?<![\w.])((?:[$£€])?\d[\d,]*(?:\.\d+)?(?:\s*(?:%|percent|million|billion|bn|m))?)\s+([a-z]+)")


def _counts(text: str) -> dict[str, str]:
    """Counts by the noun they count; years ('the 1995 World Cup') and clock times ('1700 GMT') are not counts."""
    return {
        noun: value
        for value, noun in FIGURE.findall(text.lower())
        if not YEAR.fullmatch(value) and noun not in CLOCK_WORDS and noun not in MONTHS  # '10 April'
    }


def _recent(values: list[tuple[str, float, Source]], published: dict[str, str | None]) -> list:
    days = [day_of(published.get(source.doc)) for _, _, source in values]
    known = [day for day in days if day is not None]
    if len(known) < len(days):
        return values
    newest = max(known)
    return [v for v, day in zip(values, known, strict=True) if (newest - day).days <= DISPUTE_DAYS]


def _conflicting_figures(first: str, second: str) -> list[str]:
    """'12 people' in one report and '15 people' in another: the same count told two ways (both values)."""
    counts_a, counts_b = _counts(first), _counts(second)
    return [
        f"{count[n]} {n}"
        for n in sorted(counts_a)
        if n in counts_b and counts_a[n] != counts_b[n]
        for count in (counts_a, counts_b)
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


SAME_MEASURE_RATIO = 20  # values of one measure that sources dispute are of one order of magnitude


def figures_that_differ(
    background: list[BackgroundItem], order: dict[str, int], published: dict[str, str | None] | None = None
) -> list[tuple[OpenQuestion, BackgroundItem]]:
    """One measure given different values by different sources (a death toll of 81 in one, 150 in
    another, 100 in a third): Background shows every value with its source, and the difference is an
    open question. Equal amounts however written ('$2.5bn', '$2.5 billion') are no difference, and a
    count that only grows from one article to the next is a running tally, not a disagreement. Only the
    values told within DISPUTE_DAYS of the newest are compared: months apart, they count different things."""
    by_measure: dict[str, list[tuple[str, float, Source]]] = {}
    for item in background:
        for figure in item.figures:
            if figure.measure and figure.amount is not None:
                by_measure.setdefault(figure.measure, []).append((figure.value, figure.amount, item.sources[0]))
    found = []
    for measure, values in sorted(by_measure.items()):
        values = _recent(values, published or {})
        docs = {source.doc for _, _, source in values}
        amounts = {amount for _, amount, _ in values}
        if len(docs) < 2 or len(amounts) < 2:
            continue
        if min(amounts) > 0 and max(amounts) / min(amounts) > SAME_MEASURE_RATIO:
            continue  # '530 pence a share' and '£1.3bn': a price per share and a total, not one measure
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
        sources = list({(s.doc, s.sentence): s for _, s in shown.values()}.values())  # one citation a sentence
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
