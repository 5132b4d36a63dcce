"""The latency of one new seed at 1,000 seeds, measured several times: in a fresh process and under serve.

Usage: python bench/latency.py [--size 1000] [--repeats 3] [--corpus DIR]

"+1 seed, new process" runs what `bench/run.py` times in that column (build_brief, brief.yaml and the
Markdown pages, in a fresh Python process) after adding one new article; "seed to page" runs
`mkdocs serve --dirty` once and times, for each new article in turn, from copying it into seeds/ until
the server has its page and the Sources page lists it. Each figure is measured `repeats` times, each
time with an article not seen before (never a duplicate of a seed), and printed with the load average
of the moment; the minimum and the range are what to report on a shared machine.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import run

PY = sys.executable


def unseen_articles(corpus: list[Path], size: int, count: int, target: Path) -> list[Path]:
    """count articles past the first size whose text is unique in the corpus: a new seed each time."""
    copies: dict[str, int] = {}
    for path in corpus:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        copies[digest] = copies.get(digest, 0) + 1
    chosen = []
    for index, path in enumerate(corpus[size:], size):
        if copies[hashlib.sha256(path.read_bytes()).hexdigest()] == 1:
            chosen.append(shutil.copy(path, target / f"new-{index}.txt"))
        if len(chosen) == count:
            break
    return [Path(p) for p in chosen]


def _load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def one_new_seed(project: Path, articles: list[Path]) -> list[float]:
    """+1 seed in a fresh process, once per article (each stays: the briefing grows by one each time)."""
    args = [str(project / name) for name in ("seeds", ".briefgen-cache", "brief.yaml", "pages")]
    run.python(run.STAGES, *args, cwd=project)  # the cold build: every seed parsed once
    run.python(run.STAGES, *args, cwd=project)  # warm
    figures = []
    for article in articles:
        shutil.copy(article, project / "seeds" / article.name)
        out = run.python(run.STAGES, *args, cwd=project).split()
        figures.append(float(out[0]) + float(out[1]))
        print(f"+1 seed, new process: {figures[-1]:.2f} s (parsed {out[2]}); {_load()}", flush=True)
    return figures


def _shown(base: str, stem: str) -> bool:
    return bool(run._fetch(f"{base}sources/{stem}/")) and f'href="{stem}/"' in (run._fetch(f"{base}sources/") or "")


def seed_to_page(project: Path, articles: list[Path]) -> list[float]:
    """Under one `mkdocs serve --dirty`: from copying each article until its page is served and listed."""
    port = run._free_port()
    command = [PY, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--dirty"]
    base, figures = f"http://127.0.0.1:{port}/", []
    with tempfile.TemporaryFile() as errors:
        server = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL, stderr=errors, env=run._QUIET)
        try:
            if not run._poll(lambda: run._fetch(base), 1800, 0.5):
                sys.exit("mkdocs serve did not start")
            for article in articles:
                time.sleep(10)  # the server waits for seeds with the pipeline loaded
                name = "served-" + article.name
                started = time.perf_counter()
                shutil.copy(article, project / "seeds" / name)
                if not run._poll(lambda name=name: _shown(base, Path(name).stem), 600):
                    sys.exit("the new seed's page was never served")
                figures.append(time.perf_counter() - started)
                print(f"seed to page: {figures[-1]:.2f} s; {_load()}", flush=True)
        finally:
            server.terminate()
            server.wait(timeout=60)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    default_corpus = Path(os.environ.get("BRIEFGEN_BENCH_CORPUS", run.DEFAULT_CORPUS))
    parser.add_argument("--corpus", type=Path, default=default_corpus)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    corpus = sorted(args.corpus.rglob("*.txt"))
    random.Random(7).shuffle(corpus)  # the same order as bench/run.py
    with tempfile.TemporaryDirectory() as tmp:
        project, seeds, _ = run.project_of(corpus, args.size, Path(tmp))
        last = corpus[: args.size][-1]
        shutil.copy(last, seeds / f"{last.parent.name}-{last.name}")
        articles = unseen_articles(corpus, args.size, 2 * args.repeats, Path(tmp))
        fresh = one_new_seed(project, articles[: args.repeats])
        served = seed_to_page(project, articles[args.repeats :])
    for label, figures in (("+1 seed, new process", fresh), ("seed to page (serve --dirty)", served)):
        print(f"{label}: min {min(figures):.2f} s, range {min(figures):.2f}-{max(figures):.2f} s over {len(figures)}")


if __name__ == "__main__":
    main()
