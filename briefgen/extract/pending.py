"""Matters the text leaves pending without asking: a demand made of someone, a step not taken yet,
and a thing said to be unclear. Each gives the question it leaves open."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..lexicon import lexicon
from .asking import subject_text, words_after
from .common import denied_by_no, subtree_text
from .coref import ActorIndex

NEGATIVE_DETERMINERS = {"no"}
COPULAS = {"be", "remain", "stay"}


def demanded(sent: Span, actors: ActorIndex) -> str | None:
    """'UKIP challenged Kilroy-Silk to stand down' -> 'Will Kilroy-Silk stand down?': what one side
    asks of another stays open until the other does it."""
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon().demand_verbs:
            continue
        action = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and infinitive(c)), None)
        target = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if target is None:  # 'called on Israel to halt': the one asked follows 'on'
            on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" and c.i > verb.i), None)
            target = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
        if target is None and action is not None:  # parsed as 'challenged [X to stand down]'
            target = next((c for c in action.children if c.dep_ == "nsubj"), None)
        if action is None and target is not None:
            action = next((c for c in target.children if c.dep_ == "acl" and infinitive(c)), None)
        if action is None and target is None:
            asked_for = _called_for(verb)
            if asked_for:
                return asked_for
        if action is None or target is None or action.lemma_.lower() in lexicon().speech_verbs:
            continue
        if any(c.dep_ == "neg" for c in action.children):
            continue  # 'ordered Gerrard not to play down their ambitions' asks him not to: no 'Will he play down?
        actor = actors.resolve(target)
        if actor not in actors.actors and target.lower_ not in lexicon().institution_nouns:
            continue  # 'urging visitors to wash their hands' is advice to the public, not a demand
        who = actors.display(actor) if actor in actors.actors else subject_text(target, actors)
        tail = words_after(action, purpose_and_aux(action), actors, target)
        if not who or not tail:
            continue
        return re.sub(r"\s+", " ", f"Will {who} {action.lemma_} {tail}").strip(" .,;") + "?"
    return None


def _called_for(verb: Token) -> str | None:
    """'The Tories have called for a second inquiry' -> 'Will there be a second inquiry ...?': a step
    demanded of no one named stays open until it is taken (a call in the past tense is history)."""
    if verb.lemma_.lower() not in ("call", "press", "push") or verb.tag_ == "VBD":
        return None
    step = next(
        (g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"),
        None,
    )
    if step is None or step.lemma_.lower() not in lexicon().event_nouns | lexicon().step_nouns:
        return None
    return f"Will there be {subtree_text(step)}?"


def infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def purpose_and_aux(verb: Token) -> set[int]:
    """Tokens a question leaves out: auxiliaries, and clauses of purpose or comment ('so voters can ...')."""
    cut = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "advcl", "parataxis", "ccomp")]
    return {t.i for c in cut for t in (c.subtree if c.dep_ not in ("aux", "auxpass") else [c])}


def not_done_yet(sent: Span) -> str | None:
    """'No formal offer has been made yet' -> 'Will a formal offer be made?': a step the text says
    has not been taken (in the perfect, so still open; 'no one was hurt' is narration)."""
    for verb in sent:
        if verb.tag_ != "VBN" or not any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children):
            continue  # 'no deal had been offered in that meeting' tells of a meeting that is over
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() not in _step_nouns():
            continue  # 'no offer has been made'; 'no cases have been found' reports an absence
        determiner = next((c for c in subject.children if c.dep_ == "det"), None)
        if determiner is None or determiner.lower_ not in NEGATIVE_DETERMINERS:
            continue
        words = [t for t in subject.subtree if t.i != determiner.i]
        phrase = " ".join(t.text for t in words)
        if subject.tag_ != "NNS":
            phrase = ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase
        skipped = purpose_and_aux(verb) | {t.i for t in verb.subtree if t.lower_ == "yet"}
        return re.sub(r"\s+", " ", f"Will {phrase} be {verb.text} {words_after(verb, skipped)}").strip() + "?"
    return _none_arranged(sent)


def _none_arranged(sent: Span) -> str | None:
    """'the committee had no meeting scheduled to review the alert' -> 'Will a meeting be scheduled to
    review the alert?': someone has no step arranged yet."""
    for step in sent:
        if step.dep_ != "dobj" or step.head.lemma_ != "have" or step.lemma_.lower() not in _step_nouns():
            continue
        if not denied_by_no(step):
            continue
        arranged = next((c for c in step.children if c.dep_ in ("acl", "amod") and c.tag_ == "VBN"), None)
        if arranged is None or step.tag_ == "NNS":
            continue
        article = "an" if step.text[:1].lower() in "aeiou" else "a"
        rest = words_after(arranged, set())
        return re.sub(r"\s+", " ", f"Will {article} {step.text} be {arranged.text} {rest}").strip() + "?"
    return None


def unclear_thing(sent: Span) -> str | None:
    """'Baikal's background and its motives are still unclear' -> 'What are Baikal's background and
    its motives?': a named thing left unclear (a clause left unclear is asked by its clause)."""
    for word in sent:
        if word.dep_ not in ("acomp", "attr") or word.lower_ not in lexicon().uncertainty_cues:
            continue
        copula = word.head
        if copula.lemma_.lower() not in COPULAS or any(c.dep_ in ("ccomp", "xcomp") for c in word.children):
            continue
        if any(c.dep_ == "mark" and c.lower_ in ("because", "since", "as") for c in copula.children):
            continue  # 'the ban is unenforceable because the law is unclear': a reason given, not a matter
        subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN") or _is_someone(subject):
            continue  # 'lawyers were uncertain': people unsure of something, not a thing unclear
        if subject.pos_ == "NOUN" and not _made_definite(subject):
            continue  # 'circumstances are unclear', 'their fate is unclear': which ones only the text before says
        plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
        phrase = subtree_text(subject)
        if subject.i == subject.left_edge.i and subject.pos_ == "NOUN" or phrase.split()[0].lower() == "the":
            phrase = phrase[0].lower() + phrase[1:]
        return f"What {'are' if plural else 'is'} {phrase}?"
    return None


def _made_definite(noun: Token) -> bool:
    """'the motives', 'Baikal's background', 'the fate of the journalists': a thing the question can name
    without the sentence before it."""
    return any(
        (c.dep_ == "det" and c.lower_ == "the") or (c.dep_ == "poss" and c.pos_ == "PROPN") or c.dep_ == "prep"
        for c in noun.children
    )


def _step_nouns() -> frozenset[str]:
    lex = lexicon()
    return lex.event_nouns | lex.step_nouns


def _is_someone(token: Token) -> bool:
    lex = lexicon()
    lemma = token.lemma_.lower()
    return token.ent_type_ in ("PERSON", "NORP", "ORG") or lemma in lex.agent_nouns or lemma in lex.institution_nouns


def dismissed(token: Token) -> bool:
    """'quashes speculation that ...', 'denied claims that ...', 'no doubt that ...': a claim put to
    rest, or denied by its own determiner, is not open."""
    if any(c.dep_ in ("det", "amod") and c.lower_ in ("no", "little") for c in token.children):
        return True  # 'there was no doubt that ...': the writer is sure
    verb, lex = token.head, lexicon()
    if token.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in lex.dismissing_verbs:
        return False
    refused = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.declining_verbs | {"fail"}
    return not refused and not any(
        c.dep_ in ("neg", "preconj") for c in verb.children
    )  # 'have not confirmed reports that'
