"""Actors: named entities repaired, merged within a document, with roles and affiliations."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..findings import Actor, Source
from ..gazetteer import countries, fold, name_key, organizations
from ..ingest import slugify
from ..lexicon import lexicon
from .common import DESIGNATION
from .coref import ActorIndex

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC"}
CODE = re.compile(r"(?:[A-Z]+\d+){2,}[A-Z]*")  # codes such as H1N1 or H5N1 name things
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "prof", "professor"}


@dataclass
class _Candidate:
    key: str
    name: str
    kind: str
    tokens: range
    sentence: int
    alias: str
    role: str | None = None
    affiliation: str | None = None
    public: bool = False  # a member of the public, introduced by name and age


def _titled_person(ent: Span) -> Span:
    """'Chancellor Olaf Scholz' tagged ORG is a person after a title: keep the name as PERSON.
    So is 'the health commissioner, Androulla Vasiliou', a name in apposition to a title."""
    if ent.label_ not in ("ORG", "GPE", "NORP") or len(ent) < 2:
        return ent
    if _headed_role(ent) and all(t.is_title and t.pos_ == "PROPN" for t in ent):
        return Span(ent.doc, ent.start, ent.end, label="PERSON")
    titles = set(lexicon().titles) - set(lexicon().ambiguous_titles)
    i = ent.start
    while i < ent.end - 1 and ent.doc[i].lower_.rstrip(".") in titles:
        i += 1
    rest = ent.doc[i : ent.end]
    after_title = ent.start > 0 and ent.doc[ent.start - 1].lower_.rstrip(".") in titles
    if (
        (i == ent.start and not after_title)
        or not 1 <= len(rest) <= 3
        or not all(t.pos_ == "PROPN" and t.is_title for t in rest)
    ):
        return ent
    return Span(ent.doc, i, ent.end, label="PERSON")


def _widen_org(ent: Span) -> Span:
    """'Public and Commercial Services Union': take back the words before an 'and' the tagger dropped."""
    doc, start = ent.doc, ent.start
    if ent.label_ != "ORG" or start < 2 or doc[start - 1].lower_ not in ("and", "&"):
        return ent
    first = doc[start - 2]
    if first.is_title and not first.ent_type_ and not first.is_sent_start and first.pos_ in ("PROPN", "ADJ", "NOUN"):
        return Span(doc, start - 2, ent.end, label="ORG")
    return ent


def _is_thing(span: Span) -> bool:
    words = {t.lower_ for t in span}
    return bool(DESIGNATION.search(span.text)) or bool(words & set(lexicon().thing_words))


def _place_names(ents: list[Span]) -> set[str]:
    """Names the text shows to be places ('Barlinnie Prison' makes 'Barlinnie' a place too)."""
    places = set()
    for ent in ents:
        if ent.label_ == "FAC" or _is_facility(ent):
            name = _clean_name(ent)[0]
            places.add(fold(name))
            if ent[-1].lower_ in lexicon().facility_words and len(ent) > 1:
                places.add(fold(name.rsplit(" ", 1)[0]))
    return places


def _is_facility(ent: Span) -> bool:
    """'Barlinnie prison', 'the Mosul Dam', 'the Nile river': a place or a work, not an actor."""
    facilities = lexicon().facility_words
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if ent.label_ != "PERSON" and ent[-1].lower_ in facilities:  # 'Mike Lake' is a person
        return True
    return after is not None and after.lower_ in facilities and after.pos_ in ("NOUN", "PROPN")


def _clean_name(span: Span) -> tuple[str, range]:
    tokens = list(span)
    if any(t.text == "(" for t in tokens[1:]):  # 'World Health Organisation (WHO': the acronym is merged apart
        tokens = tokens[: next(i for i, t in enumerate(tokens) if i and t.text == "(")]
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].lower_.rstrip(".") in HONORIFICS):
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[0].tag_ == "NNS" and tokens[1].tag_ in ("NNP", "NNPS"):
        tokens = tokens[1:]  # 'Drugmakers Roche AG': a common noun the tagger took in
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct and tokens[-1].text not in ".)"):
        tokens = tokens[:-1]
    if not tokens:
        return "", range(0)
    text = span.doc[tokens[0].i : tokens[-1].i + 1].text
    return re.sub(r"\s+", " ", text), range(tokens[0].i, tokens[-1].i + 1)


def _title_phrase(doc: Doc, start: int) -> tuple[str | None, list[Span]]:
    """The title words right before a name (Turkish Foreign Minister, U.S Secretary of State)."""
    titles = set(lexicon().titles)
    modifiers = set(lexicon().title_modifiers) | {w for t in titles for w in t.split() if " " in t}
    i = start - 1
    has_title = False
    while i >= 0:
        token = doc[i]
        lower = token.lower_.rstrip(".")
        if lower in titles or any(part in titles for part in lower.split("-")):
            has_title = True
        elif lower in modifiers or token.ent_type_ in ("GPE", "NORP", "ORG") or token.tag_ == "POS" or lower == "of":
            pass
        else:
            break
        i -= 1
    first = i + 1
    while first < start and (doc[first].lower_ == "of" or doc[first].tag_ == "POS"):
        first += 1
    if not has_title or first >= start:
        return None, []
    phrase = doc[first:start]
    return phrase.text, [ent for ent in doc.ents if ent.start >= first and ent.end <= start]


def _appositive_role(doc: Doc, span: Span) -> str | None:
    titles = set(lexicon().titles)
    for child in span.root.children:
        if child.dep_ == "appos":
            words = [t for t in child.subtree if t.dep_ != "det" and not t.is_punct]
            if words and any(t.lower_ in titles for t in words) and len(words) <= 8:
                return doc[words[0].i : words[-1].i + 1].text
    return None


def _names_a_venue(ent: Span) -> bool:
    """'the Brussels summit', 'the Paris agreement': the capital says where, not who."""
    head, nouns = ent.root.head, lexicon().event_nouns
    return ent.root.dep_ == "compound" and (head.lower_ in nouns or head.lemma_.lower() in nouns)


def _join_compound_demonyms(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Greek Cypriot' (two demonyms, tagged apart or the second not at all) is one community, not Greece."""
    gaz = countries()

    def is_demonym(token: Token) -> bool:
        found = gaz.lookup(token.text) if token.text[:1].isupper() else None
        return found is not None and found[1] == "demonym"

    joined: list[Span] = []
    for ent in ents:
        previous = joined[-1] if joined else None
        if previous is not None and previous.label_ == ent.label_ == "NORP" and previous.end == ent.start:
            joined[-1] = Span(doc, previous.start, ent.end, label="NORP")
            continue
        if ent.label_ == "NORP" and ent.end < len(doc) and is_demonym(doc[ent.end]):
            ent = Span(doc, ent.start, ent.end + 1, label="NORP")
        joined.append(ent)
    return joined


def _entities(doc: Doc, skipped: set[int]) -> list[Span]:
    """The tagger's names, repaired; without those in credit lines and datelines."""
    ents = [
        ent
        for ent in doc.ents
        if ent.label_ in ACTOR_LABELS | {"PRODUCT"} and ent.start not in skipped and not _in_dateline(ent)
    ]
    return _join_compound_demonyms(doc, [_widen_org(_titled_person(ent)) for ent in ents])


def _titles_of_people(doc: Doc, ents: list[Span]) -> set[int]:
    """Tokens of one-word organisations inside a person's title ('acting WHO director general')."""
    inside: set[int] = set()
    modifiers = lexicon().titles | lexicon().title_modifiers
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        for title_ent in _title_phrase(doc, ent.start)[1]:
            if title_ent.label_ == "ORG" and len(title_ent) == 1 and title_ent.root.lower_ in modifiers:
                inside.update(range(title_ent.start, title_ent.end))
    return inside


def extract_actors(doc: Doc, sentences: list[Span], doc_id: str) -> ActorIndex:
    sentence_of = {token.i: number for number, sent in enumerate(sentences, 1) for token in sent}
    credits = {t.i for sent in sentences if is_credit_line(sent) for t in sent}
    ents = _entities(doc, credits)
    places = _place_names(list(doc.ents))
    person_names = [_clean_name(e)[0] for e in ents if e.label_ == "PERSON" and fold(_clean_name(e)[0]) not in places]
    surnames = _surnames(person_names)
    inside_titles = _titles_of_people(doc, ents)
    candidates: list[_Candidate] = []
    for ent in ents:
        if ent.start in inside_titles or ent.label_ == "PRODUCT" or ent.start not in sentence_of:
            continue
        name, tokens = _clean_name(ent)
        if fold(name) in places:
            continue  # 'Barlinnie' after 'Barlinnie Prison': the same place
        if name and re.search(r"[A-Za-z]", name):
            found = _classify(ent, name, tokens, sentence_of[ent.start], surnames, person_names)
            candidates += [found] if found else []
    candidates += _bare_surnames(doc, candidates, surnames, sentence_of, credits)
    candidates += _bare_org_heads(doc, candidates, sentence_of)
    _merge_acronyms(candidates, doc.text)
    return _build_index(candidates, doc, sentences, doc_id)


def _classify(
    ent: Span, name: str, tokens: range, sentence: int, surnames: dict[str, str], person_names: list[str]
) -> _Candidate | None:
    """What one name is: a person, a country, an organisation or group, or nothing that acts."""
    doc, label = ent.doc, ent.label_
    if any(CODE.fullmatch(word) for word in name.split()):
        return None  # 'H1N1' names a virus
    country = countries().lookup(name)
    if label == "PERSON" and country is None:
        role, title_ents = _title_phrase(doc, ent.start)
        role = role or _appositive_role(doc, ent) or _headed_role(ent)
        affiliation = None
        for title_ent in title_ents:
            found = countries().lookup(_clean_name(title_ent)[0])
            affiliation = affiliation or (found[0] if found else _clean_name(title_ent)[0])
        full = surnames.get(fold(name), name)
        public = role is None and _introduced_as_public(ent)
        return _Candidate(fold(full), full, "person", tokens, sentence, name, role, affiliation, public)
    if label in ("ORG", "GPE", "NORP", "LOC") and fold(name) in surnames and country is None:
        full = surnames[fold(name)]
        return _Candidate(fold(full), full, "person", tokens, sentence, name)
    if country is not None:
        if country[1] == "capital" and _names_a_venue(ent):
            return None
        return _Candidate(fold(country[0]), country[0], "country", tokens, sentence, name)
    if label in ("LOC", "FAC") or _is_thing(ent) or _is_facility(ent):
        return None  # places that are not countries are settings, not actors
    if label == "GPE" and not _acts(doc, tokens):
        return None  # a town is a setting; a 'place' that acts ('Gazprom did not bid') is a mistagged body
    words = name.split()
    if len(words) > 1 and words[-1].lower() in lexicon().person_group_words:
        owner = " ".join(words[:-1])
        if fold(owner) in surnames or owner in person_names:
            full = surnames.get(fold(owner), owner)
            return _Candidate(fold(full), full, "person", tokens, sentence, name)
    if name[0].islower():
        return None  # 'health ministry' is not a name
    if label == "NORP" and ent.root.dep_ in ("amod", "compound", "nmod"):
        return None  # "a Muslim country": a description, not a group acting
    kind = "group" if label == "NORP" else "organization"
    known = organizations().get(fold(name)) if kind == "organization" else None
    if known:
        return _Candidate(fold(known), known, kind, tokens, sentence, name)
    return _Candidate(name_key(name, kind), name, kind, tokens, sentence, name)


def is_credit_line(sent: Span) -> bool:
    """'(Reporting by A and B; Editing by C)': the people who wrote the article, not its actors."""
    text = sent.text.lower()
    return any(cue in text for cue in lexicon().credit_cues)


def _in_dateline(ent: Span) -> bool:
    """'GENEVA (Reuters) -': the agency that filed the story."""
    doc = ent.doc
    return (
        ent.start > 0
        and ent.end + 1 < len(doc)
        and doc[ent.start - 1].text == "("
        and doc[ent.end].text == ")"
        and doc[ent.end + 1].text in ("-", "–", "—", "--")
    )


def _introduced_as_public(ent: Span) -> bool:
    """How papers introduce a member of the public: 'Kathy Ivcich, 53, a real estate agent',
    'Alex Grinter, who left her beach vacation', 'Silvia Rodriguez, a teacher' (no title)."""
    doc, end = ent.doc, ent.end
    if end + 2 >= len(doc) or doc[end].text != ",":
        return False
    after = doc[end + 1]
    if after.like_num:
        return doc[end + 2].text in (",", ")")
    if after.lower_ in ("who", "whose"):
        return True
    if after.lower_ in ("a", "an"):
        words = {t.lower_ for t in doc[end + 2 : min(end + 8, len(doc))] if not t.is_punct}
        return not words & lexicon().titles
    return False


def _headed_role(ent: Span) -> str | None:
    """'the health secretary, Nicola Sturgeon': the title the name stands in apposition to."""
    head = ent.root.head
    if ent.root.dep_ != "appos" or head.lower_ not in lexicon().titles:
        return None
    words = [t for t in head.subtree if t.i < ent.start and t.dep_ != "det" and not t.is_punct]
    return ent.doc[words[0].i : words[-1].i + 1].text if words else None


def _surnames(person_names: list[str]) -> dict[str, str]:
    """Folded surname forms -> full name: 'Anna de Vries' gives 'de vries' and 'vries'.

    A surname two people share is left out: it cannot say which of them is meant.
    """
    owners: dict[str, set[str]] = {}
    for name in person_names:
        words = name.split()
        for start in range(1, len(words)):
            owners.setdefault(fold(" ".join(words[start:])), set()).add(name)
    full_names = {fold(n): n for n in person_names}
    table = {}
    for key, names in owners.items():
        longest = max(names, key=lambda n: (len(n), n))
        if all(fold(longest).endswith(fold(n)) or fold(n) == key for n in names):
            table[key] = longest
    for key, name in full_names.items():
        table.setdefault(key, name)
    return table


def _bare_surnames(
    doc: Doc, candidates: list[_Candidate], surnames: dict[str, str], sentence_of: dict, skipped: set[int]
) -> list:
    """Surnames of known people that the tagger missed ("Çavuşoğlu said")."""
    covered = {i for c in candidates for i in c.tokens} | skipped
    found = []
    for token in doc:
        if not token.is_title or token.i in covered or token.i not in sentence_of:
            continue
        if token.ent_type_ in ("DATE", "MONEY", "CARDINAL") or fold(token.text) not in surnames:
            continue
        full = surnames[fold(token.text)]
        found.append(
            _Candidate(fold(full), full, "person", range(token.i, token.i + 1), sentence_of[token.i], token.text)
        )
    return found


def _bare_org_heads(doc: Doc, candidates: list[_Candidate], sentence_of: dict) -> list[_Candidate]:
    """'the executive' or 'executive ministers' for the one organisation named '... Executive'."""
    heads: dict[str, set[str]] = {}
    names = {}
    for c in candidates:
        if c.kind == "organization" and " " in c.name and c.name.split()[-1][0].isupper():
            heads.setdefault(c.name.split()[-1].lower(), set()).add(c.key)
            names[c.key] = c.name
    unique = {head: keys.pop() for head, keys in heads.items() if len(keys) == 1}
    covered = {i for c in candidates for i in c.tokens}
    agents = set(lexicon().agent_nouns)
    found = []
    for token in doc:
        key = unique.get(token.lower_)
        if not key or token.i in covered or token.i not in sentence_of or token.ent_type_:
            continue
        definite = any(c.lower_ == "the" for c in token.children)
        describes_agent = token.dep_ in ("amod", "compound") and token.head.lemma_.lower() in agents
        if definite or describes_agent:
            found.append(
                _Candidate(
                    key, names[key], "organization", range(token.i, token.i + 1), sentence_of[token.i], token.text
                )
            )
    return found


def _merge_acronyms(candidates: list[_Candidate], text: str) -> None:
    """'North Atlantic Treaty Organization (NATO)' and initials make one organisation."""
    orgs = {c.key: c for c in candidates if c.kind == "organization"}
    long_for: dict[str, _Candidate] = {}
    for candidate in orgs.values():
        words = [w for w in candidate.name.split() if w[0].isupper() and w.lower() not in ("of", "and", "for", "the")]
        if len(words) > 1:
            long_for["".join(w[0] for w in words)] = candidate
        match = re.search(re.escape(candidate.name) + r"\s*\(([A-Z][A-Za-z&.]{1,9})\)", text)
        if match:
            long_for[match.group(1).replace(".", "")] = candidate
    for candidate in candidates:
        target = long_for.get(candidate.name.replace(".", ""))
        if candidate.kind == "organization" and target and target is not candidate:
            candidate.key, candidate.name = target.key, target.name


def _build_index(candidates: list[_Candidate], doc: Doc, sentences: list[Span], doc_id: str) -> ActorIndex:
    index = ActorIndex()
    by_key: dict[str, Actor] = {}
    acting: dict[str, set[int]] = {}
    for cand in candidates:
        actor = by_key.get(cand.key)
        if actor is None:
            actor = Actor(id=slugify(cand.name), name=cand.name, kind=cand.kind)
            by_key[cand.key] = actor
        if len(cand.name) > len(actor.name) and cand.kind == "person":
            actor.name = cand.name
        if cand.alias not in actor.aliases:
            actor.aliases.append(cand.alias)
        if cand.role and cand.role not in actor.roles:
            actor.roles.append(cand.role)
        if cand.affiliation and not actor.affiliation and fold(cand.affiliation) != cand.key:
            actor.affiliation = cand.affiliation
        actor.mentions += 1
        if cand.public:
            index.public.add(actor.id)
        if _acts(doc, cand.tokens) and cand.sentence not in acting.setdefault(actor.id, set()):
            acting[actor.id].add(cand.sentence)
            actor.acting += 1
        if not any(s.sentence == cand.sentence for s in actor.sources):
            actor.sources.append(Source(doc_id, cand.sentence, sentences[cand.sentence - 1].text.strip()))
        for i in cand.tokens:
            index.token_actor[i] = actor.id
    # a bystander is quoted once; a name that comes back is part of the story ('Armed robber Robert Napier, 25')
    index.public = {a.id for a in by_key.values() if a.id in index.public and a.mentions == 1}
    for actor in by_key.values():
        if actor.id in index.public:
            actor.acting, actor.bystander = 0, True
        actor.mentions_by_document = {doc_id: actor.mentions}
        actor.aliases = sorted(set(actor.aliases) - {actor.name}) + [actor.name]
        actor.aliases.sort()
        index.actors[actor.id] = actor
    owners: dict[str, set[str]] = {}
    for actor in index.actors.values():
        for role in actor.roles:
            for phrase in _role_phrases(role):
                owners.setdefault(phrase, set()).add(actor.id)
    index.role_words = {phrase: ids.pop() for phrase, ids in owners.items() if len(ids) == 1}
    return index


def _acts(doc: Doc, tokens: range) -> bool:
    """Whether a mention names who does or says something: the subject of a verb, the agent of a
    passive, or the owner of the subject ('Spain's health ministry said', 'a spokesman for X said')."""
    inside = set(tokens)
    token = next((doc[i] for i in tokens if doc[i].head.i not in inside), doc[tokens[0]])
    speakers = lexicon().agent_nouns | lexicon().person_group_words
    for _ in range(4):
        head = token.head
        if token.dep_ in ("poss", "compound", "amod", "nmod", "appos", "conj") and head.pos_ in ("NOUN", "PROPN"):
            token = head
        elif token.dep_ == "pobj" and head.lower_ in ("for", "of", "from") and head.head.lower_ in speakers:
            token = head.head
        else:
            break
    if token.dep_ == "nsubj" and token.head.pos_ == "VERB":
        return True
    return token.dep_ == "pobj" and token.head.dep_ == "agent"


def _role_phrases(role: str) -> list[str]:
    """Ways a text refers back to a role: 'Turkish Foreign Minister' -> 'foreign minister', 'minister'."""
    titles, modifiers = set(lexicon().titles), set(lexicon().title_modifiers)
    words = role.lower().split()
    phrases = []
    for n in range(1, len(words) + 1):
        first = words[-n]
        if (first in titles or first in modifiers) and any(w in titles for w in words[-n:]):
            phrases.append(" ".join(words[-n:]))
    return phrases
