"""Topic discovery for unlabelled corpora: NMF on TF-IDF, topics shown as surface-form terms."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pipeline.errors import BeritaError, TooFewTopicsError
from pipeline.keywords import (
    KEYWORD_ANALYZER,
    KEYWORD_STOP_WORDS,
    KEYWORD_WEAK_WORDS,
    best_form,
    surface_counts,
)
from pipeline.tag import min_df_for
from pipeline.terms import model_text

SEED = 20181101
TOP_TERMS = 10


def discover_topics(
    records: Iterable[dict[str, Any]],
    k: int,
    *,
    top_terms: int = TOP_TERMS,
    seed: int = SEED,
) -> dict[str, Any]:
    """Find `k` topics in `records` with NMF (init "nndsvda", fixed seed) on TF-IDF.

    Returns a JSON-ready dict: each topic's top terms (words and two-word phrases in their most
    frequent surface form across the corpus, never stems or stop words) with weights, and each
    document's topic mix (weights summing to 1, or all 0 for a document with no known term).
    """
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    ids: list[str] = []
    texts: list[str] = []
    seen: Counter[str] = Counter()
    for record in records:
        record_id = str(record.get("id"))
        seen[record_id] += 1
        # the mix is keyed by id: a repeated id gets its occurrence number (`x#2`)
        ids.append(record_id if seen[record_id] == 1 else f"{record_id}#{seen[record_id]}")
        texts.append(model_text(record))
    if k < 1:
        raise BeritaError(f"-k must be at least 1, got {k}")
    if len(texts) < 2:
        raise TooFewTopicsError(f"topics need at least 2 documents, got {len(texts)}")
    if k > len(texts):
        raise TooFewTopicsError(f"-k {k} is more topics than the {len(texts)} documents given")
    min_df = min_df_for(len(texts))
    vectorizer = TfidfVectorizer(
        analyzer=KEYWORD_ANALYZER,
        sublinear_tf=True,
        min_df=min_df,
        max_df=0.5 if min_df > 1 else 1.0,
    )
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:
        message = (
            "no words to model: every document is empty or only stop words"
            if min_df == 1
            else f"no words to model: no word is in at least {min_df} documents and at most "
            "half of them (the documents are empty, only stop words, or all alike)"
        )
        raise TooFewTopicsError(message) from None
    if matrix.shape[1] < k:
        raise TooFewTopicsError(f"-k {k} is more topics than the {matrix.shape[1]} distinct terms")
    nmf = NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=500)
    mix = nmf.fit_transform(matrix)
    vocabulary = vectorizer.get_feature_names_out()

    # Shown terms pass the keywords' filters (units, clock words, `barat` alone); the model
    # itself keeps every feature.
    shown = {i for i, term in enumerate(vocabulary) if _showable(str(term))}
    top_indices = [
        [i for i in row.argsort()[::-1] if i in shown][:top_terms] for row in nmf.components_
    ]
    wanted = {str(vocabulary[i]) for row in top_indices for i in row}
    forms = _corpus_surface_forms(texts, wanted)
    topics = []
    for number, (row, indices) in enumerate(zip(nmf.components_, top_indices, strict=True)):
        scale = float(row[indices[0]]) or 1.0
        terms = [
            {
                "term": forms.get(str(vocabulary[i]), str(vocabulary[i])),
                "weight": round(float(row[i]) / scale, 4),
            }
            for i in indices
            if row[i] > 0
        ]
        share = float(mix[:, number].sum())
        topics.append({"topic": number, "terms": terms, "weight": round(share, 4)})
    total = float(mix.sum()) or 1.0
    for topic in topics:
        topic["weight"] = round(topic["weight"] / total, 4)

    documents: dict[str, list[float]] = {}
    for record_id, weights in zip(ids, mix, strict=True):
        norm = float(weights.sum())
        documents[record_id] = [round(float(w) / norm, 4) if norm else 0.0 for w in weights]
    return {
        "k": k,
        "n_documents": len(texts),
        "params": {"init": "nndsvda", "seed": seed, "min_df": min_df, "top_terms": top_terms},
        "reconstruction_error": round(float(nmf.reconstruction_err_), 4),
        "topics": topics,
        "documents": dict(sorted(documents.items())),
    }


def _showable(term: str) -> bool:
    """Whether a topic term may be shown: as for keywords, no unit, clock or reporting word, and
    no weak word on its own."""
    words = term.split(" ")
    if any(w in KEYWORD_STOP_WORDS for w in words):
        return False
    return len(words) > 1 or term not in KEYWORD_WEAK_WORDS


def _corpus_surface_forms(texts: Sequence[str], wanted: set[str]) -> dict[str, str]:
    """The most frequent surface form across the corpus of each wanted term."""
    counts: dict[str, Counter[str]] = {key: Counter() for key in wanted}
    for text in texts:
        for key, forms in surface_counts(KEYWORD_ANALYZER.units(text)).items():
            if key in counts:
                counts[key].update(forms)
    return {key: best_form(c) for key, c in counts.items() if c}


def run_topics(
    inputs: Sequence[str | Path], output: str | Path, *, k: int, top_terms: int = TOP_TERMS
) -> dict[str, Any]:
    """Discover `k` topics in `inputs` (any input the clean stage reads) and write JSON.

    The artifact depends only on the records (byte-identical on a re-run); where they came from
    and how long it took go into the report beside it (`topics.report.json`).
    """
    from pipeline import __version__
    from pipeline.artifacts import report_path, write_json
    from pipeline.clean_stage import load_records

    started = time.perf_counter()
    result = discover_topics(load_records(list(inputs)), k, top_terms=top_terms)
    write_json(output, result)
    write_json(report_path(output), {
        "counts": {"in": result["n_documents"], "topics": k},
        "duration_s": round(time.perf_counter() - started, 3),
        "inputs": [Path(p).as_posix() for p in inputs],
        "params": result["params"],
        "stage": "topics",
        "version": __version__,
    })
    return result
