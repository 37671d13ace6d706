"""Atomic, deterministic JSON artifacts."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.artifacts import atomic_writer, read_jsonl, report_path, write_json, write_jsonl
from pipeline.errors import BeritaError


def test_jsonl_round_trip_sorted_keys(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    write_jsonl(path, [{"b": 1, "a": "é"}, {"z": [1, 2]}])
    assert path.read_text(encoding="utf-8") == '{"a": "é", "b": 1}\n{"z": [1, 2]}\n'
    assert list(read_jsonl(path)) == [{"a": "é", "b": 1}, {"z": [1, 2]}]


def test_failed_write_keeps_old_artifact_and_leaves_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    write_jsonl(path, [{"a": 1}])

    def broken():
        yield {"a": 2}
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        write_jsonl(path, broken())
    assert list(read_jsonl(path)) == [{"a": 1}]
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_malformed_artifact_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"a": 1}\n{oops\n')
    with pytest.raises(BeritaError, match=r"x.jsonl:2: malformed JSON"):
        list(read_jsonl(path))


def test_report_path_and_json(tmp_path: Path) -> None:
    assert report_path("build/clean.jsonl") == Path("build/clean.report.json")
    write_json(tmp_path / "r.json", {"b": 2, "a": 1})
    assert (tmp_path / "r.json").read_text() == '{\n  "a": 1,\n  "b": 2\n}\n'


def test_an_unwritable_folder_is_named_by_the_artifact_not_its_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import tempfile

    def refuse(*_: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", f"{kwargs['dir']}/.x.tmp")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(PermissionError) as raised, atomic_writer(tmp_path / "out.jsonl"):
        pass
    assert raised.value.filename == str(tmp_path / "out.jsonl")
