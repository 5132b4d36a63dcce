"""Open questions: explicit questions, hedged or unresolved matters and contested issues."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..findings import OpenQuestion, stable_id
from ..lexicon import lexicon
from .common import clean, governing_verb, is_future, quoted_tokens, source, subtree_text, topics
from .coref import ActorIndex

TIMING_WORDS = ("date", "when", "time", "timing", "schedule", "near future", "deadline")


def _name(actor_id: str | None, actors: ActorIndex) -> str | None:
    return actors.display(actor_id) if actor_id in actors.actors else None


def _subject_name(verb: Token, actors: ActorIndex) -> str | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return _name(actors.resolve(child), actors) or subtree_text(child)
    if verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        return _subject_name(verb.head, actors)
    return None


def _object(verb: Token) -> str:
    parts = [subtree_text(c) for c in verb.children if c.dep_ in ("dobj", "attr", "prt")]
    return " ".join(p for p in parts if p)


def _future_action(sent: Span) -> Token | None:
    for token in sent:
        if token.pos_ == "VERB" and (is_future(token) or token.dep_ == "xcomp" and is_future(token.head)):
            return next((c for c in token.children if c.dep_ == "xcomp"), token)
    return None


def _phrase(sent: Span, family: str, actors: ActorIndex) -> str:
    text = clean(sent.text)
    lowered = text.lower()
    if family == "unresolved" and any(word in lowered for word in TIMING_WORDS):
        action = _future_action(sent)
        if action is not None:
            subject = _subject_name(action, actors)
            if subject:
                return f"When will {subject} {action.lemma_} {_object(action)}".strip() + "?"
        passive = next((t for t in sent if t.dep_ in ("xcomp", "ROOT") and t.tag_ == "VBN"), None)
        if passive is not None:
            subject = next((subtree_text(c) for c in passive.head.children if c.dep_ == "nsubj"), None)
            if subject:
                return f"When will {subject} be {passive.text}?"
    if family == "unresolved":
        for token in sent:
            if token.pos_ == "VERB" and any(c.dep_ == "neg" for c in token.children) and _object(token):
                if token.lemma_.lower() in ("end", "resolve", "settle", "solve", "close", "fix"):
                    return f"How will {_object(token)} be resolved?"
                return _yes_no(token, actors) or f"Will {_object(token)} follow?"
    if family == "prospect":
        for token in sent:
            if token.lower_ in ("prospect", "hope", "hopes") and token.i + 1 < sent.end and token.nbor().lower_ == "of":
                goal = next((subtree_text(c) for c in token.nbor().children if c.dep_ in ("pcomp", "pobj")), "")
                verb = governing_verb(token.head)
                holder = _subject_name(verb, actors)
                if goal and holder:
                    return f"Will {holder} succeed in {goal}?"
    if family == "contested":
        for token in sent:
            if token.lower_ in ("odds", "dispute", "disagreement", "standoff", "rift"):
                verb = governing_verb(token)
                parties = actors.in_span(verb.doc[verb.left_edge.i : verb.right_edge.i + 1])
                if verb.dep_ == "relcl":
                    parties = actors.in_span(verb.doc[verb.head.i : verb.head.i + 1]) + parties
                names = [_name(p, actors) for p in dict.fromkeys(parties)][:2]
                if len(names) == 2:
                    return f"Will {names[0]} and {names[1]} settle their differences{_over(sent)}?"
    built = _yes_no(sent.root, actors) if sent.root.pos_ in ("VERB", "AUX") else None
    if built:
        return built
    first = actors.in_span(sent)
    who = f" for {_name(first[0], actors)}" if first else ""
    return f"What happens next{who}{_over(sent)}?"


def _over(sent: Span) -> str:
    found = topics(sent)
    return f" over the {found[0]}" if found else ""


def _yes_no(verb: Token, actors: ActorIndex) -> str | None:
    """'X could do Y' -> 'Will X do Y?' built from the clause's own words."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None:
        return None
    actor = (
        actors.resolve(subject) if subject.pos_ == "PRON" and subject.lower_ not in ("i", "we", "you", "it") else None
    )
    who = _name(actor, actors) if actor else subtree_text(subject)
    dropped = {t.i for t in subject.subtree}
    dropped |= {c.i for c in verb.children if c.dep_ in ("aux", "neg", "mark", "punct") and c.i < verb.i}
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    dropped |= {c.i for c in verb.children if c.dep_ == "auxpass"}
    rest = [t for t in verb.subtree if t.i > verb.i and t.i not in dropped]
    while rest and rest[-1].is_punct:
        rest.pop()
    tail = clean("".join(t.text_with_ws for t in rest)).rstrip(".;,:")
    if verb.lemma_ == "be":
        phrase = f"be {tail}"
    elif passive:
        phrase = f"be {verb.text} {tail}"
    else:
        phrase = f"{verb.lemma_} {tail}"
    if not who:
        return None
    first = next(iter(subject.subtree))
    if not actor and first.pos_ in ("DET", "PRON") and first.lower_ != "i":
        who = who[0].lower() + who[1:]  # "The action will ..." -> "Will the action ..."
    return f"Will {who} {phrase.strip()}?"


def _hedged_clause(sent: Span, quoted: set[int]) -> Token | None:
    """The clause a modal, a forecast or a condition leaves open (in that order of preference)."""
    lex = lexicon()
    modal = forecast = condition = None
    for token in sent:
        head = token.head
        if token.lower_ in lex.uncertain_modals and token.tag_ == "MD" and head.pos_ in ("VERB", "AUX"):
            counterfactual = any(c.lower_ == "have" and c.dep_ == "aux" for c in head.children) and head.tag_ == "VBN"
            if not counterfactual:
                modal = modal or head
        elif token.lemma_.lower() in lex.forecast_verbs and token.pos_ == "VERB":
            clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
            if clause is not None and any(
                c.lower_ in ("will", "would", "could", "may", "might") for c in clause.children
            ):
                forecast = forecast or clause
        elif token.lower_ in ("unless", "if") and token.dep_ == "mark" and token.i not in quoted:
            narrated_past = sent.root.tag_ == "VBD" and sent.root.lemma_.lower() not in lex.speech_verbs
            if head.pos_ in ("VERB", "AUX") and not narrated_past:
                condition = condition or head
    return modal or forecast or condition


def _contest(sent: Span, actors: ActorIndex) -> str | None:
    """'A plans X but B has pushed A to stop' -> Will A X, or will B prevail?"""
    stance = set(lexicon().stance_verbs)
    for token in sent:
        if token.lower_ != "but" or token.dep_ != "cc":
            continue
        first, second = token.head, next((c for c in token.head.children if c.dep_ == "conj"), None)
        if second is None or second.lemma_.lower() not in stance:
            continue
        if first.tag_ == "VBD" or any(c.lower_ == "had" for c in first.children):
            continue  # a past disagreement is history, not an open question
        a = next((actors.resolve(c) for c in first.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        b = next((actors.resolve(c) for c in second.children if c.dep_ == "nsubj"), None)
        if a and b and a != b:
            action = next((c for c in first.children if c.dep_ == "xcomp"), first)
            return f"Will {_name(a, actors)} {action.lemma_} {_object(action)}, or will {_name(b, actors)} prevail?"
    return None


def extract_questions(
    sentences: list[Span], actors: ActorIndex, doc_id: str, starts: list[int | None]
) -> list[OpenQuestion]:
    hedges = lexicon().hedges
    questions: list[OpenQuestion] = []
    for number, sent in enumerate(sentences, 1):
        quoted = quoted_tokens(sent, starts[number - 1] is not None and starts[number - 1] < number)
        text = clean(sent.text)
        lowered = " " + re.sub(r"\s+", " ", text.lower()) + " "
        contest = _contest(sent, actors)
        if text.rstrip("”\"’' ").endswith("?"):
            kind, question = "explicit", text.strip('“”" ')
        elif contest:
            kind, question = "contested", contest
        else:
            family = next((f for phrase, f in hedges.items() if f" {phrase}" in lowered), None)
            clause = _hedged_clause(sent, quoted)
            if family is None and clause is None:
                continue
            if family in (None, "conditional") and clause is not None:
                kind, question = "unresolved", _yes_no(clause, actors) or _phrase(sent, "unresolved", actors)
            else:
                kind, question = family, _phrase(sent, family, actors)
        questions.append(
            OpenQuestion(
                id=stable_id("q", doc_id, str(number), question),
                question=question,
                kind="unresolved" if kind == "prospect" else kind,
                actors=actors.in_span(sent),
                sources=[source(doc_id, sentences, number)],
            )
        )
    return questions
