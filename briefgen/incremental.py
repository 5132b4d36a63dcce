"""Rebuilding only what changed under `mkdocs serve --dirty`.

MkDocs' dirty mode skips a page whose file is not modified, but it takes every generated page as
modified. The plugin remembers the Markdown of the last build that finished and hands MkDocs the
pages whose Markdown is the same as pages it need not build again; everything else (a new or changed
page, the actor pages listed in the navigation, every page when the navigation changed) is built.
A page no longer generated (a seed removed) has its HTML removed, and the search index keeps the
entries of the pages that were not rebuilt.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from .navigation import ACTOR_PAGES

_DIRTY_WARNING = "A 'dirty' build is being performed"


class KeptPage(File):
    """A generated page whose HTML in site_dir was built from the same Markdown."""

    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)


def _navigation_key(pages: dict[str, str]) -> tuple:
    """What the navigation is made of: the actor pages and their titles (in their front matter)."""
    return tuple(sorted((path, _title(markdown)) for path, markdown in pages.items() if path.startswith(ACTOR_PAGES)))


def _title(markdown: str) -> str:
    return next((line for line in markdown.split("\n", 8)[:8] if line.startswith("title:")), "")


class _QuietDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build that its navigation may be stale (and `strict: true` turns that
    into a failed build); the plugin rebuilds every page when the navigation changes."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(_DIRTY_WARNING)


_QUIET = _QuietDirtyWarning()


class Incremental:
    def __init__(self) -> None:
        self.built: dict[str, str] = {}  # page path -> the Markdown its HTML was built from
        self.navigation: tuple | None = None
        self.search: dict[str, list[dict]] = {}  # page url -> its search entries
        self._pending: tuple[dict[str, str], tuple, dict[str, str]] | None = None
        self._fresh: dict[str, list[dict]] = {}
        self._seen = 0
        logging.getLogger("mkdocs.commands.build").addFilter(_QUIET)  # once: the same filter is not added twice

    def files(self, config: MkDocsConfig, pages: dict[str, str]) -> list[File]:
        """The pages as MkDocs files, those MkDocs need not build again marked as kept."""
        navigation = _navigation_key(pages)
        same_navigation = navigation == self.navigation
        files: list[File] = []
        urls: dict[str, str] = {}
        for path, markdown in sorted(pages.items()):
            kept = same_navigation and self.built.get(path) == markdown and not path.startswith(ACTOR_PAGES)
            file = (KeptPage if kept else File).generated(config, path, content=markdown)
            urls[path] = file.url
            files.append(file)
        self._pending = (pages, navigation, urls)
        self._fresh, self._seen = {}, 0
        return files

    def page_built(self, page_url: str, entries: list[dict]) -> None:
        """The search entries the search plugin added since the last page: this page's own."""
        self._fresh[page_url] = entries[self._seen :]
        self._seen = len(entries)

    def finished(self, config: MkDocsConfig) -> None:
        """After a build: remove what is no longer generated, complete the search index, remember."""
        if self._pending is None:
            return
        pages, navigation, urls = self._pending
        self._pending = None
        site = Path(config.site_dir)
        for path in set(self.built) - set(pages):
            _remove_page(site, File.generated(config, path, content="").dest_uri)
        for url in [u for u in self.search if u not in urls.values()]:
            del self.search[url]
        self.search.update(self._fresh)
        _write_search_index(site / "search" / "search_index.json", self.search)
        self.built, self.navigation = dict(pages), navigation

    def failed(self) -> None:
        """A build that did not finish: the next one builds every page."""
        self._pending, self.built, self.navigation = None, {}, None


def _remove_page(site: Path, dest_uri: str) -> None:
    target = site / dest_uri
    target.unlink(missing_ok=True)
    try:
        target.parent.rmdir()  # its folder, when the page was all it held
    except OSError:
        pass


def _write_search_index(path: Path, entries_by_page: dict[str, list[dict]]) -> None:
    if not path.is_file():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    data["docs"] = [entry for url in sorted(entries_by_page) for entry in entries_by_page[url]]
    path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
