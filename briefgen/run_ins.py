"""Where a saved page's caption, byline or pull quote runs into the story without a full stop.

Read before the parser (from the tagger's tags: `run_in_starts`) or after a first parse
(`run_in_clauses`); each gives the tokens that start a sentence of their own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

RUN_IN_STARTS = "briefgen_run_in_starts"  # found in a first parse; the second parse starts sentences there


def run_in_starts(doc: Doc) -> list[int]:
    """The tokens that start a sentence run into the text before it, as the tagger reads them."""
    starts = [token.i for token in doc[1:] if _runs_in(token)]
    return starts + _pull_quote_starts(doc) + _quoted_caption_starts(doc)


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


def _runs_in(token: Token) -> bool:
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


OPENING_QUOTES = {'"', "\u201c", "``"}
# Words that open a sentence after a pull quote's attribution ('... resident One activist said ...')
ATTRIBUTION_WORDS = 14


def _pull_quote_starts(doc: Doc) -> list[int]:
    """'... now in Syria" End Quote William Hague British foreign secretary Riyadh certainly has ...':
    a page's pull quote, its speaker and role run into the next sentence. 'End Quote' starts a sentence,
    and so does the first word after the role: a capital after a noun in lower case ('secretary Riyadh'),
    an opening quotation mark, or an opener ('activist The')."""
    starts = []
    for token in doc[1:-1]:
        if token.text != "End" or doc[token.i + 1].text != "Quote":
            continue
        starts.append(token.i)
        for word in doc[token.i + 4 : token.i + ATTRIBUTION_WORDS]:
            before = doc[word.i - 1]
            capital_after_role = (word.is_title or word.is_upper) and before.is_lower and before.tag_ in ("NN", "NNS")
            if capital_after_role or word.text in OPENING_QUOTES or _runs_in(word):
                starts.append(word.i)
                break
    return starts


def _quoted_caption_starts(doc: Doc) -> list[int]:
    """'Kofi Annan: "We discussed the need to end the violence" UN envoy Kofi Annan has said ...': a
    photo caption (a name, a colon, a quotation with no stop of its own) opening a paragraph; the
    story starts after the closing mark. 'Mr Brown said: "..."' has a verb and is the story."""
    starts = []
    for token in doc:
        if not (token.i == 0 or "\n" in doc[token.i - 1].whitespace_ or doc[token.i - 1].is_space):
            continue
        colon = next((t for t in doc[token.i : token.i + 6] if t.text == ":"), None)
        if colon is None or colon.i + 2 >= len(doc) or doc[colon.i + 1].text not in OPENING_QUOTES:
            continue
        if any(t.tag_.startswith("VB") or t.is_space for t in doc[token.i : colon.i]):
            continue
        close = next((t for t in doc[colon.i + 2 : colon.i + 40] if t.tag_ == "''" or t.is_space), None)
        if close is None or close.is_space or close.i + 1 >= len(doc):
            continue
        after, last = doc[close.i + 1], doc[close.i - 1]
        if (after.is_title or after.is_upper) and not last.is_punct and "\n" not in close.whitespace_:
            starts.append(after.i)
    return starts
