"""What to watch: scheduled and expected future events and pending decisions."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span, Token

from ..findings import WatchItem, stable_id
from ..gazetteer import lexicon
from .actors import ActorIndex
from .common import clean, is_future, source, subtree_text
from .timeline import resolve_dates


def _watch_verb(sent: Span) -> Token | None:
    lex = lexicon()
    state_verbs, event_nouns = set(lex["state_verbs"]), set(lex["event_nouns"])
    for token in sent:
        if token.pos_ not in ("VERB", "AUX") or not is_future(token):
            continue
        target = token
        if token.lower_ in ("slated", "scheduled", "due", "set", "expected", "planned"):
            target = next((c for c in token.children if c.dep_ == "xcomp"), token)
        lemma = target.lemma_.lower()
        objects = {c.lemma_.lower() for c in target.children if c.dep_ in ("dobj", "attr", "nsubj", "nsubjpass")}
        if lemma in state_verbs and not objects & event_nouns:
            continue
        return target
    return None


def extract_watch(sentences: list[Span], actors: ActorIndex, doc_id: str, anchor: dt.date | None) -> list[WatchItem]:
    items: list[WatchItem] = []
    markers = [m for m in lexicon()["future_markers"] if " " in m]
    for number, sent in enumerate(sentences, 1):
        future_dates = [
            timex.value for _, timex in resolve_dates(sent, anchor)
            if anchor is not None and timex.value > anchor.isoformat()[: len(timex.value)]
        ]
        verb = _watch_verb(sent)
        lowered = sent.text.lower()
        if verb is None and not future_dates and not any(m in lowered for m in markers):
            continue
        if verb is None and not future_dates:
            continue
        text = clean(sent.text) if verb is None or verb.dep_ == "ROOT" else _clause(verb)
        items.append(
            WatchItem(
                id=stable_id("watch", doc_id, str(number), text),
                date=future_dates[0] if future_dates else None,
                item=text,
                actors=actors.in_span(sent),
                sources=[source(doc_id, sentences, number)],
            )
        )
    return items


def _clause(verb: Token) -> str:
    head = verb
    while head.dep_ in ("xcomp",) and head.head is not head:
        head = head.head
    text = re.sub(r"^(that|whether|if)\s+", "", subtree_text(head), flags=re.I)
    return text[0].upper() + text[1:] if text else text
