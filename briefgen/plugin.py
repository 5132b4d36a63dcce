"""The MkDocs plugin: runs the briefgen pipeline inside `mkdocs build` and `mkdocs serve`."""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import settings
from .brief_writer import WRITER
from .filewatch import rewatch_when_back, watch_with_events
from .incremental import Incremental, KeptPage
from .pipeline import build_pipeline

log = logging.getLogger("mkdocs.plugins.briefgen")


class BriefgenConfig(Config):
    seeds = c.Type(str, default=settings.DEFAULT_SEEDS_DIR)
    brief = c.Type(str, default=settings.DEFAULT_BRIEF_PATH)
    overrides = c.Type(str, default=settings.DEFAULT_OVERRIDES_PATH)
    cache_dir = c.Type(str, default=settings.DEFAULT_CACHE_DIR)
    templates = c.Type(str, default="site_templates")
    model = c.Optional(c.Type(str))
    title = c.Optional(c.Type(str))
    offline = c.Type(bool, default=False)
    key_dates = c.Type(int, default=0)  # how many the Timeline opens with; 0 grows with the sources
    jobs = c.Type(int, default=1)  # worker processes for extraction
    scheduler = c.Optional(c.Type(str))  # a Dask scheduler's address or local:N; else $BRIEFGEN_SCHEDULER


def _cluster_errors_reported(event: Callable[..., Files]) -> Callable[..., Files]:
    """A Dask cluster that cannot be used stops the build with its reason, not a traceback."""

    @functools.wraps(event)
    def reported(*args, **kwargs) -> Files:
        from .cluster import ClusterError

        try:
            return event(*args, **kwargs)
        except ClusterError as err:
            raise PluginError(str(err)) from err

    return reported


class BriefgenPlugin(BasePlugin[BriefgenConfig]):
    incremental: Incremental | None = None  # under `mkdocs serve --dirty`
    serving = False
    _brief_to_write: tuple | None = None  # under `mkdocs serve`: brief.yaml is written after the build
    _observer = None  # under `mkdocs serve`: the seeds folder's file events

    def on_startup(self, *, command, dirty) -> None:
        """Defined so MkDocs keeps this plugin object across `mkdocs serve` rebuilds; under
        `mkdocs serve --dirty` a rebuild builds only the pages that changed."""
        self.incremental = Incremental() if dirty else None
        self.serving = command == "serve"

    def on_shutdown(self) -> None:
        from .pipeline import close_clusters

        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
        WRITER.wait()
        close_clusters()

    def _write_after_build(self, brief, path: Path) -> None:
        self._brief_to_write = (brief, path)

    def _path(self, config: MkDocsConfig, value: str) -> Path:
        # made absolute without following symbolic links, so a linked seeds folder can be refused
        return Path(os.path.abspath(Path(config.config_file_path).parent / value))

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        offline = config.plugins.get("material/offline")
        if self.config.offline:
            if offline is None:
                raise PluginError("offline: true needs the Material 'offline' plugin listed after briefgen")
            offline.config.enabled = True
            config.use_directory_urls = False
        if self.config.jobs < 1:
            raise PluginError(f"jobs: {self.config.jobs}: at least 1 worker process")
        for value in (self.config.seeds, self.config.templates, self.config.overrides):
            path = self._path(config, value)
            if path.exists() and str(path) not in config.watch:
                config.watch.append(str(path))
        return config

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        seeds = self._path(config, self.config.seeds)
        if seeds.parent.is_dir():
            rewatch_when_back(server, seeds)
        if seeds.is_dir() and str(seeds) in config.watch:
            self._observer = watch_with_events(server, seeds)
            if self._observer is not None:
                config.watch.remove(str(seeds))  # not polled as well: each new seed would be built twice
        _load_model_in_background(self.config.model)  # the next seed dropped in is parsed at once
        return server

    @_cluster_errors_reported
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        pages = build_pipeline(
            seeds_dir=self._path(config, self.config.seeds),
            brief_path=self._path(config, self.config.brief),
            overrides_path=self._path(config, self.config.overrides),
            cache_dir=self._path(config, self.config.cache_dir),
            templates_dir=self._path(config, self.config.templates),
            model=self.config.model,
            title=self.config.title or config.site_name,
            log=log,
            key_dates_shown=self.config.key_dates,
            jobs=self.config.jobs,
            scheduler=self.config.scheduler,
            write_brief=self._write_after_build if self.serving else WRITER.start,
        )
        if self.incremental is not None:
            generated = self.incremental.files(config, pages)
            kept = sum(isinstance(file, KeptPage) for file in generated)
            log.info("briefgen: %d pages to build, %d unchanged", len(generated) - kept, kept)
        else:
            generated = [File.generated(config, path, content=markdown) for path, markdown in sorted(pages.items())]
        for file in generated:
            existing = files.get_file_from_path(file.src_uri)
            if existing is not None:
                files.remove(existing)
            files.append(file)
        return files

    def on_page_context(self, context, *, page, config: MkDocsConfig, nav):
        # Material's search plugin, listed before this one, has just added this page's entries
        search = config.plugins.get("material/search")
        entries = getattr(getattr(search, "search_index", None), "entries", None)
        if self.incremental is not None and isinstance(entries, list):
            self.incremental.page_built(page.url, entries)
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.incremental is not None:
            self.incremental.finished(config)
        self._finish_brief(after_build=True)

    def on_build_error(self, *, error: Exception) -> None:
        if self.incremental is not None:
            self.incremental.failed()
        self._finish_brief(after_build=False)

    def _finish_brief(self, after_build: bool) -> None:
        """brief.yaml written in full: its forked writer waited for, or under `mkdocs serve` written
        now (in a thread once the build is over: the server serves the new pages meanwhile)."""
        pending, self._brief_to_write = self._brief_to_write, None
        if pending is None:
            WRITER.wait()
        elif after_build:
            WRITER.after(*pending)
        else:
            WRITER.wait()
            WRITER.start(*pending)

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        from .template_cache import bytecode_cache

        env.bytecode_cache = bytecode_cache()  # the theme's templates compiled once, not in every build
        return env

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        from .navigation import nest_actor_pages

        return nest_actor_pages(nav, files)


def _load_model_in_background(model: str | None) -> None:
    """A server waits for seeds: load the spaCy pipeline while it does (a failure is raised again, with
    its message, when a seed is parsed)."""

    def load() -> None:
        with contextlib.suppress(Exception):
            from . import nlp

            nlp.load(model)

    threading.Thread(target=load, name="briefgen-model", daemon=True).start()
