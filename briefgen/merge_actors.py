"""Actors across documents: one per real-world entity, however each source names it; who acts
and who is only mentioned."""

from __future__ import annotations

import bisect
import re

from .findings import Actor, Mentioned
from .gazetteer import countries, fold, name_key, organizations, person_key, spelling_key
from .ingest import slugify
from .lexicon import lexicon

MIN_ACTS = 2  # sentences in which a name that never speaks must act to count as an actor


MAX_ACTOR_SOURCES = 12  # sentences cited for an actor's mentions


def _actor_key(actor: Actor) -> str:
    # Countries apart; a person the tagger once took for an organisation is still one actor.
    kind = "country" if actor.kind == "country" else "named"
    return f"{kind}:{name_key(actor.name, 'person' if actor.kind == 'person' else 'organization')}"


def merge_actors(per_doc: list[tuple[str, list[Actor]]]) -> tuple[list[Actor], dict[tuple[str, str], str]]:
    """One actor per real-world entity; returns the actors and (doc, local id) -> global id."""
    merged: dict[str, Actor] = {}
    local_key: dict[tuple[str, str], str] = {}
    keys: dict[tuple[str, str], str] = {}  # each name's key worked out once: the same names recur in every article
    for doc_id, actors in per_doc:
        for actor in actors:
            named = (actor.kind, actor.name)
            key = keys.get(named)
            if key is None:
                key = keys[named] = _actor_key(actor)
            local_key[(doc_id, actor.id)] = key
            target = merged.get(key)
            if target is None:
                merged[key] = _copy(actor)
            else:
                _absorb(target, actor)
    redirects = _fold_same_names(merged)
    redirects.update(_fold_surnames(merged))
    redirects.update(_fold_short_forms(merged))
    redirects.update(_fold_bare_titles(merged, redirects))
    redirects = {key: _final(target, redirects) for key, target in redirects.items()}
    ids: dict[str, str] = {}
    used: set[str] = set()
    # (-mentions, key) order in two stable sorts: one on strings and one on numbers beat one on pairs
    for key in sorted(sorted(merged), key=lambda k: -merged[k].mentions):
        base = slugify(merged[key].name)
        actor_id = base if base not in used else f"{base}-{merged[key].kind}"
        used.add(actor_id)
        ids[key] = actor_id
        merged[key].id = actor_id
    mapping = {pair: ids[redirects.get(key, key)] for pair, key in local_key.items()}
    for actor in merged.values():
        del actor.sources[MAX_ACTOR_SOURCES:]  # the mention counts keep the full tally
    actors = sorted(sorted(merged.values(), key=lambda a: a.name), key=lambda a: -a.mentions)
    return actors, mapping


def _copy(actor: Actor) -> Actor:
    """A copy owning its lists, made without running __init__ again (replace() would: a million
    actors at scale)."""
    copy = object.__new__(Actor)
    copy.__dict__.update(actor.__dict__)
    copy.aliases, copy.roles, copy.sources = list(actor.aliases), list(actor.roles), list(actor.sources)
    copy.mentions_by_document = dict(actor.mentions_by_document)
    return copy


def _absorb(target: Actor, other: Actor, keep_identity: bool = False) -> None:
    """other joins target. With keep_identity target keeps its name and kind: 'Deutsche' joins
    'Deutsche Boerse', and a 'Lib Dem' the tagger took for a person joins 'Liberal Democrats'."""
    if not keep_identity:
        _take_identity(target, other)
    target.aliases = sorted(set(target.aliases) | set(other.aliases) | {other.name})
    target.roles += [r for r in other.roles if r not in target.roles]
    target.affiliation = target.affiliation or other.affiliation
    target.mentions += other.mentions
    target.acting += other.acting
    target.bystander = target.bystander and other.bystander
    for doc, count in other.mentions_by_document.items():
        target.mentions_by_document[doc] = target.mentions_by_document.get(doc, 0) + count
    room = MAX_ACTOR_SOURCES - len(target.sources)  # only the first ones are kept in the end
    if room > 0:
        seen = {(s.doc, s.sentence) for s in target.sources}
        target.sources += [s for s in other.sources if (s.doc, s.sentence) not in seen][:room]


def _take_identity(target: Actor, other: Actor) -> None:
    if other.kind == "person" and target.kind != "person":
        target.kind = "person"
    if other.kind == "person" and len(other.name) > len(target.name):
        target.name = other.name
    elif other.kind in ("organization", "group") and (len(other.name), other.name) < (len(target.name), target.name):
        target.name = other.name  # the singular of 'European Councils' / 'European Council'


def _final(key: str, redirects: dict[str, str]) -> str:
    seen = {key}
    while key in redirects and redirects[key] not in seen:
        key = redirects[key]
        seen.add(key)
    return key


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() not in ("of", "and", "for", "the"))


def initials_forms(name: str) -> set[str]:
    """The acronyms a name may go by: 'Public and Commercial Services Union' is 'PCSU' or 'PCS'."""
    forms = {_initials(name)}
    words = name.split()
    if len(words) > 1 and words[-1].lower() in lexicon().org_head_nouns and len(_initials(" ".join(words[:-1]))) >= 3:
        forms.add(_initials(" ".join(words[:-1])))
    return forms


def _fold_short_forms(merged: dict[str, Actor]) -> dict[str, str]:
    """An acronym joins the one organisation whose initials it spells ('CDC'); a name joins the one
    longer name it begins ('Centers for Disease Control' and '... and Prevention'), with or without
    a country in front ('U.S. Centers for Disease Control')."""
    orgs = [k for k, a in merged.items() if a.kind in ("organization", "group")]
    countries_ = countries()

    known = organizations()

    def bare(name: str) -> str:
        words = name.split()
        if len(words) > 3 and countries_.lookup(words[0]) is not None:
            words = words[1:]
        elif len(words) > 1 and fold(words[0]) in known:  # 'U.N. Security Council'
            words = known[fold(words[0])].split() + words[1:]
        return spelling_key(" ".join(words))

    names = {k: bare(merged[k].name) for k in orgs}  # each name made bare once: thousands of them at scale
    by_initials: dict[str, list[str]] = {}
    by_prefix: dict[str, list[str]] = {}
    by_name: dict[str, list[str]] = {}
    for k, name in names.items():
        for initials in initials_forms(name.title()):
            by_initials.setdefault(initials, []).append(k)
        by_name.setdefault(name, []).append(k)
        words = name.split()
        for n in range(3, len(words)):
            by_prefix.setdefault(" ".join(words[:n]), []).append(k)
        if len(words) > 1:
            by_prefix.setdefault(words[0], []).append(k)  # 'Deutsche' for the one 'Deutsche Boerse'
    clipped = _ClipIndex({k: _initials(name.title()) for k, name in names.items()}, merged)
    redirects: dict[str, str] = {}
    for key in orgs:
        name = merged[key].name
        if name.replace(".", "").isupper() and 2 <= len(name.replace(".", "")) <= 6:
            owners = [k for k in by_initials.get(name.replace(".", ""), []) if k != key]
        else:
            short = names[key]
            one_word = len(short.split()) == 1 and len(short) > 3
            owners = [k for k in by_prefix.get(short, []) if k != key] if len(short.split()) >= 3 or one_word else []
            if one_word:  # 'Sony' is not its American arm, 'Sony Computer Entertainment America'
                owners = [k for k in owners if not _regional_arm(merged[k].name)]
            owners = owners or [k for k in by_name.get(short, []) if k != key]
        owners = owners or clipped.owners(name, key)
        if len(owners) == 1 and owners[0] not in redirects:
            clipped.absorb(owners[0], key, keep_identity=" " not in name)
            redirects[key] = owners[0]
    _fold_headless(orgs, names, by_name, merged, redirects)
    for key, actor in list(merged.items()):  # 'Lib Dem' tagged as a person
        if actor.kind == "person" and key not in redirects and len(actor.name.split()) >= 2:
            owners = clipped.owners(actor.name, key)
            if len(owners) == 1 and owners[0] not in redirects:
                clipped.absorb(owners[0], key, keep_identity=True)
                redirects[key] = owners[0]
    _fold_misread_bodies(orgs, merged, redirects)
    for key in redirects:
        del merged[key]
    return redirects


def _fold_misread_bodies(orgs: list[str], merged: dict[str, Actor], redirects: dict[str, str]) -> None:
    """'Labour's Mr Livingstone' tagged as a person named Labour: a one-word 'person' that is another
    name of exactly one organisation of the story ('Labour Party', also written 'Labour') is that body."""
    by_alias: dict[str, set[str]] = {}
    for key in orgs:
        if key not in redirects:
            for alias in merged[key].aliases:
                by_alias.setdefault(fold(alias), set()).add(key)
    for key, actor in merged.items():
        owners = by_alias.get(fold(actor.name), set())
        if actor.kind == "person" and " " not in actor.name and key not in redirects and len(owners) == 1:
            if actor.roles or _titled(actor):
                continue  # 'Mr Disney, who quit the board': a person, whatever the company is called
            (owner,) = owners
            _absorb(merged[owner], actor, keep_identity=True)
            redirects[key] = owner


def _fold_bare_titles(merged: dict[str, Actor], redirects: dict[str, str]) -> dict[str, str]:
    """'The Culture Secretary said ...' in one article and 'Culture Secretary Tessa Jowell' in another: a
    'person' named only by a title is the one person of the story whose role is that title ('French
    Culture Minister' may be another country's; 'the shadow Culture Secretary' is someone else)."""
    lex = lexicon()
    title_words = set(lex.titles) | set(lex.title_modifiers)
    holders: dict[str, set[str]] = {}
    for key, actor in merged.items():
        if actor.kind == "person" and key not in redirects:
            for role in actor.roles:
                holders.setdefault(role.lower(), set()).add(key)
    folded: dict[str, str] = {}
    for key, actor in list(merged.items()):
        words = actor.name.lower().split()
        if actor.kind != "person" or key in redirects or not words or not set(words) <= title_words:
            continue
        if not any(w in lex.titles for w in words):
            continue
        if any(_qualified(source.text, actor.name, lex.role_qualifiers) for source in actor.sources):
            continue  # 'the shadow Culture Secretary', 'the new Culture Secretary': someone else
        holder = holders.get(" ".join(words), set()) - {key}
        if len(holder) == 1:
            (owner,) = holder
            _absorb(merged[owner], actor, keep_identity=True)
            folded[key] = owner
            del merged[key]
    return folded


def _qualified(text: str, name: str, qualifiers: frozenset[str]) -> bool:
    before = re.findall(rf"(\S+)\s+{re.escape(name)}", text, flags=re.I)
    return any(word.lower().strip("(,") in qualifiers | {"new"} for word in before)


def _titled(actor: Actor) -> bool:
    titled = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Sir|Lord|Lady|Dame|Dr)\.? {re.escape(actor.name)}\b")
    return any(titled.search(source.text) for source in actor.sources)


def _regional_arm(name: str) -> bool:
    last = name.split()[-1]
    return countries().lookup(last) is not None or last.lower() in lexicon().region_words


def _fold_headless(
    orgs: list[str],
    names: dict[str, str],
    by_name: dict[str, list[str]],
    merged: dict[str, Actor],
    redirects: dict[str, str],
) -> None:
    """'Security Council' joins the one longer name it ends, once the longer one's spellings ('U.N.
    Security Council', 'United Nations Security Council') are one actor; with two such names
    ('Russian Foreign Ministry', 'Chinese Foreign Ministry') it stays as written."""
    by_suffix: dict[str, set[str]] = {}
    for key in orgs:
        words = names[key].split()
        for n in range(1, len(words) - 1):
            by_suffix.setdefault(" ".join(words[n:]), set()).add(names[key])
    for key in orgs:
        longer = by_suffix.get(names[key], set())
        if key in redirects or len(longer) != 1:
            continue
        (owner_name,) = longer
        owner = next((k for k in by_name[owner_name] if k not in redirects), None)
        if owner is not None and owner != key:
            _absorb(merged[owner], merged[key], keep_identity=True)
            redirects[key] = owner


def _clip_words(name: str) -> list[str] | None:
    """The words of a name as cut short ('Lib Dems' -> lib, dem), or None when one is too short to tell."""
    words = [w.lower().rstrip("s") for w in name.split()]
    if len(words) < 2 or any(len(w) < 3 for w in words):
        return None
    return words


def _clips(words: list[str], owner: str) -> bool:
    full = [w.lower() for w in owner.split()]
    return len(full) == len(words) and all(f.startswith(w) and f != w for w, f in zip(words, full, strict=True))


def _clipped_owners(name: str, by_initials: dict[str, list[str]], merged: dict[str, Actor], key: str) -> list[str]:
    """'Lib Dems' is 'Liberal Democrats' with each word cut short. (The plain form of what _ClipIndex
    finds: every organisation with the name's initials is tried.)"""
    words = _clip_words(name)
    if words is None:
        return []
    candidates = by_initials.get(_initials(name.title()), [])
    return [k for k in candidates if k != key and _clips(words, merged[k].name)]


_LAST = "\U0010ffff"  # after every character: word + _LAST ends the words beginning with word


class _ClipIndex:
    """_clipped_owners without trying every organisation of the same initials: at scale an initials
    bucket holds thousands ('LD' for every Liberal Democrats, and for anything else spelling LD).
    For each number of words n and each place i, the organisations' words at i are kept sorted, so
    the owners whose i-th word begins with a given word are one range of that list; the narrowest of
    the name's ranges is tried, word by word, with the initials checked as the bucket did. An owner
    renamed by _absorb ('Deutsche Boerse' taking a person's longer name) is filed again under its
    new words, so the result is the plain one's whatever the order of the merges."""

    def __init__(self, initials: dict[str, str], merged: dict[str, Actor]) -> None:
        self.initials = initials  # the organisations' keys and the initials of their bare names
        self.merged = merged
        filed: dict[tuple[int, int], list[tuple[str, str]]] = {}
        for key in initials:
            full = self._full(key)
            for place, word in enumerate(full):
                filed.setdefault((len(full), place), []).append((word, key))
        # the words in order and their organisations' keys beside them: bisecting a list of strings
        # is several times faster than one of pairs
        self.words: dict[tuple[int, int], tuple[list[str], list[str]]] = {}
        for at, entries in filed.items():
            entries.sort()
            self.words[at] = ([word for word, _ in entries], [key for _, key in entries])

    def _full(self, key: str) -> list[str]:
        return [w.lower() for w in self.merged[key].name.split()]

    def owners(self, name: str, key: str) -> list[str]:
        words = _clip_words(name)
        if words is None:
            return []
        initials = _initials(name.title())
        narrowest: tuple[int, int, list[str]] | None = None
        for place, word in enumerate(words):
            words_at, keys_at = self.words.get((len(words), place), _NONE)
            low = bisect.bisect_left(words_at, word)
            high = bisect.bisect_left(words_at, word + _LAST, low)
            if narrowest is None or high - low < narrowest[1] - narrowest[0]:
                narrowest = (low, high, keys_at)
        assert narrowest is not None
        low, high, keys_at = narrowest
        found = [k for k in keys_at[low:high] if k != key and self.initials[k] == initials]
        return [k for k in found if _clips(words, self.merged[k].name)]

    def absorb(self, owner: str, key: str, keep_identity: bool) -> None:
        """_absorb, keeping the owner filed under its name's words."""
        before = self._full(owner)
        _absorb(self.merged[owner], self.merged[key], keep_identity=keep_identity)
        after = self._full(owner)
        if after == before or owner not in self.initials:
            return
        for place, word in enumerate(before):
            words_at, keys_at = self.words[(len(before), place)]
            low, high = bisect.bisect_left(words_at, word), bisect.bisect_right(words_at, word)
            at = bisect.bisect_left(keys_at, owner, low, high)
            del words_at[at], keys_at[at]
        for place, word in enumerate(after):
            words_at, keys_at = self.words.setdefault((len(after), place), ([], []))
            low, high = bisect.bisect_left(words_at, word), bisect.bisect_right(words_at, word)
            at = bisect.bisect_right(keys_at, owner, low, high)
            words_at.insert(at, word)
            keys_at.insert(at, owner)


_NONE: tuple[list[str], list[str]] = ([], [])


def _fold_same_names(merged: dict[str, Actor]) -> dict[str, str]:
    """A full name the tagger took for a person in one article and for a body in another ('JP McManus')
    is one person: the two keys differ when a body's key drops a plural 's' ('mcmanu')."""
    people = {fold(a.name): k for k, a in merged.items() if a.kind == "person" and " " in a.name}
    redirects: dict[str, str] = {}
    for key, actor in list(merged.items()):
        person = people.get(fold(actor.name)) if actor.kind in ("organization", "group") else None
        if person is not None and person != key:
            _absorb(merged[person], actor)
            redirects[key] = person
            del merged[key]
    return redirects


def _fold_surnames(merged: dict[str, Actor]) -> dict[str, str]:
    """A person known only by a surname in one document joins the one full name that ends with it,
    or the principal one of several (also when the tagger took the lone surname for an organisation)."""
    redirects: dict[str, str] = {}
    people = [k for k, a in merged.items() if a.kind == "person"]
    by_surname: dict[str, list[str]] = {}
    by_first: dict[str, list[str]] = {}
    for key in people:
        if " " in merged[key].name:
            words = person_key(merged[key].name).split()
            by_surname.setdefault(words[-1], []).append(key)
            by_first.setdefault(words[0], []).append(key)
    lone = [k for k, a in merged.items() if a.kind in ("organization", "group") and a.name.istitle()]
    for key in people + lone:
        actor = merged[key]
        if " " in actor.name:
            continue
        fuller = _principal(by_surname.get(person_key(actor.name), []), merged)
        if not fuller and actor.kind == "person":
            # 'Wen' beside 'Wen Jiabao', 'Saadi' beside 'Saadi Gadhafi': a name said first, in a document
            # that gives the full name once
            together = [k for k in by_first.get(person_key(actor.name), []) if _share_a_document(actor, merged[k])]
            fuller = together if len(together) == 1 else []
        if len(fuller) == 1:
            _absorb(merged[fuller[0]], actor, keep_identity=True)  # the full name, a person
            redirects[key] = fuller[0]
            del merged[key]
    return redirects


def _share_a_document(first: Actor, second: Actor) -> bool:
    return bool(set(first.mentions_by_document) & set(second.mentions_by_document))


DOMINANT = 3  # times as many mentions as each namesake: the one a bare surname means


def _principal(fuller: list[str], merged: dict[str, Actor]) -> list[str]:
    """Of several full names with one surname, a paper calls the principal bearer by the surname and
    the relatives by their first names ('Moammar Gadhafi' and his son 'Saadi Gadhafi'): the one
    mentioned far more than every namesake. Namesakes of a size stay apart."""
    if len(fuller) < 2:
        return fuller
    ranked = sorted(fuller, key=lambda k: -merged[k].mentions)
    first, second = merged[ranked[0]].mentions, merged[ranked[1]].mentions
    return ranked[:1] if first >= DOMINANT * second else fuller


def split_actors(actors: list[Actor], speakers: set[str], documents: int) -> tuple[list[Actor], list[Mentioned]]:
    """Actors say something in the story or take part in it; every other name is only mentioned.

    A briefing of one article keeps every name it gives (bystanders and credit lines aside): one
    article names only what its story needs. Across several articles a name that never speaks must act at least
    twice: a country listed once among those reporting a case, or a company named once, is
    background to the story, not a party to it.
    """
    acting, mentioned = [], []
    for actor in actors:
        # an office holder who acts once ('President X said ...') is a party; a name acting once is not
        office = actor.kind == "person" and bool(actor.roles) and not actor.bystander and actor.acting >= 1
        involved = (documents == 1 and not actor.bystander) or actor.acting >= MIN_ACTS or office
        if actor.id in speakers or involved:
            acting.append(actor)
        else:
            mentioned.append(Mentioned(actor.id, actor.name, actor.kind, actor.mentions, list(actor.sources)))
    return acting, mentioned
