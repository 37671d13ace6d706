"""The fast Sastrawi stemmer gives exactly the stock stemmer's stems."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pytest

from pipeline import language

PREFIXES = ("", "me", "mem", "men", "meng", "meny", "ber", "be", "di", "ke", "se", "pe", "pem",
            "pen", "peng", "peny", "per", "ter", "te", "memper", "diper")
SUFFIXES = ("", "kan", "an", "i", "nya", "lah", "kah", "pun", "ku", "mu", "annya", "kannya")


def _affixed_words(count: int) -> list[str]:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    roots = sorted(w for w in StemmerFactory().get_words() if w.isalpha())
    rng = random.Random(20181101)
    words = set()
    for root in rng.sample(roots, count):
        words.add(f"{rng.choice(PREFIXES)}{root}{rng.choice(SUFFIXES)}")
        words.add(f"{root}-{root}")
        words.add(f"{rng.choice(PREFIXES)}{root}-{root}{rng.choice(SUFFIXES)}")
    return sorted(words)


def test_fast_sastrawi_gives_the_stock_stems() -> None:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    words = _affixed_words(1500) + ["menangis", "relawan", "bekasi", "berikan", "", "x-"]
    fast = [language.stem(w) for w in words]
    with language.stock_sastrawi():
        # Sastrawi's own `re` and prefix rules on the same (frozenset) dictionary.
        assert [_unpatched_stem(w) for w in words] == fast
        # And stock Sastrawi whole (list dictionary: ~80 words/s, so a sample).
        stock = StemmerFactory().create_stemmer()
        sample = words[::40]
        assert [stock.stem(w) for w in sample] == fast[::40]
    assert language.stem("Menangis") == "menang"  # a known wrong stem, kept as Sastrawi's


def _unpatched_stem(word: str) -> str:
    """Stock Sastrawi's stem (its own visitors; call inside `stock_sastrawi`), frozenset roots."""
    from Sastrawi.Stemmer.Stemmer import Stemmer

    stemmer = Stemmer(language._sastrawi().dictionary)  # type: ignore[attr-defined]
    return (stemmer.stem(word) or word) if word else word


def test_fast_sastrawi_gives_the_stock_stems_of_real_news_words(indosum_dir: Path) -> None:
    """Every distinct word of 300 IndoSum articles (names, loans, typos: ~9,000 words)."""
    words: set[str] = set()
    with (indosum_dir / "dev.01.jsonl").open(encoding="utf-8") as handle:
        for line in itertools.islice(handle, 300):
            for paragraph in json.loads(line)["paragraphs"]:
                for sentence in paragraph:
                    words.update(language.normalize_token(t) for t in sentence)
    ordered = sorted(w for w in words if len(w) > 1)
    assert len(ordered) > 5000
    language.clear_stem_cache()
    fast = [language.stem(w) for w in ordered]
    with language.stock_sastrawi():
        assert [_unpatched_stem(w) for w in ordered] == fast


def test_prefix_rules_are_guarded_by_their_own_patterns() -> None:
    rules = language._sastrawi().visitor_provider.prefix_pisitors  # type: ignore[attr-defined]
    [dispatch] = rules
    guarded = [g for _, g in dispatch.rules if g is not None]
    assert len(dispatch.rules) == 41 and len(guarded) == 40  # rule 4 (`belajar`) has no pattern
    plain = dispatch.rules[0][1]  # di-/ke-/se-
    assert plain.search("dibawa") and not plain.search("jalan")


def test_stock_sastrawi_block_restores_the_fast_patterns() -> None:
    import sys

    language._sastrawi()
    module = sys.modules["Sastrawi.Stemmer.Context.Visitor.AbstractDisambiguatePrefixRule"]
    assert module.re is language._PATTERNS
    with language.stock_sastrawi():
        assert module.re is not language._PATTERNS
    assert module.re is language._PATTERNS


@pytest.mark.parametrize(
    ("pattern", "letters"),
    [
        (r"(?:^(di|ke|se))", {"d", "k", "s"}),
        (r"(?:^meng([aiueo])(.*)$)|(?:^menge(.*)$)", {"m"}),
        (r"(?:^([b-d])(er[aiueo])(.*)$)|(?:^([bc])el([aiueo])(.*)$)", {"b", "c", "d"}),
        (r"(?:ber([bcd])([a-z])er([aiueo])(.*))", None),  # not anchored: found anywhere
        (r"(?:^ber(.*))|(?:ter(.*))", None),  # one alternative not anchored
        (r"^[^aiueo]er", None),  # a negated class
        (r"^(?i:b)er", None),  # flags inside: no shortcut
        (r"^a?ber", None),  # an optional first letter
    ],
)
def test_prefix_rules_know_which_first_letters_a_guard_needs(
    pattern: str, letters: set[str] | None
) -> None:
    import re

    found = language._first_letters(re.compile(pattern))
    assert found == (None if letters is None else frozenset(letters))
