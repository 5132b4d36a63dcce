"""General gazetteers: countries with their capitals, demonyms and other names; the lexicon."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from countryinfo.countryinfo import load_countries

from .lexicon import lexicon


@lru_cache(maxsize=1 << 16)  # pure, and asked of the same names in every build of a long-running process
def fold(text: str) -> str:
    """Case-, accent-, dot- and article-insensitive key for names."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"['\u2019]s$", "", text.replace(".", "").strip())
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"\s+", " ", text).strip()


# British and American spellings of the same name: 'Organisation' and 'Organization', 'Centres'
# and 'Centers', 'Defence' and 'Defense', 'Programme' and 'Program', 'Labour' and 'Labor'.
SPELLINGS = [
    (re.compile(r"(?<=[a-z])is(ation|e|ed|es|ing)\b"), r"iz\1"),
    (re.compile(r"(?<=[a-z])tre(s?)\b"), r"ter\1"),
    (re.compile(r"(?<=[a-z])ence\b"), "ense"),
    (re.compile(r"(?<=[a-z])mme\b"), "m"),
    (re.compile(r"(?<=[a-z])our\b"), "or"),
    (re.compile(r"\s*&\s*"), " and "),  # 'Securities & Exchange Commission'
]


@lru_cache(maxsize=1 << 16)
def spelling_key(text: str) -> str:
    """A folded name with one spelling for words English writes two ways."""
    key = fold(text)
    for pattern, replacement in SPELLINGS:
        key = pattern.sub(replacement, key)
    return key


# Arabic names written in Latin letters: the article joined to a name ('al-Assad', 'el-Arabi', 'ad-Dabi')
ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an)-(?=\w)")


@lru_cache(maxsize=1 << 16)
def person_key(name: str) -> str:
    """A person's name as outlets spell it alike: folded, without an Arabic article before a word, a
    final 'y' as 'i' and doubled letters single ('Nabil al-Araby', 'Nabil el-Arabi' and 'Arabi';
    'Ayman al-Zawahiri' and 'Zawahiri')."""
    words = []
    for word in fold(name).split():
        word = ARTICLE.sub("", word)
        if len(word) > 3 and word.endswith("y"):
            word = word[:-1] + "i"
        words.append(re.sub(r"(\w)\1", r"\1", word))
    return " ".join(words)


@lru_cache(maxsize=1 << 16)
def name_key(name: str, kind: str) -> str:
    """The key actors are merged by: folded, one spelling for British and American forms, a body's
    'X of Y' as 'Y X', and for organisations and groups without a plural 's' ('European Councils' and
    'European Council')."""
    key = spelling_key(name) if kind != "person" else person_key(name)
    if kind == "person":
        return key
    inverted = OF_NAME.match(key)
    if inverted:  # 'Court of Appeal' and 'Appeal Court', 'Ministry of Defence' and 'Defence Ministry'
        key = f"{inverted.group(2)} {inverted.group(1)}"
    if kind in ("organization", "group") and key.endswith("s") and not key.endswith("ss") and len(key) > 4:
        return key[:-1]
    return key


OF_NAME = re.compile(r"^(?:the )?([^\W\d]+) of (?:the )?([^\W\d]+(?: [^\W\d]+)*)$")


class Countries:
    """Country names, official and alternative spellings, capitals and demonyms."""

    def __init__(self) -> None:
        self.by_name: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}
        self.codes: dict[str, str] = {}
        # Most populous first, so a shared demonym ("American") names the larger country.
        entries = sorted(load_countries()["countries"].values(), key=lambda e: -(e.get("population") or 0))
        self.ambiguous: set[str] = set()  # 'Congo' names two countries: it stays as written
        official = {fold(entry["name"]) for entry in entries}
        population = {entry["name"]: entry.get("population") or 0 for entry in entries}
        for entry in entries:
            name = entry["name"]
            self.by_name.setdefault(fold(name), name)
            for alt in entry.get("altSpellings", []):
                if alt.isupper() and len(alt) <= 3:
                    self.codes.setdefault(alt, name)
                elif len(alt) > 3:
                    self.by_name.setdefault(fold(alt), name)
            if entry.get("nativeName"):
                self.by_name.setdefault(fold(entry["nativeName"]), name)
            capitals = entry.get("capital") or []
            for capital in capitals if isinstance(capitals, list) else [capitals]:
                self.capitals.setdefault(fold(capital), name)
                self.capitals.setdefault(fold(re.sub(r"\s+(D\.?C\.?|City)$", "", capital)), name)
            if isinstance(entry.get("demonym"), str):
                first = self.demonyms.setdefault(fold(entry["demonym"]), name)
                if first != name and (entry.get("population") or 0) >= 0.05 * population[first]:
                    self.ambiguous.add(fold(entry["demonym"]))  # 'Congolese': two countries of a size
        # a short name that ends two countries' names ('Congo') says no more than the text does
        heads: dict[str, int] = {}
        for key in official:
            if " " in key:
                heads[key.split()[-1]] = heads.get(key.split()[-1], 0) + 1
        self.ambiguous |= {h for h, count in heads.items() if count > 1 and h not in official and h in self.by_name}
        for name, aliases in lexicon().country_aliases.items():
            for alias in aliases:
                self.by_name[fold(alias)] = name

    def lookup(self, text: str) -> tuple[str, str] | None:
        """(country, how) for a mention: how is name, code, capital or demonym."""
        key = fold(text)
        if key in self.ambiguous:
            return text.strip(), "ambiguous"
        if key in self.by_name:
            return self.by_name[key], "name"
        bare = text.replace(".", "").strip()
        # a bare code only when dotted ('U.A.E.') or one that prose uses; 'GMB' is a union, 'CAN' a word
        if bare in self.codes and (bare != text or bare in lexicon().country_codes_in_prose):
            return self.codes[bare], "code"
        if key in self.capitals:
            return self.capitals[key], "capital"
        if key in self.demonyms:
            return self.demonyms[key], "demonym"
        plural = key[:-1] if key.endswith("s") else None
        if plural and plural in self.demonyms:
            return self.demonyms[plural], "demonym"
        return None


@lru_cache(maxsize=1)
def countries() -> Countries:
    return Countries()


@lru_cache(maxsize=1)
def organizations() -> dict[str, str]:
    """Folded name or abbreviation -> the organisation's canonical name."""
    table = {}
    for name, aliases in lexicon().organizations.items():
        for alias in [name, *aliases]:
            table[fold(alias)] = name
    return table
