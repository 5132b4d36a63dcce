"""Scale simulation (`make bench-scale`): merge, overrides, write, render and MkDocs at 10k-100k seeds.

Nothing is parsed at those sizes: a few hundred bench seeds are extracted once for real (kept in the
work folder for the next run), then copied under new ids, words and dates (bench/replicate.py) into
a briefing of each size with its cache filled. Each size is measured in a fresh process, step by
step, as `build_brief` and `build_pipeline` run them; MkDocs (`mkdocs build`, the plugin included)
runs on the sizes up to --mkdocs-up-to.

Usage: python bench/scale.py [--sizes 10000,30000,100000] [--base 150] [--work DIR] [--mkdocs-up-to N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from replicate import write_copies  # noqa: E402

from briefgen.cache import ExtractionCache  # noqa: E402
from briefgen.ingest import read_seeds  # noqa: E402
from briefgen.settings import model_name  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "bench" / "corpus"
PY = sys.executable
QUIET = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

# One size, in a fresh process: the steps of build_brief and build_pipeline, timed one by one.
MEASURE = """
import json, resource, sys, time
from pathlib import Path
from briefgen.cache import ExtractionCache
from briefgen.changes import track
from briefgen.ingest import read_seeds
from briefgen.keydates import key_dates, references
from briefgen.merge import merge
from briefgen.overrides import apply_overrides, load_overrides
from briefgen.pipeline import _without_gc_pauses
from briefgen.render import render, write_pages
from briefgen.settings import model_name
from briefgen.summary import summarize
from briefgen.yamlio import save

project = Path(sys.argv[1])
cache_dir, overrides_path = project / ".briefgen-cache", project / "overrides.yaml"
times, clock = {}, [time.perf_counter()]
def lap(name):
    now = time.perf_counter()
    times[name], clock[0] = now - clock[0], now
documents, _ = read_seeds(project / "seeds"); lap("read seeds")
cache = ExtractionCache(cache_dir, model_name(None))
found = [cache.get(cache.key(d)) for d in documents]; lap("cache load")
pairs = sorted((p for p in found if p), key=lambda p: (p[0].date or "", p[0].id))
with _without_gc_pauses():
    brief = merge([d for d, _ in pairs], [f for _, f in pairs]); lap("merge")
    overrides, errors = load_overrides(overrides_path)
    brief, unmatched = apply_overrides(brief, overrides, overrides_path.name); lap("overrides")
    brief.key_dates = key_dates(brief, references(f.timeline for _, f in pairs))
    brief.summary = summarize(brief); lap("digest")
    save(brief, project / "brief.yaml"); lap("write")
    pages = render(brief, None, track(brief, cache_dir / "history")); lap("render")
write_pages(pages, project / "pages"); lap("write pages")
largest = max(pages, key=lambda p: len(pages[p].encode()))
print(json.dumps({
    "times": times, "missing": sum(p is None for p in found), "errors": errors, "unmatched": len(unmatched),
    "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "brief_mb": (project / "brief.yaml").stat().st_size / 1e6, "pages": len(pages),
    "largest": [largest, len(pages[largest].encode()) / 1e6],
    "counts": {s: len(getattr(brief, s)) for s in ("actors", "positions", "timeline", "background", "mentioned")},
}))
"""


def base_entries(corpus: list[Path], count: int, work: Path) -> list:
    """The real entries the copies are made from: the first `count` bench seeds, extracted once."""
    project = work / f"base{count}"
    seeds, cache_dir = project / "seeds", project / ".briefgen-cache"
    seeds.mkdir(parents=True, exist_ok=True)
    for path in corpus[:count]:
        target = seeds / f"{path.parent.name}-{path.name}"
        if not target.exists():
            shutil.copy(path, target)
    code = "import sys; from pathlib import Path; from briefgen.pipeline import build_brief; "
    code += "build_brief(Path(sys.argv[1]), Path(sys.argv[2]))"
    subprocess.run([PY, "-c", code, str(seeds), str(cache_dir)], cwd=project, check=True)
    documents, _ = read_seeds(seeds)
    cache = ExtractionCache(cache_dir, model_name(None))
    entries = [cache.get(cache.key(d)) for d in documents]
    return [e for e in entries if e]


def prepare(entries: list, size: int, work: Path) -> Path:
    """A briefing of `size` seeds with its cache filled and an overrides file naming real ids."""
    project = work / f"n{size}"
    project.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "site_templates", project / "site_templates", dirs_exist_ok=True)
    started = time.perf_counter()
    cache = ExtractionCache(project / ".briefgen-cache", model_name(None))
    written = write_copies(entries, size, project / "seeds", cache)
    print(f"n={size}: {written} seeds and entries written in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    (project / "overrides.yaml").write_text(overrides_for(entries), encoding="utf-8")
    return project


def overrides_for(entries: list) -> str:
    """A few corrections of each kind, on ids every size has (those of the original seeds)."""
    events = [e.id for _, f in entries[:40] for e in f.timeline][:30]
    actors = sorted({a.id for _, f in entries[:40] for a in f.actors if a.kind == "person"})[:10]
    lines = ["rename:"] + [f"  {a}: {a.replace('-', ' ').title()} (checked)" for a in actors]
    lines += ["hide:"] + [f"  - {e}" for e in events[:20]]
    lines += ["edit:"] + [f'  {e}: {{event: "Corrected by hand"}}' for e in events[20:]]
    lines += ["add:", "  watch:", '    - {date: "2006-01-10", item: A hearing, note: A court notice}']
    return "\n".join(lines) + "\n"


def measure(project: Path) -> dict:
    result = subprocess.run([PY, "-c", MEASURE, str(project)], cwd=project, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"measuring {project} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def mkdocs(project: Path) -> tuple[float, float]:
    """`mkdocs build` of the briefing (the plugin's warm pipeline included): seconds, peak MiB."""
    code = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "subprocess.run([sys.executable, '-m', 'mkdocs', 'build', '-q', '--site-dir', 'site'], check=True); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)"
    )
    result = subprocess.run([PY, "-c", code], cwd=project, capture_output=True, text=True, env=QUIET)
    if result.returncode:
        sys.exit(f"mkdocs build in {project} failed:\n{result.stderr[-3000:]}")
    seconds, peak = result.stdout.split()
    return float(seconds), float(peak)


STEPS = ("read seeds", "cache load", "merge", "overrides", "digest", "write", "render", "write pages")


def report(rows: list[dict]) -> None:
    header = ["seeds", *STEPS, "merge+render+write", "peak MiB", "brief.yaml MB", "pages", "largest page", "mkdocs s"]
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for row in rows:
        t = row["times"]
        core = t["merge"] + t["render"] + t["write"]
        mk = f"{row['mkdocs'][0]:.0f} (peak {row['mkdocs'][1]:.0f} MiB)" if row.get("mkdocs") else "not run"
        cells = [f"{row['size']:,}", *(f"{t[s]:.1f}" for s in STEPS), f"{core:.1f}", f"{row['peak_mib']:.0f}"]
        cells += [f"{row['brief_mb']:.0f}", str(row["pages"]), f"{row['largest'][0]} {row['largest'][1]:.2f} MB", mk]
        print(" | ".join(cells))
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        core = [r["times"]["merge"] + r["times"]["render"] + r["times"]["write"] for r in (first, last)]
        print(f"merge+render+write at {last['size']:,} / at {first['size']:,}: {core[1] / core[0]:.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("BRIEFGEN_BENCH_CORPUS", DEFAULT_CORPUS)))
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--base", type=int, default=150, help="Bench seeds extracted for real and copied.")
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "briefgen-scale")
    parser.add_argument("--mkdocs-up-to", type=int, default=30000, help="Largest size built with MkDocs.")
    args = parser.parse_args()
    corpus = sorted(args.corpus.rglob("*.txt"))
    random.Random(7).shuffle(corpus)  # the same mix of sections as bench/run.py
    entries = base_entries(corpus, args.base, args.work)
    print(f"machine: {os.cpu_count()} cores; {len(entries)} real entries copied; work folder {args.work}")
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        project = prepare(entries, size, args.work)
        row = {"size": size, **measure(project)}
        if size <= args.mkdocs_up_to:
            row["mkdocs"] = mkdocs(project)
        print(json.dumps(row), file=sys.stderr)
        rows.append(row)
    report(rows)


if __name__ == "__main__":
    main()
