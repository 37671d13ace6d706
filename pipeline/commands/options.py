"""Options shared by the per-document commands (one definition, one help text)."""

from __future__ import annotations

from typing import Annotated

import typer

Workers = Annotated[
    int, typer.Option(min=1, help="Local worker processes (output is byte-identical).")
]
Dask = Annotated[
    str | None,
    typer.Option(
        help="Run the per-document work on a Dask cluster: scheduler address, "
        "e.g. tcp://host:8786 (output is byte-identical)."
    ),
]
