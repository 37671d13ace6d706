"""Sentence segmentation measured against IndoSum's gold sentences.

For each paragraph of the held-out articles, the paragraph text is the detokenized gold
sentences joined by one space; a boundary is the character offset where a sentence other than
the first starts. Untrained Punkt and `pipeline.segment.split_sentences` are scored by boundary
precision, recall and F1, micro-averaged over all paragraphs, in two ways:

- strict: offsets must be equal;
- quote-tolerant (the headline numbers): an offset is first moved left over spaces and quote
  marks, so `datang. " Kata` split before or after the quote is the same boundary. IndoSum's
  tokenizer often puts a closing quote at the start of the next sentence, and which side a
  bare quote belongs to is a matter of detokenization, not of segmentation.
- uncontested: quote-tolerant, leaving out the offsets (gold or predicted) of four classes on
  which IndoSum's tokenizer and we disagree by design (see `contested`).

IndoSum's gold comes from a tokenizer (it behaves like NLTK's English Punkt model), so its
errors favour untrained Punkt; the disagreement counts in the report show where.

    python -m pipeline.evaluation.segmentation build/segmentation.json
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "EVAL_FILES",
    "TRAIN_FILES",
    "boundaries",
    "contested",
    "default_indosum_dir",
    "evaluate_segmentation",
    "held_out_paragraphs",
    "main",
    "read_ids",
    "score",
    "tolerant",
    "write_segmentation_report",
]

TRAIN_FILES = ("dev.01.jsonl", "dev.02.jsonl")  # what pipeline/data/punkt_id.json learned from
EVAL_FILES = ("dev.03.jsonl", "dev.04.jsonl")
MAX_EXAMPLES = 12
CONTEXT_CHARS = 40
MODES = ("strict", "tolerant", "uncontested")
_QUOTES_AND_SPACE = frozenset(" \"'“”‘’")
_LIST_MARKER_RE = re.compile(r"(?:\d{1,3}|[^\W\d_]|[ivxlcIVXLC]{1,5})[.)]")
_SPEECH_END_RE = re.compile(r"[.?!…][\"'”’]+ *$")


def default_indosum_dir() -> Path:
    """`../shared/data/indosum` next to the repository."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "data" / "indosum"


def read_ids(paths: Sequence[str | Path]) -> set[str]:
    """The article ids in IndoSum JSONL files."""
    ids: set[str] = set()
    for path in paths:
        with Path(path).open(encoding="utf-8") as handle:
            ids.update(json.loads(line)["id"] for line in handle if line.strip())
    return ids


def held_out_paragraphs(
    paths: Sequence[str | Path],
    *,
    exclude_ids: Collection[str],
    max_articles: int | None = None,
) -> Iterator[tuple[str, list[str]]]:
    """(article id, gold sentences) per paragraph, skipping excluded and repeated articles."""
    from pipeline.indosum import sentences

    seen: set[str] = set()
    for path in paths:
        with Path(path).open(encoding="utf-8") as handle:
            for line in handle:
                if max_articles is not None and len(seen) >= max_articles:
                    return
                if not line.strip():
                    continue
                obj = json.loads(line)
                if obj["id"] in exclude_ids or obj["id"] in seen:
                    continue
                seen.add(obj["id"])
                for paragraph in sentences(obj):
                    gold = [s for s in paragraph if s]
                    if gold:
                        yield obj["id"], gold


def boundaries(parts: Sequence[str], text: str) -> set[int]:
    """Start offsets in `text` of every part but the first (parts appear in order)."""
    found: set[int] = set()
    position = 0
    for index, part in enumerate(parts):
        start = text.find(part, position)
        if start < 0:
            raise ValueError(f"sentence not found in paragraph text: {part[:60]!r}")
        if index:
            found.add(start)
        position = start + len(part)
    return found


def tolerant(offsets: set[int], text: str) -> set[int]:
    """Offsets moved left over spaces and quote marks (see the module docstring)."""
    moved: set[int] = set()
    for offset in offsets:
        while offset > 0 and text[offset - 1] in _QUOTES_AND_SPACE:
            offset -= 1
        moved.add(offset)
    return moved


def contested(text: str, offset: int) -> str | None:
    """The class of a (tolerant) boundary offset on which gold and ours disagree by design.

    - "list_marker": after a lone list marker (`1.`, `b.`) that starts the paragraph or follows
      a sentence end; IndoSum makes the marker a sentence of its own, we keep `1. Item` whole.
    - "prefix_abbreviation": after a title or address abbreviation (`Kab.`, `Sdr.`, `No.`,
      `Rp.`), which IndoSum's tokenizer often treats as a sentence end.
    - "speech_tag": a quotation closed after `.?!` followed by a lowercase speech tag
      (`"Siapa dia?" tanya Andi.`); IndoSum splits there about two times in three.
    - "lowercase_start": before a word without capitals (`Louis C.K. akhirnya`, `Pk. 04:30`
      is not one); Indonesian sentences start capitalised, so we never split there.
    """
    from pipeline.segment import PREFIX_ABBREVIATIONS, never_starts_sentence

    before = text[:offset].rstrip()
    words = before.rsplit(" ", 2)
    last = words[-1]
    if _LIST_MARKER_RE.fullmatch(last) and (len(words) == 1 or words[-2][-1:] in ".?!:"):
        return "list_marker"
    bare = last.lstrip("([\"'“‘").lower()
    if bare.endswith(".") and bare[:-1] in PREFIX_ABBREVIATIONS:
        return "prefix_abbreviation"
    following = text[offset:].lstrip(" \"'”’")
    if _SPEECH_END_RE.search(text, 0, _after_quotes(text, offset)) and following[:1].islower():
        return "speech_tag"
    next_word = following.split(" ", 1)[0]
    if before.endswith(".") and never_starts_sentence(next_word):
        return "lowercase_start"
    return None


def _after_quotes(text: str, offset: int) -> int:
    """End of the run of spaces and closing quotes that starts at `offset`."""
    while offset < len(text) and text[offset] in _QUOTES_AND_SPACE:
        offset += 1
    return offset


def score(true_positives: int, predicted: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (1.0 when there is nothing to find or predict)."""
    precision = true_positives / predicted if predicted else 1.0
    recall = true_positives / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _untrained() -> Callable[[str], list[str]]:
    from pipeline.punkt_train import punkt

    return punkt().PunktSentenceTokenizer().tokenize


def _ours() -> Callable[[str], list[str]]:
    from pipeline.segment import split_sentences

    return split_sentences


def _example(text: str, offset: int, doc_id: str) -> dict[str, str]:
    left = text[max(0, offset - CONTEXT_CHARS) : offset].lstrip()
    right = text[offset : _after_quotes(text, offset) + CONTEXT_CHARS].rstrip()
    return {"id": doc_id, "context": f"{left} | {right.lstrip()}"}


class _Tally:
    """Running boundary counts of one system in the three scoring modes."""

    def __init__(self) -> None:
        self.counts = {mode: [0, 0, 0] for mode in MODES}  # true positives, predicted, gold

    def add(self, mode: str, predicted: set[int], gold: set[int]) -> None:
        counts = self.counts[mode]
        counts[0] += len(predicted & gold)
        counts[1] += len(predicted)
        counts[2] += len(gold)

    def report(self) -> dict[str, Any]:
        tp, predicted, gold = self.counts["tolerant"]
        return {
            **score(tp, predicted, gold),
            "true_positives": tp,
            "predicted_boundaries": predicted,
            "strict": score(*self.counts["strict"]),
            "uncontested": score(*self.counts["uncontested"]),
        }


def evaluate_segmentation(
    paths: Sequence[str | Path],
    *,
    exclude_ids: Collection[str],
    max_articles: int | None = None,
) -> dict[str, Any]:
    """Boundary P/R/F1 of untrained Punkt and of ours on held-out IndoSum paragraphs.

    Parameters
    ----------
    paths : IndoSum JSONL files to evaluate on.
    exclude_ids : article ids to skip (those the Punkt parameters were trained on).
    max_articles : stop after this many articles (None: all).
    """
    systems = {"punkt_untrained": _untrained(), "ours": _ours()}
    tallies = {name: _Tally() for name in systems}
    gold_contested: Counter[str] = Counter()
    disagreements: dict[str, Counter[str]] = {"false_splits": Counter(), "missed_splits": Counter()}
    examples: dict[str, list[dict[str, str]]] = {"false_splits": [], "missed_splits": []}
    articles: set[str] = set()
    paragraphs = sentence_total = 0
    for doc_id, gold_sentences in held_out_paragraphs(
        paths, exclude_ids=exclude_ids, max_articles=max_articles
    ):
        articles.add(doc_id)
        paragraphs += 1
        sentence_total += len(gold_sentences)
        text = " ".join(gold_sentences)
        gold_strict = boundaries(gold_sentences, text)
        gold = tolerant(gold_strict, text)
        classes = {offset: contested(text, offset) for offset in gold}
        gold_contested.update(c for c in classes.values() if c)
        for name, split in systems.items():
            predicted_strict = boundaries(split(text), text)
            predicted = tolerant(predicted_strict, text)
            classes.update((o, contested(text, o)) for o in predicted - gold)
            skip = {offset for offset, c in classes.items() if c}
            tally = tallies[name]
            tally.add("strict", predicted_strict, gold_strict)
            tally.add("tolerant", predicted, gold)
            tally.add("uncontested", predicted - skip, gold - skip)
            if name != "ours":
                continue
            for kind, offsets in (
                ("false_splits", predicted - gold),
                ("missed_splits", gold - predicted),
            ):
                for offset in sorted(offsets):
                    disagreements[kind][classes[offset] or "other"] += 1
                    if not classes[offset] and len(examples[kind]) < MAX_EXAMPLES:
                        examples[kind].append(_example(text, offset, doc_id))
    return {
        "data": {
            "files": [Path(p).name for p in paths],
            "excluded_ids_given": len(exclude_ids),
            "articles": len(articles),
            "paragraphs": paragraphs,
            "sentences": sentence_total,
            "gold_boundaries": tallies["ours"].counts["tolerant"][2],
            "gold_contested": dict(sorted(gold_contested.items())),
        },
        "systems": {name: tally.report() for name, tally in tallies.items()},
        "ours_disagreements": {k: dict(sorted(v.items())) for k, v in disagreements.items()},
        "examples": examples,
    }


def write_segmentation_report(
    out: str | Path,
    indosum_dir: str | Path | None = None,
    *,
    max_articles: int | None = None,
) -> dict[str, Any]:
    """Evaluate on the held-out dev folds (3, 4) minus the training folds' ids; write JSON."""
    root = Path(indosum_dir) if indosum_dir is not None else default_indosum_dir()
    missing = [name for name in TRAIN_FILES + EVAL_FILES if not (root / name).is_file()]
    if missing:
        raise FileNotFoundError(f"IndoSum files not found in {root}: {', '.join(missing)}")
    result = evaluate_segmentation(
        [root / name for name in EVAL_FILES],
        exclude_ids=read_ids([root / name for name in TRAIN_FILES]),
        max_articles=max_articles,
    )
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(json.dumps(result, ensure_ascii=False, indent=2, sort_keys=True) + "\n", "utf-8")
    tmp.replace(target)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m pipeline.evaluation.segmentation OUT.json [INDOSUM_DIR]`."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not 1 <= len(args) <= 2 or args[0] in {"-h", "--help"}:
        print(
            "usage: python -m pipeline.evaluation.segmentation OUT.json [INDOSUM_DIR]",
            file=sys.stderr,
        )
        return 2
    try:
        result = write_segmentation_report(args[0], args[1] if len(args) > 1 else None)
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for name, metrics in result["systems"].items():
        print(
            f"{name}: P={metrics['precision']:.4f} R={metrics['recall']:.4f} "
            f"F1={metrics['f1']:.4f} (strict F1={metrics['strict']['f1']:.4f}, "
            f"uncontested F1={metrics['uncontested']['f1']:.4f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
