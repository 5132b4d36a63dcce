"""The shared structures: the section registry and the parsed document the extractors take."""

import dataclasses

import pytest

from briefgen import nlp
from briefgen.brief import Brief
from briefgen.extract.parsed import parse
from briefgen.findings import SECTIONS, DocFindings, Position, Source, TimelineEvent
from briefgen.yamlio import dump, loads


def test_every_registered_section_is_a_list_of_its_items_on_findings_and_brief():
    for section in SECTIONS:
        text_fields = {f.name for f in dataclasses.fields(section.item)}
        assert section.text in text_fields and "id" in text_fields and "sources" in text_fields
        assert section.dated == ("date" in text_fields and section.involves_actors)
    brief_fields = {f.name for f in dataclasses.fields(Brief)}
    doc_fields = {f.name for f in dataclasses.fields(DocFindings)}
    assert {s.name for s in SECTIONS} <= brief_fields & doc_fields


def test_items_by_id_and_keep_walk_every_section():
    event = TimelineEvent("evt-1", "2020-01-02", "day", "The council met.", sources=[Source("d", 1, "x")])
    position = Position("pos-1", "a", "reported", "We oppose it.")
    brief = Brief(schema=1, title="t", as_of=None, timeline=[event], positions=[position])
    assert brief.by_id() == {"pos-1": position, "evt-1": event}
    brief.keep(lambda item: item.id != "evt-1")
    assert brief.timeline == [] and brief.positions == [position]


def test_brief_yaml_keys_keep_their_order_with_sections_after_the_documents():
    text = dump(Brief(schema=1, title="t", as_of="2020-01-02"))
    keys = [line.split(":")[0] for line in text.splitlines() if line and not line.startswith(" ")]
    assert keys[:5] == ["schema", "title", "as_of", "documents", "actors"]
    assert keys[-1] == "notices" and keys.index("background") < keys.index("mentioned")
    assert loads(text) == Brief(schema=1, title="t", as_of="2020-01-02")


def test_parse_numbers_sentences_and_marks_a_quotation_that_runs_over_two_sentences():
    text = (
        'The minister spoke in Paris. "We will not sign this deal. It is unfair to farmers," '
        "Jean Dupont said.\n\nThe talks resume on Monday."
    )
    parsed = parse(next(nlp.parse([text])), "d", "2020-01-02")
    numbers = {sent.text.strip()[:12]: sent._.number for sent in parsed.sentences}
    assert list(numbers.values()) == list(range(1, len(parsed.sentences) + 1))
    opener = next(s for s in parsed.sentences if "sign" in s.text)
    closer = next(s for s in parsed.sentences if "unfair" in s.text)
    assert opener._.quote_start == opener._.number and closer._.quote_start == opener._.number
    assert {t.text for t in parsed.doc if t.i in closer._.quoted} >= {"unfair", "farmers"}
    assert "Dupont" not in {t.text for t in parsed.doc if t.i in closer._.quoted}
    assert parsed.sentences[-1]._.quote_start is None and not parsed.sentences[-1]._.quoted
    dupont = next(t for t in parsed.doc if t.text == "Dupont")
    assert dupont._.actor == parsed.actors.token_actor[dupont.i] and dupont._.actor is not None
    assert parsed.anchor is not None and parsed.anchor.isoformat() == "2020-01-02"
    assert parsed.source(1).text == "The minister spoke in Paris."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a byline run into the story
            "Jim Muir BBC News, Beirut The people of the town fear they may be next.",
            ["Jim Muir BBC News, Beirut", "The people of the town fear they may be next."],
        ),
        (  # a caption run into the lead, read by the parser as two clauses joined
            "Rescuers searched the rubble for two days Police have said the building had no permit.",
            ["Rescuers searched the rubble for two days", "Police have said the building had no permit."],
        ),
        (  # a page's pull quote and its speaker run into the next sentence
            'The talks went on. "We must act now" End Quote Jane Doe British foreign secretary Riyadh has an '
            "interest in the outcome.",
            [
                "The talks went on.",
                '"We must act now"',
                "End Quote Jane Doe British foreign secretary",
                "Riyadh has an interest in the outcome.",
            ],
        ),
        (  # a photo caption (a name, a colon, a quotation without a stop) opening the story
            'Kofi Annan: "We discussed the need to end the violence" UN envoy Kofi Annan has held talks in Damascus.',
            [
                'Kofi Annan: "We discussed the need to end the violence"',
                "UN envoy Kofi Annan has held talks in Damascus.",
            ],
        ),
        (  # a quotation the story itself introduces
            'Mr Brown said: "We will win the vote" and left the room.',
            ['Mr Brown said: "We will win the vote" and left the room.'],
        ),
        # a title after the noun that names its kind, a role before a name: one sentence each
        ("The film The Aviator won five awards on Sunday.", ["The film The Aviator won five awards on Sunday."]),
        ("Argentina finished top of Group A with three wins.", ["Argentina finished top of Group A with three wins."]),
        (
            "Injuries have taken their toll and coach Andy Robinson has lost two players.",
            ["Injuries have taken their toll and coach Andy Robinson has lost two players."],
        ),
    ],
)
def test_a_caption_or_byline_run_into_the_story_is_a_sentence_of_its_own(text, expected):
    doc = next(nlp.parse([text]))
    assert [s.text.strip() for s in nlp.sentences(doc)] == expected
