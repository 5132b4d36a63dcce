"""The merge's indexes give what the plain way gives: trying every candidate, or one pattern of every name."""

from __future__ import annotations

import random
import re

from briefgen.findings import Actor
from briefgen.merge import _NameFinder
from briefgen.merge_actors import _ClipIndex, _clipped_owners, _initials

# names and their words cut short, as tagged copies (bench/replicate.py) make them: 'Liberalqa Democratsqa'
PHRASES = [
    ("Liberal Democrats", "Lib Dems"),
    ("Labour Democrats", "Lab Dem"),
    ("Liberal Democratic Party", "Lib Dem Par"),
    ("Deutsche Boerse", "Deu Boe"),
    ("Libertarian Party", "Lib Par"),
    ("Lib", "Lib"),
]


def _name(rng: random.Random) -> str:
    words = rng.choice(PHRASES)[rng.random() < 0.4].split()
    return " ".join(w + rng.choice(["", "", "s", "qa", "qab"]) for w in words)


def _plain_owners(merged: dict[str, Actor], initials: dict[str, str], name: str, key: str) -> list[str]:
    by_initials: dict[str, list[str]] = {}
    for k, value in initials.items():
        by_initials.setdefault(value, []).append(k)
    return _clipped_owners(name, by_initials, merged, key)


def test_the_clip_index_finds_the_owners_trying_every_organisation_of_the_same_initials_finds():
    rng = random.Random(3)
    for _ in range(20):
        merged = {
            f"k{i}": Actor(f"a{i}", _name(rng), rng.choice(["organization", "group", "person"])) for i in range(60)
        }
        orgs = [k for k, a in merged.items() if a.kind != "person"]
        initials = {k: _initials(merged[k].name.title()) for k in orgs}
        index = _ClipIndex(initials, merged)
        found = 0
        for _ in range(40):
            for key, actor in merged.items():
                owners = index.owners(actor.name, key)
                assert sorted(owners) == sorted(_plain_owners(merged, initials, actor.name, key))
                found += len(owners)
            owner, other = rng.choice(orgs), rng.choice(list(merged))
            if owner != other:  # a merge may rename the owner: it is filed again under its new words
                index.absorb(owner, other, keep_identity=rng.random() < 0.3)
        assert found


def test_the_clip_index_follows_an_owner_renamed_by_a_merge():
    merged = {
        "o": Actor("o", "Liberal Democrats", "organization"),
        "p": Actor("p", "Labourqa Democratsqa", "person"),
    }
    index = _ClipIndex({"o": "LD"}, merged)  # the initials stay those of the name it had
    assert index.owners("Lib Dems", "x") == ["o"]
    index.absorb("o", "p", keep_identity=False)  # a person's longer name: the owner takes it
    assert merged["o"].name == "Labourqa Democratsqa"
    assert index.owners("Lib Dems", "x") == []
    assert index.owners("Lab Dems", "x") == ["o"]


def test_the_name_finder_answers_as_one_pattern_of_every_name():
    rng = random.Random(5)
    vocabulary = ["The", "New", "York", "Times", "U.S.", "(AP)", "Al", "Qaeda", "al-Qaeda", "Times2", "é", "&"]
    for _ in range(30):
        names = [" ".join(rng.choice(vocabulary) for _ in range(rng.choice([1, 2, 3]))) for _ in range(25)]
        names += ["&", "U.S."]
        finder = _NameFinder(names)
        every = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, set(names)), key=len, reverse=True)) + r")\b")
        for _ in range(60):
            text = " ".join(rng.choice(vocabulary + ["said", ",", "."]) for _ in range(rng.randint(0, 12)))
            assert finder.text(text) == bool(every.search(text)), (names, text)
