"""LexRank (Erkan & Radev 2004) exactly as sumy's `LexRankSummarizer` computes it, vectorized.

Same words, math and tie-breaking as sumy 0.13 driven with our Indonesian resources
(`pipeline.sumy_methods`): a sentence's terms are its `IndonesianTokenizer` words, lowercased,
minus our stop words, stemmed with our cached Sastrawi `stem`; tf = count / the sentence's
largest count; idf = log(N / (1 + n_j)) with each sentence a "document"; idf-modified cosine;
edges where cosine > 0.1; rows divided by their degree; sumy's power method (epsilon 0.1);
sentences with the same text share the rating of the last one (sumy keys ratings by sentence);
ties keep document order. What changes is how: one term-count matrix per document and one
matrix product for all the cosines instead of sumy's Python loop over every pair (O(n^2) set
and dict work), and a per-process cache from surface word to term.

Cosines come out of a different summation order than sumy's, so they can differ from sumy's in
the last bit; an edge flips only when a cosine lies within ~1e-16 of the threshold.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from pipeline.language import WORD_PATTERN, stem, stop_words, word_tokens

if TYPE_CHECKING:
    from pipeline.summarize import Document, Ranking

THRESHOLD = 0.1  # sumy's LexRankSummarizer.threshold
EPSILON = 0.1  # sumy's LexRankSummarizer.epsilon

# Per-process caches: surface word -> term id (STOP for a stop word), term -> id. Ids are only
# compared within one document, so the caches can be dropped whole when they grow too large.
STOP = -1
_MISSING = -2
_WORD_IDS: dict[str, int] = {}
_TERM_IDS: dict[str, int] = {}
_CACHE_MAX = 500_000
# Above this many sentence x term cells the weights are kept sparse (very long documents).
DENSE_MAX = 1_000_000
# Words as `pipeline.language.word_tokens` finds them (sumy's words), plus a sentence separator.
_SEPARATOR = "\x1e"
_SEPARATOR_ID = -3
_WORD_IDS[_SEPARATOR] = _SEPARATOR_ID
_tokens = re.compile(f"{WORD_PATTERN}|{_SEPARATOR}").findall


@lru_cache(maxsize=1)
def _stops() -> frozenset[str]:
    # sumy's `stop_words` setter lowercases each word (ours are already NFC + lowercase).
    return frozenset(w.lower() for w in stop_words())


def _word_id(word: str) -> int:
    lowered = word.lower()
    if lowered in _stops():
        term_id = STOP
    else:
        term = stem(lowered)  # sumy: stemmer(normalize_word(word))
        term_id = _TERM_IDS.setdefault(term, len(_TERM_IDS))
    _WORD_IDS[word] = term_id
    return term_id


def sentence_terms(sentence: str) -> list[str]:
    """The LexRank terms of one sentence: lowercased stems of its words, stop words dropped."""
    stops = _stops()
    return [stem(w) for w in (word.lower() for word in word_tokens(sentence)) if w not in stops]


def _term_ids(sentences: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(sentence index, term id) of every non-stop word of `sentences`, in order."""
    if len(_WORD_IDS) > _CACHE_MAX:
        _WORD_IDS.clear()
        _TERM_IDS.clear()
        _WORD_IDS[_SEPARATOR] = _SEPARATOR_ID
    # One regex pass and one cache lookup pass over the whole document; the separator is never
    # part of a word, so replacing a stray one by a space changes no word.
    joined = _SEPARATOR.join(sentences)
    if joined.count(_SEPARATOR) != len(sentences) - 1:
        joined = _SEPARATOR.join(s.replace(_SEPARATOR, " ") for s in sentences)
    tokens = _tokens(joined)
    found = list(map(_WORD_IDS.get, tokens))
    if None in found:
        found = [_word_id(t) if i is None else i for i, t in zip(found, tokens, strict=True)]
    ids = np.array(found, dtype=np.intp)
    rows = np.cumsum(ids == _SEPARATOR_ID)
    keep = ids >= 0
    return rows[keep], ids[keep]


@lru_cache(maxsize=1024)
def _idf_table(n: int) -> np.ndarray:
    # idf by document frequency 0..n; math.log, not np.log: the same correctly rounded values as
    # sumy's (numpy's SIMD log may differ in the last bit).
    return np.array([math.log(n / (1 + df)) for df in range(n + 1)])


def tf_idf_matrix(sentences: Sequence[str]) -> np.ndarray | Any:
    """Rows of tf x idf weights (sumy's `_compute_tf` and `_compute_idf`), one per sentence.

    A dense array, or a scipy CSR matrix when dense would exceed `DENSE_MAX` cells.
    """
    n = len(sentences)
    rows, term_ids = _term_ids(sentences)
    vocabulary, columns = np.unique(term_ids, return_inverse=True)
    size = len(vocabulary)
    idf = _idf_table(n)
    if n * size <= DENSE_MAX:
        counts = np.bincount(rows * size + columns, minlength=n * size).reshape(n, size)
        max_tf = counts.max(axis=1, initial=0)
        max_tf[max_tf == 0] = 1
        tf = counts / max_tf[:, None]  # int / int: correctly rounded, as in Python
        return tf * idf[np.count_nonzero(counts, axis=0)]
    from scipy.sparse import csr_matrix

    cells, counts = np.unique(rows * size + columns, return_counts=True)
    rows, columns = np.divmod(cells, size)
    max_tf = np.ones(n, dtype=np.intp)
    np.maximum.at(max_tf, rows, counts)
    values = counts / max_tf[rows] * idf[np.bincount(columns, minlength=size)[columns]]
    return csr_matrix((values, (rows, columns)), shape=(n, size))


def cosine_matrix(weights: np.ndarray | Any) -> np.ndarray:
    """idf-modified cosine of every pair of rows (0 where a row has no weight), one product."""
    if isinstance(weights, np.ndarray):
        gram = weights @ weights.T
    else:
        gram = (weights @ weights.T).toarray()
    norms = np.sqrt(np.diagonal(gram))
    denominator = np.outer(norms, norms)
    out = np.zeros_like(gram)
    np.divide(gram, denominator, out=out, where=denominator > 0)
    return out


def transition_matrix(cosines: np.ndarray, threshold: float = THRESHOLD) -> np.ndarray:
    """sumy's `_create_matrix`: 1 where cosine > threshold, each row divided by its degree."""
    adjacency = (cosines > threshold).astype(float)
    degrees = adjacency.sum(axis=1)
    degrees[degrees == 0] = 1.0
    return adjacency / degrees[:, None]


def power_method(matrix: np.ndarray, epsilon: float = EPSILON) -> np.ndarray:
    """sumy's `power_method`, operation for operation (so the scores match it bit for bit)."""
    transposed = matrix.T
    count = len(matrix)
    p_vector = np.array([1.0 / count] * count)
    lambda_val = 1.0
    with np.errstate(invalid="ignore", divide="ignore"):  # an edgeless graph gives NaN, as in sumy
        while lambda_val > epsilon:
            next_p = np.dot(transposed, p_vector)
            next_p /= np.linalg.norm(next_p)
            lambda_val = np.linalg.norm(np.subtract(next_p, p_vector))
            p_vector = next_p
    return p_vector


def lexrank_scores(
    sentences: Sequence[str], *, threshold: float = THRESHOLD, epsilon: float = EPSILON
) -> list[float]:
    """The LexRank rating of each sentence, as sumy rates it (duplicates share the last rating)."""
    if not sentences:
        return []
    cosines = cosine_matrix(tf_idf_matrix(sentences))
    scores = power_method(transition_matrix(cosines, threshold), epsilon)
    last = {text: index for index, text in enumerate(sentences)}
    return [float(scores[last[text]]) for text in sentences]


def rank(
    doc: Document, *, threshold: float = THRESHOLD, epsilon: float = EPSILON, **_: Any
) -> Ranking:
    """Rank the sentences of `doc` by LexRank, best first (ties: earlier sentence first).

    `threshold` and `epsilon` are sumy's attributes of the same names (its defaults: 0.1, 0.1).
    """
    ratings = lexrank_scores(doc.sentences, threshold=threshold, epsilon=epsilon)
    # Python's stable sort on the same floats as sumy's `_get_best_sentences` (NaN included).
    order = sorted(range(len(ratings)), key=ratings.__getitem__, reverse=True)
    return [(i, ratings[i]) for i in order]


__all__ = [
    "EPSILON",
    "THRESHOLD",
    "DENSE_MAX",
    "cosine_matrix",
    "lexrank_scores",
    "power_method",
    "rank",
    "sentence_terms",
    "tf_idf_matrix",
    "transition_matrix",
]
