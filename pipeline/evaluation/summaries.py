"""Held-out evaluation of every summarization method: ROUGE F1 table as JSON and a PNG chart.

IndoSum articles are split once (`pipeline.evaluation.split`); the supervised model is trained
on `train` with MMR tuned on `dev`, the centrality weights were tuned on `train`
(`pipeline.centrality.tune_centrality`), and every number reported here is on `test` only.
ROUGE uses the IndoSum paper's preprocessing (`pipeline.rouge`), 3 sentences per summary.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from pipeline.errors import BeritaError

N_SENTENCES = 3
PREPROCESSING = "lowercase, punctuation removed, digits replaced by 0 (IndoSum paper)"


def default_methods() -> list[str]:
    """Every method compared: LEAD, each sumy method ours and out of the box, ours."""
    from pipeline.summarize import SUMY_METHODS

    sumy = [name for m in SUMY_METHODS for name in (m, f"{m}-plain")]
    return [LEAD_3, "lead", *sumy, "centrality", "supervised"]


# The IndoSum paper's baseline: the first three sentences as they are. (Our `lead` method passes
# over fragments, headings, list items, questions, half quotations and near-duplicates.)
LEAD_3 = "lead-3"


def _run_chunk(
    method: str, records: Sequence[dict[str, Any]], n_sentences: int, model: Any
) -> tuple[list[dict[str, float]], float]:
    """Summarize records with one method; per-document ROUGE and the time spent summarizing."""
    from threadpoolctl import threadpool_limits

    from pipeline.rouge import rouge
    from pipeline.summarize import Document, summarize_document

    scores: list[dict[str, float]] = []
    spent = 0.0
    with threadpool_limits(1):  # one thread per worker: no oversubscription of the 2 cores
        for record in records:
            started = time.perf_counter()
            document = Document.from_record(record)
            if method == LEAD_3:
                text = " ".join(document.sentences[:n_sentences])
            else:
                text = summarize_document(document, method, sentences=n_sentences,
                                          model=model)["text"]
            spent += time.perf_counter() - started
            scores.append(rouge(text, record["reference"]))
    return scores, spent


def _oracle_scores(records: Sequence[dict[str, Any]]) -> list[dict[str, float]]:
    """ROUGE of the gold extractive labels themselves (all of them: a ceiling, not 3 sentences)."""
    from pipeline.rouge import rouge
    from pipeline.supervised import flat_labels

    out = []
    for record in records:
        labels = flat_labels(record) or []
        sentences = [s for p in record["paragraphs"] for s in p]
        text = " ".join(s for s, keep in zip(sentences, labels, strict=False) if keep)
        out.append(rouge(text, record["reference"]))
    return out


def evaluate_methods(
    records: Sequence[dict[str, Any]],
    methods: Sequence[str],
    *,
    model: Any = None,
    n_sentences: int = N_SENTENCES,
    workers: int = 2,
) -> dict[str, dict[str, float]]:
    """Mean ROUGE-1/2/L F1 and seconds per document of each method on `records`."""
    records = [r for r in records if r.get("reference")]
    if not records:
        raise BeritaError("no record has a reference summary to evaluate against")
    chunk = max(1, -(-len(records) // max(workers, 1)))
    chunks = [records[i : i + chunk] for i in range(0, len(records), chunk)]
    jobs = [(m, c) for m in methods if m != "supervised" or model is not None for c in chunks]
    if workers > 1:
        # spawn, not fork: forking after scikit-learn's OpenMP threads have started can deadlock.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = [pool.submit(_run_chunk, m, c, n_sentences, model) for m, c in jobs]
            outputs = [f.result() for f in futures]
    else:
        outputs = [_run_chunk(m, c, n_sentences, model) for m, c in jobs]
    per_method: dict[str, tuple[list[dict[str, float]], float]] = {}
    for (method, _), (scores, spent) in zip(jobs, outputs, strict=True):
        done, total = per_method.get(method, ([], 0.0))
        per_method[method] = (done + scores, total + spent)
    table: dict[str, dict[str, float]] = {}
    for method, (scores, spent) in per_method.items():
        table[method] = _summary_row(scores)
        table[method]["ms_per_document"] = round(1000.0 * spent / len(scores), 2)
    return table


def _summary_row(scores: Sequence[dict[str, float]]) -> dict[str, float]:
    from pipeline.rouge import ROUGE_TYPES

    row = {name: round(sum(s[name] for s in scores) / len(scores), 2) for name in ROUGE_TYPES}
    row["documents"] = len(scores)
    return row


def check_targets(table: dict[str, dict[str, float]]) -> dict[str, Any]:
    """The issue's targets, each with the numbers it compares and whether it is met."""
    from pipeline.summarize import SUMY_METHODS

    lead = table["lead"]["rouge1"]
    checks: dict[str, Any] = {}
    for m in SUMY_METHODS:
        if m in table and f"{m}-plain" in table:
            ours, plain = table[m]["rouge1"], table[f"{m}-plain"]["rouge1"]
            checks[f"{m}: ours > out of the box"] = {"ours": ours, "plain": plain,
                                                     "met": ours > plain}
    unsupervised = {m: row["rouge1"] for m, row in table.items()
                    if m not in ("supervised", "oracle", LEAD_3) and not m.endswith("-plain")}
    best = max(unsupervised, key=lambda m: unsupervised[m])
    # against LEAD-3 as the IndoSum paper defines it, and against our filtered `lead`
    baselines = {"LEAD-3": table[LEAD_3]["rouge1"]} if LEAD_3 in table else {}
    baselines["our lead"] = lead
    for name, baseline in baselines.items():
        checks[f"best unsupervised >= {name}"] = {
            "method": best, "rouge1": unsupervised[best], "baseline": baseline,
            "met": unsupervised[best] >= baseline,
        }
        if "supervised" in table:
            checks[f"supervised >= {name} + 3"] = {
                "rouge1": table["supervised"]["rouge1"], "baseline_plus_3": round(baseline + 3, 2),
                "met": table["supervised"]["rouge1"] >= baseline + 3,
            }
    return checks


def plot_table(table: dict[str, dict[str, float]], path: str | Path, title: str) -> None:
    """A horizontal grouped bar chart of ROUGE-1/2/L per method, written as PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from pipeline.artifacts import atomic_writer

    names = sorted(table, key=lambda m: table[m]["rouge1"])
    y = np.arange(len(names))
    fig, ax = plt.subplots(figsize=(9, 0.38 * len(names) + 1.5))
    for offset, (metric, colour) in zip(
        (-0.27, 0.0, 0.27),
        (("rouge1", "#1f77b4"), ("rouge2", "#ff7f0e"), ("rougeL", "#2ca02c")),
        strict=True,
    ):
        ax.barh(y + offset, [table[m][metric] for m in names], height=0.26, color=colour,
                label=metric.upper().replace("ROUGE", "ROUGE-"))
    if "lead" in table:
        ax.axvline(table["lead"]["rouge1"], color="grey", linestyle="--", linewidth=1,
                   label="LEAD-3 ROUGE-1")
    ax.set_yticks(y, names)
    ax.set_xlabel("F1 (IndoSum preprocessing), 3 sentences")
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize=8)
    ax.set_xlim(0, 100)
    fig.tight_layout()
    with atomic_writer(path, "wb") as handle:
        fig.savefig(handle, format="png", dpi=110, metadata={"Software": None})
    plt.close(fig)


def evaluate_records(
    indosum: Sequence[dict[str, Any]],
    corpus: Sequence[dict[str, Any]] = (),
    *,
    methods: Sequence[str] | None = None,
    model: Any = None,
    workers: int = 2,
) -> dict[str, Any]:
    """Train on the IndoSum split (unless `model` is given), evaluate every method on its test
    part and on `corpus` records with references; return the result document."""
    from pipeline.centrality import DEFAULT_PARAMS
    from pipeline.evaluation.split import split_records
    from pipeline.supervised import fit_on_split

    methods = list(methods or default_methods())
    parts = split_records(indosum)
    if not parts["test"]:
        raise BeritaError("the IndoSum split has no test articles")
    result: dict[str, Any] = {
        "n_sentences": N_SENTENCES,
        "preprocessing": PREPROCESSING,
        "split": {name: len(records) for name, records in parts.items()},
        "centrality_params": DEFAULT_PARAMS.to_dict(),
        "notes": {
            "oracle": "all gold-label sentences (variable length): a ceiling, not 3 sentences",
            "<method>-plain": "the sumy method out of the box: regex \\w+ words, no stop words, "
            "no stemmer",
            "ms_per_document": "summarizing only (no loading, no ROUGE), one thread per worker",
        },
    }
    if "supervised" in methods and model is None:
        started = time.perf_counter()
        model, info = fit_on_split(parts["train"], parts["dev"])
        info["train_seconds"] = round(time.perf_counter() - started, 1)
        result["supervised"] = info
    elif model is not None:
        result["supervised"] = {"params": model.get_params(), "given": True}
    started = time.perf_counter()
    table = evaluate_methods(parts["test"], methods, model=model, workers=workers)
    table["oracle"] = _summary_row(_oracle_scores(parts["test"]))
    result["indosum_test"] = table
    result["targets"] = check_targets(table)
    corpus = [r for r in corpus if r.get("reference")]
    if corpus:
        result["corpus"] = evaluate_methods(corpus, methods, model=model, workers=workers)
    result["evaluation_seconds"] = round(time.perf_counter() - started, 1)
    return result


def evaluate_summaries(
    data: Sequence[str | Path],
    output: str | Path,
    *,
    corpus: Sequence[str | Path] = (),
    chart: str | Path | None = None,
    model_dir: str | Path | None = None,
    workers: int = 2,
) -> dict[str, Any]:
    """Evaluate on IndoSum `data` (and `corpus`), write the JSON result and the PNG chart."""
    from pipeline.artifacts import write_json
    from pipeline.clean_stage import load_records

    for path in (*data, *corpus):
        if not Path(path).exists():
            raise BeritaError(f"{path}: no such file or directory")
    model = None
    if model_dir is not None:
        from pipeline.supervised import load_summarizer

        model = load_summarizer(model_dir)
    indosum = list(load_records([str(p) for p in data]))
    corpus_records = list(load_records([str(p) for p in corpus])) if corpus else []
    result = evaluate_records(indosum, corpus_records, model=model, workers=workers)
    chart = Path(chart) if chart else Path(output).with_suffix(".png")
    plot_table(result["indosum_test"], chart,
               f"Summaries on the IndoSum test split ({result['split']['test']} articles)")
    result["chart"] = str(chart)
    if "corpus" in result:
        corpus_chart = chart.with_name(chart.stem + "-corpus.png")
        plot_table(result["corpus"], corpus_chart, "Summaries on corpus/ references")
        result["corpus_chart"] = str(corpus_chart)
    write_json(output, result)
    return result
