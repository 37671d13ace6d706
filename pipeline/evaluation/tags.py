"""Held-out evaluation of the topic tagger against a plain TF-IDF + LinearSVC baseline.

IndoSum folds 1-4 are read through the clean stage, deduplicated and split with the shared
`split_records` (train+dev for training, test for reporting). Our model chooses its
hyperparameters by cross-validation on the training part only; the test part is used once, for
the numbers written to `tags.json` and the confusion matrices in `tags_confusion.png`.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pipeline.errors import BeritaError
from pipeline.evaluation.split import SPLIT_SEED, split_records
from pipeline.tag import FREQUENT_MIN

FOLDS = ("dev.01.jsonl", "dev.02.jsonl", "dev.03.jsonl", "dev.04.jsonl")
# Classes with at least this many training articles enter the "frequent classes" macro-F1 (the
# same threshold `berita train` selects models by).
FREQUENT = FREQUENT_MIN
MIN_SCORES = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
CALIBRATION_BINS = 10
# The overlapping pair measured with and without merging.
MERGE = {"showbiz": "hiburan"}
# The outlet study: repeated CV on the training part (one seed is within noise of another).
STUDY_SEEDS = (1, 2, 3)
OUTLET_WEIGHT = 0.6
_PARENTHESIZED = re.compile(r"\(([^)]*)\)")
_DOMAIN = re.compile(r"\b([a-z0-9-]+)\.(?:co\.id|com|net|id|co)\b")
_INITIALS = re.compile(r"[(\[][a-z/ ]{2,12}[)\]]")


def classification_metrics(
    truth: Sequence[str], predicted: Sequence[str], train_counts: dict[str, int]
) -> dict[str, Any]:
    """Accuracy, macro-F1 (all classes and frequent ones), per-class P/R/F1 and confusion."""
    from sklearn.metrics import (
        accuracy_score,
        confusion_matrix,
        f1_score,
        precision_recall_fscore_support,
    )

    labels = sorted(set(truth) | set(train_counts))
    frequent = [label for label in labels if train_counts.get(label, 0) >= FREQUENT]
    precision, recall, f1, support = precision_recall_fscore_support(
        truth, predicted, labels=labels, zero_division=0
    )
    extra = sorted(set(predicted) - set(labels))
    matrix_labels = labels + extra
    return {
        "n": len(truth),
        "accuracy": round(float(accuracy_score(truth, predicted)), 4),
        "macro_f1": round(
            float(f1_score(truth, predicted, labels=labels, average="macro", zero_division=0)), 4
        ),
        "macro_f1_frequent": round(
            float(f1_score(truth, predicted, labels=frequent, average="macro", zero_division=0)), 4
        )
        if frequent
        else None,
        "frequent_classes": frequent,
        "per_class": {
            label: {
                "precision": round(float(p), 4),
                "recall": round(float(r), 4),
                "f1": round(float(f), 4),
                "support": int(s),
                "train": int(train_counts.get(label, 0)),
            }
            for label, p, r, f, s in zip(labels, precision, recall, f1, support, strict=True)
        },
        "confusion": {
            "labels": matrix_labels,
            "rows_are": "true label; columns are predicted labels",
            "matrix": confusion_matrix(truth, predicted, labels=matrix_labels).tolist(),
        },
    }


def calibration(truth: Sequence[str], ranked: Sequence[Sequence[tuple[str, float]]]) -> dict:
    """How well the top score matches accuracy: score >= 0.9, a reliability table and ECE."""
    scores = [r[0][1] for r in ranked]
    correct = [r[0][0] == t for r, t in zip(ranked, truth, strict=True)]
    n = len(scores)
    table = []
    ece = 0.0
    for b in range(CALIBRATION_BINS):
        low, high = b / CALIBRATION_BINS, (b + 1) / CALIBRATION_BINS
        members = [
            i
            for i, s in enumerate(scores)
            if low <= s < high or (b == CALIBRATION_BINS - 1 and s == 1.0)
        ]
        if not members:
            continue
        accuracy = sum(correct[i] for i in members) / len(members)
        mean_score = sum(scores[i] for i in members) / len(members)
        ece += len(members) / n * abs(accuracy - mean_score)
        table.append(
            {
                "bin": f"[{low:.1f}, {high:.1f})",
                "n": len(members),
                "mean_score": round(mean_score, 4),
                "accuracy": round(accuracy, 4),
            }
        )
    confident = [c for s, c in zip(scores, correct, strict=True) if s >= 0.9]
    return {
        "score_at_least_0.9": {
            "n": len(confident),
            "coverage": round(len(confident) / n, 4) if n else 0.0,
            "accuracy": round(sum(confident) / len(confident), 4) if confident else None,
        },
        "reliability": table,
        "ece": round(ece, 4),
    }


def abstention(truth: Sequence[str], ranked: Sequence[Sequence[tuple[str, float]]]) -> list[dict]:
    """Coverage and accuracy of the answered documents at each `--min-score`."""
    rows = []
    for threshold in MIN_SCORES:
        answered = [
            (r[0][0], t) for r, t in zip(ranked, truth, strict=True) if r[0][1] >= threshold
        ]
        rows.append(
            {
                "min_score": threshold,
                "coverage": round(len(answered) / len(truth), 4) if truth else 0.0,
                "accuracy_answered": round(sum(p == t for p, t in answered) / len(answered), 4)
                if answered
                else None,
                "wrong": sum(p != t for p, t in answered),
            }
        )
    return rows


def _texts(records: Iterable[dict[str, Any]]) -> list[str]:
    from pipeline.terms import model_text

    return [model_text(r) for r in records]


def _cv_scores(pipeline: Any, texts: list[str], labels: list[str], folds: int, n_jobs: int) -> dict:
    """Mean CV accuracy and macro-F1 on the training part (used to choose, never the test)."""
    from sklearn.model_selection import StratifiedKFold, cross_validate

    from pipeline.tag import SEED

    cv = StratifiedKFold(folds, shuffle=True, random_state=SEED)
    scores = cross_validate(
        pipeline, texts, labels, cv=cv, scoring=("accuracy", "f1_macro"), n_jobs=n_jobs
    )
    return {
        "accuracy": round(float(scores["test_accuracy"].mean()), 4),
        "macro_f1": round(float(scores["test_f1_macro"].mean()), 4),
    }


def _variant(
    name: str,
    change: dict[str, Any],
    base: dict[str, Any],
    train: list[dict[str, Any]],
    test: list[dict[str, Any]],
    train_counts: dict[str, int],
    folds: int,
    n_jobs: int,
) -> dict[str, Any]:
    """Our chosen configuration with one change: CV on train and scores on test."""
    from pipeline.tag import build_pipeline

    params = {**base, **change}
    texts, labels = _texts(train), [r["label"] for r in train]
    started = time.perf_counter()
    cv = _cv_scores(build_pipeline(**params), texts, labels, folds, n_jobs)
    model = build_pipeline(**params).fit(texts, labels)
    predicted = [str(p) for p in model.predict(_texts(test))]
    metrics = classification_metrics([r["label"] for r in test], predicted, train_counts)
    return {
        "variant": name,
        "params": {k: params[k] for k in sorted(params)},
        "cv_on_train": cv,
        "test": {k: metrics[k] for k in ("accuracy", "macro_f1", "macro_f1_frequent")},
        "test_f1": {label: row["f1"] for label, row in metrics["per_class"].items()},
        "seconds": round(time.perf_counter() - started, 2),
    }


def outlet(dateline: str) -> str:
    """The outlet named by a dateline, normalized: `Jakarta, CNN Indonesia --` -> `cnn indonesia`.

    The outlet is the parenthesized part (`Wamena (ANTARA News) -`), else the part that is a
    domain (`JUARA.NET, TOKYO -`, `Suara.com -`), else the last comma-separated part.
    """
    found = _PARENTHESIZED.search(dateline)
    if found:
        name = found.group(1)
    else:
        parts = [p.strip() for p in re.sub(r"\s*[-\u2013\u2014]+\s*$", "", dateline).split(",")]
        domains = [p for p in parts if _DOMAIN.search(p.lower())]
        name = domains[0] if domains else parts[-1]
    name = _DOMAIN.sub(lambda m: m.group(1), name.lower())
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", name).split())


def _lead_words(text: str) -> str:
    return "_".join(re.findall(r"[a-z]+", text.lower())[:2])


def outlet_tokens(record: dict[str, Any]) -> str:
    """Categorical tokens from what cleaning removed: outlet, credit shape, footer and links."""
    tokens = []
    datelines = [r["text"] for r in record.get("removed") or [] if r["kind"] == "dateline"]
    tokens.append("outlet=" + (outlet(datelines[0]).replace(" ", "_") if datelines else "none"))
    for removed in record.get("removed") or []:
        kind, text = removed["kind"], removed["text"].strip()
        if kind == "credit":
            shape = "initials" + text[0] if _INITIALS.fullmatch(text) else _lead_words(text)
            tokens.append(f"credit={shape}")
        elif kind in ("footer", "link"):
            tokens.append(f"{kind}={_lead_words(text)}")
    return " ".join(tokens)


def _record_texts(records: Sequence[dict[str, Any]]) -> list[str]:
    return _texts(records)


def _record_outlets(records: Sequence[dict[str, Any]]) -> list[str]:
    return [outlet_tokens(r) for r in records]


def build_outlet_pipeline(params: dict[str, Any], weight: float = OUTLET_WEIGHT) -> Any:
    """Our pipeline over records, plus a binary branch of `outlet_tokens` weighted `weight`."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import FunctionTransformer

    from pipeline.tag import build_classifier, build_vectorizer

    classifier = {k: v for k, v in params.items() if k not in ("stemmed", "min_df")}
    text = Pipeline(
        [
            ("select", FunctionTransformer(_record_texts)),
            ("tfidf", build_vectorizer(stemmed=params["stemmed"], min_df=params["min_df"])),
        ]
    )
    meta = Pipeline(
        [
            ("select", FunctionTransformer(_record_outlets)),
            ("count", CountVectorizer(analyzer=str.split, binary=True)),
        ]
    )
    union = FeatureUnion(
        [("text", text), ("outlet", meta)], transformer_weights={"text": 1.0, "outlet": weight}
    )
    return Pipeline([("features", union), ("clf", build_classifier(**classifier))])


def outlet_study(
    params: dict[str, Any], train: list[dict[str, Any]], train_counts: dict[str, int], n_jobs: int
) -> dict[str, Any]:
    """Repeated 5-fold CV on the training part: baseline, ours, ours + outlet features."""
    from sklearn.metrics import f1_score, make_scorer
    from sklearn.model_selection import StratifiedKFold, cross_validate

    from pipeline.tag import build_baseline, build_pipeline

    frequent = sorted(label for label, n in train_counts.items() if n >= FREQUENT)
    scoring = {
        "accuracy": "accuracy",
        "macro_f1": "f1_macro",
        "macro_f1_frequent": make_scorer(
            f1_score, average="macro", labels=frequent, zero_division=0
        ),
    }
    labels = [r["label"] for r in train]
    texts = _texts(train)
    systems = {
        "baseline": (build_baseline, texts),
        "ours": (lambda: build_pipeline(**params), texts),
        f"ours + outlet features (weight {OUTLET_WEIGHT})": (
            lambda: build_outlet_pipeline(params),
            train,
        ),
    }
    rows: dict[str, Any] = {}
    for name, (build, inputs) in systems.items():
        per_seed = []
        for seed in STUDY_SEEDS:
            cv = StratifiedKFold(5, shuffle=True, random_state=seed)
            scores = cross_validate(build(), inputs, labels, cv=cv, scoring=scoring, n_jobs=n_jobs)
            per_seed.append({k: float(scores[f"test_{k}"].mean()) for k in scoring})
        rows[name] = {
            key: round(sum(s[key] for s in per_seed) / len(per_seed), 4) for key in scoring
        }
        rows[name]["macro_f1_frequent_by_seed"] = [
            round(s["macro_f1_frequent"], 4) for s in per_seed
        ]
    return {
        "note": "5-fold CV on the training part, repeated with seeds "
        f"{list(STUDY_SEEDS)}; the outlet, credit shape, footer and link lead words come from "
        "the clean record's `removed` list (never IndoSum's source fields)",
        "systems": rows,
    }


def evaluate_records(
    records: Iterable[dict[str, Any]],
    out_dir: str | Path,
    *,
    seed: int = SPLIT_SEED,
    n_jobs: int = 2,
    ablations: bool = True,
) -> dict[str, Any]:
    """Evaluate ours and the baseline on a held-out split of labelled clean records."""
    from pipeline.artifacts import write_json
    from pipeline.tag import (
        DEFAULT_STEMMED,
        build_baseline,
        rank_topics,
        tag_record,
        train_model,
    )

    labelled = [r for r in records if r.get("label") is not None]
    parts = split_records(labelled, seed=seed)
    train, test = parts["train"] + parts["dev"], parts["test"]
    if not train or not test:
        raise BeritaError("too few labelled documents to split into train and test")
    train_counts = dict(sorted(Counter(r["label"] for r in train).items()))
    truth = [r["label"] for r in test]
    test_texts = _texts(test)

    started = time.perf_counter()
    model = train_model(train, n_jobs=n_jobs)
    train_seconds = time.perf_counter() - started
    started = time.perf_counter()
    ranked = rank_topics(model, test_texts)
    predict_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for record in test:
        tag_record(record, model)
    tag_seconds = time.perf_counter() - started
    ours = classification_metrics(truth, [r[0][0] for r in ranked], train_counts)

    started = time.perf_counter()
    baseline = build_baseline().fit(_texts(train), [r["label"] for r in train])
    baseline_train_seconds = time.perf_counter() - started
    baseline_predicted = [str(p) for p in baseline.predict(test_texts)]
    theirs = classification_metrics(truth, baseline_predicted, train_counts)

    result: dict[str, Any] = {
        "split": {
            "seed": seed,
            "method": "pipeline.evaluation.split.split_records (60/20/20 stratified by label, "
            "deduplicated by id); trained on train+dev, reported on test",
            "train": len(train),
            "test": len(test),
            "train_labels": train_counts,
            "test_labels": dict(sorted(Counter(truth).items())),
        },
        "ours": {
            "description": "TfidfVectorizer(words + two-word phrases, Indonesian stop words, "
            "no numbers, sublinear tf) + calibrated linear model chosen by CV on train",
            "params": model.meta["params"],
            "cv_on_train": model.meta["cv_on_training_data"],
            **ours,
            "calibration": calibration(truth, ranked),
            "abstention": abstention(truth, ranked),
        },
        "baseline": {"description": "TfidfVectorizer() + LinearSVC(), defaults", **theirs},
        "delta": {
            key: round(ours[key] - theirs[key], 4) if ours[key] is not None else None
            for key in ("accuracy", "macro_f1", "macro_f1_frequent")
        },
        "targets": {
            "accuracy_plus_1_point": ours["accuracy"] >= theirs["accuracy"] + 0.01,
            "macro_f1_frequent_plus_3_points": ours["macro_f1_frequent"] is not None
            and ours["macro_f1_frequent"] >= theirs["macro_f1_frequent"] + 0.03,
        },
        "timing": {
            "ours_train_s": round(train_seconds, 2),
            "ours_predict_docs_per_s": round(len(test) / predict_seconds, 1),
            "ours_tag_docs_per_s": round(len(test) / tag_seconds, 1),
            "baseline_train_s": round(baseline_train_seconds, 2),
        },
    }
    if ablations:
        chosen = dict(model.meta["params"]["chosen"])
        base = {
            **chosen,
            "stemmed": model.meta["params"]["stemmed"],
            "min_df": model.meta["params"]["min_df"],
        }
        folds = model.meta["cv_on_training_data"]["folds"]
        result["ablations"] = {
            "note": "our chosen parameters with one change, trained on train+dev; CV on train is "
            "what choices are made by, test numbers are shown for information only",
            "variants": [
                _variant(name, change, base, train, test, train_counts, folds, n_jobs)
                for name, change in (
                    ("chosen", {}),
                    (
                        "stemmed" if not DEFAULT_STEMMED else "unstemmed",
                        {"stemmed": not DEFAULT_STEMMED},
                    ),
                    ("class_weight=None", {"class_weight": None}),
                    ("class_weight=balanced", {"class_weight": "balanced"}),
                )
            ],
            "merge": _merge_effect(
                model, baseline, train, test, ranked, baseline_predicted, n_jobs
            ),
        }
        result["outlet_study"] = outlet_study(base, train, train_counts, n_jobs)
    out_dir = Path(out_dir)
    write_json(out_dir / "tags.json", result)
    plot_confusions(
        [("ours", ours["confusion"]), ("baseline", theirs["confusion"])],
        out_dir / "tags_confusion.png",
    )
    return result


def _merge_effect(
    model: Any,
    baseline: Any,
    train: list[dict[str, Any]],
    test: list[dict[str, Any]],
    ranked: Sequence[Sequence[tuple[str, float]]],
    baseline_predicted: Sequence[str],
    n_jobs: int,
) -> dict[str, Any]:
    """Merging showbiz into hiburan: a model trained on merged labels vs mapping predictions."""
    from pipeline.tag import rank_topics, train_model

    def merged(label: str) -> str:
        return MERGE.get(label, label)

    truth = [merged(r["label"]) for r in test]
    train_counts = dict(Counter(merged(r["label"]) for r in train))
    merged_model = train_model(train, merge=MERGE, n_jobs=n_jobs)
    merged_ranked = rank_topics(merged_model, _texts(test))
    rows = {
        "ours_trained_merged": classification_metrics(
            truth, [r[0][0] for r in merged_ranked], train_counts
        ),
        "ours_predictions_mapped": classification_metrics(
            truth, [merged(r[0][0]) for r in ranked], train_counts
        ),
        "baseline_predictions_mapped": classification_metrics(
            truth, [merged(p) for p in baseline_predicted], train_counts
        ),
    }
    summary = {
        name: {k: m[k] for k in ("accuracy", "macro_f1", "macro_f1_frequent")}
        for name, m in rows.items()
    }
    summary["ours_trained_merged"]["calibration"] = calibration(truth, merged_ranked)
    return {"merge": MERGE, "note": "scored on the merged label set", **summary}


def plot_confusions(matrices: Sequence[tuple[str, dict[str, Any]]], path: str | Path) -> None:
    """Draw row-normalized confusion matrices with counts, side by side, into a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from pipeline.artifacts import atomic_writer

    fig, axes = plt.subplots(1, len(matrices), figsize=(6.5 * len(matrices), 5.8), squeeze=False)
    for ax, (title, confusion) in zip(axes[0], matrices, strict=True):
        counts = np.array(confusion["matrix"], dtype=float)
        rows = counts.sum(axis=1, keepdims=True)
        share = np.divide(counts, rows, out=np.zeros_like(counts), where=rows > 0)
        ax.imshow(share, cmap="Blues", vmin=0.0, vmax=1.0)
        labels = confusion["labels"]
        ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
        ax.set_yticks(range(len(labels)), labels)
        ax.set_xlabel("predicted")
        ax.set_ylabel("true")
        accuracy = np.trace(counts) / counts.sum() if counts.sum() else 0.0
        ax.set_title(f"{title} (accuracy {accuracy:.3f})")
        for i in range(len(labels)):
            for j in range(len(labels)):
                if counts[i, j]:
                    color = "white" if share[i, j] > 0.5 else "black"
                    ax.text(j, i, int(counts[i, j]), ha="center", va="center", color=color)
    fig.tight_layout()
    with atomic_writer(path, "wb") as handle:
        fig.savefig(handle, format="png", dpi=110, metadata={"Software": None})
    plt.close(fig)


def indosum_files(indosum_dir: str | Path) -> list[Path]:
    """IndoSum folds 1-4 in `indosum_dir`; a missing folder or fold is a one-line error."""
    indosum_dir = Path(indosum_dir)
    if not indosum_dir.is_dir():
        raise BeritaError(f"{indosum_dir}: no such directory (expected IndoSum's dev.0N.jsonl)")
    files = [indosum_dir / name for name in FOLDS]
    missing = [f.name for f in files if not f.is_file()]
    if missing:
        raise BeritaError(f"{indosum_dir}: missing IndoSum fold files {', '.join(missing)}")
    return files


def evaluate_tags(
    indosum_dir: str | Path, out_dir: str | Path, *, seed: int = SPLIT_SEED, n_jobs: int = 2
) -> dict[str, Any]:
    """Evaluate on IndoSum folds 1-4: write `out_dir/tags.json` and `tags_confusion.png`."""
    from pipeline.clean_stage import load_records

    records = load_records(indosum_files(indosum_dir))
    return evaluate_records(records, out_dir, seed=seed, n_jobs=n_jobs)
