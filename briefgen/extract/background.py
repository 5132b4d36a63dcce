"""Background: context sentences a newcomer needs, and the key figures with what they count."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from ..findings import BackgroundItem, Figure, stable_id
from .common import clean, ents_in, governing_verb, source, subtree_text
from .timeline import resolve_dates

FIGURE_LABELS = {"MONEY", "PERCENT", "QUANTITY"}


def _refers_to(ent: Span) -> str:
    root = ent.root
    if ent.label_ == "CARDINAL" and root.dep_ == "nummod":
        return subtree_text(root.head, exclude=set(range(ent.start, ent.end)))
    verb = governing_verb(root)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ not in ("it", "this", "that", "they"):
        return subtree_text(subject) if len(list(subject.subtree)) <= 15 else subject.text
    return subtree_text(verb) if len(list(verb.subtree)) <= 15 else verb.lemma_


def _figures(sent: Span) -> list[Figure]:
    figures = []
    for ent in ents_in(sent):
        counted = ent.label_ == "CARDINAL" and ent.root.dep_ == "nummod" and ent.root.head.pos_ == "NOUN"
        if ent.label_ in FIGURE_LABELS or counted:
            figures.append(Figure(clean(ent.text), _refers_to(ent)))
    return figures


def _is_history(sent: Span, anchor: dt.date | None) -> bool:
    root: Token = sent.root
    past = root.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" for c in root.children if c.dep_ == "aux")
    if not past:
        return False
    if anchor is None:
        return any(t.lower_ in ("prior", "previously", "since", "before") for t in sent)
    return any(timex.value[:4] < str(anchor.year) for _, timex in resolve_dates(sent, anchor)) or any(
        t.lower_ in ("prior", "previously", "since") for t in sent
    )


def extract_background(sentences: list[Span], doc_id: str, anchor: dt.date | None) -> list[BackgroundItem]:
    items = []
    for number, sent in enumerate(sentences, 1):
        if any(c in sent.text for c in '“”"'):
            continue
        figures = _figures(sent)
        if not figures and not _is_history(sent, anchor):
            continue
        text = clean(sent.text)
        items.append(
            BackgroundItem(
                id=stable_id("bg", doc_id, str(number), text),
                text=text,
                figures=figures,
                sources=[source(doc_id, sentences, number)],
            )
        )
    return items
