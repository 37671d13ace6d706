"""The seed article and a sample of IndoSum, cleaned end to end (skipped without ../shared)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.clean import (
    clean_document,
    footer_candidates,
    footer_key,
    recurring_footers,
    story_keys,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seeds" / "000_a85f431cca7aceca.txt"
INDOSUM = SHARED / "data" / "indosum"


@pytest.fixture(scope="module")
def seed_lines() -> list[str]:
    if not SEED.is_file():
        pytest.skip("../shared/seeds is not available")
    return SEED.read_text(encoding="utf-8").split("\n")


def _expected_paragraphs(lines: list[str]) -> list[str]:
    """The seed's lines as they should come out: caption dropped, the broken line rejoined,
    the two broken closing quotes repaired and the curly quotes straightened."""
    body = [line.strip() for line in lines[1:] if line.strip()]
    joined: list[str] = []
    for line in body:
        if joined and joined[-1].endswith("dikutip dari"):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    repaired = [p.replace("†", '" ').replace("â€", '"') for p in joined]
    return [re.sub("[“”]", '"', p) for p in repaired]


def test_seed_is_cleaned_perfectly(seed_lines: list[str]) -> None:
    cleaned = clean_document("\n".join(seed_lines))
    paragraphs = [" ".join(p) for p in cleaned.paragraphs]

    assert cleaned.removed == [{"kind": "caption", "text": seed_lines[0]}]
    assert seed_lines[0].endswith("/Net")
    for bad in ("â", "€", "†", "Ã", "“", "”"):
        assert bad not in cleaned.text
    assert [r["kind"] for r in cleaned.repairs] == ["partial-mojibake", "partial-mojibake"]

    # 19 input lines: the caption goes and two lines become one sentence.
    assert len(seed_lines) == 19
    assert len(cleaned.paragraphs) == 17
    assert sum(len(p) for p in cleaned.paragraphs) == 17
    assert paragraphs == _expected_paragraphs(seed_lines)
    assert cleaned.text == "\n\n".join(_expected_paragraphs(seed_lines))

    sentences = [s for p in cleaned.paragraphs for s in p]
    assert sentences[0].startswith("Duta besar Rusia untuk Beijing")
    assert sentences[6] == '"China dan Rusia menentang mentalitas blok," kata Denisov.'
    assert sentences[8].endswith('antara Rusia dan China".')
    rejoined = [s for s in sentences if s.endswith("seperti dikutip dari SCMP, Rabu (30/12).")]
    assert len(rejoined) == 1 and rejoined[0].startswith('"Saya pikir pernyataan Presiden')
    assert any(s.startswith('"Sekitar 8.000 orang Rusia') for s in sentences)
    assert cleaned.lang == "id" and cleaned.warnings == []


def test_seed_has_no_title(seed_lines: list[str]) -> None:
    cleaned = clean_document("\n".join(seed_lines), detect_title=True)
    assert cleaned.title is None
    assert cleaned.text == clean_document("\n".join(seed_lines)).text


# --- IndoSum -------------------------------------------------------------------------------

DATELINE_RE = re.compile(r"^[A-Z][\w ]*(?:, CNN Indonesia --|\(ANTARA News\) -)")
LINK_RE = re.compile(r"^[\[(]?\s*(?:baca|simak)(?:\s+juga)?\s*:|baca_juga", re.I)


def _norm(text: str) -> str:
    return " ".join(re.sub("[“”]", '"', re.sub("[‘’]", "'", text)).split())


@pytest.fixture(scope="module")
def indosum_sample() -> list[tuple[dict, list[list[str]], str]]:
    """Every fourth article of IndoSum dev fold 1: (record, sentences, raw text)."""
    path = INDOSUM / "dev.01.jsonl"
    if not path.is_file():
        pytest.skip("../shared/data/indosum is not available")
    from pipeline import indosum

    sample = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number % 4 == 0:
                record = json.loads(line)
                sentences = indosum.sentences(record)
                raw = "\n\n".join(" ".join(p) for p in sentences)
                sample.append((record, sentences, raw))
    return sample


def test_indosum_boilerplate_is_removed_and_summary_sentences_kept(
    indosum_sample: list[tuple[dict, list[list[str]], str]],
) -> None:
    footers = recurring_footers(
        (story_keys(raw), footer_candidates(raw)) for _, _, raw in indosum_sample
    )
    assert footers, "the site footer repeated across the sample should be learned"
    gold, kept, datelines = 0, 0, 0
    for record, sentences, raw in indosum_sample:
        cleaned = clean_document(raw, footers=footers)
        kinds = [r["kind"] for r in cleaned.removed]
        first = sentences[0][0] if sentences and sentences[0] else ""
        if DATELINE_RE.match(first):
            datelines += 1
            assert "dateline" in kinds, first
            assert not DATELINE_RE.match(cleaned.text)
        texts = cleaned.text.split("\n\n")
        assert not any(LINK_RE.search(p) for p in texts), record["id"]
        if texts and texts[-1]:
            assert footer_key(texts[-1]) not in footers, record["id"]
        clean_text = _norm(cleaned.text)
        for paragraph, labels in zip(sentences, record["gold_labels"], strict=True):
            for sentence, label in zip(paragraph, labels, strict=True):
                words = _norm(sentence).split()
                if label and words:
                    gold += 1
                    kept += " ".join(words[-6:]) in clean_text
    assert datelines >= 50
    assert kept / gold >= 0.97
