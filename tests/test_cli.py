"""The command line, through click's CliRunner."""

import os
import shutil
import subprocess
import sys

import pytest
import yaml
from click.testing import CliRunner
from conftest import EXAMPLE_SEED, ROOT

from briefgen import cache as cache_module
from briefgen.cli import main
from briefgen.pipeline import build_brief


def seeds_with_example(folder):
    folder.mkdir()
    shutil.copy(EXAMPLE_SEED, folder / EXAMPLE_SEED.name)
    return folder


def test_extract_then_render_writes_every_page(tmp_path):
    seeds = seeds_with_example(tmp_path / "seeds")
    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "extract",
            "--seeds",
            str(seeds),
            "--out",
            str(tmp_path / "brief.yaml"),
            "--cache-dir",
            str(tmp_path / "cache"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "1 documents" in result.output and "1 parsed" in result.output
    result = runner.invoke(main, ["render", "--brief", str(tmp_path / "brief.yaml"), "--out", str(tmp_path / "pages")])
    assert result.exit_code == 0, result.output
    for page in (
        "index.md",
        "background.md",
        "actors.md",
        "positions.md",
        "timeline.md",
        "questions.md",
        "watch.md",
        "sources/index.md",
        "changes.md",
    ):
        assert (tmp_path / "pages" / page).exists(), page


def test_extract_strict_fails_on_a_bad_seed_and_still_writes_the_rest(tmp_path):
    seeds = seeds_with_example(tmp_path / "seeds")
    (seeds / "empty.txt").write_bytes(b"")
    out = tmp_path / "brief.yaml"
    result = CliRunner().invoke(main, ["extract", "--strict", "--no-cache", "--seeds", str(seeds), "--out", str(out)])
    assert result.exit_code == 1
    assert "empty.txt: empty file (skipped)" in result.output
    assert len(yaml.safe_load(out.read_text(encoding="utf-8"))["documents"]) == 1


def test_extract_without_strict_reports_and_succeeds(tmp_path):
    seeds = seeds_with_example(tmp_path / "seeds")
    (seeds / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(
        main, ["extract", "--no-cache", "--seeds", str(seeds), "--out", str(tmp_path / "b.yaml")]
    )
    assert result.exit_code == 0 and "empty.txt: empty file" in result.output


def test_eval_prints_scores_and_macro_f1_last(tmp_path):
    gold = ROOT / "tests" / "eval" / "example-seed.gold.yaml"
    result = CliRunner().invoke(main, ["eval", "--gold", str(gold), str(EXAMPLE_SEED)])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0].split()[:4] == ["section", "P", "R", "F1"]
    assert lines[-1].startswith("macro F1 ") and 0.0 < float(lines[-1].split()[-1]) <= 1.0


@pytest.mark.parametrize(("holder", "misheld"), [("Anna Berg", 0), ("Free Army", 1)])
def test_eval_counts_positions_whose_holder_is_not_the_golds(tmp_path, holder, misheld):
    from briefgen.eval.stories import score_section

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    sentence = "Colonel Anna Berg said the Free Army hoped to enter the capital."
    (seeds / "one.txt").write_text(f"Berg on the advance\n\n{sentence}", encoding="utf-8")
    brief, _ = build_brief(seeds, tmp_path / "cache")
    gold = {
        "actors": [{"name": "Anna Berg", "aliases": ["Berg"]}, {"name": "Free Army"}],
        "positions": [{"actor": holder, "stance": "hopes to enter", "evidence": sentence}],
    }
    score = score_section(brief, gold, "positions")
    assert (score.matched_extracted, len(score.misheld)) == (1, misheld)


def test_new_extractor_version_invalidates_the_cache(tmp_path, monkeypatch):
    seeds = seeds_with_example(tmp_path / "seeds")
    build_brief(seeds, tmp_path / "cache")
    _, same = build_brief(seeds, tmp_path / "cache")
    monkeypatch.setattr(cache_module, "EXTRACTOR_VERSION", "next")
    _, bumped = build_brief(seeds, tmp_path / "cache")
    assert (same.parsed, bumped.parsed) == (0, 1)


def test_a_failing_extractor_costs_one_seed_not_the_build(tmp_path, monkeypatch):
    from briefgen import extract

    seeds = seeds_with_example(tmp_path / "seeds")
    (seeds / "other.txt").write_text("Other\n\nPortugal said the plan had failed.", encoding="utf-8")
    real = extract.extract_document

    def flaky(document, doc):
        if document.id == "other":
            raise ValueError("boom")
        return real(document, doc)

    monkeypatch.setattr(extract, "extract_document", flaky)
    brief, stats = build_brief(seeds, tmp_path / "cache")
    assert len(brief.documents) == 2 and brief.actors
    assert "seeds/other.txt: extraction failed (ValueError: boom) (published without findings)" in brief.notices
    assert stats.parsed == 2
    _, again = build_brief(seeds, tmp_path / "cache")
    assert again.parsed == 1  # the failed seed was not cached, so a fixed extractor gets to try again


def test_a_fully_cached_build_never_imports_spacy(tmp_path):
    seeds = seeds_with_example(tmp_path / "seeds")
    build_brief(seeds, tmp_path / "cache")
    probe = (
        "import sys; from pathlib import Path; from briefgen.pipeline import build_brief; "
        f"_, stats = build_brief(Path({str(seeds)!r}), Path({str(tmp_path / 'cache')!r})); "
        "print(stats.parsed, 'spacy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["0", "False"]


def test_progress_bar_on_a_terminal_and_quiet_in_ci(monkeypatch, capsys):
    from briefgen.pipeline import _Progress

    monkeypatch.setenv("CI", "true")
    quiet = _Progress(1000)
    quiet.update(500)
    assert capsys.readouterr().err == ""
    shown = _Progress(1000)
    shown.shown = True  # what a terminal outside CI gets
    shown.update(250)
    shown.update(1000)
    err = capsys.readouterr().err
    assert "[#######.......................] 250/1000 seeds" in err and err.endswith("1000/1000 seeds, 0:00 left \n")


def test_the_extractor_version_follows_the_extraction_code(tmp_path, monkeypatch):
    from briefgen import settings

    package = tmp_path / "briefgen"
    shutil.copytree(ROOT / "briefgen", package)
    monkeypatch.setattr(settings, "__file__", str(package / "settings.py"))
    before = settings._extractor_version()
    rules = package / "extract" / "actors.py"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# a changed rule\n", encoding="utf-8")
    after = settings._extractor_version()
    assert after != before
    (package / "render.py").write_text("# rendering is not extraction\n", encoding="utf-8")
    assert settings._extractor_version() == after
    assert settings._followed_digest(package) == after  # as kept for the next process


def test_rendering_again_rewrites_only_the_pages_that_changed(tmp_path):
    from briefgen.render import write_pages

    out = tmp_path / "pages"
    write_pages({"index.md": "# Overview\n", "actors.md": "# Actors\n"}, out)
    os.utime(out / "index.md", (1, 1))
    os.utime(out / "actors.md", (1, 1))
    write_pages({"index.md": "# Overview\n", "actors.md": "# Actors\n\n- Turkey\n"}, out)
    assert (out / "index.md").stat().st_mtime == 1
    assert (out / "actors.md").stat().st_mtime != 1
    assert (out / "actors.md").read_text(encoding="utf-8") == "# Actors\n\n- Turkey\n"


def test_two_worker_processes_build_the_same_brief_as_one():
    from briefgen.yamlio import dump

    seeds = ROOT / "tests" / "fixtures" / "turkey-eu"
    alone, _ = build_brief(seeds, None, jobs=1)
    shared, stats = build_brief(seeds, None, jobs=2)
    assert stats.parsed == 3 and not stats.problems
    assert dump(shared) == dump(alone)


def test_rendering_again_removes_the_pages_it_no_longer_makes_and_nothing_else(tmp_path):
    from briefgen.render import write_pages

    out = tmp_path / "pages"
    out.mkdir()
    (out / "notes.md").write_text("mine\n", encoding="utf-8")
    write_pages({"index.md": "# Overview\n", "actors/turkey.md": "# Turkey\n"}, out)
    write_pages({"index.md": "# Overview\n", "actors/russia.md": "# Russia\n"}, out)
    assert not (out / "actors" / "turkey.md").exists()
    assert (out / "actors" / "russia.md").exists() and (out / "notes.md").read_text(encoding="utf-8") == "mine\n"
