"""English event triggers: a handful of verbs and nouns mapped to CAMEO codes, with the frames that give an event's
actor and recipient (``triggers.tsv`` next to this module documents its sources and columns; the schema is
``kronika/lang/triggers.py``). English nouns have no case: a frame's case says which position the stages look
in, and names (which carry no case feature) may stand in any.
"""

from __future__ import annotations

from importlib.resources import files

from kronika.lang.triggers import Trigger, load_triggers

# Prepositions the English frames may name.
PREPOSITIONS = frozenset({"with", "on", "against", "to", "in", "at", "from", "of", "by", "for", "into", "over"})

TRIGGERS: tuple[Trigger, ...] = load_triggers(
    files(__package__).joinpath("triggers.tsv").read_text(encoding="utf-8"), PREPOSITIONS
)
