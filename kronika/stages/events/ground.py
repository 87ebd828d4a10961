"""A document's groundwork: its sentences and its entity mentions, placed, with the cases that govern them."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count
from operator import attrgetter

from kronika.lang import ud
from kronika.lang.ud import morph
from kronika.record import Document, Entity, Token
from kronika.stages.events.tags import CASES, _adjectival, _nominal, tag_cases
from kronika.stages.events.triggers import Coder, Found


# What may stand right before the first word of a sentence.
SENTENCE_OPENERS = frozenset({".", "!", "?", '"', "„", "”", "«", "»", "–", "—", "-", ":", "(", "\n"})
# How far left of a mention the coder looks for the preposition that governs it.
PP_REACH = 6


@dataclass
class Placed:
    """An entity mention as the coder sees it: tokens, case and governing preposition."""

    entity: Entity
    start: int  # token index
    end: int
    cases: frozenset[str]
    preposition: str | None = None  # lemma of the preposition whose object this is
    attached: bool = False  # a genitive modifier inside another phrase ("z przywódcą Rosji")
    outer: str | None = None  # for a modifier, the preposition of the phrase it sits in ("do stolicy Chin")
    adjective: bool = False  # a state's adjective standing for the state ("izraelska armia")
    lead: int = -1  # where its title phrase starts: "przywódca Korei Północnej Kim Dzong Un" (-1: at start)
    # For a name Morfeusz does not know, the tagger's cases: its ``cases`` add every oblique one, which a frame
    # may take but which do not make it a modifier ("linia lotnicza Ryanair").
    guessed: frozenset[str] | None = None


class Groundwork:
    """What the rule coder and the learned layer's view both read of one article, worked out once: the tokens'
    lemmas, the placed mentions (nothing changes them once placed), every token's readings, and the triggers
    found in a stretch of tokens."""

    def __init__(self, doc: Document, coder: Coder):
        self.doc, self.coder = doc, coder
        self.lemmas = [(t.lemma or t.text).casefold() for t in doc.tokens]
        self._placed: list[Placed] | None = None
        self._readings: tuple[list[frozenset[str]], list[frozenset[str]]] | None = None
        self._triggers: dict[tuple[int, int], list[Found]] = {}

    @property
    def placed(self) -> list[Placed]:
        if self._placed is None:
            self._placed = _place_mentions(self.doc, self.coder, self.lemmas)
        return self._placed

    @property
    def readings(self) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
        if self._readings is None:
            self._readings = self.coder.readings(self.doc.tokens)
        return self._readings

    def triggers(self, lo: int, hi: int) -> list[Found]:
        found = self._triggers.get((lo, hi))
        if found is None:
            found = self._triggers[(lo, hi)] = self.coder.find_triggers(self.readings, lo, hi)
        return found


# The longest stretch of tokens coded as one sentence. Roles are sought among a sentence's mentions for each
# trigger, so the work grows with the square of a sentence's length; news sentences stay far below this, and
# a pasted table or an unpunctuated page is cut into pieces of this size (at a comma where one is near).
MAX_SENTENCE_TOKENS = 120


def _sentence_spans(doc: Document) -> list[tuple[int, int, int]]:
    """(sentence number, first token, end token) of the sentences; an over-long one comes in pieces that keep
    its number."""
    spans, i = [], 0
    tokens = doc.tokens
    for number, (start, end) in enumerate(doc.sentences):
        while i < len(tokens) and tokens[i].start < start:
            i += 1
        first = i
        while i < len(tokens) and tokens[i].end <= end:
            i += 1
        while i - first > MAX_SENTENCE_TOKENS:
            limit = first + MAX_SENTENCE_TOKENS
            cut = next(
                (
                    j
                    for j in range(limit, first + MAX_SENTENCE_TOKENS // 2, -1)
                    if tokens[j - 1].text in (",", ";", ":")
                ),
                limit,
            )
            spans.append((number, first, cut))
            first = cut
        if i > first:
            spans.append((number, first, i))
    return spans


def _place_mentions(doc: Document, coder: Coder, lemmas: list[str]) -> list[Placed]:
    """The entity mentions and the states' adjectives outside them, placed; ``lemmas`` are the tokens' folded
    lemmas (``Groundwork.lemmas``)."""
    by_start = dict(zip(map(attrgetter("start"), doc.tokens), count()))  # C loops: every token, every article
    by_end = dict(zip(map(attrgetter("end"), doc.tokens), count()))
    placed = []
    for entity in doc.entities:
        for mention in entity.mentions:
            if mention.start not in by_start or mention.end not in by_end:
                continue
            start, end = by_start[mention.start], by_end[mention.end] + 1
            head = next((t for t in doc.tokens[start:end] if _nominal(t.tag)), doc.tokens[start])
            placed.append(
                Placed(
                    entity,
                    start,
                    end,
                    coder.cases(head, name=True),
                    guessed=tag_cases(head.tag) if coder.unknown(head.text) else None,
                )
            )
    covered = {i for p in placed for i in range(p.start, p.end)}
    states = coder.adjective_states
    # The lemmas some state's adjective has, found in one set operation: most articles' tokens need no look-up.
    named = states.keys() & set(lemmas)
    hits = [i for i, lemma in enumerate(lemmas) if lemma in named] if named else []
    for i in hits:
        token = doc.tokens[i]
        # A token without a lemma of its own (``lemmas`` holds its text then) names no state.
        if token.lemma and i not in covered and _adjective(token, coder):
            placed.append(Placed(states[lemmas[i]], i, i + 1, coder.cases(token), adjective=True))
    placed.sort(key=lambda p: p.start)
    _govern(doc.tokens, placed, coder)
    _titles(doc.tokens, placed)
    return placed


def _titles(tokens: list[Token], placed: list[Placed]) -> None:
    """Mark where each name's title starts: common nouns and adjectives before it, and names in the genitive
    inside them ("prezydent USA Donald Trump i przywódca Korei Północnej Kim Dzong Un")."""
    inside = {i for p in placed if p.attached for i in range(p.start, p.end)}
    for p in placed:
        lead = p.start
        while (
            lead > 0
            and p.start - lead < PP_REACH
            and not p.attached
            and not p.adjective
            and (
                lead - 1 in inside
                or (
                    tokens[lead - 1].text.islower()
                    and (_nominal(tokens[lead - 1].tag) or ud.adjective(morph(tokens[lead - 1].tag)))
                )
            )
        ):
            lead -= 1
        p.lead = lead


def _own_cases(p: Placed) -> frozenset[str]:
    return p.cases if p.guessed is None else p.guessed


def _adjective(token: Token, coder: Coder) -> bool:
    """The token is an adjective, as tagged or as Morfeusz reads it ("Rosyjski atak" at a sentence start)."""
    m = morph(token.tag)
    if ud.adjective(m):
        return True
    # The tagger's noun reading ("ukraińskich" as the people) of a word Morfeusz also reads as the adjective.
    return ud.noun(m) and coder.adjective_reading(token.text)


def _common(tokens: list[Token], j: int) -> bool:
    """A common word: lower case, or capitalised only as the first word of a sentence ("Działania Izraela")."""
    text = tokens[j].text
    if text.islower():
        return True
    return text[:1].isupper() and text[1:].islower() and (j == 0 or tokens[j - 1].text in SENTENCE_OPENERS)


def _govern(tokens: list[Token], placed: list[Placed], coder: Coder) -> None:
    """Give each mention the preposition whose object it is, or mark it a modifier inside a phrase."""
    owner = {i: p for p in placed for i in range(p.start, p.end)}
    in_mention = set(owner)
    for p in placed:
        noun_cases: frozenset[str] | None = None  # cases of the common noun nearest to the left, if any
        for j in range(p.start - 1, max(-1, p.start - 1 - PP_REACH), -1):
            other = owner.get(j)
            if other is not None and other is not p and not other.attached and not (other.adjective and p.attached):
                # another name stands between: "według NIS Kim ...": "według" governs NIS, not Kim; a state's
                # adjective inside the phrase does not end it ("w indyjskiej części Kaszmiru")
                break
            m = morph(tokens[j].tag)
            if ud.preposition(m):
                prep_cases = coder.cases(tokens[j])
                lemma = (tokens[j].lemma or tokens[j].text).casefold()
                if p.adjective and noun_cases is not None:
                    # "na zakup rosyjskiej ropy", "przez wojska rosyjskie": the adjective belongs to the noun
                    # the preposition governs; it speaks for that phrase, not as the preposition's object.
                    p.outer = lemma
                elif p.attached:
                    p.outer = lemma  # "dla polityki Pekinu": Pekinu modifies the object of "dla"
                elif noun_cases is None:
                    if p.cases & prep_cases:
                        p.preposition = lemma
                elif p.cases & noun_cases & prep_cases:
                    p.preposition = lemma  # an apposition: "z przywódcą Rosji Władimirem Putinem"
                elif "Gen" in _own_cases(p):
                    p.attached, p.outer = True, lemma  # a modifier: "do stolicy Chin"
                # Otherwise the phrase ends before the name: "po południu Azerbejdżan" (an object).
                break
            if ud.nominal(m) and j not in in_mention and noun_cases is None:
                noun_cases = coder.cases(tokens[j])
                # A name whose case is unknown (an acronym: "ChRL") is not taken for a genitive.
                if (
                    not p.adjective
                    and "Gen" in _own_cases(p)
                    and len(p.cases) < len(CASES)
                    and j == p.start - 1
                    and _common(tokens, j)
                ):
                    # A genitive right after a common noun modifies it ("wizyta Kima", "przywódca Rosji");
                    # after another name it is a name of its own ("według NIS Pjongjang ...").
                    p.attached = True
            # A noun phrase goes on left over its nouns, adjectives, participles and numerals.
            if not (
                ud.nominal(m) or _adjectival(tokens[j].tag) or ud.numeral(m) or ud.roman_numeral(m) or ud.digits(m)
            ):
                break
            if tokens[j].text in ",;:-–—()":
                break
