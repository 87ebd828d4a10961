"""The trigger table's schema, shared by every language pack: a row maps a lemma sequence to a CAMEO code, with
the frames (a case, or a preposition with its case, or a relational adjective) where the event's actor and
recipient stand. Each pack keeps its own table (``kronika/lang/<code>/triggers.tsv``, whose header documents
the columns) and the prepositions its frames may name; only the parsing and the records live here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The cases a frame may name, each with its Universal Dependencies name (what the stages compare).
CASES = {"nom": "Nom", "gen": "Gen", "dat": "Dat", "acc": "Acc", "inst": "Ins", "loc": "Loc"}
POS = ("verb", "noun", "mwe")
CAMEO_CODE = re.compile(r"\d{2,4}")
# The frame notation for a relational adjective of the trigger noun ("rosyjski atak"): no case at all.
ADJECTIVE = "adj"


@dataclass(frozen=True, slots=True)
class Frame:
    """Where a participant is: a bare case ("acc"), a preposition with its case ("z+inst"), or "adj"."""

    case: str  # one of CASES, or "adj" for a relational adjective ("rosyjski atak")
    preposition: str | None = None

    def __str__(self) -> str:
        return f"{self.preposition}+{self.case}" if self.preposition else self.case

    @property
    def ud_case(self) -> str | None:
        """The frame's case as Universal Dependencies names it ("inst" -> "Ins"); None for "adj"."""
        return None if self.adjective else CASES[self.case]

    @property
    def adjective(self) -> bool:
        """The participant is a relational adjective of the noun ("rosyjski atak"), not a case."""
        return self.case == ADJECTIVE


@dataclass(frozen=True, slots=True)
class Trigger:
    lemmas: tuple[str, ...]  # the lemma sequence, "się" included ("spotkać", "się")
    pos: str  # verb | noun | mwe
    cameo: str
    recipient: tuple[Frame, ...]  # alternatives, most usual first; () when the event has no recipient
    actor_from: tuple[Frame, ...]
    symmetric: bool  # actor and recipient interchangeable (meet, talk, fight with)
    speech: bool  # a verb of saying: its content clause may hold the real event
    gap: int  # other tokens allowed between consecutive parts
    ordered: bool  # parts must come in the given order
    notes: str = ""

    @property
    def head(self) -> str:
        """The lemma the trigger is looked up by: its first part."""
        return self.lemmas[0]


def parse_frame(text: str, prepositions: frozenset[str]) -> Frame:
    """``"z+inst"`` -> Frame("inst", "z"); ValueError for anything but a known case or preposition."""
    preposition, plus, case = text.partition("+")
    if not plus:
        preposition, case = None, text
    if case not in CASES and not (case == ADJECTIVE and preposition is None):
        raise ValueError(f"unknown case {case!r} in frame {text!r}: use one of {', '.join(CASES)} or 'adj'")
    if preposition is not None and preposition not in prepositions:
        raise ValueError(f"unknown preposition {preposition!r} in frame {text!r}: add it to the pack's PREPOSITIONS")
    return Frame(case, preposition)


def parse_frames(text: str, prepositions: frozenset[str]) -> tuple[Frame, ...]:
    return tuple(parse_frame(part, prepositions) for part in text.split("|")) if text else ()


def _flag(value: str, column: str) -> bool:
    if value not in ("0", "1"):
        raise ValueError(f"{column} must be 0 or 1, not {value!r}")
    return value == "1"


def parse_row(row: dict[str, str], prepositions: frozenset[str]) -> Trigger:
    lemmas = tuple(row["lemmas"].split())
    if not lemmas:
        raise ValueError("empty lemmas")
    if row["pos"] not in POS:
        raise ValueError(f"pos must be one of {', '.join(POS)}, not {row['pos']!r}")
    if not CAMEO_CODE.fullmatch(row["cameo"]):
        raise ValueError(f"cameo must be a 2-4 digit CAMEO code, not {row['cameo']!r}")
    if row["pos"] == "mwe" and len(lemmas) < 2:
        raise ValueError("a mwe needs at least two lemmas")
    return Trigger(
        lemmas=lemmas,
        pos=row["pos"],
        cameo=row["cameo"],
        recipient=parse_frames(row["recipient"], prepositions),
        actor_from=parse_frames(row["actor_from"], prepositions),
        symmetric=_flag(row["symmetric"], "symmetric"),
        speech=_flag(row["speech"], "speech"),
        gap=int(row["gap"]),
        ordered=_flag(row["ordered"], "ordered"),
        notes=row["notes"],
    )


def load_triggers(text: str, prepositions: frozenset[str], source: str = "triggers.tsv") -> tuple[Trigger, ...]:
    """Trigger records of a table in the triggers.tsv format, whose frames may name ``prepositions`` (the
    pack's); errors name ``source:line``."""
    header: list[str] | None = None
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) != len(header):
            raise ValueError(f"{source}:{number}: {len(cells)} cells, the header has {len(header)}")
        try:
            out.append(parse_row(dict(zip(header, cells)), prepositions))
        except ValueError as error:
            raise ValueError(f"{source}:{number}: {error}") from None
    return tuple(out)
