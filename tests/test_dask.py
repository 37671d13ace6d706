"""Scale-out: the per-document work on a real Dask cluster gives the local run's bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

from .test_cli import write_corpus

runner = CliRunner()


@pytest.fixture(scope="module")
def scheduler() -> str:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def test_clean_on_dask_is_byte_identical_to_local(tmp_path: Path, scheduler: str) -> None:
    corpus = write_corpus(tmp_path / "in")
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert runner.invoke(app, ["clean", str(corpus), "-o", str(local)]).exit_code == 0
    result = runner.invoke(app, ["clean", str(corpus), "-o", str(remote), "--dask", scheduler])
    assert result.exit_code == 0, result.output
    assert remote.read_bytes() == local.read_bytes()


def test_unreachable_scheduler_is_a_one_line_error(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    out = tmp_path / "o.jsonl"
    result = runner.invoke(app, ["clean", str(corpus), "-o", str(out), "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler" in result.stderr
    assert not out.exists()


def test_run_on_dask_is_byte_identical_to_local(tmp_path: Path, scheduler: str) -> None:
    corpus = Path(__file__).resolve().parents[1] / "corpus"
    local, remote = tmp_path / "local", tmp_path / "dask"
    result = runner.invoke(app, ["run", str(corpus), "--out", str(local), "--topics", "0"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        app,
        ["run", str(corpus), "--out", str(remote), "--topics", "0", "--model", str(local / "model"),
         "--dask", scheduler],
    )
    assert result.exit_code == 0, result.output
    for name in ("clean.jsonl", "tags.jsonl", "summaries.jsonl"):
        assert (remote / name).read_bytes() == (local / name).read_bytes(), name
