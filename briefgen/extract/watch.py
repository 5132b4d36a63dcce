"""What to watch: scheduled and expected future events and pending decisions."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span, Token

from ..findings import Position, WatchItem, stable_id
from ..lexicon import lexicon
from ..time.tense import be_to, governing_verb
from ..time.timex import Timex
from .asking import WH_WORDS, subject_text
from .common import (
    QUOTE_CHARS,
    SCHEDULING,
    clean,
    contingent,
    denied_by_no,
    in_the_process_of,
    infinitive_host,
    is_ahead,
    is_future,
    next_step,
    no_step,
    relative_as_clause,
    sentence_case,
    sentence_of,
    subtree_text,
    with_named_subject,
)
from .coref import PRONOUN_GENDER, ActorIndex, anticipatory_it
from .parsed import Parsed
from .pending import infinitive
from .timeline import not_when, resolve_dates, will_not

MIN_CLAUSE_WORDS = 4
ONGOING_CASES = ("trial", "investigation", "review")


def _watch_verb(sent: Span, quoted: set[int], actors: ActorIndex, dated: str | None = None) -> Token | None:
    lex = lexicon()
    for token in sent:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        under_way = _under_way(token) or _effort_under_way(token)
        ahead = is_future(token) or _reported_next_step(token) or _own_step_reported(token, actors)
        if not (ahead or next_step(token) or under_way or _offered(token)):
            continue
        if token.i in quoted and not _speaker_commitment(token):
            continue
        if _aside(token):
            continue  # 'were, reluctantly it must be said, despatched': the writer's aside
        if _intent_owned_up_to(token):
            continue  # 'Bellamy admitted he was going to fake an injury': an intention of the past
        if _doubted(token):
            continue  # 'it would seem unlikely he will play again': a doubt, not a step ahead
        if contingent(token) or _supposed(token):
            continue  # 'the bridge will be shut if necessary': a contingency, not a step ahead
        if _purpose_subject(token.head if token.dep_ == "xcomp" else token):
            continue  # 'his interest was to protect stability': what he wants, not a step ahead
        if token.dep_ != "relcl" and any(
            c.i < token.i and c.lower_ in lex.indirect_question_words for c in token.children
        ):
            continue  # 'questioned how police will ensure ...': asked, not a step ahead
        if under_way:
            return token
        target = token
        if token.lower_ in SCHEDULING or token.lemma_ in ("be", "need"):
            target = next((c for c in token.children if c.dep_ == "xcomp"), token)
        if no_step(target, dated if dated in ("day", "month") else None):
            continue  # 'sales will rise to 75%', 'the contest will be a scrappy encounter', 'will hold 120 songs'
        lemma = target.lemma_.lower()
        # 'they will oppose any bid', 'backers won't back it': a stance or a refusal is a position
        above = token.head.children if token.dep_ == "xcomp" else ()  # 'is not going to be released'
        if lemma in lex.attitude_verbs or any(c.dep_ == "neg" for c in (*token.children, *target.children, *above)):
            continue
        if lemma == "consider" and any(c.tag_ == "VBG" for c in target.children):
            continue  # 'would consider matching the aid': a step weighed, asked as an open question
        if token.i not in quoted and not under_way and not _arranged(token) and not _concrete_subject(target, actors):
            continue  # 'the name will doom it', 'this will lead to a bid': a forecast, not a next step
        return target
    return None


def _arranged(verb: Token) -> bool:
    """'The interviews are to be placed in the library', 'said evidence was to be passed to police': 'be
    to be done' is arranged, whatever its subject. Not an active 'the aim was to prevent war' (what
    something is), 'was to have been used' (what did not happen) or a past story's 'fans were to be
    disappointed' (what came next then)."""
    if not be_to(verb) or not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    lex = lexicon()
    if any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children) or verb.lower_ in lex.modal_participles:
        return False  # 'is to be taken with food', 'is to be expected': what should or can be
    be = verb.head
    subject = next((c for c in be.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None or subject.dep_ == "expl" or subject.lower_ in ("it", "nothing", "none"):
        return False  # 'it is to be hoped', 'nothing is to be gained'
    if denied_by_no(subject):
        return False
    present = be.lower_ in ("is", "are", "'s", "'re")
    return present or (be.dep_ == "ccomp" and be.head.lemma_.lower() in lex.speech_verbs)


def _supposed(verb: Token) -> bool:
    """'chaos if the president were to step down': a step in a condition is supposed, not expected."""
    return any(
        t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in t.children)
        for t in (verb, *verb.ancestors)
    )


def _purpose_subject(verb: Token) -> bool:
    if verb.lemma_ != "be":
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in lexicon().purpose_nouns


def _intent_owned_up_to(verb: Token) -> bool:
    going = verb.head
    return (
        verb.dep_ == "xcomp"
        and going.lower_ == "going"
        and any(c.dep_ == "aux" and c.lower_ in ("was", "were") for c in going.children)
        and going.dep_ == "ccomp"
        and (
            going.head.tag_ == "VBD"
            and going.head.lemma_.lower() in lexicon().admission_verbs
            # 'that he had told the players that he was going to fake an injury': before a past before
            or going.head.tag_ == "VBN"
            and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in going.head.children)
        )
    )


def _aside(verb: Token) -> bool:
    """'it must be said', 'it should be noted', set in the middle of a clause: a comment, not a step."""
    return (
        verb.dep_ == "parataxis"
        and verb.lemma_.lower() in lexicon().speech_verbs
        and any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children)
    )


def _doubted(verb: Token) -> bool:
    words = lexicon().unlikely_words
    return any(
        a.lemma_.lower() in words
        or any(c.dep_ in ("acomp", "oprd", "attr") and c.lemma_.lower() in words for c in a.children)
        for a in verb.ancestors
    )


def _subject(verb: Token) -> Token | None:
    """The subject of a future clause, through 'is expected to' and 'plans to' to the one who acts."""
    if verb.dep_ == "acl":  # 'a strike earmarked for 23 March': the noun the participle describes
        return verb.head
    while True:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subject is not None or verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            break
        verb = verb.head
    if subject is not None and subject.lower_ in ("which", "that", "who"):
        relative = next((t for t in subject.ancestors if t.dep_ == "relcl"), None)
        return relative.head if relative is not None else subject
    return subject


def _concrete_subject(verb: Token, actors: ActorIndex) -> bool:
    """Whether the one who acts is an actor of the story, a named one, or an event ('the vote will ...')."""
    subject = _subject(verb)
    if subject is None or subject.dep_ == "expl":
        return subject is not None  # 'there will be a vote'
    if verb.lower_ in SCHEDULING and anticipatory_it(subject):
        return True  # 'it is expected that the brothers will meet' (not 'it is to be hoped that ...')
    if actors.resolve(subject) is not None or subject.ent_type_:
        return True
    lex = lexicon()
    if subject.pos_ == "PRON" and _speaker_of(verb, actors) is not None:
        return True  # 'Manchester United said it would allow ...': the speaker's own step
    if {subject.lower_, subject.lemma_.lower()} & (lex.event_nouns | lex.institution_nouns):
        return True
    return any(t.i in actors.token_actor for t in subject.subtree)


def _reported_next_step(verb: Token) -> bool:
    """'He announced the party would be holding a leadership election': a future reported in the past
    tense, when it is a concrete next step (a meeting, a vote, a review), not a prediction."""
    lex = lexicon()
    if not _reported_would(verb) or verb.head.lemma_.lower() not in lex.speech_verbs:
        return False  # 'said if ... it would': a condition, not a plan
    if verb.lemma_.lower() in ("have", "need") and any(c.dep_ == "xcomp" for c in verb.children):
        return False  # 'said any action would have to have a mandate': a condition set, not a plan
    if verb.lemma_.lower() in lex.commitment_verbs or verb.lemma_.lower() in lex.event_verbs:
        return True
    # 'would be making a full written response', 'would issue a statement': a step named by its noun
    return verb.lemma_.lower() in lex.light_verbs and _names_a_step(verb)


def _names_a_step(verb: Token) -> bool:
    lex = lexicon()
    steps = lex.event_nouns | lex.step_nouns | lex.response_nouns
    return any(c.dep_ == "dobj" and c.lemma_.lower() in steps for c in verb.children)


def _own_step_reported(verb: Token, actors: ActorIndex) -> bool:
    """'The club said it would appeal', 'Clinton said she would increase pressure': a speaker telling of
    what they themselves would do is announcing a step, whatever its verb; a 'would' with another subject
    ('said the economy would grow'), an outcome ('would lose the vote'), a habit or a preference ('would
    often walk', 'would rather resign') and what might have been ('would have resigned') are not."""
    lex = lexicon()
    head = verb.head
    if (
        not _reported_would(verb)
        or head.tag_ != "VBD"
        or head.lemma_.lower() not in lex.neutral_speech_verbs | lex.pledge_verbs
    ):
        return False
    children = list(verb.children)
    lemma = verb.lemma_.lower()
    if lemma in lex.state_verbs | lex.attitude_verbs | lex.forecast_verbs | lex.outcome_verbs:
        return False  # 'said it would be happy', 'said she would lose the vote'
    if any(c.dep_ == "acomp" or (c.dep_ == "aux" and c.lower_ == "have") for c in children):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in lex.unsure_adverbs for c in children):
        return False  # 'would probably lose', 'would often walk', 'would rather resign'
    if lemma in lex.light_verbs and not _names_a_step(verb):
        return False  # 'said he would make a fortune': the light verb's object says what, and it is no step
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    speaker = _subject(head)
    if subject is None or speaker is None or subject.pos_ != "PRON" or subject.lower_ in ("you", "i", "we"):
        return False
    if speaker.pos_ == "PRON":
        return speaker.lower_ == subject.lower_  # 'she said she would', not 'she said he would'
    said_by = actors.resolve(speaker)
    if said_by is None or said_by not in actors.actors:
        return False
    if subject.lower_ in PRONOUN_GENDER:  # a person: the one person named in the sentence
        sentence = sentence_of(verb)
        people = {actors.token_actor[t.i] for t in sentence if t.i in actors.token_actor}
        people = {a for a in people if a in actors.actors and actors.actors[a].kind == "person"}
        if people != {said_by}:
            return False
    return actors.resolve(subject) == said_by


def _reported_would(verb: Token) -> bool:
    """'said (that) it would ...': a clause with 'would' told by a verb, not under 'if' or 'unless'."""
    children = list(verb.children)
    return (
        verb.dep_ == "ccomp"
        and any(c.dep_ == "aux" and c.lower_ == "would" for c in children)
        and not any(c.dep_ == "mark" and c.lower_ != "that" for c in children)
    )


def _under_way(verb: Token) -> bool:
    """'A "limited" list of companies is being drawn up', 'an investigation by the Standards Board is
    under way': work under way, its result ahead."""
    children = list(verb.children)
    if verb.lemma_ == "be" and verb.lower_ in ("is", "are") and not any(c.dep_ == "neg" for c in children):
        subject = next((c for c in children if c.dep_ == "nsubj"), None)
        going_on = any(c.dep_ == "acomp" and c.lower_ in ("underway", "ongoing") for c in children) or any(
            c.dep_ == "prep" and c.lower_ == "under" and any(g.lower_ == "way" for g in c.children) for c in children
        )
        if subject is None or any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in subject.children):
            return False  # 'no investigation is under way'
        cases = (g for c in children if c.dep_ == "prep" and c.lower_ in ("on", "under") for g in c.children)
        if subject.pos_ == "PROPN" and any(g.lemma_.lower() in ONGOING_CASES for g in cases):
            return True  # 'Bernie Ebbers is currently on trial', 'X is under investigation': its outcome ahead
        if in_the_process_of(verb) is not None:
            return True  # 'Parry is in the process of finalising funding for the new stadium'
        denied = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in ("deny", "reject", "dismiss")
        return going_on and not denied and bool({subject.lower_, subject.lemma_} & lexicon().ongoing_work_nouns)
    return (
        verb.tag_ == "VBN"
        and verb.lemma_.lower() in lexicon().preparation_verbs
        and any(c.dep_ == "auxpass" and c.lower_ == "being" for c in children)
        and any(c.dep_ == "aux" and c.lower_ in ("is", "are") for c in children)
        and any(c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN") for c in children)
        and not any(c.dep_ == "neg" for c in children)
    )


def _effort_under_way(verb: Token) -> bool:
    """'Forces are planning to free Misrata', 'the IOM is working to evacuate foreigners', 'officials were
    negotiating with companies', 'said he was making arrangements for a meeting' (told in a past report):
    an effort going on now, its result ahead."""
    lex = lexicon()
    if verb.tag_ != "VBG" or any(c.dep_ == "neg" for c in verb.children):
        return False
    preparing = verb.lemma_.lower() == "make" and any(  # 'is making arrangements for a meeting', not 'no plans'
        c.dep_ == "dobj" and c.lemma_.lower() in lex.preparation_nouns and not denied_by_no(c) for c in verb.children
    )
    if verb.lemma_.lower() not in lex.effort_verbs and not preparing:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    reported = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lex.speech_verbs and verb.head.tag_ == "VBD"
    if not (auxes & {"is", "are", "am", "'s", "'re"} or (reported and auxes & {"was", "were"})):
        return False
    aim = next((c for c in verb.children if c.dep_ == "xcomp" and infinitive(c)), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)  # 'it', the speaker, when reported
    has_subject = subject is not None and (subject.pos_ in ("NOUN", "PROPN") or reported and subject.pos_ == "PRON")
    return has_subject and (aim is not None or preparing or verb.lemma_.lower() == "negotiate")


def _offered(verb: Token) -> bool:
    """'The League Managers Association have offered to act as peacemakers': an offer standing now
    (present or perfect, not one told of the past) waits on an answer."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_.lower() in lexicon().willingness_verbs
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and (head.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in head.children))
        and not any(c.dep_ == "neg" for c in head.children)
        and not any(t.lemma_.lower() in ("reject", "refuse", "decline", "dismiss", "rebuff") for t in verb.sent)
    )  # the sentence is searched for a refusal only once an offer is found


def _speaker_commitment(verb: Token) -> bool:
    """'We will study this judgement', 'we do intend to submit an offer' inside a quote: the speaker's own
    next step."""
    subject = _subject(verb)
    if verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ in ("was", "were") for c in verb.head.children):
        return False  # '"We were going to submit a plan, but ..."': an intention of the past
    return (
        subject is not None
        and subject.lower_ in ("we", "i")
        and verb.lemma_.lower() in lexicon().commitment_verbs
        and not any(c.dep_ == "neg" for c in verb.children)
    )


def extract_watch(parsed: Parsed, positions: list[Position] | None = None) -> list[WatchItem]:
    """positions: the document's, whose quotations name who speaks a promise in a quotation."""
    speakers = {s.sentence: p.actor for p in positions or [] if p.kind in ("quote", "reported") for s in p.sources}
    items: list[WatchItem] = []
    actors, anchor = parsed.actors, parsed.anchor
    for number, sent in parsed.numbered():
        quoted = sent._.quoted
        ahead = [
            (ent, timex)
            for ent, timex in resolve_dates(sent, anchor)
            if ent.start not in quoted and _ahead(ent, timex, anchor) and not will_not(ent) and not _names_a_thing(ent)
        ]
        verb = _watch_verb(sent, quoted, actors, ahead[0][1].precision if ahead else None)
        if verb is None and ahead and no_step(governing_verb(ahead[0][0].root), ahead[0][1].precision):
            continue  # 'is set to grow by 11% in 2005': a date ahead on a forecast, not a step
        future_dates = [timex.value for _, timex in ahead]
        if verb is None and not future_dates or sent.text.rstrip(" \"'\u201d\n").endswith("?"):
            continue  # a question looks ahead, and is asked with the open questions if at all
        if all(t.ent_type_ in ("DATE", "TIME") or t.is_punct or t.is_space for t in sent):
            continue  # 'Tuesday, 1 March': a date line, no step
        present = actors.in_span(sent)
        if verb is not None and verb.i in quoted:
            text = _clause(verb, actors).strip(QUOTE_CHARS)
            speaker = speakers.get(number)  # the promise is the quotation's speaker's own
            if speaker in actors.actors and not SPEAKER_LABEL.match(text):
                text = sentence_case(f"{actors.display(speaker)}: \u201c{text}\u201d")
        else:
            whole = verb is None or verb.dep_ == "ROOT" or _hedged(verb)
            if whole or verb is None:  # 'He will visit Tanzania' names who 'he' is; an 'it' or 'they' too
                # often stands for a thing or an unnamed group ('It will go on sale' is a product, not its maker)
                text = with_named_subject(clean(sent.text), sent.root, actors, only={"he", "she"})
            else:
                text = _clause(verb, actors)
            if not whole and text.split()[0].lower() in WH_WORDS:
                continue  # 'it is not clear what kind of help is being considered': a question, not a step
            if len(text.split()) < MIN_CLAUSE_WORDS:  # a clause cut too short to stand alone
                text = clean(sent.text)
        if not future_dates and _leans_on_the_text_before(text):
            continue  # 'They will be put forward', 'This is not likely to appear': whom or what, the text before says
        items.append(
            WatchItem(
                id=stable_id("watch", parsed.doc_id, str(number), text),
                date=future_dates[0] if future_dates else None,
                item=text,
                actors=present,
                sources=[parsed.source(number)],
            )
        )
    return items


SPEAKER_LABEL = re.compile('^[^:\u201c"]{1,60}: ')  # 'Zakaria: I think ...': said by whom already
# a watched clause whose subject is a pronoun pointing back ('this is', 'they will', an unresolved 'he')
POINTING_BACK = re.compile(
    r"^(?:(?:however|but|and|now|so|yet),?\s+)?(?:this|that|these|those|they|both|he|she)\s+"
    r"(?:is|are|was|were|will|would|could|may|might|has|have|had|can|should|must|also|still|now)\b",
    re.I,
)


def _leans_on_the_text_before(text: str) -> bool:
    """Whether the item opens on a pronoun that only the text before explains ('These will be put forward',
    'They will also publish'; not 'These talks will resume', nor an item with a date, which is watched for
    its day). 'It' is left alone: 'It will go on sale' is the product the article is about, 'It is
    expected that ...' stands for its clause."""
    return bool(POINTING_BACK.match(text))


def _hedged(verb: Token) -> bool:
    """'Casinos will be banned from using American tricks, it has been suggested': the clause is
    hearsay, shown with its hedge; 'organisers are hoping Chepkemei will still take part', 'is hopeful
    she will be granted a place', 'it is predicted that the song will sell 300,000': a hope or a
    forecast, shown with whose it is."""
    verb = infinitive_host(verb)
    head = verb.head
    lex = lexicon()
    if verb.dep_ != "ccomp":
        return False
    if head.lemma_.lower() in lex.forecast_verbs or head.pos_ == "ADJ" and head.lower_ in lex.stance_adjectives:
        return True
    return (
        head.i > verb.i
        and head.lemma_.lower() in lex.speech_verbs | {"understand", "believe", "report", "think"}
        and any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in head.children)
    )


def _names_a_thing(ent: Span) -> bool:
    """'Fifa 2005 is back at the top of the charts': a date that names something, not when ('until 6 May'
    still says when a closure ends)."""
    return not_when(ent) and ent.root.head.lower_ not in ("until", "till", "since")


def _ahead(ent: Span, timex: Timex, anchor: dt.date | None) -> bool:
    """A date after the anchor, or the anchor's own day, month or year in a future clause ('will join a
    meeting later today', 'by the autumn'): once a newer source is in, such an item is due."""
    if anchor is None:
        return is_ahead(ent)
    current = anchor.isoformat()[: len(timex.value)]
    return timex.value > current or (timex.value == current and is_ahead(ent))  # 'later today', 'by the autumn'


def _clause(verb: Token, actors: ActorIndex) -> str:
    """The future clause on its own, its pronoun subject replaced by the actor ('He expected' -> 'X expected')."""
    if next_step(verb):
        return clean(sentence_of(verb).text)  # the sentence names it the next step
    head = infinitive_host(verb)
    if head.dep_ in ("relcl", "acl"):  # 'which is widely expected next May' says nothing of what is expected
        rebuilt = relative_as_clause(head)
        return sentence_case(rebuilt[0]) if rebuilt is not None else clean(sentence_of(head).text)
    if head.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
        subject = _subject(head)  # 'Unison wants a strike, and [is expected to vote on Friday]'
        who = subject_text(subject, actors) if subject is not None else None
        if who:
            return sentence_case(f"{who} {subtree_text(head)}")
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    speaker = _speaker_of(head, actors)
    marks = {c.i for c in head.children if c.dep_ == "mark" and c.i < head.i}  # 'said [that] it is working'
    if subject is not None and subject.lower_ in ("it", "they") and speaker is not None:
        rest = subtree_text(head, {t.i for t in subject.subtree} | marks)  # 'X said it would allow' -> 'X would allow'
        return sentence_case(f"{actors.display(speaker)} {rest}")
    if subject is None and not any(c.dep_ == "expl" for c in head.children):
        return clean(sentence_of(head).text)  # 'Must also make it clear ...': no clause without its subject
    return with_named_subject(sentence_case(subtree_text(head, marks)), head, actors)


def _speaker_of(verb: Token, actors: ActorIndex) -> str | None:
    """The actor that says the clause, when the clause is what a named speaker says."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in lexicon().speech_verbs:
        return None
    speaker = _subject(verb.head)
    return actors.resolve(speaker) if speaker is not None else None
