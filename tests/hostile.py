"""A briefing with a script payload planted in every text field, built into a site by MkDocs.

Shared by the static HTML checks (test_safety) and the browser test (test_browser).
"""

from __future__ import annotations

import dataclasses
import itertools
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import yaml

# Each payload calls alert(); none may ever run, and none may reach the HTML as live markup.
PAYLOADS = (
    "</title><script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '"><svg onload=alert(3)>',
    "' onmouseover='alert(4)' x='",
    "&lt;script&gt;alert(5)&lt;/script&gt;",
    "javascript:alert(6)",
    "{{ 7*7 }} [x](javascript:alert(7)) <!-- -->",
    "]]><script>alert(8)</script>",
)
# Fields that name other items or hold dates; the schema keeps them to ids and ISO dates.
_REFERENCES = {"id", "actor", "actors", "doc", "date", "sha256", "as_of", "mentions_by_document", "sentence"}


def poisoned(value, counter=None):
    """A copy of a dataclass tree with a payload added to every free-text string."""
    counter = counter if counter is not None else itertools.count()
    if dataclasses.is_dataclass(value):
        changes = {}
        for spec in dataclasses.fields(value):
            if spec.name in _REFERENCES:
                continue
            changes[spec.name] = poisoned(getattr(value, spec.name), counter)
        return dataclasses.replace(value, **changes)
    if isinstance(value, list):
        return [poisoned(item, counter) for item in value]
    if isinstance(value, str):
        return f"{value} {PAYLOADS[next(counter) % len(PAYLOADS)]}"
    return value


def hostile_brief(seeds: Path):
    """The example seed's brief with a payload in every field, kinds and precisions included."""
    from conftest import EXAMPLE_SEED

    from briefgen.findings import EDITOR_DOC, Source, WatchItem
    from briefgen.pipeline import build_brief

    seeds.mkdir()
    shutil.copy(EXAMPLE_SEED, seeds / EXAMPLE_SEED.name)
    brief, _ = build_brief(seeds, None)
    brief = poisoned(brief)
    brief.notices = [f"seeds/{p}.txt: bad seed (skipped)" for p in PAYLOADS]
    # items added in overrides.yaml, citing their notes on the Editor's additions page
    brief.watch += [
        WatchItem(f"add-{i}", "2021-06-14", payload, sources=[Source(EDITOR_DOC, i + 1, payload)])
        for i, payload in enumerate(PAYLOADS)
    ]
    return brief


def build_hostile_site(folder: Path) -> Path:
    return build_rendered_site(folder / "project", hostile_brief(folder / "seeds"))


def build_rendered_site(project: Path, brief, only=None) -> Path:
    """Render the brief's pages into a plain MkDocs project (the site set-up without the briefgen
    plugin, which would rebuild the brief from seeds) and build it with --strict. only: a test of a
    page's path to build fewer pages; links to the others are then not checked."""
    from conftest import ROOT

    from briefgen.render import render, write_pages

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    config["plugins"] = ["search"]
    config["docs_dir"] = "docs"
    config.pop("strict", None)
    shutil.copytree(ROOT / "site_templates" / "static", project / "docs")
    pages = render(brief)
    if only is not None:
        pages = {path: markdown for path, markdown in pages.items() if only(path)}
        config["validation"] = {"links": {"not_found": "info", "anchors": "info"}}
    write_pages(pages, project / "docs")
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    return project / "site"


class LiveMarkup(HTMLParser):
    """Collects what a payload would need to run: event-handler attributes, javascript: URLs and
    scripts or other active elements whose content calls alert()."""

    ACTIVE = {"script", "img", "svg", "iframe", "object", "embed"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on") and "alert" in (value or ""):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag in self.ACTIVE and any(name == "src" and value == "x" for name, value in attrs):
            self.found.append(f"<{tag} src=x>")
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data[:60]}")


def live_markup(html: str) -> list[str]:
    parser = LiveMarkup()
    parser.feed(html)
    return parser.found
