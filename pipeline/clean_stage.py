"""The clean stage: raw documents from any input format -> clean records + a stage report."""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from pipeline.artifacts import Encoded, Spilled, check_output, read_jsonl, read_lines
from pipeline.readers import (
    PendingLine,
    ReadError,
    complete,
    read_documents,
    text_end,
    text_start,
)
from pipeline.runner import StageRun, apply, write_stage

INDONESIAN = "id"
UNDETERMINED = "und"


def _tokens(sentence: str) -> list[str]:
    from pipeline.language import normalize_token, word_tokens

    return [normalize_token(t) for t in word_tokens(sentence)]


def align_gold_labels(
    segments: Sequence[Sequence[str]],
    gold_labels: Sequence[Sequence[bool]],
    paragraphs: Sequence[Sequence[str]],
) -> list[list[bool]]:
    """Carry sentence labels from the input's own sentences over to the clean sentences.

    A clean sentence is labelled True when most of its words come from one input sentence
    labelled True (cleaning may strip a dateline or split and join sentences differently).
    """
    originals: list[tuple[Counter[str], bool]] = []
    for sentences, labels in zip(segments, gold_labels, strict=False):
        for sentence, label in zip(sentences, labels, strict=False):
            originals.append((Counter(_tokens(sentence)), bool(label)))
    aligned: list[list[bool]] = []
    for paragraph in paragraphs:
        row = []
        for sentence in paragraph:
            words = Counter(_tokens(sentence))
            total = sum(words.values())
            best_share, best_label = 0.0, False
            for bag, label in originals if total else ():
                shared = sum(min(count, bag[word]) for word, count in words.items() if word in bag)
                share = shared / total
                if share > best_share:
                    best_share, best_label = share, label
            row.append(best_label and best_share >= 0.6)
        aligned.append(row)
    return aligned


def clean_one(doc: dict[str, Any], *, footers: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Turn one raw document into a clean record (the artifact contract of `build/clean.jsonl`)."""
    from pipeline.clean import clean_document, clean_title

    doc = complete(doc)
    title = clean_title(doc["title"]) if doc.get("title") else None
    cleaned = clean_document(
        doc["text"], detect_title=bool(doc.get("detect_title")), footers=footers,
        given_title=title,
    )
    record: dict[str, Any] = {
        "id": doc["id"],
        "source": doc["source"],
        "title": title or cleaned.title,
        "text": cleaned.text,
        "paragraphs": cleaned.paragraphs,
        "removed": cleaned.removed,
        "repairs": cleaned.repairs,
        "warnings": [*doc.get("warnings", []), *cleaned.warnings],
        "lang": cleaned.lang,
    }
    if doc.get("label") is not None:
        record["label"] = doc["label"]
    if doc.get("reference"):
        record["reference"] = clean_document(doc["reference"]).text.replace("\n\n", " ")
    if doc.get("gold_labels") is not None and doc.get("segments") is not None:
        record["gold_labels"] = align_gold_labels(
            doc["segments"], doc["gold_labels"], cleaned.paragraphs
        )
    return record


def _raw_documents(
    paths: Sequence[str | Path], run: StageRun | None, **columns: Any
) -> Iterator[dict[str, Any] | PendingLine]:
    for item in read_documents(paths, defer=True, **columns):
        if isinstance(item, ReadError):
            if run is not None:
                run.counts["in"] += 1  # a file or record that could not be read is an input
                run.fail("", item.source, item.message)
            print(f"warning: {item}", file=sys.stderr)
            continue
        yield item


def footer_evidence(doc: dict[str, Any]) -> tuple[tuple[str, ...], list[str]]:
    """A raw document's story keys (its opening) and footer candidates (its last lines)."""
    from pipeline.clean import footer_candidates, story_keys

    candidates = footer_candidates(text_end(doc))
    return story_keys(text_start(doc), exclude=candidates), candidates


def learn_footers(
    paths: Sequence[str | Path], *, workers: int = 1, **columns: Any
) -> frozenset[str]:
    """First pass over the inputs: trailing lines that recur across documents are site footers.

    The per-document part runs in `workers` processes; the counting happens here, in order.
    """
    from pipeline.clean import recurring_footers

    documents = (d for d in read_documents(paths, defer=True, **columns)
                 if not isinstance(d, ReadError))
    return recurring_footers(
        apply(documents, footer_evidence, StageRun("footers", {}), workers=workers)
    )


def clean_info(record: dict[str, Any]) -> dict[str, Any]:
    """What the clean report and the duplicate check need of one clean record."""
    return {
        "id": record["id"],
        "digest": hashlib.sha256(record["text"].encode("utf-8")).hexdigest(),
        "empty": not record["text"],
        "lang": record["lang"],
        "removed": [item["kind"] for item in record["removed"]],
        "repairs": [item["kind"] for item in record["repairs"]],
    }


def _dedupe(items: Iterable[Any], run: StageRun, *, keep_duplicates: bool = False) -> Iterator[Any]:
    """Drop exact duplicates (same clean text), listing each in the report; count the flags.

    Items are clean records, or `Encoded`/`Spilled` records carrying their `clean_info`.
    """
    seen: dict[str, str] = {}
    ids: set[str] = set()
    reused: list[str] = run.stats.setdefault("duplicate_ids", [])
    duplicates: list[dict[str, str]] = run.stats.setdefault("duplicates", [])
    removals: Counter[str] = Counter()
    repairs: Counter[str] = Counter()
    for item in items:
        info = item.info if isinstance(item, Encoded | Spilled) else clean_info(item)
        digest = info["digest"]
        if not info["empty"] and digest in seen:
            duplicates.append({"id": info["id"], "duplicate_of": seen[digest]})
            run.counts["duplicates"] += 1
            if not keep_duplicates:
                run.counts["out"] -= 1
                continue
        seen.setdefault(digest, info["id"])
        if info["id"] in ids:
            reused.append(info["id"])  # two different articles under one id: later stages key by id
        ids.add(info["id"])
        removals.update(info["removed"])
        repairs.update(info["repairs"])
        if info["empty"]:
            run.counts["empty"] += 1
        elif info["lang"] == UNDETERMINED:
            run.counts["language_undetermined"] += 1
        elif info["lang"] != INDONESIAN:
            run.counts["non_indonesian"] += 1
        yield item
    run.stats["removed_by_kind"] = dict(sorted(removals.items()))
    run.stats["repairs_by_kind"] = dict(sorted(repairs.items()))


def run_clean(
    paths: Sequence[str | Path],
    output: str | Path,
    *,
    text_column: str | None = None,
    label_column: str | None = None,
    workers: int = 1,
    dask: str | None = None,
    keep_duplicates: bool = False,
) -> dict[str, Any]:
    """Clean every article under `paths` into `output` (JSON Lines) and its report.

    Exact duplicates (same clean text) are listed in the report and, unless `keep_duplicates`,
    only their first occurrence is written.
    """
    check_output(output, paths)
    columns = {"text_column": text_column, "label_column": label_column}
    inputs = [Path(p).as_posix() for p in paths]
    params = {"inputs": inputs, **columns, "keep_duplicates": keep_duplicates}
    run = StageRun("clean", {**params, "workers": workers})
    # an output inside an input directory is not read back as input on the next run
    reading = {**columns, "skip": [output]}
    footers = learn_footers(paths, workers=workers, **reading)
    run.stats["learned_footers"] = sorted(footers)
    for key in (
        "in",
        "out",
        "failed",
        "duplicates",
        "empty",
        "non_indonesian",
        "language_undetermined",
    ):
        run.counts[key] += 0
    process = partial(clean_one, footers=footers)
    documents = _raw_documents(paths, run, **reading)
    processed = apply(documents, process, run, workers=workers, dask=dask, encode=clean_info)
    records = _dedupe(processed, run, keep_duplicates=keep_duplicates)
    return write_stage(records, output, run)


def is_clean_artifact(path: str | Path) -> bool:
    """True for a JSON Lines file whose first record follows the clean artifact contract."""
    path = Path(path)
    if not (path.is_file() and path.suffix == ".jsonl"):
        return False
    first = next(read_jsonl(path), None)
    return first is not None and {"paragraphs", "removed", "text"} <= first.keys()


def load_records(
    paths: Sequence[str | Path],
    *,
    text_column: str | None = None,
    label_column: str | None = None,
    lines: bool = False,
    run: StageRun | None = None,
) -> Iterator[Any]:
    """Clean records from clean artifacts as they are, or from raw inputs cleaned on the fly.

    With `lines`, records of clean artifacts come unparsed, as `Line`s (see `runner.apply`).
    Files and documents of raw inputs that cannot be read or cleaned are recorded in `run`
    (the calling stage's report) as failed inputs.
    """
    raw = [p for p in paths if not is_clean_artifact(p)]
    for path in paths:
        if is_clean_artifact(path):
            yield from read_lines(path) if lines else read_jsonl(path)
    if raw:
        columns = {"text_column": text_column, "label_column": label_column}
        loading = StageRun("load", {})
        footers = learn_footers(raw, **columns)
        process = partial(clean_one, footers=footers)
        documents = _raw_documents(raw, loading, **columns)
        yield from _dedupe(apply(documents, process, loading), loading)
        if run is not None:
            for error in loading.errors:
                run.counts["in"] += 1
                run.fail(error["id"], error["source"], error["error"])
