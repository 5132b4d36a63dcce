"""Open questions: what the text itself leaves open, phrased as a question built from its own clause.

Precision before recall: a question comes only from an explicit question in the text, a stated
uncertainty ("it is unclear whether ...", "remains to be seen") or a pending step ("has yet to
decide"). Every question names its subject and is built by moving the clause's auxiliary in front;
where that cannot be done cleanly, no question is made.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..findings import QUESTION_CUE_RANK, OpenQuestion, stable_id
from ..lexicon import lexicon
from .asking import HEDGES, WH_WORDS, interrogative, object_text, subject_of, subject_text, will_ask, words_after
from .common import (
    denied_by_no,
    governing_verb,
    in_text_order,
    in_the_process_of,
    is_future,
    next_step,
    no_step,
    subtree_text,
)
from .coref import ActorIndex
from .cues import cue_spans, has_cue
from .explicit import asked_in_text
from .hearsay import hearsay_question
from .parsed import Parsed
from .pending import demanded, dismissed, infinitive, not_done_yet, purpose_and_aux, unclear_thing


def _clause_left_open(cue: Span, claim: bool = False) -> tuple[Token, Token | None] | None:
    """The clause a cue leaves open, with its wh-word: 'it is unclear [whether X will Y]'; with claim,
    also a claim it leaves unconfirmed: 'it was not confirmed [the outbreak had begun in Mexico]'."""
    heads = in_text_order({*cue, cue.root.head})  # 'remains to be seen [whether ...]' hangs from 'seen'
    for head in heads:
        # 'could not confirm the claims, [including who controls the town]': what the claims leave open
        objects = [c for c in head.children if c.dep_ == "dobj"]
        including = [p for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "including"]
        for clause in [*head.children, *including]:
            if clause.dep_ not in ("ccomp", "csubj", "advcl", "xcomp", "acl", "prep", "pcomp"):
                continue
            on_grounds = clause.dep_ == "prep" and clause.lower_ == "on"
            if clause.dep_ == "prep":
                clause = next((c for c in clause.children if c.dep_ == "pcomp"), clause)
            marker = next(
                (t for t in clause.subtree if t.i < clause.i and t.lower_ in WH_WORDS | {"whether", "if"}), None
            )
            if marker is not None and on_grounds and marker.lower_ in WH_WORDS and _told_as_done(clause):
                continue  # 'not going to be decided on what Jackson did': what it rests on, done and known
            if marker is not None:
                return clause, marker if marker.lower_ in WH_WORDS else None
            if claim and clause.dep_ == "ccomp" and clause.i >= cue.end and clause.pos_ in ("VERB", "AUX"):
                return clause, None
    return None


def _told_as_done(clause: Token) -> bool:
    """A clause in the plain past or present, no modal or infinitive: told as a fact."""
    return clause.tag_ in ("VBD", "VBZ", "VBP") and not any(
        c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in clause.children
    )


def _pending(sent: Span, actors: ActorIndex) -> str | None:
    """'X has yet to decide on Y' -> 'Will X decide on Y?'."""
    for token in sent:
        if token.lower_ == "yet" and token.i + 1 < sent.end and token.nbor().lower_ == "to":
            verb = token.head if token.head.pos_ in ("VERB", "AUX") else None
            if verb is None:
                continue
            action = next((c for c in verb.children if c.dep_ == "xcomp"), None)
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if action is None or subject is None or action.lemma_.lower() in lexicon().speech_verbs:
                continue
            who = subject_text(subject, actors)
            if who:
                skipped = {t.i for t in action.children if t.dep_ in ("aux", "auxpass")}
                tail = words_after(action, skipped)
                passive = "be " if any(t.dep_ == "auxpass" for t in action.children) else ""
                return re.sub(r"\s+", " ", f"Will {who} {passive}{action.text} {tail}").strip() + "?"
    return None


def _still_needed(sent: Span, actors: ActorIndex, quoted: set[int]) -> str | None:
    """'regulators will still need to give their approval' -> 'Will regulators give their approval?';
    'new figures have to be decided before ...' -> 'Will new figures be decided before ...?': an
    approval or decision a step waits on (not one needed in the past, not a need denied)."""
    lex = lexicon()
    for token in sent:
        if token.lemma_.lower() not in ("need", "have", "require") or token.i in quoted:
            continue
        future = any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in token.children)
        if not (token.tag_ in ("VBZ", "VBP") or token.tag_ == "VB" and future):
            continue
        if any(c.dep_ in ("neg", "aux") and c.lower_ in ("not", "n't", "no") for c in token.children):
            continue
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        who = subject_text(subject, actors) if subject is not None else None
        if subject is None or not who:
            continue
        who = _named_as_subject(subject, who)
        needed = next((c for c in token.children if c.dep_ == "dobj"), None)
        if token.lemma_.lower() != "have" and needed is not None and needed.lemma_.lower() in lex.approval_words:
            return f"Will {who} get {subtree_text(needed)}?"  # 'the deal still needs the approval of X'
        action = next((c for c in token.children if c.dep_ == "xcomp" and c.tag_ in ("VB", "VBN")), None)
        if action is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in action.children):
            continue
        objects = {c.lemma_.lower() for c in action.children if c.dep_ == "dobj"}
        if action.lemma_.lower() not in lex.approval_words and not objects & lex.approval_words:
            continue
        skipped = {c.i for c in action.children if c.dep_ in ("aux", "auxpass")}
        passive = any(c.dep_ == "auxpass" for c in action.children)
        verb = f"be {action.text}" if passive else action.lemma_
        return will_ask(who, verb, words_after(action, skipped))
    return None


def _told_long_ago(sent: Span) -> bool:
    """A year or 'two years ago' in the sentence: what was announced then is history, not a step ahead."""
    return any(e.label_ == "DATE" and re.search(r"\b\d{4}\b|\bago\b", e.text) for e in sent.ents)


def _legal_move(sent: Span, actors: ActorIndex, quoted: set[int]) -> str | None:
    """'Mr Blunkett has taken legal action to gain access to ...' -> 'Will David Blunkett gain access to
    ...?'; 'a shareholder has taken legal action to halt the buyout' -> 'Will the legal action halt the
    buyout?': what a move at law is for stays open until a court rules (unless the sentence tells how
    it ended)."""
    lex = lexicon()
    told = (t for t in sent if t.pos_ == "VERB" and not any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children))
    if any(t.lemma_.lower() in lex.legal_move_outcomes for t in told):
        return None  # 'sued to block the sale but lost' (not 'lodged an appeal to overturn the ruling')
    for token in sent:
        if token.pos_ != "VERB" or token.i in quoted or token.dep_ not in ("ROOT", "conj", "ccomp"):
            continue
        lemma = token.lemma_.lower()
        move = next(
            (
                c
                for c in token.children
                if c.dep_ == "dobj"
                and (
                    c.lemma_.lower() in lex.legal_move_nouns
                    or c.lemma_.lower() == "action"
                    and any(a.lower_ in ("legal", "court") for a in c.children)
                )
            ),
            None,
        )
        if move is not None and lemma not in lex.legal_filing_verbs:
            continue  # 'made an appeal for witnesses', 'made a strong case': no move at law
        against = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "against"), None)
        if move is None and (lemma not in lex.legal_move_verbs or lemma == "appeal" and against is None):
            continue  # 'appealed to fans to stay calm': a plea
        if any(c.dep_ == "neg" for c in token.children):
            continue  # 'he would not take legal action'
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children):
            return interrogative(token, actors)  # 'UKIP could take legal action to ...': not taken yet
        ongoing = token.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in token.children)
        if move is None and ongoing and lemma == "appeal":
            target = next((g for g in against.children if g.dep_ == "pobj"), None) if against is not None else None
            who = subject_text(next((c for c in token.children if c.dep_ == "nsubj"), token), actors)
            if target is not None and who and not any(d.lower_ in ("this", "that") for d in target.children):
                return f"Will {who} overturn {subtree_text(target)}?"  # 'X is appealing (has appealed) against the ban'
        hosts = [token] + ([move] if move is not None else [])
        purpose = next(
            (
                c
                for h in hosts
                for c in h.children
                if c.dep_ in ("advcl", "acl", "relcl", "xcomp")
                and c.tag_ == "VB"
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ),
            None,
        )
        if purpose is None:
            continue
        if move is None and _party_sued(token):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        actor = actors.resolve(subject) if subject is not None else None
        if actor in actors.actors:  # 'Mr Blunkett has taken legal action to gain access to ...'
            name = actors.display(actor)
        elif move is not None:
            name = " ".join(t.lower_ for t in move.subtree if t.i < move.i and t.dep_ in ("amod", "compound"))
            name = f"the {name} {move.lemma_.lower()}".replace("  ", " ")
        else:
            name = {"sue": "the lawsuit", "appeal": "the appeal", "petition": "the petition"}[lemma]
        skipped = {c.i for c in purpose.children if c.dep_ == "aux"}
        return will_ask(name, purpose.lemma_, words_after(purpose, skipped))
    return None


def _party_sued(verb: Token) -> bool:
    """'sued Morgan Stanley to return 136m euros': whether the one sued or the one suing is to act is
    not said (the parse may even take the one sued for a second subject). A suit against a body with no
    name ('sued the government to stop the expansion') still asks what it is for."""
    return verb.lemma_.lower() == "sue" and any(
        c.dep_ in ("dobj", "nsubj") and c.i > verb.i and c.pos_ == "PROPN" for c in verb.children
    )


def _in_the_process(sent: Span, actors: ActorIndex, quoted: set[int]) -> str | None:
    """'Parry is in the process of finalising funding for the new stadium' -> 'Will Parry finalise
    funding for the new stadium?': work under way, its end still ahead."""
    for token in sent:
        work = in_the_process_of(token)
        if work is None or token.i in quoted:
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        who = subject_text(subject, actors) if subject is not None else None
        if who:
            return will_ask(who, work.lemma_, words_after(work, set()))
    return None


def _named_as_subject(subject: Token, who: str) -> str:
    """'New figures have to ...' -> 'new figures', 'Lawyers for the paper' -> 'lawyers for the paper'."""
    return who if subject.pos_ == "PROPN" or who.split()[0].isupper() else who[0].lower() + who[1:]


def _sought_at_law(sent: Span, actors: ActorIndex, quoted: set[int]) -> str | None:
    """'The Countryside Alliance has lodged papers seeking a judicial review' -> 'Will the Countryside
    Alliance get a judicial review ...?': a ruling or remedy sought is open until granted."""
    lex = lexicon()
    for token in sent:
        if token.lemma_.lower() != "seek" or token.i in quoted or token.tag_ == "VBD":
            continue
        sought = next((c for c in token.children if c.dep_ == "dobj"), None)
        if sought is None or sought.lemma_.lower() not in lex.legal_move_nouns | {"review", "ruling", "injunction"}:
            continue
        if sought.lemma_.lower() == "review" and not any(c.lower_ == "judicial" for c in sought.children):
            continue
        host = token.head.head if token.dep_ == "acl" else token  # 'lodged papers seeking ...'
        subject = next((c for c in host.children if c.dep_ == "nsubj"), None)
        who = subject_text(subject, actors) if subject is not None else None
        if subject is not None and who and host.pos_ in ("VERB", "AUX"):
            return f"Will {_named_as_subject(subject, who)} get {subtree_text(sought)}?"
    return None


def _announced(sent: Span, actors: ActorIndex, quoted: set[int]) -> str | None:
    """'Qwest has said it will table a new offer for MCI' -> 'Will Qwest table a new offer for MCI?':
    a step a party announces of itself is open until taken."""
    lex = lexicon()
    for token in sent:
        if token.lemma_.lower() not in lex.speech_verbs or token.i in quoted:
            continue
        speaker = next((c for c in token.children if c.dep_ == "nsubj"), None)
        clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
        if speaker is None or clause is None or clause.lemma_.lower() not in lex.commitment_verbs:
            continue
        if not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in clause.children):
            continue
        if speaker.pos_ == "PRON" or any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children):
            continue  # who 'it' is may be wrong; 'had said he would ...' was overtaken by what followed
        if _told_long_ago(sent) or any(c.dep_ == "conj" and c.tag_ == "VBD" for c in token.children):
            continue  # 'In 1998 Microsoft said it would appeal', '... said it would, but withdrew on Friday'
        if any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in token.subtree):
            continue  # 'would consider leaving if ...', 'If talks fail, Qwest said it will ...': a contingency
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        who = actors.resolve(speaker)
        if subject is None or who not in actors.actors or actors.resolve(subject) != who:
            continue
        if any(c.dep_ == "neg" for c in clause.children):
            continue  # 'said it would not table a bid': a refusal, a position
        skipped = {c.i for c in clause.children if c.dep_ in ("aux", "auxpass")}
        return will_ask(actors.display(who), clause.lemma_, words_after(clause, skipped, actors, subject))
    return None


def _named_next(sent: Span, actors: ActorIndex) -> str | None:
    """'The next step is for the supreme court to annul the sale' -> 'Will the supreme court annul the sale?'."""
    for token in sent:
        if token.pos_ == "VERB" and next_step(token):
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            who = subject_text(subject, actors) if subject is not None else None
            if who:
                tail = words_after(token, purpose_and_aux(token))
                return re.sub(r"\s+", " ", f"Will {who} {token.text} {tail}").strip() + "?"
    return None


def _questioned(sent: Span, actors: ActorIndex) -> str | None:
    """'Hart has questioned how police will ensure there are no violations' -> 'How will police
    ensure there are no violations?': a question someone raises, told in reported speech."""
    for token in sent:
        if token.pos_ == "VERB" and token.lemma_.lower() in lexicon().questioning_verbs:
            found = _clause_left_open(sent.doc[token.i : token.i + 1])
            if found is not None and found[0].i > token.i and not _answered_on_the_spot(token, found[0]):
                return interrogative(found[0], actors, found[1])
    return None


def _answered_on_the_spot(asked: Token, clause: Token) -> bool:
    """'Asked whether he would sell the club, he said he would not': a question about the one who answers,
    put and answered with a no. One about someone else ('Asked if Mr Blunkett could return, he replied
    ...') stays open, as does one met with 'we will see', 'he would not rule it out', 'the club would
    decide' or 'he would not be rushed into a decision'."""
    answer = asked.head
    if (
        asked.dep_ != "advcl"
        or asked.tag_ != "VBN"
        or answer.lemma_.lower() not in lexicon().speech_verbs | {"reject", "dismiss"}
        or not any(c.dep_ == "nsubj" for c in answer.children)
    ):
        return False
    # a pronoun before the name it stands for is the one who answers; a name is someone else
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ not in ("he", "she", "they", "i", "we"):
        return False
    asked_about = clause.lemma_.lower()
    reply = [t for t in answer.subtree if t.i != answer.i and t.i not in {a.i for a in asked.subtree}]
    if {t.lemma_.lower() for t in reply} & lexicon().noncommittal_words:
        return False
    refusals = ("reject", "deny", "dismiss")
    if answer.lemma_.lower() in refusals or any(t.lemma_.lower() in refusals for t in reply):
        return True
    # 'he said he would not' (the verb asked about left out) or 'he would not sell', not 'he would not be
    # rushed into a decision' nor 'he did not want to talk about it'
    return any(
        t.dep_ == "neg" and (t.head.lemma_.lower() == asked_about or t.head.pos_ == "AUX" and t.head.dep_ == "ccomp")
        for t in reply
    )


def _to_be_decided(sent: Span, actors: ActorIndex) -> str | None:
    """'The coaching team will now decide whether Chepkemei can be included' -> 'Can Chepkemei be
    included ...?': a decision or finding still to come leaves its question open (one told in the
    past tense was made)."""
    for token in sent:
        if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon().deciding_verbs:
            continue
        if token.tag_ not in ("VB", "VBG"):
            continue  # 'decided whether' was decided; 'the book reveals who ordered the killing' tells it
        found = _clause_left_open(sent.doc[token.i : token.i + 1])
        if found is not None and found[0].dep_ == "advcl" and found[1] is None:
            continue  # 'would consider leaving if the club was knocked out': a condition, not what is decided
        if found is not None and found[0].i > token.i:
            return interrogative(found[0], actors, found[1])
    return None


def _should_be_done(sent: Span, actors: ActorIndex, quoted: set[int]) -> str | None:
    """'he claims Ferguson should be punished by the Football Association' -> 'Will Ferguson be punished
    by the Football Association?': what a speaker says an actor of the story should do, or should have
    done to it, is a demand that stays open until it is met."""
    lex = lexicon()
    for token in sent:
        if token.tag_ != "MD" or token.lower_ not in ("should", "must") or token.i in quoted:
            continue
        verb = token.head
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in lex.speech_verbs | lex.forecast_verbs:
            continue
        if any(c.dep_ == "neg" for c in verb.children) or any(
            c.lower_ == "have" and c.dep_ == "aux" for c in verb.children
        ):
            continue  # 'should not', 'should have': a reproach or a regret, no step to watch
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        named = actors.resolve(subject) if subject is not None else None
        if named not in actors.actors or (speaker is not None and actors.resolve(speaker) == named):
            continue  # 'X said it should ...' is X's own plan, a position
        asked = interrogative(verb, actors)
        if asked:
            return asked
    return None


def _weighing_options(sent: Span, actors: ActorIndex) -> str | None:
    """'Yukos said it would consider its options in light of the ruling' -> 'What will Yukos do in light
    of the ruling?': a body weighing its options has its next move still to choose."""
    for token in sent:
        options = next((c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() == "option"), None)
        if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon().deciding_verbs | {"weigh"} or options is None:
            continue
        if token.tag_ == "VBD" or any(c.dep_ == "neg" for c in token.children):
            continue  # 'it considered its options and sold': the choice was made
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        actor = actors.resolve(subject) if subject is not None else None
        if actor in actors.actors:
            tail = words_after(options, {t.i for t in options.subtree if t.i <= options.i})
            return re.sub(r"\s+", " ", f"What will {actors.display(actor)} do {tail}").strip(" .,") + "?"
    return None


def _considering(sent: Span, actors: ActorIndex) -> str | None:
    """'Saudi Arabia would consider matching the US aid if ...' -> 'Will Saudi Arabia match the US aid if
    ...?': a step an actor weighs is not decided."""
    for token in sent:
        if token.pos_ != "VERB" or token.lemma_.lower() != "consider":
            continue
        if token.tag_ == "VBD" and not any(c.lower_ == "would" for c in token.children):
            continue  # 'it considered selling and sold': the choice was made
        if any(c.dep_ == "neg" for c in token.children) or _told_long_ago(sent):
            continue
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in token.head.children):
            continue  # 'had said he would consider leaving': overtaken by what followed
        step = next((c for c in token.children if c.dep_ in ("xcomp", "dobj") and c.tag_ == "VBG"), None)
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        actor = actors.resolve(subject) if subject is not None else None
        if step is not None and actor in actors.actors:
            condition = next((c for c in token.children if c.dep_ == "advcl" and c.i > step.i), None)
            tail = words_after(step, set()) + (f" {subtree_text(condition)}" if condition is not None else "")
            return will_ask(actors.display(actor), step.lemma_, tail)
    return None


def _under_pressure(sent: Span, actors: ActorIndex) -> str | None:
    """'Putin has resisted pressure from Western nations to support tougher action' -> 'Will Vladimir
    Putin support tougher action ...?'; 'he is under pressure to set a cut-off point': what an actor is
    pressed to do is open until done (not once he has bowed to it)."""
    for token in sent:
        if token.lemma_.lower() != "pressure" or token.pos_ != "NOUN":
            continue
        action = next((c for c in token.children if c.dep_ in ("acl", "relcl") and infinitive(c)), None)
        holder = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "under" else token.head
        if action is None and holder is not token.head:  # 'is under pressure from Qatar, to set ...'
            action = next((c for c in holder.children if c.dep_ == "xcomp" and infinitive(c)), None)
        if action is None or token.dep_ not in ("dobj", "pobj") or holder.pos_ not in ("VERB", "AUX"):
            continue
        if holder.lemma_.lower() in lexicon().yielding_verbs or any(c.dep_ == "neg" for c in holder.children):
            continue
        subject = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        actor = actors.resolve(subject) if subject is not None else None
        if actor in actors.actors:
            skipped = {c.i for c in action.children if c.dep_ == "aux"}
            return will_ask(actors.display(actor), action.lemma_, words_after(action, skipped, actors, subject))
    return None


def _not_confirmed(sent: Span) -> list[Span]:
    """'could not immediately confirm', 'has not been able to independently confirm': a confirmation
    not given, with words between that the listed cues do not allow."""
    found = []
    for token in sent:
        if token.lemma_.lower() not in ("confirm", "verify") or token.pos_ != "VERB":
            continue
        able = token.head if token.head.lemma_.lower() == "able" else None
        if any(c.dep_ == "neg" for c in (*token.children, *(able.head.children if able is not None else ()))):
            found.append(sent.doc[token.i : token.i + 1])
    return found


def _unconfirmed(sent: Span) -> list[Span]:
    """The words saying something is not confirmed: a listed cue, or a confirmation not given."""
    return [cue for _, cue in cue_spans(sent, "unconfirmed_cues")] + _not_confirmed(sent)


# What the sentence before may have claimed, as the next sentence names it
CLAIM_NOUNS = frozenset("claim report account figure toll footage video image it this these they".split())


def unverified_claim(sent: Span) -> Token | None:
    """'Activists said 50 people died in Homs. The claim could not be independently verified.': the
    claim the sentence before reports, when this sentence says it is not confirmed without saying what."""
    cues = _unconfirmed(sent) + [sent.doc[t.i : t.i + 1] for t in sent if t.lower_ == "unverified"]
    if not cues or sent.start == 0 or any(t.dep_ == "ccomp" for t in sent):
        return None
    verb = cues[0].root if cues[0].root.pos_ in ("VERB", "AUX", "ADJ") else cues[0].root.head
    while verb.dep_ in ("xcomp", "acomp") and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lemma_.lower() not in CLAIM_NOUNS:
        return None
    before = sent.doc[sent.start - 1].sent
    speech = lexicon().speech_verbs
    return next((t for t in before if t.dep_ == "ccomp" and t.head.lemma_.lower() in speech), None)


def _unverified_earlier(sent: Span, actors: ActorIndex) -> str | None:
    claim = unverified_claim(sent)
    return interrogative(claim, actors) if claim is not None else None


def _uncertain(sent: Span, actors: ActorIndex) -> str | None:
    unconfirmed = _unconfirmed(sent)
    for cue in [cue for _, cue in cue_spans(sent, "uncertainty_cues")] + unconfirmed:
        found = _clause_left_open(cue)
        if found is not None:
            clause, wh = found
            return interrogative(clause, actors, wh)
    for cue in unconfirmed:
        found = _clause_left_open(cue, claim=True)  # no wh-clause was found above: a claim, if any
        if found is not None:
            return interrogative(found[0], actors)
    return None


def _conditioned(sent: Span, actors: ActorIndex, quoted: set[int]) -> str | None:
    """'talks will begin only if Croatia co-operates' -> 'Does Croatia co-operate?': the condition an
    outcome waits on ('unless', 'only if'; a plain 'if' is a supposition). A condition narrated in
    the past was settled, and is not asked."""
    for token in sent:
        strict = token.lower_ == "unless" or (
            token.lower_ == "if" and token.i > sent.start and token.nbor(-1).lower_ == "only"
        )
        if strict and token.dep_ == "mark" and token.i not in quoted:
            clause = token.head
            narrated = sent.root.tag_ == "VBD" and sent.root.lemma_.lower() not in lexicon().speech_verbs
            if clause.tag_ == "VBD" or narrated:
                continue
            asked = interrogative(clause, actors)
            if asked:
                return asked
    return None


def _possible(sent: Span, actors: ActorIndex, quoted: set[int]) -> str | None:
    """'X could take legal action' -> 'Can X take legal action?': a possibility the text raises
    about what is ahead (not 'could have', not inside a quotation, not a condition of the past)."""
    for token in sent:
        if token.tag_ != "MD" or token.i in quoted:
            continue
        verb = token.head
        if token.lower_ not in lexicon().possibility_modals and not _not_assured(token):
            if not (token.lower_ == "must" and _required_of_a_party(verb, actors)):
                continue  # 'cannot be guaranteed' leaves the matter open as 'could' does
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if _set_phrase(token) or any(denied_by_no(c) or c.lower_ in ("nothing", "nobody", "none") for c in subjects):
            continue  # 'may as well give up', 'could barely walk', 'no amount of money could replace'
        if verb.pos_ not in ("VERB", "AUX") or any(c.lower_ == "have" and c.dep_ == "aux" for c in verb.children):
            continue
        if token.lower_ in ("could", "would") and any(c.dep_ == "neg" for c in verb.children):
            continue  # 'police could not find the man': what did not happen, not what may
        if verb.lemma_ == "have" and verb.pos_ == "VERB":
            continue  # 'X could have a lot to offer': a quality someone may have, not a matter to settle
        if verb.dep_ not in ("ROOT", "ccomp", "conj"):
            continue  # a possibility in a relative or adverbial clause is a detail, not the matter
        asked = interrogative(verb, actors)
        if asked:
            return asked
    return None


def _required_of_a_party(verb: Token, actors: ActorIndex) -> bool:
    """'Under the agreement, Turkey must issue a statement': a step required of a named party is pending;
    'candidates must be 21', 'writers must submit 10,000 words', 'she must do community service' (a
    sentence passed) are rules and terms, nothing left open."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ == "PRON" or verb.lemma_ == "be" or any(c.dep_ == "neg" for c in verb.children):
        return False
    # 'the board must still approve the terms' is a party too; 'writers must submit 10,000 words' is a rule
    definite = any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in subject.children)
    return actors.resolve(subject) in actors.actors or subject.pos_ == "NOUN" and definite


def _not_assured(modal: Token) -> bool:
    """'entry cannot be guaranteed', 'a cut cannot be ruled out': what no one can promise is open; 'the
    US cannot support the plan', 'cannot afford to sack him' are stances, and settled."""
    verb = modal.head
    return (
        modal.lower_ in ("can", "ca")
        and any(c.dep_ == "neg" for c in verb.children)
        and any(c.dep_ == "auxpass" for c in verb.children)
        and verb.lemma_.lower() in lexicon().assurance_verbs
    )


def _set_phrase(modal: Token) -> bool:
    """A modal in a set phrase that raises no possibility: 'may as well', 'could barely', 'might also
    remember' is fine; 'could hardly' and 'may well' are not open either way."""
    verb = modal.head
    if any(c.dep_ == "advmod" and c.lower_ in lexicon().scarcely_adverbs for c in verb.children):
        return True
    after = modal.doc[modal.i + 1 : modal.i + 3]
    return [t.lower_ for t in after] == ["as", "well"]


def _hedged_past(sent: Span, actors: ActorIndex, quoted: set[int]) -> str | None:
    """'the FT said it thought JP Morgan may still have had some role' -> 'Did JP Morgan have some
    role ...?': a claim of the past put as only possible leaves open whether it happened. Told, or
    with 'may'/'might' standing alone; a bare 'could have won' is what did not happen."""
    lex = lexicon()
    for token in sent:
        if token.tag_ != "MD" or token.lower_ not in HEDGES or token.i in quoted:
            continue
        verb = token.head
        if not any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children):
            continue
        told = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lex.speech_verbs | lex.forecast_verbs
        if _counterfactual(verb):
            continue  # 'might have died without the operation', 'might have been worse'
        if told or verb.dep_ == "ROOT":
            asked = interrogative(verb, actors, hedged=True)
            if asked:
                return asked
    return None


def _counterfactual(verb: Token) -> bool:
    """'... if the alarm had not gone off', 'without the operation', 'but for a late equaliser', 'could
    have been worse': what would have been, whose answer the speaker knows to be no."""
    for child in verb.children:
        if child.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in child.children if m.dep_ == "mark"):
            return True
        if child.dep_ == "prep" and child.lower_ in ("without", "but", "for") and child.i > verb.i:
            if child.lower_ != "for" or child.nbor(-1).lower_ == "but":
                return True
        if child.dep_ in ("dobj", "acomp", "advmod") and child.lower_ in ("more", "better", "worse", "less"):
            return True
    return False


MAX_PER_DOCUMENT = 5  # the most trusted kinds first: fewer, better questions


def _forecast(sent: Span, actors: ActorIndex, quoted: set[int]) -> str | None:
    """'X believes the action will soon be followed by others' -> 'Will the action soon be followed by
    others?': what someone expects, said of the future, is not settled yet."""
    for token in sent:
        if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon().forecast_verbs or token.i in quoted:
            continue
        if any(
            c.dep_ == "nsubj" and (c.lower_ == "you" or c.lower_ == "one" and not list(c.children))
            for c in token.children
        ):
            continue  # 'You might think that the last thing on their minds would be ...': no one's forecast
        for clause in token.children:
            if clause.dep_ == "ccomp" and any(c.lower_ in ("will", "would", "'ll") for c in clause.children):
                if no_step(clause, states=False):
                    continue  # 'predicted the election will be a tough fight', 'profit will rise 11%'
                asked = interrogative(clause, actors)
                if asked:
                    return asked
    return None


def _challenge(sent: Span, actors: ActorIndex) -> str | None:
    """'The executive faces 1,000 claims' -> 'How will the executive deal with 1,000 claims?';
    'Fiat failed to get back on track' -> 'Will Fiat get back on track?'."""
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or token.tag_ == "VBD" and (lemma != "fail" or _missed_an_occasion(token)):
            continue
        if lemma in ("face", "struggle") and not _faced_elsewhere(token):
            what = object_text(token) or next(
                (subtree_text(g) for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"),
                "",
            )
            who = subject_of(token, actors) if _names_a_party(token, actors) else None
            if who and what and len(what.split()) <= 12:
                return f"How will {who} deal with {what}?"
        if lemma == "fail" and any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children):
            continue  # 'Greer had earlier failed to persuade ...': a failure before the news, settled
        if lemma == "fail" and _names_a_party(token, actors):
            action = next((c for c in token.children if c.dep_ == "xcomp"), None)
            who = subject_of(token, actors)
            if action is not None and any(c.tag_ in ("WP", "WDT") for c in action.children):
                continue  # 'what he failed to reveal was that ...': what it was, the sentence says
            if action is not None and action.lemma_.lower() in lexicon().speech_verbs:
                continue  # 'had pointedly failed to deny claims ...': words, not a matter to settle
            if action is not None and who:
                skipped = {c.i for c in action.children if c.dep_ == "aux"}
                tail = words_after(action, skipped)
                return will_ask(who, action.lemma_, tail)
    return None


def _faced_elsewhere(verb: Token) -> bool:
    """A difficulty that is not the party's now: 'will not face charges' (spared), 'has faced greater
    competition than ever' (told of a time gone by), 'will face Albert Montanes in the semi-finals' (an
    opponent met, not a difficulty dealt with)."""
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children) or any(c.dep_ == "aux" and c.lemma_ == "have" for c in children):
        return True
    faced = next((c for c in children if c.dep_ == "dobj"), None)
    return faced is not None and faced.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")


def _missed_an_occasion(failed: Token) -> bool:
    """'She failed to turn up for a training camp', '... to run in the event': a one-off occasion that
    passed is settled ('Fiat failed to put itself back on track' is still open)."""
    lex = lexicon()
    occasions = lex.event_nouns | lex.occasion_words | lex.facility_words | {"event"}
    action = next((c for c in failed.children if c.dep_ == "xcomp"), None)
    return action is not None and any(
        g.lemma_.lower() in occasions
        for c in action.children
        if c.dep_ == "prep"
        for g in c.children
        if g.dep_ == "pobj"
    )


def _names_a_party(verb: Token, actors: ActorIndex) -> bool:
    """'the executive faces 1,000 claims', not 'officials who leak would face jail': a challenge is
    asked of an actor of the story, in a main clause, not of whoever a rule or penalty would hit."""
    if any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.dep_ == "relcl":  # 'GM, which is struggling', not 'people who fail to register'
        subject = verb.head
    return subject is not None and (actors.resolve(subject) is not None or bool(subject.ent_type_))


def _future_action(sent: Span) -> Token | None:
    for token in sent:
        if token.pos_ == "VERB" and (is_future(token) or token.dep_ == "xcomp" and is_future(token.head)):
            return next((c for c in token.children if c.dep_ == "xcomp"), token)
    return None


def _when(sent: Span, actors: ActorIndex) -> str | None:
    """'expected to meet X in the near future, stopping short of providing a date' -> 'When will ...?'"""
    action = _future_action(sent)
    if action is not None:
        who = subject_of(action, actors)
        if who:
            return re.sub(r"\s+", " ", f"When will {who} {action.lemma_} {object_text(action)}").strip() + "?"
    passive = next((t for t in sent if t.dep_ == "xcomp" and t.tag_ == "VBN"), None)
    if passive is not None:  # 'the date still needed to be agreed'
        who = subject_of(passive.head, actors)
        if who:
            return f"When will {who} be {passive.text}?"
    for token in sent:  # 'there is no date for the PSP's release in Europe yet'
        if token.lemma_ == "date" and any(c.lower_ == "no" for c in token.children):
            what = next(
                (
                    subtree_text(g, {t.i for t in g.subtree if t.lower_ in ("yet", "still")})
                    for c in token.children
                    if c.dep_ == "prep" and c.lower_ == "for"
                    for g in c.children
                ),
                None,
            )
            if what:
                return f"When will {what} be?" if what.split()[0].lower() == "the" else None
    for token in sent:  # 'the issue can be tackled at a later date'
        if token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children):
            if any(c.tag_ == "MD" for c in token.children):
                who = subject_of(token, actors)
                if who:
                    return f"When will {who} be {token.text}?"
    return None


def _resolved(sent: Span) -> str | None:
    """'This does not fully end the dispute over X' -> 'How will the dispute over X be resolved?'"""
    for token in sent:
        if token.pos_ == "VERB" and any(c.dep_ == "neg" for c in token.children):
            if token.lemma_.lower() in lexicon().settling_verbs and object_text(token):
                return f"How will {object_text(token)} be resolved?"
    return None


def _prospect(sent: Span, actors: ActorIndex) -> str | None:
    """'X has held onto the prospect of reaching a middle ground' -> 'Will X succeed in reaching ...?'"""
    for token in sent:
        if token.lower_ in ("prospect", "hope", "hopes") and token.i + 1 < sent.end and token.nbor().lower_ == "of":
            goal = next((subtree_text(c) for c in token.nbor().children if c.dep_ in ("pcomp", "pobj")), "")
            verb = token.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            holder = subject_of(verb, actors)
            if goal and holder and goal.split()[0].endswith("ing"):
                return f"Will {holder} succeed in {goal}?"
    return None


def _at_odds(sent: Span, actors: ActorIndex) -> str | None:
    """Two named sides in a dispute -> 'Will A and B settle their differences?'. The sides are named
    in the dispute's own phrase ('a dispute between A and B') or are the subject of the clause that
    holds it ('A is at odds with B'); 'the dispute comes as the inspectors began ...' names none."""
    for shape, span in cue_spans(sent, "open_matter_cues"):
        if shape != "contested":
            continue
        noun = span.root
        region = {t.i for t in noun.subtree}
        if noun.dep_ not in ("nsubj", "nsubjpass"):
            verb = governing_verb(noun)
            for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
                region |= {t.i for t in subject.subtree}
                if subject.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
                    region.add(verb.head.i)  # 'the United States, which remains at odds with Ankara'
        parties: list[str] = []
        for i in sorted(region):
            actor = actors.token_actor.get(i)
            if actor is not None and actor in actors.actors and actor not in parties:
                parties.append(actor)
        if len(parties) == 2:
            return f"Will {actors.display(parties[0])} and {actors.display(parties[1])} settle their differences?"
    return None


def _opposed_plan(sent: Span, actors: ActorIndex) -> str | None:
    """'A is slated to do X but B has pushed A to stop' -> 'Will A do X, or will B prevail?'"""
    for token in sent:
        if token.lower_ != "but" or token.dep_ != "cc":
            continue
        first, second = token.head, next((c for c in token.head.children if c.dep_ == "conj"), None)
        if second is None or second.lemma_.lower() not in lexicon().stance_verbs:
            continue
        if first.tag_ == "VBD" or any(c.lower_ == "had" for c in first.children):
            continue  # a past disagreement is history, not an open question
        a = next((actors.resolve(c) for c in first.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        b = next((actors.resolve(c) for c in second.children if c.dep_ == "nsubj"), None)
        if a and b and a != b and a in actors.actors and b in actors.actors:
            action = next((c for c in first.children if c.dep_ == "xcomp"), first)
            if action.lemma_ == "be":
                continue  # 'Blair is among those who have called for an apology, but ...': no plan to do
            what = re.sub(r"\s+", " ", f"{action.lemma_} {object_text(action)}").strip()
            return f"Will {actors.display(a)} {what}, or will {actors.display(b)} prevail?"
    return None


def _contention(sent: Span, actors: ActorIndex) -> str | None:
    """'criticism that the deal had been a mistake' -> 'Had the deal been a mistake?': a claim,
    charge or fear that something is so leaves it open whether it is."""
    for token in sent:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in lexicon().contention_nouns or dismissed(token):
            continue
        clause = next(
            (c for c in token.children if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX")), None
        )
        if clause is not None and any(c.lower_ == "that" and c.dep_ == "mark" for c in clause.children):
            asked = interrogative(clause, actors)
            if asked:
                return asked
        clause = _whether_after(token)
        asked = interrogative(clause, actors) if clause is not None else None
        if asked:
            return asked
    return None


def _no_sign_yet(sent: Span, actors: ActorIndex) -> str | None:
    """'There is no sign that Houla will be a game-changer' -> 'Will Houla be a game-changer?': no sign
    or guarantee yet of what may still come leaves it open."""
    for token in sent:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in lexicon().sign_nouns:
            continue
        if not denied_by_no(token):
            continue
        for clause in (c for c in token.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")):
            marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
            if marked and any(c.dep_ == "aux" and c.lower_ in ("will", "would") for c in clause.children):
                asked = interrogative(clause, actors)
                if asked:
                    return asked
    return None


def _whether_after(noun: Token) -> Token | None:
    """'doubts as to whether the government is committed', 'concern over whether ...': the clause a
    claim or doubt is about, through the prepositions between them."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("as", "about", "over", "on")):
        for clause in prep.subtree:
            if clause.dep_ == "pcomp" and any(m.dep_ == "mark" and m.lower_ == "whether" for m in clause.children):
                return clause
    return None


def _denied(sent: Span, actors: ActorIndex) -> str | None:
    """'But Mr Jackson denied there was any intimidation' -> 'Was there any intimidation?': what one
    side denies while another says it is in dispute. A denial set against nothing ('Mr Michael also
    denied the ban had led to ...') answers a question rather than leaving one open."""
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon().denial_verbs:
            continue
        if any(c.dep_ == "neg" for c in verb.children) or not _names_a_party(verb, actors):
            continue  # 'he did not deny ...'
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if clause is None or not (_set_against(sent, verb) or _said_before(clause, sent)):
            continue
        asked = interrogative(clause, actors)
        if asked:
            return asked
    return None


def _claimed(sent: Span, actors: ActorIndex, quoted: set[int]) -> str | None:
    """'But the League claimed the new act had been broken' -> 'Has the new act been broken?': a
    side's claim, which the words a reporter chose leave for the reader to weigh."""
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon().claim_verbs or verb.i in quoted:
            continue
        if any(c.dep_ == "neg" for c in verb.children) or not _names_a_party(verb, actors):
            continue
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
        if clause is None and _trailing_attribution(verb):
            clause = verb.head  # 'The rebels held the port, the army claimed', parsed as a clause of its own
        if clause is None or _of_the_claimant(verb, clause, actors) or not _plain_claim(verb, clause):
            continue
        asked = interrogative(clause, actors)
        if asked:
            return asked
    return None


def _plain_claim(verb: Token, clause: Token) -> bool:
    """A claim made ('X claimed', 'X has claimed', 'X claims'), not one supposed ('will claim', 'for the
    minister to claim'), of a plain affirmative clause that lies whole before or after the verb."""
    if verb.tag_ == "VB" or verb.dep_ in ("xcomp", "pcomp") or any(c.tag_ == "MD" for c in verb.children):
        return False
    if verb.dep_ == "advcl" and not _trailing_attribution(verb):
        return False
    claiming = set() if clause.head == verb else {t.i for t in verb.subtree}  # the trailing 'X claimed'
    told = [t for t in clause.subtree if t.i not in claiming]
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    said_of = list(subject.children) if subject is not None else []
    if any(c.dep_ == "neg" for c in clause.children) or any(c.lower_ in ("no", "neither") for c in said_of):
        return False  # 'claimed that no hunt had broken the levy'
    return not told[0].i < verb.i < told[-1].i


def _trailing_attribution(verb: Token) -> bool:
    """'The rebels held the port, the army claimed', which the parser hangs on the claim's clause."""
    return (
        verb.dep_ in ("advcl", "parataxis")
        and verb.i > verb.head.i
        and verb.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in ("mark", "advmod") for c in verb.children)
    )


def _of_the_claimant(verb: Token, clause: Token, actors: ActorIndex) -> bool:
    """'Parry claims he will be in no mood to listen': what a side claims of itself is its stance."""
    said_of = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    claimant = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if said_of is None or claimant is None:
        return False
    who, claimer = actors.resolve(said_of), actors.resolve(claimant)
    if who is not None:
        return who == claimer
    # an unresolved 'he' or 'we' after a speaker is the speaker ('Parry claims he will ...')
    return said_of.pos_ == "PRON" and said_of.lower_ not in ("it", "this", "that", "they")


def _set_against(sent: Span, verb: Token) -> bool:
    """'But X denied ...', 'X, however, denied ...': the denial answers something said before it."""
    first = next((t for t in sent if not t.is_punct), None)
    if first is not None and first.lower_ in ("but", "however", "yet"):
        return True
    return any(c.lower_ == "however" for c in verb.children)


def _said_before(clause: Token, sent: Span) -> bool:
    """An earlier sentence of the article says what the clause denies: a speech verb and two of
    its content words."""
    return any(len(shared) >= 2 for _, _, shared in _claims_before(clause, sent))


def _claims_before(clause: Token, sent: Span) -> Iterator[tuple[int, Span, set[str]]]:
    """The article's earlier sentences that report words, nearest first, with how many sentences
    back they are and the content words they share with the clause."""
    lex = lexicon()
    denied = _content_lemmas(clause.subtree)
    earlier = [s for s in sent.doc.sents if s.start < sent.start]
    for back, before in enumerate(reversed(earlier), 1):
        if any(t.lemma_.lower() in lex.speech_verbs | {"allege", "report"} for t in before):
            yield back, before, denied & _content_lemmas(before)


def denied_claim(sent: Span) -> Span | None:
    """The sentence that says what this sentence's denial denies: the nearest of the three before it
    that reports words sharing one of the denied clause's content words."""
    for verb in sent:
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if clause is None or verb.lemma_.lower() not in lexicon().denial_verbs:
            continue
        return next((before for back, before, shared in _claims_before(clause, sent) if back <= 3 and shared), None)
    return None


def _content_lemmas(tokens) -> set[str]:
    return {t.lemma_.lower() for t in tokens if t.pos_ in ("NOUN", "VERB", "ADJ", "PROPN") and not t.is_stop}


def _room_for(sent: Span) -> str | None:
    """'there was room for further negotiations' -> 'Will there be further negotiations?'"""
    for token in sent:
        if token.lower_ == "room" and token.i + 1 < sent.end and token.nbor().lower_ == "for":
            what = next((subtree_text(c) for c in token.nbor().children if c.dep_ == "pobj"), "")
            if what:
                return f"Will there be {what}?"
    return None


def _open_matter(sent: Span, actors: ActorIndex) -> str | None:
    shapes = {shape for shape, _ in cue_spans(sent, "open_matter_cues")}
    for shape, ask in (
        ("timing", lambda: _when(sent, actors)),
        ("resolution", lambda: _resolved(sent)),
        ("prospect", lambda: _prospect(sent, actors)),
        ("contested", lambda: _at_odds(sent, actors)),
    ):
        question = ask() if shape in shapes else None
        if question:
            return question
    return None


def _ask(sent: Span, actors: ActorIndex, quoted: set[int]) -> tuple[str, str] | None:
    """The question a sentence leaves open and its cue, trying the most trusted kinds first. Each
    finder runs only where its cue word is in the sentence: most sentences leave nothing open."""
    lex = lexicon()
    words = {t.lower_ for t in sent}
    lemmas = {t.lemma_.lower() for t in sent}
    lowered = " " + sent.text.lower() + " "
    for cue, present, asked in (
        ("explicit", "?" in lowered or "question" in lowered, lambda: asked_in_text(sent)),
        ("uncertain", True, lambda: _uncertain(sent, actors)),
        ("uncertain", bool(words & {"confirmed", "verified", "unverified"}), lambda: _unverified_earlier(sent, actors)),
        ("uncertain", bool(lemmas & lex.questioning_verbs), lambda: _questioned(sent, actors)),
        ("uncertain", bool(words & lex.uncertainty_cues), lambda: unclear_thing(sent)),
        ("uncertain", "have" in words and bool(words & HEDGES), lambda: _hedged_past(sent, actors, quoted)),
        ("pending", bool(lemmas & lex.deciding_verbs), lambda: _to_be_decided(sent, actors)),
        ("pending", "options" in words, lambda: _weighing_options(sent, actors)),
        ("pending", "consider" in lemmas, lambda: _considering(sent, actors)),
        ("pending", "pressure" in words, lambda: _under_pressure(sent, actors)),
        ("pending", bool(words & {"should", "must"}), lambda: _should_be_done(sent, actors, quoted)),
        ("pending", "yet" in words, lambda: _pending(sent, actors)),
        ("pending", "no" in words, lambda: not_done_yet(sent)),
        ("pending", "next" in words, lambda: _named_next(sent, actors)),
        ("pending", "process" in words, lambda: _in_the_process(sent, actors, quoted)),
        ("pending", bool(lemmas & lex.commitment_verbs), lambda: _announced(sent, actors, quoted)),
        ("pending", "seeking" in words or "seek" in words, lambda: _sought_at_law(sent, actors, quoted)),
        ("pending", bool(lemmas & {"need", "have", "require"}), lambda: _still_needed(sent, actors, quoted)),
        (
            "pending",
            bool(lemmas & (lex.legal_move_verbs | lex.legal_move_nouns | {"action"})),
            lambda: _legal_move(sent, actors, quoted),
        ),
        ("pending", bool(lemmas & lex.demand_verbs), lambda: demanded(sent, actors)),
        ("timing", has_cue(sent, "open_matter_cues"), lambda: _open_matter(sent, actors)),
        ("contested", "but" in words, lambda: _opposed_plan(sent, actors)),
        ("contested", bool(lemmas & lex.contention_nouns), lambda: _contention(sent, actors)),
        ("contested", bool(lemmas & lex.denial_verbs), lambda: _denied(sent, actors)),
        ("contested", bool(lemmas & lex.claim_verbs), lambda: _claimed(sent, actors, quoted)),
        ("uncertain", "no" in words and bool(lemmas & lex.sign_nouns), lambda: _no_sign_yet(sent, actors)),
        ("pending", "room" in words, lambda: _room_for(sent)),
        ("forecast", bool(lemmas & lex.forecast_verbs), lambda: _forecast(sent, actors, quoted)),
        ("pending", bool(lemmas & lex.difficulty_verbs), lambda: _challenge(sent, actors)),
        (
            "hearsay",
            bool(words & lex.hearsay_adverbs or lemmas & (lex.hearsay_verbs | lex.hearsay_nouns)),
            lambda: hearsay_question(sent, actors),
        ),
        ("condition", bool(words & {"unless", "if"}), lambda: _conditioned(sent, actors, quoted)),
        (
            "possibility",
            bool(words & (lex.possibility_modals | {"can", "ca", "must"})),
            lambda: _possible(sent, actors, quoted),
        ),
    ):
        question = _balanced(_spelled_out(asked())) if present else None
        if question and not any(loose.search(question) for loose in LOOSE):
            return cue, question
    return None


# 'Will ID cards help them foil a plot?': a question that needs its sentence to be understood
LOOSE_PRONOUN = re.compile(r"\b(?:him|them|it)\b", re.I)
# 'Will a deal be offered in that meeting?': which meeting only the article's sentence before says
LOOSE_DEMONSTRATIVE = re.compile(
    r"\b(?:in|at|on|of|from|by|to|with|for|after|before|during) (?:that|those) "
    r"(?!year|week|month|day|morning|afternoon|evening|night|weekend|time)\w+",
    re.I,
)


# 'Is this put option still valid?': what 'this' is only the sentence before says
LOOSE_SUBJECT = re.compile(
    r"^(?:(?:how|what|when|where|which|who|why) )?\w+ (?:this|that|these|those|it)\b(?! \w+ \w+ (?:of|in)\b)", re.I
)
# 'Will Bellamy attend a meeting in my office?': whose office only the quotation's speaker says
LOOSE_PERSON = re.compile(r"\b(?:my|our|your|me|us|we|I)\b")
# 'Was any such meeting relevant?': which meeting only the sentence before says
LOOSE_SUCH = re.compile(r"\bsuch\b(?! as\b)", re.I)
# 'Where are the arms and?', 'Whose are whose side they on?', 'Were the regime to collapse?': the
# clause was cut or turned around, and the question does not read
CUT_SHORT = re.compile(
    r"\b(?:and|or|but|the|a|an)\?$"
    r"|^(who|whose|what|which|where|when|why|how) (?:\w+ )?\1\b"
    r"|^(?:Were|Was) (?:the )?\w+ to \w+\?$"
    r"|^(?:who|what|which|where|when|why|how) to\b",  # 'Who to trust - ...?'
    re.I,
)
# 'What will their role be?', 'How will the coverage be then?', 'What had happened?': a word that leans
# on the text around it, or nothing named to ask about
LEANING = re.compile(
    r"^\w+ (?:\w+ )?(?:their|his|her|its)\b|\bthen\?$|^(?:Who|What|Which|Where|When|Why|How) \w+ [a-z]\w*\?$"
)
LOOSE = (LOOSE_PRONOUN, LOOSE_DEMONSTRATIVE, LOOSE_SUBJECT, LOOSE_PERSON, LOOSE_SUCH, CUT_SHORT, LEANING)


def _spelled_out(question: str | None) -> str | None:
    """'Why was Obama n't condemning Mubarak?' -> '... was Obama not condemning ...': a contraction
    the words were split at, written out."""
    if question is None:
        return None
    question = re.sub(r"\bca n't\b", "cannot", question)
    question = re.sub(r"\bwo n't\b", "will not", question)
    return re.sub(r" n't\b", " not", question)


def _balanced(question: str | None) -> str | None:
    """Without a quotation mark or a bracket left open by the words cut from its sentence ('... the police "?')."""
    if question is None or question.count("(") != question.count(")"):
        return None  # 'Will the legal action halt a $6.75bn (£3.6bn?': the parse cut the phrase short
    question = re.sub(r"\s*\(\s*\)", "", question)  # 'mobiles () with': what the brackets held was cut
    if re.search(r"[^\Ws]['’]\?$", question) and not re.search(r"(?<!\w)['‘](?=\w)", question):
        question = question[:-2] + "?"  # "Will the referendum cost £80m'?": its opening mark was cut, not "parents'?"
    if question.count('"') % 2:
        question = re.sub(r'\s*"(?=[^"]*$)', "", question, count=1) if question.rstrip("?").endswith('"') else None
    if question is not None and len(re.findall(r"(?<!\w)['‘](?=\w)", question)) > len(
        re.findall(r"\w['’](?!\w)", question)
    ):
        return None  # "Is this 'put still valid?": the closing mark was in the words left out
    return question


# 'in the 1975 referendum', 'at the 2002 World Cup': an occasion of a year the question places its matter at
PLACED_IN_A_YEAR = re.compile(r"\b(?:in|during|at)\s+the\s+\d{4}\s+(?=[A-Za-z])")


def _ahead_of_the_past(question: str, written: str | None) -> bool:
    """'Will the UK stay in the Common Market in the 1975 referendum?', asked in 2005: a matter of a
    year gone by, put as one still ahead."""
    if not written or not re.match(r"(?:\w+ )?will\b", question, re.I) or not PLACED_IN_A_YEAR.search(question):
        return False
    return all(int(year) < int(written[:4]) for year in re.findall(r"\b(?:1\d|20)\d\d\b", question))


def extract_questions(parsed: Parsed) -> list[OpenQuestion]:
    found: list[tuple[int, int, OpenQuestion]] = []
    actors = parsed.actors
    for number, sent in parsed.numbered():
        asked = _ask(sent, actors, sent._.quoted)
        if asked is None:
            continue
        cue, question = asked
        if _ahead_of_the_past(question, parsed.date):
            continue
        claim = None  # the earlier sentence whose claim this one denies or leaves unverified
        if cue == "contested":
            claim = denied_claim(sent)
        elif cue == "uncertain" and (unverified := unverified_claim(sent)) is not None:
            claim = unverified.sent
        told = [n for n, s in parsed.numbered() if claim is not None and s.start == claim.start]
        item = OpenQuestion(
            id=stable_id("q", parsed.doc_id, str(number), question),
            question=question,
            kind=cue if cue in ("explicit", "contested") else "unresolved",
            actors=actors.in_span(sent),
            sources=[parsed.source(n) for n in (*told, number)],
            cue=cue,
        )
        found.append((QUESTION_CUE_RANK[cue], number, item))
    kept = sorted(found, key=lambda f: f[:2])[:MAX_PER_DOCUMENT]
    return [item for _, _, item in sorted(kept, key=lambda f: f[1])]
