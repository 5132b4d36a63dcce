"""Cost of one long seed against its length: parse and extraction of 100k, 300k and 1M characters.

Usage: python bench/long_seed.py [--corpus DIR]. Prints one line per length; the cost should grow
with the length, not faster (1M characters at most about 10x the cost of 100k).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from briefgen import nlp
from briefgen.extract import extract_document
from briefgen.ingest import Document
from briefgen.settings import model_name

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "corpus" / "bbc"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    corpus = parser.parse_args().corpus
    text = "\n\n".join(f.read_text(errors="replace") for f in sorted(corpus.rglob("*.txt")))
    model = model_name()
    nlp.load(model)
    base = None
    for length in (100_000, 300_000, 1_000_000):
        part = text[:length]
        document = Document(id="x", path="x.txt", title="x", text=part, sha256="0", date="2005-01-01", date_source="x")
        started = time.perf_counter()
        parsed = next(nlp.parse([part], model))
        parsed_at = time.perf_counter()
        extract_document(document, parsed)
        done = time.perf_counter()
        base = base or done - started
        print(
            f"{length:>9,} chars: parse {parsed_at - started:5.1f} s, extract {done - parsed_at:4.1f} s, "
            f"total {done - started:5.1f} s ({(done - started) / base:.1f}x the 100k seed)"
        )


if __name__ == "__main__":
    main()
