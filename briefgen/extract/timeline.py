"""Timeline: dated events, the clause each date belongs to, resolved against the document date."""

from __future__ import annotations

import bisect
import datetime as dt
import re

from spacy.tokens import Span, Token

from ..findings import TimelineEvent, stable_id
from ..lexicon import lexicon
from ..time.tagger import tagged
from ..time.tense import WEEKDAY_NAMES, be_to, governing_verb, tense_of
from ..time.timex import Timex
from ..time.words import contains, iso_week
from .common import (
    WH_SUBJECTS,
    clean,
    has_subject,
    in_text_order,
    infinitive_host,
    is_ahead,
    is_hypothetical,
    relative_as_clause,
    sentence_case,
    shortened,
    with_named_subject,
)
from .cues import cue_spans
from .names import is_news_outlet
from .parsed import Parsed

MAX_EVENT_WORDS = 40
QUOTE_MARKS = set("\"“”‘'")
TIME_MARKS = {"after", "when", "as", "since", "before", "while", "once", "until"}


def resolve_dates(sent: Span, anchor: dt.date | None) -> list[tuple[Span, Timex]]:
    """The sentence's dates with a calendar value, from the one date tagger (the one eval-timex scores)."""
    found = []
    tags = tagged(sent.doc, anchor)
    starts = sent.doc.user_data.get(f"briefgen_timex_starts:{anchor}")
    if starts is None or len(starts) != len(tags):
        starts = sent.doc.user_data[f"briefgen_timex_starts:{anchor}"] = [
            t.span.start if t.span is not None else -1 for t in tags
        ]
    for t in tags[bisect.bisect_left(starts, sent.start) : bisect.bisect_left(starts, sent.end)]:
        if t.span is None:
            continue
        timex = t.timex
        if timex.precision is None and CALENDAR_DAY.match(timex.value):
            timex = Timex(timex.value[:10])  # 'last night', 'this afternoon': the day is what a timeline needs
        if timex.precision is None and PART_OF_YEAR.match(timex.value):
            timex = Timex(timex.value[:4])  # 'by the autumn', 'the first quarter of 2009': the year is what is sure
        if timex.precision is None and ISO_WEEK.match(timex.value) and anchor and timex.value > iso_week(anchor):
            timex = _month_of_week(timex)  # 'next week': the month, when it holds the whole week
        if timex.precision:
            found.append((t.span, timex))
    return found


def _month_of_week(timex: Timex) -> Timex:
    monday = dt.date.fromisocalendar(int(timex.value[:4]), int(timex.value[6:8]), 1)
    sunday = monday + dt.timedelta(days=6)
    return Timex(monday.isoformat()[:7]) if monday.month == sunday.month else timex


CALENDAR_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}T")
ISO_WEEK = re.compile(r"^\d{4}-W\d{2}$")
PART_OF_YEAR = re.compile(r"^\d{4}-(?:SP|SU|FA|WI|Q[1-4]|H[12])$")


def _event_head(ent: Span) -> Token:
    """The verb whose clause holds the date, or the noun phrase the date qualifies."""
    root = token = _first_of_range(ent.root)
    while token.head.i != token.i and token.head.pos_ not in ("VERB", "AUX"):
        token = token.head
    verb = token.head
    if verb.i == token.i:
        return token
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not has_subject(verb):
        verb = verb.head  # 'was kidnapped and rescued in 2009': the clause with the subject
    date_is_adjunct = token == root or (token.dep_ == "prep" and any(c == root for c in token.children))
    if not date_is_adjunct and token.dep_ == "prep":
        objects = [c for c in token.children if c.dep_ == "pobj"]
        if objects:
            return objects[0]
    return verb


def _first_of_range(root: Token) -> Token:
    """'between January 2004 and July 2009': the second date hangs on the first."""
    while root.dep_ == "conj" and root.head.ent_type_ in ("DATE", "TIME") and root.head.i != root.i:
        root = root.head
    return root


def event_text(ent: Span, other_dates: list[Span], past: bool = False) -> tuple[str, list[Token], Token, list[Token]]:
    """The clause the date belongs to, without the parts that carry other dates, its head, and the tokens
    of the date's own part (what the clause is about, when the text was left whole); past: the date is
    before the article's."""
    head = _event_head(ent)
    while head.dep_ in ("xcomp", "ccomp") and head.head.pos_ in ("VERB", "AUX") and head.head.i != head.i:
        if head.dep_ == "ccomp" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
            break  # a finite clause reads alone; 'expect it to debut in 2005' does not
        head = head.head  # 'agreed to meet on Tuesday', 'which is expected to make a loss in 2004'
    excluded: set[int] = set()
    for child in head.children:
        subtree = {t.i for t in child.subtree}
        if (
            child.dep_ in ("prep", "advcl", "ccomp", "conj", "cc")
            and any(o.start in subtree for o in other_dates)
            and ent.start not in subtree
        ):
            excluded |= subtree
    tokens = in_text_order(t for t in head.subtree if t.i not in excluded)
    own: list[Token] | None = None  # the date's own part, when the text is left whole
    passive = any(c.dep_ == "auxpass" for c in head.children)
    after = [t for t in tokens if t.i > head.i and not t.is_punct]
    only_its_date = all(ent.start <= t.i < ent.end or t == ent.root.head for t in after)  # 'said on Tuesday.'
    if excluded and not passive and (not after or only_its_date and head.lemma_.lower() in lexicon().speech_verbs):
        # 'the central bank released [growth figures showing the economy expanded in 2004]', parsed as a
        # clause of its own: what was released went with it, and the clause is left whole
        own, tokens = tokens, in_text_order(head.subtree)
    if (
        head.dep_ == "advcl"
        and tokens[0].dep_ == "mark"
        and tokens[0].lower_ in TIME_MARKS
        and _named_subject(head)
        and (_no_event(infinitive_host(head.head)) or tokens[0].lower_ == "since")
    ):
        # 'declined to comment [after the talks ended on Friday]': the talks ended; 'the worst attack [since a
        # truce began in April]': the truce began then, the attack did not
        tokens = tokens[1:]
    relative = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in WH_SUBJECTS), None)
    reduced = head.dep_ == "acl" and head.tag_ == "VBN"
    rebuilt = relative_as_clause(head, tokens, past) if relative is not None or reduced else None
    if rebuilt is not None:
        # 'Parmalat, which went bust in 2003' -> 'Parmalat went bust in 2003', 'the contract, signed in
        # 2000,' -> 'the contract was signed in 2000': the clause about the name
        text, tokens = rebuilt
    else:
        text = clean("".join(t.text_with_ws for t in tokens))
    text = re.sub(r"[,;:]+(?=[.!?]$)", "", text)  # 'down 1.2% on Tuesday,.' once 'after ...' is left out
    # 'failed a test on October 18 and' once 'was banned in November' is left out
    text = re.sub(r"[\s,]+(?:and|or|but)([.!?]?)$", r"\1", text)
    return sentence_case(shortened(text, MAX_EVENT_WORDS)), tokens, head, own or tokens


def extract_timeline(parsed: Parsed) -> list[TimelineEvent]:
    events: list[TimelineEvent] = []
    actors, anchor = parsed.actors, parsed.anchor
    for number, sent in parsed.numbered():
        shown = _SentenceEntries(sent)
        dated = resolve_dates(sent, anchor)
        candidates = [
            (ent, timex, _scheduled(ent, timex, anchor)) for ent, timex in dated if _may_date_an_event(ent, sent)
        ]
        told = {governing_verb(ent.root).i for ent, _, scheduled in candidates if not scheduled}
        if told:
            # 'Mubarak said Tuesday he will step down in September': the saying is the event; what it
            # announces for September is watched, and stays in the saying's text ('an option to sell
            # between January 2004 and July 2009' is one clause and keeps both)
            announced = {ent.start for ent, timex in dated if _scheduled(ent, timex, anchor)}
            announced -= {ent.start for ent, _ in dated if governing_verb(ent.root).i in told}
            dated = [(ent, timex) for ent, timex in dated if ent.start not in announced]
            candidates = [c for c in candidates if c[0].start not in announced]
        for ent, timex, scheduled in candidates:
            others = [o for o, _ in dated if o is not ent]
            if ent.start > 0 and ent.doc[ent.start - 1].lower_ == "or" and any(o.end == ent.start - 1 for o in others):
                continue  # 'on Saturday or Sunday': one event, entered on the first day it may fall
            past = anchor is not None and timex.value < anchor.isoformat()[: len(timex.value)]
            text, tokens, head, own = event_text(ent, others, past)
            if _claimed(head):
                # 'High claimed Kaplan made three errors which changed the outcome of Sunday's match': his claim
                text, tokens, head = shortened(sentence_case(clean(sent.text)), MAX_EVENT_WORDS), list(sent), sent.root
                own = tokens
            elif not (_is_clause(tokens) and _has_own_subject(head)) and not _told_of_its_noun(head, tokens):
                # 'Sunday's announcement', 'To vote off three members last November', ', paying the SEC $250m'
                text = shortened(sentence_case(clean(sent.text)), MAX_EVENT_WORDS)
                tokens, head = list(sent), sent.root  # the sentence shown whole: its own subject is named
                own = tokens
            if _no_event(head, ent):
                continue
            text = with_named_subject(text, head, actors, only={"he", "she"})  # 'they' is too often unnamed
            if shown.told(text, ent, timex, scheduled):
                continue
            event = TimelineEvent(
                id="",
                date=timex.value,
                precision=timex.precision,
                event=text,
                actors=actors.in_span(sent),
                sources=[parsed.source(number)],
                scheduled=scheduled,
            )
            shown.add(text, event, ent)
            _add(events, event, _nouns(own))  # folded by what its date's own part is about
    lead = _lead_event(parsed)
    if lead is not None and not any(
        e.sources[0].sentence == lead.sources[0].sentence and e.date == lead.date for e in events
    ):
        # 'McCririck has become the latest to be evicted' and '... was ordered to leave on Monday': one event
        same_day = next((e for e in events if e.date == lead.date and set(e.actors) & set(lead.actors)), None)
        if same_day is not None:
            same_day.sources.insert(0, lead.sources[0])
        else:
            events.insert(0, lead)
    for event in events:
        event.id = stable_id("evt", parsed.doc_id, event.date or "", event.sources[0].text)
    return events


class _SentenceEntries:
    """A sentence's entries by their text. A sentence shown whole for each of its dates ('is set to announce
    his squad for the June-July tour next month') is one entry, on the date said of a verb rather than
    naming a noun, the sentence's own verb's first; the two ends of a span ('between January 2004 and
    July 2009') are told apart."""

    def __init__(self, sent: Span) -> None:
        self.sent = sent
        self.entries: dict[str, tuple[TimelineEvent, Span]] = {}

    def _rank(self, ent: Span) -> tuple[bool, bool]:
        said_of_a_verb = ent.root.dep_ not in ("compound", "amod", "poss", "nmod")
        return said_of_a_verb, governing_verb(ent.root).i == self.sent.root.i

    def told(self, text: str, ent: Span, timex: Timex, scheduled: bool) -> bool:
        """Whether the text is already an entry of the sentence (moved to this date if it ranks higher)."""
        if text not in self.entries:
            return False
        earlier, earlier_ent = self.entries[text]
        rank, earlier_rank = self._rank(ent), self._rank(earlier_ent)
        if _range(earlier_ent, ent) and rank[0] and earlier_rank[0]:
            return False
        if rank > earlier_rank:
            earlier.date, earlier.precision, earlier.scheduled = timex.value, timex.precision, scheduled
            self.entries[text] = (earlier, ent)
        return True

    def add(self, text: str, event: TimelineEvent, ent: Span) -> None:
        self.entries[text] = (event, ent)


def _range(first: Span, second: Span) -> bool:
    """'between January 2004 and July 2009', 'from March to May': the two ends of one span of time."""
    start, end = sorted((first, second), key=lambda e: e.start)
    between = [t.lower_ for t in start.doc[start.end : end.start]]
    return between in (["and"], ["to"], ["-"], ["until"], ["through"])


def _may_date_an_event(ent: Span, sent: Span) -> bool:
    if not_when(ent) or is_hypothetical(ent.root) or will_not(ent):  # "could quadruple by 2050"
        return False
    # '"Maybe there will be an offer in the summer"': a speaker's guess, no event
    return ent.start not in sent._.quoted or _told_as_done(ent)


def _scheduled(ent: Span, timex: Timex, anchor: dt.date | None) -> bool:
    if anchor is None:
        return is_ahead(ent)
    now = anchor.isoformat()[: len(timex.value)]
    return timex.value > now or (timex.value == now and len(now) < 10 and is_ahead(ent))


def _told_as_done(ent: Span) -> bool:
    """'"We had discussions with Steve over the course of 2004"': a speaker's account of what happened,
    in the past and not denied ('"We didn't have an offer last summer"')."""
    verb = governing_verb(ent.root)
    return tense_of(ent.root) == "past" and not any(c.dep_ == "neg" for c in (*verb.children, *verb.head.children))


def _ahead_of(token: Token) -> bool:
    """The day of an occasion something is done 'ahead of' ('ahead of Tuesday's match', 'ahead of
    talks on Friday')."""
    noun = token.head if token.dep_ == "poss" else token
    if noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # 'ahead of talks on Friday'
    of = noun.head
    return noun.dep_ == "pobj" and of.lower_ == "of" and of.head.lower_ == "ahead"


def _lead_event(parsed: Parsed) -> TimelineEvent | None:
    """A news story's first sentence reports the day's news ('A Russian company has bought ...'): with
    no date of its own, a perfect or simple past there happened on the article's date."""
    anchor = parsed.anchor
    lead = next((s for s in parsed.sentences[:2] if s.root.pos_ in ("VERB", "AUX") and len(s) > 6), None)
    if anchor is None or lead is None:
        return None
    root = lead.root
    if root.i in lead._.quoted or lead.text.lstrip()[:1] in QUOTE_MARKS:
        return None  # '"We will fight on," he said': words, not the day's news ('branded a "retreat"' is)
    day = anchor.isoformat()
    if any(
        not (_ends_a_state(ent) or (_in_noun_clause(ent, root) and timex.value > day[: len(timex.value)]))
        for ent, timex in resolve_dates(lead, anchor)
    ):
        return None  # a lead dated in its own words is on the timeline already ('until the end of the year' is not)
    weeks = [t.span.start for t in tagged(lead.doc, anchor) if t.span is not None and ISO_WEEK.match(t.timex.value)]
    if any(lead.start <= start < lead.end for start in weeks):
        return None  # 'reached an agreement last week': not the article's day, and no day to give it
    perfect = root.tag_ == "VBN" and any(c.lower_ in ("has", "have") for c in root.children if c.dep_ == "aux")
    # 'GM is to pay Fiat 1.55bn euros': news style for a decision announced that day
    announced = root.lemma_ == "be" and root.tag_ in ("VBZ", "VBP") and any(be_to(c) for c in root.children)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if not (perfect or announced or root.tag_ == "VBD") or subject is None:
        return None
    quoting = any(c in lead.text for c in QUOTE_MARKS - {"'"})
    if quoting and not perfect:
        return None  # 'Ronald Reagan called the Soviet Union an "evil empire"': a remark of long ago
    labelled = root.lemma_.lower() in lexicon().labelling_verbs | {"know", "nickname", "call", "hail", "name"}
    if quoting and labelled and any(c.dep_ == "auxpass" for c in root.children):
        return None  # 'The A9 has been dubbed "Scotland's most dangerous road"': a standing name
    lex = lexicon()
    if root.lemma_.lower() in lex.reporting_only_verbs:
        return None
    if any(c.dep_ == "advmod" and c.lower_ in lex.habitual_adverbs for c in root.children):
        return None  # 'Tony Blair once called Europe "our future"': no news of the day
    if re.search(r"\b(?:so far|to date|so-called)\b", lead.text, re.I):
        return None  # 'The inquiry has cost more than £150m so far': a running total, not the day's news
    words = root.lemma_.lower() in lex.speech_verbs - lex.demand_verbs
    if words and any(c.dep_ in ("ccomp", "xcomp") for c in root.children):
        return None  # 'Gerrard has admitted that Liverpool have little chance': words ('has called on' acts)
    return TimelineEvent(
        id="",
        date=anchor.isoformat(),
        precision="day",
        event=sentence_case(clean(lead.text)),
        actors=parsed.actors.in_span(lead),
        sources=[parsed.source(lead._.number)],
    )


def _named_subject(verb: Token) -> bool:
    """A subject that reads alone: 'the talks', not 'he' ('nominated Bez after he became agitated': which
    one only the whole sentence says)."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in verb.children)


def _no_event(head: Token, ent: Span | None = None) -> bool:
    """'BBC News spoke to a number of analysts on Monday' (the newsroom at work), 'Euronext declined to
    comment on Friday', 'she had wanted to run in March' (a wish that passed): nothing happened in the
    story. A date told in a clause joined to it ('... and was banned on 2 February') still dates that."""
    if ent is not None and any(ent.root.i in {t.i for t in c.subtree} for c in head.children if c.dep_ == "conj"):
        return False
    lex = lexicon()
    lemma = head.lemma_.lower()
    past = head.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ == "had" for c in head.children)
    if lemma in lex.wish_verbs and past and any(c.dep_ == "xcomp" for c in head.children):
        return True  # 'hopes to see a resolution as early as Thursday' is ahead
    if lemma in lex.declining_verbs and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in lex.no_comment_verbs for c in head.children
    ):
        return True
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is None or lemma not in lex.newsroom_verbs:
        return False
    if any(t.ent_type_ in ("PERSON", "ORG", "GPE") for t in head.subtree if t.i > head.i):
        return False  # 'ITV talked to Channel 4 about a merger': a party of the story spoken to
    name = next((e.text for e in subject.doc.ents if e.start <= subject.i < e.end), subject.text)
    return is_news_outlet(name) or subject.lemma_.lower() in lex.reporter_roles


def _ends_a_state(ent: Span) -> bool:
    """'has suspended her until the end of the year': the date ends what the clause began."""
    return ent.root.head.lower_ in ("until", "till") and ent.root.head.i < ent.start


def _in_noun_clause(ent: Span, root: Token) -> bool:
    """'has lost a member to the new party, expected to launch on Wednesday': the date is the party's
    (a date ahead in such a clause cannot date a lead told in the past)."""
    token = ent.root
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ in ("acl", "relcl"):
            return True
        token = token.head
    return False


def _is_clause(tokens: list[Token]) -> bool:
    """A text that stands on its own: a verb with its subject, not a phrase or an infinitive."""
    inside = {t.i for t in tokens}
    return (
        any(
            t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.i in inside and t.head.pos_ in ("VERB", "AUX")
            for t in tokens
        )
        and tokens[0].lower_ not in CLAUSE_OPENERS
    )


# words that open a part of a sentence, not a sentence: 'whose LP was ...', 'despite Multiplex reporting ...'
CLAUSE_OPENERS = {"to", "when", "while", "as", "if", "since", "after", "before", "whose", "which", "who", "whom"}
CLAUSE_OPENERS |= {"where", "despite", "although", "though", "because", "whereas", "unless", "until"}


def _claimed(head: Token) -> bool:
    """Whether the clause is what someone claims, alleges or insists (not what they neutrally say):
    shown with its speaker, not as a fact."""
    lex = lexicon()
    token = head
    while token.head.i != token.i:
        if token.dep_ == "ccomp":
            verb = token.head.lemma_.lower()
            return verb in lex.speech_verbs and verb not in lex.neutral_speech_verbs
        token = token.head
    return False


def will_not(ent: Span) -> bool:
    """'his comments would not affect the 2012 Olympic bid': what will not happen is no event ahead."""
    verb = governing_verb(ent.root)
    children = {c.lower_ for c in verb.children if c.dep_ in ("aux", "neg")}
    return bool(children & {"not", "n't", "never"}) and bool(children & {"will", "would", "wo", "'ll", "shall"})


def _told_of_its_noun(head: Token, tokens: list[Token]) -> bool:
    """A participle rebuilt around the noun it describes ('the contract was signed in 2000')."""
    return head.dep_ == "acl" and head.tag_ == "VBN" and head.head in tokens


def _has_own_subject(head: Token) -> bool:
    """The clause shown names who acted: a participle hanging on another clause ('..., paying the SEC
    $250m in October to settle charges that it ...') borrows its subject and does not read alone."""
    if head.dep_ == "relcl" and not any(t.tag_ in ("WDT", "WP", "WP$", "WRB") for t in head.subtree):
        return False  # 'the stock of PSPs it plans to ship by year's end': what it ships is left behind
    return head.pos_ not in ("VERB", "AUX") or head.dep_ == "relcl" or has_subject(head)


def not_when(ent: Span) -> bool:
    """Dates that do not say when the clause happened: 'since 1994' opens a span ('their first
    title since 1994'), 'until 6 May' closes one ('ordered schools closed until 6 May'), and 'the
    1918 pandemic' names which pandemic (but 'the 12 June vote' is an event on its day)."""
    root, head = ent.root, ent.root.head
    if head.lower_ in ("since", "until", "till", "than") and head.i < ent.start:
        return True
    if _ahead_of(root):
        return True  # 'shares rose ahead of Friday's results': the day of the results, not of the rise
    if head.lower_ in ("from", "on", "over", "against") and _compared(ent) and _measures_change(head):
        return True  # 'shrank by 8 percent from the previous year': the point compared with
    if head.lower_ in ("from", "to") and _moved_from_to(head.head):
        return True  # 'pushed back its target from 2005 to 2006': a target moved, not when anything happened
    if head.lower_ in ("from", "to", "between") and _tenure_of(head):
        return True  # 'Daniel Kurtzer, the ambassador to Egypt from 1997 to 2001,': who he is, not an event
    if _in_doubt(root):
        return True  # 'it was unclear if the meeting was Monday or Tuesday': no day to put it on
    if len(ent) == 1 and root.lower_ in WEEKDAY_NAMES and (_in_quoted_title(root) or _describes_noun(root)):
        return True  # '"Fox News Sunday"' is a programme; 'Sunday mass' a kind of mass
    if len(ent) == 1 and root.text in ("Today", "Tonight") and not root.is_sent_start:
        return True  # 'BBC Radio 4's Today programme': a name, not the day
    if root.lower_ in ("today", "now") and _lasting(governing_verb(root)):
        return True  # 'the reverberations are still being felt today': a state that goes on, not an event
    if root.dep_ in ("compound", "amod", "nmod") and head.lemma_.lower() in lexicon().period_nouns:
        return True  # 'results for the October-to-December quarter' names which quarter, not when
    if PERIOD_END.fullmatch(ent.text.lower()) and root.dep_ in ("compound", "amod") and head.pos_ == "NOUN":
        return True  # 'his year-end press conference' names a kind of conference, not its day
    year_only = len(ent) <= 2 and root.like_num and len(root.text) == 4
    # 'the 1918 pandemic', 'UN resolution 2042 approves ...' (a number after its noun): which one, not when
    naming = (
        year_only and root.dep_ in ("compound", "nummod", "amod", "poss", "appos") and head.pos_ in ("NOUN", "PROPN")
    )
    return naming and head.lemma_.lower() not in lexicon().event_nouns


PERIOD_END = re.compile(r"(?:year|month|quarter|half)[- ]end")
TIME_NOUNS = {"morning", "afternoon", "evening", "night", "midnight", "noon", "lunchtime", "week", "weekend"}


def _tenure_of(preposition: Token) -> bool:
    """A span that describes a role noun ('the ambassador from 1997 to 2001'), not one of an event."""
    token = preposition
    while token.dep_ in ("prep", "pobj") and token.head.i != token.i:
        token = token.head
    return token.pos_ == "NOUN" and token.lemma_.lower() not in lexicon().event_nouns


def _in_doubt(token: Token) -> bool:
    """A date inside 'if' or 'whether' after 'unclear', 'not known' or the like."""
    for clause in token.ancestors:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children):
            first, last = clause.left_edge.i, clause.right_edge.i
            around = token.doc[clause.head.left_edge.i : clause.head.right_edge.i + 1]
            return any(cue.end <= first or cue.start > last for _, cue in cue_spans(around, "uncertainty_cues"))
    return False


def _moved_from_to(verb: Token) -> bool:
    """A shift verb with a date after both 'from' and 'to' ('increase hours from April 2007' is when)."""
    ends = {
        c.lower_
        for c in verb.children
        if c.lower_ in ("from", "to") and any(g.ent_type_ in ("DATE", "TIME") for g in c.children if g.dep_ == "pobj")
    }
    return ends == {"from", "to"} and verb.lemma_.lower() in lexicon().shift_verbs


def _lasting(verb: Token) -> bool:
    return any(c.lower_ == "still" for c in verb.children)


def _describes_noun(day: Token) -> bool:
    before = day.doc[day.i - 1] if day.i > 0 else None
    if before is not None and (before.pos_ == "ADP" or before.lower_ in ("last", "next", "this", "every", "that")):
        return False  # 'on Sunday reading ...': a day said of the clause
    after = day.nbor() if day.i + 1 < len(day.doc) else None
    if after is None or after.tag_ not in ("NN", "NNS") or not after.is_lower or after.lower_ in TIME_NOUNS:
        return False
    lex = lexicon()  # 'the Sunday vote', 'the Sunday attack' happened on their day
    return after.lemma_.lower() not in lex.event_nouns | lex.incident_nouns


def _in_quoted_title(day: Token) -> bool:
    """A day inside a short quoted name of capitalised words: '"Fox News Sunday"'."""
    doc, start = day.doc, day.i
    while start > 0 and doc[start - 1].is_title and start > day.i - 4:
        start -= 1
    end = day.i + 1
    while end < len(doc) and doc[end].is_punct and doc[end].text not in QUOTES:
        end += 1
    return start < day.i and start > 0 and doc[start - 1].text in QUOTES and end < len(doc) and doc[end].text in QUOTES


QUOTES = {'"', "“", "”", "'", "‘", "’", "``", "''"}


def _compared(ent: Span) -> bool:
    text = ent.text.lower()
    return any(word in text for word in ("previous", "earlier", "ago", "last year", "a year", "prior"))


def _measures_change(preposition: Token) -> bool:
    """'up 5% on a year earlier', 'shrank by 8 percent from the previous year': a figure in the clause."""
    clause = preposition.head
    return any(t.text == "%" or t.lower_ in ("percent", "per") for t in clause.subtree)


def _add(events: list[TimelineEvent], new: TimelineEvent, new_nouns: set[str]) -> None:
    """Fold a mention of an event already on the list into it (same day and actor, or a shared noun)."""
    for event in events:
        same_day = event.date == new.date and new.precision == "day" and set(event.actors) & set(new.actors)
        nested = event.date and new.date and (contains(event.date, new.date) or contains(new.date, event.date))
        shared = nested and event.date != new.date and new_nouns & getattr(event, "_nouns", set())
        if same_day or shared:
            fresh = [s for s in new.sources if s not in event.sources]
            if new.date and new.precision and (not event.date or len(new.date) > len(event.date)):
                event.date, event.precision, event.event = new.date, new.precision, new.event
                event.sources[:0] = fresh  # the sentence the text is now from, cited first
            else:
                event.sources += fresh
            event.actors += [a for a in new.actors if a not in event.actors]
            return
    new._nouns = new_nouns  # type: ignore[attr-defined]
    events.append(new)


def _nouns(tokens: list[Token]) -> set[str]:
    return {t.lemma_.lower() for t in tokens if t.pos_ == "NOUN" and not t.ent_type_ and not t.is_stop}
