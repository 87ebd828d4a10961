"""English event triggers: a handful of verbs and nouns mapped to CAMEO codes, with the frames that give an event's
actor and recipient (``triggers.tsv`` next to this module documents its sources and columns).

The records are the trigger schema's (``Trigger``, ``Frame``), which still lives in the Polish pack; only the
prepositions a frame may name are English here. English nouns have no case: a frame's case says which position
the stages look in, and names (which carry no case feature) may stand in any.
"""

from __future__ import annotations

from importlib.resources import files

from kronika.lang.pl.triggers import CASES, Frame, Trigger, parse_row

# Prepositions the English frames may name.
PREPOSITIONS = frozenset({"with", "on", "against", "to", "in", "at", "from", "of", "by", "for", "into", "over"})


def english_frames(row: dict[str, str]) -> dict[str, str]:
    """The row with its English prepositions set aside, so the shared row parser checks everything else."""
    return {**row, "recipient": "", "actor_from": ""}


def parse_frames(text: str) -> tuple[Frame, ...]:
    """``"with+acc|acc"`` -> frames; a ValueError names an unknown case or preposition."""
    frames = []
    for part in filter(None, text.split("|")):
        preposition, plus, case = part.partition("+")
        if not plus:
            preposition, case = None, part
        if case not in CASES and not (case == "adj" and preposition is None):
            raise ValueError(f"unknown case {case!r} in frame {part!r}: use one of {', '.join(CASES)}")
        if preposition is not None and preposition not in PREPOSITIONS:
            raise ValueError(f"unknown preposition {preposition!r} in frame {part!r}: add it to PREPOSITIONS")
        frames.append(Frame(case, preposition))
    return tuple(frames)


def load_triggers(text: str, source: str = "triggers.tsv") -> tuple[Trigger, ...]:
    """Trigger records of a table in the triggers.tsv format; errors name ``source:line``."""
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    header, out = rows[0], []
    for number, cells in enumerate(rows[1:], 2):
        if len(cells) != len(header):
            raise ValueError(f"{source}: row {number}: {len(cells)} cells, the header has {len(header)}")
        row = dict(zip(header, cells))
        try:
            trigger = parse_row(english_frames(row))
            out.append(Trigger(**{**{f: getattr(trigger, f) for f in Trigger.__slots__},
                                  "recipient": parse_frames(row["recipient"]),
                                  "actor_from": parse_frames(row["actor_from"])}))
        except ValueError as error:
            raise ValueError(f"{source}: row {number}: {error}") from None
    return tuple(out)


TRIGGERS: tuple[Trigger, ...] = load_triggers(files(__package__).joinpath("triggers.tsv").read_text(encoding="utf-8"))
