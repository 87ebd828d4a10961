"""The stage protocol and the pipeline that runs stages in order over a document record.

A stage is a small object with a ``name``, the record fields it ``requires`` and the fields it
``assigns``, and a ``__call__(doc) -> doc`` that is pure per article. Heavy resources (dictionaries,
models) are loaded once per process by the stage's own cached loader, never per article, so the same
stage objects can be pickled to a worker process and run there unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
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


# The stages that need a trained model of their language (``kronika/models/<lang>-<task>/``) and what the
# stage does for a language that has no such model.
MODEL_STAGES = {
    "ner": ("ner-crf", "skipped: names come from the knowledge base's aliases"),
    "events": ("events", "rules only: the trigger table without the learned layer"),
    "quotes": ("quotes", "skipped: no quote is kept without the model"),
    "parse": ("parser", "skipped"),
}


@cache
def has_model(lang: str, stage: str) -> bool:
    """Whether ``lang`` has a model folder for ``stage`` (a stage needing none always has it). A folder whose
    files are missing or broken still counts: its stage fails with the error that says how to rebuild it.
    Asked once per process: the models ship in the package, and the question goes through importlib to its
    files (0.1 ms, which the event and amount stages paid for every article)."""
    from kronika.models import model_dir

    if stage not in MODEL_STAGES:
        return True
    return model_dir(f"{lang}-{MODEL_STAGES[stage][0]}").is_dir()


def missing_models(lang: str) -> list[str]:
    """The models ``lang`` lacks, each with what its stage does instead ("ner model (skipped: ...)")."""
    return [
        f"{stage} model ({MODEL_STAGES[stage][1]})"
        for stage in MODEL_STAGES
        if stage != "parse" and not has_model(lang, stage)
    ]


class Skipped:
    """A stage that does not run for want of its model: the fields it would assign keep their empty defaults, so
    the stages after it find them. Its name says it was skipped (``kronika.core.stages_note``)."""

    def __init__(self, stage: Stage):
        self.name = f"{stage.name} (skipped)"
        self.requires = stage.requires
        self.assigns = stage.assigns

    def __call__(self, doc: Document) -> Document:
        return doc


def default_stages(lang: str = "pl", *, parse: bool = False) -> list[Stage]:
    """The stages that run for ``lang`` today, in order; ``parse`` adds the dependency parser after the
    morphology (off by default: no later stage reads its trees yet, and it costs about as much as morphology).
    A stage whose model the language lacks falls back as ``MODEL_STAGES`` says; the tone stage runs only for
    a pack with a polarity lexicon."""
    from kronika.lang import get_language

    language = get_language(lang)  # first, so an unknown language fails before anything loads

    from kronika.stages.morph import MorphologyStage
    from kronika.stages.amounts import AmountStage
    from kronika.stages.entity_filter import EntityFilterStage
    from kronika.stages.events import EventStage
    from kronika.stages.link import EntityStage
    from kronika.stages.ner import NerStage
    from kronika.stages.parse import ParseStage
    from kronika.stages.quotes import QuoteStage
    from kronika.stages.segment import SegmentStage
    from kronika.stages.time import TimeStage
    from kronika.stages.tone import ToneStage

    def optional(stage_class, name: str) -> list[Stage]:
        stage = stage_class(language)
        return [stage if has_model(lang, name) else Skipped(stage)]

    syntax = [ParseStage(language)] if parse and has_model(lang, "parse") else []
    tone = [ToneStage(language)] if language.data("tone").POLARITY else []
    return [
        SegmentStage(language),
        MorphologyStage(language),
        *syntax,
        *optional(NerStage, "ner"),
        EntityStage(language),
        TimeStage(language),
        EventStage(language),
        *optional(QuoteStage, "quotes"),
        AmountStage(language),
        EntityFilterStage(language),
        *tone,
    ]
