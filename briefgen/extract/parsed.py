"""One seed parsed once: the spaCy Doc with everything the extractors read from it.

What belongs to a sentence or a token is kept on it as a spaCy custom attribute:
``Span._.number`` and ``Span._.quote_start`` / ``Span._.quoted`` on each sentence, and
``Token._.actor`` for a token that names one of the document's actors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..findings import Source
from ..lexicon import lexicon
from ..nlp import sentences as split_sentences
from ..time.words import day_of
from .actors import extract_actors
from .common import QUOTE_CHARS, starts_paragraph
from .coref import ActorIndex


def _actor_of(token: Token) -> str | None:
    actors: ActorIndex | None = token.doc._.actors
    return actors.token_actor.get(token.i) if actors else None


Doc.set_extension("actors", default=None, force=True)  # the ActorIndex of the document
Token.set_extension("actor", getter=_actor_of, force=True)  # the id of the actor a token names
Span.set_extension("number", default=0, force=True)  # a sentence's 1-based number
# the number of the sentence that opened the quotation a sentence sits in or closes
Span.set_extension("quote_start", default=None, force=True)
# indexes of a sentence's tokens inside quotation marks (a quotation may open in an earlier sentence)
Span.set_extension("quoted", default=frozenset(), force=True)


@dataclass
class Parsed:
    """A document as every extractor takes it."""

    doc: Doc
    doc_id: str
    date: str | None  # the document's date as given or inferred
    anchor: dt.date | None  # the day relative dates resolve against, when the date is that precise
    sentences: list[Span]
    actors: ActorIndex

    def numbered(self) -> Iterator[tuple[int, Span]]:
        """The sentences with their 1-based numbers, the numbers sources cite."""
        return enumerate(self.sentences, 1)

    def source(self, number: int) -> Source:
        return Source(self.doc_id, number, self.sentences[number - 1].text.strip())


def parse(doc: Doc, doc_id: str, date: str | None, sentences: list[Span] | None = None) -> Parsed:
    """Number the sentences, mark their quotations, and find the actors, once."""
    sentences = split_sentences(doc) if sentences is None else sentences
    corrections = lexicon().lemma_corrections
    for token in doc:  # the small model reads 'hoping' as 'hop' and 'hated' as 'hat'
        if token.pos_ in ("VERB", "AUX") and token.lower_ in corrections:
            token.lemma_ = corrections[token.lower_]
    starts = quote_starts(sentences)
    for number, sent in enumerate(sentences, 1):
        start = starts[number - 1]
        sent._.number = number
        sent._.quote_start = start
        sent._.quoted = frozenset(quoted_tokens(sent, start is not None and start < number))
    actors = extract_actors(doc, sentences, doc_id)
    actors.quoted = frozenset(i for sent in sentences for i in sent._.quoted)
    doc._.actors = actors
    return Parsed(doc, doc_id, date, day_of(date), sentences, actors)  # relative dates count from that day


def quote_starts(sentences: list[Span]) -> list[int | None]:
    """For each sentence inside or closing a quotation, the number of the sentence that opened it."""
    starts: list[int | None] = []
    open_at: int | None = None
    for number, sent in enumerate(sentences, 1):
        if starts_paragraph(sent):
            open_at = None
        text = sent.text
        has_quote = any(c in text for c in QUOTE_CHARS)
        # a sentence that opens with a quotation mark starts a quotation of its own, even after one
        # left open ('"We are stating ... Europe. "On the contrary, ..."')
        if has_quote and (open_at is None or text.lstrip()[:1] in ('"', "“")):
            open_at = number
        starts.append(open_at if has_quote or open_at is not None else None)
        curly_balance = text.count("“") - text.count("”")
        if curly_balance < 0 or (curly_balance == 0 and "”" in text) or (number != open_at and text.count('"') % 2):
            open_at = None
        elif number == open_at and curly_balance == 0 and text.count('"') % 2 == 0:
            open_at = None
    return starts


def quoted_tokens(sent: Span, starts_inside: bool) -> set[int]:
    """Indexes of the tokens inside quotation marks (a quote may open in an earlier sentence)."""
    inside, found = starts_inside, set()
    for token in sent:
        if token.text in ("“", "”", '"', "``", "''"):
            if token.text == "“" or token.text == "``":
                inside = True
            elif token.text == "”" or token.text == "''":
                inside = False
            else:
                inside = not inside
            continue
        if inside:
            found.add(token.i)
    return found
