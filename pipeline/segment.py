"""Indonesian sentence segmentation: NLTK Punkt with shipped Indonesian parameters.

`split_sentences` splits one paragraph. The Punkt parameters were trained on IndoSum
(`pipeline.punkt_train`) and are extended here with curated abbreviations; a few rules on top
keep Punkt from splitting where Indonesian text never ends a sentence. nltk is imported on the
first call only (`pipeline.punkt_train.punkt`), so importing this module is cheap.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

__all__ = [
    "ABBREVIATIONS",
    "LIST_END_ABBREVIATIONS",
    "PREFIX_ABBREVIATIONS",
    "SPEECH_VERBS",
    "never_starts_sentence",
    "split_sentences",
    "tokenizer",
]

PARAMS_RESOURCE = "punkt_id.json"

# Abbreviations that always precede what they qualify (titles, ranks, address parts, `Rp.`):
# a sentence never ends with one, so no boundary is kept after them. Stored as Punkt stores
# abbreviations: lowercase, without the final period (`K.H.` -> "k.h").
PREFIX_ABBREVIATIONS: frozenset[str] = frozenset(
    {
        # titles and forms of address
        "dr", "dra", "drg", "drh", "drs", "h", "hj", "ir", "k.h", "kh", "ny", "nn",
        "prof", "sdr", "sdri", "sp", "st", "tn", "yth", "ust", "mr", "mrs", "ms",
        # military and police ranks and corps (`Kombes Pol.`, `Letkol Inf.`, `Marsma TNI Pnb.`)
        "brig", "brigjen", "jend", "kapt", "kol", "letjen", "mayjen", "pol", "inf", "mar",
        "kav", "art", "czi", "cpm", "pnb", "laks",
        # abbreviated first names and religious titles (`Moh. Mahfud`, `Abd. Rahman`, `Pdt.`)
        "moh", "moch", "muh", "mhd", "abd", "bp", "pdt", "mgr", "tgk",
        # addresses, administrative areas, numbers and money
        "blk", "gg", "jl", "jln", "kab", "kec", "kel", "no", "prov", "rep", "rp", "pkl",
        # `u.p. Kepala Bagian` (for the attention of), `QS. Al-Baqarah`, `Gub. DKI`
        "u.p", "qs", "gub",
        # companies and legal references: `PT. PLN`, `CV. Logam Jaya`, `UD. Sumber Rezeki`,
        # `RS Bhayangkara Tk. II`, `Pasal 363 jo. Pasal 64` (IndoSum's reference segmentation
        # wrongly ends sentences at `milik PT .` + `Charoen Pokphand`: F1 0.9871 -> 0.9868)
        "pt", "cv", "ud", "tk", "jo",
        "mohd",  # `Mohd. Tanwier`
        # villages and hamlets (`Kp. Sawah`, `Dsn. Krajan`, `Ds. Sumberejo`), `Dr. Eng. Budi`
        "kp", "dsn", "ds", "dk", "eng",
        # `Rr.` (Raden Roro), `Pst.` (pastor)
        "rr", "pst",
        # `Gn. Semeru` (gunung), `Perum. Griya Asri` (perumahan), `Atl. Madrid` (not `Man.`:
        # `Iron Man.` ends a sentence)
        "gn", "perum", "atl",
    }
)  # fmt: skip
# Abbreviations before a number: no sentence ends between them and it (`Km. 102`, `Lt. 3`,
# `RT. 03/RW. 05`, `Telp. 021-...`, `12 Okt. 2024`); before anything else Punkt decides.
NUMBER_ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "km", "lt", "rt", "rw", "telp", "tlp", "hp", "fax", "ext", "hal", "ps", "nomor", "kode",
        "nip", "nrp", "nik", "npwp",
        "jan", "feb", "mar", "apr", "jun", "jul", "agu", "agt", "ags", "agust", "sep", "sept",
        "okt", "nov", "des",
    }
)  # fmt: skip

# All curated abbreviations: the prefixes plus those that may also end a sentence
# (`dll.`, `dkk.`, degrees after a name), where Punkt decides from the next word.
# Acting heads of regions and offices (`Pj. Gubernur`, `Plt. Kepala BPS`, `Pjs. Bupati`, `Plh.
# Sekda`): the title goes with the office after it, but may also end a sentence (`... dipimpin
# Plh. Pelayanan publik ...`). Decided here, by the next word (`OFFICES`).
ACTING_TITLES: frozenset[str] = frozenset({"pj", "plt", "pjs", "plh"})
OFFICES: frozenset[str] = frozenset(
    """gubernur wakil bupati wali walikota wako kepala ketua ketum sekda sekdes sekjen sekretaris
    direktur dirut camat lurah kades rektor dekan menteri asisten deputi komisaris presiden
    dirjen kepsek juru jubir wabup wagub wawali kasatpol""".split()
)
# Office words built from a head (`Kadinkes`, `Kabiro`, `Kapolres`, `Menpora`, `Mendikbud`).
_OFFICE_RE = re.compile(
    r"(?:ka(?:dis|din|biro|kanwil|lak|bag|bid|sub|pus|sat|si|nit|polres|polda|polsek|jari|jati|"
    r"rutan|lapas|ro)|men(?:ko|pan|pora|dik|kes|lu|han|ag|tan|aker|dag|perin|hub|keu|kominfo|sos|"
    r"kumham|ristek|parekraf|lhk|pppa|desa|investasi|bumn|teri|eg))[a-z]*"
)


def is_office(word: str) -> bool:
    """Whether `word` names an office that an acting title qualifies (`Plt. Kepala`, `Pj.
    Gubernur`, `Plt. Kadinkes`, `Plt. Menpora`)."""
    bare = word.strip(_OPENING_MARKS + ",.;:").lower()
    return bare in OFFICES or bool(_OFFICE_RE.fullmatch(bare))

# Academic degrees after a name (`Budi Santoso, S.H., M.H.`).
DEGREES: frozenset[str] = frozenset(
    {
        "s.ag", "s.e", "s.h", "s.hum", "s.ip", "s.kom", "s.ked", "s.kep", "s.pd", "s.psi",
        "s.s", "s.si", "s.sos", "s.t", "m.a", "m.ag", "m.eng", "m.h", "m.hum", "m.kes",
        "m.kom", "m.m", "m.pd", "m.sc", "m.si", "m.t", "ph.d", "b.sc",
        # (the police academy's `S.I.K.`, Islamic law's `S.H.I.`, and others seen in releases)
        "s.i.k", "s.i.p", "s.h.i", "m.h.i", "s.farm", "s.ikom", "s.kh", "s.p", "s.pt", "m.p",
        "m.ap", "m.kn", "m.ikom", "s.tr", "s.ak", "m.ak",
    }
)  # fmt: skip

ABBREVIATIONS: frozenset[str] = PREFIX_ABBREVIATIONS | DEGREES | frozenset(
    {
        # suffixes after names
        "jr", "sr", "purn",
        # `Bpk.` (Bapak) is also `BPK.` (the audit board) at the end of a sentence
        "bpk", "bros",
        # common short forms
        "a.l", "a.n", "d.a", "hlm", "s.d", "sbg", "tgl", "thn", "th", "tsb", "ybs", "yg",
        "pk", "vol", "vs", "inc", "ltd", "co", "corp", "tbk", "u.s", "a.s", "e.g", "i.e",
    }
)  # fmt: skip

# Short forms that always lead to what follows: `a.n.` (atas nama), `u.p.` (untuk perhatian),
# `u.b.` (untuk beliau), `d.a.` (dengan alamat), `s.d.` (sampai dengan).
_CONNECTING_ABBREVIATIONS: frozenset[str] = frozenset({"a.n", "u.p", "u.b", "d.a", "s.d"})

# Abbreviations that close a list (`dll.` = and so on): before a capitalised word they end the
# sentence, before anything else they do not. Kept out of Punkt's abbreviations and decided here.
LIST_END_ABBREVIATIONS: frozenset[str] = frozenset({"dkk", "dll", "dsb", "dst", "etc"})

# A word that ends a quotation: `.`, `?`, `!` or `…` and then closing quote marks.
_QUOTE_END_RE = re.compile(r"[.?!…][\"'”’]+$")
_OPENING_MARKS = "([{\"'“‘"
# Speech verbs that tag a quotation (`"...," kata Andi`), merged even when capitalised.
SPEECH_VERBS: frozenset[str] = frozenset(
    {
        verb + suffix
        for verb in (
            "kata", "ujar", "ucap", "tutur", "ungkap", "jelas", "tambah", "lanjut", "imbuh",
            "papar", "terang", "tanya", "tegas", "sebut", "pungkas", "tulis", "kilah", "tukas",
            "cetus", "kenang", "seru", "timpal",
        )
        for suffix in ("", "nya")
    }
)  # fmt: skip
# A Hijri year (13xx-15xx) and `H.` before a capital: a sentence ends (`1445 H. Keputusan`).
_HIJRI_END_RE = re.compile(r"(?<!\S)1[345]\d\d H\. $")
_HIJRI_START_RE = re.compile(r"(?<!\S)1[345]\d\d H\. ([\"“]?[A-Z])")
# A capital initial (see `_initial_of_name`).
_CAPITAL_INITIAL_RE = re.compile(r"[A-Z]\.")
# Words that open sentences rather than continue names (`Bambang S. Kemudian ia pulang`).
_OPENING_WORDS = frozenset(
    """ia dia mereka kami kita saya anda beliau namun tetapi kemudian lalu sementara selain
    menurut saat ketika setelah sebelum sebelumnya sejak hal adapun meski meskipun karena
    dalam pada di ke dari untuk dengan sedangkan bahkan kini akibatnya selanjutnya itu ini
    tak tidak belum sudah hingga sampai jika bila apabila kalau agar bagi oleh atas the""".split()
)
# A single-letter initial (`A.`): one before another is part of a name (`F. A. Porsche`).
_INITIAL_RE = re.compile(r"[^\W\d_]\.")
# Run-together initials before a name (`B.J. Habibie`, `R.A. Kartini`, `Jl. H.R. Rasuna Said`).
_INITIALS_RE = re.compile(r"(?:[A-Z]\.){2,3}")
# A word with no capital letter: Indonesian sentences start capitalised, so a boundary before
# one is an abbreviation Punkt did not know (`dr. Citra, Sp.A. menjelaskan`). Brands such as
# `iPhone` have a capital; lowercase outlet names do start sentences (`kumparan mencoba ...`).
_LOWERCASE_WORD_RE = re.compile(r"[a-z][^\sA-Z]*")
_LOWERCASE_STARTERS = frozenset({"kumparan", "detikcom", "detik.com", "kompas.com", "tempo.co"})

# An age or a count in parentheses (`(34)`, `(34),`): it never starts a sentence.
_AGE_RE = re.compile(r"\(\d{1,3}\)")
# A list marker on its own (`1.`, `b.`, `iv.`, `2)`): never a sentence, it heads the next one.
_LIST_MARKER_RE = re.compile(r"(?:\d{1,3}|[^\W\d_]|[ivxlcIVXLC]{1,5})[.)]")
# A numbered item inside a sentence: `...: 1.` (after a colon) or `Budi 2.` (the next number).
_INLINE_NUMBER_RE = re.compile(r"(:?) (\d{1,2})\.$")
# A hadith's or verse's source in brackets after a quotation's end: `(HR. Bukhari).`, `(QS
# Al-Baqarah: 183)`.
_CITATION_RE = re.compile(r"\((?:HR|H\.R|QS|Q\.S|Q\.?\s?S)\b\.?[^()]{1,60}\)[.,;]?(?:\s|$)")


def never_starts_sentence(word: str) -> bool:
    """Whether `word` cannot start an Indonesian sentence (no capital, not a lowercase brand)."""
    bare = word.rstrip(",.:;")
    return bool(_LOWERCASE_WORD_RE.fullmatch(word)) and bare not in _LOWERCASE_STARTERS


@lru_cache(maxsize=1)
def tokenizer() -> PunktSentenceTokenizer:
    """The Indonesian Punkt tokenizer (shipped parameters + curated abbreviations), built once."""
    from importlib import resources

    from pipeline.punkt_train import params_from_dict, punkt

    resource = resources.files("pipeline").joinpath("data", PARAMS_RESOURCE)
    params = params_from_dict(json.loads(resource.read_text(encoding="utf-8")))
    params.abbrev_types = (params.abbrev_types | ABBREVIATIONS) - LIST_END_ABBREVIATIONS
    return punkt().PunktSentenceTokenizer(params)


def _initial_of_name(text: str, start: int, next_word: str) -> bool:
    """Whether the capital initial ending before `start` opens a name of two capitalised words
    or more (`oleh M. Amin Hidayat`, `H. M. Bagus Santoso`), rather than closing `Serie A.`,
    `vitamin C. Sebagai alternatif`, `Bambang S. Kemudian ia ...`."""
    before = text[: start - 1].rsplit(" ", 2)
    previous = before[-2] if len(before) > 1 else ""
    after = text[start:].split(" ", 2)
    following = after[1] if len(after) > 1 else ""
    return (
        next_word[:1].isupper()
        and next_word.rstrip(",").lower() not in _OPENING_WORDS
        and following[:1].isupper()
        and (not previous or previous[:1].islower() or previous.endswith("."))
    )


def _keep_boundary(text: str, start: int) -> bool:
    """Whether a Punkt boundary before `text[start]` is kept."""
    if start <= 0 or text[start - 1] != " ":
        return False  # splits must fall on a space so that no text is lost or changed
    last_word = text[text.rfind(" ", 0, start - 1) + 1 : start - 1]
    next_end = text.find(" ", start)
    next_word = text[start : next_end if next_end >= 0 else len(text)]
    if _QUOTE_END_RE.search(last_word) and (
        next_word[:1].islower() or next_word.rstrip(",.").lower() in SPEECH_VERBS
    ):
        return False  # `"Siapa dia?" tanya Andi.`: the speech tag belongs to the quotation
    if _INITIAL_RE.fullmatch(last_word) and _INITIAL_RE.fullmatch(next_word):
        return False  # `F. A. Porsche`
    if last_word.endswith(".") and _AGE_RE.match(next_word):
        return False  # `berinisial A.R. (34) dan M.S. (29)`: an age follows the initials
    if last_word.lstrip(_OPENING_MARKS) in _VESSEL_PREFIXES and next_word.rstrip(",.").isupper():
        return False  # a ship's name: `KM. BV 5521 TS`, `KMP. PORT LINK`
    abbreviation = last_word.lstrip(_OPENING_MARKS).lower()
    if abbreviation.endswith(".)") and is_office(next_word):
        abbreviation = abbreviation[:-1]  # `Penjabat (Pj.) Gubernur`
    if abbreviation.endswith(".") and abbreviation[:-1].rpartition("/")[2] in (
        NUMBER_ABBREVIATIONS
    ) and next_word.lstrip("(+")[:1].isdigit():
        return False  # `Tol Cipali Km. 102`, `12 Okt. 2024`, `Telp. (0274) 868405`
    if abbreviation.endswith(".") and abbreviation[:-1] in _CONNECTING_ABBREVIATIONS:
        return False  # `a.n. Kepala Dinas`: on behalf of whom, to whose attention, up to what
    if _CAPITAL_INITIAL_RE.fullmatch(last_word) and _initial_of_name(text, start, next_word):
        return False  # `oleh M. Amin Hidayat`, `Drs. H. M. Bagus Santoso`
    if last_word.endswith(".") and never_starts_sentence(next_word):
        return False  # `Sp.A. menjelaskan`, `IPU. melantik`
    if (
        _INITIALS_RE.fullmatch(last_word.lstrip(_OPENING_MARKS))
        and abbreviation[:-1] not in ABBREVIATIONS
        and next_word[:1].isupper()
    ):
        return False  # `B.J. Habibie` (degrees such as `S.H.` are left to Punkt)
    if last_word in ("(HR.", "(H.R."):
        return False  # a hadith's narrator: `(HR. Muslim)` (`... hingga HR.` is human resources)
    if abbreviation == "h." and _HIJRI_END_RE.search(text, 0, start):
        return True  # the Hijri year: `1 Ramadan 1445 H. Keputusan ...`
    if abbreviation.endswith(".") and abbreviation[:-1] in PREFIX_ABBREVIATIONS:
        return False  # `Prof. DR. Soehartati`: a title is always followed by what it qualifies
    if abbreviation.endswith(".") and abbreviation[:-1] in ACTING_TITLES:
        return not is_office(next_word)  # `Plt. Kepala`, but `... dipimpin Plh. Pelayanan ...`
    if abbreviation.endswith(".") and abbreviation[:-1] in LIST_END_ABBREVIATIONS:
        # `buah, sayur, dll. di pasar` goes on; `..., dll. "Namun` starts a new sentence
        return text[start:].lstrip(_OPENING_MARKS)[:1].isupper()
    return True


# A degree closing a name and a capitalised word after it (`Budi, S.H., M.H. Terdakwa hadir`).
_DEGREE_THEN_WORD_RE = re.compile(
    r"(?<=, )((?:[A-Za-z]{1,2}\.){1,2}[A-Za-z]{0,4}\.?) ([\"“]?)([A-Z][a-z]+)\b"
)
# Vessel prefixes before a ship's name in capitals (`KM.` motor ship, `KMP.` ferry, `KRI.`).
_VESSEL_PREFIXES = frozenset({"KM.", "KMP.", "KRI.", "MV.", "KLM.", "KMC."})
# The days of the week (`Kamis (4/7/2024)` dates a statement; the clean stage's time stamps).
DAY_NAMES: tuple[str, ...] = (
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Ahad",
)
# Abbreviations that end a name and so may end a sentence before a capital: the audit board
# `BPK.` (not `Bpk.`, Bapak) and a listed company's `Tbk.`.
_NAME_END_RE = re.compile(r"(?<!\S)(?:BPK|Tbk|TBK)\. ([\"“]?[A-Z])")


def _after_degrees(text: str) -> list[int]:
    """Sentence starts that Punkt misses after a name's degrees (after its comma: `Budi, S.H.,
    M.H. Sidang ditunda`, `..., Ph.D. Eko menekankan`, `, M.Si. "Semoga ...`; a lowercase word
    goes on: `S.H. mengatakan`; `lulusan S.H. Universitas Airlangga` is no name's degree), and
    after `BPK.` or `Tbk.` before a capital, and after a Hijri year (`1445 H. Keputusan`)."""
    out = [m.start(2) for m in _DEGREE_THEN_WORD_RE.finditer(text)
           if m.group(1).endswith(".") and m.group(1)[:-1].lower() in DEGREES
           and text[m.end(3) : m.end(3) + 1] != "."  # another degree: `M.T. Ph.D.`
           and m.group(3) not in DAY_NAMES]  # the date of a statement: `S.H. Kamis (4/7)`
    return (out + [m.start(1) for m in _NAME_END_RE.finditer(text)]
            + [m.start(1) for m in _HIJRI_START_RE.finditer(text)])


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences.

    The sentences are stripped and never empty; joined with single spaces they give back the
    whitespace-normalized paragraph.
    """
    text = " ".join(paragraph.split())
    if not text:
        return []
    starts = [s for s, _ in tokenizer().span_tokenize(text)][1:]
    starts = sorted({*starts, *_after_degrees(text)})
    cuts: list[int] = []
    list_number = 0  # the last inline list number kept inside a sentence
    for start in starts:
        if not _keep_boundary(text, start):
            continue
        segment = text[cuts[-1] if cuts else 0 : start - 1]
        if _LIST_MARKER_RE.fullmatch(segment):
            list_number = int(segment[:-1]) if segment[:-1].isdecimal() else 0
            continue  # `1. Nico Rosberg ...` stays one sentence
        inline = _INLINE_NUMBER_RE.search(segment)
        if inline and (
            (inline.group(1) and inline.group(2) == "1")
            or 0 < list_number == int(inline.group(2)) - 1
        ):
            list_number = int(inline.group(2))
            continue  # `Pemenangnya: 1. Budi 2. Ani.` (not `QS Al-Ma'idah: 3. Ayat ...`)
        if _CITATION_RE.match(text, start):
            continue  # `"Puasa itu perisai." (HR. Bukhari).`: the source of what it closes
        cuts.append(start)
    bounds = [0, *cuts, len(text) + 1]
    return [text[a : b - 1] for a, b in zip(bounds, bounds[1:], strict=False) if a < b - 1]
