"""Polish event triggers: verbs, nouns and multi-word expressions mapped to CAMEO codes, with the case frames
that give an event's actor and recipient.

Sources: the table ``triggers.tsv`` next to this module, hand-curated. Its meanings follow the CAMEO 1.1b3
codebook (Schrodt 2012), with the English PETRARCH2 verb dictionary (CAMEO.2.0.txt, Open Event Data Alliance,
MIT) as a checklist of meanings and the PLOVER 0.8 manual (CC BY-SA 4.0) cited where PLOVER codes a meaning
differently; lemmas are Morfeusz2/SGJP lemmas and the frames follow Polish verb government (hand-written,
not yet checked against Walenty). The header of the table documents each column.

``TRIGGERS`` is a tuple of ``Trigger`` records in table order; a broken row stops the import with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files

from kronika.lang.pl.ud import UD_CASE

CASES = ("nom", "gen", "dat", "acc", "inst", "loc")
POS = ("verb", "noun", "mwe")
# Prepositions the frames may name (with the cases they govern in those frames).
PREPOSITIONS = frozenset({"z", "do", "na", "o", "od", "u", "w", "za", "dla", "wobec", "przeciwko", "przeciw",
                          "pod", "nad", "przed", "przy", "między", "przez"})
CAMEO_CODE = re.compile(r"\d{2,4}")


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
        return None if self.adjective else UD_CASE[self.case]

    @property
    def adjective(self) -> bool:
        """The participant is a relational adjective of the noun ("rosyjski atak"), not a case."""
        return self.case == "adj"


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


def parse_frame(text: str) -> Frame:
    """``"z+inst"`` -> Frame("inst", "z"); ValueError for anything but a known case or preposition."""
    preposition, plus, case = text.partition("+")
    if not plus:
        preposition, case = None, text
    if case not in CASES and not (case == "adj" and preposition is None):
        raise ValueError(f"unknown case {case!r} in frame {text!r}: use one of {', '.join(CASES)} or 'adj'")
    if preposition is not None and preposition not in PREPOSITIONS:
        raise ValueError(f"unknown preposition {preposition!r} in frame {text!r}: add it to PREPOSITIONS")
    return Frame(case, preposition)


def parse_frames(text: str) -> tuple[Frame, ...]:
    return tuple(parse_frame(part) for part in text.split("|")) if text else ()


def _flag(value: str, column: str) -> bool:
    if value not in ("0", "1"):
        raise ValueError(f"{column} must be 0 or 1, not {value!r}")
    return value == "1"


def parse_row(row: dict[str, str]) -> Trigger:
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
        lemmas=lemmas, pos=row["pos"], cameo=row["cameo"], recipient=parse_frames(row["recipient"]),
        actor_from=parse_frames(row["actor_from"]), symmetric=_flag(row["symmetric"], "symmetric"),
        speech=_flag(row["speech"], "speech"), gap=int(row["gap"]), ordered=_flag(row["ordered"], "ordered"),
        notes=row["notes"],
    )


def load_triggers(text: str, source: str = "triggers.tsv") -> tuple[Trigger, ...]:
    """Trigger records of a table in the triggers.tsv format; errors name ``source:line``."""
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
            out.append(parse_row(dict(zip(header, cells))))
        except ValueError as error:
            raise ValueError(f"{source}:{number}: {error}") from None
    return tuple(out)


TRIGGERS: tuple[Trigger, ...] = load_triggers(
    files("kronika.lang.pl").joinpath("triggers.tsv").read_text(encoding="utf-8")
)

__all__ = ["TRIGGERS", "Frame", "Trigger", "load_triggers", "parse_frame", "parse_frames"]
