"""A document's own date when no metadata gives it: inferred from the dates it mentions."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from ..time.timex import normalise
from ..time.words import NUMBERS, is_calendar, parse_iso
from .common import SCHEDULING, governing_verb, tense_of

# Only a date in a clause that reports something done bounds the article's own date: a target
# ("to increase aid by 2015"), a forecast ("could quadruple by 2050") or a plan may lie years ahead.
HYPOTHETICAL = {"could", "may", "might", "would", "should", "can", "to"}
DEADLINES = {"by", "until", "till", "through"}

BEFORE_EVENT = re.compile(
    r"\b(?:less than|more than|about|nearly|almost|just|some|only)?\s*(\w+)\s+(days?|weeks?|months?)\s+"
    r"(?:before|ahead of|prior to|until)\b",
    re.I,
)


def _end_of(value: str) -> dt.date:
    start = parse_iso(value)
    if len(value) == 4:
        return dt.date(start.year, 12, 31)
    if len(value) == 7:
        next_month = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return next_month - dt.timedelta(days=1)
    return start


def infer_date(doc: Doc) -> tuple[str, str] | None:
    """(ISO date, precision) read from the text, or None when it gives no clue.

    The latest date of something done (else of anything not planned or forecast) bounds the
    document from below; a yearless future date ("On June 14 ... will") is placed after it;
    "N weeks before" that event pins the day.
    """
    done: list[str] = []  # dates of things reported as done
    other: list[str] = []  # dates in present-tense or verbless clauses, used when there is nothing done
    upcoming: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        timex = normalise(ent.text)
        if timex and is_calendar(timex.value):
            kind = _clause_kind(ent.root)
            # no article is written after the day it is read: a later year is a title or a target ("2046")
            if kind != "prospective" and parse_iso(timex.value) <= dt.date.today():
                (done if kind == "done" else other).append(timex.value)
        elif timex and re.fullmatch(r"XXXX-\d\d-\d\d", timex.value) and tense_of(ent.root) == "future":
            upcoming.append((int(timex.value[5:7]), int(timex.value[8:10])))
    if not done and not other:
        return None
    latest = max(done or other, key=_end_of)
    floor = _end_of(latest)
    if upcoming:
        month, day = upcoming[0]
        event = dt.date(floor.year, month, day)
        if event <= floor:
            event = dt.date(floor.year + 1, month, day)
        match = BEFORE_EVENT.search(doc.text)
        if match:
            count = NUMBERS.get(match.group(1).lower()) or (int(match.group(1)) if match.group(1).isdigit() else None)
            if count:
                unit = match.group(2).lower().rstrip("s")
                days = {"day": 1, "week": 7, "month": 30}[unit] * count
                return (event - dt.timedelta(days=days)).isoformat(), "day"
        return str(event.year), "year"
    return latest[:4], "year"


def _clause_kind(token) -> str:
    """done, prospective (a target, forecast, plan or possibility) or other, for a date's clause."""
    verb = governing_verb(token)
    if verb.lower_ in SCHEDULING or any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in verb.children):
        return "prospective"  # "expected in 2006", "could be trimmed"
    tense = tense_of(token)
    if tense == "future":
        return "prospective"
    if _is_deadline(token) and not any(c.lower_ == "had" for c in verb.children):
        return "prospective"  # "a rise of 2% by 2008", "budgets set until 2008"
    # only a date that times the verb itself: "savings from 2008" and "the 2012 Olympic bid" describe things
    times_the_verb = token.head == verb or (token.head.dep_ == "prep" and token.head.head == verb)
    return "done" if tense == "past" and times_the_verb else "other"


def _is_deadline(token) -> bool:
    head = token.head
    if head.dep_ != "prep":
        return False
    return head.lower_ in DEADLINES or (head.lower_ == "to" and head.i > 0 and head.doc[head.i - 1].lower_ == "up")
