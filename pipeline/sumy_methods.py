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


# SumBasic gets our tokenizer (reduplication kept, no numbers) and neither stop words nor stemmer.
# Its choice of resources is a noise-level choice: on IndoSum train+dev (2,247 articles, 3
# sentences, ROUGE-1, paired per-article difference vs out of the box +- SE) our tokenizer alone
# +0.16 +- 0.19, + stemmer +0.19 +- 0.25, + stop words -0.28 +- 0.31, + both -0.63 +- 0.31; the
# best of ~45 tokenizer/stemmer/stop-list variants picked on train (+0.32) scores -0.34 +- 0.36 on
# dev. SumBasic itself barely beats random sentences there (36.2 vs 35.2; LEAD-3 67.2), so the
# resources only reshuffle a near-random pick. No stop list helps (35 of 36 variants score lower:
# Sastrawi's, function words only, ours, stopwords-iso; with inflected forms or matched on stems):
# rating a sentence by the average probability of fewer words favours short topical sentences
# (round-1 pick: 8 counted words instead of 14, summaries 0.5-1 word shorter, precision no
# better), and Sastrawi stems on top pool more words into the few counted ones. Do not read
# ours vs plain for SumBasic as a resource effect: it is within one standard error either way.
NO_STOP_WORDS = frozenset({"sum-basic"})
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
    summarizer = classes[name](stem if ours and name not in NO_STEMMER else null_stemmer)
    if name == "edmundson":
        if ours:
            summarizer.bonus_words = ["\0"]  # (sumy needs a list: a word that never occurs)
            summarizer.stigma_words = EDMUNDSON_STIGMA_WORDS
            summarizer.null_words = stop_words()
        else:
            # Out of the box Edmundson refuses to run without word lists; one placeholder word
            # that never occurs leaves it its language-free location method.
            summarizer.bonus_words = summarizer.stigma_words = summarizer.null_words = ["\0"]
    elif ours and name not in NO_STOP_WORDS:
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
