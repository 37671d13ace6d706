"""The clean stage around the text rules: gold-label alignment, duplicates, loading records."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.clean_stage import align_gold_labels, is_clean_artifact, load_records, run_clean

from .conftest import ARTICLE


def test_gold_labels_follow_sentences_through_cleaning() -> None:
    segments = [
        [
            "Jakarta, CNN Indonesia -- Banjir merendam tiga kecamatan pada Senin pagi.",
            "Warga mengungsi ke masjid terdekat.",
        ],
        ["Baca juga: Jalan tol ditutup"],
        ["Petugas membagikan makanan kepada pengungsi."],
    ]
    labels = [[True, False], [False], [True]]
    cleaned = [
        ["Banjir merendam tiga kecamatan pada Senin pagi.", "Warga mengungsi ke masjid terdekat."],
        ["Petugas membagikan makanan kepada pengungsi."],
    ]
    assert align_gold_labels(segments, labels, cleaned) == [[True, False], [True]]


def test_unmatched_sentence_is_not_positive() -> None:
    segments = [["Kalimat pertama tentang ekonomi daerah."]]
    assert align_gold_labels(segments, [[True]], [["Sesuatu yang sama sekali berbeda."]]) == [
        [False]
    ]


def test_load_records_reads_artifacts_and_cleans_raw_input(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "clean.jsonl"
    run_clean([raw], out)
    assert is_clean_artifact(out)
    assert not is_clean_artifact(raw / "a.txt")
    from_artifact = list(load_records([out]))
    on_the_fly = list(load_records([raw]))
    assert from_artifact == on_the_fly
    assert from_artifact[0]["paragraphs"][0][0].startswith("Pemerintah Kota Bandung")


def test_recurring_footer_is_learned_across_documents(tmp_path: Path) -> None:
    footer = "Dapatkan kabar terbaru dari KotaKita.id setiap pagi di kanal kami."
    bodies = [
        "Harga cabai di Pasar Kosambi naik tajam pekan ini. Pedagang mengeluhkan pasokan.",
        "Tim voli putri Jawa Barat lolos ke final. Mereka mengalahkan Jawa Timur.",
        "Aplikasi layanan publik baru diluncurkan pemerintah kota. Warga bisa mengurus izin.",
        "Festival film pendek digelar di Taman Budaya. Sebanyak 40 film diputar.",
    ]
    rows = [{"id": str(i), "text": f"{body}\n\n{footer}"} for i, body in enumerate(bodies)]
    (tmp_path / "x.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "clean.jsonl"
    report = run_clean([tmp_path / "x.jsonl"], out)
    assert report["learned_footers"]
    for record in load_records([out]):
        assert "KotaKita" not in record["text"]
        assert {"kind": "footer", "text": footer} in record["removed"]


def test_syndicated_copies_do_not_teach_their_closing_lines_as_a_footer(tmp_path: Path) -> None:
    body = (
        "Presiden meresmikan jembatan baru yang menghubungkan dua kecamatan di pesisir utara "
        "pada Senin pagi setelah pembangunan selama dua tahun.\n\n"
        "Jembatan itu diharapkan memangkas waktu tempuh warga menuju pusat kota."
    )
    datelines = ("Jakarta (ANTARA) - ", "JAKARTA, KOTAKITA.com - ", "Bandung, KOTAKITA.com - ")
    rows = [{"id": str(i), "text": f"{dateline}{body}"} for i, dateline in enumerate(datelines)]
    (tmp_path / "x.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "clean.jsonl"
    report = run_clean([tmp_path / "x.jsonl"], out)
    assert report["learned_footers"] == []
    assert all("memangkas waktu tempuh" in record["text"] for record in load_records([out]))


def test_a_given_title_is_repaired_but_never_dropped_as_boilerplate(tmp_path: Path) -> None:
    rows = [
        {"id": "1", "judul": "Foto: Suasana Mudik di Stasiun", "isi": ARTICLE},
        {"id": "2", "title": "Harga  Cabai &amp; Bawang<br>Naik", "text": ARTICLE},
    ]
    (tmp_path / "x.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "clean.jsonl"
    run_clean([tmp_path / "x.jsonl"], out, keep_duplicates=True)
    titles = [record["title"] for record in load_records([out])]
    assert titles == ["Foto: Suasana Mudik di Stasiun", "Harga Cabai & Bawang Naik"]


def test_an_id_used_by_two_articles_is_reported(tmp_path: Path) -> None:
    rows = [
        {"id": "j1", "text": ARTICLE},
        {"id": "j1", "text": "Harga cabai di pasar naik tajam pekan ini menurut para pedagang."},
    ]
    (tmp_path / "x.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    report = run_clean([tmp_path / "x.jsonl"], tmp_path / "clean.jsonl")
    assert report["duplicate_ids"] == ["j1"]

