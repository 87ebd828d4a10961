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

from importlib.resources import files

from kronika.lang import triggers as schema
from kronika.lang.triggers import CASES, Frame, Trigger

# Prepositions the frames may name (with the cases they govern in those frames).
PREPOSITIONS = frozenset(
    {
        "z",
        "do",
        "na",
        "o",
        "od",
        "u",
        "w",
        "za",
        "dla",
        "wobec",
        "przeciwko",
        "przeciw",
        "pod",
        "nad",
        "przed",
        "przy",
        "między",
        "przez",
    }
)


def parse_frame(text: str) -> Frame:
    """``"z+inst"`` -> Frame("inst", "z"); ValueError for anything but a known case or Polish preposition."""
    return schema.parse_frame(text, PREPOSITIONS)


def load_triggers(text: str, source: str = "triggers.tsv") -> tuple[Trigger, ...]:
    return schema.load_triggers(text, PREPOSITIONS, source)


TRIGGERS: tuple[Trigger, ...] = load_triggers(
    files("kronika.lang.pl").joinpath("triggers.tsv").read_text(encoding="utf-8")
)

__all__ = ["CASES", "PREPOSITIONS", "TRIGGERS", "Frame", "Trigger", "load_triggers", "parse_frame"]
