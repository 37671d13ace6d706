"""pipeline.indosum: detokenization rules, one test per rule, on hand-written token lists."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.indosum import detokenize, is_indosum, sentences


def toks(text: str) -> list[str]:
    """Hand-written IndoSum-style tokens: split on spaces."""
    return text.split(" ")


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        ("Harga naik .", "Harga naik."),
        ("Ia datang , lalu pergi ;", "Ia datang, lalu pergi;"),
        ("Benarkah ? Ya !", "Benarkah? Ya!"),
        ("Baca juga : Banjir di Bekasi", "Baca juga: Banjir di Bekasi"),
        ("naik 15 % tahun ini", "naik 15% tahun ini"),
        ("tunggu ... lalu", "tunggu... lalu"),
    ],
)
def test_no_space_before_closing_punctuation(tokens: str, expected: str) -> None:
    assert detokenize(toks(tokens)) == expected


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        ("Senin ( 27 / 3 ) .", "Senin (27/3)."),
        ("Kamis ( 28 / 9 / 2016 ) malam", "Kamis (28/9/2016) malam"),
        ("musim 2017 / 2018 .", "musim 2017/2018."),
        ("[ kasta kedua ]", "[kasta kedua]"),
        ("{ data }", "{data}"),
    ],
)
def test_brackets_and_dates(tokens: str, expected: str) -> None:
    assert detokenize(toks(tokens)) == expected


def test_slash_between_words_is_glued_but_not_around_punctuation() -> None:
    assert detokenize(toks("ganda Marcus / Kevin menang")) == "ganda Marcus/Kevin menang"
    assert detokenize(toks("< / script >")) == "< / script >"


def test_straight_double_quotes_pair_open_then_close() -> None:
    tokens = toks('Ia berkata , " Kami siap . " Lalu ia pergi .')
    assert detokenize(tokens) == 'Ia berkata, "Kami siap." Lalu ia pergi.'


def test_quote_closed_before_speech_tag() -> None:
    tokens = toks('" Kami siap , " kata Andi .')
    assert detokenize(tokens) == '"Kami siap," kata Andi.'


def test_lone_straight_quote_after_comma_before_lowercase_closes() -> None:
    # the opening quote was in an earlier sentence that this token list does not include
    assert detokenize(toks('Kami siap , " kata Andi .')) == 'Kami siap," kata Andi.'


def test_lone_straight_quote_at_end_closes() -> None:
    assert detokenize(toks('Itu sangat tradisional . "')) == 'Itu sangat tradisional."'


def test_curly_quotes_keep_their_side() -> None:
    tokens = toks("tombol “ Buat Cerita ” di aplikasi ‘ baru ’ itu")
    assert detokenize(tokens) == "tombol “Buat Cerita” di aplikasi ‘baru’ itu"


def test_mixed_curly_opening_and_straight_closing_quote() -> None:
    assert detokenize(toks('“ Kami menang . " ujarnya .')) == '“Kami menang." ujarnya.'


def test_single_quotes_pair_like_double_quotes() -> None:
    assert detokenize(toks("film ' Laskar Pelangi ' ini")) == "film 'Laskar Pelangi' ini"


def test_minute_mark_after_number_attaches_left() -> None:
    assert detokenize(toks("Andi ( Budi 69 ' ) , Citra")) == "Andi (Budi 69'), Citra"


def test_two_apostrophes_act_as_one_double_quote() -> None:
    assert detokenize(toks("jebakan ' ' offside ' ' .")) == "jebakan ''offside''."


def test_clitic_attaches_to_previous_word() -> None:
    assert detokenize(toks("lagu Eminem 's terbaru")) == "lagu Eminem's terbaru"
    assert detokenize(toks("film Ocean ’s Eleven")) == "film Ocean’s Eleven"


def test_reduplication_is_joined_only_for_the_same_word() -> None:
    assert detokenize(toks("terjadi bentrokan - bentrokan .")) == "terjadi bentrokan-bentrokan."
    assert detokenize(toks("Undang - undang baru")) == "Undang-undang baru"
    assert detokenize(toks("pemimpin Kim Jong - un")) == "pemimpin Kim Jong - un"
    assert detokenize(toks("skor 7 - 7 .")) == "skor 7 - 7."


def test_hyphenated_tokens_are_kept_as_given() -> None:
    assert detokenize(toks("anak-anak dan oleh-oleh")) == "anak-anak dan oleh-oleh"


def test_dateline_dash_pair_becomes_double_dash() -> None:
    tokens = toks("Bandung , CNN Indonesia - - Wali kota")
    assert detokenize(tokens) == "Bandung, CNN Indonesia -- Wali kota"


def test_numbers_stay_as_the_tokens_give_them() -> None:
    assert detokenize(toks("harga Rp 1.500.000 .")) == "harga Rp 1.500.000."
    assert detokenize(toks("harga Rp 1 . 500")) == "harga Rp 1. 500"
    assert detokenize(toks("tumbuh 3,2 persen")) == "tumbuh 3,2 persen"


def test_currency_symbol_glued_to_amount() -> None:
    assert detokenize(toks("seharga $ 189 atau US$ 20 juta")) == "seharga $189 atau US$20 juta"


def test_ratio_between_digits_is_glued() -> None:
    assert detokenize(toks("rasio 18 : 9 layar")) == "rasio 18:9 layar"


def test_whitespace_tokens_are_dropped() -> None:
    assert detokenize(["Kata", "\xa0", "dia", "\n", "."]) == "Kata dia."


def test_empty_token_list() -> None:
    assert detokenize([]) == ""


@given(
    st.lists(
        st.sampled_from(
            [
                "kata",
                "Andi",
                "27",
                "(",
                ")",
                '"',
                "'",
                "“",
                "”",
                ".",
                ",",
                "-",
                "/",
                ":",
                "$",
                "%",
                "'s",
                "anak",
                "\xa0",
                "...",
                "[",
                "]",
            ]
        ),  # fmt: skip
        max_size=30,
    )
)
def test_detokenize_only_changes_spacing(tokens: list[str]) -> None:
    text = detokenize(tokens)
    assert re.sub(r"\s", "", text) == re.sub(r"\s", "", "".join(tokens))
    assert "  " not in text and text == text.strip()


def _article(*paragraphs: list[str]) -> dict:
    return {"id": "x", "paragraphs": [[toks(s) for s in p] for p in paragraphs]}


def test_sentences_carry_open_quote_across_sentences_of_a_paragraph() -> None:
    obj = _article(['" Kami siap .', 'Kami juga senang , " kata Andi .'])
    assert sentences(obj) == [['"Kami siap.', 'Kami juga senang," kata Andi.']]


def test_sentences_reset_quote_state_at_each_paragraph() -> None:
    obj = _article(['" Kami siap .'], ['" Kami juga , " kata Andi .'])
    assert sentences(obj) == [['"Kami siap.'], ['"Kami juga," kata Andi.']]


def test_sentences_keep_the_shape_of_paragraphs() -> None:
    obj = _article(["Satu .", "Dua ."], ["Tiga ."])
    result = sentences(obj)
    assert [len(p) for p in result] == [len(p) for p in obj["paragraphs"]]


def test_sentences_rejects_non_indosum_records() -> None:
    with pytest.raises(ValueError, match="paragraphs"):
        sentences({"id": "x", "text": "Bukan IndoSum."})


@pytest.mark.parametrize(
    ("obj", "expected"),
    [
        ({"paragraphs": [[["Satu", "."]]]}, True),
        ({"paragraphs": []}, True),
        ({"paragraphs": [["Satu ."]]}, False),
        ({"paragraphs": [[["Satu", 1]]]}, False),
        ({"paragraphs": "Satu."}, False),
        ({"text": "Satu."}, False),
    ],
)
def test_is_indosum(obj: dict, expected: bool) -> None:
    assert is_indosum(obj) is expected
