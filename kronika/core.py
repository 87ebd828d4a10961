"""Wiring: text normalisation and the per-process pipeline cache used by every entry point."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from kronika.errors import InputError, KronikaError
from kronika.ingest.decoding import normalize_text
from kronika.options import AUTO, AnalysisOptions, resolve
from kronika.pipeline import Pipeline, default_stages
from kronika.record import Document

UNDETERMINED = "und"  # ISO 639-2 for a text whose language cannot be told (no letters)


@cache
def load_pipeline(lang: str = "pl", parse: bool = False) -> Pipeline:
    """One pipeline per language (and with or without the dependency parser) and process; stages load their
    resources on first use.

    Any language without a pack (every ISO 639 code, and "und" for a text whose language cannot be told)
    gets the language-independent stages cross-lingual stories need: knowledge-base names and written dates
    (``kronika/stories/stages.py``); the language packs' stages run only for their language. A code that
    names no language is an error.
    """
    from kronika.lang import SUPPORTED, check_language

    if lang in SUPPORTED:
        return Pipeline(default_stages(lang, parse=parse))
    check_language(lang)
    from kronika.stories.stages import foreign_stages

    return Pipeline(foreign_stages())


def stages_note(lang: str) -> str | None:
    """What ran for an article in ``lang`` when that is less than the whole pipeline, in words; else None."""
    from kronika.lang import SUPPORTED
    from kronika.pipeline import missing_models

    # A pack with every model makes no note: its pipeline is not built for nothing (`ingest --jobs N` asks
    # in the writer, which has none, after the workers are done: 0.2 s of CPU on the serial tail).
    missing = missing_models(lang) if lang in SUPPORTED else []
    if lang in SUPPORTED and not missing:
        return None
    names = ", ".join(load_pipeline(lang).names)
    if lang in SUPPORTED:
        return f"the '{lang}' pack has no {', '.join(missing)}: ran {names} (rules only where a model is missing)"
    return (
        f"no language pack for '{lang}': ran only {names} (knowledge-base names, written dates); "
        "no sentences, tokens, events, quotes, amounts or tone"
    )


def article_language(article, lang: str) -> str:
    """The article's own language (its code normalised: "en-US" -> "en"), else ``lang``; with
    ``lang="auto"`` identified from the text, "und" when it cannot be told."""
    from kronika.lang.langid import language_code

    own = language_code(article.lang) if article.lang else None
    if own:
        return own
    if lang != AUTO:
        return lang
    from kronika.lang.langid import detect_language

    return detect_language(article.text) or UNDETERMINED


def analyze_articles(
    articles: Iterable, options: AnalysisOptions | None = None, *, lang: str | None = None, parse: bool | None = None
) -> Iterator[Document | KronikaError]:
    """Records for what a reader yields; reader errors and per-article failures pass through in order.
    ``options.lang`` is the language of articles that do not say, ``options.parse`` adds each token's
    dependency head and relation (``lang=`` and ``parse=`` are kept for older callers; without options, Polish).

    An article that breaks a stage becomes an error naming its source, and the next one is processed.
    """
    options = resolve(options, lang=lang, parse=parse)
    for article in articles:
        if isinstance(article, KronikaError):
            yield article
            continue
        source = getattr(article, "source", "") or article.id or "<article>"
        try:
            doc = Document(
                text=normalize_text(article.text),
                id=article.id or "",
                url=article.url,
                date=article.date,
                lang=article_language(article, options.lang),
                title=article.title,
            )
            yield load_pipeline(doc.lang, options.parse)(doc)
        except InputError as error:
            yield error
        except KronikaError as error:
            yield InputError(error.code, source, error.message)
        except Exception as error:  # noqa: BLE001 - one bad article must not stop ten thousand
            yield InputError("E301", source, f"analysis failed: {type(error).__name__}: {error}")
