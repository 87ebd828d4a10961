"""Where the named parties of a text stand, sentence by sentence, and which of them is a verb's subject.

Shared by the quote and amount stages: sentence token ranges, entity mentions placed by token index with
the cases they can stand in, and the search for the named subject of a verb of saying or reporting.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from kronika.caches import WORD_TYPES
from kronika.lang import ud
from kronika.lang.base import UD_CASES
from kronika.lang.ud import morph
from kronika.quotes.bodies import Body
from kronika.record import Document, Entity, Participant, Token

SPEAKER_TYPES = ("PER", "ORG", "GPE")
# How many tokens after the verb its subject may stand ("przekazała agencja Xinhua").
SUBJECT_REACH = 3
WORD = re.compile(r"\w")
# The ids the linker gives names the knowledge base lacks (``kronika.stages.link.local_id``); its own entries
# without a Wikidata id ("kronika:tvn24") are linked.
UNLINKED = re.compile(r"kronika:[0-9a-f]{12}")


def tag_class(tag: str | None) -> str:
    """The tagset's own word class, for the quote model's feature strings (never compared here)."""
    return morph(tag).xpos


def tag_cases(tag: str | None) -> set[str]:
    """The UD cases a tag allows ("Gen", "Acc")."""
    return set(morph(tag).cases)


def lemma_of(token: Token) -> str:
    return (token.lemma or token.text).casefold()


def unlinked(entity: Entity) -> bool:
    """Whether the linker found ``entity`` nowhere in the knowledge base."""
    return UNLINKED.fullmatch(entity.id) is not None


def is_verb(token: Token) -> bool:
    return ud.verb(morph(token.tag))


def participant(entity: Entity | Body) -> Participant:
    """The record's party for an entity, or for a body named by a common noun (no entity, its country)."""
    key = None if isinstance(entity, Body) else entity.id
    return Participant(entity=key, name=entity.name, country=entity.country, sector=entity.sector)


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
            governed = lo > 0 and ud.preposition(morph(doc.tokens[lo - 1].tag))
            placed.append(Placed(entity, lo, hi, name_cases(morphology, doc.tokens[lo]), governed))
    placed.sort(key=lambda p: (p.start, -p.end))
    return placed


@dataclass
class Layout:
    """What the quote and amount stages both read of an article before anything of their own: its sentences'
    token ranges, the tokens' lemmas and its placed mentions."""

    spans: list[tuple[int, int]]
    lemmas: list[str]
    placed: list[Placed]


# The last article's layout, with what it was made from: the quote stage and the amount stage (twice, when it
# finds amounts) ask for the same article one after the other, and neither changes its tokens or entities.
_last: tuple | None = None


def article_layout(doc: Document, language) -> Layout:
    """``Layout`` of ``doc``, worked out once for consecutive calls on the same article (each caller gets lists
    of its own). The memo is the document, its token and entity lists and their sizes, held, so the identities
    cannot be reused by other objects while it lasts; one read of ``_last`` keeps it safe between threads."""
    global _last
    mentions = sum(len(e.mentions) for e in doc.entities)
    shape = (len(doc.tokens), len(doc.entities), mentions, language.code)
    last = _last
    if (
        last is None
        or last[0] is not doc
        or last[1] is not doc.tokens
        or last[2] is not doc.entities
        or last[3] != shape
    ):
        layout = Layout(sentence_token_spans(doc), [lemma_of(t) for t in doc.tokens], place_mentions(doc, language))
        last = _last = (doc, doc.tokens, doc.entities, shape, layout)
    layout = last[4]
    return Layout(list(layout.spans), list(layout.lemmas), list(layout.placed))


_name_cases: dict[tuple, frozenset[str]] = {}


def name_cases(morphology, head: Token) -> frozenset[str]:
    """The cases a name starting with ``head`` can stand in: the dictionary's name readings; a name it does not
    decline ("Xi", "NIS", "Kim" as a name) can stand in any case, whatever the tagger guessed word by word.
    Kept per word and tag, as news names the same people again and again."""
    key = (morphology, head.text, head.tag)
    found = _name_cases.get(key)
    if found is None:
        if len(_name_cases) >= WORD_TYPES:  # the bound of every per-word cache (kronika/caches.py)
            _name_cases.clear()
        cases = set()
        for reading in morphology.analyse(head.text):
            if reading.lemma[:1].isupper():
                cases |= tag_cases(reading.tag)
        found = _name_cases[key] = frozenset((cases | tag_cases(head.tag)) if cases else UD_CASES)
    return found


def mentions_between(placed: list[Placed], starts: list[int], lo: int, hi: int) -> list[Placed]:
    """The mentions starting in token range [lo, hi); ``starts`` are the mentions' start indexes."""
    return placed[bisect_left(starts, lo) : bisect_left(starts, hi)]


def find_subject(
    tokens: list[Token],
    verb: int,
    lo: int,
    hi: int,
    placed: list[Placed],
    starts: list[int],
    skip: tuple[int, int] = (0, 0),
    coordinators: frozenset[str] = frozenset(),
    person_reach: int = 0,
) -> Placed | None:
    """The named subject of the verb at ``verb`` within sentence tokens [lo, hi), outside ``skip``; with
    ``person_reach``, failing any nearer, a person further after the verb (``later_person``)."""
    candidates = [
        p
        for p in mentions_between(placed, starts, lo, hi)
        if p.entity.type in SPEAKER_TYPES and "Nom" in p.cases and not p.governed and not (skip[0] <= p.start < skip[1])
    ]
    # Right after the verb, before any comma or conjunction: "zapewnił Xi", "przekazała agencja Xinhua".
    stop = verb + 1
    while (
        stop < min(hi, verb + 1 + SUBJECT_REACH) and WORD.search(tokens[stop].text) and not (skip[0] <= stop < skip[1])
    ):
        stop += 1
    after = [p for p in candidates if verb < p.start < stop]
    if after:
        return after[0]
    before = [p for p in candidates if p.end <= verb]
    if not before:
        return later_person(tokens, verb, hi, candidates, skip, person_reach)
    # "Xi i Putin ... podkreślając": the first of a coordinated group speaks for it.
    k = len(before) - 1
    while k > 0 and " ".join(lemma_of(t) for t in tokens[before[k - 1].end : before[k].start]) in coordinators:
        k -= 1
    return before[k]


def later_person(
    tokens: list[Token], verb: int, hi: int, candidates: list[Placed], skip: tuple[int, int], reach: int
) -> Placed | None:
    """The first person among ``candidates`` within ``reach`` words after the verb, before the sentence's next
    verb or the quote: news puts a long subject after adverbials and a title ("– powiedział w sobotę do
    zgromadzonych poseł PO Andrzej Halicki", "poinformował prezes tej organizacji Arnaud Rousseau")."""
    words, k, open_phrase, heads = 0, verb + 1, False, set()
    named = {i for p in candidates for i in range(p.start, p.end)}
    # A punctuation mark ends the search: past a comma stands another clause ("– powiedział, a premier Donald
    # Tusk tylko się uśmiechnął"), whose subject said nothing.
    while k < hi and words < reach and not (skip[0] <= k < skip[1]) and not is_verb(tokens[k]):
        if not WORD.search(tokens[k].text):
            break
        m = morph(tokens[k].tag)
        if ud.preposition(m):
            open_phrase = True  # "w rozmowie z Xi": a name inside the phrase is no subject
        elif open_phrase and k not in named and "Nom" in m.cases:
            open_phrase = False  # "... przed Sejmem poseł PO Andrzej Halicki": a nominative opens the subject
        if not open_phrase:
            heads.add(k)
        words += 1
        k += 1
    return next((p for p in candidates if p.start in heads and p.entity.type == "PER"), None)
