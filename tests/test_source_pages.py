"""Source pages kept between renders in one process: the same pages as rendering each again."""

from __future__ import annotations

import jinja2

from briefgen import render
from briefgen.brief import DocumentRecord


def _documents(*titles: str) -> list[DocumentRecord]:
    return [DocumentRecord(f"d{i}", f"d{i}.txt", t, None, "unknown", "", sentences=[t]) for i, t in enumerate(titles)]


def _pages(templates: dict[str, str], documents: list[DocumentRecord], **context) -> dict[str, str]:
    env = jinja2.Environment(loader=jinja2.DictLoader(templates), keep_trailing_newline=True)
    return render._source_pages(env, documents, context)


def test_a_page_of_its_document_alone_is_rendered_once(monkeypatch):
    templates = {
        "source.md.j2": '{% import "m.j2" as m %}# {{ document.title }} {{ m.x() }}\n',
        "m.j2": "{% macro x() %}!{% endmacro %}",
    }
    env = jinja2.Environment(loader=jinja2.DictLoader(templates), keep_trailing_newline=True)
    first = render._source_pages(env, _documents("A", "B"), {})
    assert first == {"sources/d0.md": "# A !\n", "sources/d1.md": "# B !\n"}
    rendered: list[str] = []
    original = jinja2.Template.render
    monkeypatch.setattr(
        jinja2.Template, "render", lambda self, *a, **k: rendered.append("x") or original(self, *a, **k)
    )
    documents = _documents("A", "C")
    assert render._source_pages(env, documents, {}) == {"sources/d0.md": "# A !\n", "sources/d1.md": "# C !\n"}
    assert len(rendered) == 1  # only the changed document's page


def test_a_page_reading_more_than_its_document_is_rendered_every_time():
    templates = {"source.md.j2": "# {{ document.title }} of {{ total }}\n"}
    assert _pages(templates, _documents("A"), total=1) == {"sources/d0.md": "# A of 1\n"}
    assert _pages(templates, _documents("A"), total=2) == {"sources/d0.md": "# A of 2\n"}


def test_a_changed_template_renders_the_pages_again():
    assert _pages({"source.md.j2": "# {{ document.title }}\n"}, _documents("A")) == {"sources/d0.md": "# A\n"}
    assert _pages({"source.md.j2": "## {{ document.title }}\n"}, _documents("A")) == {"sources/d0.md": "## A\n"}
