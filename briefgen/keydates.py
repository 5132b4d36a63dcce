"""Key dates: the days most sources refer to within the story's main span, each told by its most
central sentences."""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .findings import Source, TimelineEvent

if TYPE_CHECKING:
    from .brief import Brief
    from .corrections import Corrections

MAX_SENTENCES = 3
MIN_WORDS = 5
STAMP_WORDS = frozenset(  # the words of a date or a time stamp
    [m.lower() for m in [*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name]] + ["am", "pm", "at"]
)
STORY_WEIGHT = 2  # the power of a sentence's closeness to the whole story, beside its closeness to the day
LEAD = 8  # an article's first sentences report its news...
REPORTED = 8.0  # ...and tell the day it is published better than a later article looking back
LATER = 2.0  # a day still reported by later articles mattered beyond its own news (Tran et al. 2013)
KEPT = 100  # ranked dates kept in brief.yaml; the Timeline page shows the first few
MAX_SOURCES = 12  # referring sentences cited per date
ENDS = 0.6  # a day at the story's start or newest gains up to this share of the most-referred day's score...
ENDS_REACH = 0.075  # ...fading over this share of the sources' time span (tuned on Timeline17, see README)
BURST = 0.25  # a day that drew more articles than the weeks around it gains up to this share...
BURST_REACH = 14  # ...against the days this far on either side (Timeline17: Libya +1 gold day, Syria +1, see README)
MIN_PAD = dt.timedelta(days=31)  # the main span reaches this far before the first source, at least


@dataclass
class KeySentence:
    text: str
    doc: str
    sentence: int


@dataclass
class KeyDate:
    date: str
    sentences: list[KeySentence] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)


def main_span(brief: Brief) -> tuple[str, str] | None:
    """From a little before the first source to the newest: what the sources are about. Dates long
    before it are history; dates after it are plans."""
    days = sorted(d.date for d in brief.documents if d.date and len(d.date) == 10)
    if not days:
        return None
    first, last = dt.date.fromisoformat(days[0]), dt.date.fromisoformat(days[-1])
    pad = min(max(MIN_PAD, (last - first) / 4), first - dt.date.min)  # sources from year 400: no year 0
    return (first - pad).isoformat(), last.isoformat()


def shown(seeds: int, configured: int = 0) -> int:
    """How many key dates the Timeline page opens with: configured, or growing with the sources."""
    return configured if configured > 0 else max(3, min(30, round(2 * math.sqrt(seeds))))


def references(timelines: Iterable[list[TimelineEvent]]) -> list[tuple[str, Source]]:
    """(day, sentence) for every sentence that refers to a day, each document's events resolved against
    that document's own date (before events are merged across documents)."""
    return [(e.date, s) for events in timelines for e in events if e.precision == "day" and e.date for s in e.sources]


def _referring(refs: list[tuple[str, Source]], span: tuple[str, str]) -> dict[str, list[Source]]:
    """Per day in the span, the sentences that refer to it, a text repeated across pages only once."""
    found: dict[str, list[Source]] = defaultdict(list)
    seen: set[tuple[str, str]] = set()
    for day, source in refs:
        key = (day, " ".join(source.text.lower().split()))
        if span[0] <= day <= span[1] and key not in seen:
            seen.add(key)
            found[day].append(source)
    return found


def _score(sources: list[Source], day: str, published: dict[str, str | None]) -> float:
    """Documents that refer to the day: one written after it, looking back, counts LATER; one written
    before it (a plan, a deadline) counts half."""
    by_doc: dict[str, float] = {}
    for s in sources:
        when = published.get(s.doc) or day
        weight = LATER if when > day else 0.5 if when < day else 1.0
        by_doc[s.doc] = max(by_doc.get(s.doc, 0.0), weight)
    return sum(by_doc.values())


def _clause(text: str) -> bool:
    """Not a fragment such as a time stamp ("March 19, 2011 at 12:28 pm") or "Report abuse": enough
    words of letters besides those of a date or a time. Long sentences stay, they tell more."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    return sum(w not in STAMP_WORDS for w in words) >= MIN_WORDS


def _weight(source: Source) -> float:
    """Sentences of ordinary length tell a date best; a headline glued to a lead, or a fragment, less."""
    words = len(source.text.split())
    return 1.0 if 12 <= words <= 40 else 0.5


def _reports(brief: Brief) -> dict[str, list[Source]]:
    """Per day, the first sentences of the articles published that day or the next: what they report as
    news (the next day's articles report the evening before, as in Ghalandari & Ifrim's date-wise TLS)."""
    found: dict[str, list[Source]] = defaultdict(list)
    for document in brief.documents:
        if document.date and len(document.date) == 10:
            lead = [Source(document.id, n, t) for n, t in enumerate(document.sentences[:LEAD], 1)]
            found[document.date] += lead
            published = dt.date.fromisoformat(document.date)
            if published > dt.date.min:
                found[(published - dt.timedelta(days=1)).isoformat()] += lead
    return found


def _ranked(brief: Brief, referring: dict[str, list[Source]]) -> list[str]:
    """The newest day first (the latest development), then days by the sources referring to them, the
    story's first and latest days and the days that drew a burst of news raised."""
    published = {d.id: d.date for d in brief.documents}
    scores = {day: _score(sources, day, published) for day, sources in referring.items()}
    best = max(scores.values(), default=0.0) or 1.0
    bursts = _bursts(brief, referring)
    most = max(bursts.values(), default=0.0) or 1.0
    ends = _ends(brief)
    scores = {day: score / best + BURST * bursts[day] / most + ends(day) for day, score in scores.items()}
    ranked = sorted(referring, key=lambda day: (-scores[day], day))
    if brief.as_of and len(brief.as_of) == 10:
        ranked = [brief.as_of] + [day for day in ranked if day != brief.as_of]
    return ranked[:KEPT]


def _bursts(brief: Brief, days: Iterable[str]) -> dict[str, float]:
    """Per day, the articles published that day and the next (news of a day comes out right after it)
    over their average in the weeks around: an event stands out against a quiet month as much as against
    a busy one, though a quiet month's days are referred to less."""
    published = Counter(dt.date.fromisoformat(d.date) for d in brief.documents if d.date and len(d.date) == 10)

    def articles(first: dt.date, days: int) -> int:
        return sum(published.get(first + dt.timedelta(days=n), 0) for n in range(days) if _addable(first, n))

    def burst(day: str) -> float:
        when = dt.date.fromisoformat(day)
        start = when - dt.timedelta(days=min(BURST_REACH, (when - dt.date.min).days))
        around = 2 * articles(start, 2 * BURST_REACH + 1) / (2 * BURST_REACH + 1)
        return articles(when, 2) / (around + 1.0)

    return {day: burst(day) for day in days}


def _addable(day: dt.date, days: int) -> bool:
    return (dt.date.max - day).days >= days


def _ends(brief: Brief) -> Callable[[str], float]:
    """How close a day is to the story's start or to its newest day, 0 to ENDS: a briefing's key dates
    tell how the story began and where it stands, even when fewer sources refer to those days."""
    days = sorted(d.date for d in brief.documents if d.date and len(d.date) == 10)
    if not days:
        return lambda day: 0.0
    first, last = dt.date.fromisoformat(days[0]), dt.date.fromisoformat(days[-1])
    reach = max(1.0, ENDS_REACH * (last - first).days)

    def bonus(day: str) -> float:
        when = dt.date.fromisoformat(day)
        near = min(abs((when - first).days), abs((last - when).days))
        return ENDS * math.exp(-near / reach)

    return bonus


def key_dates(brief: Brief, refs: list[tuple[str, Source]], fixes: Corrections | None = None) -> list[KeyDate]:
    """The newest day, then days ranked by how many sources refer to them; 1-3 central sentences each,
    from the sentences referring to the day and the first sentences of the articles of that day and the
    next. fixes: what overrides.yaml changed in the timeline (hidden, redated, edited, added events)."""
    from . import centrality  # SciPy is imported only when key dates are made

    span = main_span(brief)
    if span is None:
        return []
    referring = _referring(fixes.references(refs) if fixes else refs, span)
    reports = _reports(brief)
    if fixes:
        reports = {day: [t for t in map(fixes.source, told) if t] for day, told in reports.items()}
    ranked = _ranked(brief, referring)
    days_of = _days_referred(fixes.references(refs) if fixes else refs)
    published = {d.id: d.date or "" for d in brief.documents}
    pools = [
        [
            s
            for s in _unique(referring.get(day, []) + reports.get(day, []))
            if _clause(s.text) and _of_day(s, day, days_of, published)
        ]
        for day in ranked
    ]
    ranked, pools = [d for d, p in zip(ranked, pools, strict=True) if p], [p for p in pools if p]
    texts = [s.text for pool in pools for s in pool]
    matrix = centrality.vectors(texts) if texts else None
    story = centrality.centrality(matrix) ** STORY_WEIGHT if matrix is not None else None
    picks, start = [], 0
    for day, pool in zip(ranked, pools, strict=True):
        rows = slice(start, start + len(pool))
        start += len(pool)
        if matrix is None or story is None:
            weights = [1.0] * len(pool)
            picked = list(range(min(MAX_SENTENCES, len(pool))))
        else:
            reported = {(s.doc, s.sentence) for s in reports.get(day, [])}
            weights = [
                _weight(s) * story[rows.start + i] * (REPORTED if (s.doc, s.sentence) in reported else 1.0)
                for i, s in enumerate(pool)
            ]
            picked = centrality.pick(matrix[rows], MAX_SENTENCES, weights)
        picks.append(_Pick(day, pool, rows, weights, picked))
    _one_day_per_telling(picks, matrix, days_of)
    return [
        KeyDate(
            date=p.day,
            sentences=[KeySentence(p.pool[i].text, p.pool[i].doc, p.pool[i].sentence) for i in p.picked],
            sources=_one_per_document(referring.get(p.day) or p.pool)[:MAX_SOURCES],
        )
        for p in picks
        if p.picked
    ]


@dataclass
class _Pick:
    day: str
    pool: list[Source]
    rows: slice
    weights: list[float]
    picked: list[int]

    def told(self) -> frozenset[str]:
        return frozenset(self.pool[i].text for i in self.picked)

    def names_its_day(self, days_of: dict[tuple[str, int], set[str]]) -> bool:
        return all(self.day in days_of.get((self.pool[i].doc, self.pool[i].sentence), ()) for i in self.picked)

    def without(self, texts: frozenset[str], matrix) -> None:
        """Pick again, leaving out sentences that tell another day."""
        self.weights = [0.0 if s.text in texts else w for s, w in zip(self.pool, self.weights, strict=True)]
        if matrix is None:
            self.picked = [i for i, w in enumerate(self.weights) if w > 0][:MAX_SENTENCES]
            return
        from . import centrality

        again = centrality.pick(matrix[self.rows], MAX_SENTENCES, self.weights)
        self.picked = [i for i in again if self.weights[i] > 0]


def _one_day_per_telling(picks: list[_Pick], matrix, days_of: dict[tuple[str, int], set[str]]) -> None:
    """Two days are never told by the same sentences: they stay with the day they name ('the board met
    on 10 March', the lead of the newest article, tells 10 March, not the newest day), else with the
    higher-ranked day, and the other day is told by other sentences of its pool, or left out."""
    owner: dict[frozenset[str], _Pick] = {}
    waiting = list(picks)
    while waiting:
        pick = waiting.pop(0)
        told = pick.told()
        if not told:
            continue
        holder = owner.get(told)
        if holder is None or holder is pick or holder.told() != told:  # free, or given up by its holder
            owner[told] = pick
            continue
        if pick.names_its_day(days_of) and not holder.names_its_day(days_of):
            owner[told] = pick
            holder.without(told, matrix)
            waiting.insert(0, holder)
        else:
            pick.without(told, matrix)
            waiting.insert(0, pick)


def _days_referred(refs: list[tuple[str, Source]]) -> dict[tuple[str, int], set[str]]:
    """Per sentence, the days its own time expressions resolve to."""
    found: dict[tuple[str, int], set[str]] = defaultdict(set)
    for day, source in refs:
        found[(source.doc, source.sentence)].add(day)
    return found


def _of_day(source: Source, day: str, days_of: dict[tuple[str, int], set[str]], published: dict[str, str]) -> bool:
    """A sentence that names the day, or names none, may tell it, and so may the lead of an article of
    that day; the lead of the next day's article that names another day tells that day, not this one
    ('Qwest said on Wednesday that ...', Friday's lead, does not tell Thursday). (Leaving out every
    sentence that also names another day lost Libya a gold day of Timeline17 and a tenth of its ROUGE.)"""
    named = days_of.get((source.doc, source.sentence))
    return not named or day in named or published.get(source.doc, "") <= day


def _unique(sources: list[Source]) -> list[Source]:
    return list({s.text: s for s in reversed(sources)}.values())[::-1]


def _one_per_document(sources: list[Source]) -> list[Source]:
    return list({s.doc: s for s in reversed(sources)}.values())[::-1]
