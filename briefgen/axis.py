"""The time axis: how many events fall in each stretch of the story's main period, as an SVG that
scales to its column. Labels are spaced so they never overlap; events outside the period are counted
in "earlier" and "later" arrows instead of stretching the axis."""

from __future__ import annotations

import calendar
import datetime as dt
from html import escape

from .findings import TimelineEvent
from .time.words import parse_iso

WIDTH, HEIGHT = 760, 140
PAD = 16  # left and right margin inside the picture
BASE = 80  # the axis line's y; bars rise above it, tick labels and arrows sit below
BAR_HEIGHT = 60
FONT = 18  # label size in picture units: about 9 px when the picture is drawn 390 px wide
CHAR = 0.6  # a label character's width as a share of the font size (a generous estimate)
GAP = 12  # the least room between two labels
MAX_BARS = 60


def _label_width(text: str) -> float:
    return len(text) * FONT * CHAR


def _ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    """Calendar ticks with labels, the coarsest unit that gives at least two, thinned until they fit."""
    days = (last - first).days
    if days <= 62:
        every_day = [first + dt.timedelta(days=d) for d in range(days + 1)]
        labelled = [(d, f"{calendar.month_abbr[d.month]} {d.day}") for d in every_day if d.day in (1, 8, 15, 22)]
    elif days <= 3 * 366:
        months = [dt.date(y, m, 1) for y in range(first.year, last.year + 1) for m in range(1, 13)]
        labelled = [(d, f"{calendar.month_abbr[d.month]} {d.year}") for d in months if first <= d <= last]
    else:
        labelled = [(dt.date(y, 1, 1), str(y)) for y in range(first.year + 1, last.year + 1)]
    if len(labelled) < 2:
        labelled = [(d, d.isoformat()) for d in (first, last)]
    room = WIDTH - 2 * PAD
    step = 1
    while labelled[::step] and len(labelled[::step]) * (max(_label_width(t) for _, t in labelled) + GAP) > room:
        step += 1
    return labelled[::step]


def _disputed(event: TimelineEvent) -> bool:
    return bool(event.disputed_dates or event.disputed_figures or event.disputed_outcomes)


def _bar(index: int, width: float, counts: tuple[int, int, int], top: int, when: str) -> list[str]:
    """One stretch's bar: events reported done (solid), those scheduled when reported (a dashed
    outline above them) and, when sources disagree on one of them, a triangle on top. Shape tells
    them apart, not colour alone; each part names itself in a tooltip."""
    done, planned, disputed = counts
    left, wide = PAD + index * width, max(width - 1, 1)
    parts, base = [], float(BASE)
    for count, css, what in ((done, "bg-bar", "done"), (planned, "bg-bar bg-planned", "scheduled")):
        if not count:
            continue
        height = max(2.0, BAR_HEIGHT * count / top)
        base -= height
        parts.append(
            f'<rect x="{left:.1f}" y="{base:.1f}" width="{wide:.1f}" height="{height:.1f}" class="{css}">'
            f"<title>{escape(when)}: {count} event{'' if count == 1 else 's'} {what}</title></rect>"
        )
    if disputed:
        middle = left + wide / 2
        parts.append(
            f'<path d="M{middle - 5:.1f},{base - 2:.1f} l5,-9 l5,9 z" class="bg-disputed"><title>{escape(when)}: '
            f"sources disagree on {disputed} event{'' if disputed == 1 else 's'}</title></path>"
        )
    return parts


def timeline_svg(events: list[TimelineEvent], span: tuple[str, str] | None) -> str:
    """Bars of events per stretch of the span (or of the events' own dates when no span is known)."""
    dated = sorted(
        ((parse_iso(e.date), e) for e in events if e.date and e.date[:4].isdigit()), key=lambda pair: pair[0]
    )
    if len(dated) < 2:
        return ""
    first, last = (parse_iso(span[0]), parse_iso(span[1])) if span else (dated[0][0], dated[-1][0])
    inside = [(d, e) for d, e in dated if first <= d <= last]
    earlier, later = sum(d < first for d, _ in dated), sum(d > last for d, _ in dated)
    days = max((last - first).days, 1)
    bars = min(MAX_BARS, days + 1)
    per_bar = (days + 1) / bars
    counts = [[0, 0, 0] for _ in range(bars)]  # done, scheduled, disputed
    for day, event in inside:
        tally = counts[min(bars - 1, int((day - first).days / per_bar))]
        tally[1 if event.scheduled else 0] += 1
        tally[2] += _disputed(event)
    width = (WIDTH - 2 * PAD) / bars

    def x(day: dt.date) -> float:
        return PAD + (WIDTH - 2 * PAD) * (day - first).days / (days + 1)

    stretch = "day" if per_bar <= 1 else f"{per_bar:.0f} days"
    planned, disputed = sum(c[1] for c in counts), sum(c[2] for c in counts)
    label = (
        f"{len(inside)} dated event{'' if len(inside) == 1 else 's'} from {first.isoformat()} to "
        f"{last.isoformat()}, counted per {stretch} ({planned} scheduled, sources disagree on {disputed}); "
        f"{earlier} earlier, {later} later"
    )
    parts = [
        f'<svg class="bg-timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}">',
        f'<line x1="{PAD}" y1="{BASE}" x2="{WIDTH - PAD}" y2="{BASE}" class="bg-axis"/>',
    ]
    top = max(c[0] + c[1] for c in counts) or 1
    for index, (done, scheduled, disagreed) in enumerate(counts):
        if done or scheduled:
            start = first + dt.timedelta(days=round(index * per_bar))
            end = first + dt.timedelta(days=max(round((index + 1) * per_bar) - 1, round(index * per_bar)))
            when = start.isoformat() if start == end else f"{start.isoformat()} to {end.isoformat()}"
            parts += _bar(index, width, (done, scheduled, disagreed), top, when)
    parts += _labels(first, last, x, earlier, later)
    parts.append("</svg>")
    return "".join(parts)


def _labels(first: dt.date, last: dt.date, x, earlier: int, later: int) -> list[str]:
    """Tick marks and their labels, and the arrows counting the events outside the span."""
    parts = []
    for day, label in _ticks(first, last):
        half = _label_width(label) / 2
        centre = min(max(x(day), PAD + half), WIDTH - PAD - half)
        parts.append(f'<line x1="{x(day):.1f}" y1="{BASE}" x2="{x(day):.1f}" y2="{BASE + 5}" class="bg-axis"/>')
        parts.append(
            f'<text x="{centre:.1f}" y="{BASE + 8 + FONT}" text-anchor="middle" class="bg-year" '
            f'font-size="{FONT}">{escape(label)}</text>'
        )
    arrows = [(PAD, "start", f"← {earlier} earlier")] if earlier else []
    arrows += [(WIDTH - PAD, "end", f"{later} later →")] if later else []
    for position, anchor, label in arrows:
        parts.append(
            f'<text x="{position}" y="{HEIGHT - 4}" text-anchor="{anchor}" class="bg-label" '
            f'font-size="{FONT}">{escape(label)}</text>'
        )
    return parts
