"""Features for an English name tagger: none trained yet.

The pipeline skips the name tagger for a language without a model (``kronika/pipeline.py``: there is no
``kronika/models/en-ner-crf``), and English names come from the knowledge base's English aliases. What a
tagger would need is declared so the interface holds: the record type of each category, and token features of
the simplest kind (form, shape, tag), the CoNLL-2003 baseline's (Tjong Kim Sang and De Meulder 2003).
"""

from __future__ import annotations

from collections.abc import Sequence

# CoNLL-2003 categories -> record types (docs/CONTRACT.md).
NKJP_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "GPE"}
HOST_CATEGORIES: frozenset[str] = frozenset()


def _shape(word: str) -> str:
    return "".join("X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in word)[:6]


def sentence_features(sentence: Sequence, name_forms: frozenset[str], clusters: dict[str, str]) -> list[list[str]]:
    """Per token: its lower-cased form, shape and tag, and whether the document capitalises it elsewhere."""
    return [
        [f"w={t.text.lower()}", f"shape={_shape(t.text)}", f"tag={t.tag or ''}", f"named={t.text in name_forms}"]
        for t in sentence
    ]


def document_name_forms(sentences: Sequence[Sequence]) -> frozenset[str]:
    """Forms written with a capital inside a sentence."""
    return frozenset(t.text for s in sentences for t in s[1:] if t.text[:1].isupper())


def inner_names(words: Sequence[str], start: int, end: int, taken: set[int]) -> list[tuple[int, int, str, int]]:
    """Names nested in an outer name: none found for English."""
    return []
