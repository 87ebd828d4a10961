"""Small towns are linked only in an article that names their state.

The knowledge base holds every town of 15,000 people or more; a town of under 100,000 outside the home state
is marked ``extra["small_town"]`` by ``scripts/build_kb.py``. Its names are often a first name, a surname or
a Polish village elsewhere ("Nida" is a German town, a Polish river and an Afghan minister's first name), and
news that reports from such a town names its state too ("Pokrowsk" in a report on Ukraine's war). So a small
town's mention stands only where the article names the town's state otherwise: the state, another of its
places, people or bodies, or its adjective (``article_states``), or, for a name the base links only once
its Polish spelling is undone (``link_romanize.py``), another of the article's places; elsewhere the words
are left to the name detector, as if the base lacked the town.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from kronika.stages.link_context import article_states

if TYPE_CHECKING:  # the linker's types; importing them here at run time would be circular
    from kronika.kb.model import Entry
    from kronika.record import Token
    from kronika.stages.link import Found, Linker

SMALL_TOWN = "small_town"
# The source of a mention the knowledge base's names found (``Linker.gazetteer_matches``).
GAZETTEER = "gazetteer"


def placed_towns(linker: Linker, tokens: list[Token], found: list[Found], text: str | None = None) -> list[Found]:
    """``found`` less the small towns whose state the article does not name otherwise. With ``text`` (the
    article), such a town's mention that the name detector found is kept as a name the base lacks instead,
    under its base form; one the base alone found goes."""
    towns = [f for f in found if _small_town_country(linker, f)]
    if not towns:
        return found
    others = [f for f in found if f not in towns]
    named = article_states(linker, tokens, others)
    kept = []
    for f in found:
        country = _small_town_country(linker, f) if f in towns else None
        if country is None or named[country] > 0:
            kept.append(f)
        elif text is not None and f.source != GAZETTEER:
            f.entry, f.name = None, linker.base_form(tokens, f.start, f.end, text)
            kept.append(f)
    return kept


def placed(entry: Entry, named: Counter) -> bool:
    """Whether ``entry`` is no small town, or one whose state ``named`` (mentions by state) counts."""
    return not (entry.extra and entry.extra.get(SMALL_TOWN)) or named[entry.country] > 0


def _small_town_country(linker: Linker, f: Found) -> str | None:
    entry = linker.kb.get(f.entry) if f.entry else None
    if entry is None or not entry.extra or not entry.extra.get(SMALL_TOWN):
        return None
    return entry.country
