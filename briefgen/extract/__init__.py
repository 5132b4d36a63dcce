"""Extractors: one module per kind of finding; extract_document runs them all on one document."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from ..findings import DocFindings
from ..ingest import Document
from ..nlp import sentences as split_sentences
from .actors import extract_actors
from .background import extract_background
from .common import clean
from .docdate import infer_date
from .positions import extract_positions, quote_starts
from .questions import extract_questions
from .timeline import extract_timeline
from .watch import extract_watch


def anchor_date(document: Document) -> dt.date | None:
    """The day relative expressions are resolved against, when the document's date is that precise."""
    if document.date and len(document.date) == 10:
        return dt.date.fromisoformat(document.date)
    return None


def extract_document(document: Document, doc: Doc) -> DocFindings:
    """All findings of one parsed document: a pure function of its text and metadata.

    Fills in document.sentences and, when no metadata gave one, an inferred document.date.
    """
    sentences = split_sentences(doc)
    document.sentences = [clean(s.text) for s in sentences]
    if document.date is None:
        inferred = infer_date(doc)
        if inferred:
            document.date, document.date_source = inferred[0], "inferred"
    anchor = anchor_date(document)
    actors = extract_actors(doc, sentences, document.id)
    starts = quote_starts(sentences)
    return DocFindings(
        actors=list(actors.actors.values()),
        positions=extract_positions(sentences, actors, document.id, document.date, starts),
        timeline=extract_timeline(sentences, actors, document.id, anchor),
        open_questions=extract_questions(sentences, actors, document.id, starts),
        watch=extract_watch(sentences, actors, document.id, anchor, starts),
        background=extract_background(sentences, document.id, anchor),
    )
