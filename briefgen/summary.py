"""Where things stand: a few sentences central across the sources and recent, the newest development
always among them, each with its source."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .findings import Source
from .time.words import day_of

if TYPE_CHECKING:
    from .brief import Brief

FINISHED = re.compile(r"[.!]['\"\u2019\u201d)]*\s*$")  # a full stop or an exclamation mark, maybe inside a quotation
OPENING_QUOTES = "\"'\u201c\u2018"  # a sentence opens with a capital, a figure or a quotation mark
LABELLED = re.compile(r"^(?:\S+ ){0,5}?\S+:\s")  # a colon after at most six words
LEAD = 3  # a news article's first sentences carry its main development
MIN_WORDS, MAX_WORDS = 8, 40  # shorter is a fragment (a time stamp, a caption); longer, a headline glued on


def quotable(text: str) -> bool:
    """A sentence that reads on its own in a summary: a clause, not a run-on page header, not a question,
    not half a quotation ('... for her absence," said AK chief Isaiah Kiplagat.'), not a caption (which
    ends without a full stop), not the end of a sentence cut in two or a live page's stamp (which do not
    open with a capital), not a label run into the story or a quotation introduced by a colon
    ('Kofi Annan: "We discussed ..." UN envoy Kofi Annan has said ...', 'He said: "...'), which the
    pages quote in full."""
    words = len(text.split())
    return (
        MIN_WORDS <= words <= MAX_WORDS
        and FINISHED.search(text) is not None
        and LABELLED.match(text) is None
        and (text[:1].isupper() or text[:1].isdigit() or text[:1] in OPENING_QUOTES)
        and "http" not in text
        and text.count('"') % 2 == 0
        and text.count("\u201c") == text.count("\u201d")
    )


# Openings that lean on the sentence before ('However, ...', 'He also said ...', 'Paris-based Euronext
# has also said'): such a sentence is a summary's last choice.
LEANING = re.compile(
    r"^(?:however|but|and|also|meanwhile|instead|still|yet|he|she|it|they|this|that|these|those)\b", re.I
)
LEANING_WEIGHT = 0.3


def _reads_alone(text: str) -> float:
    return LEANING_WEIGHT if LEANING.match(text.strip(' "\u201c')) or " also " in f" {text.lower()} " else 1.0


@dataclass
class SummaryItem:
    text: str
    sources: list[Source] = field(default_factory=list)


def length(documents: int) -> int:
    """4 sentences for one source, up to 7 for many."""
    return max(4, min(7, 3 + round(math.log2(documents + 1))))


def _recency(brief: Brief) -> dict[str, float]:
    """Per document, a weight that halves every quarter of the sources' span (at least every week)."""
    days = {d.id: day_of(d.date) for d in brief.documents}
    known = [d for d in days.values() if d]
    if not known:
        return dict.fromkeys(days, 1.0)
    newest, oldest = max(known), min(known)
    half_life = max(7.0, (newest - oldest).days / 4)
    return {doc: 0.5 ** ((newest - day).days / half_life) if day else 0.5 for doc, day in days.items()}


def _position(sentence: int) -> float:
    return 1.0 if sentence <= LEAD else 0.4


# The rows _picked chose, by all it reads: a long-running process (`mkdocs serve`, `build --watch`) picks
# again only for the actors a new source speaks of, or when the sources' span, and with it the weights,
# changed. Oldest first; a few builds' worth.
_PICKED: dict[tuple, list[int]] = {}
_MAX_PICKED = 4 * 32


def _chosen(candidates: list[Source], weights: list[float], count: int, first_of: list[int]) -> list[Source]:
    """MMR over the candidates; the most central of first_of (indices) comes first, whatever its weight."""
    texts = tuple(s.text for s in candidates)
    key = (texts, tuple(weights), count, tuple(first_of))
    picked = _PICKED.pop(key, None)
    if picked is None:
        picked = _picked(list(texts), weights, count, first_of)
        if len(_PICKED) >= _MAX_PICKED:
            del _PICKED[next(iter(_PICKED))]
    _PICKED[key] = picked  # the newest last
    return [candidates[i] for i in picked]


def _picked(texts: list[str], weights: list[float], count: int, first_of: list[int]) -> list[int]:
    from . import centrality  # SciPy is imported only when a summary is made

    matrix = centrality.vectors(texts)
    if matrix is None:
        picked = first_of[:1] + [i for i in range(len(texts)) if i not in first_of[:1]]
        return picked[:count]
    central = centrality.centrality(matrix)
    first = max(first_of, key=lambda i: central[i]) if first_of else None
    return centrality.pick(matrix, count, weights, first)


def _in_reading_order(brief: Brief, sources: list[Source]) -> list[SummaryItem]:
    order = {d.id: i for i, d in enumerate(brief.documents)}
    ordered = sorted(sources, key=lambda s: (order.get(s.doc, 0), s.sentence))
    return [SummaryItem(s.text, [s]) for s in ordered]


def summarize(brief: Brief) -> list[SummaryItem]:
    """4-7 sentences by centrality, recency and position, MMR against repeats; the newest development
    (the most central lead sentence of the newest sources) always in."""
    recency = _recency(brief)
    candidates = [
        Source(d.id, number, text)
        for d in brief.documents
        for number, text in enumerate(d.sentences, 1)
        if quotable(text)
    ]
    if not candidates:
        return []
    weights = [recency[s.doc] * _position(s.sentence) * _reads_alone(s.text) for s in candidates]
    newest = _newest_leads(brief, candidates)
    return _in_reading_order(brief, _chosen(candidates, weights, length(len(brief.documents)), newest))


def _newest_leads(brief: Brief, candidates: list[Source]) -> list[int]:
    """The newest sources' lead sentences (any of their sentences if none leads): one of them tells
    the newest development."""
    newest = {d.id for d in brief.documents if d.date and d.date == brief.as_of} or {brief.documents[-1].id}
    own = [i for i, s in enumerate(candidates) if s.doc in newest]
    return [i for i in own if candidates[i].sentence <= LEAD] or own


def about_actor(brief: Brief, actor_id: str, count: int = 3) -> list[SummaryItem]:
    """1-3 central, recent sentences about one actor: from its positions, its events and its mentions."""
    actor = brief.actor(actor_id)
    if actor is None:
        return []
    pools = [p.sources for p in brief.positions if p.actor == actor_id]
    pools += [e.sources for e in brief.timeline if actor_id in e.actors]
    pools.append(actor.sources)
    seen: set[tuple[str, int]] = set()
    candidates = []
    for source in (s for pool in pools for s in pool):
        if quotable(source.text) and (source.doc, source.sentence) not in seen:
            seen.add((source.doc, source.sentence))
            candidates.append(source)
    if not candidates:
        return []
    recency = _recency(brief)
    return _in_reading_order(brief, _chosen(candidates, [recency.get(s.doc, 0.5) for s in candidates], count, []))
