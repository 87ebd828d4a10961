"""A source named by a pronoun: "jego zdaniem", "w jej ocenie", "według niego" before a quote.

The pronoun points back to a party named before it, most often the subject the article was just reporting: the
latest mention before the pronoun that can be a subject (nominative, no preposition), within ``CARRY_SENTENCES``
sentences; a singular pronoun points to a person when one is there. The rule speaker (``speakers.rule_speaker``)
takes that party when the quote's verb has no named subject and no source is named in the sentence.
"""

from __future__ import annotations

from kronika.quotes.candidates import Candidate, Text
from kronika.quotes.mentions import SPEAKER_TYPES, mentions_between

# How many sentences back the pronoun's antecedent may stand (as the carried subject's reach in speakers.py).
CARRY_SENTENCES = 3


def pronoun_cue(text: Text, quote: Candidate) -> int | None:
    """The token of a third-person pronoun next to a view noun in the quote's sentence before the quote."""
    forms = getattr(text.data, "PRONOUN_SOURCE_FORMS", frozenset())
    nouns = getattr(text.data, "VIEW_NOUNS", frozenset())
    lo, _ = text.sentence(quote.first)
    for i in range(quote.first - 1, lo - 1, -1):
        if text.tokens[i].text.casefold() in forms and (
            (i > 0 and text.lemmas[i - 1] in nouns) or (i + 1 < len(text.tokens) and text.lemmas[i + 1] in nouns)
        ):
            return i
    return None


def pronoun_source(text: Text, quote: Candidate):
    """The entity a pronoun source before the quote points back to, or None."""
    cue = pronoun_cue(text, quote)
    if cue is None:
        return None
    s = text.sentence_of[cue]
    lo = text.spans[max(0, s - CARRY_SENTENCES)][0] if text.spans else 0
    found = [
        p
        for p in reversed(mentions_between(text.placed, text.mention_starts, lo, cue))
        if p.entity.type in SPEAKER_TYPES and "Nom" in p.cases and not p.governed and p.end <= cue
    ]
    if text.tokens[cue].text.casefold() not in getattr(text.data, "PLURAL_PRONOUN_SOURCE_FORMS", frozenset()):
        person = next((p for p in found if p.entity.type == "PER"), None)
        if person is not None:
            return person.entity
    return found[0].entity if found else None
