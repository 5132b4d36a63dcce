"""Benchmark briefgen against its floor: bare spaCy and bare MkDocs on the same texts and pages.

Usage: python bench/run.py [--corpus DIR] [--sizes 100,1000,all] [--parallel-only]
Prints one table; the ratios (ours / floor) are the figures to report. The runs compared with the
floor (bare spaCy, our extraction on one and two processes, both MkDocs builds) are repeated and the
fastest counts. A second table sets extraction on two forked processes (`--jobs 2`) beside a local
Dask cluster of two workers (`--scheduler local:2`), run in turn; `--parallel-only` measures just that.
"+1 seed" is a fresh process (imports spaCy and loads the pipeline for the new seed); "+1 served" is
the same regeneration inside a long-running process such as `mkdocs serve`, pipeline already loaded.
"seed-to-page" runs `mkdocs serve --dirty` (as `make serve` does) and times from copying a new seed into
seeds/ until the server has the seed's own page and the Sources page lists it.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "bench" / "corpus"
PY = sys.executable


def run(*args: str, cwd: Path, env: dict | None = None) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        args, cwd=cwd, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    if result.returncode:
        sys.exit(f"{' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - started


def child_peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


BARE_PIPE = """
import sys, time
from pathlib import Path
from briefgen import nlp
from briefgen.ingest import read_seeds
docs, _ = read_seeds(Path(sys.argv[1]))
texts = [d.text for d in docs]
model = nlp.load()
started = time.perf_counter()
for _ in model.pipe(texts, batch_size=32):
    pass
print(time.perf_counter() - started)
"""

OUR_EXTRACT = """
import sys, time
from pathlib import Path
from briefgen import nlp
from briefgen.pipeline import build_brief
nlp.load()
started = time.perf_counter()
build_brief(Path(sys.argv[1]), None, jobs=int(sys.argv[2]))
print(time.perf_counter() - started)
"""

# The same extraction on a local Dask cluster of 2 worker processes. As above, loading the pipeline is
# left out of the timed part: the cluster starts and its workers load the pipeline first (that start
# is reported on its own), then the extraction is timed.
DASK_EXTRACT = """
import sys, time
from pathlib import Path
from briefgen.cluster import connected
from briefgen.pipeline import build_brief, close_clusters
from briefgen.settings import model_name
started = time.perf_counter()
with connected("local:2", model_name()):
    pass
ready = time.perf_counter()
build_brief(Path(sys.argv[1]), None, scheduler="local:2")
done = time.perf_counter()
close_clusters()
print(done - ready, ready - started)
"""

STAGES = """
import sys, time
from pathlib import Path
from briefgen.pipeline import build_brief
from briefgen.brief_writer import WRITER
from briefgen.changes import track
from briefgen.render import render, write_pages
seeds, cache, brief_path, out = map(Path, sys.argv[1:5])
started = time.perf_counter()
brief, stats = build_brief(seeds, cache)
extracted = time.perf_counter()
WRITER.start(brief, brief_path)  # as the plugin does in `briefgen build`: written while the pages render
pages = render(brief, None, track(brief, cache / "history"))
write_pages(pages, out)
WRITER.wait()
done = time.perf_counter()
print(extracted - started, done - extracted, stats.parsed, stats.cached, stats.seconds_digest)
"""

# What a running `mkdocs serve` does when a seed arrives: the process and its pipeline are already
# loaded, and the pages stay in memory for MkDocs.
SERVE_NEW_SEED = """
import shutil, sys, time
from pathlib import Path
from briefgen import nlp
from briefgen.pipeline import build_pipeline
seeds, cache, brief_path, extra = map(Path, sys.argv[1:5])
build_pipeline(seeds, brief_path, None, cache)
nlp.load()
shutil.copy(extra, seeds / ("served-" + extra.name))
started = time.perf_counter()
build_pipeline(seeds, brief_path, None, cache)
print(time.perf_counter() - started)
"""


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _poll(condition, seconds: float, step: float = 0.05):
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        if value := condition():
            return value
        time.sleep(step)
    return None


def seed_to_page(project: Path, seed: Path, dirty: bool = True) -> float:
    """Under `mkdocs serve` (--dirty, as `make serve` runs it): from copying a seed into seeds/ until
    the served site has the seed's own page and the Sources page lists it."""
    port = _free_port()
    name = "served-page-" + seed.name
    command = [PY, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *(["--dirty"] if dirty else [])]
    with tempfile.TemporaryFile() as errors:
        server = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL, stderr=errors, env=_QUIET)
        try:
            base = f"http://127.0.0.1:{port}/"
            if not _poll(lambda: _fetch(base), 1800, 0.5):
                errors.seek(0)
                sys.exit("mkdocs serve did not start:\n" + errors.read().decode()[-3000:])
            page = f"{base}sources/{Path(name).stem}/"
            time.sleep(10)  # a server waits for seeds with the pipeline loaded (it loads after the first build)
            started = time.perf_counter()
            shutil.copy(seed, project / "seeds" / name)
            listed = f'href="{Path(name).stem}/"'

            def shown() -> bool:
                return bool(_fetch(page)) and listed in (_fetch(f"{base}sources/") or "")

            if not _poll(shown, 600):
                sys.exit("the new seed's page was never served")
            latency = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=60)
            (project / "seeds" / name).unlink(missing_ok=True)
    return latency


_QUIET = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def python(code: str, *args: str, cwd: Path) -> str:
    result = subprocess.run([PY, "-c", code, *args], cwd=cwd, check=True, capture_output=True, text=True)
    return result.stdout.strip().splitlines()[-1]


def plain_site(pages_dir: Path, target: Path) -> None:
    """A Markdown site with the same pages, lines and words but none of briefgen's markup.

    Each line of a page becomes a paragraph of its words: one giant paragraph per page would make
    Python-Markdown's inline patterns slow and the comparison meaningless.
    """
    docs = target / "docs"
    for page in pages_dir.rglob("*.md"):
        lines = page.read_text(encoding="utf-8").splitlines()
        paragraphs = [" ".join(w.strip("<>[](){}#*_|") for w in line.split()) for line in lines]
        out = docs / page.relative_to(pages_dir)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("# Page\n\n" + "\n\n".join(p for p in paragraphs if p) + "\n", encoding="utf-8")
    # The same navigation as the briefing: without one, Material would list every page on every page.
    (target / "mkdocs.yml").write_text(
        "site_name: plain\ntheme: {name: material, font: false}\nplugins: [search]\n" + _nav_block(), encoding="utf-8"
    )


def _nav_block() -> str:
    lines = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    start = lines.index("nav:")
    entries = [line for line in lines[start + 1 :] if line.startswith("  - ")]
    return "\n".join(["nav:", *entries]) + "\n"


def new_seed(corpus: list[Path], index: int, target: Path, seeds: Path) -> Path:
    """An article not among the seeds yet (the corpus repeats a few articles word for word, and a
    repeat would be skipped, not parsed); past the end of the corpus, an old one with a new paragraph."""
    known = {hashlib.sha256(p.read_bytes()).digest() for p in seeds.iterdir() if p.is_file()}
    while True:
        text = corpus[index % len(corpus)].read_bytes()
        if index >= len(corpus):
            text += b"\n\nThis report was updated on Monday with comments from the company.\n"
        if hashlib.sha256(text).digest() not in known:
            break
        index += 1
    target.write_bytes(text)
    return target


def best(measure, repeats: int) -> float:
    """The fastest of repeated runs: on a shared machine the slower ones measure the neighbours."""
    return min(measure() for _ in range(repeats))


def parallel(seeds: Path, project: Path, repeats: int) -> dict:
    """`--jobs 2` and a local Dask cluster of 2 workers, run in turn so both meet the same neighbours."""
    jobs, cluster, start = [], [], []
    for _ in range(repeats):
        jobs.append(float(python(OUR_EXTRACT, str(seeds), "2", cwd=project)))
        extract, started = python(DASK_EXTRACT, str(seeds), cwd=project).split()
        cluster.append(float(extract))
        start.append(float(started))
    return {"extract_2": min(jobs), "dask_2": min(cluster), "dask_start": min(start)}


def project_of(corpus: list[Path], size: int, work: Path) -> tuple[Path, Path, dict]:
    project = work / f"n{size}"
    seeds = project / "seeds"
    seeds.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "site_templates", project / "site_templates")
    chosen = corpus[:size]
    for path in chosen[:-1]:
        shutil.copy(path, seeds / f"{path.parent.name}-{path.name}")
    words = sum(len(p.read_bytes().split()) for p in chosen)
    return project, seeds, {"seeds": size, "words": words}


def bench(corpus: list[Path], size: int, work: Path, repeats: int) -> dict:
    project, seeds, row = project_of(corpus, size, work)
    last = corpus[:size][-1]
    row["bare_pipe"] = best(lambda: float(python(BARE_PIPE, str(seeds), cwd=project)), repeats)
    shutil.copy(last, seeds / f"{last.parent.name}-{last.name}")
    row["bare_pipe"] *= size / max(size - 1, 1)
    row["extract_1"] = best(lambda: float(python(OUR_EXTRACT, str(seeds), "1", cwd=project)), repeats)
    row.update(parallel(seeds, project, repeats))
    cache, pages = project / ".briefgen-cache", project / "pages"
    cold = python(STAGES, str(seeds), str(cache), str(project / "brief.yaml"), str(pages), cwd=project).split()
    row["cold_extract"], row["cold_render"], row["digest"] = float(cold[0]), float(cold[1]), float(cold[4])
    warm = python(STAGES, str(seeds), str(cache), str(project / "brief.yaml"), str(pages), cwd=project).split()
    row["warm"], row["warm_parsed"] = float(warm[0]) + float(warm[1]), int(warm[2])
    new_seed(corpus, size, seeds / "new-1.txt", seeds)
    one = python(STAGES, str(seeds), str(cache), str(project / "brief.yaml"), str(pages), cwd=project).split()
    row["one_new"], row["one_new_parsed"] = float(one[0]) + float(one[1]), int(one[2])
    served = new_seed(corpus, size + 1, project / "new-2.txt", seeds)
    row["served_new"] = float(
        python(SERVE_NEW_SEED, str(seeds), str(cache), str(project / "brief.yaml"), str(served), cwd=project)
    )
    row["seed_to_page"] = seed_to_page(project, new_seed(corpus, size + 2, project / "new-3.txt", seeds))
    quiet = {"NO_MKDOCS_2_WARNING": "1"}
    site = str(project / "site")
    row["mkdocs"] = best(lambda: run(PY, "-m", "mkdocs", "build", "--site-dir", site, cwd=project, env=quiet), repeats)
    plain = project / "plain"
    plain_site(pages, plain)
    row["mkdocs_plain"] = best(lambda: run(PY, "-m", "mkdocs", "build", cwd=plain, env=quiet), repeats)
    index = project / "site" / "search" / "search_index.json"
    text_bytes = sum(len(" ".join(p.read_text(encoding="utf-8").split()).encode()) for p in pages.rglob("*.md"))
    row["index_ratio"] = index.stat().st_size / max(text_bytes, 1)
    row["peak_mib"] = child_peak_mib()
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("BRIEFGEN_BENCH_CORPUS", DEFAULT_CORPUS)))
    parser.add_argument("--sizes", default="100,1000,all")
    parser.add_argument("--repeats", type=int, default=2, help="Runs of each floor comparison; the fastest counts.")
    parser.add_argument(
        "--parallel-only", action="store_true", help="Measure only `--jobs 2` against a local Dask cluster of 2."
    )
    args = parser.parse_args()
    corpus = sorted(p for p in args.corpus.rglob("*.txt"))
    random.Random(7).shuffle(corpus)  # mix the five sections, the same way every run
    sizes = [len(corpus) if s == "all" else int(s) for s in args.sizes.split(",")]
    print(
        f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}; corpus {args.corpus} ({len(corpus)} files)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        if args.parallel_only:
            print_parallel([only_parallel(corpus, size, Path(tmp), args.repeats) for size in sizes])
            return
        rows = [bench(corpus, size, Path(tmp), args.repeats) for size in sizes]
    print_table(rows)
    print_parallel(rows)


def only_parallel(corpus: list[Path], size: int, work: Path, repeats: int) -> dict:
    project, seeds, row = project_of(corpus, size, work)
    last = corpus[:size][-1]
    shutil.copy(last, seeds / f"{last.parent.name}-{last.name}")
    row.update(parallel(seeds, project, repeats))
    return row


def print_parallel(rows: list[dict]) -> None:
    """Extraction on two processes, forked (`--jobs 2`) and on a local Dask cluster (`local:2`)."""
    header = ("seeds", "jobs2 s", "jobs2 w/s", "dask2 s", "dask2 w/s", "dask2 / jobs2 throughput", "dask start s")
    print()
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for r in rows:
        cells = [r["seeds"], f"{r['extract_2']:.1f}", f"{r['words'] / r['extract_2']:,.0f}", f"{r['dask_2']:.1f}"]
        cells += [f"{r['words'] / r['dask_2']:,.0f}", f"{r['extract_2'] / r['dask_2']:.2f}", f"{r['dask_start']:.1f}"]
        print(" | ".join(str(c) for c in cells))


def print_table(rows: list[dict]) -> None:
    header = (
        "seeds",
        "words",
        "spaCy w/s",
        "ours w/s",
        "ratio",
        "jobs2 x",
        "extract s",
        "render s",
        "summary+key dates s (% of extract)",
        "warm s",
        "warm %",
        "+1 seed s",
        "+1 served s",
        "seed-to-page s",
        "mkdocs s",
        "plain s",
        "mkdocs x",
        "index/text",
        "peak MiB",
    )
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for r in rows:
        spacy_wps, ours_wps = r["words"] / r["bare_pipe"], r["words"] / r["extract_1"]
        print(
            " | ".join(
                [
                    str(r["seeds"]),
                    str(r["words"]),
                    f"{spacy_wps:,.0f}",
                    f"{ours_wps:,.0f}",
                    f"{ours_wps / spacy_wps:.2f}",
                    f"{r['extract_1'] / r['extract_2']:.2f}",
                    f"{r['cold_extract']:.1f}",
                    f"{r['cold_render']:.2f}",
                    f"{r['digest']:.2f} ({100 * r['digest'] / r['cold_extract']:.1f} %)",
                    f"{r['warm']:.2f} (parsed {r['warm_parsed']})",
                    f"{100 * r['warm'] / r['cold_extract']:.1f}",
                    f"{r['one_new']:.2f} (parsed {r['one_new_parsed']})",
                    f"{r['served_new']:.2f}",
                    f"{r['seed_to_page']:.2f}",
                    f"{r['mkdocs']:.1f}",
                    f"{r['mkdocs_plain']:.1f}",
                    f"{r['mkdocs'] / r['mkdocs_plain']:.2f}",
                    f"{r['index_ratio']:.2f}",
                    f"{r['peak_mib']:.0f}",
                ]
            )
        )


if __name__ == "__main__":
    main()
