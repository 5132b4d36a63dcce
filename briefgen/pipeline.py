"""The one pipeline function the CLI and the MkDocs plugin share: seeds in, Brief out."""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import parse_ahead
from .brief import Brief
from .cache import ExtractionCache
from .corrections import corrections, snapshot
from .findings import DocFindings
from .gcpause import left_alone_until_here, loaded_then_left_alone
from .gcpause import without_gc_pauses as _without_gc_pauses
from .ingest import Document, SeedProblem, read_seeds
from .keydates import key_dates, references
from .merge import merge
from .overrides import apply_overrides, load_overrides
from .parse_ahead import ParseAhead
from .settings import model_name, scheduler_address
from .summary import summarize

BATCH_SIZE = 32


@dataclass
class BuildStats:
    seeds: int = 0
    parsed: int = 0
    cached: int = 0
    words: int = 0
    seconds_extract: float = 0.0
    seconds_digest: float = 0.0  # the summary and the key dates
    problems: list[SeedProblem] = field(default_factory=list)


Extracted = tuple[Document, DocFindings, str | None]  # the error message when extraction failed


def _extract_batch(documents: list[Document], model: str) -> list[Extracted]:
    from . import nlp  # spaCy is imported only when a seed has to be parsed

    results: list[Extracted] = []
    try:
        docs = nlp.parse((d.text for d in documents), model, batch_size=BATCH_SIZE)
        for document, doc in zip(documents, docs, strict=True):
            results.append(_extract_one(document, doc))
    except Exception:  # noqa: BLE001 - spaCy refused one text of the batch: parse the rest one by one
        results += [_parse_alone(document, model) for document in documents[len(results) :]]
    return results


def _parse_alone(document: Document, model: str) -> Extracted:
    from . import nlp

    try:
        (doc,) = nlp.parse([document.text], model)
    except Exception as err:  # noqa: BLE001 - this seed alone is published without findings
        document.sentences = []
        return document, DocFindings(), f"spaCy could not parse it: {type(err).__name__}: {str(err)[:200]}"
    return _extract_one(document, doc)


def _extract_one(document: Document, doc) -> Extracted:
    """A bug met on one document costs that document's findings, not the build."""
    from . import nlp
    from .extract import extract_document

    try:
        return document, extract_document(document, doc), None
    except Exception as err:  # noqa: BLE001 - reported per seed, the other seeds still build
        document.sentences = [s.text.strip() for s in nlp.sentences(doc)]
        return document, DocFindings(), f"{type(err).__name__}: {err}"


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _Progress:
    """A one-line progress bar with the time left, on a terminal only (quiet in CI and in logs)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.started = time.perf_counter()
        self.shown = total >= 50 and sys.stderr.isatty() and not os.environ.get("CI")

    def update(self, done: int) -> None:
        if not self.shown:
            return
        elapsed = time.perf_counter() - self.started
        left = elapsed / done * (self.total - done) if done else 0
        filled = int(30 * done / self.total)
        bar = "#" * filled + "." * (30 - filled)
        line = f"\rbriefgen: [{bar}] {done}/{self.total} seeds, {int(left) // 60}:{int(left) % 60:02d} left "
        print(line, end="" if done < self.total else "\n", file=sys.stderr, flush=True)


def _die_with_parent(parent: int) -> None:
    """A worker's first act: ask the kernel to end it when the parent dies (killed, it cannot shut the
    pool down), else watch for that; a worker left over holds a whole spaCy pipeline in memory."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        armed = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL) == 0
    except (OSError, AttributeError):
        armed = False
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)
    if not armed:
        threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def extract_all(
    documents: list[Document], model: str, jobs: int = 1, scheduler: str | None = None
) -> Iterator[Extracted]:
    """Parse and extract documents in batches, streaming (never all spaCy Docs at once): on this
    process, on `jobs` worker processes, or on the Dask cluster at `scheduler` (see cluster.py)."""
    progress, done = _Progress(len(documents)), 0
    for results in _batch_results(documents, model, jobs, scheduler):
        done += len(results)
        progress.update(done)
        yield from results


def batches_for(documents: list[Document], workers: int) -> list[list[Document]]:
    """With workers, batches small enough that each worker gets several: with a few long batches one
    worker would be left with the last of them while the other waits."""
    size = min(BATCH_SIZE, max(1, -(-len(documents) // (4 * workers)))) if workers > 1 else BATCH_SIZE
    return list(_chunks(documents, size))


def _batch_results(
    documents: list[Document], model: str, jobs: int, scheduler: str | None
) -> Iterator[list[Extracted]]:
    if scheduler and documents:
        from .cluster import extract_on_cluster

        yield from extract_on_cluster(documents, model, scheduler)
        return
    batches = batches_for(documents, jobs)
    if jobs > 1 and len(batches) > 1:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_die_with_parent, initargs=(os.getpid(),)) as pool:
            yield from pool.map(_extract_batch, batches, [model] * len(batches))
        return
    for batch in batches:
        yield _extract_batch(batch, model)


def close_clusters() -> None:
    """Stop the local Dask clusters this process started, if it started any."""
    module = sys.modules.get(f"{__package__}.cluster")
    if module is not None:
        module.close_local_clusters()


def _load_model(model: str) -> None:
    from .spacy_start import import_spacy

    import_spacy()  # without its command line
    from . import nlp

    nlp.load(model)


def _load_model_meanwhile(model: str) -> threading.Thread:
    """Importing spaCy and loading the pipeline take over a second: a thread does it while the
    cache is read. A failure is left for the parse to raise again, with its message."""

    def load() -> None:
        with contextlib.suppress(Exception):
            _load_model(model)

    thread = threading.Thread(target=load, name="briefgen-model", daemon=True)
    thread.start()
    return thread


def _import_the_later_steps() -> None:
    """What the digest and the pages need, imported while the forked worker still parses."""
    import scipy.sparse  # noqa: F401 - about half a second in a new process

    from . import centrality, render  # noqa: F401


def _start_parse_ahead(model: str) -> ParseAhead | None:
    """In a fresh process, a forked worker starts loading the pipeline before the seeds are read, in
    case one is new (see parse_ahead); it is stopped as soon as the cache is found to hold them all."""
    if not parse_ahead.wanted():
        return None
    return ParseAhead(model, _load_model, _extract_batch, initializer=_die_with_parent, initargs=(os.getpid(),))


MAX_NOTICES = 200  # a folder of thousands of bad files, or overrides of thousands of unknown ids


def capped(notices: list[str]) -> list[str]:
    if len(notices) <= MAX_NOTICES:
        return notices
    return notices[:MAX_NOTICES] + [f"... and {len(notices) - MAX_NOTICES} more notices like these"]


def build_brief(
    seeds_dir: Path,
    cache_dir: Path | None = None,
    model: str | None = None,
    jobs: int = 1,
    title: str | None = None,
    overrides_path: Path | None = None,
    scheduler: str | None = None,
) -> tuple[Brief, BuildStats]:
    """Seeds in, Brief out, in named steps: read the seeds, take what the cache holds, extract the
    rest, merge, apply the user's overrides, then the digest (key dates and the summary). Extraction
    runs on jobs processes, or on the Dask cluster of scheduler (or of $BRIEFGEN_SCHEDULER)."""
    model, scheduler = model_name(model), scheduler_address(scheduler)
    if scheduler:  # a wrong address is reported even when every seed is cached
        from .cluster import local_workers

        local_workers(scheduler)
    stats = BuildStats()
    ahead = None if scheduler else _start_parse_ahead(model)
    with loaded_then_left_alone():  # the seeds and the findings read stay in memory: no garbage to find
        documents, stats.problems = read_seeds(seeds_dir)
        stats.seeds = len(documents)
        cache = ExtractionCache(cache_dir, model) if cache_dir else None
        keys = {d.id: cache.key(d) for d in documents} if cache else {}  # before extraction infers dates
        results, todo, ahead = _from_cache(documents, cache, keys, model, preload=not scheduler, ahead=ahead)
    try:
        _extract_missing(todo, results, cache, keys, model, jobs, stats, scheduler, ahead)
        ordered = sorted(results.values(), key=lambda pair: (pair[0].date or "", pair[0].id))
        stats.words = sum(len(d.text.split()) for d, _ in ordered)
        with _without_gc_pauses():
            brief = merge([d for d, _ in ordered], [f for _, f in ordered], title)
            overrides, errors = load_overrides(overrides_path)
            extracted = snapshot(brief.timeline) if overrides else []
            brief, unmatched = apply_overrides(brief, overrides, overrides_path.name if overrides_path else "")
            fixes = corrections(extracted, brief.timeline) if overrides else None
            started = time.perf_counter()
            brief.key_dates = key_dates(brief, references(f.timeline for _, f in ordered), fixes)
            brief.summary = summarize(brief)
            stats.seconds_digest = time.perf_counter() - started
    finally:
        left_alone_until_here()
    brief.notices = capped([str(p) for p in stats.problems] + errors + unmatched)
    return brief, stats


Results = dict[str, tuple[Document, DocFindings]]


def _from_cache(
    documents: list[Document],
    cache: ExtractionCache | None,
    keys: dict[str, str],
    model: str,
    preload: bool = True,
    ahead: ParseAhead | None = None,
) -> tuple[Results, list[Document], ParseAhead | None]:
    """What the cache already holds, and the documents left to parse. Meanwhile a few new seeds are
    parsed by the forked worker of ahead, or the model loads in a thread; neither when a cluster's
    workers parse them. Returns ahead when it took the new seeds, else None."""
    results: Results = {}
    todo: list[Document] = []
    missing = [d for d in documents if cache is None or not cache.holds(keys[d.id])]
    if ahead and not ahead.hand(missing):
        ahead = None
    loader = _load_model_meanwhile(model) if preload and missing and not ahead else None
    parsed_ahead = {d.id for d in ahead.documents} if ahead else set()
    for document in documents:
        hit = cache.get(keys[document.id]) if cache and document.id not in parsed_ahead else None
        if hit:
            results[document.id] = hit
        elif document.id not in parsed_ahead:
            todo.append(document)
    if loader:
        loader.join()  # before extract_all may fork workers, which must not inherit a held lock
    return results, todo, ahead


def _extract_missing(
    todo: list[Document],
    results: Results,
    cache: ExtractionCache | None,
    keys: dict[str, str],
    model: str,
    jobs: int,
    stats: BuildStats,
    scheduler: str | None = None,
    ahead: ParseAhead | None = None,
) -> None:
    """Parse and extract what the cache lacks, caching each result; a failure costs one seed."""
    started = time.perf_counter()
    done_ahead = ahead.results(meanwhile=_import_the_later_steps) if ahead else None
    if ahead and done_ahead is None:
        todo = ahead.documents + todo  # the forked worker failed: parsed here instead
    extracted = itertools.chain(done_ahead or [], extract_all(todo, model, jobs, scheduler))
    for document, findings, error in extracted:
        results[document.id] = (document, findings)
        if error:
            stats.problems.append(
                SeedProblem(document.path, f"extraction failed ({error})", "published without findings")
            )
        elif cache:
            try:
                cache.put(keys[document.id], document, findings)
            except OSError as err:
                stats.problems.append(
                    SeedProblem(str(cache.directory), f"cache not writable ({err.strerror})", "built without it")
                )
                cache = None
        if not document.sentences:
            stats.problems.append(SeedProblem(document.path, "no sentences found", "published without findings"))
    stats.seconds_extract = time.perf_counter() - started
    stats.parsed = len(todo) + len(done_ahead or [])
    stats.cached = len(results) - stats.parsed


def build_pipeline(
    seeds_dir: Path,
    brief_path: Path,
    overrides_path: Path | None,
    cache_dir: Path | None,
    templates_dir: Path | None = None,
    model: str | None = None,
    title: str | None = None,
    jobs: int = 1,
    log=None,
    key_dates_shown: int = 0,
    scheduler: str | None = None,
    write_brief: Callable[[Brief, Path], None] | None = None,
) -> dict[str, str]:
    """Seeds -> brief.yaml (written by write_brief, at once by default) -> Markdown pages (returned).
    Problems are logged, not fatal."""
    from .changes import track
    from .render import render
    from .yamlio import save

    brief, stats = build_brief(seeds_dir, cache_dir, model, jobs, title, overrides_path, scheduler)
    if log is not None:
        # INFO, not WARNING: under `mkdocs build --strict` a bad seed must not stop the other seeds
        # from building. The notices are also listed on the Overview page.
        for notice in brief.notices:
            log.info("briefgen: %s", notice)
        log.info("briefgen: %d seeds, %d parsed, %d from cache", stats.seeds, stats.parsed, stats.cached)
    with _without_gc_pauses():
        (write_brief or save)(brief, brief_path)
        changes = track(brief, cache_dir / "history" if cache_dir else None)
        return render(brief, templates_dir, changes, key_dates_shown)
