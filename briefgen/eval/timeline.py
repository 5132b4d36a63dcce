"""Score key_dates against a journalist's timeline (Timeline17 layout, the protocol of its README):
the seeds inside the gold span in, the top l key dates with k sentences each out, Date F1 and
align+ m:1 ROUGE-1/2 from tilse."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..brief import Brief

FRONT_DATE = re.compile(r"^date:\s*(\d{4}-\d{2}-\d{2})\s*$", re.M)


@dataclass
class Gold:
    path: Path
    dates: list[str]
    sentences: int

    @property
    def length(self) -> int:
        return len(self.dates)

    @property
    def per_date(self) -> int:
        return max(1, round(self.sentences / len(self.dates)))


def read_gold(path: Path) -> Gold:
    """tilse/T17 format: a date line, its sentences, then a line of dashes."""
    dates, sentences, expect_date = [], 0, True
    for line in path.read_text(encoding="utf-8").splitlines():
        if expect_date and line.strip():
            dates.append(line.strip())
            expect_date = False
        elif set(line.strip()) == {"-"}:
            expect_date = True
        elif line.strip():
            sentences += 1
    return Gold(path, sorted(dates), sentences)


def copied_seeds(topic_dir: Path) -> list[str]:
    """The seeds MANIFEST.json flags as copies of the gold timeline."""
    manifest = json.loads((topic_dir.parent / "MANIFEST.json").read_text(encoding="utf-8"))
    golds = manifest["topics"][topic_dir.name]["gold"]
    return sorted({f["seed"] for g in golds for f in g["copy_check"]["flagged"]})


def seeds_in_span(topic_dir: Path, gold: Gold, exclude: set[str]) -> list[Path]:
    chosen = []
    for path in sorted((topic_dir / "seeds").iterdir()):
        found = FRONT_DATE.search(path.read_text(encoding="utf-8")[:300])
        if found and gold.dates[0] <= found.group(1) <= gold.dates[-1] and path.name not in exclude:
            chosen.append(path)
    return chosen


def build_topic(seeds: list[Path], cache_dir: Path | None, jobs: int = 1, model: str | None = None) -> Brief:
    from ..pipeline import build_brief

    with tempfile.TemporaryDirectory(prefix="briefgen-tls-") as tmp:
        folder = Path(tmp) / "seeds"  # a fixed name and copied files keep the ids and the cache keys
        folder.mkdir()
        for seed in seeds:  # copies: ingest refuses symbolic links
            shutil.copyfile(seed, folder / seed.name)
        brief, _ = build_brief(folder, cache_dir, model, jobs)
    return brief


def system_timeline(brief: Brief, gold: Gold) -> dict[str, list[str]]:
    """The page's timeline as the protocol reads it: the top l key dates inside the gold span, k sentences each."""
    inside = [kd for kd in brief.key_dates if len(kd.date) == 10 and gold.dates[0] <= kd.date <= gold.dates[-1]]
    return {kd.date: [s.text for s in kd.sentences[: gold.per_date]] for kd in inside[: gold.length]}


def score(system: dict[str, list[str]], gold: Gold, rouge_computation: str = "original") -> dict[str, float]:
    """Date F1 (exact day) and tilse's align+ m:1 ROUGE-1/2 F1, sentences Treebank-tokenized."""
    try:
        from nltk.tokenize import TreebankWordTokenizer
        from tilse.data.timelines import GroundTruth, Timeline
        from tilse.evaluation import rouge
    except ImportError as err:
        raise RuntimeError("eval-timeline needs tilse and nltk: pip install -e '.[test]'") from err

    tokenize = TreebankWordTokenizer().tokenize
    with gold.path.open(encoding="utf-8") as handle:
        reference = Timeline.from_file(handle)
    predicted = Timeline(
        {dt.date.fromisoformat(d): [" ".join(tokenize(s)) for s in texts] for d, texts in system.items()}
    )
    evaluator = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation=rouge_computation)
    result = evaluator.evaluate_align_date_content_costs_many_to_one(predicted, GroundTruth([reference]))
    ours, theirs = set(system), set(gold.dates)
    hits = len(ours & theirs)
    date_f1 = 2 * hits / (len(ours) + len(theirs)) if hits else 0.0
    return {"date_f1": date_f1, "ar1": result["rouge_1"]["f_score"], "ar2": result["rouge_2"]["f_score"]}


def evaluate_topic(
    topic_dir: Path, cache_dir: Path | None, jobs: int = 1, model: str | None = None, rouge: str = "original"
) -> list[tuple[str, dict[str, float]]]:
    """The topic scored as is, and again without the seeds that copy its gold timeline, if any."""
    gold = read_gold(topic_dir / "gold" / "timeline.txt")
    copies = copied_seeds(topic_dir)
    runs: list[tuple[str, set[str]]] = [("all seeds", set())] + (
        [(f"without {', '.join(copies)}", set(copies))] if copies else []
    )
    rows = []
    for label, excluded in runs:
        brief = build_topic(seeds_in_span(topic_dir, gold, excluded), cache_dir, jobs, model)
        rows.append((label, score(system_timeline(brief, gold), gold, rouge)))
    return rows
