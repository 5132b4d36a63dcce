"""Pictures drawn at build time: an actor-issue matrix (HTML), no JavaScript; the time axis is in axis.py."""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape

from .brief import Brief
from .stances import SYMBOL, prevailing


def actor_issue_matrix(brief: Brief, max_actors: int = 12, max_topics: int = 8) -> str:
    """Rows: actors; columns: issues; cells: the polarity of the actor's positions on the issue (+, −, ±, ?),
    shaded by how many there are."""
    counts: dict[str, Counter] = defaultdict(Counter)
    held: dict[tuple[str, str], list] = defaultdict(list)
    topic_totals: Counter = Counter()
    for position in brief.positions:
        for topic in position.topics:
            counts[position.actor][topic] += 1
            held[(position.actor, topic)].append(position)
            topic_totals[topic] += 1
    topics = [t for t, _ in sorted(topic_totals.items(), key=lambda kv: (-kv[1], kv[0]))[:max_topics]]
    actors = [a for a in brief.actors if counts.get(a.id)][:max_actors]
    if not topics or not actors:
        return ""
    head = "".join(f'<th scope="col" class="bg-issue">{escape(t)}</th>' for t in topics)
    rows = []
    for actor in actors:
        cells = []
        for topic in topics:
            n = counts[actor.id][topic]
            if not n:
                cells.append('<td class="bg-cell bg-n0"></td>')
                continue
            label = prevailing(held[(actor.id, topic)])
            title = f"{label}, {n} position{'' if n == 1 else 's'}"
            cells.append(f'<td class="bg-cell bg-n{min(n, 3)}"><abbr title="{title}">{SYMBOL[label]}</abbr></td>')
        rows.append(
            f'<tr><th scope="row"><a href="#{escape(actor.id)}">{escape(actor.name)}</a></th>{"".join(cells)}</tr>'
        )
    return (
        '<table class="bg-matrix"><caption>Where each actor stands on each issue: + supports, − opposes, '
        "± conditional, ? undecided; the stronger the shade, the more positions</caption>"
        f'<thead><tr><th scope="col">Actor</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )
