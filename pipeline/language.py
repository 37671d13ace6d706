"""Indonesian language resources: word tokens, stop words and a fast cached Sastrawi stemmer.

These are shared by the tag stage (TF-IDF analyzers) and the summarize stage (sumy plug-ins), so
that both see the same tokens, the same stop words and the same stems.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import Any

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


class _PatternCache:
    """A stand-in for the `re` module inside Sastrawi: the same answers, less overhead.

    Sastrawi calls `re.match(pattern, word)` about 70 times per word with ~60 constant patterns,
    each call paying `re`'s cache lookup, and `re.sub(stem, "", word, 1)` with the stem itself as
    the pattern, compiling a new pattern for almost every word. Here constant patterns are
    compiled once, and a `sub` whose pattern is a plain word (Sastrawi's words are `[a-z0-9-]`
    after its own normalization, so the pattern matches itself literally) is `str.replace`.
    Everything else goes to `re` unchanged. Cold stemming: 9,300 -> 13,400 words/s, same stems.
    """

    _LITERAL = re.compile(r"[a-z0-9-]*")

    def __init__(self) -> None:
        self._compiled: dict[str, re.Pattern[str]] = {}

    def _compile(self, pattern: str) -> re.Pattern[str]:
        compiled = self._compiled.get(pattern)
        if compiled is None:
            compiled = self._compiled[pattern] = re.compile(pattern)
        return compiled

    def match(self, pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
        if flags:
            return re.match(pattern, string, flags)
        return self._compile(pattern).match(string)

    def sub(self, pattern: str, repl: str, string: str, count: int = 0, flags: int = 0) -> str:
        if not flags and self._LITERAL.fullmatch(pattern) and "\\" not in repl:
            return string.replace(pattern, repl, count or -1)
        return re.sub(pattern, repl, string, count=count, flags=flags)

    def __getattr__(self, name: str) -> object:
        return getattr(re, name)


# A pattern a Sastrawi prefix rule's source tries on the word: `re.match(r'^ber...', word)`.
_RULE_PATTERN_RE = re.compile(r"""re\.(?:match|sub)\(\s*r?'([^'\\]*)'\s*,\s*(?:'',\s*)?word\b""")


def _rule_guard(visitor: Any) -> re.Pattern[str] | None:
    """One pattern that every word `visitor` (a Sastrawi prefix rule) can change contains.

    Read from the source files of the rule's disambiguators (or its own): the union of the
    patterns they try on the word, searched anywhere (a superset of where they match). None when
    a source cannot be read or tries no pattern on the word: then the rule is always run.
    """
    import sys

    classes = [type(d) for d in getattr(visitor, "disambiguators", ())] or [type(visitor)]
    patterns: list[str] = []
    for cls in classes:
        found = _RULE_PATTERN_RE.findall(_module_source(sys.modules[cls.__module__]))
        if not found:
            return None
        patterns += found
    return re.compile("|".join(f"(?:{p})" for p in dict.fromkeys(patterns)))


def _module_source(module: Any) -> str:
    """The text of a module's source file ("" when it has none)."""
    try:
        with open(module.__file__, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, TypeError, AttributeError):
        return ""


def _first_letters(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The letters a word must start with for `pattern` to be found in it; None if any may.

    Known only when every alternative is anchored at the start (`^ber...`, `^(di|ke|se)`).
    """
    from re import _constants as c
    from re import _parser

    def first(items: Any) -> set[str] | None:
        if not items:
            return None
        op, av = items[0]
        if op is c.LITERAL:
            return {chr(av)}
        if op is c.IN:
            letters: set[str] = set()
            for kind, value in av:
                if kind is c.LITERAL:
                    letters.add(chr(value))
                elif kind is c.RANGE:
                    letters.update(map(chr, range(value[0], value[1] + 1)))
                else:  # a negated class, a category
                    return None
            return letters
        if op is c.SUBPATTERN:
            return first(list(av[3]) + list(items[1:])) if not av[1] and not av[2] else None
        if op is c.BRANCH:
            return union(first(list(branch) + list(items[1:])) for branch in av[1])
        return None

    def anchored(items: Any) -> set[str] | None:
        if not items:
            return None
        op, av = items[0]
        if (op, av) == (c.AT, c.AT_BEGINNING):
            return first(list(items[1:]))
        if op is c.SUBPATTERN and not av[1] and not av[2]:
            return anchored(list(av[3]) + list(items[1:]))
        if op is c.BRANCH:
            return union(anchored(list(branch) + list(items[1:])) for branch in av[1])
        return None

    def union(sets: Iterable[set[str] | None]) -> set[str] | None:
        out: set[str] = set()
        for letters in sets:
            if letters is None:
                return None
            out |= letters
        return out

    try:
        letters = anchored(list(_parser.parse(pattern.pattern, pattern.flags).data))
    except Exception:  # noqa: BLE001 - an unexpected pattern shape: no shortcut, run the rule
        return None
    return None if letters is None else frozenset(letters)


class _PrefixRules:
    """Sastrawi's prefix rules as one visitor that passes over rules that cannot apply.

    Sastrawi tries all 41 prefix rules on a word, up to three times, each a Python call and a
    regular expression, though a word fits at most a few of them (`jalan` none). A rule whose
    guard (`_rule_guard`) the word does not contain cannot change it and is passed over, and
    guards anchored at the word's start are only tried on words starting with one of their
    letters (`_first_letters`). The checks Sastrawi makes after each rule (root found, stopped,
    a prefix removed) are made after each rule that runs. Same stems (tests compare with stock
    Sastrawi).
    """

    def __init__(self, rules: list[Any]) -> None:
        self.rules = [(rule, _rule_guard(rule)) for rule in rules]
        starts = [None if g is None else _first_letters(g) for _, g in self.rules]
        letters = set().union(*(s for s in starts if s is not None))
        # Rules for a word by its first letter, in Sastrawi's order; `any_start` for the others.
        self.by_letter = {
            letter: [r for r, s in zip(self.rules, starts, strict=True) if s is None or letter in s]
            for letter in letters
        }
        self.any_start = [r for r, s in zip(self.rules, starts, strict=True) if s is None]

    def visit(self, context: Any) -> None:
        """Apply the first prefix rule that changes the word, as Sastrawi's visitor loop does."""
        word = context.current_word
        if context.process_is_stopped or context.dictionary.contains(word):
            rule, guard = self.rules[0]  # Sastrawi runs the first rule, then stops
            if guard is None or guard.search(word):
                rule.visit(context)
            return
        removals = len(context.removals)
        for rule, guard in self.by_letter.get(word[:1], self.any_start):
            if guard is not None and not guard.search(word):
                continue
            rule.visit(context)
            if (context.dictionary.contains(context.current_word) or context.process_is_stopped
                    or len(context.removals) > removals):
                return


@lru_cache(maxsize=1)
def _sastrawi() -> object:
    """Sastrawi's stemmer, sped up without changing a stem.

    Its root dictionary is turned from a list into a frozenset (stock lookup is `word in list`
    over ~30k roots), its modules get `_PatternCache` as their `re`, and its prefix rules are
    tried through `_PrefixRules`.
    """
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.Stemmer import Stemmer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    dictionary = ArrayDictionary()
    dictionary.words = frozenset(w for w in StemmerFactory().get_words() if w.strip())
    stemmer = Stemmer(dictionary)  # imports every visitor and disambiguator module
    provider = stemmer.visitor_provider
    provider.prefix_pisitors = [_PrefixRules(provider.get_prefix_visitors())]
    _swap_sastrawi_re(re, _PATTERNS)
    return stemmer


_PATTERNS = _PatternCache()


def _swap_sastrawi_re(old: object, new: object) -> list[object]:
    """Make every loaded Sastrawi module whose `re` is `old` use `new`; return those modules."""
    import sys

    modules = [m for n, m in list(sys.modules.items())
               if n.startswith("Sastrawi.") and getattr(m, "re", None) is old]
    for module in modules:
        module.re = new  # type: ignore[attr-defined]
    return modules


@contextmanager
def stock_sastrawi() -> Iterator[None]:
    """Within the block, Sastrawi runs with its own `re` (to compare against the stock stemmer)."""
    patched = _swap_sastrawi_re(_PATTERNS, re)
    try:
        yield
    finally:
        for module in patched:
            module.re = _PATTERNS  # type: ignore[attr-defined]


# The per-process stem cache: token -> stem (each form and its lowercase); dropped whole if it
# ever grows past STEM_CACHE_MAX.
STEM_CACHE_MAX = 500_000
_STEMS: dict[str, str] = {}


def stem(token: str) -> str:
    """Return the Sastrawi stem of one token (lowercased); cached per token."""
    cached = _STEMS.get(token)
    if cached is not None:
        return cached
    word = normalize_token(token)
    result = _STEMS.get(word)  # `Menurut` after `menurut`: stemmed once, not once per form
    if result is None:
        result = (_sastrawi_stem(word) or word) if word else word
    if len(_STEMS) >= STEM_CACHE_MAX:
        _STEMS.clear()
    _STEMS[word] = _STEMS[token] = result
    return result


# Words that Sastrawi's text normalization (lowercase, `[^a-z0-9 -]` to spaces) leaves as they are.
_PLAIN_WORD_RE = re.compile(r"[a-z0-9-]+")


def _sastrawi_stem(word: str) -> str:
    """Sastrawi's stem of one word; a plain word skips its text normalization (a no-op on it)."""
    stemmer: Any = _sastrawi()
    if _PLAIN_WORD_RE.fullmatch(word):
        return stemmer.stem_word(word)
    return stemmer.stem(word)


def is_root(word: str) -> bool:
    """Whether `word` (lowercase) is itself a root of Sastrawi's dictionary (no stemming)."""
    return word in _sastrawi().dictionary.words  # type: ignore[attr-defined]


def is_word(word: str) -> bool:
    """Whether `word` (any case) is an Indonesian word: its Sastrawi stem is a dictionary root."""
    return stem(word.lower()) in _sastrawi().dictionary.words  # type: ignore[attr-defined]


def clear_stem_cache() -> None:
    """Forget every cached stem (for cold-start measurements)."""
    _STEMS.clear()


# Shapes of lines that are not running prose: the clean stage keeps them apart as paragraphs,
# summaries take them only after whole sentences.
# A list item: `- item`, `• item`, `1. item`, `2) item`, `a. item`.
LIST_ITEM_RE = re.compile(
    r"^(?:[-*\u2013\u2022\u25cf\u25aa\u00b7]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+)\S"
)
# An entry `Label: value` (`Penulis: Andi Nurul`, `Hari/tanggal: Kamis, 28 November 2024`).
ENTRY_RE = re.compile(r"^[A-Z][\w/.-]*(?:\s+[\w/.-]+){0,3}\s*:\s+\S")


def table_row(line: str) -> bool:
    """A row of a table pasted as text: three or more cells (`Cabai rawit | 90.000 | 65.000`)."""
    return line.count("|") >= 2 or line.count("\t") >= 2


def title_case(words: Iterable[str], share: float = 0.6, min_words: int = 3) -> bool:
    """Whether at least `share` of the `words` that start with a letter (and at least
    `min_words` of them) are capitalized: a Title Case headline (`Harga Emas Naik Hari Ini`)."""
    alpha = [w for w in words if w[:1].isalpha()]
    return len(alpha) >= min_words and sum(w[0].isupper() for w in alpha) >= share * len(alpha)


def is_protected(token: str, previous: str | None) -> bool:
    """True for a capitalized word inside a sentence: a likely name, which must not be stemmed."""
    if not token[:1].isupper():
        return False
    return previous is not None and previous[-1:] not in _SENTENCE_END


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
