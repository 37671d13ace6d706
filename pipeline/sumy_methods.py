"""sumy's classic summarizers made to work on Indonesian, plus their out-of-the-box variants.

The sumy document is built directly from the record's sentences (the clean stage's
segmentation; nothing is re-parsed). `resources="ours"` plugs in our Indonesian resources:
`pipeline.language.IndonesianTokenizer` words (reduplication kept), our stop words and the fast
cached Sastrawi stemmer. `resources="plain"` is sumy out of the box: no stop words, no stemmer
(sumy's `null_stemmer`, which only lowercases), and since sumy has no Indonesian tokenizer at all,
a plain regex word tokenizer (`\\w+`, so digits are words and `anak-anak` is two words).

To rank every sentence (not only the chosen few) we pass sumy a callable `sentences_count`, which
sumy's `AbstractSummarizer._get_best_sentences` accepts: it receives all sentences sorted by
rating and we record them.
"""

from __future__ import annotations

import math
import re
import warnings
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pipeline.language import IndonesianTokenizer, stem, stop_words
from pipeline.summarize import SUMY_SETTINGS

if TYPE_CHECKING:
    from pipeline.summarize import Document, Ranking

# Edmundson's cue words, as surface forms (sumy stems them with the summarizer's stemmer).
# Chosen from the IndoSum training split by comparing stems in gold-summary sentences against the
# others (log-odds), keeping the ones that are about news discourse rather than one topic.
# Only stigma words: once summaries pass over questions, entries and halves of quotations
# (`pipeline.summarize._complete`), the bonus words (the reporting frame of a lead sentence:
# day, official act, announcement) pull in worse sentences. ROUGE-1, 3 sentences: train 57.88
# with stigma words only, 55.82 with both lists, 55.18 with bonus words only, 56.65 out of the
# box (location only); dev 58.49 / 56.50 / - / 56.95.
# Stigma: quotes and their attribution, first/second person and chat register (body
# paragraphs), and boilerplate (read-also links, app and newsletter footers, photo credits).
EDMUNDSON_STIGMA_WORDS: tuple[str, ...] = (
    "ujar", "ucap", "imbuh", "tutur", "pungkas", "tambahnya", "lanjutnya",
    "saya", "kami", "kita", "kamu", "anda", "aku",
    "sih", "enggak", "nggak", "gak", "kan", "ya", "kalau", "bilang", "cuma", "malah", "kok",
    "baca", "simak", "klik", "unduh", "member", "berlangganan", "iklan", "dailysocial",
    "foto", "ilustrasi", "dok", "video",
)


# SumBasic (ours) is the published algorithm, which sumy's class departs from (see
# `_published_sum_basic`), over our tokenizer and stop words, without the stemmer. Chosen on
# IndoSum train (1,685 articles, 3 sentences, ROUGE-1; dev 562 in brackets): sumy's class out of
# the box 38.44 (38.93); sumy's class with our tokenizer 38.84 (38.51), + stop words 37.83
# (38.24); the published algorithm with our tokenizer and stop words 40.25 (40.68), + stemmer
# 39.86 (39.84), with the plain tokenizer and no stop words 39.91 (41.21). The published
# selection rule is worth ~1.5 points; the language resources move SumBasic by less than its
# noise (SumBasic barely beats random sentences on IndoSum: 36.2 vs 35.2, LEAD-3 67.2).
NO_STEMMER = frozenset({"sum-basic"})


class PlainTokenizer:
    """Out-of-the-box stand-in: sumy has no Indonesian tokenizer, so split words on `\\w+`."""

    language = "indonesian"
    _word = re.compile(r"\w+")

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Split a paragraph on sentence-final punctuation followed by a space."""
        return tuple(s for s in re.split(r"(?<=[.!?])\s+", paragraph) if s)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Runs of word characters."""
        return tuple(self._word.findall(sentence))


class _RankRecorder:
    """A sumy `sentences_count` callable that records the full ranking it is given."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.ranking: list[tuple[int, float]] = []

    def __call__(self, infos: list[Any]) -> list[Any]:
        self.ranking = [(int(info.order), float(info.rating)) for info in infos]
        return list(infos)[: self.count]


def build_document(doc: Document, tokenizer: Any) -> Any:
    """A sumy document with `doc`'s paragraphs and sentences; the title becomes a heading."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    paragraphs = []
    for p_index, sentences in enumerate(doc.paragraphs):
        items = [Sentence(s, tokenizer) for s in sentences]
        if p_index == 0 and doc.title:
            items.insert(0, Sentence(doc.title, tokenizer, is_heading=True))
        paragraphs.append(Paragraph(items))
    return ObjectDocumentModel(paragraphs)


@lru_cache(maxsize=1)
def _sorted_lsa() -> type:
    """sumy's LSA with its word rows in sorted order.

    sumy numbers the rows from a frozenset, whose order follows PYTHONHASHSEED; permuted rows
    change the SVD in the last bits, which flips near-ties, so the same input gave different
    summaries from one process to the next.
    """
    from sumy.summarizers.lsa import LsaSummarizer

    class SortedLsaSummarizer(LsaSummarizer):  # type: ignore[misc]
        def _create_dictionary(self, document: Any) -> dict[str, int]:
            words = map(self.normalize_word, document.words)
            unique = sorted({self.stem_word(w) for w in words if w not in self._stop_words})
            return {w: i for i, w in enumerate(unique)}

    return SortedLsaSummarizer


# Candidates whose fast divergence is this close to the round's best are re-scored with sumy's
# own arithmetic. The fast value differs from sumy's by rounding only (under 1e-14 on IndoSum).
KL_TIE_TOLERANCE = 1e-9


@lru_cache(maxsize=1)
def _incremental_kl() -> type:
    """sumy's KL-Sum with the same ratings, in quadratic instead of cubic time.

    Each round sumy adds to the summary the sentence that minimizes KL(summary + sentence ||
    document), recounting the whole growing summary for every candidate. Here the summary's
    word counts are kept as sentences join it, and a candidate's divergence is the summary's
    share (computed once per round) corrected for the candidate's own words, which is cheap.
    That value equals sumy's up to rounding, so the candidates within `KL_TIE_TOLERANCE` of the
    round's best are re-scored with sumy's own formula: the choice, and sumy's tie-break (the
    earliest sentence), are exactly sumy's.

    sumy's quirks are kept: the document and candidate words are lowercased content words,
    but the summary contributes its raw words (case kept, stop words included).
    """
    from sumy.summarizers.kl import KLSummarizer

    class IncrementalKLSummarizer(KLSummarizer):  # type: ignore[misc]
        def _compute_ratings(self, sentences: Any) -> dict[Any, int]:
            doc_freq = self.compute_tf(sentences)
            log_freq = {w: math.log(f) for w, f in doc_freq.items() if f}
            remaining = list(sentences)
            words = [self._get_content_words_in_sentence(s) for s in sentences]
            counts = [Counter(w) for w in words]
            summary_words: list[str] = []  # sumy's `_get_all_words_in_doc(summary)`
            summary_counts: Counter[str] = Counter()
            ratings: dict[Any, int] = {}
            while remaining:
                # The summary's own terms d(w) * log(d(w) / count(w)), without the 1/length.
                own = {w: doc_freq[w] * (log_freq[w] - math.log(c))
                       for w, c in summary_counts.items() if w in log_freq}
                own_total = math.fsum(own.values())
                own_mass = math.fsum(doc_freq[w] for w in own)
                divergences = [
                    self._fast_divergence(c, len(w), own, own_total, own_mass, summary_counts,
                                          len(summary_words), doc_freq, log_freq)
                    for c, w in zip(counts, words, strict=True)
                ]
                best = min(divergences)
                close = [i for i, v in enumerate(divergences)
                         if v <= best + KL_TIE_TOLERANCE * max(1.0, abs(best))]
                if len(close) > 1:
                    exact: dict[tuple[str, ...], float] = {}
                    for i in close:
                        key = tuple(words[i])
                        if key not in exact:
                            joint = self._joint_freq(words[i], summary_words)
                            exact[key] = self._kl_divergence(joint, doc_freq)
                    values = [exact[tuple(words[i])] for i in close]
                    index = close[values.index(min(values))]
                else:
                    index = close[0]
                sentence = remaining.pop(index)
                del words[index], counts[index]
                summary_words.extend(sentence.words)
                summary_counts.update(sentence.words)
                ratings[sentence] = -1 * len(ratings)  # as sumy: duplicates share one entry
            return ratings

        @staticmethod
        def _fast_divergence(
            counts: Counter[str], length: int, own: dict[str, float], own_total: float,
            own_mass: float, summary_counts: Counter[str], summary_length: int,
            doc_freq: dict[str, float], log_freq: dict[str, float],
        ) -> float:
            """KL(summary + candidate || document) from the summary's precomputed terms."""
            total = length + summary_length
            if not total:
                return 0.0
            value, mass = own_total, own_mass
            for word, count in counts.items():
                if word not in log_freq:
                    continue
                freq = doc_freq[word]
                value += freq * (log_freq[word] - math.log(count + summary_counts[word]))
                if word in own:
                    value -= own[word]
                else:
                    mass += freq
            return value + mass * math.log(total)

    return IncrementalKLSummarizer


@lru_cache(maxsize=1)
def _published_sum_basic() -> type:
    """SumBasic as Nenkova & Vanderwende (2005) publish it, on sumy's SumBasic class.

    Each round takes, among the sentences that contain the currently most probable word, the
    one with the highest average word probability, then squares the probability of each of its
    words once. sumy's class skips the first condition (any sentence may win on its average,
    which favours short sentences of common words) and squares a word once per occurrence.
    Ties go to the earlier sentence; equally probable top words to the first in sorted order.
    """
    from sumy.summarizers.sum_basic import SumBasicSummarizer

    class PublishedSumBasicSummarizer(SumBasicSummarizer):  # type: ignore[misc]
        def _compute_ratings(self, sentences: Any) -> dict[Any, int]:
            probability = self._compute_tf(sentences)
            words = [self._get_content_words_in_sentence(s) for s in sentences]
            holders: dict[str, set[int]] = {}
            for i, sentence_words in enumerate(words):
                for word in sentence_words:
                    holders.setdefault(word, set()).add(i)
            remaining = set(range(len(words)))
            ratings: dict[Any, int] = {}
            while remaining:
                if holders:
                    top = min(holders, key=lambda w: (-probability[w], w))
                    candidates = holders[top]
                else:  # only sentences without content words are left
                    candidates = remaining
                best = min(candidates, key=lambda i: (-_mean(probability, words[i]), i))
                remaining.discard(best)
                for word in set(words[best]):
                    probability[word] *= probability[word]
                    holders[word].discard(best)
                    if not holders[word]:
                        del holders[word]
                ratings.setdefault(sentences[best], -len(ratings))  # duplicates: first rating
            return ratings

    return PublishedSumBasicSummarizer


def _mean(probability: dict[str, float], words: list[str]) -> float:
    return sum(probability[w] for w in words) / len(words) if words else 0.0


def _classes() -> dict[str, Callable[..., Any]]:
    from sumy.summarizers.edmundson import EdmundsonSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.reduction import ReductionSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    return {
        "lex-rank": LexRankSummarizer,
        "text-rank": TextRankSummarizer,
        "lsa": _sorted_lsa(),
        "luhn": LuhnSummarizer,
        "kl": _incremental_kl(),
        "sum-basic": SumBasicSummarizer,
        "edmundson": EdmundsonSummarizer,
        "reduction": ReductionSummarizer,
    }


def build_summarizer(name: str, resources: str = "ours") -> tuple[Any, Any]:
    """(sumy summarizer, tokenizer) for method `name` with `ours` or `plain` resources."""
    from sumy.nlp.stemmers import null_stemmer

    classes = _classes()
    if name not in classes:
        raise ValueError(f"unknown sumy method {name!r} (choose from: {', '.join(classes)})")
    if resources not in ("ours", "plain"):
        raise ValueError(f"resources must be 'ours' or 'plain', got {resources!r}")
    ours = resources == "ours"
    cls = _published_sum_basic() if ours and name == "sum-basic" else classes[name]
    summarizer = cls(stem if ours and name not in NO_STEMMER else null_stemmer)
    if name == "edmundson":
        if ours:
            summarizer.bonus_words = ["\0"]  # (sumy needs a list: a word that never occurs)
            summarizer.stigma_words = EDMUNDSON_STIGMA_WORDS
            summarizer.null_words = stop_words()
        else:
            # Out of the box Edmundson refuses to run without word lists; one placeholder word
            # that never occurs leaves it its language-free location method.
            summarizer.bonus_words = summarizer.stigma_words = summarizer.null_words = ["\0"]
    elif ours:
        summarizer.stop_words = stop_words()
    if ours:
        for attribute, value in SUMY_SETTINGS.get(name, {}).items():
            setattr(summarizer, attribute, value)
    return summarizer, IndonesianTokenizer() if ours else PlainTokenizer()


def rank(doc: Document, *, name: str, resources: str = "ours", n: int = 3, **_: Any) -> Ranking:
    """Rank the sentences of `doc` with sumy method `name`, best first."""
    summarizer, tokenizer = build_summarizer(name, resources)
    recorder = _RankRecorder(n)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # LSA warns on documents with fewer words than sentences
        summarizer(build_document(doc, tokenizer), recorder)
    return recorder.ranking


__all__ = [
    "EDMUNDSON_STIGMA_WORDS",
    "PlainTokenizer",
    "build_document",
    "build_summarizer",
    "rank",
]
