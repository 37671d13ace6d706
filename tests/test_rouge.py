"""ROUGE with the IndoSum paper's preprocessing: lowercase, no punctuation, digits -> 0."""

from __future__ import annotations

import pytest

from pipeline.rouge import IndoSumTokenizer, indosum_tokens, mean_rouge, rouge, rouge_matrix


def test_tokens_are_lowercased_without_punctuation_and_digits_become_zero() -> None:
    text = 'Presiden Jokowi tiba di Bandung, Senin (3/6), pukul 10.30 WIB: "Rp 1.500!"'
    assert indosum_tokens(text) == [
        "presiden", "jokowi", "tiba", "di", "bandung", "senin", "0", "0",
        "pukul", "00", "00", "wib", "rp", "0", "000",
    ]


def test_reduplication_and_accented_letters_survive() -> None:
    tokens = indosum_tokens("Anak-anak menonton Café Ólé.")
    assert tokens == ["anak-anak", "menonton", "café", "ólé"]
    assert IndoSumTokenizer().tokenize("Dua-duanya 2024") == ["dua-duanya", "0000"]


def test_identical_text_scores_100_and_disjoint_text_scores_0() -> None:
    same = rouge("Harga cabai naik tajam.", "harga CABAI naik tajam")
    assert same == pytest.approx({"rouge1": 100.0, "rouge2": 100.0, "rougeL": 100.0})
    assert rouge("Harga cabai naik.", "Timnas menang telak.")["rouge1"] == 0.0


def test_numbers_match_after_digits_become_zero() -> None:
    # Different numbers of the same shape count as the same token, as in the IndoSum paper.
    assert rouge("Korban tewas 12 orang", "korban tewas 47 orang")["rouge1"] == pytest.approx(100.0)
    assert rouge("Korban tewas 12 orang", "korban tewas 147 orang")["rouge1"] < 100.0


def test_partial_overlap_is_the_f1_of_unigram_precision_and_recall() -> None:
    # candidate 4 tokens, reference 2 tokens, overlap 2: P = 0.5, R = 1, F1 = 2/3.
    assert rouge("banjir melanda kota Semarang", "banjir Semarang")["rouge1"] == pytest.approx(
        200 / 3
    )


def test_mean_and_matrix() -> None:
    pairs = [("a b", "a b"), ("a b", "c d")]
    assert mean_rouge(pairs)["rouge1"] == pytest.approx(50.0)
    assert mean_rouge([]) == {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    assert [row["rouge1"] for row in rouge_matrix(["a b", "a b"], ["a b", "c d"])] == [100.0, 0.0]
    with pytest.raises(ValueError, match="align"):
        rouge_matrix(["a"], [])
