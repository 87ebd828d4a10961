"""Regions listed under one noun: "w obwodzie kurskim oraz biełgorodzkim", "województwa zachodniopomorskiego i
wielkopolskiego".

A region's name is a noun and an adjective written in lower case ("obwód biełgorodzki", "województwo
wielkopolskie"); a list of regions names the noun once and the second region by its adjective alone. An
adjective that a list joiner (``list_joiners``: "i", "oraz", ",") ties to a region the gazetteer matched is the
region the base names by the same noun and that adjective.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kronika.record import Token

if TYPE_CHECKING:  # the linker's types; importing them here at run time would be circular
    from kronika.stages.link import Found, Linker


def elided_regions(linker: Linker, tokens: list[Token], found: list[Found]) -> list[Found]:
    """The regions named by an adjective alone after a region of two words and a list joiner."""
    joiners = getattr(linker.language, "list_joiners", frozenset())
    taken = {i for f in found for i in range(f.start, f.end)}
    out = []
    for f in found:
        if not f.entry or f.end - f.start != 2 or not all(t.text.islower() for t in tokens[f.start : f.end]):
            continue
        nouns = linker.token_keys(tokens[f.start])
        j = f.end
        while nouns and j + 1 < len(tokens) and tokens[j].text.casefold() in joiners:
            adjective = tokens[j + 1]
            if j + 1 in taken or not adjective.text.islower():
                break
            entry = _region(linker, nouns, adjective)
            if entry is None:
                break
            region = linker.kb.get(entry)
            out.append(type(f)(j + 1, j + 2, region.type, region.name, entry, "gazetteer"))
            j += 2
    return out


def _region(linker: Linker, nouns: frozenset[str], adjective: Token) -> str | None:
    """The base's region of two words, a noun of ``nouns`` and ``adjective``, or None."""
    keys = linker.token_keys(adjective)
    for noun in nouns:
        for alias_keys, _words, entry in linker.aliases_opening(noun):
            if len(alias_keys) == 2 and noun in alias_keys[0] and keys & alias_keys[1]:
                return entry
    return None
