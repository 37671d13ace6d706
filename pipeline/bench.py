"""`berita bench` (`make bench`): throughput, peak memory and the comparisons of issue 5.

Every stage runs as a subprocess of the real CLI (`berita clean|tag|summarize`), so the numbers
include start-up, reading and writing, as a user sees them. For each run we keep:

- wall time, from spawn to exit, and documents per second (the stage report's `in` count);
- `max_rss_mb`: `ru_maxrss` from `os.wait4`, the peak resident set of the largest single
  process of the tree (with `--workers 2` this is the parent or one worker, not their sum);
- `tree_pss_mb`: the peak of the summed PSS (`/proc/<pid>/smaps_rollup`) of the stage process
  and all its descendants, sampled every second: the memory of the whole tree, with pages shared
  after fork counted once.

Medians over `runs` runs, on the IndoSum folds as they are (the clean stage drops the folds'
repeated articles) and on the unique articles replicated with new ids (cleaned with
`--keep-duplicates`, since the copies share their text). Side by side, in this process: our
`pipeline.lexrank` against sumy's `LexRankSummarizer` driven the plain way, our cached stemmer
against stock Sastrawi, plus `berita --help` and a second `make all` with nothing changed.
"""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from pipeline.artifacts import read_json, read_jsonl, report_path, write_json, write_jsonl
from pipeline.errors import BeritaError

STAGES = ("clean", "tag", "summarize")
WORKERS = (1, 2)
# Reading the PSS of a process tree costs ~13 ms of CPU (measured on a 2-worker tag run); every
# 0.1 s that took ~13% of a core from the measured command, and only `--workers 2` needs both.
SAMPLE_INTERVAL_S = 1.0
REPO = Path(__file__).resolve().parents[1]

# Targets of issue 5 (ratios measured in one run).
LEXRANK_MIN_SPEEDUP = 5.0
LEXRANK_MIN_SAME = 0.99
WORKERS_MIN_SPEEDUP = 1.7
SCALING_MAX_TIME_PER_DOC = 1.1  # 10x the documents in <= 11x the time
SCALING_MAX_MEMORY = 1.5
HELP_MAX_S = 0.5
MAKE_NOOP_MAX_S = 2.0


# --- measuring one subprocess ------------------------------------------------------------------


@dataclass(frozen=True)
class Measurement:
    """One finished subprocess: wall time and peak memory (see the module docstring)."""

    seconds: float
    max_rss_mb: float
    tree_pss_mb: float
    cpu_seconds: float  # user + system time of the process and its waited-for children


def _descendants(pid: int) -> list[int]:
    found: list[int] = []
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    children = [int(c) for c in handle.read().split()]
            except OSError:
                continue
            found.extend(children)
            stack.extend(children)
    return found


def _memory_kb(pid: int) -> int:
    """PSS of one process in kB (VmRSS when smaps_rollup is unavailable; 0 once it is gone)."""
    for path, key in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            with open(path) as handle:
                for line in handle:
                    if line.startswith(key):
                        return int(line.split()[1])
        except (OSError, ValueError):
            continue
    return 0


def tree_memory_kb(pid: int) -> int:
    """Summed PSS (kB) of `pid` and all its descendants, now."""
    return sum(_memory_kb(p) for p in [pid, *_descendants(pid)])


def measure(
    command: Sequence[str], *, log: Path, cwd: Path | None = None,
    sample_interval: float = SAMPLE_INTERVAL_S,
) -> Measurement:
    """Run `command` to completion; its output goes to `log`. Raises BeritaError on failure."""
    log.parent.mkdir(parents=True, exist_ok=True)
    peak = [0]
    done = threading.Event()
    with open(log, "wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen(list(command), stdout=out, stderr=subprocess.STDOUT, cwd=cwd)

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], tree_memory_kb(process.pid))
                done.wait(sample_interval)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    if process.returncode != 0:
        tail = log.read_text("utf-8", errors="replace").strip().splitlines()[-3:]
        raise BeritaError(
            f"{' '.join(map(str, command))} failed (exit {process.returncode}): "
            f"{' | '.join(tail)} (log: {log})"
        )
    return Measurement(
        round(seconds, 3), round(usage.ru_maxrss / 1024, 1), round(peak[0] / 1024, 1),
        round(usage.ru_utime + usage.ru_stime, 3),
    )


def summarize_runs(runs: Sequence[Measurement], documents: int) -> dict[str, Any]:
    """Medians of several runs of one command, with documents per second."""
    seconds = statistics.median(r.seconds for r in runs)
    return {
        "runs": [asdict(r) for r in runs],
        "documents": documents,
        "median_seconds": round(seconds, 3),
        "docs_per_second": round(documents / seconds, 1) if seconds else None,
        "max_rss_mb": statistics.median(r.max_rss_mb for r in runs),
        "tree_pss_mb": statistics.median(r.tree_pss_mb for r in runs),
        "cpu_seconds": statistics.median(r.cpu_seconds for r in runs),
    }


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- inputs ------------------------------------------------------------------------------------


def indosum_files(data: Path) -> list[Path]:
    """The IndoSum JSONL files of a folder (sorted), or the file itself."""
    files = sorted(data.glob("*.jsonl")) if data.is_dir() else [data]
    if not files:
        raise BeritaError(f"{data}: no .jsonl files")
    return files


def unique_articles(data: Path) -> list[dict[str, Any]]:
    """IndoSum records of `data`, first occurrence of each id (the folds repeat articles)."""
    seen: set[str] = set()
    out = []
    for path in indosum_files(data):
        for obj in read_jsonl(path):
            if "paragraphs" not in obj or "id" not in obj:
                raise BeritaError(f"{path}: not IndoSum JSON Lines (no 'id'/'paragraphs')")
            if obj["id"] not in seen:
                seen.add(obj["id"])
                out.append(obj)
    return out


def write_replicated(articles: Sequence[dict[str, Any]], copies: int, output: Path) -> int:
    """Write `copies` copies of every article in IndoSum format, ids suffixed `-rNN`."""
    return write_jsonl(
        output,
        ({**obj, "id": f"{obj['id']}-r{copy:02d}"} for copy in range(copies) for obj in articles),
    )


# --- the stages --------------------------------------------------------------------------------


def berita_executable() -> str:
    """The `berita` console script of this environment."""
    candidate = Path(sys.executable).parent / "berita"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("berita")
    if found is None:
        raise BeritaError("the `berita` command is not installed in this environment")
    return found


@dataclass(frozen=True)
class Dataset:
    """One input of the stage benchmark and where its artifacts go."""

    name: str
    inputs: tuple[str, ...]
    directory: Path
    keep_duplicates: bool = False

    def output(self, stage: str, workers: int) -> Path:
        """The artifact of `stage` run with `workers`."""
        return self.directory / f"{stage}.w{workers}.jsonl"


def stage_command(
    berita: str, stage: str, dataset: Dataset, workers: int, model: Path | None,
    stages: Sequence[str],
) -> list[str]:
    """The CLI command line of one stage run (input: the workers=1 artifact of the stage before)."""
    out = str(dataset.output(stage, workers))
    common = ["-o", out, "--workers", str(workers)]
    if stage == "clean":
        extra = ["--keep-duplicates"] if dataset.keep_duplicates else []
        return [berita, "--quiet", "clean", *dataset.inputs, *common, *extra]
    clean = str(dataset.output("clean", 1))
    if stage == "tag":
        assert model is not None
        return [berita, "--quiet", "tag", clean, "--model", str(model), *common]
    source = str(dataset.output("tag", 1)) if "tag" in stages else clean
    return [berita, "--quiet", "summarize", source, *common]


def bench_stages(
    datasets: Sequence[Dataset],
    *,
    stages: Sequence[str],
    workers: Sequence[int],
    runs: int,
    model: Path | None,
    berita: str,
    logs: Path,
    say: Callable[[str], None],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Run every stage on every dataset; returns (results by dataset/stage, training info)."""
    results: dict[str, Any] = {}
    training: dict[str, Any] = {}
    for dataset in datasets:
        dataset.directory.mkdir(parents=True, exist_ok=True)
        per_stage: dict[str, Any] = {}
        for stage in stages:
            if stage == "tag" and model is None:
                model = dataset.directory / "model"
                say(f"train: topic model on {dataset.output('clean', 1)} (once, not a stage run)")
                measured = measure(
                    [berita, "--quiet", "train", str(dataset.output("clean", 1)), "-o",
                     str(model), "--jobs", "2"],
                    log=logs / "train.log",
                )
                training = {"data": str(dataset.output("clean", 1)), **asdict(measured)}
            measured_runs: dict[int, list[Measurement]] = {w: [] for w in workers}
            for run in range(runs):  # interleaved, so load changes hit every setting alike
                for w in workers:
                    command = stage_command(berita, stage, dataset, w, model, stages)
                    say(f"{dataset.name} {stage} --workers {w} run {run + 1}/{runs}")
                    measured_runs[w].append(
                        measure(command, log=logs / f"{dataset.name}.{stage}.w{w}.{run}.log")
                    )
            entry: dict[str, Any] = {}
            for w in workers:
                report = read_json(report_path(dataset.output(stage, w)))
                entry[str(w)] = summarize_runs(measured_runs[w], int(report["counts"]["in"]))
                entry[str(w)]["stage_duration_s"] = report.get("duration_s")
                entry[str(w)]["sha256"] = sha256_file(dataset.output(stage, w))
                if stage == "summarize":
                    entry[str(w)]["method"] = report["params"].get("resolved_method")
            if len(workers) > 1:
                base, most = str(min(workers)), str(max(workers))
                entry["speedup"] = round(
                    entry[base]["median_seconds"] / entry[most]["median_seconds"], 2
                )
                entry["identical_output"] = len({entry[str(w)]["sha256"] for w in workers}) == 1
            per_stage[stage] = entry
        results[dataset.name] = per_stage
    return results, training


def scaling(results: dict[str, Any], small: str, large: str, workers: int) -> dict[str, Any]:
    """Time and memory of the large dataset relative to the small one, per stage."""
    out: dict[str, Any] = {}
    for stage, entry in results.get(large, {}).items():
        a, b = results[small][stage][str(workers)], entry[str(workers)]
        docs_ratio = b["documents"] / a["documents"]
        time_ratio = b["median_seconds"] / a["median_seconds"]
        out[stage] = {
            "docs_ratio": round(docs_ratio, 2),
            "time_ratio": round(time_ratio, 2),
            "time_ratio_per_doc": round(time_ratio / docs_ratio, 3),
            "max_rss_ratio": round(b["max_rss_mb"] / a["max_rss_mb"], 2),
            # None when a run ended before its first memory sample (taken once a second)
            "tree_pss_ratio": (
                round(b["tree_pss_mb"] / a["tree_pss_mb"], 2) if a["tree_pss_mb"] else None
            ),
        }
    return out


# --- side by side comparisons, in this process -------------------------------------------------


def _top(ranking: Sequence[tuple[int, float]], count: int) -> list[int]:
    # sumy's cut: the `count` best rated, back in document order.
    return sorted(i for i, _ in ranking[:count])


def compare_lexrank(
    records: Sequence[dict[str, Any]], *, runs: int, count: int = 3
) -> dict[str, Any]:
    """Our LexRank vs sumy's LexRankSummarizer driven the plain way, on the same documents.

    sumy gets each record's clean `text` through `PlaintextParser` with our tokenizer, stop words
    and (cached) stemmer; ours gets the record's `paragraphs`. Both pick `count` sentences.
    Timed passes come after one warm-up pass each, so both use a warm stem cache; the cold
    first passes are reported too.
    """
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    from pipeline import lexrank
    from pipeline.language import IndonesianTokenizer, stem, stop_words
    from pipeline.summarize import SUMY_SETTINGS, Document

    settings = SUMY_SETTINGS["lex-rank"]  # the product's `lex-rank` settings, on both sides
    tokenizer = IndonesianTokenizer()
    summarizer = LexRankSummarizer(stem)
    summarizer.stop_words = stop_words()
    for attribute, value in settings.items():
        setattr(summarizer, attribute, value)

    def ours(record: dict[str, Any]) -> list[str]:
        doc = Document.from_record(record)
        return [doc.sentences[i] for i in _top(lexrank.rank(doc, **settings), count)]

    def theirs(record: dict[str, Any]) -> list[str]:
        document = PlaintextParser.from_string(record["text"], tokenizer).document
        return [str(s) for s in summarizer(document, count)]

    def timed(function: Callable[[dict[str, Any]], list[str]]) -> tuple[float, list[list[str]]]:
        started = time.perf_counter()
        picked = [function(r) for r in records]
        return time.perf_counter() - started, picked

    cold_ours, picked_ours = timed(ours)
    cold_sumy, picked_sumy = timed(theirs)
    ours_s, sumy_s = [], []
    for _ in range(runs):
        sumy_s.append(timed(theirs)[0])
        ours_s.append(timed(ours)[0])
    same = [a == b for a, b in zip(picked_ours, picked_sumy, strict=True)]
    differences = []
    for record, equal in zip(records, same, strict=True):
        if equal:
            continue
        ours_sentences = [s for s in Document.from_record(record).sentences if s]
        parsed = PlaintextParser.from_string(record["text"], tokenizer).document
        sumy_sentences = [str(s) for s in parsed.sentences]
        differences.append({
            "id": record.get("id"),
            "same_sentences": ours_sentences == sumy_sentences,
            "sentences_ours": len(ours_sentences),
            "sentences_sumy": len(sumy_sentences),
        })
    n = len(records)
    ours_median, sumy_median = statistics.median(ours_s), statistics.median(sumy_s)
    return {
        "documents": n,
        "sentences_per_summary": count,
        "runs": runs,
        "ours_seconds": [round(s, 3) for s in ours_s],
        "sumy_seconds": [round(s, 3) for s in sumy_s],
        "ours_ms_per_doc": round(1000 * ours_median / n, 3) if n else None,
        "sumy_ms_per_doc": round(1000 * sumy_median / n, 3) if n else None,
        "speedup": round(sumy_median / ours_median, 2) if ours_median else None,
        "cold_first_pass_seconds": {"ours": round(cold_ours, 3), "sumy": round(cold_sumy, 3)},
        "same_selection": sum(same),
        "same_selection_share": round(sum(same) / n, 4) if n else None,
        "differences": differences,
        "differences_with_same_segmentation": sum(d["same_sentences"] for d in differences),
    }


def stem_sample(records: Iterable[dict[str, Any]], size: int) -> list[str]:
    """Up to `size` lowercased word tokens, in text order, from the start of `records`."""
    from pipeline.language import word_tokens

    tokens: list[str] = []
    for record in records:
        tokens.extend(w.lower() for w in word_tokens(record.get("text", "")))
        if len(tokens) >= size:
            break
    return tokens[:size]


def compare_stemming(tokens: Sequence[str]) -> dict[str, Any]:
    """Our cached Sastrawi (`pipeline.language.stem`) vs a fresh stock Sastrawi stemmer."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    from pipeline import language

    language.clear_stem_cache()
    language._sastrawi.cache_clear()  # cold: includes building the frozenset dictionary
    started = time.perf_counter()
    ours = [language.stem(t) for t in tokens]
    ours_cold = time.perf_counter() - started
    started = time.perf_counter()
    for t in tokens:
        language.stem(t)
    ours_warm = time.perf_counter() - started
    with language.stock_sastrawi():
        started = time.perf_counter()
        stock_stemmer = StemmerFactory().create_stemmer()  # with its own per-instance cache
        stock = [stock_stemmer.stem(t) or t for t in tokens]
        stock_cold = time.perf_counter() - started
    n = len(tokens)

    def rate(seconds: float) -> float | None:
        return round(n / seconds, 1) if seconds else None

    return {
        "tokens": n,
        "distinct_tokens": len(set(tokens)),
        "ours_cold_words_per_second": rate(ours_cold),
        "ours_warm_words_per_second": rate(ours_warm),
        "stock_cold_words_per_second": rate(stock_cold),
        "speedup_cold": round(stock_cold / ours_cold, 1) if ours_cold else None,
        "same_stems_share": round(sum(a == b for a, b in zip(ours, stock, strict=True)) / n, 4)
        if n else None,
    }


def time_help(berita: str, runs: int, logs: Path) -> dict[str, Any]:
    """Wall time of `berita --help` (median of `runs`)."""
    seconds = [measure([berita, "--help"], log=logs / "help.log").seconds for _ in range(runs)]
    return {"runs": seconds, "median_seconds": statistics.median(seconds)}


def _copy_repo(source: Path, target: Path) -> None:
    ignore = shutil.ignore_patterns(
        ".venv", "build", ".git", "__pycache__", "*.egg-info", ".pytest_cache", ".ruff_cache",
        ".hypothesis",
    )
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=ignore)  # copy2: modification times are kept
    # The copy uses the real environment through symlinks, with its own `make setup` stamp
    # (newer than the copied pyproject.toml), so make never tries to rebuild the environment.
    venv = target / ".venv"
    venv.mkdir()
    for entry in (source / ".venv").iterdir():
        if entry.name != ".installed":
            (venv / entry.name).symlink_to(entry)
    (venv / ".installed").touch()


def time_make(repo: Path, workdir: Path, logs: Path) -> dict[str, Any]:
    """`make all` twice in a copy of the repo (same .venv); the second has nothing to do."""
    make = shutil.which("make")
    if make is None:
        return {"skipped": "make is not installed"}
    copy = workdir / "repo"
    _copy_repo(repo, copy)
    try:
        first = measure([make, "all"], log=logs / "make.first.log", cwd=copy)
        second = measure([make, "all"], log=logs / "make.second.log", cwd=copy)
    except BeritaError as exc:
        return {"failed": str(exc)}
    second_log = (logs / "make.second.log").read_text("utf-8", errors="replace")
    return {
        "directory": str(copy),
        "first_seconds": first.seconds,
        "second_seconds": second.seconds,
        "second_ran_berita": "berita " in second_log,
    }


# --- the whole benchmark -----------------------------------------------------------------------


def _target(value: float | None, limit: float, at_least: bool) -> dict[str, Any]:
    met = value is not None and (value >= limit if at_least else value <= limit)
    return {"value": value, "target": f"{'>=' if at_least else '<='} {limit}", "met": met}


def targets(result: dict[str, Any], workers: Sequence[int]) -> dict[str, Any]:
    """Issue 5's targets against the measured numbers (only those that were measured)."""
    out: dict[str, Any] = {}
    lex = result.get("lexrank")
    if lex and lex.get("documents"):
        out["lexrank speedup vs sumy"] = _target(lex["speedup"], LEXRANK_MIN_SPEEDUP, True)
        out["lexrank same selection share"] = _target(
            lex["same_selection_share"], LEXRANK_MIN_SAME, True
        )
    for dataset, stages in result.get("stages", {}).items():
        for stage, entry in stages.items():
            if "speedup" in entry:
                out[f"{dataset} {stage} --workers {max(workers)} speedup"] = _target(
                    entry["speedup"], WORKERS_MIN_SPEEDUP, True
                )
                out[f"{dataset} {stage} --workers {max(workers)} identical output"] = {
                    "value": entry["identical_output"], "target": "true",
                    "met": entry["identical_output"],
                }
    for stage, ratio in result.get("scaling", {}).items():
        out[f"scaling {stage} time per document"] = _target(
            ratio["time_ratio_per_doc"], SCALING_MAX_TIME_PER_DOC, False
        )
        out[f"scaling {stage} peak memory (max RSS)"] = _target(
            ratio["max_rss_ratio"], SCALING_MAX_MEMORY, False
        )
    if "help" in result:
        out["berita --help seconds"] = _target(result["help"]["median_seconds"], HELP_MAX_S, False)
    make = result.get("make", {})
    if "second_seconds" in make:
        out["second make all seconds"] = _target(make["second_seconds"], MAKE_NOOP_MAX_S, False)
    return out


def format_table(result: dict[str, Any]) -> str:
    """The human-readable summary printed by `berita bench`."""
    lines = [
        f"{'dataset':11s} {'stage':10s} {'w':>2s} {'docs':>6s} {'median s':>9s} {'docs/s':>8s} "
        f"{'maxRSS MB':>10s} {'treePSS MB':>11s}"
    ]
    for dataset, stages in result.get("stages", {}).items():
        for stage, entry in stages.items():
            for key, row in entry.items():
                if not key.isdigit():
                    continue
                lines.append(
                    f"{dataset:11s} {stage:10s} {key:>2s} {row['documents']:6d} "
                    f"{row['median_seconds']:9.2f} {row['docs_per_second']:8.1f} "
                    f"{row['max_rss_mb']:10.1f} {row['tree_pss_mb']:11.1f}"
                )
            if "speedup" in entry:
                lines.append(
                    f"{'':11s} {stage:10s} speedup {entry['speedup']:.2f}x, identical output: "
                    f"{entry['identical_output']}"
                )
    for stage, ratio in result.get("scaling", {}).items():
        lines.append(
            f"scaling {stage}: {ratio['docs_ratio']}x docs in {ratio['time_ratio']}x time, "
            f"max RSS {ratio['max_rss_ratio']}x, tree PSS "
            f"{'n/a' if ratio['tree_pss_ratio'] is None else str(ratio['tree_pss_ratio']) + 'x'}"
        )
    lex = result.get("lexrank")
    if lex and lex.get("documents"):
        lines.append(
            f"lex-rank: ours {lex['ours_ms_per_doc']} ms/doc vs sumy {lex['sumy_ms_per_doc']} "
            f"ms/doc = {lex['speedup']}x; same sentences {lex['same_selection']}/"
            f"{lex['documents']} ({100 * lex['same_selection_share']:.2f}%)"
        )
    stems = result.get("stemming")
    if stems and stems.get("tokens"):
        lines.append(
            f"stemming: ours {stems['ours_cold_words_per_second']} words/s cold, "
            f"{stems['ours_warm_words_per_second']} warm; stock "
            f"{stems['stock_cold_words_per_second']} words/s ({stems['speedup_cold']}x cold); "
            f"same stems {100 * stems['same_stems_share']:.1f}%"
        )
    if "help" in result:
        lines.append(f"berita --help: {result['help']['median_seconds']:.3f} s")
    make = result.get("make", {})
    if "second_seconds" in make:
        lines.append(
            f"make all: first {make['first_seconds']:.1f} s, second {make['second_seconds']:.2f} s"
        )
    for name, check in result.get("targets", {}).items():
        lines.append(f"{'met ' if check['met'] else 'MISS'} {name}: {check['value']} "
                     f"(target {check['target']})")
    for message in result.get("skipped", []):
        lines.append(f"skipped: {message}")
    return "\n".join(lines)


def run_bench(
    data: str | Path,
    output: str | Path,
    *,
    runs: int = 3,
    replicate: int = 10,
    workdir: str | Path | None = None,
    stages: Sequence[str] = STAGES,
    workers: Sequence[int] = WORKERS,
    model: str | Path | None = None,
    lexrank_documents: int | None = None,
    stem_tokens: int = 2000,
    help_runs: int = 5,
    make: bool = True,
    say: Callable[[str], None] = lambda message: None,
) -> dict[str, Any]:
    """Run the benchmark, write `output` (JSON, sorted keys) and return the result."""
    if runs < 1 or replicate < 1:
        raise BeritaError(f"--runs and --replicate must be at least 1, got {runs} and {replicate}")
    unknown = sorted(set(stages) - set(STAGES))
    if unknown:
        known = ", ".join(STAGES)
        raise BeritaError(f"unknown stage(s) {', '.join(unknown)} (choose from: {known})")
    output = Path(output)
    work = Path(workdir) if workdir else output.parent / "bench"
    if stages and "clean" not in stages:
        needed = [work / name / "clean.w1.jsonl" for name in ("indosum", f"x{replicate}")]
        missing = [str(p) for p in needed if not p.is_file()]
        if missing:
            raise BeritaError(
                f"the later stages read the clean stage's output, and {missing[0]} is missing: "
                "include --stage clean (or reuse a --workdir where it ran)"
            )
    logs = work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    berita = berita_executable()
    data = Path(data)
    result: dict[str, Any] = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "loadavg_start": [round(x, 2) for x in os.getloadavg()],
        },
        "params": {
            "data": str(data), "runs": runs, "replicate": replicate, "stages": list(stages),
            "workers": list(workers), "stem_tokens": stem_tokens,
        },
        "memory_measures": {
            "max_rss_mb": "os.wait4 ru_maxrss: peak RSS of the largest single process of the tree",
            "tree_pss_mb": "peak of summed PSS over the process tree, sampled every "
                           f"{SAMPLE_INTERVAL_S} s from /proc/<pid>/smaps_rollup",
        },
        "skipped": [],
    }
    say(f"bench: help ({help_runs} runs)")
    result["help"] = time_help(berita, help_runs, logs)
    if data.exists() and stages:
        articles = unique_articles(data)
        replicated = work / "replicated" / f"indosum_x{replicate}.jsonl"
        say(f"bench: writing {replicate} x {len(articles)} articles -> {replicated}")
        write_replicated(articles, replicate, replicated)
        datasets = [
            Dataset("indosum", tuple(str(p) for p in indosum_files(data)), work / "indosum"),
            Dataset(f"x{replicate}", (str(replicated),), work / f"x{replicate}",
                    keep_duplicates=True),
        ]
        result["datasets"] = {
            "indosum": {"inputs": list(datasets[0].inputs), "unique_articles": len(articles),
                        "note": "clean stage default: repeated articles dropped"},
            datasets[1].name: {"inputs": list(datasets[1].inputs),
                               "articles": replicate * len(articles),
                               "note": "unique articles x replicate, ids suffixed -rNN, "
                                       "cleaned with --keep-duplicates"},
        }
        result["stages"], result["train"] = bench_stages(
            datasets, stages=stages, workers=workers, runs=runs,
            model=Path(model) if model else None, berita=berita, logs=logs, say=say,
        )
        result["scaling"] = scaling(result["stages"], "indosum", datasets[1].name, min(workers))
        records = list(read_jsonl(datasets[0].output("clean", min(workers))))
        if lexrank_documents is not None:
            records = records[:lexrank_documents]
        say(f"bench: lex-rank ours vs sumy on {len(records)} documents ({runs} timed runs)")
        result["lexrank"] = compare_lexrank(records, runs=runs)
        say(f"bench: stemming, {stem_tokens} tokens")
        result["stemming"] = compare_stemming(stem_sample(records, stem_tokens))
    elif not data.exists():
        result["skipped"].append(
            f"{data} not found: stage throughput, scaling, workers, lex-rank and stemming"
        )
    if make:
        say("bench: make all, twice, in a copy of the repo")
        result["make"] = time_make(REPO, work, logs)
    result["machine"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    result["targets"] = targets(result, workers)
    write_json(output, result)
    return result


__all__ = [
    "Measurement",
    "compare_lexrank",
    "compare_stemming",
    "format_table",
    "measure",
    "run_bench",
    "targets",
    "tree_memory_kb",
    "unique_articles",
    "write_replicated",
]

