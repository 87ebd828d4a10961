"""The pipeline's reader of people's words for store queries (``kronika/reading.py``): a search or a name is
read by the same segmentation, morphology and gazetteer as the articles were. Stages load on first use, so
installing it costs nothing until a query asks."""

from __future__ import annotations

from functools import cache
from typing import Any


class PipelineReader:
    def words(self, text: str, lang: str = "pl") -> list[tuple[str, str]]:
        return [(t.text, t.lemma or t.text) for t in _tokens(text, lang)]

    def named_entry(self, text: str) -> Any:
        from kronika.kb import load_kb
        from kronika.stages.link import load_linker

        tokens = _tokens(text, "pl")
        found = load_linker("pl").gazetteer_matches(tokens, {0}) if tokens else []
        if len(found) == 1 and found[0].start == 0 and found[0].end == len(tokens):
            return load_kb().get(found[0].entry)
        return None


def _tokens(text: str, lang: str):
    from kronika.record import Document

    return _analyser(lang)(Document(text=text)).tokens


@cache
def _analyser(lang: str):
    """Segmentation and morphology only: what the articles' lemmas came from, without the later stages."""
    from kronika.lang import get_language
    from kronika.pipeline import Pipeline
    from kronika.stages.morph import MorphologyStage
    from kronika.stages.segment import SegmentStage

    language = get_language(lang)
    return Pipeline([SegmentStage(language), MorphologyStage(language)])
