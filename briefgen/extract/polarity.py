"""Whether a position is for or against what it is about, read from its verbs along the parse: the
verb that takes a side, the verbs above it that want or refuse it, and their negations."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicon import lexicon

CONDITION_MARKS = {"if", "unless", "provided", "providing"}
MAX_CHAIN = 6  # verbs followed down one clause ('said it would not want to be seen to back ...')


def polarity(verb: Token | None, span: Span) -> str | None:
    """supports | opposes | conditional, or None when no verb takes a side. verb: the word the position
    rests on (a speech or stance verb), else the sentence's root. Signs multiply down the chain:
    'wants to block' is against, 'refused to back' against, 'would not give up' for; a fear or a
    warning is against whatever it is of."""
    start = verb if verb is not None else span.root
    sign, sided, conditional = 1, False, False
    lex = lexicon()
    current: Token | None = start
    for _ in range(MAX_CHAIN):
        if current is None:
            break
        lemma = current.lemma_.lower()
        if lemma in lex.concern_verbs:  # 'fears Russia would use the S-400', 'warned it would veto': against
            negated = any(c.dep_ == "neg" for c in current.children)
            sign, sided = (sign if negated else -sign), True
            break
        if lemma in lex.opposing_verbs or _phrase(current, lex.giving_up_phrases):
            sign, sided = -sign, True
        elif lemma in lex.supporting_verbs or _phrase(current, lex.holding_phrases):
            sided = True
        elif lemma in lex.refusing_verbs:
            sign = -sign
        if any(c.dep_ == "neg" for c in current.children):
            sign = -sign
        if any(_condition(c) for c in current.children):
            conditional = True
        following = _next_verb(current, lex.speech_verbs)
        if following is None and not sided:  # 'reacted poorly, but it has held onto the prospect of a deal'
            following = next((c for c in current.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
        current = following
    if not sided:
        return None
    if conditional:
        return "conditional"
    return "supports" if sign > 0 else "opposes"


def _next_verb(verb: Token, speech: frozenset[str]) -> Token | None:
    """The verb the clause goes on to: an infinitive ('wants to block'), or what a speech verb reports
    ('said it would not accept')."""
    for child in verb.children:
        if child.pos_ in ("VERB", "AUX") and (child.dep_ == "xcomp" or child.dep_ == "advcl" and _infinitive(child)):
            return child  # 'pushed Turkey to end all deliveries' (the parse often makes it an adverbial clause)
    if verb.lemma_.lower() not in speech and verb.dep_ != "ROOT":
        return None
    said = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if said is None:
        return None
    subject = next((c for c in said.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.pos_ != "PRON" and not any(c.tag_ == "MD" for c in said.children):
        return None  # 'Qwest said MCI had rejected a deal': MCI's side ('said Turkey would not give up': the speaker's)
    return said


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _phrase(verb: Token, phrases: frozenset[str]) -> bool:
    """'give up', 'held onto': the verb with its particle or preposition."""
    after = [c.lower_ for c in verb.children if c.dep_ in ("prt", "prep") and c.i > verb.i]
    return any(f"{verb.lemma_.lower()} {word}" in phrases for word in after)


def _condition(child: Token) -> bool:
    return child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in child.children)
