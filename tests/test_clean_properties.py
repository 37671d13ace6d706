"""Properties of `clean_document` on arbitrary text and on text built from boilerplate pieces."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.clean import Cleaned, clean_document

# Hand-written pieces: boilerplate of every kind, markup, mojibake remnants, invisible
# characters, and plain Indonesian sentence parts, to be glued together in any order.
FRAGMENTS = [
    "Jakarta, CNN Indonesia --",
    "Jakarta, CNN Indonesia - -",
    "SURABAYA -",
    "Jakarta -",
    "Jakarta (ANTARA) -",
    "Suara.com -",
    "Liputan6.com, Jakarta:",
    "Baca juga: Harga Cabai di Pasar Induk Naik Lagi",
    "[Baca juga: Banjir Rendam Tiga Kecamatan]",
    "BACA JUGA:",
    "Baca_Juga",
    "(ant/mdk)",
    "[feb]",
    "(*)",
    "Editor: Rina Marlina",
    "Reporter: Andi | Editor: Budi",
    "Sumber: Reuters",
    "Copyright © 2024 KotaKita",
    "Foto: ANTARA/Rudi",
    "Warga memadati alun-alun/Net",
    "(Foto: Antara)",
    "(Dok. Pribadi)",
    "Ilustrasi",
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "Iklan",
    "Bagikan artikel ini",
    "Facebook Twitter WhatsApp",
    "Ikuti kami di Google News",
    "Video: Detik-detik Jembatan Ambruk",
    "&amp;",
    "&nbsp;",
    "&#8220;",
    "&amp;quot;",
    "&lt;p&gt;",
    "<p>",
    "</p>",
    "<br>",
    "<b>",
    "<script>var x = 1;</script>",
    "â€",
    "â€œ",
    "â€™",
    "†",
    "“",
    "”",
    "‘",
    "—",
    "–",
    "\u200b",
    "\xa0",
    "\xad",
    "\ufeff",
    "\r\n",
    "\u2028",
    "Pemerintah menaikkan harga BBM pekan depan.",
    '"Kami siap," kata Wali Kota.',
    "kata dia.",
    "Warga mengeluhkan harga beras yang terus naik",
    "seperti dikutip dari",
    "Kompas, Senin (3/6).",
    "dan",
    "8.000 orang",
    "Dr. Rina",
    "Susunan Pemain",
    "Presiden Joko Widodo - yang",
    ".",
    "?",
    ":",
    "(",
    ")",
]
SEPARATORS = ["", " ", "\n", "\n\n", "\n \n"]

boilerplate_texts = st.lists(
    st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)), max_size=25
).map(lambda parts: "".join(f + s for f, s in parts))

any_texts = st.text(max_size=400)
mixed_texts = st.lists(st.one_of(any_texts, boilerplate_texts), max_size=4).map("".join)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_shape(cleaned: Cleaned) -> None:
    assert cleaned.text == "\n\n".join(" ".join(p) for p in cleaned.paragraphs)
    assert all(p and all(s and s == s.strip() for s in p) for p in cleaned.paragraphs)
    assert all(set(r) == {"kind", "text"} for r in cleaned.removed)
    assert all(set(r) == {"kind", "text"} for r in cleaned.repairs)
    assert isinstance(cleaned.lang, str) and cleaned.lang
    if not cleaned.text:
        assert "empty after cleaning" in cleaned.warnings


@SETTINGS
@given(st.one_of(any_texts, boilerplate_texts, mixed_texts))
def test_never_raises_and_keeps_the_record_shape(raw: str) -> None:
    _check_shape(clean_document(raw))


@SETTINGS
@given(st.one_of(any_texts, boilerplate_texts, mixed_texts), st.booleans())
def test_cleaning_is_idempotent(raw: str, detect_title: bool) -> None:
    cleaned = clean_document(raw, detect_title=detect_title)
    assert clean_document(cleaned.text).text == cleaned.text


@SETTINGS
@given(boilerplate_texts)
def test_output_has_no_markup_mojibake_or_invisible_characters(raw: str) -> None:
    text = clean_document(raw).text
    for bad in ("â€", "<p>", "<br>", "&amp;", "&nbsp;", "\u200b", "\xad", "\xa0", "\r"):
        assert bad not in text
    # a dagger glued to a word is a broken closing quote; one standing alone may be real
    assert not re.search(r"\S†", text)
    for curly in "“”‘’–—":
        assert curly not in text
