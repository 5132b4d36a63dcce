"""The example seed's pages, compared with reviewed golden files: any change in output shows in review.

After a deliberate change, refresh them with `BRIEFGEN_UPDATE_GOLDEN=1 make test` and read the diff.
"""

import os
from pathlib import Path

import pytest
from conftest import EXAMPLE_SEED

from briefgen.pipeline import build_brief
from briefgen.render import render

GOLDEN = Path(__file__).resolve().parent / "golden" / "example"
PAGES = ("index.md", "background.md", "actors.md", "positions.md", "timeline.md", "questions.md", "watch.md")


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("seeds")
    (seeds / EXAMPLE_SEED.name).write_bytes(EXAMPLE_SEED.read_bytes())
    brief, _ = build_brief(seeds, None)
    return render(brief)


@pytest.mark.parametrize("name", PAGES)
def test_the_example_page_matches_its_golden_file(pages, name):
    golden = GOLDEN / name
    if os.environ.get("BRIEFGEN_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(pages[name], encoding="utf-8")
    assert pages[name] == golden.read_text(encoding="utf-8")
