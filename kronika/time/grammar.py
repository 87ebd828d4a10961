"""A temporal grammar as data, compiled to regular expressions, and its matches read into slots.

A language pack writes its grammar (``kronika/lang/<code>/temporal.py``) as word lists ("lexicons") that
map each word form to what it means, named regex fragments ("macros") and rules. A rule's pattern is a
regular expression with three kinds of placeholder:

- ``{NAME}`` (upper case): the macro ``NAME``, itself expanded;
- ``{lexicon}`` (lower case): any form of that lexicon, captured in a group of the same name;
- ``{~lexicon}``: any form of that lexicon, not captured.

A named group without a lexicon (``(?P<year>\\d{4})``) is read as a number. A lexicon value that is a
dict adds all its slots ("wczoraj" -> ``{"offset": -1}``); any other value fills the slot named after
the group ("marca" -> ``month=3``). The same group name may appear many times in one pattern (macros
reuse groups); the first that matched wins.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from re import _constants as sre  # noqa: PLC2701 - a rule's tail is read from its own parse
from re import _parser
from re._casefix import _EXTRA_CASES  # characters re's ignore-case matching takes as one beyond lower()
from typing import Any

from kronika.time.index import RuleIndex
from kronika.time.prefilter import Prefilter, required_fragments, word_list

_PLACEHOLDER = re.compile(r"\{(~?)([A-Za-z_]\w*)\}")
_WORD = re.compile(r"\w+")
_GROUP = re.compile(r"\(\?P<([A-Za-z_]\w*)>")
# Lexicons stand in a rule's pattern as one private-use character each while its prefilter is derived.
_MARKER = 0xE000


@dataclass(frozen=True, eq=False)
class Rule:
    """One pattern and the slots it always sets (``{"kind": "duration"}``)."""

    name: str
    pattern: str
    slots: Mapping[str, Any] = field(default_factory=dict)
    # Groups whose word must be written in lower case unless it opens the sentence: "maja" is a month,
    # "Maja" in mid-sentence a first name.
    cased: tuple[str, ...] = ()
    # A regex the text just before the match must not end with ("ma 75 lat" is an age, not a duration).
    not_after: str | None = None
    # A regex the text just before the match must end with ("może potrwać [tygodnie]").
    only_after: str | None = None


@dataclass(frozen=True, eq=False)
class TemporalGrammar:
    code: str
    lexicons: Mapping[str, Mapping[str, Any]]
    macros: Mapping[str, str]
    rules: Sequence[Rule]
    # What may stand between two expressions that name one time together ("we wtorek[ ]o 17.30").
    merge_gap: str
    # Words that show the tense of a clause, used to choose between last and next Friday.
    past_cue: str
    future_cue: str
    not_cues: frozenset[str]
    clause_break: str


@dataclass
class Match:
    start: int
    end: int
    text: str
    rule: str
    slots: dict[str, Any]


def _normalise(form: str) -> str:
    return " ".join(form.lower().split())


def _alternation(forms) -> str:
    """Any of the forms, as a trie ("dw(?:a(?:dzieścia|naście)?|ie|u)"), words joined by any whitespace.

    Python's ``re`` tries an alternation's branches one by one at every position; a lexicon of a thousand number
    words is a thousand tries where the trie makes one. The trie prefers what the flat alternation sorted longest
    first prefers: at a position the forms that match are prefixes of one another (siblings in the trie start
    with different letters), and the trie tries them longest first, then each shorter one, as that list does."""
    trie: dict = {}
    for form in {_normalise(f) for f in forms}:
        node = trie
        for symbol in _symbols(form):
            node = node.setdefault(symbol, {})
        node[_END] = {}
    if _ambiguous(trie):
        ordered = sorted({_normalise(f) for f in forms}, key=lambda f: (-len(f), f))
        return "|".join(r"\s+".join(re.escape(part) for part in f.split(" ")) for f in ordered)
    return _trie_regex(trie)


_END = ""  # a form ends at this node of the trie
_SPACE = r"\s+"


def _symbols(form: str):
    for i, word in enumerate(form.split(" ")):
        if i:
            yield _SPACE
        yield from (re.escape(c) for c in word)


def _ambiguous(node: dict) -> bool:
    """Whether two siblings could match the same character when case is ignored ("i" and "ı" in ``re``): then
    forms matching at one position need not be prefixes of one another, and only the flat list keeps the order."""
    folded = [_fold(symbol) for symbol in node if symbol != _END]
    return len(set(folded)) < len(folded) or any(_ambiguous(child) for child in node.values())


def _fold(symbol: str) -> str:
    char = symbol[-1:].lower()
    return min(char, *(chr(c) for c in _EXTRA_CASES.get(ord(char), ()))) if symbol != _SPACE else symbol


def _trie_regex(node: dict) -> str:
    branches = [symbol + _trie_regex(child) for symbol, child in sorted(node.items()) if symbol != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END not in node:
        return body
    return ("(?:" + body + ")" if len(branches) == 1 else body) + "?"


@lru_cache(maxsize=1024)
def _lexicon_regex(grammar: TemporalGrammar, name: str) -> str:
    return _alternation(grammar.lexicons[name])


def expand(pattern: str, grammar: TemporalGrammar, _depth: int = 0, words=None) -> str:
    """The pattern with its placeholders replaced by regex (groups not yet renamed); ``words`` (a lexicon's name
    -> regex) stands in for the alternation of each lexicon's forms."""
    if _depth > 20:
        raise ValueError(f"temporal grammar '{grammar.code}': macros nest too deep in {pattern[:60]!r}")

    def replace(m: re.Match) -> str:
        silent, name = m.group(1), m.group(2)
        if name.isupper():
            if name not in grammar.macros:
                raise ValueError(f"temporal grammar '{grammar.code}': unknown macro {{{name}}}")
            return "(?:" + expand(grammar.macros[name], grammar, _depth + 1, words) + ")"
        if name not in grammar.lexicons:
            raise ValueError(f"temporal grammar '{grammar.code}': unknown lexicon {{{name}}}")
        body = words(name) if words else _lexicon_regex(grammar, name)
        return f"(?:{body})" if silent else f"(?P<{name}>{body})"

    return _PLACEHOLDER.sub(replace, pattern)


def _rename_groups(regex: str) -> str:
    """Python's ``re`` wants unique group names: the second ``day`` becomes ``day__1``."""
    seen: dict[str, int] = {}

    def rename(m: re.Match) -> str:
        name = m.group(1)
        n = seen.get(name, 0)
        seen[name] = n + 1
        return f"(?P<{name}>" if n == 0 else f"(?P<{name}__{n}>"

    return _GROUP.sub(rename, regex)


class CompiledRule:
    """A rule ready to match: its regex is compiled the first time a sentence passes the rule's prefilters
    (a grammar compiled in full costs seconds, and one short article needs few of its rules)."""

    def __init__(self, rule: Rule, body: str, prefilters: tuple[Prefilter, ...], grammar: TemporalGrammar):
        self.rule = rule
        self.body = body
        # Small regexes of what every match contains (``kronika.time.prefilter``); none when nothing is known.
        self.prefilters = prefilters
        self.final_words = _final_words(rule.pattern, grammar)
        try:
            self.not_after = re.compile(expand(rule.not_after, grammar), re.IGNORECASE) if rule.not_after else None
            self.only_after = re.compile(expand(rule.only_after, grammar), re.IGNORECASE) if rule.only_after else None
        except re.error as e:
            raise ValueError(f"temporal grammar '{grammar.code}': rule '{rule.name}' is not a valid regex: {e}")
        self.code = grammar.code

    @cached_property
    def regex(self) -> re.Pattern[str]:
        try:
            # Not inside a word or number, nor after "#" or "§" ("Traxxas #2018" is a part number).
            return re.compile(rf"(?<![\w.,#§/])(?:{self.body})(?!\w)", re.IGNORECASE)
        except re.error as e:
            raise ValueError(f"temporal grammar '{self.code}': rule '{self.rule.name}' is not a valid regex: {e}")


@dataclass(frozen=True, eq=False)
class CompiledGrammar:
    grammar: TemporalGrammar
    rules: tuple[CompiledRule, ...]
    # Characters that send a sentence to the prefilters' case-insensitive regexes (``Prefilter``).
    risky: frozenset[str]
    lookup: Mapping[str, Mapping[str, Any]]
    merge_gap: re.Pattern[str]
    past_cue: re.Pattern[str]
    future_cue: re.Pattern[str]
    clause_break: re.Pattern[str]
    # Which rules a sentence may match (``kronika.time.index``).
    index: RuleIndex


def _final_words(pattern: str, grammar: TemporalGrammar) -> frozenset[str] | None:
    """For a rule that ends with a lexicon ("... {~ago}", "... {unit}", "{shift}(?!\\s+\\w)": lookaheads after it
    match nothing), the last words of that lexicon's forms.

    Every match of such a rule ends with one of them, so a sentence without any can skip the rule's regex,
    which for the quantity rules is an alternation of tens of thousands of characters tried at every
    position of the sentence. A set lookup per sentence costs next to nothing."""
    # The last lexicon; what follows it may be lookaheads, macros among them ("{deicticadj}{GENERIC}").
    last = next((m for m in reversed(list(_PLACEHOLDER.finditer(pattern))) if not m.group(2).isupper()), None)
    if last is None or not _consumes_nothing(pattern[last.end() :], grammar):
        return None
    words = set()
    for form in grammar.lexicons[last.group(2)]:
        parts = _WORD.findall(form.casefold())
        if not parts:
            return None  # a form without a word character: no word to look for
        words.add(parts[-1])
    return frozenset(words)


def _consumes_nothing(tail: str, grammar: TemporalGrammar) -> bool:
    """Whether what follows a rule's last lexicon matches no characters: nothing, or lookaheads ("{shift}(?!\\s+\\w)":
    the match still ends with the lexicon's form). A tail that does not parse alone (the lexicon stood inside a
    group) is taken to consume."""
    if not tail.strip():
        return True
    try:
        return _zero_width(_parser.parse(expand(tail, grammar), re.IGNORECASE))
    except (re.error, ValueError):
        return False


def _zero_width(items) -> bool:
    for op, av in items:
        if op is sre.SUBPATTERN:
            if not _zero_width(av[-1]):
                return False
        elif op not in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            return False
    return True


RulePlan = tuple[str, tuple[frozenset[str], ...]]


def rule_plans(grammar: TemporalGrammar) -> tuple[RulePlan, ...]:
    """Each rule's regex source and the fragments its prefilters look for: plain values, derived from the
    grammar alone (a caller may keep them, ``kronika.stages.time.load_grammar``)."""
    markers = {name: chr(_MARKER + i) for i, name in enumerate(grammar.lexicons)}
    stand_ins = {
        markers[name]: word_list({_normalise(f) for f in lexicon}) for name, lexicon in grammar.lexicons.items()
    }
    plans = []
    for rule in grammar.rules:
        body = _rename_groups(expand(rule.pattern, grammar))
        try:
            needed = required_fragments(
                _rename_groups(expand(rule.pattern, grammar, words=markers.get)), re.IGNORECASE, stand_ins
            )
        except re.error as e:
            raise ValueError(f"temporal grammar '{grammar.code}': rule '{rule.name}' is not a valid regex: {e}")
        plans.append((body, needed))
    return tuple(plans)


def compile_grammar(grammar: TemporalGrammar, plans: tuple[RulePlan, ...] | None = None) -> CompiledGrammar:
    """The grammar ready to match; ``plans``: its ``rule_plans``, when kept from an earlier process."""
    prefilters: dict[frozenset[str], Prefilter] = {}  # rules that need the same words share one regex
    rules = []
    for rule, (body, needed) in zip(grammar.rules, plans or rule_plans(grammar), strict=True):
        for fragments in needed:
            if fragments not in prefilters:
                prefilters[fragments] = Prefilter(fragments, re.IGNORECASE)
        rules.append(CompiledRule(rule, body, tuple(prefilters[f] for f in needed), grammar))
    lookup = {name: {_normalise(k): v for k, v in lex.items()} for name, lex in grammar.lexicons.items()}
    risky = frozenset().union(*(p.risky for p in prefilters.values()))
    return CompiledGrammar(
        grammar=grammar,
        rules=tuple(rules),
        risky=risky,
        lookup=lookup,
        merge_gap=re.compile(rf"(?:{expand(grammar.merge_gap, grammar)})", re.IGNORECASE),
        past_cue=re.compile(expand(grammar.past_cue, grammar)),
        future_cue=re.compile(expand(grammar.future_cue, grammar), re.IGNORECASE),
        clause_break=re.compile(expand(grammar.clause_break, grammar)),
        index=RuleIndex(rules, risky),
    )


def parse_number(text: str) -> int | float:
    """ "2011", "25 770", "1,5" as numbers; ValueError otherwise."""
    digits = re.sub(r"[\s\u00a0\u202f]", "", text).replace(",", ".")
    value = float(digits)
    return int(value) if value.is_integer() and "." not in digits else value


def read_match(compiled: CompiledGrammar, rule: Rule, m: re.Match, text: str, sentence_start: int) -> Match | None:
    """The slots a match sets, or None when a group's word is not what the rule needs."""
    slots: dict[str, Any] = dict(rule.slots)
    groups = sorted(((m.start(g), g) for g, v in m.groupdict().items() if v is not None))
    for position, group in groups:
        base = group.split("__")[0]
        raw = m.group(group)
        if base in rule.cased and raw[:1].isupper() and not _opens_sentence(text, position, sentence_start):
            return None
        lexicon = compiled.lookup.get(base)
        key = _normalise(raw)
        if lexicon is not None and key in lexicon:
            value = lexicon[key]
        else:
            try:
                value = parse_number(raw)
            except ValueError:
                continue  # a group kept only to mark a span ("czasu miejscowego")
        if isinstance(value, Mapping):
            for k, v in value.items():
                slots.setdefault(k, v)
        else:
            slots.setdefault(base, value)
    return Match(m.start(), m.end(), m.group(), rule.name, slots)


def _opens_sentence(text: str, position: int, sentence_start: int) -> bool:
    before = text[sentence_start:position]
    return not any(ch.isalnum() for ch in before)


def find_matches(compiled: CompiledGrammar, text: str, start: int, end: int) -> list[Match]:
    """Every rule's matches inside ``text[start:end]``, overlapping ones included."""
    found = []
    for compiled_rule in compiled.index.candidates(text, start, end):
        rule, not_after, only_after = compiled_rule.rule, compiled_rule.not_after, compiled_rule.only_after
        for m in compiled_rule.regex.finditer(text, start, end):
            before = text[max(start, m.start() - 40) : m.start()]
            if not_after is not None and not_after.search(before):
                continue
            if only_after is not None and not only_after.search(before):
                continue
            match = read_match(compiled, rule, m, text, start)
            if match is not None:
                found.append(match)
    return found


def select_longest(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, the longest first (earlier rules win ties), in text order."""
    chosen: list[Match] = []
    order = sorted(enumerate(matches), key=lambda im: (-(im[1].end - im[1].start), im[1].start, im[0]))
    for _, match in order:
        if all(match.end <= c.start or match.start >= c.end for c in chosen):
            chosen.append(match)
    return sorted(chosen, key=lambda c: c.start)
