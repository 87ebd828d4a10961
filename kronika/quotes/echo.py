"""Quoted words the article repeats: a headline or a lead echoes words it quotes again with their speaker.

News puts a striking phrase in a subheading ("„Dyktator wypowiedział wojnę”") or a lead and quotes it again in
the body with its speaker ("„… Dyktator wypowiedział wojnę …” – powiedział X"); the echo names nobody. The
speaker model is told which entity is the named subject of another candidate in the article that holds the same
words (one within the other, at least ``MIN_WORDS`` words).
"""

from __future__ import annotations

from collections.abc import Callable

from kronika.quotes.candidates import Candidate, Text
from kronika.quotes.mentions import WORD

# Shorter echoes ("nie", "wojna") repeat by chance.
MIN_WORDS = 2


def words(text: Text, quote: Candidate) -> str:
    """The quote's words, casefolded, space-joined and space-padded, for containment by substring."""
    found = [t.text.casefold() for t in text.tokens[quote.first : quote.last] if WORD.search(t.text)]
    return " " + " ".join(found) + " " if len(found) >= MIN_WORDS else ""


def echo_speakers(text: Text, quote: Candidate, subject_of: Callable) -> set[str]:
    """The ids of the named subjects (``subject_of(text, candidate)``) of the article's other candidates that
    hold this quote's words or whose words it holds."""
    mine = _words(text, quote)
    if not mine:
        return set()
    out = set()
    for other in text.memo.get("candidates") or []:
        if other.start < quote.end and quote.start < other.end:
            continue
        theirs = _words(text, other)
        if theirs and (mine in theirs or theirs in mine):
            subject = _subject(text, other, subject_of)
            if subject is not None:
                out.add(subject.entity.id)
    return out


def _words(text: Text, candidate: Candidate) -> str:
    """:func:`words`, once per candidate of the article: every quote compares itself with all the others."""
    cache = text.memo.setdefault("echo_words", {})
    key = (candidate.start, candidate.end)
    if key not in cache:
        cache[key] = words(text, candidate)
    return cache[key]


def _subject(text: Text, candidate: Candidate, subject_of: Callable):
    """``subject_of(text, candidate)``, once per candidate of the article."""
    cache = text.memo.setdefault("echo_subjects", {})
    key = (candidate.start, candidate.end)
    if key not in cache:
        cache[key] = subject_of(text, candidate)
    return cache[key]
