"""Actors: named entities repaired, merged within a document, with roles and affiliations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..findings import Actor, Source
from ..gazetteer import countries, fold, name_key, organizations
from ..ingest import slugify
from ..lexicon import lexicon

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC"}
DESIGNATION = re.compile(r"\b[A-Za-z]{1,4}-\d{1,4}[A-Za-z]*\b|\b\d+[A-Za-z]*-[A-Z]")
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
OTHER_PRONOUNS = {"it", "its", "they", "them", "their", "itself", "themselves"}
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


@dataclass
class ActorIndex:
    """The document's actors and which tokens mention them."""

    actors: dict[str, Actor] = field(default_factory=dict)
    token_actor: dict[int, str] = field(default_factory=dict)
    role_words: dict[str, str] = field(default_factory=dict)  # "foreign minister" -> actor id

    def display(self, actor_id: str) -> str:
        """The actor's name as it reads inside a sentence: 'the United States', 'Turkey'."""
        actor = self.actors[actor_id]
        words = set(lexicon().article_country_words)
        if actor.kind == "country" and words & set(actor.name.split()):
            return f"the {actor.name}"
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
        speaks_for = token.lemma_.lower() in lexicon().person_group_words or token.lower_ in lexicon().agent_nouns
        for child in token.children:
            if child.i in self.token_actor and child.dep_ in ("compound", "poss", "nmod", "amod"):
                if speaks_for or token.pos_ == "PROPN":
                    return self.token_actor[child.i]
            if speaks_for and child.dep_ == "prep" and child.lower_ in ("for", "of", "from"):
                for pobj in child.children:
                    if pobj.i in self.token_actor:
                        return self.token_actor[pobj.i]
        phrase = " ".join(t.lower_ for t in token.subtree if t.dep_ != "det" and not t.is_punct)
        if phrase in self.role_words:
            return self.role_words[phrase]
        lower = token.lower_
        if lower in PERSON_PRONOUNS or lower in OTHER_PRONOUNS:
            return self._antecedent(token, person=lower in PERSON_PRONOUNS)
        return None

    def _antecedent(self, token: Token, person: bool) -> str | None:
        doc = token.doc
        fallback = None
        for i in range(token.i - 1, max(-1, token.i - 400), -1):
            actor_id = self.token_actor.get(i)
            if not actor_id:
                continue
            is_person = self.actors[actor_id].kind == "person"
            if is_person != person:
                continue
            if doc[i].dep_ in ("nsubj", "nsubjpass") or doc[i].head.dep_ in ("nsubj", "nsubjpass"):
                return actor_id
            fallback = fallback or actor_id
        return fallback


def _titled_person(ent: Span) -> Span:
    """'Chancellor Olaf Scholz' tagged ORG is a person after a title: keep the name as PERSON."""
    if ent.label_ not in ("ORG", "GPE", "NORP") or len(ent) < 2:
        return ent
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


def _clean_name(span: Span) -> tuple[str, range]:
    tokens = list(span)
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].lower_.rstrip(".") in HONORIFICS):
        tokens = tokens[1:]
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


def extract_actors(doc: Doc, sentences: list[Span], doc_id: str) -> ActorIndex:
    gaz = countries()
    sentence_of = {}
    for number, sent in enumerate(sentences, 1):
        for token in sent:
            sentence_of[token.i] = number

    candidates: list[_Candidate] = []
    inside_titles: set[int] = set()
    ents = [ent for ent in doc.ents if ent.label_ in ACTOR_LABELS | {"PRODUCT"}]

    ents = _join_compound_demonyms(doc, [_widen_org(_titled_person(ent)) for ent in ents])
    person_names = [_clean_name(e)[0] for e in ents if e.label_ == "PERSON"]
    surnames = _surnames(person_names)

    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        role, title_ents = _title_phrase(doc, ent.start)
        modifiers = set(lexicon().titles) | set(lexicon().title_modifiers)
        for title_ent in title_ents:
            if title_ent.label_ == "ORG" and (len(title_ent) == 1 and title_ent.root.lower_ in modifiers):
                inside_titles.update(range(title_ent.start, title_ent.end))

    for ent in ents:
        if ent.start in inside_titles or ent.label_ == "PRODUCT" or ent.start not in sentence_of:
            continue
        name, tokens = _clean_name(ent)
        if not name or not re.search(r"[A-Za-z]", name):
            continue
        sentence = sentence_of[ent.start]
        label = ent.label_
        country = gaz.lookup(name)
        if label == "PERSON" and country is None:
            role, title_ents = _title_phrase(doc, ent.start)
            role = role or _appositive_role(doc, ent)
            affiliation = None
            for title_ent in title_ents:
                found = gaz.lookup(_clean_name(title_ent)[0])
                affiliation = affiliation or (found[0] if found else _clean_name(title_ent)[0])
            full = surnames.get(fold(name), name)
            candidates.append(_Candidate(fold(full), full, "person", tokens, sentence, name, role, affiliation))
            continue
        if label in ("ORG", "GPE", "NORP", "LOC") and fold(name) in surnames and country is None:
            full = surnames[fold(name)]
            candidates.append(_Candidate(fold(full), full, "person", tokens, sentence, name))
            continue
        if country is not None and country[1] == "capital" and _names_a_venue(ent):
            continue
        if country is not None:
            candidates.append(_Candidate(fold(country[0]), country[0], "country", tokens, sentence, name))
            continue
        if label in ("GPE", "LOC"):
            continue  # places that are not countries are settings, not actors
        if _is_thing(ent):
            continue
        words = name.split()
        if len(words) > 1 and words[-1].lower() in lexicon().person_group_words:
            owner = " ".join(words[:-1])
            if fold(owner) in surnames or owner in person_names:
                full = surnames.get(fold(owner), owner)
                candidates.append(_Candidate(fold(full), full, "person", tokens, sentence, name))
                continue
        if len(words) == 1 and name[0].islower():
            continue
        if label == "NORP" and ent.root.dep_ in ("amod", "compound", "nmod"):
            continue  # "a Muslim country": a description, not a group acting
        kind = "group" if label == "NORP" else "organization"
        known = organizations().get(fold(name)) if kind == "organization" else None
        if known:
            candidates.append(_Candidate(fold(known), known, kind, tokens, sentence, name))
            continue
        candidates.append(_Candidate(name_key(name, kind), name, kind, tokens, sentence, name))

    candidates += _bare_surnames(doc, candidates, surnames, sentence_of)
    candidates += _bare_org_heads(doc, candidates, sentence_of)
    _merge_acronyms(candidates, doc.text)
    return _build_index(candidates, doc, sentences, doc_id)


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


def _bare_surnames(doc: Doc, candidates: list[_Candidate], surnames: dict[str, str], sentence_of: dict) -> list:
    """Surnames of known people that the tagger missed ("Çavuşoğlu said")."""
    covered = {i for c in candidates for i in c.tokens}
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
        if not any(s.sentence == cand.sentence for s in actor.sources):
            actor.sources.append(Source(doc_id, cand.sentence, sentences[cand.sentence - 1].text.strip()))
        for i in cand.tokens:
            index.token_actor[i] = actor.id
    for actor in by_key.values():
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
