"""The summarize interface: edge cases, length control, order, no duplicates, the stage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import BeritaError, DocumentError
from pipeline.summarize import (
    BEST_UNSUPERVISED,
    METHODS,
    PUBLIC_METHODS,
    WARN_EMPTY,
    WARN_ONE_SENTENCE,
    WARN_OVER_BUDGET,
    Document,
    bare_headings,
    length_budget,
    quotation_pieces,
    run_summarize,
    select,
    summarize_record,
)

PARAGRAPHS = [
    [
        "Banjir merendam ratusan rumah di Kecamatan Dayeuhkolot, Kabupaten Bandung, Senin pagi.",
        "Air setinggi satu meter masuk ke rumah warga setelah Sungai Citarum meluap.",
    ],
    [
        "Badan Penanggulangan Bencana Daerah mengerahkan perahu karet untuk mengevakuasi warga.",
        '"Kami sudah menyiapkan posko pengungsian di balai desa," kata petugas BPBD.',
    ],
    [
        "Air setinggi satu meter masuk ke rumah warga setelah Sungai Citarum meluap.",
        "Warga berharap pemerintah segera membangun tanggul di sepanjang sungai.",
        "Banjir di Dayeuhkolot terjadi hampir setiap musim hujan.",
    ],
]
UNSUPERVISED = [m for m in PUBLIC_METHODS if m not in ("auto", "supervised")]


def record(paragraphs: list[list[str]], **extra: object) -> dict:
    return {"id": "t1", "paragraphs": paragraphs, "warnings": [], **extra}


def write_clean(path: Path, rows: list[dict]) -> str:
    """Write `rows` as a clean artifact (the fields that make it one) and return its path."""
    path.write_text(
        "".join(json.dumps({"removed": [], "text": "x", **r}) + "\n" for r in rows),
        encoding="utf-8",
    )
    return str(path)


@pytest.mark.parametrize("method", UNSUPERVISED)
def test_empty_document_gets_a_warning_and_an_empty_summary(method: str) -> None:
    out = summarize_record(record([]), method=method)
    assert out["summary"]["sentences"] == [] and out["summary"]["text"] == ""
    assert out["warnings"] == [WARN_EMPTY]


@pytest.mark.parametrize("method", UNSUPERVISED)
def test_one_sentence_document_returns_it_with_a_warning(method: str) -> None:
    one = record([["Harga cabai naik tajam di Pasar Kramat Jati."]])
    out = summarize_record(one, method=method)
    assert [s["index"] for s in out["summary"]["sentences"]] == [0]
    assert out["warnings"] == [WARN_ONE_SENTENCE]


@pytest.mark.parametrize("method", UNSUPERVISED)
def test_every_method_returns_unique_sentences_in_document_order(method: str) -> None:
    out = summarize_record(record(PARAGRAPHS), method=method, sentences=4)
    picked = out["summary"]["sentences"]
    indices = [s["index"] for s in picked]
    assert len(picked) == 4
    assert indices == sorted(set(indices))
    flat = [s for p in PARAGRAPHS for s in p]
    assert [s["text"] for s in picked] == [flat[i] for i in indices]
    assert len({s["text"] for s in picked}) == len(picked)  # index 1 and 4 are the same text
    assert out["summary"]["text"] == " ".join(s["text"] for s in picked)
    assert out["summary"]["method"] == method
    assert out["warnings"] == []


@pytest.mark.parametrize("method", UNSUPERVISED)
def test_asking_for_more_sentences_than_exist_returns_each_distinct_one_once(method: str) -> None:
    out = summarize_record(record(PARAGRAPHS), method=method, sentences=50)
    picked = out["summary"]["sentences"]
    # Sentences 1 and 4 are the same text: whichever ranks higher is taken, never both.
    assert len(picked) == 6
    assert {s["text"] for s in picked} == {s for p in PARAGRAPHS for s in p}
    assert len({1, 4} & {s["index"] for s in picked}) == 1


def test_lead_takes_the_first_sentences_and_auto_is_the_best_unsupervised() -> None:
    out = summarize_record(record(PARAGRAPHS), method="lead")
    assert [s["index"] for s in out["summary"]["sentences"]] == [0, 1, 2]
    assert summarize_record(record(PARAGRAPHS))["summary"]["method"] == BEST_UNSUPERVISED


def test_ratio_and_word_budgets() -> None:
    out = summarize_record(record(PARAGRAPHS), method="lead", ratio=0.3)  # ceil(0.3 * 7) = 3
    assert len(out["summary"]["sentences"]) == 3
    out = summarize_record(record(PARAGRAPHS), method="lead", words=25)
    assert [s["index"] for s in out["summary"]["sentences"]] == [0, 1]  # 11 + 12 words
    assert out["warnings"] == []


NUMBERS = [
    [
        "Harga beras naik 10 % menjadi Rp 15.000 per kg pada 2024.",  # 12 words
        "Kenaikan itu terjadi di 34 provinsi.",  # 6 words
        "Pemerintah akan menambah stok.",  # 4 words
    ]
]


@pytest.mark.parametrize("budget", [4, 6, 10, 12, 16, 17, 18, 22, 30])
@pytest.mark.parametrize("method", ["lead", "centrality", "lsa"])
def test_word_budget_counts_every_token_and_is_never_exceeded(method: str, budget: int) -> None:
    out = summarize_record(record(NUMBERS), method=method, words=budget)
    assert 0 < len(out["summary"]["text"].split()) <= budget
    assert out["warnings"] == []


def test_word_budget_takes_the_best_sentences_that_fit() -> None:
    def picked(budget: int) -> list[int]:
        out = summarize_record(record(NUMBERS), method="lead", words=budget)
        return [s["index"] for s in out["summary"]["sentences"]]

    assert picked(12) == [0]  # numbers, "%" and "Rp" are words: 12, not 8
    assert picked(11) == [1, 2]  # the lead sentence does not fit; the next two do (6 + 4)
    assert picked(17) == [0, 2]  # 12 + 4; the 6-word sentence would make 22
    assert picked(22) == [0, 1, 2]


def test_when_no_sentence_fits_the_best_one_is_returned_with_a_warning(tmp_path: Path) -> None:
    out = summarize_record(record(NUMBERS), method="lead", words=3)
    assert [s["index"] for s in out["summary"]["sentences"]] == [0]
    assert out["warnings"] == [WARN_OVER_BUDGET.format(budget=3, words=12)]
    assert "--words 3" in out["warnings"][0]
    clean = write_clean(tmp_path / "clean.jsonl", [record(NUMBERS)])
    report = run_summarize([clean], str(tmp_path / "s.jsonl"), method="lead", words=3)
    assert report["counts"]["warned"] == 1


def test_sentences_that_differ_only_in_numbers_are_not_duplicates() -> None:
    bali = [
        [
            "Pada 2022, jumlah wisatawan ke Bali mencapai 2,1 juta orang.",
            "Pada 2023, jumlah wisatawan ke Bali mencapai 5,3 juta orang.",
            "Pada 2024, jumlah wisatawan ke Bali mencapai 6,3 juta orang.",
            "Dinas Pariwisata Bali menargetkan tujuh juta kunjungan.",
        ]
    ]
    out = summarize_record(record(bali), method="lead", sentences=3)
    assert [s["index"] for s in out["summary"]["sentences"]] == [0, 1, 2]
    doc = Document.from_paragraphs(bali + [["pada 2022 JUMLAH wisatawan ke Bali mencapai 2,1 juta"
                                           " orang!"]])
    assert doc.keys[4] == doc.keys[0] and len(set(doc.keys)) == 4


@pytest.mark.parametrize("method", UNSUPERVISED)
def test_a_document_of_numbered_lines_is_summarized(method: str) -> None:
    out = summarize_record(record([["1. 2.500", "2. 3.750"], ["3. 4.125"]]), method=method,
                           sentences=2)
    assert len(out["summary"]["sentences"]) == 2
    assert out["warnings"] == []
    out = summarize_record(record([["2.500"]]), method=method)
    assert out["summary"]["text"] == "2.500" and out["warnings"] == [WARN_ONE_SENTENCE]


def test_copies_of_one_sentence_are_a_one_sentence_document() -> None:
    copies = [["Harga cabai naik tajam.", "Harga cabai naik tajam."], ["HARGA cabai naik tajam!"]]
    out = summarize_record(record(copies), method="lead")
    assert len(out["summary"]["sentences"]) == 1
    assert out["warnings"] == [WARN_ONE_SENTENCE]
    out = summarize_record(record([["Harga cabai naik tajam.", "...", "Harga cabai naik."]]))
    assert out["warnings"] == []


@pytest.mark.parametrize(
    ("paragraphs", "problem"),
    [
        ("bogus", "got str"),
        (["a b c.", "d e f."], "paragraph 0 is str"),
        ([[1, 2], [None]], "paragraph 0, sentence 0 is int"),
        ([["Satu."], [None]], "paragraph 1, sentence 0 is null"),
        ({"0": ["Satu."]}, "got dict"),
        ([["Satu."], "Dua."], "paragraph 1 is str"),
    ],
)
def test_malformed_paragraphs_are_a_document_error(paragraphs: object, problem: str) -> None:
    with pytest.raises(DocumentError, match="paragraphs must be a list of lists of sentences") as e:
        summarize_record({"id": "x", "paragraphs": paragraphs}, method="lead")
    assert str(e.value).endswith(problem) and "\n" not in str(e.value)


def test_a_malformed_record_fails_alone_in_the_stage(tmp_path: Path) -> None:
    rows = [record(PARAGRAPHS, id="good"), record("bogus", id="bad"),  # type: ignore[arg-type]
            record([[1, 2], [None]], id="worse")]  # type: ignore[list-item]
    clean = write_clean(tmp_path / "clean.jsonl", rows)
    out = tmp_path / "s.jsonl"
    report = run_summarize([clean], str(out), method="lead")
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == [
        "good"
    ]
    assert report["counts"]["failed"] == 2
    assert [e["id"] for e in report["errors"]] == ["bad", "worse"]
    assert all("paragraphs must be a list of lists" in e["error"] for e in report["errors"])


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"sentences": 2, "words": 10}, "only one length option"),
        ({"ratio": 1.5}, "ratio"),
        ({"sentences": 0}, "at least 1"),
        ({"words": 0}, "at least 1"),
    ],
)
def test_bad_length_options_are_user_errors(options: dict, message: str) -> None:
    with pytest.raises(BeritaError, match=message):
        length_budget(10, **options)


def test_unknown_method_and_supervised_without_model_are_user_errors() -> None:
    with pytest.raises(BeritaError, match="unknown summarization method 'lexrank'"):
        summarize_record(record(PARAGRAPHS), method="lexrank")
    with pytest.raises(BeritaError, match="--model"):
        summarize_record(record(PARAGRAPHS), method="supervised")
    with pytest.raises(BeritaError, match="paragraphs"):
        summarize_record({"id": "x", "text": "no paragraphs"})


def test_select_skips_empty_and_duplicate_sentences() -> None:
    doc = Document.from_paragraphs([["Satu dua tiga.", "...", "satu DUA tiga!", "Empat lima."]])
    chosen = select(doc, [(2, 0.9), (0, 0.8), (1, 0.7), (3, 0.1)], 3)
    assert chosen == [(2, 0.9), (3, 0.1)]


def test_record_is_not_mutated_and_keeps_its_fields() -> None:
    original = record(PARAGRAPHS, label="tajuk utama", warnings=["clean: something"])
    snapshot = json.dumps(original, sort_keys=True)
    out = summarize_record(original, method="lead")
    assert json.dumps(original, sort_keys=True) == snapshot
    assert out["label"] == "tajuk utama" and out["warnings"] == ["clean: something"]


def test_plain_variants_exist_for_every_sumy_method() -> None:
    sumy = {"lex-rank", "text-rank", "lsa", "luhn", "kl", "sum-basic", "edmundson", "reduction"}
    assert sumy <= set(METHODS) and {f"{m}-plain" for m in sumy} <= set(METHODS)


def test_run_summarize_writes_artifact_and_report(tmp_path: Path) -> None:
    clean = tmp_path / "clean.jsonl"
    rows = [
        {"id": "a", "paragraphs": PARAGRAPHS, "removed": [], "text": "x", "warnings": []},
        {"id": "b", "paragraphs": [], "removed": [], "text": "", "warnings": []},
    ]
    clean.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "build" / "summaries.jsonl"
    report = run_summarize([str(clean)], str(out), method="centrality", sentences=2)
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [len(r["summary"]["sentences"]) for r in written] == [2, 0]
    assert report["counts"]["out"] == 2 and report["counts"]["warned"] == 1
    assert json.loads((tmp_path / "build" / "summaries.report.json").read_text())["stage"] == (
        "summarize"
    )
    with pytest.raises(BeritaError, match="no trained summarizer"):
        run_summarize([str(clean)], str(out), model_dir=str(tmp_path / "missing"))


def test_cli_summarize_reports_bad_options_in_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    clean = tmp_path / "clean.jsonl"
    clean.write_text(
        json.dumps({"id": "a", "paragraphs": PARAGRAPHS, "removed": [], "text": "x"}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "s.jsonl"
    ok = CliRunner().invoke(app, ["summarize", str(clean), "-o", str(out), "--method", "lead"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["method"] == "lead"
    bad = CliRunner().invoke(app, ["summarize", str(clean), "-o", str(out), "--method", "nope"])
    assert bad.exit_code == 1
    assert "unknown summarization method 'nope'" in bad.output
    assert "Traceback" not in bad.output


def test_bare_time_stamps_of_a_live_report_come_after_every_sentence() -> None:
    live = [
        ["Gunung Ruang kembali erupsi pada Selasa dini hari."],
        ["Diperbarui 01.15 WITA"],
        ["Kolom abu setinggi dua kilometer teramati dari pos pengamatan."],
        ["Pukul 02.30 WITA."],
        ["Warga di radius enam kilometer diminta mengungsi."],
    ]
    out = summarize_record(record(live), method="lead", sentences=3)
    assert [s["index"] for s in out["summary"]["sentences"]] == [0, 2, 4]
    out = summarize_record(record(live), method="lead", sentences=4)
    assert [s["index"] for s in out["summary"]["sentences"]] == [0, 1, 2, 4]


@pytest.mark.parametrize(
    ("sentences", "chosen"),
    [
        (  # a list's introduction
            ["Pemerintah meluncurkan kartu identitas digital bagi semua warga.",
             "Berikut langkah-langkah mengaktifkannya:",
             "Pengguna kartu digital baru mencapai enam juta orang.",
             "Targetnya lima puluh juta pengguna tahun depan."],
            [0, 2, 3],
        ),
        (  # a heading and a list item
            ["Bantuan Beras Sepuluh Kilogram",
             "Pemerintah menyalurkan bantuan beras kepada 22 juta keluarga.",
             "- Teknik Informatika",
             "Penyaluran dimulai pekan depan di seluruh provinsi.",
             "Bulog menjamin stok beras cukup hingga akhir tahun."],
            [1, 3, 4],
        ),
        (  # an interviewer's question
            ["Reporter: Siapa yang akan menjadi kapten tim nasional pada laga nanti?",
             "Pelatih: Rizky Ridho tetap menjadi kapten tim nasional.",
             "Pelatih: Semua pemain dalam kondisi baik setelah laga terakhir.",
             "Pelatih: Kami menargetkan kemenangan di kandang sendiri."],
            [1, 2, 3],
        ),
        (  # half of a quotation split into sentences, and an entry of a list
            ["Pembangunan jembatan ditargetkan selesai akhir tahun.",
             '"Progresnya sudah 62 persen.',
             'Kami minta kontraktor bekerja siang malam," ujar Kepala Dinas.',
             "Beras medium: 13.500",
             "Dinas juga menyiapkan jalur alternatif bagi warga.",
             "Jalur alternatif dibuka mulai Senin pagi."],
            [0, 4, 5],
        ),
        (  # a question standing alone, a numbered heading and a table row
            ["Apa penyebab turunnya harga gabah saat ini?",
             "Harga gabah di tingkat petani turun menjadi Rp 5.800 per kilogram.",
             "1. Cabut steker perangkat yang tidak dipakai",
             "Cabai rawit merah | 90.000 | 65.000",
             "Bulog diminta menyerap gabah petani dengan harga pembelian pemerintah.",
             "Penyerapan dimulai pekan depan di sentra produksi padi."],
            [1, 4, 5],
        ),
        (  # a list's introduction ending in a period
            ["Labuan Bajo kian ramai dikunjungi wisatawan mancanegara.",
             "Berikut enam destinasi yang wajib dikunjungi.",
             "Pulau Padar menawarkan pemandangan tiga teluk dari puncak bukitnya.",
             "Pantai Pink dikenal dengan pasirnya yang berwarna merah muda."],
            [0, 2, 3],
        ),
    ],
)
def test_incomplete_sentences_come_after_whole_ones(
    sentences: list[str], chosen: list[int]
) -> None:
    out = summarize_record(record([[s] for s in sentences]), method="lead", sentences=3)
    assert [s["index"] for s in out["summary"]["sentences"]] == chosen


def test_a_line_of_numbers_or_a_long_heading_with_numbers_is_not_a_sentence() -> None:
    from pipeline.summarize import _complete

    assert not _complete("2019 - 2020")
    assert not _complete("Jadwal Liga 1 2024 Persib vs Persija 15.30 WIB Stadion GBLA Bandung")
    assert _complete("Harga cabai rawit di pasar induk naik lagi menjelang 2024 dan 2025")


def test_a_word_budget_is_never_filled_with_time_stamps_or_headings() -> None:
    live = [
        ["Gunung Ruang kembali erupsi pada Selasa dini hari dan memaksa warga mengungsi."],
        ["09.45 WIB"],
        ["Kolom abu setinggi dua kilometer teramati dari pos pengamatan di pulau seberang."],
        ["Sejarah Panjang"],
    ]
    out = summarize_record(record(live), method="lead", words=20)
    assert [s["index"] for s in out["summary"]["sentences"]] == [0]
    # nothing whole fits: the best whole sentence alone, over the budget, not the time stamp
    out = summarize_record(record(live), method="lead", words=5)
    assert [s["index"] for s in out["summary"]["sentences"]] == [0]
    assert any("longer than --words" in w for w in out["warnings"])


def test_a_lead_repeated_with_small_changes_is_taken_once() -> None:
    page = [
        ["Ruas jalan tol di kilometer 171 ditutup sementara pada Minggu akibat longsor yang "
         "menimbun dua lajur."],
        ["Tidak ada korban jiwa dalam kejadian tersebut."],
        ["Ruas jalan tol di kilometer 171 ditutup sementara sejak Minggu pagi akibat longsor "
         "yang menimbun dua lajur jalan."],
        ["Polisi mengalihkan arus kendaraan ke jalur arteri selama perbaikan."],
    ]
    out = summarize_record(record(page), method="lead", sentences=3)
    assert [s["index"] for s in out["summary"]["sentences"]] == [0, 1, 3]


def test_the_middle_of_a_long_quotation_is_taken_only_after_whole_sentences() -> None:
    doc = Document.from_paragraphs([
        ["Serikat buruh menolak kenaikan upah minimum 6,5 persen.",
         '"Bagi buruh, angka itu belum cukup.',
         "Harga kebutuhan pokok naik jauh lebih cepat.",
         'Kami menuntut minimal 10 persen," ujar ketua serikat.'],
        ["Pemerintah akan menanggapi tuntutan itu pekan depan."],
        ["\u201cKami akan mengkaji.", "Semua pihak didengar.", "Keputusan segera.\u201d"],
    ])
    assert quotation_pieces(doc) == {1, 2, 3, 5, 6, 7}  # halves and what lies between
    ranking = [(2, 9.0), (0, 8.0), (4, 7.0), (6, 6.0), (1, 5.0)]
    assert [i for i, _ in select(doc, ranking, 2)] == [0, 4]


def test_a_short_line_alone_in_its_paragraph_is_a_subheading_whatever_its_case() -> None:
    doc = Document.from_paragraphs([
        ["Tidur kurang dari enam jam sehari berdampak buruk bagi kesehatan."],
        ["Meningkatkan risiko obesitas"],
        ["Kurang tidur mengganggu hormon yang mengatur rasa lapar dan kenyang."],
        ["Hujan"],  # (one word: a fragment as well)
        ["Para peneliti menganjurkan tidur tujuh hingga sembilan jam setiap malam agar bugar"],
    ])
    assert bare_headings(doc) == {1, 3}
    ranking = [(1, 9.0), (2, 8.0), (0, 7.0)]
    assert [i for i, _ in select(doc, ranking, 2, max_words=25)] == [0, 2]
