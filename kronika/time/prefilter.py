"""What every match of a regular expression must contain: a literal prefilter for the temporal grammar.

A rule's regex is tried at every position of a sentence, and most sentences hold no match of most rules. From
the regex's parse tree this module derives a set of short fragments (literal strings, ``\\d`` for a digit) of
which every match contains at least one: "marca" or "marzec" or ... for a month rule, "\\d\\d\\d\\d" for a
year. A sentence where a small regex of those fragments finds nothing cannot match the rule, so the rule's
regex is skipped there (and compiled only when some sentence first needs it), with identical matches.

The derivation is conservative: any construct it does not know (a back-reference, a negated class, inline
flags) counts as "could be anything", which only makes the filter weaker, never wrong. Fragments are matched
with the rule's own flags, so case-insensitive literals mean what they mean in the rule.
"""

from __future__ import annotations

import re
from functools import cached_property
from itertools import product
from re import _constants as sre  # noqa: PLC2701 - the parser is the only reader of Python's regex syntax
from re import _parser
from re._casefix import _EXTRA_CASES  # characters re's ignore-case matching takes as one beyond lower()

# At most this many alternative strings in a set that is tracked exactly (else only what a match must contain).
MAX_EXACT = 512
# A repeat is unrolled into exact strings only up to this many copies.
MAX_UNROLL = 4
# A class of up to this many characters is a set of one-character strings.
MAX_CLASS = 12
# A prefilter's fragments are cut to this many characters: "październik" is as telling as "paźdz", and a regex of
# a dozen five-letter prefixes scans faster than one of a hundred whole forms.
FRAGMENT = 5
DIGIT = r"\d"

# A node of the parse tree as (exact, needed):
#   exact  - the frozenset of fragment tuples the node matches exactly (each fragment one character), or None;
#   needed - a frozenset of fragment tuples one of which every match of the node contains, or None.
Facts = tuple[frozenset[tuple[str, ...]] | None, frozenset[tuple[str, ...]] | None]
NOTHING_KNOWN: Facts = (None, None)
EMPTY: Facts = (frozenset({()}), None)


def required_fragments(
    pattern: str, flags: int = 0, lexicons: dict[str, Facts] | None = None, most: int = 2
) -> tuple[frozenset[str], ...]:
    """Up to ``most`` sets of fragments (regex source), from each of which every match of ``pattern`` contains one;
    none when nothing is known. A unit after a shift word ("roku" ... "ten") needs both: a sentence with "ta"
    and no unit is skipped.

    ``lexicons`` maps a placeholder character standing in the pattern to what it stands for (see ``word_list``),
    so the parse never sees the long alternations a grammar's word lists expand to."""
    tree = _parser.parse(pattern, flags)
    candidates = {_shortest(c) for c in _candidates(list(tree), lexicons or {})}
    best: list[frozenset[tuple[str, ...]]] = []
    for candidate in sorted(candidates, key=_rank, reverse=True):
        # A set each fragment of a chosen set contains ("ab" of "abe") says nothing more.
        if len(best) < most and not any(_implies(chosen, candidate) for chosen in best):
            best.append(candidate)
    return tuple(frozenset("".join(f) for f in c) for c in best)


def _implies(chosen: frozenset[tuple[str, ...]], other: frozenset[tuple[str, ...]]) -> bool:
    return all(any(_contains(f, g) for g in other) for f in chosen)


def _contains(fragment: tuple[str, ...], part: tuple[str, ...]) -> bool:
    return ("\0" + "\0".join(part) + "\0") in ("\0" + "\0".join(fragment) + "\0")


class Prefilter:
    """A regex of fragments, tried on a lower-cased sentence where that means the same.

    Python's case-insensitive matching of non-ASCII alternations is about fifteen times slower than a plain
    search of the lower-cased text; the two agree except where ``re`` folds more than ``str.lower`` does
    ("ı" matches "i", "ſ" matches "s", "İ" lowers to two characters), so a sentence holding one of those
    characters takes the case-insensitive regex."""

    def __init__(self, fragments: frozenset[str], flags: int):
        self.fragments = frozenset(fragments)
        self._ordered = sorted(fragments, key=lambda f: (-len(f), f))
        self._flags = flags
        joined = "".join(self._ordered)
        # Whether the lower-cased search means the same; its regex, like the exact one, is compiled at its first
        # use (a grammar has about 150 prefilters, and a short article reaches some of them one way only).
        self.lowerable = bool(flags & re.IGNORECASE) and all(len(c.lower()) == 1 for c in joined)
        self.risky = RISKY | {chr(x) for c in joined for x in _EXTRA_CASES.get(ord(c.lower()), ())}

    @cached_property
    def exact(self) -> re.Pattern[str]:
        return re.compile("|".join(self._ordered), self._flags)

    @cached_property
    def lowered(self) -> re.Pattern[str] | None:
        if not self.lowerable:
            return None
        return re.compile("|".join(f.lower() for f in self._ordered), self._flags & ~re.IGNORECASE)

    def search(self, text: str, start: int, end: int, lowered: str | None) -> bool:
        """Whether ``text[start:end]`` holds a fragment; ``lowered`` is that sentence in lower case, or None
        when it holds a risky character."""
        if lowered is not None and self.lowerable:
            return self.lowered.search(lowered) is not None
        return self.exact.search(text, start, end) is not None


# Characters whose lower case is not one character of the same meaning: "İ" (an "i" and a combining dot),
# and sigma, which lower() writes final or not by its context.
RISKY = frozenset("\u0307\u03c3\u03c2")


def _general(fragments: frozenset[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The fragments cut to their first ``FRAGMENT`` characters, each digit written as any digit: hundreds of
    dates ("20.0\\d", "21.1\\d") become a few shapes ("\\d\\d.\\d\\d"), which every one of them still contains."""
    # isdecimal, not isdigit: "²" is a digit to str.isdigit but not to the regex \d.
    return {tuple(DIGIT if atom.isdecimal() else atom for atom in f[:FRAGMENT]) for f in fragments}


def _shortest(fragments: frozenset[tuple[str, ...]]) -> frozenset[tuple[str, ...]]:
    """The general fragments without those that contain another one."""
    cut = _general(fragments)
    kept = [f for f in cut if not any(g != f and _contains(f, g) for g in cut)]
    return frozenset(kept)


def word_list(forms) -> Facts:
    """What an alternation of word forms (words inside a form joined by ``\\s+``) matches: each one-word form
    exactly; of a many-word form, its longest word at least."""
    forms = list(forms)
    if not forms or any(not f for f in forms):
        return NOTHING_KNOWN if not forms else EMPTY
    needed = frozenset(tuple(re.escape(c) for c in max(f.split(" "), key=len)) for f in forms)
    if any(" " in f for f in forms) or len(forms) > MAX_EXACT:
        return None, needed
    return needed, needed


def _facts(op, av, lexicons: dict[str, Facts]) -> Facts:
    if op is sre.LITERAL:
        char = chr(av)
        return lexicons[char] if char in lexicons else _exact({(re.escape(char),)})
    if op is sre.IN:
        if any(kind is sre.LITERAL and chr(code) in lexicons for kind, code in av):
            # The parser turns an alternation of single characters into a class, word lists among them.
            return _branch(
                [_facts(kind, code, lexicons) if kind is sre.LITERAL else _class([(kind, code)]) for kind, code in av]
            )
        return _class(av)
    if op is sre.BRANCH:
        return _branch([_sequence(list(branch), lexicons) for branch in av[1]])
    if op in (sre.SUBPATTERN,):
        _group, add_flags, del_flags, sub = av
        return NOTHING_KNOWN if add_flags or del_flags else _sequence(list(sub), lexicons)
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av), lexicons)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, sub = av
        return _repeat(low, high, _sequence(list(sub), lexicons))
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return EMPTY  # zero width: it adds no character to the match
    return NOTHING_KNOWN


def _exact(strings) -> Facts:
    strings = frozenset(strings)
    if len(strings) > MAX_EXACT:
        return NOTHING_KNOWN
    return strings, (None if () in strings else strings)


def _class(items) -> Facts:
    if items == [(sre.CATEGORY, sre.CATEGORY_DIGIT)]:
        return _exact({(DIGIT,)})
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < MAX_CLASS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return NOTHING_KNOWN  # a negation, a category, a wide range
    return _exact({(re.escape(c),) for c in chars}) if len(chars) <= MAX_CLASS else NOTHING_KNOWN


def _branch(options: list[Facts]) -> Facts:
    exact = None
    if all(o[0] is not None for o in options):
        exact = frozenset().union(*(o[0] for o in options))
        if len(exact) > MAX_EXACT:
            exact = None
    needed = None
    if all(o[1] is not None for o in options):
        needed = frozenset().union(*(o[1] for o in options))
    return exact, needed


def _repeat(low: int, high: int, sub: Facts) -> Facts:
    exact = None
    if sub[0] is not None and high <= MAX_UNROLL:
        strings: set[tuple[str, ...]] = set()
        for n in range(low, high + 1):
            strings.update(_concat(parts) for parts in product(sub[0], repeat=n))
            if len(strings) > MAX_EXACT:
                break
        else:
            exact = frozenset(strings)
    if exact is not None:
        return exact, (None if () in exact else exact)
    return None, (sub[1] if low >= 1 else None)


def _concat(parts) -> tuple[str, ...]:
    return tuple(fragment for part in parts for fragment in part)


def _sequence(nodes: list, lexicons: dict[str, Facts]) -> Facts:
    """A concatenation: what the whole needs is the best of what its parts need."""
    exact, candidates = _sequence_parts(nodes, lexicons)
    return exact, max(candidates, key=_rank, default=None)


def _candidates(nodes: list, lexicons: dict[str, Facts]) -> list[frozenset[tuple[str, ...]]]:
    return _sequence_parts(nodes, lexicons)[1]


def _sequence_parts(nodes: list, lexicons: dict[str, Facts]):
    """A concatenation: runs of exactly known neighbours multiply out ("w" + "\\s" is not one, "\\d\\d" is);
    the whole needs what each run and each other part needs (each a candidate)."""
    candidates: list[frozenset[tuple[str, ...]]] = []
    run: frozenset[tuple[str, ...]] = frozenset({()})
    whole_exact = True

    def close(run):
        if () not in run:
            candidates.append(run)

    for op, av in nodes:
        exact, needed = _facts(op, av, lexicons)
        if exact is None and needed is not None:  # an exact part is a candidate within its run
            candidates.append(needed)
        if exact is None:
            whole_exact = False
            close(run)
            run = frozenset({()})
        elif len(run) * len(exact) <= MAX_EXACT:
            run = frozenset(a + b for a in run for b in exact)
        else:
            whole_exact = False
            close(run)
            run = exact
    close(run)
    return (run if whole_exact else None), candidates


def _rank(fragments: frozenset[tuple[str, ...]]) -> tuple:
    return _selectivity(fragments), sorted(fragments)  # ties broken the same way in every process


def _selectivity(fragments: frozenset[tuple[str, ...]]) -> tuple[float, int]:
    """Longer fragments are rarer (up to the length they are cut to); a digit is a common character, a letter
    less so; fewer options scan faster."""

    def weight(fragment: tuple[str, ...]) -> float:
        return sum(0.3 if atom == DIGIT else 1.0 for atom in fragment)

    general = _general(fragments)
    return min(weight(f) for f in general), -len(general)
