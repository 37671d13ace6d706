"""Our vectorized LexRank ranks sentences exactly as sumy's LexRankSummarizer does."""

from __future__ import annotations

import math
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import lexrank
from pipeline.language import IndonesianTokenizer, stem, stop_words
from pipeline.summarize import Document, select
from pipeline.sumy_methods import SUMY_SETTINGS, build_document


def sumy_rank(
    doc: Document, threshold: float = lexrank.THRESHOLD, epsilon: float = lexrank.EPSILON
) -> list[tuple[int, float]]:
    """Every sentence as sumy's LexRankSummarizer rates it (our resources), best first."""
    from sumy.summarizers.lex_rank import LexRankSummarizer

    summarizer = LexRankSummarizer(stem)
    summarizer.stop_words = stop_words()
    summarizer.threshold, summarizer.epsilon = threshold, epsilon
    ranking: list[tuple[int, float]] = []

    def record(infos: list) -> list:
        ranking.extend((info.order, info.rating) for info in infos)
        return infos[:3]

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # sumy's 0/0 on an edgeless graph
        summarizer(build_document(doc, IndonesianTokenizer()), record)
    return ranking

# Hand-written articles (not from any corpus): paragraphs of sentence strings.
FLOOD = [
    [
        "Banjir merendam ratusan rumah di Kecamatan Grobogan setelah hujan deras turun "
        "sejak Minggu malam.",
        "Air sungai meluap dan menggenangi jalan utama desa setinggi lutut orang dewasa.",
    ],
    [
        "Petugas BPBD mengevakuasi warga lanjut usia ke balai desa dengan perahu karet.",
        "Kepala BPBD mengatakan banjir kali ini lebih besar daripada banjir tahun lalu.",
        "Warga diminta waspada karena hujan deras diperkirakan turun lagi malam ini.",
    ],
    [
        "Dinas Sosial membuka dapur umum untuk warga yang rumahnya terendam banjir.",
        "Bantuan selimut, beras dan air bersih dikirim ke balai desa sejak pagi.",
    ],
]
MATCH = [
    [
        "Persebaya menang dua gol tanpa balas atas Borneo FC di Stadion Gelora Bung Tomo.",
        "Kedua gol Persebaya dicetak pada babak kedua oleh penyerang muda mereka.",
        "Pelatih Persebaya memuji disiplin pemainnya dalam bertahan.",
    ],
    [
        "Borneo FC tampil menekan di babak pertama, tetapi gagal mencetak gol.",
        "Dengan kemenangan ini, Persebaya naik ke posisi ketiga klasemen sementara.",
        "Pertandingan berikutnya Persebaya menjamu tim tamu dari Makassar.",
    ],
]
ARTICLES = {"flood": FLOOD, "match": MATCH}


def same_ranking(ours: list[tuple[int, float]], theirs: list[tuple[int, float]]) -> bool:
    """Equal index order and bit-identical scores (NaN equals NaN)."""
    if [i for i, _ in ours] != [i for i, _ in theirs]:
        return False
    return all(
        (math.isnan(a) and math.isnan(b)) or a == b
        for (_, a), (_, b) in zip(ours, theirs, strict=True)
    )


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_ranking_equals_sumy_on_handwritten_articles(name: str) -> None:
    doc = Document.from_paragraphs(ARTICLES[name], title="Judul berita")
    ours = lexrank.rank(doc)
    assert len(ours) == len(doc)
    assert same_ranking(ours, sumy_rank(doc))
    assert select(doc, ours, 3) == select(doc, sumy_rank(doc), 3)


def test_tuned_settings_of_the_sumy_adapter_give_the_same_ranking_too() -> None:
    settings = SUMY_SETTINGS.get("lex-rank", {"threshold": 0.2, "epsilon": 1e-4})
    for paragraphs in ARTICLES.values():
        doc = Document.from_paragraphs(paragraphs)
        assert same_ranking(lexrank.rank(doc, **settings), sumy_rank(doc, **settings))


def test_scores_are_not_all_equal_on_a_real_article() -> None:
    # Guards the comparison above against both sides degenerating to constant scores.
    scores = {round(score, 9) for _, score in lexrank.rank(Document.from_paragraphs(FLOOD))}
    assert len(scores) > 2


def test_empty_document_has_no_ranking() -> None:
    doc = Document.from_paragraphs([])
    assert lexrank.rank(doc) == [] == sumy_rank(doc)


@pytest.mark.parametrize(
    "sentence",
    ["Gempa mengguncang Bandung pagi tadi.", "Dan yang itu juga.", "12 345."],
)
def test_one_sentence_document_matches_sumy(sentence: str) -> None:
    doc = Document.from_paragraphs([[sentence]])
    ours = lexrank.rank(doc)
    assert [i for i, _ in ours] == [0]
    assert same_ranking(ours, sumy_rank(doc))


def test_identical_sentences_share_one_rating_and_keep_document_order() -> None:
    doc = Document.from_paragraphs([["Harga beras naik lagi."] * 4])
    ours = lexrank.rank(doc)
    assert [i for i, _ in ours] == [0, 1, 2, 3]
    assert len({score for _, score in ours}) == 1
    assert same_ranking(ours, sumy_rank(doc))


def test_repeated_sentence_takes_the_rating_of_its_last_copy_like_sumy() -> None:
    paragraphs = [
        ["Harga cabai naik tajam di pasar.", "Pedagang cabai mengeluh sepi pembeli."],
        ["Harga cabai naik tajam di pasar.", "Pemerintah akan menggelar operasi pasar."],
    ]
    doc = Document.from_paragraphs(paragraphs)
    ours = dict(lexrank.rank(doc))
    assert ours[0] == ours[2]
    assert same_ranking(lexrank.rank(doc), sumy_rank(doc))


def test_stop_words_only_gives_nan_ratings_in_the_same_order_as_sumy() -> None:
    doc = Document.from_paragraphs([["Dan yang itu.", "Ini dan itu juga."]])
    ours = lexrank.rank(doc)
    assert all(math.isnan(score) for _, score in ours)
    assert same_ranking(ours, sumy_rank(doc))


def test_sparse_path_for_long_documents_gives_the_same_scores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = Document.from_paragraphs(FLOOD + MATCH)
    dense = lexrank.rank(doc)
    monkeypatch.setattr(lexrank, "DENSE_MAX", 0)
    assert not isinstance(lexrank.tf_idf_matrix(doc.sentences), type(dense))
    assert same_ranking(lexrank.rank(doc), dense)


def test_sentence_terms_drop_stop_words_and_stem() -> None:
    terms = lexrank.sentence_terms("Warga yang mengungsi di balai desa, 2024.")
    assert "yang" not in terms and "di" not in terms
    assert "ungsi" in terms and "2024" not in terms


WORDS = [
    "banjir", "rumah", "warga", "desa", "hujan", "sungai", "gempa", "bantuan", "petugas",
    "pemerintah", "dan", "yang", "di", "menggenangi", "mengungsi", "Jakarta", "anak-anak",
]
sentence_strategy = st.lists(st.sampled_from(WORDS), min_size=0, max_size=8).map(
    lambda words: " ".join(words) + "."
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(sentence_strategy, min_size=1, max_size=5), min_size=1, max_size=4))
def test_random_documents_rank_like_sumy(paragraphs: list[list[str]]) -> None:
    doc = Document.from_paragraphs(paragraphs)
    assert same_ranking(lexrank.rank(doc), sumy_rank(doc))
