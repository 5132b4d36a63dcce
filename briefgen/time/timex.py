"""Temporal expressions to ISO / TimeML values, resolved against a document's date."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .words import (
    CALENDAR_VALUE,
    CLOCK_WORDS,
    DAY_PARTS,
    DECADES,
    MONTHS,
    NUMBERS,
    ORDINALS,
    REFERENCES,
    SEASONS,
    SETS,
    UNITS,
    WEEKDAYS,
    add_months,
    clock_time,
    iso_week,
    number,
    spelled_year,
)

_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"


_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"


_YEAR = r"(\d{4})"


_NUMBER = (
    r"(\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b|"
    + "|".join(NUMBERS)
    + r"|several|a few|few|some|many|a couple of|couple of|thirteen|fourteen|sixteen|seventeen|eighteen|nineteen|forty|sixty|seventy|eighty|ninety)"
)


_UNIT = r"(days?|weeks?|months?|years?|decades?|centur(?:y|ies)|hours?|minutes?|seconds?|quarters?)"

# Words after a four-digit number that make it a time on the 24-hour clock ("1830 GMT").


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


SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}  # the month a season is counted from


def _clean(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u00a0", " ")
    text = re.sub(r"[^\w\s'/-]", " ", text.replace(".", " "))
    text = re.sub(r"\b(mid|early|late)-(?=[a-z])", r"\1 ", text)
    text = re.sub(r"\b(on|in|at|by|during|since|until|till|from|of|for|around|about|as)\b", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _pick_year(month: int, day: int | None, anchor: dt.date, direction: str | None) -> int:
    """The year that puts a yearless month (and day) on the right side of the anchor."""
    probe_day = day or 1
    candidate = dt.date(anchor.year, month, min(probe_day, calendar.monthrange(anchor.year, month)[1]))
    # Tense moves a date to the year before or after only when it is well on the wrong side:
    # a date a few weeks off usually belongs to reported speech about the near future or past.
    gap = (candidate - anchor).days if day else (month - anchor.month) * 30
    if direction == "done":  # said of a simple past or a perfect: 'exited bankruptcy in April', told in February
        if day is None and month > anchor.month:
            return anchor.year - 1  # a month that has not begun holds nothing done
        direction = "past"
    if direction == "future" and gap < -31:
        return anchor.year + 1
    if direction == "past" and gap > 62:
        return anchor.year - 1
    if direction is None and (candidate - anchor).days > 183:
        return anchor.year - 1
    if direction is None and (anchor - candidate).days > 183:
        return anchor.year + 1
    return anchor.year


def normalise(text: str, anchor: dt.date | None = None, direction: str | None = None) -> Timex | None:
    """The value of one temporal expression, or None when it has none we can state.

    direction is the tense around the expression: "past", "future" or None, or "done" for a
    date said of a verb in the simple past or a perfect (so not of a noun or a deadline).
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
    # '22 June' (never '2 June' of '22 June 2'): a word before a month is no number
    m = re.search(r"^(?:[^\W\d]\w*\s+)?" + _MONTH + r"\s+" + _DAY + r"$", t) or re.search(
        r"^(?:[^\W\d]\w*\s+)?" + _DAY + r"\s+" + _MONTH + r"$", t
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
    if m := re.search(r"\b(?:(\d{4})\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+(\d{4}))?", t):
        quarter = ORDINALS[m.group(2)]
        year = m.group(1) or m.group(3)
        named = re.search(r"\b(next|last|this)\s+year'?s?\b", t)
        if not year and named and anchor is not None:  # "next year's first quarter"
            year = str(anchor.year + {"next": 1, "last": -1, "this": 0}[named.group(1)])
        if not year:
            year = "XXXX" if anchor is None else str(anchor.year - (quarter > _quarter_of(anchor)))
        return Timex(f"{year}-Q{quarter}")
    if anchor is not None and re.search(r"^(?:the\s+)?(?:latest\s+|most recent\s+|same\s+)?(quarter|period)$", t):
        return _previous_quarter(anchor, 0)
    if anchor is not None and (m := re.search(r"^(?:the\s+)?(\d{4})\s+(?:quarter|period)$", t)):
        return Timex(f"{m.group(1)}{_previous_quarter(anchor, 0).value[4:]}")
    if (
        anchor is not None
        and re.search(r"\b(year-earlier|year-ago|year earlier|year ago)\b", t)
        and not re.search(r"\b(a|one)\s+year\b", t)
    ):
        return _previous_quarter(anchor, 1)
    if m := re.search(r"\b(?:(first|second)\s+half|(h[12]))\s*(\d{4})?", t):
        half = 1 if (m.group(1) == "first" or m.group(2) == "h1") else 2
        year = m.group(3) or (str(anchor.year) if anchor else "XXXX")
        return Timex(f"{year}-H{half}")
    return None


def _quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def _previous_quarter(anchor: dt.date, years_back: int) -> Timex:
    """The latest completed quarter before the anchor (financial reports speak of it)."""
    quarter, year = _quarter_of(anchor) - 1, anchor.year
    if quarter == 0:
        quarter, year = 4, year - 1
    return Timex(f"{year - years_back}-Q{quarter}")


def _year(t, anchor, direction):
    if m := re.search(r"\b(\d{3})0s\b", t):
        return Timex(m.group(1))
    if m := re.search(r"\b(?:the\s+)?(" + "|".join(DECADES) + r")\b", t):
        return Timex(f"19{DECADES[m.group(1)]}")
    if (year := spelled_year(t)) is not None:
        season = next((SEASONS[w] for w in t.split() if w in SEASONS), None)
        month = next((MONTHS[w] for w in t.split() if w in MONTHS and len(w) > 3), None)
        if month:
            return Timex(f"{year}-{month:02d}")
        return Timex(f"{year}-{season}" if season else str(year))
    if anchor is not None and re.search(r"\byear[\s'-]*s?[\s-]*end\b", t):
        return Timex(f"{anchor.year}-12-31")
    if anchor is not None and re.search(r"^(?:the\s+)?(?:full|calendar|current|current fiscal|end the)\s+year$", t):
        return Timex(str(anchor.year))
    if re.search(r"^the\s+(?:fiscal\s+|latest\s+)?year$", t):
        return Timex("P1Y", "DURATION")
    if m := re.search(r"\b(?:fiscal|fy|mid|early|late|end|beginning|start|the)?[\s-]*(1[5-9]\d\d|20\d\d)\b", t):
        if re.search(r"\b\d{4}\s*(?:" + "|".join(CLOCK_WORDS) + r")\b", t):
            return None  # "1830 GMT" is half past six in the evening, not a year
        if not re.search(r"\b(\d{4})\s*(?:-|to|and)\s*(\d{4})\b", t):
            return Timex(m.group(1))
    return None


def _relative_day(t, anchor, direction):
    result = _day_of(t, anchor, direction)
    clock = clock_time(t)
    if result is not None and clock and result.type == "DATE":
        return Timex(f"{result.value}T{clock}", "TIME")
    return result


def _day_of(t, anchor, direction):
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
    if m := re.search(r"\bend\s+(?:of\s+)?the\s+(year|month|week)\b", t):
        return _shifted(anchor, m.group(1), 0)  # 'by the end of the month': the month it is said in
    if m := re.search(r"\b(this|the|this past)\s+(spring|summer|autumn|fall|winter)\b", t):
        season = SEASONS[m.group(2)]
        month = SEASON_MONTH[season]
        year = anchor.year
        if m.group(1) == "the" and direction == "future" and month < anchor.month:
            year += 1  # 'will bid in the summer', said in November: next summer
        elif m.group(1) == "the" and direction in ("past", "done") and month > anchor.month:
            year -= 1  # 'turned down a move in the summer', said in February: last summer
        return Timex(f"{year}-{season}")
    if m := re.search(r"\blast\s+(spring|summer|autumn|fall|winter)\b", t):
        month = SEASON_MONTH[SEASONS[m.group(1)]]
        return Timex(f"{anchor.year - (month >= anchor.month)}-{SEASONS[m.group(1)]}")
    if re.search(r"\blast\s+night\b", t):
        return Timex(f"{(anchor - dt.timedelta(days=1)).isoformat()}TNI", "TIME")
    if m := re.search(
        _NUMBER + r"\s+" + _UNIT + r"\s+(?:or so\s+|or two\s+)?(ago|earlier|before|later|from now|hence)\b", t
    ):
        if m.group(3) == "later":
            return None  # 'Six years later, Sadat died': later than the time the text tells of, not than today
        count = number(m.group(1))
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
        day = add_months(anchor, shift)
        return Timex(f"{day.year}-{day.month:02d}")
    if unit == "week":
        return Timex(iso_week(anchor + dt.timedelta(weeks=shift)))
    if unit == "day":
        return Timex((anchor + dt.timedelta(days=shift)).isoformat())
    quarter = (anchor.month - 1) // 3 + shift
    year, quarter = anchor.year + quarter // 4, quarter % 4
    return Timex(f"{year}-Q{quarter + 1}")


def _month_relative(t, anchor, direction):
    if anchor is None:
        return None
    if m := re.search(r"\b(last|this|next|past)\s+" + _MONTH + r"$", t):
        month = MONTHS[m.group(2)]
        if m.group(1) in ("last", "past"):
            year = anchor.year if month < anchor.month else anchor.year - 1
        elif m.group(1) == "next":
            year = anchor.year if month > anchor.month else anchor.year + 1
        else:
            year = anchor.year
        return Timex(f"{year}-{month:02d}")
    if m := re.search(_MONTH + r"\s+(last|this|next)\s+year\b", t):
        shift = {"last": -1, "this": 0, "next": 1}[m.group(2)]
        return Timex(f"{anchor.year + shift}-{MONTHS[m.group(1)]:02d}")
    return None


def _month_only(t, anchor, direction):
    m = re.search(
        r"^(?:(?:early|mid|late|the end|end|the beginning|beginning|start|the middle|middle)\s+)?" + _MONTH + r"$", t
    )
    if not m:
        return None
    month = MONTHS[m.group(1)]
    if anchor is None:
        return Timex(f"XXXX-{month:02d}")
    return Timex(f"{_pick_year(month, None, anchor, direction)}-{month:02d}")


def _duration(t, anchor, direction):
    if m := re.search(_NUMBER + r"[\s-]+" + _UNIT + r"\b", t):
        count = number(m.group(1))
        unit = m.group(2).rstrip("s").replace("centurie", "century")
        code = UNITS[unit]
        amount = "X" if count is None else str(count)
        if unit in ("decade", "century") and count is not None:
            return Timex(f"P{count * (10 if unit == 'decade' else 100)}Y", "DURATION")
        if unit == "quarter":
            return Timex(f"P{count * 3}M" if count else "PXM", "DURATION")
        if unit in ("hour", "minute", "second"):
            return Timex(f"PT{amount}{code}", "DURATION")
        return Timex(f"P{amount}{code}", "DURATION")
    if m := re.search(r"\b(?:a|the|one)?\s*(day|week|month|year|decade)s?\s*long\b|\bovernight\b", t):
        return Timex(f"P1{UNITS[m.group(1)]}" if m.group(1) else "P1D", "DURATION")
    if m := re.search(r"^(?:the\s+)?(?:past|last|next|coming)?\s*(days|weeks|months|years|decades)$", t):
        return Timex(f"PX{UNITS[m.group(1).rstrip('s')]}", "DURATION")
    return None


def _reference_set(t, anchor, direction):
    """Sets ('each July') come before the month and weekday rules that would read them as dates."""
    if re.search(r"\b(every|each)\s+\w+", t):
        return _reference(t, anchor, direction)
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
    if m := re.search(r"\b(?:every|each)\s+(\w+)\b", t):
        if m.group(1) in WEEKDAYS:
            return Timex(f"XXXX-WXX-{WEEKDAYS[m.group(1)] + 1}", "SET")
        if m.group(1) in MONTHS:
            return Timex(f"XXXX-{MONTHS[m.group(1)]:02d}", "SET")
    if t in SETS:
        return Timex(SETS[t], "SET")
    return None


def _weekend_week(t, anchor, direction):
    if anchor is None:
        return None
    if re.search(r"^(?:the|this|last|that)?\s*weekend$", t):
        saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
        days_back = (anchor - saturday).days
        if direction == "future" or (direction is None and days_back > 3) or (t.startswith("this") and days_back > 1):
            saturday += dt.timedelta(days=7)
        return Timex(f"{iso_week(saturday)}-WE")
    if re.search(r"^(?:the\s+)?week$", t):
        return Timex(f"{anchor.year}-WXX")
    return None


_RULES = (
    _absolute,
    _reference_set,
    _season_quarter,
    _month_day,
    _relative_day,
    _weekend_week,
    _month_relative,
    _relative_unit,
    _year,
    _month_only,
    _duration,
    _reference,
)
