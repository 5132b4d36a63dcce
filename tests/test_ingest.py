"""Reading seeds: formats, dates, encodings, and one test per kind of bad input."""

from pathlib import Path

import pytest

from briefgen import ingest
from briefgen.ingest import read_seed, read_seeds

ARTICLE = "Ministers met in Paris on Monday.\n\nFrance said the talks would go on.\n"


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def only_problem(folder: Path) -> str:
    documents, problems = read_seeds(folder)
    assert len(problems) == 1, problems
    return str(problems[0])


def test_txt_first_line_is_the_title(tmp_path):
    write(tmp_path, "note.txt", "Talks in Paris\n\n" + ARTICLE)
    (document,), _ = read_seeds(tmp_path)
    assert document.title == "Talks in Paris" and document.text.startswith("Ministers met")


def test_markdown_front_matter_gives_title_date_and_source(tmp_path):
    write(tmp_path, "a.md", "---\ntitle: Talks\ndate: 2021-05-31\nsource: Example Wire\n---\n" + ARTICLE)
    (document,), _ = read_seeds(tmp_path)
    assert (document.title, document.date, document.date_source, document.source) == (
        "Talks",
        "2021-05-31",
        "front-matter",
        "Example Wire",
    )


def test_html_page_gives_text_title_date_and_outlet(tmp_path):
    page = (
        "<html><head><title>Ignored</title><meta property='og:title' content='Talks &amp; more'>"
        "<meta property='article:published_time' content='2021-05-31T10:00:00Z'>"
        "<meta property='og:site_name' content='Example Post'><script>var x = 1;</script></head>"
        "<body><nav>Home | World</nav><article><p>Ministers met in Paris.</p><p>France said yes.</p></article>"
        "</body></html>"
    )
    write(tmp_path, "page.html", page)
    (document,), _ = read_seeds(tmp_path)
    assert document.title == "Talks & more" and document.date == "2021-05-31" and document.source == "Example Post"
    assert "Ministers met in Paris." in document.text and "var x" not in document.text and "Home" not in document.text


def test_date_in_the_file_name(tmp_path):
    write(tmp_path, "2021-05-31-talks.txt", "Talks\n\n" + ARTICLE)
    (document,), _ = read_seeds(tmp_path)
    assert (document.date, document.date_source) == ("2021-05-31", "file-name")


def test_other_files_are_skipped_with_a_notice(tmp_path):
    write(tmp_path, "a.txt", "T\n\n" + ARTICLE)
    write(tmp_path, "photo.png", b"\x89PNG\r\n")
    assert "photo.png: not a seed type" in only_problem(tmp_path)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("\ufeffT\n\nCafé in Zürich said “yes”.".encode(), "Café in Zürich said “yes”."),
        ("T\n\nCafé in Zürich said “yes”.".encode("utf-16"), "Café in Zürich said “yes”."),
        (
            "T\n\nThe bill cost £10bn, said the café’s owner.".encode("cp1252"),
            "The bill cost £10bn, said the café’s owner.",
        ),
    ],
    ids=["utf-8-bom", "utf-16", "cp1252"],
)
def test_encodings_are_read_correctly(tmp_path, data, expected):
    write(tmp_path, "a.txt", data)
    (document,), problems = read_seeds(tmp_path)
    assert document.text == expected and problems == []


def test_mojibake_is_repaired_and_reported(tmp_path):
    write(tmp_path, "a.txt", "T\n\nItâ€™s a Â£10bn deal for the cafÃ©.")
    (document,), problems = read_seeds(tmp_path)
    assert document.text == "It’s a £10bn deal for the café."
    assert "mojibake" in str(problems[0])


def test_empty_file(tmp_path):
    write(tmp_path, "empty.txt", "")
    assert only_problem(tmp_path) == "seeds/empty.txt: empty file (skipped)".replace("seeds", tmp_path.name)


def test_binary_file_renamed_txt(tmp_path):
    write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary content" in only_problem(tmp_path)


def test_undecodable_bytes(tmp_path):
    write(tmp_path, "bad.txt", b"Title\n\nSome text \x81\x8d\x8f\x90\x9d here.")
    assert "undecodable bytes" in only_problem(tmp_path)


def test_malformed_front_matter_names_the_line(tmp_path):
    write(tmp_path, "bad.md", "---\ntitle: [unclosed\ndate: 2021-01-01\n---\nText here.")
    message = only_problem(tmp_path)
    assert "bad.md: malformed front matter at line" in message


def test_huge_file(tmp_path):
    with open(tmp_path / "huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert "too large (52.4 MB" in only_problem(tmp_path)


def test_file_without_sentences(tmp_path):
    write(tmp_path, "dots.txt", "Title\n\n... --- !!! ???")
    assert "no text to read" in only_problem(tmp_path)


def test_duplicate_seed(tmp_path):
    write(tmp_path, "a.txt", "T\n\n" + ARTICLE)
    write(tmp_path, "b.txt", "T\n\n" + ARTICLE)
    documents, problems = read_seeds(tmp_path)
    assert len(documents) == 1 and "b.txt: same content as" in str(problems[0])


def test_names_that_collide_get_distinct_pages(tmp_path):
    write(tmp_path, "a b.txt", "T\n\nOne article here.")
    write(tmp_path, "a-b.txt", "T\n\nAnother article here.")
    documents, problems = read_seeds(tmp_path)
    assert len({d.id for d in documents}) == 2 and "collides" in str(problems[0])


def test_file_removed_mid_build(tmp_path, monkeypatch):
    gone = tmp_path / "gone.txt"
    write(tmp_path, "a.txt", "T\n\n" + ARTICLE)
    monkeypatch.setattr(ingest, "list_seeds", lambda folder: ([folder / "a.txt", gone], []))
    documents, problems = read_seeds(tmp_path)
    assert len(documents) == 1 and "gone.txt: removed while the build was reading it" in str(problems[0])


def test_unreadable_file(tmp_path, monkeypatch):
    locked = write(tmp_path, "locked.txt", "T\n\n" + ARTICLE)
    write(tmp_path, "a.txt", "T\n\nOther text here.")
    real = ingest.os.open

    def open_(path, *args, **kwargs):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(ingest.os, "open", open_)
    documents, problems = read_seeds(tmp_path)
    assert len(documents) == 1 and "locked.txt: not readable (permission denied)" in str(problems[0])


def _stat_saying(size: int, real_fstat):
    def fstat(fd):
        info = real_fstat(fd)
        return type(info)((*info[:6], size, *info[7:]))

    return fstat


def test_a_seed_that_grew_after_its_size_was_taken_is_read_whole(tmp_path, monkeypatch):
    write(tmp_path, "note.txt", "Talks in Paris\n\n" + ARTICLE)
    monkeypatch.setattr(ingest.os, "fstat", _stat_saying(5, ingest.os.fstat))
    (document,), _ = read_seeds(tmp_path)
    assert document.text.endswith("the talks would go on.")


def test_a_seed_that_grew_past_the_limit_is_refused(tmp_path, monkeypatch):
    write(tmp_path, "note.txt", "Talks in Paris\n\n" + ARTICLE * 20)
    monkeypatch.setattr(ingest, "MAX_SEED_BYTES", 100)
    monkeypatch.setattr(ingest.os, "fstat", _stat_saying(5, ingest.os.fstat))
    assert "too large (over the limit" in only_problem(tmp_path)


def test_ascii_text_is_left_as_it_is_and_mojibake_still_repaired():
    assert ingest.normalise_text(ARTICLE).text == ARTICLE
    assert ingest.normalise_text("The caf\u00c3\u00a9 said.").text == "The caf\u00e9 said."


def test_readers_comments_after_a_saved_page_are_left_out(tmp_path):
    page = (
        "Protest in the square\n\nThe army moved in on Friday. Protesters stayed.\n\n"
        "I sincerely hope not!!! January 27, 2011 at 7:59 pm | Report abuse | Who will rule now?\n\n"
        "Another reader. January 27, 2011 at 8:10 pm | Report abuse | They will fail."
    )
    write(tmp_path, "page.txt", page)
    (document,), _ = read_seeds(tmp_path)
    assert document.text == "The army moved in on Friday. Protesters stayed."


def test_a_live_pages_update_stamps_opening_paragraphs_are_left_out_and_noted(tmp_path):
    page = (
        "Libya live\n\n(Updated: 1:38 a.m. Monday, Libya; 6:38 p.m. Sunday ET): The army was told to restore "
        "order.\n\n(10:55 a.m. ET) Protesters held the city (AP) on Sunday.\n\n"
        "(Updated 7:40 p.m. (0240 in Egypt) Feb. 2) Clashes went on."
    )
    write(tmp_path, "page.txt", page)
    (document,), problems = read_seeds(tmp_path)
    assert document.text == (
        "The army was told to restore order.\n\nProtesters held the city (AP) on Sunday.\n\nClashes went on."
    )
    assert any("live-update time stamps" in str(p) for p in problems)


@pytest.mark.parametrize(
    "paragraph",
    [
        "(9:15 a.m.: Egyptian state TV reports that Mubarak will address the nation tonight)",
        "(5:30 p.m. -- Protesters stormed the state TV building) and held it for an hour.",
    ],
)
def test_a_paragraph_that_only_opens_with_a_clock_time_is_kept(tmp_path, paragraph):
    write(tmp_path, "page.txt", f"Egypt live\n\nThe army moved in.\n\n{paragraph}")
    (document,), _ = read_seeds(tmp_path)
    assert document.text == f"The army moved in.\n\n{paragraph}"


@pytest.mark.parametrize(
    ("tail", "kept"),
    [
        (
            "The site is not responsible for the content of external Internet sites 2nd June 2012 - 15:21 Who "
            "to believe?\n\nI doubt it. 2nd June 2012 - 14:59 The UN should act.",
            "The army moved in on Friday. Protesters stayed.",
        ),
        (
            "The statement was issued on 2nd June 2012 - 15:21 by the ministry.",
            "The army moved in on Friday. Protesters stayed.\n\n"
            "The statement was issued on 2nd June 2012 - 15:21 by the ministry.",
        ),
    ],
)
def test_readers_comments_stamped_before_their_words_are_left_out(tmp_path, tail, kept):
    """Comments each opened by a '2nd June 2012 - 15:21' stamp end the article; one such stamp alone is
    the article's own."""
    write(tmp_path, "page.txt", f"Protest in the square\n\nThe army moved in on Friday. Protesters stayed.\n\n{tail}")
    (document,), _ = read_seeds(tmp_path)
    assert document.text == kept


def test_a_stamp_in_the_article_itself_is_kept(tmp_path):
    write(tmp_path, "note.txt", "Talks\n\nThe page was updated January 27, 2011 at 7:59 pm. Talks went on.")
    (document,), _ = read_seeds(tmp_path)
    assert document.text.endswith("Talks went on.")


def test_a_saved_wire_story_starts_after_its_dateline(tmp_path):
    page = (
        "Envoy in port\n\nBy the Wire Staff Rebels hold the bridge.\n\n"
        "Envoy arrives in the capital Talks stall Northport, Freedonia (CNN) -- Rebels held the bridge on Monday.\n\n"
        "The envoy (AP) - met the minister."
    )
    write(tmp_path, "page.txt", page)
    notes: list[str] = []
    document = read_seed(tmp_path / "page.txt", "d", "page.txt", notes)
    assert document.text == "Rebels held the bridge on Monday.\n\nThe envoy (AP) - met the minister."
    assert notes == ["headlines and captions before the dateline were left out"]


def test_a_bare_dateline_goes_without_a_notice_and_an_acronym_in_brackets_is_no_dateline(tmp_path):
    write(tmp_path, "wire.txt", "Flu\n\nMEXICO CITY (Reuters) - Mexico said the worst was over.")
    write(tmp_path, "who.txt", "Flu\n\nThe World Health Organization (WHO) - its new chief - met.")
    notes: list[str] = []
    assert read_seed(tmp_path / "wire.txt", "a", "wire.txt", notes).text == "Mexico said the worst was over."
    assert read_seed(tmp_path / "who.txt", "b", "who.txt", notes).text.startswith("The World Health Organization")
    assert notes == []


def test_a_saved_pages_legal_footer_is_left_out_and_the_story_kept(tmp_path):
    page = (
        "Oil\n\nRebels hold two oil terminals after a week of fighting.\n\n"
        "The government retook a third terminal on Monday.\n\n"
        "Disclaimer: Quote data is proprietary to Example Data Inc. and its licensors.\n\n"
        "Example Data Inc. 2013."
    )
    write(tmp_path, "page.txt", page)
    notes: list[str] = []
    document = read_seed(tmp_path / "page.txt", "d", "page.txt", notes)
    assert document.text.endswith("The government retook a third terminal on Monday.")
    assert "2013" not in document.text
    assert notes == ["the page's legal notices at the end were left out"]


def test_a_story_about_a_disclaimer_keeps_its_words(tmp_path):
    story = (
        "Airline\n\nThe founder said he planned to add a disclaimer to the website.\n\n"
        "He said the two firms were unrelated."
    )
    write(tmp_path, "story.txt", story)
    notes: list[str] = []
    document = read_seed(tmp_path / "story.txt", "d", "story.txt", notes)
    assert document.text.endswith("He said the two firms were unrelated.")
    assert notes == []
