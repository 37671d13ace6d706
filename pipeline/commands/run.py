"""`berita run`: clean, tag and summarize in one process (the Make chain without Make)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline.commands.options import Dask, Workers


def run(
    inputs: Annotated[list[Path], typer.Argument(help="Raw articles: files or directories.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for every artifact.")] = Path("build"),
    model: Annotated[
        Path | None,
        typer.Option(help="Topic model from `berita train` (default: train on --train)."),
    ] = None,
    train: Annotated[
        list[Path] | None,
        typer.Option(help="Labelled data to train the topic model on (default: the inputs)."),
    ] = None,
    summarizer: Annotated[
        Path | None, typer.Option(help="Trained summarizer from `berita train-summarizer`.")
    ] = None,
    method: Annotated[str, typer.Option(help="Summarization method (see `summarize`).")] = "auto",
    sentences: Annotated[int, typer.Option(min=1, help="Sentences per summary.")] = 3,
    min_score: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Below this topic score: unknown.")
    ] = 0.6,
    topics_k: Annotated[int, typer.Option("--topics", min=0, help="NMF topics (0: skip).")] = 5,
    workers: Workers = 1,
    dask: Dask = None,
) -> None:
    """Run clean -> tag -> summarize on raw articles, writing the same artifacts as `make all`.

    Example: berita run corpus/ --out build/
    """
    from pipeline.clean_stage import run_clean
    from pipeline.errors import LabelError, TooFewTopicsError
    from pipeline.summarize import resolve_method, run_summarize
    from pipeline.supervised import load_summarizer
    from pipeline.tag import run_keyword_model, run_tag, run_train
    from pipeline.topics import run_topics

    clean, tags, summaries = out / "clean.jsonl", out / "tags.jsonl", out / "summaries.jsonl"
    # options that only the last stage uses are checked before the first one runs
    summarizer_model = load_summarizer(summarizer) if summarizer else None
    resolve_method(method, summarizer_model)
    run_clean(inputs, clean, workers=workers, dask=dask)
    typer.echo(f"clean -> {clean}", err=True)
    if model is None:
        model = out / "model"
        try:
            run_train(list(train) if train else [clean], model, n_jobs=min(workers, 2))
            typer.echo(f"train -> {model}", err=True)
        except LabelError as exc:
            if train:
                raise  # labelled data was asked for explicitly: its problem is the user's error
            # Articles without topic labels are the common case: keywords (and NMF topics) only.
            run_keyword_model([clean], model)
            typer.echo(
                f"note: {exc}; tagging keywords only, every topic unknown "
                "(give --model or --train for topics)",
                err=True,
            )
    run_tag([clean], model, tags, min_score=min_score, workers=workers, dask=dask)
    typer.echo(f"tag -> {tags}", err=True)
    run_summarize(
        [str(tags)],
        str(summaries),
        method=method,
        sentences=sentences,
        model_dir=str(summarizer) if summarizer else None,
        workers=workers,
        dask=dask,
    )
    typer.echo(f"summarize -> {summaries}", err=True)
    if topics_k:
        try:
            run_topics([clean], out / "topics.json", k=topics_k)
            typer.echo(f"topics -> {out / 'topics.json'}", err=True)
        except TooFewTopicsError as exc:  # a handful of articles: the other artifacts stand
            (out / "topics.json").unlink(missing_ok=True)  # never leave an earlier run's topics
            typer.echo(f"note: topics skipped: {exc} (lower --topics, or 0 to skip)", err=True)
