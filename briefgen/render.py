"""Render a Brief into Markdown pages with the Jinja2 templates: render(brief) -> {path: markdown}."""

from __future__ import annotations

import functools
import html
import unicodedata
from collections import defaultdict
from dataclasses import fields
from pathlib import Path

import jinja2
import jinja2.meta

from . import chronology, keydates, stances, summary
from .axis import timeline_svg
from .brief import Brief, DocumentRecord
from .figures import actor_issue_matrix
from .findings import EDITOR_DOC, EDITOR_TITLE, TRACKED, Source
from .gcpause import without_gc_pauses

DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "site_templates"

# Characters that Markdown, its extensions or raw HTML could act on, written as character references
# so seed text always renders as the same inert text.
_MARKDOWN_ACTIVE = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+!|~<>&\"'"} | {"\n": " "})

PAGES = {
    "index.md": "overview.md.j2",
    "background.md": "background.md.j2",
    "actors.md": "actors.md.j2",
    "positions.md": "positions.md.j2",
    "timeline.md": "timeline.md.j2",
    "questions.md": "questions.md.j2",
    "watch.md": "watch.md.j2",
    "sources/index.md": "sources.md.j2",
    "changes.md": "changes.md.j2",
}
# Limits that keep pages readable and every HTML page under 300 KB at hundreds of seeds (tests/test_scale.py);
# brief.yaml keeps everything.
SALIENT_ACTORS = 25  # actors with a page of their own
LISTED_ACTORS = 40  # actors with a section on the Actors page; the others are listed in one line each
LISTED_MINOR = 150  # of those others, the most mentioned listed by name; the rest are counted
LIMITS = {
    "cited_per_actor": 4,  # citations of an actor's mentions on the Actors page
    "positions_per_actor": 5,  # positions under each actor on the Actors page
    "on_actor_page": 30,  # positions, and events, on an actor's own page: the newest
    "per_group": 6,  # positions shown per actor or issue on the Positions page
    "listed_groups": 30,  # actors and issues shown on the Positions page
    "watch": 100,  # items in each part of What to watch
    "questions": 200,  # open questions listed
}
LISTED_BACKGROUND = 200
LISTED_EARLIER = 300  # events of the earlier history, oldest first
LISTED_SOURCES = 2000  # the newest sources in the Sources table (every source keeps its page)
CHRONOLOGY = 200  # events shown in the chronology, shared among its months...
PER_MONTH = (5, 30)  # ...each showing this many at least and at most, those told by the most sources


def _capped(name: str, items: list, limit: int) -> dict:
    """The first `limit` items (the last -limit when negative) under `name`, and how many are left out
    under `name`_more: the page says so, and brief.yaml lists them all."""
    shown = items[:limit] if limit >= 0 else items[limit:]
    return {name: shown, f"{name}_more": len(items) - len(shown)}


def escape_text(value: object) -> str:
    """Seed-derived text as inert Markdown: every active character becomes a character reference."""
    text = "" if value is None else str(value)
    return text.translate(_MARKDOWN_ACTIVE)


def unaccented(text: str) -> str:
    """'Cavusoglu' for 'Çavuşoğlu': what readers type into the search box, which does not fold accents."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


TITLE_CHARS = 60  # of a source's title in a citation's tooltip: enough to recognise it, short at scale


def _cite(sources: list[Source], numbers: dict[str, int | str], titles: dict[str, str], prefix: str = "") -> str:
    """Links to the cited sentences, shown as "5.8", announced as "source 5, sentence 8", the source's
    title in their tooltip."""
    links = []
    for s in sources:
        number = numbers.get(s.doc, "?")
        title = titles.get(s.doc, "")
        title = title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1].rstrip() + "…"
        links.append(
            f"[{number}.{s.sentence}]({prefix}sources/{s.doc}.md#s{s.sentence})"
            f'{{aria-label="source {number}, sentence {s.sentence}" title="{escape_text(title)}"}}'
        )
    return '<span class="bg-cite">' + " ".join(links) + "</span>" if links else ""


@functools.lru_cache(maxsize=4)
def environment(templates_dir: Path | None = None) -> jinja2.Environment:
    """One per templates folder and process; Jinja2 recompiles a template when its file changes."""
    from .template_cache import bytecode_cache

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir or DEFAULT_TEMPLATES)),
        bytecode_cache=bytecode_cache(),  # compiled once, not in every new process
        autoescape=False,  # the output is Markdown; every seed value goes through the `t` filter
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["t"] = escape_text
    env.filters["attr"] = lambda v: html.escape(str(v), quote=True)
    env.filters["unaccented"] = unaccented
    return env


def editor_document(brief: Brief) -> DocumentRecord | None:
    """The Editor's additions page: the notes that items added in overrides.yaml cite, by number."""
    notes = {
        source.sentence: source.text for item in brief.items() for source in item.sources if source.doc == EDITOR_DOC
    }
    if not notes:
        return None
    sentences = [notes.get(number, "") for number in range(1, max(notes) + 1)]
    return DocumentRecord(EDITOR_DOC, "overrides.yaml", EDITOR_TITLE, None, "set by hand", "", sentences=sentences)


def _positions_grouped(brief: Brief) -> tuple[dict[str, list], dict[str, list]]:
    """Positions by actor and by issue, newest first in each group."""
    by_actor: dict[str, list] = defaultdict(list)
    by_topic: dict[str, list] = defaultdict(list)
    for position in brief.positions:
        by_actor[position.actor].append(position)
        for topic in position.topics or ["other"]:
            by_topic[topic].append(position)
    for group in list(by_actor.values()) + list(by_topic.values()):
        group.sort(key=lambda p: (p.date or "", p.id), reverse=True)
    return by_actor, by_topic


def _new_events(brief: Brief, newest_ids: set[str]) -> list:
    """What the newest sources report that happened since the sources before them: newest first, and
    not the history they recall ('The Sykes-Picot Agreement ... in 1916')."""
    before = max((d.date for d in brief.documents if d.date and d.id not in newest_ids), default="")
    as_of = brief.as_of or "9999"
    found = [
        e
        for e in brief.timeline
        if any(s.doc in newest_ids for s in e.sources)
        and e.date
        and before[: len(e.date)] <= e.date <= as_of[: len(e.date)]  # happened: not a plan, not misdated ahead
    ]
    return sorted(found, key=lambda e: e.date or "", reverse=True)


def _context(brief: Brief, changes=None, key_dates_shown: int = 0) -> dict:
    numbers: dict[str, int | str] = {d.id: i for i, d in enumerate(brief.documents, 1)}
    titles = {d.id: d.title for d in brief.documents}
    editor = editor_document(brief)
    if editor:
        numbers[EDITOR_DOC] = "E"
        titles[EDITOR_DOC] = editor.title
    actors = {a.id: a for a in brief.actors}
    newest = brief.documents[-1] if brief.documents else None
    newest_ids = {d.id for d in brief.documents if d.date and d.date == brief.as_of} or (
        {newest.id} if newest else set()
    )
    items = brief.by_id(TRACKED)
    return {
        "brief": brief,
        "editor": editor,
        "lead": Source(newest.id, 1, newest.sentences[0]) if newest and newest.sentences else None,
        "numbers": numbers,
        "documents_by_id": {d.id: d for d in brief.documents},  # a page listing thousands looks each up
        "actors": actors,
        "cite": lambda sources, prefix="": _cite(sources, numbers, titles, prefix),
        "changes": changes,
        "items": items,
        "limits": LIMITS,
        "background_items": brief.background[-LISTED_BACKGROUND:],
        "new_events": _new_events(brief, newest_ids),
        "new_positions": [p for p in brief.positions if any(s.doc in newest_ids for s in p.sources)],
        "matrix": actor_issue_matrix(brief),
        "actor_names": lambda ids: ", ".join(escape_text(actors[i].name) for i in ids if i in actors),
        "about_actor": lambda actor_id: summary.about_actor(brief, actor_id),
        "stances": stances.principal_stances(brief),
        **_actors_context(brief),
        **_timeline_context(brief, key_dates_shown),
        **_watch_context(brief),
    }


def _actors_context(brief: Brief) -> dict:
    """Who has a page, a section or a line on the Actors page, and the positions each holds."""
    actors = {a.id: a for a in brief.actors}
    listed_ids = {a.id for a in brief.actors[:LISTED_ACTORS]}
    by_actor, by_topic = _positions_grouped(brief)
    minor = [a for a in brief.actors[LISTED_ACTORS:] if a.mentions > 1]
    return {
        "positions_by_actor": [(actors[a], by_actor[a]) for a in (x.id for x in brief.actors) if a in by_actor],
        "held_by": by_actor,
        "positions_by_topic": sorted(by_topic.items(), key=lambda kv: (-len(kv[1]), kv[0])),
        "salient": _with_pages(brief, by_actor),
        "listed_actors": brief.actors[:LISTED_ACTORS],
        "actor_page": actor_page,
        "actor_link": lambda actor_id: "actors.md#" + (actor_id if actor_id in listed_ids else "other-actors"),
        "minor_actors": minor[:LISTED_MINOR],
        "minor_actors_more": 0,  # counted among unlisted_actors
        "unlisted_actors": len(brief.actors[LISTED_ACTORS:]) - len(minor[:LISTED_MINOR]),
        "events_of": lambda actor_id: [e for e in brief.timeline if actor_id in e.actors],
    }


def _timeline_context(brief: Brief, key_dates_shown: int) -> dict:
    """Key dates, the figure and the chronology by month; the latest developments."""
    # a development dated after the newest source is a misread date (a title such as the film "2046")
    past = [
        e for e in brief.timeline if e.date and not e.scheduled and not (brief.as_of and _before(brief.as_of, e.date))
    ]
    span = keydates.main_span(brief)
    earlier, chronicle = chronology.split_earlier(brief.timeline, span[0] if span else None)
    months = len({chronology.month_label(e.date) for e in chronicle}) or 1
    per_month = max(PER_MONTH[0], min(PER_MONTH[1], CHRONOLOGY // months))
    return {
        "latest_events": sorted(past, key=lambda e: e.date or "", reverse=True)[:3],
        "timeline_svg": timeline_svg(chronicle, (span[0], brief.as_of) if span and brief.as_of else None),
        "key_dates": brief.key_dates[: keydates.shown(len(brief.documents), key_dates_shown)],
        "timeline_by_month": chronology.by_month(chronicle, per_month),
        **_capped("earlier_events", earlier, LISTED_EARLIER),
        **_capped("listed_documents", brief.documents, -LISTED_SOURCES),
    }


def _watch_context(brief: Brief) -> dict:
    """What to watch as the newest source leaves it: ahead, due to check, and earlier expectations."""
    ahead = [w for w in brief.watch if w.status == "ahead"]
    return {
        "next_watch": ([w for w in ahead if w.date] or ahead)[:3],
        "watch_ahead": ahead,
        "watch_passed": [w for w in brief.watch if w.status == "due"],
        "watch_earlier": [w for w in brief.watch if w.status == "earlier"],
    }


def _with_pages(brief: Brief, by_actor: dict[str, list]) -> list:
    """The most mentioned actors that hold a position or take part in an event: a page of their own
    (one with nothing but a name and a count is a list entry, not a page)."""
    in_events = {a for e in brief.timeline for a in e.actors}
    return [a for a in brief.actors if a.id in by_actor or a.id in in_events][:SALIENT_ACTORS]


def actor_page(actor_id: str) -> str:
    """An actor's own page; an actor whose id is "index" would take the place of the Actors page."""
    return "actors/_index.md" if actor_id == "index" else f"actors/{actor_id}.md"


def _before(date: str, as_of: str) -> bool:
    """True when the whole of date lies before as_of ("2004" before "2005-03-01"; "2005" is not)."""
    if not date[:4].isdigit():
        return False  # "XXXX-06-14": a day of an unknown year
    common = min(len(date), len(as_of))
    return date[:common] < as_of[:common]


def render(brief: Brief, templates_dir: Path | None = None, changes=None, key_dates_shown: int = 0) -> dict[str, str]:
    """Every page of the site as Markdown, keyed by its path under docs/; key_dates_shown 0 lets the
    number of key dates on the Timeline grow with the sources."""
    env = environment(templates_dir)
    with without_gc_pauses():
        context = _context(brief, changes, key_dates_shown)
        pages = {path: env.get_template(name).render(**context) for path, name in PAGES.items()}
        editor = [context["editor"]] if context["editor"] else []
        pages.update(_source_pages(env, brief.documents + editor, context))
        actor_template = env.get_template("actor.md.j2")
        for actor in context["salient"]:
            pages[actor_page(actor.id)] = actor_template.render(actor=actor, **context)
    return pages


# Source pages rendered by the last render, under their templates and their documents' records.
_RENDERED_SOURCES: dict[tuple, str] = {}


def _source_pages(env: jinja2.Environment, documents: list[DocumentRecord], context: dict) -> dict[str, str]:
    """A source page is a page of its document alone when its templates read nothing else (briefgen's
    own do not): a long-running process (`mkdocs serve`, `build --watch`) renders it again only when
    its document or a template changed, not for every new seed."""
    global _RENDERED_SOURCES
    template = env.get_template("source.md.j2")
    templates = _templates_reading_only_the_document(env, template)
    rendered: dict[tuple, str] = {}
    pages = {}
    for document in documents:
        if templates is None:
            pages[f"sources/{document.id}.md"] = template.render(document=document, **context)
            continue
        key = _source_key(templates, document)
        page = _RENDERED_SOURCES.get(key)
        if page is None:
            page = template.render(document=document, **context)
        rendered[key] = pages[f"sources/{document.id}.md"] = page
    _RENDERED_SOURCES = rendered
    return pages


_RECORD_FIELDS = tuple(f.name for f in fields(DocumentRecord) if f.name != "sentences")


def _source_key(templates: tuple, document: DocumentRecord) -> tuple:
    return (templates, *(getattr(document, f) for f in _RECORD_FIELDS), tuple(document.sentences))


def _templates_reading_only_the_document(env: jinja2.Environment, template: jinja2.Template) -> tuple | None:
    """The template and those it imports or includes, when none reads a variable but `document`; else
    None. (Jinja2 loads a template again when its file changes: a new object, so a new key.)"""
    found, todo = [], [template]
    while todo:
        current = todo.pop()
        if current in found:
            continue
        found.append(current)
        tree = _parsed(env, current)
        if not jinja2.meta.find_undeclared_variables(tree) <= {"document"}:
            return None
        for name in jinja2.meta.find_referenced_templates(tree):
            if name is None:  # a name made at render time
                return None
            todo.append(env.get_template(name))
    return tuple(found)


@functools.lru_cache(maxsize=32)
def _parsed(env: jinja2.Environment, template: jinja2.Template):
    source, _, _ = env.loader.get_source(env, template.name)  # type: ignore[union-attr, arg-type]
    return env.parse(source)


# The pages the last render wrote, so that the next one removes those it no longer makes (an actor
# who dropped out of the top list) without touching anything else in the folder.
PAGE_LIST = ".briefgen-pages"


def write_pages(pages: dict[str, str], out_dir: Path) -> None:
    from .fsutil import remove_orphaned_temporaries, write_atomic

    root = out_dir.resolve()
    if root.is_dir():
        remove_orphaned_temporaries(list(root.rglob("*.tmp")))
    for relative, markdown in sorted(pages.items()):
        target = (root / relative).resolve()
        if root not in target.parents:
            raise ValueError(f"refusing to write outside {root}: {relative}")
        if not _holds(target, markdown):  # an unchanged page keeps its file, and its time stamp for watchers
            write_atomic(target, markdown)
    listing = root / PAGE_LIST
    previous = listing.read_text(encoding="utf-8").splitlines() if listing.is_file() else []
    for relative in set(previous) - set(pages):
        stale = (root / relative).resolve()
        if root in stale.parents and stale.suffix == ".md":
            stale.unlink(missing_ok=True)
    write_atomic(listing, "".join(f"{relative}\n" for relative in sorted(pages)))


def _holds(path: Path, text: str) -> bool:
    try:
        return path.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False
