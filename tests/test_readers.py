"""Input formats, encodings and bad input for the readers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import BeritaError
from pipeline.readers import ReadError, decode, discover, read_documents

from .conftest import ARTICLE


def docs(*paths: Path, **kw: object) -> list[dict | ReadError]:
    return list(read_documents(paths, **kw))


def test_txt_with_sidecar_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    meta = {"id": "bdg-1", "label": "tajuk utama", "summary": "Taman baru dibuka."}
    (tmp_path / "a.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    [doc] = docs(tmp_path)
    assert doc["id"] == "bdg-1"
    assert doc["label"] == "tajuk utama"
    assert doc["reference"] == "Taman baru dibuka."
    assert doc["text"] == ARTICLE
    assert doc["detect_title"] is True


def test_txt_id_derived_from_path_is_stable(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    [doc] = docs(tmp_path)
    assert doc["id"] == "sub/b"
    [again] = docs(tmp_path / "sub" / "b.txt")
    assert again["id"] == "b"


def test_bom_and_crlf_are_removed() -> None:
    data = "\ufeffbaris satu\r\nbaris dua\rbaris tiga".encode()
    text, encoding = decode(data, "x.txt")
    assert text == "baris satu\nbaris dua\nbaris tiga"
    assert encoding == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_files_with_a_bom_are_read(tmp_path: Path, codec: str) -> None:
    bom = "\ufeff" if codec == "utf-16-be" else ""  # utf-16/utf-32 write their own BOM
    (tmp_path / "a.txt").write_bytes(f"{bom}{ARTICLE}".replace("\n", "\r\n").encode(codec))
    rows = [{"id": "j1", "text": ARTICLE}, {"id": "j2", "text": "Harga emas naik hari ini."}]
    jsonl = "".join(json.dumps(r, ensure_ascii=False) + "\r\n" for r in rows)
    (tmp_path / "b.jsonl").write_bytes(f"{bom}{jsonl}".encode(codec))
    line = ARTICLE.splitlines()[0]
    (tmp_path / "c.csv").write_bytes(f'{bom}id,text\r\nc1,"{line}"\r\n'.encode(codec))
    items = docs(tmp_path)
    assert not [i for i in items if isinstance(i, ReadError)]
    by_id = {d["id"]: d["text"] for d in items}
    assert by_id["a"] == ARTICLE and by_id["j1"] == ARTICLE
    assert by_id["j2"] == "Harga emas naik hari ini."
    assert by_id["c1"] == line


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_files_without_a_bom_are_read_and_binary_stays_binary(
    tmp_path: Path, codec: str
) -> None:
    (tmp_path / "a.txt").write_bytes(ARTICLE.encode(codec))
    row = {"id": "j1", "text": "Harga emas naik hari ini di Jakarta."}
    (tmp_path / "b.jsonl").write_bytes((json.dumps(row) + "\n").encode(codec))
    (tmp_path / "c.csv").write_bytes('id,text\nc1,"Harga emas naik hari ini."\n'.encode(codec))
    (tmp_path / "d.txt").write_bytes(bytes(range(256)) * 8)
    items = docs(tmp_path)
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [(e.source, "binary" in e.message) for e in errors] == [(str(tmp_path / "d.txt"), True)]
    by_id = {d["id"]: d["text"] for d in items if not isinstance(d, ReadError)}
    assert by_id == {"a": ARTICLE, "j1": row["text"], "c1": "Harga emas naik hari ini."}


def test_a_utf16_file_with_only_its_bom_is_empty(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_bytes(b"\xff\xfe")
    [error] = docs(tmp_path)
    assert isinstance(error, ReadError) and "empty file" in error.message


def test_cp1252_fallback_is_flagged(tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_bytes("Kafe “Sederhana” di Bandung – ramai.".encode("cp1252"))
    [doc] = docs(tmp_path / "c.txt")
    assert doc["text"] == "Kafe “Sederhana” di Bandung – ramai."
    assert doc["warnings"] == ["decoded as cp1252 (not UTF-8)"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\n ", "empty file"),
        (b"\x00\x01\x02binary\x00", "binary file"),
        (b"teks \x81\x8d\x8f\x90\x9d", "undecodable bytes"),
    ],
)
def test_bad_files_are_reported_by_name(tmp_path: Path, data: bytes, message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    items = docs(tmp_path)
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(errors) == 1 and message in errors[0].message
    assert errors[0].source.endswith("bad.txt")
    assert sum(isinstance(i, dict) for i in items) == 1


def test_jsonl_fields_and_malformed_line_number(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    rows = [
        json.dumps({"judul": "Judul", "isi": ARTICLE, "kategori": "olahraga"}),
        "{not json",
        json.dumps({"content": "Isi kedua cukup panjang.", "category": "teknologi", "id": 7}),
        json.dumps({"title": "tanpa teks"}),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = docs(path)
    first, bad, second, empty = items
    assert first["title"] == "Judul" and first["label"] == "olahraga" and first["id"] == "x:1"
    assert isinstance(bad, ReadError) and bad.source.endswith("x.jsonl:2")
    assert "malformed JSON" in bad.message
    assert second["id"] == "7" and second["label"] == "teknologi"
    assert isinstance(empty, ReadError) and "no text" in empty.message


def test_json_list_and_object(tmp_path: Path) -> None:
    (tmp_path / "l.json").write_text(json.dumps([{"text": "Satu."}, {"body": "Dua."}]))
    (tmp_path / "o.json").write_text(json.dumps({"articles": [{"text": "Tiga."}]}))
    items = docs(tmp_path)
    assert [d["text"] for d in items] == ["Satu.", "Dua.", "Tiga."]


def test_csv_auto_and_named_columns(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('id,isi,kategori\n1,"Baris, dengan koma.\nDan baris baru.",hiburan\n')
    [doc] = docs(path)
    assert doc["text"] == "Baris, dengan koma.\nDan baris baru."
    assert doc["label"] == "hiburan"
    other = tmp_path / "b.csv"
    other.write_text("naskah;topik\nIsi berita.;olahraga\n")
    [doc] = docs(other, text_column="naskah", label_column="topik")
    assert (doc["text"], doc["label"]) == ("Isi berita.", "olahraga")


def test_common_indonesian_and_english_field_names_are_found(tmp_path: Path) -> None:
    rows = [{"id": "a", "headline": "Judul", "artikel": ARTICLE, "topik": "ekonomi"}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    [doc] = docs(tmp_path / "a.jsonl")
    assert (doc["title"], doc["text"], doc["label"]) == ("Judul", ARTICLE, "ekonomi")


def test_csv_without_text_column_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "n.csv"
    path.write_text("a,b\n1,2\n")
    [error] = docs(path)
    assert isinstance(error, ReadError)
    assert "no text column" in error.message and "a, b" in error.message


def test_indosum_objects_are_detokenized(tmp_path: Path) -> None:
    obj = {
        "id": "artikel-1",
        "category": "olahraga",
        "paragraphs": [[["Tim", "itu", "menang", "."], ["Pelatih", "senang", "."]]],
        "summary": [["Tim", "menang", "."]],
        "gold_labels": [[True, False]],
        "source": "contoh",
        "source_url": "",
    }
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(obj) + "\n")
    [doc] = docs(path)
    assert doc["id"] == "artikel-1" and doc["label"] == "olahraga"
    assert doc["text"] == "Tim itu menang. Pelatih senang."
    assert doc["reference"] == "Tim menang."
    assert doc["gold_labels"] == [[True, False]]


def test_discover_errors(tmp_path: Path) -> None:
    with pytest.raises(BeritaError, match="no such file"):
        discover([tmp_path / "nope"])
    (tmp_path / "notes.md").write_text("x")
    with pytest.raises(BeritaError, match="no supported files"):
        discover([tmp_path])
    with pytest.raises(BeritaError, match="unsupported file type"):
        discover([tmp_path / "notes.md"])


def test_a_symlink_loop_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(BeritaError, match="symbolic link to nothing"):
        discover([tmp_path / "a"])


def test_discover_skips_docs_and_sidecars(tmp_path: Path) -> None:
    for name in ("README.txt", "a.txt", "a.meta.json", "b.jsonl", "b.report.json"):
        (tmp_path / name).write_text("{}" if name.endswith("json") else "x")
    assert [p.name for p, _ in discover([tmp_path])] == ["a.txt", "b.jsonl"]


def test_jsonl_streams_line_by_line_with_per_line_errors(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    good = json.dumps({"id": "a", "text": ARTICLE}).encode("utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + good + b"\n" + b'{"text": "rusak \x81\x8d"}\n\n' + good)
    items = docs(path)
    assert [i["id"] for i in items if isinstance(i, dict)] == ["a", "a"]
    [error] = [i for i in items if isinstance(i, ReadError)]
    assert error.source.endswith("s.jsonl:2") and "undecodable bytes" in error.message


@pytest.mark.parametrize("data", [b"", b"\n \n"])
def test_empty_jsonl_is_an_error(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "e.jsonl").write_bytes(data)
    [error] = docs(tmp_path / "e.jsonl")
    assert isinstance(error, ReadError) and "empty file" in error.message


def test_deferred_indosum_documents_complete_to_the_same_document(tmp_path: Path) -> None:
    from pipeline.readers import INDOSUM_TOKENS, complete, text_end, text_start

    quote = ["Ia", "berkata", ",", '"', "Kami", "siap", ".", '"']
    paragraphs = [[quote], [["Baca", "juga", "."]]]
    obj = {"id": "x", "category": "teknologi", "paragraphs": paragraphs,
           "summary": [["Kami", "siap", "."]], "gold_labels": [[True], [False]]}
    (tmp_path / "i.jsonl").write_text(json.dumps(obj) + "\n", encoding="utf-8")
    [eager] = docs(tmp_path / "i.jsonl")
    [pending] = docs(tmp_path / "i.jsonl", defer=True)
    deferred = pending.parse()  # in a worker: the line is parsed there
    assert INDOSUM_TOKENS in deferred and "text" not in deferred
    assert complete(deferred) == eager
    assert eager["text"] == 'Ia berkata, "Kami siap."\n\nBaca juga.'
    assert text_end(deferred) == text_end(eager) == eager["text"]
    assert text_start(deferred) == text_start(eager) == eager["text"]


def test_deferred_jsonl_lines_parse_in_the_worker_with_the_same_errors(tmp_path: Path) -> None:
    from pipeline.readers import PendingLine

    rows = [json.dumps({"text": ARTICLE, "label": "olahraga"}), "{not json", "[1, 2]",
            json.dumps({"title": "tanpa teks"})]
    (tmp_path / "x.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    eager = docs(tmp_path / "x.jsonl")
    pending = docs(tmp_path / "x.jsonl", defer=True)
    assert all(isinstance(p, PendingLine) for p in pending)
    assert pending[0].parse() == eager[0]
    for line, error in zip(pending[1:], eager[1:], strict=True):
        assert isinstance(error, ReadError)
        with pytest.raises(BeritaError) as caught:
            line.parse()
        assert str(caught.value) == str(error)


def test_a_csv_record_names_the_line_it_starts_on(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('id,text\na,"baris satu\nbaris dua"\nb,"baris tiga"\n', encoding="utf-8")
    docs = list(read_documents([path]))
    assert [d["source"] for d in docs] == [f"{path.as_posix()}:2", f"{path.as_posix()}:4"]


def test_deeply_nested_json_is_an_error_of_that_file_only(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text("[" * 100000 + "]" * 100000)
    (tmp_path / "ok.jsonl").write_text(json.dumps({"id": "x", "text": "Harga cabai naik."}) + "\n")
    items = list(read_documents([tmp_path]))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [e.message for e in errors] == ["JSON nested too deeply"]
    assert [i["id"] for i in items if not isinstance(i, ReadError)] == ["x"]


def test_ids_and_labels_must_be_strings_or_numbers(tmp_path: Path) -> None:
    rows = [
        {"id": 7, "text": "Harga cabai naik.", "label": 3.0},
        {"id": ["a"], "text": "Harga cabai naik."},
        {"id": "b", "text": "Harga cabai naik.", "label": {"x": 1}},
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    items = list(read_documents([path]))
    assert (items[0]["id"], items[0]["label"]) == ("7", "3")
    assert [i.message[:12] for i in items[1:]] == ["'id' must be", "'label' must"]


def test_lines_that_are_not_clean_utf8_are_decoded_and_flagged(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    cp1252 = '{"id": "a", "text": "Caf\u00e9 itu ramai."}'.encode("cp1252")
    stray = '{"id": "b", "text": "Kafe \u201cKopi\u201d ramai \u00e9'.encode() + b'\xff"}'
    path.write_bytes(cp1252 + b"\n" + stray + b"\n")
    docs = [d for d in read_documents([path]) if not isinstance(d, ReadError)]
    assert docs[0]["text"] == "Caf\u00e9 itu ramai."
    assert docs[0]["warnings"] == ["decoded as cp1252 (not UTF-8)"]
    assert "\u201cKopi\u201d" in docs[1]["text"]
    assert docs[1]["warnings"] == ["invalid UTF-8 bytes replaced by U+FFFD"]



def test_field_names_match_whatever_their_case(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(
        'Judul;Isi;Kategori\n"Harga Emas Naik";"Harga emas naik hari ini.";ekonomi\n'
    )
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"ID": "b1", "Title": "Timnas Lolos", "Content": "Timnas lolos ke final.",
                    "Category": "olahraga"}) + "\n"
    )
    items = docs(tmp_path)
    assert [(d["title"], d["label"], d["text"]) for d in items] == [
        ("Harga Emas Naik", "ekonomi", "Harga emas naik hari ini."),
        ("Timnas Lolos", "olahraga", "Timnas lolos ke final."),
    ]
    assert items[1]["id"] == "b1"


def test_text_given_as_a_list_of_paragraphs_is_joined_and_a_number_is_an_error(
    tmp_path: Path,
) -> None:
    rows = [{"id": "p", "text": ["Paragraf satu.", "Paragraf dua."]}, {"id": "n", "text": 12345}]
    (tmp_path / "x.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    paragraphs, number = docs(tmp_path)
    assert paragraphs["text"] == "Paragraf satu.\n\nParagraf dua."
    assert isinstance(number, ReadError) and "field 'text' is a number, not text" in number.message


def test_a_malformed_json_line_names_the_column_where_it_breaks(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").write_text('{"text": "Jakarta - Pertama."}\n{"text": "Kedua", \n')
    good, bad = docs(tmp_path)
    assert isinstance(bad, ReadError) and bad.source.endswith("x.jsonl:2")
    assert "at column 20" in bad.message
