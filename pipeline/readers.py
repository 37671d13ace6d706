"""Input formats: find the articles in files and directories and turn them into raw documents.

A raw document is a dict with `id`, `source`, `text` and, when the input had them, `title`,
`label`, `reference` and (IndoSum) `gold_labels` with the original `segments`. Readers never
clean: they only decode, parse and map field names. Problems come back as `ReadError` items in
the stream, so one bad file or line is reported while the rest go on.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.artifacts import Line
from pipeline.errors import BeritaError

SUPPORTED_SUFFIXES = (".txt", ".jsonl", ".json", ".csv")
# A CSV field holds a whole article; the csv module's default limit (128 KiB) is too small.
csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))
SIDECAR_SUFFIX = ".meta.json"
INDOSUM_TOKENS = "indosum_tokens"  # a deferred IndoSum article's tokens (see `complete`)
# Documentation files that sit beside data sets; skipped when a directory is expanded.
DOC_FILE_STEMS = frozenset(
    {"readme", "changelog", "license", "licence", "copying", "notice", "authors"}
)
# Field names looked for, in this order (scraped datasets name them in English or Indonesian).
TEXT_FIELDS = ("text", "content", "body", "isi", "article", "artikel", "teks", "konten")
TITLE_FIELDS = ("title", "judul", "headline")
LABEL_FIELDS = ("label", "category", "kategori", "topic", "topik", "rubrik")
SUMMARY_FIELDS = ("summary", "ringkasan", "reference")


@dataclass(frozen=True)
class ReadError:
    """One input (file or line) that could not be read; `source` names it."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def discover(
    paths: Iterable[str | Path], skip: Iterable[str | Path] = ()
) -> list[tuple[Path, Path]]:
    """Expand inputs into (file, root) pairs, directories recursively, in a stable order.

    Files in `skip` (the run's own output) are left out of directories. Raises BeritaError for
    a path that does not exist or a directory with no supported files.
    """
    skipped = {Path(os.path.realpath(p)) for p in skip}
    found: list[tuple[Path, Path]] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            if path.is_symlink():
                raise BeritaError(f"{path}: a symbolic link to nothing (broken, or a loop)")
            raise BeritaError(f"{path}: no such file or directory")
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not p.name.endswith(SIDECAR_SUFFIX)
                and not p.name.endswith(".report.json")
                and p.stem.lower() not in DOC_FILE_STEMS
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and Path(os.path.realpath(p)) not in skipped
            )
            if not files:
                raise BeritaError(
                    f"{path}: no supported files (.txt, .jsonl, .json, .csv) in this directory"
                )
            found.extend((f, path) for f in files)
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise BeritaError(
                f"{path}: unsupported file type '{path.suffix}' (use .txt, .jsonl, .json or .csv)"
            )
        else:
            found.append((path, path.parent))
    return found


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # C0 controls but \t \n \f \r


# Byte-order marks of the wide Unicode encodings (Windows "Unicode text" exports are UTF-16);
# UTF-32's are checked first because UTF-32-LE's begins with UTF-16-LE's.
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def wide_encoding(head: bytes) -> str | None:
    """The wide encoding of a file starting with `head`, else None: `utf-16` or `utf-32` by its
    byte-order mark, or `utf-16-le`/`utf-16-be` without one, told by its zero bytes (text in the
    Latin script has a zero in every other byte, a binary file has them anywhere)."""
    named = next((name for bom, name in _WIDE_BOMS if head.startswith(bom)), None)
    if named is not None or b"\x00" not in head:
        return named
    pairs = len(head) // 2
    if pairs < 8:
        return None
    zero_even = head[0 : 2 * pairs : 2].count(0) / pairs
    zero_odd = head[1 : 2 * pairs : 2].count(0) / pairs
    if zero_odd >= 0.7 and zero_even <= 0.05:
        return "utf-16-le"
    if zero_even >= 0.7 and zero_odd <= 0.05:
        return "utf-16-be"
    return None


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode file bytes as UTF-8 (with or without BOM), else cp1252; return (text, encoding).

    A UTF-16 or UTF-32 file with its byte-order mark is decoded as such.
    """
    wide = wide_encoding(data)
    if wide is not None:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError as exc:
            where = f"offset {exc.start} ({wide})"
            raise BeritaError(f"{source}: undecodable bytes at {where}") from None
        if not text.strip():
            raise BeritaError(f"{source}: empty file")
        return text.replace("\r\n", "\n").replace("\r", "\n"), wide
    if not data.strip():
        raise BeritaError(f"{source}: empty file")
    if b"\x00" in data[:8192]:
        raise BeritaError(f"{source}: binary file (contains NUL bytes), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data, encoding = data[3:], "utf-8-sig"
    else:
        encoding = "utf-8"
    try:
        text, encoding = _fallback_decode(data, encoding)
    except UnicodeDecodeError as exc:
        raise BeritaError(
            f"{source}: undecodable bytes at offset {exc.start} (not UTF-8 or cp1252)"
        ) from None
    controls = len(_CONTROL_RE.findall(text))
    if controls > max(8, len(text) // 100):
        raise BeritaError(f"{source}: binary file (control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


# What a reader notes on a document whose bytes were not clean UTF-8.
ENCODING_WARNINGS = {
    "cp1252": "decoded as cp1252 (not UTF-8)",
    "utf-8-replaced": "invalid UTF-8 bytes replaced by U+FFFD",
}


def _fallback_decode(data: bytes, encoding: str = "utf-8") -> tuple[str, str]:
    """UTF-8; else cp1252 (a Windows export); but UTF-8 text with a few stray bytes stays UTF-8,
    with the stray bytes replaced (decoding it as cp1252 would garble every accented letter)."""
    try:
        return data.decode("utf-8"), encoding
    except UnicodeDecodeError:
        replaced = data.decode("utf-8", errors="replace")
        bad = replaced.count("\ufffd")
        if sum(1 for c in replaced if ord(c) > 127) - bad > bad:
            return replaced, "utf-8-replaced"
        return data.decode("cp1252"), "cp1252"


def _get(obj: dict[str, Any], name: str) -> Any:
    """`obj[name]`, else the value of a key that differs only in case or spaces (`Judul`)."""
    if name in obj:
        return obj[name]
    wanted = name.strip().casefold()
    return next((v for k, v in obj.items() if str(k).strip().casefold() == wanted), None)


def _has_column(columns: Iterable[str], name: str) -> bool:
    wanted = name.strip().casefold()
    return any(str(c).strip().casefold() == wanted for c in columns)


def _first(obj: dict[str, Any], names: Iterable[str]) -> Any:
    """The first non-empty value among the fields `names` (matched as `_get` does)."""
    return _first_field(obj, names)[1]


def _first_field(obj: dict[str, Any], names: Iterable[str]) -> tuple[str | None, Any]:
    """(name, value) of the first non-empty field among `names`, else (None, None)."""
    for name in names:
        value = _get(obj, name)
        if value not in (None, ""):
            return name, value
    return None, None


def _text_of(value: Any) -> str | None:
    """A field value as text: strings as they are, a list of strings (or of token lists) joined."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts = [_text_of(v) for v in value]
        return " ".join(p for p in parts if p)
    return str(value)


def _document(
    obj: dict[str, Any],
    source: str,
    default_id: str,
    *,
    text_column: str | None = None,
    label_column: str | None = None,
    defer: bool = False,
) -> dict[str, Any] | ReadError:
    """Map one input object's fields onto a raw document."""
    from pipeline import indosum

    if indosum.is_indosum(obj):
        return _indosum_document(obj, source, defer=defer)
    field, text = _first_field(obj, [text_column] if text_column else TEXT_FIELDS)
    if isinstance(text, list) and text and all(isinstance(p, str) for p in text):
        text = "\n\n".join(text)  # a list of paragraphs, as many scrapers write them
    if text not in (None, "", []) and not isinstance(text, str):
        kind = (
            "a number" if _scalar(text)
            else "a list of things other than paragraphs (strings)" if isinstance(text, list)
            else f"a JSON {type(text).__name__}"
        )
        return ReadError(source, f"field '{field}' is {kind}, not text")
    if not isinstance(text, str) or not text.strip():
        wanted = text_column or "/".join(TEXT_FIELDS)
        return ReadError(source, f"no text (expected a non-empty '{wanted}' field)")
    label = _get(obj, label_column) if label_column else _first(obj, LABEL_FIELDS)
    record_id = _get(obj, "id")
    for name, value in (("id", record_id), ("label", label)):
        if value is not None and not _scalar(value):
            return ReadError(source, f"'{name}' must be a string or a number, got {value!r:.40}")
    doc: dict[str, Any] = {
        "id": _scalar_text(record_id) or default_id,
        "source": source,
        "text": text,
        "title": _text_of(_first(obj, TITLE_FIELDS)),
        "label": _scalar_text(label) or None,
        "reference": _text_of(_first(obj, SUMMARY_FIELDS)),
    }
    return doc


def _scalar(value: Any) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def _scalar_text(value: Any) -> str:
    """An id or label as text: `7` and `"7"` are the same id; `7.0` is `7`."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _indosum_document(obj: dict[str, Any], source: str, *, defer: bool) -> dict[str, Any]:
    """An IndoSum article; with `defer`, its tokens wait for `complete` (in a worker)."""
    doc = {
        "id": str(obj.get("id") or source),
        "source": source,
        "title": None,
        "label": obj.get("category"),
        "gold_labels": obj.get("gold_labels"),
        INDOSUM_TOKENS: {"paragraphs": obj["paragraphs"], "summary": obj.get("summary") or []},
    }
    return doc if defer else complete(doc)


def complete(doc: dict[str, Any]) -> dict[str, Any]:
    """A raw document with its text: a deferred IndoSum article detokenized, others as they are.

    IndoSum's sentences are kept (`segments`) to realign `gold_labels` after cleaning.
    """
    tokens = doc.get(INDOSUM_TOKENS)
    if tokens is None:
        return doc
    from pipeline import indosum

    segments = indosum.sentences(tokens)
    reference = " ".join(indosum.detokenize(s) for s in tokens["summary"] if s) or None
    rest = {key: value for key, value in doc.items() if key != INDOSUM_TOKENS}
    return {
        **rest,
        "text": "\n\n".join(" ".join(p) for p in segments),
        "reference": reference,
        "segments": segments,
    }


def text_end(doc: dict[str, Any], paragraphs: int = 6) -> str:
    """The last `paragraphs` non-blank paragraphs of a raw document (enough to spot footers)."""
    return _text_part(doc, paragraphs, from_end=True)


def text_start(doc: dict[str, Any], paragraphs: int = 4) -> str:
    """The first `paragraphs` non-blank paragraphs of a raw document (its opening)."""
    return _text_part(doc, paragraphs, from_end=False)


def _text_part(doc: dict[str, Any], paragraphs: int, *, from_end: bool) -> str:
    tokens = doc.get(INDOSUM_TOKENS)
    if tokens is None:
        return doc["text"]
    from pipeline import indosum

    found: list[str] = []
    ordered = reversed(tokens["paragraphs"]) if from_end else tokens["paragraphs"]
    for paragraph in ordered:
        text = " ".join(s for s in indosum.sentences({"paragraphs": [paragraph]})[0])
        if text.strip():
            found.append(text)
            if len(found) == paragraphs:
                break
    return "\n\n".join(reversed(found) if from_end else found)


def _rel_id(path: Path, root: Path) -> str:
    try:
        rel = path.relative_to(root)
    except ValueError:
        rel = Path(path.name)
    return rel.with_suffix("").as_posix()


def _read_txt(path: Path, root: Path, source: str) -> Iterator[dict[str, Any] | ReadError]:
    text, encoding = decode(path.read_bytes(), source)
    meta: dict[str, Any] = {}
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if sidecar.is_file():
        try:
            meta = json.loads(sidecar.read_text(encoding="utf-8-sig"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield ReadError(str(sidecar), f"malformed metadata JSON ({exc})")
            meta = {}
        if not isinstance(meta, dict):
            yield ReadError(str(sidecar), "metadata must be a JSON object")
            meta = {}
    doc = _document({**meta, "text": text}, source, _rel_id(path, root))
    if isinstance(doc, dict):
        doc["detect_title"] = not doc.get("title")
        if encoding in ENCODING_WARNINGS:
            doc["warnings"] = [ENCODING_WARNINGS[encoding]]
    yield doc


@dataclass(frozen=True)
class PendingLine(Line):
    """A JSON Lines input line, decoded but not parsed: `parse` makes it a raw document.

    With `defer`, readers hand these to the workers, so that JSON parsing (the bulk of reading)
    happens in parallel; a bad line becomes that document's error there.
    """

    default_id: str = ""
    text_column: str | None = None
    label_column: str | None = None
    warning: str = ""  # how the line's bytes were decoded, when not as clean UTF-8

    def parse(self) -> dict[str, Any]:
        """The raw (deferred) document on this line, or a one-line error naming the line."""
        item = _line_document(
            self.text, self.source, self.default_id, defer=True,
            text_column=self.text_column, label_column=self.label_column,
        )
        if isinstance(item, ReadError):
            raise BeritaError(str(item))
        return _warned(item, self.warning)


def _warned(doc: Any, warning: str) -> Any:
    """`doc` with a reader's warning added (a ReadError or no warning: unchanged)."""
    if warning and isinstance(doc, dict):
        doc["warnings"] = [*doc.get("warnings", []), warning]
    return doc


def _line_document(
    line: str, where: str, default_id: str, *, defer: bool, **columns: Any
) -> dict[str, Any] | ReadError:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        # (`pos`, not `colno`: the line's own newline would make an error at its end column 1)
        return ReadError(where, f"malformed JSON line ({exc.msg} at column {exc.pos + 1})")
    except RecursionError:
        return ReadError(where, "JSON nested too deeply")
    if not isinstance(obj, dict):
        return ReadError(where, "expected a JSON object on this line")
    return _document(obj, where, default_id, defer=defer, **columns)


def _read_jsonl(
    path: Path, root: Path, source: str, *, defer: bool = False, **columns: Any
) -> Iterator[Any]:
    """One document per line, streamed: memory stays flat however large the file."""
    base = _rel_id(path, root)
    with path.open("rb") as handle:
        head = handle.read(8192)
        wide = wide_encoding(head)
        if wide is None and b"\x00" in head:
            raise BeritaError(f"{source}: binary file (contains NUL bytes), not text")
        handle.seek(0)
        seen_text = False
        # A UTF-16/32 file is re-encoded line by line, so that it streams like any other.
        lines = (
            (line.encode("utf-8") for line in io.TextIOWrapper(handle, wide, "replace"))
            if wide
            else handle
        )
        for number, raw in enumerate(lines, 1):
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            seen_text = True
            where = f"{source}:{number}"
            try:
                line, encoding = _fallback_decode(raw)
            except UnicodeDecodeError as exc:
                yield ReadError(where, f"undecodable bytes at column {exc.start + 1}")
                continue
            warning = ENCODING_WARNINGS.get(encoding, "")
            if defer:
                yield PendingLine(line, where, f"{base}:{number}", warning=warning, **columns)
            else:
                doc = _line_document(line, where, f"{base}:{number}", defer=False, **columns)
                yield _warned(doc, warning)
    if not seen_text:
        raise BeritaError(f"{source}: empty file")


def _read_json(path: Path, root: Path, source: str, **columns: Any) -> Iterator[Any]:
    text, encoding = decode(path.read_bytes(), source)
    warning = ENCODING_WARNINGS.get(encoding, "")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ReadError(source, f"malformed JSON ({exc.msg} at line {exc.lineno})")
        return
    except RecursionError:
        yield ReadError(source, "JSON nested too deeply")
        return
    if isinstance(data, dict):
        lists = [data[k] for k in ("articles", "data", "records", "items") if k in data]
        items = next((v for v in lists if isinstance(v, list)), [data])
    elif isinstance(data, list):
        items = data
    else:
        yield ReadError(source, "expected a JSON object or a list of objects")
        return
    base = _rel_id(path, root)
    for number, obj in enumerate(items, 1):
        where = f"{source}#{number}"
        if not isinstance(obj, dict):
            yield ReadError(where, "expected a JSON object")
            continue
        yield _warned(_document(obj, where, f"{base}#{number}", **columns), warning)


def _read_csv(
    path: Path, root: Path, source: str, *, text_column: str | None, label_column: str | None
) -> Iterator[Any]:
    text, encoding = decode(path.read_bytes(), source)
    warning = ENCODING_WARNINGS.get(encoding, "")
    # The delimiter is read off the header line only: csv.Sniffer misreads quoted multi-line text.
    header = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = [c for c in (reader.fieldnames or []) if c]
    wanted = [text_column] if text_column else list(TEXT_FIELDS)
    if not any(_has_column(columns, c) for c in wanted):
        raise BeritaError(
            f"{source}: no text column (looked for {', '.join(wanted)}; "
            f"found {', '.join(columns) or 'none'}); name it with --text-column"
        )
    if label_column and not _has_column(columns, label_column):
        found = ", ".join(columns)
        raise BeritaError(f"{source}: no label column '{label_column}' (found {found})")
    base = _rel_id(path, root)
    while True:
        first_line = reader.line_num + 1  # where the row starts (a quoted field may span lines)
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            where = f"{source}:{first_line}"
            yield ReadError(where, f"malformed CSV ({exc}); the rest of the file is skipped")
            return
        where = f"{source}:{first_line}"
        obj = {k: v for k, v in row.items() if k}
        default_id = f"{base}:{first_line}"
        doc = _document(obj, where, default_id, text_column=text_column, label_column=label_column)
        yield _warned(doc, warning)


def read_documents(
    paths: Iterable[str | Path],
    *,
    text_column: str | None = None,
    label_column: str | None = None,
    defer: bool = False,
    skip: Iterable[str | Path] = (),
) -> Iterator[dict[str, Any] | ReadError]:
    """Yield a raw document (or a ReadError) for every article found under `paths`, in order.

    With `defer`, JSON Lines inputs come as `PendingLine`s (parsed by `.parse()`), and IndoSum
    articles come without their text until `complete` is called on them: parsing and
    detokenization are per-document work, best done in the worker that cleans the document.
    """
    columns = {"text_column": text_column, "label_column": label_column}
    for path, root in discover(paths, skip):
        source = path.as_posix()
        suffix = path.suffix.lower()
        try:
            if suffix == ".txt":
                yield from _read_txt(path, root, source)
            elif suffix == ".jsonl":
                yield from _read_jsonl(path, root, source, defer=defer, **columns)
            elif suffix == ".json":
                yield from _read_json(path, root, source, **columns)
            else:
                yield from _read_csv(path, root, source, **columns)
        except BeritaError as exc:
            yield ReadError(source, str(exc).removeprefix(f"{source}: "))
        except OSError as exc:
            yield ReadError(source, f"cannot read ({exc.strerror})")
