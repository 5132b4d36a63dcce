"""Who wants what: each principal actor's stance on its main issue, read from the words of its positions."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .brief import Brief
    from .findings import Actor, Position

# Word stems and phrases: a verb's forms share a stem ("welcom": welcomes, welcomed; "criticis": criticised).
SUPPORTS = (
    "support defend backs backed backing welcom endors favour favor urg prais agre approv insist want demand "
    "seek sought accept"
).split() + ["call for", "calls for", "called for", "push for", "hold onto", "held onto", "committed to"]
OPPOSES = (
    "oppos reject condemn refus denounc criticis criticiz fear warn block veto against protest objec abandon halt"
).split() + ["give up", "end all", "to end", "stop"]
CONDITIONS = ("if", "unless", "provided", "as long as", "on condition")
NEGATIONS = ("not", "n't", "never", "no longer")  # not "no": "a no-fly zone" negates nothing
SYMBOL = {"supports": "+", "opposes": "−", "conditional": "±", "undecided": "?"}
PRINCIPAL = 8  # actors given a line


def _has(text: str, stems: list[str]) -> bool:
    return any(re.search(rf"\b{re.escape(stem)}", text) for stem in stems)


def polarity(text: str) -> str:
    """supports | opposes | conditional | undecided, from the position's own words; a negation turns
    support into opposition and the reverse ("would not give up" supports)."""
    lowered = f" {text.lower()} "
    supports, opposes = _has(lowered, SUPPORTS), _has(lowered, OPPOSES)
    if supports == opposes:
        return "undecided"
    if any(re.search(rf"\b{re.escape(word)}\b", lowered) for word in CONDITIONS):
        return "conditional"
    negated = any(re.search(rf"(\b|(?<=\w)){re.escape(word)}\b", lowered) for word in NEGATIONS)
    return "supports" if supports != negated else "opposes"


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
    votes = Counter(polarity(p.text) for p in positions)
    decided = [(n, label) for label, n in votes.items() if label != "undecided"]
    best = max(decided, default=(0, "undecided"))
    tied = sum(1 for n, _ in decided if n == best[0]) > 1
    return "undecided" if tied else best[1]


def principal_stances(brief: Brief, limit: int = PRINCIPAL) -> list[Stance]:
    """One line per principal actor (the most mentioned with a position on an issue): its most argued
    issue and its prevailing polarity there, newest positions first."""
    stances = []
    for actor in brief.actors:
        held = [p for p in brief.positions if p.actor == actor.id and p.topics]
        if not held:
            continue
        issue = min(Counter(t for p in held for t in p.topics).most_common(), key=lambda kv: (-kv[1], kv[0]))[0]
        on_issue = sorted((p for p in held if issue in p.topics), key=lambda p: (p.date or "", p.id), reverse=True)
        label = prevailing(on_issue)
        # the newest position that reads as the stance comes first: the line quotes it
        on_issue.sort(key=lambda p: polarity(p.text) != label)
        stances.append(Stance(actor, issue, label, on_issue))
        if len(stances) == limit:
            break
    return stances
