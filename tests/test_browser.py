"""The built site in a real browser: search, citations, offline reading, and no third-party requests.

Debian's chromium driven by playwright; no browser is ever downloaded.
"""

import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import build, serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    from conftest import EXAMPLE_SEED, ROOT

    project = tmp_path_factory.mktemp("browser")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "site_templates", project / "site_templates")
    (project / "seeds").mkdir()
    shutil.copy(EXAMPLE_SEED, project / "seeds" / EXAMPLE_SEED.name)
    build(project, project / "site")
    build(project, project / "offline", offline=True)
    return project


@pytest.fixture(scope="module")
def server(sites):
    yield from serve(sites / "site")


@pytest.fixture(scope="module")
def poisoned_server(tmp_path_factory):
    from hostile import build_hostile_site

    site = build_hostile_site(tmp_path_factory.mktemp("poisoned"))
    for url in serve(site):
        yield site, url


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda r: tab.requests.append(r.url))
    yield tab
    context.close()


def third_party(urls: list[str]) -> list[str]:
    return [
        u for u in urls if urlparse(u).scheme in ("http", "https", "ws", "wss") and urlparse(u).hostname != "127.0.0.1"
    ]


def search(page, words: str):
    box = page.locator("input.md-search__input")
    box.click()
    box.type(words, delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item a").all()]


def test_search_for_an_actor_finds_the_actors_page(page, server, request):
    page.goto(server)
    assert "Turkey" in page.title()
    hrefs = search(page, "Blinken")
    assert any("actors" in (h or "") for h in hrefs), hrefs
    shots = request.config.getoption("--screenshots")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        page.keyboard.press("Escape")
        page.goto(server)
        page.screenshot(path=str(Path(shots) / "overview.png"), full_page=False)
    assert third_party(page.requests) == []


def test_citation_leads_to_the_highlighted_sentence(page, server, sites, request):
    import yaml

    brief = yaml.safe_load((sites / "brief.yaml").read_text(encoding="utf-8"))
    page.goto(server + "timeline/")
    shots = request.config.getoption("--screenshots")
    if shots:
        page.screenshot(path=str(Path(shots) / "timeline.png"), full_page=False)
    link = page.locator(".bg-cite a").first
    link.click()
    page.wait_for_load_state()
    fragment = urlparse(page.url).fragment
    assert fragment.startswith("s")
    target = page.locator(f"li#{fragment}")
    document = next(d for d in brief["documents"] if d["id"] in page.url)
    assert target.inner_text().strip() == document["sentences"][int(fragment[1:]) - 1]
    highlighted = target.evaluate("e => getComputedStyle(e).backgroundColor")
    neighbour = page.locator("li.bg-sentences, ol.bg-sentences li").nth(0 if fragment != "s1" else 1)
    assert highlighted != neighbour.evaluate("e => getComputedStyle(e).backgroundColor")
    assert third_party(page.requests) == []


def test_offline_build_searches_from_the_file_system(page, sites):
    page.goto((sites / "offline" / "index.html").as_uri())
    hrefs = search(page, "Erdoğan")
    assert hrefs and any("actors" in (h or "") for h in hrefs), hrefs
    assert third_party(page.requests) == []


# Scripts in the page that call alert(), and elements carrying an event handler or a javascript: URL.
LIVE_PAYLOADS = """() => {
  const found = [];
  for (const s of document.scripts) {
    if (s.textContent.includes("alert(")) found.push("script: " + s.textContent.slice(0, 60));
  }
  for (const e of document.querySelectorAll("*")) {
    for (const a of e.attributes) {
      if (a.name.startsWith("on")) found.push(e.tagName + " " + a.name);
      if (/^\\s*javascript:/i.test(a.value)) found.push(e.tagName + " " + a.name + "=" + a.value);
    }
  }
  return found;
}"""


def test_a_payload_in_every_field_never_runs(page, poisoned_server):
    site, url = poisoned_server
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    live = {}
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix().removesuffix("index.html")
        page.goto(url + relative)
        page.wait_for_load_state("load")
        live[relative] = page.evaluate(LIVE_PAYLOADS)
    page.goto(url)
    search(page, "Blinken")
    live["search"] = page.evaluate(LIVE_PAYLOADS)
    assert dialogs == []
    assert {where: found for where, found in live.items() if found} == {}


@pytest.mark.parametrize("width", [390, 768, 1280])
def test_the_time_axis_fits_its_column_and_its_labels_neither_overlap_nor_leave_it(browser, server, width):
    from itertools import combinations

    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.goto(server + "timeline/")
    svg = tab.locator("svg.bg-timeline")
    box, column = svg.bounding_box(), tab.locator(".md-content__inner").bounding_box()
    assert column["x"] - 1 <= box["x"] and box["x"] + box["width"] <= column["x"] + column["width"] + 1
    labels = [text.bounding_box() for text in svg.locator("text").all()]
    assert labels
    for label in labels:
        assert box["x"] - 1 <= label["x"] and label["x"] + label["width"] <= box["x"] + box["width"] + 1
    for a, b in combinations(labels, 2):
        apart = a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
        assert apart or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"]
    context.close()
