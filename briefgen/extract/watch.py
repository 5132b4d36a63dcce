"""What to watch: scheduled and expected future events and pending decisions."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..findings import WatchItem, stable_id
from ..lexicon import lexicon
from .common import (
    SCHEDULING,
    clean,
    is_ahead,
    is_future,
    sentence_case,
    subtree_text,
)
from .coref import ActorIndex
from .parsed import Parsed
from .timeline import resolve_dates

MIN_CLAUSE_WORDS = 4


def _watch_verb(sent: Span, quoted: set[int]) -> Token | None:
    lex = lexicon()
    state_verbs, event_nouns = set(lex.state_verbs), set(lex.event_nouns)
    for token in sent:
        if token.pos_ not in ("VERB", "AUX") or not is_future(token):
            continue
        if token.i in quoted and not _speaker_commitment(token):
            continue
        target = token
        if token.lower_ in SCHEDULING or token.lemma_ == "be":
            target = next((c for c in token.children if c.dep_ == "xcomp"), token)
        lemma = target.lemma_.lower()
        objects = {c.lemma_.lower() for c in target.children if c.dep_ in ("dobj", "attr", "nsubj", "nsubjpass")}
        if lemma in state_verbs and not objects & event_nouns:
            continue
        return target
    return None


def _speaker_commitment(verb: Token) -> bool:
    """'We will study this judgement' inside a quote: the speaker's own next step."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (
        subject is not None
        and subject.lower_ in ("we", "i")
        and verb.lemma_.lower() in lexicon().commitment_verbs
        and not any(c.dep_ == "neg" for c in verb.children)
    )


def extract_watch(parsed: Parsed) -> list[WatchItem]:
    items: list[WatchItem] = []
    actors, anchor = parsed.actors, parsed.anchor
    for number, sent in parsed.numbered():
        quoted = sent._.quoted
        future_dates = [
            timex.value
            for ent, timex in resolve_dates(sent, anchor)
            if ent.start not in quoted
            and (timex.value > anchor.isoformat()[: len(timex.value)] if anchor else is_ahead(ent))
        ]
        verb = _watch_verb(sent, quoted)
        if verb is None and not future_dates:
            continue
        present = actors.in_span(sent)
        if verb is not None and verb.i in quoted:
            text = _clause(verb, actors)
            if len(present) == 1:  # the one actor of the sentence is the speaker making the promise
                text = f"{actors.display(present[0])}: \u201c{text}\u201d"
        else:
            text = clean(sent.text) if verb is None or verb.dep_ == "ROOT" else _clause(verb, actors)
            if len(text.split()) < MIN_CLAUSE_WORDS:  # a clause cut too short to stand alone
                text = clean(sent.text)
        items.append(
            WatchItem(
                id=stable_id("watch", parsed.doc_id, str(number), text),
                date=future_dates[0] if future_dates else None,
                item=text,
                actors=present,
                sources=[parsed.source(number)],
            )
        )
    return items


def _clause(verb: Token, actors: ActorIndex) -> str:
    """The future clause on its own, its pronoun subject replaced by the actor ('He expected' -> 'X expected')."""
    head = verb
    while head.dep_ == "xcomp" and head.head.i != head.i:
        head = head.head
    text = sentence_case(subtree_text(head))
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON"), None)
    actor = actors.resolve(subject) if subject is not None else None
    if actor and subject is not None and text.lower().startswith(subject.lower_ + " "):
        text = actors.display(actor) + text[len(subject.text) :]
        text = text[0].upper() + text[1:]
    return text
