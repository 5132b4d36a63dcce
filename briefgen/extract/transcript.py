"""Interview transcripts: 'CNN: What next?' / 'Zakaria: The best course would be ...'.

In a transcript everything a paragraph says, up to the next speaker's label, is the labelled
speaker's words, as a quotation is: 'The army is not going to quietly allow ...' in Zakaria's answer
is his view of the army, not a stance the army takes.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

from .common import starts_paragraph
from .coref import ActorIndex

MAX_LABEL_WORDS = 4
MIN_TURNS = 2  # each of two speakers labels this many paragraphs before a text reads as a transcript


def _label(sent: Span) -> Span | None:
    """'Fareed Zakaria' in 'Fareed Zakaria: I think ...' opening a paragraph."""
    colon = next((t for t in sent[: MAX_LABEL_WORDS + 1] if t.text == ":"), None)
    if colon is None or colon.i == sent.start:
        return None  # the label may stand alone, the answer a sentence of its own after it
    label = sent.doc[sent.start : colon.i]
    return label if all(t.is_title or t.is_upper for t in label) else None


def turns(sentences: list[Span], actors: ActorIndex) -> dict[int, str | None]:
    """For each sentence number inside a transcript, the actor whose turn it says (None for a speaker
    the story does not count as an actor, such as the interviewer, and for a label standing alone)."""
    labels: dict[int, Span] = {}
    for number, sent in enumerate(sentences, 1):
        label = _label(sent) if starts_paragraph(sent) else None
        if label is not None:
            labels[number] = label
    counts = Counter(label[-1].lower_ for label in labels.values())  # 'Fareed Zakaria' and 'Zakaria' are one
    speakers = {key for key, count in counts.items() if count >= MIN_TURNS}
    if len(speakers) < 2:
        return {}
    found: dict[int, str | None] = {}
    current: str | None = None
    in_transcript = False
    for number, sent in enumerate(sentences, 1):
        label = labels.get(number)
        if label is not None and label[-1].lower_ in speakers:
            in_transcript = True
            current = next((actors.token_actor[t.i] for t in label if t.i in actors.token_actor), None)
            if sent.text.rstrip().endswith("?"):
                current = None  # 'Paxman: Did you threaten to overrule him?': the interviewer asks
        elif in_transcript and starts_paragraph(sent) and _reported(sent, actors):
            in_transcript, current = False, None  # 'Foreign Minister Gheit said ...': the story again
        if in_transcript:
            alone = label is not None and not any(t.i > label.end and not t.is_space for t in sent)
            found[number] = None if alone else current
    return found


ATTRIBUTION_VERBS = {"say", "tell", "add"}


def _reported(sent: Span, actors: ActorIndex) -> bool:
    """A paragraph that tells who said what ('Foreign Minister Ahmed Gheit said ...') is the reporter's;
    an answer speaks of others in its own tense ('The Americans have been urging ...')."""
    return any(
        t.dep_ == "nsubj"
        and t.pos_ == "PROPN"
        and t.i in actors.token_actor
        and t.head.lemma_.lower() in ATTRIBUTION_VERBS
        and t.head.tag_ == "VBD"
        for t in sent
    )


def without_label(text: str) -> str:
    """'Zakaria: I think ...' -> 'I think ...'."""
    head, colon, rest = text.partition(": ")
    return rest if colon and len(head.split()) <= MAX_LABEL_WORDS and rest else text
