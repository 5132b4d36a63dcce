"""Who a mention stands for: names, roles ("the minister") and pronouns resolved to the document's actors."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..findings import Actor
from ..lexicon import lexicon
from ..merge_actors import initials_forms
from ..time.tense import start_of_sentences_before
from .names import is_news_outlet, one_national

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
OTHER_PRONOUNS = {"it", "its", "they", "them", "their", "itself", "themselves"}
PLURAL_PRONOUNS = {"they", "them", "their", "themselves"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m"}
PRONOUN_GENDER |= {"she": "f", "her": "f", "hers": "f", "herself": "f"}
THIRD_PERSON_SINGULAR = {"he", "she", "him", "her", "his", "hers"}  # in a quotation, never its speaker


REACH = 400  # tokens back a pronoun looks for what it stands for...
SPEAKER_REACH = 1200  # ...and 'he said' after a quotation for its speaker, past a digression


@dataclass
class ActorIndex:
    """The document's actors and which tokens mention them."""

    actors: dict[str, Actor] = field(default_factory=dict)
    token_actor: dict[int, str] = field(default_factory=dict)
    role_words: dict[str, str] = field(default_factory=dict)  # "foreign minister" -> actor id
    public: set[str] = field(default_factory=set)  # members of the public quoted by name and age
    gender: dict[str, str] = field(default_factory=dict)  # a person's, from an honorific or a pronoun met before
    quoted: frozenset[int] = frozenset()  # the tokens inside quotation marks

    def display(self, actor_id: str) -> str:
        """The actor's name as it reads inside a sentence: 'the United States', 'Turkey'."""
        actor = self.actors[actor_id]
        words = set(lexicon().article_country_words)
        if actor.kind == "country" and words & set(actor.name.split()):
            return f"the {actor.name}"
        first, *rest = actor.name.split(maxsplit=2)
        if actor.kind == "organization" and rest and rest[0] == "of":  # 'the Department of Trade and Industry'
            return f"the {actor.name}"
        if actor.kind == "organization" and rest and actor.name.split()[-1].lower() in lexicon().article_org_heads:
            return f"the {actor.name}"  # 'Will the Football Association punish ...?'
        return actor.name

    def in_span(self, span: Span) -> list[str]:
        found: list[str] = []
        for token in span:
            actor_id = self.token_actor.get(token.i)
            if actor_id and actor_id not in found:
                found.append(actor_id)
        return found

    def resolve(self, token: Token) -> str | None:
        """The actor a subject token stands for: a name, a role ("the minister") or a pronoun."""
        if token.i in self.token_actor:
            return self.token_actor[token.i]
        for child in token.children:  # 'the health secretary, José Angel Córdova, said'
            if child.dep_ == "appos" and child.i in self.token_actor:
                return self.token_actor[child.i]
        if token.lower_ == "one":  # 'One of the jilted bidders, Netherlands-based group LNM, said'
            appositions = [t for t in token.subtree if t.dep_ == "appos" and t.i in self.token_actor]
            if len(appositions) == 1:
                return self.token_actor[appositions[0].i]
        if token.lower_ in lexicon().titles:  # 'the mayor of Mexico City, Marcelo Ebrard, said'
            for inner in token.subtree:
                actor_id = self.token_actor.get(inner.i)
                if inner.dep_ == "appos" and actor_id and self.actors[actor_id].kind == "person":
                    return actor_id
        if token.lemma_.lower() in lexicon().family_nouns:
            return None  # 'the Agnelli family', 'Smith's family': the family, not one of its members
        lex = lexicon()
        speaks_for = token.lemma_.lower() in lex.person_group_words | lex.voice_nouns or token.lower_ in lex.agent_nouns
        for child in token.children:
            if child.i in self.token_actor and child.dep_ in ("compound", "poss", "nmod", "amod"):
                if speaks_for or token.pos_ == "PROPN":
                    return self._governed(self.token_actor[child.i], token)
            if speaks_for and child.dep_ == "compound" and child.text.isupper() and 2 <= len(child.text) <= 6:
                spelled = self._spelled_out(child.text)  # 'an FA statement' after 'the Football Association'
                if spelled is not None:
                    return spelled
            if speaks_for and child.dep_ == "prep" and child.lower_ in ("for", "of", "from"):
                for pobj in child.children:
                    if pobj.i in self.token_actor:
                        return self.token_actor[pobj.i]
        for child in token.children:  # 'his backers, including JP Morgan, said': the named member speaks
            if child.dep_ == "prep" and child.lower_ == "including":
                named = [self.token_actor.get(p.i) for p in child.children if p.dep_ == "pobj"]
                if named and named[0]:
                    return named[0]
        if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children):
            return None  # 'the country's health secretary, José Córdova,': a name, if untagged, not the role's holder
        phrase = " ".join(t.lower_ for t in token.subtree if t.dep_ != "det" and not t.is_punct)
        if phrase in self.role_words:
            return self.role_words[phrase]
        speaking = token.dep_ == "nsubj" and token.head.lemma_.lower() in lex.speech_verbs | lex.stance_verbs
        if speaking and phrase in lex.generic_body_nouns and any(c.lower_ == "the" for c in token.children):
            return self._one_body_in_view(token)  # 'the group says', not 'the union will be blessed
        lower = token.lower_
        if lower in ("they", "it") and token.dep_ in ("nsubj", "nsubjpass"):
            speaker = self._reporting_subject(token)
            if speaker is not None:
                return speaker
            if self._said_by_unknown_name(token):
                return None  # 'Sociedad say they will pay Rangers': they are Sociedad, whom the text does not list
        if lower == "it" and anticipatory_it(token):
            return None  # 'it remains to be seen if ...', 'it appeared that ...': no one
        if lower in PERSON_PRONOUNS or lower in OTHER_PRONOUNS:
            return self._antecedent(token, person=lower in PERSON_PRONOUNS)
        if one_national(token) or _of_an_age(token):  # 'The Brazilian confirmed', 'added the 30-year-old'
            return self._antecedent(token, person=True)
        if _by_role(token):  # 'the defender told The Guardian'
            described = self._antecedent(token, person=True)
            roles = self.actors[described].roles if described else []
            # 'Mayor Ken Livingstone visited. The driver said ...': the driver is someone else
            return described if not roles or any(token.lemma_.lower() in r.lower() for r in roles) else None
        return None

    def _quoting(self, pronoun: Token) -> str | None:
        """'His lawyer, Antony Townsden, said: "... he was the group's co-leader ..."': who says the
        quotation a 'he' or 'she' stands in. Speaking of themselves, they would say 'I'."""
        if pronoun.i not in self.quoted or pronoun.lower_ not in THIRD_PERSON_SINGULAR:
            return None
        opening = pronoun.i
        while opening - 1 in self.quoted:
            opening -= 1
        before = pronoun.doc[opening - 2] if opening >= 2 else None  # the word before the quotation mark
        if before is not None and before.sent.start == pronoun.sent.start and before.is_alpha:
            return None  # 'Ms Kelly said she "would not trust him ..."': her own words, reported
        speech = lexicon().speech_verbs
        for verb in pronoun.sent:
            if verb.i in self.quoted or verb.lemma_.lower() not in speech:
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in PERSON_PRONOUNS | OTHER_PRONOUNS:
                return self.resolve(subject)
        return None

    def _governed(self, actor_id: str, noun: Token) -> str:
        """'The Obama administration', 'Gadhafi's government': the country of a leader the text names as
        its own ('U.S. President Barack Obama'); otherwise the person's ('his campaign')."""
        actor = self.actors[actor_id]
        if actor.kind != "person" or not actor.affiliation or noun.lemma_.lower() not in lexicon().governing_words:
            return actor_id
        country = self.named(actor.affiliation)
        return country if country is not None and self.actors[country].kind == "country" else actor_id

    def body_meant(self, noun: Token) -> str | None:
        """'The company plans to buy back shares', said after 'Infosys has posted record profits': a bare
        'the company', 'the club', 'the group' is the one body named just before it, whatever the verb,
        when that body is the only one the article names twice or more."""
        lex = lexicon()
        if noun.pos_ != "NOUN" or noun.lower_ not in lex.generic_body_nouns:
            return None
        if [c.lower_ for c in noun.children] != ["the"]:
            return None  # 'the new company', 'the company's shares', 'the company Infosys': not bare
        body = self._one_body_in_view(noun)
        # the body just named must be the one the article is about: 'said the president of the Indian
        # Merchants Chamber. The company plans ...' is Reliance, named more often
        bodies = sorted(
            (a for a in self.actors.values() if a.kind == "organization" and not is_news_outlet(a.name)),
            key=lambda a: -a.mentions,
        )
        if not bodies or bodies[0].mentions < 2 or len(bodies) > 1 and bodies[1].mentions >= 2:
            return None  # 'Shell sells to Seplat ... the company will pay': two bodies the article is about
        return body if body is not None and body == bodies[0].id else None

    def _one_body_in_view(self, token: Token) -> str | None:
        """'The Countryside Alliance is furious. But the group says ...': 'the group', 'the company' is
        the one body named in this sentence so far and the two before (with two, it could be either; a
        country named beside it is never 'the company')."""
        start = start_of_sentences_before(token, 2)  # a body further back is not 'the company'
        in_view = {self.token_actor[i] for i in range(start, token.i) if i in self.token_actor}
        bodies = {a for a in in_view if self.actors[a].kind in ("organization", "group")}
        named = {a for a in bodies if self.actors[a].kind == "organization"}
        return named.pop() if len(named) == 1 and bodies == named else None

    def _reporting(self, mention: Token, actor_id: str) -> bool:
        """A news outlet named as the one who reports: 'the BBC's Jonathan Head', 'told the BBC', 'said to
        Reuters', 'the BBC has learned' (not a company that 'reported a loss')."""
        if not is_news_outlet(self.actors[actor_id].name):
            return False
        head, lex = mention.head, lexicon()
        if mention.dep_ == "poss":
            return head.ent_type_ == "PERSON" or head.lemma_.lower() in lex.reporter_roles
        if mention.dep_ in ("dobj", "dative") or mention.dep_ == "pobj" and head.lower_ == "to":
            verb = head if mention.dep_ != "pobj" else head.head
            return verb.lemma_.lower() in lex.speech_verbs
        telling = head.lemma_.lower() in lex.reporting_verbs | lex.newsroom_verbs
        return mention.dep_ == "nsubj" and telling and any(c.dep_ == "ccomp" for c in head.children)

    def _fits(self, actor_id: str, pronoun: Token, person: bool, gender: str | None) -> bool:
        """Whether the pronoun can stand for the actor: 'he' or 'she' for a person, 'it' or 'they' for
        a body; a country is 'it', not 'they'; 'she' said earlier of Susan Rice, 'he' is someone else."""
        kind = self.actors[actor_id].kind
        if (kind == "person") != person or (kind == "country" and pronoun.lower_ in PLURAL_PRONOUNS):
            return False
        return not gender or self.gender.get(actor_id, gender) == gender

    def _previous_subject(self, token: Token, person: bool, gender: str | None) -> str | None:
        """A sentence that opens with 'It' or 'He' goes on about the last sentence's subject: 'The EFF ...
        has asked the court to stop Apple pursuing the sources. It argues ...' is the EFF arguing."""
        sent = token.sent
        if token.dep_ not in ("nsubj", "nsubjpass") or token.i != sent.start or sent.start == 0:
            return None
        previous = token.doc[sent.start - 1].sent
        subject = _noun_subject(previous.root)
        if subject is None:
            return None
        if subject.i in self.quoted and previous.root.lemma_.lower() not in lexicon().speech_verbs:
            return None  # '"Brian and Seamus are fortunate." He said ...': the quotation's speaker, not its subject
        actor_id = self._fitting(subject, token, person, gender)
        if actor_id is None:
            return None
        if token.lower_ in PLURAL_PRONOUNS and any(plural_party(t) for t in previous if t.i > subject.i):
            return None  # '..., prompting unions to threaten action. They believe ...': the unions
        return actor_id

    def _first_conjuncts_subject(self, token: Token, person: bool, gender: str | None) -> str | None:
        """'Ferguson admitted that Van Nistelrooy's tackle could have injured Cole, but he believes ...': the
        subject of a clause joined to another by 'and' or 'but' goes on about that clause's subject. 'It' or
        'they' may also stand for a thing named between ('... that earlier statements may have been wrong
        but they were not dishonest'), so for them no other subject may come between."""
        verb = token.head
        if token.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
            return None
        subject = _noun_subject(verb.head)
        if subject is None:
            return None
        between = token.doc[subject.i + 1 : token.i]
        if not person and any(t.dep_ in ("nsubj", "nsubjpass") for t in between):
            return None
        return self._fitting(subject, token, person, gender)

    def _fitting(self, subject: Token, pronoun: Token, person: bool, gender: str | None) -> str | None:
        """The actor a named subject stands for, if the pronoun can stand for it too."""
        actor_id = self.resolve(subject)
        return actor_id if actor_id is not None and self._fits(actor_id, pronoun, person, gender) else None

    def _speakers_client(self, token: Token, person: bool, gender: str | None) -> str | None:
        """'Global Sports Communications, Chepkemei's management company, said she had wanted to run':
        a body that speaks for a person it names is speaking of that person."""
        clause, verb = token.head, token.head.head
        if not person or clause.dep_ != "ccomp" or verb.lemma_.lower() not in lexicon().speech_verbs:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            return None
        speaker = self.token_actor.get(subject.i)
        if speaker is None or self.actors[speaker].kind == "person":
            return None
        named = [
            self.token_actor[t.i]
            for t in subject.subtree
            if t.dep_ == "poss" and t.i in self.token_actor and self.actors[self.token_actor[t.i]].kind == "person"
        ]
        if len(set(named)) != 1 or (gender and self.gender.get(named[0], gender) != gender):
            return None
        return named[0]

    @staticmethod
    def describes(token: Token) -> bool:
        """A name that only describes a noun ('the US tycoon'), unless the noun speaks for it ('US officials')."""
        head = token.head
        if token.dep_ not in ("compound", "amod") or head.pos_ != "NOUN":
            return False
        lex = lexicon()
        return head.lower_ not in lex.agent_nouns and head.lemma_.lower() not in lex.person_group_words

    def _reporting_subject(self, pronoun: Token) -> str | None:
        """'the backers have said they won't back a bid': 'they' in the reported clause is the one who
        says it, when that one is a body (a person is 'he' or 'she')."""
        clause = pronoun.head
        verb = clause.head
        if clause.dep_ != "ccomp" or verb.lemma_.lower() not in lexicon().speech_verbs:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ in ("advcl", "acl") and verb.tag_ == "VBG":
            # 'Notebaert sent a letter saying that it plans ...': the participle's speaker is the sender
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in PERSON_PRONOUNS | OTHER_PRONOUNS:
            return None
        actor_id = self.resolve(subject)
        if actor_id is None:
            return None
        speaker = self.actors[actor_id]
        if speaker.kind != "person":
            return actor_id
        # a company's chairman saying 'it plans to bid' speaks of the company
        return self.named(speaker.affiliation) if pronoun.lower_ == "it" and speaker.affiliation else None

    def _said_by_unknown_name(self, pronoun: Token) -> bool:
        """'it' in a clause said by a name that is no actor, or 'they' said by one that takes a plural
        verb ('Sociedad say they will pay'): the pronoun is most likely that name's. After 'Ancelotti
        said', 'they' is still his club."""
        clause, lex = pronoun.head, lexicon()
        verb = clause.head
        if clause.dep_ != "ccomp" or verb.lemma_.lower() not in lex.speech_verbs:
            return False
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ != "PROPN" or self.resolve(subject) is not None:
            return False
        plural = verb.tag_ == "VBP" or any(c.dep_ == "aux" and c.tag_ == "VBP" for c in verb.children)
        return pronoun.lower_ == "it" or plural

    def _spelled_out(self, acronym: str) -> str | None:
        """The one body of the document whose initials the untagged acronym spells."""
        owners = [a.id for a in self.actors.values() if a.kind != "person" and acronym in initials_forms(a.name)]
        return owners[0] if len(owners) == 1 else None

    def named(self, name: str) -> str | None:
        return next((a.id for a in self.actors.values() if a.kind != "person" and name in a.aliases), None)

    def _unnamed_one_of(self, noun: Token, gender: str) -> bool:
        """'a woman', 'the man', 'her mother': one person the text does not name ('his son, Saif,' is named),
        of the pronoun's gender."""
        return (
            noun.pos_ == "NOUN"
            and noun.tag_ == "NN"
            and lexicon().unnamed_person_genders.get(noun.lower_) == gender
            and noun.i not in self.quoted
            and not any(c.i in self.token_actor for c in noun.children if c.dep_ in ("appos", "compound"))
            # 'Nick Clegg, a father of three who lives in Putney, said he ...': the noun describes one named
            and not (noun.dep_ == "appos" and noun.head.i in self.token_actor)
            # brought in as someone new ('a woman', 'one man', 'another woman ... the Syrian woman'), not 'this
            # man' or 'the prodigal son' pointing back to one named, nor a likeness ('like a man who defected')
            and (_brought_in(noun) or any(_brought_in(t) for t in noun.doc[: noun.i] if t.lower_ == noun.lower_))
            and not (noun.dep_ == "pobj" and noun.head.lower_ in ("like", "as"))
            and noun.dep_ != "attr"
            # who speaks: 'one woman described how ...', 'a woman from Benghazi, who urged ...' (not 'Brown met a
            # man who lost his job. "We will not let them down," he said', nor 'A man was arrested')
            and (_speaks(noun) or any(_by_whom(t) and _speaks(t) for t in noun.subtree))
        )

    def _under_an_unnamed_person(self, pronoun: Token) -> bool:
        """'Bahrain's justice minister has resigned to protest what he calls ...': 'he' in a clause under
        a verb whose subject is an office or a person brought in unnamed is that one, not the last man
        named."""
        lex = lexicon()
        roles = lex.titles | lex.agent_nouns | lex.person_nouns
        head = pronoun.head
        for _ in range(6):
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != pronoun.i), None)
            if subject is not None:
                if subject.pos_ != "NOUN" or subject.lemma_.lower() not in roles:
                    return False  # the nearest subject above is a name or a pronoun: the usual rules
                # brought in as someone new ('a spokesman', "Bahrain's justice minister"); 'the Tory leader'
                # points back to one named
                new = any(
                    c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another"))
                    for c in subject.children
                )
                holder = self.resolve(subject)
                return new and (holder is None or self.actors[holder].kind != "person")
            if head.head.i == head.i:
                return False
            head = head.head
        return False

    def _antecedent(self, token: Token, person: bool) -> str | None:
        doc = token.doc
        fallback = None
        gender = PRONOUN_GENDER.get(token.lower_)
        plural = token.lower_ in PLURAL_PRONOUNS
        quoting = self._quoting(token)
        if gender and self._under_an_unnamed_person(token):
            return None
        topic = (
            self._first_conjuncts_subject(token, person, gender)
            or self._previous_subject(token, person, gender)
            or self._speakers_client(token, person, gender)
        )
        if topic is not None and topic != quoting:
            return topic
        # '"... the departure of Bashar Assad," he said': who speaks is not whom the quotation names
        speaking = token.dep_ == "nsubj" and token.head.lemma_.lower() in lexicon().speech_verbs
        speaking = speaking and token.i not in self.quoted
        for i in range(token.i - 1, max(-1, token.i - (SPEAKER_REACH if speaking else REACH)), -1):
            actor_id = self.token_actor.get(i)
            if speaking and (i in self.quoted or doc[i].dep_ in ("poss", "compound") and doc[i].head.pos_ == "NOUN"):
                continue  # 'the Assad government's account. "...," he told the BBC': not who speaks
            if not actor_id:
                if plural and plural_party(doc[i]):
                    return None  # 'unions ... They believe': the nearer unnamed ones are meant
                if gender and self._unnamed_one_of(doc[i], gender) and self.gender.get(fallback or "") != gender:
                    return None  # 'a woman from Benghazi, who urged Obama ... "Help us," she said': the woman
                if person and quoting is None and _unnamed_speaker(doc[i]):
                    # '"...," said a Juventus official. "...," he added': the official, for his club
                    return self.resolve(doc[i])
                continue
            if not self._fits(actor_id, token, person, gender) or actor_id == quoting:
                continue
            if self.describes(doc[i]):
                continue  # 'the US tycoon': a name describing a noun is not what a pronoun points back to
            if not person and self._reporting(doc[i], actor_id):
                continue  # 'reports the BBC's Jonathan Head. The government has promised that it will ...'
            if _in_the_question_put(doc[i], token):
                continue  # 'Asked if Mr Blunkett could return, he replied': the one asked is someone else
            if doc[i].dep_ in ("nsubj", "nsubjpass") or doc[i].head.dep_ in ("nsubj", "nsubjpass"):
                if gender and fallback and self.gender.get(fallback) == gender and actor_id not in self.gender:
                    break  # 'X, Chepkemei's company, said she ...': the one known to be 'she' before a stranger
                fallback = actor_id
                break
            fallback = fallback or actor_id
        if gender and fallback:
            self.gender.setdefault(fallback, gender)
        return fallback


def _noun_subject(verb: Token) -> Token | None:
    """The verb's subject when it is not a pronoun."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None if subject is None or subject.lower_ in PERSON_PRONOUNS | OTHER_PRONOUNS else subject


def _the_noun(token: Token) -> bool:
    return token.tag_ in ("NN", "JJ") and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _of_an_age(token: Token) -> bool:
    """'added the 30-year-old': a person named before, described by age."""
    if token.lower_ != "old" or token.i < 4 or token.doc[token.i - 2].lower_ != "year" or not _the_noun(token):
        return False
    return token.doc[token.i - 4].like_num


def _by_role(token: Token) -> bool:
    """'the defender told The Guardian': a person named before, described by what they do."""
    return (
        _the_noun(token)
        and token.lemma_.lower() in lexicon().person_descriptors
        and not any(c.dep_ in ("compound", "amod", "poss", "prep") for c in token.children)
    )


def _in_the_question_put(name: Token, pronoun: Token) -> bool:
    """A name inside 'asked if/whether/about ...' that opens the pronoun's own sentence."""
    return name.sent.start == pronoun.sent.start and any(
        a.lemma_ == "ask" and a.tag_ == "VBN" and a.dep_ in ("advcl", "ccomp") and a.i < pronoun.i
        for a in name.ancestors
    )


def plural_party(token: Token) -> bool:
    """'Five public sector unions will hold talks' or 'prompting unions representing 4.5m workers to
    threaten action': plural people named by a common noun, who a following 'they' may be."""
    if token.tag_ != "NNS" or token.ent_type_:
        return False
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True
    return token.dep_ == "dobj" and any(c.pos_ == "VERB" for c in token.children)


def anticipatory_it(it: Token) -> bool:
    """'It' standing in for a clause that comes later: 'it remains to be seen if the backing can be kept',
    'it appeared that the hunts kept to the rules', 'it is understood that ...', 'it is clear that ...'
    (not 'it is confident that ...' or 'it was not aware that ...', said of whatever 'it' stands for, nor
    'it had been told that ...')."""
    verb, lex = it.head, lexicon()
    if it.dep_ not in ("nsubj", "nsubjpass", "expl") or verb.i < it.i:
        return False
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if verb.lemma_.lower() not in (lex.impersonal_passives if passive else lex.anticipatory_verbs):
        return False
    hosts = [verb] + [
        c
        for c in verb.children
        if c.dep_ == "xcomp" or c.dep_ in ("acomp", "attr") and c.lemma_.lower() in lex.impersonal_adjectives
    ]
    hosts += [g for h in hosts[1:] for g in h.children if g.dep_ == "xcomp"]  # 'remains to be seen', 'safe to say'
    return any(
        c.dep_ in ("ccomp", "csubj", "advcl")
        and c.i > verb.i
        and any(m.dep_ == "mark" and m.lower_ in MARKS for m in c.children)
        for h in hosts
        for c in h.children
    )


MARKS = ("that", "if", "whether")


def _speaks(token: Token) -> bool:
    """The subject of a verb of speaking or telling, or that verb itself ('who urged ...')."""
    verb = token.head if token.dep_ == "nsubj" else token
    lex = lexicon()
    return (
        token.dep_ == "nsubj" or token.dep_ == "relcl"
    ) and verb.lemma_.lower() in lex.speech_verbs | lex.account_verbs


def _brought_in(noun: Token) -> bool:
    return any(c.lower_ in ("a", "an", "one", "another") for c in noun.children if c.dep_ in ("det", "nummod"))


def _by_whom(clause: Token) -> bool:
    """A relative clause about a person ('..., who urged Obama to help'), wherever the parser hung it."""
    return clause.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children)


def _unnamed_speaker(token: Token) -> bool:
    """'Our correspondent said ... , he added': a speaker the text does not name is who 'he' goes on."""
    verb = token.head
    if token.dep_ != "nsubj" or token.pos_ != "NOUN" or verb.lemma_.lower() not in lexicon().speech_verbs:
        return False
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return False  # 'time for the mayor to say sorry', 'what his advisers say it is worth': no one speaking
    lex = lexicon()
    return token.lemma_.lower() in lex.reporter_roles | lex.agent_nouns | lex.public_nouns | lex.titles
