import os
import shutil
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
