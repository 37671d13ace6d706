"""Cleaning rules: raw article text -> clean paragraphs of sentences (pure functions, no I/O).

`clean_document` applies the rules in this order; each step is a small named function.

1. Line breaks (`normalize_newlines`): CRLF, CR, form feeds, U+2028 -> LF; U+2029 -> blank line.
   First, so that every later step sees the same lines.
2. HTML (`strip_html`): `<script>`/`<style>`-like elements and comments dropped, `<figcaption>`
   dropped as a caption, `<br>` -> line break, block tags (`<p>`, `<div>`, ...) -> blank line,
   other known tags removed, then entities unescaped (`&amp;` `&nbsp;` `&#8220;`). Before the
   encoding repair, because entities can spell curly quotes or mojibake that the later steps fix.
3. Encoding (`repair_encoding`): ftfy fixes whole mojibake sequences (`â€œ` -> `“`).
4. Partial mojibake (`repair_partial_mojibake`): the remnants ftfy leaves when a byte was lost
   (`blok,†kata` -> `blok," kata`, `Chinaâ€.` -> `China".`).
5. Unicode (`normalize_unicode`): quotes -> ASCII `"`/`'`, dashes -> `-`, every space character
   -> a space, zero-width and other format characters and controls removed, NFC, spaces collapsed,
   lines stripped. Steps 2-5 repeat until the text no longer changes (double-escaped entities).
6. Line-level boilerplate (`classify_line`): whole lines that are captions, links, ads, share
   prompts, credits or footers are removed; trailing lines are also checked against the footers
   learned from the corpus (`recurring_footers`) and the end-only rules (`Sumber: ...`). Before
   joining lines, so that boilerplate never gets glued to a sentence.
7. Title (only with `detect_title=True`): a short unpunctuated first line, returned apart.
8. Paragraphs (`assemble_paragraphs`): blocks are separated by blank lines; inside a block, a
   hard-wrapped paragraph is joined, and otherwise each line is a paragraph except that a line
   that does not end a sentence is joined with the line that continues it (`join_broken_lines`).
9. Paragraph-level boilerplate: bracketed links, link placeholders, embeds, inline photo
   credits and ad banners anywhere (`strip_inline_boilerplate`); then, repeated until nothing
   changes, boilerplate glued after a paragraph's last sentence
   (`strip_trailing_boilerplate`), datelines at the start of the first two paragraphs
   (`strip_dateline`), and whole paragraphs that `classify_line` recognises.
10. Sentences: every paragraph -> `pipeline.segment.split_sentences`; empty paragraphs dropped.
11. Language (`pipeline.langid.detect_language`) and warnings.

Decisions: quotes are straightened to ASCII (sources mix curly and straight quotes, IndoSum uses
straight ones, and tokenizers and ROUGE treat them alike); the normalization form is NFC plus
ftfy's ligature and full-width folding, not NFKC, because NFKC also rewrites superscripts and
fractions that carry meaning in news (`m²` -> `m2`, `½` -> `1⁄2`); en and em dashes become `-`
like the quotes (sources use `-`, `–`, `—` and `--` interchangeably in datelines, ranges and
asides, and one form keeps the rules and the tokens simple).
"""

from __future__ import annotations

import hashlib
import html
import itertools
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from pipeline.language import ENTRY_RE, LIST_ITEM_RE, table_row, title_case
from pipeline.segment import (
    ABBREVIATIONS,
    ACTING_TITLES,
    DAY_NAMES,
    PREFIX_ABBREVIATIONS,
    is_office,
    split_sentences,
)

__all__ = [
    "Cleaned",
    "assemble_paragraphs",
    "classify_line",
    "clean_document",
    "clean_title",
    "ends_sentence",
    "footer_candidates",
    "footer_key",
    "join_broken_lines",
    "join_lines",
    "normalize_newlines",
    "normalize_unicode",
    "recurring_footers",
    "repair_encoding",
    "repair_partial_mojibake",
    "strip_dateline",
    "strip_html",
    "strip_inline_boilerplate",
    "story_keys",
    "strip_trailing_boilerplate",
]


@dataclass(frozen=True)
class Cleaned:
    """The result of cleaning one document."""

    text: str  # paragraphs joined by "\n\n", sentences by " "
    paragraphs: list[list[str]]  # sentences per paragraph
    title: str | None  # detected title (only when detect_title=True), else None
    removed: list[dict[str, str]]  # {"kind": ..., "text": ...} in document order
    repairs: list[dict[str, str]]  # {"kind": ..., "text": "before -> after"}
    warnings: list[str]
    lang: str  # ISO 639-1 code, or "und" when too short to tell


# A removal waiting to be sorted into document order: ((line, column), kind, text).
_Removal = tuple[tuple[int, int], str, str]


@dataclass
class _Paragraph:
    """A paragraph being assembled: its text and the input lines it came from."""

    first: int
    last: int
    text: str


# ---------------------------------------------------------------------------------------------
# 1-5. Text-level normalization
# ---------------------------------------------------------------------------------------------

_LINE_BREAK_RE = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028]")


def normalize_newlines(text: str) -> str:
    """Turn every line-break convention into LF (a paragraph separator into a blank line)."""
    return _LINE_BREAK_RE.sub("\n", text.replace("\u2029", "\n\n"))


_HTML_TAG_NAMES = (
    "a|abbr|address|article|aside|audio|b|big|blockquote|body|br|button|caption|center|cite|"
    "code|col|colgroup|dd|del|div|dl|dt|em|embed|figcaption|figure|font|footer|form|h[1-6]|"
    "head|header|hr|html|i|iframe|img|input|ins|label|li|link|main|mark|meta|nav|noscript|"
    "object|ol|p|param|picture|pre|q|s|script|section|select|small|source|span|strike|strong|"
    "style|sub|sup|svg|table|tbody|td|template|tfoot|th|thead|time|title|tr|tt|u|ul|video"
)
_HTML_DROPPED_RE = re.compile(
    r"<(script|style|noscript|iframe|svg|head|template|object)\b[^>]*>.*?</\1\s*>", re.I | re.S
)
_HTML_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_FIGCAPTION_RE = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption\s*>", re.I | re.S)
_BR_RE = re.compile(r"<br\s*/?>", re.I)
_BLOCK_TAG_RE = re.compile(
    r"</?(?:p|div|h[1-6]|ul|ol|dl|dd|dt|blockquote|table|tbody|thead|tfoot|tr|figure|section|"
    r"article|header|footer|main|aside|nav|pre|body|html|hr|address|center)\b[^<>]*>",
    re.I,
)
_TAG_RE = re.compile(rf"</?(?:{_HTML_TAG_NAMES})\b[^<>]*>", re.I)
_CELL_TAG_RE = re.compile(r"</?t[dh]\b[^<>]*>", re.I)
_SUPERSCRIPT_RE = re.compile(r"<sup>\s*([0-9+-]{1,3})\s*</sup>", re.I)
_SUPERSCRIPTS = str.maketrans(
    "0123456789+-", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207a\u207b"
)
# List items stay lines of one block, marked as items: `<li>A</li><li>B</li>` -> `- A` / `- B`.
_LIST_TAG_RE = re.compile(r"<li\b[^<>]*>|(</li\s*>)", re.I)
# Only terminated entities: `AT&T` and `R&D` are text, and `&copy 2020` without `;` is too.
# (and the few that pages write without their semicolon: `Rp&nbsp12`, `&amp `)
_ENTITY_RE = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|&(?:nbsp|amp|quot)(?![;A-Za-z])"
)


def strip_html(text: str) -> tuple[str, list[_Removal], list[dict[str, str]]]:
    """Turn HTML markup into plain text: breaks for `<br>` and block tags, tags removed,
    entities unescaped. Returns the text, the removals and the entity repairs."""
    removed: list[_Removal] = []

    def drop(kind: str, keep: str = "") -> Callable[[re.Match[str]], str]:
        def replace(match: re.Match[str]) -> str:
            line = match.string.count("\n", 0, match.start())
            if kind == "caption":  # the caption's text, without its inner tags
                shown = " ".join(_TAG_RE.sub(" ", match.group(1)).split())
            else:
                shown = match.group(0)
            if shown:
                removed.append(((line, 0), kind, shown))
            return keep

        return replace

    if "<" in text:
        text = _HTML_COMMENT_RE.sub(drop("html"), text)
        text = _HTML_DROPPED_RE.sub(drop("html"), text)
        text = _FIGCAPTION_RE.sub(drop("caption", "\n\n"), text)
        text = _BR_RE.sub("\n", text)
        text = _CELL_TAG_RE.sub(" ", text)  # `<td>Jakarta</td><td>65.000</td>`: two cells
        text = _LIST_TAG_RE.sub(lambda m: "" if m.group(1) else "\n- ", text)
        text = _SUPERSCRIPT_RE.sub(lambda m: m.group(1).translate(_SUPERSCRIPTS), text)  # m²
        text = _BLOCK_TAG_RE.sub("\n\n", text)
        text = _TAG_RE.sub(drop("html"), text)
    repairs: list[dict[str, str]] = []
    if "&" in text:
        seen: set[str] = set()

        def unescape(match: re.Match[str]) -> str:
            entity = match.group(0)
            value = html.unescape(entity)
            if value != entity and entity not in seen:
                seen.add(entity)
                repairs.append({"kind": "html-entity", "text": f"{entity} -> {value}"})
            return value

        text = _ENTITY_RE.sub(unescape, text)
    return text, removed, repairs


# Markdown, as exported or pasted: headings, emphasis, links, table rules, bullets.
_MD_HEADING_RE = re.compile(r"^#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.M)
_MD_STRONG_RE = re.compile(r"(?<![\w*])(\*\*|__)(?=\S)([^\n]+?)(?<=\S)\1(?![\w*])")
_MD_EMPHASIS_RE = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_MD_LINK_RE = re.compile(r"\[([^\[\]\n]{1,200})\]\((?:https?://|www\.|/)[^()\s]*\)")
_MD_TABLE_RULE_RE = re.compile(
    r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?)?[ \t]*$", re.M
)
_MD_TABLE_ROW_RE = re.compile(r"^[ \t]*\|(.+)\|[ \t]*$", re.M)
_MD_BULLET_RE = re.compile(r"^[ \t]*\*[ \t]+(?=\S)(?![ \t*]*$)", re.M)  # (not `* * *`)


# A footnote's mark after a sentence or clause: `miliar.[1]`, `tumbuh.¹` (`<sup>1</sup>`).
_FOOTNOTE_MARK_RE = re.compile(r"(?<=[.!?,;:\"'])(?:\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})(?=\s|$)")


def _footnote_marks(text: str) -> list[_Removal]:
    return [((text.count("\n", 0, m.start()), 0), "footnote", m.group(0))
            for m in _FOOTNOTE_MARK_RE.finditer(text)]


def _markdown_bullets(text: str) -> str:
    """`* item` lines next to each other become `- item`; a lone `* ...` line is a footnote."""
    lines = text.split("\n")
    bullet = [bool(_MD_BULLET_RE.match(line)) for line in lines]
    if sum(bullet) < 2:
        return text
    for i, line in enumerate(lines):
        if bullet[i] and ((i and bullet[i - 1]) or (i + 1 < len(lines) and bullet[i + 1])):
            lines[i] = _MD_BULLET_RE.sub("- ", line, count=1)
    return "\n".join(lines)


def strip_markdown(text: str) -> tuple[str, list[_Removal]]:
    """Turn Markdown into plain text: headings and emphasis lose their marks, a link keeps its
    text, a table's rule row goes and its rows lose their outer bars, `*` bullets become `-`.
    Only where the marks are Markdown's (a `# ` line, paired `**`, `[text](address)`)."""
    removed: list[_Removal] = []
    if "#" in text:
        text = _MD_HEADING_RE.sub(r"\1", text)
    if "*" in text or "__" in text:
        text = _MD_STRONG_RE.sub(r"\2", text)
        text = _MD_EMPHASIS_RE.sub(r"\1", text)
        text = _markdown_bullets(text)
    if "](" in text:
        text = _MD_LINK_RE.sub(r"\1", text)
    if "---" in text and "|" in text:
        for match in _MD_TABLE_RULE_RE.finditer(text):
            line = text.count("\n", 0, match.start())
            removed.append(((line, 0), "separator", match.group(0).strip()))
        text = _MD_TABLE_RULE_RE.sub("", text)
        text = _MD_TABLE_ROW_RE.sub(lambda m: " | ".join(c.strip() for c in m.group(1).split("|")),
                                    text)
    return text, removed


def _snippet(text: str, start: int, end: int, width: int = 12) -> str:
    return text[max(0, start - width) : end + width]


_REPLACED_QUOTE = "\u00e2\u20ac\ufffd"


def repair_encoding(text: str) -> tuple[str, list[dict[str, str]]]:
    """Fix whole mojibake sequences with ftfy (quotes are straightened later, not here)."""
    if text.isascii():
        return text, []
    import ftfy

    repairs: list[dict[str, str]] = []
    if _REPLACED_QUOTE in text:
        # A decoder with errors="replace" turned the closing quote's undefined cp1252 byte 0x9D
        # into U+FFFD; ftfy would collapse the remnant into a bare U+FFFD, so restore it first.
        count = text.count(_REPLACED_QUOTE)
        text = text.replace(_REPLACED_QUOTE, "\u201d")
        repairs.append({"kind": "mojibake", "text": f"{count} x 'â€\\ufffd' -> '\u201d'"})
    config = ftfy.TextFixerConfig(unescape_html=False, uncurl_quotes=False, explain=True)
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.isascii():
            continue
        fixed, steps = ftfy.fix_and_explain(line, config=config)
        if fixed == line:
            continue
        if any(step[0] in {"encode", "decode", "transcode"} for step in steps or []):
            start = len(os.path.commonprefix([line, fixed]))
            before, after = _snippet(line, start, start + 6), _snippet(fixed, start, start + 4)
            repairs.append({"kind": "mojibake", "text": f"{before} -> {after}"})
        lines[i] = fixed
    return "\n".join(lines), repairs


# Remnants of UTF-8 quotes and dashes read as cp1252 whose last byte was lost or mangled, so
# ftfy cannot decode them. `â€` + curly or straight double quote is an en/em dash (its third
# byte, 0x93 or 0x94, reads as a curly quote); a bare `â€` is a closing double quote (0x9D is
# undefined in cp1252 and is what gets lost); `†` glued after a word is `” ` whose bytes were
# re-read with the quote's last byte replaced (the seed's `blok,†kata`).
_PARTIAL_MOJIBAKE: tuple[tuple[str, str], ...] = (
    ("â€œ", '"'),
    ("â€\x9d", '"'),
    ("â€™", "'"),
    ("â€˜", "'"),
    ("â€¦", "…"),
    ("â€¢", "•"),
    ("â€“", "-"),
    ("â€”", "-"),
    ('â€"', "-"),
    ("â€", '"'),
    ("Â\xa0", " "),
    ("Â ", " "),  # the same, after the no-break space became a plain one
    # the same quotes with `â€` re-read as `†` (`People†™s` for `People’s`)
    ("†™", "'"),
    ("†˜", "'"),
    ("†œ", '"'),
    ("†\x9d", '"'),
)
_PARTIAL_MOJIBAKE_RE = re.compile(
    "|".join(re.escape(bad) for bad, _ in _PARTIAL_MOJIBAKE) + r"|(?<=\S)†"
)


def repair_partial_mojibake(text: str) -> tuple[str, list[dict[str, str]]]:
    """Repair truncated mojibake quote and dash sequences that ftfy leaves in place."""
    if "â€" not in text and "†" not in text and "Â" not in text:
        return text, []
    table = dict(_PARTIAL_MOJIBAKE)
    repairs: list[dict[str, str]] = []

    def replace(match: re.Match[str]) -> str:
        bad = match.group(0)
        if bad == "†":
            nxt = match.string[match.end() : match.end() + 1]
            good = '" ' if nxt and not nxt.isspace() else '"'
        else:
            good = table[bad]
        before = _snippet(match.string, match.start(), match.end())
        context_l = match.string[max(0, match.start() - 12) : match.start()]
        context_r = match.string[match.end() : match.end() + 12]
        repairs.append(
            {"kind": "partial-mojibake", "text": f"{before} -> {context_l}{good}{context_r}"}
        )
        return good

    return _PARTIAL_MOJIBAKE_RE.sub(replace, text), repairs


_CHAR_MAP = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u02bc", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63", "-"),
        "\t": " ",
    }
)
_DOUBLED_QUOTE_RE = re.compile(r"''|``")
_ASCII_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
_SPACES_RE = re.compile(r"[^\S\n]+")


def _non_ascii(match: re.Match[str]) -> str:
    char = match.group(0)
    category = unicodedata.category(char)
    if category in {"Cf", "Cc", "Cs"}:
        return ""  # zero-width, soft hyphen, bidi marks, BOM, C1 controls, lone surrogates
    if category == "Zs":
        return " "
    return char


def normalize_unicode(text: str) -> str:
    """ASCII quotes and dashes, plain spaces, no invisible characters, NFC, tidy whitespace."""
    text = text.translate(_CHAR_MAP)
    if "''" in text or "``" in text:  # a double quote typed as two single ones (or TeX's)
        text = _DOUBLED_QUOTE_RE.sub('"', text)
    text = _ASCII_CONTROL_RE.sub("", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", _NON_ASCII_RE.sub(_non_ascii, text))
    text = _SPACES_RE.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def _normalize_text(raw: str) -> tuple[str, list[_Removal], list[dict[str, str]]]:
    """Steps 1-5, repeated until the text is stable (at most a few rounds)."""
    text = normalize_newlines(raw)
    removed: list[_Removal] = []
    repairs: list[dict[str, str]] = []
    for _ in range(4):
        before = text
        text, html_removed, entity_repairs = strip_html(text)
        text, markdown_removed = strip_markdown(text)
        html_removed += markdown_removed + _footnote_marks(text)
        text = _FOOTNOTE_MARK_RE.sub("", text)
        text = normalize_newlines(text)
        text, encoding_repairs = repair_encoding(text)
        text, partial_repairs = repair_partial_mojibake(text)
        text = normalize_unicode(text)
        removed += html_removed
        repairs += entity_repairs + encoding_repairs + partial_repairs
        if text == before:
            break
    return text, removed, repairs


# ---------------------------------------------------------------------------------------------
# Shared patterns
# ---------------------------------------------------------------------------------------------

# Characters that end a sentence, or a line that is complete as it is.
_FINAL = frozenset(".!?…\"')]:»")


def ends_sentence(line: str) -> bool:
    """Whether a line ends like a finished sentence (`. ! ? … " ' ) ] :`)."""
    stripped = line.rstrip()
    return bool(stripped) and stripped[-1] in _FINAL


# News outlets and agencies seen in datelines and credits (matched case-insensitively).
_OUTLET_NAMES = (
    r"CNN\s+Indonesia|CNBC\s+Indonesia|Kompas(?:\.com|\.id|\s+TV)?|Liputan6(?:\.com)?|"
    r"ANTARA(?:\s*News)?|Antaranews|AntaraKL|TEMPO(?:\.CO)?|Bisnis(?:\.com)?|detik\w*|"
    r"IDN\s+Times|Suara(?:\.com)?|JawaPos(?:\.com)?|Jawa\s+Pos|"
    r"VIVA(?:\.co\.id|news|\s+(?:Bola|Showbiz|Otomotif|Sport|Tekno|Digital|Bisnis|Lifestyle|"
    r"Militer|Edukasi|Politik|Metro|Dunia|Trending|Jabar|Jatim|Bali|Jogja))?|"
    r"INDOSPORT(?:\.com)?|Goal(?:\.com)?|JUARA(?:\.net)?|kumparan|Merdeka(?:\.com)?|Okezone|"
    r"Sindonews|Tribun\w*|Republika|Pos\s*Kota|Rimanews|BolaSport(?:\.com)?|Bola(?:\.com|\.net)?|"
    r"Media\s+Indonesia|Beritasatu|Katadata|Tirto(?:\.id)?|Kontan|Medcom|Metro\s*TV|iNews|"
    r"Solopos|Pikiran\s+Rakyat|tvOne|Bernama|Reuters|AFP|Xinhua|Kapanlagi|Fimela|"
    # wire services of translated foreign news
    r"AP|Anadolu(?:\s+Agency)?|Bloomberg|Sputnik|Kyodo|Yonhap|DPA|TASS|RIA\s+Novosti|WAFA|"
    r"Al\s+Jazeera|BBC|NHK|"
    r"Warta\s+Ekonomi|Sindo|Kabarpas|KabarWajo|Dailysocial(?:\.id)?|Wolipop|Beautynesia|"
    r"HaiBunda|Insertlive|CXO\s*Media|Female\s*Daily|Popbela|Grid\.ID|JPNN(?:\.com)?|NU\s+Online|"
    r"PR\s+[A-Z]{3,}|"  # (the Pikiran Rakyat network: `PR BEKASI -`)
    # regional papers named after their place: `Riau Pos`, `Bali Post`, `Padang Ekspres`,
    # `Radar Malang`
    r"[A-Z][a-z]+\s+(?:Pos|Post|Ekspres|Express)|Radar\s+[A-Z][a-z]+"
)
# (top-level domains in any case: `REPUBLIKA.CO.ID`, `KOMPAS.TV`)
_DOMAIN = r"[A-Za-z][\w-]*(?:\.(?i:com|net|org|info|news|tv|co|id|my|sg|io|or|go|ac)){1,2}\b"
_OUTLET = rf"(?:(?i:{_OUTLET_NAMES})\b|{_DOMAIN})"
# A capitalized word of a place name (`Jakarta`, `JAKARTA`, `Petropavlovsk-Kamchatsky`).
_CAPW = r"[A-Z][\w'.-]*"
# (not `di`: as the Indonesian preposition it would let `Warga di Bekasi` pass for a place)
_PARTICLE = r"(?:de|da|la|le|el|van|von|al|del|DE|DA|LA|LE|EL)"
_PLACE = rf"{_CAPW}(?:\s+(?:{_PARTICLE}\s+)?{_CAPW}){{0,3}}"
# `Jakarta`, `Sleman, Yogyakarta`, `Jeddah, Saudi Arabia, 27/11`
_PLACE_EXT = rf"{_PLACE}(?:\s*,\s*{_PLACE}){{0,2}}(?:\s*,\s*\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)?"
# A dateline dash: `-`, `--`, `- -` (IndoSum), with a space before it or after it.
_DASH = r"(?:\s+-(?:\s?-){0,2}\s*|-(?:\s?-){0,2}\s+)"
# A spelled-out date after the place, as press releases write it: `Jakarta, 5 Mei 2024 -`,
# `Jakarta, Senin (5/5/2024) -`.
_MONTHS = (
    r"(?:Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|"
    r"November|Nopember|Desember|Jan|Feb|Mar|Apr|Jun|Jul|Agu|Agt|Ags|Sep|Sept|Okt|Nov|Des)\.?"
)
_DAYS = rf"(?:{'|'.join(DAY_NAMES)}|Jum'at)"
_DATE = (
    rf"(?:{_DAYS}\s*,?\s*)?(?:\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}"
    rf"|\(\s*\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\s*\)|\d{{1,2}}/\d{{1,2}}/\d{{4}})"
)
# A line that is only a publication time stamp, as scraped pages carry it above or below the
# article: `Kamis, 12 Januari 2023 | 10:15 WIB`, `Diperbarui 12/01/2023, 10.15 WIB`,
# `Kompas.com - 12/01/2023, 10:15 WIB`, `Published: March 3, 2024`.
_ANY_MONTH = (
    rf"(?:{_MONTHS}|January|February|March|May|June|July|August|October|December)"
)
_ANY_DAY = rf"(?:{_DAYS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_STAMP_DATE = (
    rf"(?:\d{{1,2}}\s+{_ANY_MONTH}\s+\d{{4}}|{_ANY_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|"
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})"
)
_STAMP_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:WIB|WITA|WIT|GMT\s*[+-]?\s*\d*|UTC\s*[+-]?\s*\d*)?"
# A bare date is kept: it heads the entries of a chronology or signs a letter. A stamp has a time,
# a publication word or an outlet in front.
_STAMP_LEAD = (
    r"(?:(?:diperbarui|diterbitkan|dipublikasikan|dipublish|terbit|tayang|updated?|published|"
    r"posted|last\s+updated|dibuat)(?:\s+pada)?\s*:?\s*|[A-Za-z][\w.]*\.(?i:com|id|net|co|tv)\s*[-\u2013\u2014]\s*)"
)
_STAMP_TAIL = rf"\s*(?:[|,/\u2013\u2014\u2022\u00b7-]|pukul)?\s*{_STAMP_TIME}"
_READING_TIME = r"(?:\s*[·•|-]\s*\d{1,2}\s+(?:menit|min)\s+(?:baca|membaca|read))?"
_TIMESTAMP_RE = re.compile(
    rf"^(?:{_STAMP_LEAD}(?:(?:{_ANY_DAY}\s*,?\s*)?{_STAMP_DATE}(?:{_STAMP_TAIL})?|{_STAMP_TIME})"
    rf"|(?:{_ANY_DAY}\s*,?\s*)?{_STAMP_DATE}{_STAMP_TAIL}){_READING_TIME}\s*$",
    re.I,
)
# An update stamp is page furniture wherever it stands (a live report's `Diperbarui 08.05 WIB`).
_UPDATED_RE = re.compile(r"^(?:diperbarui|updated?|last\s+updated|pembaruan)\b", re.I)
_SEP = rf"(?:{_DASH}|\s*:\s+)"
_NAME = r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}"


# ---------------------------------------------------------------------------------------------
# 6. Line classification
# ---------------------------------------------------------------------------------------------

# Photo credits: `/Net`, `/Istimewa`, `/Dok. Pribadi`, `/ANTARA FOTO/Nama/ed`, `/REUTERS/Nama`.
_CREDIT_WORD = (
    r"(?:Net|NET|Istimewa|ISTIMEWA|Ist|IST|Dok(?:umentasi)?\.?(?:\s+[A-Z][\w.]*){0,3}|"
    r"DOK\.?(?:\s+[A-Z][\w.]*){0,3}|Repro|Tangkapan\s+[Ll]ayar|Screenshot|"
    r"Humas(?:\s+[A-Z][\w.]*){0,3}|Shutterstock|Getty\s+Images|Pixabay|Unsplash|Freepik|"
    r"Instagram(?:\s+@?[\w.]+)?|Twitter(?:\s+@?[\w.]+)?|Facebook|YouTube|AP|EPA|Google)"
)
# (the photographer's name is mixed case, so a party list `PDIP/PKB/PPP` is not a credit)
_AGENCY_CREDIT = (
    r"[A-Z]{2,}(?:\s+[A-Z]{2,})?(?:/(?:[A-Z][a-z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}|[a-z]{2,5}))+"
)
_SLASH_CREDIT_RE = re.compile(
    rf"(?<=\S)\s?/\s?(?:{_CREDIT_WORD}|{_OUTLET}|{_AGENCY_CREDIT})(?:/[a-z]{{2,5}})*\.?$"
)
_ANTARA_FOTO_RE = re.compile(r"\bANTARA\s+FOTO\s*/\s*[A-Z][^\n]{0,80}$")
# A caption's closing credit, outlet or agency then the photographer: `(Liputan6.com/Nama)`,
# `(ANTARA/Nama Nama)`, `(REUTERS/Nama/File Photo)`, or bare `KOMPAS.com/NAMA NAMA`. Two outlets
# (`(Antara/Reuters)`) are the source of a report, removed as a trailing credit instead.
_CREDIT_NAME = (
    rf"(?!(?i:{_OUTLET_NAMES})\b\s*[)/])[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|@[\w.]+)){{0,3}}"
)
_AGENCIES = r"(?:ANTARA|REUTERS|AFP|EPA|Antara|Reuters)"
# (or the photographer first, as the Jawa Pos network writes it: `(GUNAWAN/RADAR JOGJA)`,
# `(Nama Nama/JawaPos.com)`)
_PAREN_OUTLET_CREDIT = (
    rf"\(\s*(?:(?:{_OUTLET}|[A-Z]{{2,}}(?:\s+[A-Z]{{2,}})?|Tribun\s+[A-Z][a-z]+)\s*/\s*"
    rf"{_CREDIT_NAME}(?:\s*/\s*[\w.'-]+(?:\s+[\w.'-]+)?)?"
    rf"|(?!{_OUTLET}\s*/)[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,3}}\s*/\s*{_OUTLET})\s*\)"
)
# (a parenthesized credit closes the caption after its last sentence: `(KPU/Bawaslu).` ending a
# sentence is an abbreviation; a bare one follows a sentence end or names a photographer in two
# words or more: `survei terbaru Reuters/Ipsos.` is prose)
_END_CREDIT_RE = re.compile(
    rf"(?:(?<=[.!?\"'\u201d)])\s*{_PAREN_OUTLET_CREDIT}\s*\.?|(?<![.!?])\s{_PAREN_OUTLET_CREDIT}"
    rf"|(?<=[.!?\"'\u201d)]\s)(?:{_DOMAIN}|{_AGENCIES})\s*/\s*{_CREDIT_NAME}(?:/[a-z]{{2,5}})?\s*\.?"
    rf"|(?<![\w/.])(?:{_DOMAIN}|{_AGENCIES})\s*/\s*[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|@[\w.]+)){{1,3}}"
    rf"(?:/[a-z]{{2,5}})?\s*\.?)$"
)
_CAPTION_WORD = (
    r"(?:Foto|FOTO|foto|Photo|PHOTO|Dok\.?|DOK\.?|Dokumentasi|Ilustrasi|Sumber(?:\s+foto)?|"
    r"sumber(?:\s+foto)?|Kredit|kredit|Credit|Image|Gambar|Istimewa|Ist\.?|Net)"
)
# `(Foto: Antara)` or `(Dok. Pribadi)` ending a line
_PAREN_CREDIT_END_RE = re.compile(rf"\s*\(\s*{_CAPTION_WORD}(?:\s*[:./]\s*[^()\n]{{1,80}})?\)\s*$")
# ... and the inline kind inside a sentence: only explicit photo credits with their source.
_INLINE_PHOTO_CREDIT_RE = re.compile(
    r"\s*\(\s*(?:Foto|FOTO|foto|Photo|Dok\.|DOK\.|Dokumentasi|Kredit\s+foto)\s*[:./]\s*"
    r"[^()\n]{1,60}\)"
)
_CAPTION_START_RE = re.compile(
    r"^(?:[\[(]\s*)?(?:Foto|FOTO|Photo|PHOTO|Kredit|Credit|Ilustrasi\s+foto|"
    r"(?:Foto|FOTO)\s+(?i:ilustrasi|dokumentasi|istimewa)|(?:Sumber|SUMBER|Kredit)\s+(?i:foto|gambar)|"
    r"(?i:ket(?:erangan)?\.?\s*(?:foto|gambar)))"
    r"\s*:"
)
_ILLUSTRATION_RE = re.compile(r"^(?:Ilustrasi|ILUSTRASI)\b")
# A photo credit on its own line: `KOMPAS.com/BUDI SANTOSO`, `Dok. Humas Pemkot`, and Kompas's
# `Lihat Foto` button.
_PHOTO_CREDIT_LINE_RE = re.compile(
    r"^(?:[A-Za-z][\w-]*(?:\.(?i:com|id|co|net|tv)){1,2}\s*/\s*[A-Z][\w.' -]{1,40}"
    r"|(?:Dok|DOK|Dokumentasi)\.?\s+[A-Z][\w.'/-]*(?:\s+[A-Z][\w.'/-]*){0,4}"
    r"|Lihat [Ff]oto)$"
)
_VERBISH_RE = re.compile(
    r"^(?:me|di|ber|ter|pe)\w{3,}$|^(?:yang|itu|ini|tersebut|adalah|merupakan)$"
)


# A quotation with its speech tag, reported speech, a report's sentence opener, or a third
# sentence: a paragraph of a report, not a caption.
_SPEECH_RE = re.compile(
    r"[,.!?][\"\u201d]\s+(?:kata|ujar|ucap|tutur|jelas|imbuh|ungkap|terang|tegas|sebut)"
    r"|\b(?:mengatakan|menambahkan|menjelaskan|menuturkan|mengungkapkan|menegaskan|menyebutkan|"
    r"kata(?:nya)?|ujar(?:nya)?|ungkapnya|jelasnya|tambahnya)\b"
    r"|^(?:Ia|Dia|Mereka|Menurut|Namun|Sementara|Selain|Sebelumnya|Kemudian)\b"
    r"|[.!?][\"\u201d]?\s+[A-Z\"\u201c].*[.!?][\"\u201d]?\s+[A-Z\"\u201c]"
)


def _reported(text: str) -> bool:
    """Whether `text` (before a closing credit) quotes someone or runs to three sentences."""
    return bool(_SPEECH_RE.search(text))


# A photo's description closed by a photo credit: `... Sabtu (9/11/2024). (Dok. Balai TN)`,
# `... di Pantai Sukamade. Foto: Balai TN`, `... semi-alami. FOTO: SURYA/NAMA`.
_PHOTO_CREDIT_END_RE = re.compile(
    r"(?<=[.!?])\s+(?:\(\s*(?:Dok\.?|DOK\.?|Dokumentasi|Foto|FOTO|Istimewa|ISTIMEWA|Ilustrasi)"
    r"\b[^()]{0,60}\)|(?:Foto|FOTO)\s*:\s*(?:(?i:dok)\.\s*)?[^.!?]{2,60}"
    # an outlet's photographer without brackets: `Bisnis/Arief Hermawan P`, `JIBI/Bisnis/Nama`
    r"|(?:JIBI/)?(?:Bisnis|JIBI|ANTARA\s+FOTO|Antara|KOMPAS|Kompas|TEMPO|Tempo|Reuters|REUTERS|AFP)"
    r"\s*/\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4})$"
)


def _is_caption(line: str, closing_credit: bool = True) -> bool:
    """Whether `line` is a photo caption; with `closing_credit` False, a line that would be one
    only by the outlet credit closing it (`... (Tribunnews.com/Nama)`) is not: at an article's
    end that is the reporter's credit."""
    words = line.split()
    if len(words) > 60 or LIST_ITEM_RE.match(line):  # (`- Media sosial Twitter/Instagram`)
        return False
    photo = _PHOTO_CREDIT_END_RE.search(line)
    if photo and len(words) <= 40 and not _reported(line[: photo.start()]):
        described = line[: photo.start()]
        if len(_segment(described)) == 1:  # one sentence describing the photo
            return True
    if _CAPTION_START_RE.match(line) or ("ANTARA" in line and _ANTARA_FOTO_RE.search(line)):
        return True
    if _PHOTO_CREDIT_LINE_RE.match(line):
        return True
    tail = line[-200:]  # the credit rules are end-anchored; a credit is never this long
    if "/" in tail:  # (every credit rule below but the last needs one)
        credit = _END_CREDIT_RE.search(tail) if closing_credit and len(words) <= 50 else None
        if credit and not _reported(tail[: credit.start()]):
            return True
        if not ends_sentence(line) and _SLASH_CREDIT_RE.search(tail):
            return True
    paren = _PAREN_CREDIT_END_RE.search(line) if line.rstrip().endswith(")") else None
    if paren and not ends_sentence(line[: paren.start()]):
        return True
    if _ILLUSTRATION_RE.match(line) and len(words) <= 8:
        # `Ilustrasi kemeja putih polos.`: a short noun phrase, not a sentence about a drawing
        return not any(_VERBISH_RE.match(w.lower().strip('.,"')) for w in words[1:])
    return False


_LINK_WORDS = (
    r"(?:baca(?:\s+juga)?|baca_juga|simak(?:\s+juga)?|lihat\s+juga|tonton\s+juga|"
    r"artikel\s+terkait|berita\s+terkait|berita\s+lainnya|baca\s+selengkapnya|video|"
    r"pilihan\s+editor|terkait|baca\s+(?:berita|artikel)\s+lainnya|berita\s+pilihan|"
    r"jangan\s+lewatkan|rekomendasi(?:\s+berita|\s+artikel)?|lanjut\s+baca|"
    r"simak\s+berita\s+lainnya(?:\s+di\s+[\w.]+)?)"
)
_LINK_RE = re.compile(rf"^(?:>{{2,3}}|»)?\s*[\[(]?\s*{_LINK_WORDS}\s*(?::|>{{2,3}}|»)", re.I)
# The labels of related-article links (`Baca juga:`), matched case-insensitively.
_RELATED_LABELS = (
    r"baca juga|baca_juga|baca pula|baca|simak juga|lihat juga|tonton juga|artikel terkait|"
    r"berita terkait"
)
_LINK_LABEL_RE = re.compile(
    rf"^[\[(]?\s*(?:{_RELATED_LABELS}|berita lainnya|halaman (?:selanjutnya|berikutnya|"
    r"sebelumnya)|selanjutnya|berikutnya|next article|artikel selanjutnya|berita selanjutnya|"
    r"editor'?s\s+picks?|pilihan\s+editor|(?:berita|artikel)\s+pilihan|artikel\s+lainnya|"
    r"lanjut\s+baca|related(?:\s+(?:posts?|articles?|news))?)"
    r"\s*[:>»]*\s*[\])]?$",
    re.I,
)
# A related-article label inside a paragraph (at its start or after a sentence), for scrapes
# that flattened the link into the text around it: `... tiket. Baca juga: Judul Berita Ia ...`
_INLINE_LINK_LABEL_RE = re.compile(
    rf"(?:^|(?<=[.!?\"'])\s+)[\[(]?\s*(?:{_RELATED_LABELS})\s*:\s*", re.I
)
# Words that often open the sentence behind a flattened headline (`... Maskapai Kementerian
# Perhubungan meminta`): the content is taken to start at the last of them within six words
# before the prose, else at the word just before it.
_SENTENCE_OPENERS = frozenset(
    "ia dia mereka kami menurut namun sementara selain sebelumnya kemudian saat dalam pada hal "
    "adapun berdasarkan sedangkan untuk hingga kini meski bahkan ketika sebab karena pihak para "
    "sejumlah presiden wakil menteri kementerian gubernur bupati wali kepala ketua direktur "
    "kapolri kapolda kapolres polisi pemerintah badan komisi dinas tim pelatih warga dirjen "
    "direktur dirut sekjen sekda kapolsek kasat kabid kadis kasubdit camat lurah kades jubir "
    "juru anggota menko wagub wabup plt pj staf penyidik jaksa hakim pengacara kuasa pakar "
    "pengamat ekonom peneliti analis dosen dokter petugas pedagang korban saksi pelaku "
    "tersangka terdakwa manajer kapten pemain perusahaan pt bank".split()
)


# Openers that are function words start a sentence before a lowercase word or another opener
# (`Namun penumpang ...`, `Menurut Kepala BMKG ...`); `Hingga Juni` is inside a headline.
_FUNCTION_OPENERS = frozenset(
    "ia dia mereka kami menurut namun sementara selain sebelumnya kemudian saat dalam pada hal "
    "adapun berdasarkan sedangkan untuk hingga kini meski bahkan ketika sebab karena".split()
)


def _opens_sentence(word: str, following: str) -> bool:
    key = word.rstrip(",").lower()
    if key not in _SENTENCE_OPENERS:
        return False
    if key not in _FUNCTION_OPENERS:
        return True
    return following[:1].islower() or following.rstrip(",").lower() in _SENTENCE_OPENERS


def _prose_after_label(line: str) -> bool:
    """`Baca: warga diminta menjauhi bangunan.`: a sentence in lowercase after the label is the
    article's own advice, not a linked headline (headlines are capitalized)."""
    label = _LINK_RE.match(line)
    return bool(label) and line[label.end() :].lstrip(" \"'")[:1].islower()


def _body_like(line: str) -> bool:
    """A line of the article's body: a finished sentence of five words or more."""
    return len(line.split()) >= 5 and ends_sentence(line)


def _headline_like(line: str) -> bool:
    """A short capitalised line without a sentence end (a linked headline, perhaps listed)."""
    line = _LIST_MARK_RE.sub("", line.strip())
    if not line[:1].isupper() or len(line.split()) > 20:
        return False
    # (a clickbait headline asks or exclaims: `Anggaran Makan Bergizi Rp71 Triliun, Cukup?`)
    return not ends_sentence(line) or (line[-1] in "?!" and _headline_case(_words(line)))


def split_flattened_link(text: str) -> tuple[str, str] | None:
    """(text without the link, the link) when a related-article headline runs into prose.

    A headline is title case; the prose behind it starts where two lowercase words follow each
    other. None when there is no such link, or when nothing follows it (the other link rules
    remove those whole).
    """
    match = _INLINE_LINK_LABEL_RE.search(text) if ":" in text else None
    if not match or "(" in match.group(0) or "[" in match.group(0):
        return None  # (a bracketed link is removed whole, brackets and all)
    if match.start() == 0 and _headline_like(text[match.end() :]):
        return None  # (a line of its own: `Baca juga: Harga cabai di Pasar Johar naik`)
    words = text[match.end() :].split()
    lower = [word[:1].islower() for word in words]
    prose = next((i for i in range(1, len(words) - 1) if lower[i] and lower[i + 1]), None)
    if prose is None:
        return None
    # (a subject with a name set off by commas is longer: `Kepala Dinas Ketahanan Pangan Kota
    # Medan, Emilia Lubis, mengatakan`)
    appositive = words[prose - 1].endswith(",")
    near = range(max(prose - (12 if appositive else 6), 0), prose)
    openers = [
        i
        for i in near
        if _opens_sentence(words[i], words[i + 1]) or words[i][:1] in "\"'"
    ]  # (an opening quote starts the quotation behind the headline)
    # A function word before lowercase (`Sementara itu,`, `Selain itu,`) starts the sentence
    # wherever it stands; else the last opener does, or the opener right before it. Before an
    # appositive, the first office word of the capitalized run up to the verb does (`... di 21
    # Kecamatan Ketua Asosiasi Pedagang Pasar, Hasan Basri, berharap`).
    lead = [i for i in openers if words[i].rstrip(",").lower() in _FUNCTION_OPENERS
            and words[i + 1][:1].islower()]
    if appositive and not lead:
        lead = [i for i in openers if i >= 2 and words[i].rstrip(",").lower()
                not in _FUNCTION_OPENERS and not any(w[:1].islower() for w in words[i:prose])]
    start = lead[0] if lead else openers[-1] if openers else prose - 1
    if (not lead and start > 2 and start in openers and words[start - 1][-1:].isalpha()
            and _opens_sentence(words[start - 1], words[start])):
        start -= 1  # (one office word before another: `Kepala Dinas`, `Wakil Ketua`)
    if start < 2 or not words[start].lstrip("\"'")[:1].isupper():
        return None  # no headline of two words or more before the prose
    link = " ".join([match.group(0).strip(), *words[:start]])
    return " ".join([text[: match.start()].rstrip(), *words[start:]]).strip(), link


_EMBED_RE = re.compile(r"\s*\[(video|youtube|embed|audio)\][^\[\]]*\[/\1\]\s*", re.I)
# A WordPress caption shortcode: `[caption id="attachment_1" ...]<img> Peserta ...[/caption]`.
_SHORTCODE_CAPTION_RE = re.compile(r"\s*\[caption\b[^\]]*\].*?\[/caption\]\s*", re.I | re.S)
_GAMBAS_RE = re.compile(r"^\[\s*Gambas\s*:[^\]]*\]$", re.I)
_LINK_CAPS_RE = re.compile(r"^(?:BACA JUGA|SIMAK JUGA|LIHAT JUGA|TONTON JUGA)\b")
# A pointer to a video: `Simak Video "..."` (detik), `Tonton juga video berikut:`, `Video pilihan:`,
# `Saksikan live streaming ... di sini`: short, and it points (a colon, a quoted title, `di sini`).
_VIDEO_LINK_RE = re.compile(
    r"^(?:(?:simak|tonton|saksikan|lihat)(?:\s+juga)?\s+video\s*:.*|"
    r"(?:simak|tonton|saksikan|lihat)(?:\s+juga)?\s+(?:(?:siaran\s+)?(?:video|live\s+streaming)"
    r"\b.{0,100}?(?::|\"[^\"]+\"|\bdi\s*sini|\bdi\s+bawah\s+ini|\bberikut)\s*[.:]?)|"
    r"jangan\s+lewatkan\s+video(?:\s+(?:terbaru|terpopuler|pilihan))?\s*:?|video\s+(?:pilihan|terkait|"
    r"populer|terpopuler|lainnya|rekomendasi)\s*:?)$",
    re.I,
)
_PAGINATION_RE = re.compile(
    r"^(?:halaman\s*:?\s*(?:\d+\s*)+(?:selanjutnya|berikutnya)?\s*[>»]*|"
    r"(?:halaman|page)\s+\d+\s+(?:dari|of)\s+\d+|[<«]*\s*(?:\d+\s+){1,}\d+\s*[>»]+|"
    r"next|prev|previous|loading\s*\.*|memuat\s*\.*|komentar|tulis komentar|lihat komentar|"
    r"a\s+a\s+a|"  # (a font-size widget)
    r"(?:\d+\s+)+(?:selanjutnya|berikutnya|next)\s*[>»]*|"
    r"(?:halaman|artikel|berita)\s+(?:selanjutnya|berikutnya|sebelumnya)\s*(?:arrow_\w+|[>»]+)|"
    r"(?:waktu|estimasi|durasi)\s+baca\s*:?\s*\d+\s*(?:menit|min)|\d+\s+menit\s+(?:waktu\s+)?baca|"
    r"baca\s+dalam\s+\d+\s*menit|(?:scroll|gulir)\s+(?:ke\s+bawah\s+)?(?:untuk\s+)?"
    r"(?:melanjutkan|lanjut)(?:\s+membaca)?)[.!]?$",
    re.I,
)

_AD_RE = re.compile(
    r"^[-–—\s]*(?:advertisement|scroll to continue with content|iklan|sponsored|"
    r"konten bersponsor|artikel bersponsor|ads by \w+|continue reading below|"
    r"lanjutkan membaca(?: artikel)?(?: di bawah(?: ini)?)?|artikel lanjutan|"
    r"iklan\s*-\s*scroll untuk melanjutkan|scroll untuk melanjutkan(?: membaca)?|"
    r"scroll\s+(?:down|ke\s+bawah)\s+untuk\s+(?:melanjutkan|lanjut)(?:\s+membaca)?|"
    r"dengarkan\s+(?:berita|artikel)(?:\s+ini)?|like\s+this\s*:?|like\s+loading\.*|"
    r"konten\s+ini\s+(?:adalah\s+|merupakan\s+)?(?:hasil\s+)?kerja\s*sama\s+dengan\s+.{2,60})"
    r"[-–—\s.]*$",
    re.I,
)
# (also glued to the text around it: `kata dia.ADVERTISEMENTSCROLL TO CONTINUE WITH CONTENT`)
_AD_CAPS_RE = re.compile(
    r"\s*\b(?:ADVERTISEMENT|SCROLL TO CONTINUE WITH CONTENT)(?:\s*(?:ADVERTISEMENT|"
    r"SCROLL TO CONTINUE WITH CONTENT))*(?![a-z])\s*"
)

_SOCIAL = (
    "facebook|twitter|whatsapp|telegram|line|email|e-mail|linkedin|pinterest|instagram|tiktok|"
    "youtube|copy link|salin tautan|salin link|fb|wa|ig|x|share|bagikan"
)
_SOCIAL_ONLY_RE = re.compile(rf"^(?:(?:{_SOCIAL})[\s|·,/•]*){{2,}}$", re.I)
# one share button per line (`Facebook`, `Copy Link`), when the name is not also a word
_SOCIAL_BUTTON_RE = re.compile(
    r"^(?:facebook|twitter|whatsapp|telegram|linkedin|pinterest|copy link|salin tautan|"
    r"salin link|bagikan|share)$",
    re.I,
)
_SHARE_RES = tuple(
    re.compile(pattern, re.I)
    for pattern in (
        r"^(?:bagikan|share)(?:\s+(?:artikel|berita|tulisan|this(?: article)?)(?:\s+ini)?)?\s*:?$",
        rf"^(?:bagikan|share)(?:\s+(?:artikel|berita|tulisan)(?:\s+ini)?)?(?:\s+(?:ke|via|on|"
        rf"melalui))?\s*:?\s*(?:(?:{_SOCIAL})[\s|·,/•]*)+$",
        r"^(?:ikuti|follow)\s+(?:(?:kami|kita|akun|us)\b(?!,)|instagram|twitter|ig|tiktok|"
        r"whatsapp\s+channel|saluran\s+whatsapp|"
        r"youtube|berita|update|channel|kanal|saluran|@)",
        r"^(?:simak|ikuti|baca|dapatkan|cek|follow)\b.{0,120}\bgoogle\s+news\b",
        # (a bare `Klik di sini`, or one about reading on; `Klik tautan verifikasi ...` and
        # `Unduh aplikasi SatuSehat ...` are steps of a how-to article)
        r"^klik\s+(?:di\s*sini|link\s+(?:ini|berikut|di\s+bawah)|tautan|tombol\s+berikut)\b"
        r"(?:\W*$|.{0,80}\b(?:berita|artikel|video|selengkapnya|informasi|update|berlangganan|"
        r"bergabung|gabung|channel|saluran)\b)",
        r"^(?:download|unduh)\s+(?:aplikasi|apps?)\b.{0,120}\b(?:kami|berita|news|sekarang|"
        r"[\w-]+\.(?:com|id)|detikcom|kumparan)\b",
        r"^(?:dapatkan|simak)\s+(?:berita|update|informasi|info|artikel|video|breaking\s+news)\b"
        r".{0,200}"
        r"\b(?:google\s+news|telegram|whatsapp|youtube|instagram|aplikasi|channel|kanal|"
        r"saluran|di\s*sini)\b",
        r"^dapatkan\s+(?:update|berita|informasi|info)\b.{0,120}\b(?:dari|di)\s+[\w-]+"
        r"\.(?:com|id|co|net)\b",
        r"^(?:gabung|bergabung|join)\b(?=.{0,200}\b(?:kami|kamu|anda|sekarang|klik|link|tautan|"
        r"gratis|di\s*sini|caranya|kabar|berita|update|info)\b).{0,80}\b(?:grup|group|kanal|channel|saluran)\b.{0,60}"
        r"\b(?:telegram|whatsapp|wa)\b",
        r"^(?:subscribe|berlangganan)\b.{0,80}\b(?:newsletter|kanal|channel|youtube|gratis)\b",
        # share and read counters: `Bagikan: 1,2 rb`, `Dibaca 1.245 kali`, `3 menit baca`
        r"^(?:bagikan|share|dibagikan|dibaca|dilihat|views?)\s*:?\s*[\d.,]+\s*(?:rb|ribu|k|jt)?"
        r"\s*(?:kali|x)?$",
        r"^dapatkan\s+(?:berita|update|informasi|info)\b.{0,80}\b(?:inbox|e-?mail|surel|newsletter)\b",
        r"^(?:kami|situs\s+ini|website\s+ini|we)\s+(?:menggunakan|use)\s+(?:cookie|kuki)",
        # "Simak wawancara lengkapnya di kanal YouTube Warta Nusantara."
        r"^(?:simak|saksikan|tonton|dengarkan)\s+(?:wawancara|video|tayangan|podcast|siaran|"
        r"liputan|diskusi|obrolan)\b.{0,60}\b(?:di|melalui|lewat|via)\s+(?:kanal|channel|akun|"
        r"laman|situs|aplikasi|youtube|instagram|tiktok|spotify)\b",
        r"^(?:baca|simak|lihat|cek)\s+(?:juga\s+)?(?:berita|artikel|info|informasi)\b.{0,60}"
        r"\b(?:di\s*sini|lainnya|selengkapnya)\s*[.!:]?(?:\s*(?:https?://)?[\w-]+\.[\w./-]+)?$",
        # detik: `Baca artikel detiksport, "Judul" selengkapnya https://...`; Tirto: `Baca juga
        # artikel terkait PERIKSA FAKTA atau tulisan lainnya dari Nama`
        r"^baca\s+artikel\s+[\w.-]+,\s*[\"“].{1,200}[\"”]\s+selengkapnya\b",
        r"^baca\s+juga\s+artikel\s+terkait\b.{0,80}\batau\s+tulisan\s+(?:\w+\s+)?lainnya\s+dari\b",
        # Kompas: `Baca berita tanpa iklan. Gabung Kompas.com+`
        r"^baca\s+berita\s+tanpa\s+iklan\b",
        r"^(?:daftar|langganan|berlangganan|register|subscribe)\s+(?:di\s*sini|sekarang)\s*[.!]?$",
        r"^jangan\s+lupa\s+(?:ikuti|follow|subscribe|kunjungi|like|cek)\b.{0,80}"
        r"\b(?:instagram|akun|channel|kanal|youtube|tiktok|twitter|facebook|whatsapp|@\w+)",
        r"^klik\s+dan\s+dapatkan\b",
        # `Ikuti terus berita kesehatan terbaru hanya di Kompas.com.`, `Refresh halaman ini ...`
        r"^(?:ikuti|pantau|simak)\s+terus\b.{0,100}\b(?:hanya\s+)?di\s+(?:[\w-]+\.(?:com|id|co)|"
        r"IDN\s+Times|kanal|aplikasi|laman|situs)\b",
        r"^(?:refresh|muat\s+ulang)\s+(?:halaman|laman)\b.{0,60}$",
        # `Follow kumparan untuk dapatkan update ...`, `Yuk, follow akun Instagram @...`
        r"^(?:(?:yuk|ayo)\s*,?\s+)?(?:ikuti|follow)\s+[\w.@]+\s+untuk\s+(?:men)?dapatkan\s+"
        r"(?:update|berita|informasi|info|kabar)\b",
        r"^(?:yuk|ayo)\s*,?\s+(?:ikuti|follow|subscribe)\b.{0,80}\b(?:instagram|akun|channel|kanal|"
        r"youtube|tiktok|twitter|facebook|whatsapp|@\w+)",
        # `Dukung jurnalisme berkualitas dengan berlangganan Tempo Digital.`
        r"^dukung\s+(?:jurnalisme|media|kami|redaksi)\b.{0,80}\b(?:berlangganan|langganan|donasi|"
        r"subscribe|membership)\b",
        r"^(?:baca|simak|lihat)\s+selengkapnya\b.{0,40}$",
        # embedded posts: `Lihat postingan ini di Instagram`, `Sebuah kiriman dibagikan oleh
        # Nama (@akun)`, and a tweet's sign-off `- Nama (@akun) May 19, 2024`
        r"^(?:lihat|view)\s+(?:postingan|kiriman|unggahan|this\s+post)\s+(?:ini\s+)?(?:di|on)\s+"
        r"(?:instagram|twitter|tiktok|facebook|x)$",
        r"^(?:sebuah\s+kiriman\s+dibagikan\s+oleh|a\s+post\s+shared\s+by)\b[^.]{1,100}"
        r"\(?@[\w.]+\)?$",
        r"^[-\u2013\u2014]\s*[^()\n]{1,60}\(@\w{1,30}\)\s+(?:[a-z]+\s+\d{1,2},\s+\d{4}|"
        r"\d{1,2}\s+[a-z]+\s+\d{4})$",
    )
)

# (`(*/Reuters/rd)`: `*` for the desk; Media Indonesia's `(M-2)`: a desk code with a number)
_CREDIT_TOKEN = r"(?:[A-Za-z][A-Za-z0-9.]{0,11}(?:-\d{1,2})?|\*)"
# `(ant/mdk)`, `[feb]`, `(rsa / rsa)`, `(Antara)`, `(*)`, `(/)`, `(Sumber: BBC)`
_CREDIT_BRACKET = (
    rf"[\[(]\s*(?:{_CREDIT_TOKEN}(?:\s*[/,]\s*{_CREDIT_TOKEN}){{0,3}}|\*{{1,3}}|/|-|"
    r"(?:[Ss]umber|[Ss]ource)\s*:\s*[^\[\]()\n]{1,60})\s*[\])]"
)
_CREDIT_LINE_RE = re.compile(rf"^{_CREDIT_BRACKET}$")
# Tribun's by-line: `Laporan Wartawan Tribunnews.com, Budi Santoso`.
_REPORT_BYLINE_RE = re.compile(
    r"^(?i:laporan\s+(?:wartawan|reporter|koresponden|kontributor|jurnalis))\s+[^,]{2,40},"
    r"\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4}$"
    # (Serambi: `Laporan Wartawan Serambi Indonesia Cut Nurul Hasanah | Banda Aceh`)
    r"|^(?i:laporan\s+(?:wartawan|reporter|koresponden|kontributor|jurnalis))\s+[A-Z][^,|]{2,70}"
    r"\|\s*[A-Z][\w.' -]{1,30}$"
)
# A by-line under the headline: `Andi Saputra - detikFinance`, `Budi Santoso | KOTAKITA.com`.
_NAME_OUTLET_RE = re.compile(
    rf"^[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,3}}\s*[-|\u2013\u2014]\s*{_OUTLET}\s*$"
)
# A by-line: `Oleh: Budi Santoso`, `Oleh Budi Santoso` (a name, nothing else).
_BY_RE = re.compile(
    r"^(?:Oleh|OLEH|Ditulis\s+oleh|Ditulis\s+Oleh)\s*:?\s+(?:(?:Dr|Prof|Ir|Drs|H|Hj)\.\s*)*"
    r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4}"
    r"(?:,\s*[A-Z][\w.]*\.)*\*{0,2}\)?"  # degrees: `Oleh Rahmawati Lubis, S.Sos., M.A.*)`
    r"(?:\s*(?:,|-|\()\s*(?:Dosen|Guru|Peneliti|Pengamat|Mahasiswa|Ketua|Anggota|Direktur|"
    r"Pegiat|Praktisi|Wartawan|Alumni|Pemerhati)\b[^.!?]{0,80}?\)?)?"  # an affiliation
    r"(?:\s*[-|]\s*[^-|]{0,30}\d[^-|]{0,30})?$"  # a date: `Oleh Nama - 26 Nov 2024, 11:02 WIB`
)
# Page furniture above a headline: a rubric (`OPINI`, `TAJUK RENCANA`, `SIARAN PERS`, a bare
# desk name), a breadcrumb (`Home > Nasional > Politik`, `Beranda / Daerah / Jawa Tengah`) or a
# release's number (`Nomor: 412/HM/KOMDIGI/11/2024`, `No. 26/245/DKom`).
_RUBRIC_RE = re.compile(
    r"^(?:opini|kolom|tajuk(?:\s+rencana)?|editorial|siaran\s+pers|press\s+release|rilis(?:\s+pers)?|"
    r"analisis|resensi|obituari|surat\s+pembaca|advertorial|nasional|internasional|ekonomi|bisnis|"
    r"politik|hukum|daerah|regional|olahraga|teknologi|hiburan|gaya\s+hidup|kesehatan|"
    r"pendidikan|metro|megapolitan|otomotif|lifestyle|sport|news|dunia|sains|"
    r"untuk\s+(?:segera\s+)?(?:diterbitkan|dirilis|disiarkan|dipublikasikan)(?:\s+segera)?|"
    r"for\s+immediate\s+release|"
    r"kumparan[A-Z]{2,}\w*)\s*$",  # (a kumparan channel: `kumparanBISNIS`)
    re.I,
)
_BREADCRUMB_RE = re.compile(
    r"^[^<>»›/|]{1,40}(?:\s+(?:>|»|›)\s+[^<>»›/|]{1,40}){1,5}$"
    r"|^(?i:home|beranda|index|indeks)(?:\s*/\s*[^/]{1,40}){1,5}$"
)
_RELEASE_NUMBER_RE = re.compile(
    r"^(?:Nomor|NOMOR|No\.?)\s*:?\s*[\w.-]*\d[\w.-]*(?:/[\w.-]+){2,}\s*$"
    # a release's date line: `Tanggal: 20 Mei 2024`
    r"|^(?:Tanggal|TANGGAL)\s*:\s*[\w ,/.-]{0,20}\d[\w ,/.-]{0,30}$"
)
# A columnist's note closing an opinion piece: `*Penulis adalah peneliti di ...`.
_AUTHOR_NOTE_RE = re.compile(
    r"^(?:\*{0,2}\s*(?i:penulis|pengirim|kolumnis|the\s+writer|the\s+author)|"
    r"\*\)?\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4},?)\s+(?i:adalah|merupakan|ialah|is)\b"
)
# Tag lists: `#ekonomi #harga`, `Tags: ekonomi, harga`, `Topik: Harga Pangan`.
_TAGS_RE = re.compile(
    r"^(?:(?:#[\w-]+[\s,]*)+|(?i:tags?|topik|topics?|kata\s+kunci|keywords?)\s*:\s*"
    r"(?:[^,.!?]{1,40}(?:,\s*[^,.!?]{1,40})*)?)$"
)
# A line of nothing but separator marks: `***`, `---`, `* * *`.
_SEPARATOR_RE = re.compile(r"^[*#=~_\-\u2013\u2014\u2022\u00b7.\s]{3,}$")
# Text pasted from a PDF: a page number on a line of its own (`- 4 -`, `Hal. 6`, a bare `5`
# between blank lines), a running header or footer closed by one (`Laporan Tahunan 2024 | 7`,
# removed when it recurs); and a blank line inside a sentence (`_close_page_gaps`).
_PAGE_NUMBER_RE = re.compile(
    r"^[ \t]*(?:-[ \t]+\d{1,4}[ \t]+-|(?i:hal(?:aman)?)\.?[ \t]*\d{1,4})[ \t]*$"
)
_RUNNING_HEAD_RE = re.compile(r"^[ \t]*(\S.{3,80}?)[ \t]*\|[ \t]*\d{1,4}[ \t]*$", re.M)



def _page_marks(text: str) -> tuple[str, list[_Removal]]:
    """Remove a PDF's page numbers and recurring running heads (see `_PAGE_NUMBER_RE`); returns
    the text and the removals."""
    removed: list[_Removal] = []
    # (a running head recurs with other page numbers and is no table row: three words or more)
    pages: dict[str, set[str]] = {}
    for match in _RUNNING_HEAD_RE.finditer(text):
        pages.setdefault(match.group(1), set()).add(match.group(0).rsplit("|", 1)[1].strip())
    heads = {h for h, numbers in pages.items() if len(numbers) >= 2 and len(h.split()) >= 3}
    lines = text.split("\n")
    numbered = {n for n, line in enumerate(lines) if _PAGE_NUMBER_RE.match(line)}
    # (a bare number is a page's only where the text has other page marks: not a score)
    paged = bool(heads or numbered)
    for number, line in enumerate(lines):
        head = _RUNNING_HEAD_RE.match(line) if heads else None
        bare = paged and 0 < number < len(lines) - 1 and line.strip().isdigit() and (
            len(line.strip()) <= 3
            and not lines[number - 1].strip() and not lines[number + 1].strip()
        )
        if number in numbered or bare or (head and head.group(1) in heads):
            removed.append(((number, 0), "separator", line.strip()))
            lines[number] = ""
    return ("\n".join(lines) if removed else text), removed


def _close_page_gaps(paragraphs: list[_Paragraph]) -> None:
    """Join a paragraph to the one before it when a blank line cut a sentence: the one before
    ends in a word, a comma or a hyphen, and it goes on in lowercase (double-spaced PDF text, a
    scrape that broke a paragraph)."""
    out: list[_Paragraph] = []
    for number, paragraph in enumerate(paragraphs):
        before = out[-1].text if out else ""
        first = paragraph.text.split(" ", 1)[0]
        cut = len(before.split()) >= PAGE_GAP_MIN_WORDS and (
            before[-1:].islower() or before[-1:] in ",-"
        ) and first.rstrip(",;:").isalpha() and first.islower()  # (not `dr.`, `iPhone`)
        glue = "" if before.endswith("-") and before[-2:-1].isalpha() else " "
        joined = f"{before}{glue}{paragraph.text}"
        # (and the joined paragraph is no boilerplate, as a second cleaning would see it)
        if cut and not classify_line(joined, at_end=number == len(paragraphs) - 1):
            out[-1].text = joined
            out[-1].last = paragraph.last
        else:
            out.append(paragraph)
    paragraphs[:] = out


PAGE_GAP_MIN_WORDS = 10  # (a wrapped line of a PDF's page is this long at least; a heading,
# a poem's line or a caption is shorter)
_LABEL = (
    r"(?:Editor|Penulis|Reporter|Pewarta|Redaktur|Penyunting|Penerjemah|Alih\s+bahasa|"
    r"Kontributor|Laporan|Fotografer|Videografer|Foto|Produser|Editing|Teks|Text|Writer|Author|"
    r"Rep|Red)"
)
# `Editor: Nama`, `Penulis: X | Editor: Y`, Kontan's `Reporter: X Editor: Y`, Republika's
# `Rep: X/ Red: Y`. The values are names (checked by `_names_credit`): in an interview
# `Reporter: Bagaimana tanggapan Bapak?` is a speaker's question.
_LABEL_LINE_RE = re.compile(
    rf"^(?i:{_LABEL}(?:\s*&\s*{_LABEL})?)\s*:\s*[^:|?!]{{1,60}}?"
    rf"(?:(?:\s*[|,/]\s*|\s+)(?i:{_LABEL})\s*:\s*[^:|?!]{{1,60}}?)*\s*\.?$"
)
# Kompas's header credit without colons: `Penulis Dinda Aulia | Editor Jessi Carina`.
_BARE_LABEL_LINE_RE = re.compile(
    r"^(?:Penulis|Reporter|Pewarta|Kontributor)\s+(?:Kontributor\s+[A-Z][\w ]{1,30},\s*)?"
    r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4}\s*\|\s*"
    r"(?:Editor|Penyunting|Redaktur)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4}$"
)
# A by-line without its colon: the role (and a contributor's place), then a name only.
_UNLABELLED_BYLINE_RE = re.compile(
    r"^(?:Penulis|Reporter|Pewarta|Editor|Penyunting|Redaktur|Fotografer|Kontributor"
    r"(?:\s+[A-Z][\w]+){1,2}\s*,)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}$"
)
_LABEL_SPLIT_RE = re.compile(rf"(?i:\b{_LABEL})\s*:")


_QUESTION_WORDS = frozenset(
    "apa apakah siapa bagaimana kapan mengapa kenapa berapa dimana di mana bisakah".split()
)


def _names_credit(line: str) -> bool:
    """Whether every labelled value of a credit line is a name or two (mostly capitalized)."""
    for value in _LABEL_SPLIT_RE.split(line)[1:]:
        if re.fullmatch(r"\s*[\w.]+(?:\s*/\s*[\w.]+)+\s*[./]?\s*", value):
            continue  # desk initials: `Penulis: drew/cie`
        words = re.findall(r"[^\W\d_]+", value)
        lower = [w for w in words if w[:1].islower() and w not in ("dan", "tim", "dari")]
        if len(words) > 6 or len(lower) > 1 or (words and words[0].lower() in _QUESTION_WORDS):
            return False
    return True


_COPYRIGHT_RE = re.compile(
    r"^(?:copyright\b|©|\(c\)\s*\d{4}|hak\s+cipta\s+dilindungi)|all rights reserved|"
    r"hak\s+cipta\s+dilindungi\s+undang|^hak\s+cipta\s*(?:©|\(c\)|\d{4})|"
    r"^dilarang\s+(?:keras\s+)?(?:mengambil|menyalin|mengutip|menggunakan)\s+(?:konten|isi|artikel|"
    r"berita)\b.{0,200}\b(?:crawling|izin|tertulis|sumber)\b",
    re.I,
)
# `Sumber: ...` is a credit only at the end of an article (it also introduces data in tables).
_SOURCE_LINE_RE = re.compile(
    r"^(?:sumber|source)(?:\s+(?:berita|foto|gambar|data))?\s*:?\s*(?:.{1,100})?$", re.I
)

_FOOTER_RES = tuple(
    re.compile(pattern, re.I)
    for pattern in (
        # a community platform describing itself: `IDN Times Community adalah media ...`
        r"^IDN\s+Times\s+Community\s+(?:is|adalah|merupakan)\b",
        # "Kamu bisa menjadi member komunitas ..." (site membership pitch)
        r"^(?:kamu|anda)\s+(?:bisa|dapat|juga bisa)\s+(?:menjadi\s+member|berlangganan)\b",
        # "Artikel ini telah tayang di Kompas.com dengan judul ..."
        r"^(?:artikel|berita|tulisan)\s+ini\s+(?:telah|sudah|pertama\s+kali)?\s*(?:tayang|"
        r"terbit|dimuat|diterbitkan|ditayangkan)\b",
        # disclaimers of opinion pieces: "Isi artikel ini menjadi tanggung jawab penulis."
        r"^isi\s+(?:artikel|tulisan|opini|konten)\b.{0,80}\btanggung\s+jawab\b",
        r"^(?:disclaimer\s*:|(?:artikel|tulisan|kolom|opini)\s+ini\s+(?:merupakan|adalah)\s+"
        r"(?:opini|pendapat|pandangan)\s+pribadi\b)",
        # "Info lebih lanjut: www.kasirku.id atau email ke halo@kasirku.id"
        # (a label and an address; `Untuk informasi lebih lanjut, kunjungi laman ...` is prose)
        r"^info(?:rmasi)?\s+(?:lebih\s+lanjut|selengkapnya|lengkap)\s*:.{0,120}"
        r"(?:www\.|https?://|\w@[\w-]+\.\w|\b[\w-]+\.(?:com|id)\b)",
        # a health or finance disclaimer: `Artikel ini hanya bersifat informatif dan tidak ...`
        r"^(?:artikel|konten|tulisan)\s+ini\s+(?:hanya\s+)?bersifat\s+(?:informatif|edukatif|"
        r"informasi\s+umum)\b.{0,80}\b(?:tidak|bukan)\b",
        # a release's closing formula: `Demikian siaran pers ini disampaikan ...`
        r"^demikian\s+(?:siaran\s+pers|rilis|press\s+release|keterangan\s+pers)(?:\s+ini)?"
        r"\s+(?:kami\s+)?(?:disampaikan|dibuat|sampaikan|diterbitkan)\b",
        # an editor's note on the article (a disclaimer, a correction): `Catatan redaksi: ...`
        r"^\(?\s*catatan\s+(?:redaksi|editor|penyunting)\s*:",
        # Tempo: `Nama Nama berkontribusi dalam penulisan artikel ini.`
        r"^[^.!?]{3,120}\bberkontribusi\s+dalam\s+(?:penulisan|pembuatan|peliputan)\s+"
        r"(?:artikel|berita|tulisan|laporan)\s+ini\b",
    )
)
# "DailySocial.id adalah portal berita ...": a site describing itself, at the end of an article.
_SELF_DESCRIPTION_RE = re.compile(
    r"^\S+\s+(?:adalah|merupakan)\s+(?:portal|situs|media)\s+(?:berita|informasi|online|daring)\b",
    re.I,
)


# Lowercase words allowed in `Sumber berita X dan gambar header Y.` (anything else is prose).
_SOURCE_WORDS = frozenset(
    "sumber source berita foto gambar data header ilustrasi dan via berbagai".split()
)
_CLINGING_PUNCT = "\"'()[]{}<>.,;:!?/|*&+"


# Words of a sentence that reports on people rather than speaks to the reader: a share prompt
# has none (`Berlangganan kanal YouTube berbayar ... menjadi pengeluaran terbesar`, `Bergabung
# dengan grup WhatsApp yang mengaku ..., sejumlah warga kehilangan uang`).
_REPORTING_WORDS = frozenset(
    "menjadi merupakan mengaku kehilangan diminta disusul sehingga kewajiban sejumlah warga "
    "peserta status mengatakan menyebut kata ujar tersebut".split()
)


def _reports(line: str) -> bool:
    """Whether `line` has a word of reporting prose (`_REPORTING_WORDS`)."""
    return not _REPORTING_WORDS.isdisjoint(w.strip(_CLINGING_PUNCT).lower() for w in line.split())


def _names_only(line: str) -> bool:
    """A source line lists names (`Sumber: The Verge dan AMD.`, `Sumber: BPS, diolah`,
    `Sumber: kompas.com`), not a sentence about one (`Sumber: Kementerian PUPR menyatakan ...`).

    After the label, at most one lowercase word that is not a source word, domain or handle.
    """
    label, colon, rest = line.partition(":")
    tokens = (rest if colon else label).split()[0 if colon else 1 :]
    prose = 0
    for token in tokens:
        word = token.strip(_CLINGING_PUNCT)
        if not word or not word[0].isalpha() or word[0].isupper() or "." in word:
            continue  # a name, a number, a domain (`kompas.com`) or a handle (`@user`)
        if word.lower() not in _SOURCE_WORDS:
            prose += 1
    return prose <= (1 if colon else 0)


def classify_line(
    line: str,
    *,
    at_end: bool = False,
    header: bool = True,
    footers: frozenset[str] = frozenset(),
    closing_credit: bool = True,
) -> str | None:
    """The boilerplate kind of a whole line or paragraph, or None for real content.

    A line made a caption only by the outlet credit closing it is not one `at_end` or without
    `closing_credit` (see `_is_caption`).

    `at_end` enables the rules that only hold in an article's trailing lines (`Sumber: ...`,
    a site describing itself, and the corpus-level `footers`, given as `footer_key`s).
    Publication time stamps are recognised in the `header` (before the body's first sentence)
    and at the end; inside the body a dated line heads a chronology.
    """
    line = line.strip()
    if not line:
        return None
    n_words = len(line.split())
    if _is_caption(line, closing_credit=closing_credit and not at_end):
        return "caption"
    if header and not at_end and n_words <= 30 and _CAPTION_AFTER_SENTENCE_RE.search(line):
        return "caption"  # above the body: `Suasana pasar. (iStockphoto/Nama)`
    if (
        _LINK_LABEL_RE.match(line)
        or _GAMBAS_RE.match(line)
        or _PAGINATION_RE.match(line)
        or (
            n_words <= 40
            and (_LINK_RE.match(line) or _LINK_CAPS_RE.match(line))
            and split_flattened_link(line) is None
            and not _prose_after_label(line)
        )
        or (n_words <= 20 and _VIDEO_LINK_RE.match(line))
    ):
        return "link"
    if _AD_RE.match(line):
        return "ad"
    if n_words <= 25 and _DATABOKS_RE.match(line):
        return "caption"  # a chart's title: `Databoks: Inflasi Tahunan 2024`
    if _SOCIAL_BUTTON_RE.match(line) or (
        n_words <= 60
        and (_SOCIAL_ONLY_RE.match(line) or (any(r.search(line) for r in _SHARE_RES)
                                             and not _reports(line)))
    ):
        return "share"
    if _CREDIT_LINE_RE.match(line) or (
        n_words <= 15 and _LABEL_LINE_RE.match(line) and _names_credit(line)
    ):
        return "credit"
    if n_words <= 12 and (
        _REPORT_BYLINE_RE.match(line) or _BY_RE.match(line) or _NAME_OUTLET_RE.match(line)
        or _BARE_LABEL_LINE_RE.match(line)
    ):
        return "credit"
    if n_words <= 30 and _TAGS_RE.match(line):
        return "tags"
    if (header or at_end) and n_words <= 8 and _UNLABELLED_BYLINE_RE.match(line):
        return "credit"  # `Editor Reni Susanti`, `Kontributor Lebak, Acep Nazmudin`
    if header and not at_end and n_words <= 12 and (
        _RUBRIC_RE.match(line) or _BREADCRUMB_RE.match(line) or _RELEASE_NUMBER_RE.match(line)
    ):
        return "rubric"
    if _SEPARATOR_RE.match(line) or not any(c.isalnum() for c in line):
        return "separator"  # (also a line of emoji only: a post's remnant, `🇮🇩🔥`)
    if (header or at_end or _UPDATED_RE.match(line)) and n_words <= 12 and _TIMESTAMP_RE.match(
        line
    ):
        return "timestamp"
    if n_words <= 30 and _COPYRIGHT_RE.search(line):
        return "credit"
    if n_words <= 80 and any(r.search(line) for r in _FOOTER_RES):
        return "footer"
    if at_end:
        if n_words <= 15 and _SOURCE_LINE_RE.match(line) and _names_only(line):
            return "credit"  # `Sumber: Engadget.`, `Sumber berita X dan gambar header Y.`
        if n_words <= 80 and _SELF_DESCRIPTION_RE.match(line):
            return "footer"
        if n_words <= 60 and _AUTHOR_NOTE_RE.match(line):
            return "credit"
        if _bracketed(line) and any(p.search(f"x. {line}") for _, p in _END_REPORTER_RES):
            return "credit"  # the reporter's credit on a line of its own: `(Tribun-Timur.com/Nama)`
        if footers and footer_key(line) in footers:
            return "footer"
        if n_words <= 15 and _glued_tags(line):
            return "tags"
        if _END_DESK_RE.match(line):
            return "credit"  # `research@cnbcindonesia.com`, `CNBC INDONESIA RESEARCH`, `Humas X`
        if _PAGER_RE.fullmatch(line):
            return "link"  # a pager's `Halaman` / `1` / `2` below the article
    return None


_DATABOKS_RE = re.compile(r"^(?i:databoks)\s*:")
_PAGER_RE = re.compile(r"(?i:halaman)|\d{1,2}")  # (closing lines only: `Halaman` / `1` / `2`)
# A caption label on a line of its own (Viva's `Photo :`): the line under it is the caption.
_CAPTION_LABEL_RE = re.compile(r"^(?:Photo|PHOTO|Foto|FOTO)\s*:$")
CAPTION_UNDER_LABEL_WORDS = 20
# A desk's or sender's signature closing an article: an e-mail address alone, a research desk,
# a public relations office (`Humas Polres Sleman`).
_END_DESK_RE = re.compile(
    r"^(?=\S)(?:[A-Z]+(?:\s+[A-Z]+)?\s+RESEARCH\s*|Humas\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\s*)?"
    r"(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?\.?$"
)


# A scraped tag list whose links lost the spaces between them: `Bogorbus listrikTrans Pakuan`.
_GLUED_RE = re.compile(r"[a-z]{3,}[A-Z]")
_PROSE_WORDS = frozenset("yang dan di ke dari untuk dengan ini itu adalah akan telah pada".split())


def _glued_tags(line: str) -> bool:
    """A closing line of tags run together (a word's end glued to the next tag's capital), no
    sentence and none of the function words of prose."""
    return (
        not ends_sentence(line)
        and ":" not in line
        and bool(_GLUED_RE.search(line))
        and not any(word.lower() in _PROSE_WORDS for word in line.split())
    )


# ---------------------------------------------------------------------------------------------
# 9. Boilerplate inside paragraphs
# ---------------------------------------------------------------------------------------------

_BRACKET_LINK = r"[\[(]\s*(?i:baca|simak|lihat|tonton)(?i:\s+juga)?\s*:[^\[\]()\n]{1,200}[\])]"
# (after a sentence the link takes its own period along: `siap. (Baca juga: X). Semua`)
_BRACKET_LINK_RE = re.compile(rf"(?<=[.!?])\s*{_BRACKET_LINK}\.?|\s*{_BRACKET_LINK}")
# A scraper's placeholder where a related-article link was cut out.
_LINK_PLACEHOLDER_RE = re.compile(r"\s*\bBaca_Juga\b\s*", re.I)
_AFTER_SENTENCE = r"(?<=[.!?\"'])"
_TRAILING_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "footer",
        re.compile(
            rf"{_AFTER_SENTENCE}\s+(?:Artikel|Berita|Tulisan)\s+ini\s+(?:telah\s+|sudah\s+|"
            r"pertama\s+kali\s+)?(?:tayang|terbit|dimuat|diterbitkan|ditayangkan)\b.{0,400}$"
        ),
    ),
    ("credit", re.compile(rf"{_AFTER_SENTENCE}\s*{_CREDIT_BRACKET}\s*$")),
    ("separator", re.compile(rf"{_AFTER_SENTENCE}\s*\*{{3,}}\s*$")),  # Pikiran Rakyat's `***`
    (
        "link",
        re.compile(
            rf"{_AFTER_SENTENCE}\s+[\[(]?\s*(?:Baca(?:\s+[Jj]uga)?|BACA(?:\s+JUGA)?|"
            r"Simak\s+[Jj]uga|SIMAK\s+JUGA|Lihat\s+[Jj]uga|LIHAT\s+JUGA|Tonton\s+[Jj]uga|"
            r"TONTON\s+JUGA|Artikel\s+[Tt]erkait|Berita\s+[Tt]erkait)\s*:.{1,250}$"
        ),
    ),
    (
        "credit",
        re.compile(
            rf"{_AFTER_SENTENCE}\s+{_LABEL}\s*:\s*{_NAME}"
            rf"(?:\s*[|,/]\s*{_LABEL}\s*:\s*{_NAME})*\s*\.?$"
        ),
    ),
)


_END_INITIALS = (
    "credit",
    # (not the period abbreviations of economic data: `1,93 persen (yoy)`)
    re.compile(r"\s[\[(]\s*(?!(?:yoy|mtm|qtq|ytd|mom|ctc)\s*[\])])[a-z]{2,4}(?:\s*/\s*[a-z]{2,4}){0,2}\s*[\])]$"),
)
# The reporter's credit closing an article (only the last paragraph: elsewhere the same shape
# closes a photo caption): `(Tribunnews.com/Nama Nama)`, `(Tribun Jateng/Nama)`,
# `(Kontributor Garut, Nama)`, Okezone's bare `(Nama Nama)`.
_END_REPORTER_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "credit",
        re.compile(
            rf"{_AFTER_SENTENCE}\s*\(\s*(?:(?:{_OUTLET}|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s*/\s*"
            rf"{_CREDIT_NAME}|{_DOMAIN}\s*/\s*[\w.'-]+(?:\s+[\w.'-]+){{0,3}})\s*\)\s*\.?\s*$"
        ),
    ),
    (
        "credit",
        re.compile(
            rf"{_AFTER_SENTENCE}\s*\(\s*(?i:kontributor|laporan|reporter|wartawan|koresponden)"
            rf"\s+[^,()]{{2,40}},\s*{_NAME}\s*\)\s*$"
        ),
    ),
    (
        "credit",
        # (after a period only: `"... terbuang." (Chairil Anwar)` attributes a quotation)
        re.compile(r"(?<=[.!?])\s*\(\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3}\s*\)\s*$"),
    ),
    # a site's name alone: `(Tribunnews.com)`, `( Tribunjogja.com )`, `(pos-kupang.com)`
    ("credit", re.compile(rf"{_AFTER_SENTENCE}\s*\(\s*{_DOMAIN}\s*\)\s*\.?\s*$")),
)


_PIC_LINK_RE = re.compile(r"\s*\b(?:pic\.twitter\.com|pic\.x\.com)/\w+|\s*\bhttps?://t\.co/\w+")


# (kind, pattern, substrings one of which a match contains: tested before the pattern)
_INLINE_RULES: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    ("link", _BRACKET_LINK_RE, (":",)),
    ("link", _LINK_PLACEHOLDER_RE, ("_",)),
    ("link", _EMBED_RE, ("[",)),
    ("caption", _SHORTCODE_CAPTION_RE, ("[caption", "[CAPTION")),
    ("link", _PIC_LINK_RE, ("pic.", "t.co/")),
    ("caption", _INLINE_PHOTO_CREDIT_RE, ("(",)),
    ("ad", _AD_CAPS_RE, ("ADVERTISEMENT", "SCROLL")),
)


def strip_inline_boilerplate(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """Remove bracketed links, inline photo credits and ad banners from inside a paragraph.

    Returns the text and (offset, kind, removed text) triples.
    """
    found: list[tuple[int, str, str]] = []
    for kind, pattern, needles in _INLINE_RULES:
        if not any(needle in text for needle in needles):  # (a cheap test first)
            continue
        matches = list(pattern.finditer(text))
        if matches:
            found += [(m.start(), kind, m.group(0).strip()) for m in matches]
            # (no space left before punctuation where a link was: `siap (Baca: X).` -> `siap.`)
            marked = re.sub(r"\s*\x00\s*(?=[.,;:!?](?:\s|$))", "", pattern.sub("\x00", text))
            text = marked.replace("\x00", " ")
    return " ".join(text.split()), found


def strip_trailing_boilerplate(
    text: str, *, at_end: bool = False
) -> tuple[str, list[tuple[str, str]]]:
    """Remove boilerplate glued after a paragraph's last sentence (`kata dia. (ant/mdk)`).

    With `at_end` (the article's last paragraph), lowercase desk initials are removed even
    after a line that is not a sentence (`Lyon 0-1 Juventus (kid)`), and so is a reporter's
    credit (`(Tribunnews.com/Nama)`), also closing a paragraph of reported speech elsewhere.
    Returns the text and the (kind, removed text) pairs, in document order.
    """
    found: list[tuple[str, str]] = []
    if at_end:
        rules = (*_TRAILING_RES, _END_INITIALS, *_END_REPORTER_RES)
    elif "(" in text[-80:] and _reported(text):  # a report's paragraph, not a photo caption
        rules = (*_TRAILING_RES, *_END_REPORTER_RES)
    else:
        rules = _TRAILING_RES
    changed = True
    while changed and text:
        changed = False
        for kind, pattern in rules:
            match = pattern.search(text)
            if match and match.start() > 0:
                found.insert(0, (kind, match.group(0).strip()))
                text = text[: match.start()].rstrip()
                changed = True
    return text, found


# Places for the bare `Jakarta - ` dateline (detik style). Needed because a capitalized word
# followed by a dash is otherwise also the start of `Kevin - Prince Boateng` or `Go - Jek`;
# also used in reverse: `Jakarta - Bandung ditempuh 3 jam` is a route, not a dateline.
PLACES = frozenset(
    """Jakarta Bandung Surabaya Medan Semarang Makassar Palembang Yogyakarta Denpasar Malang
    Bogor Depok Tangerang Bekasi Batam Pekanbaru Padang Jambi Bengkulu Lampung Bandarlampung
    Pontianak Banjarmasin Samarinda Balikpapan Manado Palu Kendari Gorontalo Mamuju Ambon Ternate
    Jayapura Manokwari Sorong Merauke Kupang Mataram Serang Cilegon Cirebon Tasikmalaya Sukabumi
    Garut Solo Surakarta Magelang Kudus Pekalongan Tegal Purwokerto Kediri Blitar Madiun Jember
    Banyuwangi Probolinggo Pasuruan Mojokerto Sidoarjo Gresik Bangkalan Tuban Lamongan Karawang
    Purwakarta Subang Indramayu Cianjur Sumedang Bali Lombok Bantul Sleman Klaten Boyolali
    Pangkalpinang Tanjungpinang Dumai Binjai Lhokseumawe Sabang Bukittinggi Wamena Timika Nabire
    Bima Tarakan Bontang Singkawang Sampit Bitung Parepare Palopo Baubau Aceh Banten Papua
    Maluku Riau Kalimantan Sulawesi Sumatera Jawa Madura Washington London Paris Berlin Tokyo
    Beijing Seoul Moskow Singapura Bangkok Manila Hanoi Canberra Sydney Melbourne Jenewa Brussel
    Roma Madrid Barcelona Kairo Riyadh Jeddah Mekkah Madinah Dubai Doha Teheran Ankara Istanbul
    Yerusalem Gaza Damaskus Baghdad Kabul Islamabad Taipei Dhaka Yangon Dili Wellington Ottawa
    Chicago Osaka Shanghai Wuhan Pyongyang Kyiv Beirut Amman Manchester Liverpool Milan Turin
    Muenchen Lisabon Amsterdam Wina Praha Warsawa Athena Stockholm Oslo Helsinki
    Jombang Ciamis Tulungagung Trenggalek Ponorogo Pacitan Ngawi Magetan Nganjuk Bojonegoro
    Situbondo Bondowoso Lumajang Sampang Pamekasan Sumenep Batu Kuningan Majalengka Pangandaran
    Banjar Cimahi Lebak Pandeglang Tangsel Jepara Pati Rembang Blora Grobogan Demak Kendal Batang
    Pemalang Brebes Banyumas Cilacap Purbalingga Banjarnegara Kebumen Purworejo Wonosobo
    Temanggung Salatiga Sragen Karanganyar Wonogiri Sukoharjo Gunungkidul Kulonprogo Jogja Solo
    Denpasar Badung Gianyar Tabanan Buleleng Karangasem Klungkung Jembrana Bangli Sumbawa Dompu
    Ende Maumere Sikka Flores Atambua Rote Alor Waingapu Tasik Cikarang Cibinong Serpong
    Siantar Pematangsiantar Tebingtinggi Sibolga Padangsidimpuan Rantauprapat Kisaran Asahan
    Langsa Meulaboh Takengon Bireuen Pidie Payakumbuh Solok Pariaman Sawahlunto Agam Pasaman
    Prabumulih Lubuklinggau Baturaja Muaraenim Lahat Pagaralam Pringsewu Kalianda Kotabumi
    Tanjungpandan Belitung Bangka Karimun Natuna Bintan Siak Bengkalis Kampar Rokan Indragiri
    Ketapang Sintang Sanggau Kapuas Putussibau Palangkaraya Muarateweh Pangkalanbun Kotabaru
    Martapura Banjarbaru Barabai Amuntai Kutai Tenggarong Sangatta Berau Nunukan Malinau
    Tomohon Tondano Kotamobagu Minahasa Luwuk Poso Tolitoli Donggala Morowali Kolaka Konawe Buton
    Wakatobi Raha Bone Watampone Gowa Maros Pangkep Barru Sidrap Pinrang Enrekang Toraja Makale
    Rantepao Bulukumba Sinjai Selayar Jeneponto Takalar Bantaeng Wajo Soppeng Luwu Masamba
    Majene Polewali Mamasa Tual Masohi Namlea Sofifi Tobelo Halmahera Biak Serui Fakfak Kaimana
    Asmat Mimika Jayawijaya Nduga Yahukimo Keerom Sarmi Samosir Mandalika Sentul Cibubur Tangerang
    Shenzhen Hangzhou Guangzhou Wuhan Odense Makkah Munich Yokohama Busan Lisbon Kopenhagen
    Copenhagen Budapest Karachi Kolkata Mumbai Colombo Vientiane Auckland Perth Brisbane Darwin
    Honolulu Houston Miami Boston Toronto Vancouver Meksiko Brasilia Santiago Johannesburg
    Nairobi Lagos Seville Valencia Dortmund Napoli Marseille Lyon Glasgow Birmingham Leeds Sepang
    Silverstone Monza Misano Assen Jerez Losail Lusail Phuket""".split()
)
_PLACE_PAIRS = ("Banda Aceh", "Kuala Lumpur", "New York", "Los Angeles", "Hong Kong",
                "New Delhi", "Phnom Penh", "San Francisco", "Labuan Bajo", "Palangka Raya",
                "Bandar Lampung", "Tanjung Pinang", "Raja Ampat", "Intan Jaya", "Nusa Dua",
                "Abu Dhabi", "Port Moresby", "Rio de Janeiro", "Kota Kinabalu",
                "Tanjung Selor", "Sumba")  # fmt: skip
# A region of a place: `Jakarta Selatan -`, `Tangerang Selatan -`, `Sumba Barat -`.
_COMPASS = (
    r"(?:\s+(?:Selatan|Utara|Barat|Timur|Tengah|Barat\s+Daya|SELATAN|UTARA|BARAT|TIMUR|TENGAH))?"
)
_GAZETTEER = "|".join(
    re.escape(p) for p in sorted([*PLACES, *_PLACE_PAIRS], key=len, reverse=True)
)
# A dateline is followed by a sentence start: not a lowercase word, unless a brand (`iPad`).
# The lookarounds skip spaces themselves because the dash pattern may give its space back.
_NOT_LOWER = r"(?=\s*(?:$|[^a-z\s]|[a-z]+[A-Z]))"

# A name shaped like a brand, not like a person or a place: `INILAHCOM`, `HanTer`, `InfoPublik`.
_BRAND = r"(?:[A-Z]{3,}[\w.]*|[A-Z][a-z]+[A-Z][\w.]*)"

_DATELINE_RES = (
    # `Jakarta, CNN Indonesia --`, `Medan, detikSumut -`, `Liputan6.com, Jakarta:`
    re.compile(rf"^{_PLACE_EXT}\s*,\s*{_OUTLET}(?:\s*,\s*{_PLACE})?{_SEP}"),
    re.compile(rf"^{_OUTLET}\s*,\s*{_PLACE_EXT}{_SEP}"),
    # `Jakarta (ANTARA) -`, `JAKARTA (Pos Kota) -`, `Kuala Lumpur, (AntaraKL) -`
    # (and an agency's source: `Manila (ANTARA/AFP) -`, `Tokyo (ANTARA/Kyodo) -`)
    re.compile(
        rf"^{_PLACE_EXT}\s*,?\s*\(\s*{_OUTLET}(?:\s*/\s*[A-Z][\w.]*)?(?:\s+\w+)?\s*\)\s*,?{_SEP}"
    ),
    # `Jakarta, 5 Mei 2024 -`, `Bandung, Senin (5/5/2024) -`
    re.compile(rf"^{_PLACE}\s*,\s*{_DATE}{_SEP}"),
    # a release's `Bandung, 25 November 2024.` (a known place and a whole date)
    re.compile(rf"^(?:{_GAZETTEER})\s*,\s*\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}\.\s+(?=[A-Z])"),
    # the agency after the date: `Jakarta, 20 Mei (ANTARA) -`, `Jakarta, 17 Mei 2024 (Media
    # Indonesia) -`, `KUALA LUMPUR, 20 Mei (Bernama) --`
    re.compile(
        rf"^{_PLACE}\s*,\s*(?:{_DATE}|\d{{1,2}}\s+{_MONTHS})\s*\(\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,2}}"
        rf"\s*\)\s*,?{_SEP}"
    ),
    # a known place and a regional outlet not in our list: `Kupang, Pos Kupang -`,
    # `AMBON, Siwalimanews -`, `Medan (Analisa) -`
    # (not a list of places: `Jakarta, Bandung - Surabaya menjadi rute mudik`)
    re.compile(
        rf"^(?i:{_GAZETTEER})\s*,\s*(?!(?:{_GAZETTEER})\b)[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,2}}"
        rf"{_DASH}(?!\s*(?:{_GAZETTEER})\b){_NOT_LOWER}"
    ),
    re.compile(rf"^(?i:{_GAZETTEER})\s*\(\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,2}}\s*\)\s*,?{_SEP}"),
    # `KONTAN.CO.ID - JAKARTA.` (Kontan: the place after the outlet, closed by a period or dash)
    re.compile(rf"^{_OUTLET}{_DASH}[A-Z][A-Z]+(?:\s+[A-Z][A-Z]+){{0,2}}(?:\.\s+|{_DASH})"),
    # an outlet not in our list, next to a known place: `Jakarta, HanTer -`, `INILAHCOM, Jakarta -`
    re.compile(rf"^(?i:{_GAZETTEER})\s*,\s*{_BRAND}{_DASH}{_NOT_LOWER}"),
    re.compile(rf"^{_BRAND}\s*,\s*(?i:{_GAZETTEER}){_DASH}{_NOT_LOWER}"),
    # `VIVA -`, `Suara.com -`, `INDOSPORT.COM -`
    re.compile(rf"^{_OUTLET}{_DASH}{_NOT_LOWER}"),
    # `SURABAYA -`, `KOREA SELATAN -`
    re.compile(rf"^(?P<caps>[A-Z][A-Z'.]+(?:\s+[A-Z][A-Z'.]+){{0,3}}){_DASH}{_NOT_LOWER}"),
    # a known place in any case before a known outlet: `jakarta, kompas.com -`, `medan (antara) -`
    re.compile(rf"^(?i:{_GAZETTEER})\s*(?:,\s*{_OUTLET}|,?\s*\(\s*{_OUTLET}\s*\))\s*,?{_SEP}"),
    # `Jakarta - ` (detik), unless a route (`Jakarta - Bandung`; `Jakarta - Jakarta ...` is not)
    re.compile(
        rf"^(?:(?:Kabupaten|Kota|Kab\.|KABUPATEN|KOTA)\s+)?(?P<place>(?:{_GAZETTEER}){_COMPASS})"
        rf"{_DASH}"
        r"(?![^.]{0,40}\b(?:ditempuh|dilalui)\b)"  # (a route: `Medan - Kualanamu kini ditempuh`)
        # (a place after the dash makes a route, unless a name goes on from it or a report's
        # verb follows: `London - Manchester United keluar`, `Jakarta - Papua kembali diguncang`)
        rf"(?!\s*(?!(?P=place)\b)(?:{_GAZETTEER}){_COMPASS}\b"
        r"(?!\s+(?:[A-Z]|(?:kembali|resmi|menang|kalah|diguncang|dilanda|diterjang|"
        r"bermain|tampil|mencatat|melaporkan)\b)))"
        rf"{_NOT_LOWER}"
    ),
    # `JawaPos.com–Kementerian` (a dash glued to the outlet), `Jakarta: Presiden` (Medcom)
    re.compile(rf"^{_DOMAIN}-(?=[A-Z\"'])"),  # (dashes are plain hyphens by now)
    re.compile(rf"^{_PLACE_EXT}\s*,\s*{_DOMAIN}-(?=[A-Z\"'])"),  # `Sleman, HarianJogja.com-Pemda`
    re.compile(rf"^{_DOMAIN}\s*,\s*[A-Z]{{3,}}-(?=[A-Z\"'])"),  # `Harianjogja.com, SLEMAN-Pemda`
    re.compile(rf"^(?:{_GAZETTEER}):\s+(?=[A-Z])"),
    # a site and a known place with no separator at all: `Liputan6.com, Jakarta Kasus ...`
    re.compile(rf"^{_DOMAIN}\s*,\s*(?:{_GAZETTEER}){_COMPASS}\s+(?=[A-Z\"'])"),
    # NU Online's place and outlet on a line of their own: `Jakarta, NU Online`
    re.compile(rf"^{_PLACE_EXT}\s*,\s*{_OUTLET}\s*$"),
    # a place in capitals glued to its dash: `SAMARINDA-Pembangunan`, `BALIKPAPAN, KP-Warga`,
    # `MUHAMMADIYAH.OR.ID, YOGYAKARTA-Ketua`
    re.compile(rf"^(?:{_DOMAIN}\s*,\s*)?(?i:{_GAZETTEER})(?:\s*,\s*[A-Z]{{2,5}})?-(?=[A-Z\"'][a-z])"),
)


def _caps_place_ok(words: str) -> bool:
    """An all-caps dateline place: real words (with a vowel), not an acronym like `GO` or `KPK`."""
    parts = words.split()
    if parts and parts[0] in _MEDIA_LABELS:  # `VIDEO - Tanggul Jebol`: a story label
        return False
    return sum(len(p) for p in parts) >= 4 and all(re.search(r"[AIUEO]", p) for p in parts)


_MEDIA_LABELS = frozenset({"FOTO", "VIDEO", "INFOGRAFIS"})  # (`OPINI -` is a rubric: removed)


def strip_dateline(text: str) -> tuple[str, str | None]:
    """Remove a dateline (`Jakarta, CNN Indonesia --`) from the start of a paragraph.

    Returns the remaining text and the removed dateline (None when there is none).
    """
    for pattern in _DATELINE_RES:
        match = pattern.match(text)
        if not match:
            continue
        caps = match.groupdict().get("caps")
        if caps is not None and not _caps_place_ok(caps):
            continue
        return text[match.end() :].lstrip(), match.group(0).strip()
    return text, None


# ---------------------------------------------------------------------------------------------
# 7-8. Title and paragraphs
# ---------------------------------------------------------------------------------------------

_CONNECTORS = frozenset(
    """dan atau yang di ke dari untuk dengan pada oleh bahwa karena seperti serta namun tetapi
    tapi sebagai dalam akan para sang si ini itu adalah yakni yaitu agar supaya jika bila saat
    ketika bagi atas tentang terhadap antara hingga sampai sejak menurut kata ujar of the and
    to in""".split()
)


def _words(line: str) -> list[str]:
    return line.split()


def _heading_like(line: str) -> bool:
    """A short or title-cased line without final punctuation (a heading, a title, a label)."""
    if ends_sentence(line) or line[:1].islower():
        return False
    words = _words(line)
    if len(words) <= 6:
        return True
    alpha = [w for w in words if w[:1].isalpha()]
    # A lowercase content word (`dihadiri`, `meminta`) makes prose, not Title Case; a dated
    # line (`Rabu, 10 April 2024 pukul 21.00 WIB`) still heads a chronology.
    if not any(c.isdigit() for c in line) and any(
        w[0].islower() and w.lower() not in _CONNECTORS for w in alpha
    ):
        return False
    # (a heading is short: twelve capitalized words are a line of names inside a sentence)
    return len(words) <= 10 and title_case(alpha, min_words=1)


_LIST_MARK_RE = re.compile(r"^[-*\u2013\u2022\u25cf\u25aa\u00b7]\s+")


def _item_start(above: str, line: str) -> bool:
    """Whether `line` starts a list item: a marker after a finished sentence, an introduction
    (`:`), a heading or another item; after an unfinished line `12. Sebagian ...` or
    `- yang diduga ...` goes on with the sentence."""
    if ENTRY_RE.match(line) and (above.rstrip().endswith(":") or ENTRY_RE.match(above)):
        return True  # `Jadwal:` / `Tunggal putra: Jonatan ... 21-17` / `Ganda putra: ...`
    if not LIST_ITEM_RE.match(line):
        return False
    return (_finished(above) or above.rstrip().endswith(":") or bool(LIST_ITEM_RE.match(above))
            or _heading_like(above))


# A turn of a dialogue or interview: `Reporter: ...`, `Pelatih: ...`, `T: ...`.
_SPEAKER_RE = re.compile(r"^[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}\s*:\s+\S")


def _continues(line: str, nxt: str) -> bool:
    """Whether `nxt` continues the sentence that `line` leaves unfinished."""
    if _item_start(line, nxt) or (_SPEAKER_RE.match(line) and _SPEAKER_RE.match(nxt)):
        return False  # (a list item, or the next turn of an interview)
    if _PAGINATION_RE.match(nxt) or _AD_RE.match(nxt):
        return False  # page furniture: `... 10:42 WIB` + `loading...`
    if nxt[:1].islower() and line.rstrip().endswith((',"', ",\u201d", ",'")):
        return True  # a quotation's speech tag: `... tidak bisa lewat,"` + `ujar Jaya.`
    if _abbreviation_end(line, nxt):
        return True  # `... Dr. Hendra, S.H., M.H.` + `mengatakan ...`, `tinggal di Jl.` + `Keputih`
    if nxt[:1].islower() and not _finished(line):
        return True  # (`... gabungan (TNI/Polri)` + `di 40 titik ...`)
    if ends_sentence(line):
        return False
    if LIST_ITEM_RE.match(line) and not nxt[:1].islower():
        return False  # `1. Rutin minum air putih` heads the paragraph below it
    if nxt[:1].islower():
        return True
    last = line.rstrip()
    final = last.split()[-1]
    if last.endswith((",", "-", "/", "(")):
        return True
    if final.lower() in _CONNECTORS and not (
        (final[:1].isupper() or final == "ini") and _headline_case(_words(line))
    ):
        return True  # (a Title Case heading may end in a capitalized `Ini`)
    # An unfinished line of prose goes on, also into a name (`... Gubernur BI` + `Perry Warjiyo.`)
    return not _heading_like(line)


_HYPHEN_BREAK_RE = re.compile(r"([^\W\d_]+)-$")
_WORD_START_RE = re.compile(r"^([^\W\d_]+)")


def _abbreviation_end(line: str, nxt: str) -> bool:
    """Whether `line` ends in an abbreviation that the sentence goes on after: a title or an
    address word before anything (`Jl.`; an acting title before an office: `Pj.` + `Wali Kota`),
    any abbreviation (a degree,
    `dll.`) before a lowercase word."""
    last = line.rstrip().rsplit(None, 1)[-1]
    if not last.endswith("."):
        return False
    word = last.lstrip("([\"'\u201c").lower()[:-1]
    if word in PREFIX_ABBREVIATIONS:
        return True
    if word in ACTING_TITLES:
        return is_office(nxt.split()[0]) if nxt.split() else False
    return nxt[:1].islower() and word in ABBREVIATIONS


def join_lines(left: str, right: str) -> str:
    """Join a line with the one that continues it.

    A word hyphenated across the break (`pemerin-` + `tah`) is rejoined without the hyphen when
    the result is an Indonesian word; otherwise the hyphen stays and the halves are joined without
    a space (`anak-` + `anak` -> `anak-anak`, `Bandung-` + `Jakarta`). Anything else is joined
    with a space.
    """
    if not left.endswith("-"):  # the common case; `left` grows as a wrapped paragraph is joined
        return f"{left} {right}"
    end = _HYPHEN_BREAK_RE.search(left[-64:])
    start = _WORD_START_RE.match(right)
    if not end or not start:
        return f"{left} {right}"
    from pipeline.language import is_word

    head, tail = end.group(1), start.group(1)
    if tail[:1].islower() and head.lower() != tail.lower() and is_word(head + tail):
        return left[:-1] + right
    return left + right  # `anak-anak`, `Bandung-Jakarta`


def _hard_wrapped(lines: list[str]) -> bool:
    """A block whose line ends mostly fall inside sentences: a wrapped paragraph."""
    inner = lines[:-1]
    broken = sum(not ends_sentence(line) and len(_words(line)) >= 6 for line in inner)
    return broken >= 2 and broken * 2 >= len(inner)


def _wrap_width(lines: list[str]) -> int:
    """The width a block was wrapped at: its longest line without an unbreakable long word (a
    web address sticks out of the wrap)."""
    wrapped = [len(line) for line in lines if max(map(len, line.split()), default=0) <= 25]
    return max(wrapped or [len(line) for line in lines])


# A line of a wrapped block at most this share of the wrap width may be a subheading.
SUBHEADING_SHARE = 0.8


def _wrapped_paragraphs(lines: list[str]) -> list[list[str]]:
    """A hard-wrapped block cut into its paragraphs (text wrapped with no blank line between
    paragraphs, or a subheading above its paragraph): after a line that the wrapping did not end,
    since the next line's first word would have fitted on it, when that line ends a sentence, or
    is a short line (`SUBHEADING_SHARE` of the width) that ends in no connector before a capital
    (`Gunakan gayung saat mandi, bukan pancuran` / `Mandi dengan ...`)."""
    width = _wrap_width(lines)
    groups = [[lines[0]]]
    for above, line in itertools.pairwise(lines):
        first = line.split()[0]
        last = above.rstrip().split()[-1]
        deliberate = ends_sentence(above) or (
            len(above) <= SUBHEADING_SHARE * width and last.lower() not in _CONNECTORS
            and last[-1:].isalnum()
        )
        if len(above) + 1 + len(first) <= width and not line[:1].islower() and deliberate:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def join_broken_lines(lines: list[str]) -> list[str]:
    """Lines of one block -> paragraphs: a wrapped block is one paragraph; otherwise every line
    is a paragraph, except that an unfinished line is joined with the line that continues it.
    A table row is a paragraph of its own."""
    if not lines:
        return []
    rows = [i for i, line in enumerate(lines) if table_row(line)]
    if rows:
        out: list[str] = []
        for start, row in zip([-1, *rows[:-1]], rows, strict=True):
            out += [*join_broken_lines(lines[start + 1 : row]), lines[row]]
        return out + join_broken_lines(lines[rows[-1] + 1 :])
    items = [i for i, line in enumerate(lines) if i and _item_start(lines[i - 1], line)]
    if items:  # a list: every item starts a paragraph (a wrapped item is joined within)
        starts = [0, *items, len(lines)]
        return [p for a, b in itertools.pairwise(starts) for p in join_broken_lines(lines[a:b])]
    if _hard_wrapped(lines):
        paragraphs = []
        for group in _wrapped_paragraphs(lines):
            joined = group[0]
            for line in group[1:]:
                joined = join_lines(joined, line)
            paragraphs.append(joined)
        return paragraphs
    out = [lines[0]]
    for line in lines[1:]:
        if _continues(out[-1], line):
            out[-1] = join_lines(out[-1], line)
        else:
            out.append(line)
    return out


def assemble_paragraphs(units: list[tuple[int, str] | None]) -> list[_Paragraph]:
    """Numbered lines (None for a blank line) -> paragraphs, block by block."""
    paragraphs: list[_Paragraph] = []
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if not block:
            return
        texts = join_broken_lines([text for _, text in block])
        # map each joined paragraph back to the input lines it spans
        position = 0
        for text in texts:
            count = 1
            joined = block[position][1]
            while joined != text and position + count < len(block):
                joined = join_lines(joined, block[position + count][1])
                count += 1
            paragraphs.append(_Paragraph(block[position][0], block[position + count - 1][0], text))
            position += count
        block.clear()

    for unit in units:
        if unit is None:
            flush()
        else:
            block.append(unit)
    flush()
    return paragraphs


def _headline_case(words: list[str]) -> bool:
    """A headline's Title Case (`Harga Emas Naik Hari Ini`): 70% of three or more words."""
    return title_case(words, share=0.7)


# A first line that is a photo caption, not a headline: a sentence, then its credit
# (`Suasana pasar. (iStockphoto/Nama)`, `... pers. Dok: Kemenko`, `... warga. (dok. BPBD)`).
_CAPTION_AFTER_SENTENCE_RE = re.compile(
    r"[.!?]\s+(?:\(\s*(?:[A-Za-z][^()/]{0,40}/[^()]{1,40}|(?i:foto|dok|dokumentasi|ilustrasi|"
    r"istimewa|ist|net|kredit|photo|biro|humas|setpres|bpmi)\b[^()]{0,50})\)|"
    r"(?i:dok|foto|kredit)\s*[.:][^.]{1,60})\s*$"
)  # (not a verse or a source closing a lead: `... bertakwa. (QS Al-Baqarah: 183)`, `(Ant)`)


_MEDIA_LABEL_RE = re.compile(
    r"^(?:FOTO|Foto|VIDEO|Video|INFOGRAFIS|Infografis)\s*(?::|\s-)\s*(.+)$"
)


_INFO_LABEL_RE = re.compile(
    r"^(?:Judul|Penerbit|Tebal|Harga|ISBN|Sutradara|Pemain|Pemeran|Durasi|Genre|Rilis|"
    r"Tahun(?:\s+terbit)?|Cetakan|Halaman|Produksi|Distributor)\s*:",
    re.I,
)


def _listed_entry(lines: list[str], number: int, kind: str) -> bool:
    """Whether a `share` or `credit` line is an entry of a list in the article: a platform name
    under `... berbagi informasi:` (or under another such name), a `Penulis:` line of a book's
    details (`Judul:`, `Penerbit:` beside it)."""
    up = next((i for i in range(number - 1, -1, -1) if lines[i].strip()), -1)
    above = lines[up] if up >= 0 else ""
    below = next((lines[i] for i in range(number + 1, len(lines)) if lines[i].strip()), "")
    if kind == "tags" and lines[number].lstrip().startswith("#"):
        return False  # hashtags are never an entry, whatever the label above (`Topic:`)
    if kind == "credit" and above.rstrip().endswith("?") and "," in lines[number]:
        return True  # a reader's sign-off under the question: `... saya lakukan?` / `(Budi, Sewon)`
    if kind in ("credit", "tags"):
        return bool(_INFO_LABEL_RE.match(above) or _INFO_LABEL_RE.match(below)
                    or _under_introduction(lines, number))
    while _SOCIAL_BUTTON_RE.match(lines[number].strip()):  # up the run of platform names
        if above.rstrip().endswith(":"):
            return True
        if not _SOCIAL_BUTTON_RE.match(above.strip()):
            return False
        number = up
        up = next((i for i in range(number - 1, -1, -1) if lines[i].strip()), -1)
        above = lines[up] if up >= 0 else ""
    return False


def _under_introduction(lines: list[str], number: int) -> bool:
    """Whether line `number` is in a run of `Label: value` entries right under an introduction
    ending in `:` (`Berikut daftar pemenang:` / `Penulis: ...` / `Fotografer: ...`)."""
    up = number
    while up > 0 and lines[up - 1].strip() and ENTRY_RE.match(lines[up - 1].strip()):
        up -= 1
    return up > 0 and lines[up - 1].rstrip().endswith(":") and not ENTRY_RE.match(
        lines[up - 1].strip()
    )


def _inside_sentence(lines: list[str], number: int) -> bool:
    """Whether raw line `number` is part of a sentence wrapped across lines: it goes on from an
    unfinished line above in lowercase, or it is unfinished and the line below goes on in
    lowercase. Such a line is never boilerplate by itself."""
    line = lines[number]
    above = lines[number - 1] if number else ""
    below = lines[number + 1] if number + 1 < len(lines) else ""
    if above.strip() and line[:1].islower() and not _finished(above):
        return True
    return bool(below.strip()) and below[:1].islower() and not _finished(line)


# The heading of what a page carries below an article: a press release's contact block
# (`Narahubung:`, `Kontak Media:`), its `Tentang OJK` self-description, the comments
# (`Komentar (2)`, `Login untuk berkomentar`) and lists of other stories (`Terpopuler`).
_PAGE_TAIL_RE = re.compile(
    r"^(?:narahubung|kontak\s+(?:media|pers|humas)|media\s+contact|contact\s+person|"
    r"(?:untuk\s+)?informasi\s+lebih\s+lanjut(?:\s*,?\s*(?:hubungi|silakan\s+hubungi))?|"
    r"tentang\s+[A-Z].{0,60}|"
    r"komentar\s*\(\d+\)|\d+\s+komentar|(?:login|masuk)\s+untuk\s+berkomentar|tulis\s+komentar|"
    r"terpopuler(?:\s+hari\s+ini)?|berita\s+(?:terkini|terpopuler|populer)|paling\s+banyak\s+dibaca|"
    r"most\s+popular)\s*:?$",
    re.I,
)
PAGE_TAIL_MAX_WORDS = 15  # (the lines below such a heading are names, roles, titles, contacts)
# A press release's end mark: `--- selesai ---`, `-SELESAI-`, `(end)`, `-30-`; what follows it
# (the sender's self-description, media contacts) is not the article.
_END_MARK_RE = re.compile(
    r"^(?:[-\u2013\u2014#*=~(\[]+\s*(?i:selesai|end|tamat)\s*[-\u2013\u2014#*=~)\]]+|"
    r"SELESAI|END|-30-)$"
)


def _page_tail(lines: list[str]) -> int:
    """The number of the first line of the page furniture below an article (an end mark, or
    `_PAGE_TAIL_RE` with everything below it short lines), or `len(lines)` when there is none."""
    last = max((n for n, line in enumerate(lines) if line.strip()), default=0)
    marks = (n for n in range(1, last) if _END_MARK_RE.match(lines[n].strip()))
    start = next(marks, len(lines))
    if start < len(lines):  # (a mark on the last line is left to the line rules: `(end)`)
        return start
    signed = _signature_block(lines, last)
    if signed is not None:
        return signed
    for number in range(len(lines) - 1, -1, -1):
        line = lines[number].strip()
        if not line:
            continue
        if len(line.split()) > PAGE_TAIL_MAX_WORDS:
            if not _tail_description(lines, number):
                break
            continue
        if _PAGE_TAIL_RE.match(line):
            start = number
    return start


# A letter's signature mark: `ttd`, `Ttd.`, `(ttd)`, `dto` (signed; the original is signed).
_SIGNED_RE = re.compile(r"^\(?\s*(?i:ttd|dto)\.?\s*\)?$")
SIGNATURE_LINE_WORDS = 12  # lines of a signature block are short (a place and date, an office)


def _signature_block(lines: list[str], last: int) -> int | None:
    """The first line of a letter's signature block closing the text (`Kendal, 1 Maret 2025` /
    `Kepala Dinas ...` / `ttd` / the name / `NIP. ...`): up to four short lines that end no
    sentence above the mark, and only short lines below it; None when there is none."""
    filled = [n for n in range(last + 1) if lines[n].strip()]
    mark = next((n for n in reversed(filled[-6:]) if _SIGNED_RE.match(lines[n].strip())), None)
    if mark is None or any(
        len(lines[n].split()) > SIGNATURE_LINE_WORDS for n in filled if n > mark
    ):
        return None
    start = mark
    above = [n for n in filled if n < mark][-4:]
    for n in reversed(above):
        line = lines[n].strip()
        if len(line.split()) > SIGNATURE_LINE_WORDS or ends_sentence(line):
            break
        start = n
    return start


# The first line of a letterhead: an institution's name in capitals.
_LETTERHEAD_RE = re.compile(
    r"^(?:PEMERINTAH|KEMENTERIAN|KEPOLISIAN|KEJAKSAAN|SEKRETARIAT|DINAS|BADAN|KOMISI|LEMBAGA|"
    r"UNIVERSITAS|INSTITUT|POLITEKNIK|RUMAH SAKIT|DEWAN|MAJELIS|MAHKAMAH|PENGADILAN|KANTOR|"
    r"KOMANDO|TENTARA|PT)\b[A-Z0-9 .,&()/'-]*$"
)


def _letterhead(lines: list[str]) -> set[int]:
    """The numbers of a letterhead's lines at the top of a release: capitals only, opening with
    an institution (`PEMERINTAH KABUPATEN KENDAL` / `DINAS KESEHATAN`), two lines or more, or
    one before a rubric such as `SIARAN PERS`; empty when there is none."""
    filled = [n for n, line in enumerate(lines) if line.strip()]
    if not filled or not _LETTERHEAD_RE.match(lines[filled[0]].strip()):
        return set()
    block = [filled[0]]
    for n in filled[1:4]:
        line = lines[n].strip()
        if n != block[-1] + 1 or not line.isupper() or _RUBRIC_RE.match(line):
            break
        block.append(n)
    after = next((lines[n].strip() for n in filled if n > block[-1]), "")
    return set(block) if len(block) >= 2 or _RUBRIC_RE.match(after) else set()


def _tail_description(lines: list[str], number: int) -> bool:
    """A long line under `Tentang X` that describes X (`Otoritas Jasa Keuangan adalah ...`)."""
    above = next((lines[i].strip() for i in range(number - 1, -1, -1) if lines[i].strip()), "")
    if re.fullmatch(r"(?i:tentang|profil|biodata)\s+(?i:penulis|pengarang|kontributor):?", above):
        # an author box: `Tentang Penulis` / `Nama adalah dosen ...`
        return bool(re.match(r"^(?:\S+\s+){1,5}(?:adalah|merupakan|ialah)\b", lines[number]))
    match = re.match(r"(?i:tentang)\s+(.+)$", above)
    if not match:
        return False
    name = match.group(1).split()[:2]
    line = lines[number].split()
    return line[: len(name)] == name and bool(
        re.search(r"\b(?:adalah|merupakan|mempunyai\s+tugas|bertugas|is)\b", lines[number])
    )


# A headline line this long may have been wrapped (PDF releases, e-mail), with a tail of up to
# WRAPPED_HEADLINE_TAIL words on the next line.
WRAPPED_HEADLINE_WIDTH = 45
WRAPPED_HEADLINE_TAIL = 6


def _wrapped_headline(lines: list[tuple[int, tuple[int, str]]]) -> bool:
    """Whether the first two of the (position, unit) `lines` are one headline wrapped in two:
    a short Title Case tail (`Kurang Mampu`, three words at most; after a first line long enough
    to have been wrapped, six) with a blank line after it, the whole in Title Case. A longer
    second line, or one under a short first line (`Harga Cabai Naik`), is a deck."""
    first, second = lines[0][1][1], lines[1][1][1]
    blank_after = len(lines) < 3 or lines[2][0] > lines[1][0] + 1
    tail = _words(second)
    longest = WRAPPED_HEADLINE_TAIL if len(first) >= WRAPPED_HEADLINE_WIDTH else 3
    return (blank_after and 1 <= len(tail) <= longest and second[:1].isupper()
            and not ends_sentence(second) and _headline_case(_words(first) + tail))


def _bracketed(line: str) -> bool:
    """A short line that is one bracketed credit: `(Tribun-Timur.com/Siti Aminah)`."""
    line = line.strip()
    return (line[:1] in "([" and line[-1:] in ")]" and len(line.split()) <= 8
            and not any(c in line[1:-1] for c in "()[]"))


def _completes(above: str) -> bool:
    """Whether the line below `above` completes it: `above` introduces it (`Jadwal ujian:`) or
    stops at a connecting word (`Batas akhir pendaftaran yang baru adalah`)."""
    words = above.split()
    return bool(words) and (above.rstrip().endswith(":") or words[-1] in _CONNECTORS)


def _finished(line: str) -> bool:
    """Whether a line ends a sentence (`. ! ? …`, perhaps inside a closing quote)."""
    return line.rstrip()[-1:] in ".!?\u2026\"'\u201d\u2019"


def _media_headline(line: str) -> bool:
    """A photo or video story's headline (`FOTO: Suasana Arus Balik di Merak`), not a credit."""
    match = _MEDIA_LABEL_RE.match(line.strip())
    if not match or "/" in line or ends_sentence(line):
        return False
    return _headline_case(_words(match.group(1)))


def _title_with_period(line: str, words: list[str]) -> bool:
    """A headline closed by a period: one sentence of four words or more, every word but the
    connectors capitalized (a lede has lowercase verbs: `Presiden meresmikan ...`)."""
    if line.rstrip().endswith("..") or re.search(r"[.!?]\s", line):
        return False
    alpha = [w for w in words if w[:1].isalpha()]
    return len(alpha) >= 4 and all(w[0].isupper() or w.lower() in _CONNECTORS for w in alpha)


def _is_title(line: str, next_line: str | None, blank_after: bool) -> bool:
    words = _words(line)
    if not words or len(words) > 20 or next_line is None:
        return False
    if not any(c.isalpha() for c in line):
        return False
    if _CAPTION_AFTER_SENTENCE_RE.search(line):
        return False
    end = line.rstrip()[-1]
    if end not in ".:;," and strip_dateline(next_line)[1] is not None:
        return True  # `Benarkah Harga Beras Turun?`, `Menkes: Kasus DBD naik` above `Jakarta - ...`
    if (end in "?!…" or line.rstrip().endswith("...")) and _headline_case(words) and (
        blank_after or (end in "?!" and not next_line[:1].islower())
    ):
        return True  # `Benarkah Harga Beras Turun Bulan Depan?`, `Harga BBM Naik Lagi...`
    if not (end.isalnum() or end in ")]") and not _headline_case(words):
        return False  # a lead closing with a quotation or an emoji: `..., "Tidak ada toleransi"`
    if end == "." and blank_after and _title_with_period(line, words):
        return True  # `Harga Cabai Rawit Naik Tajam di Pasar Kosambi.`
    if end in ".!?…:;,":
        return False
    if words[-1].lower() in _CONNECTORS and not (
        (words[-1][0].isupper() or words[-1] == "ini") and _headline_case(words)
    ):
        return False  # (`... Hari Ini`: a Title Case headline may end in a capitalized `Ini`)
    if strip_dateline(line + " X")[1] is not None:
        return False  # a dateline standing alone on the first line
    if not blank_after and not _headline_case(words):
        return False  # the first line of a wrapped paragraph (`... (BMKG) memperingatkan warga`)
    return blank_after or not next_line[:1].islower()


# ---------------------------------------------------------------------------------------------
# Corpus-level footers
# ---------------------------------------------------------------------------------------------


def footer_key(line: str) -> str:
    """The normalized form a footer line is compared in (casefolded words, digits as 0)."""
    words = re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", line).casefold())
    return re.sub(r"\d", "0", " ".join(words))


FOOTER_MIN_WORDS = 5


def footer_candidates(raw: str) -> list[str]:
    """The normalized last three non-empty lines of a raw document (for `recurring_footers`)."""
    text, _, _ = _normalize_text(raw)
    lines = [line for line in text.split("\n") if line.strip()]
    keys = [footer_key(line) for line in lines[-3:]]
    # (five words at least: `Polisi masih memburu pelaku.` closes many unrelated crime stories)
    return [key for key in keys if len(key.split()) >= FOOTER_MIN_WORDS]


STORY_LINES = 3  # opening lines that identify a story


def story_keys(raw_start: str, exclude: Iterable[str] = ()) -> tuple[str, ...]:
    """Keys of the article's opening that survive a changed headline, caption, dateline or by-line.

    The first 24 words, as a `footer_key`, of each of the first `STORY_LINES` lines of twelve
    words or more (datelines stripped; lines whose key is in `exclude`, the document's own footer
    candidates, left out). Two documents sharing any key are one story: copies syndicated under
    different headlines and datelines, or daily reports from one template (digits are 0).
    """
    text, _, _ = _normalize_text(raw_start[:6000])  # the opening is enough
    skip = set(exclude)
    lines = [footer_key(strip_dateline(line)[0]) for line in text.split("\n")]
    long = [key.split() for key in lines if key not in skip and len(key.split()) >= 12]
    if long:
        return tuple(" ".join(words[:24]) for words in long[:STORY_LINES])
    return (" ".join(" ".join(lines).split()[:24]),)  # a short article: its first words


def recurring_footers(
    evidence: Iterable[tuple[str | Sequence[str], Sequence[str]]],
    *,
    min_docs: int = 3,
    min_share: float = 0.02,
) -> frozenset[str]:
    """Trailing lines that recur in at least `min_docs` stories and `min_share` of them.

    `evidence` gives each document's (`story_keys`, `footer_candidates`). Documents sharing a
    story key are one story, and a line is counted once per story, so copies of one article, or
    reports from one template, cannot make their own closing lines look like a site footer.
    """
    parent: list[int] = []  # union-find over documents
    lines: list[set[str]] = []
    first_with: dict[bytes, int] = {}

    def root(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for keys, candidates in evidence:
        document = len(parent)
        parent.append(document)
        lines.append(set(candidates))
        for key in (keys,) if isinstance(keys, str) else keys:
            digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
            other = first_with.setdefault(digest, document)
            a, b = root(other), root(document)
            if a != b:
                parent[max(a, b)] = min(a, b)
    stories: dict[int, set[str]] = {}
    for document, found in enumerate(lines):
        stories.setdefault(root(document), set()).update(found)
    counts = Counter(key for keys in stories.values() for key in keys)
    return frozenset(
        key
        for key, count in counts.items()
        if key and count >= min_docs and count >= min_share * len(stories)
        and not _FURNITURE_WORDS.isdisjoint(key.split()) and not _STORY_CLOSING_RE.match(key)
    )


# A story's own closing formula speaks of "this news" being published: `Hingga berita ini
# diturunkan, polisi masih memburu pelaku.`, `Sampai artikel ini dimuat, ...` (keys are lowercase).
_STORY_CLOSING_RE = re.compile(
    r"^(?:hingga|sampai|saat|ketika|sebelum|menjelang)\s+(?:berita|artikel|laporan|tulisan)\s+"
    r"ini\s+(?:di|ter)\w+"
)


# A site's closing line speaks of the site, its channels or the reader (`... kunjungi laman
# kami`, `Ikuti berita terkini di kanal ...`, `kompas com`); a closing sentence that stories of
# one kind share (`Atas perbuatannya, tersangka dijerat Pasal 363 KUHP ...`) speaks of the story.
_FURNITURE_WORDS = frozenset(
    "com id co net org www http https anda kamu kalian pembaca sobat kami redaksi artikel berita "
    "portal situs laman website media iklan newsletter aplikasi app kanal channel saluran "
    "instagram twitter facebook youtube whatsapp telegram tiktok google ikuti follow simak baca "
    "klik unduh download subscribe berlangganan dapatkan kunjungi copyright reserved rights hak "
    "cipta member komunitas grup group update informasi info editor penulis reporter foto video "
    "sumber tayang dimuat terbit diterbitkan".split()
)


# ---------------------------------------------------------------------------------------------
# The document
# ---------------------------------------------------------------------------------------------


def _clean_paragraphs(
    paragraphs: list[_Paragraph], footers: frozenset[str], listed: frozenset[int] = frozenset()
) -> list[_Removal]:
    """Step 9: clean the paragraphs in place, dropping the ones that are boilerplate.

    The rules repeat until none fires, since a removal can expose more boilerplate (a dateline
    behind a dropped caption, a credit behind a stripped link). Returns every removal.
    """
    removed: list[_Removal] = []
    for paragraph in paragraphs:
        while flattened := split_flattened_link(paragraph.text):
            paragraph.text = flattened[0]
            removed.append(((paragraph.first, 1), "link", flattened[1]))
        text, found = strip_inline_boilerplate(paragraph.text)
        removed += [((paragraph.first, 1 + offset), kind, t) for offset, kind, t in found]
        paragraph.text = text
    paragraphs[:] = [p for p in paragraphs if p.text]  # before counting the first two
    body: _Paragraph | None = None  # the first paragraph of the body, once found (any round)
    for _ in range(20):
        changed = False
        header = True
        for index, paragraph in enumerate(paragraphs):
            header = header and paragraph is not body
            at_end = index == len(paragraphs) - 1
            text, trailing = strip_trailing_boilerplate(paragraph.text, at_end=at_end)
            removed += [((paragraph.last, 10**9), kind, t) for kind, t in trailing]
            if index < 2 and not (header and _TIMESTAMP_RE.match(text)):
                # (a time stamp `Rabu, 06 November 2024 - 10:42 WIB` is not a dateline + text)
                text, dateline = strip_dateline(text)
                if dateline:
                    removed.append(((paragraph.first, 0), "dateline", dateline))
                    header, body = False, body or paragraph  # the body starts at its dateline
            kind = classify_line(text, at_end=at_end, header=header, footers=footers)
            if kind and paragraph.first == paragraph.last and paragraph.first in listed:
                kind = None  # an entry of a list in the article (see `_listed_entry`)
            if kind:
                removed.append(((paragraph.first, 0), kind, text))
                text = ""
            if header and _body_like(text):
                header, body = False, body or paragraph
            if text != paragraph.text:
                paragraph.text = text
                changed = True
        paragraphs[:] = [p for p in paragraphs if p.text]
        if not changed:
            break
    return removed


def clean_title(title: str) -> str | None:
    """A given title repaired (encoding, HTML, whitespace) but kept whole, but for the outlet a
    browser tab adds (`... - Sumut Pos`): a photo story's `Foto: ...` or a column's `Editor: ...`
    is still its title. None when nothing is left."""
    text, _, _ = _normalize_text(title)
    return _without_outlet(" ".join(text.split())) or None


# The outlet a page's <title> appends to the headline: `... - Sumut Pos`, `... | Waspada Online`.
_TAB_OUTLET_RE = re.compile(
    rf"\s+[|\-\u2013\u2014]\s+(?:{_OUTLET}|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s+(?:Online|News))\s*$"
)


def _without_outlet(title: str) -> str:
    """`title` without the outlet name a browser tab appends to it."""
    return _TAB_OUTLET_RE.sub("", title) if len(title.split()) > 3 else title


def _segment(paragraph: str) -> list[str]:

    return [" ".join(s.split()) for s in split_sentences(paragraph) if s.strip()]


def clean_document(
    raw: str,
    *,
    detect_title: bool = False,
    footers: frozenset[str] = frozenset(),
    given_title: str | None = None,
) -> Cleaned:
    """Clean one raw article: repair, remove boilerplate, rebuild paragraphs and sentences.

    Never raises on a str; `footers` are `footer_key`s from `recurring_footers`. A first line
    that repeats `given_title` (the record's own title, as scraped data often has it) goes.
    """
    text, removed, repairs = _normalize_text(raw)
    text, page_marks = _page_marks(text)
    removed += page_marks

    # 6. whole lines
    units: list[tuple[int, str] | None] = []
    after_label = False  # under a bare `Baca juga:` (its headlines run to a blank line)
    spaced = False  # ... or, when a blank line follows the label, to the first non-headline
    under_caption_label = False  # the line before is a bare `Photo :`
    listed = False  # a headline under the label was seen
    header = True  # no line of the body seen yet
    deferred: list[int] = []  # units that are captions unless they end the article
    entries: set[int] = set()  # lines kept as entries of a list (`_listed_entry`)
    text_lines = text.split("\n")
    first_line = next((i for i, line in enumerate(text_lines) if line.strip()), -1)
    tail = _page_tail(text_lines)
    letterhead = _letterhead(text_lines)
    for number, line in enumerate(text_lines):
        if not line:
            units.append(None)
            spaced = after_label and (spaced or not listed)  # (Liputan6 spaces its list)
            after_label = after_label and (spaced or not listed)
            under_caption_label = False
            continue
        kind = "footer" if number >= tail else classify_line(line, header=header)
        if number in letterhead:
            kind = "rubric"  # `PEMERINTAH KABUPATEN KENDAL` / `DINAS KESEHATAN` above a release
        if kind and number < tail and _inside_sentence(text_lines, number):
            kind = None  # a wrapped line of a sentence (`oleh Presiden ...`, `... (TNI/Polri)`)
        if kind == "timestamp" and number and _completes(text_lines[number - 1]):
            kind = None  # `Batas akhir pendaftaran adalah` / `Sabtu, 30 November 2024 pukul ...`
            entries.add(number)
        if kind in ("share", "credit", "tags") and _listed_entry(text_lines, number, kind):
            kind = None
            entries.add(number)
        if kind == "caption" and not classify_line(line, header=header, closing_credit=False):
            kind = None  # decided below: the article's last line ends with its reporter's credit
            deferred.append(len(units))
        if kind and detect_title and number == first_line and _media_headline(line):
            kind = None  # `FOTO: Suasana Arus Balik di Pelabuhan Merak` heads a photo story
        if not kind and under_caption_label and len(line.split()) <= CAPTION_UNDER_LABEL_WORDS:
            kind = "caption"  # under `Photo :`: `VIVA/M Ali Wafa`, `Pesawat Garuda di Bandara.`
        under_caption_label = kind == "caption" and bool(_CAPTION_LABEL_RE.match(line.strip()))
        headline = not kind and after_label and _headline_like(line)
        if headline:
            kind = "link"  # a headline listed under a `Baca juga:` label above
        label = kind == "link" and bool(_LINK_LABEL_RE.match(line.strip()))
        after_label, listed = label or headline, headline
        if kind:
            removed.append(((number, 0), kind, line))
        else:
            units.append((number, line))
            header = header and not _body_like(line)
    # ... and the trailing lines, where end-only rules and learned footers apply. Learned footers
    # never take half of an article: lines shared by briefs that copy one story are its body.
    words = sum(len(unit[1].split()) for unit in units if unit is not None)
    learned = 0
    for position in range(len(units) - 1, -1, -1):
        unit = units[position]
        if unit is None:
            continue
        kind = classify_line(unit[1], at_end=True, footers=footers)
        if kind and _inside_sentence(text_lines, unit[0]):
            kind = None
        if (kind == "timestamp" and unit[0] and _completes(text_lines[unit[0] - 1])) or (
            kind in ("credit", "tags") and _listed_entry(text_lines, unit[0], kind)
        ):  # (as above; platform names under `Bagikan:` at the end are a share bar)
            kind = None
            entries.add(unit[0])
        if kind == "footer" and footers and not classify_line(unit[1], at_end=True):
            learned += len(unit[1].split())
            if learned * 2 > words:
                footers = frozenset()  # (for the paragraphs below too)
                kind = None
        if not kind:
            break
        removed.append(((unit[0], 0), kind, unit[1]))
        units[position] = None
    last = max((i for i, unit in enumerate(units) if unit is not None), default=-1)
    for position in deferred:
        unit = units[position]
        if position != last and unit is not None:
            removed.append(((unit[0], 0), "caption", unit[1]))
            units[position] = None

    # 7. title
    title = None
    first_unit = next((i for i, u in enumerate(units) if u is not None), None)
    if given_title and first_unit is not None:
        unit = units[first_unit]
        assert unit is not None
        if footer_key(unit[1]) == footer_key(given_title):
            removed.append(((unit[0], 0), "title", unit[1]))
            units[first_unit] = None
    if detect_title:
        lines = [(i, u) for i, u in enumerate(units) if u is not None]
        if lines:
            first_pos, (_, first) = lines[0]
            following = lines[1][1][1] if len(lines) > 1 else None
            blank_after = len(lines) > 1 and lines[1][0] > first_pos + 1
            if _is_title(first, following, blank_after) or (
                following is None and _is_title(first, "", True) and _headline_case(_words(first))
            ):  # (a headline alone: the article's title, and no text)
                title = _without_outlet(first)
                if title.endswith(".") and not title.endswith(".."):
                    title = title[:-1]  # (a headline closed by a period)
                units[first_pos] = None
                if following is not None and not blank_after and _wrapped_headline(lines):
                    title = _without_outlet(join_lines(first, following))
                    units[lines[1][0]] = None

    # 8-9. paragraphs
    paragraphs = assemble_paragraphs(units)
    removed += _clean_paragraphs(paragraphs, footers, frozenset(entries))
    _close_page_gaps(paragraphs)

    # 10. sentences
    sentences = [s for s in (_segment(p.text) for p in paragraphs) if s]
    clean_text = "\n\n".join(" ".join(s) for s in sentences)

    # 11. language and warnings
    from pipeline.langid import UNDETERMINED, detect_language

    lang = detect_language(clean_text)
    warnings: list[str] = []
    if not clean_text:
        warnings.append("only a title, no text" if title else "empty after cleaning")
    elif lang not in {"id", UNDETERMINED}:
        warnings.append(f"not Indonesian (detected: {lang})")
    if lost := clean_text.count("\ufffd"):
        warnings.append(f"{lost} character(s) lost in the input's encoding (shown as \ufffd)")
    removed.sort(key=lambda item: item[0])
    return Cleaned(
        text=clean_text,
        paragraphs=sentences,
        title=title,
        removed=[{"kind": kind, "text": t} for _, kind, t in removed],
        repairs=repairs,
        warnings=warnings,
        lang=lang,
    )
