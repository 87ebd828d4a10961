"""The morphology stage: a lemma and a morphosyntactic tag for every token.

The analyser comes from the language pack (``language.morphology()``), which loads it once per
process; the stage holds only the language, so it pickles to worker processes unchanged.
Evidence is taken from the sentence (neighbouring names, a governing preposition) and from the
document (a candidate lemma that occurs as a token elsewhere), never from other documents, so a
document gives the same result alone or in a batch.
"""

from __future__ import annotations

from bisect import bisect_left

from kronika.record import Document


class MorphologyStage:
    name = "morphology"
    requires = ("sentences", "tokens")
    assigns = ("tokens.lemma", "tokens.tag")

    def __init__(self, language):
        self.language = language

    def __call__(self, doc: Document) -> Document:
        if not doc.tokens:
            return doc
        morphology = self.language.morphology()
        groups = _tokens_by_sentence(doc)
        texts = [[t.text for t in group] for group in groups]
        document_forms = frozenset(t.text for t in doc.tokens)
        # Words capitalised inside a sentence are names; the same word opening a sentence is too.
        name_forms = frozenset(
            text for words in texts for text in words[1:] if text[:1].isupper() and text[1:2].islower()
        )
        for group, words in zip(groups, texts):
            for token, (lemma, tag) in zip(group, morphology.annotate(words, document_forms, name_forms)):
                token.lemma = lemma
                token.tag = tag
        return doc


def _tokens_by_sentence(doc: Document) -> list[list]:
    """Tokens grouped by the sentence span they start in; tokens outside every span form their own groups."""
    spans = sorted(doc.sentences)
    tokens = doc.tokens
    starts = [t.start for t in tokens]
    if starts != sorted(starts):
        tokens = sorted(tokens, key=lambda t: t.start)
        starts = [t.start for t in tokens]
    if all(start <= end for start, end in spans) and all(a[1] <= b[0] for a, b in zip(spans, spans[1:])):
        return _by_disjoint_spans(tokens, spans, starts)
    return _by_spans(tokens, spans)


def _by_disjoint_spans(tokens: list, spans: list[tuple[int, int]], starts: list[int]) -> list[list]:
    """``_by_spans`` for spans that do not overlap (a segmenter's sentences): each span's tokens found by
    bisection (``starts``: the tokens' starts), a slice each, and every token between spans a group of its own."""
    groups: list[list] = []
    done = 0
    for start, end in spans:
        lo, hi = bisect_left(starts, start, done), bisect_left(starts, end, done)
        groups.extend([t] for t in tokens[done:lo])
        if hi > lo:
            groups.append(tokens[lo:hi])
        done = hi
    groups.extend([t] for t in tokens[done:])
    return groups


def _by_spans(tokens: list, spans: list[tuple[int, int]]) -> list[list]:
    """Tokens (in order of their start) grouped by the first span not ending before them, when they start in it."""
    groups: list[list] = []
    index = 0
    current: list = []
    current_span = None
    for token in tokens:
        while index < len(spans) and spans[index][1] <= token.start:
            index += 1
        inside = index < len(spans) and spans[index][0] <= token.start < spans[index][1]
        span = spans[index] if inside else None
        if current and (span != current_span or span is None and not inside):
            groups.append(current)
            current = []
        current.append(token)
        current_span = span
    if current:
        groups.append(current)
    return groups
