"""Accessibility in a real browser: axe-core's WCAG 2.1 A and AA rules on every page of two sites, in
the light and the dark scheme, and Material's instant navigation with `site_url` set.

The sites: the example seed's, and a Timeline17 topic's built from a bounded subset of its articles
(four of Egypt's articles, spread over its 20 days) so the suite stays quick; a 300-seed site is
built only by `make screenshots`. axe-core comes with the axe-playwright-python package.

Each page is loaded once: all WCAG A/AA rules run in the light scheme, then the page is switched to
the dark one as Material's palette toggle does (`data-md-color-scheme="slate"` on the body) and the
rules that depend on colours run again; the others read the markup, which the scheme does not change.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE_SEED, ROOT, build, serve

pytestmark = pytest.mark.browser

# Four of Egypt's Timeline17 articles of 2,000-8,000 characters, from its first day to its last but
# one (25 January to 11 February), copied from ../shared/eval/tls so CI needs nothing beside the project.
TIMELINE17_SEEDS = ["004", "091", "188", "241"]
TLS = ROOT / "tests" / "fixtures" / "timeline17-egypt"

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

# Rules allowed on Material's own markup (header, navigation, search, footer), never on the content
# the project writes (the article: its pages, figures and citations), which must have none; each with
# a one-line reason. Empty: with mkdocs-material 9.x, as pinned, axe finds nothing in the theme's
# markup either (the dark scheme is checked without colour transitions; mid-transition the active
# navigation link reads 4.18:1).
THEME_RULES: dict[str, str] = {}


def project_folder(folder: Path, seeds: list[Path], site_url: str = "") -> Path:
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    if site_url:
        config = (folder / "mkdocs.yml").read_text(encoding="utf-8")
        (folder / "mkdocs.yml").write_text(config.replace('site_url: ""', f'site_url: "{site_url}"'), encoding="utf-8")
    shutil.copytree(ROOT / "site_templates", folder / "site_templates")
    (folder / "seeds").mkdir()
    for seed in seeds:
        shutil.copy(seed, folder / "seeds" / seed.name)
    return folder


def timeline17_seeds() -> list[Path]:
    return [TLS / f"{name}.md" for name in TIMELINE17_SEEDS]


@pytest.fixture(scope="module", params=["example", "timeline17"])
def site(request, tmp_path_factory):
    seeds = [EXAMPLE_SEED] if request.param == "example" else timeline17_seeds()
    project = project_folder(tmp_path_factory.mktemp(request.param), seeds)
    build(project, project / "site")
    for url in serve(project / "site"):
        yield project / "site", url


# Runs axe in the light scheme (every WCAG A/AA rule), switches to the dark scheme as Material's
# toggle does, without the theme's colour transitions, and runs the colour rules again. Each
# violation comes back as [scheme, rule, target, inside the article (the project's content), summary].
AUDIT = """async ([wcag, colourRules]) => {
  const found = [];
  const audit = async (scheme, runOnly) => {
    const results = await axe.run(document, {runOnly, resultTypes: ["violations"]});
    for (const rule of results.violations) {
      for (const node of rule.nodes) {
        const element = document.querySelector(node.target[0]);
        const inContent = !!(element && element.closest(".md-content"));
        found.push([scheme, rule.id, String(node.target[0]), inContent, node.failureSummary.slice(0, 160)]);
      }
    }
  };
  await audit("light", {type: "tag", values: wcag});
  const before = getComputedStyle(document.body).backgroundColor;
  const still = document.createElement("style");  // the new colours at once, not mid-transition
  still.textContent = "*, *::before, *::after { transition: none !important; }";
  document.head.append(still);
  document.body.setAttribute("data-md-color-scheme", "slate");
  if (getComputedStyle(document.body).backgroundColor === before) {
    found.push(["dark", "no-dark-scheme", "body", false, "the page did not change its colours"]);
  }
  await audit("dark", {type: "rule", values: colourRules});
  return found;
}"""


def test_every_page_passes_axe_in_both_schemes(browser, site):
    from axe_playwright_python.base import AXE_SCRIPT

    folder, url = site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    found: dict[str, list[str]] = {}
    pages = sorted(folder.rglob("*.html"))
    for html in pages:
        relative = html.relative_to(folder).as_posix().removesuffix("index.html")
        tab.goto(url + relative)
        tab.evaluate(AXE_SCRIPT)
        for scheme, rule, target, in_content, summary in tab.evaluate(AUDIT, [WCAG, COLOUR_RULES]):
            if in_content or rule not in THEME_RULES:
                found.setdefault(f"{scheme} {relative or '/'}", []).append(f"{rule} {target}: {summary}")
    context.close()
    assert len(pages) >= 10
    assert found == {}


def test_citations_are_announced_as_source_and_sentence_with_the_sources_title(browser, site):
    folder, url = site
    import yaml

    brief = yaml.safe_load((folder.parent / "brief.yaml").read_text(encoding="utf-8"))
    titles = [d["title"] for d in brief["documents"]]
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(url + "timeline/")
    link = tab.locator(".bg-cite a").first
    number, sentence = link.inner_text().split(".")
    assert link.get_attribute("aria-label") == f"source {number}, sentence {sentence}"
    title = link.get_attribute("title")
    assert title and titles[int(number) - 1].startswith(title.rstrip("…"))
    context.close()


def test_instant_navigation_works_through_the_timeline_with_site_url_set(browser, tmp_path):
    """Material's instant navigation, which site_url switches on, arrives on the Timeline and leaves it
    (a link inside its figure once made every later click change only the address)."""
    project = tmp_path / "project"
    project.mkdir()
    server = serve(project / "site")
    url = next(server)
    project_folder(project, [EXAMPLE_SEED], site_url=url)
    build(project, project / "site")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(url)
    tab.evaluate("window.briefgenMark = 1")  # gone if the browser loads a whole new page
    heading = "document.querySelector('h1').textContent.replace('\\u00b6', '').trim()"  # less its permalink
    for title, path in (("Timeline", "timeline/"), ("Positions", "positions/"), ("What to watch", "watch/")):
        tab.locator(".md-nav--primary .md-nav__link", has_text=title).first.click()
        tab.wait_for_function(f"{heading} === {title!r}", timeout=10000)
        assert tab.url == url + path
        if path == "timeline/":
            assert tab.locator("svg.bg-timeline").count() == 1
    assert tab.evaluate("window.briefgenMark") == 1  # every click went through instant navigation
    assert errors == []
    context.close()
    server.close()


# WCAG contrast of each shaded matrix cell's text against its shade (axe leaves one-character cells
# for review): both colours laid on a canvas over the page's background, so shades with transparency
# are measured as drawn.
MATRIX_CONTRAST = """() => {
  const drawn = colours => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context = canvas.getContext("2d");
    for (const colour of colours) { context.fillStyle = colour; context.fillRect(0, 0, 1, 1); }
    return [...context.getImageData(0, 0, 1, 1).data].slice(0, 3);
  };
  const luminance = rgb => rgb.map(v => v / 255).map(v => v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const page = getComputedStyle(document.body).backgroundColor;
  return [...document.querySelectorAll(".bg-matrix td[class*=bg-n]:not(.bg-n0)")].map(cell => {
    const style = getComputedStyle(cell);
    const shade = drawn([page, style.backgroundColor]);
    const [a, b] = [shade, drawn([page, style.backgroundColor, style.color])].map(luminance);
    return [cell.className, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
  });
}"""


def test_the_matrix_shades_keep_their_text_readable_in_both_schemes(browser, site):
    folder, url = site
    levels = set()
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        tab = context.new_page()
        tab.goto(url + "positions/")
        cells = tab.evaluate(MATRIX_CONTRAST)
        assert cells
        assert [(css, round(ratio, 2)) for css, ratio in cells if ratio < 4.5] == [], scheme
        levels |= {css.split()[-1] for css, _ in cells}
        context.close()
    if "example" in folder.parent.name:
        assert levels == {"bg-n1", "bg-n2", "bg-n3"}
