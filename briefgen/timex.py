"""Temporal expressions to ISO / TimeML values, resolved against a document's date."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "fifty": 50, "hundred": 100,
}
UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE",
         "hour": "H", "minute": "M", "second": "S", "quarter": "Q"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
REFERENCES = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "present": "PRESENT_REF",
    "the present": "PRESENT_REF", "at present": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF", "previously": "PAST_REF",
    "formerly": "PAST_REF", "once": "PAST_REF", "earlier": "PAST_REF", "lately": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "future": "FUTURE_REF",
    "soon": "FUTURE_REF", "later": "FUTURE_REF", "eventually": "FUTURE_REF",
}
SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
        "quarterly": "P3M", "hourly": "PT1H"}
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}

_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(\d{4})"
_NUMBER = r"(\d+|" + "|".join(NUMBERS) + r"|several|a few|few|some|many)"
_UNIT = r"(days?|weeks?|months?|years?|decades?|centur(?:y|ies)|hours?|minutes?|seconds?|quarters?)"

CALENDAR_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Timex:
    value: str
    type: str = "DATE"  # DATE | TIME | DURATION | SET

    @property
    def precision(self) -> str | None:
        """day / month / year for calendar dates; None for anything else."""
        if not CALENDAR_VALUE.match(self.value):
            return None
        return {4: "year", 7: "month", 10: "day"}[len(self.value)]


def _clean(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u00a0", " ")
    text = re.sub(r"[^\w\s'/-]", " ", text.replace(".", " "))
    text = re.sub(r"\b(on|in|at|by|during|since|until|till|from|of|for|around|about|as)\b", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _pick_year(month: int, day: int | None, anchor: dt.date, direction: str | None) -> int:
    """The year that puts a yearless month (and day) on the right side of the anchor."""
    probe_day = day or 1
    candidate = dt.date(anchor.year, month, min(probe_day, calendar.monthrange(anchor.year, month)[1]))
    if direction == "future" and (candidate < anchor if day else month < anchor.month):
        return anchor.year + 1
    if direction == "past" and (candidate > anchor if day else month > anchor.month):
        return anchor.year - 1
    if direction is None and (candidate - anchor).days > 183:
        return anchor.year - 1
    if direction is None and (anchor - candidate).days > 183:
        return anchor.year + 1
    return anchor.year


def normalise(text: str, anchor: dt.date | None = None, direction: str | None = None) -> Timex | None:
    """The value of one temporal expression, or None when it has none we can state.

    direction is the tense around the expression: "past", "future" or None.
    """
    t = _clean(text)
    if not t:
        return None
    t = re.sub(r"^(the|this|that|these|those)\s+(?=\d)", "", t)
    for rule in _RULES:
        result = rule(t, anchor, direction)
        if result is not None:
            return result
    return None


def _absolute(t, anchor, direction):
    if m := re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", t):
        return Timex("-".join(m.groups()))
    if m := re.search(_MONTH + r"\s+" + _DAY + r"\s+" + _YEAR + r"\b", t):
        return _ymd(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2)))
    if m := re.search(r"\b" + _DAY + r"\s+" + _MONTH + r"\s+" + _YEAR + r"\b", t):
        return _ymd(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)))
    if m := re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{2,4})\b", t):
        year = int(m.group(3)) + (1900 if len(m.group(3)) == 2 else 0)
        return _ymd(year, int(m.group(1)), int(m.group(2)))
    if m := re.search(_MONTH + r"\s+" + _YEAR + r"\b", t):
        return Timex(f"{m.group(2)}-{MONTHS[m.group(1)]:02d}")
    return None


def _ymd(year: int, month: int, day: int) -> Timex | None:
    try:
        return Timex(dt.date(year, month, day).isoformat())
    except ValueError:
        return None


def _month_day(t, anchor, direction):
    m = re.search(r"^(?:\w+\s+)?" + _MONTH + r"\s+" + _DAY + r"$", t) or re.search(
        r"^(?:\w+\s+)?" + _DAY + r"\s+" + _MONTH + r"$", t
    )
    if not m:
        return None
    month_word, day = (m.group(1), m.group(2)) if not m.group(1).isdigit() else (m.group(2), m.group(1))
    month, day_number = MONTHS[month_word], int(day)
    if anchor is None:
        return Timex(f"XXXX-{month:02d}-{day_number:02d}")
    return _ymd(_pick_year(month, day_number, anchor, direction), month, day_number)


def _season_quarter(t, anchor, direction):
    if m := re.search(r"\b(spring|summer|autumn|fall|winter)\s+(\d{4})\b", t):
        return Timex(f"{m.group(2)}-{SEASONS[m.group(1)]}")
    if m := re.search(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+(\d{4}))?", t):
        year = m.group(2) or (str(anchor.year) if anchor else "XXXX")
        return Timex(f"{year}-Q{ORDINALS[m.group(1)]}")
    if m := re.search(r"\b(?:(first|second)\s+half|(h[12]))\s*(\d{4})?", t):
        half = 1 if (m.group(1) == "first" or m.group(2) == "h1") else 2
        year = m.group(3) or (str(anchor.year) if anchor else "XXXX")
        return Timex(f"{year}-H{half}")
    return None


def _year(t, anchor, direction):
    if m := re.search(r"\b(\d{3})0s\b", t):
        return Timex(m.group(1))
    if m := re.search(r"\b(?:fiscal|fy|mid|early|late|end|beginning|start|the)?[\s-]*(1[5-9]\d\d|20\d\d)\b", t):
        if not re.search(r"\b(\d{4})\s*(?:-|to|and)\s*(\d{4})\b", t):
            return Timex(m.group(1))
    return None


def _relative_day(t, anchor, direction):
    if anchor is None:
        return None
    words = t.split()
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    for word, offset in offsets.items():
        if word in words:
            day = anchor + dt.timedelta(days=offset)
            part = next((DAY_PARTS[w] for w in words if w in DAY_PARTS), None)
            if word == "tonight":
                return Timex(f"{day.isoformat()}TNI", "TIME")
            return Timex(f"{day.isoformat()}T{part}", "TIME") if part else Timex(day.isoformat())
    if m := re.search(r"\bthis\s+(morning|afternoon|evening)\b", t):
        return Timex(f"{anchor.isoformat()}T{DAY_PARTS[m.group(1)]}", "TIME")
    for name, weekday in WEEKDAYS.items():
        if name in words:
            if "last" in words or "past" in words or "previous" in words:
                sign = "past-strict"
            elif "next" in words or "coming" in words:
                sign = "future-strict"
            else:
                sign = "future" if direction == "future" else "past"
            delta = (weekday - anchor.weekday()) % 7
            if sign.startswith("future"):
                day = anchor + dt.timedelta(days=delta or (7 if sign == "future-strict" else 0))
            else:
                back = (anchor.weekday() - weekday) % 7
                day = anchor - dt.timedelta(days=back or (7 if sign == "past-strict" else 0))
            part = next((DAY_PARTS[w] for w in words if w in DAY_PARTS), None)
            return Timex(f"{day.isoformat()}T{part}", "TIME") if part else Timex(day.isoformat())
    return None


def _relative_unit(t, anchor, direction):
    if anchor is None:
        return None
    m = re.search(r"\b(last|past|previous|this|current|next|coming|following|same)\s+(year|month|week|quarter)\b", t)
    if m and not re.search(r"\b(\d+|" + "|".join(NUMBERS) + r"|few|several)\s+(years|months|weeks)\b", t):
        shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(m.group(1), 0)
        return _shifted(anchor, m.group(2), shift)
    if m := re.search(r"\b(earlier|later)\s+(?:this|that)\s+(year|month|week)\b", t):
        return _shifted(anchor, m.group(2), 0)
    if m := re.search(r"\b(?:this|the)\s+(spring|summer|autumn|fall|winter)\b", t):
        return Timex(f"{anchor.year}-{SEASONS[m.group(1)]}")
    if m := re.search(_NUMBER + r"\s+" + _UNIT + r"\s+(ago|earlier|before|later|from now|hence)\b", t):
        count = _number(m.group(1))
        unit = m.group(2).rstrip("s").replace("centurie", "century")
        if count is None:
            return Timex("PAST_REF" if m.group(3) in ("ago", "earlier", "before") else "FUTURE_REF")
        sign = -1 if m.group(3) in ("ago", "earlier", "before") else 1
        if unit in ("year", "month", "week", "day"):
            return _shifted(anchor, unit, sign * count)
    return None


def _shifted(anchor: dt.date, unit: str, shift: int) -> Timex:
    if unit == "year":
        return Timex(str(anchor.year + shift))
    if unit == "month":
        day = _add_months(anchor, shift)
        return Timex(f"{day.year}-{day.month:02d}")
    if unit == "week":
        return Timex(_iso_week(anchor + dt.timedelta(weeks=shift)))
    if unit == "day":
        return Timex((anchor + dt.timedelta(days=shift)).isoformat())
    quarter = (anchor.month - 1) // 3 + shift
    year, quarter = anchor.year + quarter // 4, quarter % 4
    return Timex(f"{year}-Q{quarter + 1}")


def _month_only(t, anchor, direction):
    m = re.search(r"^(?:(?:early|mid|late|the end|end|the beginning|beginning|start)\s+)?" + _MONTH + r"$", t)
    if not m:
        return None
    month = MONTHS[m.group(1)]
    if anchor is None:
        return Timex(f"XXXX-{month:02d}")
    return Timex(f"{_pick_year(month, None, anchor, direction)}-{month:02d}")


def _duration(t, anchor, direction):
    if m := re.search(_NUMBER + r"[\s-]+" + _UNIT + r"\b", t):
        count = _number(m.group(1))
        unit = m.group(2).rstrip("s").replace("centurie", "century")
        code = UNITS[unit]
        amount = "X" if count is None else str(count)
        if unit == "quarter":
            return Timex(f"P{amount}Q", "DURATION")
        if unit in ("hour", "minute", "second"):
            return Timex(f"PT{amount}{code}", "DURATION")
        return Timex(f"P{amount}{code}", "DURATION")
    if m := re.search(r"\b(?:a|the|one)?\s*(day|week|month|year|decade)s?\s*long\b|\bovernight\b", t):
        return Timex(f"P1{UNITS[m.group(1)]}" if m.group(1) else "P1D", "DURATION")
    if m := re.search(r"^(?:the\s+)?(?:past|last|next|coming)?\s*(days|weeks|months|years|decades)$", t):
        return Timex(f"PX{UNITS[m.group(1).rstrip('s')]}", "DURATION")
    return None


def _reference(t, anchor, direction):
    if t in REFERENCES:
        return Timex(REFERENCES[t])
    stripped = re.sub(r"^(the|a)\s+", "", t)
    for phrase, value in REFERENCES.items():
        if stripped == phrase or t == phrase:
            return Timex(value)
    if m := re.search(r"\b(every|each)\s+(day|week|month|year)\b", t):
        return Timex(f"P1{UNITS[m.group(2)]}", "SET")
    if t in SETS:
        return Timex(SETS[t], "SET")
    return None


_RULES = (
    _absolute, _season_quarter, _relative_day, _relative_unit, _month_day,
    _year, _month_only, _duration, _reference,
)


def is_calendar(value: str | None) -> bool:
    return bool(value) and bool(CALENDAR_VALUE.match(value))


def parse_iso(value: str) -> dt.date:
    """The first day a calendar value covers (2019 -> 2019-01-01)."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def contains(outer: str, inner: str) -> bool:
    """True when calendar value inner lies inside outer (2020 contains 2020-12)."""
    return inner.startswith(outer)
