"""A question built from a clause of the text: its auxiliary moved in front, its subject named."""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..lexicon import lexicon
from ..time.tense import start_of_sentences_before
from .common import clean, in_text_order, subtree_text, word_end
from .coref import PERSON_PRONOUNS, ActorIndex

WH_WORDS = {"what", "when", "where", "which", "who", "whom", "whose", "why", "how"}
# The auxiliaries a yes-no question opens with.
AUXILIARIES = {"will", "would", "can", "could", "should", "is", "are", "was", "were", "do", "does", "did"}
AUXILIARIES |= {"has", "have", "had", "may", "might", "must", "shall"}


ASK_MODAL = {"would": "will", "could": "will", "might": "will", "may": "will", "'ll": "will", "wo": "will"}
ASK_MODAL |= {"must": "will", "should": "will"}  # an obligation or advice: will it be met?


HEDGES = {"may", "might"}  # 'may have had a role': not known to be so ('could have' is what did not happen)


DO_SUPPORT = {"VBD": "did", "VBZ": "does", "VBP": "do"}


BE_FORMS = {"is", "are", "was", "were", "'s", "'re"}


MAX_WORDS = 30


def subject_text(subject: Token, actors: ActorIndex) -> str | None:
    """The subject as a question names it: a pronoun only when it resolves to a named actor."""
    if subject.lower_ in PERSON_PRONOUNS:
        actor = actors.resolve(subject)
        return actors.display(actor) if actor in actors.actors else None
    if subject.dep_ == "expl" and subject.lower_ == "there":
        return "there"  # 'there could be further walkouts' -> 'Will there be further walkouts?'
    body = _reporting_body(subject, actors) or actors.body_meant(subject)
    if body is not None:
        return actors.display(body)
    if subject.pos_ == "PRON" or subject.dep_ == "expl":
        return None  # 'it', 'they', 'this': too loose to name in a question of their own
    if _names_nothing(subject):
        return None
    name = next((e for e in subject.doc.ents if e.start <= subject.i < e.end), None)
    alone = not any(t.dep_ in ("conj", "cc") for t in subject.subtree)  # not 'X and Arsenal's vice-chairman'
    if name is not None and alone and subject.pos_ == "PROPN" and subject.i in actors.token_actor:
        described = [t for t in subject.subtree if t.i < name.start and t.dep_ == "compound"]
        kinds = lexicon().generic_body_nouns | {"giant", "maker"}
        if any(t.pos_ == "NOUN" and t.lemma_.lower() in kinds for t in described):
            return name.text  # 'US mortgage company Fannie Mae' -> 'Fannie Mae' ('Tory leader Tom Hale' stays)
    if _bare_definite(subject):
        # 'Were the remarks offensive?': which remarks the text said shortly before, when it did
        named = _named_before(subject, actors)
        if named is not None:
            return named
    # the subject's head words, without a relative clause or an apposition hanging on it
    loose = {t.i for c in subject.children if c.dep_ in ("relcl", "appos", "acl", "advcl") for t in c.subtree}
    loose |= {t.i for c in subject.subtree if _set_off_relative(c) for t in c.subtree}
    first = next(iter(subject.subtree))
    before = first.doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.dep_ == "prep" and not any(c.dep_ == "pobj" for c in before.children):
        # 'despite the alliance Fiat failed': the parse ran the preposition's object into the subject
        name = next((e for e in subject.doc.ents if e.start <= subject.i < e.end), None)
        return name.text if name is not None and name.start > first.i else None
    first_piece = next(
        (p for p in subject.head.children if p.dep_ == subject.dep_ and subject in hyphen_joined(p)), subject
    )
    tree = {t for piece in hyphen_joined(first_piece) for t in piece.subtree}  # 'the counter-demonstrators'
    first = min(tree, key=lambda t: t.i)
    kept = _without_dashed_aside(in_text_order(t for t in tree if t.i not in loose))
    if any(t.tag_ in ("VBP", "VBZ", "VBD") and t.dep_ == "conj" for t in kept):
        return None  # 'Critics - including France - believe ...': the parse ran the sentence's verb into its subject
    text = clean("".join(_owner_named(t, actors, None) for t in kept)).strip(" ,")  # 'Were his comments ...?'
    if text and (first.pos_ == "DET" or (_capital_of_the_sentence(first) and first.i not in actors.token_actor)):
        # "The talks will ..." -> "Will the talks ...", "Much of it was" -> "Was much of it"
        text = text[0].lower() + text[1:]
    return text or None


NEGATIVE_HEADS = {"none", "nobody", "nothing", "neither", "noone"}


def _bare_definite(noun: Token) -> bool:
    """'the plan': a common noun pointing back, with nothing of its own to say which ('these companies'
    often names anew what the text called otherwise, 'the banks', and is left as it is)."""
    return (
        noun.pos_ == "NOUN"
        and [c.lower_ for c in noun.children] == ["the"]
        and noun.lower_ not in lexicon().generic_body_nouns | {"government", "police"}
    )


def _named_before(noun: Token, actors: ActorIndex) -> str | None:
    """The same noun as the text named it shortly before, with what says which ('the remarks' after
    'Ken Livingstone's remarks' -> "Ken Livingstone's remarks", 'the offer' after 'a new Glazer offer'),
    or None when the text never said."""
    doc = noun.doc
    start = start_of_sentences_before(noun, 3)
    earlier = next(
        (t for t in reversed(doc[start : noun.i]) if t.pos_ == "NOUN" and t.lemma_ == noun.lemma_ and t.i != noun.i),
        None,
    )  # the nearest mention only: 'an offer on Monday' after 'a previous offer' is another offer
    if earlier is None or any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in earlier.children):
        return None  # 'there was no improved offer': none to name
    said = [c for c in earlier.children if c.i < earlier.i and c.dep_ in ("poss", "compound", "amod", "nmod")]
    if not said:
        return None
    words = []
    for modifier in said:
        owner = actors.resolve(modifier) if modifier.dep_ == "poss" and modifier.pos_ != "PRON" else None
        if owner in actors.actors:  # 'Mayor Ken Livingstone's remarks': the owner by name
            name = actors.display(owner)
            words.append(f"{name}'" if name.endswith("s") else f"{name}'s")
        elif modifier.dep_ == "poss" and modifier.pos_ == "PRON":
            return None  # 'his remarks' after a speaker: whose, only a reading of the text says
        elif modifier.dep_ == "poss":
            words.append("".join(t.text_with_ws for t in modifier.subtree).strip())  # "the government's"
        else:
            words.append("".join(t.text_with_ws for t in modifier.subtree if t.dep_ != "det").strip())
    determiner = "" if said[0].dep_ == "poss" else "the "
    return f"{determiner}{' '.join(words)} {noun.text}"


def _names_nothing(subject: Token) -> bool:
    """'The third was alleged to ...': an ordinal standing for a noun the sentence before gave; 'none of its
    statements can be relied on': no one to ask about ('Will none of ...?')."""
    if subject.lower_ in NEGATIVE_HEADS:
        return True
    ordinal = subject.tag_ in ("JJ", "RB") and subject.ent_type_ == "ORDINAL"  # not 'the two', who were named
    return ordinal and not any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children)


def _reporting_body(pronoun: Token, actors: ActorIndex) -> str | None:
    """'Verizon said it had not decided whether it would raise its offer': 'it' in what a company or a
    country says is that body, back through the clauses of the saying that 'it' is the subject of, as
    long as none is an impersonal 'it is unclear'. ('Police say they may face charges' is not the
    police: 'they' is too often the people spoken of.)"""
    if pronoun.lower_ != "it" or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause, speech = pronoun.head, lexicon().speech_verbs
    while clause.dep_ in ("ccomp", "xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        if subject.lower_ == pronoun.lower_:
            if any(c.dep_ in ("acomp", "attr") for c in clause.children):
                return None  # 'it was unclear whether it would work': no one's saying
            continue
        actor = actors.resolve(subject)
        if clause.lemma_.lower() not in speech or actor is None:
            return None
        if actors.actors[actor].kind not in ("organization", "country"):
            return None
        return actor
    return None


def _capital_of_the_sentence(word: Token) -> bool:
    """A word capitalised only because it opens the sentence ('Much', 'Many', 'About 150', 'Two of'), not
    a name. A common noun the tagger read as a name of one word ('Success here could see ...',
    'Operators could send ...') is the same."""
    named = word.ent_type_ and word.ent_type_ not in AMOUNT_TYPES
    if named and word.ent_type_ == "ORG" and word.tag_ in ("NN", "NNS") and word.ent_iob_ == "B":
        named = word.i + 1 < len(word.doc) and word.doc[word.i + 1].ent_iob_ == "I"
    if not word.is_sent_start or not word.is_title or word.pos_ in ("PROPN", "PRON") or named:
        return False
    # 'Blackburn striker Matt Jansen', tagged a common noun: capitalised inside a sentence too
    return not any(t.text == word.text and not t.is_sent_start and not _opens_words(t) for t in word.doc)


def _opens_words(token: Token) -> bool:
    """The first word of a quotation or of a line is capitalised as a sentence's is ('... said.
    "Political parties must wake up"')."""
    before = token.doc[token.i - 1] if token.i else None
    return before is None or before.is_quote or before.is_left_punct or "\n" in before.text + before.whitespace_


PLURAL_WORDS = {"we", "they", "you", "many", "several", "few", "both"}
AMOUNT_TYPES = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL", "DATE", "TIME"}


def _set_off_relative(clause: Token) -> bool:
    """', which owns Liffe,': a relative clause set off by a comma adds to its noun, not defines it."""
    return (
        clause.dep_ == "relcl"
        and clause.left_edge.i > 0
        and clause.doc[clause.left_edge.i - 1].text == ","
        and clause.left_edge.lower_ in ("which", "who", "whom", "whose")
    )


def words_after(verb: Token, skipped: set[int], actors: ActorIndex | None = None, asked_of: Token | None = None) -> str:
    """The words after the verb, without a second clause joined to it ('... but lessons would ...').
    With the actors, 'its', 'his' and 'her' name whose they are ('asked German authorities to approve
    its plan' -> '... approve Deutsche Boerse's plan'), unless the one the question is asked of could
    be their owner ('urged Iran to open its sites': Iran's own)."""
    aside = [c for c in verb.children if c.dep_ in ("conj", "cc") or _gives_a_reason(c) or _told_before(c, verb)]
    skipped = skipped | {t.i for c in aside for t in c.subtree}
    # 'restate its earnings, a move that is likely to dent its accounts': an apposition set off by a comma
    # says more about what is asked, not what is asked
    doc = verb.doc
    last = max((t.i for t in verb.subtree if not t.is_punct), default=verb.i)
    for token in verb.subtree:
        if token.dep_ == "appos" and token.i > verb.i and token.left_edge.i > 0 and token.right_edge.i >= last:
            comma = doc[token.left_edge.i - 1]
            described = any(c.dep_ in ("det", "poss") for c in token.children)  # 'a move', 'the world's biggest'
            if comma.text == "," and described:
                skipped = skipped | {comma.i} | {t.i for t in token.subtree}
    rest = _without_dashed_aside(in_text_order(t for t in verb.subtree if t.i > verb.i and t.i not in skipped))
    ends = (k for k, t in enumerate(rest) if t.text in (";", ":") or _dash(t) or (t.text == "," and k > 3))
    cut = next(ends, len(rest))
    rest = rest[:cut]
    while rest and ((rest[-1].is_punct and rest[-1].text != "%") or rest[-1].dep_ in ("cc", "mark")):
        if rest[-1].text == ")" and any(t.text == "(" for t in rest):
            break  # '... Court (ICC)': the bracket closes what it opened
        rest.pop()
    return clean("".join(_owner_named(t, actors, asked_of) for t in _whole_last_word(rest)))


def _whole_last_word(tokens: list[Token]) -> list[Token]:
    """The last word whole though the parse hung its part after a hyphen elsewhere ('co-leader')."""
    if not tokens:
        return tokens
    doc = tokens[-1].doc
    return [*tokens, *doc[tokens[-1].i + 1 : word_end(tokens[-1]) + 1]]


def _told_before(child: Token, verb: Token) -> bool:
    """'will relieve the injury crisis after Hunt limped out': what has happened, hung on what is asked
    of the future, is why it is asked, not part of it."""
    return (
        child.dep_ == "advcl"
        and child.tag_ == "VBD"
        and verb.tag_ == "VB"
        and any(m.dep_ == "mark" and m.lower_ in PAST_MARKS for m in child.children)
    )


# 'after Hunt limped out', 'because talks failed'; not 'if the cycle ended in 2006' or 'before they
# reached court', the past tense of reported speech for what is still ahead
PAST_MARKS = {"after", "since", "because", "as", "when"}


def _without_dashed_aside(tokens: list[Token]) -> list[Token]:
    """'the price offered - 300p a share - is high enough': an aside between two dashes is left out; one
    dash left opens an aside to the end ('switched hands -- insisting it was safe'), cut after."""
    dashes = [k for k, t in enumerate(tokens) if _dash(t)]
    if len(dashes) < 2:
        return tokens
    return tokens[: dashes[0]] + tokens[dashes[1] + 1 :]


def _dash(token: Token) -> bool:
    """' -- insisting it was safe', ' - the world's biggest': a spaced dash opens an aside."""
    if token.text not in ("-", "--", "\u2013", "\u2014") or token.i == 0 or not token.doc[token.i - 1].whitespace_:
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return not (token.doc[token.i - 1].like_num and after is not None and after.like_num)  # 'ended 2 - 1'


def _owner_named(token: Token, actors: ActorIndex | None, asked_of: Token | None) -> str:
    if actors is None or token.tag_ != "PRP$" or token.lower_ not in ("its", "his", "her"):
        return token.text_with_ws
    owner = actors.resolve(token)
    if owner is None or owner not in actors.actors or (asked_of is not None and _could_own(asked_of, token, actors)):
        return token.text_with_ws
    gender = {"his": "m", "her": "f"}.get(token.lower_)
    sent = token.sent
    nearby = range(token.doc[sent.start - 1].sent.start if sent.start else sent.start, token.i)
    doc = token.doc
    named = {
        actors.token_actor[i]
        for i in nearby
        if i in actors.token_actor and _as_subject(doc[i] if doc[i].dep_ != "compound" else doc[i].head)
    } & set(actors.actors)  # 'German authorities' names no owner of 'its'; 'Northbank, which ...' does
    fitting = {a for a in named if (actors.actors[a].kind == "person") == bool(gender)}
    if fitting != {owner}:
        return token.text_with_ws  # named only when it is the one actor of its kind just named
    name = actors.display(owner)
    plural = name.endswith("s") and actors.actors[owner].kind != "person"  # 'the Liberal Democrats' stance'
    return f"{name}'{'' if plural else 's'}{token.whitespace_}"


def _as_subject(token: Token) -> bool:
    return token.dep_ in ("nsubj", "nsubjpass", "poss") or (token.dep_ == "appos" and _as_subject(token.head))


def _could_own(subject: Token, pronoun: Token, actors: ActorIndex) -> bool:
    """Whether 'its' or 'his' can be the subject's own: a body or thing for 'its', a person for 'his'."""
    actor = actors.resolve(subject)
    person = actors.actors[actor].kind == "person" if actor in actors.actors else subject.ent_type_ == "PERSON"
    if pronoun.lower_ == "its":
        return not person and subject.tag_ not in ("NNS", "NNPS")
    lex = lexicon()
    return person or subject.lemma_.lower() in lex.agent_nouns | lex.titles


REASON_WORDS = {"because", "since", "as", "although", "though", "while", "whereas", "despite"}


def _gives_a_reason(child: Token) -> bool:
    """'... because the text is long', 'despite the delay': why, not what is asked."""
    if child.dep_ == "prep":  # 'treated her as a special case', 'since 2003': no reason given
        return child.lower_ in REASON_WORDS - {"as", "since"}
    return child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in REASON_WORDS for m in child.children)


def hyphen_joined(subject: Token) -> list[Token]:
    """'the counter-demonstrators', parsed as three subjects of one verb ('counter', '-', 'demonstrators'):
    the parts, the head word last."""
    parts, doc = [subject], subject.doc
    while (
        parts[-1].i + 2 < len(doc)
        and doc[parts[-1].i + 1].text == "-"
        and not doc[parts[-1].i + 1].whitespace_
        and doc[parts[-1].i + 2].head.i == subject.head.i
        and doc[parts[-1].i + 2].dep_ == subject.dep_
    ):
        parts += [doc[parts[-1].i + 1], doc[parts[-1].i + 2]]
    return parts


def interrogative(verb: Token, actors: ActorIndex, wh: Token | None = None, hedged: bool = False) -> str | None:
    """'the court would rule on Monday' -> 'Will the court rule on Monday?' (with do-support and
    inversion of the auxiliary); None when the clause has no nameable subject or only reports words.
    A hedged claim of the past ('X may have had a role') is asked as the past ('Did X have a role?')
    when `hedged`; otherwise what might have been is past asking."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    subject = hyphen_joined(subject)[-1] if subject is not None else None
    if _only_words(verb, subject):
        return None
    if wh is not None and wh.dep_ in ("det", "amod", "advmod") and wh.head.pos_ in ("NOUN", "ADJ", "ADV"):
        return None  # 'which film wins', 'how many people': the wh-phrase would have to move whole
    if wh is not None and subject is not None and subject.i == wh.i:
        return _wh_subject(verb, wh)
    if wh is not None and wh.lower_ in ("which", "who", "whom"):
        return None  # 'which ... insurers won business from': a pronoun that is not the subject moves with its phrase
    if subject is None or _denied_object(verb):
        return None
    who = subject_text(subject, actors)
    if not who:
        return None
    skipped = {t.i for t in subject.subtree} | ({wh.i} if wh is not None else set())
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    last = verb.doc[word_end(verb)]  # 're-examine', parsed as 're' and its rest: the verb's word ends here
    skipped |= {a.i for a in auxes} | set(range(verb.i + 1, last.i + 1))
    verb_word = verb.doc[verb.i : last.i + 1].text
    tail = words_after(verb, skipped, actors, subject)
    if last.i > verb.i:  # what follows hangs from the word's last part
        tail = f"{tail} {words_after(last, skipped | {t.i for t in verb.subtree}, actors, subject)}".strip()
    lead_aux = next((a for a in auxes if a.dep_ != "neg"), None)
    if lead_aux is not None and lead_aux.tag_ == "MD" and any(a.lower_ == "have" for a in auxes):
        rest = [a.lower_ for a in auxes[1:] if a.dep_ != "neg"]
        if not hedged or lead_aux.lower_ not in HEDGES or rest not in (["have"], ["have", "been"]):
            return None  # 'whether he would have been pleased': what might have been is past asking
        return finished_question(_in_the_past(verb, subject, who, tail, passive=rest == ["have", "been"]), wh)
    if lead_aux is not None and lead_aux.lower_ in ("can", "ca") and any(a.dep_ == "neg" for a in auxes):
        auxes = [a for a in auxes if a.dep_ != "neg"]  # 'entry cannot be guaranteed' -> 'Will entry be guaranteed?'
        lead_aux = None if not auxes else auxes[0]
        others = " ".join(a.lower_ for a in auxes[1:])
        body = f"will {who} {others} {verb_word} {tail}"
        question = re.sub(r"\s+", " ", body).strip().rstrip(" .,;:")
        return question[0].upper() + question[1:] + "?"
    if lead_aux is not None and lead_aux.lower_ == "had" and len(auxes) == 1:
        # 'criticism that the deal had been a mistake' -> 'Was the deal a mistake?': reported speech
        # puts the past one step back
        body = _in_the_past(verb, subject, who, tail, passive=False)
    elif lead_aux is not None and lead_aux.lower_ == "had" and [a.lower_ for a in auxes[1:]] == ["been"]:
        body = _in_the_past(verb, subject, who, tail, passive=True)  # 'that the man had been arrested'

    elif lead_aux is not None:
        others = " ".join(a.lower_ for a in auxes if a is not lead_aux)
        first = ASK_MODAL.get(lead_aux.lower_, lead_aux.lower_)
        if lead_aux.lower_ == "to":
            return None
        if verb.tag_ == "VBN" and lead_aux.tag_ == "MD" and not any(a.lemma_ in ("be", "have") for a in auxes):
            return None  # 'drunks should "given a beating"': a participle with no 'be' or 'have' to ask by
        body = f"{first} {who} {others} {verb_word} {tail}"
    elif verb.lemma_ == "be" and verb.lower_ in BE_FORMS:
        if not tail:
            return None  # 'Was Mr Hale?': what he was went with a word the parse hung elsewhere
        body = f"{verb.lower_} {who} {tail}"
    elif verb.tag_ in DO_SUPPORT:
        neg = ""
        body = f"{DO_SUPPORT[verb.tag_]} {who}{neg} {verb.lemma_} {tail}"
    else:
        return None
    return finished_question(body, wh)


def _denied_object(verb: Token) -> bool:
    """'could do nothing about the equaliser': asked as 'Will X do nothing ...?', a question with its answer in
    it ('no choice but to sell' is another matter)."""
    return any(c.dep_ in ("dobj", "attr") and c.lower_ in NEGATIVE_HEADS for c in verb.children)


def _wh_subject(verb: Token, wh: Token) -> str | None:
    """'reveal who will have the Christmas number one' -> 'Who will have the Christmas number one?': the
    clause is already in the order of a question."""
    if wh.lower_ not in ("who", "what", "which") or any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
        return None  # 'which clients the insurers won business from', parsed with 'clients' as its verb
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    body = " ".join(a.lower_ for a in auxes) + f" {verb.text} {words_after(verb, set())}"
    return finished_question(body, wh)


def will_ask(who: str, verb: str, tail: str) -> str:
    """'Will {who} {verb} {tail}?', its spaces tidied and no stop or comma before the question mark."""
    return re.sub(r"\s+", " ", f"Will {who} {verb} {tail}").strip(" .,") + "?"


def finished_question(body: str, wh: Token | None) -> str | None:
    body = re.sub(r"\s+", " ", body).strip()
    question = f"{wh.lower_} {body}" if wh is not None else body
    question = question.rstrip(" .,;:")
    if len(question.split()) > MAX_WORDS or len(question.split()) < 3:
        return None
    return question[0].upper() + question[1:] + "?"


def _in_the_past(verb: Token, subject: Token, who: str, tail: str, passive: bool) -> str:
    """A question in the simple past: 'Was X arrested?', 'Was X a mistake?', 'Did X have a role?'."""
    if passive:
        return f"{_was(subject)} {who} {verb.text} {tail}"
    if verb.lemma_ == "be":
        return f"{_was(subject)} {who} {tail}"
    return f"did {who} {verb.lemma_} {tail}"


def _was(subject: Token) -> str:
    counted = subject.tag_ == "CD" and subject.lower_ not in ("one", "1") and subject.ent_type_ != "DATE"
    plural = subject.tag_ in ("NNS", "NNPS") or subject.lower_ in PLURAL_WORDS
    return "were" if plural or counted else "was"


def _only_words(verb: Token, subject: Token | None) -> bool:
    """'whether X maintained that ...' asks about words; 'if the level can be maintained' about keeping
    it up, and 'that he threatened Gary Neville' about an act done to someone."""
    if verb.lemma_.lower() not in lexicon().speech_verbs or (subject is not None and subject.dep_ == "nsubjpass"):
        return False
    done_to = any(
        c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.lower_ in ("him", "her", "them")) for c in verb.children
    )
    return not done_to or any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in verb.children)


def object_text(verb: Token) -> str:
    parts = [subtree_text(c) for c in verb.children if c.dep_ in ("dobj", "attr", "prt")]
    return " ".join(p for p in parts if p)


def subject_of(verb: Token, actors: ActorIndex) -> str | None:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
        subject = verb.head  # 'GM, which is struggling with ...': GM
    if subject is not None:
        return subject_text(subject, actors)
    if verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        return subject_of(verb.head, actors)
    return None
