"""The lexicon's cue phrases matched on tokens with spaCy's PhraseMatcher (case-insensitive).

A phrase list from the lexicon is either a set of phrases (each match is labelled with the list's
name) or a mapping from phrase to label ("at odds" -> contested).
"""

from __future__ import annotations

import re

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..lexicon import lexicon

_WORDS = re.compile(r"[\w']+|[^\w\s]")  # the tokenizer's split of a cue: "stand-off" -> stand - off
_MATCHERS: dict[tuple[int, str], PhraseMatcher] = {}


def _matcher(vocab: Vocab, name: str) -> PhraseMatcher:
    key = (id(vocab), name)
    if key not in _MATCHERS:
        phrases = getattr(lexicon(), name)
        labelled = phrases if isinstance(phrases, dict) else dict.fromkeys(phrases, name)
        matcher = PhraseMatcher(vocab, attr="LOWER")
        for phrase, label in sorted(labelled.items()):
            matcher.add(label, [Doc(vocab, words=_WORDS.findall(phrase))])
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


def cue_spans(span: Span | Doc, name: str) -> list[tuple[str, Span]]:
    """Each match of the lexicon's phrase list `name` in span: its label and the matched words."""
    doc = span if isinstance(span, Doc) else span.doc
    vocab = doc.vocab
    return [(vocab.strings[label], doc[start:end]) for label, start, end in _matcher(vocab, name)(span)]


def has_cue(span: Span | Doc, name: str) -> bool:
    return bool(_matcher(span.vocab if isinstance(span, Doc) else span.doc.vocab, name)(span))
