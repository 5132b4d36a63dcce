"""Names as the tagger gives them, repaired and sorted: people with titles, places, things, credit lines."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.tokens import Doc, Span, Token

from ..gazetteer import countries, fold
from ..lexicon import lexicon
from ..time.tense import WEEKDAY_NAMES
from .common import DESIGNATION, ents_in

CODE = re.compile(r"(?:[A-Z]+\d+){2,}[A-Z]*")  # codes such as H1N1 or H5N1 name things


HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "prof", "professor"}
# abbreviated ranks and offices before a name ('Col. Ahmed Bani', 'Sen. John McCain'), never names themselves
HONORIFICS |= {"col", "gen", "lt", "maj", "sgt", "capt", "cpl", "adm", "brig", "cmdr", "gov", "sen", "rep", "rev"}


def titled_person(ent: Span) -> Span:
    """'Chancellor Olaf Scholz' tagged ORG is a person after a title: keep the name as PERSON.
    So is 'the health commissioner, Androulla Vasiliou', a name in apposition to a title."""
    if ent.label_ not in ("ORG", "GPE", "NORP") or len(ent) < 2:
        return ent
    if headed_role(ent) and all(t.is_title and t.pos_ == "PROPN" for t in ent):
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


def untagged_names(doc: Doc) -> list[Span]:
    """Names the tagger left untagged where the grammar shows who they are: a person after a title
    ('Suffolk Chief Constable Alastair McWhirter told the BBC'), and an acronym that says something,
    alone or beside a body ('The League Against Cruel Sports and the RSPCA say'; not 'AIDS claimed
    three million lives' nor 'Nintendo and the PSP will fight')."""
    tagged = {t.i for e in doc.ents for t in e}
    titles = set(lexicon().titles) - set(lexicon().ambiguous_titles) | {"chief"}
    found: list[Span] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.i in tagged or token.pos_ != "PROPN":
            i += 1
            continue
        end = i
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and end not in tagged:
            end += 1
        run = doc[i:end]
        after_title = max((t.i + 1 for t in run if t.lower_ in titles), default=end)
        if 2 <= end - after_title <= 3 and doc[end - 1].dep_ in ("nsubj", "appos", "nsubjpass"):
            found.append(Span(doc, after_title, end, label="PERSON"))
        elif _acting_acronym(token):
            found.append(Span(doc, i, i + 1, label="ORG"))
        i = max(end, i + 1)
    return found


def repeated_names(doc: Doc, names: list[Span]) -> list[Span]:
    """A body the tagger knew in one place and missed in another ('Parmalat has sued 45 banks', the
    first words of an article): one name means one thing within an article, so an untagged repeat,
    standing alone, is that body too. Only names tagged as bodies every time: a person's surname
    has its own rule, and a name tagged both ways is left as the tagger gave it."""
    known = [*doc.ents, *names]
    tagged = {t.i for e in known for t in e}
    labels: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for ent in known:
        labels[tuple(t.text for t in ent)].add(ent.label_)
    in_people = {t.text for e in known if e.label_ == "PERSON" for t in e}
    untagged: dict[str, list[int]] = defaultdict(list)
    for token in doc:
        if token.pos_ == "PROPN" and token.i not in tagged:
            untagged[token.text].append(token.i)
    titles, found = lexicon().titles, []
    for words, kinds in labels.items():
        if kinds != {"ORG"} or in_people & set(words) or words[0].lower() in titles:
            continue  # a person's name, or a title ('the Chairman of ...')
        if countries().lookup(" ".join(words)):
            continue
        size = len(words)
        for i in untagged.get(words[0], []):
            if tuple(t.text for t in doc[i : i + size]) != words or any(j in tagged for j in range(i, i + size)):
                continue
            last = doc[i + size - 1]
            if _proper(doc, i - 1) or _proper(doc, i + size) or (last.dep_ == "compound" and last.head.pos_ != "PROPN"):
                continue  # part of a longer name the tagger did not give, or naming a noun ('Health officials')
            found.append(Span(doc, i, i + size, label="ORG"))
    return found


def _proper(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()


def _acting_acronym(token: Token) -> bool:
    text = token.text
    if not (text.isupper() and text.isalpha() and 2 <= len(text) <= 6) or countries().lookup(text):
        return False
    if is_news_outlet(text):
        return False  # 'the FT said': the paper reporting
    if len(text) < 3 or any(c.dep_ == "poss" for c in token.children):
        return False  # 'her GP told her': a doctor, not a body
    subject = token
    while subject.dep_ in ("conj", "pobj", "prep") and subject.head.i != subject.i:
        subject = subject.head  # 'The League Against Cruel Sports and the RSPCA say'
    speaking = subject.dep_ == "nsubj" and subject.head.lemma_.lower() in lexicon().reporting_only_verbs
    return speaking and (subject is token or token.head.ent_type_ == "ORG")


POST_NOMINALS = {"qc", "kc", "mp", "mep", "msp", "obe", "mbe", "cbe", "jr", "sr", "phd"}


def post_nominal_person(ent: Span) -> Span:
    """'Guy Mansfield QC' tagged ORG: a name and its letters after it are a person, without the letters."""
    if len(ent) < 3 or ent[-1].lower_.rstrip(".") not in POST_NOMINALS:
        return ent
    name = ent.doc[ent.start : ent.end - 1]
    if not all(t.is_title and t.pos_ == "PROPN" for t in name):
        return ent
    return Span(ent.doc, name.start, name.end, label="PERSON")


def widen_org(ent: Span) -> Span:
    """'Public and Commercial Services Union': take back the words before an 'and' the tagger dropped;
    so with a capitalised word right before the name ('the Liberal Democrats' tagged 'Democrats')."""
    doc, start = ent.doc, ent.start
    if ent.label_ in ("ORG", "NORP") and start > 1 and _dropped_name_word(doc[start - 1]):
        return Span(doc, start - 1, ent.end, label=ent.label_)
    if ent.label_ != "ORG" or start < 2 or doc[start - 1].lower_ not in ("and", "&"):
        return ent
    first = doc[start - 2]
    heads = lexicon().org_head_nouns
    lower_head = ent.end < len(doc) and doc[ent.end].lower_ in heads and doc[ent.end].is_lower
    alone = first.ent_iob_ == "B" and (start - 2 == 0 or doc[start - 3].ent_iob_ != "I")
    if first.ent_type_ == "ORG" and first.is_title and alone and (lower_head or ent[-1].lower_ in heads):
        # 'the Public and Commercial Services union', tagged 'Public' and 'Commercial Services'
        return Span(doc, start - 2, ent.end + lower_head, label="ORG")
    if first.is_title and not first.ent_type_ and not first.is_sent_start and first.pos_ in ("PROPN", "ADJ", "NOUN"):
        return Span(doc, start - 2, ent.end, label="ORG")
    return ent


def without_nested(ents: list[Span]) -> list[Span]:
    """A repaired name swallows the pieces the tagger had cut it into."""
    return [
        e
        for e in ents
        if not any(o is not e and o.start <= e.start and e.end <= o.end and len(o) > len(e) for o in ents)
    ]


def _dropped_name_word(token: Token) -> bool:
    lex = lexicon()
    return (
        token.is_title
        and not token.is_sent_start
        and token.pos_ in ("ADJ", "PROPN")
        and not token.ent_type_
        and token.lower_ not in lex.titles | lex.title_modifiers
        and countries().lookup(token.text) is None
        and token.doc[token.i - 1].lower_ == "the"
    )


def is_thing(span: Span) -> bool:
    words = {t.lower_ for t in span}
    return bool(DESIGNATION.search(span.text)) or bool(words & lexicon().thing_words) or is_product(span)


def is_product(span: Span) -> bool:
    """'two antiviral drugs -- Relenza, made by GlaxoSmithKline': whatever the tagger's label says."""
    lex, root = lexicon(), span.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in lex.thing_words | lex.product_nouns:
        return True
    return any(
        c.dep_ == "acl" and c.lower_ == "made" and any(g.dep_ == "agent" for g in c.children) for c in root.children
    )


def place_names(ents: list[Span]) -> set[str]:
    """Names the text shows to be places or occasions ('Barlinnie Prison' makes 'Barlinnie' a place
    too; 'the London Marathon' is an occasion, not an actor)."""
    places = set()
    for ent in ents:
        if is_occasion(ent):
            places.add(fold(clean_name(ent)[0]))
        elif ent.label_ == "FAC" or is_facility(ent):
            name = clean_name(ent)[0]
            places.add(fold(name))
            if ent[-1].lower_ in lexicon().facility_words and len(ent) > 1:
                places.add(fold(name.rsplit(" ", 1)[0]))
    return places


def towns_by_use(ents: list[Span], known_people: set[str]) -> set[str]:
    """Names the text uses as places ('fighting in Misrata', 'the port city of Misrata') at least twice
    and more than twice as often as the subject of a verb; the tagger may call some of their
    mentions persons."""
    lex = lexicon()
    as_place: Counter[str] = Counter()
    as_subject: Counter[str] = Counter()
    for ent in ents:
        if ent.label_ not in ("PERSON", "GPE", "ORG"):
            continue
        name = clean_name(ent)[0]
        root, head = ent.root, ent.root.head
        if root.dep_ == "nsubj":
            as_subject[name] += 1
        elif ent.label_ != "ORG" and root.dep_ == "pobj" and head.lower_ in lex.locative_prepositions:
            as_place[name] += 1  # 'a stake in Gazprom': a company follows 'in' too, so not for ORG
        elif root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in lex.settlement_nouns:
            as_place[name] += 1
    return {
        fold(name)
        for name, count in as_place.items()
        if count >= 2
        and count > 2 * as_subject[name]
        and fold(name) not in known_people
        and name.strip()
        and countries().lookup(name) is None
    }


def known_surnames(person_names: list[str]) -> set[str]:
    """The folded surnames of people named in full: 'Obama' is a person when 'Barack Obama' is named."""
    return {fold(" ".join(n.split()[i:])) for n in person_names for i in range(1, len(n.split()))}


def is_occasion(ent: Span) -> bool:
    """'the IAAF World Cross Country Championships', 'the London Marathon': an event with a name (but
    'a NATO summit' is NATO's)."""
    return ent.label_ == "EVENT" or (ent.label_ != "PERSON" and ent[-1].lower_ in lexicon().occasion_words)


def is_facility(ent: Span) -> bool:
    """'Barlinnie prison', 'the Mosul Dam', 'the Nile river': a place or a work, not an actor."""
    facilities = lexicon().facility_words
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if ent.label_ != "PERSON" and ent[-1].lower_ in facilities:  # 'Mike Lake' is a person
        return True
    return after is not None and after.lower_ in facilities and after.pos_ in ("NOUN", "PROPN")


def clean_name(span: Span) -> tuple[str, range]:
    tokens = list(span)
    if any(t.text == "(" for t in tokens[1:]):  # 'World Health Organisation (WHO': the acronym is merged apart
        tokens = tokens[: next(i for i, t in enumerate(tokens) if i and t.text == "(")]
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].lower_.rstrip(".") in HONORIFICS):
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[0].tag_ == "NNS" and tokens[1].tag_ in ("NNP", "NNPS"):
        tokens = tokens[1:]  # 'Drugmakers Roche AG': a common noun the tagger took in
    if len(tokens) == 1 and tokens[0].tag_ == "NNS" and tokens[0].is_sent_start:
        tokens = []  # 'Drugmakers have donated ...': a capital only because it opens the sentence
    while len(tokens) > 1 and _nationality_noun(tokens[0]) and tokens[1].pos_ == "PROPN":
        tokens = tokens[1:]  # 'Irishmen JP McManus': who they are, not their name
    fused = next((k for k, t in enumerate(tokens) if k and t.text == "The"), None)
    if fused is not None:
        tokens = tokens[:fused]  # 'Gadhafi The United States': a page's link run into the next sentence
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if tokens and after is not None and after.lower_ == "time" and tokens[-1].lower_ in TIME_ZONE_WORDS:
        tokens = []  # 'Tuesday morning, U.S. Eastern time': a time zone
    dash = next((k for k, t in enumerate(tokens) if k and t.text in _DASHES and t.whitespace_), None)
    if dash is not None and tokens[dash - 1].whitespace_:
        tokens = tokens[:dash]  # 'Veritas - Latin', 'Some News / Agency - 18th July': a name ends at a spaced dash
    while tokens and (
        tokens[-1].tag_ == "POS" or tokens[-1].is_punct and tokens[-1].text not in ".)" or tokens[-1].lower_ == "and"
    ):
        tokens = tokens[:-1]  # 'the Power Page and': a name does not end on 'and'
    following = span.doc[span.end : span.end + 4]
    after_name = len(following) > 0 and (
        following[0].ent_type_ == "PERSON"
        or following[0].lower_ == "of"
        and any(t.ent_type_ == "PERSON" for t in following)
    )
    if span.label_ == "ORG" and len(tokens) > 1 and tokens[-1].lower_.rstrip(".") in lexicon().titles and after_name:
        tokens = tokens[:-1]  # 'University of Leeds Professor [Anna Berg]' ('Court of Justice' keeps its end)
    if span.label_ == "PERSON":  # 'Lib Dem MP Lembit Opik': the name is what follows the title
        titles = lexicon().titles
        last_title = max((k for k, t in enumerate(tokens[:-2]) if t.lower_.rstrip(".") in titles), default=None)
        if last_title is not None:
            tokens = tokens[last_title + 1 :]
        elif len(tokens) > 2 and _field_of_title(span):
            tokens = tokens[1:]  # 'Professor of History Juan Cole': the field the title is of
    if not tokens:
        return "", range(0)
    text = span.doc[tokens[0].i : tokens[-1].i + 1].text
    return re.sub(r"\s+", " ", text), range(tokens[0].i, tokens[-1].i + 1)


def _field_of_title(span: Span) -> bool:
    """'Professor of [History Juan Cole]', 'Minister of [Defence John Reid]': the name's first word is
    what the title before it is of."""
    doc, start = span.doc, span.start
    return start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in lexicon().titles


_DASHES = {"-", "–", "—"}
TIME_ZONE_WORDS = {"eastern", "western", "central", "pacific", "mountain", "atlantic", "standard", "daylight", "local"}


def _nationality_noun(token: Token) -> bool:
    """'Irishmen', 'Frenchman', 'Americans': a person's nationality said as a noun (not the adjective 'Irish')."""
    lower = token.lower_
    word = re.sub(r"(?:man|men|woman|women)$", "", lower)
    found = countries().lookup(word)
    if found is None or found[1] != "demonym":
        return False
    return word != lower or token.tag_ in ("NNS", "NNPS")


def title_phrase(doc: Doc, start: int) -> tuple[str | None, list[Span]]:
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
    return phrase.text, ents_in(phrase)


def appositive_role(doc: Doc, span: Span) -> str | None:
    titles, modifiers = set(lexicon().titles), set(lexicon().title_modifiers)
    for child in span.root.children:
        if child.dep_ == "appos":
            words = [t for t in child.subtree if t.dep_ != "det" and not t.is_punct]
            if words and any(t.lower_ in titles for t in words) and len(words) <= 8:
                start, end = words[0].i, words[-1].i + 1
                # 'vice-chairman', 'ex-home secretary': the parser may hang the prefix apart
                while start - 1 >= span.end and (doc[start - 1].text == "-" or doc[start - 1].lower_ in modifiers):
                    start -= 1
                role = doc[start:end].text
                if role.count("(") > role.count(")") and end < len(doc) and doc[end].text == ")":
                    role += ")"  # 'vice-chairman of India Petrochemicals Limited (IPCL)'
                return role
    return None


def names_a_venue(ent: Span) -> bool:
    """'the Brussels summit', 'the Paris agreement': the capital says where, not who."""
    head, nouns = ent.root.head, lexicon().event_nouns
    return ent.root.dep_ == "compound" and (head.lower_ in nouns or head.lemma_.lower() in nouns)


def names_the_city(ent: Span) -> bool:
    """'London mayor Ken Livingstone', 'the Mayor of London', 'arrived in London', 'the London exchange':
    the capital as a city, not its government ('pressure from Washington', 'officials in Tehran', 'the
    Washington administration' are the government)."""
    root, lex = ent.root, lexicon()
    head = root.head
    if root.dep_ in ("compound", "amod", "nmod"):
        return head.lemma_.lower() not in lex.person_group_words | lex.state_bodies | {"authorities", "leadership"}
    if root.dep_ != "pobj":
        return False
    governor = head.head
    if head.lower_ in lex.locative_prepositions | {"at"}:
        return governor.lower_ not in lex.agent_nouns and governor.lemma_.lower() not in lex.person_group_words
    if head.lower_ in ("to", "from", "into"):
        return governor.lemma_.lower() in lex.motion_verbs
    if head.lower_ == "of":
        return governor.lower_ in lex.titles or governor.lemma_.lower() in lex.city_parts
    return False


def is_news_outlet(name: str) -> bool:
    return lexicon().is_news_outlet(name)


def is_reporter(roles: list[str]) -> bool:
    return lexicon().is_reporter(roles)


def names_people(ent: Span) -> bool:
    """'Many Americans were stocking up', 'Mexicans stayed at home': a plural demonym without 'the'
    names people of that country, not its state ('the Americans rejected the offer' may be its
    negotiators)."""
    root = ent.root
    if root.tag_ not in ("NNPS", "NNS"):
        return False
    before = ent.doc[ent.start - 1] if ent.start else None
    return before is None or before.lower_ != "the"


def one_national(token: Token) -> bool:
    """'The Brazilian confirmed tempers had flared': a demonym standing alone after 'the' as a singular
    noun is one person of that country, named before, not the country."""
    found = countries().lookup(token.text) if token.is_title else None
    return (
        found is not None
        and found[1] == "demonym"
        and token.lower_.endswith(("an", "i"))  # 'the Brazilian', 'the Iraqi'; 'the French' are a people
        and token.tag_ in ("NNP", "NN", "JJ")
        and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        and not any(c.dep_ in ("compound", "amod") for c in token.children)
    )


def join_compound_demonyms(doc: Doc, ents: list[Span]) -> list[Span]:
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
        if previous is not None and _first_name_read_as_a_group(previous, ent):
            joined[-1] = Span(doc, previous.start, ent.end, label="PERSON")  # 'Adrian' (NORP) 'Mutu' (ORG)
            continue
        if ent.label_ == "NORP" and ent.end < len(doc) and is_demonym(doc[ent.end]):
            ent = Span(doc, ent.start, ent.end + 1, label="NORP")
        elif ent.end < len(doc) and doc[ent.end].pos_ == "PROPN" and not doc[ent.end].ent_type_:
            # 'Adrian' (NORP) before an untagged 'Mutu'
            if _first_name_read_as_a_group(ent, Span(doc, ent.end, ent.end + 1, label="PERSON")):
                ent = Span(doc, ent.start, ent.end + 1, label="PERSON")
        joined.append(ent)
    return joined


def _first_name_read_as_a_group(group: Span, name: Span) -> bool:
    """A one-word 'group' that is no demonym, faith, camp or people, set right before a name it qualifies."""
    word = group[0]
    return (
        len(group) == 1
        and group.label_ == "NORP"
        and group.end == name.start
        and name.label_ in ("PERSON", "ORG")
        and len(name) == 1  # 'Texan Lance Armstrong' has its first name
        and name[0].pos_ == "PROPN"
        and word.dep_ == "compound"
        and word.head.i in range(name.start, name.end)
        and countries().lookup(word.text) is None  # a demonym, or a country's name: 'Thai'
        and word.text not in lexicon().group_words
        and name[0].lower_ not in lexicon().titles  # 'Thai Premier Thaksin'
    )


def split_joint_bodies(doc: Doc, ents: list[Span]) -> list[Span]:
    """'the UN-Arab League envoy': two bodies joined by a hyphen, an acronym first, are two names."""
    split: list[Span] = []
    for ent in ents:
        dash = next((t.i for t in ent if t.text == "-" and t.i > ent.start and t.i + 1 < ent.end), None)
        acronym = dash is not None and doc[dash - 1].text.isupper() and 2 <= len(doc[dash - 1].text) <= 5
        if dash is None or ent.label_ != "ORG" or not acronym:
            split.append(ent)
            continue
        start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
        split += [Span(doc, start, dash, label="ORG"), Span(doc, dash + 1, ent.end, label="ORG")]
    return split


def without_a_day(ent: Span) -> Span:
    """'debated in the Commons on Monday' tagged as one name: the day is not part of it ('the Mail on
    Sunday' is a newspaper)."""
    if len(ent) >= 3 and ent[-2].lower_ == "on" and ent[-1].lower_ in WEEKDAY_NAMES:
        if ent[-3].text not in lexicon().news_outlet_words:
            return Span(ent.doc, ent.start, ent.end - 2, label=ent.label_)
    return ent


def through_a_capitalised_link(ent: Span) -> Span:
    """'Swansea Unite Against' tagged before 'Fascism', or 'Swansea Unite' before 'Against Fascism': a
    name at a capitalised 'Against', 'For' or 'Of' goes on through the capitalised words after it, and
    names a body."""
    doc, end = ent.doc, ent.end
    if end < len(doc) - 1 and doc[end].is_title and doc[end].lower_ in NAME_LINKS:
        end += 1  # 'Swansea Unite' tagged before 'Against Fascism'
    elif len(ent) < 2 or not ent[-1].is_title or ent[-1].lower_ not in NAME_LINKS:
        return ent
    link_end = end
    while end < len(doc) and doc[end].is_title and doc[end].pos_ in ("PROPN", "NOUN", "ADJ"):
        if doc[end].ent_type_ in ("DATE", "TIME", "GPE"):
            return ent  # 'Sky On Monday', 'Blair For Britain'
        end += 1
    return Span(doc, ent.start, end, label="ORG") if end > link_end else ent


NAME_LINKS = {"against", "for", "of", "and", "without", "on"}


def split_at_inner_article(doc: Doc, ents: list[Span]) -> list[Span]:
    """'told the Independent the Tories were ...' tagged as one name: a 'the' after a name word that is not
    'of' or 'and' starts a second name ('Bank of the West', 'Church and the State' stay whole)."""
    split: list[Span] = []
    for ent in ents:
        cuts = [
            t.i
            for t in ent
            if t.lower_ == "the" and t.i > ent.start + 1 and doc[t.i - 1].pos_ == "PROPN" and t.i + 1 < ent.end
        ]
        start = ent.start
        for cut in cuts:
            split.append(Span(doc, start, cut, label=ent.label_))
            start = cut
        split.append(Span(doc, start, ent.end, label=ent.label_) if cuts else ent)
    return split


NAME_PARTICLES = {
    "el",
    "al",
    "ben",
    "bin",
    "ibn",
    "abu",
    "abd",
    "abdel",
    "van",
    "von",
    "de",
    "da",
    "di",
    "du",
    "le",
    "la",
    "del",
    "der",
    "den",
    "ten",
    "ter",
    "dos",
}


def join_split_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Zine El' and 'Abidine Ben Ali' tagged as two people side by side, 'Henk Ten' a person and 'Cate'
    an organisation: one name, split at a particle ('El', 'Ben', 'Van', 'Ten') the first part ends with
    (not 'Sex Pistol John Lydon', a descriptor and a name)."""
    joined: list[Span] = []
    for ent in ents:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.label_ == "PERSON"
            and (ent.label_ == "PERSON" or len(ent) == 1 and ent.label_ in ("ORG", "GPE") and ent.text[:1].isupper())
            and previous.end == ent.start
            and previous[-1].lower_ in NAME_PARTICLES
        ):
            joined[-1] = Span(doc, previous.start, ent.end, label="PERSON")
            continue
        joined.append(ent)
    return joined


def in_dateline(ent: Span) -> bool:
    """'GENEVA (Reuters) -': the agency that filed the story."""
    doc = ent.doc
    return (
        ent.start > 0
        and ent.end + 1 < len(doc)
        and doc[ent.start - 1].text == "("
        and doc[ent.end].text == ")"
        and doc[ent.end + 1].text in ("-", "–", "—", "--")
    )


def introduced_as_public(ent: Span) -> bool:
    """How papers introduce a member of the public: 'Kathy Ivcich, 53, a real estate agent',
    'Silvia Rodriguez, a teacher' (no title). 'Gordon Brown, who will chair ...' is not enough."""
    doc, end = ent.doc, ent.end
    if _nationality_only(ent) or (ent.start > 0 and doc[ent.start - 1].lower_ in lexicon().public_nouns):
        return True  # 'cyclist Silvia Rodriguez told Reuters
    if end + 2 >= len(doc) or doc[end].text != ",":
        return False
    after = doc[end + 1]
    if after.like_num:
        return doc[end + 2].text in (",", ")")
    if after.lower_ in ("a", "an"):
        described = doc[end + 2 : min(end + 8, len(doc))]
        words = {t.lower_ for t in described if not t.is_punct}
        works_for = any(t.ent_type_ == "ORG" for t in described)  # 'a strategist at Sovlink Securities'
        return not works_for and not _works_at(doc[end + 2 : min(end + 12, len(doc))]) and not words & lexicon().titles
    return False


def _works_at(described: Span) -> bool:
    """'a football specialist at accountancy firm Grant Thornton': someone named by where they work,
    whatever label the tagger gave the firm, speaks as an expert, not as a passer-by."""
    for token in described:
        if token.text in (",", ";", ".") or token.pos_ == "VERB":
            return False
        if token.lower_ in ("at", "with", "from", "for") and any(
            t.pos_ == "PROPN" for t in described[token.i - described.start + 1 :]
        ):
            return True
    return False


def _nationality_only(ent: Span) -> bool:
    """'said Australian Alex Grinter': a name introduced by nationality alone, with no title or
    occupation, is how a report quotes a passer-by ('US President X', 'American businessman X' are not)."""
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    found = countries().lookup(before.text) if before.is_title else None
    if found is None or found[1] != "demonym":
        return False
    earlier = ent.doc[ent.start - 2] if ent.start >= 2 else None
    return earlier is None or earlier.is_punct or earlier.pos_ in ("VERB", "ADP", "CCONJ")


def reporting_outlet(ent: Span) -> str | None:
    """The outlet a name works for: 'the BBC's Sarah Rainsford', 'BBC political analyst Nick Robinson'."""
    doc = ent.doc
    for owner in doc.ents:
        if owner.end > ent.start or owner.end < ent.start - 4 or not is_news_outlet(owner.text):
            continue
        between = doc[owner.end : ent.start]
        if all(t.tag_ == "POS" or (t.is_alpha and t.pos_ in ("NOUN", "ADJ", "PROPN")) for t in between):
            return owner.text
    return None


def described_as_outlet(ent: Span) -> str | None:
    """What the text calls a name it introduces as a news outlet: 'state news agency' for 'the state news
    agency Sana', 'newspaper' for 'the newspaper Al-Watan', 'Dunya TV channel' or 'the website, Mahjoob,'."""
    doc, nouns = ent.doc, lexicon().outlet_nouns
    candidates = []
    previous = doc[ent.start - 1] if ent.start > 0 else None
    # 'the newspaper Quryna' (the parser hangs the name on the noun, or both on one verb), not 'in an
    # interview with the newspaper Merkel said'
    if previous is not None and (
        ent.root.head.i == previous.i
        or previous.head.i == ent.root.i
        or (previous.dep_ == ent.root.dep_ == "nsubj" and previous.head.i == ent.root.head.i)
    ):
        candidates.append(previous)
    if ent.start > 1 and doc[ent.start - 1].text == "," and ent.root.dep_ == "appos":
        candidates.append(doc[ent.start - 2])  # 'the official news agency, Sana,'
    if ent.end < len(doc) and ent.root.dep_ == "compound" and ent.root.head.i == ent.end:
        candidates.append(doc[ent.end])  # 'Quryna newspaper'
    for noun in candidates:
        if noun.pos_ != "NOUN" or (noun.lower_ not in nouns and noun.lemma_.lower() not in nouns):
            continue
        before = [t for t in noun.lefts if t.dep_ in ("compound", "amod") and t.i not in range(ent.start, ent.end)]
        if noun.lower_ == "agency" and not any(t.lower_ in ("news", "press") for t in before):
            continue  # 'the aid agency Oxfam' acts in the story
        start = min((t.left_edge.i for t in before), default=noun.i)
        words = doc[start : noun.i + 1]  # without the name: 'state-run television' for 'state-run TRT television'
        return "".join(t.text_with_ws for t in words if not ent.start <= t.i < ent.end).strip()
    return None


def speaker_label(doc: Doc, start: int, end: int) -> bool:
    """doc[start:end] labels a line of a transcript: 'CNN: So what should happen next?' at the start of
    a sentence or after another colon ('Here is an edited transcript: CNN: ...')."""
    opens = start == 0 or doc[start].is_sent_start or doc[start - 1].text == ":"
    return opens and end < len(doc) and doc[end].text == ":"


def outlet_takes_part(doc, outlet: str) -> bool:
    """'PBS said it will use extra footage', 'PBS describes itself as ...': the outlet acts or speaks of
    itself in the story, so one of its people named by it alone ('PBS' Jacoba Atlas') speaks for it
    rather than reporting ('the BBC's Sarah Rainsford')."""
    lex = lexicon()
    told = lex.reporting_verbs | lex.newsroom_verbs
    for ent in doc.ents:
        if ent.text != outlet or ent.root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if speaker_label(doc, ent.start, ent.end):
            continue  # 'CNN: Was America blindsided?': the interviewer's label in a transcript
        verb = ent.root.head
        able = next((c for c in verb.children if c.dep_ == "acomp" and c.lemma_.lower() in ("able", "unable")), None)
        if able is not None:  # 'CNN has not been able to confirm the toll': what it could (not) do
            verb = next((c for c in able.children if c.dep_ == "xcomp"), verb)
        if verb.lemma_.lower() not in told:
            return True
        if any(
            c.dep_ == "ccomp"
            and c.lemma_.lower() not in told  # 'the BBC said it had learned ...' still reports
            and any(s.dep_ == "nsubj" and s.lower_ in ("it", "we") for s in c.children)
            for c in verb.children
        ):
            return True
    return False


def headed_role(ent: Span) -> str | None:
    """'the health secretary, Nicola Sturgeon': the title the name stands in apposition to."""
    head = ent.root.head
    if ent.root.dep_ != "appos" or head.lower_ not in lexicon().titles:
        return None
    words = [t for t in head.subtree if t.i < ent.start and t.dep_ != "det" and not t.is_punct]
    return ent.doc[words[0].i : words[-1].i + 1].text if words else None
