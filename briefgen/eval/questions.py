"""Whether an open question is well formed, checked by parsing it again with the same pipeline."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extract.asking import AUXILIARIES, WH_WORDS
from ..extract.coref import OTHER_PRONOUNS, PERSON_PRONOUNS
from ..lexicon import lexicon

BARE = PERSON_PRONOUNS | OTHER_PRONOUNS | {"this", "that", "which", "i", "we", "you"}


def question_problems(question: str, nlp: Language) -> list[str]:
    """What is wrong with a question, if anything: it must end with one question mark, open with an
    auxiliary or a wh-word, name its subject (no bare pronoun), and its main verb must not be a
    reporting verb ('Will Fukuda tell reporters ...?')."""
    problems = []
    head = question.split("?")[0]
    if not question.strip().endswith("?") and "? " not in question:
        problems.append("does not end with a question mark")
    doc = nlp(head + "?")
    words = [t for t in doc if not t.is_punct]
    if not words:
        return ["empty"]
    if words[0].lower_ not in WH_WORDS | AUXILIARIES:
        problems.append(f"opens with '{words[0].text}', not an auxiliary or a wh-word")
    subjects = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subjects and words[0].lower_ not in WH_WORDS and not _declarative_has_subject(doc, nlp):
        problems.append("has no subject")
    if any(s.lower_ in BARE and s.dep_ != "expl" for s in subjects[:1]):
        problems.append(f"its subject is a bare pronoun ('{subjects[0].text}')")
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    done_to = root is not None and any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in root.children)
    done_to = done_to or (  # 'Can the level of backing be maintained?': a thing kept up, not words said
        root is not None
        and any(c.dep_ == "auxpass" for c in root.children)
        and any(c.dep_ == "nsubjpass" and c.pos_ == "NOUN" and not c.ent_type_ for c in root.children)
        and not any(c.dep_ == "ccomp" for c in root.children)
    )
    if root is not None and root.lemma_.lower() in lexicon().speech_verbs and root.lemma_.lower() != "order":
        if not done_to:  # 'Did Vieira threaten Gary Neville?' asks of an act done to someone, not of words
            problems.append(f"its main verb reports speech ('{root.text}')")
    if _participle_after_modal(doc):
        problems.append("its verb is not in the base form a modal or 'do' needs")
    if head.count("(") != head.count(")") or head.count('"') % 2:
        problems.append("unbalanced brackets or quotes")
    return problems


def _declarative_has_subject(question: Doc, nlp: Language) -> bool:
    """Whether the question, its auxiliary put back after the subject, reads as a statement with a
    subject: 'Will Robert Kilroy-Silk stand ...?' -> 'Robert Kilroy-Silk will stand ...'.

    The small pipeline often misparses inverted questions (there it reads 'stand' as a noun).
    """
    opener, rest = question[0], question[1:]
    if opener.lower_ not in AUXILIARIES or len(rest) < 2:
        return False
    for split in range(1, len(rest)):
        if not rest[split - 1].whitespace_:
            continue  # the subject ends between words, not inside 'Kilroy-Silk'
        before = "".join(t.text_with_ws for t in rest[:split])
        statement = nlp(before + opener.lower_ + " " + "".join(t.text_with_ws for t in rest[split:]))
        auxiliary = next((t for t in statement if t.idx == len(before)), None)
        if auxiliary is None:
            continue
        # 'up to 300 people were killed'; with the copula, 'pictures of the staff are freely available'
        if auxiliary.dep_ in ("aux", "auxpass"):
            verb = auxiliary.head
        elif auxiliary.dep_ == "ROOT" and auxiliary.lemma_ == "be":
            verb = auxiliary
        else:
            continue
        if any(t.dep_ in ("nsubj", "nsubjpass") and t.head == verb for t in statement[: auxiliary.i]):
            return True
    return False


MODALS = {"will", "would", "can", "could", "shall", "should", "may", "might", "must", "do", "does", "did"}


def _participle_after_modal(question: Doc) -> bool:
    """'Will the fight with Think Secret resolved?': after 'will' or 'does' comes a bare verb, or 'be'
    or 'have' before a participle."""
    if len(question) < 3 or question[0].lower_ not in MODALS:
        return False
    for token in question[1:]:
        if token.lemma_.lower() in ("be", "have"):
            return False
        if token.pos_ == "VERB" and token.tag_ in ("VBN", "VBD") and token.lower_ != token.lemma_.lower():
            return token.dep_ == "ROOT" or token.head.i == question[0].i  # not 'the price offered'

    return False
