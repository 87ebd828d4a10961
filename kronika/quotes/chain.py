"""The speakers of an article's quotes decided together, not each quote alone.

Quotes come in runs: "„…” – powiedział X. „…” – dodał. „…”" are one speaker's, and the quote whose own words name
nobody ("– dodał.") is best told by its neighbours, before and after. Each quote's options carry the speaker
model's score (its log-odds); two consecutive quotes given the same speaker earn a bonus that depends on how they
stand to each other (``link``): in one paragraph, in the next sentence across a paragraph break, a few sentences
apart, or far. The best sequence over the whole article is found by Viterbi; since the bonus only rewards keeping
the same speaker, each step costs the number of options, not its square. The bonuses are tuned by
cross-validation in ``scripts/train_quotes.py`` and shipped in the model's settings (all zero: each quote alone).
The stage gives the choice that nobody named said it the key ``NOBODY``, so a run of unattributed quotes (a crowd's
chants) earns the bonus too.
"""

from __future__ import annotations

import math

from kronika.quotes.candidates import Candidate, Text

LINKS = ("paragraph", "next", "near", "far")
# The key of the option that nobody named said a quote: a run of chants or of a crowd's words keeps it as a run of
# one speaker's quotes keeps the speaker.
NOBODY = "<nobody>"
# Sentences between two quotes up to which they are "near" (beyond: "far").
NEAR_SENTENCES = 3


def link(text: Text, before: Candidate, after: Candidate) -> str:
    """How quote ``after`` stands to the quote ``before`` it."""
    end = max(before.first, before.last - 1)
    gap = text.sentence_of[after.first] - text.sentence_of[end] if text.tokens else 0
    if gap <= 1:
        if after.first <= end or not text.breaks_between(end, after.first):
            return "paragraph"
        return "next"
    return "near" if gap <= NEAR_SENTENCES else "far"


def log_odds(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


def decode(emissions: list[list[tuple[str | None, float]]], links: list[str], bonus: dict[str, float]) -> list[int]:
    """The index of the chosen option of each quote. ``emissions[i]`` are (key, score) of quote i's options (key
    None: nobody named, which earns no bonus), ``links[i]`` how quote i stands to quote i-1 (``links[0]`` unused)."""
    if not emissions:
        return []
    best = [score for _, score in emissions[0]]
    back: list[list[int]] = [[-1] * len(best)]
    for i in range(1, len(emissions)):
        prev_keys = {key: k for k, (key, _) in enumerate(emissions[i - 1]) if key is not None}
        top = max(range(len(best)), key=best.__getitem__)
        gain = bonus.get(links[i], 0.0)
        row, pointers = [], []
        for key, score in emissions[i]:
            k = prev_keys.get(key) if key is not None else None
            if k is not None and best[k] + gain > best[top]:
                row.append(score + best[k] + gain)
                pointers.append(k)
            else:
                row.append(score + best[top])
                pointers.append(top)
        best = row
        back.append(pointers)
    chosen = [max(range(len(best)), key=best.__getitem__)]
    for i in range(len(emissions) - 1, 0, -1):
        chosen.append(back[i][chosen[-1]])
    return chosen[::-1]
