"""A seed folder is untrusted: nothing outside it is read, and no one file stops the others."""

import os
from pathlib import Path

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
