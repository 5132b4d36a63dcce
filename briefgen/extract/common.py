"""Helpers the extractors share: sentence sources, clause text, topics and tense."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..findings import Source
from ..gazetteer import lexicon
from .actors import DESIGNATION

QUOTE_CHARS = "\"“”"


def source(doc_id: str, sentences: list[Span], number: int) -> Source:
    return Source(doc_id, number, sentences[number - 1].text.strip())


def sentence_numbers(sentences: list[Span]) -> dict[int, int]:
    """Token index -> 1-based sentence number."""
    return {token.i: number for number, sent in enumerate(sentences, 1) for token in sent}


def clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    return text.strip(" ,;:")


def subtree_text(token: Token, exclude: set[int] | None = None) -> str:
    tokens = [t for t in token.subtree if not exclude or t.i not in exclude]
    if not tokens:
        return ""
    doc = token.doc
    return clean(doc[tokens[0].i : tokens[-1].i + 1].text)


def topics(span: Span) -> list[str]:
    found: list[str] = []
    for match in DESIGNATION.finditer(span.text):
        name = re.sub(r"(?<=\d)s$", "", match.group(0))
        if name not in found:
            found.append(name)
    for ent in span.ents:
        if ent.label_ in ("PRODUCT", "LAW", "EVENT") and not DESIGNATION.search(ent.text):
            name = clean(re.sub(r"^(the|a)\s+", "", ent.text))
            if name and name not in found:
                found.append(name)
    nouns = set(lexicon()["topic_nouns"])
    for token in span:
        if token.lower_ in nouns and token.pos_ in ("NOUN", "PROPN") and token.lower_ not in found:
            found.append(token.lower_)
    return found[:4]


def is_future(verb: Token) -> bool:
    """True when the verb's clause speaks of the future (will, is to, slated to, scheduled)."""
    for child in verb.children:
        if child.dep_ == "aux" and child.lower_ in ("will", "shall", "'ll", "wo"):
            return True
    if verb.lower_ in ("scheduled", "slated", "due", "set", "expected", "planned") and verb.tag_ == "VBN":
        return True
    head = verb.head
    if verb.dep_ == "xcomp" and head.lower_ in ("slated", "due", "set", "scheduled", "expected", "going", "plans", "plan"):
        return True
    return False


def tense_of(token: Token) -> str | None:
    """past / future for the clause that holds token (used to resolve weekdays and months)."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    sent = token.sent
    if is_future(verb) or any(t.lower_ in ("scheduled", "slated", "upcoming", "next") for t in sent):
        if verb.tag_ != "VBD" or is_future(verb):
            return "future"
    if verb.tag_ in ("VBD", "VBN"):
        return "past"
    return None


def starts_paragraph(sent: Span) -> bool:
    if sent.start == 0:
        return True
    previous = sent.doc[sent.start - 1]
    return "\n\n" in previous.whitespace_ or (previous.is_space and "\n\n" in previous.text)
