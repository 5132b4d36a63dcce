"""The Dask worker plugin, apart from cluster.py so that naming a cluster error never imports Dask."""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin


class LoadPipeline(WorkerPlugin):
    """Loads the spaCy pipeline when a worker starts (or joins the cluster), before its first task;
    the tasks then find it in the process's cached loader."""

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        from . import nlp

        nlp.load(self.model)
