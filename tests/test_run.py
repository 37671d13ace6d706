"""`berita run`: the whole chain in one process gives the stage-by-stage chain's artifacts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
ARTIFACTS = ("clean.jsonl", "tags.jsonl", "summaries.jsonl", "topics.json")


def invoke(*args: str) -> None:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Make chain's commands, one stage at a time (as `make all` runs them)."""
    out = tmp_path_factory.mktemp("chain")
    invoke("clean", str(CORPUS), "-o", str(out / "clean.jsonl"))
    invoke("train", str(CORPUS), "-o", str(out / "model"), "--jobs", "2")
    invoke("tag", str(out / "clean.jsonl"), "--model", str(out / "model"),
           "-o", str(out / "tags.jsonl"), "--min-score", "0.6")
    invoke("summarize", str(out / "tags.jsonl"), "-o", str(out / "summaries.jsonl"))
    invoke("topics", str(out / "clean.jsonl"), "-k", "5", "-o", str(out / "topics.json"))
    return out


def test_run_writes_the_chains_artifacts(chain: Path, tmp_path: Path) -> None:
    invoke("run", str(CORPUS), "--out", str(tmp_path), "--train", str(CORPUS), "--workers", "2")
    for name in ARTIFACTS:
        assert (tmp_path / name).read_bytes() == (chain / name).read_bytes(), name
    for stage in ("clean", "tags", "summaries"):
        report = json.loads((tmp_path / f"{stage}.report.json").read_text())
        assert report["counts"]["out"] == report["counts"]["in"] == 48
    summaries = [json.loads(line) for line in (tmp_path / "summaries.jsonl").open()]
    assert all(1 <= len(r["summary"]["sentences"]) <= 3 for r in summaries)
    assert all(r["topic"]["label"] for r in summaries)


def test_run_with_a_given_model_skips_training(chain: Path, tmp_path: Path) -> None:
    invoke("run", str(CORPUS), "--out", str(tmp_path), "--model", str(chain / "model"),
           "--topics", "0")
    assert not (tmp_path / "model").exists()
    assert not (tmp_path / "topics.json").exists()
    assert (tmp_path / "summaries.jsonl").read_bytes() == (chain / "summaries.jsonl").read_bytes()


def test_run_on_a_missing_input_is_a_one_line_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "nope" in result.stderr


def _unlabelled(directory: Path, count: int) -> Path:
    """`count` corpus articles as plain text files: no labels."""
    directory.mkdir()
    rows = [json.loads(line) for line in (CORPUS / "berita-a.jsonl").open()][:count]
    for i, row in enumerate(rows):
        (directory / f"a{i}.txt").write_text(row["text"], encoding="utf-8")
    return directory


def test_run_on_unlabelled_articles_tags_keywords_only(tmp_path: Path) -> None:
    articles = _unlabelled(tmp_path / "in", 4)
    out = tmp_path / "out"
    out.mkdir()
    (out / "topics.json").write_text("{}")  # an earlier run's: must not survive a skip
    result = runner.invoke(app, ["run", str(articles), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "tagging keywords only" in result.stderr and "topics skipped" in result.stderr
    assert not (out / "topics.json").exists()
    tagged = [json.loads(line) for line in (out / "summaries.jsonl").open()]
    assert len(tagged) == 4
    assert all(r["topic"] == {"label": "unknown", "score": 0.0} for r in tagged)
    assert all(r["topics"] == [] for r in tagged)
    assert all(r["keywords"] and r["summary"]["sentences"] for r in tagged)
    assert json.loads((out / "model" / "model.json").read_text())["topic_classifier"] is None
    assert json.loads((out / "tags.report.json").read_text())["params"]["topic_classifier"] is False


def test_run_with_unlabelled_training_data_is_an_error(tmp_path: Path) -> None:
    articles = _unlabelled(tmp_path / "in", 2)
    result = runner.invoke(app, ["run", str(articles), "--out", str(tmp_path / "o"),
                                 "--train", str(articles)])
    assert result.exit_code == 1
    error = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(error) == 1 and "no labelled documents" in error[0]
