"""Seeds are untrusted: hostile text renders as inert text in the built HTML."""

import html as htmllib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitecheck import html_pages, parse

HOSTILE = {
    "script": "<script>alert('owned')</script>",
    "img": '<img src=x onerror="alert(1)">',
    "link": "[click me](javascript:alert(1))",
    "jinja": "{{ 7*7 }} and {% include 'x' %}",
    "admonition": '!!! danger "Injected"',
    "snippet": '--8<-- "/etc/passwd"',
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):

    from conftest import ROOT

    project = tmp_path_factory.mktemp("hostile")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "site_templates", project / "site_templates")
    seeds = project / "seeds"
    seeds.mkdir()
    body = "\n\n".join(f"Minister Ana Costa of Portugal said {value} today." for value in HOSTILE.values())
    (seeds / "hostile.md").write_text(
        "---\ntitle: \"<script>alert('title')</script> {{ title }}\"\ndate: 2021-05-31\n---\n"
        + "Portugal said the plan failed on Monday.\n\n"
        + body
        + "\n\n"
        + "\n\n".join(HOSTILE.values())
        + "\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    return project / "site"


def _texts(site: Path) -> str:
    return "\n".join(page.read_text(encoding="utf-8") for page in html_pages(site))


def test_no_seed_script_runs(hostile_site):
    html = _texts(hostile_site)
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html


def test_no_event_handler_attribute_from_a_seed(hostile_site):
    html = _texts(hostile_site)
    assert "<img src=x" not in html and 'onerror="alert' not in html


def test_no_javascript_link(hostile_site):
    for page in html_pages(hostile_site):
        assert not [href for href in parse(page).hrefs if href.lower().startswith("javascript:")], page


def test_template_syntax_is_shown_not_run(hostile_site):
    source = (hostile_site / "sources" / "hostile" / "index.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in source and "{% include 'x' %}" in htmllib.unescape(source)


def test_admonition_and_snippet_markers_stay_text(hostile_site):
    html = _texts(hostile_site)
    assert 'class="admonition danger"' not in html
    assert "root:x:0:0" not in html
    assert "--8&lt;--" in html


def test_writes_stay_inside_the_output_folder(tmp_path):
    from briefgen.render import write_pages

    with pytest.raises(ValueError, match="outside"):
        write_pages({"../escape.md": "x"}, tmp_path / "out")
    assert not (tmp_path / "escape.md").exists()


def test_hostile_file_name_gives_a_safe_page_name(tmp_path):
    from briefgen.ingest import read_seeds

    (tmp_path / "x..%2f..%2fetc passwd <b>.txt").write_text("T\n\nPortugal said no.", encoding="utf-8")
    (document,), _ = read_seeds(tmp_path)
    assert document.id == "x-2f-2fetc-passwd-b"


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory):
    from hostile import build_hostile_site

    return build_hostile_site(tmp_path_factory.mktemp("poisoned"))


def test_a_payload_in_any_field_reaches_no_page_as_live_markup(poisoned_site):
    from hostile import live_markup

    found = {
        page.relative_to(poisoned_site).as_posix(): live_markup(page.read_text("utf-8"))
        for page in html_pages(poisoned_site)
    }
    assert {page: hits for page, hits in found.items() if hits} == {}


def test_a_payload_reaches_the_search_index_as_text_only(poisoned_site):
    import json

    from hostile import live_markup

    index = json.loads((poisoned_site / "search" / "search_index.json").read_text("utf-8"))
    hits = [
        (doc["location"], found)
        for doc in index["docs"]
        for found in [live_markup(doc["title"] + doc["text"])]
        if found
    ]
    assert hits == []


def test_every_generated_page_names_its_own_title(poisoned_site):
    """MkDocs would otherwise derive a title from the escaped heading and print it unescaped."""
    import yaml

    for relative in ("index.html", "actors/index.html", "sources/index.html"):
        assert "<title>" in (poisoned_site / relative).read_text("utf-8")
    docs = poisoned_site.parent / "docs"
    for page in docs.rglob("*.md"):
        front, _, _ = page.read_text("utf-8").removeprefix("---\n").partition("\n---\n")
        title = yaml.safe_load(front)["title"]
        assert "<" not in title and ">" not in title, page
