"""The tag stage: a TF-IDF topic classifier, model persistence, and tagging records.

Everything is scikit-learn: the classifier is a `Pipeline` of a `TfidfVectorizer` with our
Indonesian analyzer (`pipeline.terms`) and a calibrated linear model, chosen by cross-validated
grid search on the training data only. Keywords (`pipeline.keywords`) come from a second,
unstemmed vectorizer whose IDF is fitted on the same training corpus and stored with the model,
so they can always be shown in surface form.
"""

from __future__ import annotations

import hashlib
import math
import platform
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.errors import BeritaError, LabelError
from pipeline.keywords import (
    KEYWORD_ANALYZER,
    keywords,
    unseen_idf,
)
from pipeline.terms import (
    TermAnalyzer,
    model_text,
    record_text,
)

# The classifier: estimators, candidates and cross-validated training.

FORMAT_VERSION = 2
MODEL_FILE = "model.pkl"
META_FILE = "model.json"
UNKNOWN = "unknown"
SEED = 20181101
CV_FOLDS = 5
# Chosen by the numbers (`berita evaluate tags`): on IndoSum's training part stemming left CV
# accuracy unchanged (0.9128 both) and macro-F1 within noise (0.7351 vs 0.7357), held-out
# accuracy was 0.9075 stemmed vs 0.9110 unstemmed, and unstemmed features train ~4x faster.
DEFAULT_STEMMED = False
# Below this many training documents, terms seen once are kept (min_df=1), else dropped.
SMALL_CORPUS = 100


def min_df_for(n_documents: int) -> int:
    """The `min_df` for a corpus of `n_documents`: 1 below `SMALL_CORPUS`, else 2."""
    return 2 if n_documents >= SMALL_CORPUS else 1
CANDIDATES: tuple[dict[str, Any], ...] = (
    {"model": "linear-svc", "C": 0.5, "class_weight": None},
    {"model": "linear-svc", "C": 0.5, "class_weight": "balanced"},
    {"model": "linear-svc", "C": 1.0, "class_weight": None},
    {"model": "linear-svc", "C": 1.0, "class_weight": "balanced"},
    {"model": "logistic-regression", "C": 30.0, "class_weight": "balanced"},
    {"model": "nb-svm", "C": 0.1, "class_weight": "balanced"},
)
# Candidates are ranked by macro-F1 over the labels with at least this many training documents
# (all labels when fewer than two have that many): a label with a handful of documents has one
# or two per CV fold, and its per-fold F1 (0, 0.5 or 1) would drown the differences that matter.
FREQUENT_MIN = 50
# Models whose scores are calibrated out of fold (they need at least 2 calibration folds, and
# `MIN_CALIBRATED` documents of every label).
MIN_CALIBRATED = 10
CALIBRATED_MODELS = frozenset({"linear-svc", "nb-svm"})


def build_classifier(
    model: str = "linear-svc",
    C: float = 1.0,  # noqa: N803 - scikit-learn's name
    class_weight: str | None = "balanced",
    calibration_folds: int = 3,
) -> Any:
    """A linear classifier whose `predict_proba` is a calibrated score.

    `linear-svc` is a LinearSVC inside CalibratedClassifierCV (sigmoid on out-of-fold scores,
    `calibration_folds`);
    `logistic-regression` is probabilistic by itself.
    """
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC

    if model == "linear-svc":
        svc = LinearSVC(C=C, class_weight=class_weight, random_state=SEED)
        # ensemble=False: one SVM fitted on all the data, sigmoid fitted on out-of-fold scores
        # (the default averages `calibration_folds` SVMs each trained on part of the data).
        return CalibratedClassifierCV(svc, cv=calibration_folds, method="sigmoid", ensemble=False)
    if model == "nb-svm":
        from pipeline.nbsvm import NBSVM

        nbsvm = NBSVM(C=C, class_weight=class_weight, random_state=SEED)
        return CalibratedClassifierCV(nbsvm, cv=calibration_folds, method="sigmoid", ensemble=False)
    if model == "logistic-regression":
        return LogisticRegression(C=C, class_weight=class_weight, max_iter=3000, random_state=SEED)
    raise ValueError(
        f"model must be 'linear-svc', 'nb-svm' or 'logistic-regression', got {model!r}"
    )


def build_vectorizer(*, stemmed: bool = DEFAULT_STEMMED, min_df: int = 2) -> Any:
    """TF-IDF over our analyzer: words and two-word phrases, sublinear TF."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        analyzer=TermAnalyzer(stemmed=stemmed, ngram_max=2), sublinear_tf=True, min_df=min_df
    )


def build_pipeline(*, stemmed: bool = DEFAULT_STEMMED, min_df: int = 2, **classifier: Any) -> Any:
    """The topic classifier: `Pipeline([("tfidf", ...), ("clf", ...)])`."""
    from sklearn.pipeline import Pipeline

    return Pipeline(
        [
            ("tfidf", build_vectorizer(stemmed=stemmed, min_df=min_df)),
            ("clf", build_classifier(**classifier)),
        ]
    )


def build_baseline() -> Any:
    """The plain baseline: `TfidfVectorizer()` and `LinearSVC()` with their defaults."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import Pipeline
    from sklearn.svm import LinearSVC

    return Pipeline([("tfidf", TfidfVectorizer()), ("clf", LinearSVC())])


@dataclass
class TrainingSet:
    """Labelled texts ready for scikit-learn, with what was skipped and why."""

    ids: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)


def parse_merge(specs: Iterable[str]) -> dict[str, str]:
    """Parse `--merge FROM=TO` options (`showbiz=hiburan`) into a label mapping."""
    mapping: dict[str, str] = {}
    for spec in specs:
        source, sep, target = (part.strip() for part in spec.partition("="))
        if not sep or not source or not target or source == target:
            raise BeritaError(f"--merge {spec!r}: expected FROM=TO with two different labels")
        mapping[source] = target
    for source, target in mapping.items():
        if target in mapping:
            raise BeritaError(
                f"--merge: {source!r} -> {target!r} is chained; merge into a final label"
            )
    return dict(sorted(mapping.items()))


def training_set(
    records: Iterable[dict[str, Any]], merge: dict[str, str] | None = None
) -> TrainingSet:
    """Collect (id, text, label) from records; unlabelled and empty documents are skipped."""
    merge = merge or {}
    data = TrainingSet()
    seen: set[str] = set()
    given: set[str] = set()  # labels as found, before merging
    for record in records:
        label = record.get("label")
        record_id = str(record.get("id"))
        text = model_text(record)
        if label is None or not str(label).strip():
            data.skipped["unlabelled"] += 1
        elif record_id in seen:
            data.skipped["duplicate id"] += 1
        elif not KEYWORD_ANALYZER(text):
            data.skipped["no words"] += 1
        else:
            seen.add(record_id)
            label = str(label).strip()
            given.add(label)
            data.ids.append(record_id)
            data.texts.append(text)
            data.labels.append(merge.get(label, label))
    unknown = sorted(set(merge) - given)
    if unknown and given:
        raise LabelError(
            f"--merge names a label the data does not have: {', '.join(unknown)} "
            f"(labels: {', '.join(sorted(given))})"
        )
    return data


def fingerprint(ids: Sequence[str], labels: Sequence[str]) -> str:
    """sha256 of the sorted (id, label) pairs: which data a model was trained on."""
    digest = hashlib.sha256()
    for record_id, label in sorted(zip(ids, labels, strict=True)):
        digest.update(f"{record_id}\t{label}\n".encode())
    return f"sha256:{digest.hexdigest()}"


def cv_plan(labels: Sequence[str], folds: int = CV_FOLDS) -> tuple[int, int]:
    """(cross-validation folds, calibration folds) that the smallest label can support.

    Raises LabelError for an empty set, a single label, or a label with fewer than 2 examples.
    """
    counts = Counter(labels)
    if not counts:
        raise LabelError("no labelled documents to train on (records need a 'label' and text)")
    if len(counts) == 1:
        only = next(iter(counts))
        raise LabelError(f"every training document has the label {only!r}; need at least two")
    label, smallest = min(counts.items(), key=lambda item: (item[1], item[0]))
    if smallest < 2:
        raise LabelError(
            f"label {label!r} has only {smallest} training document; cross-validation needs at "
            "least 2 per label (add documents, drop the label, or --merge it into another)"
        )
    cv_folds = min(folds, smallest)
    # The smallest label's count in a CV training part bounds the calibration folds inside it.
    left = smallest - math.ceil(smallest / cv_folds)
    return cv_folds, min(3, left)


def scored_labels(counts: Counter[str]) -> list[str]:
    """The labels model selection scores: those with `FREQUENT_MIN` documents, else all."""
    frequent = sorted(label for label, n in counts.items() if n >= FREQUENT_MIN)
    return frequent if len(frequent) >= 2 else sorted(counts)


def _jsonable_candidate(candidate: dict[str, Any]) -> dict[str, Any]:
    return {key: candidate[key] for key in sorted(candidate)}


@dataclass
class TagModel:
    """A fitted topic classifier, its keyword IDF and the metadata written to `model.json`.

    `pipeline` is None for a keywords-only model (`keyword_model`: a corpus without labels).
    """

    pipeline: Any
    keyword_idf: dict[str, float]
    default_idf: float
    meta: dict[str, Any]

    @property
    def labels(self) -> list[str]:
        """The labels the classifier can predict, in its column order (none without one)."""
        if self.pipeline is None:
            return []
        return [str(label) for label in self.pipeline.classes_]


def library_versions() -> dict[str, str]:
    """Versions that a saved model depends on."""
    import numpy
    import sklearn

    return {
        "berita": __version__,
        "numpy": numpy.__version__,
        "python": platform.python_version(),
        "sklearn": sklearn.__version__,
    }


def train_model(
    records: Iterable[dict[str, Any]],
    *,
    stemmed: bool = DEFAULT_STEMMED,
    merge: dict[str, str] | None = None,
    candidates: Sequence[dict[str, Any]] = CANDIDATES,
    folds: int = CV_FOLDS,
    n_jobs: int = 1,
) -> TagModel:
    """Train the topic classifier, choosing among `candidates` by CV on these records only.

    Cross-validation is stratified (`folds` adapted down to the smallest label, fixed seed) and
    scored by macro-F1 over `scored_labels`; the best candidate is refitted on all records.
    """
    from sklearn.metrics import f1_score, make_scorer
    from sklearn.model_selection import GridSearchCV, StratifiedKFold

    started = time.perf_counter()
    data = training_set(records, merge)
    cv_folds, calibration_folds = cv_plan(data.labels, folds)
    # A sigmoid fitted on the out-of-fold scores of a few documents per label can come out
    # reversed (measured: 3 documents per label scored every training document as the other
    # label, at 0.70); below `MIN_CALIBRATED` per label only self-calibrated models compete.
    calibrate = calibration_folds >= 2 and min(Counter(data.labels).values()) >= MIN_CALIBRATED
    usable = [dict(c) for c in candidates if c["model"] not in CALIBRATED_MODELS or calibrate]
    if not usable:  # (the candidates asked for all need calibrating)
        usable = [{"model": "logistic-regression", "C": 30.0, "class_weight": "balanced"}]
    min_df = min_df_for(len(data.texts))
    grid = [
        {"clf": [build_classifier(**c, calibration_folds=max(2, calibration_folds))]}
        for c in usable
    ]
    scored = scored_labels(Counter(data.labels))
    f1_scored = make_scorer(f1_score, average="macro", labels=scored, zero_division=0)
    search = GridSearchCV(
        build_pipeline(stemmed=stemmed, min_df=min_df),
        grid,
        scoring={"accuracy": "accuracy", "f1_macro": "f1_macro", "f1_scored": f1_scored},
        refit="f1_scored",
        cv=StratifiedKFold(cv_folds, shuffle=True, random_state=SEED),
        n_jobs=n_jobs,
        error_score="raise",
    )
    search.fit(data.texts, data.labels)
    results = search.cv_results_
    rows = []
    for i, candidate in enumerate(usable):
        rows.append(
            {
                **_jsonable_candidate(candidate),
                "accuracy": round(float(results["mean_test_accuracy"][i]), 4),
                "accuracy_std": round(float(results["std_test_accuracy"][i]), 4),
                "f1_macro": round(float(results["mean_test_f1_macro"][i]), 4),
                "f1_macro_std": round(float(results["std_test_f1_macro"][i]), 4),
                "f1_scored": round(float(results["mean_test_f1_scored"][i]), 4),
                "f1_scored_std": round(float(results["std_test_f1_scored"][i]), 4),
                "rank": int(results["rank_test_f1_scored"][i]),
            }
        )
    best = usable[search.best_index_]

    idf = keyword_idf(data.texts, min_df)
    counts = Counter(data.labels)
    meta = {
        "format_version": FORMAT_VERSION,
        "labels": dict(sorted(counts.items())),
        "n_documents": len(data.texts),
        "skipped": dict(sorted(data.skipped.items())),
        "merge": dict(sorted((merge or {}).items())),
        "params": {
            "stemmed": stemmed,
            "ngram_max": 2,
            "sublinear_tf": True,
            "min_df": min_df,
            "calibration": {"method": "sigmoid", "folds": max(2, calibration_folds)},
            "chosen": _jsonable_candidate(best),
        },
        "cv_on_training_data": {
            "note": "cross-validated on the training data itself; not a held-out estimate",
            "folds": cv_folds,
            "seed": SEED,
            "scoring": f"macro-F1 over the labels with at least {FREQUENT_MIN} documents "
            "(all labels when fewer than two have that many)",
            "scored_labels": scored,
            "best": {
                "accuracy": rows[search.best_index_]["accuracy"],
                "f1_macro": rows[search.best_index_]["f1_macro"],
                "f1_scored": rows[search.best_index_]["f1_scored"],
            },
            "candidates": rows,
        },
        "keyword_vocabulary": len(idf),
        "data_fingerprint": fingerprint(data.ids, data.labels),
        "versions": library_versions(),
        # Includes reading (and, for raw input, cleaning) the records.
        "train_seconds": round(time.perf_counter() - started, 2),
    }
    return TagModel(search.best_estimator_, idf, unseen_idf(len(data.texts)), meta)


def keyword_idf(texts: Sequence[str], min_df: int) -> dict[str, float]:
    """IDF of the keyword terms (words and two-word phrases) of `texts`, sorted by term."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer=KEYWORD_ANALYZER, min_df=min_df)
    vectorizer.fit(texts)
    return {
        term: round(float(vectorizer.idf_[index]), 4)
        for term, index in sorted(vectorizer.vocabulary_.items())
    }


def keyword_model(records: Iterable[dict[str, Any]]) -> TagModel:
    """A model without a topic classifier, for a corpus without labels: keyword IDF only.

    Tagging with it adds keywords and leaves every topic unknown.
    """
    started = time.perf_counter()
    texts = [text for record in records if KEYWORD_ANALYZER(text := model_text(record))]
    if not texts:
        raise BeritaError("no document with words to fit keyword weights on")
    min_df = min_df_for(len(texts))
    idf = keyword_idf(texts, min_df)
    meta = {
        "format_version": FORMAT_VERSION,
        "labels": {},
        "topic_classifier": None,
        "note": "keywords only: fitted on a corpus without topic labels; every topic is unknown",
        "n_documents": len(texts),
        "params": {"min_df": min_df, "ngram_max": 2},
        "keyword_vocabulary": len(idf),
        "versions": library_versions(),
        "train_seconds": round(time.perf_counter() - started, 2),
    }
    return TagModel(None, idf, unseen_idf(len(texts)), meta)


# --------------------------------------------------------------------------------------------
# Persistence.


def _major_minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def save_model(model: TagModel, directory: str | Path) -> None:
    """Write `model.pkl` and `model.json` into `directory` (each atomically).

    Plain pickle, not joblib: the model is mostly a vocabulary (Python strings, few arrays), which
    joblib's pure-Python unpickler loaded in 0.30 s against 0.02 s here, at every `tag` start.
    """
    import pickle

    from pipeline.artifacts import atomic_writer, write_json

    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise BeritaError(f"{directory}: exists and is not a directory")
    with atomic_writer(directory / MODEL_FILE, "wb") as handle:
        # the metadata (with its timing) lives in model.json only: the same data and seed give
        # a byte-identical model.pkl
        pickle.dump(replace(model, meta={}), handle, protocol=5)
    write_json(directory / META_FILE, model.meta)


def load_model(directory: str | Path) -> TagModel:
    """Load a model directory, refusing missing files and incompatible versions (one line)."""
    import pickle

    import sklearn

    from pipeline.artifacts import read_json

    directory = Path(directory)
    if not directory.is_dir():
        raise BeritaError(f"{directory}: no such model directory (train one with `berita train`)")
    for name in (META_FILE, MODEL_FILE):
        if not (directory / name).is_file():
            raise BeritaError(f"{directory}: not a model directory (missing {name})")
    meta = read_json(directory / META_FILE)
    if not isinstance(meta, dict) or meta.get("format_version") != FORMAT_VERSION:
        found = meta.get("format_version") if isinstance(meta, dict) else None
        raise BeritaError(
            f"{directory}: model format {found!r}, this berita reads format {FORMAT_VERSION}; "
            "retrain it"
        )
    trained_with = str(meta.get("versions", {}).get("sklearn", "unknown"))
    if _major_minor(trained_with) != _major_minor(sklearn.__version__):
        raise BeritaError(
            f"{directory}: trained with scikit-learn {trained_with}, this is "
            f"{sklearn.__version__}; retrain it"
        )
    try:
        with open(directory / MODEL_FILE, "rb") as handle:
            model = pickle.load(handle)  # a model directory is trusted input, like joblib's
    except Exception as exc:  # noqa: BLE001 - any unpickling failure is one user-facing error
        raise BeritaError(f"{directory / MODEL_FILE}: cannot load ({type(exc).__name__})") from None
    if not isinstance(model, TagModel):
        raise BeritaError(f"{directory / MODEL_FILE}: not a berita tag model")
    model.meta = meta
    return model


# --------------------------------------------------------------------------------------------
# Tagging.

INDONESIAN = "id"
UNDETERMINED = "und"


def rank_topics(
    model: TagModel, texts: Sequence[str], features: Any = None
) -> list[list[tuple[str, float]]]:
    """For each text, every label with its calibrated score, best first.

    `features` (the TF-IDF rows of `texts`, if already computed) saves vectorizing twice.
    """
    labels = model.labels
    if features is None:
        probabilities = model.pipeline.predict_proba(list(texts))
    else:
        probabilities = model.pipeline.named_steps["clf"].predict_proba(features)
    return [
        sorted(
            ((label, float(p)) for label, p in zip(labels, row, strict=True)),
            key=lambda item: (-item[1], item[0]),
        )
        for row in probabilities
    ]


# Fewer words than this and a topic says little (a headline alone, a photo caption).
SHORT_DOCUMENT = 8


def tag_record(
    record: dict[str, Any],
    model: TagModel,
    *,
    min_score: float = 0.0,
    top_k: int = 3,
    n_keywords: int = 10,
) -> dict[str, Any]:
    """Return `record` with `topic`, `topics` and `keywords` added (a new dict).

    The topic is `unknown` when its score is below `min_score`, when the document has no
    words, no word the model knows, or is in another language; those cases add a warning.
    """
    out = dict(record)
    warnings = list(record.get("warnings") or [])
    text = model_text(record)
    out["keywords"] = keywords(
        record_text(record),
        model.keyword_idf,
        model.default_idf,
        limit=n_keywords,
        title=record.get("title"),
        lang=record.get("lang"),
    )
    words = sum(1 for term in KEYWORD_ANALYZER(text) if " " not in term)  # content words
    if model.pipeline is None or not words:
        if not words:
            warnings.append("tag: no words to classify (empty document)")
        # (a keywords-only model has no topics to give)
        out.update(topic={"label": UNKNOWN, "score": 0.0}, topics=[])
        out["warnings"] = warnings
        return out
    if words < SHORT_DOCUMENT:
        warnings.append(f"tag: a very short document ({words} content words), the topic is a guess")
    features = model.pipeline.named_steps["tfidf"].transform([text])
    ranked = rank_topics(model, [text], features)[0]
    best_label, best_score = ranked[0]
    label = best_label if best_score >= min_score else UNKNOWN
    lang = record.get("lang")
    if lang and lang not in (INDONESIAN, UNDETERMINED):
        warnings.append(f"tag: language {lang!r} is not Indonesian; topic left unknown")
        label = UNKNOWN
    elif features.nnz == 0:
        warnings.append("tag: no word known to the model; topic left unknown")
        label = UNKNOWN
    out["topic"] = {"label": label, "score": round(best_score, 4)}
    out["topics"] = [{"label": lab, "score": round(s, 4)} for lab, s in ranked[:top_k]]
    out["warnings"] = warnings
    return out


def run_train(
    inputs: Sequence[str | Path],
    output: str | Path,
    *,
    stemmed: bool = DEFAULT_STEMMED,
    merge: Sequence[str] = (),
    n_jobs: int = 1,
    text_column: str | None = None,
    label_column: str | None = None,
) -> dict[str, Any]:
    """Train on labelled inputs (any input the clean stage reads) and save to `output`."""
    from pipeline.clean_stage import load_records

    records = load_records(list(inputs), text_column=text_column, label_column=label_column)
    model = train_model(records, stemmed=stemmed, merge=parse_merge(merge), n_jobs=n_jobs)
    save_model(model, output)
    return model.meta


def run_keyword_model(inputs: Sequence[str | Path], output: str | Path) -> dict[str, Any]:
    """Fit a keywords-only model (`keyword_model`) on `inputs` and save it to `output`."""
    from pipeline.clean_stage import load_records

    model = keyword_model(load_records(list(inputs)))
    save_model(model, output)
    return model.meta


def tag_info(record: dict[str, Any]) -> tuple[Any, bool]:
    """What the tag report counts of one tagged record: its label and whether it was warned."""
    warned = any(w.startswith("tag:") for w in record.get("warnings", []))
    return record["topic"]["label"], warned


def _count_topics(items: Iterable[Any], run: Any) -> Iterator[Any]:
    labels: Counter[str] = Counter()
    for item in items:
        label, warned = item.info
        labels[label] += 1
        if label == UNKNOWN:
            run.counts["unknown"] += 1
        if warned:
            run.counts["warned"] += 1
        yield item
    run.stats["labels"] = dict(sorted(labels.items()))


def run_tag(
    inputs: Sequence[str | Path],
    model_dir: str | Path,
    output: str | Path,
    *,
    min_score: float = 0.0,
    top_k: int = 3,
    n_keywords: int = 10,
    workers: int = 1,
    dask: str | None = None,
) -> dict[str, Any]:
    """Tag every record of `inputs` into `output` (JSON Lines) and its report.

    `workers` > 1 tags in a local process pool; `dask` (a scheduler address) on a Dask cluster.
    """
    from functools import partial

    from pipeline.artifacts import check_output
    from pipeline.clean_stage import load_records
    from pipeline.runner import StageRun, apply, write_stage

    if not 0.0 <= min_score <= 1.0:
        raise BeritaError(f"--min-score must be between 0 and 1, got {min_score}")
    check_output(output, inputs)
    model = load_model(model_dir)
    params = {
        "inputs": [Path(p).as_posix() for p in inputs],
        "model": Path(model_dir).as_posix(),
        "model_fingerprint": model.meta.get("data_fingerprint"),
        "topic_classifier": model.pipeline is not None,
        "min_score": min_score,
        "top_k": top_k,
        "keywords": n_keywords,
    }
    run = StageRun("tag", params)
    for key in ("in", "out", "failed", "unknown", "warned"):
        run.counts[key] += 0
    process = partial(
        tag_record, model=model, min_score=min_score, top_k=top_k, n_keywords=n_keywords
    )
    records = load_records(list(inputs), lines=True, run=run)
    tagged = _count_topics(
        apply(records, process, run, workers=workers, dask=dask, encode=tag_info), run
    )
    return write_stage(tagged, output, run)
