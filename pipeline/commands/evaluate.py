"""`berita evaluate segmentation`: sentence-boundary quality on held-out IndoSum articles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline.commands.options import output_option


def evaluate_segmentation(
    indosum: Annotated[
        Path, typer.Argument(help="IndoSum folder with dev.01.jsonl ... dev.04.jsonl.")
    ] = Path("../shared/data/indosum"),
    output: Annotated[
        Path, output_option("Where to write the JSON result.")
    ] = Path("build/eval/segmentation.json"),
    max_articles: Annotated[
        int | None, typer.Option(help="Evaluate on at most this many articles.")
    ] = None,
) -> None:
    """Boundary precision/recall/F1 of untrained Punkt and ours (trained on folds 1-2).

    Example: berita evaluate segmentation ../shared/data/indosum -o build/eval/segmentation.json
    """
    from pipeline.errors import BeritaError
    from pipeline.evaluation.segmentation import write_segmentation_report

    try:
        result = write_segmentation_report(output, indosum, max_articles=max_articles)
    except FileNotFoundError as exc:
        raise BeritaError(str(exc)) from None
    for name, metrics in sorted(result["systems"].items()):
        typer.echo(
            f"{name:16s} P={metrics['precision']:.4f} R={metrics['recall']:.4f} "
            f"F1={metrics['f1']:.4f}"
        )
    typer.echo(f"-> {output}", err=True)
