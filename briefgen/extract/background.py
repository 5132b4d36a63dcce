"""Background: context sentences a newcomer needs, and the key figures with what they count."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from spacy.tokens import Span, Token

from ..findings import BackgroundItem, Figure, stable_id
from ..gazetteer import countries
from ..lexicon import lexicon
from ..time.tense import sentence_of
from .common import clean, ents_in, governing_verb, subtree_text
from .parsed import Parsed
from .timeline import resolve_dates

FIGURE_LABELS = {"MONEY", "PERCENT", "QUANTITY"}


def _refers_to(ent: Span) -> str:
    root = ent.root
    if ent.label_ == "CARDINAL" and root.dep_ == "nummod":
        return subtree_text(root.head, exclude=set(range(ent.start, ent.end)))
    verb = governing_verb(root)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ not in ("it", "this", "that", "they"):
        return subtree_text(subject) if len(list(subject.subtree)) <= 15 else subject.text
    return subtree_text(verb) if len(list(verb.subtree)) <= 15 else verb.lemma_


def _figures(sent: Span) -> list[Figure]:
    figures = []
    for ent in ents_in(sent):
        counted = ent.label_ == "CARDINAL" and ent.root.dep_ == "nummod" and ent.root.head.pos_ == "NOUN"
        if counted and _few_of_a_kind(ent) or _inside_a_name(ent):
            continue
        if ent.label_ in FIGURE_LABELS or counted or _counts_a_measure(ent):
            value = _with_unit(ent) if ent.label_ == "MONEY" else clean(ent.text)
            if ent.start == sent.start and ent[0].pos_ in ("ADV", "ADP", "ADJ", "DET"):
                value = value[:1].lower() + value[1:]  # 'At least 20 people died': 'at least 20' in a list
            figures.append(Figure(value, _refers_to(ent), _measure(ent), amount(value)))
    return figures


CURRENCY_SIGNS = {"$", "£", "€", "¥"}
MAGNITUDES = {"m", "bn", "mn", "k", "million", "billion", "trillion"}


def _with_unit(ent: Span) -> str:
    """A sum with its currency sign and its magnitude, which the entity recogniser can leave out of
    it: '$250m', not '250'."""
    doc, start, end = ent.doc, ent.start, ent.end
    if start > 0 and doc[start - 1].text in CURRENCY_SIGNS:
        start -= 1
    if end < len(doc) and doc[end].lower_ in MAGNITUDES and (not doc[end - 1].whitespace_ or doc[end].is_alpha):
        end += 1
    return clean(doc[start:end].text)


def _few_of_a_kind(ent: Span) -> bool:
    """'the two firms', 'five unions': a number written out in words (as news style writes those below
    ten) counting bodies or officials, and no measure, tells who takes part, not a key figure ('four
    battalions' stays one)."""
    lex = lexicon()
    noun = ent.root.head.lemma_.lower()
    parties = noun in lex.institution_nouns | lex.agent_nouns | lex.person_group_words
    return parties and all(t.is_alpha for t in ent) and _measure_word(ent)[0] is None


def _inside_a_name(ent: Span) -> bool:
    """'Fathers 4 Justice', 'Channel 4 News': a digit between two capitalised words is part of a name."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    return (
        ent.label_ == "CARDINAL"
        and before is not None
        and after is not None
        and before.text[:1].isupper()
        and after.text[:1].isupper()
        and (before.pos_ in ("PROPN", "NOUN") or not before.is_sent_start)  # not 'About 40 Britons'
        and not after.is_sent_start
    )


def _counts_a_measure(ent: Span) -> bool:
    """'the estimate of deaths to over 100, down from 176': a bare number whose clause names a measure."""
    return ent.label_ == "CARDINAL" and _measure(ent) is not None and amount(ent.text) not in (None, 0.0, 1.0)


def _measure(ent: Span) -> str | None:
    """What the figure measures, the same word whatever the wording: 'deaths' for '81 people have died',
    'the death toll' and 'killed 150'; a money or share figure also names whose it is."""
    measure, verb = _measure_word(ent)
    if measure is None:
        return None
    if ent.label_ not in ("MONEY", "PERCENT"):
        # a count is of one place: deaths in Mexico and deaths in the world are two measures, and so are
        # deaths in Misrata and deaths in Zlitan, two towns of one country
        sent = sentence_of(ent.root)
        named = [e for e in ents_in(sent) if e.label_ in ("GPE", "NORP")]
        places = [countries().lookup(e.text) for e in named]
        tellers = _tellers(sent)
        town = next(
            (
                e.text
                for e, found in zip(named, places, strict=True)
                if e.label_ == "GPE" and not found and e.root not in tellers
            ),
            None,
        )  # 'killed in Zlitan'; not 'New York-based Human Rights Watch said ...' nor 'the WHO in Geneva said ...'
        place = town or next((found[0] for found in places if found and found[1] != "ambiguous"), None)
        return f"{_restricted(ent, measure)} in {place}" if place else None
    owner = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN"), None)
    return f"{measure} of {owner.text}" if owner is not None else None  # a price with no owner compares nothing


def _tellers(sent: Span) -> set[Token]:
    """The words naming who tells the figure ('New York-based Human Rights Watch said ...', 'the WHO in
    Geneva said ...'): where the teller is, not where the count was made."""
    lex = lexicon()
    telling = lex.speech_verbs | lex.reporting_verbs
    return {
        t
        for verb in sent
        if verb.lemma_.lower() in telling
        for c in verb.children
        if c.dep_ == "nsubj"
        for t in c.subtree
    }


def _measure_word(ent: Span) -> tuple[str | None, Token]:
    """The measure word of the figure's noun, verb or their arguments ('deaths' for 'five people died'),
    and the verb."""
    words = lexicon().measure_words
    root = ent.root
    noun = root.head if root.dep_ in ("nummod", "quantmod") else None
    verb = governing_verb(root)
    if ent.label_ == "QUANTITY":
        return None, verb  # '250 km', '155 miles': a distance or a weight, never a count of what the clause names
    candidates = [noun] if noun is not None else []
    candidates += [verb] + [c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")]
    if noun is None or noun.pos_ != "NOUN":
        # not for a count of its own noun: '300 people, including 200 employees' counts no jobs
        candidates += [g for c in candidates[-3:] for g in c.children if g.dep_ == "prep" for g in g.children]
    measure = next((words[t.lemma_.lower()] for t in candidates if t is not None and t.lemma_.lower() in words), None)
    return measure, verb


def _restricted(ent: Span, measure: str) -> str:
    """The measure with the words that narrow the counted noun: '800,000 local government workers'
    count 'local government workers', not all workers ('up to 1.4 million UK workers'); the place is
    named apart, and words of quantity ('150 more people') narrow nothing."""
    noun = ent.root.head
    if ent.root.dep_ != "nummod" or noun.pos_ != "NOUN":
        return measure
    skip = lexicon().quantity_adjectives
    narrowing = [
        t
        for c in noun.children
        if c.dep_ in ("compound", "amod", "poss") and c.i not in range(ent.start, ent.end) and not c.ent_type_
        for t in c.subtree
        if t.lower_ not in skip and not t.is_punct and t.tag_ not in ("JJR", "JJS", "POS")
    ]
    return " ".join([*(t.lower_ for t in narrowing), measure]) if narrowing else measure


SCALE = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "mn": 1e6, "k": 1e3, "thousand": 1e3, "trillion": 1e12}


def amount(text: str) -> float | None:
    """The number a figure states: '$2.5bn' and '$2.5 billion' are both 2.5e9; 'at least 81' is 81."""
    match = re.search(r"(\d[\d,]*(?:\.\d+)?)\s*(bn|billion|mn|m|million|k|thousand|trillion)?\b", text.lower())
    if not match:
        return None
    value = float(match.group(1).replace(",", ""))
    return value * SCALE.get(match.group(2) or "", 1.0)


def _is_history(sent: Span, anchor: dt.date | None) -> bool:
    root: Token = sent.root
    past = root.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" for c in root.children if c.dep_ == "aux")
    if not past:
        return False
    if anchor is None:
        return any(t.lower_ in lexicon().earlier_time_words or t.lower_ == "before" for t in sent)
    return any(timex.value[:4] < str(anchor.year) for _, timex in resolve_dates(sent, anchor)) or any(
        t.lower_ in lexicon().earlier_time_words for t in sent
    )


def _years_before(sent: Span, anchor: dt.date | None) -> bool:
    """A sentence dated two calendar years or more before its article ('in 1988'): its counts are of
    another time ('killed 23 people on December 28', told on 3 January, is today's news)."""
    if anchor is None:
        return False
    years = [timex.value[:4] for _, timex in resolve_dates(sent, anchor) if timex.value[:4].isdigit()]
    return bool(years) and all(int(year) < anchor.year - 1 for year in years)


def extract_background(parsed: Parsed) -> list[BackgroundItem]:
    items = []
    for number, sent in parsed.numbered():
        if any(c in sent.text for c in '“”"'):
            continue
        figures = _figures(sent)
        if not figures and not _is_history(sent, parsed.anchor):
            continue
        if figures and _years_before(sent, parsed.anchor):  # 'the 1988 bombing ... killing 270' is not today's
            figures = [replace(figure, measure=None) for figure in figures]
        text = clean(sent.text)
        items.append(
            BackgroundItem(
                id=stable_id("bg", parsed.doc_id, str(number), text),
                text=text,
                figures=figures,
                sources=[parsed.source(number)],
            )
        )
    return items
