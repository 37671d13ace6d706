"""`berita summarize`, `berita train-summarizer` and `berita evaluate summaries`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline.commands.options import Dask, Workers, output_option

METHOD_HELP = (
    "auto (trained summarizer with --model, else the best unsupervised), lead, lex-rank, "
    "text-rank, lsa, luhn, kl, sum-basic, edmundson, reduction, centrality, supervised."
)


def summarize(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="Clean or tag artifacts (or raw inputs, cleaned on the fly)."),
    ],
    output: Annotated[
        Path, output_option("Summaries artifact (JSON Lines) to write.")
    ] = Path("build/summaries.jsonl"),
    method: Annotated[str, typer.Option(help=METHOD_HELP)] = "auto",
    sentences: Annotated[
        int | None, typer.Option(min=1, help="Sentences per summary (default 3).")
    ] = None,
    ratio: Annotated[
        float | None, typer.Option(help="Keep this share of each document's sentences (0-1].")
    ] = None,
    words: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Word budget per summary, counted as whitespace-separated words (numbers and "
            "signs count) and never exceeded: the best-ranked sentences that fit are taken. When "
            "every sentence is longer, the summary is the best sentence alone, with a warning.",
        ),
    ] = None,
    model: Annotated[
        Path | None, typer.Option(help="Trained summarizer directory (berita train-summarizer).")
    ] = None,
    workers: Workers = 1,
    dask: Dask = None,
) -> None:
    """Add an extractive `summary` to every article (sentences in document order).

    Example: berita summarize build/tags.jsonl -o build/summaries.jsonl --method auto --sentences 3
    """
    from pipeline.summarize import run_summarize

    report = run_summarize(
        [str(p) for p in inputs], str(output), method=method, sentences=sentences, ratio=ratio,
        words=words, model_dir=str(model) if model else None, workers=workers,
        dask=dask,
    )
    counts = report["counts"]
    typer.echo(
        f"summarize ({report['params']['resolved_method']}): {counts['in']} in, "
        f"{counts['out']} out, {counts['failed']} failed, {counts.get('warned', 0)} warned"
        f" -> {output}",
        err=True,
    )


def train_summarizer(
    data: Annotated[
        list[Path], typer.Argument(help="Articles with gold_labels, e.g. ../shared/data/indosum.")
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Directory for summarizer.joblib + .json.")
    ] = Path("build/summarizer"),
    classifier: Annotated[
        str | None,
        typer.Option(help="gradient-boosting or logistic (default: chosen by cross-validation)."),
    ] = None,
) -> None:
    """Train the supervised extractive summarizer on gold labels (IndoSum train + dev splits).

    The classifier is chosen by grouped cross-validation on train, MMR is tuned on dev, then the
    model is refit on both; the test split is never seen, so `evaluate summaries --model` stays
    honest.

    Example: berita train-summarizer ../shared/data/indosum -o build/summarizer/
    """
    from pipeline.supervised import train_summarizer as train

    meta = train([str(p) for p in data], output, model=classifier)
    typer.echo(
        f"train-summarizer: {meta['params']['model']} on "
        f"{meta.get('refit_documents', meta['train_documents'])} articles "
        f"(mmr_lambda={meta['params']['mmr_lambda']}) -> {output}",
        err=True,
    )


def evaluate_summaries(
    data: Annotated[
        list[Path] | None, typer.Argument(help="IndoSum folder or files (default ../shared/...).")
    ] = None,
    output: Annotated[
        Path, output_option("Where to write the JSON result.")
    ] = Path("build/eval/summaries.json"),
    corpus: Annotated[
        list[Path] | None,
        typer.Option(help="Also evaluate on these articles' references (e.g. corpus/)."),
    ] = None,
    chart: Annotated[
        Path | None, typer.Option(help="PNG chart path (default: the output with .png).")
    ] = None,
    model: Annotated[
        Path | None,
        typer.Option(help="Evaluate this trained summarizer instead of training one on the split."),
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 2,
) -> None:
    """ROUGE-1/2/L F1 of every method on the held-out IndoSum test split (3 sentences).

    Example: berita evaluate summaries ../shared/data/indosum --corpus corpus/
    -o build/eval/summaries.json
    """
    from pipeline.evaluation.summaries import evaluate_summaries as evaluate

    paths = data or [Path("../shared/data/indosum")]
    result = evaluate(
        [str(p) for p in paths], output, corpus=[str(p) for p in corpus or []],
        chart=chart, model_dir=model, workers=workers,
    )
    table = result["indosum_test"]
    typer.echo(f"{'method':18s}  R-1    R-2    R-L   ms/doc")
    for name in sorted(table, key=lambda m: -table[m]["rouge1"]):
        row = table[name]
        typer.echo(
            f"{name:18s} {row['rouge1']:6.2f} {row['rouge2']:6.2f} {row['rougeL']:6.2f} "
            f"{row.get('ms_per_document', float('nan')):7.2f}"
        )
    for target, check in result["targets"].items():
        typer.echo(f"{'met ' if check['met'] else 'MISS'} {target}")
    typer.echo(f"-> {output}", err=True)
