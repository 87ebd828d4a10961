"""Word types: each distinct word (form, lemma, class, case) a number, with its ids in the compiled parser's tables.

The compiled loops (``kronika.parse.kernel``) read a word as integers: its rows and key part ids in the move
model, its part ids in the relation model. Looking its strings up costs nine dictionary searches and two
new tag strings per word; news repeats its words, so here each distinct word is looked up once per process
and a document becomes one list of type numbers, its columns one numpy gather (``columns``). The table is
emptied when it passes ``LIMIT`` types, so a long-running worker's memory stays bounded.
"""

from __future__ import annotations

import numpy as np

from kronika.parse.features import NONE, ROOT

LIMIT = 400_000  # types kept (about 60 MB with their keys) before the table starts afresh
# What a column reads of a word: its form, lemma, tag ("class/case"), class or case.
FORM, LEMMA, TAG, CLASS, CASE = range(5)


class WordTypes:
    """``tables``: per column, the dictionary that gives a value its id (0 for a value it lacks) and which
    attribute of the word it reads."""

    def __init__(self, tables: list[tuple[dict[str, int], int]]):
        self.tables = tables
        self._clear()

    def _clear(self) -> None:
        self.ids: dict[tuple[str, str, str, str], int] = {}
        self.words: list = [None]  # each type's word (type 0 has none), for the close calls of a ``rows`` caller
        self.keyed: dict = {}  # a caller's own key for a word (the parse stage's text, lemma, tag) -> its type
        self.table = np.zeros((len(self.tables), 1024), dtype=np.int64)  # column-major: type t is table[:, t]
        self.size = 1  # type 0: no word of any table
        self.root, self.none = self.type_of(ROOT), self.type_of(NONE)

    def type_of(self, word: tuple[str, str, str, str]) -> int:
        known = self.ids.get(word)
        if known is not None:
            return known
        form, lemma, cls, case = word
        values = (form, lemma, f"{cls}/{case}", cls, case)
        if self.size == self.table.shape[1]:
            self.table = np.hstack([self.table, np.zeros_like(self.table)])
        self.table[:, self.size] = [ids.get(values[attribute], 0) for ids, attribute in self.tables]
        self.ids[word] = self.size
        self.words.append(word)
        self.size += 1
        return self.size - 1

    def document(self, sentences: list[list[tuple[str, str, str, str]]]) -> tuple[np.ndarray, np.ndarray]:
        """Per position of each sentence (its root, its words, two "no word" after them) the type's ids, one
        row per table (``columns[:, p]``), and where each sentence starts (``offsets``, one more at the end)."""
        self.refresh()
        get, add = self.ids.get, self.type_of
        return self.columns([[get(w) or add(w) for w in words] for words in sentences])

    def refresh(self) -> None:
        """Start afresh past ``LIMIT`` types or keys: before a document's types are looked up, never during."""
        if len(self.ids) > LIMIT or len(self.keyed) > LIMIT:
            self._clear()

    def columns(self, rows: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        """``document`` of sentences given as their words' types (``type_of``)."""
        root, none = self.root, self.none
        types, offsets = [], [0]
        for row in rows:
            types.append(root)
            types += row
            types += (none, none)
            offsets.append(len(types))
        return self.table[:, types], np.array(offsets, dtype=np.int64)
