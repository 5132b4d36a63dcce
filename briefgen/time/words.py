"""The words of dates (months, weekdays, numbers, units, seasons, parts of the day, clock zones)
and calendar values: ISO dates of any precision, and how they nest."""

from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9


WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}


NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "fifty": 50,
    "hundred": 100,
}


UNITS = {
    "day": "D",
    "week": "W",
    "month": "M",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "hour": "H",
    "minute": "M",
    "second": "S",
    "quarter": "Q",
}


SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


REFERENCES = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "present": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "recently": "PAST_REF",
    "recent": "PAST_REF",
    "the past": "PAST_REF",
    "lately": "PAST_REF",
    "recent years": "PAST_REF",
    "past years": "PAST_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "these days": "PRESENT_REF",
    "recent days": "PAST_REF",
    "soon": "FUTURE_REF",
    "later": "FUTURE_REF",
    "eventually": "FUTURE_REF",
}


SETS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "quarterly": "P3M",
    "hourly": "PT1H",
}


DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}


CLOCK_WORDS: tuple[str, ...] = (
    "gmt",
    "bst",
    "utc",
    "cet",
    "cest",
    "est",
    "edt",
    "cst",
    "cdt",
    "mst",
    "mdt",
    "pst",
    "pdt",
    "akst",
    "hst",
)
CLOCK_WORDS += ("ist", "jst", "aest", "msk", "hrs", "hours", "local")


CALENDAR_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


TEENS = {"thirteen": 13, "fourteen": 14, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}


DECADES = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def is_calendar(value: str | None) -> bool:
    return value is not None and bool(CALENDAR_VALUE.match(value))


def day_of(value: str | None) -> dt.date | None:
    """The day an ISO date names, or None for a month, a year or no date."""
    return dt.date.fromisoformat(value) if value and len(value) == 10 else None


def parse_iso(value: str) -> dt.date:
    """The first day a calendar value covers (2019 -> 2019-01-01)."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def contains(outer: str, inner: str) -> bool:
    """True when calendar value inner lies inside outer (2020 contains 2020-12)."""
    return inner.startswith(outer)


def number(word: str) -> int | None:
    word = word.strip()
    if word.isdigit():
        return int(word)
    parts = re.split(r"[\s-]+", word)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in NUMBERS and NUMBERS[parts[1]] < 10:
        return TENS[parts[0]] + NUMBERS[parts[1]]
    return NUMBERS.get(word) or TENS.get(word) or TEENS.get(word)


def spelled_year(t: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand' -> 2000."""
    if m := re.search(r"\b(nineteen|eighteen|twenty)\s+(" + "|".join(TENS) + r")(?:[\s-](\w+))?\b", t):
        century = {"nineteen": 1900, "eighteen": 1800, "twenty": 2000}[m.group(1)]
        unit = NUMBERS.get(m.group(3) or "", 0) if m.group(3) else 0
        return century + TENS[m.group(2)] + (unit if unit < 10 else 0)
    if re.search(r"\btwo thousand\b", t):
        return 2000
    return None


def add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def clock_time(t: str) -> str | None:
    """'10 p m' -> '22:00', 'noon' -> '12:00', 'midnight' -> '24'; None when no clock time is given."""
    if re.search(r"\bnoon\b", t):
        return "12:00"
    if re.search(r"\bmidnight\b", t):
        return "24"
    if m := re.search(r"\b(\d{1,2})(?::(\d{2}))?\s*(a m|p m|am|pm)\b", t):
        hour = int(m.group(1)) % 12 + (12 if m.group(3).replace(" ", "") == "pm" else 0)
        return f"{hour:02d}:{m.group(2) or '00'}"
    return None
