"""brief.yaml written beside the build (a forked child) or after it (a thread, under `mkdocs serve`) is the
file a plain write gives, is complete when the build ends, and a failed write still raises its error."""

from __future__ import annotations

import contextlib
import shutil
import threading

import pytest

from briefgen.brief_writer import BriefWriter
from briefgen.yamlio import save


def _plainly_saved(brief, tmp_path) -> bytes:
    save(brief, tmp_path / "plain.yaml")
    return (tmp_path / "plain.yaml").read_bytes()


@contextlib.contextmanager
def _another_thread():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def test_a_forked_child_writes_the_same_brief(example, tmp_path):
    _, brief = example
    writer = BriefWriter()
    writer.start(brief, tmp_path / "brief.yaml")
    if threading.active_count() == 1:
        assert writer._child is not None, "no child was forked"
    writer.wait()
    assert (tmp_path / "brief.yaml").read_bytes() == _plainly_saved(brief, tmp_path)


def test_with_other_threads_running_it_is_written_at_once(example, tmp_path):
    _, brief = example
    writer = BriefWriter()
    with _another_thread():
        writer.start(brief, tmp_path / "brief.yaml")
        assert writer._child is None
        assert (tmp_path / "brief.yaml").read_bytes() == _plainly_saved(brief, tmp_path)


def test_written_after_the_build_in_a_thread(example, tmp_path):
    _, brief = example
    writer = BriefWriter()
    writer.after(brief, tmp_path / "brief.yaml")
    writer.wait()
    assert (tmp_path / "brief.yaml").read_bytes() == _plainly_saved(brief, tmp_path)


@pytest.mark.parametrize("how", ["start", "after"])
def test_a_failed_write_raises_its_error_when_waited_for(example, tmp_path, how):
    _, brief = example
    (tmp_path / "brief.yaml").mkdir()  # a folder where the file should go: no write can succeed
    writer = BriefWriter()
    with pytest.raises(OSError):
        getattr(writer, how)(brief, tmp_path / "brief.yaml")
        writer.wait()


def test_each_write_waits_for_the_one_before(example, tmp_path):
    _, brief = example
    writer = BriefWriter()
    writer.after(brief, tmp_path / "first.yaml")
    writer.start(brief, tmp_path / "second.yaml")
    writer.wait()
    assert (tmp_path / "first.yaml").read_bytes() == (tmp_path / "second.yaml").read_bytes()


def test_a_serve_build_writes_the_brief_of_a_plain_build(project, monkeypatch):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from briefgen.brief_writer import WRITER

    monkeypatch.chdir(project)
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
    plain = (project / "brief.yaml").read_bytes()
    (project / "brief.yaml").unlink()
    shutil.rmtree(project / "site")
    plugins = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")).plugins
    plugins.on_startup(command="serve", dirty=True)
    try:
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "served")), dirty=True)
        assert WRITER._thread is not None, "not left to a thread after the build"
        WRITER.wait()
    finally:
        plugins.on_startup(command="build", dirty=False)
    assert (project / "brief.yaml").read_bytes() == plain


def test_a_serve_rebuild_after_a_new_seed_writes_the_brief_of_a_clean_build(project, monkeypatch, tmp_path):
    """What a long-running process keeps between builds (cached findings, name keys, TF-IDF words, compiled
    templates) changes nothing: the rebuild's brief.yaml is the one a clean build in a new process writes."""
    from conftest import FIXTURES, build
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from briefgen.brief_writer import WRITER

    monkeypatch.chdir(project)
    plugins = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "served")).plugins
    plugins.on_startup(command="serve", dirty=True)
    try:
        for _ in range(2):  # the first build, then the rebuild after the new seed arrives
            mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "served")), dirty=True)
            WRITER.wait()
            shutil.copy(FIXTURES / "disagree" / "2021-03-10-port-strike.md", project / "seeds")
    finally:
        plugins.on_startup(command="build", dirty=False)
    served = (project / "brief.yaml").read_bytes()
    shutil.rmtree(project / ".briefgen-cache")
    build(project, tmp_path / "clean-site")  # `mkdocs build --strict` in a new process, nothing cached
    assert (project / "brief.yaml").read_bytes() == served
    assert b"2021-03-10-port-strike" in served
