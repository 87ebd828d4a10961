"""A body's acronym in brackets right after its name is the same body: "Państwo Islamskie (IS)", "Radio Wolna
Europa (RWE)", "Powszechne Jednostki Ochrony (YPG)".

News introduces an acronym this way once and then uses either. The acronym is often of the body's own
language or of English ("IS", "YPG", "ICE"), so its letters need not be the Polish name's initials; the
brackets right after the name are the evidence. The name must be one the base lacks: when the base knows the
acronym, the entity is the base's; when it knows neither, the acronym names it, as English sources name such
bodies too. A person's name before the brackets is followed by their party ("Jan Nowak (PO)"), and a state's
or place's by anything, so only a body's name takes the acronym. A body the base knows keeps an unknown
acronym apart ("Państwo Islamskie (IS)"): joined, the body's extra mentions made the events layer, trained on
records without them, take it for a side of more events (check-pl events strict 0.333 -> 0.327).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kronika.record import Token

if TYPE_CHECKING:  # the linker's types; importing them here at run time would be circular
    from kronika.stages.link import Group

OPENING, CLOSING = "(", ")"


def join_acronyms(groups: dict[str, Group], tokens: list[Token]) -> None:
    """Join each acronym group to the unknown body whose mention ends right before the acronym's bracket."""
    ends = {}
    for key, group in groups.items():
        for start, end in group.mentions:
            ends[end] = key
    for key in list(groups):
        group = groups.get(key)
        if group is None:
            continue
        for start, end in list(group.mentions):
            if not _bracketed_acronym(tokens, start, end):
                continue
            body = groups.get(ends.get(start - 1, ""))
            if body is None or body is group or body.type != "ORG" or body.entry:
                continue
            group.mentions += body.mentions
            group.type = "ORG"
            group.country = group.country or body.country
            del groups[body.key]
            ends.update({e: key for _, e in body.mentions})
            break


def _bracketed_acronym(tokens: list[Token], start: int, end: int) -> bool:
    """Whether tokens [start, end) are an acronym alone in brackets: "(", "IS", ")"."""
    if start < 1 or end >= len(tokens) or tokens[start - 1].text != OPENING or tokens[end].text != CLOSING:
        return False
    words = [t.text for t in tokens[start:end]]
    return all(len(w) > 1 and w.isupper() for w in words)
