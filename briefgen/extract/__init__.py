"""Extractors: one module per kind of finding; extract_document runs them all on one document."""

from __future__ import annotations

from spacy.tokens import Doc

from ..findings import DocFindings
from ..ingest import Document
from ..nlp import sentences as split_sentences
from .background import extract_background
from .common import clean
from .docdate import infer_date
from .parsed import parse
from .positions import extract_positions
from .questions import extract_questions
from .timeline import extract_timeline
from .watch import extract_watch


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
    parsed = parse(doc, document.id, document.date, sentences)
    positions = extract_positions(parsed)
    return DocFindings(
        actors=list(parsed.actors.actors.values()),
        positions=positions,
        timeline=extract_timeline(parsed),
        open_questions=extract_questions(parsed),
        watch=extract_watch(parsed, positions),
        background=extract_background(parsed),
    )
