"""Extraction on a Dask cluster gives the brief one process gives, even when a worker dies mid-run."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from briefgen.cli import main
from briefgen.pipeline import build_brief, close_clusters
from briefgen.yamlio import dump

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    """Nine short seeds (.txt and .md): enough for several batches per worker."""
    folder = tmp_path_factory.mktemp("cluster") / "seeds"
    folder.mkdir()
    for story in ("turkey-eu", "disagree", "figures", "outcome"):
        for path in sorted((FIXTURES / story).iterdir()):
            shutil.copy(path, folder / f"{story}-{path.name}")
    return folder


@pytest.fixture(scope="module")
def alone(seeds) -> bytes:
    """brief.yaml as one process writes it."""
    brief, stats = build_brief(seeds, None, jobs=1)
    assert stats.parsed == 9 and not stats.problems
    return dump(brief).encode()


def test_one_process_two_jobs_and_a_local_cluster_write_the_same_brief(seeds, alone):
    jobs, stats = build_brief(seeds, None, jobs=2)
    assert stats.parsed == 9
    assert dump(jobs).encode() == alone
    on_cluster, stats = build_brief(seeds, None, scheduler="local:2")
    assert stats.parsed == 9 and not stats.problems
    assert dump(on_cluster).encode() == alone


class KillOnce(distributed.WorkerPlugin):
    """Ends its worker's process, once in the whole cluster, as the worker starts a given batch."""

    def __init__(self, marker: str, batch: int) -> None:
        self.marker, self.batch = marker, batch

    def transition(self, key, start, finish, *args, **kwargs) -> None:
        if finish != "executing" or not str(key).endswith(f"-{self.batch}"):
            return
        try:
            marker = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return  # killed once already: this is the retry
        os.write(marker, str(os.getpid()).encode())
        os.close(marker)
        os._exit(1)


def test_a_worker_killed_mid_run_has_its_tasks_retried_and_the_brief_is_the_same(seeds, alone, tmp_path):
    from briefgen import cluster

    marker, out = tmp_path / "killed", tmp_path / "brief.yaml"
    local = cluster._local_cluster(2)  # the cluster `--scheduler local:2` uses (started by the test above)
    with distributed.Client(local, set_as_default=False) as client:
        client.register_plugin(KillOnce(str(marker), batch=2), name="kill-once")
        workers = set(client.run(os.getpid).values())
        command = ["extract", "--scheduler", "local:2", "--cache-dir", str(tmp_path / "cache"), "--out", str(out)]
        result = CliRunner().invoke(main, [*command, "--seeds", str(seeds)])
    assert result.exit_code == 0, result.output
    assert "9 parsed, 0 from cache" in result.output
    assert marker.exists(), "no worker was killed"
    killed = int(marker.read_text())
    assert killed in workers and not _alive(killed)
    assert out.read_bytes() == alone
    assert local.status.name != "running", "the command leaves no cluster running"
    cached, stats = build_brief(seeds, tmp_path / "cache")  # what the client cached is whole
    assert stats.cached == 9 and dump(cached).encode() == alone


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_without_dask_the_option_says_how_to_install_it(seeds, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    out = tmp_path / "brief.yaml"
    result = CliRunner().invoke(main, ["extract", "--scheduler", "local:2", "--seeds", str(seeds), "--out", str(out)])
    assert result.exit_code == 2
    assert "pip install 'briefgen[dask]'" in result.output
    assert not out.exists()


def test_the_scheduler_comes_from_the_environment_and_a_wrong_one_is_named(seeds, monkeypatch):
    monkeypatch.setenv("BRIEFGEN_SCHEDULER", "local:two")
    result = CliRunner().invoke(main, ["extract", "--no-cache", "--seeds", str(seeds)])
    assert result.exit_code == 2
    assert "'local:two': write local:N" in result.output


def test_local_n_starts_a_local_cluster_and_anything_else_is_a_schedulers_address():
    from briefgen.cluster import ClusterError, local_workers

    assert local_workers("local:3") == 3
    assert local_workers("tcp://10.0.0.5:8786") is None
    assert local_workers("localhost:8786") is None
    for wrong in ("local:0", "local:", "local:-1"):
        with pytest.raises(ClusterError):
            local_workers(wrong)


def test_an_unreachable_scheduler_is_reported_with_its_address(seeds, monkeypatch):
    import socket

    from briefgen import cluster

    with socket.socket() as unused:  # a port nothing listens on
        unused.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{unused.getsockname()[1]}"
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    result = CliRunner().invoke(main, ["extract", "--no-cache", "--scheduler", address, "--seeds", str(seeds)])
    assert result.exit_code == 2
    assert f"cannot reach the Dask scheduler at {address}" in result.output


def test_build_gives_the_plugin_its_jobs_and_scheduler(project, monkeypatch):
    from briefgen import plugin

    given: dict = {}
    build_here = plugin.build_pipeline

    def recorded(**kwargs):
        given.update(kwargs)
        return build_here(**{**kwargs, "jobs": 1, "scheduler": None})

    monkeypatch.chdir(project)
    monkeypatch.setattr(plugin, "build_pipeline", recorded)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("      seeds: seeds\n", "      seeds: seeds\n      jobs: 3\n      scheduler: local:1\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert (given["jobs"], given["scheduler"]) == (3, "local:1")
    assert CliRunner().invoke(main, ["build", "--jobs", "2", "--scheduler", "tcp://127.0.0.1:8786"]).exit_code == 0
    assert (given["jobs"], given["scheduler"]) == (2, "tcp://127.0.0.1:8786")
    monkeypatch.setattr(plugin, "build_pipeline", build_here)
    result = CliRunner().invoke(main, ["build", "--scheduler", "local:many"])
    assert result.exit_code != 0 and "'local:many': write local:N" in result.output


def teardown_module() -> None:
    close_clusters()
