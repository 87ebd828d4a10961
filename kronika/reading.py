"""How stored data is queried in people's words: the words of a search and the names of actors and states.

The store analyses no text itself (it imports no stage, ``tests/store/test_store_imports.py``): it asks the
reader installed here. ``import kronika`` installs the pipeline's reader (``kronika/query_reader.py``: the
articles' own segmentation, morphology and gazetteer, so "Pekinie" finds what "Pekin" finds and "Korei
Północnej" names North Korea); a program may install another with :func:`use_reader`. Until one is
installed, words are read as typed.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

WORD = re.compile(r"\w+|[^\w\s]")


class QueryReader(Protocol):
    def words(self, text: str, lang: str = "pl") -> list[tuple[str, str]]:
        """Each token of ``text`` as (typed form, lemma)."""

    def named_entry(self, text: str) -> Any:
        """The knowledge-base entry that ``text`` names as a whole in any case form, else None."""


class TypedReader:
    """Words as typed: their lemma is themselves; no case form names an entry."""

    def words(self, text: str, lang: str = "pl") -> list[tuple[str, str]]:
        return [(word, word) for word in WORD.findall(text)]

    def named_entry(self, text: str) -> Any:
        return None


_installed: list[QueryReader] = [TypedReader()]


def use_reader(reader: QueryReader) -> None:
    """Make ``reader`` the one every store query reads people's words with, in this process."""
    _installed[0] = reader


def current_reader() -> QueryReader:
    return _installed[0]
