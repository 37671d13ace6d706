"""Terms of a text for TF-IDF: normalized words and two-word phrases, and the text a record is
classified by."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from pipeline.artifacts import record_paragraphs
from pipeline.errors import DocumentError
from pipeline.language import (
    WORD_PATTERN,
    is_protected,
    normalize_token,
    stem,
    stop_words,
)
from pipeline.segment import ACTING_TITLES, PREFIX_ABBREVIATIONS

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
        for surface, norm, joined, protected in word_units(text):
            key = norm
            if norm and self.stemmed and not protected:
                key = stem(norm)
                if key in stop_words():
                    key = ""
            out.append((surface, key, joined))
        return out

    def __call__(self, text: str) -> list[str]:
        return list(_analyze(text, self.stemmed, self.ngram_max))


def word_units(text: str) -> Iterator[tuple[str, str, bool, bool]]:
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
