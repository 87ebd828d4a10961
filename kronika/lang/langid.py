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


# Below this many characters lingua's default reads n-grams of one to five letters rather than trigrams alone.
SHORT_TEXT = 120
# A short text is read by the full models of this many languages, the likeliest by trigrams.
SHORT_CANDIDATES = 5


@cache
def _detector():
    """lingua over every language, reading trigrams only. Its default reads a text under 120 characters by
    n-grams of one to five letters, and the first such text loads those models for every language: 937 MiB
    and 6.5 s of CPU in a new process, in whichever worker meets the one short article of a batch (over the
    1 GB a worker is allowed). A short text is read by ``_identify``. Trigrams alone give the same answer on every text of 120 characters or more (1,391 of 1,391
    articles of train-pl, dev-pl, the story groups and BSNLP; ``bench/langid.py``)."""
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


@cache
def _detector_among(languages: tuple) -> object:
    """lingua's default (all n-gram models) over a few languages: only theirs are loaded (lingua keeps one copy
    of each language's models for all its detectors, so many such detectors cost no more than their languages)."""
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(*languages).build()


def _identify(sample: str):
    """lingua's answer: trigrams for an article-length sample; for a short one, the full models of the
    likeliest languages by trigrams (on 4,176 openings of 40-110 characters: 4,130 right, against 4,154 by
    the full models of every language and 4,072 by trigrams alone, ``bench/langid.py``)."""
    if len(sample) >= SHORT_TEXT:
        return _detector().detect_language_of(sample)
    likely = [v.language for v in _detector().compute_language_confidence_values(sample) if v.value > 0]
    if len(likely) < 2:
        return likely[0] if likely else None
    return _detector_among(tuple(sorted(likely[:SHORT_CANDIDATES], key=str))).detect_language_of(sample)


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
    language = _identify(sample)
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
