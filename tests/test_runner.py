"""The per-document runner: a local pool gives the same artifact and report as one process."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest

from pipeline.artifacts import Line, Spilled, read_jsonl
from pipeline.runner import StageRun, apply, write_stage


def _shout(record: dict[str, Any]) -> dict[str, Any]:
    if record["text"] == "boom":
        raise ValueError("cannot shout")
    return {**record, "text": record["text"].upper() + " – ok"}


def _info(record: dict[str, Any]) -> int:
    return len(record["text"])


def _lines(count: int) -> list[Line]:
    texts = ["boom" if i % 97 == 5 else f"kabar ke-{i} dari Jakarta" for i in range(count)]
    return [Line(f'{{"id": "d{i}", "text": "{t}"}}', f"in.jsonl:{i + 1}") for i, t in
            enumerate(texts)]


def _run(tmp_path: Path, workers: int) -> tuple[bytes, dict[str, Any], list[Any]]:
    run = StageRun("shout", {})
    seen: list[Any] = []

    def keep(items: Any) -> Any:
        for item in items:
            seen.append(item)
            yield item

    out = tmp_path / f"w{workers}.jsonl"
    items = apply(_lines(1200), _shout, run, workers=workers, batch_size=256, encode=_info)
    report = write_stage(keep(items), out, run)
    return out.read_bytes(), report, seen


@pytest.fixture
def spill_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty temporary folder that `tempfile` (and so the spill folder) uses."""
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def test_pool_workers_spill_their_records_and_the_artifact_is_the_same(
    tmp_path: Path, spill_root: Path
) -> None:
    one, report_one, _ = _run(tmp_path, 1)
    two, report_two, seen = _run(tmp_path, 2)
    assert two == one
    first = next(read_jsonl(tmp_path / "w2.jsonl"))
    assert first["text"] == "KABAR KE-0 DARI JAKARTA – ok"
    for report in (report_one, report_two):
        report.pop("duration_s")
    assert report_two == report_one
    assert report_one["counts"] == {"failed": 13, "in": 1200, "out": 1187}
    spilled = [item for item in seen if isinstance(item, Spilled)]
    assert len(spilled) == len(seen) - 1  # all but the first record, which runs before the fork
    assert sum(item.info for item in seen[1:]) == sum(item.info for item in spilled)
    assert list(spill_root.iterdir()) == []  # spill files and their folder are gone


def test_an_interrupted_pool_run_leaves_no_spill_files(spill_root: Path) -> None:
    run = StageRun("shout", {})
    items = apply(_lines(1200), _shout, run, workers=2, batch_size=256, encode=_info)
    for count, _ in enumerate(items):
        if count == 300:
            break
    items.close()  # what a stopped consumer does to the generator
    assert list(spill_root.iterdir()) == []


def test_without_a_writable_temporary_folder_results_come_through_the_pipe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, _, _ = _run(tmp_path, 1)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    two, _, seen = _run(tmp_path, 2)
    assert two == one
    assert not any(isinstance(item, Spilled) for item in seen)
