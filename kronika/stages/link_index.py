"""The linker's indexes over the knowledge base, prebuilt once and read back by every later process.

Building the gazetteer asks the morphology for the nominative readings of every word of every alias
(33,000 words, three seconds or more); the sound index romanises every English name (two seconds). Both
depend only on the knowledge base, the linker's and the language pack's code and the morphology's
dictionary, so ``kronika.prebuilt`` keeps them in a cache file keyed by all of those; a knowledge base
read from its files carries its own key (``KnowledgeBase.prebuilt_key``), one made in memory is not cached. The values are the
ones ``Linker``'s own builders return, converted to plain dicts and sets (the file format's types).
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path

from kronika import prebuilt


def inputs(linker) -> list[Path]:
    """The linker's code and the language pack's files (code and lexicons); the knowledge base comes in by its key."""
    pack = Path(sys.modules[type(linker.language).__module__].__file__).parent
    return [Path(sys.modules[type(linker).__module__].__file__), Path(__file__), *prebuilt.source_files(pack)]


def _versions(linker) -> tuple[str, ...]:
    return f"kb {linker.kb.prebuilt_key}", morphology_version(linker.morphology)


def morphology_version(morphology) -> str:
    """The analyser's dictionary as far as it tells (Morfeusz2: its version and the dictionary's id and date)."""
    morfeusz = getattr(morphology, "morfeusz", None)
    if morfeusz is None:
        return type(morphology).__qualname__
    import morfeusz2

    return f"morfeusz2 {morfeusz2.__version__} {morfeusz.dict_id()}"


def linker_indexes(linker) -> tuple:
    """(gazetteer, by last word, lower-case starts, first names, adjectives, demonyms, lower words, first-name
    counts), as the linker builds them."""

    def build() -> tuple:
        gazetteer = linker._build_gazetteer()  # also fills _by_last_word and _lower_starts
        adjectives = linker._build_adjectives()  # also fills demonyms
        return (
            dict(gazetteer),
            dict(linker._by_last_word),
            set(linker._lower_starts),
            linker._build_first_names(),
            adjectives,
            set(linker.demonyms),
            linker._build_lower_words(gazetteer),
            linker._build_first_name_counts(),
        )

    if linker.kb.prebuilt_key is None:  # a knowledge base made in memory (tests): nothing to key a file by
        return build()
    return prebuilt.load(f"linker-{linker.language.code}", inputs(linker), build, _versions(linker))


def sound_index(linker) -> dict[str, set[str]]:
    """Sound key -> ids of the entries whose English name has it, as ``Linker._build_sound_index`` makes it."""
    if linker.kb.prebuilt_key is None:
        return linker._build_sound_index()
    return prebuilt.load(
        f"sound-{linker.language.code}", inputs(linker), lambda: dict(linker._build_sound_index()), _versions(linker)
    )


def first_name_evidence(linker, build: Callable[[], object]):
    """The language pack's reading of the base's people's first names (``Linker.first_name_evidence``), which
    takes 0.11-0.18 s to make at every start that links a name. It is a dataclass of plain dicts and sets: kept
    as its fields, and put back into the pack's own answer for no people (a pack answering otherwise builds)."""
    empty = linker.language.first_names(())
    if linker.kb.prebuilt_key is None or not dataclasses.is_dataclass(empty):
        return build()

    def fields() -> dict:
        value = build()
        return {field.name: getattr(value, field.name) for field in dataclasses.fields(value)}

    kept = prebuilt.load(f"first-names-{linker.language.code}", inputs(linker), fields, _versions(linker))
    return dataclasses.replace(empty, **kept)
