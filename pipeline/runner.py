"""The per-document stage runner: stream records through a pure function, collect a report."""

from __future__ import annotations

import contextlib
import itertools
import os
import platform
import re
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.artifacts import (
    Encoded,
    Line,
    Spilled,
    dumps,
    jsonl_line,
    report_path,
    write_json,
    write_jsonl,
)
from pipeline.errors import BeritaError, check_stop

Process = Callable[[dict[str, Any]], dict[str, Any]]

IN_FLIGHT = 2  # batches queued to a local pool at a time

# Progress bars go to stderr on a terminal only; `berita --quiet` turns them off everywhere.
SHOW_PROGRESS = True


def progress(items: Iterable[Any], description: str) -> Iterable[Any]:
    """Wrap `items` in a progress bar when enabled and stderr is a terminal."""
    if not SHOW_PROGRESS or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, desc=description, unit="doc", file=sys.stderr, leave=False)


@dataclass
class StageRun:
    """What happened while a stage ran: counts, per-document errors and free-form stats."""

    stage: str
    params: dict[str, Any]
    started: float = field(default_factory=time.perf_counter)
    counts: Counter[str] = field(default_factory=Counter)
    errors: list[dict[str, str]] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)

    def fail(self, record_id: str, source: str, message: str) -> None:
        """Record one document that could not be processed."""
        self.counts["failed"] += 1
        self.errors.append({"id": record_id, "source": source, "error": message})

    def report(self) -> dict[str, Any]:
        """The stage report as a JSON-ready dict."""
        return {
            "stage": self.stage,
            "version": __version__,
            "python": platform.python_version(),
            "params": self.params,
            "counts": dict(sorted(self.counts.items())),
            "errors": sorted(self.errors, key=_error_order),
            **self.stats,
            "duration_s": round(time.perf_counter() - self.started, 3),
        }


def _error_order(error: dict[str, str]) -> tuple[Any, ...]:
    """Errors by source, line numbers compared as numbers (`a.jsonl:9` before `a.jsonl:10`):
    the order they arrive in depends on how far reading ran ahead of the workers."""
    parts = re.split(r"(\d+)", error["source"])
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts), error["id"]


class Guarded:
    """Wrap a process function so it returns (ok, result-or-failure) instead of raising.

    An item is a record or a `Line` (parsed here, in the worker). With `encode`, a result comes
    back serialized, as `Encoded(dumps(result), encode(result))`, so that serializing happens in
    the worker too. A failure is `(message, record id, source)`.
    """

    def __init__(self, process: Process, encode: Callable[[dict[str, Any]], Any] | None = None):
        self.process = process
        self.encode = encode

    def __call__(self, item: dict[str, Any] | Line) -> tuple[bool, Any]:
        record: dict[str, Any] = {}
        try:
            record = item.parse() if isinstance(item, Line) else item
            result = self.process(record)
            if self.encode is not None:
                return True, Encoded(dumps(result), self.encode(result))
            return True, result
        except BeritaError as exc:
            message = str(exc)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the others
            message = f"{type(exc).__name__}: {exc}"
        record_id = record.get("id")
        if isinstance(item, Line):
            message = message.removeprefix(f"{item.source}: ")  # the source is its own field
            source = item.source
            if record_id is None:
                record_id = item.id_hint() or getattr(item, "default_id", "")
        else:
            source = record.get("source")
        return False, (message, "" if record_id is None else str(record_id), str(source))


_WORKER_PROCESS: Guarded | None = None


def _quiet_worker() -> None:
    """Leave Ctrl-C to the main process, which stops the pool (no traceback from every worker)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


_SPILL_DIR = ""


def _call_worker_chunk(items: list[Any]) -> list[tuple[bool, Any]]:
    """Process a chunk of items in a pool worker. Serialized results are written to a spill
    file of their own and come back as `Spilled` places in it, so that the main process copies
    bytes instead of receiving, unpickling and re-encoding every record through a pipe."""
    assert _WORKER_PROCESS is not None
    outcomes = [_WORKER_PROCESS(item) for item in items]
    if not _SPILL_DIR or not any(ok and isinstance(result, Encoded) for ok, result in outcomes):
        return outcomes
    fd, path = tempfile.mkstemp(suffix=".jsonl", dir=_SPILL_DIR)
    with os.fdopen(fd, "wb") as spill:
        start = 0
        for index, (ok, result) in enumerate(outcomes):
            if ok and isinstance(result, Encoded):
                data = jsonl_line(result.text)
                spill.write(data)
                outcomes[index] = (True, Spilled(path, start, len(data), result.info))
                start += len(data)
    return outcomes


def batches(records: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of `size` items (the last one shorter)."""
    iterator = iter(records)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def run_batch(guarded: Guarded, batch: list[dict[str, Any]]) -> list[tuple[bool, Any]]:
    """Process one partition of records (the unit of work sent to a Dask worker)."""
    return [guarded(record) for record in batch]


Job = tuple[list[dict[str, Any]], Callable[[], list[tuple[bool, Any]]]]


def _in_order(jobs: Iterable[Job], in_flight: int) -> Iterator[tuple[dict[str, Any], Any]]:
    """(record, outcome) pairs of submitted batches in order, at most `in_flight` pending."""
    pending: deque[Job] = deque()
    for job in jobs:
        pending.append(job)  # pulling the job from the generator submitted it
        if len(pending) >= in_flight:
            batch, result = pending.popleft()
            yield from zip(batch, result(), strict=True)
    while pending:
        batch, result = pending.popleft()
        yield from zip(batch, result(), strict=True)


def _chunk(batch: list[dict[str, Any]], workers: int) -> int:
    return max(1, len(batch) // (workers * 4))


CONNECT_TIMEOUT = 10.0  # seconds for a Dask scheduler to answer


def connect(address: str, timeout: float = CONNECT_TIMEOUT) -> Any:
    """A `distributed.Client` for the scheduler at `address`, or a one-line error.

    The whole connection, handshake included, has a deadline: a port that accepts connections
    but does not speak Dask's protocol would otherwise be waited on forever.
    """
    import threading

    from distributed import Client
    from distributed.comm import parse_address, parse_host_port

    try:
        scheme, location = parse_address(address)
        if scheme in ("tcp", "tls"):
            parse_host_port(location)
    except ValueError as exc:
        raise BeritaError(f"--dask {address!r}: not a scheduler address ({exc})") from None
    outcome: dict[str, Any] = {}

    def attempt() -> None:
        try:
            outcome["client"] = Client(address, timeout=f"{timeout}s", set_as_default=False)
        except BaseException as exc:  # noqa: BLE001 - reported below, in one line
            outcome["error"] = exc

    thread = threading.Thread(target=attempt, name="berita-dask-connect", daemon=True)
    thread.start()
    thread.join(timeout + 5)
    if "client" in outcome:
        return outcome["client"]
    # A half-built Client complains when it is garbage-collected; the error below says it all.
    sys.unraisablehook = lambda _: None
    error = outcome.get("error")
    reason = f"{type(error).__name__}: {error}" if error else f"no answer within {timeout:g} s"
    raise BeritaError(f"cannot reach the Dask scheduler at {address} ({reason})")


def _dask_outcomes(
    records: Iterable[dict[str, Any]], guarded: Guarded, address: str, batch_size: int
) -> Iterator[tuple[dict[str, Any], tuple[bool, Any]]]:
    """Run partitions on a Dask distributed cluster, a bounded number in flight, in order."""
    with connect(address) as client:
        in_flight = max(2, 2 * len(client.scheduler_info().get("workers", {})))
        # The process function (and the fitted model in it) is shipped to every worker once.
        [shared] = client.scatter([guarded], broadcast=True)
        jobs = (
            (batch, client.submit(run_batch, shared, batch, pure=False).result)
            for batch in batches(records, batch_size)
        )
        yield from _in_order(jobs, in_flight)


def _outcomes(
    records: Iterable[dict[str, Any]],
    guarded: Guarded,
    workers: int,
    batch_size: int,
    dask: str | None = None,
) -> Iterator[tuple[dict[str, Any], tuple[bool, Any]]]:
    """(record, outcome) pairs in input order: in this process, a local pool, or on Dask."""
    if dask is not None and not dask.strip():
        raise BeritaError("--dask needs a scheduler address, e.g. tcp://host:8786")
    if dask:
        yield from _dask_outcomes(records, guarded, dask, batch_size)
        return
    import numpy  # noqa: F401 - loaded first: threadpoolctl limits only libraries already loaded
    from threadpoolctl import threadpool_limits

    # The parallelism is across documents: a document's matrices are small, and BLAS threads on
    # them cost more than they give (measured: summarize, 2,821 documents, 1 worker: 6.7 s with
    # OpenBLAS threads, 5.3 s without), and with a pool they would compete with the workers.
    with threadpool_limits(limits=1):
        yield from _local_outcomes(records, guarded, workers, batch_size)


def _local_outcomes(
    records: Iterable[dict[str, Any]], guarded: Guarded, workers: int, batch_size: int
) -> Iterator[tuple[dict[str, Any], tuple[bool, Any]]]:
    iterator = iter(records)
    if workers <= 1:
        for record in iterator:
            yield record, guarded(record)
        return
    # The first record runs here: whatever the process function loads on first use (models,
    # lookup tables, modules) is then loaded once and inherited by the forked workers.
    for record in itertools.islice(iterator, 1):
        yield record, guarded(record)
    import multiprocessing

    global _WORKER_PROCESS, _SPILL_DIR
    context = multiprocessing.get_context("fork")
    with contextlib.ExitStack() as stack:
        try:
            spill_dir = stack.enter_context(tempfile.TemporaryDirectory(prefix="berita-spill-"))
        except OSError:  # no writable temporary folder: results come back through the pipe
            spill_dir = ""
        # Forked workers inherit the function (and any fitted model it holds) instead of
        # unpickling it with every task, and the folder for their spill files.
        _WORKER_PROCESS, _SPILL_DIR = guarded, spill_dir
        with context.Pool(workers, initializer=_quiet_worker) as pool:

            def submit(batch: list[Any]) -> Callable[[], list[tuple[bool, Any]]]:
                chunks = list(batches(batch, _chunk(batch, workers)))
                pending = pool.map_async(_call_worker_chunk, chunks, 1)
                return lambda: [outcome for chunk in pending.get() for outcome in chunk]

            # Bounded batches keep memory flat (Pool.imap would read the whole input ahead);
            # with two in flight the workers go on with the next batch while this process
            # writes the last.
            jobs = ((batch, submit(batch)) for batch in batches(iterator, batch_size))
            spilled = ""
            for record, outcome in _in_order(jobs, IN_FLIGHT):
                result = outcome[1]
                if isinstance(result, Spilled) and result.path != spilled:
                    if spilled:  # every record of the last spill file has been written
                        os.unlink(spilled)
                    spilled = result.path
                yield record, outcome


def apply(
    records: Iterable[dict[str, Any] | Line],
    process: Process,
    run: StageRun,
    *,
    workers: int = 1,
    batch_size: int = 512,
    dask: str | None = None,
    encode: Callable[[dict[str, Any]], Any] | None = None,
) -> Iterator[Any]:
    """Yield `process(record)` for each record, in input order; failures go to the report.

    Records may come as `Line`s (parsed in the worker). With `workers` > 1 they run in a local
    process pool; with `dask` (a scheduler address such as ``tcp://host:8786``) in partitions on
    a Dask distributed cluster. With `encode`, results are `Encoded` (see `Guarded`).
    """
    outcomes = _outcomes(records, Guarded(process, encode), workers, batch_size, dask)
    for _, (ok, result) in progress(outcomes, run.stage):
        check_stop()
        run.counts["in"] += 1
        if not ok:
            message, record_id, source = result
            run.fail(record_id, source, message)
            continue
        run.counts["out"] += 1
        yield result


def write_stage(records: Iterable[dict[str, Any]], output: str | Path, run: StageRun) -> dict:
    """Write already-processed records to `output`, then the report beside it.

    A run that processed no document at all fails with a one-line error and leaves a previous
    artifact and report in place.
    """

    def something_written() -> None:
        if run.counts["out"]:
            return
        if run.errors:
            first = run.errors[0]
            where = first["source"] or first["id"]
            raise BeritaError(
                f"{output}: no document could be processed (first error: {where}: "
                f"{first['error']})"
            )
        raise BeritaError(f"{output}: no document found in the input")

    write_jsonl(output, records, verify=something_written)
    report = run.report()
    write_json(report_path(output), report)
    return report
