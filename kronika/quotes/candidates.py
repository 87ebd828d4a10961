"""Stretches of an article that may be quotes, found by their form, each with the verb of saying that goes with it.

Four forms (GUIDE "Quotes"):
- ``marked``: words between quote marks („…”, “…”, "…", «…», »…«) that open and close within a paragraph;
- ``open``: a mark that never closes because the article ends (a truncated text): the rest of the text, bounded by
  ``MAX_QUOTE_CHARS``; a mark that never closes before a paragraph break opens nothing;
- ``dash``: a sentence (or a stretch after a colon) that opens with a dash: up to a closing dash followed by a verb of
  saying ("- Nie ustąpimy - powiedział X"), else to the end of its paragraph;
- ``tail``: a sentence without marks closed by a dash and a verb of saying ("Miastu grozi katastrofa – zaalarmowały
  władze"): the words before the dash.
Whether a candidate is a quote (scare quotes, titles and names of operations are not) is decided by the quote model
(``kronika/quotes/features.py``); here only the form is read. Candidates never overlap: marks win over dashes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from kronika.quotes.mentions import WORD, Placed, article_layout, is_verb
from kronika.record import Document, Token

# A quote longer than this (in characters) is not looked for: an unclosed mark must not swallow an article.
MAX_QUOTE_CHARS = 3000
# How many words after a closing mark or dash the verb of saying may stand ("- dodał również X").
VERB_REACH = 3
# How many tokens of one paragraph a dialogue-dash quote may run.
DASH_QUOTE_TOKENS = 400
TERMINALS = frozenset(".!?…;")


@dataclass
class Candidate:
    start: int  # characters, the quoted words without marks or dashes
    end: int
    kind: str  # marked | open | dash | tail
    verb: int | None  # token index of the verb of saying that goes with it
    first: int  # token range of the quoted words
    last: int


@dataclass
class Text:
    """An analysed article as the quote stage reads it: tokens by sentence, lemmas, placed mentions."""

    doc: Document
    data: object  # the language's quote data module
    tokens: list[Token]
    starts: list[int]
    spans: list[tuple[int, int]]
    sentence_of: list[int]
    lemmas: list[str]
    placed: list[Placed]
    mention_starts: list[int] = field(default_factory=list)
    memo: dict = field(default_factory=dict)  # indexes built once per text (kronika.quotes.speaker_index)

    def speech_verb(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.lemmas[i] in self.data.SPEECH_VERBS and is_verb(self.tokens[i])

    def sentence(self, i: int) -> tuple[int, int]:
        return self.spans[self.sentence_of[i]] if self.spans else (0, len(self.tokens))

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        return bisect_left(self.starts, start), bisect_left(self.starts, end)

    def paragraph_end(self, char: int) -> int:
        end = self.doc.text.find("\n", char)
        return len(self.doc.text) if end < 0 else end

    def breaks_between(self, a: int, b: int) -> bool:
        """Whether a paragraph break stands between tokens ``a`` and ``b``."""
        return "\n" in self.doc.text[self.tokens[a].end : self.tokens[b].start]


def read_text(doc: Document, language, data) -> Text:
    tokens = doc.tokens
    layout = article_layout(doc, language)
    spans, placed = layout.spans, layout.placed
    sentence_of = [0] * len(tokens)
    for number, (lo, hi) in enumerate(spans):
        sentence_of[lo:hi] = [number] * (hi - lo)
    return Text(
        doc,
        data,
        tokens,
        [t.start for t in tokens],
        spans,
        sentence_of,
        layout.lemmas,
        placed,
        [p.start for p in placed],
    )


def find_candidates(text: Text) -> list[Candidate]:
    if not text.tokens:
        return []
    found: list[Candidate] = []
    for finder in (_marked, _dashed, _tailed):
        for candidate in finder(text):
            if not any(c.start < candidate.end and candidate.start < c.end for c in found):
                found.append(candidate)
    found.sort(key=lambda c: c.start)
    # Kept for the speakers: a quote's words echoed by another candidate (``kronika/quotes/echo.py``).
    text.memo["candidates"] = found
    return found


def verb_after(text: Text, j: int, end: int) -> int | None:
    """The verb of saying within ``VERB_REACH`` words from token ``j`` on, in its sentence and paragraph."""
    seen = 0
    while j < len(text.tokens) and seen < VERB_REACH:
        token = text.tokens[j]
        if token.start >= end:
            if token.text in TERMINALS or (j > 0 and text.breaks_between(j - 1, j)):
                return None  # the next sentence's verb is not this quote's
            if text.speech_verb(j):
                return j
            if WORD.search(token.text):
                seen += 1
        j += 1
    return None


def _marked(text: Text):
    for q_start, q_end, closed in marked_spans(text.doc.text, text.data.QUOTE_PAIRS):
        a, b = text.token_range(q_start, q_end)
        if b <= a:
            continue
        lo, hi = text.sentence(a)
        hi = max(hi, text.sentence(b - 1)[1])
        # After the closing mark ("„...” - powiedział"), else before the opening one in the sentence, nearest first
        # ("Xi zapewnił, że „...”"), else later in the sentence.
        verb = verb_after(text, b, q_end)
        if verb is None:
            verb = next((i for i in range(a - 1, lo - 1, -1) if text.speech_verb(i)), None)
        if verb is None:
            verb = next((i for i in range(b, hi) if text.speech_verb(i) and text.tokens[i].start >= q_end), None)
        yield Candidate(q_start, q_end, "marked" if closed else "open", verb, a, b)


def _opens_dash(text: Text, i: int) -> bool:
    """A dash opening speech: first in its sentence, or right after a colon ("przywódcy: — Uruchomiliśmy ...")."""
    if text.tokens[i].text not in text.data.DIALOGUE_DASHES:
        return False
    return i == text.sentence(i)[0] or (i > 0 and text.tokens[i - 1].text == ":")


def _dash_positions(text: Text, lo: int, hi: int) -> list[int]:
    """The tokens from ``lo`` to ``hi`` that are dashes: few, so the finders look at these alone."""
    dashes = text.data.DIALOGUE_DASHES
    return [k for k in range(lo, hi) if text.tokens[k].text in dashes]


def _dashed(text: Text):
    tokens = text.tokens
    for lo in _dash_positions(text, 0, len(tokens) - 1):
        if not _opens_dash(text, lo):
            continue
        paragraph_end = text.paragraph_end(tokens[lo].start)
        limit = min(len(tokens), lo + DASH_QUOTE_TOKENS)
        last, verb = lo + 1, None
        for k in range(lo + 1, limit):
            if tokens[k].start >= paragraph_end:
                break
            if k >= lo + 2 and tokens[k].text in text.data.DIALOGUE_DASHES:
                verb = verb_after(text, k + 1, tokens[k].end)
                if verb is not None:
                    break
            last = k + 1
        # Without a closing dash the speech runs to the paragraph's end, less its last punctuation.
        while last > lo + 1 and not WORD.search(tokens[last - 1].text):
            last -= 1
        if last > lo + 1:
            yield Candidate(tokens[lo + 1].start, tokens[last - 1].end, "dash", verb, lo + 1, last)


def _tailed(text: Text):
    tokens = text.tokens
    marks = text.data.QUOTE_PAIRS
    for k in _dash_positions(text, 1, len(tokens)):
        lo, _ = text.sentence(k)
        if k - lo < 2 or any(t.text in marks for t in tokens[lo:k]):
            continue
        verb = verb_after(text, k + 1, tokens[k].end)
        if verb is None:
            continue
        last = k
        while last > lo and not WORD.search(tokens[last - 1].text):
            last -= 1
        if last > lo:
            yield Candidate(tokens[lo].start, tokens[last - 1].end, "tail", verb, lo, last)


@lru_cache(maxsize=16)
def _mark_finder(marks: frozenset[str]) -> re.Pattern:
    """A pattern for any of the opening marks (one per language's pairs)."""
    return re.compile("|".join(re.escape(m) for m in sorted(marks)))


def marked_spans(text: str, pairs: dict[str, frozenset[str]]) -> list[tuple[int, int, bool]]:
    """Inner spans of the quote-mark pairs that open and close within a paragraph (closed), and of a mark that
    never closes because the text ends first (not closed); a mark unclosed before a paragraph break is skipped."""
    if not pairs:
        return []
    spans = []
    searched: dict[str, int] = {}  # mark -> end of the last search that found no closer for it
    i, n = 0, len(text)
    next_mark = _mark_finder(frozenset(pairs)).search
    while i < n:
        # Straight to the next character that may open a quote (the others were passed over one at a time).
        found = next_mark(text, i)
        if found is None:
            break
        i = found.start()
        mark = text[i]
        closers = pairs[mark]
        # An opening mark touches the word after it; a straight quote after a letter closes, not opens.
        if i + 1 >= n or text[i + 1].isspace() or (mark == '"' and i > 0 and text[i - 1].isalnum()):
            i += 1
            continue
        limit = min(n, i + 1 + MAX_QUOTE_CHARS)
        paragraph = text.find("\n", i + 1, limit)
        limit = limit if paragraph < 0 else paragraph
        # No closer of this mark stands before an earlier failed search's limit: scan only past it, so a text
        # full of unclosed marks stays linear.
        scan_from = max(i + 1, searched.get(mark, 0))
        close = next((j for j in range(scan_from, limit) if text[j] in closers and not text[j - 1].isspace()), None)
        closed = close is not None
        if close is None:
            searched[mark] = max(limit, searched.get(mark, 0))
            if limit < n or text[i + 1 :].strip() == "":
                i += 1  # a quote that never closes: no span, go on after the mark
                continue
            close = n  # the article ends inside the quote
        inner_start, inner_end = i + 1, close
        while inner_start < inner_end and text[inner_start].isspace():
            inner_start += 1
        while inner_end > inner_start and text[inner_end - 1].isspace():
            inner_end -= 1
        if inner_end > inner_start:
            spans.append((inner_start, inner_end, closed))
        i = close + 1
    return spans
