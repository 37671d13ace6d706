"""sumy on Indonesian: every method offline, documents built from our sentences, Edmundson cues."""

from __future__ import annotations

import pytest

from pipeline.language import stem
from pipeline.summarize import SUMY_METHODS, Document
from pipeline.sumy_methods import (
    EDMUNDSON_STIGMA_WORDS,
    PlainTokenizer,
    build_document,
    build_summarizer,
    rank,
)

DOC = Document.from_paragraphs(
    [
        [
            "Pemerintah Provinsi Jawa Barat meresmikan jalan tol baru di Cirebon, Senin.",
            "Jalan tol sepanjang 40 kilometer itu memangkas waktu tempuh ke Semarang.",
        ],
        [
            '"Saya senang sekali, perjalanan jadi lebih cepat," ujar seorang sopir truk.',
            "Baca juga foto-foto peresmian jalan tol di galeri kami.",
        ],
        ["Pemerintah berencana membangun jalan tol lain di selatan Jawa Barat tahun depan."],
    ],
    title="Jalan Tol Baru Diresmikan di Cirebon",
)


@pytest.mark.parametrize("resources", ["ours", "plain"])
@pytest.mark.parametrize("name", SUMY_METHODS)
def test_every_sumy_method_ranks_every_sentence_offline(name: str, resources: str) -> None:
    ranking = rank(DOC, name=name, resources=resources, n=3)
    assert sorted(i for i, _ in ranking) == list(range(len(DOC)))
    assert all(isinstance(score, float) for _, score in ranking)


def test_document_is_built_from_our_sentences_with_the_title_as_heading() -> None:
    summarizer, tokenizer = build_summarizer("luhn", "ours")
    document = build_document(DOC, tokenizer)
    assert [str(s) for s in document.sentences] == list(DOC.sentences)  # nothing re-split
    assert [str(h) for h in document.headings] == [DOC.title]
    assert len(document.paragraphs) == 3


def test_our_words_keep_reduplication_and_drop_numbers_plain_words_do_not() -> None:
    _, ours = build_summarizer("lsa", "ours")
    assert ours.to_words("Foto-foto 40 jalan") == ("Foto-foto", "jalan")
    assert PlainTokenizer().to_words("Foto-foto 40 jalan") == ("Foto", "foto", "40", "jalan")


def test_ours_uses_stop_words_and_the_sastrawi_stemmer() -> None:
    summarizer, _ = build_summarizer("luhn", "ours")
    assert "yang" in summarizer.stop_words
    assert summarizer.stem_word("meresmikan") == stem("meresmikan") == "resmi"
    plain, _ = build_summarizer("luhn", "plain")
    assert not plain.stop_words and plain.stem_word("Meresmikan") == "meresmikan"


def test_edmundson_stigma_words_put_a_quote_below_a_report() -> None:
    summarizer, _ = build_summarizer("edmundson", "ours")
    assert summarizer.stigma_words and summarizer.null_words
    assert stem("ujar") in summarizer.stigma_words
    middle = Document.from_paragraphs(
        [
            ["Hujan turun sejak sore."],
            ['"Saya kira kita harus sabar," ujar seorang warga.'],
            ["Pemerintah mengumumkan status siaga banjir, Senin."],
            ["Sungai masih meluap."],
        ]
    )
    ratings = dict(rank(middle, name="edmundson", resources="ours"))
    # Sentences 1 and 2 share the same location class (middle paragraphs, first sentence), so
    # only the cue words separate them: the quote's stigma words (saya, ujar).
    assert ratings[2] > ratings[1]
    plain = dict(rank(middle, name="edmundson", resources="plain"))
    assert plain[2] == plain[1]


def test_stigma_words_are_indonesian() -> None:
    assert {"ujar", "baca", "saya"} <= set(EDMUNDSON_STIGMA_WORDS)


def test_unknown_sumy_method_or_resources_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown sumy method"):
        build_summarizer("random", "ours")
    with pytest.raises(ValueError, match="resources"):
        build_summarizer("lsa", "english")


def test_sum_basic_gets_our_tokenizer_and_stop_words_but_no_stemmer() -> None:
    summarizer, tokenizer = build_summarizer("sum-basic", "ours")
    assert "yang" in summarizer.stop_words
    assert summarizer.stem_word("Meresmikan") == "meresmikan"
    assert tokenizer.to_words("Foto-foto 40 jalan") == ("Foto-foto", "jalan")


FLOOD = [
    "Banjir besar melanda Kampung Melayu kemarin pagi.",
    "Banjir merendam ratusan rumah.",
    "Warga mengungsi ke masjid.",
    "Banjir belum surut hingga malam.",
    "Warga butuh bantuan.",
    "Banjir kiriman datang dari Bogor.",
    "Warga lapar.",
]


def test_sum_basic_takes_each_round_a_sentence_holding_the_most_probable_word() -> None:
    doc = Document.from_paragraphs([FLOOD])
    ours = [i for i, _ in rank(doc, name="sum-basic", resources="ours", n=3)]
    # 'banjir' (4 of 21 content words) first, then 'warga' once banjir's probability is squared;
    # among the holders the highest average wins (fewest other words: 'belum', 'hingga' are stop
    # words), ties to the earlier sentence.
    assert ours[:3] == [3, 6, 4]
    # sumy's class lets any sentence win on its average: the short 'Warga lapar.' goes first.
    plain = [i for i, _ in rank(doc, name="sum-basic", resources="plain", n=3)]
    assert plain[0] == 6


def test_lsa_word_rows_are_sorted_so_results_do_not_depend_on_the_hash_seed() -> None:
    summarizer, tokenizer = build_summarizer("lsa", "ours")
    doc = Document.from_paragraphs([["Petani menanam padi di sawah.", "Padi tumbuh subur."]])
    dictionary = summarizer._create_dictionary(build_document(doc, tokenizer))
    assert list(dictionary) == sorted(dictionary) and len(dictionary) >= 4


# Sentences 0/1, 2/3 and 4/5 are the same words in another order: equal divergences in exact
# arithmetic, so sumy's rounding decides between them and ours must decide the same way.
PERMUTED = [
    "Dan langka mengeluhkan mahal petani pupuk.", "Mengeluhkan petani dan langka mahal pupuk.",
    "Stok bulog menambah beras pemerintah.", "Bulog stok pemerintah menambah beras.",
    "Beras induk tajam pasar naik harga di.", "Induk di tajam pasar beras naik harga.",
]
KL_DOCUMENTS = {
    "news": DOC,
    "permuted": Document.from_paragraphs([PERMUTED]),
    "copies, numbers and capitalized stop words": Document.from_paragraphs(
        [
            ["Harga beras naik.", "Harga beras naik.", "12.500", "Yang jelas, harga naik lagi."],
            ["Dan petani senang.", "Pasar induk ramai.", "Harga beras naik."],
            [*PERMUTED[:2], "...", *DOC.sentences],
        ],
        title="Harga Beras",
    ),
    "long": Document.from_paragraphs(
        [[f"{s.rstrip('.')} {day}." for s in (*DOC.sentences, *PERMUTED)]
         for day in ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu")]
    ),
    "no words": Document.from_paragraphs([["1.", "2.500"]]),
}


@pytest.mark.parametrize("resources", ["ours", "plain"])
@pytest.mark.parametrize("name", list(KL_DOCUMENTS))
def test_kl_rates_every_sentence_exactly_as_sumys_kl_summarizer(name: str, resources: str) -> None:
    from sumy.summarizers.kl import KLSummarizer

    ours, tokenizer = build_summarizer("kl", resources)
    assert isinstance(ours, KLSummarizer) and type(ours) is not KLSummarizer
    sumy = KLSummarizer(ours._stemmer)
    sumy.stop_words = ours.stop_words
    document = build_document(KL_DOCUMENTS[name], tokenizer)
    expected = sumy._compute_ratings(document.sentences)
    got = ours._compute_ratings(document.sentences)
    assert list(got.items()) == list(expected.items())  # same ratings, same removal order
