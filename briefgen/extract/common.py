"""Helpers the extractors share: sentence sources, clause text, topics and tense."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

from ..lexicon import lexicon
from ..time.tense import (  # noqa: F401 - the extractors import them from here
    SCHEDULING,
    governing_verb,
    indexed,
    is_ahead,
    is_future,
    is_hypothetical,
    sentence_of,
    tense_of,
)

QUOTE_CHARS = '"“”'
# Model numbers and codes name things, not actors: S-400, F-35s, 5G-A.
DESIGNATION = re.compile(r"\b[A-Za-z]{1,4}-\d{1,4}[A-Za-z]*\b|\b\d+[A-Za-z]*-[A-Z]")


def ents_in(span: Span) -> list[Span]:
    """The entities inside span; Span.ents rebuilds every entity of the document on each call."""
    ents, starts = indexed(span.doc, "entities", lambda: span.doc.ents)
    first = bisect.bisect_left(starts, span.start)  # entities are in text order: a long text stays linear
    found = []
    for ent in ents[first:]:
        if ent.start >= span.end:
            break
        if ent.end <= span.end:
            found.append(ent)
    return found


def clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    text = re.sub(r"\s[-–—]\s+[-–—](?=\s)", "", text)  # the dashes of an aside taken out: 'its unit - - could'
    return text.strip(" ,;:")


def in_text_order(tokens: Iterable[Token]) -> list[Token]:
    """Tokens in the order of the text: a subtree follows the parse, and an arc that crosses another
    ('won the title, then the Five Nations, in 1985', its first comma hung on 'won') puts a token out
    of place."""
    return sorted(tokens, key=lambda t: t.i)


def subtree_text(token: Token, exclude: set[int] | None = None) -> str:
    tokens = [t for t in token.subtree if not exclude or t.i not in exclude]
    if not tokens:
        return ""
    doc = token.doc
    return clean(doc[tokens[0].i : word_end(tokens[-1]) + 1].text)


def word_end(token: Token) -> int:
    """Where the word a token is part of ends: 'co' of 'co-leader', 're' or 're-' of 're-devise', their rest
    parsed into another clause, is not cut at its hyphen."""
    doc, end = token.doc, token.i
    while end + 1 < len(doc) and not doc[end].whitespace_:
        joined = doc[end].text == "-" and end > 0 and not doc[end - 1].whitespace_
        step = 1 if joined else 2
        if end + step >= len(doc) or not doc[end + step].is_alpha:
            break
        if not joined and (doc[end + 1].text != "-" or doc[end + 1].whitespace_):
            break
        end += step
    return end


def word_start(token: Token) -> int:
    """Where the word a token ends begins: 'mail' of 'e-mail', its 'e-' parsed apart."""
    doc, start = token.doc, token.i
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
        if doc[start - 2].whitespace_ or not doc[start - 2].is_alpha:
            break
        start -= 2
    return start


def topics(span: Span) -> list[str]:
    found: list[str] = []
    for match in DESIGNATION.finditer(span.text):
        name = re.sub(r"(?<=\d)s$", "", match.group(0))
        if name not in found:
            found.append(name)
    for ent in ents_in(span):
        if ent.label_ in ("PRODUCT", "LAW", "EVENT") and not DESIGNATION.search(ent.text):
            name = clean(re.sub(r"^(the|a)\s+", "", ent.text))
            if name and name not in found and re.search(r"[^\W\d_]{3}", name):  # not '300p'
                found.append(name)
    nouns = set(lexicon().topic_nouns)
    for token in span:
        if token.lower_ in nouns and token.pos_ == "NOUN" and token.lower_ not in found and not _names_a_body(token):
            found.append(token.lower_)
    return found[:4]


def _names_a_body(noun: Token) -> bool:
    """'the Commons trade committee', 'the health secretary': the noun names who it is, not an issue
    ('the UN Security Council' is a proper name, never a topic noun)."""
    lex = lexicon()
    bodies = lex.institution_nouns | lex.org_head_nouns | lex.titles | lex.agent_nouns
    return noun.dep_ in ("compound", "amod") and noun.head.lemma_.lower() in bodies


def starts_paragraph(sent: Span) -> bool:
    return breaks_before(sent.doc[sent.start])


def breaks_before(token: Token, mark: str = "\n\n") -> bool:
    """Whether the text breaks (a blank line, or with mark '\n' a new line) right before the token."""
    if token.i == 0:
        return True
    previous = token.doc[token.i - 1]
    return mark in previous.whitespace_ or (previous.is_space and mark in previous.text)


def sentence_case(text: str) -> str:
    """A clause shown on its own: without a leading 'that'/'whether', first letter capitalised. A capital
    'That' opened the sentence and is its subject ('That is £1,000 cheaper ...'), not a conjunction."""
    text = re.sub(r"^(that|whether|if)\s+", "", text)
    return text[0].upper() + text[1:] if text else text


def with_named_subject(text: str, head: Token, actors, only: set[str] | None = None) -> str:
    """'He expected ...' -> 'Richard Besser expected ...': a clause shown on its own names the actor its
    pronoun subject stands for (only those pronouns, when given), and the body a bare 'the company' is."""
    noun = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
    meant = _described_actor(noun, actors) if noun is not None else None
    if meant is not None and noun is not None:
        said = "".join(t.text_with_ws for t in noun.subtree).strip()
        if text.lower().startswith(said.lower() + " "):  # 'The company plans ...' -> 'Infosys plans ...'
            return sentence_case(actors.display(meant) + text[len(said) :])
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON"), None)
    if subject is not None and only is not None and subject.lower_ not in only:
        return text
    if subject is not None and subject.lower_ == "it" and head.lemma_ == "be":
        return text  # 'it is not possible to verify ...' points back to nothing
    if subject is not None and subject.lower_ == "it" and _that_clause(head):
        return text  # 'it is expected that both brothers will ...': the 'it' stands for the clause
    actor = actors.resolve(subject) if subject is not None else None
    if actor is None or subject is None or not text.lower().startswith(subject.lower_ + " "):
        return text
    named = actors.display(actor) + text[len(subject.text) :]
    return named[0].upper() + named[1:]


def _described_actor(noun: Token, actors) -> str | None:
    """The actor a subject names by description alone: a bare 'the company' (the one body just named),
    'the minister', 'the 17-year-old' (the person the text names so) — never a phrase with a name in it."""
    tree = list(noun.subtree)
    if len(tree) > 4 or any(t.pos_ == "PROPN" or t.ent_type_ for t in tree if t.ent_type_ != "DATE"):
        return None
    body = actors.body_meant(noun)
    if body is not None:
        return body
    actor = actors.resolve(noun)
    return actor if actor in actors.actors and actors.actors[actor].kind == "person" else None


def _that_clause(verb: Token) -> bool:
    return any(
        c.dep_ in ("ccomp", "csubj") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in verb.children
    )


WH_SUBJECTS = {"who", "which", "that"}


def relative_as_clause(
    head: Token, tokens: list[Token] | None = None, past: bool = False
) -> tuple[str, list[Token]] | None:
    """A relative clause rebuilt around the noun it describes, so that it stands on its own: 'the
    election, which is widely expected next May' -> 'the election is widely expected next May', 'a
    strike already earmarked for 23 March' -> 'a strike is already earmarked for 23 March' (a
    passive participle after its noun is a relative clause without 'which is'). None when the clause
    is no relative clause about its noun's subject, or cannot be told as one ('the deal they signed',
    'plans to strike'). tokens: the clause's own words, when some of its subtree is left out; past: a
    participle told of the past ('the contract, signed in 2000' -> 'the contract was signed in 2000')."""
    if head.dep_ not in ("relcl", "acl") or head.head.pos_ not in ("NOUN", "PROPN"):
        return None
    clause = in_text_order(tokens if tokens is not None else head.subtree)
    relative = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in WH_SUBJECTS), None)
    reduced = head.dep_ == "acl" and head.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in head.children)
    if relative is None and not reduced:
        return None
    named = head.head.head if head.head.dep_ == "appos" else head.head  # 'Farrell, a reporter who ...'
    loose = {t.i for c in named.children if c.dep_ in ("relcl", "appos", "acl", "punct") for t in c.subtree}
    own = in_text_order(t for t in named.subtree if t.i not in loose and t.i < head.left_edge.i and not _loose_mark(t))
    if own:  # 'e-mail', its 'e-' parsed as subjects of their own
        own = [*named.doc[word_start(own[0]) : own[0].i], *own]
    plural = named.tag_ in ("NNS", "NNPS")
    copula = [("were" if plural else "was") if past else ("are" if plural else "is")] if reduced else []
    words = [t.text_with_ws for t in clause if relative is None or t.i != relative.i]
    return clean(" ".join(["".join(t.text_with_ws for t in own).strip(), *copula, "".join(words)])), own + clause


def _loose_mark(token: Token) -> bool:
    """Punctuation between words, not inside one ('three-day' keeps its hyphen)."""
    inside = token.i > 0 and not token.whitespace_ and not token.doc[token.i - 1].whitespace_
    return token.is_punct and not (inside and token.text in "-/")


def denied_by_no(noun: Token) -> bool:
    """'no plans', 'no sign', 'no date': a noun its determiner 'no' denies."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def has_subject(verb: Token) -> bool:
    """The verb has a subject of its own ('that it may be ready' has; 'been advised that ...' has not;
    'what he said has angered them' has a clause for one)."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)


def next_step(verb: Token) -> bool:
    """'The next step is for the supreme court to annul the sale': what is named as coming next."""
    head = verb.head
    if verb.dep_ not in ("advcl", "xcomp", "ccomp") or head.lemma_ != "be" or head.dep_ != "ROOT":
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return (
        subject is not None
        and subject.lemma_.lower() in lexicon().next_step_nouns
        and any(c.lower_ == "next" for c in subject.children)
    )


def shortened(text: str, limit: int) -> str:
    """The text cut to its first limit words, with an ellipsis when it was longer."""
    words = text.split()
    return " ".join(words[:limit]) + " …" if len(words) > limit else text


def done_to_after_with(verb: Token) -> bool:
    """'..., with Gary Neville criticised for continuing the feud': after 'with', a participle without an
    auxiliary tells what was done to its noun (Neville was criticised), not what the noun did or said."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (
        verb.tag_ in ("VBD", "VBN")
        and subject is not None
        and any(c.dep_ in ("mark", "prep") and c.lower_ == "with" and c.i < subject.i for c in verb.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )  # 'caught Heinze on the head with his knee': the knee is how, after the verb


def infinitive_host(verb: Token) -> Token:
    """'declined [to comment]', 'is expected [to vote]': the verb an infinitive hangs on."""
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
    return verb


def in_the_process_of(verb: Token) -> Token | None:
    """The work in 'X is (currently) in the process of finalising Y': 'finalising'; None otherwise.
    Work told of the past ('was in the process of') or denied is not under way."""
    if verb.lemma_ != "be" or verb.lower_ not in ("is", "are") or any(c.dep_ == "neg" for c in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            process = next((g for g in prep.children if g.dep_ == "pobj" and g.lemma_ == "process"), None)
            of = next((c for c in process.children if c.lower_ == "of"), None) if process is not None else None
            work = next((c for c in of.children if c.tag_ == "VBG"), None) if of is not None else None
            if work is not None:
                return work
    return None


def contingent(verb: Token) -> bool:
    """A plain 'if' on a step makes it a contingency ('will be shut if necessary', 'would consider leaving
    if the club was knocked out'); 'only if' and 'unless' set a condition on a step still expected."""
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ == "if" and m.nbor(-1).lower_ != "only" for m in c.children)
        for c in verb.children
    )


def no_step(verb: Token, dated: str | None = None, states: bool = True) -> bool:
    """What a verb says ahead is no step to watch: a trend or a figure forecast ('the market will grow
    to 836m euros', 'could quadruple by 2050'), a quality ('the contest will be a scrappy encounter')
    or a capacity ('the iPod will hold 120 songs'). A state or a quality of an event still is one ('the
    vote will be on Friday', 'the election will be a close contest'), and so is whatever is dated
    (dated: the precision of a date ahead in the clause, if any: 'fares will rise by 4% in January' is
    a change on its day; 'will grow by 12% in 2022' only a year's forecast). states: whether a state
    other than a quality is no step either (for what to watch, not for what to ask)."""
    lex = lexicon()
    lemma = verb.lemma_.lower()
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if dated in ("day", "month"):
        return False
    figure = lemma == "be" and any(c.dep_ == "attr" and _a_figure(c) for c in verb.children)
    stepping = any(c.dep_ in ("dobj", "prt") or c.dep_ == "prep" and c.lower_ in ("into", "out") for c in verb.children)
    if lemma in lex.trend_verbs and not stepping or figure:
        # 'Sales are expected to fall in 2005, Fiat said', 'inflation would be 1.75%, Mr Brown forecast': a
        # party's own outlook ('promised to increase nursery hours', 'will drop out of the race', 'will
        # expand into China' are steps of their own)
        return not _told_by_a_party(verb)
    quality = lemma == "be" and any(_a_quality(c) for c in verb.children if c.dep_ == "attr")
    if not states:  # a question may ask what a state will be ('Will Blue Gene be capable of ...?')
        return quality
    if any({s.lemma_.lower(), s.lower_} & lex.event_nouns for s in subjects):
        return False  # 'the election will be a close contest': the election is ahead
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    if any(t.lemma_.lower() in lex.event_nouns or t.lower_ in lex.event_nouns for o in objects for t in o.subtree):
        return False  # 'will hold three days of talks'
    if lemma in lex.capacity_verbs:
        # 'will hold 120 songs', 'will operate about 1,000 stores': a capacity; 'will hold the seat', 'will
        # contain the wildfire', 'the ceasefire will hold' are steps
        return any(_a_figure(o) for o in objects) and not dated
    if lemma not in lex.state_verbs or dated:
        return False
    if quality:
        return True  # 'the stadium will be a fortress', 'will be a scrappy encounter'
    return not {w for o in (*objects, *subjects) for w in (o.lemma_.lower(), o.lower_)} & lex.event_nouns


def _a_quality(noun: Token) -> bool:
    """'a scrappy encounter', 'the perfect choice', 'a fortress': what something will be like, not who or
    what it will be ('the Democratic nominee', 'law by Christmas', 'the preferred bidder')."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in lexicon().event_nouns:
        return False
    described = [
        c
        for c in noun.children
        if c.dep_ == "amod" and c.is_lower and (c.pos_ == "ADJ" and c.tag_ != "VBN" or c.tag_ == "VBG")
    ]
    return (
        bool(described)
        or not any(c.dep_ in ("amod", "compound", "prep", "poss") for c in noun.children)
        and any(c.dep_ == "det" and c.lower_ == "a" for c in noun.children)
    )


def _a_figure(noun: Token) -> bool:
    return (
        noun.like_num
        and noun.lower_ != "one"
        or noun.text == "%"
        or any(c.dep_ == "nummod" or c.dep_ == "quantmod" for c in noun.children)
    )


def _told_by_a_party(verb: Token) -> bool:
    """The clause is said by a named party ('..., Fiat said'), not by a report, analysts or no one."""
    lex = lexicon()
    for head in verb.ancestors:
        if head.lemma_.lower() in lex.speech_verbs | lex.forecast_verbs:
            subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if subject is not None:  # 'are expected to fall' has none: who expects it is said further up
                # 'Rolls-Royce ... It said sales would fall', 'its chief executive said': the party itself
                own = subject.lower_ in ("it", "they") or any(c.dep_ == "poss" for c in subject.children)
                own = own or subject.lower_ in lex.generic_body_nouns  # 'the bank forecast', 'the company said'
                return own or subject.pos_ == "PROPN" or subject.ent_type_ in ("ORG", "PERSON", "GPE")
    return False


def a_share_of_people(subject: Token) -> bool:
    """'32%', 'Forty-three per cent', 'One in four', 'nearly half those surveyed': a count of those asked
    ('Lufthansa, which owns 49% of Swiss' and 'two in the shadow cabinet' are not)."""
    if subject.lower_ in ("%", "percent", "cent"):
        return True
    words = {t.lower_ for t in subject.subtree}
    share = subject.like_num or subject.lemma_.lower() in ("half", "third", "quarter", "majority", "minority")
    one_in = any(c.lower_ == "in" and any(g.like_num for g in c.children) for c in subject.children)
    return share and (one_in or bool(words & {"surveyed", "polled", "questioned", "respondents"}))
