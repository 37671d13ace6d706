"""JSON artifacts: deterministic serialization, atomic writes, and streaming JSON Lines reads."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pipeline.errors import BeritaError, DocumentError, check_stop


def dumps(obj: Any) -> str:
    """Serialize one record the same way every time (sorted keys, UTF-8 text, no NaN)."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, allow_nan=False)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_writer(path: str | Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Open a temp file beside `path`; on success rename it over `path`, else delete it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:  # named after the artifact, not the hidden temporary file
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; artifacts get the usual mode
        kwargs = {} if "b" in mode else {"encoding": "utf-8", "newline": "\n"}
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        check_stop()  # a stop request never lets a new artifact replace the old one
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class Line:
    """One record still serialized: a line of a JSON Lines artifact and where it came from.

    Stages hand lines (not parsed records) to their workers, so that parsing, like processing
    and serializing, happens in parallel: the main process reads lines and copies the workers'
    serialized results (`Spilled`) into the artifact.
    """

    text: str
    source: str  # path:line

    def id_hint(self) -> str:
        """The record's id as far as the line tells it ("" when it does not), for error reports."""
        try:
            obj = json.loads(self.text)
        except json.JSONDecodeError:
            return ""
        found = obj.get("id") if isinstance(obj, dict) else None
        return found if isinstance(found, str) else ("" if found is None else json.dumps(found))

    def parse(self) -> dict[str, Any]:
        """The record on this line; a malformed line is a one-line error naming it."""
        try:
            record = json.loads(self.text)
        except json.JSONDecodeError as exc:
            raise BeritaError(f"{self.source}: malformed JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise BeritaError(f"{self.source}: expected a JSON object per line")
        return record


@dataclass(frozen=True)
class Encoded:
    """A processed record already serialized with `dumps`, plus what the stage report needs."""

    text: str
    info: Any


def jsonl_line(text: str) -> bytes:
    """One line of a JSON Lines artifact, as written: UTF-8 and the newline."""
    return text.encode("utf-8") + b"\n"


@dataclass(frozen=True)
class Spilled:
    """A processed record that a pool worker serialized into a spill file: its line's place there
    (`start`, `length`, newline included), plus what the stage report needs."""

    path: str
    start: int
    length: int
    info: Any


class _SpillReader:
    """The bytes of spilled records; each spill file is read once, when its first record comes."""

    def __init__(self) -> None:
        self.path = ""
        self.data = b""

    def line(self, record: Spilled) -> bytes:
        if record.path != self.path:
            self.path, self.data = record.path, Path(record.path).read_bytes()
        return self.data[record.start : record.start + record.length]


def read_lines(path: str | Path) -> Iterator[Line]:
    """Stream the non-blank lines of a JSON Lines artifact, unparsed."""
    path = Path(path)
    if not path.is_file():
        raise BeritaError(f"{path}: no such file")
    with path.open(encoding="utf-8") as handle:
        for number, text in enumerate(handle, 1):
            if text.strip():
                yield Line(text.rstrip("\n"), f"{path.as_posix()}:{number}")


def write_jsonl(
    path: str | Path,
    records: Iterable[dict[str, Any] | Encoded | Spilled],
    *,
    verify: Callable[[], None] | None = None,
) -> int:
    """Write records (or already encoded records) as JSON Lines atomically; return the count.

    `verify` runs after the last record, before the file replaces `path`: if it raises, `path`
    is left as it was.
    """
    count = 0
    spills = _SpillReader()
    with atomic_writer(path, "wb") as handle:
        for record in records:
            if isinstance(record, Spilled):
                handle.write(spills.line(record))
            else:
                text = record.text if isinstance(record, Encoded) else dumps(record)
                handle.write(jsonl_line(text))
            count += 1
        if verify is not None:
            verify()
    return count


def write_json(path: str | Path, obj: Any) -> None:
    """Write one JSON document atomically, indented, keys sorted, final newline."""
    with atomic_writer(path) as handle:
        handle.write(json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=2, allow_nan=False))
        handle.write("\n")


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """Stream the records of a JSON Lines artifact; a malformed line is a one-line error."""
    path = Path(path)
    if not path.is_file():
        raise BeritaError(f"{path}: no such file")
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise BeritaError(f"{path}:{number}: malformed JSON ({exc.msg})") from None
            if not isinstance(record, dict):
                raise BeritaError(f"{path}:{number}: expected a JSON object per line")
            yield record


def read_json(path: str | Path) -> Any:
    """Read one JSON document; a missing or malformed file is a one-line error."""
    path = Path(path)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BeritaError(f"{path}: no such file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BeritaError(f"{path}: not valid JSON ({exc})") from None


def check_output(output: str | Path, inputs: Iterable[str | Path] = ()) -> None:
    """Fail early, in one line, when `output` cannot be written as an artifact file."""
    if not str(output).strip():
        raise BeritaError("the output path is empty")
    path = Path(output)
    if path.is_dir():
        raise BeritaError(f"{path}: is a directory; give the artifact's file name")
    if path.exists() and not path.is_file():
        raise BeritaError(f"{path}: not a regular file (a device or pipe is never replaced)")
    for parent in path.parents:
        if parent.exists() and not parent.is_dir():
            raise BeritaError(f"{path}: {parent} is a file, not a directory")
    target = os.path.realpath(path)  # unlike Path.resolve, never raises on a symlink loop
    if any(os.path.realpath(item) == target for item in inputs):
        raise BeritaError(f"{path}: the output would overwrite an input")


def record_paragraphs(record: dict[str, Any]) -> list[list[str]] | None:
    """A clean record's `paragraphs` (None when it has none), checked: a list of lists of
    sentence strings, else a `DocumentError` naming the record and the problem."""
    paragraphs = record.get("paragraphs")
    if paragraphs is None:
        return None
    problem = _paragraphs_problem(paragraphs)
    if problem is not None:
        raise DocumentError(
            f"record {record.get('id')!r}: paragraphs must be a list of lists of sentences "
            f"(strings); {problem}"
        )
    return paragraphs


def _paragraphs_problem(paragraphs: Any) -> str | None:
    if not isinstance(paragraphs, list | tuple):
        return f"got {type(paragraphs).__name__}"
    for p_index, paragraph in enumerate(paragraphs):
        if not isinstance(paragraph, list | tuple):
            return f"paragraph {p_index} is {type(paragraph).__name__}"
        for s_index, sentence in enumerate(paragraph):
            if not isinstance(sentence, str):
                name = "null" if sentence is None else type(sentence).__name__
                return f"paragraph {p_index}, sentence {s_index} is {name}"
    return None


def report_path(output: str | Path) -> Path:
    """The stage report that sits beside an artifact: `x.jsonl` -> `x.report.json`."""
    output = Path(output)
    stem = output.name[: -len(".jsonl")] if output.name.endswith(".jsonl") else output.stem
    return output.with_name(f"{stem}.report.json")
