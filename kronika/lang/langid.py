"""Language identification of whole articles (lingua, offline) over every language lingua knows, and the
normalisation of the language codes inputs give.

Every language is accepted: Polish gets its pack, any other language the language-independent stages
(``kronika/stories/stages.py``). Identification therefore has no reason to leave a language out: an
article in Georgian or Greek detected as "something else" would only lose its own name.
"""

from __future__ import annotations

from functools import cache

from kronika.lang import SUPPORTED, get_language

# The sixteen languages of USE-multilingual v3 (Chinese once): their articles' vectors are trusted as
# they are; other languages still get vectors (shared sub-words) but the clusterer asks them for more
# evidence (``kronika/stories/cluster.py``).
ENCODER_LANGUAGES = ("ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh")

# Enough text to decide; lingua's cost grows with the length it reads.
SAMPLE_CHARS = 1500


@cache
def known_languages() -> tuple[str, ...]:
    """The ISO 639-1 codes of every language lingua identifies (75 in lingua 2.1), sorted."""
    from lingua import Language

    return tuple(sorted(language.iso_code_639_1.name.lower() for language in Language.all()))


@cache
def _detector():
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().build()


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None when lingua cannot tell (empty, digits only)."""
    sample = (text or "")[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    for code in SUPPORTED:
        # Loading lingua's models costs 0.4-0.8 s of CPU, a third of a one-article start-up; text a pack
        # recognises beyond doubt does not need them (agreement with lingua measured by bench/langid.py).
        if get_language(code).surely_written_in(sample):
            return code
    language = _detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language is not None else None


@cache
def language_code(value: str | None) -> str | None:
    """The ISO 639 code an input's language field means ("en", "EN", "en-US", "eng", "English" -> "en";
    "fil" stays "fil"), or None when it names no language ("xx", "")."""
    import pycountry

    if not value or not isinstance(value, str):
        return None
    code = value.strip().replace("_", "-").split("-")[0].lower()
    if code == "und":
        return code
    found = None
    if len(code) == 2:
        found = pycountry.languages.get(alpha_2=code)
    elif len(code) == 3:
        found = pycountry.languages.get(alpha_3=code) or pycountry.languages.get(bibliographic=code)
    if found is None and len(code) > 3:
        try:
            found = pycountry.languages.lookup(value.strip())
        except LookupError:
            found = None
    if found is None:
        return None
    return getattr(found, "alpha_2", None) or found.alpha_3
