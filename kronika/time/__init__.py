"""Language-independent temporal machinery: grammar compilation, TIMEX3 values and their resolution.

A language pack supplies a ``TemporalGrammar`` (word lists and rules, ``kronika/lang/<code>/temporal.py``);
``grammar`` turns it into regular expressions and reads a match into slots, ``resolve`` turns the slots
into a TIMEX3 value against the article's dateline.
"""

from kronika.time.grammar import Match, Rule, TemporalGrammar, compile_grammar
from kronika.time.resolve import Expression, parse_dateline, resolve_timex

__all__ = [
    "Expression",
    "Match",
    "Rule",
    "TemporalGrammar",
    "compile_grammar",
    "parse_dateline",
    "resolve_timex",
]
