"""Per-process caches stay bounded: a long `kronika watch` run meets new word forms in every article, so a
cache keyed by them must not hold more than ``kronika.caches.WORD_TYPES`` entries (see that module)."""

from __future__ import annotations

import functools
import importlib
import pkgutil

import pytest

import kronika
from kronika.caches import MORPHOLOGY_WORDS, SCRATCH, WORD_TYPES


def _bounded(namespace: dict, prefix: str) -> dict[str, functools._lru_cache_wrapper]:
    return {
        f"{prefix}.{name}": value
        for name, value in namespace.items()
        if isinstance(value, functools._lru_cache_wrapper) and value.cache_parameters()["maxsize"] is not None
    }


def _kronika_caches() -> dict[str, functools._lru_cache_wrapper]:
    """Every bounded lru_cache of the package: module functions, methods, and the per-instance caches of the
    morphology (made when it is loaded)."""
    found = {}
    for info in pkgutil.walk_packages(kronika.__path__, "kronika."):
        if info.name.startswith(("kronika.web", "kronika.api", "kronika.batch", "kronika.stories.preload")):
            continue  # the forkservers' preloaders freeze the collector at import; none of these caches words
        module = importlib.import_module(info.name)
        found |= _bounded(vars(module), info.name)
        for name, value in vars(module).items():
            if isinstance(value, type) and value.__module__ == info.name:
                found |= _bounded(vars(value), f"{info.name}.{name}")
    from kronika.lang.pl.morphology import load_morphology

    morphology = load_morphology()
    found |= _bounded(vars(morphology), "kronika.lang.pl.morphology.Morphology")
    found |= _bounded(vars(morphology.guesser), "kronika.lang.pl.guesser.SuffixGuesser")
    return found


CACHES = _kronika_caches()


def test_the_word_caches_are_found():
    assert {
        "kronika.lang.pl.ner_features._context_row",
        "kronika.lang.pl.morphology.Morphology.analyse",
        "kronika.stages.events.triggers.Coder._token_readings",
    } <= set(CACHES)


# A word's readings and their scores have a bound of their own (smaller entries, dearer misses: the module says).
LARGER = {
    "kronika.lang.pl.morphology.Morphology.analyse": MORPHOLOGY_WORDS,
    "kronika.lang.pl.morphology.Morphology._scored": MORPHOLOGY_WORDS,
}


@pytest.mark.parametrize("name", sorted(CACHES))
def test_bounded_by_the_word_types(name):
    assert CACHES[name].cache_parameters()["maxsize"] <= LARGER.get(name, WORD_TYPES)


@pytest.mark.parametrize(
    "name, size",
    [
        ("kronika.lang.pl.ner_features._own_row", WORD_TYPES),
        ("kronika.lang.pl.ner_features._own_features", SCRATCH),
        ("kronika.lang.pl.morphology.Morphology._scored", MORPHOLOGY_WORDS),
        ("kronika.lang.pl.morphology.Morphology.analyse", MORPHOLOGY_WORDS),
        ("kronika.lang.pl.morphology.Morphology._reading", WORD_TYPES),
    ],
)
def test_sizes(name, size):
    assert CACHES[name].cache_parameters()["maxsize"] == size
