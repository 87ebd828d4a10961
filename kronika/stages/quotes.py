"""Quotes: what was said, by whom, with which verb of saying.

Three forms are found, in this order of trust:
- direct quotes between quote marks („…”, “…”, "…", «…», »…«). A quoted stretch is a quote when a verb
  of saying stands next to it (right after the closing mark, before the opening one, or elsewhere in its
  sentence), or when it is long enough to be speech by itself (``LONE_QUOTE_WORDS``); a short quoted
  term with no verb ("braterstwa krwi") is a title or a scare quote, not speech. A mark that never closes
  within its line (or ``MAX_QUOTE_CHARS``) opens nothing: the text is not guessed.
- dialogue-dash quotes: a sentence that opens with a dash, closed by a dash followed by a verb of saying
  ("- Bez względu na to ... niezmienne - zapewnił Xi, cytowany przez media."), possibly over several
  sentences of one paragraph.
- indirect speech: a verb of saying followed by "że" ("X podkreślił, że ..."): the quote is the clause after
  the conjunction up to the sentence end. It is kept only where no direct quote overlaps it, so each
  stretch of text is quoted once and the speaker's exact words win.

The speaker is the named entity (PER, ORG or GPE) that is the verb's subject: a nominative mention right
after the verb ("zapewnił Xi", "przekazała agencja Xinhua"), else the nearest nominative mention before it
in the sentence that no preposition governs ("Podczas spotkania Xi podkreślił"); with none, the speaker of
the sentence before carries over ("Dodał, że ..."), or that sentence's first named subject; else None. ``verb`` is the verb as it stands in the text.

The helpers here (sentence token ranges, placed mentions, speaker search) are shared with the amounts stage.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from kronika.record import Document, Entity, Participant, Quote, Token

CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")
VERB_CLASSES = ("fin", "praet", "bedzie", "impt", "inf", "imps", "pcon", "pant", "winien", "pred")
SPEAKER_TYPES = ("PER", "ORG", "GPE")
# A quote longer than this (in characters) is not looked for: an unclosed mark must not swallow an article.
MAX_QUOTE_CHARS = 3000
# A quoted stretch with no verb of saying near it is speech only when at least this many words long.
LONE_QUOTE_WORDS = 8
# How many tokens after a closing mark or dash the verb of saying may stand ("- dodał również X").
VERB_REACH = 3
# How many tokens after the verb its subject may stand ("przekazała agencja Xinhua").
SUBJECT_REACH = 3
# How many tokens of one paragraph a dialogue-dash quote may run before its closing dash.
DASH_QUOTE_TOKENS = 400
WORD = re.compile(r"\w")
TERMINALS = frozenset(".!?…;")


def tag_class(tag: str | None) -> str:
    return (tag or "").split(":", 1)[0]


def tag_cases(tag: str | None) -> set[str]:
    return {v for v in re.split(r"[:.]", tag or "") if v in CASES}


def lemma_of(token: Token) -> str:
    return (token.lemma or token.text).casefold()


def is_verb(token: Token) -> bool:
    return tag_class(token.tag) in VERB_CLASSES


def participant(entity: Entity) -> Participant:
    return Participant(entity=entity.id, name=entity.name, country=entity.country, sector=entity.sector)


def sentence_token_spans(doc: Document) -> list[tuple[int, int]]:
    """Token index ranges of the sentences (every token in one range; tokens outside sentences form their own)."""
    if not doc.sentences:
        return [(0, len(doc.tokens))] if doc.tokens else []
    starts = [t.start for t in doc.tokens]
    spans = []
    for start, end in doc.sentences:
        lo, hi = bisect_left(starts, start), bisect_left(starts, end)
        if hi > lo:
            spans.append((lo, hi))
    return spans


@dataclass
class Placed:
    """A named entity mention by token indexes, with the cases it can stand in."""

    entity: Entity
    start: int
    end: int
    cases: frozenset[str]
    governed: bool  # a preposition stands right before it ("w Pekinie", "według NIS")


def place_mentions(doc: Document, language) -> list[Placed]:
    starts = [t.start for t in doc.tokens]
    morphology = language.morphology()
    placed = []
    for entity in doc.entities:
        for mention in entity.mentions:
            lo = bisect_left(starts, mention.start)
            hi = bisect_left(starts, mention.end)
            if lo >= len(doc.tokens) or hi <= lo:
                continue
            head = doc.tokens[lo]
            # The dictionary's name readings; a name it does not decline ("Xi", "NIS", "Kim" as a name)
            # can stand in any case, whatever the tagger guessed word by word.
            cases = set()
            for reading in morphology.analyse(head.text):
                if reading.lemma[:1].isupper():
                    cases |= tag_cases(reading.tag)
            cases = (cases | tag_cases(head.tag)) if cases else set(CASES)
            governed = lo > 0 and tag_class(doc.tokens[lo - 1].tag) == "prep"
            placed.append(Placed(entity, lo, hi, frozenset(cases), governed))
    placed.sort(key=lambda p: (p.start, -p.end))
    return placed


def mentions_between(placed: list[Placed], starts: list[int], lo: int, hi: int) -> list[Placed]:
    """The mentions starting in token range [lo, hi); ``starts`` are the mentions' start indexes."""
    return placed[bisect_left(starts, lo):bisect_left(starts, hi)]


def find_subject(tokens: list[Token], verb: int, lo: int, hi: int, placed: list[Placed], starts: list[int],
                 skip: tuple[int, int] = (0, 0), coordinators: frozenset[str] = frozenset()) -> Placed | None:
    """The named subject of the verb at ``verb`` within sentence tokens [lo, hi), outside ``skip``."""
    candidates = [p for p in mentions_between(placed, starts, lo, hi)
                  if p.entity.type in SPEAKER_TYPES and "nom" in p.cases and not p.governed
                  and not (skip[0] <= p.start < skip[1])]
    # Right after the verb, before any comma or conjunction: "zapewnił Xi", "przekazała agencja Xinhua".
    stop = verb + 1
    while stop < min(hi, verb + 1 + SUBJECT_REACH) and WORD.search(tokens[stop].text) and not (
            skip[0] <= stop < skip[1]):
        stop += 1
    after = [p for p in candidates if verb < p.start < stop]
    if after:
        return after[0]
    before = [p for p in candidates if p.end <= verb]
    if not before:
        return None
    # "Xi i Putin ... podkreślając": the first of a coordinated group speaks for it.
    k = len(before) - 1
    while k > 0 and " ".join(lemma_of(t) for t in tokens[before[k - 1].end:before[k].start]) in coordinators:
        k -= 1
    return before[k]


@cache
def load_quote_data(code: str):
    return importlib.import_module(f"kronika.lang.{code}.quotes")


class QuoteStage:
    """Direct, dialogue-dash and indirect quotes with their speaker and verb of saying."""

    name = "quotes"
    requires = ("sentences", "tokens.lemma", "tokens.tag", "entities")
    assigns = ("quotes",)

    def __init__(self, language):
        self.language = language

    def __call__(self, doc: Document) -> Document:
        doc.quotes = find_quotes(doc, self.language, load_quote_data(self.language.code))
        return doc


def find_quotes(doc: Document, language, data) -> list[Quote]:
    if not doc.tokens:
        return []
    tokens = doc.tokens
    starts = [t.start for t in tokens]
    spans = sentence_token_spans(doc)
    sentence_of = {}
    for number, (lo, hi) in enumerate(spans):
        for i in range(lo, hi):
            sentence_of[i] = number
    placed = place_mentions(doc, language)
    mention_starts = [p.start for p in placed]
    lemmas = [lemma_of(t) for t in tokens]

    def speech_verb(i: int) -> bool:
        return 0 <= i < len(tokens) and lemmas[i] in data.SPEECH_VERBS and is_verb(tokens[i])

    found: list[tuple[int, int, int | None]] = []  # char start, char end, verb token

    # Direct quotes between marks.
    for q_start, q_end in _marked_spans(doc.text, data.QUOTE_PAIRS):
        a, b = bisect_left(starts, q_start), bisect_left(starts, q_end)
        if b <= a:
            continue
        number = sentence_of.get(a, 0)
        lo, hi = spans[number] if spans else (0, len(tokens))
        hi = max(hi, spans[sentence_of.get(b - 1, number)][1] if spans else hi)
        verb = None
        # Right after the closing mark, past punctuation: "„...” - powiedział", "„...”, dodał".
        j, seen = b, 0
        while j < len(tokens) and seen < VERB_REACH:
            if tokens[j].start >= q_end:
                if tokens[j].text in TERMINALS or "\n" in doc.text[tokens[j - 1].end:tokens[j].start]:
                    break  # the next sentence's verb is not this quote's
                if speech_verb(j):
                    verb = j
                    break
                if WORD.search(tokens[j].text):
                    seen += 1
            j += 1
        if verb is None:
            # Before the opening mark in the sentence, nearest first: "Xi zapewnił, że „...”".
            verb = next((i for i in range(a - 1, lo - 1, -1) if speech_verb(i)), None)
        if verb is None:
            verb = next((i for i in range(b, hi) if speech_verb(i) and tokens[i].start >= q_end), None)
        words = len(doc.text[q_start:q_end].split())
        if verb is None and words < LONE_QUOTE_WORDS:
            continue
        found.append((q_start, q_end, verb))

    # Dialogue-dash quotes: "- ... - zapewnił Xi".
    for lo, hi in spans:
        if tokens[lo].text not in data.DIALOGUE_DASHES or lo + 1 >= len(tokens):
            continue
        paragraph_end = doc.text.find("\n", tokens[lo].start)
        paragraph_end = len(doc.text) if paragraph_end < 0 else paragraph_end
        limit = min(len(tokens), lo + DASH_QUOTE_TOKENS)
        for k in range(lo + 2, limit):
            if tokens[k].start >= paragraph_end:
                break
            if tokens[k].text not in data.DIALOGUE_DASHES:
                continue
            verb = next((v for v in range(k + 1, min(limit, k + 1 + VERB_REACH)) if speech_verb(v)), None)
            if verb is None:
                continue
            q_start, q_end = tokens[lo + 1].start, tokens[k - 1].end
            if not any(s < q_end and q_start < e for s, e, _ in found):  # quotes never nest or overlap
                found.append((q_start, q_end, verb))
            break

    # Indirect speech: "X podkreślił, że ...".
    for i in range(len(tokens)):
        if not speech_verb(i):
            continue
        j = i + 1
        if j < len(tokens) and tokens[j].text == ",":
            j += 1
        if j >= len(tokens) or lemmas[j] not in data.THAT or sentence_of.get(j) != sentence_of.get(i):
            continue
        number = sentence_of.get(i)
        hi = spans[number][1] if number is not None else len(tokens)
        end = hi
        while end > j + 1 and not WORD.search(tokens[end - 1].text):
            end -= 1
        if end <= j + 1:
            continue
        q_start, q_end = tokens[j + 1].start, tokens[end - 1].end
        if any(s < q_end and q_start < e for s, e, _ in found):
            continue
        found.append((q_start, q_end, i))

    found.sort()
    quotes = []
    last_speaker: tuple[int, Participant] | None = None  # sentence number, speaker
    for q_start, q_end, verb in found:
        speaker = None
        if verb is not None:
            number = sentence_of.get(verb, 0)
            lo, hi = spans[number] if spans else (0, len(tokens))
            a, b = bisect_left(starts, q_start), bisect_right(starts, q_end)
            lo = min(lo, a)
            subject = find_subject(tokens, verb, lo, hi, placed, mention_starts, skip=(a, b),
                                   coordinators=data.COORDINATORS)
            if subject is not None:
                speaker = participant(subject.entity)
            elif last_speaker is not None and number - last_speaker[0] <= 1:
                speaker = last_speaker[1]  # "Dodał, że ...": the one who spoke just before
            elif number > 0 and spans:
                # Or the named subject of the sentence before: "Kim spotkał się z Xi. Dodał, że ...".
                p_lo, p_hi = spans[number - 1]
                previous = [p for p in mentions_between(placed, mention_starts, p_lo, p_hi)
                            if p.entity.type in SPEAKER_TYPES and "nom" in p.cases and not p.governed]
                speaker = participant(previous[0].entity) if previous else None
            if speaker is not None:
                last_speaker = (number, speaker)
        quotes.append(Quote(start=q_start, end=q_end, text=doc.text[q_start:q_end], speaker=speaker,
                            verb=tokens[verb].text if verb is not None else None))
    return quotes


def _marked_spans(text: str, pairs: dict[str, frozenset[str]]) -> list[tuple[int, int]]:
    """Inner spans of the quote-mark pairs that open and close within a paragraph; unclosed marks are skipped."""
    spans = []
    searched: dict[str, int] = {}  # mark -> end of the last search that found no closer for it
    i, n = 0, len(text)
    while i < n:
        mark = text[i]
        closers = pairs.get(mark)
        # An opening mark touches the word after it; a straight quote after a letter closes, not opens.
        if closers is None or i + 1 >= n or text[i + 1].isspace() or (mark == '"' and i > 0 and text[i - 1].isalnum()):
            i += 1
            continue
        limit = min(n, i + 1 + MAX_QUOTE_CHARS)
        paragraph = text.find("\n", i + 1, limit)
        limit = limit if paragraph < 0 else paragraph
        # No closer of this mark stands before an earlier failed search's limit: scan only past it, so a text
        # full of unclosed marks stays linear.
        scan_from = max(i + 1, searched.get(mark, 0))
        close = next((j for j in range(scan_from, limit) if text[j] in closers and not text[j - 1].isspace()), None)
        if close is None:
            searched[mark] = max(limit, searched.get(mark, 0))
            i += 1  # a quote that never closes: no span, go on after the mark
            continue
        inner_start, inner_end = i + 1, close
        while inner_start < inner_end and text[inner_start].isspace():
            inner_start += 1
        while inner_end > inner_start and text[inner_end - 1].isspace():
            inner_end -= 1
        if inner_end > inner_start:
            spans.append((inner_start, inner_end))
        i = close + 1
    return spans
