"""A claim the text passes on as hearsay, asked as a question: nobody in the story has confirmed it.

'Real Madrid are believed to be monitoring Gerrard' -> 'Are Real Madrid monitoring Gerrard?';
'Viacom has reportedly agreed to the demands' -> 'Has Viacom agreed to the demands?';
'amid rumours that he had defected' -> 'Did <he, named> defect?'.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..lexicon import lexicon
from .asking import finished_question, interrogative, subject_of, words_after
from .common import subtree_text

PAST_TAGS = {"VBD", "VBN"}


def hearsay_question(sent: Span, actors) -> str | None:
    lex = lexicon()
    for token in sent:
        lemma = token.lemma_.lower()
        if token.lower_ in lex.hearsay_adverbs and token.dep_ == "advmod" and token.head.pos_ in ("VERB", "AUX"):
            asked = _asked(token.head, actors)
        elif lemma in lex.hearsay_verbs and token.tag_ in PAST_TAGS and (subject := _said_of(token)) is not None:
            asked = _raised(token, subject, actors)
        elif lemma in lex.hearsay_nouns and token.pos_ == "NOUN":
            clause = _that_clause(token)
            asked = _asked(clause, actors) if clause is not None else None
        else:
            continue
        if asked:
            return asked
    return None


def _said_of(verb: Token) -> Token | None:
    """The one a hearsay verb tells of: 'X is believed to', or 'with X (also) believed to', which the
    parser reads as X believing or as 'with X' and a verb of its own."""
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is not None and any(c.dep_ == "auxpass" for c in verb.children):
        return passive
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    before = verb.i - 1
    while before > verb.sent.start and verb.doc[before].dep_ == "advmod":
        before -= 1
    if before < verb.sent.start:
        return None
    named = verb.doc[before]
    if named.dep_ in ("nsubj", "pobj") and named.left_edge.i > 0 and named.doc[named.left_edge.i - 1].lower_ == "with":
        return named
    return None


def _asked(verb: Token, actors) -> str | None:
    if verb.lemma_.lower() in lexicon().thinking_verbs | lexicon().speech_verbs:
        return None
    return interrogative(verb, actors)


def _that_clause(noun: Token) -> Token | None:
    """'rumours that he had defected', 'rumours persist that he will leave': the clause the rumour tells."""
    places = [noun] + ([noun.head] if noun.dep_ == "nsubj" else [])
    for place in places:
        if place.dep_ == "dobj":
            return None  # 'quashes speculation that ...': ended, not left open
        for clause in place.children:
            if clause.dep_ in ("acl", "ccomp") and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
            ):
                return clause
    return None


def _named(subject: Token, actors) -> str | None:
    """'with Real Madrid believed to': the subject as named (the parser hangs it on 'with')."""
    actor = actors.resolve(subject)
    if actor in actors.actors:
        return actors.display(actor)
    return subtree_text(subject) if subject.pos_ in ("PROPN", "NOUN") else None


def _described(word: Token) -> bool:
    """What 'X is thought to be' says that only describes X: a superlative ('the biggest-selling salsa
    artist'), 'a result of' or a quality of degree ('very low'); not who X is ('the preferred bidder', 'a
    former soldier'), 'close to a deal', 'ready to sell' or 'alive'."""
    if word.dep_ == "attr":
        superlative = any(c.tag_ == "JJS" or c.lower_.startswith(("biggest", "best", "most")) for c in word.subtree)
        return word.lemma_.lower() == "result" or superlative
    degree = lexicon().degree_adverbs
    return word.dep_ == "acomp" and any(c.dep_ == "advmod" and c.lower_ in degree for c in word.children)


def _an_estimate(token: Token) -> bool:
    """'more than 2,000 people', 'about 100,000': a count given as an estimate (not 'Boeing's 737 jets',
    'the 10 men', a year)."""
    if not token.like_num or token.ent_type_ == "DATE":
        return False
    hedged = any(c.dep_ in ("quantmod", "advmod") for c in token.children)
    return hedged or bool(re.fullmatch(r"\d{1,3}(?:,\d{3})+", token.text))


def _raised(hearsay: Token, subject: Token, actors) -> str | None:
    """'X is believed to have increased Y' -> 'Did X increase Y?'; 'X is believed to be monitoring Y'
    -> 'Is X monitoring Y?'; 'X is thought to be in Zintan' -> 'Is X in Zintan?'."""
    action = next((c for c in hearsay.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    if action is None or action.lemma_.lower() in lexicon().thinking_verbs | lexicon().speech_verbs:
        return None
    if action.lemma_ == "be" and any(_described(c) for c in action.children):
        return None  # 'the risk is thought to be very low', 'is reported to be the biggest-selling': a description
    if any(_an_estimate(c) for c in subject.subtree):
        return None  # 'more than 100,000 people are believed to have been killed': an estimate, not a matter
    who = subject_of(hearsay, actors) if subject.dep_ == "nsubjpass" else _named(subject, actors)
    if not who or any(c.dep_ == "neg" for c in action.children):
        return None
    plural = (
        subject.tag_ in ("NNS", "NNPS")
        or subject.lower_ in ("they", "we")
        or any(c.dep_ == "conj" for c in subject.children)
    )
    plural = plural or any(c.dep_ == "auxpass" and c.lower_ in ("are", "were") for c in hearsay.children)
    past = any(c.dep_ == "auxpass" and c.tag_ in PAST_TAGS for c in hearsay.children)
    auxes = {c.lower_: c for c in action.children if c.dep_ in ("aux", "auxpass") and c.i < action.i}
    be = ("were" if plural else "was") if past else ("are" if plural else "is")
    tail = words_after(action, {c.i for c in auxes.values()}, actors, subject)
    if "have" in auxes:  # 'to have increased', 'to have been killed', 'to have been in Athens'
        was = "were" if plural else "was"
        if "been" in auxes:
            body = f"{was} {who} {action.text} {tail}"
        elif action.lemma_ == "be":
            body = f"{was} {who} {tail}"
        else:
            body = f"did {who} {action.lemma_} {tail}"
    elif "be" in auxes:  # 'to be monitoring', 'to be held'
        body = f"{be} {who} {action.text} {tail}"
    elif action.lemma_ == "be":  # 'to be in Zintan'
        body = f"{be} {who} {tail}"
    else:  # 'to own a stake'
        body = f"{'did' if past else 'do' if plural else 'does'} {who} {action.lemma_} {tail}"
    return finished_question(body, None)
