"""Topic discovery: NMF topics in surface form, document mixes, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.errors import BeritaError
from pipeline.topics import discover_topics

from .test_tag import labelled_records, record, write_artifact


def two_topic_records() -> list[dict]:
    return [r for r in labelled_records() if r["label"] in {"olahraga", "teknologi"}]


def test_topics_separate_two_clear_subjects() -> None:
    records = two_topic_records()
    result = discover_topics(records, 2, top_terms=5)
    assert result["k"] == 2 and result["n_documents"] == len(records)
    dominant = {
        r["id"]: max(range(2), key=lambda t: result["documents"][r["id"]][t]) for r in records
    }
    sport = {dominant[r["id"]] for r in records if r["label"] == "olahraga"}
    tech = {dominant[r["id"]] for r in records if r["label"] == "teknologi"}
    assert len(sport) == 1 and len(tech) == 1 and sport != tech
    for weights in result["documents"].values():
        assert sum(weights) == pytest.approx(1.0, abs=1e-3)


def test_topic_terms_are_surface_forms_not_stems_or_stop_words() -> None:
    result = discover_topics(two_topic_records(), 2, top_terms=8)
    terms = [t["term"] for topic in result["topics"] for t in topic["terms"]]
    assert terms
    assert "Indonesia" in terms or not any(t.lower() == "indonesia" for t in terms)
    assert not {"itu", "di", "dan", "untuk", "yang"} & {t.lower() for t in terms}
    assert not any(ch.isdigit() for t in terms for ch in t)
    for topic in result["topics"]:
        weights = [t["weight"] for t in topic["terms"]]
        assert weights[0] == 1.0 and weights == sorted(weights, reverse=True)


def test_topic_terms_pass_the_keyword_filters() -> None:
    sport = ("Pertandingan berlangsung 90 menit di stadion. Gol dicetak pada menit ke-80. "
             "Tim tamu bermain dari sisi barat lapangan. ")
    tech = ("Aplikasi baru diluncurkan pekan ini. Pengguna aplikasi mengunduh dalam hitungan "
            "menit dari toko aplikasi di wilayah barat. ")
    records = [record(sport * (i + 1), id=f"s{i}") for i in range(3)]
    records += [record(tech * (i + 1), id=f"t{i}") for i in range(3)]
    result = discover_topics(records, 2, top_terms=30)
    terms = {t["term"].lower() for topic in result["topics"] for t in topic["terms"]}
    assert terms and not terms & {"menit", "barat", "pekan"}


def test_topics_are_deterministic() -> None:
    first = discover_topics(two_topic_records(), 2)
    second = discover_topics(list(reversed(two_topic_records())), 2)
    assert first == second


@pytest.mark.parametrize("k", [0, 11])
def test_bad_topic_counts_are_errors(k: int) -> None:
    with pytest.raises(BeritaError, match="-k"):
        discover_topics(two_topic_records(), k)


def test_a_corpus_without_words_is_an_error() -> None:
    with pytest.raises(BeritaError, match="no words"):
        discover_topics([record(""), {**record("Yang itu dan ini."), "id": "y"}], 1)


def test_cli_topics_writes_json(tmp_path: Path) -> None:
    from pipeline.cli import app

    data = write_artifact(tmp_path / "clean.jsonl", two_topic_records())
    out = tmp_path / "topics.json"
    result = CliRunner().invoke(app, ["topics", str(data), "-k", "2", "-o", str(out)])
    assert result.exit_code == 0, result.output
    written = json.loads(out.read_text())
    assert len(written["topics"]) == 2
    assert list(written["documents"]) == sorted(written["documents"])
    result = CliRunner().invoke(app, ["topics", str(data), "-k", "50", "-o", str(out)])
    assert result.exit_code == 1
    assert "more topics than the 10 documents" in result.stderr


def test_a_repeated_id_keeps_every_document_in_the_mix() -> None:
    records = two_topic_records()
    records[1] = {**records[1], "id": records[0]["id"]}
    result = discover_topics(records, 2, top_terms=5)
    assert len(result["documents"]) == len(records)
    assert f"{records[0]['id']}#2" in result["documents"]


def test_one_document_is_too_few_for_topics() -> None:
    from pipeline.errors import TooFewTopicsError

    with pytest.raises(TooFewTopicsError, match="at least 2 documents"):
        discover_topics(two_topic_records()[:1], 1)



def test_a_corpus_of_identical_documents_is_named_as_such() -> None:
    same = [record("Bantuan beras dibagikan kepada warga desa.", id=str(i)) for i in range(120)]
    with pytest.raises(BeritaError, match="all alike"):
        discover_topics(same, 2)
