"""Language identification for cleaned articles (py3langid, restricted to plausible languages).

The py3langid model is loaded once, on the first call (about a second), and restricted to the
languages an Indonesian news corpus plausibly contains. Indonesian and Malay are close enough
that the model often hesitates between them: a text the model calls Malay is kept as Indonesian
unless it uses more Malaysian-only spellings and words (`kerana`, `bahawa`, `wang`, `polis`)
than Indonesian-only ones (`karena`, `bahwa`, `uang`, `polisi`), because our input is Indonesian
news and a short Indonesian text with few function words is the usual reason for a `ms` guess.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["CANDIDATE_LANGUAGES", "MIN_CHARS", "UNDETERMINED", "detect_language"]

# Languages plausibly found in an Indonesian news corpus: Indonesian and its close neighbours
# (Malay, Javanese, Tagalog), the languages of quoted or syndicated copy (English, Dutch, Arabic,
# East Asian and major European languages) and a few regional ones of the wire services.
CANDIDATE_LANGUAGES: tuple[str, ...] = (
    "id", "ms", "jv", "tl", "en", "nl", "ar", "zh", "ja", "ko",
    "fr", "de", "es", "pt", "it", "ru", "vi", "th",
)  # fmt: skip

MIN_CHARS = 20
UNDETERMINED = "und"

# Spellings and words used in Malaysian Malay where Indonesian uses the other list.
_MALAY_ONLY = frozenset(
    "kerana bahawa iaitu sahaja wang kewangan polis syarikat projek percuma bajet kempen "
    "setiausaha baharu motosikal basikal hospital universiti teksi mengikut".split()
)
# ... and the Indonesian words and spellings that Malaysian Malay writes differently.
_INDONESIAN_ONLY = frozenset(
    "karena bahwa yaitu saja uang keuangan polisi perusahaan proyek gratis anggaran kampanye "
    "sekretaris tersangka sepeda universitas mobil kantor kabupaten provinsi pria "
    "pemerintah bisa enggak nggak rupiah rp".split()
)
_WORD_RE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """The py3langid identifier with normalized probabilities, restricted to our candidates."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(CANDIDATE_LANGUAGES))
    return identifier


def _malay_or_indonesian(text: str) -> str:
    """`ms` only when Malaysian-only words outnumber Indonesian-only ones, else `id`."""
    words = [w.lower() for w in _WORD_RE.findall(text)]
    malay = sum(w in _MALAY_ONLY for w in words)
    indonesian = sum(w in _INDONESIAN_ONLY for w in words)
    return "ms" if malay > indonesian else "id"


def detect_language(text: str) -> str:
    """Return the ISO 639-1 code of `text`'s language, or "und" for under 20 letters.

    (Letters, not characters: numbers, dates and punctuation say nothing about the language.)
    """
    stripped = " ".join(text.split())
    if sum(c.isalpha() for c in stripped) < MIN_CHARS:
        return UNDETERMINED
    language, _ = _identifier().classify(stripped)
    if language == "ms":
        return _malay_or_indonesian(stripped)
    return str(language)
