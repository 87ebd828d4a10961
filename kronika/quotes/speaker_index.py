"""The text's speaker mentions grouped by entity once, for the questions every quote asks of them.

Each quote weighs every named entity of the article as its speaker. Regrouping all mentions for each quote,
and scanning all of an entity's mentions for the one nearest the quote, made the quote stage cost the square
of the article's length; here the grouping is done once per text and the nearest mentions are found by
bisection, with the same answers (mentions are in the text's order: by start, longest first).
"""

from __future__ import annotations

from bisect import bisect_left

from kronika.quotes.mentions import SPEAKER_TYPES, Placed

TITLE_BEFORE, TITLE_AFTER = 4, 3  # tokens before and after a mention where its title ("rzecznik MSZ") stands


class SpeakerMentions:
    def __init__(self, text):
        self.lemmas = text.lemmas
        self.by_entity: dict[str, list[Placed]] = {}
        self.position: dict[int, int] = {}  # id(mention) -> its place in the text's order
        speakers = []
        for i, p in enumerate(text.placed):
            if p.entity.type in SPEAKER_TYPES:
                self.by_entity.setdefault(p.entity.id, []).append(p)
                self.position[id(p)] = i
                speakers.append(p)
        self.speakers = speakers
        self.speaker_starts = [p.start for p in speakers]
        self.named = {i for p in text.placed for i in range(p.start, p.end)}
        self._starts: dict[str, list[int]] = {}
        self._titles: dict[str, dict[str, list[Placed]]] = {}

    def outside(self, first: int, last: int) -> dict[str, list[Placed]]:
        """Each entity's speaker mentions that do not start inside tokens [first, last), keyed in the order of
        each entity's first such mention (as one pass over the text would find them)."""
        lo, hi = bisect_left(self.speaker_starts, first), bisect_left(self.speaker_starts, last)
        affected = {p.entity.id for p in self.speakers[lo:hi]}
        if not affected:
            return self.by_entity
        kept = {}
        for key, mentions in self.by_entity.items():
            if key in affected:
                mentions = [p for p in mentions if not first <= p.start < last]
            if mentions:
                kept[key] = mentions
        return dict(sorted(kept.items(), key=lambda item: self.position[id(item[1][0])]))

    def nearest(self, key: str, mentions: list[Placed], first: int, last: int) -> tuple[Placed | None, Placed | None]:
        """The last mention ending by ``first`` and the first starting at or after ``last``."""
        if mentions is self.by_entity.get(key):
            starts = self._starts.get(key)
            if starts is None:
                starts = self._starts[key] = [p.start for p in mentions]
        else:
            starts = [p.start for p in mentions]
        before = None
        # Only mentions starting before ``first`` can end by it; of those, the last that does is the answer.
        for i in range(bisect_left(starts, first) - 1, -1, -1):
            if mentions[i].end <= first:
                before = mentions[i]
                break
        at = bisect_left(starts, last)
        return before, (mentions[at] if at < len(mentions) else None)

    def titled(self, key: str, lemma: str) -> list[Placed]:
        """The entity's mentions with ``lemma`` among the few tokens before or after them."""
        index = self._titles.get(key)
        if index is None:
            index = self._titles[key] = {}
            for p in self.by_entity.get(key, []):
                window = (
                    self.lemmas[max(0, p.start - TITLE_BEFORE) : p.start] + self.lemmas[p.end : p.end + TITLE_AFTER]
                )
                for word in set(window):
                    index.setdefault(word, []).append(p)
        return index.get(lemma, [])


def speaker_mentions(text) -> SpeakerMentions:
    """The index of ``text``, built on the first quote that asks."""
    index = text.memo.get("speakers")
    if index is None:
        index = text.memo["speakers"] = SpeakerMentions(text)
    return index
