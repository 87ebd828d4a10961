"""Sentences and tokens, with the language's abbreviations deciding which periods end a sentence.

The tokenizer keeps abbreviations with their period ("tys.", "m.in."), initials ("J.") and numbers with
inner separators ("4.09.2025", "22:00") as one token. The sentence splitter then looks at each candidate
end (a terminal mark, or an abbreviation that may close a sentence) and at what follows it: a sentence
starts with a capital, a digit, an opening quote or bracket, or a dialogue dash before a capital.
Line breaks matter too: a blank line always ends a sentence, and so does a single line break before a
sentence start, which is how headlines without a final period are kept apart from the lead.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from kronika.lang.punctuation import CLOSING_BRACKETS, DASHES, OPENING_BRACKETS, SENTENCE_TERMINALS
from kronika.record import Document, Token

Span = tuple[int, int]


@cache
def _token_pattern(language) -> re.Pattern[str]:
    multi = "|".join(re.escape(a) for a in language.multi_period_abbreviations)
    alternatives = [
        r"(?:https?://|www\.)[^\s<>\"„”]+[^\s<>\"„”.,;:!?)]",  # URLs, without a trailing period
        r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # e-mail addresses
    ]
    if multi:
        alternatives.append(rf"(?<!\w)(?:{multi})")
    alternatives += [
        r"\d+(?:[.,:]\d+)+",  # dates, times, decimals, thousands: 4.09.2025, 22:00, 3,5
        r"\w+(?:['’-]\w+)*",  # words, hyphenated compounds, F-16, COVID-19, O'Brien
        r"\.{2,}|[?!]{2,}",  # ellipses and ?! runs stay one mark
        r"\S",
    ]
    return re.compile("|".join(alternatives), re.IGNORECASE)


def _sentence_initial(text: str, start: int) -> bool:
    """Nothing but whitespace since the start of the text or the last terminal mark."""
    before = text[:start].rstrip()
    return not before or before[-1] in SENTENCE_TERMINALS


def _takes_period(text: str, start: int, word: str, abbreviations: frozenset[str]) -> bool:
    """Whether the period right after ``word`` belongs to it (abbreviation or initial)."""
    if word + "." in abbreviations:
        return True
    if word[:1].isupper() and word.lower() + "." in abbreviations:
        # "Art." is an abbreviation where a sentence starts, but a name elsewhere ("School of Art.").
        return _sentence_initial(text, start)
    # An initial ("J. Kowalski") stands alone; "°C." or "2C." are not initials.
    return len(word) == 1 and word.isupper() and (start == 0 or text[start - 1].isspace())


def tokenize(text: str, language) -> list[Span]:
    """Token spans (start, end) of ``text``."""
    spans = [match.span() for match in _token_pattern(language).finditer(text)]
    # Only a word right before a period may take it; the matches do not overlap, so a period taken is the
    # next match's start, and that match is dropped whole (a "..." after "tys" too).
    abbreviations, ends, dropped = None, None, set()
    period = text.find(".")
    while period >= 0:
        if period > 0 and text[period - 1].isalpha():
            if ends is None:
                abbreviations = language.abbreviations | language.sentence_final_abbreviations
                ends = [end for _, end in spans]
            k = bisect_left(ends, period)
            if k < len(spans) and ends[k] == period and k not in dropped:
                start = spans[k][0]
                if _takes_period(text, start, text[start:period], abbreviations):
                    spans[k] = (start, period + 1)
                    if k + 1 < len(spans) and spans[k + 1][0] == period:
                        dropped.add(k + 1)  # the match that starts at the period
        period = text.find(".", period + 1)
    return [span for k, span in enumerate(spans) if k not in dropped] if dropped else spans


def _is_terminal(token: str, language) -> bool:
    # The first character tested alone first: asked of every token, and most are words.
    if token[:1] in SENTENCE_TERMINALS and all(ch in SENTENCE_TERMINALS for ch in token):
        return True
    return token.endswith(".") and (
        token in language.sentence_final_abbreviations or token.lower() in language.sentence_final_abbreviations
    )


def _is_closer(text: str, span: Span, previous_end: int, language) -> bool:
    """A closing quote or bracket glued to what precedes it ("…cele.”", "(…)")."""
    token = text[span[0] : span[1]]
    if token in CLOSING_BRACKETS:
        return True
    return token in language.quotes and span[0] == previous_end


def _starts_sentence(text: str, spans: list[Span], k: int, *, after_abbreviation: bool, language) -> bool:
    token = text[spans[k][0] : spans[k][1]]
    first = token[0]
    if first.isupper():
        return True
    if first.isdigit():
        return not after_abbreviation
    if token in DASHES or token in language.quotes or token in OPENING_BRACKETS:
        # Look at the word the dash or quote introduces: "- Bez względu" starts one, "” – zapewnił" does not.
        if k + 1 >= len(spans):
            return False
        following = text[spans[k + 1][0]]
        if token in DASHES:
            return following.isupper() or following in language.quotes
        return following.isupper() or following.isdigit() or not after_abbreviation
    return False


def _is_list_number(text: str, spans: list[Span], first: int, i: int) -> bool:
    """The period of an enumerator ("1. Ustanawia się ...", "Należy: 1. Ustawić ...")."""
    if text[spans[i][0] : spans[i][1]] != "." or i == first:
        return False
    number = text[spans[i - 1][0] : spans[i - 1][1]]
    if not number.isdigit() or spans[i - 1][1] != spans[i][0]:
        return False
    return i - 1 == first or text[spans[i - 2][0] : spans[i - 2][1]] == ":"


# Fewer tokens than this before an abbreviation means the sentence so far is only a fronted adverbial
# ("W 1492 r.", "9 września 2009 r."), which cannot be a whole sentence.
MIN_TOKENS_BEFORE_FINAL_ABBREVIATION = 4


def _abbreviation_ends_sentence(text: str, spans: list[Span], first: int, i: int, language) -> bool:
    """After "r.", "tys.", "Płn." a capital often continues the sentence with a name ("w 2014 r. Rosja")."""
    if i - first < MIN_TOKENS_BEFORE_FINAL_ABBREVIATION:
        return False
    following = text[spans[i + 1][0] : spans[i + 1][1]] if i + 1 < len(spans) else ""
    return not (following[:1].isupper() and language.is_proper_name(following))


_ENDINGS = re.compile("[" + re.escape("".join(sorted(SENTENCE_TERMINALS | {"."}))) + "]")


def _stops(text: str, spans: list[Span]) -> list[int]:
    """The tokens ``split_sentences`` must look at, in order: each that ends in a terminal mark or a period
    (what ``_is_terminal`` can accept), each followed by a line break, and the last."""
    ends = [end for _, end in spans]
    n = len(spans)
    stops = {n - 1}
    for match in _ENDINGS.finditer(text):
        k = bisect_left(ends, match.end())
        if k < n and ends[k] == match.end():
            stops.add(k)
    line = text.find("\n")
    while line >= 0:
        k = bisect_right(ends, line) - 1
        if 0 <= k < n - 1 and spans[k + 1][0] > line:
            stops.add(k)
        line = text.find("\n", line + 1)
    return sorted(stops)


def split_sentences(text: str, spans: list[Span], language) -> list[Span]:
    """Sentence spans over the token spans."""
    sentences: list[Span] = []
    n = len(spans)
    first = 0
    i = 0
    stops = _stops(text, spans)
    while i < n:
        i = stops[bisect_left(stops, i)]  # the tokens passed over neither end a sentence nor start a line
        end_token = None
        token = text[spans[i][0] : spans[i][1]]
        gap = text[spans[i][1] : spans[i + 1][0]] if i + 1 < n else ""
        if _is_terminal(token, language) and not _is_list_number(text, spans, first, i):
            j = i
            while j + 1 < n and _is_closer(text, spans[j + 1], spans[j][1], language):
                j += 1
            after_abbreviation = token[-1] == "." and len(token) > 1 and token[0] != "."
            if j + 1 >= n:
                end_token = j
            else:
                gap = text[spans[j][1] : spans[j + 1][0]]
                if "\n" in gap:
                    end_token = j
                elif gap and _starts_sentence(
                    text, spans, j + 1, after_abbreviation=after_abbreviation, language=language
                ):
                    if not after_abbreviation or _abbreviation_ends_sentence(text, spans, first, i, language):
                        end_token = j
            i = j
        elif "\n" in gap:
            blank_line = gap.count("\n") > 1
            if blank_line or _starts_sentence(text, spans, i + 1, after_abbreviation=True, language=language):
                end_token = i
        if end_token is not None or i == n - 1:
            last = end_token if end_token is not None else i
            sentences.append((spans[first][0], spans[last][1]))
            first = last + 1
        i += 1
    return sentences


class SegmentStage:
    """Sentences and tokens for one article."""

    name = "segment"
    requires = ("text",)
    assigns = ("sentences", "tokens")

    def __init__(self, language):
        self.language = language

    def __call__(self, doc: Document) -> Document:
        spans = tokenize(doc.text, self.language)
        doc.sentences = split_sentences(doc.text, spans, self.language)
        doc.tokens = [Token(start, end, doc.text[start:end]) for start, end in spans]
        return doc
