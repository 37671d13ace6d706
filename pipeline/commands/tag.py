"""`berita train`, `berita tag`, `berita topics` and `berita evaluate tags`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline.commands.options import Dask, Workers, output_option


def train(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="Labelled data: clean artifact, IndoSum JSONL, corpus dir, JSONL/CSV."),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Model directory to write.")
    ] = Path("build/model"),
    stem: Annotated[
        bool, typer.Option("--stem/--no-stem", help="Stem words with Sastrawi (names kept).")
    ] = False,
    merge: Annotated[
        list[str] | None,
        typer.Option(help="Relabel FROM as TO before training, e.g. showbiz=hiburan (repeatable)."),
    ] = None,
    jobs: Annotated[int, typer.Option(min=1, help="Parallel cross-validation jobs.")] = 1,
    text_column: Annotated[
        str | None, typer.Option(help="Field holding the article text (default: auto).")
    ] = None,
    label_column: Annotated[
        str | None, typer.Option(help="Field holding the topic label (default: auto).")
    ] = None,
) -> None:
    """Train the topic classifier; hyperparameters are chosen by cross-validation.

    Writes OUTPUT/model.pkl and OUTPUT/model.json (labels, chosen parameters, CV metrics on
    the training data, data fingerprint, library versions).

    Example: berita train ../shared/data/indosum/dev.01.jsonl -o build/model
    """
    from pipeline.tag import run_train

    meta = run_train(
        inputs,
        output,
        stemmed=stem,
        merge=merge or [],
        n_jobs=jobs,
        text_column=text_column,
        label_column=label_column,
    )
    cv = meta["cv_on_training_data"]
    typer.echo(
        f"train: {meta['n_documents']} documents, {len(meta['labels'])} labels, "
        f"chosen {meta['params']['chosen']}, CV accuracy {cv['best']['accuracy']:.3f} "
        f"macro-F1 {cv['best']['f1_macro']:.3f} ({meta['train_seconds']} s) -> {output}",
        err=True,
    )


def tag(
    inputs: Annotated[
        list[Path], typer.Argument(help="Clean artifact (or any input the clean stage reads).")
    ],
    model: Annotated[Path, typer.Option(help="Model directory from `berita train`.")] = Path(
        "build/model"
    ),
    output: Annotated[
        Path, output_option("Tagged artifact (JSON Lines) to write.")
    ] = Path("build/tags.jsonl"),
    min_score: Annotated[
        float,
        typer.Option(min=0.0, max=1.0, help="Below this score the topic is reported as unknown."),
    ] = 0.0,
    top_k: Annotated[int, typer.Option(min=1, help="How many ranked topics to list.")] = 3,
    keywords: Annotated[int, typer.Option(min=0, help="How many keywords per document.")] = 10,
    workers: Workers = 1,
    dask: Dask = None,
) -> None:
    """Add topic, ranked topics and keywords to every record.

    Example: berita tag build/clean.jsonl --model build/model -o build/tags.jsonl --min-score 0.5
    """
    from pipeline.tag import run_tag

    report = run_tag(
        inputs,
        model,
        output,
        min_score=min_score,
        top_k=top_k,
        n_keywords=keywords,
        workers=workers,
        dask=dask,
    )
    counts = report["counts"]
    typer.echo(
        f"tag: {counts['in']} in, {counts['out']} out, {counts['failed']} failed, "
        f"{counts['unknown']} unknown, {counts['warned']} with warnings -> {output}",
        err=True,
    )


def topics(
    inputs: Annotated[
        list[Path], typer.Argument(help="Clean artifact (or any input the clean stage reads).")
    ],
    k: Annotated[int, typer.Option("-k", help="Number of topics to discover.")] = 10,
    output: Annotated[Path, output_option("Topics JSON to write.")] = Path(
        "build/topics.json"
    ),
    top_terms: Annotated[int, typer.Option(min=1, help="Terms listed per topic.")] = 10,
) -> None:
    """Discover K topics in an unlabelled corpus (NMF on TF-IDF).

    Writes each topic's top terms and each document's topic mix (id -> weights).

    Example: berita topics build/clean.jsonl -k 8 -o build/topics.json
    """
    from pipeline.topics import run_topics

    result = run_topics(inputs, output, k=k, top_terms=top_terms)
    typer.echo(
        f"topics: {result['k']} topics over {result['n_documents']} documents -> {output}",
        err=True,
    )


def evaluate_tags(
    indosum: Annotated[
        Path, typer.Argument(help="IndoSum folder with dev.01..dev.04.jsonl.")
    ] = Path("../shared/data/indosum"),
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for tags.json and tags_confusion.png.")
    ] = Path("build/eval"),
    seed: Annotated[int | None, typer.Option(help="Split seed (default: the shared one).")] = None,
    jobs: Annotated[int, typer.Option(min=1, help="Parallel cross-validation jobs.")] = 2,
) -> None:
    """Held-out evaluation of the tagger against a TF-IDF + LinearSVC baseline.

    Example: berita evaluate tags ../shared/data/indosum -o build/eval
    """
    from pipeline.evaluation.split import SPLIT_SEED
    from pipeline.evaluation.tags import evaluate_tags as run

    result = run(indosum, output, seed=SPLIT_SEED if seed is None else seed, n_jobs=jobs)
    ours, base = result["ours"], result["baseline"]
    typer.echo(
        f"tags: ours accuracy {ours['accuracy']:.4f} macro-F1 {ours['macro_f1']:.4f} "
        f"frequent {ours['macro_f1_frequent']:.4f}; baseline {base['accuracy']:.4f} / "
        f"{base['macro_f1']:.4f} / {base['macro_f1_frequent']:.4f} -> {output}/tags.json",
        err=True,
    )
