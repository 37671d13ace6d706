"""The command line end to end: artifacts, reports, determinism and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

from .conftest import ARTICLE

runner = CliRunner()
CONTRACT = {"id", "source", "title", "text", "paragraphs", "removed", "warnings", "lang"}


def write_corpus(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "a.txt").write_text("Taman Baru di Bandung\n\n" + ARTICLE, encoding="utf-8")
    (root / "a.meta.json").write_text(json.dumps({"label": "tajuk utama"}), encoding="utf-8")
    rows = [
        {
            "id": "b1",
            "text": "JAKARTA, KOMPAS.com - " + ARTICLE.replace("Bandung", "Bogor"),
            "label": "tajuk utama",
            "summary": "Taman baru dibuka di Bogor.",
        },
        {"id": "b2", "text": "Baca juga: Berita lain\n\n" + ARTICLE, "label": "tajuk utama"},
    ]
    (root / "b.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return root


def test_clean_writes_contract_and_report(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    out = tmp_path / "build" / "clean.jsonl"
    result = runner.invoke(app, ["clean", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert all(list(r) == sorted(r) for r in records)
    assert all(CONTRACT <= r.keys() for r in records)
    by_id = {r["id"]: r for r in records}
    assert by_id["a"]["title"] == "Taman Baru di Bandung"
    assert by_id["b1"]["reference"] == "Taman baru dibuka di Bogor."
    assert by_id["b1"]["text"].startswith("Pemerintah Kota Bogor")
    assert any(item["kind"] == "dateline" for item in by_id["b1"]["removed"])
    for record in records:
        assert record["text"] == "\n\n".join(" ".join(p) for p in record["paragraphs"])
    report = json.loads((tmp_path / "build" / "clean.report.json").read_text())
    # b2 is the same article as a once its link line is gone: reported as a duplicate.
    assert report["counts"]["in"] == 3
    assert report["counts"]["duplicates"] == 1
    assert report["duplicates"] == [{"duplicate_of": "a", "id": "b2"}]
    assert report["removed_by_kind"]["dateline"] == 1


def test_same_input_gives_byte_identical_output(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    outputs = []
    for name, workers in (("one", "1"), ("two", "2")):
        out = tmp_path / name / "clean.jsonl"
        result = runner.invoke(app, ["clean", str(corpus), "-o", str(out), "--workers", workers])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize(
    ("make_input", "message"),
    [
        (lambda d: d / "missing", "no such file or directory"),
        (lambda d: (d / "x.md").write_text("x") and d, "no supported files"),
    ],
)
def test_usage_errors_are_one_line(tmp_path: Path, make_input, message: str) -> None:
    target = make_input(tmp_path)
    result = runner.invoke(app, ["clean", str(target), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_nothing_processed_is_an_error_but_bad_files_do_not_stop_good_ones(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "broken.jsonl").write_text("{oops\n")
    out = tmp_path / "o.jsonl"
    result = runner.invoke(app, ["clean", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert "no document could be processed" in result.stderr
    (bad / "good.txt").write_text(ARTICLE)
    result = runner.invoke(app, ["clean", str(bad), "-o", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "o.report.json").read_text())
    sources = sorted(e["source"] for e in report["errors"])
    assert sources == [f"{bad}/broken.jsonl:1", f"{bad}/empty.txt"]
    assert report["counts"]["out"] == 1


def test_a_failed_run_leaves_the_previous_artifact_in_place(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    out = tmp_path / "o.jsonl"
    assert runner.invoke(app, ["clean", str(corpus), "-o", str(out)]).exit_code == 0
    before = out.read_bytes(), (tmp_path / "o.report.json").read_bytes()
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "none.jsonl").write_text("\n")
    for bad in ("empty.txt", "none.jsonl"):
        result = runner.invoke(app, ["clean", str(tmp_path / bad), "-o", str(out)])
        assert result.exit_code == 1
        assert [line for line in result.stderr.splitlines() if line.startswith("error:")]
        assert "Traceback" not in result.output
        assert (out.read_bytes(), (tmp_path / "o.report.json").read_bytes()) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_every_command_has_help() -> None:
    import click
    import typer.main

    group = typer.main.get_command(app)

    def walk(command: click.Command, path: list[str]) -> list[tuple[list[str], click.Command]]:
        found = [(path, command)]
        for name, sub in getattr(command, "commands", {}).items():
            found += walk(sub, [*path, name])
        return found

    for path, command in walk(group, []):
        assert command.help, f"berita {' '.join(path)} has no help"
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0


def test_python_dash_m_is_the_same_app() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True, check=True
    )
    assert "clean" in result.stdout


def _berita(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, **kwargs
    )


@pytest.mark.parametrize(
    "args",
    [
        ["clean", "corpus", "--workers", "0"],
        ["clean"],
        ["nosuch"],
        ["summarize", "x", "--words", "0"],
    ],
)
def test_usage_errors_from_the_console_script_are_one_line(args: list[str]) -> None:
    result = _berita(*args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("error: ") and "--help" in result.stderr


def test_the_console_script_delivers_all_its_output_and_artifacts_before_it_exits(
    tmp_path: Path,
) -> None:
    # main() leaves with os._exit: buffered output and the artifact must be complete first.
    help_text = _berita("summarize", "--help")
    assert help_text.returncode == 0 and "--sentences" in help_text.stdout
    assert help_text.stdout.rstrip().endswith("Show this message and exit.")  # its last line
    source = tmp_path / "a.txt"
    source.write_text("Judul\n\nWarga menanam padi di sawah. Hasil panen naik tahun ini.\n")
    done = _berita("clean", str(source), "-o", str(tmp_path / "clean.jsonl"))
    assert done.returncode == 0, done.stderr
    assert "1 out" in done.stdout + done.stderr
    assert (tmp_path / "clean.jsonl").read_text().count("\n") == 1
    assert (tmp_path / "clean.report.json").exists()


def test_bad_output_paths_are_one_line_errors(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    (tmp_path / "afile").write_text("x")
    cases = {
        str(tmp_path): "is a directory",
        str(tmp_path / "afile" / "o.jsonl"): "is a file, not a directory",
        str(next(corpus.iterdir())): "would overwrite an input",
    }
    for output, message in cases.items():
        result = runner.invoke(app, ["clean", str(next(corpus.iterdir())), "-o", output])
        assert result.exit_code == 1, output
        assert message in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("command", ["clean", "tag", "summarize", "topics"])
def test_an_output_ending_with_a_slash_is_a_usage_error_not_a_file(
    tmp_path: Path, command: str
) -> None:
    result = runner.invoke(app, [command, "in.jsonl", "-o", f"{tmp_path}/newdir/"])
    assert result.exit_code == 2
    assert "ends with '/'" in result.output
    assert not (tmp_path / "newdir").exists()


def test_an_output_inside_the_input_directory_is_not_read_back(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    out = corpus / "clean.jsonl"
    first = runner.invoke(app, ["clean", str(corpus), "-o", str(out)])
    assert first.exit_code == 0, first.output
    before = out.read_bytes()
    again = runner.invoke(app, ["clean", str(corpus), "-o", str(out)])
    assert again.exit_code == 0, again.output
    assert out.read_bytes() == before


def test_sigterm_removes_the_temporary_artifact_and_keeps_the_old_one(tmp_path: Path) -> None:
    import signal
    import time

    rows = [{"id": str(i), "text": ARTICLE} for i in range(20000)]
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "o.jsonl"
    out.write_text("lama\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "clean", str(big), "-o", str(out), "--workers", "2"],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".o.jsonl.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 143
    assert stderr.strip().splitlines() == [
        "terminated: nothing was written over existing artifacts"
    ]
    assert out.read_text() == "lama\n"
    assert not list(tmp_path.glob(".o.jsonl.*.tmp"))


def test_forked_workers_keep_the_default_sigterm() -> None:
    # An inherited Python-level handler raised inside multiprocessing's queue locks and could
    # leave one held: the pool then waited forever for a worker at shutdown.
    code = (
        "import os, signal\n"
        "from pipeline.cli import install_signal_handlers\n"
        "install_signal_handlers()\n"
        "assert signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    os._exit(0 if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL else 1)\n"
        "_, status = os.waitpid(pid, 0)\n"
        "raise SystemExit(os.waitstatus_to_exitcode(status))\n"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_an_empty_dask_address_is_an_error_not_a_local_run(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    out = str(tmp_path / "o.jsonl")
    result = runner.invoke(app, ["clean", str(corpus), "-o", out, "--dask", ""])
    assert result.exit_code == 1
    assert "--dask needs a scheduler address" in result.stderr



def test_an_abort_is_one_line_and_other_errors_keep_their_own_type(monkeypatch, capsys) -> None:
    import typer

    from pipeline import cli

    monkeypatch.setattr(cli, "install_signal_handlers", lambda: None)

    def aborting(**_: object) -> None:
        raise typer.Abort()

    monkeypatch.setattr(cli, "app", aborting)
    assert cli.run() == 1 and capsys.readouterr().err == "aborted\n"

    def failing(**_: object) -> None:
        raise LookupError("a bug")

    monkeypatch.setattr(cli, "app", failing)
    with pytest.raises(LookupError, match="a bug"):  # not masked by an error in the handlers
        cli.run()
