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


# lingua's high accuracy mode reads letter n-grams of one to five and loads their models lazily, for every
# language a text's letters allow: 3.6 s of CPU for its first answer and 5.7 s more for a short Polish sentence,
# 900 MiB in all, loaded again in every worker that meets such a text. Its low accuracy mode reads trigrams only
# (0.5 s, 70 MiB), and its authors give it as "mostly unaffected" above 120 characters (lingua-rs issue 119);
# on the 1,393 texts at hand (train-pl, dev-pl, the dev story groups, BSNLP) both modes answer alike. A shorter
# text still gets the high accuracy mode, loaded only when one comes.
SHORT_TEXT = 120


@cache
def _detector(short: bool = False):
    """lingua over every language it knows: for a text of ``SHORT_TEXT`` characters or more (the default), in
    its low accuracy mode; for a ``short`` one, in its high accuracy mode."""
    from lingua import LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_all_languages()
    return (builder if short else builder.with_low_accuracy_mode()).build()


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
    language = _detector(len(sample) < SHORT_TEXT).detect_language_of(sample)
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
