"""The bench machinery on a tiny generated IndoSum-format corpus (no ../shared needed)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from pipeline.bench import measure, run_bench, scaling, unique_articles, write_replicated
from pipeline.errors import BeritaError

PLACES = ["Bandung", "Semarang", "Makassar", "Padang", "Kupang"]
EVENTS = [
    ("banjir", "merendam ratusan rumah warga", "Petugas mengevakuasi warga ke balai desa"),
    ("kebakaran", "menghanguskan deretan kios pasar", "Pemadam kebakaran datang dengan lima mobil"),
    ("festival", "menarik ribuan pengunjung ke alun-alun", "Panitia menyiapkan panggung musik"),
]


def _tokens(sentence: str) -> list[str]:
    return sentence.replace(".", " .").replace(",", " ,").split()


def tiny_indosum(directory: Path) -> Path:
    """Write 15 short IndoSum-format articles (one repeated in a second fold file)."""
    directory.mkdir(parents=True, exist_ok=True)
    articles = []
    for p_index, place in enumerate(PLACES):
        for e_index, (event, what, action) in enumerate(EVENTS):
            sentences = [
                f"Peristiwa {event} di {place} {what} pada hari ke-{p_index + e_index + 1}.",
                f"{action} sejak pagi hari di {place}.",
                f"Warga {place} berharap {event} seperti ini tidak terulang tahun depan.",
                f"Pemerintah {place} berjanji mengevaluasi penanganan {event} bersama warga.",
            ]
            paragraphs = [[_tokens(s) for s in sentences[:2]], [_tokens(s) for s in sentences[2:]]]
            articles.append({
                "id": f"{place.lower()}-{event}",
                "category": "daerah" if e_index < 2 else "hiburan",
                "source": "contoh",
                "source_url": f"https://contoh.invalid/{place.lower()}/{event}",
                "paragraphs": paragraphs,
                "summary": [_tokens(sentences[0])],
                "gold_labels": [[True, False], [False, False]],
            })
    (directory / "dev.01.jsonl").write_text(
        "".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8"
    )
    (directory / "dev.02.jsonl").write_text(json.dumps(articles[0]) + "\n", encoding="utf-8")
    return directory


def test_measure_reports_time_and_peak_memory_of_the_child(tmp_path: Path) -> None:
    code = "import time; b = bytearray(80 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096]); " \
           "time.sleep(0.4)"
    result = measure([sys.executable, "-c", code], log=tmp_path / "m.log", sample_interval=0.1)
    assert result.seconds >= 0.4
    assert result.max_rss_mb >= 80
    assert result.tree_pss_mb >= 40  # sampled: at least one sample while the buffer is alive


def test_measure_fails_with_the_log_tail(tmp_path: Path) -> None:
    with pytest.raises(BeritaError, match="exit 3.*boom"):
        measure([sys.executable, "-c", "import sys; print('boom'); sys.exit(3)"],
                log=tmp_path / "f.log")


def test_replication_gives_new_ids_for_every_copy(tmp_path: Path) -> None:
    articles = unique_articles(tiny_indosum(tmp_path / "data"))
    assert len(articles) == 15  # the repeated article counts once
    out = tmp_path / "x3.jsonl"
    assert write_replicated(articles, 3, out) == 45
    ids = [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()]
    assert len(set(ids)) == 45 and ids[0].endswith("-r00") and ids[-1].endswith("-r02")


def test_scaling_of_a_run_that_ended_before_its_first_memory_sample() -> None:
    run = {"documents": 10, "median_seconds": 1.0, "max_rss_mb": 100.0, "tree_pss_mb": 0.0}
    large = {**run, "documents": 100, "median_seconds": 9.0, "tree_pss_mb": 80.0}
    ratios = scaling({"s": {"clean": {"1": run}}, "l": {"clean": {"1": large}}}, "s", "l", 1)
    assert ratios["clean"]["tree_pss_ratio"] is None
    assert ratios["clean"]["time_ratio_per_doc"] == 0.9


def test_bench_smoke_on_a_tiny_corpus(tmp_path: Path) -> None:
    data = tiny_indosum(tmp_path / "data")
    output = tmp_path / "bench.json"
    result = run_bench(
        data, output, runs=1, replicate=2, stages=("clean", "summarize"), workers=(1, 2),
        stem_tokens=50, help_runs=1, make=False,
    )
    written = output.read_text("utf-8")
    assert json.loads(written) == result
    assert list(json.loads(written)) == sorted(result)
    stages = result["stages"]
    assert stages["indosum"]["clean"]["1"]["documents"] == 16  # both folds are read
    assert stages["x2"]["clean"]["1"]["documents"] == 30
    for dataset in ("indosum", "x2"):
        for stage in ("clean", "summarize"):
            entry = stages[dataset][stage]
            assert entry["identical_output"] is True
            assert entry["1"]["median_seconds"] > 0 and entry["1"]["max_rss_mb"] > 10
    x2_summaries = tmp_path / "bench" / "x2" / "summarize.w1.jsonl"
    assert sum(1 for _ in x2_summaries.open(encoding="utf-8")) == 30  # copies kept
    assert set(result["scaling"]) == {"clean", "summarize"}
    lex = result["lexrank"]
    assert lex["documents"] == 15 and 0 <= lex["same_selection_share"] <= 1
    assert result["stemming"]["tokens"] == 50
    assert "lexrank speedup vs sumy" in result["targets"]
    assert result["skipped"] == []


def test_bench_without_data_skips_with_a_message(tmp_path: Path) -> None:
    result = run_bench(tmp_path / "absent", tmp_path / "b.json", runs=1, help_runs=1, make=False)
    assert "stages" not in result and "lexrank" not in result
    assert result["skipped"] and "not found" in result["skipped"][0]
    assert result["help"]["median_seconds"] > 0
