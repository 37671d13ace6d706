"""`berita clean`: raw articles -> clean JSON Lines + report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline.commands.options import Dask, Workers, output_option


def clean(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="Files or directories: .txt, .jsonl, .json, .csv, IndoSum JSONL."),
    ],
    output: Annotated[
        Path, output_option("Clean artifact (JSON Lines) to write.")
    ] = Path("build/clean.jsonl"),
    text_column: Annotated[
        str | None, typer.Option(help="Field holding the article text (default: auto).")
    ] = None,
    label_column: Annotated[
        str | None, typer.Option(help="Field holding the topic label (default: auto).")
    ] = None,
    workers: Workers = 1,
    keep_duplicates: Annotated[
        bool, typer.Option(help="Write exact duplicates too (they are always reported).")
    ] = False,
    dask: Dask = None,
) -> None:
    """Clean raw Indonesian news articles (encoding, boilerplate, broken lines, sentences).

    Example: berita clean corpus/ -o build/clean.jsonl
    """
    from pipeline.clean_stage import run_clean

    report = run_clean(
        inputs,
        output,
        text_column=text_column,
        label_column=label_column,
        workers=workers,
        dask=dask,
        keep_duplicates=keep_duplicates,
    )
    counts = report["counts"]
    if report.get("duplicate_ids"):
        reused = report["duplicate_ids"]
        typer.echo(
            f"warning: {len(reused)} articles reuse an earlier article's id (first: "
            f"{reused[0]!r}); later stages key records by id",
            err=True,
        )
    typer.echo(
        f"clean: {counts['in']} in, {counts['out']} out, {counts['failed']} failed, "
        f"{counts['duplicates']} duplicates, {counts['non_indonesian']} not Indonesian"
        f" -> {output}",
        err=True,
    )
