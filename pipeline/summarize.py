"""The summarize stage: one interface over every extractive method, with length control.

A method ranks the sentences of a document (best first, with a score each); this module then
applies the shared rules: skip empty and duplicate sentences, cut to the requested length
(sentences, ratio or words; words are whitespace-separated tokens, as a reader counts them) and
restore document order. Sentences come from the record's `paragraphs` (the clean stage's
segmentation) and are indexed globally in document order.

Heavy methods (sumy, scikit-learn) live in their own modules and are imported on first use.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import import_module
from typing import Any

from pipeline.artifacts import record_paragraphs
from pipeline.errors import BeritaError, DocumentError
from pipeline.language import ENTRY_RE, LIST_ITEM_RE, table_row, title_case

DEFAULT_SENTENCES = 3
# The best unsupervised method on the held-out IndoSum split (see pipeline/evaluation/summaries.py).
BEST_UNSUPERVISED = "centrality"

WARN_EMPTY = "summarize: empty document, no summary"
WARN_ONE_SENTENCE = "summarize: one-sentence document, the summary is the whole text"
WARN_OVER_BUDGET = (
    "summarize: every sentence is longer than --words {budget}, the summary is the best one "
    "({words} words)"
)
WARN_PREFIX = "summarize:"

_SPACE_RE = re.compile(r"\s+")
_KEY_RE = re.compile(r"[^\W_]+")  # runs of letters and digits


@dataclass(frozen=True)
class Document:
    """A document as the summarizers see it: flat sentences plus where they sit."""

    sentences: tuple[str, ...]
    paragraph_of: tuple[int, ...]  # paragraph index of each sentence
    position_in_paragraph: tuple[int, ...]
    title: str | None = None
    # What cleaning removed, as (kind, text) pairs: datelines and footers name the outlet.
    removed: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Document:
        """Build from a clean record's `paragraphs` (lists of sentence strings).

        Raises `DocumentError` when they are missing or not a list of lists of strings.
        """
        paragraphs = record_paragraphs(record)
        if paragraphs is None:
            raise DocumentError(
                f"record {record.get('id')!r}: no 'paragraphs' (not a clean record)"
            )
        sentences: list[str] = []
        paragraph_of: list[int] = []
        position: list[int] = []
        for p_index, paragraph in enumerate(paragraphs):
            for s_index, sentence in enumerate(paragraph):
                sentences.append(_SPACE_RE.sub(" ", sentence).strip())
                paragraph_of.append(p_index)
                position.append(s_index)
        title = record.get("title")
        removed = tuple(
            (str(item.get("kind", "")), str(item.get("text", "")))
            for item in record.get("removed") or ()
            if isinstance(item, dict)
        )
        return cls(tuple(sentences), tuple(paragraph_of), tuple(position), title or None, removed)

    @classmethod
    def from_paragraphs(
        cls, paragraphs: Sequence[Sequence[str]], title: str | None = None
    ) -> Document:
        """Build from paragraphs of sentence strings."""
        return cls.from_record({"paragraphs": paragraphs, "title": title})

    def __len__(self) -> int:
        return len(self.sentences)

    @property
    def paragraphs(self) -> list[list[str]]:
        """Sentences grouped by paragraph again (empty paragraphs are dropped)."""
        groups: dict[int, list[str]] = {}
        for sentence, p_index in zip(self.sentences, self.paragraph_of, strict=True):
            groups.setdefault(p_index, []).append(sentence)
        return [groups[k] for k in sorted(groups)]

    @cached_property
    def keys(self) -> tuple[tuple[str, ...], ...]:
        """A duplicate-detection key per sentence: its casefolded runs of letters and digits.

        Case, punctuation and spacing do not count, numbers do; empty for a sentence of
        punctuation only.
        """
        return tuple(tuple(_KEY_RE.findall(s.casefold())) for s in self.sentences)

    @cached_property
    def word_counts(self) -> tuple[int, ...]:
        """The length of each sentence in whitespace-separated words (numbers and signs count)."""
        return tuple(len(s.split()) for s in self.sentences)

    @property
    def distinct_sentences(self) -> int:
        """How many different non-empty sentences (by `keys`) the document has."""
        return len({key for key in self.keys if key})


# A ranking: (sentence index, score) pairs, best first; it may omit sentences.
Ranking = list[tuple[int, float]]
Method = Callable[..., Ranking]


def lead(doc: Document, **_: Any) -> Ranking:
    """LEAD: sentences in document order (the score decreases with position)."""
    return [(i, 1.0 / (i + 1)) for i in range(len(doc))]


def _lazy(module: str, function: str, **bound: Any) -> Method:
    """A method that imports `module.function` on first call (keeps heavy imports out of --help)."""

    def method(doc: Document, **kwargs: Any) -> Ranking:
        return getattr(import_module(module), function)(doc, **bound, **kwargs)

    method.__name__ = f"{module}.{function}"
    return method


# Settings of our Indonesian variants, chosen on the training split only (ROUGE-1, 3 sentences).
# LexRank: sumy's threshold 0.1 suits English; with Indonesian stop words and stems cosine
# similarities run lower, and 0.2 was best of {0.05, 0.1, 0.15, 0.2}. (Higher thresholds isolate
# most sentences and the ranking degrades into document order through ties, LEAD by another
# name, so the grid stops there.) epsilon 1e-4 lets the power method actually converge.
SUMY_SETTINGS: dict[str, dict[str, float]] = {"lex-rank": {"threshold": 0.2, "epsilon": 1e-4}}

SUMY_METHODS = ("lex-rank", "text-rank", "lsa", "luhn", "kl", "sum-basic", "edmundson", "reduction")

# Every method by name. sumy methods use our Indonesian resources; `<name>-plain` is the same sumy
# summarizer out of the box (regex words, no stop words, no stemmer), kept for the evaluation.
METHODS: dict[str, Method] = {
    "lead": lead,
    **{m: _lazy("pipeline.sumy_methods", "rank", name=m, resources="ours") for m in SUMY_METHODS},
    # Our vectorized LexRank: the same ranking as sumy's with the same settings, ~10x faster.
    "lex-rank": _lazy("pipeline.lexrank", "rank", **SUMY_SETTINGS["lex-rank"]),
    "lex-rank-sumy": _lazy("pipeline.sumy_methods", "rank", name="lex-rank", resources="ours"),
    **{
        f"{m}-plain": _lazy("pipeline.sumy_methods", "rank", name=m, resources="plain")
        for m in SUMY_METHODS
    },
    "centrality": _lazy("pipeline.centrality", "rank"),
    "supervised": _lazy("pipeline.supervised", "rank"),
}
PUBLIC_METHODS = ("auto", "lead", *SUMY_METHODS, "centrality", "supervised")


def resolve_method(method: str, model: Any = None) -> str:
    """The concrete method name for `method` (`auto`: supervised with a model, else the best)."""
    if method == "auto":
        return "supervised" if model is not None else BEST_UNSUPERVISED
    if method not in METHODS:
        known = ", ".join(PUBLIC_METHODS)
        raise BeritaError(f"unknown summarization method {method!r} (choose from: {known})")
    if method == "supervised" and model is None:
        raise BeritaError("method 'supervised' needs a trained summarizer: pass --model DIR")
    return method


def length_budget(
    n_sentences: int,
    *,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
) -> tuple[int, int | None]:
    """(maximum sentences, maximum words or None) from exactly one length option.

    With none given, `DEFAULT_SENTENCES`. A ratio keeps ceil(ratio x sentences), at least one.
    """
    given = [name for name, v in (("sentences", sentences), ("ratio", ratio), ("words", words))
             if v is not None]
    if len(given) > 1:
        raise BeritaError(f"give only one length option, not {' and '.join(given)}")
    if ratio is not None:
        if not 0 < ratio <= 1:
            raise BeritaError(f"ratio must be in (0, 1], got {ratio}")
        return max(1, math.ceil(ratio * n_sentences)), None
    if words is not None:
        if words < 1:
            raise BeritaError(f"words must be at least 1, got {words}")
        return n_sentences, words
    count = DEFAULT_SENTENCES if sentences is None else sentences
    if count < 1:
        raise BeritaError(f"sentences must be at least 1, got {count}")
    return count, None


# Words of a time stamp: `Diperbarui 23:15 WIT`, `Pukul 14.30 WIB.`, `Update: 05.30 WITA`.
_CLOCK_WORDS = frozenset(
    "pukul jam wib wita wit gmt utc update updated diperbarui pembaruan terkini".split()
)


def _fragment(key: tuple[str, ...]) -> bool:
    """A sentence of fewer than two words with letters, clock words aside (`01.15 WITA`,
    `Diperbarui 23:15 WIT`, `1. 2.500`)."""
    words = [t for t in key if (t[:1].isalpha() or t[-1:].isalpha()) and t not in _CLOCK_WORDS]
    return len(words) < 2


# An interviewer's question (`Reporter: Siapa kaptennya`, `Tanya: ...`, `T: ...`).
_QUESTION_RE = re.compile(r"^(?:Reporter|Wartawan|Jurnalis|Pewawancara|Tanya|T|Q)\s*:\s", re.I)


# A sentence that introduces what follows, also when it ends in a period: `Berikut enam
# destinasi yang wajib dikunjungi.`, `Simak ulasannya berikut ini.`
_INTRODUCTION_RE = re.compile(
    r"^(?:Berikut|Inilah|Ini\s+dia)\b|\b(?:berikut\s+ini|sebagai\s+berikut|di\s+bawah\s+ini)"
    r"\s*[.:!]?$"
)
# What a finished sentence ends with.
_FINAL_MARKS = ".!?\u2026\"'\u201d\u2019)"


def _complete(sentence: str) -> bool:
    """Not a heading (`Bantuan Beras Sepuluh Kilogram`: short, Title Case, no final punctuation),
    a list item (`- Teknik Informatika`, `1. Cabut steker`), a list's introduction (`Berikut
    langkahnya:`, `Berikut enam destinasinya.`), a question (an interviewer's, or a feature's
    rhetorical one), a table row (`Cabai rawit | 90.000 | 65.000`) or an entry (`Beras medium:
    13.500`), which say little by themselves. (A long sentence that lost its final period is
    complete.)"""
    text = sentence.rstrip()
    if (text.endswith((":", "?")) or LIST_ITEM_RE.match(text) or _QUESTION_RE.match(text)
            or table_row(text) or _INTRODUCTION_RE.search(text)):
        return False
    if text[-1:] in _FINAL_MARKS:
        return True
    if ENTRY_RE.match(text):
        return False  # an entry of a list: `Beras medium: 13.500`, `Tunggal putra: Jonatan ...`
    words = [w for w in text.split() if w[:1].isalpha()]  # no words at all: not a sentence
    return len(words) > 10 or (bool(words) and not title_case(words, min_words=1))


def _quotation_marks(text: str) -> tuple[int, int, int]:
    """(straight, opening curly, closing curly) double quote marks in `text`."""
    return text.count('"'), text.count("\u201c"), text.count("\u201d")


def quotation_pieces(doc: Document) -> set[int]:
    """Sentences that are pieces of a quotation split into sentences, which say little by
    themselves: its halves, whose quote marks do not pair up (`"Progresnya sudah 62 persen.` /
    `Kami minta kontraktor bekerja," ujarnya.`), and in a quotation of three or more sentences
    those between them, opened by an earlier sentence of the paragraph and not yet closed, which
    without marks read as the reporter's own statements (`Harga kebutuhan pokok naik jauh lebih
    cepat.`)."""
    pieces: set[int] = set()
    open_quote = False
    paragraph = -1
    for index, (sentence, p_index) in enumerate(zip(doc.sentences, doc.paragraph_of, strict=True)):
        if p_index != paragraph:
            paragraph, open_quote = p_index, False  # (an inner piece only within a paragraph)
        straight, opening, closing = _quotation_marks(sentence)
        half = straight % 2 == 1 or opening != closing
        if half or (open_quote and not (straight or opening or closing)):
            pieces.add(index)
        if straight % 2:
            open_quote = not open_quote
        elif opening != closing:
            open_quote = opening > closing
    return pieces


# A paragraph of one short sentence without final punctuation is a heading in any case
# (`Atur gaya mengemudi`, `Meningkatkan risiko obesitas`: a listicle's subheadings).
HEADING_MAX_WORDS = 10


def bare_headings(doc: Document) -> set[int]:
    """Sentences alone in their paragraph, of at most `HEADING_MAX_WORDS` words, without final
    punctuation: subheadings, whether Title Case or sentence case."""
    sizes = Counter(doc.paragraph_of)
    return {
        i for i, (sentence, p_index) in enumerate(zip(doc.sentences, doc.paragraph_of, strict=True))
        if sizes[p_index] == 1 and sentence.rstrip()[-1:] not in _FINAL_MARKS
        and len(sentence.split()) <= HEADING_MAX_WORDS
    }



def select(
    doc: Document, ranking: Ranking, max_sentences: int, max_words: int | None = None
) -> list[tuple[int, float]]:
    """Take ranked sentences until the budget is spent; no empty or duplicate sentence.

    Fragments (`_fragment`: the bare time stamps of a live report), incomplete sentences
    (`_complete`: headings, list items, questions, table rows), pieces of a quotation split into
    sentences (`quotation_pieces`) and subheadings (`bare_headings`) come only after every other
    sentence, and never fill what is left of a word budget while whole sentences exist. A
    sentence that repeats most of the words of one already taken (`NEAR_DUPLICATE`: a lead
    repeated with small changes) is passed over. A word budget (`Document.word_counts`) is never
    exceeded: a sentence that does not fit is skipped and later, shorter ones may still be
    taken. Only when no sentence fits at all is the best one returned alone, over the budget.
    Returns (index, score) pairs in document order.
    """
    chosen: list[tuple[int, float]] = []
    taken: list[set[str]] = []
    used_words = 0
    first: tuple[int, float] | None = None  # the best non-empty sentence
    ranked = [(i, score) for i, score in ranking if doc.keys[i]]
    late = {i for i, _ in ranked if _fragment(doc.keys[i]) or not _complete(doc.sentences[i])}
    late |= quotation_pieces(doc) | bare_headings(doc)
    whole = [item for item in ranked if item[0] not in late]
    fragments = [item for item in ranked if item[0] in late]
    candidates = whole + fragments if max_words is None or not whole else whole
    for index, score in candidates:
        if len(chosen) >= max_sentences:
            break
        words_set = set(doc.keys[index])
        if any(_overlap(words_set, other) >= NEAR_DUPLICATE for other in taken):
            continue
        if first is None:
            first = (index, score)
        words = doc.word_counts[index]
        if max_words is not None and used_words + words > max_words:
            continue
        taken.append(words_set)
        used_words += words
        chosen.append((index, score))
    if not chosen and first is not None:
        chosen.append(first)
    return sorted(chosen)


# Sentences sharing this much of their words (Jaccard) say the same thing: only one is taken.
NEAR_DUPLICATE = 0.7


def _overlap(a: set[str], b: set[str]) -> float:
    """Jaccard similarity of two word sets."""
    return len(a & b) / len(a | b) if a or b else 1.0


def _clean_score(score: float) -> float:
    score = float(score)
    return round(score, 6) if math.isfinite(score) else 0.0


def summarize_document(
    doc: Document,
    method: str = "auto",
    *,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    model: Any = None,
) -> dict[str, Any]:
    """The `summary` object for one document: method, chosen sentences in order, text."""
    name = resolve_method(method, model)
    max_sentences, max_words = length_budget(len(doc), sentences=sentences, ratio=ratio,
                                             words=words)
    if not any(doc.keys):
        chosen: list[tuple[int, float]] = []
    else:
        extra = {"model": model} if name == "supervised" else {}
        ranking = METHODS[name](doc, n=max_sentences, **extra)
        if not ranking:  # nothing the method can weigh (sumy's LSA on numbers only): LEAD
            ranking = lead(doc)
        chosen = select(doc, ranking, max_sentences, max_words)
    picked = [
        {"index": i, "score": _clean_score(score), "text": doc.sentences[i]} for i, score in chosen
    ]
    return {"method": name, "sentences": picked, "text": " ".join(p["text"] for p in picked)}


def summarize_record(
    record: dict[str, Any],
    *,
    method: str = "auto",
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    model: Any = None,
) -> dict[str, Any]:
    """Return a copy of a clean record with `summary` added, and warnings when it falls short.

    `method` is a name from `PUBLIC_METHODS`; `model` is a trained summarizer from
    `pipeline.supervised.load_summarizer` (used by `supervised`, and by `auto` when given).
    Length: `sentences` (default 3), `ratio` of the sentences, or `words`, a budget of
    whitespace-separated words that is never exceeded, except that when every sentence is longer
    than it, the summary is the best sentence alone (with a warning). Warned: a document with no
    sentence, or only one distinct sentence. A record whose `paragraphs` is not a list of lists
    of strings raises `DocumentError`.
    """
    doc = Document.from_record(record)
    summary = summarize_document(
        doc, method, sentences=sentences, ratio=ratio, words=words, model=model
    )
    out = dict(record)
    warnings = list(record.get("warnings") or [])
    distinct = doc.distinct_sentences
    if distinct == 0:
        warnings.append(WARN_EMPTY)
    elif distinct == 1:
        warnings.append(WARN_ONE_SENTENCE)
    used = sum(doc.word_counts[s["index"]] for s in summary["sentences"])
    if words is not None and used > words:
        warnings.append(WARN_OVER_BUDGET.format(budget=words, words=used))
    out["warnings"] = warnings
    out["summary"] = summary
    return out


def run_summarize(
    paths: Sequence[str],
    output: str,
    *,
    method: str = "auto",
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    model_dir: str | None = None,
    workers: int = 1,
    dask: str | None = None,
) -> dict[str, Any]:
    """Summarize every record of `paths` (clean/tag artifacts or raw inputs) into `output`.

    Writes the JSON Lines artifact and its report; returns the report.
    """
    from collections import Counter
    from functools import partial

    from pipeline.artifacts import check_output
    from pipeline.clean_stage import load_records
    from pipeline.runner import StageRun, apply, write_stage

    check_output(output, paths)

    model = None
    if model_dir is not None:
        from pipeline.supervised import load_summarizer

        model = load_summarizer(model_dir)
    name = resolve_method(method, model)  # fail fast on a bad option, before any document
    length_budget(DEFAULT_SENTENCES, sentences=sentences, ratio=ratio, words=words)
    params = {
        "inputs": [str(p) for p in paths], "method": method, "resolved_method": name,
        "sentences": sentences, "ratio": ratio, "words": words, "model": model_dir,
    }
    run = StageRun("summarize", params)
    for key in ("in", "out", "failed", "warned"):
        run.counts[key] += 0
    process = partial(summarize_record, method=name, sentences=sentences, ratio=ratio,
                      words=words, model=model)
    lengths: Counter[int] = Counter()

    def tally(items: Any) -> Any:
        for item in items:
            sentences, warned = item.info
            lengths[sentences] += 1
            run.counts["warned"] += warned
            yield item
        run.stats["summary_sentences"] = {str(k): v for k, v in sorted(lengths.items())}

    records = load_records(list(paths), lines=True, run=run)
    items = apply(records, process, run, workers=workers, dask=dask, encode=summary_info)
    return write_stage(tally(items), output, run)


def summary_info(record: dict[str, Any]) -> tuple[int, int]:
    """What the summarize report counts of one record: summary length, whether it was warned."""
    warned = any(str(w).startswith(WARN_PREFIX) for w in record["warnings"])
    return len(record["summary"]["sentences"]), int(warned)
