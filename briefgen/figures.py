"""Pictures drawn at build time: an SVG timeline and an actor-issue matrix (HTML), no JavaScript."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from html import escape

from .brief import Brief
from .timex import parse_iso

WIDTH, ROW, MARGIN = 760, 22, 12
MAX_EVENTS = 40


def _day(value: str) -> dt.date:
    return parse_iso(value)


def timeline_svg(brief: Brief, shown: list | None = None) -> str:
    """Dated events (of the brief, or those shown) on a time axis; each mark links to its entry below and
    names it on hover."""
    events = [e for e in (brief.timeline if shown is None else shown) if e.date][:MAX_EVENTS]
    if len(events) < 2:
        return ""
    first, last = _day(events[0].date), _day(events[-1].date)
    span = max((last - first).days, 1)
    axis_y = 30 + ROW * 0
    height = 60 + ROW * min(len(events), 6)

    def x(value: str) -> float:
        return MARGIN + (WIDTH - 2 * MARGIN) * (_day(value) - first).days / span

    parts = [
        f'<svg class="bg-timeline" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="Timeline of {len(events)} dated events '
        f'from {escape(events[0].date)} to {escape(events[-1].date)}">',
        f'<line x1="{MARGIN}" y1="{axis_y}" x2="{WIDTH - MARGIN}" y2="{axis_y}" class="bg-axis"/>',
    ]
    for year in range(first.year, last.year + 1):
        tick = f"{year}-01-01"
        if first <= _day(tick) <= last or year == first.year:
            position = x(tick) if _day(tick) >= first else MARGIN
            parts.append(f'<text x="{position:.1f}" y="{axis_y - 10}" class="bg-year">{year}</text>')
    for index, event in enumerate(events):
        cx = x(event.date)
        lane = axis_y + 18 + ROW * (index % 6)
        label = escape(f"{event.date}: {event.event[:90]}")
        kind = "bg-scheduled" if event.scheduled else ("bg-disputed" if event.disputed_dates else "bg-past")
        parts.append(
            f'<a href="#{escape(event.id)}"><title>{label}</title>'
            f'<line x1="{cx:.1f}" y1="{axis_y}" x2="{cx:.1f}" y2="{lane - 5}" class="bg-stem"/>'
            f'<circle cx="{cx:.1f}" cy="{axis_y}" r="5" class="{kind}"/>'
            f'<text x="{min(cx, WIDTH - 160):.1f}" y="{lane + 4}" class="bg-label">{escape(event.date)}</text></a>'
        )
    parts.append("</svg>")
    return "".join(parts)


def actor_issue_matrix(brief: Brief, max_actors: int = 12, max_topics: int = 8) -> str:
    """Rows: actors; columns: issues; cells: how many positions, linking to the actor's section."""
    counts: dict[str, Counter] = defaultdict(Counter)
    topic_totals: Counter = Counter()
    for position in brief.positions:
        for topic in position.topics:
            counts[position.actor][topic] += 1
            topic_totals[topic] += 1
    topics = [t for t, _ in sorted(topic_totals.items(), key=lambda kv: (-kv[1], kv[0]))[:max_topics]]
    actors = [a for a in brief.actors if counts.get(a.id)][:max_actors]
    if not topics or not actors:
        return ""
    head = "".join(f'<th scope="col">{escape(t)}</th>' for t in topics)
    rows = []
    for actor in actors:
        cells = []
        for topic in topics:
            n = counts[actor.id][topic]
            cells.append(f'<td class="bg-cell bg-n{min(n, 3)}">{n or ""}</td>')
        rows.append(
            f'<tr><th scope="row"><a href="#{escape(actor.id)}">{escape(actor.name)}</a></th>{"".join(cells)}</tr>'
        )
    return (
        '<table class="bg-matrix"><caption>Positions per actor and issue</caption>'
        f"<thead><tr><th></th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
