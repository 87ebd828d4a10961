"""From character offsets to the sentence that holds them and the temporal expressions of that sentence,
in logarithmic time.

Per-event lookups used to scan every sentence and every temporal expression of the article, which made
the event stage grow with the square of the article's length (16,000 sentences: 16.7 s in that scan alone).
The index is built once per document and kept for the document the stage is working on.
"""

from __future__ import annotations

import threading
from bisect import bisect_right

from kronika.record import Document, Timex

_current = threading.local()


class OffsetIndex:
    def __init__(self, sentences: list, timexes: list[Timex]):
        self.sentences = sentences
        self.starts = [start for start, _ in sentences]
        self.by_sentence: dict[int, list[Timex]] = {}
        for timex in timexes:  # in the document's order, which ties are broken by
            number = self.sentence_number(timex.start)
            if number is not None:
                self.by_sentence.setdefault(number, []).append(timex)

    def sentence_number(self, offset: int) -> int | None:
        """The sentence holding ``offset``; None between sentences (sentences are sorted, disjoint spans)."""
        number = bisect_right(self.starts, offset) - 1
        if number >= 0 and offset < self.sentences[number][1]:
            return number
        return None

    def timexes_in(self, number: int | None) -> list[Timex]:
        return self.by_sentence.get(number, []) if number is not None else []


def offset_index(doc: Document) -> OffsetIndex:
    """The index of ``doc``, built on the first call for it. The lists it was built from are held, so the
    identity check cannot match a later document's lists; their lengths catch a list changed in place."""
    kept = getattr(_current, "kept", None)
    shape = (len(doc.sentences), len(doc.timexes))
    if kept is not None and kept[0] is doc.sentences and kept[1] is doc.timexes and kept[2] == shape:
        return kept[3]
    index = OffsetIndex(doc.sentences, doc.timexes)
    _current.kept = (doc.sentences, doc.timexes, shape, index)
    return index
