"""`mkdocs serve` regenerates the briefing when a seed is dropped in."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import FIXTURES

NEW_SEED = FIXTURES / "disagree" / "2021-03-10-port-strike.md"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, seconds: float):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.5)
    return None


@pytest.mark.slow
def test_new_seed_appears_in_the_served_site(project):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/actors/"
    try:
        first = wait_for(lambda: fetch(url), 180)
        assert first and "Mevlüt Çavuşoğlu" in first and "Anna de Vries" not in first
        shutil.copy(NEW_SEED, project / "seeds" / NEW_SEED.name)
        updated = wait_for(lambda: (page := fetch(url)) and "Anna de Vries" in page and page, 120)
        assert updated, "the new actor did not reach the served page"
        (project / "seeds" / NEW_SEED.name).unlink()
        removed = wait_for(lambda: (page := fetch(url)) and "Anna de Vries" not in page and page, 120)
        assert removed, "the removed seed's actor stayed on the page"
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.slow
def test_build_watch_rebuilds_the_site_when_a_seed_arrives(project):
    """`briefgen build --watch`: the static site in site/ follows the seeds folder."""
    watcher = subprocess.Popen(
        [sys.executable, "-m", "briefgen.cli", "build", "--watch"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    actors = project / "site" / "actors" / "index.html"

    def page() -> str:
        return actors.read_text(encoding="utf-8") if actors.exists() else ""

    try:
        assert wait_for(lambda: "Mevlüt Çavuşoğlu" in page(), 180), "the first build did not finish"
        assert "Anna de Vries" not in page()
        shutil.copy(NEW_SEED, project / "seeds" / NEW_SEED.name)
        assert wait_for(lambda: "Anna de Vries" in page(), 120), "the new seed did not reach site/"
        (project / "seeds" / NEW_SEED.name).unlink()
        assert wait_for(lambda: "Anna de Vries" not in page(), 120), "the removed seed's actor stayed in site/"
    finally:
        watcher.terminate()
        output, _ = watcher.communicate(timeout=30)
    assert output.count("site built in") >= 3 and "changed:" in output


@pytest.mark.slow
def test_serve_sees_seeds_again_after_the_folder_is_moved_away_and_back(project):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/actors/"
    try:
        assert wait_for(lambda: fetch(url), 180)
        (project / "seeds").rename(project / "seeds-away")
        time.sleep(2)
        (project / "seeds-away").rename(project / "seeds")
        time.sleep(2)
        shutil.copy(NEW_SEED, project / "seeds" / NEW_SEED.name)
        updated = wait_for(lambda: (page := fetch(url)) and "Anna de Vries" in page and page, 60)
        assert updated, "a seed added after the folder came back did not reach the served page"
    finally:
        server.terminate()
        server.wait(timeout=30)
