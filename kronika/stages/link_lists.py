"""A name listed with places is a place: "w Hajfie i Aszdodzie", "w Ankarze, Stambule i Malatyi"; a full name
listed between people's is a person's: "Matan Angrest, Gali Berman, Ziw Berman".

The detector types an unknown foreign word in an oblique case as a person as readily as a place ("Aszdodzie",
"Malatyi"), and a person's reading then looks for it among people only. In a list, the names share a kind: a
one-word name the base lacks, typed a person, that a list joiner (``list_joiners``: "i", ",") ties to a place
the base knows, is typed a place, so that it is looked for among places ("Malatyi" is Malatya).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kronika.record import Token

if TYPE_CHECKING:  # the linker's types; importing them here at run time would be circular
    from kronika.stages.link import Found, Linker

PLACE_TYPES = ("GPE", "LOC")


def type_listed_places(linker: Linker, tokens: list[Token], found: list[Found]) -> None:
    """Retype, in place, the unlinked one-word persons of ``found`` listed right after a known place."""
    joiners = getattr(linker.language, "list_joiners", frozenset())
    if not joiners:
        return
    by_end = {f.end: f for f in found}
    for f in found:
        if f.entry or f.type != "PER" or f.end - f.start != 1 or f.start < 2:
            continue
        if tokens[f.start - 1].text.casefold() not in joiners:
            continue
        previous = by_end.get(f.start - 1)
        if previous is not None and previous.entry and previous.type in PLACE_TYPES:
            f.type = previous.type


def type_listed_people(linker: Linker, tokens: list[Token], found: list[Found]) -> None:
    """Retype, in place, the unlinked names of two words or more that ``found`` has typed a place, when list
    joiners tie them to people's full names on both sides, or to two before them and nothing after: the
    detector reads an unknown full name as a place as readily ("Gali Berman" among released hostages). One
    person and a place ("X i Y") is no list of people."""
    joiners = getattr(linker.language, "list_joiners", frozenset())
    if not joiners:
        return
    by_end = {f.end: f for f in found}
    by_start = {f.start: f for f in found}

    def listed(f: Found | None) -> bool:
        return f is not None and f.type == "PER" and f.end - f.start > 1

    def _listed_before(f: Found) -> bool:
        # The person before is itself joined to a person's full name before it: a list of people goes on.
        return f.start >= 2 and tokens[f.start - 1].text.casefold() in joiners and listed(by_end.get(f.start - 1))

    for f in found:
        if f.entry or f.type not in PLACE_TYPES or f.end - f.start < 2 or f.start < 2:
            continue
        if tokens[f.start - 1].text.casefold() not in joiners or not listed(by_end.get(f.start - 1)):
            continue
        after = f.end < len(tokens) and tokens[f.end].text.casefold() in joiners
        if listed(by_start.get(f.end + 1)) if after else _listed_before(by_end.get(f.start - 1)):
            f.type, f.name = "PER", linker.person_base(tokens, f.start, f.end, f.name)
