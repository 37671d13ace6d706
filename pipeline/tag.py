"""The tag stage: a TF-IDF topic classifier, keyword tags and model persistence.

Everything is scikit-learn: the classifier is a `Pipeline` of a `TfidfVectorizer` with our
Indonesian analyzer and a calibrated linear model, chosen by cross-validated grid search on the
training data only. Keywords come from a second, unstemmed vectorizer whose IDF is fitted on the
same training corpus and stored with the model, so they can always be shown in surface form.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import math
import platform
import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.artifacts import record_paragraphs
from pipeline.errors import BeritaError, DocumentError, LabelError
from pipeline.language import (
    WORD_PATTERN,
    is_protected,
    is_root,
    is_word,
    normalize_token,
    stem,
    stop_words,
    title_case,
)
from pipeline.segment import ACTING_TITLES, PREFIX_ABBREVIATIONS, SPEECH_VERBS, is_office

# Words, plus sentence-ending punctuation (to know when a capital starts a sentence).
_TOKEN_RE = re.compile(WORD_PATTERN + r"|[.!?]")
_SENTENCE_END = frozenset(".!?")
# Only whitespace may separate the two words of a phrase (no comma, number, quote or dash).
_PHRASE_GAP_RE = re.compile(r"\s+")


def record_text(record: dict[str, Any]) -> str:
    """A record's clean text (from its paragraphs when it has no `text`).

    Raises `DocumentError` for a `text` that is not a string or malformed `paragraphs`.
    """
    text = record.get("text")
    if text is not None and not isinstance(text, str):
        raise DocumentError(f"record {record.get('id')!r}: 'text' must be a string")
    paragraphs = record_paragraphs(record)
    if text is None:
        text = "\n\n".join(" ".join(sentences) for sentences in paragraphs or [])
    return text


def model_text(record: dict[str, Any]) -> str:
    """The text a record is classified by: its title (if any), then its clean text."""
    text = record_text(record)
    title = record.get("title")
    return f"{title}\n\n{text}" if title else text


class TermAnalyzer:
    """Turn a text into TF-IDF features: normalized words and two-word phrases.

    Words follow `pipeline.language.WORD_PATTERN` (reduplication kept, no numbers), lowercased;
    stop words and one-letter words are dropped and break phrases. With `stemmed`, words are
    reduced to Sastrawi stems except names (capitalized inside a sentence). Phrases join two
    adjacent content words separated only by whitespace. Picklable, so models persist with pickle.

    Parameters
    ----------
    stemmed : bool
        Reduce words to their stems (names protected).
    ngram_max : int
        1 for words only, 2 for words and two-word phrases.
    """

    def __init__(self, stemmed: bool = False, ngram_max: int = 2) -> None:
        self.stemmed = stemmed
        self.ngram_max = ngram_max

    def __repr__(self) -> str:
        return f"TermAnalyzer(stemmed={self.stemmed}, ngram_max={self.ngram_max})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TermAnalyzer) and (self.stemmed, self.ngram_max) == (
            other.stemmed,
            other.ngram_max,
        )

    def __hash__(self) -> int:
        return hash((self.stemmed, self.ngram_max))

    def units(self, text: str) -> list[tuple[str, str, bool]]:
        """(surface, feature key, joined_to_previous) per word; key "" for a stop word."""
        out: list[tuple[str, str, bool]] = []
        for surface, norm, joined, protected in _word_units(text):
            key = norm
            if norm and self.stemmed and not protected:
                key = stem(norm)
                if key in stop_words():
                    key = ""
            out.append((surface, key, joined))
        return out

    def __call__(self, text: str) -> list[str]:
        return list(_analyze(text, self.stemmed, self.ngram_max))


def _word_units(text: str) -> Iterator[tuple[str, str, bool, bool]]:
    """Yield (surface, normalized or "" for a stop word, joined_to_previous, protected)."""
    stops = stop_words()
    previous_token: str | None = None
    previous_end: int | None = None
    for match in _TOKEN_RE.finditer(text):
        token = match.group()
        if token in _SENTENCE_END:
            if not (token == "." and previous_token and previous_end == match.start()
                    and previous_token.lower() in _TITLES):
                previous_token = token  # (`Dr. Maya`: a name after a title is inside a sentence)
            previous_end = None
            continue
        joined = previous_end is not None and bool(
            _PHRASE_GAP_RE.fullmatch(text, previous_end, match.start())
        )
        norm = normalize_token(token)
        protected = is_protected(token, previous_token)
        previous_token, previous_end = token, match.end()
        if len(norm) < 2 or norm in stops:
            norm = ""
        yield token, norm, joined, protected


_TITLES = PREFIX_ABBREVIATIONS | ACTING_TITLES


@lru_cache(maxsize=8192)
def _analyze(text: str, stemmed: bool, ngram_max: int) -> tuple[str, ...]:
    """Cached analysis: grid search re-vectorizes the same training texts for every fold."""
    units = TermAnalyzer(stemmed, ngram_max).units(text)
    features = [key for _, key, _ in units if key]
    if ngram_max >= 2:
        for (_, left, _), (_, right, joined) in zip(units, units[1:], strict=False):
            if joined and left and right:
                features.append(f"{left} {right}")
    return tuple(features)


# --------------------------------------------------------------------------------------------
# Keywords: top TF-IDF words and phrases of one document, in surface form.

KEYWORD_ANALYZER = TermAnalyzer(stemmed=False, ngram_max=2)
# A phrase must occur at least this often in a document to be a keyword (a single adjacent
# pair is usually an accident of syntax, `Jakarta membuang`, not a name or a term).
MIN_PHRASE_COUNT = 2
# Words that are not stop words (they stay classifier features) but never make a keyword, nor
# part of a keyword phrase: units, calendar and clock words, address and list abbreviations,
# ordinals and roman numerals (`Komisi III`), reporting verbs and speech tags (`ungkapnya`),
# and verbs too general to say what an article is about.
KEYWORD_STOP_WORDS: frozenset[str] = frozenset(
    """rp usd km kg cm mm ml gb mb tb mw kw kwh ha per persen wib wita wit pukul jam menit detik
    hari pekan bulan tahun pagi siang sore malam dini kemarin senin selasa rabu kamis jumat
    sabtu minggu januari februari maret april mei juni juli agustus september oktober november
    desember jl jln gg no kab kec kel rt rw dll dsb dkk tsb yg sp ot vs non apa berikut pertama
    kedua ketiga keempat kelima keenam ketujuh kedelapan kesembilan kesepuluh ii iii iv vi vii
    viii ix xi xii dilansir melansir dikutip mengutip menurut mengatakan menjelaskan
    mengungkapkan menuturkan menambahkan menyebutkan menegaskan melakukan mengalami mampu
    dirinya kilogram gram ton kuintal ons liter meter kilometer sentimeter milimeter hektare hektar
    mil inci ribu ratus puluh juta miliar triliun kali lipat sumber derajat celsius unit
    ph sc si kes hum pd kom sos ag ked psi eng phd persero tbk
    belas sebelas seratus seribu sejuta semiliar setriliun sepertiga seperempat setengah
    bagaimana siapa kapan berapa mengapa kenapa jangan mohon silakan ayo gimana enggak gak nggak
    bilang""".split()
) | SPEECH_VERBS | PREFIX_ABBREVIATIONS | ACTING_TITLES  # (titles: `Dr`, `Prof`, `H`, `Plt`)
# Words of degree, quantity, time and relation: no keyword by themselves, nor in a phrase
# unless the phrase is a name (`Selandia Baru`, `Masjid Besar`, `Tanjung Priok Lama`).
KEYWORD_WEAK_WORDS: frozenset[str] = frozenset(
    """sebesar sebanyak sekitar sesuai tetap akibat semata sejauh hampir lebih kurang besar kecil
    tinggi rendah terbanyak terbesar tertinggi terendah awal akhir baru lama lalu naik turun
    terkait normal aktif harian hasil setinggi seseorang terutama mudah depan lengkap nomor
    barat timur selatan utara tenggara tengah raya nasional belasan puluhan ratusan ribuan
    jutaan miliaran""".split()
)  # (compass words and `raya`, `nasional` close names: `Nusa Tenggara Barat`)
# The model words of product names (`iPhone 16 Pro`, `Galaxy S24 Ultra`): no keyword alone.
PRODUCT_SUFFIXES = frozenset("pro max ultra plus mini lite fe se".split())
_PRODUCT_SUFFIX = r"(?:Pro|Max|Ultra|Plus|Mini|Lite|FE|SE)"
# A model after a brand's word: a code (`S24`, `A55`), or a number with a model word after it or
# after a camel-case brand (`iPhone 16`); never a score, time or decimal (`Persija 2-1`).
_MODEL_RE = re.compile(
    rf"\s+((?:[A-Z]{{1,2}}\d{{1,4}}[A-Za-z]?|\d{{1,3}}[A-Za-z]?)(?![\d.,:/-]*\d)"
    rf"(?:\s+{_PRODUCT_SUFFIX}){{0,2}})(?![\w-])"
)


def product_name(form: str, text: str) -> str | None:
    """The product a brand's word names in most of its uses in `text`, with its model (`iPhone`
    -> `iPhone 16 Pro`), or None."""
    start = text.find(f"{form} ")
    while start >= 0:  # (a cheap look for a model first: most brands' words have none)
        after = text[start + len(form) + 1 : start + len(form) + 3]
        if after[:1].isdigit() or (after[:1].isupper() and after[1:2].isdigit()):
            break
        start = text.find(f"{form} ", start + 1)
    if start < 0:
        return None
    found: Counter[str] = Counter()
    uses = 0
    for match in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
        uses += 1
        model = _MODEL_RE.match(text, match.end())
        if model and (not model.group(1)[0].isdigit() or " " in model.group(1)
                      or (form[:1].islower() and any(c.isupper() for c in form))):
            found[f"{form} {model.group(1)}"] += 1
    if not found:
        return None
    name, n = max(found.items(), key=lambda item: (item[1], -len(item[0]), item[0]))
    return name if 2 * sum(found.values()) >= uses and n >= MIN_PHRASE_COUNT else None


# The heads of institutions' names (`Badan Pusat Statistik`): no keyword alone, fine in phrases
# (`majelis hakim`, `berat badan`).
NAME_HEADS_ALONE = frozenset(
    """badan kementerian dinas komisi lembaga direktorat balai dewan majelis kantor biro satuan
    sekretariat provinsi kabupaten kecamatan kelurahan""".split()
)
# Ranks and forms of address before a name: a run of words ending in one is a cut name
# (`Kapolsek Simpang Kramat Ipda`).
RANKS = frozenset(
    """ipda iptu akp kompol akbp kombes brigjen irjen komjen jenderal bripka brigadir aipda aiptu
    bripda briptu letda lettu kapten mayor letkol kolonel mayjen letjen serda sertu serka serma
    kopda praka pratu prada laksma laksda laksdya laksamana marsma marsda marsdya marsekal
    pak bu bapak ibu""".split()
) | PREFIX_ABBREVIATIONS | ACTING_TITLES
_RANK_WORDS = frozenset("ibu bapak kapten jenderal mayor laksamana marsekal brigadir".split())
_RANKS_ALONE = RANKS - _RANK_WORDS  # (ranks that are no word of their own)
# Stop words that also head names: `Kali Bekasi` is a river.
NAME_HEADS = frozenset({"kali", "xi"})  # (and `Xi Jinping`, not the roman numeral)
# Terms whose second word is a weak word: `guru besar` (a professor) is not a big teacher.
KEYWORD_COMPOUNDS = frozenset({"guru besar", "usaha kecil"})
# Reporting words of English news, beside scikit-learn's English stop words.
_ENGLISH_NEWS_WORDS = frozenset("said says told percent amid according year years".split())
# Web and mail addresses: their pieces (`bps`, `go`, `id`) are not keywords.
_ADDRESS_MARKS = ("://", "www.", "@", ".com", ".co", ".id", ".net", ".org", ".or.", ".go", ".ac.",
                  ".tv", ".io")  # fmt: skip
_ADDRESS_RE = re.compile(
    r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|id|net|org|co|go|ac|or|"
    r"io|tv)(?:\.[a-z]{2})?(?:/\S*)?"
)


def surface_counts(units: Sequence[tuple[str, str, bool]]) -> dict[str, Counter[str]]:
    """For each word and phrase key of a document, how often each surface form occurs."""
    counts: dict[str, Counter[str]] = {}
    for i, (surface, key, joined) in enumerate(units):
        if not key:
            continue
        counts.setdefault(key, Counter())[surface] += 1
        if i and joined and units[i - 1][1]:
            left_surface, left_key, _ = units[i - 1]
            counts.setdefault(f"{left_key} {key}", Counter())[f"{left_surface} {surface}"] += 1
    return counts


def best_form(forms: Counter[str]) -> str:
    """The most frequent surface form; ties go to lowercase, then alphabetical order. A single
    word written in lowercase at least half as often as capitalized is shown in lowercase
    (`kesehatan` beside two `Dinas Kesehatan`; not `medan` once beside `Medan` six times). A
    phrase written as a name anywhere (`Bank Indonesia`) is shown so, not as it reads after a
    sentence start lowered its first word (`bank Indonesia`)."""
    if len(forms) == 1:  # (the common case)
        return next(iter(forms))
    lowercase = [(form, n) for form, n in forms.items() if form.islower() and " " not in form]
    if lowercase and all(" " not in form for form in forms):
        lower = sum(n for _, n in lowercase)
        if 2 * lower >= sum(forms.values()) - lower:
            return min(lowercase, key=lambda item: (-item[1], item[0]))[0]
    best = min(forms.items(), key=lambda item: (-item[1], not item[0].islower(), item[0]))[0]
    head, _, rest = best.partition(" ")
    if rest[:1].isupper() and head.islower() and f"{head.capitalize()} {rest}" in forms:
        return f"{head.capitalize()} {rest}"
    return best


# Names and terms of three or four words (`Nusa Tenggara Barat`, `Komisi Pemberantasan Korupsi`,
# `gas air mata`) are keywords of their own, in place of their overlapping two-word pieces.
LONG_PHRASE_WORDS = (3, 4)


def long_phrase_counts(units: Sequence[tuple[str, str, bool]]) -> dict[str, Counter[str]]:
    """For each run of three or four adjacent content words (`LONG_PHRASE_WORDS`) that recurs
    (`MIN_PHRASE_COUNT`), how often each surface form occurs."""
    seen: Counter[tuple[str, str]] = Counter()  # (key, surface form)
    run: list[tuple[str, str]] = []  # the current run of joined content words
    for surface, key, joined in units:
        if not key:
            run = []
            continue
        run = [*run[-3:], (surface, key)] if joined and run else [(surface, key)]
        for size in LONG_PHRASE_WORDS:
            if len(run) >= size:
                tail = run[-size:]
                seen[" ".join(k for _, k in tail), " ".join(s for s, _ in tail)] += 1
    totals: Counter[str] = Counter()
    for (key, _), n in seen.items():
        totals[key] += n
    counts: dict[str, Counter[str]] = {}
    for (key, surface), n in seen.items():
        if totals[key] >= MIN_PHRASE_COUNT:
            counts.setdefault(key, Counter())[surface] = n
    return counts


def unseen_idf(n_documents: int) -> float:
    """IDF given to a term the training corpus never showed (as rare as a term seen once)."""
    return math.log((n_documents + 1) / 2) + 1.0


def _surface_units(text: str) -> tuple[list[tuple[str, str, bool]], set[str]]:
    """`KEYWORD_ANALYZER.units` with a sentence-initial capital dropped where the document also
    writes the word in lowercase (`Harga` at a sentence start is `harga`); and the capitalized
    forms that only ever start a sentence, which may be names or words (see `_shown`)."""
    if any(mark in text for mark in _ADDRESS_MARKS):  # (a cheap test first: most have none)
        text = _ADDRESS_RE.sub(" ", text)
    units = []
    for surface, key, joined, protected in _word_units(text):
        if (not key and protected and joined and surface.isalpha() and len(surface) > 1
                and units and units[-1][1] and units[-1][0][:1].isupper()):
            # A capitalized stop word inside a name is part of it: `Jawa Tengah`, `Menteri Luar
            # Negeri` (it never stands alone as a keyword: see `_keyword_worthy`).
            key = normalize_token(surface)
        units.append((surface, key, joined, protected))
    lowercase = {surface for surface, key, _, _ in units if key and surface[:1].islower()}
    named = {surface for surface, key, _, protected in units if key and protected}
    doubtful: set[str] = set()
    out: list[tuple[str, str, bool]] = []
    for surface, key, joined, protected in units:
        if key and not protected and surface[:1].isupper() and not surface.isupper():
            if surface.lower() in lowercase:
                surface = surface.lower()
            elif surface not in named:
                doubtful.add(surface)
        out.append((surface, key, joined))
    return out, doubtful


def keyword_units(
    text: str, title: str | None = None
) -> tuple[list[tuple[str, str, bool]], set[str]]:
    """The keyword units of a title and text, and their doubtful capitals (`_surface_units`).
    A title in Title Case contributes lowercase surface forms (`Tewaskan` -> `tewaskan`) unless
    the text writes the word that way."""
    head, body, doubtful = _title_and_body_units(text, title)
    return head + body, doubtful


def _title_and_body_units(
    text: str, title: str | None
) -> tuple[list[tuple[str, str, bool]], list[tuple[str, str, bool]], set[str]]:
    """`keyword_units`, the title's and the text's apart."""
    body, doubtful = _surface_units(text)
    if not title:
        return [], body, doubtful
    head, _ = _surface_units(title)
    if title_case(title.split()):
        shown = {surface for surface, _, _ in body}
        # (an acronym stays as written: `Kepala BMKG` in a headline whose text spells it out)
        head = [(s if s in shown or (s.isupper() and len(s) > 1) else s.lower(), key, joined)
                for s, key, joined in head]
    return head, body, doubtful


def _shown(form: str, doubtful: set[str]) -> str:
    """A keyword as shown: a capital that only ever starts a sentence is dropped from a
    dictionary word (decided for the few keywords shown, since it takes a stemmer)."""
    words = form.split(" ")
    if len(words) > 1 and all(w[:1].isupper() for w in words[1:] if w != "dan"):
        return form  # (a name opening a sentence: `Kementerian Pemuda dan Olahraga menyiapkan`)
    return " ".join(
        word.lower() if word in doubtful and is_word(word.lower()) else word for word in words
    )


def _keyword_worthy(
    key: str, form: str, count: int, doubtful: set[str], stops: frozenset[str]
) -> bool:
    if any(_verb_or_possessive(w.lower() if w in doubtful else w) for w in form.split(" ")):
        return False
    if " " not in key:
        return (key not in stops and key not in KEYWORD_WEAK_WORDS and key not in NAME_HEADS_ALONE
                and key not in _RANKS_ALONE and key not in stop_words()
                and key not in PRODUCT_SUFFIXES and not _office(form))
    if _office_title(key) or key.partition(" ")[0] in _OFFICE_ENDS:
        return False  # (`Sekretaris Jenderal`, `Perdana Menteri`: who holds it is the keyword;
        # nor the end of one and what follows: `Umum Partai Hanura`)
    if count < MIN_PHRASE_COUNT:
        return False
    left_key, right_key = key.split(" ")
    left, right = form.split(" ")
    name = all(w[:1].isupper() and w not in doubtful for w in (left, right))
    if (left_key in stops and not (name and left_key in NAME_HEADS)) or right_key in stops:
        return False
    if left_key in _RANKS_ALONE:
        return False  # (the name after the rank is the keyword: `AKBP Tober` of `Tober Sirait`)
    if (left_key in KEYWORD_WEAK_WORDS or right_key in KEYWORD_WEAK_WORDS) and not (
        name or key in KEYWORD_COMPOUNDS
    ):
        return False
    # `Jati naik`: the end of a name and the verb after it, not a term
    return not (left[:1].isupper() and left not in doubtful and right[:1].islower())


# Second words of two-word offices (`Ketua Umum`, `Direktur Utama`, `Wali Kota`), and those of
# them that never start a keyword (`Kota Bandung`, `Jenderal Sudirman` do).
_OFFICE_TAILS = frozenset("umum jenderal utama kota besar eksekutif pelaksana harian".split())
_OFFICE_ENDS = frozenset("umum utama eksekutif pelaksana harian".split())


_office = lru_cache(maxsize=1 << 16)(is_office)  # (asked of every candidate word)


def _office_title(key: str) -> bool:
    """An office of two words (`Sekretaris Jenderal`, `Wakil Presiden`, `Perdana Menteri`)."""
    first, _, second = key.partition(" ")
    return (_office(first) and (_office(second) or second in _OFFICE_TAILS)) or (
        first == "perdana" and second == "menteri"
    )


@lru_cache(maxsize=1)
def _english_stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | _ENGLISH_NEWS_WORDS


_VERB_PREFIX_RE = re.compile(r"^(?:me|di|ber)[a-z]{3,}$")  # (not ter-: `tersangka`, `terdakwa`)


def _verb_or_possessive(word: str) -> bool:
    """A lowercase verb (`menyarankan`, `dievakuasi`, `bermain`, headline `tetapkan`: a verbal
    prefix or suffix on a word that is not itself a dictionary root) or a possessive (`dananya`):
    not a tag. Names and roots (`menteri`, `direktur`, `ikan`) pass. (Dictionary lookups, not
    the stemmer: it runs for every candidate.)"""
    if not word.islower() or len(word) < 6:
        return False
    if word.endswith("nya"):
        return True
    if word.endswith("i") and not is_root(word) and is_root(word[:-1]):
        return True  # `kunjungi`, `ikuti`: a root and the suffix -i (`polisi` is a root)
    # (-kan after pe-/ke- is a noun's -an: `kebijakan`, `pendidikan`, `kenaikan`)
    verbal = _VERB_PREFIX_RE.match(word) or (word.endswith("kan") and word[:2] not in ("pe", "ke"))
    if word.endswith(_LOAN_NOUN_ENDINGS):
        # `disabilitas`, `digitalisasi`: loan nouns, whatever their first letters; a verb's
        # prefix on one is a verb (`dinormalisasi`, `menormalisasi`)
        return any(word.startswith(prefix) and is_root(word[len(prefix):])
                   for prefix in ("di", "me", "ter")) and not is_root(word)
    if word in _BER_ADJECTIVES:
        return False
    return bool(verbal) and not is_root(word)


_LOAN_NOUN_ENDINGS = ("itas", "isasi", "isme", "logi", "grafi")
# ber- words that name a kind, not an action: `demam berdarah`, `kendaraan bermotor`.
_BER_ADJECTIVES = frozenset(
    """berdarah bermotor bersenjata bersubsidi berkelanjutan berbahaya bersejarah berkualitas
    berwenang berkebutuhan berpenghasilan bermasalah berprestasi berisiko berteknologi""".split()
)


def keywords(
    text: str,
    idf: dict[str, float],
    default_idf: float,
    *,
    limit: int = 10,
    title: str | None = None,
    lang: str | None = None,
) -> list[dict[str, Any]]:
    """The document's top TF-IDF words and two-word phrases, in their surface form.

    Weights are term counts times the IDF fitted on the training corpus (a term the corpus
    never showed gets `default_idf`), L2-normalized over the document's candidates: raw counts
    rather than sublinear ones, so a word the article keeps returning to outranks a rare word
    it mentions once. A word that only occurs inside a phrase, or is already covered by a
    higher-ranked phrase, is not listed on its own; `KEYWORD_STOP_WORDS` are never listed, nor
    English stop words in a document whose `lang` is English.
    """
    stops = KEYWORD_STOP_WORDS | _english_stop_words() if lang == "en" else KEYWORD_STOP_WORDS
    head, body, doubtful = _title_and_body_units(text, title)
    units = head + body
    counts = surface_counts(units)
    frequencies = Counter({key: sum(c.values()) for key, c in counts.items()})
    forms = {key: best_form(c) for key, c in counts.items()}
    weights = {
        key: count * idf.get(key, default_idf)
        for key, count in frequencies.items()
        if _keyword_worthy(key, forms[key], count, doubtful, stops)
    }
    for key, surfaces in long_phrase_counts(units).items():
        count, form = sum(surfaces.values()), best_form(surfaces)
        if _long_phrase_worthy(key, form, count, doubtful, stops):
            words = key.split(" ")
            pairs = [f"{a} {b}" for a, b in itertools.pairwise(words)]
            frequencies[key], forms[key] = count, form
            weights[key] = count * sum(idf.get(p, default_idf) for p in pairs) / len(pairs)
    for key in [k for k in weights if _noun_before_name(k, forms[k], frequencies)]:
        del weights[key]
    words_too = _complete_names(
        body, weights, frequencies, forms, counts, stops, doubtful, 3 * limit
    )
    merged = _lengthen_names(weights, frequencies, forms, counts, units)
    # A word or phrase that only ever occurs inside a longer phrase is shown as that phrase.
    for key in sorted((k for k in weights if " " in k), key=lambda k: -k.count(" ")):
        if key not in weights:
            continue
        words = key.split(" ")
        parts = [*words, *(" ".join(words[i : i + n]) for n in (2, 3)
                           for i in range(len(words) - n + 1) if n < len(words))]
        for part in parts:
            if frequencies.get(part, 0) <= frequencies[key]:
                weights.pop(part, None)
    for key in merged:  # (after they have hidden their own parts)
        weights.pop(key, None)
    shown_as = _define_acronyms(text, weights, forms)
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    chosen: list[dict[str, Any]] = []
    covered: set[str] = set()
    taken: list[list[str]] = []
    for key, weight in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0])):
        if len(chosen) >= limit:
            break
        words = key.split(" ")
        if len(words) == 1 and key in covered and key not in words_too:
            continue
        if len(words) > 1 and any(_overlapping(words, o) for o in taken if len(o) > 1):
            continue  # `Tenggara Barat` after `Nusa Tenggara`: pieces of one run of words
        if len(words) > 1:
            # a phrase says the parts of it listed before on their own when they mostly stand
            # in it: a name its capitalized parts (`Marc`, `Marquez`; not `Lombok` beside
            # `Lombok Utara`), a term its common words (`demam` beside `demam berdarah`; not
            # `TBC` beside `kasus TBC`); a common word, more than two times in three (not
            # `beras` of `harga beras` and `gudang beras`)
            name = all(w[:1].isupper() for w in forms[key].split(" "))
            inside = frequencies[key]
            kept = [(t, c) for t, c in zip(taken, chosen, strict=True)
                    if not (len(t) == 1 and t[0] in words
                            and c["term"][:1].isupper() == name
                            and (frequencies[t[0]] <= 2 * inside if name else
                                 c["term"].islower() and 2 * frequencies[t[0]] < 3 * inside))]
            taken, chosen = [t for t, _ in kept], [c for _, c in kept]
        covered.update(words)
        taken.append(words)
        term = shown_as.get(key) or _shown(forms[key], doubtful)
        if len(words) == 1 and term[:1].isalpha() and not term.islower():
            term = product_name(term, text) or term
        chosen.append({"term": term, "weight": round(weight / norm, 4)})
    return chosen


# An acronym defined in the text: `Komisi Pemberantasan Korupsi (KPK)`.
_DEFINED_RE = re.compile(r"((?:[A-Z][\w'-]*,?\s+(?:dan\s+)?){1,7}[A-Z][\w'-]*)\s*\(([A-Z]{2,8})\)")


def _define_acronyms(
    text: str, weights: dict[str, float], forms: dict[str, str]
) -> dict[str, str]:
    """An acronym listed beside the name the text defines it as is one keyword, the name with
    the acronym (`Komisi Pemberantasan Korupsi (KPK)`), weighted as the heavier of the two.
    Returns how those names are shown."""
    shown: dict[str, str] = {}
    if "(" not in text:
        return shown
    for match in _DEFINED_RE.finditer(text):
        acronym = match.group(2).lower()
        if acronym not in weights or not forms.get(acronym, "").isupper():
            continue
        words = [w.rstrip(",") for w in match.group(1).split()]
        for n in range(len(words), 1, -1):  # (the longest listed ending of the words before it)
            key = " ".join(w.lower() for w in words[-n:])
            if key in weights and "".join(w[0] for w in words[-n:] if w != "dan").upper()[:1] == (
                match.group(2)[0]
            ):
                weights[key] = max(weights[key], weights.pop(acronym))
                shown[key] = f"{' '.join(words[-n:])} ({match.group(2)})"
                break
    return shown


def _capitalized(form: str) -> bool:
    return all(word[:1].isupper() for word in form.split(" "))


def _capital_runs(
    units: Sequence[tuple[str, str, bool]],
) -> tuple[list[tuple[int, list[tuple[str, str]]]], dict[str, int]]:
    """The runs of two or more adjacent capitalized words of a text, as (the index of the first
    unit, [(surface, key), ...]); and the index of each capitalized word's first use."""
    runs: list[tuple[int, list[tuple[str, str]]]] = []
    firsts: dict[str, int] = {}
    run: list[tuple[str, str]] = []
    start = 0
    for i, (surface, key, joined) in enumerate(units):
        capital = bool(key) and surface[:1].isupper() and surface[:1].isalpha()
        if capital:
            firsts.setdefault(key, i)
            if joined and run:
                run.append((surface, key))
                continue
        elif run and _and_in_name(units, i, run):
            run.append((surface, "dan"))
            continue
        elif run and key in NAME_PARTICLES and joined and i + 1 < len(units) and (
            units[i + 1][0][:1].isupper() and units[i + 1][2] and units[i + 1][1]
        ):
            run.append((surface, key))  # `Mohammed bin Salman`, `Rio de Janeiro`
            continue
        if len(run) > 1:
            runs.append((start, run))
        run, start = ([(surface, key)] if capital else []), i
    if len(run) > 1:
        runs.append((start, run))
    return runs, firsts


# Lowercase particles inside names: `Mohammed bin Salman`, `Rio de Janeiro`, `Louis van Gaal`.
NAME_PARTICLES = frozenset("bin binti de da van von der del dos du".split())


def _and_in_name(
    units: Sequence[tuple[str, str, bool]], i: int, run: list[tuple[str, str]]
) -> bool:
    """Whether the `dan` at `i` joins two parts of an institution's name (`Badan Pengawas Obat
    dan Makanan`, `Bea dan Cukai`): the run before it opens with such a head and a capitalized
    word follows."""
    surface, _, joined = units[i]
    if surface != "dan" or not joined or i + 1 >= len(units):
        return False
    after, key, next_joined = units[i + 1]
    return (
        any(word in _INSTITUTION_HEADS for _, word in run)
        and bool(key) and after[:1].isupper() and next_joined
    )


# Countries: a name of their own, however often they stand inside others (`Bank Indonesia`).
_COUNTRIES = frozenset(
    """indonesia malaysia singapura thailand vietnam filipina jepang china tiongkok korea india
    amerika australia inggris prancis perancis jerman italia spanyol belanda rusia ukraina arab
    mesir turki iran irak israel palestina brasil argentina kanada meksiko wales skotlandia
    irlandia selandia portugal belgia swiss swedia norwegia denmark polandia yunani pakistan
    bangladesh myanmar kamboja laos brunei qatar kuwait yordania suriah lebanon afrika
    nigeria""".split()
)
# Titles of English and royal news that head a run of names (`Prime Minister Keir Starmer`).
_NAME_TITLES = frozenset(
    """minister president prime secretary chief king queen prince raja ratu pangeran affairs
    officer director manager head public relations vice general senior executive""".split()
)
# First names that are also dictionary words (`Sri Mulyani`, `Siti Nurbaya`).
_NAME_STARTS = frozenset(
    """sri siti nur dewi putri budi bayu andi muhammad abdul ahmad baiq made putu kadek nyoman
    ketut gede ida raden teuku tengku cut""".split()
)
# An institution's name and a person's name are taken at most this many words long.
FULL_NAME_WORDS = 5
PERSON_NAME_WORDS = 4
# The heads of institutions' names (`Dinas Kesehatan Kota Surabaya`, `Institut Pertanian Bogor`).
_INSTITUTION_HEADS = NAME_HEADS_ALONE | frozenset(
    """institut universitas pemerintah pemkab pemkot pemprov pengadilan kejaksaan polres polda
    polsek kodam fakultas akademi politeknik partai bea""".split()
)


_CLUB_SUFFIXES = frozenset({"FC", "SC", "CF", "AFC", "FK"})
_CLUB_WORDS = frozenset(
    "city united fc sc cf afc fk rovers wanderers athletic hotspur villa county albion".split()
)
_REGION_HEADS = frozenset("provinsi kabupaten kota kecamatan kelurahan desa kab kec".split())
# Nouns derived with ke-/pe-(r)-...-an: the words of institutions' names (`Kesehatan`).
_DERIVED_NOUN_RE = re.compile(r"^(?:ke|pe)\w{3,}an$")


# Derived nouns that head a place's name (`Kepulauan Riau`, `Kecamatan Cilandak`).
_PLACE_NOUNS = frozenset(
    """kepulauan kecamatan kelurahan kesultanan kerajaan keuskupan pelabuhan pegunungan perairan
    perumahan pedukuhan perkebunan pemakaman perbukitan pedesaan perkampungan""".split()
)


_NAME_HEAD_NOUNS = _INSTITUTION_HEADS | _PLACE_NOUNS


def _noun_before_name(key: str, form: str, frequencies: Counter[str]) -> bool:
    """A capitalized derived noun before a name that also stands alone: a portfolio or a
    sentence's subject, not part of the name (`Menteri Ketenagakerjaan Yassierli`, `Kemenangan
    Jonatan memastikan ...`; not `Kejaksaan Agung`, `Kepulauan Riau`)."""
    words = key.split(" ")
    if len(words) != 2 or not _capitalized(form):
        return False
    noun, name = words
    return (
        bool(_DERIVED_NOUN_RE.match(noun))
        and noun not in _NAME_HEAD_NOUNS
        and not is_word(name)
        and frequencies.get(name, 0) > frequencies[key]
    )


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    from pipeline.clean import PLACES

    return PLACES


def _name_word(surface: str, key: str) -> bool:
    """A word that may be part of a person's name: not an office, title, rank, institution
    head, country, place, acronym or weak word."""
    return not (
        is_office(surface) or surface.isupper() or key in _NAME_TITLES or key in RANKS
        or key in _INSTITUTION_HEADS or key in _COUNTRIES or key in KEYWORD_WEAK_WORDS
        or surface in _places()
    )


def _full_name(
    run: list[tuple[str, str]], p: int, stops: frozenset[str]
) -> list[tuple[str, str]] | None:
    """The full name the word at `p` of a run of capitalized words is part of, or None.

    A word after the head of an institution's name is part of that name, which runs on over
    dictionary words and places (`Dinas Kesehatan Kota Surabaya`, `Kementerian Agama`); a
    derived word without such a head is left alone (`Anggaran Pendapatan`). Any other word is a
    person's first name, the name running on over up to four name words (`Hendra Wiratmaja
    Saputra`, with a first name that is also a word before it: `Sri Mulyani Indrawati`), or a
    surname after a first name (`Jonatan Christie`)."""
    places = _places()
    key = run[p][1]
    head = None  # the nearest head before the word, unless a person's title or rank stands
    for i in range(p - 1, -1, -1):  # between: `Polda Metro Jaya Kombes Argo`
        surface, word = run[i]
        if word in _INSTITUTION_HEADS:
            head = i
            break
        if is_office(surface) or surface.isupper() or word in RANKS or word in _NAME_TITLES:
            break
    if head is not None and p + 1 < len(run) and not is_word(run[p + 1][1]) and (
        run[p + 1][0] not in places and _name_word(*run[p + 1])
        and p - 1 > head and run[p - 1][1] not in _REGION_HEADS
    ):  # (the word right after a head is the institution's: `Kementerian Agama Lukman ...`,
        # as is a region's place: `Kabupaten Sleman Taufiq`)
        head = None  # a person's name after an institution's: `BPBD Kabupaten Demak Agus
        # Nugroho Luhur Pambudi`, `Bea dan Cukai Batam Bayu Hendra Wicaksono`
    if head is not None:
        if not is_word(key):
            return None  # (a person after an institution: `Kementerian Keuangan Bimo`)
        end = p + 1
        joins = sum(1 for _, word in run[head:] if word == "dan")  # (`... Umum dan Penataan`)
        while end < len(run) and end - head < FULL_NAME_WORDS + 3 * joins and (
            is_word(run[end][1]) or run[end][0] in places or run[end][1] in KEYWORD_WEAK_WORDS
        ):
            end += 1
        while run[end - 1][1] == "dan":
            end -= 1
        part = run[head:end]
    elif _DERIVED_NOUN_RE.match(key) and is_word(key) and not is_root(key):
        return None  # (`Kesehatan`, `Pertanian` without the head of their name)
    elif p + 1 < len(run):
        if p and f"{run[p - 1][0]} {run[p][0]}" in places:
            return None  # (the end of a place's name: `Amerika Serikat Joe Biden`)
        start = p - 1 if p and run[p - 1][1] in _NAME_STARTS else p
        end = p + 1
        while end < len(run) and end - start < PERSON_NAME_WORDS and _name_word(*run[end]):
            end += 1
        if end < len(run) and end - start < PERSON_NAME_WORDS and (
            run[end][0] in places or run[end][0] in _CLUB_SUFFIXES
        ):
            end += 1  # a club's place or suffix closes its name: `Persib Bandung`, `Arema FC`
        part = run[start:end]
    else:
        back = p - 2 if p > 1 and run[p - 1][1] in NAME_PARTICLES else p - 1
        part = run[back : p + 1]
        first, word = part[0]
        if (is_root(word) and word not in _NAME_STARTS) or (
            first not in places and not _name_word(first, word)
        ):
            return None  # (`Umrah Kemenag`, `Kanada Trudeau`, `TNI Suharyanto`: no first name;
            # a place before it is a club's: `Manchester City`)
    if head is None and _DERIVED_NOUN_RE.match(part[0][1]) and (
        part[0][1] not in _NAME_HEAD_NOUNS
    ):
        return None  # (a portfolio or a subject: `Ketenagakerjaan Yassierli`, `Kemenangan Jonatan`)
    keys = [k for _, k in part]
    if len(part) < 2 or is_office(part[0][0]) or keys[0] in _NAME_TITLES or any(
        (k in stops and k not in NAME_HEADS and (k != "dan" or head is None))
        or k in RANKS or k in _COUNTRIES for k in keys
    ):
        return None  # (`Presiden Jokowi`, `Ipda Budi`)
    return part


def _complete_names(
    units: Sequence[tuple[str, str, bool]],
    weights: dict[str, float],
    frequencies: Counter[str],
    forms: dict[str, str],
    counts: dict[str, Counter[str]],
    stops: frozenset[str],
    doubtful: set[str],
    top: int,
) -> set[str]:
    """A one-word name (of the `top` words by weight) that a text (without its title) first
    writes in full is shown as the full name (see `_full_name`), with its weight: `Hendra` of
    `Bupati Lampung Selatan Hendra Wiratmaja Saputra`. Places, countries, acronyms, words
    capitalized only at sentence starts, a name first written alone (`Google` before `Google
    Play`) and a word standing alone and in two full names keep their one word. An
    institution's name must recur and its word never stand alone (`Keuangan` only ever inside
    `Kementerian Keuangan`, twice); a derived word found only inside names is dropped. A
    person's first name that is also a word written in lowercase (`Indah Permatasari`, `pantai
    yang indah`) keeps that word with its lowercase uses; those words are returned."""
    runs, firsts = _capital_runs(units)
    in_runs = {key for _, run in runs for _, key in run}
    named = heapq.nsmallest(top, (k for k in weights if k in in_runs),
                            key=lambda k: (-weights[k], k))
    # A name that is also a word written in lowercase (`Indah Permatasari` beside `pantai yang
    # indah`) is looked at in its capitalized form, twice at least.
    capital = {key: _capital_form(counts[key]) for key in named}
    wanted = {
        key for key in named
        if capital[key] and len(key) > 2 and key not in _COUNTRIES
        and capital[key] not in _places() and capital[key] not in doubtful
    }
    words_too: set[str] = set()
    if not wanted:
        return words_too
    uses: dict[str, list[tuple[int, list[tuple[str, str]], int]]] = {}  # (run start, run, p)
    for start, run in runs:
        for p, (_, word) in enumerate(run):
            if word in wanted:
                uses.setdefault(word, []).append((start, run, p))
    for key in sorted(uses, key=lambda k: (-weights[k], k)):
        form = capital[key]
        full: Counter[tuple[str, str]] = Counter()
        earliest: dict[tuple[str, str], int] = {}
        for start, run, p in uses[key]:
            part = _full_name(run, p, stops)
            if part:
                name = " ".join(s for s, _ in part), " ".join(k for _, k in part)
                full[name] += 1
                earliest.setdefault(name, start + p)
        alone = counts[key][form] - len(uses[key])
        if not full and not alone and _DERIVED_NOUN_RE.match(key) and form == forms[key]:
            weights.pop(key)  # a piece of names only: `Perhubungan` of `Menteri Perhubungan`
            continue
        if not full or firsts[key] < min(earliest.values()):
            continue
        # (the most frequent full form; of equals, the one written first)
        (surface, name), times = max(full.items(), key=lambda item: (item[1], -earliest[item[0]]))
        if name.split(" ")[0] in _INSTITUTION_HEADS:  # an institution's name must recur
            if alone > 0 or times < MIN_PHRASE_COUNT:
                continue
        elif (surface.split(" ")[0] in _places() and name.count(" ") == 1
              and times < MIN_PHRASE_COUNT and key not in _CLUB_WORDS):
            continue  # (a club's name recurs; `PT MRT Jakarta Tuhiyat`, once, names a person)
        elif alone > 0 and len(full) > 1:
            continue  # (a word standing alone and in two names: whose is it?)
        lower = sum(n for f, n in counts[key].items() if f.islower())
        person = bool(alone) and name.split(" ")[0] == key and not any(
            is_word(word) for word in name.split(" ")[1:]
        )
        if not lower or (form == forms[key] and not person):
            weight, frequency = weights.pop(key), frequencies[key]
        elif not person:
            continue  # (a word also written as a name's head: `pasar`, `Pasar Induk`)
        else:  # a person's first name that is also a word keeps the word's lowercase uses
            share = (frequencies[key] - lower) / frequencies[key]
            weight, frequency = weights[key] * share, frequencies[key] - lower
            weights[key] -= weight
            forms[key] = key
            words_too.add(key)
        weights[name] = max(weights.get(name, 0.0), weight)
        frequencies[name] = max(frequencies.get(name, 0), frequency)
        forms[name] = surface
    return words_too


def _capital_form(forms: Counter[str]) -> str | None:
    """The capitalized (not all-caps) form of a word, when it is the form shown, or is written
    at least twice and as often as in lowercase (mostly a name); else None."""
    form, n = max(((f, c) for f, c in forms.items() if f[:1].isupper() and not f.isupper()),
                  key=lambda item: (item[1], item[0]), default=(None, 0))
    if form is None:
        return None
    lower = sum(c for f, c in forms.items() if f.islower())
    if best_form(forms) != form and (n < MIN_PHRASE_COUNT or n < lower):
        return None
    return form


def _names_alone(units: Sequence[tuple[str, str, bool]]) -> Counter[str]:
    """How often each two-word name stands alone, not inside a longer run of capitalized words
    (`DKI Jakarta` in `warga DKI Jakarta`, not in `Gubernur DKI Jakarta`)."""

    def capital(i: int) -> bool:
        return 0 <= i < len(units) and units[i][0][:1].isupper() and units[i][0][:1].isalpha()

    alone: Counter[str] = Counter()
    for i in range(1, len(units)):
        if not (units[i][2] and units[i][1] and units[i - 1][1] and capital(i) and capital(i - 1)):
            continue
        before = units[i - 1][2] and capital(i - 2)
        after = i + 1 < len(units) and units[i + 1][2] and capital(i + 1)
        if not before and not after:
            alone[f"{units[i - 1][1]} {units[i][1]}"] += 1
    return alone


def _lengthen_names(
    weights: dict[str, float],
    frequencies: Counter[str],
    forms: dict[str, str],
    counts: dict[str, Counter[str]],
    units: Sequence[tuple[str, str, bool]],
) -> list[str]:
    """Two-word names of dictionary words that never stand alone and mostly stand inside one
    longer recurring name: that name gets the higher weight of the two, and the caller drops
    them (`Luar Negeri` of `Menteri Luar Negeri` three times and `Kementerian Luar Negeri` once,
    besides `di luar negeri`)."""
    longer = [k for k in weights if k.count(" ") > 1 and _capitalized(forms[k])]
    merged: list[str] = []
    pieces = [k for k in weights if longer and k.count(" ") == 1 and _capitalized(forms[k])
              and all(is_root(word) for word in k.split(" "))]
    alone = _names_alone(units) if pieces else Counter()
    for key in pieces:
        if alone[key]:
            continue
        named = sum(n for form, n in counts[key].items() if _capitalized(form))
        inside = [k for k in longer if f" {key} " in f" {k} "]
        best = min(inside, key=lambda k: (-frequencies[k], k), default=None)
        if best is not None and 2 * frequencies[best] >= named:
            weights[best] = max(weights[best], weights[key])
            merged.append(key)  # (dropped by the caller once it has hidden its own parts)
    return merged


def _overlapping(words: list[str], other: list[str]) -> bool:
    """Whether two phrases are pieces of one run of words: one inside the other, or one's end
    the other's start (`nusa tenggara` / `tenggara barat`, `dinas perhubungan daerah istimewa` /
    `daerah istimewa yogyakarta`)."""
    text, inner = f" {' '.join(other)} ", f" {' '.join(words)} "
    if inner in text or text in inner:
        return True
    return any(words[-k:] == other[:k] or other[-k:] == words[:k]
               for k in range(1, min(len(words), len(other))))


def _long_phrase_worthy(
    key: str, form: str, count: int, doubtful: set[str], stops: frozenset[str]
) -> bool:
    """A run of three or four words is a keyword when it recurs, has no verb or possessive, and
    is a name (all capitalized: weak words allowed) or a term that neither starts nor ends with
    a weak word."""
    if count < MIN_PHRASE_COUNT:
        return False
    keys, surfaces = key.split(" "), form.split(" ")
    if any(k in stops for k in keys) or any(
        _verb_or_possessive(w.lower() if w in doubtful else w) for w in surfaces
    ):
        return False
    # (a name that only ever opens a sentence opens it whole: `Otoritas Jasa Keuangan (OJK)
    # mencatat`; `Data Badan Pusat Statistik` is data of the name that starts at its head)
    # (an office opens it only when no person's name closes it: `Sekretaris Jenderal PBB`, not
    # `Menteri Ketenagakerjaan Yassierli`)
    person = not surfaces[-1].isupper() and not is_word(keys[-1])
    opening = surfaces[0] in doubtful and not (is_office(surfaces[0]) and person) and not any(
        k in _INSTITUTION_HEADS or is_office(w) for k, w in zip(keys[1:], surfaces[1:], strict=True)
    )
    if all(w[:1].isupper() and (w not in doubtful or (i == 0 and opening))
           for i, w in enumerate(surfaces)):
        # (not the end of one name and the start of another: `Raya Idul Fitri`, `Kramat Ipda
        # Budi`; a rank is not part of the name it comes before: `Ipda Budi Santoso`)
        return keys[0] not in KEYWORD_WEAK_WORDS and not _RANKS_ALONE & set(keys)
    return not any(w[:1].isupper() for w in surfaces) and not (
        keys[0] in KEYWORD_WEAK_WORDS or keys[-1] in KEYWORD_WEAK_WORDS
    )


# --------------------------------------------------------------------------------------------
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
