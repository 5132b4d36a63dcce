"""Helpers the extractors share: sentence sources, clause text, topics and tense."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..findings import Source
from ..lexicon import lexicon

QUOTE_CHARS = '"“”'
# Model numbers and codes name things, not actors: S-400, F-35s, 5G-A.
DESIGNATION = re.compile(r"\b[A-Za-z]{1,4}-\d{1,4}[A-Za-z]*\b|\b\d+[A-Za-z]*-[A-Z]")


def ents_in(span: Span) -> list[Span]:
    """The entities inside span; Span.ents rebuilds every entity of the document on each call."""
    doc = span.doc
    cached = doc.user_data.get("briefgen_ents")
    if cached is None:
        cached = doc.user_data["briefgen_ents"] = list(doc.ents)
    return [ent for ent in cached if ent.start >= span.start and ent.end <= span.end]


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
    for ent in ents_in(span):
        if ent.label_ in ("PRODUCT", "LAW", "EVENT") and not DESIGNATION.search(ent.text):
            name = clean(re.sub(r"^(the|a)\s+", "", ent.text))
            if name and name not in found:
                found.append(name)
    nouns = set(lexicon().topic_nouns)
    for token in span:
        if token.lower_ in nouns and token.pos_ in ("NOUN", "PROPN") and token.lower_ not in found:
            found.append(token.lower_)
    return found[:4]


def is_future(verb: Token) -> bool:
    """True when the verb's clause speaks of the future (will, is to, slated to, scheduled)."""
    for child in verb.children:
        if child.dep_ == "aux" and child.lower_ in ("will", "shall", "'ll", "wo", "must"):
            return True
    if verb.lower_ in SCHEDULING and verb.tag_ == "VBN":
        children = list(verb.children)
        to_or_for = any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in children)
        if verb.lower_ == "set":  # "set up in 1927" and "set in 1857" are history
            return to_or_for
        # a predicate ("is expected", "scheduled for May"), not a modifier ("worse-than-expected data")
        predicate = any(c.dep_ in ("aux", "auxpass", "nsubjpass") or c.ent_type_ in ("DATE", "TIME") for c in children)
        return to_or_for or predicate
    head = verb.head
    if verb.dep_ == "xcomp" and head.lower_ in SCHEDULING | {"going", "plans", "plan", "aims", "intends"}:
        # a past plan ("the military planned to acquire") is history unless it is reported speech
        return head.tag_ != "VBD" or head.dep_ == "ccomp"
    return _be_to(verb)


def _be_to(verb: Token) -> bool:
    head = verb.head
    # "Fiat is to get 1bn euros": be + to-infinitive
    if (
        verb.dep_ == "xcomp"
        and head.lemma_ == "be"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        return True
    return False


SCHEDULING = {"scheduled", "slated", "due", "set", "expected", "planned", "earmarked", "timetabled"}


def quoted_tokens(sent: Span, starts_inside: bool) -> set[int]:
    """Indexes of the tokens inside quotation marks (a quote may open in an earlier sentence)."""
    inside, found = starts_inside, set()
    for token in sent:
        if token.text in ("“", "”", '"', "``", "''"):
            if token.text == "“" or token.text == "``":
                inside = True
            elif token.text == "”" or token.text == "''":
                inside = False
            else:
                inside = not inside
            continue
        if inside:
            found.add(token.i)
    return found


def governing_verb(token: Token) -> Token:
    """The nearest verb above token (or the root when there is none)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def tense_of(token: Token) -> str | None:
    """past / future for the clause that holds token (used to resolve weekdays and months)."""
    verb = governing_verb(token)
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    sent = token.sent
    if is_future(verb) or any(t.lower_ in ("scheduled", "slated", "upcoming", "next") for t in sent):
        if verb.tag_ != "VBD" or is_future(verb):
            return "future"
    if verb.tag_ in ("VBD", "VBN"):
        return "past"
    return None


def is_hypothetical(token: Token) -> bool:
    """The clause holding token says what could or might be, not what is, was or will be."""
    verb = governing_verb(token)
    return any(c.dep_ == "aux" and c.lower_ in ("could", "may", "might") for c in verb.children)


def is_ahead(ent: Span) -> bool:
    """Without a document date: a date in a future clause or a deadline, unless it is a point of
    comparison ("the first win since 1993", "an increase of 64% on 2003")."""
    head = ent.root.head
    tense = tense_of(ent.root)
    if head.dep_ == "prep" and head.i < ent.start:
        if head.lower_ in ("since", "than") or (head.lower_ in ("on", "with") and re.fullmatch(r"\d{4}", ent.text)):
            return False
    verb = governing_verb(ent.root)
    past_perfect = any(c.lower_ == "had" for c in verb.children)
    if head.dep_ == "prep" and head.lower_ in ("by", "until", "before") and not past_perfect:
        return True  # a deadline or target: "would employ one in five by 2020", "by 2007, it is predicted"
    if tense == "future" or any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children):
        return True
    # an infinitive looks ahead from the clause it hangs on: "want to increase nursery hours from
    # April 2007", but not "gave Fiat an option to sell between 2004 and 2009"
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and _tag_above(verb) not in ("VBD", "VBN")


def _tag_above(verb: Token) -> str | None:
    above = governing_verb(verb.head)
    return above.tag_ if above.i != verb.i else None


def starts_paragraph(sent: Span) -> bool:
    if sent.start == 0:
        return True
    previous = sent.doc[sent.start - 1]
    return "\n\n" in previous.whitespace_ or (previous.is_space and "\n\n" in previous.text)


def sentence_case(text: str) -> str:
    """A clause shown on its own: without a leading 'that'/'whether', first letter capitalised."""
    text = re.sub(r"^(that|whether|if)\s+", "", text, flags=re.I)
    return text[0].upper() + text[1:] if text else text
