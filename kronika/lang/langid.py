"""Language identification of whole articles (lingua, offline), restricted to the languages Kronika meets.

Restricting lingua to the languages the sentence encoder covers, plus the Slavic and Central European
neighbours Polish news sits among, keeps it fast and small in memory and removes look-alike languages
(Afrikaans for Dutch, Bosnian for Croatian) that only ever win by mistake on news text.
"""

from __future__ import annotations

from functools import cache

# The sixteen languages of USE-multilingual v3 (Chinese once), then neighbours the encoder does not cover
# but news streams around Poland carry; those still get vectors (shared sub-words) and alias-matched names.
ENCODER_LANGUAGES = ("ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh")
NEIGHBOUR_LANGUAGES = ("be", "bg", "cs", "hr", "hu", "lt", "lv", "ro", "sk", "sl", "sr", "uk", "sv", "fi", "da")
LANGUAGES = ENCODER_LANGUAGES + NEIGHBOUR_LANGUAGES

# Enough text to decide; lingua's cost grows with the length it reads.
SAMPLE_CHARS = 1500


@cache
def _detector():
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None when lingua cannot tell (empty, digits only)."""
    sample = (text or "")[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    language = _detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language is not None else None
