"""A trained extractive summarizer: sentence features + a scikit-learn classifier + MMR.

Trained on IndoSum's `gold_labels` (which sentences an oracle would extract). Each sentence gets
the features in `FEATURE_NAMES`; a classifier gives P(sentence is in the summary); sentences are
then chosen by Maximal Marginal Relevance so that near-duplicates do not fill the summary.

Why these features (news articles, oracle labels that sit mostly in the lead):
- position (global index, relative position, paragraph index, position in the paragraph,
  paragraph start): the inverted pyramid puts the story first; paragraph starts carry topic
  sentences;
- length (words, characters): very short lines are captions or fragments, very long ones are
  run-on quotes;
- centrality (our TF-IDF PageRank) and similarity to the whole document, the lead sentence and
  the title, and the share of the document's top keywords: what the article is about;
- redundancy (highest similarity to any earlier sentence): repeats add nothing;
- cues: quotes and attribution verbs (`ujar`, `kata`), first/second person and chat register
  (quotes from interviews), numbers, boilerplate remnants (`Baca juga`, links, photo credits,
  app footers), datelines and capitalized-word share (names);
- the outlet and what cleaning removed (dateline, credit, footer, link, caption), per document:
  each newsroom has its own lead style (one-sentence lead, quote in the second sentence, ...),
  and the removed dateline still names the outlet. Worth +0.3 ROUGE-1 on the dev split.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from pipeline.centrality import pagerank, similarity_matrix, tfidf_matrix
from pipeline.errors import BeritaError
from pipeline.language import word_tokens

if TYPE_CHECKING:
    from pipeline.summarize import Document, Ranking

MODEL_FILE = "summarizer.joblib"
META_FILE = "summarizer.json"
SEED = 20181101

# Outlets whose house style shapes what their editors put in a summary; cleaning removes their
# datelines, credits and footers, which still name them.
OUTLETS: tuple[str, ...] = (
    "antara", "cnn", "detik", "juara", "kompas", "liputan6", "merdeka", "okezone", "pos kota",
    "rimanews", "suara", "tempo", "tribun", "dailysocial",
)
REMOVED_KINDS: tuple[str, ...] = ("dateline", "credit", "footer", "link", "caption")

FEATURE_NAMES: tuple[str, ...] = (
    "index", "log_index", "relative_position", "is_first", "in_first_three",
    "paragraph_index", "relative_paragraph", "position_in_paragraph", "paragraph_start",
    "paragraph_sentences", "doc_sentences", "log_doc_sentences",
    "words", "log_words", "chars", "is_short",
    "pagerank", "pagerank_rank", "sim_document", "sim_lead", "sim_title", "has_title",
    "keyword_share", "max_sim_previous",
    "has_quote", "starts_with_quote", "attribution", "first_person", "question",
    "ends_with_colon", "digit_share", "has_number", "boilerplate", "dateline", "capital_share",
    *(f"removed_{kind}" for kind in REMOVED_KINDS), *(f"outlet_{name}" for name in OUTLETS),
)

_QUOTE_RE = re.compile(r"[\"“”]")
_ATTRIBUTION_RE = re.compile(
    r"\b(?:kata|katanya|ujar|ujarnya|ucap|ucapnya|ungkap|ungkapnya|jelas|jelasnya|tutur|"
    r"tuturnya|imbuh|imbuhnya|tambah|tambahnya|pungkas|pungkasnya|sebut|sebutnya|terang|"
    r"terangnya|lanjut|lanjutnya|tegas|tegasnya|papar|paparnya)\b",
    re.IGNORECASE,
)
_PERSON_RE = re.compile(
    r"\b(?:saya|kami|kita|aku|gue|gua|kamu|anda|sih|nggak|enggak|gak|dong|kok)\b", re.IGNORECASE
)
_BOILERPLATE_RE = re.compile(
    r"baca juga|simak|klik|unduh|download|follow|berlangganan|dailysocial|\bfoto\b|\bdok\b|"
    r"ilustrasi|www\.|https?://|\.com\b|@|\bvideo\b",
    re.IGNORECASE,
)
_DATELINE_RE = re.compile(r"^[A-Z][\w .]{1,40},\s*[\w .]{2,40}\s*[-–—]")
_DIGIT_RE = re.compile(r"\d")


def document_features(doc: Document) -> tuple[np.ndarray, np.ndarray]:
    """(features: n_sentences x len(FEATURE_NAMES), cosine similarity matrix) of one document."""
    n = len(doc)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES))), np.zeros((0, 0))
    texts = list(doc.sentences) + ([doc.title] if doc.title else [])
    vectors = tfidf_matrix(texts)
    sentence_vectors = vectors[:n]
    similarity = similarity_matrix(sentence_vectors)
    ranks = pagerank(similarity)

    index = np.arange(n, dtype=float)
    paragraph = np.array(doc.paragraph_of, dtype=float)
    n_paragraphs = paragraph.max() + 1
    in_paragraph = np.array(doc.position_in_paragraph, dtype=float)
    paragraph_sizes = np.bincount(np.array(doc.paragraph_of), minlength=int(n_paragraphs))
    words = np.array([len(word_tokens(s)) for s in doc.sentences], dtype=float)
    chars = np.array([len(s) for s in doc.sentences], dtype=float)

    centroid = sentence_vectors.sum(axis=0)
    norm = np.linalg.norm(centroid)
    sim_document = sentence_vectors @ (centroid / norm) if norm > 0 else np.zeros(n)
    sim_lead = similarity[0]
    sim_title = (
        np.clip(sentence_vectors @ vectors[n], 0.0, 1.0) if doc.title else np.zeros(n)
    )
    top = np.argsort(-centroid, kind="stable")[: min(10, int((centroid > 0).sum()))]
    present = sentence_vectors[:, top] > 0
    keyword_share = present.mean(axis=1) if len(top) else np.zeros(n)
    earlier = np.tril(similarity, k=-1)
    max_sim_previous = earlier.max(axis=1) if n > 1 else np.zeros(n)
    order = np.argsort(-ranks, kind="stable")
    pagerank_rank = np.empty(n)
    pagerank_rank[order] = np.arange(n) / max(n - 1, 1)

    def flag(pattern: re.Pattern[str]) -> np.ndarray:
        return np.array([bool(pattern.search(s)) for s in doc.sentences], dtype=float)

    digits = np.array([len(_DIGIT_RE.findall(s)) for s in doc.sentences], dtype=float)
    capitals = np.array(
        [sum(w[:1].isupper() for w in ws) / max(len(ws), 1)
         for ws in (word_tokens(s) for s in doc.sentences)]
    )
    columns = [
        index, np.log1p(index), index / max(n - 1, 1), index == 0, index < 3,
        paragraph, paragraph / max(n_paragraphs - 1, 1), in_paragraph, in_paragraph == 0,
        paragraph_sizes[np.array(doc.paragraph_of)], np.full(n, n), np.full(n, math.log(n)),
        words, np.log1p(words), chars, words < 5,
        ranks * n, pagerank_rank, sim_document, sim_lead, sim_title, np.full(n, bool(doc.title)),
        keyword_share, max_sim_previous,
        flag(_QUOTE_RE), np.array([s[:1] in "\"“" for s in doc.sentences]) * 1.0,
        flag(_ATTRIBUTION_RE), flag(_PERSON_RE),
        np.array([s.rstrip().endswith("?") for s in doc.sentences]) * 1.0,
        np.array([s.rstrip().endswith(":") for s in doc.sentences]) * 1.0,
        digits / np.maximum(chars, 1.0), digits > 0, flag(_BOILERPLATE_RE), flag(_DATELINE_RE),
        capitals,
    ]
    removed_text = " ".join(text for _, text in doc.removed).lower()
    removed_kinds = {kind for kind, _ in doc.removed}
    columns += [np.full(n, kind in removed_kinds) for kind in REMOVED_KINDS]
    columns += [np.full(n, name in removed_text) for name in OUTLETS]
    features = np.column_stack([np.asarray(c, dtype=float) for c in columns])
    return features, similarity


def flat_labels(record: dict[str, Any]) -> list[bool] | None:
    """The record's `gold_labels` flattened to one bool per sentence, or None when absent."""
    labels = record.get("gold_labels")
    if labels is None:
        return None
    flat = [bool(x) for paragraph in labels for x in paragraph]
    n = sum(len(p) for p in record.get("paragraphs", []))
    if len(flat) != n:
        raise BeritaError(
            f"record {record.get('id')!r}: gold_labels has {len(flat)} labels for {n} sentences"
        )
    return flat


def _one_thread() -> Any:
    """Run scikit-learn's OpenMP code on one thread.

    Measured here: fitting the gradient boosting on a busy 2-core machine took 122 s with the
    default OpenMP threads and 1.8 s with one (threads spin while waiting for a core), and
    per-document predictions are far too small to gain from threads.
    """
    from threadpoolctl import threadpool_limits

    return threadpool_limits(1)


CLASSIFIERS = ("gradient-boosting", "logistic")


def make_classifier(model: str, random_state: int = SEED, *, regression: bool = False) -> Any:
    """A fresh scikit-learn estimator for `model` ('gradient-boosting' or 'logistic').

    With `regression`, the gradient-boosting variant regresses a soft target in 0..1 instead.
    """
    if model == "gradient-boosting":
        from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor

        estimator = HistGradientBoostingRegressor if regression else HistGradientBoostingClassifier
        return estimator(
            # A fixed number of rounds (chosen on the dev split): early stopping would hold out a
            # random tenth of the rows and make the model depend on the seed.
            learning_rate=0.05, max_iter=300, max_leaf_nodes=31, min_samples_leaf=40,
            l2_regularization=1.0, early_stopping=False, random_state=random_state,
        )
    if model == "logistic":
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000))
    raise ValueError(
        f"The 'model' parameter of ExtractiveSummarizer must be a str among "
        f"{{'gradient-boosting', 'logistic'}}. Got {model!r} instead."
    )


def mmr_ranking(
    probabilities: np.ndarray, similarity: np.ndarray, mmr_lambda: float
) -> list[tuple[int, float]]:
    """Order sentences by Maximal Marginal Relevance (relevance = probability), best first.

    Each step takes argmax of lambda x p(i) - (1 - lambda) x max similarity to those taken;
    the score reported is the sentence's probability.
    """
    n = len(probabilities)
    remaining = list(range(n))
    taken: list[int] = []
    redundancy = np.zeros(n)
    while remaining:
        candidates = np.array(remaining)
        value = mmr_lambda * probabilities[candidates] - (1 - mmr_lambda) * redundancy[candidates]
        best = int(candidates[int(np.argmax(value))])  # argmax: ties go to the earlier sentence
        taken.append(best)
        remaining.remove(best)
        redundancy = np.maximum(redundancy, similarity[best])
    return [(i, float(probabilities[i])) for i in taken]


class ExtractiveSummarizer:
    """Sentence-extraction model: features -> classifier -> MMR (a scikit-learn style estimator).

    Parameters
    ----------
    model : {'gradient-boosting', 'logistic'}
        The sentence classifier.
    mmr_lambda : float
        Relevance weight in MMR (1.0 = pure probability order).
    soft_weight : float
        With references given to `fit` (gradient boosting only), the target is
        `(1 - soft_weight) * gold label + soft_weight * ROUGE-1 F1 of the sentence against the
        reference`: the oracle's labels are sparse (most sentences near a summary sentence are
        simply 0), the soft part tells the model how close each sentence comes. 0.5 was best of
        {0, 0.3, 0.5, 0.7} on the dev split (70.8 vs 70.3 ROUGE-1 for labels only).
    random_state : int
        Seed of the classifier.
    """

    def __init__(
        self,
        model: str = "gradient-boosting",
        mmr_lambda: float = 0.9,
        soft_weight: float = 0.5,
        random_state: int = SEED,
    ) -> None:
        self.model = model
        self.mmr_lambda = mmr_lambda
        self.soft_weight = soft_weight
        self.random_state = random_state

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The constructor parameters (scikit-learn convention)."""
        return {"model": self.model, "mmr_lambda": self.mmr_lambda,
                "soft_weight": self.soft_weight, "random_state": self.random_state}

    def set_params(self, **params: Any) -> ExtractiveSummarizer:
        """Set constructor parameters (scikit-learn convention)."""
        for key, value in params.items():
            if key not in self.get_params():
                raise ValueError(f"Invalid parameter {key!r} for ExtractiveSummarizer.")
            setattr(self, key, value)
        return self

    def fit(
        self,
        X: Sequence[Document],
        y: Sequence[Sequence[bool]],
        references: Sequence[str | None] | None = None,
    ) -> ExtractiveSummarizer:
        """Fit on documents `X`, their per-sentence labels `y` and (optionally) references."""
        for name in ("mmr_lambda", "soft_weight"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(
                    f"The '{name}' parameter of ExtractiveSummarizer must be a float in [0, 1]. "
                    f"Got {getattr(self, name)!r} instead."
                )
        features, labels = stack_features(X, y)
        if len(set(labels.tolist())) < 2:
            raise ValueError("training data needs both summary and non-summary sentences")
        soft = (
            references is not None
            and self.soft_weight > 0
            and self.model == "gradient-boosting"
            and all(references)
        )
        with _one_thread():
            self.classifier_ = make_classifier(self.model, self.random_state, regression=soft)
            if soft:
                overlap = soft_targets(X, references)  # type: ignore[arg-type]
                target = (1 - self.soft_weight) * labels + self.soft_weight * overlap
                self.classifier_.fit(features, target)
            else:
                self.classifier_.fit(features, labels)
        self.regression_ = soft
        self.feature_names_ = FEATURE_NAMES
        self.n_documents_ = len(X)
        return self

    def _probabilities(self, features: np.ndarray) -> np.ndarray:
        if not len(features):
            return np.zeros(0)
        with _one_thread():
            if getattr(self, "regression_", False):
                return np.clip(self.classifier_.predict(features), 0.0, 1.0)
            return self.classifier_.predict_proba(features)[:, 1]

    def _check_fitted(self) -> None:
        if not hasattr(self, "classifier_"):
            from sklearn.exceptions import NotFittedError

            raise NotFittedError("This ExtractiveSummarizer is not fitted yet; call fit first.")

    def predict_proba(self, doc: Document) -> np.ndarray:
        """P(in summary) of every sentence of one document."""
        self._check_fitted()
        return self._probabilities(document_features(doc)[0])

    def rank(self, doc: Document) -> Ranking:
        """Sentences of one document ordered by MMR over the predicted probabilities."""
        self._check_fitted()
        features, similarity = document_features(doc)
        if not len(features):
            return []
        return mmr_ranking(self._probabilities(features), similarity, self.mmr_lambda)

    def predict(self, X: Sequence[Document], n_sentences: int = 3) -> list[list[int]]:
        """Indices of the chosen sentences of each document, in document order."""
        from pipeline.summarize import select

        return [[i for i, _ in select(d, self.rank(d), n_sentences)] for d in X]


def soft_targets(docs: Sequence[Document], references: Sequence[str]) -> np.ndarray:
    """ROUGE-1 F1 (0..1) of every sentence of every document against its reference."""
    from pipeline.rouge import rouge

    return np.array([
        rouge(sentence, reference)["rouge1"] / 100.0
        for doc, reference in zip(docs, references, strict=True)
        for sentence in doc.sentences
    ])


def stack_features(
    docs: Sequence[Document], labels: Sequence[Sequence[bool]]
) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and labels of every sentence of every document."""
    blocks: list[np.ndarray] = []
    targets: list[bool] = []
    for doc, doc_labels in zip(docs, labels, strict=True):
        if len(doc_labels) != len(doc):
            raise ValueError(f"{len(doc_labels)} labels for a document of {len(doc)} sentences")
        if len(doc):
            blocks.append(document_features(doc)[0])
            targets.extend(bool(x) for x in doc_labels)
    if not blocks:
        raise ValueError("no sentences to train on")
    return np.vstack(blocks), np.array(targets, dtype=int)


def compare_models(
    docs: Sequence[Document], labels: Sequence[Sequence[bool]], *, folds: int = 5
) -> dict[str, dict[str, float]]:
    """Grouped (by document) cross-validated ROC AUC and average precision of each classifier."""
    from sklearn.model_selection import GroupKFold, cross_validate

    features, targets = stack_features(docs, labels)
    groups = np.repeat(np.arange(len(docs)), [len(d) for d in docs])
    results: dict[str, dict[str, float]] = {}
    for model in ("gradient-boosting", "logistic"):
        with _one_thread():
            scores = cross_validate(
                make_classifier(model), features, targets, groups=groups,
                cv=GroupKFold(n_splits=folds), scoring=("roc_auc", "average_precision"),
            )
        results[model] = {
            "roc_auc": round(float(np.mean(scores["test_roc_auc"])), 4),
            "average_precision": round(float(np.mean(scores["test_average_precision"])), 4),
        }
    return results


def tune_mmr(
    summarizer: ExtractiveSummarizer,
    docs: Sequence[Document],
    references: Sequence[str],
    *,
    n_sentences: int = 3,
    lambdas: Sequence[float] = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0),
) -> tuple[float, dict[str, float]]:
    """The MMR lambda with the best mean ROUGE-1 F1 on (dev) documents, and every lambda's score."""
    from pipeline.rouge import rouge
    from pipeline.summarize import select

    prepared = []
    for doc in docs:
        features, similarity = document_features(doc)
        prepared.append((doc, summarizer._probabilities(features), similarity))
    scores: dict[str, float] = {}
    for value in lambdas:
        total = 0.0
        for (doc, p, similarity), reference in zip(prepared, references, strict=True):
            chosen = select(doc, mmr_ranking(p, similarity, value), n_sentences)
            total += rouge(" ".join(doc.sentences[i] for i, _ in chosen), reference)["rouge1"]
        scores[str(value)] = round(total / max(len(docs), 1), 4)
    best = max(lambdas, key=lambda v: (scores[str(v)], v))
    return best, scores


def fit_on_split(
    train: Sequence[dict[str, Any]], dev: Sequence[dict[str, Any]], *, model: str | None = None
) -> tuple[ExtractiveSummarizer, dict[str, Any]]:
    """Choose the classifier by grouped CV on `train` (unless `model` is given), tune MMR on
    `dev`, then refit on both; returns the summarizer and what was measured on the way."""
    from pipeline.summarize import Document

    labelled = [(Document.from_record(r), flat_labels(r), r.get("reference")) for r in train]
    labelled = [(d, y, ref) for d, y, ref in labelled if y is not None]
    if not labelled:
        raise BeritaError("no training record has gold_labels: cannot train a summarizer")
    docs = [d for d, _, _ in labelled]
    labels = [y for _, y, _ in labelled]
    references = [ref for _, _, ref in labelled]
    info: dict[str, Any] = {"train_documents": len(docs), "train_sentences": sum(map(len, docs))}
    if model is None:
        info["cv"] = compare_models(docs, labels)
        model = max(info["cv"], key=lambda m: info["cv"][m]["average_precision"])
    summarizer = ExtractiveSummarizer(model=model).fit(docs, labels, references)
    tune = [r for r in dev if r.get("reference")]
    if tune:
        lam, scores = tune_mmr(
            summarizer, [Document.from_record(r) for r in tune], [r["reference"] for r in tune]
        )
        summarizer.set_params(mmr_lambda=lam)
        info["dev_documents"] = len(tune)
        info["dev_rouge1_by_mmr_lambda"] = scores
    # Choices made, the final model learns from train and dev together (test stays unseen).
    extra = [(Document.from_record(r), flat_labels(r), r.get("reference")) for r in dev]
    extra = [(d, y, ref) for d, y, ref in extra if y is not None]
    if extra:
        summarizer.fit(
            docs + [d for d, _, _ in extra],
            labels + [y for _, y, _ in extra],
            references + [ref for _, _, ref in extra],
        )
        info["refit_documents"] = len(docs) + len(extra)
    info["params"] = summarizer.get_params()
    return summarizer, info


def train_summarizer(
    data: Sequence[str | Path], out_dir: str | Path, *, model: str | None = None
) -> dict[str, Any]:
    """Train on the `train` and `dev` parts of `data` (`test` stays unseen) and write
    `summarizer.joblib` + `summarizer.json` into `out_dir`; returns the JSON metadata.

    `model` fixes the classifier; by default it is chosen by grouped cross-validation.
    """
    if model is not None and model not in CLASSIFIERS:
        raise BeritaError(
            f"--classifier {model!r} is not one of: {', '.join(CLASSIFIERS)}"
        )
    import joblib
    import sklearn

    from pipeline.artifacts import atomic_writer, write_json
    from pipeline.clean_stage import load_records
    from pipeline.evaluation.split import split_records

    started = time.perf_counter()
    parts = split_records(load_records([str(p) for p in data]))
    summarizer, info = fit_on_split(parts["train"], parts["dev"], model=model)
    out = Path(out_dir)
    with atomic_writer(out / MODEL_FILE, "wb") as handle:
        joblib.dump(summarizer, handle)
    meta = {
        **info,
        "features": list(FEATURE_NAMES),
        "split": {name: len(records) for name, records in parts.items()},
        "sklearn": sklearn.__version__,
        "duration_s": round(time.perf_counter() - started, 2),
    }
    write_json(out / META_FILE, meta)
    return meta


def load_summarizer(model_dir: str | Path) -> ExtractiveSummarizer:
    """Load a summarizer written by `train_summarizer`."""
    import joblib

    path = Path(model_dir) / MODEL_FILE
    if not path.is_file():
        raise BeritaError(f"{model_dir}: no trained summarizer (expected {MODEL_FILE}); "
                          "run `berita train-summarizer` first")
    try:
        summarizer = joblib.load(path)
    except Exception as exc:  # noqa: BLE001 - any unpickling failure is a bad model file
        raise BeritaError(f"{path}: cannot load the summarizer ({type(exc).__name__})") from None
    if not isinstance(summarizer, ExtractiveSummarizer):
        raise BeritaError(f"{path}: not a berita summarizer")
    return summarizer


def rank(doc: Document, *, model: ExtractiveSummarizer | None = None, **_: Any) -> Ranking:
    """Rank the sentences of `doc` with a trained summarizer (see `load_summarizer`)."""
    if model is None:
        raise BeritaError("method 'supervised' needs a trained summarizer: pass --model DIR")
    return model.rank(doc)


__all__ = [
    "FEATURE_NAMES", "ExtractiveSummarizer", "compare_models", "document_features",
    "fit_on_split", "load_summarizer", "mmr_ranking", "train_summarizer",
]
