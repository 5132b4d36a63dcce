"""Checks on a built site: pages, citation anchors and third-party requests."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.assets: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("href"):
            self.hrefs.append(attributes["href"])
        if tag in ("script", "img", "iframe") and attributes.get("src"):
            self.assets.append(attributes["src"])
        fetched = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch", "preconnect"}
        if tag == "link" and attributes.get("href") and set((attributes.get("rel") or "").split()) & fetched:
            self.assets.append(attributes["href"])  # a canonical link names the page, the browser fetches nothing


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def broken_internal_links(site: Path, base_path: str = "/") -> list[str]:
    """Every internal link that does not reach an existing page and anchor."""
    parsed = {page: parse(page) for page in html_pages(site)}
    broken = []
    for page, links in parsed.items():
        page_url = base_path + page.relative_to(site).as_posix()
        for href in links.hrefs:
            url = urlparse(urljoin(page_url, href))
            if url.scheme in ("http", "https", "mailto") and url.netloc:
                continue
            if not url.path.startswith(base_path):
                broken.append(f"{page}: {href} leaves the site's base path")
                continue
            target = site / unquote(url.path[len(base_path) :])
            if target.is_dir() or url.path.endswith("/"):
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page}: {href} -> missing {target}")
            elif url.fragment and url.fragment not in parsed[target].ids:
                broken.append(f"{page}: {href} -> no anchor #{url.fragment}")
    return broken


def external_assets(site: Path) -> list[str]:
    """Scripts, styles, images or frames loaded from another host."""
    found = []
    for page in html_pages(site):
        for src in parse(page).assets:
            if re.match(r"^(https?:)?//", src):
                found.append(f"{page}: {src}")
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\((['\"]?)(https?:)?//", css.read_text(encoding="utf-8", errors="ignore")):
            found.append(f"{css}: {url}")
    return found
