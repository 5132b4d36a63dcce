"""Whether a position is for or against what it is about, read from its verbs along the parse: the
verb that takes a side, the verbs above it that want, stop or refuse it, and their negations."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from ..lexicon import lexicon

CONDITION_MARKS = {"if", "unless", "provided", "providing"}
NO_ONE = {"nobody", "none", "noone"}
MAX_CHAIN = 6  # verbs followed down one clause ('said it would not want to be seen to back ...')
ABOUT = ("dobj", "prep", "xcomp", "ccomp", "nsubjpass", "advcl", "prt")  # what a side can be taken on


def polarity(verb: Token | None, span: Span, own: Callable[[Token], bool] = lambda t: False) -> str | None:
    """supports | opposes | conditional, or None when no verb takes a side. verb: the word the position
    rests on (a speech or stance verb), else the sentence's root; own: whether a noun subject of a
    reported clause is the speaker's own side ('Cavusoglu said Turkey would not give up ...').

    Signs multiply down the chain from the highest verb above it: 'wants to block' is against,
    'refused to back' and 'stopped supporting' against, 'would not give up' for, 'denied that it
    opposed' for. A fear or a warning is against what it fears, unless it is of a collapse or an end
    ('feared the deal could collapse' is for the deal); a speaker's own threat is its own side
    ('warned it would veto'); a warning with an infinitive is a demand ('warned Congress not to block')."""
    current: Token | None = _top(verb if verb is not None else span.root)
    sign, sided, conditional = 1, False, False
    lex = lexicon()
    for _ in range(MAX_CHAIN):
        if current is None:
            break
        lemma = current.lemma_.lower()
        # 'would not back', 'nobody wants the strike'
        negated = any(c.dep_ == "neg" or c.dep_ == "nsubj" and c.lower_ in NO_ONE for c in current.children)
        thing = _object(current)
        stance_noun = thing is not None and thing.dep_ == "dobj" and thing.lemma_.lower() in lex.stance_noun_sides
        demand = any(c.dep_ == "xcomp" or c.dep_ == "advcl" and _infinitive(c) for c in current.children)
        if lemma in lex.concern_verbs and not demand:
            feared = _reported(current)
            if feared is not None and _own_subject(feared, own):
                current = feared  # 'warned it would veto': the speaker's own threat
                sign = -sign if negated else sign
                continue
            inner = _side_of(feared) if feared is not None else 0
            sign = sign * (1 if negated else -1) * (inner or 1)  # 'feared the deal could collapse': for the deal
            sided = True
            break
        if lemma in lex.opposing_verbs and _about_something(current) or _phrase(current, lex.giving_up_phrases):
            sign, sided = -sign, True
        elif lemma in lex.supporting_verbs and _about_something(current) or _phrase(current, lex.holding_phrases):
            sided = True
        elif lemma in lex.refusing_verbs:
            sign = -sign
        elif lemma in lex.concern_verbs:  # 'warned Congress not to block the budget': a demand
            sided = True
        elif _against(current) and not stance_noun:  # 'was opposed to any intervention', 'appeal against'
            sign, sided = -sign, True
        if negated:
            sign = -sign
        if any(_condition(c) for c in current.children):
            conditional = True
        if sided and thing is not None and thing.lemma_.lower() in lex.ending_nouns:
            sign = -sign  # 'called for an end to the sanctions', 'welcomed the end of the ban': against them
            break
        if stance_noun and thing is not None:
            # 'reiterated its opposition to the plan', 'use its veto against', 'dropped its objection' (for it)
            sign *= lex.stance_noun_sides[thing.lemma_.lower()]
            sided = True
            break
        following = _next_verb(current, lex.speech_verbs | lex.refusing_verbs, own)
        if following is None and thing is not None:  # 'rejected calls to lift the sanctions'
            following = next((c for c in thing.children if c.dep_ in ("acl", "relcl") and _infinitive(c)), None)
        if following is None and not sided:  # 'reacted poorly, but it has held onto the prospect of a deal'
            following = next((c for c in current.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
        current = following
    if not sided:
        return None
    if conditional:
        return "conditional"
    return "supports" if sign > 0 else "opposes"


def _object(verb: Token) -> Token | None:
    """What the verb is done to: its object, or the object of its preposition ('called for an end')."""
    direct = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if direct is not None:
        return direct
    return next((g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"), None)


def _against(verb: Token) -> bool:
    """'was opposed to', 'is against', 'would use its veto against', 'will appeal against'."""
    opposing = lexicon().opposing_verbs
    around = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # 'use its veto against'
    return any(c.dep_ == "prep" and c.lower_ == "against" for t in around for c in t.children) or any(
        c.dep_ == "acomp" and (c.lemma_.lower() in opposing or c.lemma_.lower() == "opposed") for c in verb.children
    )


def _top(verb: Token) -> Token:
    """The highest verb of the chain the word sits in: 'stopped supporting the war', 'failed to support'."""
    while verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _next_verb(verb: Token, reporting: frozenset[str], own: Callable[[Token], bool]) -> Token | None:
    """The verb the clause goes on to: an infinitive ('wants to block'), or what a speech verb reports
    ('said it would not accept'); not a question ('declined to say whether they would accept')."""
    for child in verb.children:
        if child.pos_ in ("VERB", "AUX") and (child.dep_ == "xcomp" or child.dep_ == "advcl" and _infinitive(child)):
            if verb.lemma_.lower() in lexicon().refusing_verbs and child.lemma_.lower() in lexicon().speech_verbs:
                return None  # 'declined to say ...': no side told
            return child  # 'pushed Turkey to end all deliveries' (the parse often makes it an adverbial clause)
    gerunds = [c for c in verb.children if c.dep_ in ("dobj", "pcomp") and c.tag_ == "VBG"]
    gerunds += [g for c in verb.children if c.dep_ in ("prt", "prep") for g in c.children if g.tag_ == "VBG"]
    if gerunds:
        return gerunds[0]  # 'has not ruled out blocking the merger', 'stopped supporting the war'
    if verb.lemma_.lower() not in reporting and verb.dep_ != "ROOT":
        return None
    said = _reported(verb)
    return said if said is not None and _own_subject(said, own) else None


def _reported(verb: Token) -> Token | None:
    """The clause a verb reports ('said it would ...'), not a question ('whether they would ...')."""
    said = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if said is None or any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in said.children):
        return None
    return said


def _own_subject(clause: Token, own: Callable[[Token], bool]) -> bool:
    """'said it would not accept', 'said the takeover should be blocked': the speaker's; 'said MCI had
    rejected', 'said the Conservatives would scrap': another's side, unless the caller knows the subject
    for the speaker's own."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if any(c.tag_ == "MD" and c.lower_ in ("should", "must", "ought") for c in clause.children):
        return True  # 'said the takeover should be blocked': what the speaker holds ought to happen
    return subject is None or subject.pos_ == "PRON" or own(subject)


def _side_of(clause: Token) -> int:
    """+1 or -1 for a clause whose verb takes a side ('could collapse' -1), 0 for none."""
    lex = lexicon()
    lemma = clause.lemma_.lower()
    sign = -1 if lemma in lex.opposing_verbs | lex.failing_verbs else 1 if lemma in lex.supporting_verbs else 0
    return -sign if any(c.dep_ == "neg" for c in clause.children) else sign


def _about_something(verb: Token) -> bool:
    """'vowed to fight the ban', not '"We will fight on"': a side is taken on something."""
    return any(c.dep_ in ABOUT and c.lower_ != "on" for c in verb.children)


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _phrase(verb: Token, phrases: frozenset[str]) -> bool:
    """'give up', 'held onto': the verb with its particle or preposition."""
    after = [c.lower_ for c in verb.children if c.dep_ in ("prt", "prep") and c.i > verb.i]
    return any(f"{verb.lemma_.lower()} {word}" in phrases for word in after)


def _condition(child: Token) -> bool:
    """'will accept if the company drops the freeze'; not 'would back it even if it cost jobs'."""
    marks = {m.lower_ for m in child.children if m.dep_ in ("mark", "advmod")}
    return child.dep_ == "advcl" and bool(marks & CONDITION_MARKS) and "even" not in marks
