"""A search result's snippet: a short excerpt of the article's text around the words the search matched,
with the matches' character offsets into the whole text.

The FTS5 index (``article_search``) holds lemmas and no text (contentless), so FTS5's ``snippet()`` has
nothing to show; the excerpt is found in the stored text instead. A word of the text matches a word of
the search as the index does: its lemma or its form as written equals the search word's lemma or typed
form (lower-cased), both read by the installed reader (``kronika/reading.py``), so "Pekin" marks
"Pekinie". Reading a whole article costs about 2 µs a character, so only the words that could be a form of
a search word (same first letters) are read, each alone; the whole text only when none of those matched.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from kronika.reading import current_reader

WIDTH = 160  # characters of an excerpt, about two lines of a results list
LEAD = 40  # characters shown before the first match, for context
STEM = 3  # letters a form shares with its lemma at least ("Chiny" / "Chin", "Polska" / "Polsce")
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Snippet:
    """``text`` is ``article[start:start + len(text)]``; ``matches`` are (start, end) offsets into the
    whole article, those inside the excerpt only."""

    text: str
    start: int
    matches: list[tuple[int, int]] = field(default_factory=list)
    more_before: bool = False
    more_after: bool = False

    def pieces(self) -> list[tuple[str, bool]]:
        """The excerpt as consecutive (text, matched) pieces, for a page's ``<mark>`` or a terminal's bold."""
        pieces, at = [], 0
        for start, end in self.matches:
            start, end = start - self.start, end - self.start
            if start > at:
                pieces.append((self.text[at:start], False))
            pieces.append((self.text[start:end], True))
            at = end
        if at < len(self.text):
            pieces.append((self.text[at:], False))
        return pieces

    @classmethod
    def of(cls, item: dict) -> Snippet:
        """The snippet of a listed article (a row of ``Store.articles``: snippet, snippet_start, matches)."""
        return cls(
            item.get("snippet") or "",
            item.get("snippet_start") or 0,
            [tuple(m) for m in item.get("matches") or []],
            more_before=bool(item.get("snippet_start")),
        )

    def lines(self, width: int) -> list[list[tuple[str, bool]]]:
        """The pieces in lines of at most ``width`` characters (a longer word alone on its line), broken at
        blanks (line breaks of the text count as blanks); "…" first when the excerpt starts inside the text."""
        words: list[list[tuple[str, bool]]] = [[("…", False)]] if self.more_before else []
        glued = False  # whether the next fragment continues the last word (no blank between them)
        for piece, matched in self.pieces():
            for part in re.split(r"(\s+)", piece):
                if not part:
                    continue
                if part.isspace():
                    glued = False
                elif glued:
                    words[-1].append((part, matched))
                else:
                    words.append([(part, matched)])
                    glued = True
        lines: list[list[tuple[str, bool]]] = []
        used = width
        for word in words:
            size = sum(len(text) for text, _ in word)
            if lines and used + 1 + size <= width:
                lines[-1] += [(" ", False), *word]
                used += 1 + size
            else:
                lines.append(list(word))
                used = size
        return lines


def search_terms(search: str, lang: str = "pl") -> list[set[str]]:
    """Per word of ``search`` (words with a letter or digit), the lower-cased forms it matches: its lemma
    and its form as typed. The one reading of a search, for the FTS5 query and for the snippets."""
    return [
        {lemma.lower(), typed.lower()}
        for typed, lemma in current_reader().words(search, lang)
        if any(ch.isalnum() for ch in typed)
    ]


def snippet(
    text: str,
    terms: list[set[str]] | None,
    *,
    lang: str = "pl",
    width: int = WIDTH,
    read: dict[str, list[tuple[str, str]]] | None = None,
) -> Snippet:
    """The excerpt of ``text`` holding the most distinct search words (the first such), with every match in
    it; the text's beginning when nothing matches or nothing was searched."""
    found = find_matches(text, terms, lang=lang, read=read) if terms else []
    if not found:
        return _excerpt(text, 0, width, [])
    first = max(found, key=lambda hit: (_words_after(found, hit[0], width - LEAD), -hit[0]))[0]
    start = 0 if first < width - LEAD else first - LEAD  # the text's own beginning when it shows the match
    return _excerpt(text, start, width, [(s, e) for s, e, _ in found])


def _words_after(found: list[tuple[int, int, int]], start: int, span: int) -> int:
    """How many distinct search words match within ``span`` characters from ``start``."""
    return len({number for s, e, number in found if start <= s and e <= start + span})


def find_matches(
    text: str, terms: list[set[str]], *, lang: str = "pl", read: dict[str, list[tuple[str, str]]] | None = None
) -> list[tuple[int, int, int]]:
    """Every token of ``text`` that matches a search word, as (start, end, word number), in text order.

    A word that could be a form of a search word (same first letters) is read alone, once per distinct
    form (``read`` keeps the readings, and may be shared by the articles of one page): reading the
    stretches around each such word cost 50 ms an article of a news page where the word occurs nine times.
    The whole text is read only when none of them matched."""
    stems = {term[:STEM] for words in terms for term in words}
    read = {} if read is None else read
    found = []
    for word in _stem_starts(text, frozenset(stems)):
        form = word.group()
        if form.lower()[:STEM] not in stems:
            continue
        if form not in read:
            read[form] = current_reader().words(form, lang)
        number = _matched(read[form], terms)
        if number is not None:
            found.append((word.start(), word.end(), number))
    if not found:  # a form that shares no first letters with its lemma ("psa" of "pies")
        found = _matches_in(text, 0, len(text), terms, lang)
    return found


def _stem_starts(text: str, stems: frozenset[str]):
    """The tokens of ``text`` that may start with one of ``stems`` (any case), in text order: a superset of
    those that do, found by one expression over the lower-cased text instead of a Python step per token (a
    news text has some 600 tokens, a page of results 20 texts: 5 ms of CPU)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer ("İ"): positions would shift
        yield from WORD.finditer(text)
        return
    pattern = _stems_pattern(stems)
    hit = pattern.search(lowered)
    while hit is not None:
        start = hit.start()
        if start and _WORD_CHAR.match(lowered, start - 1):  # inside a word: look again one character on
            hit = pattern.search(lowered, start + 1)
            continue
        word = WORD.match(text, start)
        if word is not None:  # None: a stem that starts with no letter, which no token does
            yield word
        hit = pattern.search(lowered, max(hit.end(), start + 1))  # (an empty stem would match anywhere)


# The stems alone, and the character before a hit checked in Python: the same hits as the expression with
# ``(?<!\w)`` in front (each position is tried in order, a hit inside a word is dropped and the search goes on
# from the next character), but a pattern that starts with its letters is searched for by the regular
# expression engine's literal scan, where the look-behind tried every position of the text (21 articles of a
# results page: 1.8 -> 0.1 ms).
_WORD_CHAR = re.compile(r"\w")


@functools.lru_cache(maxsize=64)
def _stems_pattern(stems: frozenset[str]) -> re.Pattern:
    return re.compile("|".join(re.escape(stem) for stem in sorted(stems)))


def _matched(readings: list[tuple[str, str]], terms: list[set[str]]) -> int | None:
    """The number of the first search word one of the readings (form, lemma) matches, or None."""
    for number, words in enumerate(terms):
        if any(typed.lower() in words or lemma.lower() in words for typed, lemma in readings):
            return number
    return None


def _matches_in(text: str, lo: int, hi: int, terms: list[set[str]], lang: str) -> list[tuple[int, int, int]]:
    """The matching tokens of ``text[lo:hi]``: the reader gives each token's form and lemma, and the forms
    are found in the text one after the other to learn where each token is."""
    found, at = [], lo
    for typed, lemma in current_reader().words(text[lo:hi], lang):
        start = text.find(typed, at, hi)
        if start < 0:
            continue
        at = start + len(typed)
        for number, words in enumerate(terms):
            if typed.lower() in words or lemma.lower() in words:
                found.append((start, at, number))
                break
    return found


def _excerpt(text: str, start: int, width: int, matches: list[tuple[int, int]]) -> Snippet:
    """``text`` from ``start`` for about ``width`` characters, cut between words, with the matches inside."""
    if start > 0:
        space = text.find(" ", start, start + LEAD // 2)
        start = space + 1 if space >= 0 else start
    end = min(start + width, len(text))
    if end < len(text):
        space = text.rfind(" ", start + width // 2, end)
        end = space if space > 0 else end
    inside = [(s, e) for s, e in matches if start <= s and e <= end]
    excerpt = text[start:end]
    stripped = len(excerpt) - len(excerpt.lstrip())
    return Snippet(excerpt.strip(), start + stripped, inside, more_before=start > 0, more_after=end < len(text))
