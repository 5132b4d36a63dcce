"""Temporal expressions in a parsed text: extents from spaCy and rules, values from timex.normalise."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..lexicon import lexicon
from .tense import WEEKDAY_NAMES, governing_verb, is_future, sentence_of, tense_of
from .timex import Timex, normalise
from .words import CLOCK_WORDS, MONTHS, SEASONS, add_months, clock_time, parse_iso

# Words that start an entity but are not part of a TimeML extent.
LEADING = {
    "in",
    "on",
    "at",
    "by",
    "since",
    "until",
    "till",
    "during",
    "from",
    "for",
    "of",
    "to",
    "after",
    "before",
    "around",
    "about",
    "through",
    "throughout",
    "within",
    "as",
    "and",
    "'s",
}
EXTRA = re.compile(
    r"\b(now|today|tonight|yesterday|tomorrow|currently|recently|nowadays|current|recent (?:years|months)|"
    r"the (?:latest |same |year-earlier |year-ago )?(?:quarter|period)|year-end|year-earlier|year-ago|"
    r"the (?:past|future)|(?:this|last|next|that) (?:week|month|year|quarter)|the weekend|the full year|"
    r"earlier this \w+|later this \w+|(?:the )?(?:first|second|third|fourth)[ -]quarter|"
    r"(?:the )?(?:spring|summer|autumn|fall|winter)|the (?:current |latest |fiscal |current fiscal )*year(?![-\w])|"
    r"the (?:near|short|long) term|these days|recent (?:weeks|days|quarters)|the (?:weeks|months|years) ahead|"
    r"last night|(?:last|this past) (?:spring|summer|autumn|fall|winter)|the end of the (?:year|month)|"
    r"the middle of \w+)\b",
    re.I,
)

# A day of the week the entity recogniser left out ('Earlier Thursday, state TV said ...').
WEEKDAY = re.compile(
    r"\b(?:(?:[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater)\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b"
)


def _named_day(span: Span) -> bool:
    """A day of the week, not part of a name ('the Sunday Times', 'Fox News Sunday', 'Shrove Tuesday')."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.pos_ == "PROPN":
        return False
    return after is None or after.pos_ != "PROPN" or after.lower_.rstrip(".") in MONTHS


_MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
_MONTH_NAME += r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# A day and a month written out ('10 August', 'Feb. 26', 'February 18th, 2011'): the entity recogniser
# sometimes leaves one out, or runs it into its neighbours in a list ('17 Mar - 27 people die').
EXPLICIT = re.compile(
    rf"(?<![\w$£€.,/-])(?:{_DAY_NUMBER}(?:[ \t]+of)?[ \t]+{_MONTH_NAME}(?:,?[ \t]+\d{{4}})?"
    rf"|{_MONTH_NAME}[ \t]+{_DAY_NUMBER}(?:,?[ \t]+\d{{4}})?)(?![\w%])"
)


def _explicit_dates(doc: Doc, spans: list[Span]) -> list[Span]:
    """Every written-out day and month is an expression: an entity that holds one but reads as no
    day, whole or split ('February 18th - a', 'Dec 2011 - 44'), gives way to it, and one the
    recogniser missed is added."""
    for match in EXPLICIT.finditer(doc.text):
        found = doc.char_span(match.start(), match.end())
        if found is None:
            continue
        tokens = set(range(found.start, found.end))
        overlapping = [s for s in spans if tokens.intersection(range(s.start, s.end))]
        if any(
            s.start <= found.start and found.end <= s.end and (_is_a_day_in(s) or _range_from(found, s))
            for s in overlapping
        ):
            continue
        after = doc[found.end] if found.end < len(doc) else None
        if not overlapping and match.group()[:1].isalpha() and after is not None and after.tag_ == "NNS":
            continue  # 'In March 12 people died'
        spans = [s for s in spans if s not in overlapping] + [found]
    return sorted(spans, key=lambda s: s.start)


def _is_a_day_in(span: Span) -> bool:
    return any(_is_a_day(part.text) for part in _split(span))


def _range_from(day: Span, span: Span) -> bool:
    """'between April 23 and 28': the day opens a range the entity holds whole."""
    rest = span.doc[day.end : span.end]
    return len(rest) >= 2 and rest[0].lower_ in RANGE_WORDS and rest[1].like_num


RANGE_WORDS = {"and", "to", "through", "until", "-", "–"}


def _is_a_day(text: str) -> bool:
    timex = normalise(text, PROBE)
    return timex is not None and timex.value[:10].count("-") == 2


@dataclass
class TaggedTimex:
    start: int  # character offsets in the text
    end: int
    text: str
    timex: Timex
    span: Span | None = None


def _trim(span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and (span.doc[start].lower_ in LEADING or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].lower_ in ("'s",)):
        end -= 1
    if end - start >= 3 and _list_number_after_date(span.doc[end - 3 : end]):
        end -= 1  # '22 June 2.': the next item's number of a list run into the date
    return span.doc[start:end]


def _list_number_after_date(words: Span) -> bool:
    """'22 June 2': a day, a month and a number too short for a year."""
    day, month, last = words
    return day.text.isdigit() and month.lower_.rstrip(".") in MONTHS and last.text.isdigit() and len(last.text) <= 2


YEAR_BACK = re.compile(r"\b(a year (?:ago|earlier|before)|last year|year-ago|year-earlier)\b", re.I)


def _in_quarterly_terms(span: Span, timex: Timex, anchor: dt.date | None) -> Timex:
    """In a report on quarterly results, 'a year ago' is the same quarter a year before."""
    if anchor is None or timex.precision != "year" or not YEAR_BACK.search(span.text):
        return timex
    in_sentence = re.search(r"\bquarter", sentence_of(span.root).text, re.I)
    same_quarter = re.search(r"\b(?:a year (?:ago|earlier)|year-ago|year-earlier)\b", span.text, re.I)
    if not in_sentence and not (same_quarter and len(re.findall(r"\bquarter", span.doc.text, re.I)) >= 2):
        return timex
    quarter, year = (anchor.month - 1) // 3, anchor.year
    if quarter == 0:
        quarter, year = 4, year - 1
    return Timex(f"{year - 1}-Q{quarter}")


# 'the first quarter', 'a tense first half', 'the period': of a year in a text of results, else of a match
QUARTER_ALONE = re.compile(
    r"^(?:(?:the|a|an) )?(?:[a-z-]+ ){0,2}?(?:(?:first|second|third|fourth)[ -]quarter|(?:first|second)[ -]half)$"
    r"|^the (?:latest |same )?(?:quarter|period)$",
    re.I,
)


def _reports_results(span: Span) -> bool:
    """Whether a text speaks of money or the economy, where a bare 'first quarter' is of the year: three
    such words in it ('profits', 'shares', '%'), or one as the subject of the clause that holds the period
    ('sales fell in a weak first half'). Fewer elsewhere is not enough: a match report can 'earn a
    corner' and be 'confident of getting a result'."""
    doc, words = span.doc, lexicon().financial_period_words
    key = "briefgen_reports_results"
    if key not in doc.user_data:
        doc.user_data[key] = len({t.lemma_.lower() for t in doc} & words) >= 3
    verb = span.root.head.head if span.root.dep_ == "pobj" else span.root.head
    return doc.user_data[key] or any(c.dep_ == "nsubj" and c.lemma_.lower() in words for c in verb.children)


SPLITTERS = {"ended", "ending", "through", "until", "to", "and", "-"}


FREQUENCY_WORDS = {"hourly", "daily", "nightly", "weekly", "monthly", "quarterly", "annually", "yearly"}
AGE = re.compile(r"\b\d+-(?:year|month|week|day)-old\b|\bold$", re.I)
PROBE = dt.date(2000, 6, 15)  # any day: a split only asks whether each part has a value at all


def _split(span: Span) -> list[Span]:
    """'the third quarter ended Sept. 30' holds two expressions; keep each part that has a value.
    So does 'the first nine months of 1997', a length of time and the year it lies in."""
    for token in span:
        if span.start < token.i < span.end - 1 and token.lower_ in SPLITTERS | {"of"}:
            left, right = span.doc[span.start : token.i], _trim(span.doc[token.i + 1 : span.end])
            first, second = normalise(left.text, PROBE), normalise(right.text, PROBE) if len(right) else None
            if first is None or second is None or (token.lower_ == "of" and first.type != "DURATION"):
                continue
            return [left, *_split(right)]
    return [span]


DAY_PARTS = {"morning", "afternoon", "evening", "night", "nights"}


def _widen(span: Span) -> Span:
    """Take in 'each'/'every' before and a part of the day after ('each July', 'Thursday evening')."""
    doc, start, end = span.doc, span.start, span.end
    if start > 0 and doc[start - 1].lower_ in ("each", "every"):
        start -= 1
    if start > 0 and end - start == 1 and doc[start].text in SEASONS and doc[start - 1].lower_ == "the":
        start -= 1  # 'in the summer', the entity holding only 'summer'
    if end < len(doc) and doc[end].lower_ in DAY_PARTS:
        end += 1
    if end < len(doc) and doc[end].lower_ in CLOCK_WORDS:
        end += 1  # the entity often leaves 'GMT' out of '1830 GMT', which is then read as a year
    return doc[start:end]


def _join_clock_times(spans: list[Span]) -> list[Span]:
    """'10 p.m.' and 'Wednesday' side by side are one expression."""
    joined: list[Span] = []
    for span in spans:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and span.start - previous.end <= 1
            and span.doc[previous.end : span.start].text.strip() in ("", ",")
        ):
            if (
                {previous.label_, span.label_} == {"DATE", "TIME"}
                or clock_time(previous.text.lower())
                or clock_time(span.text.lower())
                or _weekday_then_date(previous, span)
            ):
                joined[-1] = span.doc[previous.start : span.end]
                continue
        joined.append(span)
    return joined


def _year_in_progress(span: Span, timex: Timex, anchor: dt.date | None) -> Timex:
    """'for the year, volume was flat', 'a high for the year': the current year; only 'the year
    ended Sept. 30' is a length of time."""
    if anchor is None or timex.value != "P1Y" or span.text.lower() != "the year":
        return timex
    if _named_of_the_year(span):
        return timex
    after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    return timex if after in ("ended", "ending", "end", "to", "through") else Timex(str(anchor.year))


def _named_of_the_year(span: Span) -> bool:
    """'Tim Henman was named player of the year', 'the team of the year prize': an award, no date."""
    if span.start < 2 or span.doc[span.start - 1].lower_ != "of":
        return False
    noun = span.doc[span.start - 2]
    return noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() not in lexicon().year_parts


def _since_before_now(span: Span, timex: Timex, anchor: dt.date | None) -> Timex:
    """'more than 7,000 have died since March', said in February: the March before, whatever the tense."""
    since = span.start > 0 and span.doc[span.start - 1].lower_ == "since"
    if not since or anchor is None or not re.fullmatch(r"\d{4}-\d{2}", timex.value):
        return timex
    if timex.value <= anchor.isoformat()[:7]:
        return timex
    return Timex(f"{int(timex.value[:4]) - 1}{timex.value[4:]}", timex.type)


def _weekday_then_date(day: Span, date: Span) -> bool:
    """'Friday Oct. 13': a day of the week and the date it falls on are one expression."""
    named_month = any(t.lower_.rstrip(".") in MONTHS for t in date)
    return len(day) == 1 and day[0].lower_ in WEEKDAY_NAMES and named_month and any(t.like_num for t in date)


ANAPHORIC = re.compile(r"^the (?:following|previous) (?:year|month)$|^that (?:year|month)$", re.I)


def _from_previous_mention(text: str, timex: Timex, found: list[TaggedTimex]) -> Timex:
    """'the following year', 'that year' count from the date last mentioned, not from today."""
    previous = next((f.timex.value for f in reversed(found) if f.timex.precision), None)
    match = ANAPHORIC.match(text.strip())
    if not match or previous is None or not timex.precision:
        return timex
    lowered = text.lower()
    shift = 1 if "following" in lowered else 0 if lowered.startswith("that") else -1
    if lowered.endswith("month"):
        if len(previous) < 7:
            return timex
        return Timex(add_months(parse_iso(previous[:7] + "-01"), shift).isoformat()[:7])
    return Timex(str(int(previous[:4]) + shift))


NEXT_UNIT = re.compile(r"^the next (year|month)$", re.I)


def _told_of_before(span: Span) -> str | None:
    """'The next year, Shawkat was named ...': in a clause of the past, 'the next year' is the year after
    the one last mentioned ('the following year'); in one ahead it is the coming year."""
    match = NEXT_UNIT.match(span.text.strip())
    if match is None or _done_or_tense(span) not in ("past", "done"):
        return None
    return f"the following {match.group(1).lower()}"


def _done_or_tense(span: Span) -> str | None:
    """The clause's tense, or "done" for a date said of a verb in the simple past or a perfect:
    'exited bankruptcy in April', not 'a cutback in September' (said of a noun) nor 'gave them until
    November' (a deadline)."""
    tense = tense_of(span.root)
    if tense != "past":
        return tense
    root = span.root
    verb = root.head
    if root.dep_ == "pobj" and verb.lower_ in ("in", "during") and verb.dep_ == "prep":
        verb = verb.head
    elif root.dep_ != "npadvmod":
        return tense
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in verb.children)
    return "done" if verb.tag_ == "VBD" or perfect else tense


def tagged(doc: Doc, anchor: dt.date | None) -> list[TaggedTimex]:
    """tag() once per parsed document and anchor: every extractor asks for the same dates."""
    key = f"briefgen_timex:{anchor}"
    if key not in doc.user_data:
        doc.user_data[key] = tag(doc, anchor)
    return doc.user_data[key]


def tag(doc: Doc, anchor: dt.date | None) -> list[TaggedTimex]:
    """Every temporal expression with a value, in text order, without overlaps."""
    found: list[TaggedTimex] = []
    weekdays: list[tuple[int, str | None]] = []  # (index in found, the tense it was read in)
    taken: set[int] = set()
    spans = _join_clock_times([_widen(_trim(e)) for e in doc.ents if e.label_ in ("DATE", "TIME")])
    spans = _explicit_dates(doc, spans)
    covered = {i for s in spans for i in range(s.start, s.end)}
    for match in EXTRA.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and not covered.intersection(range(span.start, span.end)):
            spans.append(span)
    covered = {i for s in spans for i in range(s.start, s.end)}
    for match in WEEKDAY.finditer(doc.text):
        span = doc.char_span(match.start(), match.end())
        if span is not None and not covered.intersection(range(span.start, span.end)) and _named_day(span):
            spans.append(span)
    spans = [part for span in spans for part in _split(span)]
    for span in sorted(spans, key=lambda s: s.start):
        if not len(span) or any(i in taken for i in range(span.start, span.end)):
            continue
        if len(span) == 1 and span.root.lower_ in FREQUENCY_WORDS:
            if span.root.dep_ in ("amod", "compound") or span.root.lower_ in ("annually", "quarterly"):
                continue  # "a quarterly dividend", "paid annually": how often, not when
        if AGE.search(span.text) or (span.end < len(doc) and doc[span.end].lower_ == "old"):
            continue  # "52 years old", "a 136-year-old firm": an age, not a time
        if span.start > 0 and doc[span.start - 1].lower_ == "a" and span.text.lower() in WEEKDAY_NAMES:
            continue  # "to be out on a Thursday": any Thursday
        if QUARTER_ALONE.match(span.text) and not _reports_results(span):
            continue  # "the first quarter was marked by tactical kicking": a quarter of a match
        direction = _done_or_tense(span)
        timex = normalise(span.text, anchor, direction)
        if timex is None:
            continue
        if span.text.lower() in WEEKDAY_NAMES:
            weekdays.append((len(found), direction))
        timex = _since_before_now(span, timex, anchor)
        timex = _year_in_progress(span, timex, anchor)
        timex = _in_quarterly_terms(span, timex, anchor)
        told = _told_of_before(span)
        counted = _from_previous_mention(told or span.text, timex, found)
        if told is not None and counted == timex:
            continue  # 'The next year, he was named ...' with no year named before: no date to count from
        timex = counted
        taken.update(range(span.start, span.end))
        found.append(TaggedTimex(span.start_char, span.end_char, span.text, timex, span))
    return _one_day_per_name(found, weekdays)


def _one_day_per_name(found: list[TaggedTimex], weekdays: list[tuple[int, str | None]]) -> list[TaggedTimex]:
    """An article calls one day by one name: 'shot down on Friday' and 'a meeting to discuss the shooting
    down on Friday' are the same Friday. A weekday read as ahead only from an infinitive of purpose takes
    the day another mention tells as done."""
    done = {found[i].text.lower(): found[i].timex for i, direction in weekdays if direction in ("done", "past")}
    for i, direction in weekdays:
        tagged = found[i]
        past = done.get(tagged.text.lower())
        if (
            direction == "future"
            and past is not None
            and past != tagged.timex
            and _ahead_for_an_infinitive(tagged.span)
        ):
            found[i] = TaggedTimex(tagged.start, tagged.end, tagged.text, past, tagged.span)
    return found


def _ahead_for_an_infinitive(span: Span | None) -> bool:
    """'called a meeting to discuss the shooting down on Friday': read as ahead only because an infinitive
    of purpose governs it. Not 'urged them to return on Friday', 'agreed to meet again on Friday' or
    'would go to court to challenge it on Friday', which are ahead, nor a present tense ('are calling for
    protests on Saturday'), which a live report of several days may use for a coming day."""
    if span is None:
        return False
    verb = governing_verb(span.root)
    purpose = verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if not purpose or any(t.lower_ == "again" for t in sentence_of(verb)):
        return False
    return not any(
        is_future(v) or any(c.lower_ in ("would", "'d") for c in v.children) for v in (verb, *verb.ancestors)
    )
