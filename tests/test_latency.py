"""What keeps one new seed quick (issue 15, items 4 and 5): work kept between builds in one process, the
cycle collector kept off what a build reads, and the served site rebuilt on the seeds folder's file events.
What is kept gives what doing the work again gives."""

from __future__ import annotations

import gc
import threading
import time

from briefgen import ingest, summary
from briefgen.filewatch import watch_with_events
from briefgen.ingest import (
    LEGAL_NOTICE,
    UPDATE_STAMP,
    read_seed,
    without_legal_footer,
    without_reader_comments,
    without_update_stamps,
)

# --- reading seeds ---------------------------------------------------------------------------------------


def test_the_legal_notice_words_are_looked_for_only_where_the_pattern_could_match():
    filler = "The minister spoke at length about the budget. " * 20
    texts = [
        filler + "\nDisclaimer: figures are indicative.",
        filler + "\nCOPYRIGHT 2013 Example News.",
        filler + "\nall RIGHTS reserved",
        filler + "\nThe data are proprietary to the agency and its licensors.",
        filler + "\nNothing here but the story.",
        filler + "\n© 2013 Example News",
        filler + "\nDiſclaimer: the long s folds to s for the pattern.",  # not ASCII: left to the pattern
        filler + "\nCopyright notices were discussed in parliament.",
    ]
    for text in texts:
        start = int(len(text) * ingest.FOOTER_WITHIN)
        if not ingest._may_hold_notice(text, start):
            assert LEGAL_NOTICE.search(text, start) is None, text[-60:]
    assert without_legal_footer(texts[4]) == (texts[4], False)
    assert without_legal_footer(texts[1])[1] and without_legal_footer(texts[6])[1]


def test_a_comment_stamp_is_looked_for_only_in_text_with_its_bar():
    story = "The council met.\nIt voted to close the road.\n"
    assert without_reader_comments(story) == (story, False)
    with_comment = story + "Great news! January 27, 2011 at 7:59 pm | Report abuse |"
    assert without_reader_comments(with_comment) == (story.rstrip(), True)


def test_update_stamps_are_looked_for_only_in_text_with_a_line_opening_with_a_bracket():
    texts = [
        "(10:55 a.m. ET) Egypt's vice president met.",
        "The army moved in.\n(Updated: 1:38 a.m. Monday, Libya): Libya's army was told.",
        "The army moved in (10:55 a.m. ET) and stayed.",
        "The army moved in.\n\nIt stayed.",
    ]
    for text in texts:
        cleaned, count = UPDATE_STAMP.subn("", text)
        assert without_update_stamps(text) == (cleaned, bool(count))
    assert [without_update_stamps(t)[1] for t in texts] == [True, True, False, False]


def test_a_seed_read_again_is_the_same_document_and_a_copy(tmp_path):
    seed = tmp_path / "2021-03-10-story.txt"
    seed.write_text("A title\n\nThe council met. It voted.\nReaders said: January 27, 2011 at 7:59 pm |\n")
    first_notes: list[str] = []
    first = read_seed(seed, "story", "seeds/story.txt", first_notes)
    again_notes: list[str] = []
    again = read_seed(seed, "story", "seeds/story.txt", again_notes)
    assert again == first and again is not first and again_notes == first_notes and first_notes
    again.sentences.append("filled in by extraction")
    again.date = "2000-01-01"
    assert read_seed(seed, "story", "seeds/story.txt") == first  # what was kept is untouched
    seed.write_text("A title\n\nThe council met again.\n")
    assert read_seed(seed, "story", "seeds/story.txt").text == "The council met again."
    assert read_seed(seed, "other", "seeds/other.txt").id == "other"


def test_an_unreadable_seed_read_again_is_refused_again(tmp_path):
    seed = tmp_path / "empty.txt"
    seed.write_text("   \n")
    for _ in range(2):
        try:
            read_seed(seed, "empty", "seeds/empty.txt")
        except ingest.SeedError as err:
            assert "empty" in str(err)
        else:
            raise AssertionError("an empty seed was read")


# --- the summary and TF-IDF -------------------------------------------------------------------------------

TEXTS = [
    "The council voted to close the harbour road for repairs this spring.",
    "Fishermen protested against the council plan to close the harbour road.",
    "The mayor said the harbour road repairs would take three months.",
    "Shops near the harbour fear losing customers while the road is closed.",
    "The council will meet the fishermen next week to discuss the road.",
]


def test_picked_sentences_are_kept_and_a_change_picks_again(monkeypatch):
    from briefgen.findings import Source

    candidates = [Source(f"d{i}", 1, text) for i, text in enumerate(TEXTS)]
    summary._PICKED.clear()
    first = summary._chosen(candidates, [1.0] * 5, 2, [])
    computed: list[int] = []
    original = summary._picked
    monkeypatch.setattr(summary, "_picked", lambda *a: computed.append(1) or original(*a))
    assert summary._chosen(list(candidates), [1.0] * 5, 2, []) == first and not computed
    weights = [1.0, 1.0, 1.0, 1.0, 5.0]
    assert summary._chosen(candidates, weights, 2, []) == [candidates[i] for i in original(TEXTS, weights, 2, [])]
    assert computed == [1]


# --- the build's memory ---------------------------------------------------------------------------------


def test_a_build_leaves_the_cycle_collector_as_it_found_it(tmp_path):
    from briefgen.pipeline import build_brief

    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("A title\n\nThe council met on Monday.\n")
    assert gc.isenabled() and not gc.get_freeze_count()
    build_brief(tmp_path / "seeds")
    assert gc.isenabled() and not gc.get_freeze_count()  # what was frozen while building is collected again
    gc.disable()
    try:
        build_brief(tmp_path / "seeds")
        assert not gc.isenabled()
    finally:
        gc.enable()
    kept = [[]]  # frozen by someone else: theirs stays frozen
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        build_brief(tmp_path / "seeds")
        assert gc.get_freeze_count() == frozen and kept
    finally:
        gc.unfreeze()


# --- mkdocs serve: the seeds folder's file events -------------------------------------------------------


class _Server:
    """The two attributes of MkDocs' LiveReloadServer that its own watcher sets to ask for a build."""

    def __init__(self) -> None:
        self._rebuild_cond = threading.Condition()
        self._want_rebuild = False

    def wait(self, seconds: float = 5.0) -> bool:
        with self._rebuild_cond:
            return self._rebuild_cond.wait_for(lambda: self._want_rebuild, timeout=seconds)


def test_a_seed_dropped_in_asks_the_server_for_a_build_at_once(tmp_path):
    seeds = tmp_path / "seeds"
    (seeds / "sub").mkdir(parents=True)
    (seeds / "old.txt").write_text("An old seed.\n")
    server = _Server()
    observer = watch_with_events(server, seeds)
    assert observer is not None
    try:
        time.sleep(0.2)
        (seeds / "old.txt").read_text()  # a build reading the seeds asks for nothing
        assert not server.wait(0.5)
        (seeds / "sub" / "new.txt").write_text("A new seed.\n")
        assert server.wait()
    finally:
        observer.stop()
        observer.join()


def test_another_server_keeps_mkdocs_own_poll(tmp_path):
    assert watch_with_events(object(), tmp_path) is None


def test_serve_takes_the_seeds_folder_off_mkdocs_poll(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from briefgen import plugin as module

    (tmp_path / "seeds").mkdir()
    monkeypatch.setattr(module, "_load_model_in_background", lambda model: None)
    plugin = module.BriefgenPlugin()
    plugin.load_config({})
    plugin.on_startup(command="serve", dirty=True)
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), watch=[str(tmp_path / "seeds")])
    server = _Server()
    server.observer = SimpleNamespace(schedule=lambda *a, **k: None)  # type: ignore[attr-defined]
    try:
        plugin.on_serve(server, config=config, builder=None)
        assert config.watch == [] and plugin._observer is not None
        (tmp_path / "seeds" / "new.txt").write_text("A new seed.\n")
        assert server.wait()
    finally:
        plugin.on_shutdown()
    assert not plugin._observer.is_alive()
