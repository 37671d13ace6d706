"""The tag stage: analyzer, keywords, training with CV, persistence, tagging and the CLI."""

from __future__ import annotations

import json
import pickle
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.errors import BeritaError
from pipeline.keywords import keywords, unseen_idf
from pipeline.tag import (
    CANDIDATES,
    FORMAT_VERSION,
    META_FILE,
    MIN_CALIBRATED,
    MODEL_FILE,
    UNKNOWN,
    cv_plan,
    fingerprint,
    load_model,
    parse_merge,
    run_tag,
    save_model,
    scored_labels,
    tag_record,
    train_model,
)
from pipeline.terms import TermAnalyzer, model_text

# A few hand-written sentences per topic; documents are made of different subsets of them.
SENTENCES = {
    "olahraga": [
        "Tim nasional sepak bola Indonesia menang dua gol atas Malaysia di stadion.",
        "Pelatih timnas memuji penampilan pemain muda dalam pertandingan semalam.",
        "Striker itu mencetak gol kemenangan pada menit akhir babak kedua.",
        "Suporter memadati stadion untuk mendukung klub kebanggaan mereka di liga.",
        "Pebulu tangkis Indonesia meraih medali emas setelah mengalahkan juara dunia.",
    ],
    "teknologi": [
        "Perusahaan rintisan itu meluncurkan aplikasi ponsel untuk pembayaran digital.",
        "Pengguna internet di Indonesia terus bertambah seiring murahnya paket data.",
        "Ponsel pintar terbaru dilengkapi kamera ganda dan baterai berkapasitas besar.",
        "Aplikasi tersebut memakai kecerdasan buatan untuk menyaring pesan palsu.",
        "Startup teknologi finansial mendapat pendanaan dari investor asing.",
    ],
    "showbiz": [
        "Penyanyi itu merilis album baru bersama grup musik kesayangannya.",
        "Aktris muda tersebut membintangi film horor yang tayang di bioskop bulan depan.",
        "Konser band rock itu dipadati penggemar yang bernyanyi sepanjang malam.",
        "Sutradara film laris itu mengumumkan sekuel dengan pemain yang sama.",
        "Selebritas tersebut menikah dengan kekasihnya dalam pesta yang meriah.",
    ],
    "tajuk utama": [
        "Presiden meminta menteri mempercepat pembangunan jalan di daerah terpencil.",
        "Dewan Perwakilan Rakyat membahas rancangan undang-undang tentang pemilu.",
        "Polisi menangkap tersangka korupsi dana bantuan sosial di kantor dinas.",
        "Gubernur meninjau banjir yang merendam ratusan rumah warga di pinggir sungai.",
        "Komisi Pemberantasan Korupsi memeriksa pejabat kementerian sebagai saksi.",
    ],
}


def _terms(text: str, limit: int) -> list[str]:
    """The keyword terms of `text` with no corpus IDF (every term weighs the same)."""
    return [k["term"] for k in keywords(text, {}, 5.0, limit=limit)]


def labelled_records(per_label: int = 5) -> list[dict[str, Any]]:
    """Clean records (artifact contract) built from the sentences above, `per_label` each."""
    records = []
    for label, sentences in SENTENCES.items():
        for i in range(per_label):
            chosen = [sentences[(i + j) % len(sentences)] for j in range(3)]
            paragraphs = [chosen[:2], chosen[2:]]
            records.append(
                {
                    "id": f"{label.replace(' ', '-')}-{i}",
                    "source": "memory",
                    "title": None,
                    "text": "\n\n".join(" ".join(p) for p in paragraphs),
                    "paragraphs": paragraphs,
                    "removed": [],
                    "warnings": [],
                    "lang": "id",
                    "label": label,
                }
            )
    return records


def record(text: str, **extra: Any) -> dict[str, Any]:
    paragraphs = [[text]] if text else []
    return {
        "id": "x",
        "source": "memory",
        "title": None,
        "text": text,
        "paragraphs": paragraphs,
        "removed": [],
        "warnings": [],
        "lang": "id",
        **extra,
    }


FAST = CANDIDATES[:2]  # two linear-svc candidates keep the tests fast


@pytest.fixture(scope="module")
def model() -> Any:
    return train_model(labelled_records(MIN_CALIBRATED), candidates=FAST)


# --- analyzer --------------------------------------------------------------------------------


def test_analyzer_keeps_reduplication_and_drops_numbers_and_stop_words() -> None:
    features = TermAnalyzer(ngram_max=1)("Anak-anak itu membeli 2.000 buku dan 15 pensil.")
    assert "anak-anak" in features
    assert not any(ch.isdigit() for f in features for ch in f)
    assert "itu" not in features and "dan" not in features
    assert features == [f.lower() for f in features]


def test_phrases_join_adjacent_content_words_only() -> None:
    features = TermAnalyzer()("Bank sampah dibuka. Warga datang ke bank, sampah dibawa.")
    assert "bank sampah" in features
    # The second `bank ... sampah` is split by a comma: only one phrase.
    assert features.count("bank sampah") == 1
    assert "dibuka warga" not in features  # never across a sentence end
    assert "datang bank" not in features  # never across a stop word


def test_stemming_protects_names_inside_a_sentence() -> None:
    features = TermAnalyzer(stemmed=True, ngram_max=1)("Warga Bekasi membersihkan sungai.")
    assert "bekasi" in features  # a name: not stemmed to `bekas`
    assert "bersih" in features  # `membersihkan` is stemmed


def test_analyzer_is_picklable_and_comparable() -> None:
    analyzer = TermAnalyzer(stemmed=True)
    restored = pickle.loads(pickle.dumps(analyzer))
    assert restored == analyzer
    assert restored("Anak-anak bermain.") == analyzer("Anak-anak bermain.")
    assert TermAnalyzer(stemmed=False) != analyzer


def test_model_text_puts_the_title_first() -> None:
    assert model_text({"title": "Judul", "text": "Isi."}) == "Judul\n\nIsi."
    assert model_text({"title": None, "paragraphs": [["A.", "B."], ["C."]]}) == "A. B.\n\nC."


# --- keywords --------------------------------------------------------------------------------

KEYWORD_TEXT = (
    "Warga Rusia membangun bank sampah di desa. Bank sampah itu menerima plastik dari "
    "anak-anak sekolah. Anak-anak membawa 200 botol plastik ke bank sampah setiap pekan."
)


def test_keywords_are_surface_forms_without_stop_words_or_numbers() -> None:
    found = keywords(KEYWORD_TEXT, {}, unseen_idf(100), limit=20)
    terms = [k["term"] for k in found]
    assert "bank sampah" in terms
    assert "anak-anak" in terms
    assert "Rusia" in terms  # the surface form, not `rusia`
    assert "bank" not in terms  # covered by the higher-ranked phrase
    stops = {"itu", "di", "dari", "ke", "setiap"}
    for term in terms:
        words = term.split(" ")
        assert words[0].lower() not in stops and words[-1].lower() not in stops
        assert not any(ch.isdigit() for ch in term)
    weights = [k["weight"] for k in found]
    assert weights == sorted(weights, reverse=True)
    assert all(0 < w <= 1 for w in weights)


def test_keywords_use_the_training_idf() -> None:
    common = keywords(KEYWORD_TEXT, {"plastik": 1.0}, 5.0, limit=3)
    rare = keywords(KEYWORD_TEXT, {"plastik": 9.0}, 5.0, limit=3)
    assert "plastik" not in [k["term"] for k in common]
    assert rare[0]["term"] == "plastik"


def test_units_clock_words_speech_tags_and_ordinals_are_never_keywords() -> None:
    text = (
        "Bus itu melaju 100 km per jam di Jl. Tol Cipali pukul 03.15 WIB, ungkapnya. "
        "Sopir bus itu mengantuk, ungkapnya. Bus kedua selamat. Bus ketiga juga selamat, "
        "ungkapnya. Komisi III DPR memanggil Jasa Marga. Komisi III DPR juga memanggil sopir."
    )
    terms = set(_terms(text, 30))
    assert {"bus", "sopir"} <= terms
    banned = {"km", "per", "jam", "Jl", "pukul", "WIB", "ungkapnya", "kedua", "ketiga", "III"}
    assert not any(set(term.split(" ")) & banned for term in terms)


def test_a_name_followed_by_a_verb_is_not_a_phrase() -> None:
    text = "Harga di Kramat Jati naik lagi. Pasokan ke Kramat Jati naik turun. Kramat Jati naik."
    terms = _terms(text, 20)
    assert "Kramat Jati" in terms
    assert "Jati naik" not in terms


def test_sentence_initial_and_headline_capitals_are_dropped_from_common_words() -> None:
    text = "Harga cabai naik. Harga bawang juga naik. Warga Bandung mengeluh. Bandung sepi."
    terms = [k["term"] for k in keywords(text, {}, 5.0, limit=20, title="Pedagang Keluhkan Harga")]
    assert "harga" in terms and "Harga" not in terms
    assert "Bandung" in terms and "Keluhkan" not in terms  # (a headline verb: no tag at all)


def test_keywords_of_an_empty_text() -> None:
    assert keywords("", {}, 1.0) == []
    assert keywords("Yang itu dan ini 123.", {}, 1.0) == []


# --- training -------------------------------------------------------------------------------


def test_cv_plan_adapts_folds_to_the_smallest_label() -> None:
    assert cv_plan(["a"] * 10 + ["b"] * 10) == (5, 3)
    assert cv_plan(["a"] * 10 + ["b"] * 3) == (3, 2)
    assert cv_plan(["a"] * 10 + ["b"] * 2)[0] == 2


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ([], "no labelled documents"),
        (["a", "a", "a"], "every training document has the label 'a'"),
        (["a", "a", "a", "b"], "label 'b' has only 1 training document"),
    ],
)
def test_cv_plan_rejects_unusable_label_sets(labels: list[str], message: str) -> None:
    with pytest.raises(BeritaError, match=message):
        cv_plan(labels)


def test_parse_merge() -> None:
    assert parse_merge(["showbiz=hiburan"]) == {"showbiz": "hiburan"}
    for bad in (["showbiz"], ["a=a"], ["=b"], ["a=b", "b=c"]):
        with pytest.raises(BeritaError):
            parse_merge(bad)


def test_fingerprint_ignores_order_but_not_labels() -> None:
    assert fingerprint(["1", "2"], ["a", "b"]) == fingerprint(["2", "1"], ["b", "a"])
    assert fingerprint(["1", "2"], ["a", "b"]) != fingerprint(["1", "2"], ["a", "a"])


def test_trained_model_predicts_unseen_documents(model: Any) -> None:
    unseen = {
        "olahraga": "Klub itu menang tiga gol dan pelatih memuji pemain di stadion.",
        "teknologi": "Aplikasi baru untuk ponsel memudahkan pembayaran digital pengguna.",
        "showbiz": "Penyanyi dan aktris itu tampil dalam konser musik serta film baru.",
        "tajuk utama": "Polisi dan komisi memeriksa pejabat dalam kasus korupsi dana bantuan.",
    }
    for label, text in unseen.items():
        tagged = tag_record(record(text), model)
        assert tagged["topic"]["label"] == label, (label, tagged["topics"])


def test_model_metadata(model: Any) -> None:
    meta = model.meta
    assert meta["format_version"] == FORMAT_VERSION
    assert meta["labels"] == {label: MIN_CALIBRATED for label in SENTENCES}
    assert meta["params"]["chosen"] in [dict(sorted(c.items())) for c in FAST]
    cv = meta["cv_on_training_data"]
    assert "training data" in cv["note"] and cv["folds"] == 5
    assert len(cv["candidates"]) == len(FAST)
    assert set(meta["versions"]) >= {"sklearn", "numpy", "berita"}
    assert meta["data_fingerprint"].startswith("sha256:")


def test_model_selection_scores_the_labels_with_enough_documents() -> None:
    assert scored_labels(Counter({"a": 60, "b": 50, "c": 12})) == ["a", "b"]
    # one label with enough documents is not enough to score by
    assert scored_labels(Counter({"a": 60, "b": 12, "c": 3})) == ["a", "b", "c"]
    assert scored_labels(Counter({"x": 5, "y": 5})) == ["x", "y"]


def test_nb_svm_candidate_trains_calibrates_and_predicts() -> None:
    nbsvm = [c for c in CANDIDATES if c["model"] == "nb-svm"]
    assert nbsvm, "NB-SVM is one of the candidates"
    model = train_model(labelled_records(MIN_CALIBRATED), candidates=nbsvm)
    assert model.meta["params"]["chosen"]["model"] == "nb-svm"
    tagged = tag_record(record("Klub itu menang tiga gol dan pelatih memuji pemain."), model)
    assert tagged["topic"]["label"] == "olahraga"
    scores = [t["score"] for t in tagged["topics"]]
    assert scores == sorted(scores, reverse=True) and 0.0 <= scores[-1] <= scores[0] <= 1.0


def test_nb_svm_on_two_labels_gives_one_score_column() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from pipeline.nbsvm import NBSVM

    texts = ["gol bola menang", "bola gol kalah", "film artis main", "artis film baru"] * 3
    labels = ["olahraga", "olahraga", "showbiz", "showbiz"] * 3
    features = TfidfVectorizer().fit_transform(texts)
    fitted = NBSVM(random_state=1).fit(features, labels)
    assert fitted.decision_function(features).shape == (12,)
    assert list(fitted.predict(features)) == labels


def test_merge_relabels_before_training() -> None:
    merged = train_model(labelled_records(), merge={"showbiz": "tajuk utama"}, candidates=FAST)
    assert set(merged.labels) == {"olahraga", "teknologi", "tajuk utama"}
    assert merged.meta["labels"]["tajuk utama"] == 10


def test_training_errors_name_the_problem() -> None:
    records = labelled_records(3)
    one_label = [r for r in records if r["label"] == "olahraga"]
    with pytest.raises(BeritaError, match="every training document has the label 'olahraga'"):
        train_model(one_label, candidates=FAST)
    rare = records + [{**record("Satu artikel tentang kuliner."), "id": "k", "label": "kuliner"}]
    with pytest.raises(BeritaError, match="label 'kuliner' has only 1"):
        train_model(rare, candidates=FAST)
    with pytest.raises(BeritaError, match="no labelled documents"):
        train_model([record("Tanpa label sama sekali.")], candidates=FAST)


# --- persistence ----------------------------------------------------------------------------


def test_save_and_load_round_trip(model: Any, tmp_path: Path) -> None:
    save_model(model, tmp_path / "m")
    loaded = load_model(tmp_path / "m")
    text = "Klub sepak bola itu menang di stadion."
    assert tag_record(record(text), loaded) == tag_record(record(text), model)
    meta = json.loads((tmp_path / "m" / META_FILE).read_text())
    assert meta == model.meta


def test_load_refuses_missing_or_incompatible_models(model: Any, tmp_path: Path) -> None:
    with pytest.raises(BeritaError, match="no such model directory"):
        load_model(tmp_path / "absent")
    save_model(model, tmp_path / "m")
    meta_path = tmp_path / "m" / META_FILE
    meta = json.loads(meta_path.read_text())
    meta_path.write_text(json.dumps({**meta, "format_version": FORMAT_VERSION + 1}))
    with pytest.raises(BeritaError, match="format"):
        load_model(tmp_path / "m")
    versions = {**meta["versions"], "sklearn": "0.1.0"}
    meta_path.write_text(json.dumps({**meta, "versions": versions}))
    with pytest.raises(BeritaError, match="scikit-learn 0.1.0"):
        load_model(tmp_path / "m")
    (tmp_path / "m" / MODEL_FILE).unlink()
    with pytest.raises(BeritaError, match=f"missing {MODEL_FILE}"):
        load_model(tmp_path / "m")


# --- tagging --------------------------------------------------------------------------------


def test_tag_record_adds_topic_topics_and_keywords(model: Any) -> None:
    source = record("Penyanyi itu merilis album musik dan film baru. Album itu laris.")
    tagged = tag_record(source, model, top_k=2)
    assert source.keys() <= tagged.keys() and "topic" not in source  # input left unchanged
    scores = [t["score"] for t in tagged["topics"]]
    assert len(scores) == 2 and scores == sorted(scores, reverse=True)
    assert tagged["topic"] == {"label": tagged["topics"][0]["label"], "score": scores[0]}
    assert 0.0 <= scores[0] <= 1.0
    assert "album" in [k["term"] for k in tagged["keywords"]]
    assert tagged["warnings"] == []


def test_min_score_abstains(model: Any) -> None:
    tagged = tag_record(record("Penyanyi itu merilis album."), model, min_score=1.0)
    assert tagged["topic"]["label"] == UNKNOWN
    assert tagged["topics"][0]["label"] != UNKNOWN


def test_empty_and_foreign_documents_warn_instead_of_failing(model: Any) -> None:
    empty = tag_record(record(""), model)
    assert empty["topic"] == {"label": UNKNOWN, "score": 0.0}
    assert empty["topics"] == [] and empty["keywords"] == []
    assert any("empty" in w for w in empty["warnings"])
    english = tag_record(record("The singer released a new album.", lang="en"), model)
    assert english["topic"]["label"] == UNKNOWN
    assert any("'en' is not Indonesian" in w for w in english["warnings"])
    unknown_words = tag_record(record("Xylofon zwibbel qworp."), model)
    assert unknown_words["topic"]["label"] == UNKNOWN
    assert any("no word known" in w for w in unknown_words["warnings"])


# --- command line ---------------------------------------------------------------------------

runner = CliRunner()


def write_artifact(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_cli_train_then_tag(tmp_path: Path) -> None:
    from pipeline.cli import app

    data = write_artifact(tmp_path / "clean.jsonl", labelled_records())
    result = runner.invoke(app, ["train", str(data), "-o", str(tmp_path / "model")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "model" / MODEL_FILE).is_file()
    out = tmp_path / "tags.jsonl"
    result = runner.invoke(
        app, ["tag", str(data), "--model", str(tmp_path / "model"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    tagged = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(tagged) == 20
    assert sum(r["topic"]["label"] == r["label"] for r in tagged) >= 18
    report = json.loads((tmp_path / "tags.report.json").read_text())
    assert report["counts"]["out"] == 20 and sum(report["labels"].values()) == 20
    assert report["params"]["min_score"] == 0.0


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    from pipeline.cli import app

    data = write_artifact(tmp_path / "clean.jsonl", labelled_records(2)[:2])  # one label
    result = runner.invoke(app, ["train", str(data), "-o", str(tmp_path / "model")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "every training document has the label" in result.stderr
    result = runner.invoke(app, ["tag", str(data), "--model", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"error: {tmp_path / 'nope'}: no such model directory")


# --- IndoSum --------------------------------------------------------------------------------


def test_indosum_sample_beats_the_majority_class(indosum_dir: Path) -> None:
    from collections import Counter

    from pipeline.clean_stage import load_records

    records = [r for r in load_records([indosum_dir / "dev.01.jsonl"]) if r.get("label")]
    records = sorted(records, key=lambda r: r["id"])[:400]
    train, test = records[:300], records[300:]
    frequent = Counter(r["label"] for r in train)
    kept = {label for label, n in frequent.items() if n >= 3}
    train = [r for r in train if r["label"] in kept]
    trained = train_model(train, candidates=FAST)
    truth = [r["label"] for r in test]
    predicted = [tag_record(r, trained)["topic"]["label"] for r in test]
    accuracy = sum(p == t for p, t in zip(predicted, truth, strict=True)) / len(test)
    majority = Counter(truth).most_common(1)[0][1] / len(test)
    assert accuracy > majority + 0.2


def test_run_tag_records_raw_inputs_it_could_not_read_or_clean(model: Any, tmp_path: Path) -> None:
    save_model(model, tmp_path / "model")
    text = "Tim nasional menang dua gol di stadion utama. Pelatih memuji para pemain muda."
    raw = tmp_path / "raw.jsonl"
    rows = [{"id": "ok", "text": text}, {"id": "kosong", "text": ""}]
    raw.write_text("".join(json.dumps(r) + "\n" for r in rows) + "{rusak\n")
    report = run_tag([raw], tmp_path / "model", tmp_path / "t.jsonl")
    assert report["counts"]["in"] == 3 and report["counts"]["out"] == 1
    assert report["counts"]["failed"] == 2
    assert sorted(e["id"] for e in report["errors"]) == ["kosong", "raw:3"]


def test_the_same_data_gives_a_byte_identical_model_file(tmp_path: Path) -> None:
    for name in ("a", "b"):
        save_model(train_model(labelled_records(), candidates=FAST), tmp_path / name)
    assert (tmp_path / "a" / MODEL_FILE).read_bytes() == (tmp_path / "b" / MODEL_FILE).read_bytes()


def test_a_very_short_document_is_tagged_with_a_warning(model: Any) -> None:
    tagged = tag_record(record("Banjir."), model)
    assert tagged["topic"]["label"] != UNKNOWN
    assert any("very short document (1 content words)" in w for w in tagged["warnings"])
    empty = tag_record(record("Yang itu dan ini 123."), model)
    assert empty["topic"]["label"] == UNKNOWN
    assert any("no words to classify" in w for w in empty["warnings"])


def test_merging_a_label_the_data_does_not_have_is_an_error() -> None:
    from pipeline.errors import LabelError
    from pipeline.tag import training_set

    with pytest.raises(LabelError, match="does not have: nope"):
        training_set(labelled_records(), {"nope": "olahraga"})


@pytest.mark.parametrize("bad", [{"paragraphs": "bogus"}, {"paragraphs": [[1, 2]]}, {"text": 5}])
def test_a_malformed_record_is_an_error_of_that_record(model: Any, bad: dict[str, Any]) -> None:
    from pipeline.errors import DocumentError

    with pytest.raises(DocumentError):
        tag_record({**record("Harga cabai naik tajam di pasar induk."), **bad}, model)



def test_english_stop_words_are_not_keywords_of_an_english_document() -> None:
    text = (
        "The minister said it would be ready. It will be built by the state and it will be "
        "opened by the minister, who said the state would pay for it."
    )
    english = {k["term"] for k in keywords(text, {}, 5.0, limit=20, lang="en")}
    assert {"minister", "state"} <= english
    assert not english & {"be", "it", "would", "will", "who", "by"}
    unfiltered = [k["term"].split() for k in keywords(text, {}, 5.0, limit=20)]
    assert any("be" in words for words in unfiltered)  # (filtered only when English)


def test_web_addresses_and_titles_give_no_keywords() -> None:
    text = (
        "Data lengkap dapat diakses di laman bps.go.id/publikasi dan https://www.bps.go.id/x. "
        "Dr Andi Wijaya dari BPS mengatakan data inflasi naik. Hubungi humas@bps.go.id. "
        "Dr Andi Wijaya menambahkan inflasi pangan tinggi."
    )
    terms = {k["term"].lower() for k in keywords(text, {}, 5.0, limit=30)}
    assert {"data", "inflasi", "andi wijaya"} <= terms
    assert not terms & {"go", "id", "www", "https", "humas", "dr", "publikasi"}


def test_a_few_documents_per_label_train_a_model_that_agrees_with_its_labels() -> None:
    records = labelled_records(3)
    tiny = train_model(records, candidates=FAST)  # too few to calibrate an SVM's scores
    assert tiny.meta["params"]["chosen"]["model"] == "logistic-regression"
    assert [tag_record(r, tiny)["topic"]["label"] for r in records] == [r["label"] for r in records]


def test_verbs_possessives_and_units_are_not_keywords() -> None:
    text = (
        "Dokter menyarankan warga menguras bak mandi. Warga dievakuasi dari rumah. "
        "Dananya cair pekan depan. Harga beras naik menjadi Rp 15.000 per kilogram. "
        "Pemerintah tetapkan harga beras. Menteri meninjau gudang beras."
    ) * 2
    terms = set(_terms(text, 30))
    assert {"beras", "warga", "harga beras", "gudang beras"} <= terms
    assert not {w.lower() for t in terms for w in t.split()} & {
        "menyarankan", "dievakuasi", "dananya", "kilogram", "tetapkan", "meninjau"
    }


def test_nouns_of_ke_an_and_pe_an_stay_keywords() -> None:
    text = "Kebijakan kenaikan harga BBM dibahas. Kebijakan itu menyangkut pendidikan dan kenaikan."
    terms = {k["term"].lower() for k in keywords(text * 2, {}, 5.0, limit=30)}
    assert {"kebijakan", "kenaikan", "pendidikan"} <= terms


def test_loan_nouns_that_start_like_verbs_stay_keywords() -> None:
    text = ("Penyandang disabilitas bekerja di kedai kopi. Kedai itu mempekerjakan penyandang "
            "disabilitas. Program digitalisasi membantu penyandang disabilitas.")
    terms = {k["term"].lower() for k in keywords(text, {}, 5.0, limit=30)}
    assert "penyandang disabilitas" in terms


def test_words_of_degree_and_quantity_are_keywords_only_inside_names() -> None:
    text = (
        "Harga beras naik sebesar 10 persen sesuai ketentuan baru. Harga beras tetap tinggi. "
        "Warga Selandia Baru membeli beras. Selandia Baru mengimpor beras dari Indonesia. "
        "Harga beras naik lagi akibat cuaca."
    )
    terms = set(_terms(text, 30))
    assert "Selandia Baru" in terms and "beras" in terms
    weak = {"naik", "sebesar", "sesuai", "baru", "tetap", "tinggi", "akibat"}
    assert not any(set(term.lower().split(" ")) & weak for term in terms - {"Selandia Baru"})


def test_english_reporting_words_are_not_keywords_of_an_english_document() -> None:
    text = ("The central bank said inflation rose 3 percent amid higher food prices. "
            "The bank said rice prices rose. Rice imports rose 5 percent, the bank said.")
    terms = {k["term"] for k in keywords(text, {}, 5.0, limit=30, lang="en")}
    assert "rice" in terms and not terms & {"said", "percent", "amid"}


def test_names_of_three_or_four_words_are_one_keyword_not_overlapping_pieces() -> None:
    text = (
        "Gempa mengguncang Nusa Tenggara Barat pada Minggu pagi. Warga Nusa Tenggara Barat "
        "mengungsi ke tenda. Petugas Taman Nasional Komodo menutup jalur pendakian. Taman "
        "Nasional Komodo dibuka lagi pekan depan. Polisi menembakkan gas air mata. Gas air mata "
        "membuat warga sesak napas. Barat daya pulau itu sepi."
    )
    terms = _terms(text, 30)
    assert "Nusa Tenggara Barat" in terms and "Taman Nasional Komodo" in terms
    assert "gas air mata" in terms
    pieces = {"Nusa Tenggara", "Tenggara Barat", "Taman Nasional", "Nasional Komodo", "gas air",
              "air mata", "Barat", "Tenggara", "Nasional", "barat"}
    assert not pieces & set(terms)


def test_phrases_sharing_words_at_their_ends_are_not_both_listed() -> None:
    # no three-word run recurs here, but both pairs do: only the stronger is listed
    text = ("Harga cabai rawit naik. Cabai rawit merah langka. Harga cabai rawit turun lagi. "
            "Cabai rawit merah dijual mahal. Rawit merah dari Jawa.")
    terms = [k["term"].lower() for k in keywords(text, {"rawit merah": 9.0}, 5.0, limit=30)]
    phrases = [t for t in terms if " " in t]
    assert not any(a != b and a.split()[-1] == b.split()[0] for a in phrases for b in phrases)


def test_an_acronym_in_a_title_case_headline_keeps_its_capitals() -> None:
    text = "Badan Meteorologi, Klimatologi, dan Geofisika memperingatkan hujan lebat. Hujan lebat."
    terms = {k["term"] for k in keywords(text, {}, 5.0, limit=30,
                                         title="Presiden Lantik Kepala BMKG Yang Baru")}
    assert "BMKG" in terms and "bmkg" not in terms


def test_a_name_replaces_its_parts_listed_before_it() -> None:
    # (a part standing mostly on its own is kept: `Lombok` beside `Lombok Utara`)
    text = ("Marc Marquez menang di Mandalika. Marquez memimpin sejak lap pertama. Marc Marquez "
            "juara dunia. Marc tersenyum di podium.")
    terms = [k["term"] for k in keywords(text, {"marquez": 9.0, "marc": 9.0}, 5.0, limit=30)]
    assert "Marc Marquez" in terms and not {"Marc", "Marquez"} & set(terms)


def test_a_word_written_in_lowercase_anywhere_is_shown_in_lowercase() -> None:
    from collections import Counter

    from pipeline.keywords import best_form

    assert best_form(Counter({"Kesehatan": 2, "kesehatan": 1})) == "kesehatan"
    assert best_form(Counter({"Medan": 6, "medan": 1})) == "Medan"  # (`medan yang berat`)
    assert best_form(Counter({"Jakarta": 3})) == "Jakarta"
    assert best_form(Counter({"Bank Indonesia": 1, "bank Indonesia": 2})) == "Bank Indonesia"


def test_stop_words_inside_names_stay_in_them_and_titles_do_not_hide_names() -> None:
    text = ("Pemerintah Provinsi Jawa Tengah menyalurkan beras. Warga Jawa Tengah menerima beras. "
            "Menteri Luar Negeri Sugiono bertemu mitranya. Menteri Luar Negeri Sugiono puas. "
            "Peneliti Dr. Intan Permatasari meneliti anggrek. Intan berharap anggrek dilindungi. "
            "Plt. Kepala Dinas hadir. Rombongan berada di luar gedung.")
    terms = set(_terms(text, 30))
    assert "Jawa Tengah" in terms and any("Luar Negeri" in t for t in terms)
    # (the name after the title is found: shown whole, as the text first wrote it)
    assert "Intan Permatasari" in terms and "intan" not in terms and "kepala" not in terms
    assert not {"luar", "Luar", "tengah", "Plt", "Ph"} & terms


def test_a_name_piece_that_mostly_stands_in_a_longer_name_is_shown_as_that_name() -> None:
    text = ("Presiden melantik Sugiono sebagai Menteri Luar Negeri. Menteri Luar Negeri yang baru "
            "itu berjanji melindungi warga di luar negeri. Sugiono juga pernah bertugas di luar "
            "negeri. Kementerian Luar Negeri menyiapkan program baru bagi Menteri Luar Negeri.")
    terms = _terms(text, 30)
    assert "Menteri Luar Negeri" in terms and "Luar Negeri" not in terms


def test_heads_of_institutions_and_counts_are_not_keywords_alone() -> None:
    text = ("Badan Penanggulangan Bencana Daerah, BPBD, mencatat ratusan rumah terendam. Badan "
            "Meteorologi, Klimatologi, dan Geofisika memperingatkan hujan. Ratusan warga "
            "mengungsi dari bantaran Kali Bekasi. Air Kali Bekasi terus naik. Guru besar "
            "hidrologi menilai guru besar lain perlu dilibatkan.")
    terms = _terms(text, 30)
    assert not {"Badan", "ratusan", "ratusan rumah"} & set(terms)
    assert {"Kali Bekasi", "guru besar"} <= set(terms)


def test_a_run_of_names_cut_before_a_rank_and_a_rank_alone_are_not_keywords() -> None:
    text = ("Kapolsek Simpang Kramat Ipda Budi Santoso menangkap dua pelaku. Menurut Kapolsek "
            "Simpang Kramat Ipda Budi Santoso, pelaku sudah lama diintai. Budi meminta warga "
            "tenang. Kata Pak, saksi diperiksa. Pak pulang.")
    terms = set(_terms(text, 30))
    assert not {"Kapolsek Simpang Kramat Ipda", "Ipda", "Pak"} & terms
    assert {"Kapolsek Simpang Kramat", "Budi Santoso"} <= terms


def test_a_name_first_written_in_full_is_shown_in_full_not_by_its_short_form() -> None:
    text = ("KPK menahan Bupati Lampung Selatan Hendra Wiratmaja Saputra. Hendra diduga menerima "
            "suap. Hendra membantah. Pebulu tangkis Jonatan Christie menang. Christie senang.")
    terms = _terms(text, 30)
    assert {"Hendra Wiratmaja Saputra", "Jonatan Christie"} <= set(terms)
    assert not {"Hendra", "Christie", "Lampung Selatan Hendra"} & set(terms)


def test_a_portfolio_or_a_subject_before_a_name_is_no_first_name() -> None:
    text = ("Menteri Ketenagakerjaan Yassierli mengumumkan kenaikan upah. Yassierli meminta "
            "gubernur patuh. Menteri Ketenagakerjaan Yassierli juga meminta pengusaha patuh. "
            "Kata Yassierli, aturan segera terbit. Tunggal putra Jonatan Christie juara. Jonatan "
            "menang mudah. Kemenangan Jonatan disambut meriah. Jonatan bersyukur. Pemerintah "
            "Kepulauan Riau senang. Kepulauan Riau bangga. Warga Riau bersorak.")
    terms = _terms(text, 30)
    assert {"Yassierli", "Jonatan Christie", "Kepulauan Riau"} <= set(terms)
    assert not {"Ketenagakerjaan Yassierli", "Kemenangan Jonatan", "Jonatan"} & set(terms)


def test_institution_names_joined_by_dan_and_people_named_after_them_are_whole() -> None:
    text = ("Badan Pengawas Obat dan Makanan menarik sirup obat batuk. Kepala Badan Pengawas Obat "
            "dan Makanan Taruna Ikrar menjelaskan cemaran. Badan Pengawas Obat dan Makanan "
            "meminta apotek berhati-hati. Kepala Pelaksana BPBD Kabupaten Demak Agus Nugroho "
            "Luhur Pambudi meminta warga mengungsi. Agus memantau tanggul. Agus siaga. Kementerian "
            "Pemuda dan Olahraga menyiapkan bonus. Kementerian Pemuda dan Olahraga menyiapkan "
            "pengamanan. Menteri Agama Lukman Hakim Saifuddin hadir. Lukman senang.")
    terms = _terms(text, 40)
    assert {"Badan Pengawas Obat dan Makanan", "Agus Nugroho Luhur Pambudi",
            "Kementerian Pemuda dan Olahraga"} <= set(terms)
    assert not {"Makanan", "Olahraga", "Agus", "Pambudi", "Agama Lukman Hakim Saifuddin",
                "kementerian Pemuda"} & set(terms)


def test_a_first_name_that_is_also_a_word_is_completed_and_the_word_kept() -> None:
    text = ("Penyanyi Indah Permatasari merilis album. Album itu berisi kenangan indah. "
            "\"Pantainya indah,\" kata Indah. Menurut Indah, lagunya lahir di Lombok. "
            "Pemandangan indah jadi ilham. Tur konser Indah dimulai. Warga Pasar Baru senang. "
            "Pasar ramai. Harga di pasar turun. Pedagang pasar lega.")
    terms = _terms(text, 30)
    assert {"Indah Permatasari", "indah", "pasar"} <= set(terms)
    assert "Indah" not in terms


def test_a_product_is_shown_with_its_model_and_its_model_word_is_no_keyword() -> None:
    text = ("Apple menjual iPhone 16 Pro mulai Jumat. Harga iPhone 16 Pro dibanderol Rp 20 juta. "
            "Layar iPhone 16 Pro berukuran 6,3 inci. Samsung menjual Galaxy S24 Ultra. Galaxy "
            "S24 Ultra dibekali kamera. Galaxy S24 Plus lebih murah. Persija menang 2-1. "
            "Persija 2-1 Persib. Persija unggul.")
    terms = _terms(text, 30)
    assert {"iPhone 16 Pro", "Galaxy S24 Ultra", "Persija"} <= set(terms)
    assert not {"Pro", "Ultra", "Plus", "iPhone", "Persija 2"} & set(terms)


def test_offices_verbs_of_loan_nouns_and_number_words_are_no_keywords() -> None:
    text = ("Presiden meninjau Sungai Bila. Presiden meminta sungai dinormalisasi. Sekretaris "
            "Jenderal kementerian hadir. Sekretaris Jenderal mencatat sebelas desa terendam. Warga "
            "sebelas desa mengungsi. Pasar direvitalisasi. Pasar juga direvitalisasi tahun ini. "
            "Sungai itu dinormalisasi. Digitalisasi layanan desa berjalan. Digitalisasi dipuji.")
    terms = {k["term"].lower() for k in keywords(text, {}, 5.0, limit=40)}
    assert {"sungai", "digitalisasi"} <= terms
    assert not {"presiden", "sekretaris jenderal", "sebelas", "dinormalisasi",
                "direvitalisasi"} & terms


def test_a_place_before_a_persons_name_is_no_first_name() -> None:
    text = ("Presiden Amerika Serikat Joe Biden mendukung gencatan senjata. Biden menelepon "
            "sekutunya. Biden optimistis. Direktur Utama PT MRT Jakarta Tuhiyat meresmikan "
            "stasiun. Tuhiyat bangga. Tuhiyat optimistis. Fans Boston Celtics bersorak. Boston "
            "Celtics menang. Celtics juara.")
    terms = _terms(text, 40)
    assert {"Joe Biden", "Tuhiyat", "Boston Celtics"} <= set(terms)
    assert not {"Serikat Joe Biden", "Jakarta Tuhiyat"} & set(terms)


def test_an_acronym_and_the_name_it_is_defined_as_are_one_keyword() -> None:
    text = ("Komisi Pemberantasan Korupsi (KPK) menahan bupati. Komisi Pemberantasan Korupsi "
            "menyita uang. KPK memeriksa saksi. KPK menjadwalkan sidang. Warga mendukung KPK.")
    terms = _terms(text, 40)
    assert "Komisi Pemberantasan Korupsi (KPK)" in terms
    assert not {"KPK", "Komisi Pemberantasan Korupsi"} & set(terms)


def test_a_headlines_bare_verbs_are_no_keywords() -> None:
    text = "Banjir merendam desa. Warga mengungsi ke masjid. Banjir surut sore hari."
    title = "Banjir Rendam Demak, BMKG Imbau Warga"
    terms = {k["term"].lower() for k in keywords(text, {}, 5.0, limit=30, title=title)}
    assert "banjir" in terms and not {"rendam", "imbau"} & terms


def test_names_with_lowercase_particles_are_whole() -> None:
    text = ("Putra Mahkota Arab Saudi Mohammed bin Salman tiba di Jakarta. Mohammed bin Salman "
            "disambut hangat. Mohammed bin Salman bertemu pengusaha. Festival film di Rio de "
            "Janeiro ramai. Rio de Janeiro bersiap.")
    terms = _terms(text, 40)
    assert {"Mohammed bin Salman", "Rio de Janeiro"} <= set(terms)
    assert not {"bin Salman", "Saudi Mohammed", "de Janeiro", "Rio"} & set(terms)


def test_an_acronym_spelled_out_with_commas_is_one_keyword() -> None:
    text = ("Gempa mengguncang Cianjur. Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) "
            "menyatakan gempa tidak berpotensi tsunami. BMKG meminta warga waspada. BMKG "
            "memantau gempa susulan.")
    terms = _terms(text, 30)
    assert "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)" in terms
    assert not {"BMKG", "Klimatologi", "Geofisika", "Meteorologi"} & set(terms)


def test_a_name_that_only_opens_sentences_is_shown_whole() -> None:
    text = ("Otoritas Jasa Keuangan (OJK) mencatat kredit tumbuh. Otoritas Jasa Keuangan juga "
            "memantau kredit macet. Data Badan Pusat Statistik menunjukkan inflasi turun. Data "
            "Badan Pusat Statistik dirilis tiap bulan.")
    terms = _terms(text, 30)
    assert "Otoritas Jasa Keuangan (OJK)" in terms and "Jasa Keuangan" not in terms
    assert "Badan Pusat Statistik" in terms and not any(t.startswith("Data") for t in terms)


def test_a_common_word_mostly_standing_in_a_listed_term_is_not_listed_beside_it() -> None:
    text = ("Kasus demam berdarah meningkat. Pasien demam berdarah dirawat. Demam berdarah "
            "menular lewat nyamuk. Gejala demam tinggi. Pasien TBC juga dirawat. Kasus TBC naik. "
            "TBC menular. TBC diobati.")
    terms = _terms(text, 30)
    assert "demam berdarah" in terms and "demam" not in terms
    assert "TBC" in terms  # (an acronym beside `kasus TBC` stays)


def test_short_forms_first_written_alone_places_and_shared_surnames_stay_short() -> None:
    text = ("Google merilis fitur baru. Google menyebut Google Play aman. Warga Jakarta senang. "
            "Jakarta Selatan macet. Jakarta ramai. Skip Marley bernyanyi. Bob Marley dikenang. "
            "Marley diputar.")
    terms = set(k["term"] for k in keywords(text, {}, 5.0, limit=30))
    assert {"Google", "Jakarta", "Marley"} <= terms


def test_full_names_of_people_with_word_names_institutions_and_clubs() -> None:
    text = ("Kabid Humas Polda Metro Jaya Kombes Argo Yuwono menjelaskan kasus itu. Argo menyebut "
            "AKBP Bambang Hartono Wibisono memimpin penangkapan. Bambang puas. Argo senang. "
            "Data Dinas Kesehatan Kota Surabaya mencatat kasus. Kata Dinas Kesehatan Kota "
            "Surabaya, warga waspada. Kesehatan warga dipantau. Tim Arema FC menang. Pelatih "
            "Arema senang.")
    terms = set(_terms(text, 30))
    assert {"Argo Yuwono", "Bambang Hartono Wibisono", "Dinas Kesehatan Kota Surabaya",
            "Arema FC"} <= terms
    assert not {"Argo", "Bambang", "Arema", "Kesehatan Kota Surabaya"} & terms


def test_ber_words_that_name_a_kind_are_not_taken_for_verbs() -> None:
    text = ("Kasus demam berdarah naik. Dinas mencatat demam berdarah di tiga kecamatan. Pajak "
            "kendaraan bermotor naik. Kendaraan bermotor wajib uji emisi. Warga bermain bola.")
    terms = set(_terms(text, 30))
    assert {"demam berdarah", "kendaraan bermotor"} <= terms and "bermain" not in terms
