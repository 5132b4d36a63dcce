"""Files are created with ordinary modes, and worker processes die with their parent."""

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from briefgen.cli import main


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_site_brief_and_cache_have_ordinary_modes(project, monkeypatch):
    monkeypatch.chdir(project)
    old = os.umask(0o022)
    try:
        result = CliRunner().invoke(main, ["build"])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert mode(project / "site") == 0o755
    assert mode(project / "site" / "index.html") == 0o644
    assert mode(project / "brief.yaml") == 0o644
    cache_files = [p for p in (project / ".briefgen-cache").rglob("*") if p.is_file()]
    assert cache_files and {mode(p) for p in cache_files} == {0o644}
    assert {mode(p) for p in (project / ".briefgen-cache").rglob("*") if p.is_dir()} == {0o755}


def test_the_umask_is_respected(tmp_path):
    from briefgen.fsutil import write_atomic

    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "brief.yaml", "x")
    finally:
        os.umask(old)
    assert mode(tmp_path / "brief.yaml") == 0o640


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_killed_extract_leaves_no_worker_behind(tmp_path):
    from conftest import many_seeds

    seeds = many_seeds(tmp_path / "seeds", 40)
    process = subprocess.Popen(
        [sys.executable, "-m", "briefgen.cli", "extract", "--jobs", "2", "--no-cache", "--seeds", str(seeds)],
        cwd=tmp_path,
    )
    deadline, workers = time.time() + 90, set()
    while time.time() < deadline and len(workers) < 2:
        workers = _children(process.pid)
        time.sleep(0.1)
    assert len(workers) >= 2, "the workers never started"
    time.sleep(0.5)
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.time() + 20
    while time.time() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.2)
    left = [w for w in workers if _alive(w)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)  # do not leave them running if the test fails
    assert left == []
    shutil.rmtree(seeds)


# --- the site folder: one build at a time, leftovers cleaned, swapped in whole ---------------------


def test_a_second_build_while_one_runs_is_refused_with_a_clear_message(project, monkeypatch):
    import fcntl

    monkeypatch.chdir(project)
    with open(project / ".site.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1 and "another build" in result.output and "Traceback" not in result.output


def test_a_killed_builds_staging_folder_is_removed_by_the_next_build(project, monkeypatch):
    monkeypatch.chdir(project)
    stale = project / ".site.k1ll3d00"
    (stale / "assets").mkdir(parents=True)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert not stale.exists() and (project / "site" / "index.html").exists()


def test_the_swap_never_leaves_the_site_folder_missing(tmp_path):
    from briefgen.sitedir import swap_in

    final, staging = tmp_path / "site", tmp_path / ".site.new"
    final.mkdir()
    (final / "old.html").write_text("old")
    staging.mkdir()
    (staging / "new.html").write_text("new")
    swap_in(staging, final)
    assert (final / "new.html").exists() and (staging / "old.html").exists()  # exchanged at once


def test_new_projects_ignore_staging_folders(tmp_path):
    from briefgen.scaffold import new_project

    new_project(tmp_path / "story", "Story")
    assert ".site.*" in (tmp_path / "story" / ".gitignore").read_text().splitlines()


# --- the cache: wrong-shaped entries are misses, an unwritable cache is done without -----------------


def _build_twice(project, monkeypatch, spoil):
    from briefgen import cache as cache_module

    monkeypatch.chdir(project)
    assert CliRunner().invoke(main, ["extract"]).exit_code == 0
    spoil(project / ".briefgen-cache")
    cache_module._ENTRIES.clear()  # what this process remembers; a new process reads the files
    result = CliRunner().invoke(main, ["extract"])
    assert result.exit_code == 0, result.output
    return result


def test_a_cache_entry_of_the_wrong_shape_is_a_miss(project, monkeypatch):
    import json

    def spoil(cache):
        for entry in cache.glob("??/*.json"):
            data = json.loads(entry.read_text())
            data["findings"][0] = "not a list"  # the actors
            data["document"][-1] = {"a": 1}  # the sentences
            entry.write_text(json.dumps(data))

    assert "1 parsed, 0 from cache" in _build_twice(project, monkeypatch, spoil).output


def test_a_history_snapshot_of_the_wrong_shape_is_ignored(tmp_path):
    from briefgen.brief import Brief
    from briefgen.changes import track

    (tmp_path / "last.json").write_text('{"documents": [1, 2], "timeline": "x"}')
    (tmp_path / "before.json").write_text("[]")
    assert track(Brief(schema=1, title="t", as_of=None), tmp_path) is None


def test_an_unwritable_cache_builds_without_it(project, monkeypatch):
    from briefgen import fsutil

    real = fsutil.write_atomic

    def write_atomic(path, text):
        if ".briefgen-cache" in str(path):
            raise PermissionError(13, "Permission denied")
        return real(path, text)

    monkeypatch.setattr(fsutil, "write_atomic", write_atomic)
    monkeypatch.setattr("briefgen.cache.write_atomic", write_atomic)
    monkeypatch.setattr("briefgen.changes.write_atomic", write_atomic)
    monkeypatch.chdir(project)
    monkeypatch.setattr("briefgen.cache._ENTRIES", {})
    result = CliRunner().invoke(main, ["extract"])
    assert result.exit_code == 0, result.output
    assert "cache not writable" in result.output and (project / "brief.yaml").exists()


def test_a_new_projects_title_keeps_its_backslashes(tmp_path):
    import yaml

    from briefgen.scaffold import new_project

    new_project(tmp_path / "story", 'C:\\path "quoted"')
    config = (tmp_path / "story" / "mkdocs.yml").read_text()
    assert yaml.load(config, Loader=yaml.BaseLoader)["site_name"] == 'C:\\path "quoted"'


def test_a_title_with_markup_is_warned_about(tmp_path):
    result = CliRunner().invoke(main, ["new", str(tmp_path / "story"), "--title", "<b>Talks</b>"])
    assert result.exit_code == 0 and "MkDocs prints site_name" in result.output
