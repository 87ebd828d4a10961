"""Who states a figure: the claimant of an amount, chosen like a quote's speaker (GUIDE "Amounts").

A figure inside a quote stretch is that stretch's to attribute ("„Zginęło 20 osób” – powiedział X"); any other
figure is framed by its sentence, with the sentence's verb of saying (nearest the figure) as the frame's verb:
"według NIS ...", "jak podał X", "X szacuje, że ...", and an attribution that opens a paragraph reaches the
sentences after it through the last speaker. The options are the speaker options of that frame
(``kronika/quotes/speakers.py``) and the article itself (nobody named), ranked by the claimant model.
"""

from __future__ import annotations

from collections import Counter

from kronika.quotes.candidates import Candidate, Text, find_candidates
from kronika.quotes.speakers import nobody_features, speaker_candidates
from kronika.record import Amount


def claim_frame(text: Text, first: int, last: int, stretches: list[Candidate]) -> Candidate:
    """The stretch that frames the figure at tokens [first, last): a quote stretch holding it, else its sentence."""
    holding = next((c for c in stretches if c.first <= first and last <= c.last), None)
    if holding is not None:
        return holding
    lo, hi = text.sentence(first)
    verbs = [i for i in range(lo, hi) if text.speech_verb(i) and not first <= i < last]
    verb = min(verbs, key=lambda i: (abs(i - first), i > first)) if verbs else None
    return Candidate(text.tokens[first].start, text.tokens[last - 1].end, "figure", verb, first, last)


def claimant_options(
    text: Text,
    frame: Candidate,
    counts: dict[str, int],
    ruled: str | None = None,
    quoted: tuple[bool, str | None] = (False, None),
) -> list[tuple[object, list[str]]]:
    """(entity or None for the article itself, features) for every party that may state the figure; ``ruled`` is
    the id of the amount stage's rule claimant ("według X", the subject of a reporting verb), ``quoted`` whether a
    quote of the record holds the figure and the id of its speaker."""
    options = speaker_candidates(text, frame, counts)
    for entity, features in options:
        if ruled is not None and entity.id == ruled:
            features.append("claim_rule")
        if quoted[1] is not None and entity.id == quoted[1]:
            features.append("quote_speaker")
    nobody = nobody_features(text, frame, len(options))
    lo, hi = text.sentence(frame.first)
    if any(text.lemmas[i] in text.data.SOURCE_PREPOSITIONS for i in range(lo, hi)):
        nobody.append("nobody|cited")
    nobody.append(f"nobody|ruled={ruled is not None}")
    nobody.append(f"nobody|quoted={quoted[0]}")
    nobody.append(f"nobody|ruled={ruled is not None}|kind={frame.kind}")
    options.append((None, nobody))
    return options


def claim_options(text: Text, amounts: list[Amount]) -> list[list[tuple[object, list[str]]]]:
    """The claimant options of each amount, in order."""
    stretches = find_candidates(text)
    counts = Counter(p.entity.id for p in text.placed)
    out = []
    for amount in amounts:
        first, last = text.token_range(amount.start, amount.end)
        last = max(last, first + 1)
        frame = claim_frame(text, first, last, stretches)
        quote = next((q for q in text.doc.quotes if q.start <= amount.start < q.end), None)
        quoted = (quote is not None, quote.speaker.entity if quote is not None and quote.speaker else None)
        out.append(claimant_options(text, frame, counts, amount.claimant.entity if amount.claimant else None, quoted))
    return out


def rank_claimants(model, options: list[list[tuple[object, list[str]]]]) -> list[object | None]:
    """The best-ranked option of each amount: an entity, or None for the article itself."""
    flat = [features for group in options for _, features in group]
    scores = iter(model.many(flat))
    out = []
    for group in options:
        ranked = [(next(scores)["yes"], k) for k in range(len(group))]
        out.append(group[max(ranked)[1]][0])
    return out
