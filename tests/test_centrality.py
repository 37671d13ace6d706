"""Position-aware centrality: TF-IDF graph, PageRank, the position prior and the tuning grid."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.centrality import (
    CentralityParams,
    pagerank,
    rank,
    similarity_matrix,
    tfidf_matrix,
    tune_centrality,
)
from pipeline.summarize import Document

HUB = Document.from_paragraphs(
    [
        ["Cuaca cerah menyelimuti pantai pagi itu."],
        ["Harga beras naik di pasar, harga gula naik, harga minyak goreng juga naik."],
        ["Pedagang pasar mengeluhkan harga beras yang naik."],
        ["Harga gula di pasar naik dua kali dalam sebulan."],
        ["Pembeli menyebut harga minyak goreng naik lagi."],
    ]
)


def test_tfidf_rows_are_unit_length_and_empty_sentences_are_zero() -> None:
    vectors = tfidf_matrix(["Harga beras naik.", "", "Harga gula naik tajam."])
    assert np.linalg.norm(vectors, axis=1) == pytest.approx([1.0, 0.0, 1.0])
    similarity = similarity_matrix(vectors)
    assert similarity[0, 2] > 0 and similarity[0, 1] == 0


def test_pagerank_sums_to_one_and_favours_the_hub() -> None:
    star = np.zeros((4, 4))
    star[0, 1:] = star[1:, 0] = 1.0
    scores = pagerank(star)
    assert scores.sum() == pytest.approx(1.0)
    assert scores.argmax() == 0 and scores[1] == pytest.approx(scores[3])


def test_pagerank_of_a_graph_without_edges_is_uniform() -> None:
    assert pagerank(np.eye(3)) == pytest.approx([1 / 3] * 3)
    assert pagerank(np.zeros((0, 0))).shape == (0,)


def test_zero_centrality_weight_is_lead_and_a_large_one_picks_the_hub() -> None:
    lead_like = rank(HUB, params=CentralityParams(centrality_weight=0.0))
    assert [i for i, _ in lead_like] == [0, 1, 2, 3, 4]
    central = rank(HUB, params=CentralityParams(centrality_weight=10.0))
    assert central[0][0] == 1  # the sentence that shares words with every other one
    assert central[-1][0] == 0  # the off-topic one


def test_paragraph_start_bonus_promotes_paragraph_openers() -> None:
    doc = Document.from_paragraphs([["Satu kalimat.", "Dua kalimat."], ["Tiga kalimat."]])
    params = CentralityParams(centrality_weight=0.0, paragraph_start_bonus=1.0)
    assert [i for i, _ in rank(doc, params=params)] == [0, 2, 1]


def test_tuning_returns_the_best_grid_point() -> None:
    docs = [HUB, HUB]
    references = [HUB.sentences[1], HUB.sentences[1]]
    params, grid = tune_centrality(
        docs, references, n_sentences=1, weights=(0.0, 5.0), bonuses=(0.0,), thresholds=(0.0,)
    )
    assert params.centrality_weight == 5.0  # only the centrality-led ranking finds sentence 1
    assert grid["5.0/0.0/0.0"] == pytest.approx(100.0) and grid["0.0/0.0/0.0"] < 100.0
