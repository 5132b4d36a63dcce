"""Extraction on a Dask cluster: batches of seeds go out as tasks, findings come back as plain data.

The same interface as the worker processes of `--jobs`: documents in, lists of (document, findings,
error) out, one list per batch and in the order of the batches, so the caller caches and merges
exactly as it does for one process. Workers receive the seeds' texts, never their paths. Each loads
the spaCy pipeline once: a worker plugin loads it when the worker starts or joins, and the tasks find
it in the process's cached loader.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import re
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .ingest import Document
from .settings import EXTRACTOR_VERSION

if TYPE_CHECKING:
    from .pipeline import Extracted

INSTALL_HINT = "install it with `pip install 'briefgen[dask]'` (or `pip install 'dask[distributed]'`)"
LOCAL = re.compile(r"local:(\d+)")
CONNECT_TIMEOUT = "20s"
WORKERS_TIMEOUT = 120  # seconds to wait for a first worker to join a scheduler that has none
RETRIES = 2  # a task that raised is tried again this often; one whose worker died is rescheduled anyway
PLUGIN_NAME = "briefgen-pipeline"

# A local cluster's workers parse as the processes of `--jobs` do. One thread per worker: spaCy parses
# on one core, so N processes use N cores. Nobody reads the profiler's samples of the running task
# (taken every 10 ms) without a dashboard. Dask's nanny sets MALLOC_TRIM_THRESHOLD_ for its workers,
# which also stops glibc from raising its mmap threshold: every large array spaCy allocates is then
# mapped and unmapped afresh, and parsing takes about 7 times the page faults and twice the system time.
# A worker's event loop wakes about 60 times a second (its health tick every 20 ms, the memory monitor
# every 100 ms); each time it takes the GIL from the parsing thread, which on a busy machine may then
# wait for a core for the loop's thread to run. Here it wakes a few times a second.
LOCAL_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}

# Local clusters started by this process, kept for its later builds (`mkdocs serve`): starting one and
# loading the pipeline in each worker takes seconds. The CLI and the plugin close them when they are
# done: at interpreter exit, Dask's thread pools are already shut down and the workers would complain.
_LOCAL_CLUSTERS: dict[int, Any] = {}


class ClusterError(RuntimeError):
    """A cluster that cannot be used, and what to do about it."""


def _dask() -> Any:
    try:
        import distributed
    except ImportError as err:
        raise ClusterError(f"extraction on a Dask cluster needs Dask's distributed scheduler: {INSTALL_HINT}") from err
    return distributed


def local_workers(address: str) -> int | None:
    """N for local:N (a cluster of N worker processes on this machine), None for a scheduler's address."""
    match = LOCAL.fullmatch(address.strip())
    if match is None:
        if address.strip().startswith("local:"):
            raise ClusterError(f"{address!r}: write local:N, N the number of worker processes (local:2)")
        return None
    count = int(match.group(1))
    if count < 1:
        raise ClusterError(f"{address!r}: a local cluster needs at least one worker")
    return count


def _local_cluster(workers: int) -> Any:
    distributed = _dask()
    cluster = _LOCAL_CLUSTERS.get(workers)
    if cluster is None or cluster.status.name != "running":
        import dask

        with dask.config.set(LOCAL_CONFIG):
            cluster = distributed.LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
        _LOCAL_CLUSTERS[workers] = cluster
    return cluster


def close_local_clusters() -> None:
    for cluster in _LOCAL_CLUSTERS.values():
        with contextlib.suppress(Exception):
            cluster.close()
    _LOCAL_CLUSTERS.clear()


@contextlib.contextmanager
def connected(address: str, model: str) -> Iterator[Any]:
    """A client of the scheduler at address (or of a local cluster), whose workers have the pipeline."""
    distributed = _dask()
    workers = local_workers(address)
    try:
        if workers is not None:
            client = distributed.Client(_local_cluster(workers), set_as_default=False)
        else:
            client = distributed.Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {err}") from err
    try:
        try:
            client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
        except TimeoutError as err:
            raise ClusterError(f"the Dask scheduler at {address} has had no worker for {WORKERS_TIMEOUT} s") from err
        _load_pipeline_on_workers(client, model, address)
        yield client
    finally:
        client.close()


def _load_pipeline_on_workers(client: Any, model: str, address: str) -> None:
    from .worker_plugin import LoadPipeline

    try:
        client.register_plugin(LoadPipeline(model), name=PLUGIN_NAME)
    except Exception as err:  # noqa: BLE001 - raised on a worker, of any type: said with its cause
        raise ClusterError(
            f"the workers of {address} could not load briefgen's pipeline {model!r} ({type(err).__name__}: {err}): "
            "install briefgen, with its spaCy pipeline, on every worker"
        ) from err


def _worker_threads(client: Any) -> int:
    return max(1, sum(client.nthreads().values()))


def extract_batch(documents: list[Document], model: str, version: str) -> list[Extracted]:
    """One task: parse and extract a batch, on a worker running the client's extraction rules."""
    from .pipeline import _extract_batch

    if version != EXTRACTOR_VERSION:
        raise ClusterError(
            f"this worker's briefgen extracts with rules {EXTRACTOR_VERSION}, the client's with {version}: "
            "install the same briefgen on the workers as on the machine that runs briefgen"
        )
    return _extract_batch(documents, model)


IN_FLIGHT = 8  # batches per worker thread sent and not yet handed on


def extract_on_cluster(documents: list[Document], model: str, address: str) -> Iterator[list[Extracted]]:
    """Results batch by batch, in the order of the documents. A batch is sent whenever one comes back,
    so no worker waits for a slow batch on another; at most IN_FLIGHT batches per worker thread are
    out at a time, so neither the client nor the scheduler holds every text at once."""
    from .pipeline import batches_for

    with connected(address, model) as client:
        threads = _worker_threads(client)
        todo = enumerate(batches_for(documents, threads))
        run, limit = uuid.uuid4().hex[:12], IN_FLIGHT * threads
        index_of: dict[str, int] = {}
        returned: dict[int, list[Extracted]] = {}
        first = [
            _submit(client, batch, model, f"briefgen-extract-{run}-{index}", index_of, index)
            for index, batch in itertools.islice(todo, limit)
        ]
        completed = _dask().as_completed(first, loop=client.loop)
        del first  # the futures are released as they come back
        handed = 0
        for future in completed:
            returned[index_of.pop(future.key)] = _result(future, address)
            while handed in returned:
                yield returned.pop(handed)
                handed += 1
            for index, batch in itertools.islice(todo, max(0, limit - len(index_of) - len(returned))):
                completed.add(_submit(client, batch, model, f"briefgen-extract-{run}-{index}", index_of, index))


def _submit(client: Any, batch: list[Document], model: str, key: str, index_of: dict[str, int], index: int) -> Any:
    index_of[key] = index
    return client.submit(extract_batch, batch, model, EXTRACTOR_VERSION, key=key, retries=RETRIES, pure=False)


def _result(future: Any, address: str) -> list[Extracted]:
    try:
        return future.result()
    except ClusterError:
        raise
    except Exception as err:  # noqa: BLE001 - whatever the cluster raised, said with where it came from
        raise ClusterError(f"extraction on the Dask cluster at {address} failed: {type(err).__name__}: {err}") from err
    finally:
        future.release()
