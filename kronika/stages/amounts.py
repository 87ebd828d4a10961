"""Amounts: counted things with their value, object, category and who claims the figure.

An amount is a number in digits ("15", "2,5", "1.500", "15 000") or words ("pięć", "dwadzieścia pięć",
"kilkanaście"), with an optional multiplier after it ("tys.", "mln", "miliardy"), an optional approximation
word before it ("ok.", "ponad", "blisko"), and the noun it counts after it, past its adjectives ("ok. 2 tys.
północnokoreańskich wojskowych" counts "wojskowy"). A multiplier in the plural alone is a vague amount
("miliardy dolarów", "tysiące ludzi"): value None, approximate. Vague number words are approximate too.

The category comes from the counted noun ("żołnierz" -> troops, "dolar" -> money, "ranny" -> wounded); a noun
that only counts people ("osoba", "cywil") takes it from what the sentence says happened to them ("pięć osób
cywilnych zginęło" -> killed). A counted noun with its own category keeps it, except that soldiers said to be
killed or wounded count as casualties: "śmierć poniosło ok. 2 tys. wojskowych" is killed.

The claimant is ranked by the claimant model among the parties around the figure, the article itself (None)
included (``kronika/quotes/claimants.py``); the rule it reads as one feature, and falls back to without a model, is
``kronika/stages/claimant_rule.py``'s: the quote holding the figure, the source its sentence cites, the named subject of
a reporting verb, a state's authorities, or the sentence before's claimant for a report that goes on.

Not amounts: tokens inside temporal expressions (years, dates, durations), ordinals ("80. rocznica"), times
and ranges written with ":" or "-", percentages and measures ("%", "proc.", "km"), bare year-like numbers.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kronika.quotes.candidates import read_text
from kronika.quotes.claimants import claim_options, rank_claimants
from kronika.quotes.model import load_quote_models
from kronika.record import Amount, Document, Token
from kronika.quotes.mentions import WORD, Layout, article_layout, participant
from kronika.lang import ud
from kronika.lang.ud import morph
from kronika.stages.claimant_rule import Citations, Claims, adjectival

DIGITS = re.compile(r"^\d+(?:,\d+)?$|^\d{1,3}(?:\.\d{3})+$")
THOUSANDS_GROUP = re.compile(r"^\d{3}$")
# How many adjectives may stand between a number and the noun it counts.
ADJECTIVE_REACH = 3
# Categories of what happened to people, which outrank the counted noun's own ("troops").
CASUALTIES = frozenset({"killed", "wounded"})
# How many tokens either side of a people-counting noun the verb that gives its category may stand.
EVENT_REACH = 8
# Bare integers in this range with no multiplier, approximation or object are years the time stage missed.
YEARS = range(1800, 2101)


class AmountStage:
    """Counts of troops, casualties, arrests, displaced people and money, tied to object and claimant."""

    name = "amounts"
    requires = ("sentences", "tokens.lemma", "tokens.tag", "entities", "timexes", "quotes")
    assigns = ("amounts",)

    def __init__(self, language):
        self.language = language

    def __call__(self, doc: Document) -> Document:
        from kronika.pipeline import has_model

        doc.amounts = find_amounts(doc, self.language, self.language.data("amounts"))
        if not doc.amounts or not has_model(self.language.code, "quotes"):
            return doc  # without the quote models' claimant ranker, the rules' claimants stand
        models = load_quote_models(self.language.code)
        if models.claimant is not None:
            text = read_text(doc, self.language, self.language.data("quotes"))
            for amount, entity in zip(doc.amounts, rank_claimants(models.claimant, claim_options(text, doc.amounts))):
                amount.claimant = participant(entity) if entity is not None else None
        return doc


@dataclass
class _Article:
    """What every number of one article is read against, computed once per article."""

    doc: Document
    lemmas: list[str]
    in_timex: set[int]
    in_names: set[int]  # tokens inside a placed mention: each number asks
    claims: Claims
    people: frozenset[str]
    data: Any


def _read_article(doc: Document, language, data, layout: Layout) -> _Article:
    tokens = doc.tokens
    starts = [t.start for t in tokens]
    in_timex = set()
    for timex in doc.timexes:
        in_timex.update(range(bisect_left(starts, timex.start), bisect_left(starts, timex.end)))
    placed, lemmas, spans = layout.placed, layout.lemmas, layout.spans
    mention_starts = [p.start for p in placed]
    return _Article(
        doc=doc,
        lemmas=lemmas,
        in_timex=in_timex,
        in_names={k for p in placed for k in range(p.start, p.end)},
        claims=Claims(doc, Citations(tokens, lemmas, placed, mention_starts, language, data), spans),
        people=frozenset(p.casefold() for p in data.PERSON_OBJECTS),
        data=data,
    )


def find_amounts(doc: Document, language, data) -> list[Amount]:
    if not doc.tokens:
        return []
    layout = article_layout(doc, language)  # the quote stage's, made once per article
    spans = layout.spans
    article = _read_article(doc, language, data, layout)
    starters, multipliers = _number_starters(data), data.MULTIPLIERS
    may_start = [
        t.text[:1].isdigit() or t.text.casefold() in starters or lemma in multipliers
        for t, lemma in zip(doc.tokens, article.lemmas)
    ]
    amounts = []
    for lo, hi in spans:
        article.claims.sentence(lo, hi)
        i = lo
        while i < hi:
            if not may_start[i]:
                i += 1  # ``_number`` would find none here
                continue
            amount, i = _amount_at(article, i, lo, hi)
            if amount is not None:
                amounts.append(amount)
    return amounts


def _amount_at(a: _Article, i: int, lo: int, hi: int) -> tuple[Amount | None, int]:
    """The amount that starts at token ``i`` of the sentence ``lo``-``hi``, if any, and the token to read next."""
    tokens, lemmas, data = a.doc.tokens, a.lemmas, a.data
    parsed = None if i in a.in_timex else _number(tokens, lemmas, i, hi, data)
    if parsed is None:
        return None, i + 1
    value, approximate, first, last = parsed
    if value is None:
        return None, last + 1  # "tysiące", "kilkanaście": a vague quantity names no number (the guide's rule)
    if _not_a_count(tokens, lemmas, first, last, lo, hi, a.in_names, data):
        return None, last + 1
    multiplied = last > first or tokens[first].text.casefold() in data.VAGUE_MULTIPLIER_FORMS
    after = last + 1
    if after < hi and (
        tokens[after].text.casefold() in data.NOT_COUNTS
        or lemmas[after] in data.NOT_COUNT_LEMMAS
        or after in a.in_timex
    ):
        return None, after
    start_token = first
    approximator = _approximator(tokens, first, lo, data)
    if approximator is not None:
        start_token, approximate = approximator, True
    object_token = _counted(tokens, lemmas, after, hi, data)
    obj = (tokens[object_token].lemma or tokens[object_token].text) if object_token is not None else None
    category = _category(a, object_token, first, after, lo, hi)
    if obj is None and not multiplied and approximator is None and value in YEARS:
        return None, after  # a year the time stage did not mark
    if value == 1 and category is None:
        return None, after  # "jeden z nich", "jedna z opcji": a pronoun, not a count
    end_token = object_token if object_token is not None else last
    start, end = tokens[start_token].start, tokens[end_token].end
    if end_token == hi - 1 and tokens[end_token].text.endswith(".") and len(tokens[end_token].text) > 1:
        end -= 1  # "2,5 mln zł." at the sentence end: the period closes the sentence
    amount = Amount(
        start=start,
        end=end,
        text=a.doc.text[start:end],
        value=value,
        approximate=approximate,
        object=obj,
        category=category,
        claimant=a.claims.of_figure(first, start),
    )
    return amount, max(end_token, last) + 1


def _category(a: _Article, object_token: int | None, first: int, after: int, lo: int, hi: int) -> str | None:
    """The counted noun's category, or for a noun that only counts people, the nearest event cue's."""
    tokens, lemmas, data = a.doc.tokens, a.lemmas, a.data
    key = lemmas[object_token] if object_token is not None else None
    category = (
        data.OBJECT_CATEGORIES.get(key) or data.OBJECT_CATEGORIES.get(tokens[object_token].text.casefold())
        if key
        else None
    )
    # The nearest cue wins: "zginęło pięć osób, a 12 zostało rannych".
    window = sorted(range(max(lo, first - EVENT_REACH), min(hi, after + EVENT_REACH)), key=lambda j: abs(j - first))
    cue = next(
        (data.EVENT_CATEGORIES[lemmas[j]] for j in window if lemmas[j] in data.EVENT_CATEGORIES and j != object_token),
        None,
    )
    if category is None and (key is None or key in a.people):
        return cue
    if category == "troops" and cue in CASUALTIES:
        return cue  # "śmierć poniosło ok. 2 tys. wojskowych": soldiers counted as dead
    return category


@lru_cache(maxsize=8)
def _pair_openers(data) -> frozenset[str]:
    """What may stand before a space in the pack's number names ("dwa tysiące" -> "dwa"): a word and the one
    after it name a number only if the first is one of these, so most words build no two-word string."""
    return frozenset(key[:k] for key in data.NUMBER_WORDS for k, char in enumerate(key) if char == " ")


@lru_cache(maxsize=8)
def _number_starters(data) -> frozenset[str]:
    """Every lower-case word ``_number`` reads as a number's start, so the rest of the words skip it; with the
    digits (the first character) and the multipliers' lemmas, what it can accept."""
    return (
        _pair_openers(data)
        | frozenset(data.NUMBER_WORDS)
        | frozenset(data.VAGUE_MULTIPLIER_FORMS)
        | frozenset(data.MULTIPLIERS)
    )


def _number(tokens: list[Token], lemmas: list[str], i: int, hi: int, data):
    """(value, approximate, first token, last token) of a number starting at ``i``, or None."""
    token = tokens[i]
    text = token.text.casefold()
    value: float | int | None
    approximate = False
    last = i
    if DIGITS.match(text):
        # Glued to ":" / "-" / "." + digit, or an ordinal dot before a lower-case word: a time, range, date.
        if i + 1 < hi and tokens[i + 1].start == token.end and tokens[i + 1].text in {":", "-", "–", "/", "."}:
            if tokens[i + 1].text != "." or i + 2 < hi:
                return None
        if i > 0 and tokens[i - 1].end == token.start and tokens[i - 1].text in {":", "-", "–", "/", ".", ","}:
            return None
        # The pack's (thousands, decimal) separators; Polish writes "3.000,5", English "3,000.5".
        thousands, decimal = getattr(data, "DIGIT_SEPARATORS", (".", ","))
        digits = text.replace(thousands, "").replace(decimal, ".")
        # "15 000": groups of three digits one space apart, after a lead of one to three digits ("105 180"
        # in "linii 105 180 520" are three numbers, as "12345 678" are two).
        grouped = text.isdigit() and len(text) <= 3
        while (
            grouped
            and last + 1 < hi
            and THOUSANDS_GROUP.match(tokens[last + 1].text)
            and tokens[last + 1].start == tokens[last].end + 1
            and "," not in digits
        ):
            last += 1
            digits += tokens[last].text
        value = float(digits) if "." in digits else int(digits)
    elif i + 1 < hi and text in _pair_openers(data) and f"{text} {tokens[i + 1].text.casefold()}" in data.NUMBER_WORDS:
        value, last = data.NUMBER_WORDS[f"{text} {tokens[i + 1].text.casefold()}"], i + 1
    elif text in data.NUMBER_WORDS and text not in data.VAGUE_MULTIPLIER_FORMS:
        value = data.NUMBER_WORDS[text]
        approximate = value is None
    elif text in data.VAGUE_MULTIPLIER_FORMS:
        return (None, True, i, i)
    elif text in data.MULTIPLIERS or (lemmas[i] in data.MULTIPLIERS and ud.noun(morph(token.tag))):
        return (data.MULTIPLIERS.get(text) or data.MULTIPLIERS[lemmas[i]], False, i, i)  # "ponad milion"
    else:
        return None
    # A multiplier after the number: "15 tys.", "2,5 mln", "dwa miliardy".
    nxt = last + 1
    if nxt < hi:
        multiplier = data.MULTIPLIERS.get(tokens[nxt].text.casefold()) or (
            data.MULTIPLIERS.get(lemmas[nxt]) if _noun_or_abbreviation(tokens[nxt].tag) else None
        )
        if multiplier:
            value = value * multiplier if value is not None else None
            approximate = approximate or value is None
            last = nxt
            if (
                last + 1 < hi
                and tokens[last + 1].text == "."
                and tokens[last + 1].start == tokens[last].end
                and not tokens[last].text.endswith(".")
                and last + 2 < hi
            ):
                last += 1  # "tys" + "." split by the tokenizer
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value, approximate, i, last


def _not_a_count(
    tokens: list[Token], lemmas: list[str], first: int, last: int, lo: int, hi: int, in_names: set[int], data
) -> bool:
    """A number that labels rather than counts: "art. 193", "nr 17", "Nord Stream 2", "September 14"."""
    if first in in_names:
        return True  # inside a name
    if first > lo:
        before = tokens[first - 1].text.casefold()
        if before in data.NUMBER_LABELS or lemmas[first - 1] in data.NUMBER_LABELS or before in data.FOREIGN_MONTHS:
            return True
        # "Leopard 2 na Ukrainę", "Kanale Zero.": a capitalised word inside the sentence, then the number and no noun
        previous = tokens[first - 1].text
        nxt = tokens[last + 1] if last + 1 < hi else None
        if (
            first - 1 > lo
            and previous[:1].isupper()
            and WORD.search(previous)
            and tokens[first].text[:1].isdigit()
            and (nxt is None or not (ud.nominal(morph(nxt.tag)) or adjectival(nxt.tag)))
        ):
            return True
    return False


def _approximator(tokens: list[Token], first: int, lo: int, data) -> int | None:
    """The token index of an approximation word right before the number ("ok.", "co najmniej"), if any."""
    words = [t.text.casefold() for t in tokens[max(lo, first - 3) : first]]
    for size in (3, 2, 1):
        if len(words) < size:
            continue
        tail = words[-size:]
        glued = "".join(tail) if size == 2 and tail[-1] == "." else None  # "ok" + "."
        if " ".join(tail) in data.APPROXIMATORS or (glued and glued in data.APPROXIMATORS):
            return first - size
    return None


def _counted(tokens: list[Token], lemmas: list[str], j: int, hi: int, data) -> int | None:
    """The token of the noun counted after a number, past up to ``ADJECTIVE_REACH`` adjectives."""
    adjective = None
    for k in range(j, min(hi, j + ADJECTIVE_REACH + 1)):
        token = tokens[k]
        text = token.text.casefold()
        if not WORD.search(text):
            break
        m = morph(token.tag)
        if text in data.OBJECT_CATEGORIES or lemmas[k] in data.OBJECT_CATEGORIES and ud.nominal(m):
            return k
        if m.upos == "NOUN":  # nouns, gerunds, depreciative forms
            return k
        if adjectival(token.tag):
            adjective = k
            continue
        break
    # "10 rannych", "5 zabitych": an adjective standing for the people it describes.
    if adjective is not None and lemmas[adjective] in data.OBJECT_CATEGORIES:
        return adjective
    return None


def _noun_or_abbreviation(tag: str | None) -> bool:
    m = morph(tag)
    return ud.noun(m) or ud.abbreviation(m)
