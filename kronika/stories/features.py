"""What the clusterer knows of an article: its vector, dates, weighted entities, name keys and numbers.

Everything here is language-independent: entities are knowledge-base ids (from the Polish pipeline, or
from alias matching for other languages), name keys are folded first letters of capitalised words, dates
are ISO dates and day numbers, and numbers are digit strings, which read the same in every language
("432 to 202" in a Brexit vote).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date
from functools import cache

import numpy as np

from kronika.record import Document, date_interval, day_number

# How much one shared entity says about two articles being one story. A state or a continent is named in
# most foreign news and says little; a news agency says nothing about the story; a person, an organisation
# or a city says most.
STATE_WEIGHT = 0.4
AGENCY_WEIGHT = 0.1
ENTITY_WEIGHT = 1.0
NAME_KEY_WEIGHT = 0.5
NUMBER_WEIGHT = 0.5
DAY_WEIGHT = 0.5

_NUMBER = re.compile(r"(?<![\d.,:/\-])\d{2,7}(?![\d:/\-]|[.,]\d)")
_ISO_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
_DMY = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?!\d)")


# An article without a dateline cannot have appeared before the earliest year it names, less one (a preview
# names next year: "the 2026 budget" in September 2025). Measured on the dated articles of the dev mix: right
# for 121 of the 123 that name a year, while the dates they name, taken as a dateline (the latest of them, a
# week either side), were right for 12 of 42: articles name past and coming events with their year, and
# their own day without it. So named years bound an undated article, and named dates stay evidence only.
YEAR_SLACK = 1
_YEAR = re.compile(r"(?<![\d.,:/\-])(?:19|20)\d\d(?![\d%]|[.,]\d)")


def mentioned_days(doc: Document) -> set[int]:
    """Full dates the article names: resolved timexes where a language pack made them, else ISO and d.m.yyyy."""
    days = {day_number(t.value[:10]) for t in doc.timexes if t.value and len(t.value) >= 10}
    for year, month, day in _ISO_DAY.findall(doc.text):
        days.add(day_number(f"{year}-{month}-{day}"))
    for day, month, year in _DMY.findall(doc.text):
        days.add(day_number(f"{year}-{int(month):02d}-{int(day):02d}"))
    days.discard(None)
    return days


def not_before(doc: Document) -> int | None:
    """The first day an undated article can have appeared on, from the years written in it (``YEAR_SLACK``)."""
    years = {int(match.group()) for match in _YEAR.finditer(doc.text)}
    return Date(min(years) - YEAR_SLACK, 1, 1).toordinal() if years else None


def numbers(text: str) -> set[str]:
    """Numbers of two digits or more that are not years, dates or times: counts and results a story repeats."""
    found = set()
    for match in _NUMBER.finditer(text):
        value = match.group()
        if len(value) == 4 and value[:2] in ("19", "20"):
            continue
        found.add(value.lstrip("0") or "0")
    return found


@cache
def _capitals(kb) -> frozenset[str]:
    return frozenset(entry.capital for entry in kb if entry.capital)


def entity_weight(entity, kb) -> float:
    """A capital is weighed as its state: "Moscow" and "Berlin" stand for governments in most news."""
    entry = kb.get(entity.id)
    if entity.sector == "MED":
        return AGENCY_WEIGHT
    if entry is not None and (entry.capital or (entry.type == "LOC" and not entry.parent) or entry.id in _capitals(kb)):
        return STATE_WEIGHT
    return ENTITY_WEIGHT


@dataclass
class ArticleFeatures:
    id: str
    lang: str | None
    vector: np.ndarray
    interval: tuple[int, int] | None  # first and last day of the dateline date
    entities: dict[str, float] = field(default_factory=dict)  # id -> weight
    names: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    days: frozenset[int] = frozenset()
    title: str | None = None
    source: str | None = None  # the outlet, for stories' outlet counts
    not_before: int | None = None  # without a dateline: the first possible day, from the years named
    # Without a dateline: the days its neighbours in the input suggest (``neighbours.py``); narrows the
    # stories it may join, never its date.
    estimate: tuple[int, int] | None = None

    def evidence_keys(self) -> list[str]:
        """The keys of the evidence this article can share with a story (entities, names, numbers, days).

        Sorted within each kind: a set of strings iterates in an order that changes with each process's hash
        seed, and this order is the order the evidence is summed in and the stored counts are written in, so
        two runs of the same input (or --jobs 1 and --jobs 2) would differ in the last bits and the bytes."""
        return (
            [f"e:{e}" for e in self.entities]
            + [f"n:{n}" for n in sorted(self.names)]
            + [f"#:{n}" for n in sorted(self.numbers)]
            + [f"d:{d}" for d in sorted(self.days)]
        )


def weight_of_key(key: str, weights: dict[str, float] | None = None) -> float:
    kind = key[:2]
    if kind == "e:":
        return (weights or {}).get(key[2:], ENTITY_WEIGHT)
    return {"n:": NAME_KEY_WEIGHT, "#:": NUMBER_WEIGHT, "d:": DAY_WEIGHT}[kind]


def article_features(doc: Document, vector: np.ndarray, *, source: str | None = None) -> ArticleFeatures:
    from kronika.kb import load_kb
    from kronika.stories.aliases import entity_name_keys, name_keys

    kb = load_kb()
    known = [e for e in doc.entities if kb.get(e.id) is not None]
    weights = {e.id: entity_weight(e, kb) for e in known}
    # Only specific entities lend their names: "russi" from Russia would be in every story.
    specific = [e for e in known if weights[e.id] >= ENTITY_WEIGHT]
    interval = date_interval(doc.date)
    return ArticleFeatures(
        id=doc.id,
        lang=doc.lang,
        vector=vector,
        interval=interval,
        entities=weights,
        names=frozenset(name_keys(doc.text, known) | entity_name_keys(specific)),
        numbers=frozenset(numbers(doc.text)),
        days=frozenset(mentioned_days(doc)),
        title=story_title(doc),
        source=source,
        not_before=not_before(doc) if interval is None else None,
    )


def story_title(doc: Document) -> str:
    """The article's title, or the first sentence of its lead when it has none."""
    from kronika.stories.encoder import lead

    if doc.title:
        return doc.title
    first = lead(doc.text, 160)
    for mark in (". ", "? ", "! ", " | "):
        cut = first.find(mark)
        if cut > 20:
            first = first[: cut + 1]
    return first.strip(" |")
