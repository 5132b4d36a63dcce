"""What keeps large briefings and their rebuilds fast: the compact cache form and pages rebuilt only when
they changed under `mkdocs serve --dirty`."""

import contextlib
import json
import os
import shutil

import pytest
from conftest import FIXTURES
from mkdocs.structure.files import Files

from briefgen.compact import decode, encode
from briefgen.findings import Actor, DocFindings, Figure, Source, TimelineEvent
from briefgen.ingest import Document

NEW_SEED = FIXTURES / "disagree" / "2021-03-10-port-strike.md"


def _findings() -> DocFindings:
    source = Source("d", 3, "Ankara said on Monday it would buy the system.")
    return DocFindings(
        actors=[
            Actor("turkey", "Turkey", "country", aliases=["Ankara"], mentions_by_document={"d": 2}, sources=[source])
        ],
        timeline=[TimelineEvent("evt-0123456789", "2021-05-31", "day", "Turkey buys it", ["turkey"], [source])],
    )


def test_the_compact_form_gives_back_what_was_written():
    document = Document(
        id="d",
        path="seeds/d.txt",
        title="Title",
        text="Text.",
        sha256="00",
        date="2021-05-31",
        date_source="file-name",
        sentences=["Text."],
    )
    findings = _findings()
    findings.background = []
    document_data, findings_data = json.loads(json.dumps([encode(document), encode(findings)]))
    back_document, back_findings = decode(Document, document_data), decode(DocFindings, findings_data)
    assert back_document == document and back_findings == findings
    assert decode(Figure, encode(Figure("$2bn", "the deal", None, 2.0))) == Figure("$2bn", "the deal", None, 2.0)


def _spoil_actors(data):
    data[0] = "not a list"


def _spoil_event_text(data):
    data[2][0][3] = 7  # the first event's text


def _spoil_mentions(data):
    data[0][0][7] = {"d": "two"}  # mentions by document, not a number


def _spoil_length(data):
    data[0][0].pop()  # an actor a field short


@pytest.mark.parametrize("spoil", [_spoil_actors, _spoil_event_text, _spoil_mentions, _spoil_length])
def test_a_payload_of_another_shape_is_refused(spoil):
    data = json.loads(json.dumps(encode(_findings())))
    assert decode(DocFindings, data) == _findings()
    spoil(data)
    with pytest.raises(ValueError):
        decode(DocFindings, data)


# --- `mkdocs serve --dirty`: a rebuild builds the pages that changed, and only those ----------------------


@contextlib.contextmanager
def _serving_dirty(project):
    """The plugins as `mkdocs serve --dirty` starts them, reset to a plain build afterwards."""
    from mkdocs.config import load_config

    site = project / "served"
    plugins = load_config(str(project / "mkdocs.yml"), site_dir=str(site)).plugins
    plugins.on_startup(command="serve", dirty=True)
    try:
        yield site
    finally:
        plugins.on_startup(command="build", dirty=False)


def _build(project, site, dirty=True):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))  # a rebuild reloads it, as serve does
    build(config, dirty=dirty)
    return config


def _search_locations(site) -> set[str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {entry["location"].split("#")[0] for entry in index["docs"]}


@pytest.mark.slow
def test_a_dirty_rebuild_leaves_unchanged_pages_alone(project, monkeypatch):
    """The new seed's page is built and the pages that count the sources; a source page that did not change
    is not. (With no actor pages the navigation stays the same: the test below changes it.)"""
    monkeypatch.setattr("briefgen.render.SALIENT_ACTORS", 0)
    monkeypatch.chdir(project)
    with _serving_dirty(project) as site:
        _build(project, site)
        example = site / "sources" / "000-c8ed4e941b026375" / "index.html"
        overview = site / "index.html"
        for page in (example, overview):
            page.touch()
            os.utime(page, ns=(1_000_000_000, 1_000_000_000))  # a time no rebuild can give it
        shutil.copy(NEW_SEED, project / "seeds" / NEW_SEED.name)
        _build(project, site)
        added = site / "sources" / "2021-03-10-port-strike" / "index.html"
        assert added.is_file() and "port" in added.read_text(encoding="utf-8").lower()
        assert example.stat().st_mtime_ns == 1_000_000_000, "an unchanged source page was built again"
        assert overview.stat().st_mtime_ns != 1_000_000_000, "the overview, which counts the sources, was not rebuilt"
        assert {"sources/000-c8ed4e941b026375/", "sources/2021-03-10-port-strike/"} <= _search_locations(site)
        (project / "seeds" / NEW_SEED.name).unlink()
        _build(project, site)
        assert not added.exists() and "sources/2021-03-10-port-strike/" not in _search_locations(site)
        assert "sources/000-c8ed4e941b026375/" in _search_locations(site)


def test_a_clean_build_builds_every_page(project, monkeypatch):
    """Without --dirty nothing is kept: MkDocs empties site/ and the plugin hands it every page."""
    from mkdocs.config import load_config

    from briefgen.incremental import KeptPage

    monkeypatch.chdir(project)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    files = config.plugins["briefgen"].on_files(Files([]), config=config)
    assert files.documentation_pages() and not any(isinstance(f, KeptPage) for f in files)


@pytest.mark.slow
def test_a_dirty_rebuild_builds_every_page_when_the_navigation_changes(project, monkeypatch):
    """A new actor page is listed in every page's navigation: every page is built again."""
    monkeypatch.chdir(project)
    with _serving_dirty(project) as site:
        _build(project, site)
        before = {p.name for p in (site / "actors").iterdir()}
        example = site / "sources" / "000-c8ed4e941b026375" / "index.html"
        os.utime(example, ns=(1_000_000_000, 1_000_000_000))
        shutil.copy(NEW_SEED, project / "seeds" / NEW_SEED.name)
        _build(project, site)
        assert {p.name for p in (site / "actors").iterdir()} != before, "the new seed was meant to add an actor page"
        assert example.stat().st_mtime_ns != 1_000_000_000
