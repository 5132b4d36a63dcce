"""Screenshots of a 300-seed Timeline17 topic for the README (`make screenshots` only).

Builds a site from the first 300 of Syria's articles (in publication order), which takes minutes of
extraction on a cold cache (kept in .briefgen-cache/screenshots), photographs its Overview, Timeline
and Positions at desktop (1280 px) and phone (390 px) width, and prints how long each page takes to
load and render (the median of three loads): a measurement, not an assertion. Skipped unless
--screenshots is given.
"""

from __future__ import annotations

import re
import shutil
import statistics
from pathlib import Path

import pytest
from conftest import ROOT, build, serve

pytestmark = pytest.mark.browser

TOPIC = ROOT.parent / "shared" / "eval" / "tls" / "syriancrisis_bbc" / "seeds"
SEEDS = 300
PAGES = {"overview": "", "timeline": "timeline/", "positions": "positions/"}
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
LOADS = 3  # of each page, the median reported
# Milliseconds from the request to the end of the load event, and to the first contentful paint.
TIMING = """() => {
  const load = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  return [load.loadEventEnd - load.startTime, paint ? paint.startTime : null];
}"""


@pytest.fixture(scope="module")
def big_site(request, tmp_path_factory):
    shots = request.config.getoption("--screenshots")
    if not shots:
        pytest.skip("screenshots are taken by `make screenshots` (--screenshots FOLDER)")
    if not TOPIC.is_dir():
        pytest.skip(f"the Timeline17 set is not beside the project ({TOPIC})")
    project = tmp_path_factory.mktemp("timeline17-300")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    cache = ROOT / ".briefgen-cache" / "screenshots"
    config = config.replace("cache_dir: .briefgen-cache", f"cache_dir: {cache}")
    config = re.sub(r"^site_name: .*$", 'site_name: "The Syrian crisis (BBC)"', config, count=1, flags=re.M)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "site_templates", project / "site_templates")
    (project / "seeds").mkdir()
    for seed in sorted(TOPIC.glob("*.md"))[:SEEDS]:
        shutil.copy(seed, project / "seeds" / seed.name)
    build(project, project / "site")
    for url in serve(project / "site"):
        yield Path(shots), project / "site", url


def test_screenshots_of_a_300_seed_topic_at_desktop_and_phone_width(browser, big_site, capsys):
    shots, site, url = big_site
    sizes = {page.relative_to(site).as_posix(): page.stat().st_size for page in site.rglob("*.html")}
    timings = []
    for device, (width, height) in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": height})
        tab = context.new_page()
        for name, path in PAGES.items():
            runs = []
            for _ in range(LOADS):
                tab.goto(url + path)
                tab.wait_for_load_state("load")
                runs.append(tab.evaluate(TIMING))
            loaded, painted = (statistics.median(r[i] or 0 for r in runs) for i in (0, 1))
            timings.append(f"{name} at {width} px: loaded in {loaded:.0f} ms, first paint {painted:.0f} ms (median)")
            tab.screenshot(path=str(shots / f"t17-{name}-{device}.png"), full_page=False)
        context.close()
    with capsys.disabled():
        print("\nlargest pages:", sorted(sizes.items(), key=lambda kv: -kv[1])[:5])
        print("\n".join(timings))
    assert max(sizes.values()) < 300_000
