"""Options shared by the per-document commands (one definition, one help text)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

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


def output_file(value: str | Path) -> Path:
    """Parse an `-o FILE` value; a trailing slash means a directory, which is not a file name.

    (Without this check `-o newdir/` would write a file named `newdir`.)
    """
    if isinstance(value, str) and value.endswith(("/", os.sep)):
        raise typer.BadParameter(f"{value!r} ends with '/', a directory; give the file to write")
    return Path(value)


def output_option(help: str) -> Any:  # noqa: A002 - typer's name
    """`--output/-o FILE`, checked by `output_file`."""
    return typer.Option("--output", "-o", parser=output_file, help=help)
