"""Which rules of a temporal grammar a sentence may match, from one pass over its words.

Every rule has literal prefilters (``kronika.time.prefilter``: fragments one of which every match contains)
and, when it ends with a word list, the last words of that list (``CompiledRule.final_words``). Testing them
rule by rule cost some 30 small regex searches and 30 set tests per sentence. The index gives each prefilter
and each set of final words one bit, and learns once per whitespace-separated chunk of text (a word with its
punctuation) which bits the chunk turns on; a sentence's bits are the union over its chunks, a dictionary
lookup each once the chunk has been seen, and a rule is a candidate when all its bits are on.

That is the same answer as the searches: no fragment holds whitespace (one that might is searched in the
whole sentence), so a fragment occurs in a sentence exactly when it occurs in one of its chunks; a fragment
is a string of literal characters and digits, so after the lower-casing ``Prefilter`` does (never on a
sentence with a risky character, which takes the prefilters' own regexes) and every decimal digit written
as "0", a substring test is the regex's search. Lower-casing and case-folding a chunk alone gives what
they give it inside the sentence: the only letter whose lower case depends on its neighbours is the sigma,
a risky character.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from re import _constants as sre  # noqa: PLC2701 - a fragment's own parse says which characters it stands for
from re import _parser

from kronika.caches import WORD_TYPES
from kronika.time.prefilter import Prefilter

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_DIGIT_MARK = "0"  # what every decimal digit is written as on both sides of the substring test
# Sentences' bit patterns, each with its candidate rules (a third of the sentences of 300 BSNLP articles share
# their pattern with an earlier one).
_PLANS = 4_096
# Chunks kept with their bits: an entry is a short string and an integer (at most some 15 MB in all), and news
# brings new chunks all the time (about 25,000 distinct ones in 300 BSNLP articles, which a bound of WORD_TYPES
# cleared once a pass, every chunk then learnt again).
CHUNKS = 5 * WORD_TYPES


def literal_form(fragment: str) -> str | None:
    """The fragment (regex source) as the lower-case string it finds in a sentence lower-cased with its digits
    written as "0"; None when it is not a string of literal characters and ``\\d`` (or a literal would be taken
    for a digit, or it holds whitespace, which would span two chunks)."""
    out = []
    for op, av in _parser.parse(fragment):
        if op is sre.LITERAL and not chr(av).isdecimal() and not chr(av).isspace():
            lowered = chr(av).lower()
            if len(lowered) != 1:
                return None
            out.append(lowered)
        elif op is sre.IN and av == [(sre.CATEGORY, sre.CATEGORY_DIGIT)]:
            out.append(_DIGIT_MARK)
        else:
            return None
    return "".join(out) or None


class RuleIndex:
    """Candidate rules per sentence. ``rules`` are the grammar's compiled rules in order, each with
    ``prefilters`` and ``final_words``; ``risky`` are the characters that send a sentence to the regexes."""

    def __init__(self, rules: Sequence, risky: frozenset[str]):
        self.rules = tuple(rules)
        self.risky = risky
        prefilters: dict[int, Prefilter] = {}
        for rule in self.rules:
            for prefilter in rule.prefilters:
                prefilters.setdefault(id(prefilter), prefilter)
        self.prefilters = tuple(prefilters.values())
        self._bit = {id(p): 1 << i for i, p in enumerate(self.prefilters)}
        word_sets = list(dict.fromkeys(r.final_words for r in self.rules if r.final_words is not None))
        word_bit = {words: 1 << (len(self.prefilters) + i) for i, words in enumerate(word_sets)}
        self._needs = tuple(
            sum(self._bit[id(p)] for p in set(rule.prefilters))
            | (word_bit[rule.final_words] if rule.final_words is not None else 0)
            for rule in self.rules
        )
        self._final_words: dict[str, int] = {}
        for words, bit in word_bit.items():
            for word in words:
                self._final_words[word] = self._final_words.get(word, 0) | bit
        self._single, self._by_pair, self._whole = self._fragments()
        self._chunks: dict[str, int] = {}
        self._plans: dict[int, tuple] = {}

    def _fragments(self):
        """The bits each one-character fragment turns on; longer fragments by their first two characters, with
        their bits; and the prefilters searched in the whole sentence (a fragment not literal, or a search that
        is not lower-cased)."""
        single: dict[str, int] = {}
        by_pair: dict[str, dict[str, int]] = {}
        whole = []
        for prefilter in self.prefilters:
            forms = [literal_form(f) for f in prefilter.fragments]
            if not prefilter.lowerable or None in forms:
                whole.append(prefilter)
                continue
            bit = self._bit[id(prefilter)]
            for form in forms:
                if len(form) == 1:
                    single[form] = single.get(form, 0) | bit
                else:
                    pair = by_pair.setdefault(form[:2], {})
                    pair[form] = pair.get(form, 0) | bit
        return single, {p: tuple(sorted(f.items())) for p, f in by_pair.items()}, tuple(whole)

    def candidates(self, text: str, start: int, end: int) -> tuple:
        """The rules (in grammar order) whose prefilters and final words ``text[start:end]`` passes."""
        passed = self._passed(text, start, end)
        plan = self._plans.get(passed)
        if plan is None:
            if len(self._plans) >= _PLANS:
                self._plans.clear()
            plan = tuple(r for r, need in zip(self.rules, self._needs) if passed & need == need)
            self._plans[passed] = plan
        return plan

    def _passed(self, text: str, start: int, end: int) -> int:
        passed = 0
        chunks, learn = self._chunks, self._chunk_bits
        for chunk in text[start:end].split():
            bits = chunks.get(chunk)
            if bits is None:
                bits = learn(chunk)
            if bits < 0:
                return self._passed_risky(text, start, end)
            passed |= bits
        if self._whole:
            lowered = text[start:end].lower()
            for prefilter in self._whole:
                if prefilter.search(text, start, end, lowered):
                    passed |= self._bit[id(prefilter)]
        return passed

    def _chunk_bits(self, chunk: str) -> int:
        """The bits one chunk turns on, -1 when it holds a risky character; kept for the next time."""
        lowered = chunk.lower()
        if not self.risky.isdisjoint(lowered):
            bits = -1
        else:
            bits = 0
            marked = _DIGIT.sub(_DIGIT_MARK, lowered)
            for char in self._single.keys() & set(marked):
                bits |= self._single[char]
            by_pair = self._by_pair
            for k in range(len(marked) - 1):  # every occurrence of a longer fragment opens with its two characters
                for form, bit in by_pair.get(marked[k : k + 2], ()):
                    if marked.startswith(form, k):
                        bits |= bit
            for word in _WORD.findall(chunk.casefold()):
                bits |= self._final_words.get(word, 0)
        if len(self._chunks) >= CHUNKS:
            self._chunks.clear()
        self._chunks[chunk] = bits
        return bits

    def _passed_risky(self, text: str, start: int, end: int) -> int:
        """A sentence with a risky character: every prefilter's case-insensitive regex, the words of the
        whole sentence."""
        passed = 0
        for prefilter in self.prefilters:
            if prefilter.search(text, start, end, None):
                passed |= self._bit[id(prefilter)]
        for word in set(_WORD.findall(text[start:end].casefold())):
            passed |= self._final_words.get(word, 0)
        return passed
