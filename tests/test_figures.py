"""The drawings on the pages read for everyone: the time axis is one image with nothing to focus in
it, and tells scheduled and disputed events apart by shape and in words; the matrix names its columns."""

from __future__ import annotations

import re

from test_scale import made_up_brief

from briefgen.axis import timeline_svg
from briefgen.figures import actor_issue_matrix
from briefgen.findings import Source, TimelineEvent
from briefgen.render import render


def _event(day: int, scheduled: bool = False, disputed: bool = False) -> TimelineEvent:
    text = "Something happened in the city that day."
    return TimelineEvent(
        f"evt-{day}-{scheduled}-{disputed}",
        f"2020-03-{day:02d}",
        "day",
        text,
        sources=[Source("a", day, text)],
        scheduled=scheduled,
        disputed_dates=["2020-03-01", "2020-03-02"] if disputed else [],
    )


def test_the_time_axis_is_one_image_with_nothing_to_follow_or_focus_in_it():
    svg = timeline_svg([_event(d) for d in (1, 2, 2, 20)] + [_event(25, scheduled=True)], ("2020-02-01", "2020-03-31"))
    assert svg.startswith('<svg class="bg-timeline"') and 'role="img"' in svg.split(">")[0]
    assert not re.search(r"<a[\s>]|href=|tabindex|<foreignObject|<button|<input", svg)


def test_scheduled_and_disputed_events_differ_from_done_ones_by_shape_and_in_words():
    events = [_event(1), _event(2), _event(10, scheduled=True), _event(20, disputed=True)]
    svg = timeline_svg(events, ("2020-03-01", "2020-03-31"))
    assert svg.count('class="bg-bar"') == 3  # solid bars: done
    assert svg.count('class="bg-bar bg-planned"') == 1  # a dashed outline: scheduled when reported
    assert svg.count('class="bg-disputed"') == 1 and "<path" in svg  # a triangle: sources disagree
    assert "(1 scheduled, sources disagree on 1)" in svg  # the image's name says it in words
    assert "1 event scheduled</title>" in svg and "sources disagree on 1 event</title>" in svg
    assert ".bg-timeline .bg-planned" in (_css())  # the outline is drawn, not only coloured


def test_the_legend_under_the_axis_names_each_shape():
    brief = made_up_brief(seeds=12)
    caption = re.search(r"<figcaption>(.*?)</figcaption>", render(brief)["timeline.md"]).group(1)
    assert "solid bars" in caption and "dashed outlines" in caption and "triangle" in caption


def test_the_matrix_names_its_actor_column_in_its_corner_cell():
    table = actor_issue_matrix(made_up_brief(seeds=12))
    corner = re.search(r"<thead><tr>(<th[^>]*>)(.*?)</th>", table)
    assert corner and corner.group(2).strip()


def _css() -> str:
    from conftest import ROOT

    return (ROOT / "site_templates" / "static" / "assets" / "briefgen.css").read_text(encoding="utf-8")
