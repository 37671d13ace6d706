"""Indonesian language resources: word tokens, stop words and a fast cached Sastrawi stemmer.

These are shared by the tag stage (TF-IDF analyzers) and the summarize stage (sumy plug-ins), so
that both see the same tokens, the same stop words and the same stems.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

# A word is a run of letters, optionally joined by hyphens (reduplication `anak-anak`,
# compounds `Rusia-China`). Digits never make a word: numbers are not features.
WORD_PATTERN = r"[^\W\d_]+(?:[-'][^\W\d_]+)*"
_WORD_RE = re.compile(WORD_PATTERN)
_SENTENCE_END = frozenset(".!?")
_TERM_RE = re.compile(WORD_PATTERN + r"|[.!?]")


def normalize_token(token: str) -> str:
    """Return the normalized form used for stop-word lookup and features (NFC, lowercase)."""
    return unicodedata.normalize("NFC", token).lower()


def word_tokens(text: str) -> list[str]:
    """Return the words of `text` in their surface form (numbers and punctuation dropped)."""
    return _WORD_RE.findall(text)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Return Indonesian stop words: Sastrawi's list plus our news-register additions."""
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    words = set(StopWordRemoverFactory().get_stop_words())
    extra = resources.files("pipeline").joinpath("data/stopwords_extra_id.txt").read_text("utf-8")
    words.update(
        line.strip() for line in extra.splitlines() if line.strip() and not line.startswith("#")
    )
    return frozenset(normalize_token(w) for w in words)


@lru_cache(maxsize=1)
def _sastrawi() -> object:
    """Sastrawi's stemmer with its root dictionary turned from a list into a frozenset."""
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.Stemmer import Stemmer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    dictionary = ArrayDictionary()
    # Stock lookup is `word in list` over ~30k roots; a frozenset gives the same answers, fast.
    dictionary.words = frozenset(w for w in StemmerFactory().get_words() if w.strip())
    return Stemmer(dictionary)


# The per-process stem cache: token -> stem. Plain dict (not lru_cache) so that `warm_stems` can
# fill it ahead of forking workers; dropped whole if it ever grows past STEM_CACHE_MAX.
STEM_CACHE_MAX = 500_000
_STEMS: dict[str, str] = {}


def stem(token: str) -> str:
    """Return the Sastrawi stem of one token (lowercased); cached per token."""
    cached = _STEMS.get(token)
    if cached is not None:
        return cached
    word = normalize_token(token)
    result = (_sastrawi().stem(word) or word) if word else word  # type: ignore[attr-defined]
    if len(_STEMS) >= STEM_CACHE_MAX:
        _STEMS.clear()
    _STEMS[token] = result
    return result


def clear_stem_cache() -> None:
    """Forget every cached stem (for cold-start measurements)."""
    _STEMS.clear()


def _stem_chunk(words: list[str]) -> list[str]:
    return [stem(w) for w in words]


def warm_stems(texts: Iterable[str], workers: int) -> int:
    """Stem the distinct words of `texts` across `workers` processes into this process's cache.

    Called before a stage forks its pool: the workers inherit the cache, so no word is stemmed
    twice (otherwise each worker would stem most of the vocabulary again). Returns the number of
    words stemmed.
    """
    import multiprocessing

    words: set[str] = set()
    for text in texts:
        words |= _stem_candidates(text)
    stops = stop_words()
    todo = sorted(w for w in {normalize_token(w) for w in words} - stops if w not in _STEMS)
    if not todo:
        return 0
    _sastrawi()  # build the dictionary once, before forking
    size = max(1, len(todo) // (workers * 8))
    chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for chunk, stems in zip(chunks, pool.map(_stem_chunk, chunks), strict=True):
            _STEMS.update(zip(chunk, stems, strict=True))
    return len(todo)


def is_protected(token: str, previous: str | None) -> bool:
    """True for a capitalized word inside a sentence: a likely name, which must not be stemmed."""
    if not token[:1].isupper():
        return False
    return previous is not None and previous[-1:] not in _SENTENCE_END


def _stem_candidates(text: str) -> set[str]:
    """Words of `text` that `terms(text, stemmed=True)` will stem: the lowercase ones.

    (Capitalized words are mostly names, which are never stemmed; a sentence-initial one is
    simply stemmed when first met. Which words are warmed never changes a result.)
    """
    return {w for w in set(_WORD_RE.findall(text)) if w[:1].islower() and len(w) >= 2}


def terms(text: str, *, stemmed: bool = False, keep_stop_words: bool = False) -> list[str]:
    """Return the normalized content terms of `text` for features and similarity.

    Stop words are dropped (unless `keep_stop_words`); with `stemmed`, words are reduced to their
    Sastrawi stems except capitalized words inside a sentence (names are protected).
    """
    stops = stop_words()
    out: list[str] = []
    previous: str | None = None
    for match in _TERM_RE.finditer(text):
        token = match.group()
        if token in _SENTENCE_END:
            previous = token
            continue
        norm = normalize_token(token)
        prev, previous = previous, token
        if len(norm) < 2 or (not keep_stop_words and norm in stops):
            continue
        if stemmed and not is_protected(token, prev):
            norm = stem(norm)
            if not keep_stop_words and norm in stops:
                continue
        out.append(norm)
    return out


class IndonesianTokenizer:
    """sumy tokenizer plug-in: sentences from our Punkt segmenter, words that keep reduplication."""

    language = "indonesian"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Split one paragraph into sentences."""
        from pipeline.segment import split_sentences

        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Split one sentence into words (numbers and punctuation dropped)."""
        return tuple(word_tokens(sentence))
