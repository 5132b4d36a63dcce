"""Overrides reach the key dates: an event hidden, redated or reworded in overrides.yaml no longer
makes or tells a key date as it was extracted."""

from __future__ import annotations

import shutil

from conftest import FIXTURES

from briefgen.brief import SCHEMA_VERSION, Brief, DocumentRecord
from briefgen.corrections import corrections, snapshot
from briefgen.findings import Source, TimelineEvent
from briefgen.keydates import key_dates
from briefgen.overrides import apply_overrides

VOTE = "The council voted on Monday to close the northern border crossing to all trucks."
TALKS = "The two delegations met in Geneva for a first round of talks on the border."


def _document(doc_id: str, date: str, second: str) -> DocumentRecord:
    sentences = [
        f"Officials in the capital described a tense week for the region on {date}.",
        second,
        "Residents said they had not been told how long the measures would last in the area.",
    ]
    return DocumentRecord(doc_id, f"seeds/{doc_id}.md", doc_id, date, "front-matter", "0", sentences=sentences)


def story() -> tuple[Brief, list[tuple[str, Source]]]:
    """Two articles report the vote of March 1; a third, of March 3, looks back on talks of February 20."""
    documents = [
        _document("a", "2021-03-01", VOTE),
        _document("b", "2021-03-02", VOTE),
        _document("c", "2021-03-03", TALKS),
    ]
    vote = [Source("a", 2, VOTE), Source("b", 2, VOTE)]
    talks = [Source("c", 2, TALKS)]
    brief = Brief(schema=SCHEMA_VERSION, title="t", as_of="2021-03-03", documents=documents)
    brief.timeline = [
        TimelineEvent("evt-talks", "2021-02-20", "day", TALKS, sources=talks),
        TimelineEvent("evt-vote", "2021-03-01", "day", VOTE, sources=vote),
    ]
    refs = [("2021-03-01", s) for s in vote] + [("2021-02-20", s) for s in talks]
    return brief, refs


def corrected(overrides: dict) -> dict[str, list[str]]:
    brief, refs = story()
    before = snapshot(brief.timeline)
    brief, unmatched = apply_overrides(brief, overrides)
    assert unmatched == []
    return {k.date: [s.text for s in k.sentences] for k in key_dates(brief, refs, corrections(before, brief.timeline))}


def test_without_overrides_the_vote_and_the_talks_are_key_dates():
    dates = corrected({})
    assert VOTE in dates["2021-03-01"]
    assert TALKS in dates["2021-02-20"]


def test_a_hidden_event_neither_makes_a_key_date_nor_tells_one():
    dates = corrected({"hide": ["evt-vote"]})
    assert "2021-03-01" not in dates
    assert all(VOTE not in told for told in dates.values())


def test_a_redated_event_moves_its_key_date():
    dates = corrected({"edit": {"evt-talks": {"date": "2021-02-21"}}})
    assert "2021-02-20" not in dates
    assert TALKS in dates["2021-02-21"]


def test_an_event_dated_to_a_month_by_hand_makes_no_key_day():
    dates = corrected({"edit": {"evt-talks": {"date": "2021-02"}}})
    assert "2021-02-20" not in dates and "2021-02" not in dates


def test_a_reworded_event_tells_its_key_date_in_the_new_words():
    words = "The council closed the northern border crossing to trucks after a vote."
    dates = corrected({"edit": {"evt-vote": {"event": words}}})
    assert words in dates["2021-03-01"] and VOTE not in dates["2021-03-01"]


def test_an_event_added_by_hand_can_make_a_key_date():
    added = "The border crossing reopened to trucks after talks in Geneva."
    dates = corrected({"add": {"timeline": [{"date": "2021-02-25", "event": added, "note": "Ministry statement"}]}})
    assert dates["2021-02-25"] == [added]


def test_overrides_yaml_reaches_the_key_dates_of_a_build(tmp_path):
    """Two articles date a strike's end differently; hiding that event leaves only the newest day."""
    from briefgen.pipeline import build_brief

    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "disagree", seeds)
    cache = tmp_path / "cache"
    brief, _ = build_brief(seeds, cache)
    event = next(e for e in brief.timeline if e.disputed_dates)
    hidden_sentences = {(s.doc, s.sentence) for s in event.sources}
    assert len(brief.key_dates) > 1
    assert any((s.doc, s.sentence) in hidden_sentences for k in brief.key_dates for s in k.sentences)
    overrides = tmp_path / "overrides.yaml"
    overrides.write_text(f"hide: [{event.id}]\n", encoding="utf-8")
    corrected, _ = build_brief(seeds, cache, overrides_path=overrides)
    assert [k.date for k in corrected.key_dates] == [corrected.as_of]
    assert not any((s.doc, s.sentence) in hidden_sentences for k in corrected.key_dates for s in k.sentences)
