"""Score extraction against a hand-written gold file (format: see tests/eval/README.md)."""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..brief import Brief
from ..findings import SECTION_BY_NAME, TRACKED
from ..gazetteer import fold
from ..pipeline import build_brief

SECTIONS = tuple(section.name for section in TRACKED)  # the sections a story's gold lists
COVER = 0.6  # share of words that must be shared for a sentence to cover an evidence text
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})


@dataclass
class Score:
    section: str
    extracted: int
    gold: int
    matched_extracted: int
    matched_gold: int
    split: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    # positions: matched ones whose holder is none of the gold's holders of that evidence (the F1 does
    # not look at the holder, as the gold's README says)
    misheld: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched_extracted / self.extracted if self.extracted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    return re.findall(r"[\w$%-]+", text)


def covers(sentence: str, evidence: str) -> bool:
    s, e = set(_words(sentence)), set(_words(evidence))
    if not s or not e:
        return False
    shared = len(s & e)
    return shared / len(e) >= COVER or shared / len(s) >= COVER


def _evidence(item: dict) -> list[str]:
    value = item.get("evidence") or []
    return [value] if isinstance(value, str) else list(value)


def _item_matches(sources: list, date: object, gold: dict, check_date: bool, files: dict[str, str]) -> bool:
    if check_date and str(gold.get("date")) != str(date) and not (gold.get("date") is None and date is None):
        return False
    article = gold.get("article")  # in a story of several articles, the evidence is in that one
    return any(
        covers(s.text, ev) for s in sources if not article or files.get(s.doc) == article for ev in _evidence(gold)
    )


def score_section(brief: Brief, gold: dict, section: str) -> Score:
    gold_items = gold.get(section) or []
    if section == "actors":
        return _score_actors(brief, gold_items)
    items = brief.section(section)
    if section == "watch":  # what the site shows as ahead; due and earlier items are set apart
        items = [i for i in items if i.status == "ahead"]
    check_date = SECTION_BY_NAME[section].dated
    files = {d.id: Path(d.path).name for d in brief.documents}
    hits = [
        [_item_matches(i.sources, getattr(i, "date", None), g, check_date, files) for g in gold_items] for i in items
    ]
    found = [j for j in range(len(gold_items)) if any(row[j] for row in hits)]
    return Score(
        section,
        len(items),
        len(gold_items),
        sum(1 for row in hits if any(row)),
        len(found),
        missed=[_describe_gold(g) for j, g in enumerate(gold_items) if j not in found],
        spurious=[_describe_item(i) for i, row in zip(items, hits, strict=True) if not any(row)],
        misheld=_misheld(brief, gold, items, hits) if section == "positions" else [],
    )


def _misheld(brief: Brief, gold: dict, items: list, hits: list[list[bool]]) -> list[str]:
    """Matched positions held by an actor none of whose names is a name of the gold's holder."""
    names = {a.id: _folded([a.name, *a.aliases]) for a in brief.actors}
    gold_names = {g["name"]: _folded([g["name"], *(g.get("aliases") or [])]) for g in gold.get("actors") or []}
    gold_items = gold.get("positions") or []
    wrong = []
    for item, row in zip(items, hits, strict=True):
        holders = [gold_items[j]["actor"] for j, hit in enumerate(row) if hit]
        mine = names.get(item.actor, _folded([item.actor]))
        if holders and not any(mine & gold_names.get(h, _folded([h])) for h in holders):
            wrong.append(f"{item.actor} (gold: {', '.join(sorted(set(holders)))}): {item.sources[0].text[:90]}")
    return wrong


def _describe_gold(gold: dict) -> str:
    date = f"[{gold['date']}] " if "date" in gold else ""
    return date + _evidence(gold)[0][:110]


def _describe_item(item) -> str:
    date = f"[{item.date}] " if hasattr(item, "date") and not hasattr(item, "actor") else ""
    return date + f"s{','.join(str(s.sentence) for s in item.sources)}: " + item.sources[0].text[:100]


def _folded(values) -> set[str]:
    return {fold(v) for v in values if v}


def _score_actors(brief: Brief, gold_items: list[dict]) -> Score:
    gold_names = [_folded([g["name"], *(g.get("aliases") or [])]) for g in gold_items]
    matched_extracted, counts = 0, [0] * len(gold_items)
    for actor in brief.actors:
        mine = _folded([actor.name, *actor.aliases])
        hit = [j for j, g in enumerate(gold_names) if mine & g]
        matched_extracted += bool(hit)
        for j in hit:
            counts[j] += 1
    return Score(
        "actors",
        len(brief.actors),
        len(gold_items),
        matched_extracted,
        sum(1 for c in counts if c),
        split=sum(1 for c in counts if c > 1),
        missed=[g["name"] for g, c in zip(gold_items, counts, strict=True) if not c],
        spurious=[a.name for a in brief.actors if not _folded([a.name, *a.aliases]) & set().union(*gold_names)],
    )


@dataclass
class Checks:
    """What the briefing must never show, whatever the gold says."""

    malformed: list[str] = field(default_factory=list)  # open questions that do not parse as questions
    stale: list[str] = field(default_factory=list)  # watch items shown ahead though their date has passed


def evaluate(gold_path: Path, seeds: list[Path], model: str | None = None) -> tuple[list[Score], Checks]:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for seed in seeds:
            shutil.copy(seed, folder / seed.name)
        brief, _ = build_brief(folder, None, model)
    return [score_section(brief, gold, section) for section in SECTIONS], check(brief, model)


def check(brief: Brief, model: str | None = None) -> Checks:
    from .. import nlp
    from ..settings import model_name
    from .questions import question_problems

    parser = nlp.load(model_name(model))
    checks = Checks()
    for q in brief.open_questions:
        problems = question_problems(q.question, parser)
        if problems:
            checks.malformed.append(f"{q.question} ({'; '.join(problems)})")
    as_of = brief.as_of or ""
    checks.stale = [w.item for w in brief.watch if w.status == "ahead" and w.date and w.date < as_of[: len(w.date)]]
    return checks


def seeds_for(gold_path: Path, seeds: list[Path]) -> list[Path]:
    """The seeds named on the command line (a folder stands for the files in it), else the story's
    articles/ folder next to the gold file, else the gold file's article next to it or in seeds/."""
    if not seeds and (gold_path.parent / "articles").is_dir():
        seeds = [gold_path.parent / "articles"]
    if seeds:
        return [f for s in seeds for f in (sorted(p for p in s.iterdir() if p.is_file()) if s.is_dir() else [s])]
    article = yaml.safe_load(gold_path.read_text(encoding="utf-8")).get("article")
    for folder in (gold_path.parent, Path("seeds")):
        if article and (folder / article).exists():
            return [folder / article]
    raise FileNotFoundError(f"{gold_path}: name the seed(s) to score; article {article!r} not found")


def report(scores: list[Score], verbose: bool = False, checks: Checks | None = None) -> str:
    lines = []
    if verbose:
        for s in scores:
            lines += [f"{s.section} missed: {m}" for m in s.missed]
            lines += [f"{s.section} spurious: {m}" for m in s.spurious]
            lines += [f"{s.section} held by another: {m}" for m in s.misheld]
        if checks:
            lines += [f"malformed question: {m}" for m in checks.malformed]
            lines += [f"stale watch item: {m}" for m in checks.stale]
    lines += [f"{'section':<16}{'P':>7}{'R':>7}{'F1':>7}{'extracted':>11}{'gold':>6}"]
    for s in scores:
        extra = f"  split: {s.split}" if s.split else ""
        lines.append(
            f"{s.section:<16}{s.precision:>7.2f}{s.recall:>7.2f}{s.f1:>7.2f}{s.extracted:>11}{s.gold:>6}{extra}"
        )
    for s in scores:
        if s.section == "positions" and s.matched_extracted:
            lines.append(f"positions held by another than the gold's holder {len(s.misheld)} of {s.matched_extracted}")
    if checks:
        lines.append(f"malformed open questions {len(checks.malformed)}, stale watch items {len(checks.stale)}")
    lines.append(f"macro F1 {sum(s.f1 for s in scores) / len(scores):.3f}")
    return "\n".join(lines)
