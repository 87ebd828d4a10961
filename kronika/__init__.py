"""Kronika: the chronicle in the news. Polish news articles in, coded events out.

>>> import kronika
>>> record = kronika.analyze("Kim Dzong Un spotkał się z Xi Jinpingiem.", date="2025-09-04")
"""

from __future__ import annotations

from kronika.errors import InputError, KronikaError
from kronika.options import AnalysisOptions
from kronika.pipeline import Pipeline, Stage, default_stages
from kronika.query_reader import PipelineReader
from kronika.reading import use_reader
from kronika.record import Document, Entity, Event, Mention, Timex, Token

# Store queries read people's words as the articles were read (kronika/reading.py); the store itself imports
# no stage, so the package wires the pipeline in. Nothing loads until a query asks.
use_reader(PipelineReader())

__version__ = "0.1.0"

__all__ = [
    "AnalysisOptions",
    "Document",
    "Entity",
    "Event",
    "InputError",
    "KronikaError",
    "Mention",
    "Pipeline",
    "Stage",
    "Store",
    "Timex",
    "Token",
    "analyze",
    "default_stages",
    "__version__",
]


def __getattr__(name: str):
    # The store pulls in pandas and pyarrow; `import kronika` stays light until it is asked for.
    if name == "Store":
        from kronika.store import Store

        return Store
    raise AttributeError(f"module 'kronika' has no attribute {name!r}")


def analyze(
    text: str,
    date: str | None = None,
    lang: str | None = None,
    *,
    id: str | None = None,
    url: str | None = None,
    title: str | None = None,
    parse: bool | None = None,
    options: AnalysisOptions | None = None,
) -> Document:
    """Analyse one article and return its document record. ``options`` (an ``AnalysisOptions``) says the
    language, the publication date and whether to parse; ``date=``, ``lang=`` and ``parse=`` given here win
    over it, and without either the text is Polish. ``lang="auto"`` identifies the language; a language
    without a pack gets names and written dates only (``kronika.core.stages_note(lang)`` says which stages
    ran); ``parse`` adds a dependency tree to the tokens."""
    from kronika.core import AUTO, load_pipeline, normalize_text
    from kronika.lang.langid import detect_language
    from kronika.options import resolve

    options = resolve(options, date=date, lang=lang, parse=parse)
    text = normalize_text(text)
    lang = options.lang
    if lang == AUTO:
        lang = detect_language(text) or "und"
    doc = Document(text=text, id=id or "", url=url, date=options.date, lang=lang, title=title)
    return load_pipeline(lang, options.parse)(doc)
