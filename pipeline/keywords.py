"""Keyword tags: the top TF-IDF words, phrases and names of one document, in surface form."""

from __future__ import annotations

import heapq
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from pipeline.language import (
    is_root,
    is_word,
    normalize_token,
    stop_words,
    title_case,
)
from pipeline.segment import ACTING_TITLES, PREFIX_ABBREVIATIONS, SPEECH_VERBS, is_office
from pipeline.terms import (
    TermAnalyzer,
    word_units,
)

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
    jutaan miliaran segera terus mulai soal""".split()
)  # (compass words and `raya`, `nasional` close names: `Nusa Tenggara Barat`)
# Verbs that headlines write as bare roots (`Banjir Landa Demak`, `Gubernur Tinjau Tanggul`,
# `BMKG Imbau Warga`): no keyword alone (in a phrase they may be: `tahan banting`).
HEADLINE_VERBS = frozenset(
    """bahas tinjau terima imbau jaga serbu picu rendam landa ajak minta raih siap resmi tembus
    ungkap sebut klaim dorong desak tolak tuntut tunda batal buka tutup gandeng incar intip cek
    simak sambut pantau kejar hadang bekuk ringkus tangkap bongkar gerebek sita usut periksa
    lapor tanggapi soroti beri bagi tebar gelontorkan genjot pacu pangkas naikkan
    turunkan""".split()
)
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
    for surface, key, joined, protected in word_units(text):
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
                and key not in PRODUCT_SUFFIXES and key not in HEADLINE_VERBS
                and not _office(form))
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
    matches = list(_DEFINED_RE.finditer(text))
    meanings: dict[str, set[str]] = {}
    for match in matches:
        meanings.setdefault(match.group(2), set()).add(" ".join(match.group(1).split()[-3:]))
    for match in matches:
        acronym = match.group(2).lower()
        if acronym not in weights or not forms.get(acronym, "").isupper():
            continue
        if len(meanings[match.group(2)]) > 1:
            continue  # (defined as two names: which is meant where is not known)
        surfaces = match.group(1).split()
        words = [w.rstrip(",") for w in surfaces]
        for n in range(len(words), 1, -1):  # (the longest listed ending of the words before it)
            key = " ".join(w.lower() for w in words[-n:])
            if key in weights and "".join(w[0] for w in words[-n:] if w != "dan").upper()[:1] == (
                match.group(2)[0]
            ):
                weights[key] = max(weights[key], weights.pop(acronym))
                shown[key] = f"{' '.join(words[-n:])} ({match.group(2)})"
                break
        else:  # a name listed with commas is no phrase: its words spell the acronym out
            n = next((n for n in range(len(words), 1, -1) if "".join(
                w[0] for w in words[-n:] if w != "dan") == match.group(2)), 0)
            if n and any(w.endswith(",") for w in surfaces[-n:]):
                key = " ".join(w.lower() for w in words[-n:])
                pieces = [w.lower() for w in words[-n:] if w != "dan"]
                weights[key] = max([weights.pop(acronym)] + [weights.pop(p, 0.0) for p in pieces
                                    if text.count(p.capitalize()) <= text.count(match.group(1))])
                forms[key] = " ".join(words[-n:])
                shown[key] = f"{' '.join(surfaces[-n:])} ({match.group(2)})"
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
        elif run and _joins_name(units, i, run):
            run.append((surface, surface))  # `Mohammed bin Salman`, `Bea dan Cukai`
            continue
        if len(run) > 1:
            runs.append((start, run))
        run, start = ([(surface, key)] if capital else []), i
    if len(run) > 1:
        runs.append((start, run))
    return runs, firsts


# Lowercase particles inside names: `Mohammed bin Salman`, `Rio de Janeiro`, `Louis van Gaal`.
NAME_PARTICLES = frozenset("bin binti de da van von der del dos du".split())


def _joins_name(
    units: Sequence[tuple[str, str, bool]], i: int, run: list[tuple[str, str]]
) -> bool:
    """Whether the lowercase word at `i` joins the run of capitalized words before it to the one
    after it: a particle (`Mohammed bin Salman`), or `dan` inside an institution's name (`Badan
    Pengawas Obat dan Makanan`, `Bea dan Cukai`)."""
    surface, _, joined = units[i]
    if not joined or i + 1 >= len(units):
        return False
    after, key, next_joined = units[i + 1]
    if not (key and after[:1].isupper() and next_joined):
        return False
    return surface in NAME_PARTICLES or (
        surface == "dan" and any(word in _INSTITUTION_HEADS for _, word in run)
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
    return _portfolio(noun) and not is_word(name) and frequencies.get(name, 0) > frequencies[key]


def _portfolio(word: str) -> bool:
    """A derived noun that is no head of a name (`ketenagakerjaan`, `kemenangan`; not
    `kejaksaan`, `kepulauan`): before a name it is a portfolio or a subject, no first name."""
    return bool(_DERIVED_NOUN_RE.match(word)) and word not in _NAME_HEAD_NOUNS


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
    if head is not None and p + 1 < len(run) and not (is_word(run[p + 1][1]) and is_word(key)) and (
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
    if head is None and _portfolio(part[0][1]):
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
    capital = {key: _capital_form(counts[key], forms[key]) for key in named}
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


def _capital_form(forms: Counter[str], shown: str) -> str | None:
    """The capitalized (not all-caps) form of a word, when it is the form `shown`, or is written
    at least twice and as often as in lowercase (mostly a name); else None."""
    form, n = max(((f, c) for f, c in forms.items() if f[:1].isupper() and not f.isupper()),
                  key=lambda item: (item[1], item[0]), default=(None, 0))
    if form is None:
        return None
    lower = sum(c for f, c in forms.items() if f.islower())
    if shown != form and (n < MIN_PHRASE_COUNT or n < lower):
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
