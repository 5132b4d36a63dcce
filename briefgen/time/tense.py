"""Tense and time of a clause: whether it speaks of the future, the past, or a plan."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span, Token

from ..lexicon import lexicon


def is_future(verb: Token) -> bool:
    """True when the verb's clause speaks of the future (will, is to, slated to, scheduled)."""
    for child in verb.children:
        if child.dep_ == "aux" and child.lower_ in ("will", "shall", "'ll", "wo", "must"):
            return True
    if verb.lower_ in SCHEDULING and verb.tag_ == "VBN":
        children = list(verb.children)
        if _past_perfect(verb):
            return False  # 'Cole had expected the regime to endure': an expectation overtaken
        to_or_for = any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in children)
        if verb.lower_ == "set":  # "set up in 1927" and "set in 1857" are history
            return to_or_for
        # a predicate ("is expected", "scheduled for May"), not a modifier ("worse-than-expected data")
        predicate = any(c.dep_ in ("aux", "auxpass", "nsubjpass") or c.ent_type_ in ("DATE", "TIME") for c in children)
        return to_or_for or predicate
    head = verb.head
    if verb.dep_ == "xcomp" and head.lower_ in SCHEDULING | PLANNING:
        # a past plan ("the military planned to acquire") is history unless it is reported speech
        return (head.tag_ != "VBD" or head.dep_ == "ccomp") and not _past_perfect(head)
    return be_to(verb)


def _past_perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def be_to(verb: Token) -> bool:
    head = verb.head
    # "Fiat is to get 1bn euros": be + to-infinitive
    if (
        verb.dep_ == "xcomp"
        and head.lemma_ == "be"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not any(c.dep_ in ("acomp", "attr") for c in head.children)  # 'it is not possible to verify'
        and not _among_a_series(head)
    ):
        return True
    return False


def _among_a_series(be: Token) -> bool:
    """'was among the first to report the incident': who did something, not what is to be done."""
    series = lexicon().series_words
    return any(
        c.dep_ == "prep" and c.lower_ == "among" and any(g.dep_ == "pobj" and g.lower_ in series for g in c.children)
        for c in be.children
    )


SCHEDULING = {"scheduled", "slated", "due", "set", "expected", "planned", "earmarked", "timetabled"}
PLANNING = {"going", "plans", "plan", "aims", "aim", "intends", "intend"}


def governing_verb(token: Token) -> Token:
    """The nearest verb above token (or the root when there is none)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def indexed(doc: Doc, name: str, spans: Callable[[], Iterable[Span]]) -> tuple[list[Span], list[int]]:
    """Spans of a document in text order with their starts, built once and kept with the document, so
    that finding the ones at a place is a bisection, not a walk over a long text."""
    key = f"briefgen_index:{name}"
    if key not in doc.user_data:
        found = list(spans())
        doc.user_data[key] = (found, [span.start for span in found])
    return doc.user_data[key]


def sentence_of(token: Token) -> Span:
    """The sentence that holds token (Token.sent walks the document each time it is asked)."""
    sents, starts = indexed(token.doc, "sentences", lambda: token.doc.sents)
    return sents[bisect.bisect_right(starts, token.i) - 1]


def start_of_sentences_before(token: Token, count: int) -> int:
    """Where the text of token's sentence and the count sentences before it begins."""
    sents, starts = indexed(token.doc, "sentences", lambda: token.doc.sents)
    return sents[max(bisect.bisect_right(starts, token.i) - 1 - count, 0)].start


QUOTE_MARKS = {'"', "“", "”", "``", "''", "`"}
AHEAD_WORDS = {"scheduled", "slated", "upcoming", "next", "impending", "forthcoming"}
PAST_AUX = {"has", "have", "had", "was", "were", "did", "'d", "'ve"}


def tense_of(token: Token) -> str | None:
    """past / future for the clause that holds token (used to resolve weekdays and months).

    An infinitive looks ahead of its clause ('agreed to meet again on Tuesday'), and so does a
    present tense or a progressive with a day ('the trial resumes on Monday', 'is being cut off on
    Sunday'); a simple past or a perfect looks back."""
    if token.head.lower_ == "since" and token.head.i < token.i:
        return "past"  # 'on patrol since March': a span that began before now
    if token.head.lower_ == "effective" or (token.i > 0 and token.doc[token.i - 1].lower_ == "effective"):
        return "future"  # 'a new office, effective Feb. 1': when a change takes effect
    verb = governing_verb(token)
    between = token.doc[min(token.i, verb.i) : max(token.i, verb.i)]
    opening = [t for t in between if t.text in QUOTE_MARKS and not (t.i and t.doc[t.i - 1].text == t.text == "`")]
    if len(opening) % 2:
        return None  # 'Wechsler on Thursday: "we reject it"': the quotation's tense is not the date's
    aux_words = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if "would" in aux_words and "have" not in aux_words:
        return "future"  # 'would be paid in January': ahead of the telling
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    shared = verb.dep_ == "conj" and verb.tag_ == "VB" and not aux_words and not own_subject
    modal_words = [c.lower_ for c in verb.head.children if c.dep_ in ("aux", "auxpass")] if shared else aux_words
    if "should" in modal_words and "have" not in modal_words:
        return "future"  # 'should engage in talks and hold elections in September': what is to be done
    if verb.dep_ in ("acl", "relcl") and "to" in aux_words and _one_of_a_series(verb.head):
        return tense_of(verb.head)  # 'became the third housemate to be voted out on Wednesday': as 'became'
    if aux_words[:2] == ["to", "be"] and verb.tag_ == "VBN" and verb.dep_ in ("acl", "xcomp", "relcl"):
        return "future"  # 'guidelines to be published in early November'
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    participle = verb.tag_ == "VBG" and not aux_words and verb.dep_ in ("acl", "advcl") and verb.head.i != verb.i
    if participle and tense_of(verb.head) == "future":
        return "future"  # 'would lobby Russia during a visit starting on Sunday': as 'would lobby'
    while verb.dep_ == "conj" and verb.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        verb = verb.head  # 'will change tactics and take up positions on Saturday': the first verb's tense
    if _planned_in_the_past(verb):
        return "past"  # 'it had been due to expire Friday': a plan overtaken by the telling
    bare_day = token.dep_ == "npadvmod" and token.head.i == verb.i
    if bare_day and verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        verb = verb.head  # 'extended their offers to acquire X Friday': the bare day is the main clause's
    deadline = token.head.lower_ in ("by", "before", "until") and token.head.i < token.i
    if _done_by_the_verb_above(verb) and not deadline:
        return "past"  # 'continued to pound the city Tuesday', 'were able to speak to her Wednesday'
    if (_gerund_of_a_past_verb(verb) or _after_doing(verb)) and not deadline:
        return "past"  # 'began notifying staff on Friday', 'after leaving Liverpool in May'
    sent = sentence_of(token)
    if is_future(verb) or any(t.lower_ in AHEAD_WORDS for t in sent):
        if verb.tag_ not in ("VBD", "VBN") or is_future(verb):
            return "future"  # but not 'the photographer killed on Wednesday' beside 'next week'
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD" or any(a.lower_ in PAST_AUX for a in auxes):
        return "past"
    infinitive = any(a.lower_ == "to" for a in auxes) and verb.dep_ in ("xcomp", "advcl")
    if infinitive and _names_a_weekday(token, verb):
        return "future"
    if verb.head.lower_ == "after" and any(a.lower_ == "being" for a in auxes):
        return "past"  # 'vowed to fight back after being ousted on Thursday': what came before
    present = verb.tag_ in ("VBZ", "VBP") or any(a.lower_ in ("is", "are", "am", "being") for a in auxes)
    if present:
        return "future" if _names_a_weekday(token, verb) else None  # 'is being sold off on Friday'
    if verb.tag_ == "VBN":
        return "past"
    return None


def _one_of_a_series(noun: Token) -> bool:
    """'the third housemate', 'the latest contestant', 'the first star': the infinitive after the noun
    tells who did what, in the tense of the clause that names them."""
    return noun.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "amod" and (c.lower_ in lexicon().series_words or c.tag_ == "JJS") for c in noun.children
    )


def _done_by_the_verb_above(verb: Token) -> bool:
    """An infinitive under a past implicative verb, a past 'was able' or a passive of saying: a thing
    done or found, not a plan."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if head.lower_ in ("able", "unable") and head.dep_ == "acomp":
        return head.head.tag_ == "VBD"
    if head.lemma_.lower() in lexicon().reported_as_verbs and head.tag_ == "VBN":
        return True  # 'was reported to be calm late Sunday', 'footage said to show shelling on Thursday'
    # 'had to cancel 65 flights on Thursday': what one had to do then, done (not 'told tenants they had to
    # leave on Friday', what was still to be done when it was told)
    had_to = head.lemma_ == "have" and head.dep_ != "ccomp"  # 'decided that the team had to play on Sunday'
    return (head.lemma_.lower() in lexicon().implicative_verbs or had_to) and head.tag_ == "VBD"


def _gerund_of_a_past_verb(verb: Token) -> bool:
    """'said it began notifying staff on Friday', 'stopped selling the drug in May': a gerund a verb in
    the simple past takes as its object tells what was done then."""
    head = verb.head
    return (
        verb.tag_ == "VBG"
        and verb.dep_ in ("xcomp", "ccomp")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and head.tag_ == "VBD"
        and head.i != verb.i
        and head.lemma_.lower() not in lexicon().proposing_verbs  # 'proposed holding the vote in September'
    )


def _after_doing(verb: Token) -> bool:
    """'ready to return after leaving Liverpool in May': what is done after a gerund came first."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "pcomp"
        and verb.head.lower_ == "after"
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _planned_in_the_past(verb: Token) -> bool:
    planner = verb.head if verb.dep_ == "xcomp" else verb
    if planner.lower_ not in SCHEDULING:
        return False
    holders = [planner, planner.head] if planner.dep_ == "acomp" else [planner]  # 'had been due to'
    return any(c.dep_ == "aux" and c.lower_ == "had" for h in holders for c in h.children)


def _names_a_weekday(token: Token, verb: Token) -> bool:
    """A present tense or an infinitive points ahead only for a day of the week said of the verb
    itself ('meets on Tuesday', 'to meet on Tuesday') or of an event ('the auction on Sunday is ...'),
    not for 'Friday's purchases' or 'the killing on Thursday of ... shows'; a month or a date
    without a year keeps its nearest reading."""
    day = next((t for t in token.subtree if t.lower_ in WEEKDAY_NAMES), None)
    if day is None:
        return False
    if day.dep_ == "pobj" and day.head.dep_ == "prep":  # an adverbial of time, not a possessive or a modifier
        planned = day.head.head.lemma_.lower() in lexicon().event_nouns  # 'the auction on Sunday is ...'
        return planned or _said_of(day.head, verb)
    return day.dep_ == "npadvmod" and _said_of(day, verb)


def _said_of(token: Token, verb: Token) -> bool:
    """token hangs on the verb, or on a word that describes the verb's subject or manner ('to remain
    closed through Wednesday'), not on a noun ('the killing on Thursday of ...')."""
    head = token.head
    while head.i != verb.i and head.pos_ in ("ADJ", "ADV") and head.head.i != head.i:
        head = head.head
    return head.i == verb.i


WEEKDAY_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def is_hypothetical(token: Token) -> bool:
    """The clause holding token says what could or might be, not what is, was or will be."""
    verb = governing_verb(token)
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    if any(c.lower_ in ("could", "may", "might") for c in auxiliaries):
        return True
    if {"would", "have"} <= {c.lower_ for c in auxiliaries}:
        return True  # 'the shelling would have continued': what did not happen
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and _inverted_condition(subject)


def _inverted_condition(subject: Token) -> bool:
    """'(that,) had the army not intervened on Tuesday', 'Were the bank to fail': a condition put by
    putting the auxiliary before the subject, at the start of a clause."""
    start = subject.left_edge.i
    if start == 0 or subject.doc[start - 1].lower_ not in ("had", "were", "should"):
        return False
    before = subject.doc[start - 2] if start >= 2 else None
    return (
        before is None
        or bool(before.is_sent_end)
        or before.is_punct
        or before.lower_ == "that"
        or bool(subject.doc[start - 1].is_sent_start)
    )


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
    told_as_done = verb.tag_ == "VBD" and not any(c.dep_ == "aux" for c in verb.children)  # 'by Friday, they got it'
    if head.dep_ == "prep" and head.lower_ in ("by", "until", "before") and not (past_perfect or told_as_done):
        return True  # a deadline or target: "would employ one in five by 2020", "by 2007, it is predicted"
    if tense == "future" or any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children):
        return True
    # an infinitive looks ahead from the clause it hangs on: "want to increase nursery hours from
    # April 2007", but not "gave Fiat an option to sell between 2004 and 2009"
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and _tag_above(verb) not in ("VBD", "VBN")


def _tag_above(verb: Token) -> str | None:
    above = governing_verb(verb.head)
    return above.tag_ if above.i != verb.i else None
