"""A document's own date when no metadata gives it: inferred from the dates it mentions."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from ..timex import NUMBERS, is_calendar, normalise, parse_iso
from .common import governing_verb, tense_of

# A date in a clause with one of these is a forecast or a possibility ("could quadruple by 2050"),
# not something that has happened, so it says nothing about when the article was written.
HYPOTHETICAL = {"could", "may", "might", "would", "should", "can"}

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

    The latest dated event bounds the document from below (forecasts and possibilities do not
    count); a yearless future date
    ("On June 14 ... will") is placed after it; "N weeks before" that event pins the day.
    """
    latest: str | None = None
    upcoming: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        timex = normalise(ent.text)
        if timex and is_calendar(timex.value):
            if _is_prospective(ent.root):
                continue
            if latest is None or _end_of(timex.value) > _end_of(latest):
                latest = timex.value
        elif timex and re.fullmatch(r"XXXX-\d\d-\d\d", timex.value) and tense_of(ent.root) == "future":
            upcoming.append((int(timex.value[5:7]), int(timex.value[8:10])))
    if latest is None:
        return None
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


def _is_prospective(token) -> bool:
    verb = governing_verb(token)
    modal = any(child.dep_ == "aux" and child.lower_ in HYPOTHETICAL for child in verb.children)
    return modal or tense_of(token) == "future"
