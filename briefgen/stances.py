"""Who wants what: each principal actor's stance on its main issue, as the verbs of its positions read."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .brief import POLARITIES

if TYPE_CHECKING:
    from .brief import Brief
    from .findings import Actor, Position

SYMBOL = {"supports": "+", "opposes": "−", "conditional": "±", "undecided": "?"}
PRINCIPAL = 8  # actors given a line


def polarity(position: Position) -> str:
    """supports | opposes | conditional as extraction read the position's verbs; undecided when they
    take no side."""
    value = position.polarity
    return value if value in POLARITIES and value else "undecided"  # an edited brief.yaml may hold anything


@dataclass
class Stance:
    actor: Actor
    issue: str
    polarity: str
    positions: list[Position]

    @property
    def symbol(self) -> str:
        return SYMBOL[self.polarity]


def prevailing(positions: list[Position]) -> str:
    """The polarity most of the positions read as; undecided when none reads as any, or two tie."""
    votes = Counter(polarity(p) for p in positions)
    decided = [(n, label) for label, n in votes.items() if label != "undecided"]
    best = max(decided, default=(0, "undecided"))
    tied = sum(1 for n, _ in decided if n == best[0]) > 1
    return "undecided" if tied else best[1]


def principal_stances(brief: Brief, limit: int = PRINCIPAL) -> list[Stance]:
    """One line per principal actor (the most mentioned with a position on an issue): its most argued
    issue among the positions that take a side (among all, when none does) and its prevailing polarity
    there, newest positions first."""
    stances = []
    for actor in brief.actors:
        held = [p for p in brief.positions if p.actor == actor.id and p.topics]
        if not held:
            continue
        argued = [p for p in held if p.polarity] or held
        issue = min(Counter(t for p in argued for t in p.topics).most_common(), key=lambda kv: (-kv[1], kv[0]))[0]
        on_issue = sorted((p for p in held if issue in p.topics), key=lambda p: (p.date or "", p.id), reverse=True)
        label = prevailing(on_issue)
        # the newest position that reads as the stance comes first: the line quotes it
        on_issue.sort(key=lambda p: polarity(p) != label)
        stances.append(Stance(actor, issue, label, on_issue))
        if len(stances) == limit:
            break
    return stances
