"""A briefing of 300 seeds: every HTML page under 300 KB while brief.yaml keeps everything; actor pages
only for actors who do something; source numbers on citations as on the Sources list.

The 300-seed brief is made up, not extracted (extracting 300 articles takes minutes): as many items
as a 300-article Timeline17 topic gives (Syria's first 300: 613 actors, 3,324 positions, 1,282
events), with long titles, sentences and several sources per item, so citations weigh what they do
on a real story.
"""

from __future__ import annotations

import datetime as dt
import random
import re

from hostile import build_rendered_site

from briefgen.brief import SCHEMA_VERSION, Brief, DocumentRecord
from briefgen.findings import (
    Actor,
    BackgroundItem,
    Mentioned,
    OpenQuestion,
    Position,
    Source,
    TimelineEvent,
    WatchItem,
)
from briefgen.keydates import KeyDate, KeySentence
from briefgen.render import render
from briefgen.summary import SummaryItem
from briefgen.yamlio import dump

SEEDS = 300
MAX_PAGE = 300_000
START = dt.date(2011, 4, 1)


def _sentence(rng: random.Random, words: int = 28) -> str:
    vocabulary = "government forces opposition talks ceasefire city province minister council envoy report".split()
    return " ".join(rng.choice(vocabulary) for _ in range(words)).capitalize() + "."


def _sources(rng: random.Random, documents: list[DocumentRecord], count: int) -> list[Source]:
    picked = rng.sample(documents, count)
    return [Source(d.id, n, d.sentences[n - 1]) for d in picked for n in [rng.randint(1, len(d.sentences))]]


def made_up_brief(seeds: int = SEEDS, seed: int = 7) -> Brief:
    rng = random.Random(seed)
    documents = []
    for i in range(seeds):
        day = START + dt.timedelta(days=i * 480 // seeds)
        title = f"Article {i:03d}: " + _sentence(rng, 14)[:-1]  # about 100 characters, longer than a tooltip
        sentences = [_sentence(rng) for _ in range(40)]
        documents.append(
            DocumentRecord(
                f"doc-{i:03d}", f"seeds/{i:03d}.md", title, day.isoformat(), "front-matter", "0", sentences=sentences
            )
        )
    actors = [
        Actor(
            f"actor-{i}",
            f"Actor Number {i}",
            "person",
            roles=["envoy of the council"],
            mentions=max(1, 400 // (i + 1)),
            mentions_by_document={documents[i % seeds].id: 1},
            sources=_sources(rng, documents, 8),
        )
        for i in range(613)
    ]

    def dated(i: int) -> str:
        return (START + dt.timedelta(days=i % 480)).isoformat()

    brief = Brief(
        schema=SCHEMA_VERSION,
        title="A made-up story of 300 articles",
        as_of=documents[-1].date,
        documents=documents,
        actors=actors,
    )
    brief.positions = [
        Position(
            f"pos-{i}",
            actors[i % 80].id,
            "reported",
            _sentence(rng),
            [f"issue {i % 12}"],
            dated(i),
            _sources(rng, documents, 2),
        )
        for i in range(3324)
    ]
    brief.timeline = [
        TimelineEvent(
            f"evt-{i}",
            dated(i * 7),
            "day",
            _sentence(rng, 20),
            [actors[i % 40].id],
            _sources(rng, documents, 3),
            disputed_dates=["2011-05-01", "2011-05-02"] if i % 50 == 0 else [],
        )
        for i in range(1282)
    ]
    brief.watch = [
        WatchItem(
            f"watch-{i}",
            dated(i),
            _sentence(rng, 20),
            [actors[i % 30].id],
            _sources(rng, documents, 2),
            status=("ahead", "due", "earlier")[i % 3],
        )
        for i in range(900)
    ]
    brief.open_questions = [
        OpenQuestion(f"q-{i}", _sentence(rng, 15)[:-1] + "?", "unresolved", [], _sources(rng, documents, 1))
        for i in range(400)
    ]
    brief.background = [BackgroundItem(f"bg-{i}", _sentence(rng), [], _sources(rng, documents, 1)) for i in range(800)]
    brief.mentioned = [Mentioned(f"m-{i}", f"Place {i}", "place", 1, _sources(rng, documents, 1)) for i in range(500)]
    brief.summary = [SummaryItem(_sentence(rng), _sources(rng, documents, 1)) for _ in range(7)]
    brief.key_dates = [
        KeyDate(
            dated(i * 13),
            [KeySentence(s.text, s.doc, s.sentence) for s in _sources(rng, documents, 3)],
            _sources(rng, documents, 12),
        )
        for i in range(100)
    ]
    return brief


def test_every_html_page_of_a_300_seed_briefing_is_under_300_kb_and_brief_yaml_keeps_everything(tmp_path):
    brief = made_up_brief()
    # every page but most sources' own (each one article's sentences): quicker, and they weigh nothing
    # on the others, which do not list them in their navigation
    site = build_rendered_site(
        tmp_path / "project", brief, only=lambda path: not path.startswith("sources/doc-") or path < "sources/doc-005"
    )
    sizes = {page.relative_to(site).as_posix(): page.stat().st_size for page in site.rglob("*.html")}
    assert len(sizes) >= 9 + 25 + 5  # the sections, the actors' pages and five sources'
    assert {page: size for page, size in sizes.items() if size >= MAX_PAGE} == {}
    saved = _entries(dump(brief))
    sections = ("documents", "actors", "positions", "timeline", "watch", "open_questions", "background", "key_dates")
    assert {s: saved[s] for s in sections} == {s: len(getattr(brief, s)) for s in sections}


def _entries(text: str) -> dict[str, int]:
    """Entries of each top-level list of brief.yaml, counted from the writer's layout (a list's items
    start at column 0 with '- '): loading 10 MB of YAML would take longer than the build."""
    counts: dict[str, int] = {}
    section = ""
    for line in text.splitlines():
        if re.match(r"[a-z_]+:", line):
            section = line.split(":", 1)[0]
            counts[section] = 0
        elif line.startswith("- "):
            counts[section] += 1
    return counts


def test_an_actor_without_a_position_or_an_event_is_a_list_entry_not_a_page():
    brief = made_up_brief(seeds=12)
    brief.positions = [p for p in brief.positions if p.actor != "actor-0"]
    brief.timeline = [e for e in brief.timeline if "actor-0" not in e.actors]
    pages = render(brief)
    assert "actors/actor-0.md" not in pages
    assert "## Actor Number 0 { #actor-0 }" in pages["actors.md"]  # still listed, the most mentioned
    with_pages = [path for path in pages if path.startswith("actors/")]
    assert with_pages
    for path in with_pages:
        actor_id = path.removeprefix("actors/").removesuffix(".md")
        assert any(p.actor == actor_id for p in brief.positions) or any(actor_id in e.actors for e in brief.timeline)


def test_source_numbers_on_citations_match_the_order_of_the_sources_list():
    brief = made_up_brief(seeds=12)
    pages = render(brief)
    listed = re.findall(r"^\| (\d+) \| \[[^]]*\]\(([\w-]+)\.md\)", pages["sources/index.md"], re.M)
    assert [int(n) for n, _ in listed] == list(range(1, len(brief.documents) + 1))
    number_of = {doc: n for n, doc in listed}
    cited = re.findall(r"\[(\d+)\.(\d+)\]\((?:\.\./)?sources/([\w-]+)\.md#s(\d+)\)", "".join(pages.values()))
    assert len(cited) > 100
    for number, sentence, doc, anchor in cited:
        assert (number, sentence) == (number_of[doc], anchor)
    # a source's own page shows no number: an older article arriving would shift it on every later page
    assert all(re.search(r"^# \d+\. ", pages[f"sources/{doc}.md"], re.M) is None for doc in number_of)


def test_the_sources_table_lists_the_newest_sources_and_says_how_many_it_leaves_out(monkeypatch):
    monkeypatch.setattr("briefgen.render.LISTED_SOURCES", 2)
    brief = made_up_brief(seeds=12)
    pages = render(brief)
    rows = re.findall(r"^\| (\d+) \| \[", pages["sources/index.md"], re.M)
    assert rows == ["11", "12"]
    assert "The newest 2 of 12 sources" in pages["sources/index.md"]
    assert all(f"sources/{d.id}.md" in pages for d in brief.documents)  # every source keeps its page
