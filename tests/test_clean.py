"""The cleaning rules, one at a time, on small hand-written Indonesian texts."""

from __future__ import annotations

import pytest

from pipeline.clean import (
    classify_line,
    clean_document,
    clean_title,
    footer_candidates,
    footer_key,
    join_broken_lines,
    join_lines,
    normalize_unicode,
    recurring_footers,
    repair_partial_mojibake,
    split_flattened_link,
    story_keys,
    strip_dateline,
    strip_html,
    strip_trailing_boilerplate,
)
from pipeline.langid import detect_language

BODY = "Harga cabai rawit di Pasar Kosambi naik tajam sejak awal pekan."
BODY2 = "Pedagang mengeluhkan pasokan dari Garut yang berkurang karena hujan."
BODY3 = "Dinas Perdagangan berjanji menggelar operasi pasar pada Kamis."


def removed_of(raw: str, kind: str | None = None, **kwargs: object) -> list[str]:
    cleaned = clean_document(raw, **kwargs)  # type: ignore[arg-type]
    return [r["text"] for r in cleaned.removed if kind is None or r["kind"] == kind]


# --- 1. encoding ---------------------------------------------------------------------------


def test_dagger_glued_to_a_word_is_a_closing_quote_and_a_space() -> None:
    text, repairs = repair_partial_mojibake('"Kami menolak politik blok,†kata Denisov.')
    assert text == '"Kami menolak politik blok," kata Denisov.'
    assert [r["kind"] for r in repairs] == ["partial-mojibake"]
    assert "†" in repairs[0]["text"] and '," kata' in repairs[0]["text"]


def test_dangling_mojibake_quote_is_a_closing_quote() -> None:
    text, _ = repair_partial_mojibake("hubungan antara Rusia dan Chinaâ€.")
    assert text == 'hubungan antara Rusia dan China".'


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("â€œKami siap", '"Kami siap'),
        ("istilah â€˜blokâ€™ itu", "istilah 'blok' itu"),
        ('periode 2019â€"2020', "periode 2019-2020"),
        ("tunggu sajaâ€¦", "tunggu saja…"),
        ("Democratic People†™s Republic", "Democratic People's Republic"),
    ],
)
def test_truncated_mojibake_sequences_are_repaired(broken: str, fixed: str) -> None:
    assert repair_partial_mojibake(broken)[0] == fixed


def test_a_dagger_standing_alone_is_left_alone() -> None:
    assert repair_partial_mojibake("Soekarno † 1970")[0] == "Soekarno † 1970"


def test_whole_mojibake_is_fixed_by_ftfy_and_recorded() -> None:
    cleaned = clean_document("â€œFilm ini sarat budaya Bugis,â€\x9d kata sutradara itu.")
    assert cleaned.text == '"Film ini sarat budaya Bugis," kata sutradara itu.'
    assert "mojibake" in [r["kind"] for r in cleaned.repairs]
    assert clean_document("Kafe itu menjual crÃ¨me brÃ»lÃ©e.").text == (
        "Kafe itu menjual crème brûlée."
    )


def test_euro_sign_is_not_mojibake() -> None:
    cleaned = clean_document("Nilai transfer pemain itu mencapai € 222 juta pada musim lalu.")
    assert "€ 222 juta" in cleaned.text
    assert cleaned.repairs == []


# --- 2. HTML -------------------------------------------------------------------------------


def test_entities_are_unescaped_and_recorded() -> None:
    cleaned = clean_document("Harga&nbsp;gula &amp; beras naik, &#8220;kata&#8221; pedagang itu.")
    assert cleaned.text == 'Harga gula & beras naik, "kata" pedagang itu.'
    assert {"kind": "html-entity", "text": "&amp; -> &"} in cleaned.repairs


def test_double_escaped_entities_are_fully_unescaped() -> None:
    assert clean_document("Ia berkata &amp;quot;cukup&amp;quot; kepada wartawan.").text == (
        'Ia berkata "cukup" kepada wartawan.'
    )


def test_paragraph_and_break_tags_become_structure_and_other_tags_go() -> None:
    raw = f"<p>{BODY}</p><p>Pedagang <b>mengeluhkan</b> pasokan.<br>{BODY3}</p>"
    cleaned = clean_document(raw)
    assert cleaned.paragraphs == [[BODY], ["Pedagang mengeluhkan pasokan."], [BODY3]]
    assert removed_of(raw, "html") == ["<b>", "</b>"]


def test_scripts_and_figure_captions_are_dropped_whole() -> None:
    raw = (
        "<figure><img src='a.jpg'><figcaption>Warga antre minyak goreng</figcaption></figure>"
        f"<script>var iklan = 1;</script><p>{BODY}</p>"
    )
    cleaned = clean_document(raw)
    assert cleaned.text == BODY
    assert {"kind": "caption", "text": "Warga antre minyak goreng"} in cleaned.removed


def test_text_that_only_looks_like_markup_is_kept() -> None:
    raw = "Skor 3 < 5 tetapi 7 > 2, kata guru matematika di kantor AT&T dan divisi R&D."
    text, removed, repairs = strip_html(raw)
    assert (text, removed, repairs) == (raw, [], [])


# --- 3. unicode ----------------------------------------------------------------------------


def test_invisible_characters_and_odd_spaces_are_normalized() -> None:
    raw = "Ha\u200brga\u00a0 cabai\u2060  naik\u00ad tajam\ufeff.\t\r\nIa pergi.  "
    assert normalize_unicode(raw.replace("\r\n", "\n")) == "Harga cabai naik tajam.\nIa pergi."


def test_quotes_and_dashes_become_ascii() -> None:
    raw = "“Kami siap,” kata ‘Andi’ — ketua panitia — pada 2019–2020."
    assert normalize_unicode(raw) == "\"Kami siap,\" kata 'Andi' - ketua panitia - pada 2019-2020."


def test_nfc_is_used_and_meaningful_compatibility_characters_stay() -> None:
    assert normalize_unicode("cafe\u0301") == "café"
    assert normalize_unicode("Luas lahan 2.000 m² atau ½ hektare.") == (
        "Luas lahan 2.000 m² atau ½ hektare."
    )
    assert clean_document("Tim ﬁnal memakai kaos ＡＢＣ di lapangan.").text == (
        "Tim final memakai kaos ABC di lapangan."
    )


def test_line_break_conventions_are_all_accepted() -> None:
    cleaned = clean_document(f"{BODY}\r\n\r\n{BODY2}\r{BODY3}")
    assert cleaned.paragraphs == [[BODY], [BODY2], [BODY3]]


# --- 4. captions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        "Presiden dan Wakil Presiden dalam suatu pertemuan/Net",
        "Warga menunggu bantuan di posko pengungsian/ANTARA FOTO/Rudi Hartono",
        "Banjir merendam permukiman di Bekasi/Istimewa",
        "Pasangan pengantin berfoto bersama keluarga/Dok. Pribadi",
        "Massa berkumpul di depan gedung parlemen/REUTERS/Nama Fotografer",
        "Menteri Keuangan saat rapat kerja (Foto: Antara)",
        "Suasana pasar tradisional menjelang Lebaran (Dok. Humas Pemkot)",
        "Foto: Antara/Rudi",
        "FOTO: Petugas memadamkan api di gudang",
        "Ilustrasi (Foto: Istimewa)",
        "Ilustrasi/Net",
        "Ilustrasi kemeja putih polos.",
        "Petugas mengevakuasi warga, Senin (1/1). ANTARA FOTO/Rudi/ed/pras.",
        # a closing outlet or agency credit, also after a finished sentence
        "Massa berunjuk rasa di depan gedung DPR, Kamis (6/6/2024). (Kotakita.com/Rudi Hartono)",
        "Warga antre minyak goreng (ANTARA/Rudi Hartono)",
        "Petugas memeriksa dokumen (REUTERS/Rudi Hartono/File Photo)",
        "Suasana aksi buruh di Jakarta, Kamis (6/6/2024). ANTARA/Rudi Hartono",
        "Wisatawan memadati alun-alun, Sabtu (6/4/2024). KOTAKITA.com/RUDI HARTONO",
        "Foto ilustrasi: iStock",
        "Sumber foto: Kementerian Perdagangan",
        "Pekerja merapikan rak di gudang, Senin (25/11/2024). Bisnis/Rudi Hartono",
        "Ket. foto: Petugas melakukan pengasapan di permukiman warga.",
    ],
)
def test_caption_lines_are_removed(caption: str) -> None:
    raw = f"{caption}\n{BODY}\n{BODY2}"
    cleaned = clean_document(raw)
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    assert cleaned.removed == [{"kind": "caption", "text": caption}]


def test_inline_photo_credit_is_removed_from_the_sentence_only() -> None:
    cleaned = clean_document("Presiden meresmikan jembatan itu (Foto: Antara) pada Senin pagi.")
    assert cleaned.text == "Presiden meresmikan jembatan itu pada Senin pagi."
    assert cleaned.removed == [{"kind": "caption", "text": "(Foto: Antara)"}]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ia mengunggah foto dirinya bersama sang bayi di Instagram.",
        "Foto-foto kerusakan jembatan itu beredar luas di media sosial.",
        "Ilustrasi itu dibuat oleh seniman asal Bandung untuk pameran tunggalnya.",
        "Harga cabai rawit di pasar itu mencapai Rp 80.000/kg",
        "Fotografer senior itu memamerkan karya terbarunya di Jakarta.",
        "Pasangan nomor urut dua diusung PDIP/PKB/PPP",
        "Data lengkap tersedia di laman kotakita.go.id/Pemilu.",
        "Pengawasan tahapan dilakukan oleh dua lembaga penyelenggara pemilu (KPU/Bawaslu).",
        "Hasil itu sejalan dengan survei terbaru Reuters/Ipsos.",
    ],
)
def test_sentences_about_photos_are_not_captions(sentence: str) -> None:
    assert classify_line(sentence) is None
    assert clean_document(f"{BODY}\n{sentence}").removed == []


# --- 4. datelines --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "dateline",
    [
        "Jakarta, CNN Indonesia --",
        "Jakarta, CNN Indonesia - -",
        "JAKARTA, KOMPAS.com -",
        "Liputan6.com, Jakarta:",
        "Jakarta (ANTARA) -",
        "TEMPO.CO, Jakarta -",
        "SURABAYA -",
        "Bisnis.com, JAKARTA -",
        "Medan, detikSumut -",
        "Bandung, IDN Times -",
        "MAKASSAR, suara.com --",
        "Suara.com -",
        "JawaPos.com -",
        "Jakarta, CNBC Indonesia -",
        "KOMPAS.com -",
        "Jakarta -",
        "INDOSPORT.COM -",
        "Goal.com -",
        "JUARA.net -",
        "Kumparan -",
        "Ambon, Maluku (ANTARA) -",
        "Labuan Bajo, CNN Indonesia --",
        "KOREA SELATAN -",
        "KabarDesa.id, Sleman -",
        "REPUBLIKA.CO.ID, JAKARTA --",
        "JAKARTA, KOMPAS.TV -",
        "Jakarta, 5 Mei 2024 -",
        "Bandung, Senin (5/5/2024) -",
        "Surabaya, Jumat, 12 Februari 2021 -",
        "KONTAN.CO.ID - JAKARTA.",
        "Jakarta, HanTer -",
        "INILAHCOM, Jakarta -",
        "JawaPos.com-",
        "Jakarta:",
        "jakarta, kompas.com -",
        "medan (antara) -",
        "Jombang -",
        "VIVA Bola -",
        "VIVAnews -",
        "AMBON, Siwalimanews -",
        "Kupang, Pos Kupang -",
        "Medan (Analisa) -",
        "Jakarta, 20 Mei (ANTARA) -",
        "Jakarta, 17 Mei 2024 (Media Indonesia) -",
        "Sleman, HarianJogja.com-",
        "Kabupaten Bogor -",
        "Yogyakarta, 5/3/2024 -",
    ],
)
def test_datelines_are_stripped_from_the_first_paragraph(dateline: str) -> None:
    text, removed = strip_dateline(f"{dateline} {BODY}")
    assert text == BODY
    assert removed == dateline


def test_dateline_before_a_lowercase_brand_is_stripped() -> None:
    assert strip_dateline("Suara.com - iPad murah segera dijual di Indonesia.") == (
        "iPad murah segera dijual di Indonesia.",
        "Suara.com -",
    )


def test_dateline_with_a_typographic_dash_is_recorded() -> None:
    cleaned = clean_document(f"VIVA – {BODY}\n\n{BODY2}")
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    assert cleaned.removed == [{"kind": "dateline", "text": "VIVA -"}]


@pytest.mark.parametrize(
    "sentence",
    [
        "Jakarta - Bandung ditempuh 3 jam lewat jalan tol.",
        "Presiden Joko Widodo - yang baru tiba dari Bali - langsung memimpin rapat.",
        "GO - JEK meluncurkan layanan pembayaran tagihan baru.",
        "Kevin - Prince Boateng menjalani tes medis di Frankfurt.",
        "KPK - lembaga antirasuah itu - menahan dua tersangka.",
        "Baru - baru ini warga melaporkan kerusakan jalan.",
        "Jakarta, ibu kota negara, kembali dilanda banjir pada Senin.",
        "Pada 5 Mei 2024 - hari pemungutan suara - warga antre sejak pagi.",
        "Jakarta, 5 Mei 2024 lalu, menjadi saksi peluncuran kereta cepat.",
        "Jakarta, Bandung - Surabaya menjadi rute mudik favorit tahun ini.",
        "Budi, Jakarta - Selasa ini ramai sekali.",
    ],
)
def test_sentence_starts_that_look_like_datelines_are_kept(sentence: str) -> None:
    assert strip_dateline(sentence) == (sentence, None)


def test_datelines_are_only_looked_for_in_the_first_two_paragraphs() -> None:
    raw = f"SURABAYA - {BODY}\n\nMALANG - {BODY2}\n\nSURABAYA - {BODY3}"
    cleaned = clean_document(raw)
    assert cleaned.paragraphs == [[BODY], [BODY2], [f"SURABAYA - {BODY3}"]]


# --- 4. links, ads, share prompts ----------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Baca juga: Harga Beras Medium Naik Lagi",
        "BACA JUGA: Operasi Pasar Digelar di Lima Kecamatan",
        "Baca Juga : Pedagang Cabai Mengeluh",
        "Simak juga: Cara Menyimpan Cabai agar Awet",
        "Lihat juga: Daftar Harga Pangan Hari Ini",
        "Tonton juga: Detik-detik Gudang Terbakar",
        "Artikel terkait: Inflasi Pangan Mengancam",
        "Berita terkait",
        "Video: Warga Berebut Minyak Goreng Murah",
        "[Baca juga: Jalan Tol Ditutup Sementara]",
        'Simak Video "Detik-detik Gudang Terbakar"',
        "Tonton juga video berikut:",
        "Lihat video: Warga Antre Minyak Goreng",
        "Video pilihan:",
        "Saksikan live streaming program-program KotaTV di sini",
        "Next Article",
        "Waktu baca 2 menit",
        "Scroll untuk melanjutkan membaca",
        "Gulir ke bawah untuk melanjutkan membaca",
        "Baca dalam 2 menit",
        "SCROLL KE BAWAH UNTUK MELANJUTKAN",
        ">>> Baca Juga: Pelatih Jelaskan Alasan Rotasi Pemain",
        "Jangan Lewatkan Video Terbaru:",
        "Halaman selanjutnya arrow_forward",
        "A A A",
        "1 2 Selanjutnya",
    ],
)
def test_link_lines_are_removed(line: str) -> None:
    assert classify_line(line) == "link"
    assert clean_document(f"{BODY}\n{line}\n{BODY2}").paragraphs == [[BODY], [BODY2]]


def test_link_glued_after_a_sentence_is_removed() -> None:
    cleaned = clean_document(f"{BODY} Baca juga: Harga Beras Naik Lagi\n\n{BODY2}")
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    assert cleaned.removed == [{"kind": "link", "text": "Baca juga: Harga Beras Naik Lagi"}]


def test_bracketed_link_inside_a_paragraph_is_removed() -> None:
    raw = f"{BODY} [Baca juga: Pasokan Cabai Berkurang] {BODY2}"
    assert clean_document(raw).paragraphs == [[BODY, BODY2]]


@pytest.mark.parametrize(
    "sentence",
    [
        "Baca juga buku panduan sebelum mendaftar, kata petugas.",
        "Warga diminta membaca juga aturan baru itu dengan saksama.",
        "Simak juga penjelasan lengkap dari dinas kesehatan berikut ini.",
        "Iklan rokok dilarang tayang pada jam tayang anak-anak.",
        "Ikuti aturan lalu lintas selama mudik, kata Kapolda.",
        "Facebook dan Twitter menghapus ribuan akun palsu pekan ini.",
        "Klik tombol Daftar lalu isi formulir yang tersedia, jelas dia.",
        "Editor senior itu mengundurkan diri pekan lalu.",
        "Simak video yang beredar di media sosial itu, warga terlihat berlarian.",
        "Laporan wartawan itu dibantah oleh kepolisian setempat.",
        "Laporan wartawan tersebut, kata dia, tidak sesuai fakta.",
        "Reporter: Bagaimana tanggapan Bapak soal rencana kenaikan iuran?",
        "Unduh aplikasi SatuSehat Mobile di Google Play Store atau App Store.",
        "Klik tautan verifikasi yang dikirim ke email Anda.",
        "Klik di sini untuk melihat sertifikat, lalu simpan ke galeri ponsel.",
    ],
)
def test_real_sentences_with_boilerplate_words_are_kept(sentence: str) -> None:
    assert classify_line(sentence) is None
    assert classify_line(sentence, at_end=True) is None
    assert clean_document(f"{BODY}\n{sentence}").paragraphs == [[BODY], [sentence]]


@pytest.mark.parametrize(
    "line",
    ["ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "Advertisement", "Iklan", "Sponsored"],
)
def test_ad_lines_are_removed(line: str) -> None:
    assert classify_line(line) == "ad"


def test_ad_banner_glued_inside_a_paragraph_is_removed() -> None:
    raw = f"{BODY} ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT {BODY2}"
    cleaned = clean_document(raw)
    assert cleaned.paragraphs == [[BODY, BODY2]]
    assert [r["kind"] for r in cleaned.removed] == ["ad"]


@pytest.mark.parametrize(
    "line",
    [
        "Bagikan artikel ini",
        "Share:",
        "Facebook Twitter WhatsApp",
        "Ikuti kami di Google News",
        "Follow Instagram @kotakita.id",
        "Klik di sini untuk berlangganan buletin kami",
        "Download aplikasi KotaKita sekarang juga",
        "Simak berita menarik lainnya di Google News",
        "Gabung ke grup Telegram KotaKita untuk kabar terbaru",
        "Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran "
        "andalanmu akses berita KotaKita WhatsApp Channel.",
        "Lihat postingan ini di Instagram",
        "Sebuah kiriman dibagikan oleh Nama Artis (@nama.artis)",
        "- Nama Warganet (@warganet_) May 19, 2024",
        'Baca artikel detikfinance, "Harga Emas Turun Lagi" selengkapnya https://x.detik.com/a/1',
        "Download Apps Detikcom Sekarang https://apps.detik.com/detik/",
        "Baca berita selengkapnya di sini: kotakita.com/hype",
        "Baca berita tanpa iklan. Gabung KotaKita+",
        "Baca juga artikel terkait CEK FAKTA atau tulisan lainnya dari Rina Marlina",
        "Daftar di sini",
        "Jangan lupa ikuti akun Instagram kami untuk info wisata terbaru!",
        "Jangan lupa follow akun Instagram @kotakita untuk berita terbaru",
        "Klik dan dapatkan info kost di dekat kampus idamanmu: Kost Dekat Kampus",
    ],
)
def test_share_prompts_are_removed(line: str) -> None:
    assert classify_line(line) == "share"


# --- 4. credits and footers ----------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "(ant/mdk)",
        "(rzr/gil)",
        "(ant)",
        "[feb]",
        "(*)",
        "(/)",
        "Editor: Rina Marlina",
        "Penulis: Andi Saputra",
        "Reporter: Dewi Lestari | Editor: Budi Santoso",
        "Pewarta: Siti Aminah",
        "Copyright © 2024 KotaKita. All rights reserved.",
        "Laporan Wartawan KotaKita.com, Andi Saputra",
        "Oleh: Andi Saputra",
        "Oleh Andi Saputra",
        "Andi Saputra - detikFinance",
        "Andi Saputra | KOTAKITA.com",
        "Reporter: Dendi Siswanto Editor: Tendi Mahadi",
        "Rep: Fauziah Mursid/ Red: Agus Yulianto",
        "Penulis: drew/cie",
        "Redaktur & Reporter : Rina Marlina",
        "(M-2)",
        "(Ant/P-5)",
        "Penulis Rina Marlina | Editor Budi Santoso",
        "Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis di situs "
        "web ini tanpa izin tertulis dari redaksi.",
    ],
)
def test_credit_lines_are_removed_anywhere(line: str) -> None:
    assert classify_line(line) == "credit"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Kamis, 12 Januari 2023 | 10:15 WIB", "timestamp"),
        ("Diperbarui 12/01/2023, 10.15 WIB", "timestamp"),
        ("KotaKita.com - 12/01/2023, 10:15 WIB", "timestamp"),
        ("Published: March 3, 2024", "timestamp"),
        ("Rabu, 5 Juni 2024 - 14:30 WIB", "timestamp"),
        ("Selasa, 14 Mei 2024 / 10:22 WIB", "timestamp"),
        ("Dipublikasikan pada 14 Mei 2024", "timestamp"),
        ("Halaman 2 dari 3", "link"),
        ("1 2 3 >>", "link"),
        ("Loading...", "link"),
        ("Pilihan Editor: Harga Cabai Turun Jelang Lebaran", "link"),
        ("Baca juga >> Harga Cabai Turun", "link"),
        ("Facebook", "share"),
        ("Copy Link", "share"),
        ("#ekonomi #harga #cabai", "tags"),
        ("Tags: ekonomi, harga, cabai", "tags"),
        ("Kata kunci: cabai, harga", "tags"),
        ("KOTAKITA.com/ANDI SAPUTRA", "caption"),
        ("Dok. Humas Pemkot", "caption"),
        ("Lihat Foto", "caption"),
        ("Topic:", "tags"),
        ("Untuk Segera Diterbitkan", "rubric"),
        ("For Immediate Release", "rubric"),
    ],
)
def test_time_stamps_tag_lists_and_photo_credit_lines_are_boilerplate(line: str, kind: str) -> None:
    assert classify_line(line) == kind


@pytest.mark.parametrize(
    "line",
    ["Sabtu, 5 November 2016", "24 Desember 2017", "Pada 12 Januari 2023 harga beras naik."],
)
def test_bare_dates_are_kept_they_head_chronologies_and_sign_letters(line: str) -> None:
    assert classify_line(line) is None
    assert classify_line(line, at_end=True) is None


def test_a_time_stamp_above_the_title_does_not_become_the_title() -> None:
    cleaned = clean_document(
        f"Kamis, 12 Januari 2023 | 10:15 WIB\n\nHarga Cabai Naik Tajam\n\n{BODY}",
        detect_title=True,
    )
    assert cleaned.title == "Harga Cabai Naik Tajam"
    assert cleaned.paragraphs == [[BODY]]


@pytest.mark.parametrize(
    "sentence",
    [
        "Oleh karena itu, harga beras naik lagi.",
        "Oleh Polisi, warga itu dibawa ke kantor.",
        "Label: produk ini aman dikonsumsi anak-anak, kata BPOM.",
        "Topik itu dibahas dalam rapat kemarin.",
        "Baca berita itu, warga langsung panik.",
        "Dok. pribadi menunjukkan hal lain dalam rapat kemarin.",
    ],
)
def test_sentences_that_start_like_credits_or_tags_are_kept(sentence: str) -> None:
    assert classify_line(sentence) is None


@pytest.mark.parametrize("line", ["***", "* * *", "---", "-- --", "• • •"])
def test_separator_lines_are_removed(line: str) -> None:
    assert classify_line(line) == "separator"
    cleaned = clean_document(f"{BODY}\n\n{line}\n\n{BODY2}")
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    assert cleaned.removed == [{"kind": "separator", "text": line}]


def test_credit_glued_after_the_last_sentence_is_removed() -> None:
    text, found = strip_trailing_boilerplate('"Stok aman," kata dia. (ant/mdk)')
    assert text == '"Stok aman," kata dia.'
    assert found == [("credit", "(ant/mdk)")]
    text, found = strip_trailing_boilerplate(f"{BODY} Editor: Rina Marlina")
    assert (text, found) == (BODY, [("credit", "Editor: Rina Marlina")])


@pytest.mark.parametrize(
    "credit",
    [
        "(Tribunnews.com/Rizki Sandi Saputra)", "(Kompas.com/ Nirmala Maulana)",
        "(ANTARA/Ahmad Faishal)", "(Tribun Jateng/Hermawan Handaka)", "(Tribunnews/Rizki)",
        "(mcr8/jpnn)", "(Kontributor Garut, Ari Maulana)", "(Fahmi Firdaus )", "(T.K010/R010)",
    ],
)
def test_a_reporter_credit_ending_the_article_takes_only_itself(credit: str) -> None:
    quote = '"Kami tidak ingin ada lagi tumpukan sampah," kata dia.'
    cleaned = clean_document(f"{BODY}\n\n{BODY2} {quote} {credit}")
    assert cleaned.paragraphs == [[BODY], [BODY2, quote]]
    assert [r["kind"] for r in cleaned.removed] == ["credit"]


def test_a_caption_above_the_body_is_not_the_title() -> None:
    for caption in (
        "Suasana pasar tradisional di Jakarta. (iStockphoto/Tero Vesalainen)",
        "Presiden meninjau Pasar Senen. (Biro Pers Sekretariat Presiden)",
        "Menko memberikan keterangan pers. Dok: Kemenko Perekonomian",
        "Petugas BPBD mengevakuasi warga. (dok. BPBD Demak)",
    ):
        cleaned = clean_document(f"{caption}\n\nJakarta - {BODY}\n\n{BODY2}", detect_title=True)
        assert cleaned.title is None and cleaned.paragraphs == [[BODY], [BODY2]], caption
        assert cleaned.removed[0] == {"kind": "caption", "text": caption}


@pytest.mark.parametrize(
    "title",
    [
        "Harga Emas Antam Naik Lagi Hari Ini",
        "Rupiah Melemah Pagi Ini",
        "Benarkah Harga Beras Turun Bulan Depan?",
        "Harga BBM Naik Lagi...",
        "Harga Emas Antam Naik Lagi Hari ini",
    ],
)
def test_headlines_ending_in_ini_a_question_or_dots_are_titles(title: str) -> None:
    cleaned = clean_document(f"{title}\n\n{BODY}\n{BODY2}", detect_title=True)
    assert cleaned.title == title and cleaned.paragraphs == [[BODY], [BODY2]]


def test_parentheses_that_belong_to_a_sentence_are_kept() -> None:
    for sentence in (
        "Ia diperiksa di Gedung Merah Putih, Selasa (30/12).",
        "Laga itu digelar oleh Persatuan Sepak Bola Seluruh Indonesia (PSSI)",
        "Pertandingan ditunda. (Ketua panitia belum memberi alasan.)",
    ):
        assert strip_trailing_boilerplate(sentence) == (sentence, [])


def test_source_line_is_a_credit_only_at_the_end() -> None:
    assert classify_line("Sumber: Badan Pusat Statistik") is None
    assert classify_line("Sumber: Badan Pusat Statistik", at_end=True) == "credit"
    assert classify_line("Sumber berita The Verge dan gambar header Pixabay.", at_end=True)
    assert classify_line("Sumber itu mengatakan kedua artis sudah berdamai.", at_end=True) is None
    for credit in ("Sumber: kompas.com", "Sumber: BPS, diolah", "Sumber: instagram @nama",
                   "Sumber berita PhoneArena dan gambar header 9to5Google."):
        assert classify_line(credit, at_end=True) == "credit", credit
    prose = "Sumber: Kementerian PUPR menyatakan proyek itu selesai tahun depan."
    assert classify_line(prose, at_end=True) is None
    raw = f"{BODY}\nSumber: Badan Pusat Statistik\n{BODY2}\nSumber: Reuters"
    cleaned = clean_document(raw)
    assert cleaned.paragraphs == [[BODY], ["Sumber: Badan Pusat Statistik"], [BODY2]]
    assert cleaned.removed == [{"kind": "credit", "text": "Sumber: Reuters"}]


def test_site_footers_are_removed() -> None:
    footer = (
        "KotaKita.id adalah portal berita teknologi dan startup. Kamu bisa menjadi member "
        "komunitas KotaKita.id dan mengunduh laporan riset secara cuma-cuma."
    )
    assert removed_of(f"{BODY}\n\n{footer}", "footer") == [footer]
    tayang = "Artikel ini telah tayang di KotaKita.id dengan judul Harga Cabai Naik"
    assert classify_line(tayang) == "footer"
    about = "KotaKita.id adalah portal berita yang didirikan pada 2010 di Bandung."
    assert clean_document(f"{about}\n\n{BODY}").paragraphs == [[about], [BODY]]


def test_learned_footers_are_removed_from_the_end_only() -> None:
    footer = "Dapatkan kabar pilihan dari redaksi setiap pagi lewat surel."
    docs = [f"{body}\n\n{footer}" for body in (BODY, BODY2, BODY3)]
    footers = recurring_footers([(story_keys(doc), footer_candidates(doc)) for doc in docs])
    assert footers == {footer_key(footer)}
    cleaned = clean_document(docs[0], footers=footers)
    assert cleaned.paragraphs == [[BODY]]
    assert cleaned.removed == [{"kind": "footer", "text": footer}]
    in_body = clean_document(f"{footer}\n\n{BODY}", footers=footers)
    assert in_body.paragraphs == [[footer], [BODY]]


@pytest.mark.parametrize(
    "credit",
    ["(GUNAWAN/RADAR JOGJA)", "(DWI AGUS/JAWA POS)", "(Guntur Aga Tirtana/JawaPos.com)",
     "(Tribun Jogja/ Hanif Suryo)"],
)
def test_a_caption_credited_photographer_first_or_with_a_spaced_slash_is_removed(
    credit: str,
) -> None:
    caption = f"Suasana los batik di lantai dua Pasar Beringharjo, Kamis (20/3/2025). {credit}"
    cleaned = clean_document(f"{BODY}\n\n{caption}\n\n{BODY2}")
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    assert cleaned.removed == [{"kind": "caption", "text": caption}]


@pytest.mark.parametrize("credit", ["Foto: Dok. Panitia", "Foto: dok. Humas Pemkab Bandung Barat"])
def test_a_caption_closed_by_a_documentation_credit_is_removed_whole(credit: str) -> None:
    caption = f"Pengunjung mencicipi kopi di Festival Kopi Lembang. {credit}"
    cleaned = clean_document(f"{BODY}\n\n{caption}\n\n{BODY2}")
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    assert cleaned.removed == [{"kind": "caption", "text": caption}]


def test_two_outlets_closing_a_paragraph_are_its_source_not_a_photo_credit() -> None:
    line = "Pemerintah Jepang mengumumkan paket stimulus baru untuk menopang ekonomi."
    cleaned = clean_document(f"{BODY}\n\n{line} (Antara/Reuters)\n\n{BODY2}")
    assert cleaned.paragraphs == [[BODY], [line], [BODY2]]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Follow kumparan untuk dapatkan update teknologi terbaru!", "share"),
        ("Yuk, follow akun Instagram @suarasurabaya untuk info terkini.", "share"),
        ("Dukung jurnalisme berkualitas dengan berlangganan Tempo Digital.", "share"),
        ("Catatan redaksi: Berita ini tidak bertujuan menginspirasi tindakan bunuh diri.",
         "footer"),
        ("Hendrik Yaputra berkontribusi dalam penulisan artikel ini.", "footer"),
        ("Saksikan video selengkapnya di bawah ini.", "link"),
        ("Ikuti terus berita kesehatan terbaru hanya di Kompas.com.", "share"),
        ("Refresh halaman ini untuk update terbaru.", "share"),
        ("Artikel ini hanya bersifat informatif dan tidak menggantikan diagnosis dokter.",
         "footer"),
    ],
)
def test_prompts_notes_and_pointers_are_page_furniture(line: str, kind: str) -> None:
    cleaned = clean_document(f"{BODY}\n\n{line}\n\n{BODY2}")
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    assert cleaned.removed == [{"kind": kind, "text": line}]


def test_by_lines_without_a_colon_close_an_article_but_a_sentence_does_not() -> None:
    cleaned = clean_document(f"{BODY}\n\nKontributor Lebak, Acep Nazmudin\nEditor Reni Susanti")
    assert cleaned.paragraphs == [[BODY]]
    assert [r["kind"] for r in cleaned.removed] == ["credit", "credit"]
    line = "Editor Reni Susanti menolak berkomentar."
    assert clean_document(f"{BODY}\n\n{line}").paragraphs == [[BODY], [line]]


def test_a_site_and_place_run_into_the_lead_are_a_dateline() -> None:
    lead = "Kasus demam berdarah di Jakarta meningkat tajam pekan ini."
    cleaned = clean_document(f"Liputan6.com, Jakarta {lead}\n\n{BODY}")
    assert cleaned.paragraphs[0] == [lead]
    assert cleaned.removed == [{"kind": "dateline", "text": "Liputan6.com, Jakarta"}]


def test_a_press_releases_signature_block_and_closing_formula_are_not_the_article() -> None:
    block = ("Demikian siaran pers ini disampaikan untuk dapat dipublikasikan.\n\n"
             "Kendal, 1 Maret 2025\nKepala Dinas Kesehatan Kabupaten Kendal\n\nttd\n\n"
             "dr. Ferinando Rad Bonay, M.Kes.\nNIP. 19720304 200212 1 005")
    cleaned = clean_document(f"{BODY}\n\n{BODY2}\n\n{block}")
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    assert [r["kind"] for r in cleaned.removed] == ["footer"] * 6
    unspaced = block.replace("\n\n", "\n").replace("Demikian", "\nDemikian")
    assert clean_document(f"{BODY}\n\n{BODY2}\n\n{unspaced}").paragraphs == [[BODY], [BODY2]]
    # (a paragraph of the article under the mark: no signature block)
    long_after = f"{BODY}\n\nKepala Desa Sukamaju\nttd\n\n{BODY3} {BODY2}"
    assert clean_document(long_after).paragraphs[-1] == [BODY3, BODY2]


def test_a_pdfs_page_numbers_running_heads_and_double_spaced_lines() -> None:
    raw = ("Produksi padi Kabupaten Klaten pada 2024 mencapai 412.000 ton, naik lima persen "
           "dari\n\ntahun sebelumnya. Kepala Dinas Pertanian Klaten, Ir. Widiyanti,\n\nmengatakan "
           "target naik.\n\n- 4 -\n\nLaporan Tahunan Dinas Pertanian 2024 | 4\n\n"
           f"{BODY}\n\n5\n\nHal. 6\n\nLaporan Tahunan Dinas Pertanian 2024 | 6\n\n{BODY2}")
    cleaned = clean_document(raw)
    assert cleaned.paragraphs == [
        ["Produksi padi Kabupaten Klaten pada 2024 mencapai 412.000 ton, naik lima persen dari "
         "tahun sebelumnya.", "Kepala Dinas Pertanian Klaten, Ir. Widiyanti, mengatakan target "
         "naik."],
        [BODY], [BODY2],
    ]
    assert [r["kind"] for r in cleaned.removed] == ["separator"] * 5
    # (a press release's end mark is no page number; a short line is no wrapped one)
    assert clean_document(f"{BODY}\n\n-30-\n\nKontak: humas").removed[0]["text"] == "-30-"
    assert len(clean_document("Warga senang\n\nbantuan tiba").paragraphs) == 2


@pytest.mark.parametrize(
    ("lead", "dateline"),
    [
        ("London - Manchester United keluar sebagai juara.", "London -"),
        ("Jakarta - Bali United menang 3-0 atas Persija.", "Jakarta -"),
        ("Jakarta - Papua Tengah kembali diguncang gempa.", "Jakarta -"),
        ("Jakarta - Bandung kini dapat ditempuh dua jam.", None),
        ("Medan - Binjai macet total pada Senin pagi.", None),
    ],
)
def test_a_place_after_a_dateline_dash_is_a_route_unless_a_name_or_report_goes_on(
    lead: str, dateline: str | None
) -> None:
    removed = clean_document(f"{lead}\n\n{BODY}").removed
    assert [r["text"] for r in removed] == ([dateline] if dateline else [])


@pytest.mark.parametrize(
    "dateline",
    ["DEN HAAG (AP) -", "Tel Aviv (Anadolu) -", "Moskow, Rusia (Sputnik) -",
     "WASHINGTON, D.C. (AP) -", "Kathmandu (Bloomberg) -"],
)
def test_datelines_of_wire_services(dateline: str) -> None:
    cleaned = clean_document(f"{dateline} Mahkamah memutuskan perkara itu.\n\n{BODY}")
    assert cleaned.paragraphs[0] == ["Mahkamah memutuskan perkara itu."]
    assert cleaned.removed == [{"kind": "dateline", "text": dateline}]


def test_markdown_marks_are_removed_and_their_text_kept() -> None:
    raw = ("# Realisasi APBD Jawa Timur\n\n**Surabaya** - Serapan belanja APBD baru 14,2 persen "
           "pada triwulan pertama.\n\n| Komponen | Realisasi |\n|---|---|\n| Belanja Modal | 4,7 |"
           "\n\nData lengkap ada di [laman BPKAD](https://bpkad.example.go.id). Serapan *rendah* "
           "karena lelang.\n\n* keterlambatan DPA;\n* pergantian pejabat.")
    cleaned = clean_document(raw, detect_title=True)
    assert cleaned.title == "Realisasi APBD Jawa Timur"
    assert cleaned.paragraphs == [
        ["Serapan belanja APBD baru 14,2 persen pada triwulan pertama."],
        ["Komponen | Realisasi"], ["Belanja Modal | 4,7"],
        ["Data lengkap ada di laman BPKAD.", "Serapan rendah karena lelang."],
        ["- keterlambatan DPA;"], ["- pergantian pejabat."],
    ]
    assert {"kind": "separator", "text": "|---|---|"} in cleaned.removed
    plain = f"{BODY} Harga naik 5 * 2 kali, #ekonomi."
    assert clean_document(plain).paragraphs == [[BODY, "Harga naik 5 * 2 kali, #ekonomi."]]


def test_footnote_marks_after_a_sentence_are_removed_so_that_it_ends() -> None:
    cleaned = clean_document("Ekspor mencapai US$ 26,7 miliar.[1] Angka ini tinggi. Ekspor "
                             "tumbuh.¹ Angka itu naik. Luasnya 5 m² saja.")
    assert cleaned.paragraphs == [["Ekspor mencapai US$ 26,7 miliar.", "Angka ini tinggi.",
                                   "Ekspor tumbuh.", "Angka itu naik.", "Luasnya 5 m² saja."]]
    assert cleaned.removed == [{"kind": "footnote", "text": "[1]"},
                               {"kind": "footnote", "text": "¹"}]


@pytest.mark.parametrize(
    "raw",
    ["Kami siap. (Baca juga: Persiapan Pemilu 2024). Semua hadir di lokasi.",
     "Kami siap (Baca juga: Persiapan Pemilu 2024). Semua hadir di lokasi."],
)
def test_a_bracketed_link_leaves_no_stray_period(raw: str) -> None:
    assert clean_document(raw).paragraphs == [["Kami siap.", "Semua hadir di lokasi."]]


def test_a_line_of_emoji_only_is_a_separator() -> None:
    cleaned = clean_document(f"{BODY}\n\n🇮🇩🔥\n\n{BODY2}")
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    assert cleaned.removed == [{"kind": "separator", "text": "🇮🇩🔥"}]


def test_entities_without_their_semicolon() -> None:
    cleaned = clean_document("Harga Rp&nbsp12 miliar naik. Tom &amp Jerry tayang.")
    assert cleaned.paragraphs == [["Harga Rp 12 miliar naik.", "Tom & Jerry tayang."]]


@pytest.mark.parametrize(
    "raw",
    [
        # a subheading, then a paragraph opening with a title or a brand
        "Penjelasan dokter spesialis anak di Kota Bandung pada pekan ini\n\n"
        "dr. Piprim Basarah Yanuarso mengatakan campak sangat menular.",
        "Harga ponsel naik menurut data asosiasi pedagang di Jakarta\n\n"
        "iPhone 16 Pro masih menjadi ponsel terlaris di pasar.",
        # a story's own sentences that only look like furniture
        "Warga senang dengan layanan baru.\n\nInformasi ini bersifat umum, sehingga warga "
        "diminta mengecek langsung ke kantor kelurahan.",
        "Warga senang dengan layanan baru.\n\nDemikian rilis resmi kepolisian yang juga "
        "menyebut kedua pelaku residivis.",
        "Buku itu diluncurkan di Jakarta.\n\nTentang Penulis\n\nBab pertama buku itu diberi "
        "judul yang sama dengan novel pertamanya dan ditulis selama dua tahun di desa.",
        # table rows, scores, censored words and routes
        "Hasil rekapitulasi suara di kecamatan pertama.\n\nDesa peserta | 12\nTotal TPS | 48\n\n"
        "Hasil di kecamatan kedua.\n\nDesa peserta | 12\nTotal TPS | 48",
        "Skor akhir pertandingan:\n\n3\n\n2\n\nTuan rumah menang.",
        "Ia memaki dengan kata-kata kasar seperti b**ngsat dan a**ing di depan umum.",
        "Jakarta - Surabaya menjadi rute kereta api tersibuk tahun ini.\n\nWarga senang.",
    ],
)
def test_content_that_resembles_this_stops_furniture_is_kept(raw: str) -> None:
    cleaned = clean_document(raw)
    kept = " ".join(" ".join(p) for p in cleaned.paragraphs)
    assert kept == " ".join(raw.split()), cleaned.removed
    assert len(cleaned.paragraphs) > 1 or "\n\n" not in raw


def test_a_letterhead_above_a_release_is_no_title() -> None:
    raw = (f"PEMERINTAH KABUPATEN KENDAL\nDINAS KESEHATAN\n\nSIARAN PERS\n\n"
           f"Dinkes Kendal Gelar Vaksinasi Gratis\n\n{BODY}")
    cleaned = clean_document(raw, detect_title=True)
    assert cleaned.title == "Dinkes Kendal Gelar Vaksinasi Gratis"
    assert cleaned.paragraphs == [[BODY]]
    assert [r["kind"] for r in cleaned.removed] == ["rubric"] * 3
    headline = "DINAS KESEHATAN GELAR VAKSINASI GRATIS"
    assert clean_document(f"{headline}\n\n{BODY}", detect_title=True).title == headline


def test_an_author_box_closes_the_article() -> None:
    bio = ("Budi Santoso adalah dosen ilmu komunikasi di Universitas Padjadjaran yang menulis "
           "tentang media, literasi digital dan kebijakan publik sejak 2010.")
    cleaned = clean_document(f"{BODY}\n\n{BODY2}\n\nTentang Penulis\n\n{bio}")
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    assert [r["text"] for r in cleaned.removed] == ["Tentang Penulis", bio]


def test_a_closing_formula_of_the_story_is_no_learned_footer() -> None:
    closing = "Hingga berita ini diturunkan, polisi masih memburu pelaku."
    docs = [f"{body}\n\n{closing}" for body in (BODY, BODY2, BODY3)]
    assert recurring_footers([(story_keys(d), footer_candidates(d)) for d in docs]) == frozenset()


def test_recurring_footers_needs_enough_documents_and_share() -> None:
    lists = [(f"berita {i}", ["kaki situs", f"isi {i}"]) for i in range(3)]
    lists += [(f"lain {i}", [f"lain {i}"]) for i in range(200)]
    assert recurring_footers(lists) == frozenset()  # 3 of 203 is under 2%
    assert recurring_footers(lists, min_share=0.01) == {"kaki situs"}
    assert recurring_footers(lists[:2]) == frozenset()  # 2 documents are not enough
    repeated = [("a", ["kaki situs", "kaki situs"])] * 2 + [("b", ["x"])]
    assert recurring_footers(repeated) == frozenset()  # counted once per document
    one_story = [("sama", ["kaki situs"])] * 3 + [("lain", ["kaki situs"])]
    assert recurring_footers(one_story) == frozenset()  # copies of one story count once


def test_copies_of_one_story_and_template_reports_share_story_keys() -> None:
    body = (
        "Presiden meresmikan jembatan baru yang menghubungkan dua kecamatan di pesisir utara "
        "pada Senin pagi setelah pembangunan selama dua tahun."
    )
    copies = [f"Jakarta (ANTARA) - {body}", f"JAKARTA, KOTAKITA.com - {body}", f"Oleh Ani\n{body}"]
    assert len({story_keys(copy) for copy in copies}) == 1
    report = "Harga emas hari ini, Senin ({}), naik Rp {} menjadi Rp {} per gram di butik resmi."
    prices = (("1/4", "5.000", "1.100.000"), ("2/4", "3.000", "1.103.000"))
    days = [report.format(*args) for args in prices]
    assert story_keys(days[0]) == story_keys(days[1])
    assert story_keys(BODY) != story_keys(BODY2)


def test_footer_key_ignores_case_spacing_punctuation_and_digits() -> None:
    assert footer_key("Copyright © 2023  KotaKita.ID ") == footer_key("copyright 2024 kotakita id.")


# --- 5. broken lines and paragraphs --------------------------------------------------------


def test_unfinished_line_is_joined_with_the_line_that_finishes_it() -> None:
    lines = [
        '"Hubungan kami sudah cukup baik," jelas Denisov, seperti dikutip dari',
        "SCMP, Rabu (30/12).",
        BODY,
    ]
    assert join_broken_lines(lines) == [f"{lines[0]} {lines[1]}", BODY]


def test_line_continuing_in_lowercase_or_after_a_connector_is_joined() -> None:
    assert join_broken_lines(["Harga cabai naik", "sejak awal pekan."]) == [
        "Harga cabai naik sejak awal pekan."
    ]
    assert join_broken_lines(["Pasokan berkurang karena", "Garut dilanda hujan."]) == [
        "Pasokan berkurang karena Garut dilanda hujan."
    ]


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("Menurut dia, pemerin-", "tah sudah siap.", "Menurut dia, pemerintah sudah siap."),
        ("kebi-", "jakan baru", "kebijakan baru"),
        ("untuk anak-", "anak sekolah", "untuk anak-anak sekolah"),  # reduplication keeps it
        ("rute Bandung-", "Jakarta ramai", "rute Bandung-Jakarta ramai"),
        ("kata dia -", "yang lain", "kata dia - yang lain"),  # a spaced dash is punctuation
    ],
)
def test_words_hyphenated_across_a_line_break_are_rejoined(
    left: str, right: str, joined: str
) -> None:
    assert join_lines(left, right) == joined
    cleaned = clean_document(f"{left}\n{right}")
    assert " ".join(s for p in cleaned.paragraphs for s in p).startswith(joined.rstrip("."))


def test_headings_and_finished_lines_stay_paragraphs() -> None:
    lines = ["Susunan Pemain", "Persib: Teja; Nick, Alberto; Febri.", BODY, BODY2]
    assert join_broken_lines(lines) == lines


def test_hard_wrapped_paragraph_is_joined() -> None:
    wrapped = [
        "Pemerintah Kota Bandung meresmikan taman baru di kawasan",
        "Cibeunying pada Senin pagi. Taman seluas 8.000 meter persegi",
        "itu dibangun dengan anggaran daerah dan dibuka untuk umum",
        "setiap hari.",
    ]
    assert join_broken_lines(wrapped) == [" ".join(wrapped)]


def test_blank_lines_separate_paragraphs() -> None:
    raw = f"{BODY}\n\n\n{BODY2}\n \n{BODY3}"
    assert clean_document(raw).paragraphs == [[BODY], [BODY2], [BODY3]]


# --- 6. title ------------------------------------------------------------------------------


def test_title_is_detected_only_when_asked() -> None:
    raw = f"Harga Cabai di Bandung Naik Tajam\n\n{BODY}\n{BODY2}"
    with_title = clean_document(raw, detect_title=True)
    assert with_title.title == "Harga Cabai di Bandung Naik Tajam"
    assert with_title.paragraphs == [[BODY], [BODY2]]
    without = clean_document(raw)
    assert without.title is None
    assert without.paragraphs[0] == ["Harga Cabai di Bandung Naik Tajam"]


@pytest.mark.parametrize(
    "raw",
    [
        f"{BODY}\n{BODY2}",  # the first line is a sentence
        f"Presiden meninjau pasar/Net\n{BODY}",  # a caption, not a title
        f"Harga cabai di pasar tradisional terus naik sejak\nawal pekan ini.\n{BODY2}",
    ],
)
def test_lines_that_are_not_titles(raw: str) -> None:
    assert clean_document(raw, detect_title=True).title is None


# --- 7. sentences, order, language ---------------------------------------------------------


def test_paragraphs_are_split_into_sentences_without_breaking_numbers_or_titles() -> None:
    raw = (
        "Sekitar 8.000 orang hadir dalam acara itu. Dr. Rina Kusumawati membuka acara "
        "pada pukul 10.30 WIB. Anggarannya Rp 1.500.000."
    )
    assert clean_document(raw).paragraphs == [
        [
            "Sekitar 8.000 orang hadir dalam acara itu.",
            "Dr. Rina Kusumawati membuka acara pada pukul 10.30 WIB.",
            "Anggarannya Rp 1.500.000.",
        ]
    ]


def test_removals_are_listed_in_document_order() -> None:
    raw = (
        "Warga antre di depan toko/Istimewa\n"
        f"Jakarta, CNN Indonesia -- {BODY}\n"
        "Baca juga: Harga Beras Naik\n"
        f"{BODY2} (ant/mdk)\n"
        "Editor: Rina Marlina"
    )
    assert [r["kind"] for r in clean_document(raw).removed] == [
        "caption",
        "dateline",
        "link",
        "credit",
        "credit",
    ]


def test_clean_article_passes_through_except_quotes_and_whitespace() -> None:
    raw = (
        "Pemerintah Kota Bandung meresmikan taman baru di kawasan Cibeunying, Senin (3/6).  "
        "Taman seluas 8.000 meter persegi itu dibuka untuk umum.\n\n"
        "“Taman ini terbuka setiap hari mulai pukul 06.00 WIB,” kata Wali Kota Bandung.\n\n"
        "Warga menyambut baik kehadiran taman tersebut. Mereka berharap fasilitasnya dirawat.\n"
    )
    cleaned = clean_document(raw)
    expected = raw.replace("“", '"').replace("”", '"').replace(".  ", ". ").strip()
    assert cleaned.text == expected
    assert cleaned.removed == []
    assert cleaned.warnings == []
    assert cleaned.lang == "id"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Pemerintah akan menaikkan harga bahan bakar minyak mulai pekan depan karena "
            "subsidi terus membengkak, kata menteri keuangan di Jakarta.",
            "id",
        ),
        ("Timnas Indonesia menang 2-0 atas Vietnam dalam laga persahabatan.", "id"),
        (
            "Kerajaan akan mengumumkan bajet baharu minggu hadapan kerana ekonomi semakin "
            "pulih, kata menteri kewangan di Kuala Lumpur semalam.",
            "ms",
        ),
        (
            "The government will raise fuel prices starting next week because subsidies "
            "keep growing, the finance minister said.",
            "en",
        ),
        (
            "Aku arep lunga menyang pasar karo ibuku amarga butuh sayuran kanggo masak sesuk esuk.",
            "jv",
        ),
        (
            "Startup fintech itu meluncurkan fitur baru bernama Pay Later yang memungkinkan "
            "user membayar di akhir bulan, ujar CEO-nya.",
            "id",
        ),
        ("Halo semua!", "und"),
        ("2017. 2018. 12.000. 3/6. 10.30 WIB - 1-0 (2-1).", "und"),  # numbers: no language
    ],
)
def test_language_detection(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_malay_guess_on_indonesian_text_is_indonesian() -> None:
    # py3langid calls this short Indonesian text Malay; its spellings say Indonesian
    text = "Polisi menangkap dua tersangka karena diduga mencuri sepeda motor warga."
    assert detect_language(text) == "id"


def test_non_indonesian_and_empty_documents_get_warnings() -> None:
    english = clean_document(
        "The government will raise fuel prices next week, the finance minister said."
    )
    assert english.warnings == ["not Indonesian (detected: en)"]
    empty = clean_document("Baca juga: Harga Cabai Naik\n(ant/mdk)\nADVERTISEMENT")
    assert (empty.text, empty.paragraphs, empty.lang) == ("", [], "und")
    assert empty.warnings == ["empty after cleaning"]
    assert len(empty.removed) == 3


def test_closing_quote_lost_to_replacement_character_is_restored() -> None:
    # UTF-8 ” read as cp1252 with errors="replace": its undefined last byte became U+FFFD.
    raw = (
        "\u00e2\u20ac\u0153Kami siap bertanding,\u00e2\u20ac\ufffd kata pelatih tim itu "
        "kepada wartawan di Surabaya pada Sabtu malam."
    )
    cleaned = clean_document(raw)
    assert cleaned.text.startswith('"Kami siap bertanding," kata pelatih')
    assert "\ufffd" not in cleaned.text
    assert any(r["kind"] == "mojibake" for r in cleaned.repairs)


@pytest.mark.parametrize(
    ("raw", "kept", "link"),
    [
        (
            "Kenaikan masih di bawah tarif batas atas. Baca juga: Harga Tiket Mahal, Menhub "
            "Panggil Maskapai Kementerian Perhubungan meminta maskapai transparan.",
            "Kenaikan masih di bawah tarif batas atas. Kementerian Perhubungan meminta maskapai "
            "transparan.",
            "Baca juga: Harga Tiket Mahal, Menhub Panggil Maskapai",
        ),
        (
            "Baca juga: Varian Baru Ponsel Lipat Dirilis Selain itu, pabrikan juga menjanjikan "
            "pembaruan perangkat lunak.",
            "Selain itu, pabrikan juga menjanjikan pembaruan perangkat lunak.",
            "Baca juga: Varian Baru Ponsel Lipat Dirilis",
        ),
    ],
)
def test_a_flattened_related_link_is_cut_out_of_the_prose(raw: str, kept: str, link: str) -> None:
    cleaned = clean_document(raw)
    assert cleaned.text == kept
    assert cleaned.removed == [{"kind": "link", "text": link}]


def test_the_headline_under_a_bare_read_also_label_is_a_link() -> None:
    raw = f"{BODY}\nBaca Juga:\nPemerintah Siapkan Dana Bantuan untuk Petani\n{BODY2}"
    cleaned = clean_document(raw)
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    assert [r["kind"] for r in cleaned.removed] == ["link", "link"]
    sentence = clean_document(f"{BODY}\nBaca juga:\nIa datang pagi itu.")
    assert sentence.paragraphs == [[BODY], ["Ia datang pagi itu."]]


def test_dated_lines_inside_the_body_head_a_chronology_and_are_kept() -> None:
    stamp = "Rabu, 10 April 2024 pukul 21.00 WIB"
    cleaned = clean_document(f"{stamp}\n{BODY}\n\n{stamp}\n{BODY2}\n\n{BODY3}")
    assert cleaned.removed == [{"kind": "timestamp", "text": stamp}]
    assert cleaned.paragraphs == [[BODY], [stamp], [BODY2], [BODY3]]


def test_a_route_is_kept_but_a_place_repeated_after_its_dateline_is_not() -> None:
    assert strip_dateline("Surabaya - Surabaya kembali dilanda banjir.") == (
        "Surabaya kembali dilanda banjir.",
        "Surabaya -",
    )
    assert strip_dateline("Jakarta - Bandung ditempuh tiga jam.")[1] is None


def test_a_question_headline_above_a_dateline_is_the_title() -> None:
    raw = f"Benarkah Harga Beras Akan Turun?\nJakarta - {BODY}"
    cleaned = clean_document(raw, detect_title=True)
    assert cleaned.title == "Benarkah Harga Beras Akan Turun?"
    assert cleaned.paragraphs == [[BODY]]


@pytest.mark.parametrize(
    "line",
    [
        "Ikuti kami, teriak koordinator relawan itu kepada massa.",
        "Inflasi inti tercatat 1,93 persen (yoy)",
        "Pasangan A - Diusung PDIP/PKB/PPP",
    ],
)
def test_content_that_resembles_boilerplate_is_kept(line: str) -> None:
    assert clean_document(f"{BODY}\n\n{line}").paragraphs == [[BODY], [line]]


def test_glued_ad_banner_and_a_stray_no_break_space_remnant_are_removed() -> None:
    cleaned = clean_document(
        "Harga naik, kata dia.ADVERTISEMENTSCROLL TO CONTINUE WITH CONTENT Pedagang mengeluh.\n"
        "Pada pukul 10.00\u00c2 WIB pasar dibuka."
    )
    assert cleaned.paragraphs == [
        ["Harga naik, kata dia.", "Pedagang mengeluh."],
        ["Pada pukul 10.00 WIB pasar dibuka."],
    ]


def test_a_chronology_after_a_short_lead_keeps_its_dated_lines() -> None:
    raw = (
        "Jakarta - Berikut kronologi penangkapan tersangka:\n\n"
        "Rabu, 10 April 2024 pukul 21.00 WIB\nTersangka keluar dari rumahnya di Bekasi.\n\n"
        "Kamis, 16 Mei 2024 | 03:00 WIB\nPolisi menangkap tersangka di sebuah warung."
    )
    assert [r["kind"] for r in clean_document(raw).removed] == ["dateline"]


def test_a_quotation_behind_a_flattened_link_is_kept() -> None:
    raw = (
        'Pengamat menilai langkah itu wajar. Baca juga: Ini Daftar Harga BBM Terbaru "Kenaikan '
        'ini sudah diperkirakan," kata Fahmy.'
    )
    cleaned = clean_document(raw)
    assert cleaned.paragraphs == [
        ["Pengamat menilai langkah itu wajar.", '"Kenaikan ini sudah diperkirakan," kata Fahmy.']
    ]


def test_copies_under_different_long_headlines_are_one_story() -> None:
    body = [
        "Presiden meresmikan jembatan baru yang menghubungkan dua kecamatan di pesisir utara "
        "pada Senin pagi setelah pembangunan selama dua tahun.",
        "Jembatan sepanjang 300 meter itu dibangun dengan anggaran daerah dan pusat senilai "
        "Rp 120 miliar menurut dinas pekerjaan umum setempat.",
        "Warga menyambut peresmian itu karena waktu tempuh ke pasar kecamatan kini jauh lebih "
        "singkat dibanding sebelumnya.",
    ]
    headlines = [
        "Presiden Resmikan Jembatan Baru Penghubung Dua Kecamatan di Pesisir Utara Senin Pagi Ini",
        "Jembatan Rp 120 Miliar di Pesisir Utara Akhirnya Diresmikan Presiden Setelah Dua Tahun",
        "Warga Pesisir Utara Sambut Jembatan Baru yang Dipangkas Waktu Tempuh ke Pasar Kecamatan",
    ]
    datelines = ["Demak (ANTARA) -", "Semarang (ANTARA) -", "DEMAK, KOTAKITA.com -"]
    docs = [
        f"{headline}\n\n{dateline} {body[0]}\n\n{body[1]}\n\n{body[2]}"
        for headline, dateline in zip(headlines, datelines, strict=True)
    ]
    evidence = [(story_keys(doc), footer_candidates(doc)) for doc in docs]
    assert recurring_footers(evidence) == frozenset()


def test_a_short_story_under_two_datelines_has_the_same_story_keys() -> None:
    body = "Sejumlah ruas jalan di kota rusak parah.\n\nDinas belum memperbaikinya."
    assert story_keys(f"Bandung - {body}") == story_keys(f"Bogor - {body}")



def test_a_tweet_link_is_cut_from_the_quoted_tweet() -> None:
    cleaned = clean_document(f"{BODY}\nKuenya lebih tinggi dari orangnya pic.twitter.com/AbC123xYz")
    assert cleaned.paragraphs == [[BODY], ["Kuenya lebih tinggi dari orangnya"]]
    assert cleaned.removed == [{"kind": "link", "text": "pic.twitter.com/AbC123xYz"}]
    x = clean_document(f"{BODY}\nKuenya tinggi sekali https://t.co/xYz12 pic.x.com/Ab12Cd")
    assert x.paragraphs == [[BODY], ["Kuenya tinggi sekali"]]


def test_the_headline_after_next_article_is_a_link() -> None:
    raw = f"{BODY}\n\nNext Article\nPenerimaan Pajak Turun, Menteri Ungkap Penyebabnya\n\n{BODY2}"
    assert clean_document(raw).paragraphs == [[BODY], [BODY2]]


def test_list_items_are_paragraphs_of_their_own() -> None:
    raw = (
        f"{BODY}\nProgram itu meliputi:\n- Makan bergizi gratis bagi siswa sekolah dasar\n"
        "- Pemeriksaan kesehatan gratis untuk seluruh warga\n"
        "- Pembangunan tiga juta rumah bagi masyarakat berpenghasilan rendah\n"
        f"{BODY2}\n\n1. Rutin minum air putih minimal delapan gelas setiap hari\n{BODY3}"
    )
    paragraphs = [" ".join(p) for p in clean_document(raw).paragraphs]
    assert paragraphs == [
        BODY, "Program itu meliputi:", "- Makan bergizi gratis bagi siswa sekolah dasar",
        "- Pemeriksaan kesehatan gratis untuk seluruh warga",
        "- Pembangunan tiga juta rumah bagi masyarakat berpenghasilan rendah", BODY2,
        "1. Rutin minum air putih minimal delapan gelas setiap hari", BODY3,
    ]


def test_html_tables_lists_and_superscripts_keep_their_structure() -> None:
    raw = (
        f"<p>{BODY}</p><table><tr><th>Kota</th><th>Harga</th></tr>"
        "<tr><td>Jakarta</td><td>65.000</td></tr></table>"
        "<p>Luasnya 20.000 m<sup>2</sup> di tepi sungai.</p>"
        "<p><strong>Baca Juga:</strong></p><ul><li><a href='/1'>Wali Kota Resmikan Jembatan</a>"
        "</li><li><a href='/2'>Kota Raih Adipura Kencana</a></li></ul>"
        f"<p>{BODY2}</p>"
    )
    cleaned = clean_document(raw)
    assert [" ".join(p) for p in cleaned.paragraphs] == [
        BODY, "Kota Harga", "Jakarta 65.000", "Luasnya 20.000 m\u00b2 di tepi sungai.", BODY2
    ]
    links = [r["text"] for r in cleaned.removed if r["kind"] == "link"]
    assert links == ["Baca Juga:", "- Wali Kota Resmikan Jembatan", "- Kota Raih Adipura Kencana"]


def test_read_labels_without_juga_cut_only_the_headline() -> None:
    raw = (
        f"{BODY} Baca: Catat! Ini Jadwal Ganjil Genap di Tol Selama Libur Waisak Dirjen "
        "Perhubungan Darat Hendro Sugiatno mengatakan kebijakan ini untuk mengurai kepadatan."
    )
    cleaned = clean_document(raw)
    assert cleaned.paragraphs == [[
        BODY, "Dirjen Perhubungan Darat Hendro Sugiatno mengatakan kebijakan ini untuk mengurai "
        "kepadatan.",
    ]]
    caps = clean_document(f"{BODY} BACA JUGA : Stok Aman Hingga Juni Kenaikan terjadi pekan ini.")
    assert caps.paragraphs == [[BODY, "Kenaikan terjadi pekan ini."]]
    also = clean_document(f"{BODY} Baca pula: Harga Beras Naik Lagi Pedagang mengeluhkan pasokan.")
    assert also.paragraphs == [[BODY, "Pedagang mengeluhkan pasokan."]]
    bracketed = clean_document(f"{BODY} (Baca: Belasan wisatawan Jerman ke Danau Kelimutu) {BODY2}")
    assert bracketed.paragraphs == [[BODY, BODY2]]


def test_every_headline_listed_under_a_read_also_label_is_a_link() -> None:
    raw = f"{BODY}\n\nBaca juga:\nKPK Tahan Bupati Usai OTT\nBupati Diduga Terima Rp 4,7 Miliar\n\n"
    raw += f"Subjudul Laporan Ini\n{BODY2}"
    cleaned = clean_document(raw)
    assert [r["text"] for r in cleaned.removed] == [
        "Baca juga:", "KPK Tahan Bupati Usai OTT", "Bupati Diduga Terima Rp 4,7 Miliar"
    ]
    assert cleaned.paragraphs == [[BODY], ["Subjudul Laporan Ini"], [BODY2]]


def test_a_sentence_broken_before_a_name_is_rejoined() -> None:
    raw = (
        "Rapat terbatas di Istana Negara dihadiri Menteri Koordinator Bidang Perekonomian\n"
        "Airlangga Hartarto dan sejumlah menteri lainnya.\n\n"
        "Keputusan itu diumumkan oleh Sekretaris Kabinet Pramono Anung di Kantor Presiden\n"
        "Senin sore."
    )
    assert [" ".join(p) for p in clean_document(raw).paragraphs] == [
        "Rapat terbatas di Istana Negara dihadiri Menteri Koordinator Bidang Perekonomian "
        "Airlangga Hartarto dan sejumlah menteri lainnya.",
        "Keputusan itu diumumkan oleh Sekretaris Kabinet Pramono Anung di Kantor Presiden "
        "Senin sore.",
    ]


def test_a_photo_or_video_story_headline_is_the_title_but_a_photo_credit_is_not() -> None:
    for title in ("FOTO: Suasana Arus Balik di Merak", "VIDEO: Longsor Timbun Rumah Warga",
                  "VIDEO - Tanggul Jebol, Warga Panik"):
        cleaned = clean_document(f"{title}\n\n{BODY}", detect_title=True)
        assert cleaned.title == title and cleaned.paragraphs == [[BODY]]
    credit = clean_document(f"Foto: Budi/KotaKita\n\n{BODY}", detect_title=True)
    assert credit.title is None
    assert credit.removed == [{"kind": "caption", "text": "Foto: Budi/KotaKita"}]


def test_characters_lost_to_the_encoding_are_warned_about() -> None:
    cleaned = clean_document("Harga emas tembus\ufffd Rp 16.000 per gram hari ini di Jakarta.")
    assert "1 character(s) lost in the input's encoding (shown as \ufffd)" in cleaned.warnings
    assert clean_document(BODY).warnings == []


@pytest.mark.parametrize(
    "credit",
    [
        "(Tribunnews.com/Reza Deni)", "(Tribunnews.com/Reza Deni).",
        "( tribunjogja.com / Nama Orang )", "(tribunnews.com/reza)", "(ANTARA/Ahmad)",
    ],
)
def test_a_plain_last_paragraph_keeps_its_text_and_loses_its_credit(credit: str) -> None:
    last = "Ia menambahkan, warga diminta tetap tenang dan mengikuti arahan petugas."
    cleaned = clean_document(f"{BODY}\n\n{last} {credit}")
    assert cleaned.paragraphs == [[BODY], [last]]
    assert cleaned.removed == [{"kind": "credit", "text": credit.strip()}]


def test_a_reported_paragraph_inside_the_article_keeps_its_text_too() -> None:
    said = "Ia menambahkan, warga diminta tetap tenang."
    cleaned = clean_document(f"{BODY}\n\n{said} (Kompas.com/Dian Ihsan)\n\n{BODY2}")
    assert cleaned.paragraphs == [[BODY], [said], [BODY2]]
    caption = "Presiden menyapa warga di Pasar Senen, Kamis (6/6/2024). (ANTARA/Nama Orang)"
    assert clean_document(f"{BODY}\n\n{caption}\n\n{BODY2}").paragraphs == [[BODY], [BODY2]]


def test_learned_footers_never_take_half_of_an_article() -> None:
    shared = "Warga diimbau tetap tenang dan tidak terpancing isu yang beredar di media sosial."
    footers = frozenset({footer_key(shared)})
    brief = clean_document(f"Gempa kecil mengguncang kota.\n\n{shared}", footers=footers)
    assert brief.paragraphs == [["Gempa kecil mengguncang kota."], [shared]]
    long = clean_document(f"{BODY} {BODY2} {BODY3}\n\n{shared}", footers=footers)
    assert long.removed == [{"kind": "footer", "text": shared}]


def test_a_sentence_broken_after_an_acronym_or_a_title_is_rejoined() -> None:
    raw = (
        "Rapat itu dihadiri oleh\nMenteri Keuangan Sri Mulyani dan Gubernur BI\nPerry Warjiyo. "
        "Keduanya membahas stabilitas\nRupiah yang melemah.\n\n"
        "Laga itu disaksikan oleh Ketua Umum PSSI\nErick Thohir dan Pelatih\nShin Tae-yong."
    )
    assert clean_document(raw).paragraphs == [
        ["Rapat itu dihadiri oleh Menteri Keuangan Sri Mulyani dan Gubernur BI Perry Warjiyo.",
         "Keduanya membahas stabilitas Rupiah yang melemah."],
        ["Laga itu disaksikan oleh Ketua Umum PSSI Erick Thohir dan Pelatih Shin Tae-yong."],
    ]


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("Posko disiapkan bersama aparat keamanan gabungan (TNI/Polri)\ndi 40 titik rawan banjir.",
         "Posko disiapkan bersama aparat keamanan gabungan (TNI/Polri) di 40 titik rawan banjir."),
        ("Tanggul itu sudah diperbaiki dan diresmikan kembali pada Maret lalu\n"
         "oleh Presiden Joko Widodo.",
         "Tanggul itu sudah diperbaiki dan diresmikan kembali pada Maret lalu oleh Presiden Joko "
         "Widodo."),
        ("Pemerintah daerah diminta memantau harga dan\nikuti update harga harian dari Bapanas.",
         "Pemerintah daerah diminta memantau harga dan ikuti update harga harian dari Bapanas."),
        ("Jumlah tersangka dalam perkara ini bertambah menjadi\n12. Sebagian adalah pihak swasta.",
         "Jumlah tersangka dalam perkara ini bertambah menjadi 12. Sebagian adalah pihak swasta."),
        ("Wakil Ketua Komisi III DPR Ahmad Sahroni dan Ketua Komisi Pemberantasan Korupsi\n"
         "Nawawi Pomolango sepakat pembahasan harus transparan.",
         "Wakil Ketua Komisi III DPR Ahmad Sahroni dan Ketua Komisi Pemberantasan Korupsi Nawawi "
         "Pomolango sepakat pembahasan harus transparan."),
    ],
)
def test_wrapped_lines_of_a_sentence_are_never_boilerplate(raw: str, kept: str) -> None:
    cleaned = clean_document(f"{BODY}\n\n{raw}")
    assert cleaned.text == f"{BODY}\n\n{kept}" and cleaned.removed == []


@pytest.mark.parametrize(
    "prose",
    [
        "Pendaftar mengunggah dokumen (foto KTP, ijazah, dan transkrip nilai) dalam format PDF.",
        "Anda dapat mendaftar melalui laman resmi hingga 6 September 2024.",
        "Bergabung dengan grup WhatsApp reseller menjadi cara lain pedagang bertahan.",
        "TikTok merupakan platform media sosial asal China dengan 125 juta pengguna.",
        "Sebuah kiriman dibagikan oleh akun @infokota pada Minggu memperlihatkan banjir.",
        "Medan - Kualanamu kini dapat ditempuh dalam 30 menit dengan kereta bandara.",
        "Baca: warga diminta menjauhi bangunan yang retak.",
        "Lihat juga: peta jalur evakuasi sudah dipasang di setiap balai desa.",
        # sentences about joining or following, not share prompts
        "Bergabung dengan grup WhatsApp yang mengaku sebagai Info BPJS Gratis, sejumlah warga "
        "kehilangan uang jutaan rupiah.",
        "Berlangganan kanal YouTube berbayar dan layanan musik menjadi pengeluaran terbesar.",
        "Follow akun resmi sekolah kini juga menjadi kewajiban di sejumlah SMA.",
    ],
)
def test_ordinary_prose_that_resembles_boilerplate_is_kept(prose: str) -> None:
    cleaned = clean_document(f"{BODY}\n\n{prose}\n\n{BODY2}")
    assert cleaned.paragraphs == [[BODY], [prose], [BODY2]]


def test_entries_of_lists_in_the_article_are_kept() -> None:
    raw = (
        f"{BODY}\n\nPlatform yang dipakai warga untuk berbagi informasi:\nWhatsApp\nFacebook\n\n"
        "Judul: Laut yang Tak Pernah Tidur\nPenulis: Rina Kartika Sari\nPenerbit: Pustaka\n\n"
        "Kanal pengaduan:\n- Media sosial Twitter/Instagram\n- Kurikulum 2013/Merdeka\n\n"
        '"Aku ini binatang jalang." (Chairil Anwar)\n\n'
        # labelled entries under an introduction: award winners, an event's details
        "Berikut daftar pemenang kategori utama:\nPenulis: Andi Nurul Fadillah\n"
        "Fotografer: Muhammad Rizal Saputra\n\nSeminar akan digelar pada:\n"
        "Tempat: Hotel Santika Padang\nTopik: Strategi Pengendalian Inflasi Pangan"
    )
    cleaned = clean_document(raw)
    assert cleaned.removed == []
    assert "Penulis: Rina Kartika Sari" in cleaned.text and "(Chairil Anwar)" in cleaned.text
    assert "Penulis: Andi Nurul Fadillah" in cleaned.text and "Topik: Strategi" in cleaned.text


def test_the_first_line_of_a_wrapped_paragraph_is_not_a_title() -> None:
    raw = (
        "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) memperingatkan warga\n"
        "Jabodetabek untuk mewaspadai hujan lebat."
    )
    cleaned = clean_document(raw, detect_title=True)
    assert cleaned.title is None and len(cleaned.paragraphs) == 1


def test_a_short_closing_sentence_shared_by_stories_is_not_a_footer() -> None:
    docs = [f"{body}\n\nPolisi masih memburu pelaku." for body in (BODY, BODY2, BODY3)]
    assert recurring_footers([(story_keys(d), footer_candidates(d)) for d in docs]) == frozenset()


def test_share_buttons_without_an_introduction_are_still_removed() -> None:
    raw = f"{BODY}\n\nFacebook\nTwitter\nWhatsApp\n\nWhatsApp\n\n\n\nWhatsApp\n\n{BODY2}"
    cleaned = clean_document(raw)
    assert cleaned.paragraphs == [[BODY], [BODY2]] and len(cleaned.removed) == 5


def test_turns_of_an_interview_without_question_marks_stay_apart() -> None:
    raw = (
        "Reporter: Bagaimana kondisi pemain setelah melawan Vietnam\n"
        "Pelatih: Semua pemain dalam kondisi baik.\nReporter: Siapa kaptennya\n"
        "Pelatih: Rizky Ridho tetap kapten."
    )
    cleaned = clean_document(raw)
    assert len(cleaned.paragraphs) == 4 and cleaned.removed == []


def test_rows_of_a_pasted_table_are_paragraphs_of_their_own() -> None:
    raw = (
        f"{BODY}\n\nKomoditas | Harga (Rp/kg) | Pekan lalu\nCabai rawit merah | 90.000 | 65.000\n"
        f"Bawang merah | 42.000 | 40.000\n\n{BODY2}"
    )
    cleaned = clean_document(raw)
    assert cleaned.paragraphs[1:4] == [
        ["Komoditas | Harga (Rp/kg) | Pekan lalu"], ["Cabai rawit merah | 90.000 | 65.000"],
        ["Bawang merah | 42.000 | 40.000"],
    ]


def test_a_headline_alone_is_the_title_of_an_article_without_text() -> None:
    cleaned = clean_document("Presiden Resmikan Bendungan Baru di Sulawesi Tengah\n",
                             detect_title=True)
    assert cleaned.title == "Presiden Resmikan Bendungan Baru di Sulawesi Tengah"
    assert cleaned.text == "" and cleaned.warnings == ["only a title, no text"]
    brief = clean_document("Gempa guncang Sumbawa pagi ini, warga berhamburan keluar rumah\n",
                           detect_title=True)
    assert brief.title is None and brief.text


@pytest.mark.parametrize(
    ("junk", "kind", "where"),
    [
        ("Oleh: Laksmi Paramitha*", "credit", "top"),
        ("*Penulis adalah peneliti tata kota di Lembaga Kajian Ruang Publik.", "credit", "end"),
        ("Artikel ini merupakan opini pribadi penulis dan tidak mencerminkan pandangan redaksi.",
         "footer", "end"),
        ("Simak wawancara lengkapnya di kanal YouTube Warta Nusantara.", "share", "end"),
        ("Info lebih lanjut: www.kasirku.id atau email ke halo@kasirku.id", "footer", "end"),
        ("Diperbarui 08.05 WIB", "timestamp", "middle"),
    ],
)
def test_opinion_notes_promos_and_update_stamps_are_removed(
    junk: str, kind: str, where: str
) -> None:
    parts = {"top": [junk, BODY, BODY2], "middle": [BODY, junk, BODY2],
             "end": [BODY, BODY2, junk]}[where]
    cleaned = clean_document("\n\n".join(parts))
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    assert [(r["kind"], r["text"]) for r in cleaned.removed] == [(kind, junk)]


def test_a_closing_sentence_shared_by_stories_of_one_kind_is_not_a_site_footer() -> None:
    charge = ("Atas perbuatannya, tersangka dijerat Pasal 363 KUHP tentang pencurian dengan "
              "pemberatan dengan ancaman hukuman tujuh tahun penjara.")
    site = "Ikuti berita terkini dan terpercaya dari kami di kanal WhatsApp Harian Kota."
    docs = [
        "\n\n".join(
            f"Polisi di {town} menangkap pencuri sepeda motor ({n}) di pasar pada pagi hari."
            for n in range(3)
        ) + f"\n\n{charge}\n\n{site}"
        for town in ("Jember", "Bondowoso", "Lumajang")
    ]
    learned = recurring_footers([(story_keys(d), footer_candidates(d)) for d in docs])
    assert learned == frozenset({footer_key(site)})



def test_a_date_that_completes_the_line_above_is_not_a_time_stamp() -> None:
    raw = (f"{BODY}\n\nBatas akhir pendaftaran yang baru adalah\n"
           "Sabtu, 30 November 2024 pukul 23.59 WIB")
    assert clean_document(raw).removed == []
    raw = f"{BODY}\n\nJadwal seleksi sesi pertama:\nSenin, 9 Desember 2024 | 08.00 WITA"
    assert clean_document(raw).removed == []
    raw = f"{BODY}\n\n{BODY2}\n\nKamis, 12 Januari 2023 | 10:15 WIB"
    assert [r["kind"] for r in clean_document(raw).removed] == ["timestamp"]


@pytest.mark.parametrize(
    "furniture",
    ["SIARAN PERS", "TAJUK RENCANA", "OPINI", "Home > Nasional > Politik",
     "Beranda / Daerah / Jawa Tengah", "Nomor: 412/HM/KOMDIGI/11/2024",
     "Kamis, 21 Nov 2024 14:35 WIB · 3 menit baca", "Dibaca 1.245 kali", "Bagikan: 1,2 rb"],
)
def test_page_furniture_above_the_headline_is_not_the_title(furniture: str) -> None:
    raw = f"{furniture}\n\nHarga Cabai di Bandung Naik Tajam\n\n{BODY}\n\n{BODY2}"
    cleaned = clean_document(raw, detect_title=True)
    assert cleaned.title == "Harga Cabai di Bandung Naik Tajam"
    assert cleaned.paragraphs == [[BODY], [BODY2]]


@pytest.mark.parametrize(
    "tail",
    [
        "Tentang Otoritas Jasa Keuangan\nOtoritas Jasa Keuangan adalah lembaga independen yang "
        "mengatur dan mengawasi kegiatan di sektor jasa keuangan.\n\nNarahubung:\nAman Santosa\n"
        "Kepala Departemen Komunikasi\nTelp. (021) 2960 0000\nEmail: humas@ojk.go.id",
        "Terpopuler\n1. Harga Kentang Dieng Anjlok\n2. Jalur Dieng Ditutup\n\nKomentar (2)\n"
        "Agus Salim\nMantap, semoga cepat selesai\nBalas · Suka · 3 jam",
        "Bagikan artikel ini: Facebook Twitter WhatsApp Salin tautan\n\nKami menggunakan cookie "
        "untuk meningkatkan pengalaman Anda. Setuju\n\nLogin untuk berkomentar",
        ">> Baca juga: Harga Bawang Merah Ikut Naik\n\nBerita Pilihan: Inflasi Sumut Naik\n\n"
        "CONTINUE READING BELOW\n\nJangan Lewatkan: Jadwal Operasi Pasar",
        "(Tribun-Timur.com/Siti Aminah)",
    ],
)
def test_page_furniture_below_the_article_is_removed(tail: str) -> None:
    cleaned = clean_document(f"{BODY}\n\n{BODY2}\n\n{tail}")
    assert cleaned.paragraphs == [[BODY], [BODY2]]


def test_a_closing_mark_glued_to_the_last_sentence_is_removed() -> None:
    cleaned = clean_document(f"{BODY}\n\n{BODY2}***")
    assert cleaned.paragraphs == [[BODY], [BODY2]]


@pytest.mark.parametrize(
    "dateline",
    ["Pekanbaru, Riau Pos -", "DENPASAR, Bali Post -", "KEPANJEN, Radar Malang -",
     "Manila (ANTARA/AFP) -", "Tokyo (ANTARA/Kyodo) -", "Harianjogja.com, SLEMAN-",
     "Bandung, 25 November 2024."],
)
def test_regional_and_wire_datelines(dateline: str) -> None:
    cleaned = clean_document(f"{dateline} {BODY}\n\n{BODY2}")
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    assert [r["text"] for r in cleaned.removed] == [dateline]


def test_a_given_title_repeated_as_the_first_line_is_removed() -> None:
    title = "Kekeringan Landa 40 Desa di Sumba Timur"
    cleaned = clean_document(f"{title}\n\n{BODY}\n\n{BODY2}", given_title=title)
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    assert cleaned.removed == [{"kind": "title", "text": title}]


@pytest.mark.parametrize(
    ("given", "title"),
    [
        ("Harga Cabai Merah di Medan Tembus Rp 80 Ribu - Sumut Pos",
         "Harga Cabai Merah di Medan Tembus Rp 80 Ribu"),
        ("Banjir Rendam Tiga Kecamatan di Medan | Waspada Online",
         "Banjir Rendam Tiga Kecamatan di Medan"),
        ("Laga Persib - Persija Berakhir Imbang", "Laga Persib - Persija Berakhir Imbang"),
    ],
)
def test_the_outlet_a_browser_tab_adds_is_not_part_of_the_title(given: str, title: str) -> None:
    assert clean_title(given) == title


@pytest.mark.parametrize(
    "credit",
    ["Oleh Rahmawati Lubis, S.Sos., M.A.", "Oleh Andi Mappasessu - 26 Nov 2024, 11:02 WIB",
     "Laporan Wartawan Serambi Indonesia Cut Nurul Hasanah | Banda Aceh",
     "Penulis: Yusuf Hidayat | Editor: Sri Mulyani | Foto: Arif Budiman",
     "Alih bahasa: Rizki Fachriansyah"],
)
def test_by_line_variants_are_removed(credit: str) -> None:
    cleaned = clean_document(f"{credit}\n\n{BODY}\n\n{BODY2}")
    assert cleaned.paragraphs == [[BODY], [BODY2]]


@pytest.mark.parametrize(
    "caption",
    [
        "Petugas melepas tukik penyu di Pantai Sukamade, Sabtu (9/11/2024). (Dok. Balai TN)",
        "Wisatawan menyaksikan pelepasan tukik di Pantai Sukamade. Foto: Balai TN Meru Betiri",
        "Relawan mencatat jumlah telur di tempat penetasan. FOTO: SURYA/HAORRAHMAN",
    ],
)
def test_a_photo_caption_between_paragraphs_is_removed_whole(caption: str) -> None:
    cleaned = clean_document(f"{BODY}\n\n{caption}\n\n{BODY2}\n\n{BODY3}")
    assert cleaned.paragraphs == [[BODY], [BODY2], [BODY3]]
    assert [r["kind"] for r in cleaned.removed] == ["caption"]


def test_a_headline_wrapped_over_two_lines_is_one_title() -> None:
    headline = "Pemprov Kaltim Siapkan Rp 75 Miliar untuk Beasiswa Mahasiswa"
    cleaned = clean_document(f"{headline}\nKurang Mampu\n\n{BODY}", detect_title=True)
    assert cleaned.title == f"{headline} Kurang Mampu"
    assert cleaned.paragraphs == [[BODY]]
    deck = clean_document(f"Harga Cabai Naik\nPresiden Minta Pasokan Dijaga\n\n{BODY}",
                          detect_title=True)
    assert deck.title == "Harga Cabai Naik"  # a longer second line is a deck, not the title


def test_hard_wrapped_paragraphs_without_blank_lines_are_told_apart() -> None:
    # Wrapped at 61 characters with no blank line between paragraphs: a line that ends a
    # sentence with room left for the next line's first word ended a paragraph; a full line
    # that happens to end a sentence did not.
    wrapped = [
        "Pemerintah Kota Bandung meresmikan taman baru di kawasan",
        "Cibeunying pada Senin pagi. Taman seluas 8.000 meter persegi",
        "itu dibangun dengan anggaran daerah.",
        "Wali Kota Bandung mengatakan taman itu akan dibuka untuk umum",
        "setiap hari mulai pukul 06.00 WIB. Warga boleh membawa hewan.",
        "Peliharaan mereka wajib dipasangi tali dan kotorannya dibuang",
        "ke tempat sampah yang sudah disediakan di setiap sudut taman.",
    ]
    assert max(map(len, wrapped)) == 61
    assert join_broken_lines(wrapped) == [
        " ".join(wrapped[:3]),
        " ".join(wrapped[3:]),
    ]


def test_a_time_stamp_above_a_loading_marker_is_not_read_as_a_dateline() -> None:
    stamp = "Rabu, 06 November 2024 - 10:42 WIB\nloading..."
    raw = f"Judul Berita di Sini\n\n{stamp}\n\n{BODY}\n{BODY2}"
    cleaned = clean_document(raw, detect_title=True)
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    assert [r["kind"] for r in cleaned.removed] == ["timestamp", "link"]


def test_a_long_headline_wrapped_by_a_pdf_is_one_title() -> None:
    first = "Kementerian Kelautan dan Perikanan Tangkap Dua Kapal Ikan Asing"
    cleaned = clean_document(f"{first}\nIlegal di Laut Natuna Utara\n\n{BODY}", detect_title=True)
    assert cleaned.title == f"{first} Ilegal di Laut Natuna Utara"
    assert cleaned.paragraphs == [[BODY]]


def test_hashtags_under_a_topic_label_are_tags_not_entries() -> None:
    cleaned = clean_document(f"{BODY}\n{BODY2}\n\nTopic:\n#kereta #whoosh #KCIC")
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    assert [r["kind"] for r in cleaned.removed] == ["tags", "tags"]


@pytest.mark.parametrize(
    ("raw", "joined"),
    [
        ('"Kalau air naik, perahu tidak bisa lewat,"\nujar Jaya.',
         '"Kalau air naik, perahu tidak bisa lewat," ujar Jaya.'),
        ("Kuasa hukum warga, Dr. Hendra Kusuma, S.H., M.H.\nmengatakan pihaknya kecewa.",
         "Kuasa hukum warga, Dr. Hendra Kusuma, S.H., M.H. mengatakan pihaknya kecewa."),
        ("Korban tinggal di Jl.\nKeputih Tegal Timur, Surabaya.",
         "Korban tinggal di Jl. Keputih Tegal Timur, Surabaya."),
        ("Menurut Pj.\nWali Kota Surabaya, banjir sudah surut.",
         "Menurut Pj. Wali Kota Surabaya, banjir sudah surut."),
    ],
)
def test_a_line_broken_after_a_speech_tag_quote_or_an_abbreviation_is_rejoined(
    raw: str, joined: str
) -> None:
    assert [" ".join(p) for p in clean_document(raw).paragraphs] == [joined]


def test_a_reminder_to_the_reader_that_reports_is_kept() -> None:
    line = "Jangan lupa minum air putih setiap hari agar tidak dehidrasi."
    assert classify_line(line) is None


def test_subheadings_of_a_hard_wrapped_listicle_stay_paragraphs() -> None:
    lines = [
        "Dinas Lingkungan Hidup mengimbau warga menghemat air bersih selama",
        "musim kemarau karena debit air baku menurun.",
        "Tampung air bekas cucian beras untuk menyiram tanaman",
        "Air bekas cucian beras mengandung nutrisi yang baik bagi tanaman dan",
        "tidak perlu dibuang ke saluran pembuangan.",
        "Periksa kebocoran pipa",
        "Pipa bocor bisa membuang ratusan liter air per hari tanpa disadari",
        "oleh penghuni rumah, terutama pipa yang tertanam di dalam tembok.",
    ]
    assert [len(p) for p in join_broken_lines(lines)] == [
        len(" ".join(lines[:2])), len(lines[2]), len(" ".join(lines[3:5])), len(lines[5]),
        len(" ".join(lines[6:])),
    ]


def test_a_paragraph_ending_in_an_acting_title_is_not_joined_to_the_next() -> None:
    raw = "Jabatan itu sudah dua tahun diisi seorang Plt.\nMenurut pengamat, kondisi itu merugikan."
    assert len(clean_document(raw).paragraphs) == 2


def test_a_web_address_sticking_out_of_a_wrapped_block_does_not_widen_it() -> None:
    lines = [
        "Kepala Dinas Pekerjaan Umum mengatakan perbaikan jalan di jalur pantura",
        "Demak-Kudus ditargetkan selesai sebelum arus mudik Lebaran tahun ini. Daftar",
        "ruas dapat dilihat di laman "
        "https://dinas.contoh.go.id/informasi/perbaikan-jalan-mudik-2024?utm_source=wa yang",
        "diperbarui setiap hari oleh petugas Dinas Bina Marga dan Cipta Karya Jawa",
        "Tengah, kata dia.",
    ]
    assert join_broken_lines(lines) == [" ".join(lines)]


def test_a_readers_sign_off_under_a_question_is_kept_and_a_desk_credit_is_not() -> None:
    raw = ("Tetangga saya menutup jalan umum dengan pagar. Apa yang bisa saya lakukan?\n"
           "(Budi, Sewon)\n\nJawab: Anda bisa melapor ke kelurahan setempat.")
    kept = [s for p in clean_document(raw).paragraphs for s in p]
    assert "(Budi, Sewon)" in kept
    removed = clean_document(f"{BODY}\n(ant, hrd)").removed
    assert removed == [{"kind": "credit", "text": "(ant, hrd)"}]


@pytest.mark.parametrize("mark", ["--- selesai ---", "-SELESAI-", "###END###", "-30-"])
def test_what_follows_a_press_releases_end_mark_is_not_the_article(mark: str) -> None:
    about = ("Tentang Kampus Nusantara\nKampus Nusantara adalah perguruan tinggi swasta yang "
             "berdiri sejak 1985 dan kini mengelola dua belas fakultas dengan lebih dari dua "
             "puluh ribu mahasiswa aktif di tiga kota.\n\nKontak Media:\nEmail: humas@kampus.id")
    cleaned = clean_document(f"{BODY}\n\n{BODY2}\n\n{mark}\n\n{about}")
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    assert cleaned.removed[0] == {"kind": "footer", "text": mark}


def test_a_closing_tag_list_glued_together_is_removed_but_prose_and_legends_stay() -> None:
    cleaned = clean_document(f"{BODY}\n\n{BODY2}\nBogorbus listrikTrans Pakuantransportasi umum")
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    assert cleaned.removed == [
        {"kind": "tags", "text": "Bogorbus listrikTrans Pakuantransportasi umum"}
    ]
    for line in ("Madura UnitedPelatih: Gomes de Oliveira",
                 "Layanan web builderDjaring hari ini resmi diluncurkan"):
        assert clean_document(f"{BODY}\n\n{line}").removed == []


def test_headlines_under_an_editors_picks_label_are_links() -> None:
    raw = (f"{BODY}\nEditor’s picks\nHarga Kopi Arabika Naik Jelang Panen Raya\n"
           f"Petani Kopi Enrekang Keluhkan Cuaca\n{BODY2}")
    cleaned = clean_document(raw)
    assert [s for p in cleaned.paragraphs for s in p] == [BODY, BODY2]
    assert [r["kind"] for r in cleaned.removed] == ["link"] * 3


@pytest.mark.parametrize(
    "quoted",
    ["''Kami siap,'' kata Budi.", "``Kami siap,'' kata Budi.", "’’Kami siap,’’ kata Budi.",
     "\u00e2\u20ac\u2122" * 2 + "Kami siap," + "\u00e2\u20ac\u2122" * 2 + " kata Budi."],
)
def test_a_double_quote_typed_as_two_single_ones_is_a_double_quote(quoted: str) -> None:
    cleaned = clean_document(f"{BODY}\n\n{quoted}")
    assert cleaned.paragraphs == [[BODY], ['"Kami siap," kata Budi.']]


def test_a_title_case_headline_closed_by_a_period_is_the_title_but_a_lede_is_not() -> None:
    cleaned = clean_document(f"Harga Cabai Rawit Naik Tajam di Pasar Kosambi.\n\n{BODY}",
                             detect_title=True)
    assert cleaned.title == "Harga Cabai Rawit Naik Tajam di Pasar Kosambi"
    assert cleaned.paragraphs == [[BODY]]
    lede = "Presiden Joko Widodo meresmikan Bendungan Karian di Lebak."
    cleaned = clean_document(f"{lede}\n\n{BODY}", detect_title=True)
    assert cleaned.title is None
    assert cleaned.paragraphs == [[lede], [BODY]]


@pytest.mark.parametrize(
    ("after", "kept"),
    [
        ("Sementara itu, Wali Kota Bandung meminta warga tenang.",
         "Sementara itu, Wali Kota Bandung meminta warga tenang."),
        ("Selain itu, polisi menutup jalan.", "Selain itu, polisi menutup jalan."),
        ("Kepala Dinas Perhubungan, Asep Kuswara, mengatakan jalan ditutup.",
         "Kepala Dinas Perhubungan, Asep Kuswara, mengatakan jalan ditutup."),
        ("Kepala Dinas Ketahanan Pangan Kota Medan, Emilia Lubis, mengatakan harga turun.",
         "Kepala Dinas Ketahanan Pangan Kota Medan, Emilia Lubis, mengatakan harga turun."),
    ],
)
def test_a_flattened_link_takes_no_words_of_the_sentence_behind_it(after: str, kept: str) -> None:
    text = f"{BODY} Baca Juga: Harga Emas Antam Hari Ini Turun, Cek Rinciannya {after}"
    assert split_flattened_link(text) == (
        f"{BODY} {kept}", "Baca Juga: Harga Emas Antam Hari Ini Turun, Cek Rinciannya"
    )


def test_a_flattened_link_before_an_appositive_keeps_the_whole_office() -> None:
    text = (f"{BODY} Baca juga: Operasi Pasar Digelar di 21 Kecamatan Ketua Asosiasi Pedagang "
            "Pasar Sumut, Hasan Basri, berharap harga stabil.")
    assert split_flattened_link(text) == (
        f"{BODY} Ketua Asosiasi Pedagang Pasar Sumut, Hasan Basri, berharap harga stabil.",
        "Baca juga: Operasi Pasar Digelar di 21 Kecamatan",
    )


def test_a_sentence_case_headline_on_its_own_line_is_removed_whole() -> None:
    links = ["Baca juga: Jalan Tol Semarang-Demak ditutup sementara akibat banjir",
             "Baca juga: Harga cabai Pasar Johar naik dua kali lipat"]
    cleaned = clean_document(f"{BODY}\n\n{links[0]}\n\n{BODY2}\n\n{links[1]}")
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    assert cleaned.removed == [{"kind": "link", "text": link} for link in links]
    assert split_flattened_link(links[1]) is None


def test_headline_layouts_of_kumparan_and_clickbait_titles() -> None:
    headline = "Sri Mulyani Ungkap Defisit APBN Capai Rp 507 Triliun"
    cleaned = clean_document(f"kumparanBISNIS\n{headline}\n{BODY}\n\n{BODY2}", detect_title=True)
    assert cleaned.title == "Sri Mulyani Ungkap Defisit APBN Capai Rp 507 Triliun"
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    cleaned = clean_document(f"5 Manfaat Jalan Kaki Setiap Hari, Bikin Panjang Umur!\n{BODY}",
                             detect_title=True)
    assert cleaned.title == "5 Manfaat Jalan Kaki Setiap Hari, Bikin Panjang Umur!"


def test_a_lead_closing_with_a_quotation_is_not_a_title() -> None:
    lead = 'Presiden menegaskan pemerintah tidak menoleransi korupsi, "Tidak ada toleransi"'
    cleaned = clean_document(f"{lead}\n\n{BODY}", detect_title=True)
    assert cleaned.title is None
    assert cleaned.paragraphs[0] == [lead]


def test_headlines_spaced_by_blank_lines_under_a_bare_label_are_all_links() -> None:
    heads = ["Klasemen Grup C Usai Indonesia Kalahkan Bahrain",
             "Patrick Kluivert Puas dengan Permainan Timnas"]
    cleaned = clean_document(f"{BODY}\n\nBaca Juga:\n\n{heads[0]}\n\n{heads[1]}\n\n{BODY2}")
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    assert [r["text"] for r in cleaned.removed] == ["Baca Juga:", *heads]


def test_a_linked_headline_that_asks_is_removed_under_its_label() -> None:
    raw = (f"{BODY}\nBaca Juga:\nAnggaran Makan Bergizi Gratis Rp71 Triliun, Cukup?\n"
           f"Menu Makan Bergizi Gratis Diuji Coba di Sukabumi\n{BODY2}")
    cleaned = clean_document(raw)
    assert [s for p in cleaned.paragraphs for s in p] == [BODY, BODY2]


@pytest.mark.parametrize(
    "dateline", ["Shenzhen -", "Jakarta Selatan -", "Tangerang Selatan -", "Nusa Dua -", "Sepang -"]
)
def test_datelines_of_regions_and_foreign_venues(dateline: str) -> None:
    assert strip_dateline(f"{dateline} Tunggal putra Indonesia menang.") == (
        "Tunggal putra Indonesia menang.", dateline
    )
    assert strip_dateline("Jakarta Selatan - Jakarta Utara kini ditempuh 20 menit.")[1] is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Scroll down untuk melanjutkan membaca", "ad"),
        ("Dengarkan berita ini", "ad"),
        ("Konten ini adalah kerja sama dengan PT Astra", "ad"),
        ("Like Loading...", "ad"),
        ("Simak berita lainnya di Bisnis.com: Harga Emas Turun", "link"),
        ("Lanjut baca:", "link"),
        ("Related", "link"),
        ("Databoks: Inflasi Tahunan 2024", "caption"),
        ("IDN Times Community adalah media untuk berbagi cerita", "footer"),
        ("Follow WhatsApp Channel Tribunnews untuk update berita terbaru", "share"),
        ("Ditulis oleh Siti Aminah", "credit"),
        ("Hak Cipta © 2024 PT Media Nusantara. Dilarang mengutip tanpa izin.", "credit"),
    ],
)
def test_more_page_furniture_lines(line: str, kind: str) -> None:
    assert classify_line(line) == kind


def test_signatures_and_pagers_closing_an_article_are_removed() -> None:
    for tail in ("CNBC INDONESIA RESEARCH\nresearch@cnbcindonesia.com", "Humas Polres Sleman",
                 "Halaman\n1\n2", "Share this:\nTwitter\nFacebook\n\nLike this:\nLike Loading..."):
        assert clean_document(f"{BODY}\n\n{BODY2}\n\n{tail}").paragraphs == [[BODY], [BODY2]]


def test_the_line_under_a_bare_photo_label_is_its_caption() -> None:
    raw = f"{BODY}\n\nPhoto :\nPesawat Garuda Indonesia di Bandara Soekarno-Hatta.\n\n{BODY2}"
    cleaned = clean_document(raw)
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    assert [r["kind"] for r in cleaned.removed] == ["caption", "caption"]


def test_a_lead_closing_with_a_verse_or_source_is_kept_and_a_photo_credit_is_not() -> None:
    lead = "Diwajibkan atas kamu berpuasa agar kamu bertakwa. (QS Al-Baqarah: 183)"
    assert clean_document(f"{lead}\n\n{BODY}").removed == []
    caption = "Suasana pasar pagi ini. (iStockphoto/Nama)"
    assert clean_document(f"{caption}\n\n{BODY}").removed == [
        {"kind": "caption", "text": caption}
    ]


def test_press_release_headers_signatures_and_regional_credits() -> None:
    raw = ("SIARAN PERS\nNomor: 87/HM/KOMINFO/05/2024\nTanggal: 20 Mei 2024\n\n"
           f"Kominfo Perluas Akses Internet Desa\n\nJakarta - {BODY}\n\n{BODY2}\n\n"
           "Tentang Kementerian Kominfo\nKementerian Kominfo mempunyai tugas menyelenggarakan "
           "urusan pemerintahan di bidang komunikasi dan informatika untuk membantu Presiden.\n\n"
           "Untuk informasi lebih lanjut, hubungi:\nHumas Kominfo")
    cleaned = clean_document(raw, detect_title=True)
    assert cleaned.title == "Kominfo Perluas Akses Internet Desa"
    assert cleaned.paragraphs == [[BODY], [BODY2]]
    closing = clean_document(f"{BODY}\n\nKetua PBNU hadir. (Tribunnews.com)")
    assert closing.paragraphs == [[BODY], ["Ketua PBNU hadir."]]
    byline = "Penulis Kontributor Yogyakarta, Wijaya Kusuma | Editor Pythag Kurniati"
    assert classify_line(byline) == "credit"
    assert classify_line("Oleh: Dr. Hendra Wijaya, S.P., M.Si.*)") == "credit"
    assert classify_line("Oleh: Hendra Wijaya - Dosen Fakultas Pertanian Unsoed") == "credit"


@pytest.mark.parametrize(
    "dateline",
    ["SAMARINDA-", "JOGJA-", "BALIKPAPAN, KP-", "MUHAMMADIYAH.OR.ID, YOGYAKARTA-", "PR BEKASI -"],
)
def test_glued_and_network_datelines(dateline: str) -> None:
    assert strip_dateline(f"{dateline}Pembangunan bendungan selesai.")[1] == dateline.strip()
    assert strip_dateline("BUMN-Swasta bersinergi membangun jalan.")[1] is None


def test_a_wordpress_caption_shortcode_is_a_caption() -> None:
    raw = f'[caption id="attachment_1"] MERIAH: Peserta menari.[/caption]\n\n{BODY}'
    assert clean_document(raw).paragraphs == [[BODY]]
