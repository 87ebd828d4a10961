"""Readers per input format: text (with the seed's " date 2025-09-04 " dateline), JSON Lines, JSON, HTML,
RSS/Atom, directories and stdin. They yield ``Article`` or, for a broken input, ``InputError``.
"""

from kronika.ingest.article import Article
from kronika.ingest.read import read_articles, read_text

__all__ = ["Article", "read_articles", "read_text"]
