"""Positions: direct quotes, reported speech and reported stances, attributed to actors."""

from __future__ import annotations

import re
from functools import partial

from spacy.tokens import Span, Token

from ..findings import Position, stable_id
from ..lexicon import Lexicon, lexicon
from ..time.tense import sentence_of
from .common import (
    QUOTE_CHARS,
    a_share_of_people,
    clean,
    done_to_after_with,
    has_subject,
    shortened,
    subtree_text,
    topics,
)
from .coref import PERSON_PRONOUNS, ActorIndex
from .names import is_news_outlet, is_reporter, outlet_takes_part
from .parsed import Parsed
from .polarity import polarity
from .transcript import turns, without_label

QUOTED = re.compile(r"[“\"]([^”\"]{3,})[”\"]?|^([^“\"]{3,})[”\"]")


def _subject(verb: Token) -> Token | None:
    for child in verb.children:  # 'the plan was rejected by the board': the board holds the stance
        if child.dep_ == "agent":
            agent = next((g for g in child.children if g.dep_ == "pobj"), None)
            if agent is not None:
                return agent
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) == 2 and subjects[0].pos_ == "NOUN" and subjects[1].pos_ == "PROPN":
        if subjects[0].i + 1 == subjects[1].left_edge.i:
            return subjects[1]  # 'Hedge funds TCI and Atticus are planning': the parse split the descriptor off
    if subjects:
        return subjects[0]
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if after is not None and before is not None and before.text in QUOTE_CHARS and after.head == verb:
        if after.pos_ == "PROPN" or (after.ent_type_ and after.dep_ in ("dobj", "attr", "npadvmod")):
            return after  # '"... we have decided to clear Masai," added Kiplagat.': the tagger took him for the object
    if verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        return _subject(verb.head)
    quoted_as = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "as" else None
    if quoted_as is not None and quoted_as.lemma_.lower() in ("quote", "report", "cite"):
        quoted = next((c for c in quoted_as.children if c.dep_ == "dobj"), None)
        if quoted is not None:
            return quoted  # 'Dow Jones quoted Werner Seifert as saying': Seifert
        return _subject(quoted_as)  # 'the Arsenal boss is quoted as saying'
    if verb.dep_ in ("advcl", "acl") and verb.tag_ == "VBG":
        # "ministers raised an appeal arguing that ...": the participle's speaker is the clause's subject
        head = verb.head if verb.head.pos_ in ("VERB", "AUX") else verb.head.head
        content = head.dep_ == "acl" and head.head.pos_ == "NOUN" and head.head.head.pos_ in ("VERB", "AUX")
        if content and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
            # 'officials rejected claims that Gadhafi is seeking refuge, saying that ...': set off by a
            # comma, the participle goes with the clause that rejects the claims, not with the claim
            head = head.head.head
        return _subject(head) if head.i != verb.i else None
    return None


def _subject_actors(subject: Token, actors: ActorIndex) -> list[str]:
    found = []
    own = actors.token_actor.get(subject.i)
    # 'The League Against Cruel Sports and the RSPCA say': the parse hangs 'RSPCA' on the name's last word
    inside = [t for t in subject.subtree if t.dep_ == "conj" and own and actors.token_actor.get(t.head.i) == own]
    for token in [subject, *subject.conjuncts, *inside]:
        actor = actors.resolve(token)
        if actor and actor not in found:
            found.append(actor)
    return found


def _reported_holders(verb: Token, actors: ActorIndex) -> list[str]:
    """Who holds what an outlet reports: the subject of the reported clause ('... say they will oppose')."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    subject = _subject(clause) if clause is not None else None
    return _subject_actors(subject, actors) if subject is not None else []


def _according_to(sent: Span, actors: ActorIndex) -> list[str]:
    for token in sent:
        if token.lower_ == "according" and token.i + 2 < sent.end and token.nbor().lower_ == "to":
            window = token.doc[token.i + 2 : min(token.i + 8, sent.end)]
            # 'according to British rules' says how, not who: a name that only describes a noun is no source
            found = [actors.token_actor[t.i] for t in window if t.i in actors.token_actor and not actors.describes(t)]
            # "according to the Economist Intelligence Unit's Mr Hensel": the one whose body is named first
            owned = [a for t in window if t.dep_ == "poss" and (a := actors.token_actor.get(t.head.i))]
            if owned:
                return owned[:1]
            if found:
                return found[:1]
    return []


# the closing mark of a quotation opened in an earlier sentence, the only mark in the sentence
LONE_CLOSING_MARK = re.compile(r'^([^"“”]*?)[”"](?=[.!?]?$)')


def _quote_text(text: str) -> str | None:
    """The quoted words, without the attribution between two parts of one quotation."""
    first = min((text.find(c) for c in '“"' if c in text), default=-1)
    last = max(text.rfind(c) for c in '”"')
    if first < 0:
        return None
    # 'The Judge wrote: "...it is not surprising ...' goes on in the next sentence: the words after the mark
    inner = text[first + 1 : last] if last > first else text[first + 1 :]
    inner = re.sub(r"[,.]?[”\"]\s[^“\"]{1,60}?\b(said|says|added|adds|told \w+)\b[^“\"]{0,40}[“\"]", " … ", inner)
    inner = clean(inner).rstrip(",")
    return inner if len(inner.split()) >= 3 else None


def _a_quoted_label(words: str, span: Span, sent: Span) -> bool:
    """A few quoted words without a verb ('a "UK Las Vegas"', 'a "humiliating retreat"'): a phrase the
    writer quotes, not the speaker's statement."""
    return len(words.split()) < 6 and not any(t.pos_ in ("VERB", "AUX") for t in span if t.i in sent._.quoted)


def _claim_kind(token: Token, lex: Lexicon) -> str | None:
    lemma = token.lemma_.lower()
    if lemma in lex.speech_verbs:
        return "reported"
    if lemma in lex.stance_verbs:
        return "stance"
    if lemma in lex.willingness_verbs and any(c.dep_ == "xcomp" for c in token.children):
        return "stance"
    if lemma in lex.labelling_verbs and any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children):
        return "stance"
    objects = [c for c in token.children if c.dep_ in ("dobj", "attr", "acomp")]
    objects += [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if any(c.dep_ == "auxpass" for c in token.children):  # 'was sold for $800m, well below other offers'
        objects = [o for o in objects if o.dep_ != "pobj"]
    if lemma in lex.receiving_verbs:  # 'has huge support', 'needs the backing of': others' stance
        objects = [o for o in objects if o.dep_ != "dobj" or o.lemma_.lower() not in lex.received_nouns]
    if lemma in lex.posing_verbs:  # 'posed a threat to the party': what it is to others
        objects = [o for o in objects if o.dep_ != "dobj"]
    if any(_stance_noun(o, lex) or _stance_adjective(o, lex) for o in objects):
        return "stance"
    passive = any(c.dep_ == "auxpass" for c in token.children)  # 'KPMG will be replaced': not KPMG's plan
    if token.dep_ == "ROOT" and _says_will(token) and not passive and lemma not in lex.event_verbs | lex.state_verbs:
        return "stance"
    return None


def _neutral(verb: Token, lex: Lexicon) -> bool:
    return verb.lemma_.lower() in lex.neutral_speech_verbs


def _stance_noun(word: Token, lex: Lexicon) -> bool:
    lemma = word.lemma_.lower()
    if lemma in lex.concrete_stance_nouns:  # 'their goal', 'a goal of winning', not 'scored a late goal'
        return any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("of", "for", "on") for c in word.children)
    return lemma in lex.stance_nouns


def _stance_adjective(word: Token, lex: Lexicon) -> bool:
    """'is opposed', 'was critical of the plan' (but 'will be critical to the response' is important)."""
    lemma = word.lemma_.lower()
    if lemma in lex.stance_adjectives_with_of:
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in word.children)
    return lemma in lex.stance_adjectives


FIRST_PERSON = {"i", "we", "my", "our", "me", "us", "ours", "myself", "ourselves"}


def carries_stance(verb: Token, words: Span, lex: Lexicon) -> bool:
    """Whether the words a neutral speech verb reports are an opinion: a modal, a wish or belief, an
    evaluation, a speaker talking of themselves, or words set in quotation marks. 'Officials said 41
    people had been cleared' reports a fact, and is not a position."""
    if verb.lemma_.lower() not in lex.neutral_speech_verbs:
        return True
    for token in words:
        if token.i == verb.i:
            continue
        lower, lemma = token.lower_, token.lemma_.lower()
        first_person = lower in FIRST_PERSON and token.pos_ == "PRON"  # not 'the US government'
        if token.tag_ == "MD" or first_person or token.text in QUOTE_CHARS:
            return True
        if token.dep_ == "neg" and token.head.dep_ in ("ccomp", "xcomp") and token.head.head.i == verb.i:
            return True  # a denial: 'Gazprom has announced it is not linked to Baikal'
        if (token.pos_ == "VERB" and lemma in lex.stance_verbs) or (lemma in lex.evaluative_words and evaluates(token)):
            return True
        if token.pos_ == "ADJ" and _stance_adjective(token, lex):
            return True
        if token.pos_ == "VERB" and lemma in lex.characterising_verbs:
            return True
    return False


def evaluates(token: Token) -> bool:
    """An evaluative word as a judgement ('it is clear', 'a serious risk', 'needs'), not as an event
    ('41 people had been cleared') nor as a label on counted things ('four possible cases')."""
    if token.dep_ == "amod" and any(c.dep_ == "nummod" for c in token.head.children):
        return False
    return token.pos_ in ("ADJ", "NOUN", "ADV") or token.lemma_.lower() == "need"


def reported_words(verb: Token, sentences: list[Span], first: int, last: int) -> Span:
    """What a speech verb reports: the quotation (which may open sentences earlier), else its clause
    without the speaker ('officials in China said [that ...]')."""
    doc = verb.doc
    if first != last:
        return doc[sentences[first - 1].start : sentences[last - 1].end]
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj", "advcl", "prep", "parataxis")]
    if verb.dep_ in ("parataxis", "ccomp") and verb.head.i != verb.i:
        clauses.append(verb.head)  # '"...," he said': the quoted clause is the verb's head
    if not clauses:
        return sentences[last - 1]
    tokens = sorted(t.i for c in clauses for t in (c.subtree if c is not verb.head else sentence_of(c)))
    return doc[tokens[0] : tokens[-1] + 1]


def _framed(verb: Token) -> bool:
    """Whether a negation or a modal above the clause frames it: 'it is not possible to accept calls'
    cut to 'to accept calls' would say the opposite."""
    inside = {t.i for t in verb.subtree}
    return any(
        t.i not in inside and (t.dep_ == "neg" or t.tag_ == "MD" or t.lower_ in ("not", "never", "n't"))
        for t in sentence_of(verb)
    )


def _links_clause(child: Token) -> bool:
    """'that', 'because', or the 'when' of '... in December 2004 when Apple asked the court to ...'."""
    return child.dep_ == "mark" or (child.dep_ == "advmod" and child.tag_ == "WRB" and child.i < child.head.i)


def _stands_alone(verb: Token) -> bool:
    """Whether the clause of a stance reads on its own: it has its own subject ('that it may be ready'
    has; 'been advised that ...' has not), no negation or modal above it frames it, and it is not a
    relative or adverbial clause."""
    if verb.dep_ in ("relcl", "acl"):
        return False  # 'in which he accused Souness of lying': a part of its sentence
    if verb.dep_ == "advcl" and not _links_clause(verb.left_edge):
        return False  # 'even before Newcastle said ...' ('when Apple asked ...' reads without its 'when')
    return has_subject(verb) and not _framed(verb)


def _says_will(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("will", "shall") for c in verb.children)


def _is_action(verb: Token) -> bool:
    """'responded by booting ...' reports a deed, not words."""
    return any(
        c.dep_ == "prep" and c.lower_ == "by" and any(g.tag_ == "VBG" for g in c.children) for c in verb.children
    )


def _naming(verb: Token) -> bool:
    """'Libya's interior ministry is called the Ministry of Public Security': what a thing is named."""
    if verb.lemma_.lower() not in ("call", "name", "dub", "term", "know"):
        return False
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return passive and not any(c.dep_ == "prep" and c.lower_ in ("for", "on", "upon") for c in verb.children)


def _hearsay(verb: Token) -> bool:
    """'amid speculation that it may be ready to bid': what a noun reports is nobody's stance."""
    return (
        verb.dep_ in ("acl", "ccomp") and verb.head.pos_ == "NOUN" and verb.lemma_.lower() not in lexicon().speech_verbs
    )


def _told_by_another(verb: Token) -> bool:
    """'The Tories criticised the stance, saying Oaten had said he accepted it': what one speaker says
    another said is the first speaker's claim, not a stance the second is shown holding."""
    speech = lexicon().speech_verbs
    token = verb
    while token.dep_ in ("ccomp", "xcomp", "conj") and token.head.i != token.i:
        if token.dep_ == "ccomp" and token.lemma_.lower() in speech and token.head.lemma_.lower() in speech:
            return True
        token = token.head
    return False


def _in_anothers_words(verb: Token, holders: list[str], actors: ActorIndex, lex: Lexicon) -> bool:
    """Whether the clause is told by a speaker who is none of its holders: 'Lavoie said rebels had
    occupied Surman', 'Benitez believes Gerrard can win everything he wants to'. 'Yukos said it would
    appeal' is Yukos's own step."""
    below = verb
    for above in verb.ancestors:
        told = below.dep_ == "ccomp"  # the clause is what the verb above says or thinks
        below = above
        telling = above.pos_ in ("VERB", "AUX") and above.lemma_.lower() in lex.speech_verbs | lex.stance_verbs
        if not (told and telling):
            continue
        teller = _subject(above)
        if teller is not None and a_share_of_people(teller):
            return True  # '32% said Mr Blair was a good prime minister': a poll's finding, not his stance
        tellers = _subject_actors(teller, actors) if teller is not None else []
        if teller is not None and tellers and not set(tellers) & set(holders):
            if _speaks_for(teller, tellers, holders, actors):
                continue
            return True
    return False


def _speaks_for(teller: Token, tellers: list[str], holders: list[str], actors: ActorIndex) -> bool:
    """'Chepkemei's management company said she had wanted to run', 'Russian Foreign Minister Sergei
    Lavrov said Russia would veto it': one who speaks for the holder tells the holder's own stance."""
    if any(actors.token_actor.get(t.i) in holders for t in teller.subtree):
        return True
    affiliations = [actors.actors[a].affiliation for a in tellers if a in actors.actors]
    return any(actors.actors[h].name == a for h in holders if h in actors.actors for a in affiliations if a)


def _says_nothing(verb: Token) -> bool:
    """A speech verb with nothing said ('He asked.'), a verb of pressing with nothing pressed for ('Chelsea
    still pressed and Duff had a chance': they attacked), or a denial of a person ('Ferreira denied
    Gerrard with a tackle': he stopped him). Read from the words after the verb, as the parse may hang
    its clause elsewhere; a verb a quotation hangs on ('"...", he said') says the quotation, and a stance
    with its object understood ('France disagreed') is kept."""
    lemma, lex = verb.lemma_.lower(), lexicon()
    if lemma not in lex.speech_verbs | lex.pressing_verbs | lex.denial_verbs:
        return False  # asked of every verb of the text: the words after it are read only for these
    sent = sentence_of(verb)
    if verb.dep_ in ("parataxis", "ccomp") or any(t.text in QUOTE_CHARS for t in sent):
        return False
    own = {t.i for c in verb.children if c.dep_ in ("nsubj", "aux", "advmod", "neg", "cc") for t in c.subtree}
    if any(t.i not in own and t.pos_ != "PUNCT" for t in sent if t.i < verb.i):
        return False  # 'The threat has diminished, he said': what is said comes first
    after = next((t for t in sent if t.i > verb.i and t.pos_ not in ("ADV", "PART")), None)
    bare = after is None or after.text in (".", "!", "?")
    if after is not None and after.pos_ == "CCONJ":  # 'pressed and Duff had a chance', not 'agreed and said ...'
        bare = not any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not has_subject(c) for c in verb.children)
    if bare or after is None:
        return lemma in lex.speech_verbs | lex.pressing_verbs
    person = after.dep_ == "dobj" and after.head.i == verb.i and (after.ent_type_ or after.lower_ in PERSON_PRONOUNS)
    clause = any(c.dep_ in ("ccomp", "xcomp", "dative") for c in verb.children)
    return lemma in lex.denial_verbs and bool(person) and not clause


def _asked_of(verb: Token) -> bool:
    """'it is time for Mr Livingstone to say sorry', 'calls for Iran to halt enrichment': what others
    want someone to do, not what that one says or wants."""
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)


def _spoken_of(verb: Token) -> bool:
    """'Parmalat was declared insolvent', 'he was told to leave': the subject of a passive speech verb
    is what is said of, or to; who said it is the agent, when named."""
    return (
        verb.lemma_.lower() in lexicon().speech_verbs
        and any(c.dep_ == "nsubjpass" for c in verb.children)
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def _asked_about(verb: Token) -> bool:
    """'it is not known whether X would support a bid': a stance in question is no position."""
    return verb.dep_ in ("ccomp", "advcl") and any(
        c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children
    )


def _only_possible(verb: Token) -> bool:
    verbs = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    return any(c.dep_ == "aux" and c.lower_ in ("could", "may", "might") for v in verbs for c in v.children)


def _without_the_speakers_body(claims: list, actors: ActorIndex) -> list:
    """'EFF lawyer Kurt Opsahl said the EFF was planning to appeal': one position, the lawyer's, not a
    second one for the body he speaks for."""
    speakers = {claim[0] for claim in claims if claim[1] in ("reported", "quote")}
    bodies = {
        found
        for speaker in speakers
        if (person := actors.actors.get(speaker)) is not None and person.affiliation
        for found in [actors.named(person.affiliation)]
        if found
    }
    return [claim for claim in claims if claim[0] not in bodies or claim[0] in speakers]


def _all_quoted(sent: Span) -> bool:
    words = [t for t in sent if not t.is_punct and not t.is_space]
    return bool(words) and all(t.i in sent._.quoted for t in words)


def _holds_nothing(verb: Token, subject: Token, lex: Lexicon) -> bool:
    """'it was not confirmed that ...', 'It is thought the overhaul could ...' say nothing of who holds
    it; 'They are accused of breaching their duties' and 'the court is expected to rule' are what
    someone else holds of them."""
    if subject.dep_ != "nsubjpass":
        return False
    if subject.lower_ == "it" and (_neutral(verb, lex) or any(c.dep_ == "ccomp" for c in verb.children)):
        return True
    passed_on = lex.forecast_verbs | lex.speech_verbs | lex.hearsay_verbs
    if verb.lemma_.lower() in passed_on and any(c.dep_ == "xcomp" for c in verb.children):
        return True  # 'The court is expected to rule next week', 'X is said to ...', 'is reported to be planning
    return verb.lemma_.lower() in lex.accusation_verbs and not any(c.dep_ == "agent" for c in verb.children)


def _held_of_them(verb: Token, subject: Token, lex: Lexicon) -> bool:
    """'The court is expected to rule' says what others expect; 'X is said to believe', 'is alleged to
    have said' and 'is thought to oppose' still pass on X's own words or stance."""
    expected = subject.dep_ == "nsubjpass" and verb.head.lemma_.lower() in lex.forecast_verbs
    return expected and verb.lemma_.lower() not in lex.stance_verbs


def _has_content(noun: Token) -> bool:
    """'a demand for Turkey to ...', 'opposition to the plan', 'an offer to buy': the stance says what
    it is about ('his offer values the club at £800m' tells of the offer, not of a stance)."""
    return any(
        (c.dep_ == "prep" and c.lower_ in ("to", "for", "of", "on", "against"))
        or c.dep_ in ("relcl", "ccomp")
        or (c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
        for c in noun.children
    )  # 'an offer made up of cash and shares' describes the offer: only 'an offer to buy' says what it is


def _in_someone_elses_words(noun: Token, lex: Lexicon) -> bool:
    """'shareholders said that Verizon's offer undervalued the company': the offer is what they speak of."""
    return any(
        a.dep_ == "ccomp" and a.head.lemma_.lower() in lex.speech_verbs | lex.reporting_verbs for a in noun.ancestors
    )


def _noun_stances(sent: Span, number: int) -> list:
    """'an EU demand for Turkey to ...', 'Washington's opposition to ...': a stance held by the noun's owner."""
    lex = lexicon()
    nouns = set(lex.stance_nouns)
    found = []
    for token in sent:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in nouns or not _has_content(token):
            continue
        if token.lemma_.lower() in lexicon().holder_nouns:
            continue  # 'Liverpool supporters criticised him': the supporters', not Liverpool's
        if _in_someone_elses_words(token, lex):
            continue
        for child in token.children:
            if child.dep_ in ("compound", "poss", "nmod") and child._.actor:
                found.append((child._.actor, "stance", [number], None))
    return found


def _verb_claims(
    sent: Span, number: int, sentences: list[Span], actors: ActorIndex, reporters: set[str], lex: Lexicon
) -> list[tuple[str, str, list[int], Token | None]]:
    """(holder, kind, sentence numbers, verb) for each stance or reported word a verb of the sentence gives."""
    claims: list[tuple[str, str, list[int], Token | None]] = []
    for token in sent:
        if token.pos_ not in ("VERB", "AUX") or token.i in sent._.quoted:
            continue  # words inside a quotation are the speaker's, whatever they name
        unheld = (
            _is_action(token)
            or _naming(token)
            or done_to_after_with(token)
            or _asked_about(token)
            or _hearsay(token)
            or _told_by_another(token)
            or _asked_of(token)
            or _spoken_of(token)
            or (sent._.quote_start is None and _says_nothing(token))
        )
        kind = None if unheld else _claim_kind(token, lex)
        if kind == "stance" and _only_possible(token):
            continue  # 'Turkey may have to accept restrictions': a stance it might come to, not one it holds
        subject = _subject(token) if kind else None
        if subject is None or _holds_nothing(token, subject, lex):
            continue
        if token.dep_ == "xcomp" and _held_of_them(token, subject, lex):
            continue  # 'Smith is believed to be ready to quit': believed by others
        quote_start = sent._.quote_start
        if kind == "reported" and quote_start is not None:
            kind, numbers = "quote", list(range(quote_start, number + 1))
        else:
            numbers = [number]
        said = reported_words(token, sentences, numbers[0], number)
        # a direct quotation is chosen for its words; reported speech may only pass on a fact
        if kind == "reported" and not carries_stance(token, said, lex):
            continue
        speakers = _subject_actors(subject, actors)
        if speakers and _in_anothers_words(token, speakers, actors, lex):
            continue  # 'Qwest said MCI had rejected a deal': Qwest's claim, not a stance MCI is shown taking
        if speakers and set(speakers) <= reporters:  # 'The Sunday Times says they will oppose any bid'
            speakers, kind = _reported_holders(token, actors), "reported"
        claims += [(speaker, str(kind), numbers, token) for speaker in speakers]
    return claims


def extract_positions(parsed: Parsed) -> list[Position]:
    lex, actors, sentences = lexicon(), parsed.actors, parsed.sentences
    reporters = {
        a.id
        for a in actors.actors.values()
        if is_reporter(a.roles)
        or (
            a.kind == "organization"
            and is_news_outlet(a.name)
            and not any(outlet_takes_part(parsed.doc, alias) for alias in a.aliases)
        )
    }
    positions: list[Position] = []
    seen: set[tuple[str, int]] = set()
    last_quoted: list[str] = []  # who spoke the last sentence's quotation
    narrated: set[str] = set()  # positions shown in the writer's words around a quotation
    in_turn = turns(sentences, actors)  # an interview transcript: each answer is its speaker's words
    for number, sent in parsed.numbered():
        if number in in_turn:
            speaker = in_turn[number]  # the words are all the speaker's
            claims: list[tuple[str, str, list[int], Token | None]] = (
                [(speaker, "quote", [number], None)] if speaker else []
            )
        else:
            claims = _verb_claims(sent, number, sentences, actors, reporters, lex) + _noun_stances(sent, number)
        claims = [claim for claim in claims if claim[0] not in reporters and claim[0] not in actors.public]
        if not claims and number not in in_turn:
            claims = [(a, "reported", [number], None) for a in _according_to(sent, actors) if a not in reporters]
            if not claims and _all_quoted(sent):
                # '"I am ready to run," said Chepkemei. "I will be disappointed if ..."': she goes on
                claims = [(speaker, "quote", [number], None) for speaker in last_quoted]
        last_quoted = [speaker for speaker, kind, numbers, _ in claims if kind == "quote" and numbers[-1] == number]
        claims = _without_the_speakers_body(claims, actors)
        for speaker, kind, numbers, verb in claims:
            if (speaker, number) in seen:
                continue
            seen.add((speaker, number))
            span = sent.doc[sentences[numbers[0] - 1].start : sent.end]
            quoted_words = _quote_text(span.text) if kind == "quote" else None
            if quoted_words and _a_quoted_label(quoted_words, span, sent):
                quoted_words = None  # 'allay fears over a "UK Las Vegas"': a label, shown in its sentence
            if number in in_turn:
                body = without_label(clean(span.text))
            elif quoted_words and (
                quoted_words[0].isupper()
                or quoted_words.startswith(("...", "…"))
                or span.text.lstrip().startswith(('"', "\u201c"))  # '"eBay has ignored ...," he said'
            ):
                body = quoted_words
            elif kind == "quote":
                body = clean(span.text)  # a quotation that starts inside a clause reads only in its sentence
                body = LONE_CLOSING_MARK.sub(r"\1", body)  # 'But an interested public is not ... interest".'
                narrated.add(stable_id("pos", parsed.doc_id, speaker, str(number), body))
            elif verb is not None and verb.dep_ != "ROOT" and len(list(verb.subtree)) > 6 and _stands_alone(verb):
                body = subtree_text(verb, {c.i for c in verb.children if _links_clause(c)})
            else:
                body = clean(sent.text)
            positions.append(
                Position(
                    id=stable_id("pos", parsed.doc_id, speaker, str(number), body),
                    actor=speaker,
                    kind=kind,
                    text=body,
                    topics=topics(span),
                    date=parsed.date,
                    sources=[parsed.source(n) for n in numbers],
                    polarity=polarity(verb, sent, partial(_same_side, actors, speaker)),
                )
            )
    positions = _one_per_quotation(positions, narrated)
    for position in positions:
        if position.id in narrated:
            position.kind = "reported"  # the writer's sentence around a quoted phrase, not the speaker's words
    return positions


def _same_side(actors: ActorIndex, speaker: str, subject: Token) -> bool:
    """'Cavusoglu said Turkey would not give up ...': the speaker, or the country or body it speaks for."""
    if subject.lemma_.lower() in lexicon().governing_words and not any(c.dep_ == "poss" for c in subject.children):
        return True  # 'the minister said the government would not accept ...'
    holder = actors.resolve(subject)
    if holder is None or speaker not in actors.actors:
        return False
    affiliation = actors.actors[speaker].affiliation
    return holder == speaker or affiliation is not None and actors.named(affiliation) == holder


MAX_QUOTATION_WORDS = 80


def _joined(text: str, more: str, narrated: bool, continuing: bool, more_narrated: bool) -> str:
    """A quotation's next sentence after what is shown so far. After the writer's words it is shown
    inside marks, and the quotation so opened (continuing) goes on inside them; a next sentence in the
    writer's words (more_narrated) is shown as it is."""
    if continuing and not more_narrated:
        inner = text[:-1]
        joint = "" if inner.endswith((".", "!", "?", "…")) else "."
        return f"{inner}{joint} {more}\u201d"
    joint = "" if text.endswith((".", "!", "?", "…", '"', "\u201d")) else "."
    quoted = narrated and not more_narrated
    return f"{text}{joint} \u201c{more}\u201d" if quoted else f"{text}{joint} {more}"


def _one_per_quotation(positions: list[Position], narrated: set[str]) -> list[Position]:
    """A speaker's quotation that runs on over several sentences is one position with each sentence
    as its source, not one position per sentence. After a sentence in the writer's words (narrated) the
    quotation keeps its marks: 'X said it was "a cover-up". “It must be looked at again”'."""
    kept: list[Position] = []
    continued: set[str] = set()  # positions a later sentence of the quotation was joined to
    for position in positions:
        last = kept[-1] if kept else None
        if (
            last is not None
            and position.kind == last.kind == "quote"
            and position.actor == last.actor
            and position.sources[0].sentence == last.sources[-1].sentence + 1
        ):
            continuing = last.id in continued and last.text.endswith("\u201d")
            joined = _joined(last.text, position.text, last.id in narrated, continuing, position.id in narrated)
            last.text = shortened(joined, MAX_QUOTATION_WORDS)
            if last.id in narrated and last.text.count("\u201c") > last.text.count("\u201d"):
                last.text += "\u201d"  # a quotation opened after the writer's words and cut still closes
            if position.id in narrated:
                continued.discard(last.id)  # the writer's words again: a next quotation opens anew
            else:
                continued.add(last.id)
            last.sources += [s for s in position.sources if s not in last.sources]
            last.topics += [t for t in position.topics if t not in last.topics]
            last.polarity = last.polarity or position.polarity
            continue
        kept.append(position)
    return kept
