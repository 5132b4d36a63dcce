"""One story told by many sources: merging, corroboration, contradictions, incremental rebuilds."""

import dataclasses
import shutil

import pytest
from conftest import FIXTURES

from briefgen.changes import track
from briefgen.pipeline import build_brief
from briefgen.render import render
from briefgen.yamlio import dump


@pytest.fixture(scope="module")
def story():
    brief, _ = build_brief(FIXTURES / "turkey-eu", None)
    return brief


def test_actors_merge_across_sources_with_counts_per_source(story):
    blair = [a for a in story.actors if "Blair" in a.name]
    assert len(blair) == 1 and blair[0].name == "Tony Blair"
    assert len(blair[0].mentions_by_document) == 3
    assert sum(blair[0].mentions_by_document.values()) == blair[0].mentions
    eu = [a for a in story.actors if a.name == "European Union"]
    assert len(eu) == 1 and "EU" in eu[0].aliases


def test_same_event_from_two_sources_is_one_corroborated_entry(story):
    croatia = [e for e in story.timeline if e.date == "2005-04"]
    assert len(croatia) == 1
    assert {s.doc for s in croatia[0].sources} == {"bbc-politics-064", "bbc-politics-161"}
    pages = render(story)
    assert "2 sources" in pages["timeline.md"]


def test_sources_that_disagree_on_a_date_are_flagged():
    brief, _ = build_brief(FIXTURES / "disagree", None)
    (event,) = [e for e in brief.timeline if e.disputed_dates]
    assert event.disputed_dates == ["2021-03-03", "2021-03-05"]
    assert len({s.doc for s in event.sources}) == 2
    question = next(q for q in brief.open_questions if q.kind == "disagreement")
    assert question.question.startswith("Which date is right, 2021-03-03 or 2021-03-05?")
    pages = render(brief)
    assert "sources disagree: 2021-03-03 vs 2021-03-05" in pages["timeline.md"]


def test_positions_of_an_actor_are_newest_first():
    brief, _ = build_brief(FIXTURES / "disagree", None)
    leader = next(a for a in brief.actors if a.name == "Anna de Vries")
    page = render(brief)[f"actors/{leader.id}.md"]
    newer, older = page.index("2021-03-11"), page.index("2021-03-10")
    assert newer < older


def test_adding_a_seed_parses_only_that_seed_and_equals_a_clean_build(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "turkey-eu", seeds)
    cache = tmp_path / "cache"
    _, first = build_brief(seeds, cache)
    assert (first.parsed, first.cached) == (3, 0)
    for path in (FIXTURES / "disagree").iterdir():
        shutil.copy(path, seeds / path.name)
        break
    incremental, stats = build_brief(seeds, cache)
    assert (stats.parsed, stats.cached) == (1, 3)
    clean, _ = build_brief(seeds, None)
    assert dump(incremental) == dump(clean)


def test_unchanged_seeds_do_not_load_the_model(tmp_path, monkeypatch):
    from briefgen import nlp

    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "disagree", seeds)
    build_brief(seeds, tmp_path / "cache")

    def refuse(*args, **kwargs):
        raise AssertionError("spaCy was asked for a parse")

    monkeypatch.setattr(nlp, "load", refuse)
    _, stats = build_brief(seeds, tmp_path / "cache")
    assert stats.parsed == 0


def test_removing_a_seed_removes_its_findings(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "disagree", seeds)
    (seeds / "2021-03-11-strike-over.md").unlink()
    brief, _ = build_brief(seeds, tmp_path / "cache")
    assert all(s.doc != "2021-03-11-strike-over" for e in brief.timeline for s in e.sources)
    assert not any(e.disputed_dates for e in brief.timeline)


def test_what_changed_lists_the_new_seed_and_its_findings(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / "disagree" / "2021-03-10-port-strike.md", seeds)
    history = tmp_path / "history"
    first, _ = build_brief(seeds, None)
    assert track(first, history) is None
    shutil.copy(FIXTURES / "turkey-eu" / "bbc-politics-064.txt", seeds)
    second, _ = build_brief(seeds, None)
    changes = track(second, history)
    assert changes.added_documents == ["bbc-politics-064"]
    assert "turkey" in changes.added["actors"]
    page = render(second, changes=changes)["changes.md"]
    assert "## New actors" in page and "Turkey" in page
    again = track(second, history)
    assert again.added_documents == ["bbc-politics-064"]  # the same seeds keep the same page


def test_sources_that_disagree_on_a_figure_are_flagged():
    brief, _ = build_brief(FIXTURES / "figures", None)
    (event,) = [e for e in brief.timeline if e.date == "2022-08-01"]
    assert event.disputed_figures == ["12 people", "15 people"]
    assert any(q.question.startswith("Which figure is right, 12 people or 15 people?") for q in brief.open_questions)
    assert "figures differ: 12 people vs 15 people" in render(brief)["timeline.md"]


def test_sources_that_disagree_on_an_outcome_are_flagged():
    brief, _ = build_brief(FIXTURES / "outcome", None)
    (event,) = [e for e in brief.timeline if e.date == "2023-02-07"]
    assert len({s.doc for s in event.sources}) == 2
    assert event.disputed_outcomes == ["upheld or overturned"]
    (question,) = [q for q in brief.open_questions if q.kind == "disagreement"]
    assert question.question.startswith("Which outcome is right, upheld or overturned?")
    assert "outcomes differ: upheld or overturned" in render(brief)["timeline.md"]


def test_agreeing_or_negated_outcomes_are_not_a_disagreement():
    from briefgen.corroborate import _conflicting_outcomes

    assert _conflicting_outcomes("The Senate passed the bill on May 2.", "The Senate approved the bill on May 2.") == []
    assert _conflicting_outcomes("The Senate passed the bill.", "The Senate did not reject the bill.") == []
    assert _conflicting_outcomes("Shares rose 5% on Monday.", "Shares fell 5% on Monday.") == ["rose or fell"]


def test_a_new_actor_beyond_the_listed_ones_links_to_an_existing_anchor(monkeypatch):
    from briefgen import render as render_module
    from briefgen.changes import Changes

    brief, _ = build_brief(FIXTURES / "turkey-eu", None)
    monkeypatch.setattr(render_module, "LISTED_ACTORS", 1)
    minor = brief.actors[1]
    changes = Changes(
        previous_as_of=None,
        added_documents=[brief.documents[0].id],
        added={"actors": [minor.id]} | {s: [] for s in ("timeline", "positions", "watch", "open_questions")},
    )
    pages = render(brief, changes=changes)
    assert f"(actors.md#{minor.id})" not in pages["changes.md"]
    assert "(actors.md#other-actors)" in pages["changes.md"]
    assert "## Other actors { #other-actors }" in pages["actors.md"]


def test_repeated_builds_in_one_process_never_change_the_cached_findings(tmp_path):
    """As under `mkdocs serve`: edits to the merged brief must not leak into the next build."""
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "disagree", seeds)
    shutil.copytree(FIXTURES / "figures", seeds, dirs_exist_ok=True)
    cache, overrides = tmp_path / "cache", tmp_path / "overrides.yaml"
    clean, _ = build_brief(seeds, cache)
    assert clean.background and any(e.disputed_dates for e in clean.timeline)
    overrides.write_text(f"edit:\n  {clean.background[0].id}: {{text: Edited by hand}}\n", encoding="utf-8")
    edited, stats = build_brief(seeds, cache, overrides_path=overrides)
    assert stats.parsed == 0 and edited.background[0].text == "Edited by hand"
    overrides.unlink()
    again, _ = build_brief(seeds, cache)
    assert dump(again) == dump(clean)


def test_watch_items_dated_before_the_newest_source_are_set_apart_as_due():
    from briefgen.findings import WatchItem
    from briefgen.merge import told_as_fact, watch_status

    brief, _ = build_brief(FIXTURES / "turkey-eu", None)
    source = brief.watch[0].sources[0] if brief.watch else brief.timeline[0].sources[0]
    brief.as_of = "2005-03-01"
    brief.watch = [
        WatchItem("watch-a", "2004-11", "The talks were to resume in November.", [], [source]),
        WatchItem("watch-b", "2005", "A referendum is expected this year.", [], [source]),
        WatchItem("watch-c", "2005-06-14", "The leaders will meet in June.", [], [source]),
        WatchItem("watch-d", None, "The court will rule on the appeal.", [], [source]),
    ]
    dates = {source.doc: "2005-03-01"}
    watch_status(brief.watch, told_as_fact([], dates), dates, brief.as_of)
    pages = render(brief)
    ahead, due = pages["watch.md"].split("## Due before 2005-03-01")
    assert "resume in November" in due and "resume in November" not in ahead
    assert all(text in ahead for text in ("referendum", "leaders will meet", "court will rule"))
    overview = pages["index.md"].split("## Next to watch")[1].split("## Sources")[0]
    assert "resume in November" not in overview and "leaders will meet" in overview


def test_a_word_or_two_in_common_or_years_and_clock_times_are_no_disagreement():
    from briefgen.corroborate import _conflicting_figures, merge_timeline
    from briefgen.findings import Source, TimelineEvent

    def event(doc, date, text):
        return TimelineEvent(f"evt-{doc}", date, "year", text, ["wales"], [Source(doc, 1, text)])

    merged, questions = merge_timeline(
        [event("a", "1997", "Elected in 1997"), event("b", "2001", "Elected in 2001 after a long campaign")]
    )
    assert len(merged) == 2 and questions == []
    assert _conflicting_figures("At the 1995 World Cup", "At the 2003 World Cup") == []
    assert _conflicting_figures("By 1700 GMT shares fell", "By 1650 GMT shares fell") == []


def test_latest_developments_never_date_after_the_newest_source():
    brief, _ = build_brief(FIXTURES / "disagree", None)
    past = [e for e in brief.timeline if e.date and not e.scheduled]
    assert past and brief.as_of
    brief.timeline.append(dataclasses.replace(past[0], id="evt-misread", date="2046"))
    overview = render(brief)["index.md"].split("## Latest developments")[1].split("## Next to watch")[0]
    assert "**2046**" not in overview and f"**{past[0].date}**" in overview
