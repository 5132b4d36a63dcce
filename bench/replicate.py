"""A synthetic briefing of any size, built without parsing: real cache entries copied under new ids.

A few hundred bench seeds are extracted once for real. Each copy ("replica" k) of one of them becomes a
new seed file and a cache entry: its words of four letters or more carry a suffix of its own (so copies
are different stories to the merge, not one event told a thousand times), its dates move k days later,
and its ids are derived again. Country names keep their spelling: like real coverage, the copies share
the countries they talk about.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import string
from collections.abc import Callable
from pathlib import Path

from briefgen.cache import ExtractionCache
from briefgen.findings import DocFindings, stable_id
from briefgen.ingest import Document, read_seed, slugify
from briefgen.yamlio import from_dict

Entry = tuple[Document, DocFindings]
TEXT_KEYS = {"text", "event", "question", "item", "name", "aliases", "roles", "affiliation", "title"}
DATE_KEYS = {"date", "disputed_dates"}
ID_KEYS = {"id", "actor", "actors"}
_WORD = re.compile(r"[A-Za-z]{4,}")
_ITEM_ID = re.compile(r"([a-z]+)-([0-9a-f]{10})")
START = dt.date(2004, 1, 1)


def suffix(k: int) -> str:
    """A pronounceable-enough tag of letters for replica k ('' for the original)."""
    letters = ""
    while k:
        k, rest = divmod(k, 26)
        letters += string.ascii_lowercase[rest]
    return "q" + letters if letters else ""


def kept_words(entries: list[Entry]) -> set[str]:
    """Words of country names: every copy keeps them, so countries recur across the whole briefing."""
    words: set[str] = set()
    for _, findings in entries:
        for actor in findings.actors:
            if actor.kind == "country":
                for name in (actor.name, *actor.aliases):
                    words.update(_WORD.findall(name))
    return words


def shift(value: str | None, days: int) -> str | None:
    """A date of any precision moved `days` later; a date of an open year (XXXX-06-14) stays."""
    if not value or not days or not value[:4].isdigit():
        return value
    try:
        if len(value) == 4:
            return str((dt.date(int(value), 7, 1) + dt.timedelta(days)).year)
        if len(value) == 7:
            return (dt.date.fromisoformat(value + "-01") + dt.timedelta(days)).isoformat()[:7]
        return (dt.date.fromisoformat(value[:10]) + dt.timedelta(days)).isoformat()
    except ValueError:
        return value


@dataclasses.dataclass
class Replica:
    k: int
    doc: str
    days: int
    cipher: Callable[[str], str]

    def ident(self, value: str) -> str:
        match = _ITEM_ID.fullmatch(value)
        if not match or not self.k:
            return value  # actor ids are local to their document
        return stable_id(match.group(1), value, str(self.k))

    def transform(self, value, key: str | None = None):
        if isinstance(value, dict):
            if key == "mentions_by_document":
                return {self.doc: sum(value.values())}
            return {name: self.transform(inner, name) for name, inner in value.items()}
        if isinstance(value, list):
            return [self.transform(inner, key) for inner in value]
        if isinstance(value, str):
            if key in TEXT_KEYS:
                return self.cipher(value)
            if key == "doc":
                return self.doc
            if key in DATE_KEYS:
                return shift(value, self.days)
            if key in ID_KEYS:
                return self.ident(value)
        return value


def make_cipher(k: int, keep: set[str]) -> Callable[[str], str]:
    tag = suffix(k)
    if not tag:
        return lambda text: text
    return lambda text: _WORD.sub(lambda m: m.group() if m.group() in keep else m.group() + tag, text)


def base_day(document: Document, index: int) -> dt.date:
    """The original's day when it has one, else one spread over the base year by its place."""
    if document.date and len(document.date) == 10:
        return dt.date.fromisoformat(document.date)
    return START + dt.timedelta(days=(index * 7) % 365)


def write_copies(entries: list[Entry], count: int, seeds: Path, cache: ExtractionCache) -> int:
    """`count` seeds in `seeds` (and their cache entries) made from the entries, replica by replica.
    Files already there are left as they are (their entries were made with them); returns how many
    were written."""
    keep = kept_words(entries)
    seeds.mkdir(parents=True, exist_ok=True)
    written = 0
    for n in range(count):
        k, index = divmod(n, len(entries))
        document, findings = entries[index]
        day = base_day(document, index) + dt.timedelta(days=k)
        name = f"{day.isoformat()}-r{k:04d}-{document.id}.txt"
        path = seeds / name
        if path.exists():
            continue
        cipher = make_cipher(k, keep)
        path.write_text(cipher(f"{document.title}\n\n{document.text}\n"), encoding="utf-8")
        copy = read_seed(path, slugify(path.with_suffix("").name), f"{seeds.name}/{name}")
        key = cache.key(copy)
        replica = Replica(k, copy.id, k, cipher)
        copy.sentences = [cipher(s) for s in document.sentences]
        data = replica.transform(dataclasses.asdict(findings))
        cache.put(key, copy, from_dict(DocFindings, data))
        written += 1
    return written
