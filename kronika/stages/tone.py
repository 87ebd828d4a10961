"""Tone: how positive or negative an article reads, in the spirit of GDELT's document tone.

GDELT's V2Tone is the percentage of positive words minus the percentage of negative words. Here each word
that the language's polarity lexicon knows counts with its weight in [-1, 1] instead of a flat 1:

    tone = 100 * (sum of positive weights - sum of |negative weights|) / number of words

where words are the tokens holding a letter or digit (punctuation does not dilute the score), matched by
lemma (lower-cased). A negator up to two words before a polar word flips its sign ("nie osiągnięto porozumienia").
The scale is GDELT's: 0 is neutral, news mostly falls between -10 and +10, and the bounds are -100..+100.
An article without words has tone 0.0.
"""

from __future__ import annotations

import re

from kronika.record import Document

WORD = re.compile(r"\w")
# How many words before a polar word a negator still reaches ("nie osiągnięto porozumienia").
NEGATION_REACH = 2


class ToneStage:
    """Document tone from the language's polarity lexicon, GDELT-style."""

    name = "tone"
    requires = ("tokens.lemma",)
    assigns = ("tone",)

    def __init__(self, language):
        self.language = language

    def __call__(self, doc: Document) -> Document:
        data = self.language.data("tone")
        doc.tone = document_tone(
            # ``isalnum`` first: a word of letters or digits has a word character, and most tokens are one.
            [(t.lemma or t.text).casefold() for t in doc.tokens if t.text.isalnum() or WORD.search(t.text)],
            data.POLARITY,
            data.NEGATORS,
        )
        return doc


def document_tone(lemmas: list[str], polarity: dict[str, float], negators=frozenset()) -> float:
    """GDELT-style tone of a text given as the lemmas of its words."""
    if not lemmas:
        return 0.0
    total = 0.0
    for i, lemma in enumerate(lemmas):
        score = polarity.get(lemma)
        if score is None:
            continue
        if any(word in negators for word in lemmas[max(0, i - NEGATION_REACH) : i]):
            score = -score
        total += score
    return round(100.0 * total / len(lemmas), 2)
