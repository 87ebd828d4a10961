"""The stage protocol and the pipeline that runs stages in order over a document record.

A stage is a small object with a ``name``, the record fields it ``requires`` and the fields it
``assigns``, and a ``__call__(doc) -> doc`` that is pure per article. Heavy resources (dictionaries,
models) are loaded once per process by the stage's own cached loader, never per article, so the same
stage objects can be pickled to a worker process and run there unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from kronika.errors import KronikaError
from kronika.record import Document

# What a reader fills before any stage runs.
INPUT_FIELDS = frozenset({"id", "url", "date", "lang", "title", "text"})


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


def check_order(stages: Iterable[Stage]) -> None:
    """Fail early when a stage needs a field that no earlier stage (or the reader) sets."""
    available = set(INPUT_FIELDS)
    for stage in stages:
        missing = [f for f in stage.requires if f not in available]
        if missing:
            raise KronikaError(
                "E101",
                f"stage '{stage.name}' needs {', '.join(missing)}, which no earlier stage assigns; "
                "put the stage that assigns it first",
            )
        available.update(stage.assigns)


class Pipeline:
    """Stages in order. ``pipeline(doc)`` analyses one article; ``pipeline.pipe(docs)`` many."""

    def __init__(self, stages: Iterable[Stage]):
        self.stages = list(stages)
        check_order(self.stages)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        # Each article is processed on its own: a batch must equal one-by-one (tested).
        for doc in docs:
            yield self(doc)


def default_stages(lang: str = "pl", *, parse: bool = False) -> list[Stage]:
    """The stages that run for ``lang`` today, in order; ``parse`` adds the dependency parser after the
    morphology (off by default: no later stage reads its trees yet, and it costs about as much as morphology)."""
    from kronika.lang import get_language

    language = get_language(lang)  # first, so an unknown language fails before anything loads

    from kronika.stages.morph import MorphologyStage
    from kronika.stages.amounts import AmountStage
    from kronika.stages.events import EventStage
    from kronika.stages.link import EntityStage
    from kronika.stages.ner import NerStage
    from kronika.stages.parse import ParseStage
    from kronika.stages.quotes import QuoteStage
    from kronika.stages.segment import SegmentStage
    from kronika.stages.time import TimeStage
    from kronika.stages.tone import ToneStage

    syntax = [ParseStage(language)] if parse else []
    return [
        SegmentStage(language), MorphologyStage(language), *syntax, NerStage(language), EntityStage(language),
        TimeStage(language), EventStage(language), QuoteStage(language), AmountStage(language),
        ToneStage(language),
    ]
