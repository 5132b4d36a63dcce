"""End to end: the example seed through extraction, rendering and `mkdocs build --strict`."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sitecheck import broken_internal_links, external_assets

PAGES = [
    "index.html",
    "background/index.html",
    "actors/index.html",
    "positions/index.html",
    "timeline/index.html",
    "questions/index.html",
    "watch/index.html",
    "sources/index.html",
]


def mkdocs_build(project: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site"), *extra],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    import shutil

    from conftest import EXAMPLE_SEED, ROOT

    project = tmp_path_factory.mktemp("site")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "site_templates", project / "site_templates")
    (project / "seeds").mkdir()
    shutil.copy(EXAMPLE_SEED, project / "seeds" / EXAMPLE_SEED.name)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project


def test_strict_build_has_no_warnings(built):
    # a second build reads every seed from the cache and must be just as clean
    result = mkdocs_build(built)
    assert result.returncode == 0
    assert not re.search(r"^(WARNING|ERROR)\s+-", result.stderr, re.M), result.stderr


def test_every_page_exists(built):
    for page in PAGES:
        assert (built / "site" / page).exists(), page
    assert (built / "site" / "sources" / "000-c8ed4e941b026375" / "index.html").exists()


def test_search_index_holds_names_and_designations(built):
    index = json.loads((built / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    for word in ("Çavuşoğlu", "Erdoğan", "F-35"):
        assert word in text


def test_every_citation_resolves_to_a_sentence_anchor(built):
    site = built / "site"
    assert broken_internal_links(site) == []
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "sources/000-c8ed4e941b026375/#s12" in timeline


def test_no_page_loads_anything_from_another_host(built):
    assert external_assets(built / "site") == []
    assert "fonts.googleapis" not in (built / "site" / "index.html").read_text(encoding="utf-8")


def test_actors_page_lists_each_actor_once(built):
    brief = (built / "brief.yaml").read_text(encoding="utf-8")
    import yaml

    names = [a["name"] for a in yaml.safe_load(brief)["actors"]]
    for name in (
        "Mevlüt Çavuşoğlu",
        "Recep Tayyip Erdoğan",
        "Joe Biden",
        "Antony Blinken",
        "Turkey",
        "United States",
        "Russia",
    ):
        assert names.count(name) == 1, names
    assert not {"Çavuşoğlu", "Washington", "Ankara"} & set(names)


def test_timeline_and_watch_hold_the_key_dates(built):
    import yaml

    brief = yaml.safe_load((built / "brief.yaml").read_text(encoding="utf-8"))
    dates = {event["date"] for event in brief["timeline"]}
    assert {"2019-07", "2020-10", "2020-12", "2021-06-14"} <= dates
    assert "2021-06-14" in {item["date"] for item in brief["watch"]}


def test_same_seeds_give_identical_yaml_and_pages(tmp_path):
    import shutil

    from conftest import EXAMPLE_SEED

    from briefgen.pipeline import build_brief
    from briefgen.render import render
    from briefgen.yamlio import dump

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(EXAMPLE_SEED, seeds / EXAMPLE_SEED.name)
    first, _ = build_brief(seeds, None)
    second, _ = build_brief(seeds, tmp_path / "cache")
    third, stats = build_brief(seeds, tmp_path / "cache")
    assert stats.cached == 1
    assert dump(first) == dump(second) == dump(third)
    assert render(first) == render(third)


def test_an_actor_page_sits_under_actors_in_the_navigation(built):
    html = (built / "site" / "actors" / "turkey" / "index.html").read_text(encoding="utf-8")
    primary = html[html.index("md-nav--primary") :]
    section = primary[primary.index("md-nav__item--active md-nav__item--nested") :]  # the highlighted section
    section = section[: section.index("</nav>")]  # up to the current page's table of contents
    assert re.search(r"Actors\s*</span>", section) and "All actors" in section and 'href="../"' in section
    assert 'href="../united-states/"' in primary
