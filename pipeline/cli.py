"""The `berita` command line: a thin Typer layer over the library, with one error path."""

from __future__ import annotations

import contextlib
import functools
import importlib
import os
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer

from pipeline import __version__
from pipeline.errors import BeritaError, Terminated

app = typer.Typer(
    help="berita: clean, tag and summarize Indonesian news articles into JSON artifacts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
evaluate_app = typer.Typer(
    help="Measure quality on held-out data (needs ../shared/data/indosum).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(evaluate_app, name="evaluate")


def cli_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into one line on stderr and exit code 1 (no traceback)."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except BeritaError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(code=1) from None
        except KeyboardInterrupt:
            typer.echo("interrupted: nothing was written over existing artifacts", err=True)
            raise typer.Exit(code=130) from None
        except Terminated:
            typer.echo("terminated: nothing was written over existing artifacts", err=True)
            raise typer.Exit(code=143) from None
        except OSError as exc:  # an output path that is a directory, a full disk, ...
            where = f"{exc.filename}: " if exc.filename else ""
            typer.echo(f"error: {where}{exc.strerror or exc}", err=True)
            raise typer.Exit(code=1) from None
        except RecursionError:
            typer.echo("error: the input is nested too deeply to read", err=True)
            raise typer.Exit(code=1) from None

    return wrapper


def _terminate(signum: int, frame: Any) -> None:
    from pipeline import errors

    errors.STOP_REQUESTED = True
    raise Terminated


def _default_sigterm() -> None:
    """In a forked child (a pool worker) SIGTERM kills, as usual: an inherited `_terminate`
    would raise inside multiprocessing's queue locks, and a lock left held hangs the pool."""
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def install_signal_handlers() -> None:
    """SIGTERM ends a command like Ctrl-C (temporary files removed), in this process only."""
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    os.register_at_fork(after_in_child=_default_sigterm)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"berita {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bars (they show only on a terminal).")
    ] = False,
) -> None:
    """berita: clean, tag and summarize Indonesian news articles into JSON artifacts."""
    if quiet:
        from pipeline import runner

        runner.SHOW_PROGRESS = False


# (typer app, command name, module in pipeline.commands, function name)
COMMANDS: list[tuple[typer.Typer, str, str, str]] = [
    (app, "clean", "clean", "clean"),
    (app, "train", "tag", "train"),
    (app, "tag", "tag", "tag"),
    (app, "topics", "tag", "topics"),
    (app, "train-summarizer", "summarize", "train_summarizer"),
    (app, "summarize", "summarize", "summarize"),
    (app, "run", "run", "run"),
    (app, "bench", "bench", "bench"),
    (evaluate_app, "segmentation", "evaluate", "evaluate_segmentation"),
    (evaluate_app, "tags", "tag", "evaluate_tags"),
    (evaluate_app, "summaries", "summarize", "evaluate_summaries"),
]


def _register() -> None:
    for target, name, module_name, function in COMMANDS:
        try:
            module = importlib.import_module(f"pipeline.commands.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"pipeline.commands.{module_name}":
                raise
            continue
        command = getattr(module, function, None)
        if command is not None:
            target.command(name)(cli_errors(command))


_register()


def run() -> int:
    """Run the command line in `sys.argv`; its exit code.

    Usage errors (a bad option value, a missing argument) are one line on stderr, exit code 2.
    """
    # Typer may ship its own copy of Click: take the exception classes from where it raises them.
    clicks = sys.modules[typer.BadParameter.__module__]
    install_signal_handlers()
    try:
        code = app(prog_name="berita", standalone_mode=False)
    except clicks.NoArgsIsHelpError as exc:
        typer.echo(exc.ctx.get_help() if exc.ctx else str(exc))
        return 2
    except clicks.ClickException as exc:
        context = getattr(exc, "ctx", None)
        hint = f" (see '{context.command_path} --help')" if context is not None else ""
        typer.echo(f"error: {exc.format_message()}{hint}", err=True)
        return exc.exit_code
    except typer.Abort:
        typer.echo("aborted", err=True)
        return 1
    return code if isinstance(code, int) else 0


def main() -> None:
    """Console-script entry point (`berita`), also used by `python -m pipeline`."""
    code = run()
    # The command has finished: its artifacts are closed and renamed into place, its pool and
    # temporary files are gone. Leave without tearing the interpreter down object by object,
    # which only frees memory the process is about to give back anyway: 0.3 s of a 10.8 s tag
    # run (its loaded model), the time of 80 documents.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe, a closed stream
            stream.flush()
    os._exit(code)
