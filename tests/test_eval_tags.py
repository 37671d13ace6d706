"""The tag evaluation: metrics, calibration, abstention, and the written JSON and PNG."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.errors import BeritaError
from pipeline.evaluation.tags import (
    abstention,
    calibration,
    classification_metrics,
    evaluate_records,
    indosum_files,
    outlet,
    outlet_tokens,
)

from .test_tag import labelled_records


def test_classification_metrics_by_hand() -> None:
    truth = ["a", "a", "a", "b", "c"]
    predicted = ["a", "a", "b", "b", "a"]
    metrics = classification_metrics(truth, predicted, {"a": 60, "b": 50, "c": 3})
    assert metrics["accuracy"] == 0.6
    assert metrics["frequent_classes"] == ["a", "b"]
    # a: P 2/3 R 2/3 F1 .6667; b: P 1/2 R 1 F1 .6667; c: 0
    assert metrics["per_class"]["a"]["f1"] == pytest.approx(0.6667)
    assert metrics["per_class"]["b"]["precision"] == 0.5
    assert metrics["per_class"]["c"] == {
        "precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1, "train": 3
    }  # fmt: skip
    assert metrics["macro_f1_frequent"] == pytest.approx(0.6667)
    assert metrics["macro_f1"] == pytest.approx(0.4444)
    assert metrics["confusion"]["labels"] == ["a", "b", "c"]
    assert metrics["confusion"]["matrix"] == [[2, 1, 0], [0, 1, 0], [1, 0, 0]]


def test_calibration_of_perfect_and_overconfident_scores() -> None:
    truth = ["a", "b", "a", "b"]
    perfect = [[("a", 1.0)], [("b", 1.0)], [("a", 1.0)], [("b", 1.0)]]
    assert calibration(truth, perfect)["ece"] == 0.0
    overconfident = [[("a", 0.95)], [("a", 0.95)], [("a", 0.95)], [("a", 0.95)]]
    result = calibration(truth, overconfident)
    assert result["ece"] == pytest.approx(0.45)
    assert result["score_at_least_0.9"] == {"n": 4, "coverage": 1.0, "accuracy": 0.5}
    assert result["reliability"] == [
        {"bin": "[0.9, 1.0)", "n": 4, "mean_score": 0.95, "accuracy": 0.5}
    ]


def test_abstention_trades_coverage_for_accuracy() -> None:
    truth = ["a", "b", "a", "b"]
    ranked = [[("a", 0.95)], [("a", 0.35)], [("a", 0.85)], [("b", 0.65)]]
    rows = {row["min_score"]: row for row in abstention(truth, ranked)}
    assert rows[0.0] == {"min_score": 0.0, "coverage": 1.0, "accuracy_answered": 0.75, "wrong": 1}
    assert rows[0.4]["coverage"] == 0.75 and rows[0.4]["accuracy_answered"] == 1.0
    assert rows[0.9]["coverage"] == 0.25


def test_evaluate_records_writes_json_and_png(tmp_path: Path) -> None:
    records = labelled_records(10)
    result = evaluate_records(records, tmp_path, n_jobs=1, ablations=False)
    written = json.loads((tmp_path / "tags.json").read_text())
    assert written["split"]["train"] + written["split"]["test"] == 40
    assert written["split"]["test"] == 8  # 20% of each label
    for system in ("ours", "baseline"):
        assert 0.0 <= written[system]["accuracy"] <= 1.0
        assert set(written[system]["per_class"]) == {r["label"] for r in records}
    assert written["delta"]["accuracy"] == pytest.approx(
        result["ours"]["accuracy"] - result["baseline"]["accuracy"], abs=1e-4
    )
    assert "cv_on_train" in written["ours"] and written["timing"]["ours_train_s"] > 0
    png = (tmp_path / "tags_confusion.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


def test_missing_indosum_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(BeritaError, match="no such directory"):
        indosum_files(tmp_path / "absent")
    (tmp_path / "dev.01.jsonl").write_text("")
    with pytest.raises(BeritaError, match="dev.02.jsonl, dev.03.jsonl, dev.04.jsonl"):
        indosum_files(tmp_path)
    from pipeline.cli import app

    result = CliRunner().invoke(app, ["evaluate", "tags", str(tmp_path / "absent")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "no such directory" in result.stderr


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ("Jakarta, CNN Indonesia --", "cnn indonesia"),
        ("Wamena (ANTARA News) -", "antara news"),
        ("JAKARTA (Pos Kota) -", "pos kota"),
        ("JUARA.NET, KUALA LUMPUR -", "juara"),
        ("Bandung, JUARA.net -", "juara"),
        ("Suara.com -", "suara"),
        ("Rimanews -", "rimanews"),
    ],
)
def test_outlet_is_read_from_the_dateline(dateline: str, expected: str) -> None:
    assert outlet(dateline) == expected


def test_outlet_tokens_come_from_removed_items_only() -> None:
    record = {
        "text": "Suara.com - tidak dipakai.",
        "removed": [
            {"kind": "dateline", "text": "Jakarta, CNN Indonesia --"},
            {"kind": "credit", "text": "(rsa/end)"},
            {"kind": "link", "text": "Baca juga: Judul lain"},
        ],
    }
    assert outlet_tokens(record) == "outlet=cnn_indonesia credit=initials( link=baca_juga"
    assert outlet_tokens({"text": "Suara.com - x", "removed": []}) == "outlet=none"
