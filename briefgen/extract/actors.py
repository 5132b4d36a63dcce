"""Actors: named entities repaired, merged within a document, with roles and affiliations."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..findings import Actor, Source
from ..gazetteer import countries, fold, name_key, organizations
from ..ingest import slugify
from ..lexicon import lexicon
from ..merge_actors import initials_forms
from .common import done_to_after_with
from .coref import ActorIndex, plural_party
from .cues import cue_spans
from .names import (
    CODE,
    HONORIFICS,
    appositive_role,
    clean_name,
    described_as_outlet,
    headed_role,
    in_dateline,
    introduced_as_public,
    is_facility,
    is_news_outlet,
    is_product,
    is_reporter,
    is_thing,
    join_compound_demonyms,
    join_split_names,
    known_surnames,
    names_a_venue,
    names_people,
    names_the_city,
    one_national,
    outlet_takes_part,
    place_names,
    post_nominal_person,
    repeated_names,
    reporting_outlet,
    speaker_label,
    split_at_inner_article,
    split_joint_bodies,
    through_a_capitalised_link,
    title_phrase,
    titled_person,
    towns_by_use,
    untagged_names,
    widen_org,
    without_a_day,
    without_nested,
)

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC"}
GENDERED_HONORIFICS = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "lady": "f", "dame": "f"}


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


def _entities(doc: Doc, skipped: set[int]) -> list[Span]:
    """The tagger's names, repaired; without those in credit lines and datelines."""
    ents = [
        ent
        for ent in doc.ents
        if ent.label_ in ACTOR_LABELS | {"PRODUCT"}
        and ent.start not in skipped
        and not in_dateline(ent)
        and not (len(ent) == 1 and any(c.tag_ == "PRP$" for c in ent.root.children))  # 'her GP told her'
    ]
    repaired = [
        widen_org(titled_person(post_nominal_person(through_a_capitalised_link(without_a_day(ent))))) for ent in ents
    ]
    repaired += [e for e in untagged_names(doc) if e.start not in skipped]
    repaired += [e for e in repeated_names(doc, repaired) if e.start not in skipped and not in_dateline(e)]
    ents = join_compound_demonyms(doc, without_nested(sorted(repaired, key=lambda e: e.start)))
    return split_at_inner_article(doc, split_joint_bodies(doc, join_split_names(doc, ents)))


def _titles_of_people(doc: Doc, ents: list[Span]) -> set[int]:
    """Tokens of one-word organisations inside a person's title ('acting WHO director general')."""
    inside: set[int] = set()
    modifiers = lexicon().titles | lexicon().title_modifiers
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        for title_ent in title_phrase(doc, ent.start)[1]:
            if title_ent.label_ == "ORG" and len(title_ent) == 1 and title_ent.root.lower_ in modifiers:
                inside.update(range(title_ent.start, title_ent.end))
    return inside


def extract_actors(doc: Doc, sentences: list[Span], doc_id: str) -> ActorIndex:
    sentence_of = {token.i: number for number, sent in enumerate(sentences, 1) for token in sent}
    credit_lines = {sentence_of[cue.start] for _, cue in cue_spans(doc, "credit_cues") if cue.start in sentence_of}
    credits = {t.i for number in credit_lines for t in sentences[number - 1]}
    ents = _entities(doc, credits)
    # places, products and codes ('H1N1') are never actors, under any label and in every mention
    places = place_names(list(doc.ents)) | {
        fold(clean_name(e)[0]) for e in doc.ents if is_product(e) or CODE.fullmatch(e.text)
    }
    collective = _collective_names(ents) | _body_names(ents) | _described_as_bodies(ents) | _mostly_bodies(ents)
    speaking_as_i = _speaking_as_i(ents) | _people_called_mr(doc, ents)
    # a name introduced once as a news outlet is an organisation in every mention, its role what the text calls it
    # ('the state news agency Sana ... Sana said'), however the tagger labelled it
    outlets = {fold(clean_name(e)[0]): phrase for e in ents if (phrase := described_as_outlet(e))}
    collective |= set(outlets)
    person_names = [
        name
        for e in ents
        if e.label_ == "PERSON"
        and (name := clean_name(e)[0]).strip()
        and fold(name) not in places
        and not _names_the_holders_body(e)
        and fold(name) not in collective
    ] + [name for e in ents if e.label_ in ("ORG", "GPE") and fold(name := clean_name(e)[0]) in speaking_as_i]
    places |= towns_by_use(list(doc.ents), known_surnames(person_names))
    person_names = [name for name in person_names if fold(name) not in places and _could_be_a_persons(name)]
    surnames = _surnames(person_names)
    inside_titles = _titles_of_people(doc, ents)
    candidates: list[_Candidate] = []
    for ent in ents:
        if ent.start in inside_titles or ent.label_ == "PRODUCT" or ent.start not in sentence_of:
            continue
        name, tokens = clean_name(ent)
        if fold(name) in places:
            continue  # 'Barlinnie' after 'Barlinnie Prison': the same place
        if name and re.search(r"[A-Za-z]", name):
            if ent.label_ == "PERSON" and fold(name) in collective:
                ent = Span(doc, ent.start, ent.end, label="ORG")  # 'Chelsea have sacked him'
            elif ent.label_ in ("ORG", "GPE") and fold(name) in speaking_as_i:
                ent = Span(doc, ent.start, ent.end, label="PERSON")  # 'Mutu hit out, saying: "They destroyed me"'
            found = _classify(ent, name, tokens, sentence_of[ent.start], surnames, person_names)
            if found is not None and found.kind == "organization" and fold(name) in outlets:
                found.role = outlets[fold(name)]
            candidates += [found] if found else []
    candidates += _bare_surnames(doc, candidates, surnames, sentence_of, credits)
    candidates += _bare_org_heads(doc, candidates, sentence_of)
    candidates += _state_bodies(doc, candidates, sentence_of)
    candidates += _plural_parties(doc, candidates, sentences, sentence_of)
    candidates += _unnamed_groups(doc, candidates, sentence_of)
    _merge_acronyms(candidates, doc.text)
    return _build_index(candidates, doc, sentences, doc_id)


def _classify(
    ent: Span, name: str, tokens: range, sentence: int, surnames: dict[str, str], person_names: list[str]
) -> _Candidate | None:
    """What one name is: a person, a country, an organisation or group, or nothing that acts."""
    doc, label = ent.doc, ent.label_
    if any(CODE.fullmatch(word) for word in name.split()):
        return None  # 'H1N1' names a virus
    if label == "PERSON" and not _could_be_a_persons(name):
        return None
    country = countries().lookup(name)
    if country and (_honorific(ent[0]) or (ent.start > 0 and _honorific(doc[ent.start - 1]))):
        country = None  # 'Mr Hague' is a man, not The Hague
        label = "PERSON"
    if len(name.split()) == 1 and ent.start > 0 and _a_relative(doc[ent.start - 1]):
        return None  # 'the younger Gadhafi' is a relative of the one the surname names
    if label == "PERSON" and _names_the_holders_body(ent):
        label = "ORG"  # 'Lib Dem home affairs spokesman Mark Oaten': the party, tagged as a person
    if label in ("ORG", "GPE", "NORP") and country is None and _described_as_a_person(ent):
        label = "PERSON"  # 'Viktor Pinchuk, son-in-law of the former president', tagged as a body
    if label == "PERSON" and country is None:
        role, title_ents = title_phrase(doc, ent.start)
        role = role or appositive_role(doc, ent) or headed_role(ent)
        if role and role.split()[-1].lower().rstrip(".") in GENDERED_HONORIFICS:
            role = " ".join(role.split()[:-1]) or None  # 'United boss Sir Alex Ferguson': the role is 'United boss'
        outlet = reporting_outlet(ent)
        affiliation = None
        if outlet and role is None and outlet_takes_part(doc, outlet):
            affiliation = outlet  # 'said PBS' Jacoba Atlas' where PBS edits the film: its staff, not a reporter
        elif outlet:
            role = f"{outlet} {role or 'correspondent'}"
        for title_ent in title_ents:
            found = countries().lookup(clean_name(title_ent)[0])
            affiliation = affiliation or (found[0] if found else clean_name(title_ent)[0])
        full = surnames.get(fold(name), name)
        before = doc[ent.start - 1] if ent.start else None
        if len(ent) == 1 and before is not None and _another_first_name(before, full):
            full = f"{before.text} {name}"  # 'Otis Ferry' tagged 'Ferry' is not 'Bryan Ferry'
        public = role is None and introduced_as_public(ent)
        return _Candidate(fold(full), full, "person", tokens, sentence, name, role, affiliation, public)
    if label in ("ORG", "GPE", "NORP", "LOC") and fold(name) in surnames and country is None:
        full = surnames[fold(name)]
        return _Candidate(fold(full), full, "person", tokens, sentence, name)
    if country is not None:
        if country[1] == "capital" and (names_a_venue(ent) or names_the_city(ent)):
            return None
        if country[1] == "demonym" and (names_people(ent) or (len(ent) == 1 and one_national(ent.root))):
            return None
        return _Candidate(fold(country[0]), country[0], "country", tokens, sentence, name)
    if label in ("LOC", "FAC") or is_thing(ent) or is_facility(ent):
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
    if name.lower() in lexicon().titles or name.lower().rstrip("s") in lexicon().titles:
        return None  # 'The MEP said': a role the tagger took for a body
    if label == "NORP" and ent.root.dep_ in ("amod", "compound", "nmod"):
        return None  # "a Muslim country": a description, not a group acting
    kind = "group" if label == "NORP" else "organization"
    known = organizations().get(fold(name)) if kind == "organization" else None
    if known:
        return _Candidate(fold(known), known, kind, tokens, sentence, name)
    return _Candidate(name_key(name, kind), name, kind, tokens, sentence, name)


def _honorific(token: Token) -> bool:
    """'Mr', 'Dr.', 'Miss' as a title: not 'DR Congo', nor 'to miss Ireland's match'."""
    text = token.text.rstrip(".")
    return text.lower() in HONORIFICS and text[:1].isupper() and not text[1:].isupper()


def _collective_names(ents: list[Span]) -> set[str]:
    """One-word names the tagger calls people that take a plural verb ('Chelsea have decided', 'Fifa
    have informed us'): in British English that is a club, a body or a band, never one person."""
    found = set()
    for ent in ents:
        root = ent.root
        if ent.label_ != "PERSON" or len(ent) != 1 or root.dep_ != "nsubj" or root.tag_ != "NNP":
            continue
        if any(c.dep_ == "conj" for c in root.children):
            continue  # 'Assad and the other officials have no assets here': the plural is theirs together
        verb = root.head
        auxiliaries = [c for c in verb.children if c.dep_ == "aux"] if verb.tag_ in ("VBN", "VBG") else []
        finite = auxiliaries[0] if auxiliaries else verb
        if finite.tag_ == "VBP" or finite.lower_ == "were":
            found.add(fold(clean_name(ent)[0]))
    return found


def _body_names(ents: list[Span]) -> set[str]:
    """Names the tagger calls people that end as only a body's name does ('Manchester United's win'):
    the body in every mention."""
    lex = lexicon()
    ends = lex.body_name_ends | lex.org_head_nouns
    names = [clean_name(e)[0] for e in ents if e.label_ == "PERSON"]
    return {fold(name) for name in names if len(name.split()) > 1 and name.split()[-1].lower() in ends}


def _described_as_bodies(ents: list[Span]) -> set[str]:
    """Names the text describes as a body in one mention, whatever the tagger calls them in the others:
    'Russian oil giant Yukos', 'phone firm Qwest', 'Yukos, the oil company,' (a common noun right before
    the name, or its appositive), or a name with a board ('Yukos chief executive Steven Theede')."""
    descriptors = lexicon().body_descriptors
    found = set()
    for ent in ents:
        root, before = ent.root, ent.doc[ent.start - 1] if ent.start else None
        described = (
            before is not None
            and before.dep_ == "compound"
            and before.head.i == root.i
            and before.tag_ in ("NN", "NNS")
            and before.lemma_.lower() in descriptors
            and (before.lemma_.lower() != "giant" or len(ent) == 1)  # 'oil giant Yukos', not 'jazz giant Tom Hale'
        )
        described = described or any(
            c.dep_ == "appos" and c.tag_ in ("NN", "NNS") and c.lemma_.lower() in descriptors for c in root.children
        )
        if described or _board_of(ent):
            found.add(fold(clean_name(ent)[0]))
    return found


def _board_of(ent: Span) -> bool:
    """'Yukos chief executive Steven Theede': a board title and a name right after the name."""
    doc, titles = ent.doc, lexicon().board_titles
    for size in (1, 2, 3, 4):  # 'non - executive director'
        after = ent.end + size
        if after < len(doc) and doc[ent.end : after].text.lower() in titles and doc[after].pos_ == "PROPN":
            return True
    return False


def _people_called_mr(doc: Doc, ents: list[Span]) -> set[str]:
    """Names the tagger calls bodies whose last word the text gives a person's honorific elsewhere ('JP
    McManus' tagged a body, then 'Mr McManus'): a person's full name. Not a body's name that ends as only
    a body's does ('Ford Motors' beside a 'Mr Motors')."""
    lex = lexicon()
    honorific = {t.i for t in doc if t.lower_.rstrip(".") in GENDERED_HONORIFICS and _honorific(t)}
    called = {t.lower_ for t in doc if t.i - 1 in honorific}
    # 'Analyst Tom Stanley ... Mr Stanley': the Mr is the person already named so, not 'Morgan Stanley'
    full = [clean_name(e)[0].split() for e in ents if e.label_ == "PERSON"]  # not 'Ms Sturgeon'
    people = {words[-1].lower() for words in full if len(words) > 1}
    staff = lex.staff_nouns | lex.agent_nouns | lex.person_group_words | lex.titles | lex.generic_body_nouns
    bodies = {fold(e.text) for e in ents if e.root.dep_ in ("compound", "poss") and e.root.head.lemma_.lower() in staff}
    found = set()
    for ent in ents:
        words = ent.text.split()
        if ent.label_ != "ORG" or len(words) < 2 or not all(w[:1].isupper() for w in words):
            continue
        if any(t.i in honorific for t in ent):
            continue  # 'Tanzania Mr Brown': two names the tagger ran together
        last = words[-1].lower()
        if last not in called or last in people or fold(ent.text) in bodies:
            continue  # 'JP Morgan bankers', 'Morgan Stanley's chief executive': a body with staff
        if last not in lex.body_name_ends | lex.org_head_nouns and not countries().lookup(ent.text):
            found.add(fold(clean_name(ent)[0]))
    return found


def _mostly_bodies(ents: list[Span]) -> set[str]:
    """A name tagged a person once and a body more often ('Euronext': four times a group, once a
    person) is the body in every mention (a person's name tagged a body once stays the person's)."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for ent in ents:
        labels[fold(clean_name(ent)[0])]["person" if ent.label_ == "PERSON" else "body"] += 1
    return {name for name, counted in labels.items() if 0 < counted["person"] < counted["body"]}


def _speaking_as_i(ents: list[Span]) -> set[str]:
    """One-word names the tagger calls bodies or places that speak of themselves as 'I' or 'me' ('Mutu
    has hit out, saying: "Chelsea have destroyed me"'): a body says 'we', so this is a person."""
    found = set()
    for ent in ents:
        root = ent.root
        if ent.label_ not in ("ORG", "GPE") or len(ent) != 1 or root.dep_ != "nsubj" or countries().lookup(ent.text):
            continue
        speech = lexicon().speech_verbs
        verbs = [root.head, *(c for c in root.head.children if c.dep_ == "advcl")]
        said = [c for v in verbs if v.lemma_.lower() in speech for c in v.children if c.dep_ in ("ccomp", "dobj")]
        if any(t.lower_ in ("i", "me", "my", "myself") for c in said for t in c.subtree):
            found.add(fold(clean_name(ent)[0]))
    return found


def _names_the_holders_body(ent: Span) -> bool:
    """A name set before a title and the title holder's own name: the body the holder speaks for."""
    token = ent.root
    if token.dep_ != "compound":
        return False
    titles = set(lexicon().titles)
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
        if token.lower_ in titles:
            return any(t.ent_type_ == "PERSON" and t.i > token.i for t in token.head.subtree)
    return False


def _described_as_a_person(ent: Span) -> bool:
    """A name with an appositive that describes a person: a relative, a title, 'Ukraine's richest man'."""
    lex = lexicon()
    nouns = lex.kin_nouns | lex.person_nouns | set(lex.titles)
    return len(ent) > 1 and any(
        c.dep_ == "appos" and (c.lower_ in nouns or c.lemma_.lower() in nouns) for c in ent.root.children
    )


def _could_be_a_persons(name: str) -> bool:
    return not any(ch.isdigit() for ch in name)  # 'an MV-22 Osprey': no one's name has digits in it


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
        before = doc[token.i - 1] if token.i else None
        if before is not None and (_another_first_name(before, full) or _a_relative(before)):
            continue  # 'Otis Ferry' is not 'Bryan Ferry', nor 'the younger Gadhafi' Moammar Gadhafi
        found.append(
            _Candidate(fold(full), full, "person", range(token.i, token.i + 1), sentence_of[token.i], token.text)
        )
    return found


def _a_relative(before: Token) -> bool:
    return before.lower_ in ("younger", "elder", "older")


def _another_first_name(token: Token, full: str) -> bool:
    lex = lexicon()
    word = token.lower_.rstrip(".")
    ordinary = word in HONORIFICS or word in lex.titles or word in lex.title_modifiers
    return token.pos_ == "PROPN" and token.is_title and not ordinary and token.text not in full.split()


def _bare_org_heads(doc: Doc, candidates: list[_Candidate], sentence_of: dict) -> list[_Candidate]:
    """'the executive' or 'executive ministers' for the one organisation named '... Executive'."""
    heads: dict[str, set[str]] = {}
    names = {}
    for c in candidates:
        if c.kind == "organization" and " " in c.name and c.name.split()[-1][0].isupper():
            heads.setdefault(c.name.split()[-1].lower(), set()).add(c.key)
            names[c.key] = c.name
    unique = {head: keys.pop() for head, keys in heads.items() if len(keys) == 1}
    if not unique:
        return []
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


def _state_bodies(doc: Doc, candidates: list[_Candidate], sentence_of: dict) -> list[_Candidate]:
    """'Mexico's central bank warned', 'the Libyan foreign ministry said': a body of a country that
    speaks apart from its government, named '<country>'s <body>' however the text puts it."""
    bodies = lexicon().state_bodies
    found = []
    for cand in candidates:
        if cand.kind != "country":
            continue
        owner = doc[cand.tokens[-1]]
        head = owner.head
        if owner.dep_ not in ("poss", "amod", "compound") or head.pos_ != "NOUN" or head.i < owner.i:
            continue
        if not head.is_lower or head.i not in sentence_of or head.dep_ == "appos":
            continue  # 'Corvin Capital, the US investment bank,' describes a name
        if owner.dep_ != "poss" and not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            continue  # 'a US bankruptcy court' is not one known body
        words = [t for t in doc[owner.i + 1 : head.i + 1] if t.tag_ != "POS"]
        if not all(t.is_lower and t.dep_ in ("amod", "compound") for t in words[:-1]):
            continue  # 'Mexico's new central bank chief'
        body = " ".join(t.text for t in words)
        if not any(f" {body.lower()}".endswith(f" {kind}") for kind in bodies):
            continue
        name = doc[cand.tokens[0] : head.i + 1].text  # as written: 'Mexico's central bank', 'Libyan foreign ministry'
        span = range(words[0].i, head.i + 1)
        found.append(_Candidate(fold(f"{cand.name}'s {body}"), name, "organization", span, sentence_of[head.i], name))
    return found


def _plural_parties(
    doc: Doc, candidates: list[_Candidate], sentences: list[Span], sentence_of: dict
) -> list[_Candidate]:
    """'public sector unions want ...', 'United fans have reacted with anger. They have vehemently opposed
    ...': people named by a plural noun with what sets them apart, who speak or take a stance (themselves
    or as the next sentence's 'they'), are a group that acts."""
    lex = lexicon()
    holding = lex.speech_verbs | lex.stance_verbs | lex.attitude_verbs | lex.forecast_verbs | lex.demand_verbs
    named = {i: cand for cand in candidates for i in cand.tokens}
    found = []
    for number, sent in enumerate(sentences, 1):
        following = sentences[number] if number < len(sentences) else None
        they = following[0] if following is not None and following[0].lower_ == "they" else None
        for token in sent:
            if not plural_party(token) or _speaks_for_its_owner(token) or token.lemma_.lower() in lex.inanimate_nouns:
                continue  # 'UKIP officials', 'Menatep lawyers' speak for the body they are named by
            if any(c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ == "including") for c in token.children):
                continue  # 'his backers, including Corvin Capital,': the named member speaks
            holds = token.dep_ == "nsubj" and token.head.lemma_.lower() in holding
            if not holds and not (they is not None and they.dep_ == "nsubj" and they.head.lemma_.lower() in holding):
                continue
            if not holds and they is not None and _nearer_plural(token, they):
                continue  # the next 'they' goes back to a nearer plural
            words = _setting_apart(token)
            if not words:
                continue
            name = " ".join(
                named[t.i].name if t.i in named else t.text
                for t in words
                if t.i not in named or t.i == named[t.i].tokens[0]
            )
            name = re.sub(r"\s+(['’]s)\b", r"\1", f"{name} {token.text}")  # "Turkey's NATO allies"
            found.append(_Candidate(fold(name), name, "group", range(token.i, token.i + 1), sentence_of[token.i], name))
    return found


GROUP_MODIFIER_DEPS = ("amod", "compound", "npadvmod")


def _unnamed_groups(doc: Doc, candidates: list[_Candidate], sentence_of: dict) -> list[_Candidate]:
    """'Protesters marched on the palace ... protesters said they would stay', 'security forces opened
    fire': people the story names by what they are, the subject of a verb in two sentences or more of
    the article, are a party to it, named as the text names them ('Security forces'). Named ones ('United
    fans') and those a name owns ('Israel's army') are found as the names are."""
    lex = lexicon()
    covered = {i for c in candidates for i in c.tokens}
    found: dict[str, list[_Candidate]] = defaultdict(list)
    for token in doc:
        if token.lower_ not in lex.group_nouns or token.ent_type_ or token.i in covered or token.i not in sentence_of:
            continue
        if token.dep_ not in ("nsubj", "nsubjpass") or any(c.dep_ == "poss" for c in token.children):
            continue  # 'Israel's army', 'their supporters': someone's
        if any(c.dep_ == "appos" and c.ent_type_ == "ORG" for c in token.children):
            continue  # 'the opposition Free Syrian Army said': the name says who
        if not _acts(doc, range(token.i, token.i + 1)):
            continue
        modifiers = [c for c in token.lefts if c.dep_ in GROUP_MODIFIER_DEPS]
        if any(c.ent_type_ or c.i in covered or not c.is_lower for c in modifiers):
            continue  # 'Gadhafi forces', 'Liverpool fans': named by a name, found with it
        start = min((c.left_edge.i for c in modifiers), default=token.i)
        words = [t for t in doc[start : token.i + 1] if not t.is_punct or t.text == "-"]
        alias = "".join(t.text_with_ws for t in words).strip()
        name = alias[:1].upper() + alias[1:]
        found[fold(name)].append(
            _Candidate(fold(name), name, "group", range(words[0].i, token.i + 1), sentence_of[token.i], alias)
        )
    return [c for group in found.values() if len({c.sentence for c in group}) >= 2 for c in group]


def _setting_apart(noun: Token) -> list[Token]:
    """'(Five) public sector unions', 'United fans', 'MCI's directors': the words before a plural noun that
    say which ones, when one of them is a noun or a name (not 'large' or 'other' alone)."""
    modifiers = [
        c
        for c in noun.lefts
        if c.dep_ in ("compound", "poss", "nmod") and c.pos_ in ("NOUN", "PROPN") and c.is_alpha and len(c) > 1
    ]
    if not modifiers:
        return []
    start = min(t.left_edge.i for t in modifiers)
    return [t for t in noun.doc[start : noun.i] if t.dep_ not in ("det", "nummod", "predet") and not t.is_punct]


def _nearer_plural(token: Token, they: Token) -> bool:
    return any(plural_party(t) for t in token.doc[token.i + 1 : they.i])


def _merge_acronyms(candidates: list[_Candidate], text: str) -> None:
    """'North Atlantic Treaty Organization (NATO)' and initials make one organisation."""
    orgs = {c.key: c for c in candidates if c.kind == "organization"}
    long_for: dict[str, _Candidate] = {}
    for candidate in orgs.values():
        if len(candidate.name.split()) > 1:
            long_for.update(dict.fromkeys(initials_forms(candidate.name), candidate))
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
        elif fold(cand.name) == fold(actor.name) and _capitals(cand.name) > _capitals(actor.name):
            actor.name = cand.name  # 'Public and Commercial Services Union', however one outlet wrote it
        if cand.alias not in actor.aliases:
            actor.aliases.append(cand.alias)
        if cand.role and cand.role not in actor.roles:
            actor.roles.append(cand.role)
        if cand.affiliation and not actor.affiliation and fold(cand.affiliation) != cand.key:
            actor.affiliation = cand.affiliation
        actor.mentions += 1
        if cand.public:
            index.public.add(actor.id)
        outlet = cand.kind == "organization" and is_news_outlet(cand.name) and not outlet_takes_part(doc, cand.alias)
        acts = _acts(doc, cand.tokens, outlet, country=cand.kind == "country")
        if acts and cand.sentence not in acting.setdefault(actor.id, set()):
            acting[actor.id].add(cand.sentence)
            actor.acting += 1
        if not any(s.sentence == cand.sentence for s in actor.sources):
            actor.sources.append(Source(doc_id, cand.sentence, sentences[cand.sentence - 1].text.strip()))
        for i in cand.tokens:
            index.token_actor[i] = actor.id
        before = doc[cand.tokens[0] - 1].lower_.rstrip(".") if cand.tokens and cand.tokens[0] > 0 else ""
        first = cand.alias.split()[0].lower() if cand.alias else ""
        titles = lexicon().gendered_titles  # 'Prince Charles', 'Queen Rania'
        gendered = GENDERED_HONORIFICS | titles
        if cand.kind == "person" and (before in gendered or first in titles):
            index.gender.setdefault(actor.id, gendered.get(before) or titles[first])
    # a bystander is quoted once; a name that comes back is part of the story ('Armed robber Robert Napier, 25')
    index.public = {a.id for a in by_key.values() if a.id in index.public and a.mentions == 1}
    for actor in by_key.values():
        if actor.id in index.public or is_reporter(
            actor.roles
        ):  # the public and the press tell the story, not act in it
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


def _acts(doc: Doc, tokens: range, outlet: bool = False, country: bool = False) -> bool:
    """Whether a mention names who does or says something: the subject of a verb, the agent of a
    passive, or the owner of the subject ('Spain's health ministry said', 'a spokesman for X said').
    A news outlet that reports ('the FT said', 'the BBC has learnt') does not act in the story, nor
    does a country that only says where a body is from ('US phone firm MCI', 'the UK's biggest union')."""
    inside = set(tokens)
    if speaker_label(doc, tokens[0], tokens[-1] + 1):
        return False  # 'CNN: So what should happen next?': a transcript's speaker label
    token = next((doc[i] for i in tokens if doc[i].head.i not in inside), doc[tokens[0]])
    lex = lexicon()
    speakers = lex.agent_nouns | lex.person_group_words | lex.titles
    for _ in range(4):
        head = token.head
        if token.dep_ in ("poss", "compound", "amod", "nmod", "appos", "conj") and head.pos_ in ("NOUN", "PROPN"):
            if country and token.dep_ != "conj" and not _of_the_state(head):
                return False
            if outlet and (head.lemma_.lower() in lex.reporter_roles or head.ent_type_ == "PERSON"):
                return False  # 'CNN's John King contributed', 'several CNN journalists heard': its reporters
            kin = [head, *(c for c in head.children if c.dep_ == "compound")]
            if token.dep_ == "poss" and any(k.lemma_.lower() in lex.kin_nouns for k in kin):
                return False  # 'Sylvester's mother said', 'Stallone's ex-wife Brigitte Nielsen': not him
            if token.dep_ == "compound" and head.lemma_.lower() in lex.family_nouns:
                return False  # 'the Agnelli family rejected the plan': not one Agnelli
            token = head
        elif token.dep_ == "pobj" and head.lower_ in ("for", "of", "from") and head.head.lower_ in speakers:
            token = head.head
        else:
            break
    if token.dep_ == "nsubj" and token.head.pos_ == "VERB":
        if done_to_after_with(token.head):
            return False  # 'with Xavi singled out as the biggest star'
        lex = lexicon()
        return not (outlet and token.head.lemma_.lower() in lex.reporting_verbs | lex.speech_verbs)
    if token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.lower() in lexicon().party_verbs and not country:
        return True  # 'sued Morgan Stanley', 'Bank of America has been barred': a party to the case
    return token.dep_ == "pobj" and token.head.dep_ == "agent"


def _capitals(name: str) -> int:
    return sum(word[:1].isupper() for word in name.split())


def _of_the_state(noun: Token) -> bool:
    """'Britain's prime minister', 'US officials', 'Spain's health ministry', 'Israel's army': a noun
    a country's own people or bodies go by (not 'the US tycoon')."""
    lex = lexicon()
    return _speaks_for_its_owner(noun, lex.titles - lex.private_roles)


def _speaks_for_its_owner(noun: Token, roles: frozenset[str] | None = None) -> bool:
    """'UKIP officials', 'the club's directors', 'Spain's health ministry': people or a body who speak
    for the one they are named by."""
    lex = lexicon()
    word = noun.lemma_.lower()
    before = noun.doc[noun.i - 1].lower_ if noun.i > 0 else ""
    if word in lex.state_bodies or f"{before} {word}" in lex.state_bodies:  # 'ministry', 'central bank'
        return True
    return word in lex.agent_nouns | lex.person_group_words | (roles or lex.titles) | lex.state_force_nouns


def _role_phrases(role: str) -> list[str]:
    """Ways a text refers back to a role: 'Turkish Foreign Minister' -> 'foreign minister', 'minister'."""
    titles, modifiers = set(lexicon().titles), set(lexicon().title_modifiers)
    words = role.lower().split()
    # 'shadow culture secretary', 'former minister': 'the culture secretary' is someone else
    qualifiers = lexicon().role_qualifiers
    qualified = max((k for k, w in enumerate(words) if w in qualifiers), default=None)
    phrases = []
    for n in range(1, len(words) + 1):
        if qualified is not None and n < len(words) - qualified:
            continue
        first = words[-n]
        if (first in titles or first in modifiers) and any(w in titles for w in words[-n:]):
            phrases.append(" ".join(words[-n:]))
    return phrases
