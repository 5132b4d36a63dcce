"""A seed folder is untrusted: nothing outside it is read, and no one file stops the others."""

import os
from pathlib import Path

import pytest

from briefgen.ingest import read_seeds

ARTICLE = "Ministers met in Paris on Monday.\n\nFrance said the talks would go on.\n"


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read(folder: Path) -> tuple[list[str], list[str]]:
    documents, problems = read_seeds(folder)
    return [d.path for d in documents], [str(p) for p in problems]


# --- nothing outside the seeds folder is read ------------------------------------------------


def test_a_symlink_to_a_file_outside_is_refused_with_a_notice(tmp_path):
    secret = write(tmp_path, "secret.txt", "Private\n\nThe password is hunter2.")
    seeds = tmp_path / "seeds"
    write(seeds, "a.txt", "T\n\n" + ARTICLE)
    (seeds / "passwd.txt").symlink_to(secret)
    paths, problems = read(seeds)
    assert paths == ["seeds/a.txt"]
    assert problems == ["seeds/passwd.txt: a symbolic link; seeds are read only from inside the folder (refused)"]


def test_a_symlink_to_a_folder_is_refused_and_not_entered(tmp_path):
    write(tmp_path, "outside/b.txt", "Private\n\nThe password is hunter2.")
    seeds = tmp_path / "seeds"
    write(seeds, "a.txt", "T\n\n" + ARTICLE)
    (seeds / "more").symlink_to(tmp_path / "outside", target_is_directory=True)
    paths, problems = read(seeds)
    assert paths == ["seeds/a.txt"] and problems == [
        "seeds/more: a symbolic link; seeds are read only from inside the folder (refused)"
    ]


def test_a_symlink_to_proc_is_refused(tmp_path):
    (tmp_path / "status.txt").symlink_to("/proc/self/status")
    paths, problems = read(tmp_path)
    assert paths == [] and "symbolic link" in problems[0]


def test_hidden_files_and_folders_are_skipped(tmp_path):
    write(tmp_path, "a.txt", "T\n\n" + ARTICLE)
    write(tmp_path, ".git/config.txt", "Token\n\nurl = https://x:token@example.com")
    write(tmp_path, ".trash/old.txt", "Old\n\nThe old draft said something else.")
    write(tmp_path, "sub/.hidden.md", "---\ntitle: Hidden\n---\nHidden text here.")
    assert read(tmp_path) == ([f"{tmp_path.name}/a.txt"], [])


def test_a_fifo_is_skipped_with_a_notice_and_never_opened(tmp_path):
    write(tmp_path, "a.txt", "T\n\n" + ARTICLE)
    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would block the build for ever
    paths, problems = read(tmp_path)
    assert paths == [f"{tmp_path.name}/a.txt"]
    assert problems == [f"{tmp_path.name}/pipe.txt: not a regular file (a pipe, device or socket) (ignored)"]


def test_a_file_swapped_for_a_symlink_after_listing_is_not_followed(tmp_path, monkeypatch):
    from briefgen import ingest

    secret = write(tmp_path, "secret.txt", "Private\n\nThe password is hunter2.")
    seeds = tmp_path / "seeds"
    write(seeds, "a.txt", "T\n\n" + ARTICLE)
    listed = ingest.list_seeds(seeds)
    (seeds / "a.txt").unlink()
    (seeds / "a.txt").symlink_to(secret)
    monkeypatch.setattr(ingest, "list_seeds", lambda folder: listed)
    paths, problems = read(seeds)
    assert paths == [] and "symbolic link" in problems[0]


# --- one bad seed is skipped and named; the others are read ------------------------------------


def only_good_one_read(folder: Path, bad_name: str) -> str:
    """Reads the folder holding a.txt and one bad seed; returns the bad seed's notice."""
    paths, problems = read(folder)
    assert paths == [f"{folder.name}/a.txt"], problems
    (problem,) = [p for p in problems if bad_name in p]
    return problem


def test_an_impossible_unquoted_date_in_front_matter(tmp_path):
    write(tmp_path, "a.txt", "T\n\n" + ARTICLE)
    write(tmp_path, "bad.md", "---\ntitle: Talks\ndate: 2021-02-30\n---\n" + ARTICLE)
    documents, problems = read_seeds(tmp_path)
    bad = next(d for d in documents if d.path.endswith("bad.md"))
    assert bad.date is None and "2021-02-30" in str(problems[0]) and "not a real date" in str(problems[0])


def test_front_matter_nested_twenty_thousand_deep(tmp_path):
    write(tmp_path, "a.txt", "T\n\n" + ARTICLE)
    write(tmp_path, "deep.md", "---\ntitle: " + "[" * 20000 + "]" * 20000 + "\n---\n" + ARTICLE)
    assert "nest" in only_good_one_read(tmp_path, "deep.md")


def test_billion_laughs_front_matter_is_refused_before_expansion(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, prev in zip("bcdefghi", "abcdefgh", strict=True):
        lines.append(f"{name}: &{name} [{','.join('*' + prev for _ in range(9))}]")
    bomb = "---\n" + "\n".join(lines) + "\ntitle: *i\n---\n" + ARTICLE
    write(tmp_path, "a.txt", "T\n\n" + ARTICLE)
    write(tmp_path, "bomb.md", bomb)
    assert "aliases" in only_good_one_read(tmp_path, "bomb.md")


def test_front_matter_over_the_size_bound(tmp_path):
    write(tmp_path, "a.txt", "T\n\n" + ARTICLE)
    write(tmp_path, "big.md", "---\ntitle: " + "x" * 200_000 + "\n---\n" + ARTICLE)
    assert "front matter too large" in only_good_one_read(tmp_path, "big.md")


def test_a_title_that_is_not_text(tmp_path):
    write(tmp_path, "a.txt", "T\n\n" + ARTICLE)
    write(tmp_path, "odd.md", "---\ntitle: {a: [1, 2]}\n---\n" + ARTICLE)
    assert "title" in only_good_one_read(tmp_path, "odd.md")


def test_malformed_utf16(tmp_path):
    write(tmp_path, "a.txt", "T\n\n" + ARTICLE)
    write(tmp_path, "bad16.txt", b"\xff\xfeA")
    assert "UTF-16" in only_good_one_read(tmp_path, "bad16.txt")


def test_any_other_error_while_reading_costs_only_that_seed(tmp_path, monkeypatch):
    from briefgen import ingest

    write(tmp_path, "a.txt", "T\n\n" + ARTICLE)
    write(tmp_path, "boom.txt", "T\n\nBoom goes the parser.")
    real = ingest.normalise_text

    def normalise(text):
        if "Boom" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(text)

    monkeypatch.setattr(ingest, "normalise_text", normalise)
    assert "RecursionError" in only_good_one_read(tmp_path, "boom.txt")


@pytest.fixture
def small_spacy_limit(monkeypatch):
    """spaCy's max_length brought down to 400 characters, so a short text stands for a huge one."""
    from briefgen import nlp

    monkeypatch.setattr(nlp.load(), "max_length", 400)


def test_a_text_over_spacys_limit_is_parsed_in_parts_into_one_doc(small_spacy_limit):
    from briefgen import nlp

    text = "\n\n".join(f"Turkey said on Monday {i} that the talks in Ankara would go on." for i in range(30))
    (doc,) = nlp.parse([text])
    assert len(text) > 400 and doc.text == text
    assert len(nlp.sentences(doc)) == 30


def test_a_seed_over_spacys_limit_builds_with_the_others(tmp_path, small_spacy_limit):
    from briefgen.pipeline import build_brief

    write(tmp_path, "a.txt", "T\n\n" + ARTICLE)
    write(
        tmp_path, "long.txt", "Long\n\n" + "\n\n".join(f"France said on Monday {i} it would wait." for i in range(40))
    )
    brief, stats = build_brief(tmp_path, None)
    long = next(d for d in brief.documents if d.id == "long")
    assert len(long.sentences) == 40 and stats.problems == []


def test_a_text_spacy_refuses_costs_only_its_own_seed(tmp_path, monkeypatch):
    from briefgen import nlp
    from briefgen.pipeline import build_brief

    real = nlp.parse

    def parse(texts, *args, **kwargs):
        texts = list(texts)
        if any("Poison" in t for t in texts):
            raise ValueError("[E088] Text of length 1000001 exceeds maximum of 1000000.")
        return real(texts, *args, **kwargs)

    monkeypatch.setattr(nlp, "parse", parse)
    write(tmp_path, "a.txt", "T\n\n" + ARTICLE)
    write(tmp_path, "b.txt", "Poison\n\nPoison text that spaCy refuses.")
    brief, stats = build_brief(tmp_path, None)
    assert {d.id for d in brief.documents} == {"a", "b"} and brief.actors
    assert any("b.txt" in str(p) and "E088" in str(p) for p in stats.problems)


# --- dates, a missing folder, and floods of notices ----------------------------------------------


@pytest.mark.parametrize(
    ("name", "front", "expected"),
    [
        ("a.md", "date: 2050-01-01", "front matter date 2050-01-01 is not between 1900 and"),
        ("a.md", "date: 1800-01-01", "front matter date 1800-01-01 is not between 1900 and"),
        ("a.md", 'date: "2021-13-45"', "front matter date '2021-13-45' is not a real date"),
        ("2021-13-45-a.txt", None, "date in the file name '2021-13-45' is not a real date"),
    ],
)
def test_an_implausible_date_is_reported_and_not_used(tmp_path, name, front, expected):
    write(tmp_path, name, (f"---\n{front}\n---\n" if front else "Title\n\n") + ARTICLE)
    (document,), problems = read_seeds(tmp_path)
    assert document.date is None and any(expected in str(p) for p in problems), problems


def test_a_missing_seeds_folder_fails_extract_strict(tmp_path):
    from click.testing import CliRunner

    from briefgen.cli import main

    missing = tmp_path / "seeds"
    args = ["extract", "--no-cache", "--seeds", str(missing), "--out", str(tmp_path / "brief.yaml")]
    result = CliRunner().invoke(main, [*args, "--strict"])
    assert result.exit_code == 1 and "no seeds folder here" in result.output


def test_notices_are_capped(tmp_path):
    from briefgen.pipeline import MAX_NOTICES, build_brief

    write(tmp_path, "a.txt", "T\n\n" + ARTICLE)
    overrides = tmp_path.parent / f"{tmp_path.name}-overrides.yaml"
    overrides.write_text("hide: [" + ", ".join(f"x{i}" for i in range(5000)) + "]\n", encoding="utf-8")
    brief, _ = build_brief(tmp_path, None, overrides_path=overrides)
    assert len(brief.notices) == MAX_NOTICES + 1 and "4800 more notices" in brief.notices[-1]


def test_a_hard_link_is_refused(tmp_path):
    secret = write(tmp_path, "secret.txt", "Private\n\nThe password is hunter2.")
    seeds = tmp_path / "seeds"
    write(seeds, "a.txt", "T\n\n" + ARTICLE)
    os.link(secret, seeds / "linked.txt")
    paths, problems = read(seeds)
    assert paths == ["seeds/a.txt"] and "hard link" in problems[0]


def test_a_seeds_folder_that_is_a_symlink_is_refused_in_a_site_build(project):
    import shutil
    import subprocess
    import sys

    outside = project / "elsewhere"
    shutil.move(project / "seeds", outside)
    (project / "seeds").symlink_to(outside, target_is_directory=True)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=project, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    overview = (project / "site" / "index.html").read_text("utf-8")
    assert "symbolic link" in overview and "Çavuşoğlu" not in overview
