"""A fresh process parses its new seeds in a forked worker that loaded spaCy while the cache was read:
the brief is the same as when the process parses them itself, and a worker that dies costs nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from conftest import many_seeds

from briefgen.parse_ahead import MAX_DOCUMENTS, ParseAhead

LOADED: list[str] = []


def _load(model: str) -> None:
    LOADED.append(model)


def _work(documents: list, model: str) -> list:
    return [(document, f"{model}:{len(LOADED)}") for document in documents]


def _crash(documents: list, model: str) -> list:
    os._exit(3)


def _nothing() -> None:
    pass


def test_the_worker_extracts_what_it_is_handed_after_loading_the_model():
    ahead = ParseAhead("model-x", _load, _work, _nothing)
    assert ahead.hand(["a", "b"])
    assert ahead.results() == [("a", "model-x:1"), ("b", "model-x:1")]
    assert not LOADED  # loaded in the worker, not here


def _slow_work(documents: list, model: str) -> list:
    time.sleep(1)
    return _work(documents, model)


def test_while_the_worker_parses_this_process_does_something_useful():
    done: list[str] = []
    ahead = ParseAhead("model-x", _load, _slow_work, _nothing)
    assert ahead.hand(["a"])
    assert ahead.results(meanwhile=lambda: done.append("imported")) == [("a", "model-x:1")]
    assert done == ["imported"]


def test_not_wanted_where_spacy_is_loaded_or_other_threads_run(monkeypatch):
    import threading

    from briefgen import parse_ahead

    monkeypatch.delitem(sys.modules, "spacy", raising=False)
    alone = threading.active_count() == 1
    assert parse_ahead.wanted() == alone
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not parse_ahead.wanted()
    finally:
        stop.set()
        thread.join()
    monkeypatch.setitem(sys.modules, "spacy", object())
    assert not parse_ahead.wanted()


def test_nothing_to_parse_stops_the_worker():
    ahead = ParseAhead("model-x", _load, _work, _nothing)
    assert not ahead.hand([])
    assert not ahead._process.is_alive()


def test_many_seeds_are_left_to_the_batched_extraction():
    ahead = ParseAhead("model-x", _load, _work, _nothing)
    assert not ahead.hand(list(range(MAX_DOCUMENTS + 1)))
    assert not ahead._process.is_alive()


def test_a_worker_that_dies_gives_no_results_so_the_caller_parses_them():
    ahead = ParseAhead("model-x", _load, _crash, _nothing)
    assert ahead.hand(["a"])
    assert ahead.results() is None


BUILD = """
import sys
from pathlib import Path
from briefgen.pipeline import build_brief
from briefgen.yamlio import save
brief, stats = build_brief(Path(sys.argv[1]), Path(sys.argv[2]))
assert stats.parsed == int(sys.argv[4]), (stats.parsed, sys.argv[4])
assert ("spacy" in sys.modules) == (sys.argv[5] == "here"), "spaCy was loaded where it should not be"
save(brief, Path(sys.argv[3]))
"""


def _build(seeds: Path, cache: Path, out: Path, parsed: int, where: str) -> bytes:
    args = [str(seeds), str(cache), str(out), str(parsed), where]
    subprocess.run([sys.executable, "-c", BUILD, *args], check=True, cwd=seeds.parent, timeout=600)
    return out.read_bytes()


def test_a_new_seed_parsed_ahead_gives_the_brief_of_a_full_build(tmp_path):
    from briefgen.pipeline import build_brief
    from briefgen.yamlio import save

    seeds = many_seeds(tmp_path / "seeds", 4)
    newest = sorted(seeds.iterdir())[-1]
    held = newest.rename(tmp_path / newest.name)
    _build(seeds, tmp_path / "cache", tmp_path / "first.yaml", 3, "ahead")
    held.rename(newest)
    incremental = _build(seeds, tmp_path / "cache", tmp_path / "ahead.yaml", 1, "ahead")
    brief, stats = build_brief(seeds, tmp_path / "fresh-cache")  # this process has spaCy: parsed here
    assert stats.parsed == 4
    save(brief, tmp_path / "full.yaml")
    assert incremental == (tmp_path / "full.yaml").read_bytes()
    assert _build(seeds, tmp_path / "cache", tmp_path / "warm.yaml", 0, "ahead") == incremental
