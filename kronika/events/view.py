"""One article as the learned event layer sees it: computed once, read by every feature function.

Participants are grouped by *code* (``kronika.events.codes``): the state an entity acts for, or the entity
itself, because that is what an event's side is graded and aggregated by.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from kronika.events.codes import code_of
from kronika.record import Document, Entity, Event
from kronika.stages.events import Coder, Groundwork, Placed, _family, tag_class


@dataclass
class Candidate:
    """A participant code with its mentions in the article (token-ordered)."""

    code: str
    entity: Entity  # the entity that represents the code in the output (its most-mentioned one)
    placed: list[Placed] = field(default_factory=list)
    rank: int = 0  # 1 for the article's most-mentioned code


@dataclass
class ArticleView:
    doc: Document
    lemmas: list[str]
    classes: list[str]  # tag class per token
    families: list[str]  # "nominal", "verbal" or the class
    sentence_of: list[int]  # sentence number per token
    sentence_tokens: list[tuple[int, int]]  # first and end token per sentence
    placed: list[Placed]
    in_mention: set[int]
    candidates: dict[str, Candidate]
    lexicon: dict[int, tuple[str, str | None]]  # token -> (CAMEO code, PLOVER type) of a lexicon match
    rule_at: dict[int, Event]  # token -> the rule coder's event whose trigger holds it
    rule_in_sentence: dict[tuple[int, str], Event]  # (sentence, PLOVER type) -> the rule coder's first event
    old_sentences: set[int]  # sentences with a date more than a year before the dateline
    rules: list[Event] = field(default_factory=list)  # the rule coder's events
    memo: dict = field(default_factory=dict)  # per-sentence facts the features compute once
    language: Any = None  # the pack, which names tag values in the models' feature strings

    def sentence_placed(self, number: int) -> list[Placed]:
        by_sentence = self.memo.get("placed")
        if by_sentence is None:
            by_sentence = self.memo["placed"] = {}
            for p in self.placed:
                by_sentence.setdefault(self.sentence_of[p.start], []).append(p)
        return by_sentence.get(number, [])

    def candidate_in(self, candidate: Candidate, number: int) -> list[Placed]:
        """The candidate's mentions in sentence ``number`` (in token order), from an index built once per
        candidate: features and decoding ask this for every trigger, and a scan of all the candidate's
        mentions each time made long articles cost the square of their length."""
        key = ("candidate", candidate.code)
        by_sentence = self.memo.get(key)
        if by_sentence is None:
            by_sentence = self.memo[key] = {}
            for p in candidate.placed:
                by_sentence.setdefault(self.sentence_of[p.start], []).append(p)
        return by_sentence.get(number, [])


def build_view(doc: Document, coder: Coder, rule_events: list[Event], ground: Groundwork | None = None) -> ArticleView:
    """The view of an article; ``ground``, when given, is what the rule coder already worked out of it."""
    ground = ground or Groundwork(doc, coder)
    tokens = doc.tokens
    lemmas = ground.lemmas
    classes = [tag_class(t.tag) for t in tokens]
    families = [_family(t.tag) for t in tokens]
    starts = [start for start, _ in doc.sentences]
    sentence_of = _sentence_of([t.start for t in tokens], starts)
    sentence_tokens = [(0, 0)] * len(doc.sentences)
    for i, number in enumerate(sentence_of):
        first, end = sentence_tokens[number]
        sentence_tokens[number] = (i, i + 1) if end == 0 else (first, i + 1)
    placed = ground.placed if tokens else []
    in_mention = {i for p in placed if not p.adjective for i in range(p.start, p.end)}
    rule_at, rule_in_sentence = {}, {}
    by_start = {t.start: i for i, t in enumerate(tokens)}
    for event in rule_events:
        first = by_start.get(event.trigger.start)
        if first is None:
            continue
        for i in range(first, len(tokens)):
            if tokens[i].start >= event.trigger.end:
                break
            rule_at[i] = event
        rule_in_sentence.setdefault((sentence_of[first], event.type), event)
    return ArticleView(
        doc,
        lemmas,
        classes,
        families,
        sentence_of,
        sentence_tokens,
        placed,
        in_mention,
        _candidates(placed),
        _lexicon(coder, ground, sentence_tokens),
        rule_at,
        rule_in_sentence,
        _old_sentences(doc, starts),
        list(rule_events),
        language=coder.language,
    )


def _sentence_of(token_starts: list[int], starts: list[int]) -> list[int]:
    """The sentence of each token (both lists in text order): the last sentence starting at or before the
    token, else the first. Found by bisecting the tokens once per sentence, not the sentences once per token."""
    out: list[int] = []
    end = 0
    for number in range(1, len(starts)):
        first = bisect_left(token_starts, starts[number])
        out += [number - 1] * (first - end)
        end = first
    return out + [max(0, len(starts) - 1)] * (len(token_starts) - end)


def _old_sentences(doc: Document, starts: list[int]) -> set[int]:
    """Sentences naming a date over a year before the dateline: background, not news of the day."""
    if not doc.date:
        return set()
    year = int(doc.date[:4])
    old = set()
    for timex in doc.timexes:
        value = timex.value or ""
        if value[:4].isdigit() and int(value[:4]) < year - 1:
            old.add(max(0, bisect_right(starts, timex.start) - 1))
    return old


def _candidates(placed: list[Placed]) -> dict[str, Candidate]:
    counts = Counter(code_of(p.entity) for p in placed)
    by_entity: dict[str, Counter] = {}
    entities: dict[str, Entity] = {}
    mentions: dict[str, list[Placed]] = {}
    for p in placed:
        by_entity.setdefault(code_of(p.entity), Counter())[p.entity.id] += 1
        entities[p.entity.id] = p.entity
        mentions.setdefault(code_of(p.entity), []).append(p)
    out = {}
    for rank, (code, _) in enumerate(counts.most_common(), 1):
        # A state's own entry speaks for it better than any of its people: prefer the entity whose id is the
        # code's state when one is mentioned, else the most mentioned.
        ids = by_entity[code]
        best = max(ids, key=lambda e: (entities[e].type == "GPE" and entities[e].country == code, ids[e]))
        out[code] = Candidate(code, entities[best], mentions[code], rank)
    return out


def _lexicon(coder: Coder, ground: Groundwork, sentence_tokens) -> dict[int, tuple[str, str | None]]:
    """Every token the trigger table matches, with the CAMEO code and PLOVER type of its row, whether or not
    the rule coder then finds participants for it."""
    if not ground.doc.tokens:
        return {}
    out = {}
    for lo, hi in sentence_tokens:
        for found in ground.triggers(lo, hi):
            cameo = found.trigger.cameo
            plover = coder.codebook.cameo(cameo).plover_type
            for i in found.words or range(found.start, found.end):
                out[i] = (cameo, plover)
    return out
