"""Score temporal tagging against TimeML (TIMEX3) files, the TempEval-3 way."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import nlp
from ..time.tagger import tag

TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)
ATTR = re.compile(r'(\w+)="([^"]*)"')
TAG = re.compile(r"<[^>]+>")


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TimeMLDoc:
    name: str
    dct: dt.date | None
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)


def read_timeml(path: Path) -> TimeMLDoc:
    raw = path.read_text(encoding="utf-8")
    dct = None
    for attrs, _ in TIMEX.findall(raw):
        fields = dict(ATTR.findall(attrs))
        if fields.get("functionInDocument") == "CREATION_TIME":
            dct = dt.date.fromisoformat(fields["value"][:10])
    found = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    body = found.group(1) if found else raw
    text, timexes, position = [], [], 0
    for piece in re.split(r"(<TIMEX3\b[^>]*>.*?</TIMEX3>|<[^>]+>)", body, flags=re.S):
        if not piece:
            continue
        match = TIMEX.fullmatch(piece)
        if match:
            inner = html.unescape(TAG.sub("", match.group(2)))
            fields = dict(ATTR.findall(match.group(1)))
            timexes.append(
                GoldTimex(position, position + len(inner), inner, fields.get("type", ""), fields.get("value", ""))
            )
            text.append(inner)
            position += len(inner)
        elif piece.startswith("<"):
            continue
        else:
            chunk = html.unescape(piece)
            text.append(chunk)
            position += len(chunk)
    return TimeMLDoc(path.name, dct, "".join(text), timexes)


@dataclass
class TimexScores:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_correct: int = 0
    value_correct: int = 0

    @staticmethod
    def _f1(hits: int, system: int, gold: int) -> tuple[float, float, float]:
        p = hits / system if system else 0.0
        r = hits / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def lines(self) -> list[str]:
        out = []
        for label, hits in (
            ("strict extent", self.strict),
            ("relaxed extent", self.relaxed),
            ("value", self.value_correct),
        ):
            p, r, f = self._f1(hits, self.system, self.gold)
            out.append(f"{label:<16} P {p:.3f}  R {r:.3f}  F1 {f:.4f}")
        accuracy = self.type_correct / self.relaxed if self.relaxed else 0.0
        out.append(f"{'type accuracy':<16} {accuracy:.3f} over {self.relaxed} relaxed matches")
        out.append(f"{'value accuracy':<16} {self.value_correct / self.relaxed if self.relaxed else 0.0:.3f}")
        out.append(f"documents {self.documents}, gold {self.gold}, system {self.system}")
        return out

    documents: int = 0


def score(docs: list[TimeMLDoc], model: str | None = None, misses: list | None = None) -> TimexScores:
    scores = TimexScores()
    parsed = nlp.parse((d.text for d in docs), model)
    for document, parsed_doc in zip(docs, parsed, strict=True):
        scores.documents += 1
        system = tag(parsed_doc, document.dct)
        scores.gold += len(document.timexes)
        scores.system += len(system)
        used: set[int] = set()
        for gold in document.timexes:
            match = next(
                (i for i, s in enumerate(system) if i not in used and s.start < gold.end and gold.start < s.end), None
            )
            if match is None:
                if misses is not None:
                    misses.append((document.name, "missed", gold.text, gold.value, ""))
                continue
            used.add(match)
            found = system[match]
            scores.relaxed += 1
            scores.strict += (found.start, found.end) == (gold.start, gold.end)
            scores.type_correct += found.timex.type == gold.type
            scores.value_correct += found.timex.value == gold.value
            if misses is not None and found.timex.value != gold.value:
                misses.append((document.name, "value", gold.text, gold.value, f"{found.text} -> {found.timex.value}"))
        if misses is not None:
            misses += [
                (document.name, "spurious", s.text, "", s.timex.value) for i, s in enumerate(system) if i not in used
            ]
    return scores


def evaluate_dir(folder: Path, model: str | None = None, misses: list | None = None) -> TimexScores:
    docs = [read_timeml(path) for path in sorted(folder.rglob("*.tml"))]
    return score(docs, model, misses)
