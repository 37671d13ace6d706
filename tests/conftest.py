"""Shared test helpers: the location of ../shared and small hand-written articles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests are derandomized by default, so a test run (and CI) is repeatable; explore with
# fresh random examples by running `HYPOTHESIS_PROFILE=explore make test`.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
INDOSUM = SHARED / "data" / "indosum"
SEEDS = SHARED / "seeds"

ARTICLE = (
    "Pemerintah Kota Bandung meresmikan taman baru di kawasan Cibeunying, Senin (3/6). "
    "Taman seluas 8.000 meter persegi itu dibangun dengan anggaran Rp 1.500.000.000.\n\n"
    '"Taman ini terbuka untuk umum setiap hari mulai pukul 06.00 WIB," kata Wali Kota '
    "Bandung, Dr. Rina Kusumawati.\n\n"
    "Warga menyambut baik kehadiran taman tersebut. Mereka berharap fasilitasnya dirawat."
)


@pytest.fixture
def indosum_dir() -> Path:
    """The IndoSum folder next to the repo, or skip when ../shared is absent."""
    if not INDOSUM.is_dir():
        pytest.skip("../shared/data/indosum is not available")
    return INDOSUM
