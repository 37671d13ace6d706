"""The trained summarizer: features, MMR, the estimator contract, persistence, and IndoSum."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from pipeline.errors import BeritaError
from pipeline.summarize import Document, summarize_record
from pipeline.supervised import (
    FEATURE_NAMES,
    ExtractiveSummarizer,
    document_features,
    flat_labels,
    load_summarizer,
    make_classifier,
    mmr_ranking,
    train_summarizer,
)

LEADS = [
    "Pemerintah Kota {k} meresmikan pasar tradisional baru di pusat kota, Senin.",
    "Dinas Kesehatan {k} membuka layanan vaksinasi gratis bagi warga lanjut usia.",
    "Polres {k} menangkap dua pelaku pencurian sepeda motor di kawasan terminal.",
    "Banjir merendam puluhan rumah warga di {k} setelah hujan deras semalaman.",
]
BODY = [
    '"Saya senang sekali, semoga lancar," kata seorang warga.',
    "Baca juga: berita lain dari {k} hari ini.",
    "Cuaca di {k} cerah berawan pada sore hari.",
    '"Kami akan terus memantau," ujar seorang petugas.',
    "Warga berharap kegiatan serupa rutin digelar.",
]
CITIES = ["Bandung", "Bogor", "Depok", "Malang", "Solo", "Medan", "Padang", "Kediri", "Blitar"]


def synthetic_records(count: int) -> list[dict]:
    """Articles whose first sentence is the summary; the body is quotes and boilerplate."""
    rng = random.Random(7)
    records = []
    for n in range(count):
        city = CITIES[n % len(CITIES)]
        lead = LEADS[n % len(LEADS)].format(k=city)
        body = [s.format(k=city) for s in rng.sample(BODY, 4)]
        paragraphs = [[lead, body[0]], [body[1], body[2]], [body[3]]]
        records.append({
            "id": f"s{n:03d}", "label": "berita", "title": None, "paragraphs": paragraphs,
            "text": "\n\n".join(" ".join(p) for p in paragraphs), "removed": [], "warnings": [],
            "reference": lead,
            "gold_labels": [[True, False], [False, False], [False]],
        })
    return records


def test_features_have_one_finite_row_per_sentence() -> None:
    doc = Document.from_record(synthetic_records(1)[0])
    features, similarity = document_features(doc)
    assert features.shape == (5, len(FEATURE_NAMES))
    assert np.isfinite(features).all() and similarity.shape == (5, 5)
    column = dict(zip(FEATURE_NAMES, features.T, strict=True))
    assert column["index"].tolist() == [0, 1, 2, 3, 4]
    assert column["paragraph_start"].tolist() == [1, 0, 1, 0, 1]
    assert column["boilerplate"][2] == 1.0  # "Baca juga"
    empty, _ = document_features(Document.from_paragraphs([]))
    assert empty.shape == (0, len(FEATURE_NAMES))


def test_outlet_and_removed_kinds_come_from_what_cleaning_removed() -> None:
    record = synthetic_records(1)[0]
    record["removed"] = [{"kind": "dateline", "text": "Jakarta, CNN Indonesia --"}]
    features, _ = document_features(Document.from_record(record))
    column = dict(zip(FEATURE_NAMES, features.T, strict=True))
    assert column["outlet_cnn"].tolist() == [1.0] * 5
    assert column["removed_dateline"].tolist() == [1.0] * 5
    assert column["outlet_antara"].sum() == column["removed_footer"].sum() == 0


def test_gold_labels_must_align_with_sentences() -> None:
    record = synthetic_records(1)[0]
    assert flat_labels(record) == [True, False, False, False, False]
    assert flat_labels({"paragraphs": [["a"]]}) is None
    with pytest.raises(BeritaError, match="gold_labels has 1 labels for 5 sentences"):
        flat_labels({**record, "gold_labels": [[True]]})


def test_mmr_demotes_a_near_duplicate_only_when_lambda_is_below_one() -> None:
    p = np.array([0.9, 0.8, 0.5])
    similarity = np.array([[1.0, 0.95, 0.0], [0.95, 1.0, 0.0], [0.0, 0.0, 1.0]])
    assert [i for i, _ in mmr_ranking(p, similarity, 1.0)] == [0, 1, 2]
    assert [i for i, _ in mmr_ranking(p, similarity, 0.5)] == [0, 2, 1]
    assert [s for _, s in mmr_ranking(p, similarity, 0.5)] == [0.9, 0.5, 0.8]


def test_estimator_contract() -> None:
    from sklearn.base import clone
    from sklearn.exceptions import NotFittedError

    summarizer = ExtractiveSummarizer(model="logistic", mmr_lambda=0.7)
    assert clone(summarizer).get_params() == summarizer.get_params()
    with pytest.raises(NotFittedError):
        summarizer.rank(Document.from_paragraphs([["Satu."]]))
    with pytest.raises(ValueError, match="'mmr_lambda' parameter"):
        ExtractiveSummarizer(mmr_lambda=2.0).fit([], [])
    with pytest.raises(ValueError, match="'model' parameter .* Got 'svm'"):
        make_classifier("svm")
    with pytest.raises(ValueError, match="Invalid parameter"):
        summarizer.set_params(depth=3)


def test_classifiers_are_compared_by_grouped_cross_validation() -> None:
    from pipeline.supervised import compare_models

    records = synthetic_records(20)
    scores = compare_models(
        [Document.from_record(r) for r in records], [flat_labels(r) for r in records], folds=2
    )
    assert set(scores) == {"gradient-boosting", "logistic"}
    assert all(0.0 <= s["roc_auc"] <= 1.0 for s in scores.values())
    assert scores["logistic"]["roc_auc"] > 0.9  # the lead is easy to tell from quotes


def test_fit_learns_the_synthetic_lead() -> None:
    records = synthetic_records(24)
    docs = [Document.from_record(r) for r in records]
    labels = [flat_labels(r) for r in records]
    summarizer = ExtractiveSummarizer(model="logistic").fit(docs[:16], labels[:16])
    assert summarizer.predict(docs[16:], n_sentences=1) == [[0]] * 8


def test_train_save_load_and_summarize_with_auto(tmp_path: Path) -> None:
    data = tmp_path / "train.jsonl"
    data.write_text(
        "".join(json.dumps(r) + "\n" for r in synthetic_records(40)), encoding="utf-8"
    )
    meta = train_summarizer([data], tmp_path / "model", model="logistic")
    assert (tmp_path / "model" / "summarizer.joblib").is_file()
    saved = json.loads((tmp_path / "model" / "summarizer.json").read_text(encoding="utf-8"))
    assert saved["features"] == list(FEATURE_NAMES) and saved["split"] == meta["split"]
    assert saved["params"]["model"] == "logistic" and saved["train_documents"] == meta["split"][
        "train"
    ]
    model = load_summarizer(tmp_path / "model")
    out = summarize_record(synthetic_records(1)[0], sentences=1, model=model)
    assert out["summary"]["method"] == "supervised"
    assert [s["index"] for s in out["summary"]["sentences"]] == [0]
    with pytest.raises(BeritaError, match="no trained summarizer"):
        load_summarizer(tmp_path)
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "summarizer.joblib").write_bytes(b"not a pickle")
    with pytest.raises(BeritaError, match="cannot load"):
        load_summarizer(tmp_path / "bad")


def test_trained_on_indosum_beats_random_positions_on_held_out_articles(
    indosum_dir: Path, tmp_path: Path
) -> None:
    from pipeline.clean_stage import load_records
    from pipeline.evaluation.split import split_records
    from pipeline.rouge import mean_rouge
    from pipeline.supervised import fit_on_split

    sample = tmp_path / "sample.jsonl"
    with (indosum_dir / "dev.01.jsonl").open(encoding="utf-8") as handle:
        sample.write_text("".join(next(handle) for _ in range(300)), encoding="utf-8")
    parts = split_records(load_records([sample]))
    model, _ = fit_on_split(parts["train"], parts["dev"], model="gradient-boosting")
    rng = random.Random(0)
    ours, randomly = [], []
    for record in parts["test"]:
        out = summarize_record(record, method="supervised", model=model)
        ours.append((out["summary"]["text"], record["reference"]))
        flat = [s for p in record["paragraphs"] for s in p]
        picked = sorted(rng.sample(range(len(flat)), min(3, len(flat))))
        randomly.append((" ".join(flat[i] for i in picked), record["reference"]))
    assert len(ours) >= 50
    assert mean_rouge(ours)["rouge1"] > mean_rouge(randomly)["rouge1"] + 10


def test_soft_targets_train_a_regressor_on_labels_and_reference_overlap() -> None:
    from pipeline.supervised import soft_targets

    records = synthetic_records(24)
    docs = [Document.from_record(r) for r in records]
    labels = [flat_labels(r) for r in records]
    references = [" ".join(d.sentences[:1]) for d in docs]  # the lead is the reference
    overlap = soft_targets(docs[:2], references[:2])
    assert len(overlap) == len(docs[0]) + len(docs[1])
    assert overlap[0] == pytest.approx(1.0) and (overlap >= 0).all() and (overlap <= 1).all()
    summarizer = ExtractiveSummarizer().fit(docs[:16], labels[:16], references[:16])
    assert summarizer.regression_
    p = summarizer.predict_proba(docs[16])
    assert ((p >= 0) & (p <= 1)).all()
    assert summarizer.predict(docs[16:], n_sentences=1) == [[0]] * 8
    unlabelled = ExtractiveSummarizer(soft_weight=0.0).fit(docs[:16], labels[:16], references[:16])
    assert not unlabelled.regression_
