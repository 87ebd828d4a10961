"""Temporal expressions (TIMEX3): found by the language's temporal grammar, valued against the dateline.

Per sentence, every rule of the grammar proposes matches; the longest non-overlapping ones are kept,
snapped to token boundaries, and neighbours that name one moment together are joined ("we wtorek" +
"o 17.30"). Each expression is then resolved (``kronika.time.resolve``) against the dateline, with the
tense of its clause deciding between last and next Friday, and with the last full date the text named
as the day that bare times ("o 16:00") and anaphors ("dzień wcześniej") hang on.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from functools import cache, cached_property

from kronika.record import Document, Timex, Token
from kronika.time.grammar import CompiledGrammar, Match, compile_grammar, find_matches, select_longest
from kronika.time.resolve import Dateline, Expression, is_impossible, parse_dateline, resolve_timex

_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
# Slots that say which moment an expression names; two neighbours may join only if they do not disagree.
_POINT_SLOTS = (
    "year",
    "month",
    "day",
    "weekday",
    "offset",
    "anaphor",
    "hour",
    "minute",
    "daypart",
    "season",
    "shift",
    "unit",
    "yy",
    "day_end",
)
_DAY_SLOTS = ("day", "weekday", "offset", "anaphor")
_CLOCK_SLOTS = ("hour", "daypart")


@cache
def load_grammar(code: str) -> CompiledGrammar:
    """The language's temporal grammar, compiled once per process; the rules' regex sources and prefilter
    fragments (a third of a second of work) come from the prebuilt cache, keyed by the language pack's files
    and the grammar compiler's code."""
    from pathlib import Path

    from kronika import prebuilt
    from kronika.lang import get_language
    from kronika.time import grammar as compiler

    language = get_language(code)
    pack = Path(sys.modules[type(language).__module__].__file__).parent
    inputs = [*prebuilt.source_files(pack), *prebuilt.source_files(Path(compiler.__file__).parent, pattern="*.py")]
    plans = prebuilt.load(f"temporal-{code}", inputs, lambda: compiler.rule_plans(language.temporal))
    return compile_grammar(language.temporal, plans)


def _kind(slots: dict) -> str:
    return slots.get("kind", "point")


def timex_type(slots: dict) -> str:
    kind = _kind(slots)
    if kind == "duration":
        return "DURATION"
    if kind == "set":
        return "SET"
    if slots.get("hour") is not None or slots.get("daypart"):
        return "TIME"
    return "DATE"


class _TokenGrid:
    """Where tokens start and end, built once per article."""

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.starts = {t.start for t in tokens}
        self.ends = {t.end for t in tokens}
        self.empty = not tokens

    @cached_property
    def covering(self) -> dict[int, Token]:
        # Every character's token: built only for an article with a match that ends inside a token.
        return {i: t for t in self.tokens for i in range(t.start, t.end)}

    def snap(self, matches: list[Match], text: str) -> list[Match]:
        """Drop matches that start or end inside a token; a token's final period joins the match."""
        if self.empty:
            return matches
        kept = []
        for m in matches:
            if m.start not in self.starts:
                continue
            if m.end not in self.ends:
                token = self.covering.get(m.end)
                if token is None or text[m.end : token.end] != ".":
                    continue
                m = Match(m.start, token.end, text[m.start : token.end], m.rule, m.slots)
            kept.append(m)
        return kept


def _joinable(a: dict, b: dict) -> bool:
    """Whether two neighbouring expressions name one moment ("w poniedziałek" + "20 lutego" + "wieczorem")."""
    if _kind(a) != "point" or _kind(b) != "point" or a.get("vague_ref") or b.get("vague_ref"):
        return False
    if any(k in a and k in b and a[k] != b[k] for k in _POINT_SLOTS):
        return False
    a_day, b_day = any(k in a for k in _DAY_SLOTS), any(k in b for k in _DAY_SLOTS)
    a_clock, b_clock = any(a.get(k) is not None for k in _CLOCK_SLOTS), any(b.get(k) is not None for k in _CLOCK_SLOTS)
    if a_day and b_clock and not b_day:
        return True  # "we wtorek" + "o 17.30", "4.02.2026" + "12:54"
    if a_clock and not a_day and (b_day or b_clock):
        return True  # "o 3:30" + "rano", "wieczorem" + "w czwartek"
    if "weekday" in a and "day" not in a and "day" in b and "month" in b and "weekday" not in b:
        return True  # "w poniedziałek" + "20 lutego"
    if "day" in a and "month" in a and "weekday" not in a and set(b) <= {"weekday"}:
        return True  # "11 października br." + "(środa)"
    return False


def _disagrees(slots: dict) -> bool:
    """A whole number from 2 up with a singular unit ("25 roku życia") counts something else."""
    quantity = slots.get("quantity")
    return bool(slots.get("singular")) and isinstance(quantity, int) and quantity >= 2


def _join_neighbours(matches: list[Match], text: str, compiled: CompiledGrammar) -> list[Match]:
    out: list[Match] = []
    for m in matches:
        if out:
            prev = out[-1]
            gap = text[prev.end : m.start]
            if compiled.merge_gap.fullmatch(gap) and _joinable(prev.slots, m.slots):
                slots = {**m.slots, **prev.slots}
                out[-1] = Match(prev.start, m.end, text[prev.start : m.end], f"{prev.rule}+{m.rule}", slots)
                continue
        out.append(m)
    return out


def clause_tense(text: str, sentence: tuple[int, int], start: int, end: int, compiled: CompiledGrammar) -> int:
    """-1 when the nearest tense cue of the expression's clause (else its sentence) is past, +1 when it is
    future, 0 when there is none."""
    s_start, s_end = sentence
    breaks = [s_start + m.start() for m in compiled.clause_break.finditer(text[s_start:s_end])]
    clause = (
        max((b for b in breaks if b <= start), default=s_start),
        min((b for b in breaks if b >= end), default=s_end),
    )
    for lo, hi in (clause, sentence):
        cues = []
        for m in compiled.past_cue.finditer(text, lo, hi):
            if m.group() not in compiled.grammar.not_cues and not (start <= m.start() < end):
                cues.append((min(abs(m.start() - end), abs(start - m.end())), -1))
        for m in compiled.future_cue.finditer(text, lo, hi):
            cues.append((min(abs(m.start() - end), abs(start - m.end())), 1))
        if cues:
            return min(cues)[1]
    return 0


def _rejoin(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences split after an ordinal's period ("w latach 90. XX wieku") joined back, so one
    expression is not cut in two; the segmenter cannot tell that period from a full stop."""
    out: list[tuple[int, int]] = []
    for start, end in sentences:
        if out:
            prev_start, prev_end = out[-1]
            tail = text[max(prev_start, prev_end - 3) : prev_end]
            if re.search(r"\d\.$", tail) and "\n" not in text[prev_end:start]:
                out[-1] = (prev_start, end)
                continue
        out.append((start, end))
    return out


def tag_timexes(
    text: str,
    sentences: list[tuple[int, int]],
    dateline: str | None,
    code: str = "pl",
    tokens: list[Token] | None = None,
) -> list[Timex]:
    """The temporal expressions of ``text`` with TIMEX3 values resolved against ``dateline``."""
    compiled = load_grammar(code)
    anchor = parse_dateline(dateline)
    reference: str | None = None
    grid = _TokenGrid(tokens or [])
    timexes: list[Timex] = []
    for sentence in _rejoin(text, sentences or [(0, len(text))]):
        found = [m for m in find_matches(compiled, text, *sentence) if not _disagrees(m.slots)]
        chosen = select_longest(grid.snap(found, text))
        for m in _join_neighbours(chosen, text, compiled):
            if is_impossible(m.slots):
                continue  # "31 lutego" is no date; better nothing than a wrong one
            expression = Expression(m.slots, clause_tense(text, sentence, m.start, m.end, compiled), m.text)
            value, used = resolve_timex(expression, anchor, reference)
            timexes.append(Timex(m.start, m.end, m.text, timex_type(m.slots), value, used))
            if value and _DAY_VALUE.match(value) and timex_type(m.slots) in ("DATE", "TIME"):
                day = dt.date.fromisoformat(value[:10]) + dt.timedelta(days=m.slots.get("reference_shift", 0))
                reference = day.isoformat()
    return timexes


class TimeStage:
    """TIMEX3 temporal expressions of one article, resolved against its dateline."""

    name = "time"
    requires = ("sentences", "tokens")
    assigns = ("timexes",)

    def __init__(self, language):
        self.language = language

    def __call__(self, doc: Document) -> Document:
        doc.timexes = tag_timexes(doc.text, doc.sentences, doc.date, self.language.code, doc.tokens)
        return doc


__all__ = ["Dateline", "TimeStage", "load_grammar", "resolve_timex", "tag_timexes", "timex_type"]
