"""The hand-written brief.yaml emitter: any Brief, dumped and loaded, comes back equal."""

import dataclasses

import yaml
from hypothesis import given
from hypothesis import strategies as st

from briefgen.brief import ACTOR_KINDS, Brief, DocumentRecord
from briefgen.findings import Actor, BackgroundItem, Figure, OpenQuestion, Position, Source, TimelineEvent, WatchItem
from briefgen.yamlio import dump, loads

# Strings YAML 1.1 would read as something else, or that break naive emitters.
TRICKY = st.sampled_from(
    [
        "yes",
        "no",
        "on",
        "off",
        "y",
        "n",
        "null",
        "~",
        "true",
        "False",
        "NULL",
        "1e3",
        "0x1F",
        "012",
        "1_000",
        "2021-05-31",
        "- item",
        "#comment",
        "a: b",
        ": ",
        "a #b",
        "'",
        '"',
        "\\",
        "{x}",
        "[x]",
        "&a",
        "*a",
        "!tag",
        "%",
        "@",
        "`",
        "|",
        ">",
        "? x",
        "",
        " ",
        " lead",
        "trail ",
        "\t",
        "\n",
        "line\nbreak",
        "\r\n",
        "\x85",
        "\u2028",
        "\ufeff",
        "\x7f",
        "\x00",
        "Çavuşoğlu",
        "😀",
        "---",
        "...",
        "<<",
    ]
)
TEXT = st.one_of(TRICKY, st.text(), st.lists(TRICKY, max_size=4).map("".join))
IDS = st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)
DATES = st.one_of(
    st.none(),
    st.tuples(st.dates(), st.sampled_from([4, 7, 10])).map(lambda pair: pair[0].isoformat()[: pair[1]]),
)
SOURCES = st.lists(st.builds(Source, doc=IDS, sentence=st.integers(0, 10**6), text=TEXT), max_size=2)
TEXTS = st.lists(TEXT, max_size=2)

ACTORS = st.builds(
    Actor,
    id=IDS,
    name=TEXT,
    kind=st.sampled_from(ACTOR_KINDS),
    roles=TEXTS,
    affiliation=st.one_of(st.none(), TEXT),
    aliases=TEXTS,
    mentions=st.integers(0, 10**9),
    mentions_by_document=st.dictionaries(IDS, st.integers(0, 1000), max_size=3),
    sources=SOURCES,
)
POSITIONS = st.builds(Position, id=IDS, actor=IDS, kind=TEXT, text=TEXT, topics=TEXTS, date=DATES, sources=SOURCES)
EVENTS = st.builds(
    TimelineEvent,
    id=IDS,
    date=DATES,
    precision=st.sampled_from(["day", "month", "year", None]),
    event=TEXT,
    actors=st.lists(IDS, max_size=3),
    sources=SOURCES,
    scheduled=st.booleans(),
    disputed_dates=st.lists(DATES.filter(bool), max_size=2),
    disputed_figures=TEXTS,
    disputed_outcomes=TEXTS,
)
QUESTIONS = st.builds(OpenQuestion, id=IDS, question=TEXT, kind=TEXT, actors=st.lists(IDS, max_size=2), sources=SOURCES)
WATCH = st.builds(WatchItem, id=IDS, date=DATES, item=TEXT, actors=st.lists(IDS, max_size=2), sources=SOURCES)
BACKGROUND = st.builds(
    BackgroundItem,
    id=IDS,
    text=TEXT,
    figures=st.lists(st.builds(Figure, value=TEXT, refers_to=TEXT), max_size=2),
    sources=SOURCES,
)
DOCUMENTS = st.builds(
    DocumentRecord,
    id=IDS,
    path=TEXT,
    title=TEXT,
    date=DATES,
    date_source=st.sampled_from(["front-matter", "html-meta", "file-name", "inferred", "unknown"]),
    sha256=st.from_regex(r"[0-9a-f]{64}", fullmatch=True),
    source=st.one_of(st.none(), TEXT),
    url=st.one_of(st.none(), TEXT),
    author=st.one_of(st.none(), TEXT),
    sentences=TEXTS,
)
BRIEFS = st.builds(
    Brief,
    schema=st.just(1),
    title=TEXT,
    as_of=DATES,
    documents=st.lists(DOCUMENTS, max_size=2),
    actors=st.lists(ACTORS, max_size=2),
    positions=st.lists(POSITIONS, max_size=2),
    timeline=st.lists(EVENTS, max_size=2),
    open_questions=st.lists(QUESTIONS, max_size=2),
    watch=st.lists(WATCH, max_size=2),
    background=st.lists(BACKGROUND, max_size=2),
    notices=TEXTS,
)


@given(BRIEFS)
def test_any_brief_dumped_and_loaded_comes_back_equal(brief):
    """As data: the schema's cross-references (a position's actor, a citation's document) are left
    to the validation tests."""
    assert yaml.safe_load(dump(brief)) == dataclasses.asdict(brief)


@given(TEXT)
def test_any_string_survives_as_a_title(text):
    brief = Brief(schema=1, title=text, as_of=None)
    assert loads(dump(brief)).title == text


@given(BRIEFS)
def test_any_brief_validate_accepts_renders(brief):
    from briefgen.render import render
    from briefgen.yamlio import validate_text

    text = dump(brief)
    if validate_text(text) == []:
        render(loads(text))
