"""The command line: thin click commands over the briefgen library."""

from __future__ import annotations

import contextlib
import logging
import sys
from pathlib import Path

import click

from . import settings

SEEDS = click.option(
    "--seeds",
    type=click.Path(file_okay=False, path_type=Path),
    default=settings.DEFAULT_SEEDS_DIR,
    show_default=True,
    help="Folder of seed articles.",
)
CACHE_DIR = click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=settings.DEFAULT_CACHE_DIR,
    show_default=True,
    help="Per-seed extraction cache.",
)
JOBS = click.option("--jobs", type=click.IntRange(1), default=1, show_default=True, help="Worker processes.")
SCHEDULER = click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help=f"Extract on a Dask cluster: a scheduler's address (tcp://host:8786), or local:N for N worker "
    f"processes here; default ${settings.SCHEDULER_ENV_VAR}. Needs `pip install 'briefgen[dask]'`.",
)
MODEL = click.option(
    "--model",
    envvar=settings.MODEL_ENV_VAR,
    default=None,
    help=f"spaCy pipeline package to load (default {settings.DEFAULT_MODEL}).",
)


@click.group()
@click.version_option(package_name="briefgen")
def main() -> None:
    """Turn a folder of news articles into a sourced briefing site."""


@main.command()
@SEEDS
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=settings.DEFAULT_BRIEF_PATH,
    show_default=True,
    help="Where to write the brief.",
)
@CACHE_DIR
@click.option("--no-cache", is_flag=True, help="Parse every seed again.")
@JOBS
@click.option("--title", default=None, help="Title of the briefing.")
@click.option(
    "--overrides",
    type=click.Path(dir_okay=False, path_type=Path),
    default=settings.DEFAULT_OVERRIDES_PATH,
    show_default=True,
    help="Corrections applied after extraction.",
)
@click.option("--strict", is_flag=True, help="Exit with status 1 when any seed could not be used.")
@MODEL
@SCHEDULER
def extract(seeds, out, cache_dir, no_cache, jobs, title, overrides, strict, model, scheduler):
    """Extract seeds into brief.yaml.

    Example: briefgen extract --seeds seeds --out brief.yaml
    """
    from .pipeline import build_brief
    from .yamlio import save

    with _cluster_errors():
        brief, stats = build_brief(seeds, None if no_cache else cache_dir, model, jobs, title, overrides, scheduler)
    for notice in brief.notices:
        click.echo(f"briefgen: {notice}", err=True)
    save(brief, out)
    click.echo(
        f"{out}: {len(brief.documents)} documents, {len(brief.actors)} actors, {len(brief.positions)} positions, "
        f"{len(brief.timeline)} events ({stats.parsed} parsed, {stats.cached} from cache)"
    )
    if strict and stats.problems:
        sys.exit(1)


@contextlib.contextmanager
def _cluster_errors():
    """A Dask cluster that cannot be used is a usage error with its reason (in a site build, MkDocs
    reports the plugin's error and stops); the local clusters started stop after the command."""
    from .cluster import ClusterError
    from .pipeline import close_clusters

    try:
        yield
    except ClusterError as err:
        failure = click.ClickException(str(err))
        failure.exit_code = 2  # as for a usage error: nothing was built
        raise failure from err
    finally:
        close_clusters()


@main.command()
@click.option(
    "--brief",
    "brief_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=settings.DEFAULT_BRIEF_PATH,
    show_default=True,
)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder for the pages.")
@click.option("--templates", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None)
def render(brief_path, out, templates):
    """Render brief.yaml into Markdown pages.

    Example: briefgen render --out pages/
    """
    from .render import render as render_pages
    from .render import write_pages
    from .yamlio import BriefError, load

    try:
        brief = load(brief_path)
    except BriefError as err:
        raise click.ClickException(str(err)) from err
    pages = render_pages(brief, templates)
    write_pages(pages, out)
    click.echo(f"{out}: {len(pages)} pages")


@main.command()
@click.option(
    "--config", "config_file", type=click.Path(exists=True, dir_okay=False), default="mkdocs.yml", show_default=True
)
@click.option("--site-dir", type=click.Path(file_okay=False), default=None, help="Build into this folder.")
@click.option(
    "--watch", is_flag=True, help="Stay running; build again when a seed, the overrides or a template changes."
)
@click.option("--jobs", type=click.IntRange(1), default=None, help="Worker processes (default: the plugin's jobs:).")
@SCHEDULER
def build(config_file, site_dir, watch, jobs, scheduler):
    """Extract, render and build the site with MkDocs (the same as `mkdocs build`).

    Example: briefgen build --site-dir site --jobs 2
    """
    with _cluster_errors():
        _build(config_file, site_dir, watch, {"jobs": jobs, "scheduler": scheduler})


def _build(config_file: str, site_dir: str | None, watch: bool, options: dict) -> None:
    watched = _build_site(config_file, site_dir, options)
    if watch:
        from .filewatch import wait_for_changes

        click.echo("watching " + ", ".join(watched) + " (Ctrl+C stops)")
        with contextlib.suppress(KeyboardInterrupt):
            for changed in wait_for_changes(watched):
                click.echo(f"changed: {', '.join(changed)}")
                try:
                    _build_site(config_file, site_dir, options)
                except Exception as err:  # noqa: BLE001 - a failed rebuild keeps the last site and the watch
                    click.echo(f"briefgen: build failed, the previous site stays: {err}", err=True)


class _EchoLog(logging.Handler):
    """MkDocs' warnings and briefgen's seed notices on the terminal, as `mkdocs build` shows them."""

    def __init__(self, notices: str) -> None:
        super().__init__()
        self.notices = notices  # the logger the briefgen plugin reports seed notices to, at INFO

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or record.name == self.notices

    def emit(self, record: logging.LogRecord) -> None:
        prefix = "" if record.levelno < logging.WARNING else f"{record.levelname}: "
        click.echo(prefix + record.getMessage(), err=True)


@contextlib.contextmanager
def _mkdocs_messages_shown():
    from .plugin import log as plugin_log

    handler, mkdocs_log = _EchoLog(plugin_log.name), logging.getLogger("mkdocs")
    level = plugin_log.level
    plugin_log.setLevel(logging.INFO)
    mkdocs_log.addHandler(handler)
    try:
        yield
    finally:
        mkdocs_log.removeHandler(handler)
        plugin_log.setLevel(level)


def _build_site(config_file: str, site_dir: str | None, options: dict | None = None) -> list[str]:
    """One build, swapped in whole; returns what the briefgen plugin asked MkDocs to watch. Options
    given (not None) replace the briefgen plugin's own in mkdocs.yml."""
    with _mkdocs_messages_shown():
        return _build_and_swap(config_file, site_dir, options or {})


def _set_plugin_options(config, options: dict) -> None:
    plugin = config.plugins.get("briefgen")
    for name, value in options.items():
        if plugin is not None and value is not None:
            plugin.config[name] = value


def _build_and_swap(config_file: str, site_dir: str | None, options: dict) -> list[str]:
    import shutil

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from .sitedir import BuildLocked, locked, make_staging_folder, remove_stale_staging, swap_in

    final = Path(site_dir or load_config(config_file).site_dir).resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    try:
        with locked(final):
            remove_stale_staging(final)
            staging = make_staging_folder(final)
            config = load_config(config_file, site_dir=str(staging))
            _set_plugin_options(config, options)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
                swap_in(staging, final)  # an interrupted build never leaves half a site
                click.echo(f"site built in {final}")
            finally:
                config.plugins.on_shutdown()
                shutil.rmtree(staging, ignore_errors=True)  # the old site, after a swap
    except BuildLocked as err:
        raise click.ClickException(str(err)) from err
    return list(config.watch)


@main.command()
@click.argument("brief_path", type=click.Path(dir_okay=False, path_type=Path), default=settings.DEFAULT_BRIEF_PATH)
@click.option(
    "--overrides", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Also check this overrides file."
)
def validate(brief_path, overrides):
    """Check brief.yaml (and an overrides file) against the schema.

    Example: briefgen validate brief.yaml --overrides overrides.yaml
    """
    from .overrides import validate_overrides_text
    from .yamlio import validate_text

    errors = []
    if not brief_path.exists():
        errors.append(f"{brief_path}: no such file")
    else:
        errors += validate_text(brief_path.read_text(encoding="utf-8"), str(brief_path))
    if overrides is not None:
        if overrides.exists():
            errors += validate_overrides_text(overrides.read_text(encoding="utf-8"), str(overrides))
        else:
            errors.append(f"{overrides}: no such file")
    for error in errors:
        click.echo(error, err=True)
    if errors:
        sys.exit(1)
    click.echo("valid")


@main.command(name="eval")
@click.option("--gold", "gold_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True)
@click.argument("seeds", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--verbose", "-v", is_flag=True, help="List the missed and the spurious items first.")
@MODEL
def eval_command(gold_path, seeds, verbose, model):
    """Score extraction against a gold file: precision, recall and F1 per section, macro F1 last.

    Example: briefgen eval --gold tests/eval/example-seed.gold.yaml seeds/000_c8ed4e941b026375.txt

    For a story of several articles, name the folder (or leave it out when the gold file has an
    articles/ folder beside it): briefgen eval --gold tests/eval/stories/dev/veritas/gold.yaml
    """
    from .eval.stories import evaluate, report, seeds_for

    try:
        chosen = seeds_for(gold_path, list(seeds))
    except FileNotFoundError as err:
        raise click.ClickException(str(err)) from err
    scores, checks = evaluate(gold_path, chosen, model)
    click.echo(report(scores, verbose, checks))


@main.command(name="eval-timex")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--verbose", "-v", is_flag=True, help="List every miss, spurious tag and wrong value.")
@MODEL
def eval_timex(folder, verbose, model):
    """Score temporal expressions against TimeML files: extent F1 (strict, relaxed), type and value.

    Example: briefgen eval-timex ../shared/eval/tempeval3/timebank
    """
    from .eval.timex import evaluate_dir

    misses: list | None = [] if verbose else None
    scores = evaluate_dir(folder, model, misses)
    for row in misses or []:
        click.echo("\t".join(row))
    for line in scores.lines():
        click.echo(line)


@main.command(name="eval-timeline")
@click.argument("topics", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@CACHE_DIR
@JOBS
@click.option(
    "--rouge",
    type=click.Choice(["original", "reimpl"]),
    default="original",
    show_default=True,
    help="tilse's ROUGE: the Perl ROUGE-1.5.5 or its quicker Python reimplementation.",
)
@MODEL
def eval_timeline(topics, cache_dir, jobs, rouge, model):
    """Score key_dates against Timeline17 gold timelines: Date F1, align+ m:1 ROUGE-1 and ROUGE-2.

    Example: briefgen eval-timeline ../shared/eval/tls/libyawar_cnn
    """
    from .eval.timeline import evaluate_topic

    click.echo("topic\tseeds\tDate F1\tAR1\tAR2")
    for topic in topics:
        try:
            rows = evaluate_topic(topic, cache_dir, jobs, model, rouge)
        except RuntimeError as err:
            raise click.ClickException(str(err)) from err
        for label, s in rows:
            click.echo(f"{topic.name}\t{label}\t{s['date_f1']:.3f}\t{s['ar1']:.3f}\t{s['ar2']:.3f}")


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", default="Briefing", show_default=True, help="The site's name.")
def new(folder, title):
    """Start a briefing project on another story in FOLDER.

    Example: briefgen new ../gaza-ceasefire --title "Gaza ceasefire talks"
    """
    from .scaffold import ScaffoldError, new_project

    if set(title) & set("<>&"):
        click.echo("briefgen: the title has <, > or &: MkDocs prints site_name into the pages as HTML", err=True)
    try:
        new_project(folder, title)
    except ScaffoldError as err:
        raise click.ClickException(str(err)) from err
    click.echo(f"{folder}: add articles to {folder / 'seeds'}, then run `briefgen build` there")


if __name__ == "__main__":
    main()
