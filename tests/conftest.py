import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from briefgen import nlp
from briefgen.extract import extract_document
from briefgen.ingest import Document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_SEED = ROOT / "seeds" / "000_c8ed4e941b026375.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def analyse(text: str, date: str | None = "2021-05-31", doc_id: str = "t"):
    """Run every extractor on a hand-written text, as the pipeline would."""
    document = Document(
        id=doc_id,
        path=f"seeds/{doc_id}.txt",
        title="t",
        text=text,
        sha256="0",
        date=date,
        date_source="front-matter" if date else "unknown",
    )
    findings = extract_document(document, next(nlp.parse([text])))
    return document, findings


def actor_names(findings) -> dict[str, object]:
    return {a.id: a for a in findings.actors}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's site set-up with the example seed, in a temporary folder."""
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "site_templates", tmp_path / "site_templates")
    (tmp_path / "seeds").mkdir()
    shutil.copy(EXAMPLE_SEED, tmp_path / "seeds" / EXAMPLE_SEED.name)
    return tmp_path


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    """The example seed's folder and its brief, built once per test module."""
    from briefgen.pipeline import build_brief

    seeds = tmp_path_factory.mktemp("seeds")
    shutil.copy(EXAMPLE_SEED, seeds / EXAMPLE_SEED.name)
    brief, _ = build_brief(seeds, None)
    return seeds, brief


def many_seeds(folder: Path, count: int) -> Path:
    """count distinct seeds made from the evaluation articles, enough to keep workers busy."""
    folder.mkdir()
    articles = sorted((ROOT / "tests" / "eval").glob("*.txt")) + [EXAMPLE_SEED]
    for i in range(count):
        source = articles[i % len(articles)]
        (folder / f"{i:03d}-{source.name}").write_bytes(source.read_bytes() + f"\n\nCopy {i}.\n".encode())
    return folder


# Browser tests: Debian's chromium driven by playwright; no browser is ever downloaded.
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def build(project: Path, site: Path, offline: bool = False) -> None:
    """mkdocs build --strict of a project folder (the briefgen plugin builds the brief from its seeds)."""
    env = {**os.environ, "BRIEFGEN_OFFLINE": "true" if offline else "false"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def serve(directory: Path, port: int = 0):
    """Serves a folder on 127.0.0.1 until the generator is closed; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: `make test` installs it (apt-get install chromium)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield instance
        instance.close()


def pytest_addoption(parser):
    parser.addoption("--screenshots", default=None, help="Folder to save page screenshots into (browser tests).")


# Property-based tests: 500 examples each in `make test`; BRIEFGEN_HYPOTHESIS_EXAMPLES=5000 for a longer hunt.
settings.register_profile(
    "briefgen",
    max_examples=int(os.environ.get("BRIEFGEN_HYPOTHESIS_EXAMPLES", "500")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("briefgen")
