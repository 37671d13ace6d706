"""`berita bench`: throughput, peak memory and the side-by-side comparisons (issue 5)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline.commands.options import output_option


def bench(
    data: Annotated[
        Path,
        typer.Argument(help="IndoSum folder or JSONL file (skipped, with a message, if absent)."),
    ] = Path("../shared/data/indosum"),
    output: Annotated[
        Path, output_option("Benchmark result (JSON) to write.")
    ] = Path("build/bench.json"),
    runs: Annotated[
        int, typer.Option(min=1, help="Runs per measurement (the median is kept).")
    ] = 3,
    replicate: Annotated[
        int, typer.Option(min=1, help="Copies of the unique articles in the scaling dataset.")
    ] = 10,
    workdir: Annotated[
        Path | None,
        typer.Option(help="Where inputs, artifacts and logs go (default: OUTPUT's folder/bench)."),
    ] = None,
    stage: Annotated[
        list[str] | None,
        typer.Option(help="Stage to measure: clean, tag, summarize (repeatable; default all)."),
    ] = None,
    model: Annotated[
        Path | None, typer.Option(help="Topic model directory for tag (default: train one).")
    ] = None,
    lexrank_documents: Annotated[
        int | None, typer.Option(min=1, help="Compare LexRank on at most this many documents.")
    ] = None,
    stem_tokens: Annotated[
        int, typer.Option(min=1, help="Tokens in the stemming comparison sample.")
    ] = 2000,
    make: Annotated[
        bool, typer.Option("--make/--no-make", help="Time a second `make all` (in a repo copy).")
    ] = True,
) -> None:
    """Measure every stage (documents/s, peak memory) and compare against plain sumy/Sastrawi.

    Example: berita bench ../shared/data/indosum -o build/bench.json --runs 3 --replicate 10
    """
    from pipeline.bench import STAGES, format_table, run_bench

    if not data.exists():
        typer.echo(f"skip: {data} not found (stage, lex-rank and stemming benchmarks)", err=True)
    result = run_bench(
        data, output, runs=runs, replicate=replicate, workdir=workdir,
        stages=tuple(stage) if stage else STAGES, model=model,
        lexrank_documents=lexrank_documents, stem_tokens=stem_tokens, make=make,
        say=lambda message: typer.echo(message, err=True),
    )
    typer.echo(format_table(result))
    typer.echo(f"-> {output}", err=True)
