"""Questions the text itself asks: one ending in a question mark, or one it names as a question."""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..lexicon import lexicon
from .asking import AUXILIARIES, MAX_WORDS, WH_WORDS
from .common import breaks_before, clean

OPENERS = WH_WORDS | AUXILIARIES
# 'Did anyone speak of intervention then?', 'Who knows the truth?', 'Why on earth ...?' ('Has anyone
# claimed the attack?' is asked)
HEADING_WORDS = 12


# A transcript's speaker label: 'CNN:', 'Q:', 'Zakaria:', 'John Smith:' at the start of the line
INTERVIEW_LABEL = re.compile(r"^(?:[A-Z][\w.'-]*)(?: [A-Z][\w.'-]*){0,2}:\s")


NAMED_QUESTION = re.compile(
    r"\bquestions? (?:is|was|remains)(?: this| now)?\s*[:,]?\s*[\"“‘']?"
    r"((?:how|what|when|where|which|who|why)\b[^,.;:?!\"”’]+)",
    re.IGNORECASE,
)


def _named_question(text: str) -> str | None:
    """'The biggest question is this: how severe will the pandemic be, ...' -> 'How severe will the
    pandemic be?': a question the text names as one, asked in question order (an auxiliary before
    the subject) though it ends without a question mark."""
    match = NAMED_QUESTION.search(text)
    if not match:
        return None
    asked = match.group(1).strip()
    words = asked.split()
    lead = next((k for k, w in enumerate(words[1:4], 1) if w.lower() in AUXILIARIES), None)
    if lead is None or lead == len(words) - 1 or not 4 <= len(words) <= MAX_WORDS:
        return None  # 'the question is how the talks went' is a statement about a question
    return asked[0].upper() + asked[1:] + "?"


def asked_in_text(sent: Span) -> str | None:
    """A question the text asks: the words from its opener to the question mark."""
    text = clean(sent.text)
    end = text.rfind("?")
    if end < 0:
        return _named_question(text)
    if INTERVIEW_LABEL.match(text):
        return None  # 'CNN: Why is that so crucial?': an interviewer's prompt, answered on the next line
    if re.search(r"[?!]{3}", text):
        return None  # 'Has anyone seen the video?!?!': an outcry (a reader's comment); one '?!' may be a speaker's
    start = max(text.rfind(c, 0, end) for c in (":", "“", '"', "—", "-"))
    asked = text[start + 1 : end].strip(" \"'“”‘’")
    words = asked.split()
    if not 4 <= len(words) <= MAX_WORDS or words[0].lower() not in OPENERS:
        return None
    if words[0].lower() in WH_WORDS and not _asks_in_question_order(words, sent):
        return None  # 'where Facebook and Twitter are essential?' is a clause, not a question
    if _a_heading(sent, text[: start + 1]):
        return None  # 'What do the protesters want?' on a line of its own: the paragraph after answers it
    if _in_a_quoted_run(sent):
        return None  # '"What is happening in Libya? What is happening in Iraq?"': a speaker's rhetoric
    if words[0].lower() not in WH_WORDS and _answered_by_its_speaker(sent):
        return None  # '"Were there racist chants? This hasn't happened in Spain for many years."'
    said = {w.lower().strip(",") for w in words}
    if said & {"i", "you", "we", "me", "us", "my", "your", "our"}:
        return None  # a rhetorical or personal question, not an open matter of the story
    if said & {"it", "they", "them", "he", "him", "she", "her", "this", "these", "those"}:
        return None  # 'Who would provide assets for it?' needs the sentences before it
    if " ".join(words[:2]).lower() in lexicon().rhetorical_openings:
        return None  # 'Did anyone speak of intervention then?', 'Who knows the truth?': rhetoric
    return asked[0].upper() + asked[1:] + "?"


def _asks_in_question_order(words: list[str], sent: Span) -> bool:
    """A wh-question puts an auxiliary near its front ('Where does the US go from here?') or has the
    wh-word for its subject ('Who won the vote?')."""
    if any(w.lower() in AUXILIARIES for w in words[1:4]):
        return True
    second = next((t for t in sent if t.text == words[1]), None)
    return second is not None and second.pos_ in ("VERB", "AUX")


def _a_heading(sent: Span, lead_in: str) -> bool:
    """A question on a line of its own with text after it that is not a question: an explainer's heading
    (or a reader's comment), which the text after it answers. A lead-in may only label it ('Syria
    crisis: Can the mission succeed?'), not say it ('The hard part is: will there be a transition?')."""
    doc = sent.doc
    if len(sent.text.split()) > HEADING_WORDS or any(c in sent.text for c in '"\u201c\u201d'):
        return False  # a writer's or a speaker's question in the run of the text
    if any(t.pos_ in ("VERB", "AUX") for t in sent if t.idx - sent.start_char < len(lead_in)):
        return False
    words = [t for t in sent if not t.is_space]
    if not words:
        return False
    first, last = words[0], words[-1]
    following = next((t for t in doc[last.i + 1 :] if not t.is_space), None)
    if following is None or not (breaks_before(first, "\n") and breaks_before(following, "\n")):
        return False
    later = (t.sent for t in doc[following.i :] if t.is_sent_start and not t.is_space)
    return any(not answer.text.rstrip().endswith("?") for answer in later)


def _in_a_quoted_run(sent: Span) -> bool:
    """A question next to another question, one of them inside a quotation: questions a speaker
    asks one after the other, with no answer between them, are rhetoric."""
    doc = sent.doc
    before = doc[sent.start - 1].sent if sent.start > 0 else None
    after = doc[sent.end].sent if sent.end < len(doc) else None
    for other in (before, after):
        if other is not None and "?" in other.text:
            if _quoted(sent) or _quoted(other):
                return True
    return False


def _answered_by_its_speaker(sent: Span) -> bool:
    """A quoted yes-or-no question the same quotation answers at once: 'No.', 'He did not.', 'This has not
    happened here for years.' ('I cannot say', 'We have not been told', 'It has not said', 'They may
    not' leave it open; the caller asks it only of a question that opens on no 'when' or 'why')."""
    doc = sent.doc
    if not _quoted(sent) or sent.end >= len(doc):
        return False
    after = doc[sent.end].sent
    first = next((t for t in after if t.is_alpha), None)
    if first is None or first.i not in after._.quoted:
        return False
    if first.lower_ in ("no", "yes") and first.i + 1 < len(doc) and doc[first.i + 1].is_punct:
        # 'No.', 'Yes,' alone: not 'No one knows', 'No decision has been taken', 'Yes, unless ...'
        return not any(t.lower_ in ("unless", "if") for t in after)
    said = after._.quoted
    root = next((t for t in after if t.i in said and t.pos_ in ("VERB", "AUX") and t.head.i not in said), after.root)
    if not any(c.dep_ == "neg" for c in root.children):
        return False
    auxiliary = root.pos_ == "AUX" or root.lemma_.lower() in ("do", "be", "have")
    elided = (
        auxiliary
        and root.lower_ not in ("may", "might", "could")
        and all(c.dep_ in ("nsubj", "neg", "punct", "aux", "cc") for c in root.children)
    )  # 'He did not.', not 'It is not over yet'
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    happened = root.lemma_.lower() == "happen" and subject is not None and subject.lower_ in ("this", "that", "it")
    return elided or happened


def _quoted(sent: Span) -> bool:
    return bool(sent._.quoted) or sent.text.lstrip().startswith(('"', "“"))
